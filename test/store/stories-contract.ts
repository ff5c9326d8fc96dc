/**
 * Part of the Store contract (called from `contract.ts`): near-duplicate stories, documents by
 * URL, and what `marsad watch` keeps. Every engine passes it unchanged.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText } from '../../src/text/minhash.js';
import { sampleRecord } from '../helpers/records.js';
import { STORY_BODY as BODY, STORY_OTHER as OTHER } from '../helpers/stories.js';

export function storiesContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract, stories and watch: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const save = async (title: string, body: string, url: string | null = null) => {
      const record = sampleRecord({ title, body });
      await store.saveDocument(record, { origin: `/news/${record.id}.txt`, url, outlet: 'مرصد', published: '2024-12-06' }, null);
      const fp = fingerprint(storyText(record.text, record.title))!;
      return { id: record.id, story: await store.assignStory(record.id, fp, NEAR_DUPLICATE_THRESHOLD) };
    };

    it('puts copies of one text in one story, and a different text in its own', async () => {
      const first = await save('قسد تعتقل خمسة من داعش', BODY);
      const copy = await save('اعتقال خلية لداعش في ريف دير الزور', `دير الزور – وكالات: ${BODY} تابعونا على صفحاتنا لمزيد من الأخبار.`);
      const other = await save('قافلة مساعدات إلى الهول', OTHER);
      expect(first.story).toBe(first.id);
      expect(copy.story).toBe(first.id);
      expect(other.story).toBe(other.id);
      const story = await store.story(copy.id);
      expect(story?.id).toBe(first.id);
      expect(story?.documents.map((d) => d.id)).toEqual([first.id, copy.id]);
      expect(story?.documents[0]!.resemblance).toBeNull();
      expect(story?.documents[1]!.resemblance).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
      expect((await store.story(other.id))?.documents.map((d) => d.id)).toEqual([other.id]);
      expect(await store.story('0000000000000000')).toBeNull();
    });

    it('keeps a document in the story it was first given', async () => {
      const first = await save('قسد تعتقل خمسة من داعش', BODY);
      const record = sampleRecord({ title: 'قسد تعتقل خمسة من داعش', body: BODY });
      const fp = fingerprint(storyText(record.text, record.title))!;
      expect(await store.assignStory(first.id, fp, 1.01)).toBe(first.id);
      expect((await store.story(first.id))?.documents).toHaveLength(1);
    });

    it('finds a document by the URL of one of its sources', async () => {
      const saved = await save('قسد تعتقل خمسة من داعش', BODY, 'https://news.example/a/1');
      expect(await store.documentByUrl('https://news.example/a/1')).toBe(saved.id);
      expect(await store.documentByUrl('https://news.example/a/2')).toBeNull();
    });

    it('keeps what watch knows of a feed and of the items it read', async () => {
      const url = 'https://news.example/feed.xml';
      expect(await store.watchSource(url)).toBeNull();
      const source = {
        url,
        kind: 'feed' as const,
        outlet: 'هاوار',
        language: 'ar',
        etag: '"v1"',
        lastModified: 'Mon, 07 Dec 2026 05:00:00 GMT',
        lastPolledAt: '2026-12-07T05:00:00.000Z',
        lastSuccessAt: '2026-12-07T05:00:00.000Z',
        failures: 0,
        nextPollAt: null,
        lastError: null,
      };
      await store.saveWatchSource(source);
      expect(await store.watchSource(url)).toEqual(source);
      await store.saveWatchSource({ ...source, failures: 2, lastError: 'timeout', nextPollAt: '2026-12-07T06:00:00.000Z' });
      expect(await store.watchSource(url)).toMatchObject({ failures: 2, lastError: 'timeout', etag: '"v1"' });

      expect(await store.watchItemsSeen(url, ['a', 'b'])).toEqual(new Set());
      await store.recordWatchItem({ sourceUrl: url, key: 'a', url: 'https://news.example/a', documentId: null, outcome: 'rejected' });
      await store.recordWatchItem({ sourceUrl: url, key: 'a', url: 'https://news.example/a', documentId: 'x', outcome: 'stored' });
      expect(await store.watchItemsSeen(url, ['a', 'b'])).toEqual(new Set(['a']));
      expect(await store.watchItemsSeen('https://other.example/feed', ['a'])).toEqual(new Set());
    });
  });
}
