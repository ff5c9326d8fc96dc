/**
 * The fuzz suite on a few hundred inputs (the full run: `npm run fuzz -- --count 10000`):
 * malformed inputs of every kind of issue 16, from a fixed seed, beside valid articles.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, formatTable, runFuzz } from '../../src/bench/fuzz.js';
import { tempDir } from '../helpers/tmp.js';

describe('ingest fuzz (seed 16)', () => {
  it('300 inputs of every kind: no crash, none slow, every input stored, rejected or skipped as its kind allows', async () => {
    const result = await runFuzz(tempDir('marsad-fuzz-'), { count: 300, seed: 16, scale: 0.25, maxHeavy: 1 });
    const table = formatTable(result);
    expect(result.problems, table).toEqual([]);
    expect(result.rows.every((r) => r.inputs > 0), table).toBe(true); // every kind written
    expect(result.rows).toHaveLength(KINDS.length);
    expect(result.total).toMatchObject({ crashes: 0, unaccounted: 0, wrong: 0, over60s: 0 });
    expect(result.total.maxMs, table).toBeLessThan(10_000);
  }, 180_000);
});
