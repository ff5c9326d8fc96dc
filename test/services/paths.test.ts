/**
 * What the API shows of file paths (issue 16, item 10): relative to the folder or file given to
 * `marsad ingest`, never the server's absolute paths; the record on this machine keeps its own.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { createApp } from '../../src/server/app.js';
import { ingest } from '../../src/services/ingest.js';
import { pathShower } from '../../src/services/paths.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/tmp.js';

describe('paths shown by the API', () => {
  it('are relative to the ingest root, or the file name alone', () => {
    const show = pathShower(['/home/u/news', '/srv/one.txt', 'feeds', '../up/more', '-']);
    expect(show('/home/u/news/2024/a.txt')).toBe('news/2024/a.txt');
    expect(show('/home/u/news')).toBe('news');
    expect(show('/srv/one.txt')).toBe('one.txt');
    // Origins are resolved: a relative root is found inside them.
    expect(show('/work/x/feeds/day.jsonl:12')).toBe('feeds/day.jsonl:12');
    expect(show('/work/up/more/b.txt')).toBe('more/b.txt');
    expect(show('../up/more/b.txt')).toBe('more/b.txt');
    expect(show('feeds/day.jsonl:3')).toBe('feeds/day.jsonl:3');
    // Under no root: the file name alone.
    expect(show('/etc/secret/c.txt')).toBe('c.txt');
    expect(show('../../c.txt')).toBe('c.txt');
    expect(show('local/d.txt')).toBe('local/d.txt');
    expect(show('<stdin>')).toBe('<stdin>');
    expect(pathShower(['/'])('/x/y.txt')).toBe('x/y.txt');
    expect(pathShower(['.'])('./x/y.txt')).toBe('x/y.txt');
  });

  it('leave no absolute path of the server in any API answer; the stored record keeps its path', async () => {
    const dir = tempDir('marsad-paths-');
    const news = join(dir, 'news');
    mkdirSync(join(news, '2024'), { recursive: true });
    const examples = join(packageRoot(), 'examples');
    const names = readdirSync(examples).filter((n) => n.endsWith('.txt')).slice(0, 2);
    copyFileSync(join(examples, names[0]!), join(news, '2024', names[0]!));
    copyFileSync(join(examples, names[1]!), join(dir, names[1]!));
    const store = openSqliteStore(join(dir, 'm.db'));
    try {
      const report = await ingest(store, [news, join(dir, names[1]!)], { command: `ingest ${news} ${join(dir, names[1]!)}` });
      expect(report.counts.stored).toBe(2);
      const app = createApp(store, { webRoot: null });
      const list = (await (await app.request('/api/documents')).json()) as { rows: { id: string; source: { path: string } }[] };
      expect(list.rows.map((r) => r.source.path).sort()).toEqual([`news/2024/${names[0]}`, names[1]].sort());
      const bodies: string[] = [JSON.stringify(list)];
      for (const row of list.rows) {
        const doc = (await (await app.request(`/api/documents/${row.id}`)).json()) as { record: { source: { path: string } }; sources: { origin: string }[] };
        expect(doc.record.source.path).toBe(row.source.path);
        expect(doc.sources.map((s) => s.origin)).toEqual([row.source.path]);
        bodies.push(JSON.stringify(doc));
        // The stored record keeps the path as given, for this machine's own commands.
        expect((await store.getDocument(row.id))!.source.path!.startsWith(dir)).toBe(true);
      }
      const stats = (await (await app.request('/api/stats')).json()) as { lastRun: { inputs: string[]; command: string } };
      expect(stats.lastRun.inputs).toEqual(['news', names[1]]);
      expect(stats.lastRun.command).toBe(`ingest news ${names[1]}`);
      bodies.push(JSON.stringify(stats));
      for (const format of ['jsonl', 'csv', 'geojson', 'plover']) bodies.push(await (await app.request(`/api/export?format=${format}`)).text());
      expect(bodies.join('\n').split('\n').filter((l) => l.includes(dir))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
