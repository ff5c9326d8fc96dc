/**
 * `npm run train:ner`: trains the name tagger and writes models/ner-ar-v1.json.gz.
 *
 * Reads ANERcorp's train split from ../shared/data (never a test split), the word clusters and
 * typical neighbours learned from Arabic Wikipedia (models/arwiki-*.tsv.gz, made by
 * `npm run build:ner-clusters`), and the name lists (scripts/ner/name-lists.ts). Seeded: the
 * same inputs give the same file.
 *
 * The shipped settings are SETTINGS below, chosen on ANERcorp train alone:
 *   --dev    holds out the last 10% of train, trains on the rest, prints dev figures after
 *            every pass, writes nothing;
 *   --cv K   K-fold cross-validation over train (contiguous blocks), prints the mean F1.
 * Levers, to measure one against the shipped settings:
 *   --no-clusters --no-lists --no-neighbours --no-pairs --no-document --second-order --crf
 *   --wojood --window N --epochs N --min-count N --ensemble N --seed N --document-window N
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packageRoot } from '../src/lexicon/resources.js';
import { DEFAULT_FEATURES, Featurizer, type FeatureConfig } from '../src/ner/features.js';
import { LABELS } from '../src/ner/labels.js';
import { lexiconText, NerModel, stageToFile, TextLexicon, type ModelFile } from '../src/ner/model.js';
import { entitiesOf, scoreEntities, type EntityReport } from '../src/ner/seqeval.js';
import { confidenceOf, fitCalibration, PerceptronNameTagger, type Calibration } from '../src/ner/tagger.js';
import { averageModels, heldOutLabels, trainModel, withDocumentFeatures, type TrainedWeights, type TrainingSentence, type TrainOptions } from '../src/ner/train.js';
import { readNameLists } from './ner/name-lists.js';
import { readAnercorpTrain, readWojood } from './ner/training-data.js';

const MODEL_ID = 'ner-ar-v1';

/** The settings of the shipped model, chosen by cross-validation on ANERcorp train (README). */
const SETTINGS = {
  epochs: 12,
  seed: 20261123,
  minFeatureCount: 2,
  /** First order: with the document stage, second order gained nothing on held-out data. */
  secondOrder: false,
  pruneBelow: 0.005,
  /** Models averaged per stage (each visits the data in its own order). */
  ensemble: 1,
  /** A second stage reading the first stage's labels of the same words nearby. */
  documentStage: true,
  documentWindow: 10,
  /** Folds of the held-out first-stage labels the document stage learns from. */
  documentFolds: 5,
  wojood: false,
  algorithm: 'perceptron' as 'perceptron' | 'crf',
  learningRate: 0.2,
  features: DEFAULT_FEATURES,
};
type Settings = typeof SETTINGS;

function parseArgs(argv: string[]) {
  const s = { ...SETTINGS, features: { ...SETTINGS.features } as { -readonly [K in keyof FeatureConfig]: FeatureConfig[K] }, dev: false, cv: 0, out: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dev') s.dev = true;
    else if (a === '--cv') s.cv = Number(value());
    else if (a === '--out') s.out = value();
    else if (a === '--no-clusters') {
      s.features.clusterPrefixes = [];
      s.features.contextClusterPrefixes = [];
    } else if (a === '--no-lists') s.features.lists = false;
    else if (a === '--no-neighbours') s.features.neighbours = false;
    else if (a === '--no-pairs') s.features.wordPairs = false;
    else if (a === '--window') s.features.window = Number(value());
    else if (a === '--no-document') s.documentStage = false;
    else if (a === '--document-window') s.documentWindow = Number(value());
    else if (a === '--first-order') s.secondOrder = false;
    else if (a === '--second-order') s.secondOrder = true;
    else if (a === '--crf') {
      s.algorithm = 'crf';
      s.secondOrder = false;
    } else if (a === '--lr') s.learningRate = Number(value());
    else if (a === '--wojood') s.wojood = true;
    else if (a === '--epochs') s.epochs = Number(value());
    else if (a === '--seed') s.seed = Number(value());
    else if (a === '--min-count') s.minFeatureCount = Number(value());
    else if (a === '--ensemble') s.ensemble = Number(value());
    else throw new Error(`unknown option ${a}`);
  }
  return s;
}

function formatReport(r: EntityReport): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const parts = [...r.types].map(([t, s]) => `${t} ${pct(s.f1)}`);
  return `F1 ${pct(r.overall.f1)} (P ${pct(r.overall.precision)} R ${pct(r.overall.recall)}) · ${parts.join(' · ')}`;
}

/** What training gives: the stages' weights and a tagger over them. */
interface Fitted {
  readonly stages: TrainedWeights[];
  readonly tagger: PerceptronNameTagger;
}

