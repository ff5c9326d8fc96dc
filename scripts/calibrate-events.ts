/**
 * Fits the events' confidence on the dev set and writes data/ar/events/calibration.json, which
 * the extractor applies (src/extract/events/confidence.ts). The product never reads the dev set:
 * only the committed file.
 *
 * Rerun it, and commit the file, whenever the event rules change (triggers, arguments, the
 * extractor): the calibration describes the extractor it was fitted on.
 *
 *   npm run calibrate                                   # ../shared/dev/gold and ../shared/dev/articles
 *   npm run calibrate -- --gold DIR --seeds DIR         # another gold set
 *   npm run calibrate -- --check                        # print the tables, write nothing
 *
 * What it does: extracts every dev article with the raw (uncalibrated) score, noting the
 * features of each event; scores the records against gold (an event is right when it is matched
 * at type + actor, or repeats a matched one: the calibration table of `marsad eval`); counts
 * events and right ones per group of features at every level of the chain; and picks the
 * smoothing strength of each level by leave-one-document-out cross-validation (log loss). It prints the
 * calibration table before (raw score), after (fitted, in sample) and cross-validated (each
 * document scored by a fit on the others: what to expect on new text). Deterministic: the same
 * extractor and gold give the same file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CALIBRATION_LEVELS,
  calibratedRate,
  observeConfidence,
  rawConfidence,
  useCalibration,
  type Calibration,
  type ConfidenceFeatures,
} from '../src/extract/events/confidence.js';
import { eventExtractor } from '../src/extract/events/extractor.js';
import { extractPrepared, prepareArticle } from '../src/extract/document.js';
import { PIPELINE } from '../src/extract/pipeline.js';
import { readGoldDir } from '../src/eval/gold.js';
import { calibrationTable, formatSummary, scoreDocument, summarize, type Calibration as Table } from '../src/eval/score.js';
import { planInputs, readInputs } from '../src/ingest/read.js';
import { packageRoot } from '../src/lexicon/resources.js';
import { EXTRACTOR_REVISION } from '../src/version.js';

const STRENGTHS = [1, 2, 5, 10, 20, 50, 100];
const FLOOR = 0.05;
const CEILING = 0.95;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

interface Sample {
  doc: number;
  features: ConfidenceFeatures;
  raw: number;
  right: boolean;
}

async function collect(goldDir: string, seedsDir: string): Promise<{ samples: Sample[]; documents: number }> {
  const gold = readGoldDir(goldDir);
  const upToEvents = PIPELINE.slice(0, PIPELINE.findIndex((s) => s.kind === 'extractor' && s.run === eventExtractor) + 1);
  const samples: Sample[] = [];
  useCalibration(null); // features and labels of the raw extractor
  for (const [d, g] of gold.entries()) {
    const path = join(seedsDir, g.doc);
    if (!existsSync(path)) throw new Error(`no article for gold document ${g.doc} in ${seedsDir}`);
    const published = g.meta.published ?? undefined;
    for await (const item of readInputs(await planInputs([path]), published ? { published } : {})) {
      if (item.kind === 'failure') throw item.error;
      if (item.kind !== 'article') continue;
      const article = prepareArticle(item.article);
      // The events as the extractor makes them, in order, with the features it scored them by.
      const byTrigger = new Map<number, ConfidenceFeatures>();
      observeConfidence((f, at) => byTrigger.set(at, f));
      extractPrepared(article, { stages: upToEvents });
      observeConfidence(null);
      // The record as the product makes it (merged), scored against gold.
      const record = extractPrepared(article);
      const score = scoreDocument(record, g);
      record.events.forEach((e, i) => {
        const features = byTrigger.get(e.trigger.start);
        if (!features) throw new Error(`${g.doc}: no features for the event at ${e.trigger.start}`);
        samples.push({ doc: d, features, raw: e.confidence, right: score.events.calibration[i]!.right });
      });
    }
  }
  useCalibration(undefined);
  return { samples, documents: gold.length };
}

function fit(samples: readonly Sample[], strengths: readonly number[], meta: Calibration['fitted']): Calibration {
  const levels = CALIBRATION_LEVELS.map((level, li) => {
    const counts: Record<string, [number, number]> = {};
    for (const s of samples) {
      const key = level.key(s.features);
      const c = (counts[key] ??= [0, 0]);
      c[0]++;
      if (s.right) c[1]++;
    }
    // Sorted keys: the same data give the same file.
    return { name: level.name, strength: strengths[li]!, counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) };
  });
  return {
    description:
      'Confidence calibration of the events extractor, fitted on the dev set by scripts/calibrate-events.ts (npm run calibrate; rerun and commit after any change to the event rules). Per level of src/extract/events/confidence.ts CALIBRATION_LEVELS, feature key -> [events, right at type + actor]; an event\'s confidence is its groups\' rates, each shrunk towards the coarser group\'s with its level\'s strength m, clamped to [floor, ceiling]. Generated: do not edit by hand.',
    fitted: { ...meta, events: samples.length, right: samples.filter((s) => s.right).length },
    floor: FLOOR,
    ceiling: CEILING,
    levels,
  };
}

const round2 = (x: number) => Math.round(Math.min(0.99, Math.max(0.05, x)) * 100) / 100;

/** Leave-one-document-out predictions at the levels' strengths. */
function crossValidated(samples: readonly Sample[], strength: readonly number[], meta: Calibration['fitted']): number[] {
  const docs = [...new Set(samples.map((s) => s.doc))];
  const out = new Array<number>(samples.length);
  for (const d of docs) {
    const cal = fit(samples.filter((s) => s.doc !== d), strength, meta);
    samples.forEach((s, i) => {
      if (s.doc === d) out[i] = round2(calibratedRate(cal, s.features));
    });
  }
  return out;
}

