/**
 * Part of the Store contract (called from `contract.ts`): `saveArticles`, the batch write of
 * ingest (issue 14): several articles in one transaction, written as `saveDocument` /
 * `addSource` then `assignStory` would write them one after another. Every engine passes it
 * unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/extract/record.js';
import type { ArticleWrite, SourceRef, Store } from '../../src/store/store.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText } from '../../src/text/minhash.js';
import { sampleRecord } from '../helpers/records.js';
import { STORY_BODY as BODY, STORY_OTHER as OTHER } from '../helpers/stories.js';

const src = (origin: string): SourceRef => ({ origin, url: `https://news.example${origin}`, outlet: 'مرصد', published: '2024-12-06' });
const fp = (r: DocumentRecord) => fingerprint(storyText(r.text, r.title));
const record = (r: DocumentRecord, origin: string): ArticleWrite => ({ kind: 'record', record: r, source: src(origin), fingerprint: fp(r) });
const source = (r: DocumentRecord, origin: string): ArticleWrite => ({ kind: 'source', id: r.id, source: src(origin), fingerprint: fp(r) });

/** What a store holds of some documents, as its readers give it. */
async function contents(store: Store, ids: readonly string[]) {
  const stats = await store.stats();
  return {
    stats: { ...stats, lastRun: null },
    documents: await Promise.all(ids.map((id) => store.getDocument(id))),
    sources: await Promise.all(ids.map((id) => store.sources(id))),
    stories: await Promise.all(ids.map((id) => store.story(id))),
    list: await store.documents({ filter: {}, limit: 50, offset: 0 }),
    events: await store.events({ filter: {}, limit: 50, offset: 0, sort: 'date' }),
    folds: await store.folds({ filter: {}, limit: 50, offset: 0, sort: 'date' }),
  };
}

