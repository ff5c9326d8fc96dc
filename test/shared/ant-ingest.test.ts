/**
 * The foundation's acceptance run: the seeds and the ANT corpus ingested into a fresh store.
 * Every one of the 1,779 article files is accounted for; a second run stores nothing new;
 * search for "معتقلي داعش" lists seeds 001, 002 and 003 among its first five results.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/document.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import { ingest } from '../../src/services/ingest.js';
import { searchDocuments } from '../../src/services/search.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeShared, shared } from '../helpers/shared.js';
import { tempDir } from '../helpers/tmp.js';

describeShared('ingest of the seeds and the ANT corpus', () => {
  it('accounts for every article, is idempotent, and search finds the seeds', async () => {
    const store = openSqliteStore(join(tempDir(), 'ant.db'));
    const inputs = [shared('seeds'), shared('data', 'arabic-news-ant-v1')];
    const first = await ingest(store, inputs);
    expect(first.articles).toBe(1779);
    expect(first.counts).toEqual({ stored: 1750, updated: 0, unchanged: 0, repeats: 27, rejected: 2, skipped: 3 });
    expect(first.failures.map((f) => f.code)).toEqual(['input-empty', 'input-empty']);
    expect(first.skipped.map((s) => s.path.split('/').at(-1)).sort()).toEqual(['LICENSE', 'README.ant-v1.md', 'SOURCE.md']);

    const second = await ingest(store, inputs);
    expect(second.counts).toEqual({ stored: 0, updated: 0, unchanged: 1777, repeats: 0, rejected: 2, skipped: 3 });
    expect((await store.stats()).documents).toBe(1750);

    const seedIds = new Map<string, string>();
    for await (const item of readInputs(await planInputs([shared('seeds')]))) {
      if (item.kind === 'article') seedIds.set(item.article.origin.split('/').at(-1)!.slice(0, 3), extractArticle(item.article).id);
    }
    const { hits } = await searchDocuments(store, 'معتقلي داعش', { limit: 5 });
    const top = hits.map((h) => h.id);
    for (const seed of ['001', '002', '003']) expect(top, `seed ${seed} in the first five`).toContain(seedIds.get(seed));
    await store.close();
  });
});
