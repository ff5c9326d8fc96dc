/**
 * The contract of paging every Store passes: a page of events, folds or figures is the same
 * slice of the whole sorted list however it is found. The stores find a short page early in
 * a big store (events and folds from their date indexes, figures among those dated since the
 * K-th newest document) and sort everything for a page that reaches the end: here each short
 * page is compared with the list read whole, on a store of 150 documents, some with events
 * dated apart from their publication (a month, a year, none) and some with no date at all.
 * Called from `storeContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../src/bench/records.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import { EVENT_SORTS, type RecordFilter, type Store } from '../../src/store/store.js';

const FOLD_SORTS = ['date', '-date', 'sources', '-sources', 'type', '-type', 'confidence', '-confidence'] as const;

/** 150 generated records; every fifth dated otherwise: events a month or a year apart, undated, or no date at all. */
function records(): DocumentRecord[] {
  return syntheticRecords(150, 11).map((r, i): DocumentRecord => {
    const year = Number(r.published!.slice(0, 4));
    switch (i % 10) {
      case 1:
        return { ...r, events: r.events.map((e) => ({ ...e, date: { value: `${year - 1}-0${1 + (i % 9)}`, precision: 'month' } })) };
      case 3:
        return { ...r, events: r.events.map((e) => ({ ...e, date: { value: String(year + 1), precision: 'year' } })) };
      case 5:
        return { ...r, events: r.events.map((e) => ({ ...e, date: { value: null, precision: null } })) };
      case 7:
        return { ...r, published: null, events: r.events.map((e) => ({ ...e, date: { value: null, precision: null } })) };
      default:
        return r;
    }
  });
}

const FILTERS: readonly RecordFilter[] = [
  {},
  { eventType: 'ASSAULT' },
  { place: 'loc:sy:aleppo' },
  { from: '2021-03-15', to: '2022-06' },
  { eventType: 'COERCE', from: '2020' },
  { to: '2020-12-31' },
];

export function pagingContract(name: string, open: () => Promise<Store>): void {
  describe(`Store paging contract: ${name}`, () => {
    let store: Store;
    // One test: a store opened for it is the test's alone (the PostgreSQL one is dropped after it).
    beforeEach(async () => {
      store = await open();
      for (const r of records()) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
    });
    afterEach(async () => {
      await store.close();
    });

    /** Pages of a few sizes at a few offsets (the last ones past the end), each the slice of the whole list; returns the total. */
    async function expectPages<T>(read: (limit: number, offset: number) => Promise<{ total: number; rows: readonly T[] }>, key: (row: T) => string): Promise<number> {
      const first = await read(1, 0);
      const whole = await read(Math.max(1, first.total), 0);
      expect(whole.total).toBe(first.total);
      expect(whole.rows).toHaveLength(first.total);
      for (const [limit, offset] of [[5, 0], [5, 5], [3, 17], [7, first.total - 4], [5, first.total + 3]] as const) {
        if (offset < 0) continue;
        const page = await read(limit, offset);
        expect(page.total).toBe(first.total);
        expect(page.rows.map(key)).toEqual(whole.rows.slice(offset, offset + limit).map(key));
      }
      return first.total;
    }

    it('gives every page of events, folded events and figures, in every sort, as the slice of the whole list', async () => {
      let seen = 0;
      for (const filter of FILTERS) {
        for (const sort of EVENT_SORTS) {
          seen += await expectPages(
            (limit, offset) => store.events({ filter, sort, limit, offset }),
            (e) => `${e.document.id}#${e.index}`,
          );
        }
      }
      expect(seen).toBeGreaterThan(1000);

      for (const filter of FILTERS.slice(0, 3)) {
        for (const sort of FOLD_SORTS) {
          await expectPages((limit, offset) => store.folds({ filter, sort, limit, offset }), (f) => f.id);
        }
      }
      await expectPages((limit, offset) => store.folds({ filter: {}, sort: '-date', limit, offset, minSources: 1, figures: true }), (f) => f.id);

      let figures = 0;
      for (const filter of [...FILTERS, { actor: 'org:sdf' }, { outlet: 'هاوار' }]) {
        figures += await expectPages((limit, offset) => store.figures({ filter, limit, offset }), (f) => `${f.document.id}#${f.index}:${f.date}`);
        await expectPages((limit, offset) => store.figures({ filter, limit, offset, category: 'killed' }), (f) => `${f.document.id}#${f.index}`);
      }
      expect(figures).toBeGreaterThan(300);
    });
  });
}