/** Trains the stages on `train` with settings `s`. */
function fit(train: readonly TrainingSentence[], featurizer: Featurizer, s: Settings, calibration: Calibration, log: (line: string) => void): Fitted {
  const options: TrainOptions = {
    epochs: s.epochs,
    seed: s.seed,
    minFeatureCount: s.minFeatureCount,
    secondOrder: s.secondOrder,
    pruneBelow: s.pruneBelow,
    algorithm: s.algorithm,
    learningRate: s.learningRate,
  };
  const trainStage = (sentences: readonly TrainingSentence[]) =>
    averageModels(Array.from({ length: s.ensemble }, (_, e) => trainModel(sentences, featurizer, { ...options, seed: s.seed + e })));
  const asModel = (t: TrainedWeights) => new NerModel(MODEL_ID, featurizer, t.hashes, t.weights, t.transitions);

  const first = trainStage(train);
  log(`  stage 1: ${first.hashes.length} features`);
  if (!s.documentStage) return { stages: [first], tagger: new PerceptronNameTagger([asModel(first)], 0, calibration) };
  const heldOut = heldOutLabels(train, featurizer, options, s.documentFolds, (t, forms) => asModel(t).decode(forms));
  const second = trainStage(withDocumentFeatures(train, featurizer, heldOut, s.documentWindow));
  log(`  stage 2 (document): ${second.hashes.length} features`);
  return { stages: [first, second], tagger: new PerceptronNameTagger([asModel(first), asModel(second)], s.documentWindow, calibration) };
}

function evaluate(tagger: PerceptronNameTagger, sentences: readonly TrainingSentence[]): EntityReport {
  const predicted = tagger.tagSentences(sentences.map((d) => d.forms));
  return scoreEntities(
    sentences.map((d) => Array.from(d.labels, (l) => LABELS[l]!)),
    predicted,
  );
}

/** Each predicted name's margin on held-out sentences, and whether it is exactly right. */
function calibrationPoints(tagger: PerceptronNameTagger, sentences: readonly TrainingSentence[]) {
  const names = tagger.namesOf(sentences.map((d) => d.forms));
  const points: { margin: number; correct: boolean }[] = [];
  sentences.forEach((d, k) => {
    const gold = new Set(entitiesOf(Array.from(d.labels, (l) => LABELS[l]!)).map((e) => `${e.type === 'PERS' ? 'PER' : e.type}|${e.start}|${e.end}`));
    for (const n of names[k]!) points.push({ margin: n.margin, correct: gold.has(`${n.type}|${n.start}|${n.end}`) });
  });
  return points;
}

