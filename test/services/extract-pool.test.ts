/**
 * Ingest on a pool of worker threads (issue 14, item 1): the same store as in one thread, in
 * every table; order-independent and idempotent; bounded; and a worker that dies loses and
 * doubles nothing. The workers are real threads running the TypeScript worker through tsx.
 */
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { prepareArticle } from '../../src/extract/document.js';
import { pipelineModel } from '../../src/extract/pipeline.js';
import { ExtractionPool } from '../../src/services/extract-pool.js';
import { deserializeError, serializeError } from '../../src/services/extract-protocol.js';
import { ingest, type ArticleReport, type IngestOptions, type IngestReport } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { pipelineStamp } from '../../src/version.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CRASHING_WORKER = new URL('../helpers/crashing-worker.ts', import.meta.url);

/** Real articles of every kind ingest meets: the examples, reports of one act, near-duplicates, repeats, failures, a skip. */
function corpus(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'fold'), join(dir, 'fold'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'near-duplicates'), join(dir, 'near'), { recursive: true });
  mkdirSync(join(dir, 'odd'));
  copyFileSync(join(ROOT, 'examples', '01-sdf-raid-deir-ezzor.txt'), join(dir, 'odd', 'copy-of-01.txt'));
  writeFileSync(join(dir, 'odd', 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 1]));
  writeFileSync(join(dir, 'odd', 'empty.json'), JSON.stringify({ title: 'عنوان بلا نص', text: '   ' }));
  writeFileSync(
    join(dir, 'odd', 'feed.jsonl'),
    Array.from({ length: 6 }, (_, i) => JSON.stringify({ title: `خبر ${i}`, text: `قتل ${i + 2} عناصر من داعش في اشتباكات مع قسد في ريف دير الزور يوم ${i + 1} آذار 2019.`, published: '2019-03-20' })).join('\n'),
  );
  return dir;
}

/** Every row of every table of a store, without the columns that hold times and processes. */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const out: Record<string, unknown[]> = {};
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of names) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !/_at$|^pid$|^host$|^command$/.test(c));
    out[name] = db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`).raw().all();
  }
  db.close();
  return out;
}

/** A run's report without its time and run id. */
function comparable(report: IngestReport) {
  const { seconds: _s, articlesPerSecond: _a, runId: _r, failures, ...rest } = report;
  return { ...rest, failures: failures.map(({ stack: _stack, ...f }) => f) };
}

async function run(dir: string, storePath: string, options: IngestOptions) {
  const store = openSqliteStore(storePath);
  const articles: ArticleReport[] = [];
  const progress: string[] = [];
  try {
    const report = await ingest(store, [dir], { ...options, onArticle: (r) => articles.push(r), onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.current}`) });
    return { report, articles, progress };
  } finally {
    await store.close();
  }
}

describe('ingest --jobs 2', () => {
  it('stores what --jobs 1 stores, in every table, and reports the same run; a rerun stores nothing twice', async () => {
    const dir = corpus();
    const out = tempDir();
    const one = await run(dir, join(out, 'one.db'), { jobs: 1 });
    const two = await run(dir, join(out, 'two.db'), { jobs: 2 });
    expect(one.report.counts).toEqual({ stored: 25, updated: 0, unchanged: 0, repeats: 1, rejected: 2, skipped: 2 });
    expect(comparable(two.report)).toEqual(comparable(one.report));
    expect(two.articles).toEqual(one.articles);
    expect(two.progress).toEqual(one.progress);
    const first = tables(join(out, 'one.db'));
    expect(first['documents']).toHaveLength(25);
    expect((first['folds'] as unknown[]).length).toBeGreaterThan(0);
    const second = tables(join(out, 'two.db'));
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const name of Object.keys(first)) expect(second[name], name).toEqual(first[name]);

    // Again, on the pool's store: every article is unchanged, no row is added
    const again = await run(dir, join(out, 'two.db'), { jobs: 2 });
    expect(again.report.counts).toEqual({ stored: 0, updated: 0, unchanged: 26, repeats: 0, rejected: 2, skipped: 2 });
    const after = tables(join(out, 'two.db'));
    // (runs, their failures and the store's generation counter record the run itself)
    const apart = { ingest_runs: [], failures: [], store_generation: [] };
    expect({ ...after, ...apart }).toEqual({ ...first, ...apart });
  });

  it('holds a bounded number of articles: never the whole input in the pool', async () => {
    const dir = tempDir();
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `a${String(i).padStart(2, '0')}.txt`), `خبر ${i}\n\nقتل ${i + 2} عناصر من داعش في اشتباكات مع قسد في ريف دير الزور.`);
    const pool = new ExtractionPool({ size: 1 });
    // how many articles the pool holds, each time it is given one
    let most = 0;
    const extract = pool.extract.bind(pool);
    pool.extract = (...args) => {
      const extracting = extract(...args);
      most = Math.max(most, pool.outstanding);
      return extracting;
    };
    const store = openSqliteStore(':memory:');
    try {
      const report = await ingest(store, [dir], { pool });
      expect(report.counts.stored).toBe(60);
      // ingest reads at most a batch (16) for each worker and one more ahead of the one being
      // written, and the pool holds no more than it was given
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(32);
    } finally {
      await pool.close();
      await store.close();
    }
  });
});

