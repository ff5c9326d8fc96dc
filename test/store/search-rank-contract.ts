/**
 * Part of the Store contract (called from `contract.ts`): search ranks at most
 * `SEARCH_RANK_CAP` matches, the most recently stored ones, and says so (`ranked`); a word with
 * fewer matches is ranked whole. Every engine passes it unchanged.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/extract/record.js';
import { SEARCH_RANK_CAP, type ArticleWrite, type SearchResult, type Store } from '../../src/store/store.js';
import { queryGroups } from '../../src/text/search-terms.js';
import { sampleRecord } from '../helpers/records.js';

/** Documents stored: more than the rank cap, all with the common word. */
const STORED = SEARCH_RANK_CAP + 120;
/** The first documents stored (the oldest) have the common word in their title: they rank first when every match is ranked. */
const TITLED = 30;
/** The first documents stored come from an outlet of their own. */
const OLD_OUTLET = 100;

const COMMON = 'تطورات';
const RARE = 'مخيم';

/** Document n (stored n-th): the common word in every one, the rare word in every 500th (and in the title of the first of those). */
function recordOf(n: number): DocumentRecord {
  const rare = n % 500 === 7 ? ` قرب ${RARE}` : '';
  const title = n < TITLED ? `${COMMON} رقم ${n}${n === 7 ? ` ${RARE}` : ''}` : `خبر رقم ${n}`;
  const body = `نقل مراسلنا ${COMMON} ميدانية في المنطقة${rare}، وقال مصدر محلي إن الوضع ما زال متوترا بعد أيام من القتال. البلاغ ${n}.`;
  return sampleRecord({ title, body });
}

const records = Array.from({ length: STORED }, (_, n) => recordOf(n));
const newest = new Set(records.slice(-SEARCH_RANK_CAP).map((r) => r.id));

const ids = (r: SearchResult) => r.rows.map((row) => row.id);

export function searchRankContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract, search past the rank cap (${SEARCH_RANK_CAP} candidates): ${name}`, () => {
    let store: Store;
    beforeAll(() => {
      expect(new Set(records.map((r) => r.id)).size).toBe(STORED);
    });
    beforeEach(async () => {
      store = await open();
      const writes: ArticleWrite[] = records.map((record, n) => ({
        kind: 'record',
        record,
        source: { origin: `/news/${n}.txt`, url: null, outlet: n < OLD_OUTLET ? 'قديم' : 'مرصد', published: '2024-12-06' },
        fingerprint: null,
      }));
      for (let i = 0; i < writes.length; i += 200) await store.saveArticles(writes.slice(i, i + 200), null, 0.5);
    }, 120_000);
    afterEach(async () => {
      await store.close();
    });

    it('a rare word is ranked whole: every match, the oldest among them, and no `ranked`', async () => {
      const result = await store.search({ groups: queryGroups(RARE), limit: 10, offset: 0 });
      const matching = records.filter((r) => r.text.includes(RARE));
      expect(result.total).toBe(matching.length);
      expect(result.ranked).toBeUndefined();
      expect(ids(result).sort()).toEqual(matching.map((r) => r.id).sort());
      // Document 7, stored among the first, has the word in its title too: it ranks first.
      expect(result.rows[0]!.id).toBe(records[7]!.id);
    });

    it('a word with more matches than the cap is ranked among the newest matches only, and says so', async () => {
      const result = await store.search({ groups: queryGroups(COMMON), limit: 20, offset: 0 });
      expect([result.total, result.capped, result.ranked]).toEqual([STORED, undefined, SEARCH_RANK_CAP]);
      expect(result.rows).toHaveLength(20);
      // The oldest documents, with the word in their title, would rank first; they are not candidates.
      for (const id of ids(result)) expect(newest.has(id), id).toBe(true);
      // The same through documents(), with and without a filter every document passes.
      const listed = await store.documents({ filter: { groups: queryGroups(COMMON) }, limit: 20, offset: 0 });
      expect([ids(listed), listed.ranked]).toEqual([ids(result), SEARCH_RANK_CAP]);
      const filtered = await store.documents({ filter: { groups: queryGroups(COMMON), from: '2024' }, limit: 20, offset: 0 });
      expect([ids(filtered), filtered.ranked]).toEqual([ids(result), SEARCH_RANK_CAP]);
    });

    it('pages over the candidates consistently: the pages make the whole ranking, every newest match once', async () => {
      const groups = queryGroups(COMMON);
      const whole = await store.search({ groups, limit: SEARCH_RANK_CAP + 50, offset: 0 });
      expect(whole.ranked).toBe(SEARCH_RANK_CAP);
      expect(new Set(ids(whole))).toEqual(newest);
      const paged: string[] = [];
      for (let offset = 0; offset < SEARCH_RANK_CAP; offset += 300) {
        const page = await store.documents({ filter: { groups }, limit: 300, offset });
        expect(page.ranked).toBe(SEARCH_RANK_CAP);
        paged.push(...ids(page));
      }
      expect(paged).toEqual(ids(whole));
      expect(ids(await store.search({ groups, limit: 20, offset: SEARCH_RANK_CAP }))).toEqual([]);
    });

    it('counts the cap over the filtered matches: a filter leaving fewer matches ranks them all', async () => {
      const result = await store.documents({ filter: { groups: queryGroups(COMMON), outlet: 'قديم' }, limit: 10, offset: 0 });
      expect([result.total, result.ranked]).toEqual([OLD_OUTLET, undefined]);
      // The oldest documents, with the word in their title, rank first again.
      const titled = new Set(records.slice(0, TITLED).map((r) => r.id));
      for (const id of ids(result)) expect(titled.has(id), id).toBe(true);
    });
  });
}
