import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, Featurizer, NameList, NO_LEXICON } from '../../src/ner/features.js';
import { DEFAULT_MODEL, loadNameTagger } from '../../src/ner/index.js';
import { LABELS, labelIndex } from '../../src/ner/labels.js';
import { FeatureTable, lexiconText, modelsFromFile, NerModel, readModelFile, SortedLines, sortLines, stageToFile, TextLexicon, type ModelFile } from '../../src/ner/model.js';
import { trainModel, type TrainingSentence } from '../../src/ner/train.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { tempDir } from '../helpers/tmp.js';

describe('sorted lines', () => {
  const lines = new SortedLines(sortLines(['حلب\t2', 'بغداد\t1', 'دمشق\t3']));

  it('finds a line by its first field, and nothing for a missing one', () => {
    expect(lines.length).toBe(3);
    expect(lines.find('بغداد')).toBe('بغداد\t1');
    expect(lines.find('دمشق')).toBe('دمشق\t3');
    expect(lines.find('حلب')).toBe('حلب\t2');
    expect(lines.find('حل')).toBeUndefined();
    expect(lines.find('حلبا')).toBeUndefined();
  });

  it('reads text without a final newline, and empty text', () => {
    expect(new SortedLines('a\nb').find('b')).toBe('b');
    expect(new SortedLines('').find('a')).toBeUndefined();
    expect(new SortedLines('').length).toBe(0);
  });

  it('tells whether keys are sorted', () => {
    expect(lines.isSorted()).toBe(true);
    expect(new SortedLines('b\na\n').isSorted()).toBe(false);
  });
});

describe('the lexicon text', () => {
  it('joins clusters, lists and neighbours into one sorted line per form', () => {
    const text = lexiconText({
      clusters: new Map([['حلب', { bits: '0110', count: 1200 }]]),
      lists: { Place: ['حلب', 'ادلب'], Person: ['حلب'] },
      neighbours: new Map([['حلب', { before: ['مدينه'], after: ['الشهباء', 'و'] }]]),
    });
    expect(text).toBe('ادلب\t\t0\t2\t\t\nحلب\t0110\t1200\t3\tمدينه\tالشهباء و\n');
    const lexicon = new TextLexicon(text);
    expect(lexicon.isSorted()).toBe(true);
    expect(lexicon.entry('حلب')).toEqual({ bits: '0110', count: 1200, lists: NameList.Place | NameList.Person, before: ['مدينه'], after: ['الشهباء', 'و'] });
    expect(lexicon.entry('ادلب')).toEqual({ bits: null, count: 0, lists: NameList.Place, before: [], after: [] });
  });

  it('refuses a list it does not know', () => {
    expect(() => lexiconText({ lists: { Planet: ['المريخ'] } })).toThrow('unknown name list "Planet"');
  });
});

describe('feature table', () => {
  it('maps hashes to rows, 0 included, and misses to -1', () => {
    const table = new FeatureTable(Uint32Array.of(7, 0, 4_000_000_000));
    expect(table.get(7)).toBe(0);
    expect(table.get(0)).toBe(1);
    expect(table.get(4_000_000_000)).toBe(2);
    expect(table.get(8)).toBe(-1);
  });
});

describe('model files', () => {
  const sentences: TrainingSentence[] = [
    { forms: ['زار', 'سالم', 'حلب'], labels: Int8Array.from(['O', 'B-PERS', 'B-LOC'], labelIndex) },
    { forms: ['زار', 'كريم', 'حمص'], labels: Int8Array.from(['O', 'B-PERS', 'B-LOC'], labelIndex) },
  ];
  const features = { ...DEFAULT_FEATURES, clusterPrefixes: [], contextClusterPrefixes: [], lists: false };

  it('a model written to a file tags as the trained weights do', () => {
    const featurizer = new Featurizer(features, NO_LEXICON);
    const trained = trainModel(sentences, featurizer, { epochs: 3, seed: 1, minFeatureCount: 1, secondOrder: true, pruneBelow: 0 });
    const direct = new NerModel('tiny', featurizer, trained.hashes, trained.weights, trained.transitions);
    const file: ModelFile = {
      format: 'marsad-ner',
      formatVersion: 1,
      id: 'tiny',
      labels: [...LABELS],
      features: { ...features, clusterPrefixes: [], contextClusterPrefixes: [] },
      stages: [stageToFile(trained.hashes, trained.weights, trained.transitions)],
      documentWindow: 0,
      lexicon: { words: '' },
      calibration: { slope: 1, intercept: 0 },
      provenance: {},
    };
    const path = join(tempDir(), 'tiny.json.gz');
    writeFileSync(path, gzipSync(JSON.stringify(file)));
    const tagger = loadNameTagger(path);
    expect(tagger.id).toBe('tiny');
    for (const forms of [['زار', 'سالم', 'حلب'], ['زار', 'كريم', 'حلب']]) {
      expect(tagger.tagSentences([forms])[0]).toEqual(direct.labelsOf(forms));
    }
    // 16-bit weights: every weight within half a step of the trained one.
    const [loaded] = modelsFromFile(readModelFile(path));
    const step = stageToFile(trained.hashes, trained.weights, trained.transitions).scale;
    for (let i = 0; i < trained.weights.length; i++) expect(Math.abs(loaded!.weights[i]! - trained.weights[i]!)).toBeLessThanOrEqual(step / 2 + 1e-6);
  });

  it('refuses a file whose weights do not match its features', () => {
    const featurizer = new Featurizer(features, NO_LEXICON);
    const trained = trainModel(sentences, featurizer, { epochs: 1, seed: 1, minFeatureCount: 1, secondOrder: false, pruneBelow: 0 });
    const stage = stageToFile(trained.hashes.subarray(1), trained.weights, trained.transitions);
    const path = join(tempDir(), 'bad.json.gz');
    const file = { format: 'marsad-ner', formatVersion: 1, id: 'bad', labels: [...LABELS], features, stages: [stage], documentWindow: 0, lexicon: { words: '' }, calibration: { slope: 1, intercept: 0 }, provenance: {} };
    writeFileSync(path, gzipSync(JSON.stringify(file)));
    expect(() => loadNameTagger(path)).toThrow(/bad\.json\.gz: .*stage 1: \d+ weights for \d+ features/);
  });

  it("the shipped model's lexicon is sorted (lookups binary-search it) and names its sources", () => {
    const file = readModelFile(join(packageRoot(), DEFAULT_MODEL));
    expect(new TextLexicon(file.lexicon.words).isSorted()).toBe(true);
    // form, bits, count, lists, before, after
    expect(file.lexicon.words.split('\n', 1)[0]).toMatch(/^\S+\t([01]{10})?\t\d+\t\d\t[^\t]*\t[^\t]*$/);
    const lexicon = new TextLexicon(file.lexicon.words);
    const baghdad = lexicon.entry('بغداد')!;
    expect(baghdad.bits).toMatch(/^[01]{10}$/);
    expect(baghdad.lists & NameList.Place).toBe(NameList.Place);
    expect(lexicon.entry('سلتيك')?.before).toContain('نادي');
    expect((file.provenance.credits as string[]).join(' ')).toMatch(/ANERcorp.*Wikipedia.*Wikidata/s);
  });
});