const logLoss = (p: readonly number[], samples: readonly Sample[]) =>
  -samples.reduce((sum, s, i) => sum + Math.log(s.right ? p[i]! : 1 - p[i]!), 0) / samples.length;

function printTable(title: string, table: Table): void {
  // formatSummary's table, alone.
  const summary = summarize([]);
  summary.events.calibration = table;
  const lines = formatSummary(summary).split('\n');
  const from = lines.findIndex((l) => l.startsWith('Confidence'));
  console.log(`\n${title}`);
  for (const l of lines.slice(from + 1)) console.log(l);
}

async function main(): Promise<void> {
  const root = packageRoot();
  const goldDir = option('--gold', join(root, '..', 'shared', 'dev', 'gold'));
  const seedsDir = option('--seeds', join(root, '..', 'shared', 'dev', 'articles'));
  const { samples, documents } = await collect(goldDir, seedsDir);
  const meta = { gold: 'shared/dev/gold', documents, events: 0, right: 0, revision: `x${EXTRACTOR_REVISION}` };
  const outcomes = (p: readonly number[]) => samples.map((s, i) => ({ confidence: p[i]!, right: s.right }));

  // One strength for every level first, then each level's own, a level at a time (two rounds
  // of coordinate descent on the cross-validated log loss; ties keep the earlier, smaller m).
  const loss = (strengths: readonly number[]) => logLoss(crossValidated(samples, strengths, meta), samples);
  const uniform = STRENGTHS.map((m) => ({ m, loss: loss(CALIBRATION_LEVELS.map(() => m)) }));
  let strengths = CALIBRATION_LEVELS.map(() => uniform.reduce((a, b) => (b.loss < a.loss ? b : a)).m);
  let best = loss(strengths);
  for (let round = 0; round < 2; round++) {
    for (let li = 0; li < strengths.length; li++) {
      for (const m of STRENGTHS) {
        const tried = strengths.map((x, i) => (i === li ? m : x));
        const l = loss(tried);
        if (l < best - 1e-9) [strengths, best] = [tried, l];
      }
    }
  }
  const rawLoss = logLoss(samples.map((s) => Math.min(0.99, Math.max(0.01, rawConfidence(s.features)))), samples);
  console.log(`${samples.length} events from ${documents} documents, ${samples.filter((s) => s.right).length} right`);
  console.log(`log loss: raw score ${rawLoss.toFixed(3)}; cross-validated, one strength for all levels: ${uniform.map((l) => `m=${l.m} ${l.loss.toFixed(3)}`).join(', ')}`);
  console.log(`strengths per level: ${CALIBRATION_LEVELS.map((l, i) => `${l.name} ${strengths[i]}`).join(', ')} (cross-validated log loss ${best.toFixed(3)})`);

  const cal = fit(samples, strengths, meta);
  printTable('Before (raw score):', calibrationTable(outcomes(samples.map((s) => s.raw))));
  printTable('After (fitted, in sample):', calibrationTable(outcomes(samples.map((s) => round2(calibratedRate(cal, s.features))))));
  printTable('After, cross-validated (each document by a fit on the others):', calibrationTable(outcomes(crossValidated(samples, strengths, meta))));

  if (process.argv.includes('--check')) return;
  const path = join(root, 'data', 'ar', 'events', 'calibration.json');
  writeFileSync(path, JSON.stringify(cal, null, 1) + '\n');
  console.log(`\nwrote ${path}`);
}

await main();
