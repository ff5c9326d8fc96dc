/**
 * The records of the bundled examples against their reviewed golden files. When a change
 * alters them on purpose, run `npm run golden` and review the diff of test/golden/examples/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { goldenRecords } from './records.js';

const dir = join(packageRoot(), 'test', 'golden', 'examples');

describe('golden records of the examples', async () => {
  const records = await goldenRecords();

  it('has one golden file per example article, and no stale ones', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual([...records.keys()].sort());
    expect(records.size).toBe(12);
  });

  for (const [name, record] of records) {
    it(name, () => {
      expect(record).toEqual(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    });
  }
});
