import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type ArticleReport } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { pipelineModel } from '../../src/extract/pipeline.js';
import { pipelineStamp, stampKey } from '../../src/version.js';
import { tempDir } from '../helpers/tmp.js';

function corpus() {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.txt'), 'اشتباكات في ريف دير الزور\n\nقتل ثلاثة عناصر من داعش في اشتباكات مع قسد.');
  writeFileSync(join(dir, 'b.txt'), 'نزوح من تل تمر\n\nنزحت مئات العائلات بعد القصف التركي على القرى.');
  writeFileSync(join(dir, 'copy-of-a.txt'), 'اشتباكات في ريف دير الزور\r\n\r\nقتل ثلاثة عناصر من داعش في اشتباكات مع قسد.\r\n');
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 1]));
  writeFileSync(join(dir, 'empty.json'), JSON.stringify({ title: 'عنوان بلا نص', text: '   ' }));
  writeFileSync(join(dir, 'README.md'), 'not an article');
  return dir;
}

describe('ingest', () => {
  it('accounts for every article: stored, repeats, rejected with a reason; skipped files listed', async () => {
    const dir = corpus();
    const store = openSqliteStore(join(tempDir(), 's.db'));
    const seen: ArticleReport[] = [];
    const report = await ingest(store, [dir], { onArticle: (r) => seen.push(r) });
    expect(report.articles).toBe(5);
    expect(report.counts).toEqual({ stored: 2, updated: 0, unchanged: 0, repeats: 1, rejected: 2, skipped: 1 });
    expect(report.failures.map((f) => [f.origin.slice(dir.length + 1), f.code])).toEqual([
      ['broken.txt', 'input-binary'],
      ['empty.json', 'input-empty'],
    ]);
    expect(report.skipped.map((s) => s.path.slice(dir.length + 1))).toEqual(['README.md']);
    expect(seen.map((r) => [r.origin.slice(dir.length + 1), r.outcome])).toEqual([
      ['a.txt', 'stored'],
      ['b.txt', 'stored'],
      ['copy-of-a.txt', 'repeat'],
    ]);
    // Deir ez-Zor, ISIS, SDF; "قتل ثلاثة عناصر" is one figure; the clash told in the title and
    // the body is one ASSAULT (SDF on ISIS)
    expect(seen[0]!.found).toEqual({ entities: 3, dates: 0, quantities: 1, events: 1 });
    // the failures table holds both, with their messages
    expect((await store.failures(report.runId)).map((f) => f.code)).toEqual(['input-binary', 'input-empty']);
    // the repeat is a second source of the same document
    const id = seen[0]!.id;
    expect((await store.sources(id)).map((s) => s.origin.slice(dir.length + 1))).toEqual(['a.txt', 'copy-of-a.txt']);
    await store.close();
  });

  it('is idempotent: the same inputs again store nothing new', async () => {
    const dir = corpus();
    const path = join(tempDir(), 's.db');
    const store = openSqliteStore(path);
    await ingest(store, [dir]);
    const before = await store.stats();
    const again = await ingest(store, [dir]);
    expect(again.counts).toEqual({ stored: 0, updated: 0, unchanged: 3, repeats: 0, rejected: 2, skipped: 1 });
    const after = await store.stats();
    expect({ ...after, runs: 0, failures: 0, lastRun: null }).toEqual({ ...before, runs: 0, failures: 0, lastRun: null });
    expect(after.runs).toBe(2);
    await store.close();
  });

  it('a rerun does not record the same failures again, and still reports them', async () => {
    const dir = corpus();
    const store = openSqliteStore(join(tempDir(), 's.db'));
    const first = await ingest(store, [dir]);
    const second = await ingest(store, [dir]);
    expect(second.failures.map((f) => f.code)).toEqual(['input-binary', 'input-empty']);
    expect((await store.stats()).failures).toBe(2);
    expect((await store.failures(first.runId)).map((f) => f.code)).toEqual(['input-binary', 'input-empty']);
    expect((await store.failures(second.runId)).map((f) => f.code)).toEqual(['input-binary', 'input-empty']);
    await store.close();
  });

  it('the same file named by another relative path is the same source', async () => {
    const dir = corpus();
    const store = openSqliteStore(':memory:');
    await ingest(store, [join(dir, 'a.txt')]);
    const again = await ingest(store, [join(dir, '.', 'a.txt')]);
    expect(again.counts.unchanged).toBe(1);
    await store.close();
  });

  it('re-extracts a record made by an older pipeline', async () => {
    const dir = corpus();
    const store = openSqliteStore(':memory:');
    const first = await ingest(store, [join(dir, 'a.txt')]);
    expect(first.counts.stored).toBe(1);
    // Make the stored record look as if an older pipeline had made it.
    store.db.prepare("UPDATE documents SET pipeline = 'old|ar-old|-'").run();
    const again = await ingest(store, [join(dir, 'a.txt')]);
    expect(again.counts).toMatchObject({ stored: 0, updated: 1, unchanged: 0 });
    const state = (await store.documentState((await store.search({ groups: [{ word: 'قسد', terms: ['قسد'], synonyms: [] }], limit: 1, offset: 0 })).rows[0]!.id))!;
    expect(state.pipeline).toBe(stampKey(pipelineStamp(pipelineModel())));
    expect(state.pipeline).toMatch(/\|ner-ar-v1@[0-9a-f]{8}$/);
    await store.close();
  });

  it('reports progress over the planned files', async () => {
    const dir = corpus();
    const store = openSqliteStore(':memory:');
    const seen: [number, number][] = [];
    await ingest(store, [dir], { onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen[0]).toEqual([0, 6]);
    expect(seen.at(-1)).toEqual([6, 6]);
    await store.close();
  });

  it('applies --published to every article and refuses a bad one before reading', async () => {
    const dir = corpus();
    const store = openSqliteStore(':memory:');
    await ingest(store, [join(dir, 'b.txt')], { published: '2021-12-06' });
    expect((await store.stats()).published).toEqual({ first: '2021-12-06', last: '2021-12-06' });
    await expect(ingest(store, [dir], { published: 'next week' })).rejects.toThrow(/--published/);
    await store.close();
  });
});