describe('a worker that dies', () => {
  function crashCorpus(): { dir: string; flag: string } {
    const dir = tempDir();
    const flag = join(tempDir(), 'crashed-once');
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `a${i}.txt`), `خبر ${i}\n\nقتل ${i + 2} عناصر من داعش في اشتباكات مع قسد في ريف حلب.`);
    writeFileSync(join(dir, 'a3-always.txt'), 'خبر يقتل عامله\n\nنص CRASH-ALWAYS يوقف العامل في كل مرة.');
    writeFileSync(join(dir, 'a5-once.txt'), `خبر يقتل عامله مرة\n\nنص CRASH-ONCE:${flag} يوقف العامل أول مرة فقط.`);
    return { dir, flag };
  }

  it('an article that kills its worker twice is rejected with the reason; the one beside it and a crash once are stored; the run goes on', async () => {
    const { dir } = crashCorpus();
    // One worker holding two articles: each crash also takes the article queued beside it.
    const pool = new ExtractionPool({ size: 1, perWorker: 2, module: CRASHING_WORKER });
    const path = join(tempDir(), 's.db');
    const store = openSqliteStore(path);
    try {
      const report = await ingest(store, [dir], { pool });
      expect(report.articles).toBe(10);
      expect(report.counts).toEqual({ stored: 9, updated: 0, unchanged: 0, repeats: 0, rejected: 1, skipped: 0 });
      expect(report.failures).toHaveLength(1);
      expect(report.failures[0]).toMatchObject({ origin: join(dir, 'a3-always.txt'), code: 'internal' });
      expect(report.failures[0]!.message).toBe(
        `${join(dir, 'a3-always.txt')}: internal error: its extraction stopped the worker thread twice (simulated crash of the worker thread); the other articles went on`,
      );
      expect(pool.crashes).toBe(3); // a3 twice, a5 once
      // a rerun stores nothing twice, and finds the same failure
      const again = await ingest(store, [dir], { pool });
      expect(again.counts).toEqual({ stored: 0, updated: 0, unchanged: 9, repeats: 0, rejected: 1, skipped: 0 });
      expect((await store.stats()).documents).toBe(9);
    } finally {
      await pool.close();
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM document_sources').get() as { n: number }).n).toBe(9);
    db.close();
  });

  it('workers that cannot start fail every article with the reason, and the run ends', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'خبر\n\nقتل ثلاثة عناصر من داعش في اشتباكات مع قسد.');
    writeFileSync(join(dir, 'b.txt'), 'خبر آخر\n\nنزحت مئات العائلات بعد القصف التركي على القرى.');
    const pool = new ExtractionPool({ size: 2, module: new URL('../helpers/no-such-worker.ts', import.meta.url) });
    const store = openSqliteStore(':memory:');
    try {
      const report = await ingest(store, [dir], { pool });
      expect(report.counts.rejected).toBe(2);
      for (const f of report.failures) expect(f.message).toMatch(/internal error: the extraction workers could not start \(3 in a row\): .*no-such-worker/);
    } finally {
      await pool.close();
      await store.close();
    }
  });
});

describe('the pool alone', () => {
  it('extracts the record the main thread extracts, with its fingerprint', async () => {
    const { extractPrepared } = await import('../../src/extract/document.js');
    const prepared = prepareArticle({
      origin: 'x.txt', sourceKey: 'x.txt', source: { path: 'x.txt' }, title: 'عنوان', body: 'قالت قوات سوريا الديمقراطية إن 3 عناصر من داعش قتلوا في دير الزور أمس.', published: '2019-03-20', notes: [],
    });
    const stamp = pipelineStamp(pipelineModel());
    const pool = new ExtractionPool({ size: 1 });
    try {
      const startups = await pool.start();
      expect(startups).toHaveLength(1);
      expect(startups[0]!.startupMs).toBeGreaterThan(0);
      const { record, fingerprint } = await pool.extract(prepared, stamp);
      expect(JSON.stringify(record)).toBe(JSON.stringify(extractPrepared(prepared, { stamp })));
      expect(fingerprint).not.toBeNull();
    } finally {
      await pool.close();
    }
    await expect(pool.extract(prepared, stamp)).rejects.toThrow(/closed/);
  });

  it('an error crosses from a worker as the in-process path throws it', () => {
    const marsad = new MarsadError('input-empty', 'feed.jsonl:3', 'it is empty');
    const back = deserializeError(serializeError(marsad));
    expect(back).toBeInstanceOf(MarsadError);
    expect([(back as MarsadError).code, back.message]).toEqual([marsad.code, marsad.message]);
    const plain = new TypeError('x is not a function');
    const again = deserializeError(serializeError(plain));
    expect([again.message, again.stack]).toEqual([plain.message, plain.stack]);
  });
});
