/**
 * The copies `bench:scale` writes (src/bench/copies.ts): a new id and source, every date moved,
 * the text and its spans untouched, so that a copy is stored beside its original, never as a
 * repeat of it, and none of its events folds with the original's.
 */
import { describe, expect, it } from 'vitest';
import { copyOf, shiftDate } from '../../src/bench/copies.js';
import { DocumentRecordSchema } from '../../src/extract/record.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { foldRecords } from '../store/folds-contract.js';

describe('bench:scale copies', () => {
  it('moves dates by whole months, keeping their precision', () => {
    expect(shiftDate('2017-01-31', 1)).toBe('2017-02-28');
    expect(shiftDate('2016-01-31', 1)).toBe('2016-02-29');
    expect(shiftDate('2017-11-05', 3)).toBe('2018-02-05');
    expect(shiftDate('2017-06', 7)).toBe('2018-01');
    expect(shiftDate('2017', 11)).toBe('2017');
    expect(shiftDate('2017', 25)).toBe('2019');
    expect(shiftDate('2017-01-25T14:36:00+01:00', 2)).toBe('2017-03-25T14:36:00+01:00');
    expect(shiftDate('2017-01-05', 0)).toBe('2017-01-05');
  });

  it('gives a copy a new id, source and dates, and the same text and spans', () => {
    const { hawar } = foldRecords();
    const base = { record: hawar, source: { origin: 'a.txt', url: 'https://example.org/a', outlet: 'وكالة هاوار', published: hawar.published } };
    expect(copyOf(base, 0)).toBe(base);
    const { record, source } = copyOf(base, 2);
    expect(DocumentRecordSchema.parse(record)).toEqual(record);
    expect(record.id).toMatch(/^[0-9a-f]{16}$/);
    expect(record.id).not.toBe(hawar.id);
    expect(copyOf(base, 3).record.id).not.toBe(record.id);
    expect(record.text).toBe(hawar.text);
    expect(record.entities).toEqual(hawar.entities);
    expect(record.published).toBe('2025-01-12');
    expect(record.events[0]!.date).toEqual({ value: '2025-01-12', precision: 'day' });
    expect(source).toEqual({ origin: 'copy-2/a.txt', url: 'https://example.org/a#copy-2', outlet: 'وكالة هاوار', published: '2025-01-12' });
  });

  it('stores copies beside their originals: none is a repeat, none folds with another', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const records = Object.values(foldRecords());
      for (const [i, r] of records.entries()) {
        for (let k = 0; k < 3; k++) {
          const { record, source } = copyOf({ record: r, source: { origin: `${i}.txt`, outlet: r.source.outlet ?? null } }, k);
          expect(await store.saveDocument(record, source, null)).toBe('stored');
        }
      }
      const folds = await store.folds({ filter: {}, sort: '-date', limit: 100, offset: 0 });
      // The originals fold (Hawar, SOHR and Enab Baladi tell one strike); so does each copy of them, apart.
      expect(folds.rows.filter((f) => f.sources > 1)).toHaveLength(3);
      for (const f of folds.rows) expect(new Set(f.members.map((m) => m.document.published!.slice(0, 7))).size).toBe(1);
    } finally {
      await store.close();
    }
  });
});
