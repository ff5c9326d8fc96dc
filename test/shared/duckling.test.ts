/**
 * Duckling's Arabic example corpora (../shared/data/duckling-ar) as a regression suite: the
 * pass rate per file, with the targets of issue 3. `npm run duckling` prints the same figures
 * (`-- --details` lists every failure); src/eval/duckling.ts says how Duckling's conventions
 * are mapped to the contract's.
 */
import { expect, it } from 'vitest';
import { formatDucklingReport, runDuckling } from '../../src/eval/duckling.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('Duckling Arabic corpora', () => {
  const report = runDuckling(shared('data', 'duckling-ar'));

  it('prints its figures', () => {
    console.log(formatDucklingReport(report));
    expect(report.time.total).toBeGreaterThan(100);
  });

  it('reads the MSA numerals (≥ 97% exact value)', () => {
    expect(report.numeral.rate, JSON.stringify(report.numeral.failures)).toBeGreaterThanOrEqual(0.97);
  });

  it('reads the ordinals (≥ 95% exact value)', () => {
    expect(report.ordinal.rate, JSON.stringify(report.ordinal.failures)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the absolute dates of the time file (≥ 90%)', () => {
    const absolute = report.time.byClass!['absolute-date'];
    expect(absolute.total).toBeGreaterThanOrEqual(40);
    expect(absolute.rate, JSON.stringify(report.time.failures.filter((f) => f.class === 'absolute-date'))).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no date in the negative examples', () => {
    expect(report.time.byClass!.negative.rate).toBe(1);
  });
});