export function batchContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract, saveArticles (several articles in one transaction): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('writes what saveDocument, addSource and assignStory write one after another: outcomes, rows, sources, stories', async () => {
      const detained = sampleRecord();
      const arrest = sampleRecord({ title: 'قسد تعتقل خمسة من داعش', body: BODY });
      const copy = sampleRecord({ title: 'اعتقال خلية لداعش في ريف دير الزور', body: `دير الزور – وكالات: ${BODY} تابعونا على صفحاتنا لمزيد من الأخبار.` });
      const aid = sampleRecord({ title: 'قافلة مساعدات إلى الهول', body: OTHER });
      const writes: ArticleWrite[] = [
        record(detained, '/a'),
        record(arrest, '/b'),
        record(copy, '/c'),
        // the same text again, from another file, before it was stored: a repeat
        record(arrest, '/b-again'),
        // a source of a document stored earlier in the list, known already, then a new one
        source(detained, '/a'),
        source(detained, '/mirror/a'),
        record(aid, '/d'),
      ];
      const done = await store.saveArticles(writes, null, NEAR_DUPLICATE_THRESHOLD);
      expect(done).toEqual([
        { outcome: 'stored', story: detained.id },
        { outcome: 'stored', story: arrest.id },
        { outcome: 'stored', story: arrest.id },
        { outcome: 'repeat', story: arrest.id },
        { outcome: 'unchanged', story: detained.id },
        { outcome: 'repeat', story: detained.id },
        { outcome: 'stored', story: aid.id },
      ]);

      // The same, one call at a time, in another store.
      const other = await open();
      try {
        const one: unknown[] = [];
        for (const w of writes) {
          const outcome =
            w.kind === 'record' ? await other.saveDocument(w.record, w.source, null) : (await other.addSource(w.id, w.source, null)) ? 'repeat' : 'unchanged';
          const story = await other.assignStory(w.kind === 'record' ? w.record.id : w.id, w.fingerprint!, NEAR_DUPLICATE_THRESHOLD);
          one.push({ outcome, story });
        }
        expect(done).toEqual(one);
        const ids = [detained.id, arrest.id, copy.id, aid.id];
        expect(await contents(store, ids)).toEqual(await contents(other, ids));
      } finally {
        await other.close();
      }
      expect((await store.sources(arrest.id)).map((s) => s.origin)).toEqual(['/b', '/b-again']);
      expect((await store.story(copy.id))?.documents.map((d) => d.id)).toEqual([arrest.id, copy.id]);
    });

    it('re-extracted records are updated; the generation rises by the articles that changed anything', async () => {
      const old = sampleRecord();
      await store.saveDocument(old, src('/a'), null);
      const fresh = sampleRecord({ pipelineVersion: 'test+2' });
      const g0 = await store.generation();
      expect(await store.saveArticles([], null, NEAR_DUPLICATE_THRESHOLD)).toEqual([]);
      expect(await store.generation()).toBe(g0);
      const done = await store.saveArticles(
        [
          record(fresh, '/a'), // updated, and placed in its story: one change
          source(fresh, '/a'), // known source, already placed: nothing
          source(fresh, '/mirror/a'), // a new source: one change
          record(fresh, '/a'), // the same record again: nothing
        ],
        null,
        NEAR_DUPLICATE_THRESHOLD,
      );
      expect(done.map((d) => d.outcome)).toEqual(['updated', 'unchanged', 'repeat', 'unchanged']);
      expect(await store.generation()).toBe(g0 + 2);
      expect(await store.getDocument(old.id)).toEqual(fresh);
      expect((await store.sources(old.id)).map((s) => s.origin)).toEqual(['/a', '/mirror/a']);
      // Nothing new: nothing written, the generation stays.
      const again = await store.saveArticles([source(fresh, '/a'), record(fresh, '/mirror/a')], null, NEAR_DUPLICATE_THRESHOLD);
      expect(again.map((d) => d.outcome)).toEqual(['unchanged', 'unchanged']);
      expect(await store.generation()).toBe(g0 + 2);
    });

    it('places a stored document that has no story yet (a run killed between the two writes)', async () => {
      const arrest = sampleRecord({ title: 'قسد تعتقل خمسة من داعش', body: BODY });
      await store.saveDocument(arrest, src('/b'), null);
      expect(await store.story(arrest.id)).toBeNull();
      const g0 = await store.generation();
      expect(await store.saveArticles([source(arrest, '/b')], null, NEAR_DUPLICATE_THRESHOLD)).toEqual([{ outcome: 'unchanged', story: arrest.id }]);
      expect((await store.story(arrest.id))?.documents.map((d) => d.id)).toEqual([arrest.id]);
      expect(await store.generation()).toBe(g0 + 1);
      // an article too short for a fingerprint has no story
      const short = sampleRecord({ title: 'قصير', body: 'نص قصير.' });
      expect(fp(short)).toBeNull();
      expect(await store.saveArticles([{ kind: 'record', record: short, source: src('/s'), fingerprint: null }], null, NEAR_DUPLICATE_THRESHOLD)).toEqual([
        { outcome: 'stored', story: null },
      ]);
    });

    it('is atomic: when one article cannot be written, none of the call is', async () => {
      const detained = sampleRecord();
      const aid = sampleRecord({ title: 'قافلة مساعدات إلى الهول', body: OTHER });
      const g0 = await store.generation();
      const unknown: ArticleWrite = { kind: 'source', id: '00000000000000ff', source: src('/nowhere'), fingerprint: null };
      await expect(store.saveArticles([record(detained, '/a'), unknown, record(aid, '/d')], null, NEAR_DUPLICATE_THRESHOLD)).rejects.toMatchObject({ code: 'store-write' });
      expect(await store.getDocument(detained.id)).toBeNull();
      expect(await store.story(detained.id)).toBeNull();
      expect((await store.stats()).documents).toBe(0);
      expect(await store.generation()).toBe(g0);
      // and the store takes the next write
      expect((await store.saveArticles([record(detained, '/a')], null, NEAR_DUPLICATE_THRESHOLD)).map((d) => d.outcome)).toEqual(['stored']);
    });
  });
}
