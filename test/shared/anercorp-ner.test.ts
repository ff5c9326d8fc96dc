/**
 * The shipped name tagger on ANERcorp's test split (CAMeL Lab split), scored as seqeval scores
 * it. The model never saw this split: it was trained on the train split alone and its settings
 * were chosen on held-out parts of train (README, "Name tagger"). No training here.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readConll } from '../../src/ner/conll.js';
import { loadNameTagger } from '../../src/ner/index.js';
import { scoreEntities } from '../../src/ner/seqeval.js';
import { describeShared, shared } from '../helpers/shared.js';

/** The target for entity-level micro-F1 on this split. */
const TARGET_F1 = 0.72;

describeShared('name tagger on ANERcorp test', () => {
  const path = shared('data', 'anercorp', 'ANERCorp_CamelLab_test.txt');
  const sentences = readConll(readFileSync(path, 'utf8'), path);

  it('reads the whole split: 925 sentences, 25,008 tokens, 2,285 entities', () => {
    expect(sentences).toHaveLength(925);
    expect(sentences.reduce((n, s) => n + s.tokens.length, 0)).toBe(25_008);
    const report = scoreEntities(
      sentences.map((s) => s.tags),
      sentences.map((s) => s.tags),
    );
    expect(report.overall.support).toBe(2285);
    expect(Object.fromEntries([...report.types].map(([t, s]) => [t, s.support]))).toEqual({ LOC: 676, MISC: 243, ORG: 459, PERS: 907 });
  });

  it(`reaches entity micro-F1 ≥ ${TARGET_F1} (exact span and type)`, () => {
    const tagger = loadNameTagger();
    const predicted = tagger.tagSentences(sentences.map((s) => s.tokens));
    const report = scoreEntities(
      sentences.map((s) => s.tags),
      predicted,
    );
    const pct = (x: number) => (100 * x).toFixed(1);
    console.log(
      `ANERcorp test: F1 ${pct(report.overall.f1)} (P ${pct(report.overall.precision)}, R ${pct(report.overall.recall)}); ` +
        [...report.types].map(([t, s]) => `${t} ${pct(s.f1)}`).join(', '),
    );
    expect(report.overall.f1).toBeGreaterThanOrEqual(TARGET_F1);
    // Every type is found at all (a type at 0 would hide behind a good overall figure).
    for (const type of ['PERS', 'LOC', 'ORG', 'MISC']) expect(report.types.get(type)!.f1).toBeGreaterThan(0.4);
  });
});