async function main(): Promise<void> {
  const root = packageRoot();
  const dataDir = join(root, '..', 'shared', 'data');
  const s = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (line: string) => console.log(`${line} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  const anercorp = readAnercorpTrain(dataDir);
  const extra: TrainingSentence[] = s.wojood ? readWojood(dataDir) : [];
  const sources = ['ANERcorp train (CAMeL Lab split)', ...(s.wojood ? ['Wojood sample train+val'] : [])];

  const models = join(root, 'models');
  // The model holds one lexicon line per form (model.ts, lexiconText); a lever switched off
  // leaves its source out, so that it cannot inform the others.
  const rows = (name: string) =>
    gunzipSync(readFileSync(join(models, name)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
  const clusters = s.features.clusterPrefixes.length
    ? new Map(rows('arwiki-clusters-v1.tsv.gz').map(([bits, form, count]) => [form!, { bits: bits!, count: Number(count) }]))
    : undefined;
  const neighbours = s.features.neighbours
    ? new Map(rows('arwiki-neighbours-v1.tsv.gz').map(([form, before, after]) => [form!, { before: before ? before.split(' ') : [], after: after ? after.split(' ') : [] }]))
    : undefined;
  const lists: Record<string, string[]> = s.features.lists ? readNameLists(dataDir) : {};
  const words = lexiconText({ clusters, lists, neighbours });
  const lexicon = new TextLexicon(words);
  const featurizer = new Featurizer(s.features, lexicon);
  console.log(`settings: ${JSON.stringify({ ...s, dev: undefined, cv: undefined, out: undefined })}`);
  console.log(`name lists: ${Object.entries(lists).map(([k, v]) => `${k} ${v.length}`).join(', ') || 'none'}`);

  const noCalibration: Calibration = { slope: 1, intercept: 0 };
  if (s.cv > 1) {
    const f1s: number[] = [];
    const size = Math.ceil(anercorp.length / s.cv);
    for (let k = 0; k < s.cv; k++) {
      const held = anercorp.slice(k * size, (k + 1) * size);
      const rest = [...anercorp.slice(0, k * size), ...anercorp.slice((k + 1) * size), ...extra];
      const { tagger } = fit(rest, featurizer, s, noCalibration, () => {});
      const r = evaluate(tagger, held);
      f1s.push(r.overall.f1);
      log(`  fold ${k + 1}: ${formatReport(r)}`);
    }
    console.log(`cv mean F1 ${((100 * f1s.reduce((a, b) => a + b, 0)) / f1s.length).toFixed(2)}`);
    return;
  }

  // The dev split: the last 10% of ANERcorp train, the text nearest the test split.
  const devSize = Math.round(anercorp.length * 0.1);
  const devTrain = [...anercorp.slice(0, anercorp.length - devSize), ...extra];
  const dev = anercorp.slice(anercorp.length - devSize);
  console.log(`dev split: last ${dev.length} sentences of ANERcorp train; training on ${devTrain.length}`);
  const held = fit(devTrain, featurizer, s, noCalibration, log);
  const devReport = evaluate(held.tagger, dev);
  log(`dev: ${formatReport(devReport)}`);
  if (s.dev) return;

  // The shipped model: every training sentence; confidences calibrated on the dev split.
  const points = calibrationPoints(held.tagger, dev);
  const calibration = fitCalibration(points);
  console.log(`calibration: confidence = σ(${calibration.slope.toFixed(3)} · margin + ${calibration.intercept.toFixed(3)})`);
  // What a confidence threshold keeps, on the dev split (for the entity stage's choice of one).
  const support = devReport.overall.support;
  for (const threshold of [0.5, 0.7, 0.9]) {
    const kept = points.filter((p) => confidenceOf(p.margin, calibration) >= threshold);
    const right = kept.filter((p) => p.correct).length;
    console.log(`  confidence ≥ ${threshold}: ${kept.length} of ${points.length} names kept, precision ${((100 * right) / kept.length).toFixed(1)}, recall ${((100 * right) / support).toFixed(1)}`);
  }
  console.log(`training on all ${anercorp.length + extra.length} sentences (${sources.join(', ')})`);
  const final = fit([...anercorp, ...extra], featurizer, s, calibration, log);

  const file: ModelFile = {
    format: 'marsad-ner',
    formatVersion: 1,
    id: MODEL_ID,
    labels: [...LABELS],
    features: { ...s.features, clusterPrefixes: [...s.features.clusterPrefixes], contextClusterPrefixes: [...s.features.contextClusterPrefixes] },
    stages: final.stages.map((t) => stageToFile(t.hashes, t.weights, t.transitions)),
    documentWindow: s.documentStage ? s.documentWindow : 0,
    lexicon: { words },
    calibration,
    provenance: {
      model: `averaged structured perceptron, ${s.secondOrder ? 'second' : 'first'} order${s.documentStage ? ', with a document stage' : ''}`,
      trainedOn: sources,
      licence: 'CC BY-SA 4.0 (trained on ANERcorp, CC BY-SA 4.0; clusters and neighbours from Arabic Wikipedia, CC BY-SA 4.0)',
      credits: [
        'ANERcorp: Benajiba, Rosso & Benedí Ruiz (CICLing 2007); CAMeL Lab train/test split (Obeid et al., LREC 2020)',
        'Word clusters and neighbours: Arabic Wikipedia 2017-01-20 via the Comparable Wikipedia Corpus (Saad & Alijla 2017), CC BY-SA 4.0',
        'Person-name tokens: Wikidata via NETransliteration-COLING2018 (Amazon), CC0',
        'Places: OpenSyria admin divisions (CC BY 4.0), Open Admin Data Iraq (CC BY 4.0), OCHA countries and territories taxonomy (MIT)',
        ...(s.wojood ? ['Wojood sample: SinaLab ArabicNER (MIT)'] : []),
      ],
      settings: {
        epochs: s.epochs,
        seed: s.seed,
        minFeatureCount: s.minFeatureCount,
        secondOrder: s.secondOrder,
        pruneBelow: s.pruneBelow,
        ensemble: s.ensemble,
        documentWindow: s.documentWindow,
        documentFolds: s.documentFolds,
      },
      dev: { split: 'last 10% of ANERcorp train', f1: Number(devReport.overall.f1.toFixed(4)) },
    },
  };
  const out = s.out || join(models, `${MODEL_ID}.json.gz`);
  mkdirSync(models, { recursive: true });
  const bytes = gzipSync(Buffer.from(JSON.stringify(file), 'utf8'), { level: 9 });
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${final.stages.map((t) => t.hashes.length).join(' + ')} features, ${(bytes.length / 1e6).toFixed(2)} MB`);
}

await main();
