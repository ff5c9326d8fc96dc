/**
 * The contract every Store implementation passes, unchanged: SQLite today, PostgreSQL later.
 * Call `storeContract(name, open)` from a test file with a function that opens an empty store.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { queryGroups } from '../../src/text/search-terms.js';
import { sampleRecord, storyRecords } from '../helpers/records.js';
import { batchContract } from './batch-contract.js';
import { foldsContract } from './folds-contract.js';
import { pagingContract } from './paging-contract.js';
import { reviewsContract } from './reviews-contract.js';
import { searchRankContract } from './search-rank-contract.js';
import { storiesContract } from './stories-contract.js';

export function storeContract(name: string, open: () => Promise<Store>): void {
  storiesContract(name, open);
  batchContract(name, open);
  foldsContract(name, open);
  pagingContract(name, open);
  reviewsContract(name, open);
  searchRankContract(name, open);
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const src = (origin: string) => ({ origin, url: null, outlet: 'مرصد', published: '2024-12-06' });

    it('stores a record whole and gives it back exactly', async () => {
      const record = sampleRecord();
      expect(await store.documentState(record.id)).toBeNull();
      expect(await store.saveDocument(record, src('/news/a.txt'), null)).toBe('stored');
      expect(await store.getDocument(record.id)).toEqual(record);
      expect(await store.documentState(record.id)).toEqual({ pipeline: 'test+1|ar-test|-' });
      expect(await store.getDocument('0000000000000000')).toBeNull();
    });

    it('finds the ids of documents that begin with a prefix', async () => {
      const a = sampleRecord();
      const b = sampleRecord({ title: 'خبر آخر', body: 'نزح الآلاف من ريف حلب.' });
      await store.saveDocument(a, src('/a'), null);
      await store.saveDocument(b, src('/b'), null);
      expect(await store.documentIdsByPrefix(a.id.slice(0, 8), 10)).toEqual([a.id]);
      expect(await store.documentIdsByPrefix(a.id, 10)).toEqual([a.id]);
      expect(await store.documentIdsByPrefix('', 10)).toEqual([a.id, b.id].sort());
      expect(await store.documentIdsByPrefix('', 1)).toEqual([[a.id, b.id].sort()[0]]);
      expect(await store.documentIdsByPrefix('zz', 10)).toEqual([]);
    });

    it('a date range never lets in an event with no date whose document has no publication date', async () => {
      const dated = sampleRecord();
      const base = sampleRecord({ pipelineVersion: 'test+1' });
      const text = `${base.title}\n\nنص آخر لا تاريخ فيه. ${base.text.split('\n\n')[1]}`;
      const shift = text.length - base.text.length;
      const move = <T extends { start: number; end: number }>(span: T): T => (span.start >= base.title!.length ? { ...span, start: span.start + shift, end: span.end + shift } : span);
      const undated = {
        ...base,
        id: '00000000000000aa',
        text,
        published: null,
        dates: [],
        entities: base.entities.map((e) => ({ ...e, mentions: e.mentions.map(move) })),
        quantities: base.quantities.map(move),
        events: base.events.map((e) => ({
          ...e,
          date: { value: null, precision: null },
          sentence: move(e.sentence),
          trigger: move(e.trigger),
          ...(e.content ? { content: move(e.content) } : {}),
        })),
      };
      await store.saveDocument(dated, { origin: '/dated', url: null, outlet: null, published: '2024-12-06' }, null);
      await store.saveDocument(undated, { origin: '/undated', url: null, outlet: null, published: null }, null);
      const docsOf = async (filter: object) =>
        (await store.events({ filter, limit: 50, offset: 0, sort: '-date' })).rows.map((e) => e.document.id).sort();
      expect(await docsOf({})).toEqual([undated.id, dated.id].sort());
      for (const filter of [{ from: '2000' }, { to: '2100' }, { from: '1900-01-01', to: '2100-12-31' }, { from: '2024-12' }]) {
        expect(await docsOf(filter), JSON.stringify(filter)).toEqual([dated.id]);
        expect((await store.timeline(filter)).reduce((n, b) => n + b.count, 0), JSON.stringify(filter)).toBe(dated.events.length);
        expect((await store.documents({ filter, limit: 50, offset: 0 })).rows.map((d) => d.id), JSON.stringify(filter)).toEqual([dated.id]);
        expect((await store.figures({ filter, limit: 50, offset: 0 })).rows.map((f) => f.document.id), JSON.stringify(filter)).toEqual(dated.quantities.map(() => dated.id));
      }
    });

    it('replaces a record of the same id, keeping its sources', async () => {
      const first = sampleRecord();
      await store.saveDocument(first, src('/news/a.txt'), null);
      const second = { ...sampleRecord({ pipelineVersion: 'test+2' }), events: [], quantities: [] };
      expect(await store.saveDocument(second, src('/news/b.txt'), null)).toBe('updated');
      expect(await store.getDocument(first.id)).toEqual(second);
      const stats = await store.stats();
      expect(stats).toMatchObject({ documents: 1, events: 0, quantities: 0, entities: 2, mentions: 3, dates: 1, messages: 1 });
      expect((await store.sources(first.id)).map((s) => s.origin)).toEqual(['/news/a.txt', '/news/b.txt']);
    });

    it('records each source of a document once', async () => {
      const record = sampleRecord();
      await store.saveDocument(record, src('/news/a.txt'), null);
      expect(await store.addSource(record.id, src('/news/a.txt'), null)).toBe(false);
      expect(await store.addSource(record.id, src('/mirror/a.txt'), null)).toBe(true);
      expect(await store.addSource(record.id, src('/mirror/a.txt'), null)).toBe(false);
      expect(await store.sources(record.id)).toEqual([src('/news/a.txt'), src('/mirror/a.txt')]);
    });

    it('raises its generation at every write, and only then', async () => {
      const g0 = await store.generation();
      expect(Number.isInteger(g0)).toBe(true);
      const record = sampleRecord();
      expect(await store.saveDocument(record, src('/a'), null)).toBe('stored');
      const g1 = await store.generation();
      expect(g1).toBeGreaterThan(g0);
      // Reads leave it alone.
      await store.documents({ filter: {}, limit: 5, offset: 0 });
      await store.facets();
      await store.stats();
      expect(await store.generation()).toBe(g1);
      expect(await store.addSource(record.id, src('/mirror/a'), null)).toBe(true);
      const g2 = await store.generation();
      expect(g2).toBeGreaterThan(g1);
      const run = await store.beginRun({ command: 'ingest', inputs: ['a'], pipeline: 'p' });
      const g3 = await store.generation();
      expect(g3).toBeGreaterThan(g2);
      await store.recordFailure(run, { origin: 'b', code: 'empty', message: 'no text' });
      const g4 = await store.generation();
      expect(g4).toBeGreaterThan(g3);
      await store.finishRun(run, { stored: 1, updated: 0, unchanged: 0, repeats: 0, rejected: 1, skipped: 0 }, 'completed');
      const g5 = await store.generation();
      expect(g5).toBeGreaterThan(g4);
      expect(await store.saveDocument({ ...record, pipeline: { ...record.pipeline, version: 'test+2' } }, src('/a'), null)).toBe('updated');
      expect(await store.generation()).toBeGreaterThan(g5);
    });

    it('lists undated documents after dated ones, ties by id', async () => {
      const dated = sampleRecord();
      const other = { ...sampleRecord({ title: 'خبر آخر', body: 'نزح الآلاف من ريف حلب.' }) };
      const undated = { ...sampleRecord({ title: 'خبر بلا تاريخ', body: 'نص لا تاريخ له.' }), published: null };
      for (const r of [undated, other, dated]) await store.saveDocument(r, src(`/${r.id}`), null);
      const ids = (await store.documents({ filter: {}, limit: 10, offset: 0 })).rows.map((r) => r.id);
      expect(ids).toEqual([...[dated.id, other.id].sort(), undated.id]);
      expect((await store.documents({ filter: {}, limit: 1, offset: 2 })).rows.map((r) => r.id)).toEqual([undated.id]);
    });

    it('counts what it holds', async () => {
      await store.saveDocument(sampleRecord(), src('/a'), null);
      await store.saveDocument(sampleRecord({ title: 'خبر آخر', body: 'نزح الآلاف من ريف حلب.' }), src('/b'), null);
      const s = await store.stats();
      expect(s).toMatchObject({ documents: 2, sources: 2, entities: 2, mentions: 3, dates: 1, quantities: 1, events: 1, messages: 1, runs: 0, failures: 0 });
      expect(s.outlets).toEqual([{ outlet: 'مرصد', documents: 2 }]);
      expect(s.published).toEqual({ first: '2024-12-06', last: '2024-12-06' });
    });

    it('searches by stems: "معتقلي" finds "المعتقلين", a hashtag is found by its words', async () => {
      const a = sampleRecord();
      const b = sampleRecord({ title: 'قصف على حلب', body: 'قصفت الطائرات أحياء حلب الشرقية.' });
      await store.saveDocument(a, src('/a'), null);
      await store.saveDocument(b, src('/b'), null);
      const r1 = await store.search({ groups: queryGroups('معتقلي'), limit: 10, offset: 0 });
      expect(r1.rows.map((r) => r.id)).toEqual([a.id]);
      const r2 = await store.search({ groups: queryGroups('الإدارة الذاتية'), limit: 10, offset: 0 });
      expect(r2.rows.map((r) => [r.id, r.exact])).toEqual([[a.id, true]]);
      const r3 = await store.search({ groups: queryGroups('مستشفى'), limit: 10, offset: 0 });
      expect(r3).toEqual({ total: 0, rows: [] });
    });

    it('ranks documents matching every word as typed first, then with synonyms, then some words', async () => {
      const exact = sampleRecord({ title: 'المعتقلين في الحسكة', body: 'نقل المعتقلين من الحسكة.' });
      const synonym = sampleRecord({ title: 'المحتجزين في الحسكة', body: 'نقل المحتجزين من الحسكة.' });
      const partial = sampleRecord({ title: 'الحسكة اليوم', body: 'الحسكة الحسكة الحسكة مدينة.' });
      for (const [i, r] of [partial, synonym, exact].entries()) await store.saveDocument(r, src(`/${i}`), null);
      const result = await store.search({ groups: queryGroups('معتقلي الحسكة'), limit: 10, offset: 0 });
      expect(result.total).toBe(3);
      expect(result.rows.map((r) => [r.id, r.exact, r.complete])).toEqual([
        [exact.id, true, true],
        [synonym.id, false, true],
        [partial.id, false, false],
      ]);
      expect(result.rows[0]!.score).toBeGreaterThan(0);
      const page = await store.search({ groups: queryGroups('معتقلي الحسكة'), limit: 1, offset: 1 });
      expect(page.rows.map((r) => r.id)).toEqual([synonym.id]);
      expect(page.total).toBe(3);
    });

    it('pages search results that tie on rank by id, each page from the same order', async () => {
      const records = ['أ', 'ب', 'ج', 'د'].map((x) => sampleRecord({ title: `تطورات ميدانية ${x}`, body: `نص قصير ${x}.` }));
      for (const r of records) await store.saveDocument(r, src(`/${r.id}`), null);
      const groups = queryGroups('تطورات');
      const ids = records.map((r) => r.id).sort();
      const all = await store.documents({ filter: { groups }, limit: 10, offset: 0 });
      expect([all.total, all.capped, all.rows.map((r) => r.id)]).toEqual([4, undefined, ids]);
      for (let offset = 0; offset < 4; offset++) {
        expect((await store.documents({ filter: { groups }, limit: 1, offset })).rows.map((r) => r.id)).toEqual([ids[offset]]);
        expect((await store.search({ groups, limit: 1, offset })).rows.map((r) => r.id)).toEqual([ids[offset]]);
      }
      expect((await store.documents({ filter: { groups }, limit: 2, offset: 1 })).rows.map((r) => r.id)).toEqual(ids.slice(1, 3));
    });

    it('pages search results by id when more rows tie than a page and its margin hold', async () => {
      const records = Array.from({ length: 90 }, (_, n) => sampleRecord({ title: `تطورات ميدانية ${n + 10}`, body: `نص قصير ${n + 10}.` }));
      for (const r of records) await store.saveDocument(r, src(`/${r.id}`), null);
      const groups = queryGroups('تطورات');
      const ids = records.map((r) => r.id).sort();
      for (const [limit, offset] of [[5, 0], [5, 40], [20, 70], [50, 60]] as const) {
        const page = await store.documents({ filter: { groups }, limit, offset });
        expect([page.total, page.rows.map((r) => r.id)], `${limit} from ${offset}`).toEqual([90, ids.slice(offset, offset + limit)]);
      }
    });

    it('keeps the search index in step when a record is replaced', async () => {
      const a = sampleRecord();
      await store.saveDocument(a, src('/a'), null);
      await store.saveDocument({ ...a, title: 'عنوان جديد', pipeline: { ...a.pipeline, version: 'test+2' } }, src('/a'), null);
      expect((await store.search({ groups: queryGroups('جديد'), limit: 5, offset: 0 })).rows.map((r) => r.id)).toEqual([a.id]);
      expect((await store.search({ groups: queryGroups('مخيم'), limit: 5, offset: 0 })).total).toBe(1);
    });

    it('searching for nothing finds nothing', async () => {
      await store.saveDocument(sampleRecord(), src('/a'), null);
      expect(await store.search({ groups: queryGroups('  ،.  '), limit: 5, offset: 0 })).toEqual({ total: 0, rows: [] });
    });

    it('keeps ingest runs and their failures', async () => {
      const id = await store.beginRun({ command: 'ingest x', inputs: ['x'], pipeline: 'p' });
      await store.recordFailure(id, { origin: 'x/b.txt', code: 'input-binary', message: 'x/b.txt: the input is not text' });
      await store.finishRun(id, { stored: 3, updated: 0, unchanged: 1, repeats: 1, rejected: 1, skipped: 2 }, 'completed');
      const [run] = await store.runs(5);
      expect(run).toMatchObject({ id, command: 'ingest x', inputs: ['x'], pipeline: 'p', status: 'completed', stored: 3, unchanged: 1, repeats: 1, rejected: 1, skipped: 2 });
      expect(run!.finishedAt).not.toBeNull();
      expect(await store.failures(id)).toEqual([{ runId: id, origin: 'x/b.txt', code: 'input-binary', message: 'x/b.txt: the input is not text' }]);
      const s = await store.stats();
      expect(s.runs).toBe(1);
      expect(s.failures).toBe(1);
      expect(s.lastRun?.id).toBe(id);
    });
  
    describe('queries for the API (three hand-made articles from two outlets)', () => {
      const { a, b, c } = storyRecords();
      beforeEach(async () => {
        for (const r of [c, a, b]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null, url: null, published: r.published }, null);
      });
      const docs = async (filter: Parameters<Store['documents']>[0]['filter'], limit = 10, offset = 0) =>
        (await store.documents({ filter, limit, offset })).rows.map((r) => r.id);
      const events = async (filter: Parameters<Store['events']>[0]['filter'], sort: Parameters<Store['events']>[0]['sort'] = '-date') =>
        (await store.events({ filter, sort, limit: 50, offset: 0 })).rows.map((e) => `${e.document.id === a.id ? 'a' : e.document.id === b.id ? 'b' : 'c'}:${e.type}`);

      it('lists documents newest first, pages them, and filters by every field', async () => {
        expect(await docs({})).toEqual([a.id, b.id, c.id]);
        const page = await store.documents({ filter: {}, limit: 1, offset: 1 });
        expect([page.total, page.rows.map((r) => r.id)]).toEqual([3, [b.id]]);
        expect(page.rows[0]).toMatchObject({ title: b.title, published: '2024-11-20', source: { outlet: 'عنب بلدي' } });
        expect(await docs({ groups: queryGroups('داعش') })).toEqual([b.id]);
        expect(await docs({ groups: queryGroups('مستشفى') })).toEqual([]);
        expect(await docs({ actor: 'org:sdf' })).toEqual([b.id, c.id]);
        expect(await docs({ place: 'loc:sy:aleppo' })).toEqual([a.id]);
        expect(await docs({ recipient: 'org:isis' })).toEqual([b.id]);
        expect(await docs({ eventType: 'ASSAULT' })).toEqual([a.id]);
        expect(await docs({ topic: 'counter-isis' })).toEqual([b.id]);
        expect(await docs({ outlet: 'هاوار' })).toEqual([a.id, c.id]);
        expect(await docs({ from: '2024-01-01' })).toEqual([a.id, b.id]);
        expect(await docs({ to: '2024-11-30' })).toEqual([b.id, c.id]);
        expect(await docs({ from: '2024-11' , to: '2024-11' })).toEqual([b.id]);
        expect(await docs({ actor: 'org:sdf', outlet: 'هاوار' })).toEqual([c.id]);
        expect(await docs({ groups: queryGroups('قسد'), outlet: 'هاوار' })).toEqual([c.id]);
        expect(await docs({ actor: 'org:nobody' })).toEqual([]);
        // Documents with an event at the confidence (of the type, when one is given: the same event).
        expect(await docs({ minConfidence: 0.7 })).toEqual([a.id, b.id]);
        expect(await docs({ minConfidence: 0.7, eventType: 'ACCUSE' })).toEqual([]);
        expect(await docs({ minConfidence: 0.5, eventType: 'ACCUSE' })).toEqual([b.id]);
      });

      it('matches a document by the outlet of any of its sources', async () => {
        await store.addSource(c.id, { origin: '/mirror/c.txt', outlet: 'رووداو' }, null);
        expect(await docs({ outlet: 'رووداو' })).toEqual([c.id]);
      });

      it('gives the texts of documents by id', async () => {
        const texts = await store.documentTexts([a.id, 'ffffffffffffffff', a.id]);
        expect([...texts.entries()]).toEqual([[a.id, a.text]]);
      });

      it('lists events with actor and recipient names, place coordinates and quoted spans', async () => {
        const page = await store.events({ filter: {}, sort: '-date', limit: 10, offset: 0 });
        expect(page.total).toBe(4);
        expect(page.rows.map((e) => [e.type, e.date.value])).toEqual([
          ['REQUEST', '2024-12-06'],
          ['ASSAULT', '2024-12-05'],
          ['COERCE', '2024-11-19'],
          ['ACCUSE', '2024-11'],
        ]);
        const [request, assault, , accuse] = page.rows;
        expect(request).toMatchObject({
          document: { id: a.id, title: a.title, published: '2024-12-06', outlet: 'هاوار', url: 'https://example.org/a' },
          index: 0,
          id: 'ev1',
          mode: 'assist',
          contexts: ['human_rights'],
          topics: ['civilian-protection'],
          modality: 'asserted',
          actors: [{ id: 'org:kongra-star', type: 'ORG', name: { ar: 'مؤتمر ستار', en: 'Kongra Star' } }],
          recipients: [{ id: 'org:coalition', type: 'ORG', name: { ar: 'التحالف الدولي', en: 'Global Coalition' } }],
          place: { id: 'loc:sy:aleppo', type: 'LOC', name: { ar: 'حلب', en: 'Aleppo' }, geo: { lat: 36.2021, lon: 37.1343, precision: 'point' } },
          sentence: a.events[0]!.sentence,
          trigger: a.events[0]!.trigger,
          content: a.events[0]!.content,
          confidence: 0.8,
          rule: 'hand-made',
        });
        expect(request!.sentence.text).toBe('طالب مؤتمر ستار التحالف الدولي بحماية المدنيين في حلب.');
        expect(assault).toMatchObject({ index: 1, recipients: [], quantities: [0], trigger: { text: 'قصفت' } });
        expect(accuse).toMatchObject({ place: null, content: { text: 'بتنفيذ الهجوم' }, actors: [{ id: 'org:sdf', name: { ar: 'قوات سوريا الديمقراطية', en: 'SDF' } }] });
        for (const e of page.rows) {
          const text = [a, b, c].find((r) => r.id === e.document.id)!.text;
          for (const s of [e.sentence, e.trigger, ...(e.content ? [e.content] : [])]) expect(text.slice(s.start, s.end)).toBe(s.text);
        }
      });

      it('filters events by role, place, type, topic, outlet, date range, search words and document', async () => {
        expect(await events({ actor: 'org:sdf' })).toEqual(['b:COERCE', 'b:ACCUSE']);
        expect(await events({ recipient: 'org:isis' })).toEqual(['b:COERCE', 'b:ACCUSE']);
        expect(await events({ recipient: 'org:coalition' })).toEqual(['a:REQUEST']);
        expect(await events({ actor: 'org:isis' })).toEqual([]);
        expect(await events({ place: 'loc:sy:aleppo' })).toEqual(['a:REQUEST', 'a:ASSAULT']);
        expect(await events({ eventType: 'ASSAULT' })).toEqual(['a:ASSAULT']);
        expect(await events({ topic: 'civilian-protection' })).toEqual(['a:REQUEST']);
        expect(await events({ outlet: 'هاوار' })).toEqual(['a:REQUEST', 'a:ASSAULT']);
        // A month-precise date overlaps a range inside its month; 2024-11-19 is before it.
        expect(await events({ from: '2024-11-20', to: '2024-11-30' })).toEqual(['b:ACCUSE']);
        expect(await events({ to: '2024-12-05' })).toEqual(['a:ASSAULT', 'b:COERCE', 'b:ACCUSE']);
        expect(await events({ groups: queryGroups('قسد') })).toEqual(['b:COERCE', 'b:ACCUSE']);
        expect(await events({ document: a.id })).toEqual(['a:REQUEST', 'a:ASSAULT']);
        expect(await events({ actor: 'org:sdf', eventType: 'ACCUSE', topic: 'counter-isis' })).toEqual(['b:ACCUSE']);
      });

      it('keeps exactly the events whose partial date overlaps a date range, at every precision of both', async () => {
        // The rule, as the filter read before it was made of plain comparisons: a date is compared
        // on its own length with `from`, and `to` on its length with the date.
        const all = (await store.events({ filter: {}, sort: 'date', limit: 50, offset: 0 })).rows;
        const dates = [...new Set(all.map((e) => e.date.value ?? e.document.published!))];
        expect(dates.some((d) => d.length === 7)).toBe(true);
        const bounds = ['2024', '2023', '2025', '2024-11', '2024-12', '2024-10', '2024-11-01', '2024-11-19', '2024-11-20', '2024-11-30', '2024-12-01', '2024-12-05', '2024-12-06', '2024-12-31'];
        for (const from of [undefined, ...bounds]) {
          for (const to of [undefined, ...bounds]) {
            const expected = all
              .filter((e) => {
                const d = e.date.value ?? e.document.published!;
                return (from === undefined || d >= from.slice(0, d.length)) && (to === undefined || d.slice(0, to.length) <= to);
              })
              .map((e) => `${e.document.id}#${e.index}`);
            const filter = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
            const got = (await store.events({ filter, sort: 'date', limit: 50, offset: 0 })).rows.map((e) => `${e.document.id}#${e.index}`);
            expect(got, JSON.stringify(filter)).toEqual(expected);
          }
        }
      });

      it('filters events by minimum confidence, inclusive', async () => {
        expect(await events({ minConfidence: 0.7 })).toEqual(['a:REQUEST', 'a:ASSAULT', 'b:COERCE']);
        expect(await events({ minConfidence: 0.55 })).toEqual(['a:REQUEST', 'a:ASSAULT', 'b:COERCE', 'b:ACCUSE']);
        expect(await events({ minConfidence: 0.95 })).toEqual([]);
        expect(await events({ minConfidence: 0.7, actor: 'org:sdf' })).toEqual(['b:COERCE']);
        expect(await store.timeline({ minConfidence: 0.7 })).not.toContainEqual(expect.objectContaining({ type: 'ACCUSE' }));
      });

      it("gives each event its size, null for one stored without it", async () => {
        const rows = (await store.events({ filter: {}, sort: '-date', limit: 10, offset: 0 })).rows;
        expect(rows.find((e) => e.type === 'ASSAULT')!.size).toEqual({ killed: { value: 3, low: null, high: null, qualifier: null, quantity: 0 } });
        expect(rows.find((e) => e.type === 'REQUEST')!.size).toBeNull();
      });

      it('sorts and pages events', async () => {
        expect(await events({}, 'type')).toEqual(['b:ACCUSE', 'a:ASSAULT', 'b:COERCE', 'a:REQUEST']);
        expect(await events({}, '-type')).toEqual(['a:REQUEST', 'b:COERCE', 'a:ASSAULT', 'b:ACCUSE']);
        expect(await events({}, 'date')).toEqual(['b:ACCUSE', 'b:COERCE', 'a:ASSAULT', 'a:REQUEST']);
        expect(await events({}, 'published')).toEqual(['b:COERCE', 'b:ACCUSE', 'a:REQUEST', 'a:ASSAULT']);
        const page = await store.events({ filter: {}, sort: '-date', limit: 2, offset: 2 });
        expect([page.total, page.rows.map((e) => e.type)]).toEqual([4, ['COERCE', 'ACCUSE']]);
      });

      it('lists entities, most documents first, by type, name or label, and document filter', async () => {
        const orgs = await store.entities({ type: 'ORG', limit: 10, offset: 0 });
        expect(orgs.total).toBe(5);
        expect(orgs.rows.map((e) => e.id)).toEqual(['org:sdf', 'org:coalition', 'org:isis', 'org:kongra-star', 'org:tr-forces']);
        expect(orgs.rows[0]).toEqual({
          id: 'org:sdf', type: 'ORG', subtype: 'MIL', name: { ar: 'قوات سوريا الديمقراطية', en: 'SDF' }, country: 'SY', geo: null,
          documents: 2, mentions: 5, events: 2,
        });
        expect((await store.entities({ name: 'قسد', limit: 10, offset: 0 })).rows.map((e) => e.id)).toEqual(['org:sdf']);
        expect((await store.entities({ name: 'aleppo', limit: 10, offset: 0 })).rows.map((e) => e.id)).toEqual(['loc:sy:aleppo']);
        expect((await store.entities({ name: '%', limit: 10, offset: 0 })).total).toBe(0);
        const inHawar = await store.entities({ filter: { outlet: 'هاوار' }, limit: 2, offset: 0 });
        expect([inHawar.total, inHawar.rows.map((e) => e.id)]).toEqual([6, ['loc:iq', 'loc:sy:aleppo']]);
      });

      it('profiles one entity: the labels each outlet uses, its mentions and roles', async () => {
        const sdf = await store.entity('org:sdf', 3);
        expect(sdf).toMatchObject({ id: 'org:sdf', documents: 2, mentions: 5, events: 2, asActor: 2, asRecipient: 0 });
        expect(sdf!.labels).toEqual([
          { outlet: 'عنب بلدي', label: 'قسد', count: 2 },
          { outlet: 'هاوار', label: 'قسد', count: 2 },
          { outlet: 'عنب بلدي', label: 'قوات سوريا الديمقراطية', count: 1 },
        ]);
        expect(sdf!.mentionRows).toHaveLength(3);
        expect(sdf!.mentionRows[0]).toEqual({ document: { id: b.id, title: b.title, published: '2024-11-20', outlet: 'عنب بلدي', url: null }, span: b.entities[0]!.mentions[0] });
        expect(await store.entity('org:isis', 10)).toMatchObject({ asActor: 0, asRecipient: 2, events: 2 });
        expect(await store.entity('loc:sy:aleppo', 10)).toMatchObject({ events: 2, geo: { lat: 36.2021, lon: 37.1343 } });
        expect(await store.entity('org:nobody', 10)).toBeNull();
      });

      // Issue 15: a place's page lists the events located there and in the places nested in it.
      it('finds the events located at any of several places, and counts the events at a place', async () => {
        expect(await events({ places: ['loc:sy:aleppo', 'loc:sy:deir-ezzor'] })).toEqual(['a:REQUEST', 'a:ASSAULT', 'b:COERCE']);
        expect(await events({ places: ['loc:sy:deir-ezzor', 'loc:nowhere'] })).toEqual(['b:COERCE']);
        expect(await events({ places: [] })).toEqual([]);
        expect(await events({ places: ['loc:sy:aleppo'], eventType: 'ASSAULT' })).toEqual(['a:ASSAULT']);
        expect(await docs({ places: ['loc:sy:aleppo', 'loc:iq'] })).toEqual([a.id, c.id]);
        expect(await store.entity('loc:sy:aleppo', 0)).toMatchObject({ atPlace: 2, asActor: 0, asRecipient: 0 });
        expect(await store.entity('loc:sy:deir-ezzor', 0)).toMatchObject({ atPlace: 1 });
        expect(await store.entity('loc:iq', 0)).toMatchObject({ atPlace: 0 });
        expect(await store.entity('org:sdf', 0)).toMatchObject({ atPlace: 0 });
      });

      it('lists places with coordinates and counts, filtered by documents', async () => {
        const places = await store.places({});
        expect(places.map((p) => [p.id, p.documents, p.events])).toEqual([
          ['loc:iq', 1, 0],
          ['loc:sy:aleppo', 1, 2],
          ['loc:sy:deir-ezzor', 1, 1],
        ]);
        expect(places[1]).toEqual({ id: 'loc:sy:aleppo', name: { ar: 'حلب', en: 'Aleppo' }, subtype: 'city', country: 'SY', geo: { lat: 36.2021, lon: 37.1343, precision: 'point' }, documents: 1, events: 2 });
        expect((await store.places({ outlet: 'عنب بلدي' })).map((p) => p.id)).toEqual(['loc:sy:deir-ezzor']);
      });

      it('lists figures with their date, source and sentence', async () => {
        const page = await store.figures({ filter: {}, limit: 10, offset: 0 });
        expect(page.total).toBe(3);
        expect(page.rows.map((f) => [f.span.text, f.value, f.category, f.date, f.document.outlet])).toEqual([
          ['ثلاثة مدنيين', 3, 'killed', '2024-12-05', 'هاوار'],
          ['خمسة عناصر', 5, 'detained', '2024-11-19', 'عنب بلدي'],
          ['عشرين طفلا', 20, 'returned', '2023-05-01', 'هاوار'],
        ]);
        expect(page.rows[0]!.sentence).toEqual(a.events[1]!.sentence);
        expect(page.rows[0]).toMatchObject({ index: 0, counted: 'مدنيين', unit: 'person', qualifier: null, low: null, high: null });
        expect(page.rows[2]!.sentence).toBeNull();
        expect((await store.figures({ filter: {}, category: 'killed', limit: 10, offset: 0 })).rows.map((f) => f.value)).toEqual([3]);
        expect((await store.figures({ filter: { outlet: 'هاوار', from: '2024' }, limit: 10, offset: 0 })).rows.map((f) => f.value)).toEqual([3]);
      });

      it('sums figures by month and by source, in their unit (people where a people figure gives none)', async () => {
        const series = await store.figureSeries({});
        expect(series.byMonth).toEqual([
          { period: '2023-05', category: 'returned', unit: 'person', count: 1, sum: 20 },
          { period: '2024-11', category: 'detained', unit: 'person', count: 1, sum: 5 },
          { period: '2024-12', category: 'killed', unit: 'person', count: 1, sum: 3 },
        ]);
        expect(series.bySource).toEqual([
          { outlet: 'عنب بلدي', category: 'detained', unit: 'person', count: 1, sum: 5 },
          { outlet: 'هاوار', category: 'killed', unit: 'person', count: 1, sum: 3 },
          { outlet: 'هاوار', category: 'returned', unit: 'person', count: 1, sum: 20 },
        ]);
      });

      it('counts events by month and type, and who acts on whom', async () => {
        expect(await store.timeline({})).toEqual([
          { period: '2024-11', type: 'ACCUSE', count: 1 },
          { period: '2024-11', type: 'COERCE', count: 1 },
          { period: '2024-12', type: 'ASSAULT', count: 1 },
          { period: '2024-12', type: 'REQUEST', count: 1 },
        ]);
        expect(await store.timeline({ actor: 'org:sdf' })).toHaveLength(2);
        const edges = await store.network({}, 10);
        expect(edges.map((e) => [e.actor.id, e.recipient.id, e.type, e.count])).toEqual([
          ['org:kongra-star', 'org:coalition', 'REQUEST', 1],
          ['org:sdf', 'org:isis', 'ACCUSE', 1],
          ['org:sdf', 'org:isis', 'COERCE', 1],
        ]);
        expect(edges[1]!.actor.name).toEqual({ ar: 'قوات سوريا الديمقراطية', en: 'SDF' });
        expect(await store.network({ eventType: 'REQUEST' }, 10)).toHaveLength(1);
        expect(await store.network({}, 1)).toHaveLength(1);
      });

      it('counts what filter menus offer', async () => {
        const f = await store.facets();
        expect(f.eventTypes).toEqual(['ACCUSE', 'ASSAULT', 'COERCE', 'REQUEST'].map((value) => ({ value, count: 1 })));
        expect(f.topics).toEqual([{ value: 'counter-isis', count: 2 }, { value: 'civilian-protection', count: 1 }]);
        expect(f.outlets).toEqual([{ value: 'هاوار', count: 2 }, { value: 'عنب بلدي', count: 1 }]);
        expect(f.categories.map((x) => x.value)).toEqual(['detained', 'killed', 'returned']);
        expect(f.actors[0]).toEqual({ id: 'org:sdf', name: { ar: 'قوات سوريا الديمقراطية', en: 'SDF' }, count: 2 });
        expect(f.places.map((p) => p.id)).toEqual(['loc:iq', 'loc:sy:aleppo', 'loc:sy:deir-ezzor']);
      });

      it('forgets the old rows of a record it replaces', async () => {
        await store.saveDocument({ ...b, events: [], pipeline: { ...b.pipeline, version: 'hand-made+2' } }, { origin: 'b2' }, null);
        expect(await events({})).toEqual(['a:REQUEST', 'a:ASSAULT']);
        expect((await store.facets()).topics).toEqual([{ value: 'civilian-protection', count: 1 }]);
        expect((await store.figures({ filter: { document: b.id }, limit: 5, offset: 0 })).rows[0]!.sentence).toBeNull();
      });
    });
  });
}
