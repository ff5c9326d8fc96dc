/**
 * The contract every Store implementation passes, unchanged: SQLite today, PostgreSQL later.
 * Call `storeContract(name, open)` from a test file with a function that opens an empty store.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { queryGroups } from '../../src/text/search-terms.js';
import { sampleRecord } from '../helpers/records.js';

export function storeContract(name: string, open: () => Promise<Store>): void {
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
  });
}
