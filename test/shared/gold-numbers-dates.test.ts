/**
 * Dates and quantities of the five seeds scored against ../shared/gold by the contract's rules
 * (src/eval/score.ts), with the targets of issue 3. The seeds are evaluation, not development
 * material: the rules are general and come from data/ar; see test/corpus for examples.
 */
import { expect, it } from 'vitest';
import { evaluateSeeds } from '../../src/eval/evaluate.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('seeds against gold: dates and quantities', () => {
  it('detects dates (F1 ≥ 0.95) and quantities (F1 ≥ 0.90) with right values (≥ 0.95)', async () => {
    const { summary, documents } = await evaluateSeeds(shared('gold'), shared('seeds'));
    const details = JSON.stringify(documents.map((d) => ({ doc: d.doc, dates: d.dates, quantities: d.quantities })));
    console.log(
      `dates: F1 ${summary.dates.detection.f1.toFixed(3)}, value accuracy ${summary.dates.valueAccuracy.toFixed(3)}; ` +
        `quantities: F1 ${summary.quantities.detection.f1.toFixed(3)}, value accuracy ${summary.quantities.valueAccuracy.toFixed(3)}`,
    );
    expect(summary.dates.detection.f1, details).toBeGreaterThanOrEqual(0.95);
    expect(summary.dates.valueAccuracy, details).toBeGreaterThanOrEqual(0.95);
    expect(summary.quantities.detection.f1, details).toBeGreaterThanOrEqual(0.9);
    expect(summary.quantities.valueAccuracy, details).toBeGreaterThanOrEqual(0.95);
  });
});
