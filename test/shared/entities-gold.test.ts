/**
 * Entity accuracy against the seeds' gold (contract.md's scoring rules), the targets of the
 * entities issue: F1 ≥ 0.90 overall and ≥ 0.85 for each of PER, ORG and LOC; geocoding ≥ 0.90.
 * The gold is evaluation only: the lexicon and rules are written for the domain, not for it.
 */
import { expect, it } from 'vitest';
import { evaluateSeeds, type Evaluation } from '../../src/eval/evaluate.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('entities against the seeds\' gold', () => {
  let evaluation: Evaluation;
  const summary = async () => (evaluation ??= await evaluateSeeds(shared('gold'), shared('seeds'))).summary;

  it('entity F1 is at least 0.90 overall', async () => {
    expect((await summary()).entities.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('entity F1 is at least 0.85 for each of PER, ORG and LOC', async () => {
    const { entities } = await summary();
    for (const type of ['PER', 'ORG', 'LOC'] as const) expect(entities[type].f1, type).toBeGreaterThanOrEqual(0.85);
  });

  it('geocoding accuracy is at least 0.90', async () => {
    const { geocoding } = await summary();
    expect(geocoding.scored).toBeGreaterThan(0);
    expect(geocoding.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
