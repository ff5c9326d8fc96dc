/**
 * The queue (issue 14, item 4): `marsad ingest --queue` and `marsad worker` as real processes
 * of the built CLI (`npx tsc -p tsconfig.build.json`) on the real PostgreSQL server, each test
 * in a schema of its own (test/helpers/postgres.ts: fails under CI without a server, skips
 * elsewhere).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/pg-store.js';
import { PgQueue } from '../../src/store/postgres/queue.js';
import { jobJson } from '../../src/services/queue.js';
import { freshUrl, withPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'marsad.js');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const PLACES = ['حلب', 'إدلب', 'دير الزور', 'الرقة', 'حمص', 'درعا', 'الحسكة', 'القامشلي', 'منبج', 'عفرين', 'تدمر', 'جرابلس'];

/** A distinct article (no two are near-duplicates of each other: the numbers and places differ). */
function article(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  return `اشتباكات في ${place} (${i})\n\nقتل ${i + 3} عناصر من داعش في اشتباكات مع قسد في ريف ${place} يوم ${(i % 28) + 1} آذار، وقالت مصادر محلية إن ${i * 7 + 2} مدنيين نزحوا إلى ${PLACES[(i + 5) % PLACES.length]} بعد قصف استمر ${i + 1} ساعات.`;
}

function articles(total: number): string {
  const dir = join(tempDir(), 'in');
  mkdirSync(dir);
  for (let i = 0; i < total; i++) writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.txt`), article(i));
  return dir;
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Result> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const run = (args: string[], env: Record<string, string> = {}) => start(args, env).done;

/** Resolves once `child` has printed `count` lines matching `pattern` (or has ended). */
function printed(child: ChildProcess, pattern: RegExp, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    child.stdout!.on('data', (d: Buffer) => {
      seen += (d.toString().match(pattern) ?? []).length;
      if (seen >= count) resolve();
    });
    child.on('close', () => resolve());
  });
}

async function count(store: PostgresStore, sql: string): Promise<number> {
  return (await store.pool.query<{ n: number }>(sql)).rows[0]!.n;
}

async function jobStates(store: PostgresStore): Promise<Record<string, number>> {
  const { rows } = await store.pool.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM queue_jobs GROUP BY state ORDER BY state');
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Every article stored exactly once: one document, one source and one story place each. */
async function expectStoredOnce(store: PostgresStore, total: number): Promise<void> {
  expect(await count(store, 'SELECT count(*)::int AS n FROM documents')).toBe(total);
  expect(await count(store, 'SELECT count(*)::int AS n FROM document_sources')).toBe(total);
  expect(await count(store, 'SELECT count(*)::int AS n FROM fingerprints')).toBe(total);
  expect(await count(store, 'SELECT count(DISTINCT document_id)::int AS n FROM queue_jobs')).toBe(total);
}

withPostgres('marsad worker on PostgreSQL', () => {
  it('ingest --queue enqueues and returns a count; worker --drain stores every article once, the records ingest makes; stats shows the queue', async () => {
    const url = freshUrl();
    const direct = freshUrl();
    const enq = await run(['ingest', '--queue', EXAMPLES, '--store', url, '--json']);
    expect({ code: enq.code, stderr: enq.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(enq.stdout) as { enqueued: number; rejected: unknown[]; unread: unknown[] };
    expect(report).toMatchObject({ enqueued: 12, rejected: [], unread: [] });

    const before = await run(['stats', '--store', url, '--json']);
    expect(JSON.parse(before.stdout)).toMatchObject({ documents: 0, queue: { queued: 12, leased: 0, done: 0, failed: 0 } });

    const worker = await run(['worker', '--store', url, '--drain', '--json']);
    expect({ code: worker.code, stderr: worker.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(worker.stdout)).toMatchObject({ jobs: 12, counts: { stored: 12, unchanged: 0, repeats: 0, rejected: 0 }, failed: 0, lost: 0 });

    const after = await run(['stats', '--store', url]);
    expect(after.stdout).toMatch(/Queue\n\s+0 queued\n\s+0 leased\n\s+12 done\n\s+0 failed/);

    // The same records as `marsad ingest` makes of the same files (sources aside: a worker's are
    // the paths the enqueuing process read).
    expect((await run(['ingest', EXAMPLES, '--store', direct, '--jobs', '1', '-q'])).code).toBe(0);
    const a = openPostgresStore(url);
    const b = openPostgresStore(direct);
    try {
      const records = async (s: PostgresStore) => (await s.pool.query<{ id: string; record: unknown }>('SELECT id, record FROM documents ORDER BY id')).rows;
      expect(await records(a)).toEqual(await records(b));
      await expectStoredOnce(a, 12);
      expect(await jobStates(a)).toEqual({ done: 12 });
      // A done job keeps its outcome and document, not its article.
      expect(await count(a, "SELECT count(*)::int AS n FROM queue_jobs WHERE article IS NULL AND outcome = 'stored' AND document_id IS NOT NULL")).toBe(12);

      // The same inputs enqueued again: worked again, nothing new stored.
      expect((await run(['ingest', '--queue', EXAMPLES, '--store', url])).code).toBe(0);
      const again = await run(['worker', '--store', url, '--drain', '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ jobs: 12, counts: { stored: 0, unchanged: 12 } });
      await expectStoredOnce(a, 12);
    } finally {
      await a.close();
      await b.close();
    }
  }, 180_000);

  it('two workers in parallel share the jobs: each takes some, none is worked twice, every article is stored once', async () => {
    const url = freshUrl();
    const total = 60;
    const dir = articles(total);
    expect((await run(['ingest', '--queue', dir, '--store', url])).code).toBe(0);
    // A short pause per job keeps both busy until the end, so that neither drains the queue alone.
    const env = { MARSAD_WORKER_TEST_DELAY_MS: '40' };
    const results = await Promise.all([
      run(['worker', '--store', url, '--drain', '--json'], env),
      run(['worker', '--store', url, '--drain', '--json', '--concurrency', '2'], env),
    ]);
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const reports = results.map((r) => JSON.parse(r.stdout) as { jobs: number; counts: { stored: number; unchanged: number } });
    for (const r of reports) expect(r.jobs).toBeGreaterThan(0);
    expect(reports[0]!.jobs + reports[1]!.jobs).toBe(total);
    expect(reports[0]!.counts.stored + reports[1]!.counts.stored).toBe(total);
    const store = openPostgresStore(url);
    try {
      await expectStoredOnce(store, total);
      expect(await jobStates(store)).toEqual({ done: total });
      expect(await count(store, 'SELECT max(attempts)::int AS n FROM queue_jobs')).toBe(1);
      expect(await count(store, 'SELECT count(DISTINCT leased_by)::int AS n FROM queue_jobs')).toBe(2);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('a worker killed with kill -9 in the middle of its jobs, then a rerun with a short lease: every article stored exactly once', async () => {
    const url = freshUrl();
    const total = 30;
    const dir = articles(total);
    expect((await run(['ingest', '--queue', dir, '--store', url])).code).toBe(0);
    const env = { MARSAD_WORKER_TEST_DELAY_MS: '150' };
    const first = start(['worker', '--store', url, '--drain', '--list', '--lease', '2', '--concurrency', '2'], env);
    await printed(first.child, /^stored/gm, 6);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull(); // killed, not finished

    const store = openPostgresStore(url);
    try {
      const atKill = await jobStates(store);
      expect(atKill.done).toBeGreaterThanOrEqual(6);
      expect(atKill.done).toBeLessThan(total);
      expect(atKill.leased).toBeGreaterThanOrEqual(1); // held by the dead worker: its lease must run out
      const held = (await store.pool.query<{ id: number }>("SELECT id FROM queue_jobs WHERE state = 'leased' ORDER BY id")).rows.map((r) => r.id);

      const rerun = await run(['worker', '--store', url, '--drain', '--json', '--lease', '2']);
      expect({ code: rerun.code, stderr: rerun.stderr }).toEqual({ code: 0, stderr: '' });
      const report = JSON.parse(rerun.stdout) as { jobs: number; counts: { stored: number; unchanged: number } };
      expect(report.jobs).toBe(total - atKill.done!);

      await expectStoredOnce(store, total);
      expect(await jobStates(store)).toEqual({ done: total });
      // The jobs the dead worker held were taken again, once each.
      const retaken = (await store.pool.query<{ id: number; attempts: number }>('SELECT id, attempts FROM queue_jobs WHERE id = ANY($1::bigint[]) ORDER BY id', [held])).rows;
      expect(retaken).toEqual(held.map((id) => ({ id, attempts: 2 })));
      // The killed worker's run is closed as interrupted by the rerun (same machine, dead process).
      expect((await store.pool.query('SELECT command, status FROM ingest_runs ORDER BY id')).rows).toEqual([
        { command: 'worker --drain', status: 'interrupted' },
        { command: 'worker --drain', status: 'completed' },
      ]);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('a job that cannot be extracted is failed with its reason, once; a job whose leases all ran out is failed and says so; stats lists them', async () => {
    const url = freshUrl();
    const store = openPostgresStore(url, { create: true });
    try {
      const queue = new PgQueue(store);
      const good = { origin: 'good.txt', sourceKey: '/in/good.txt', source: { path: 'good.txt' }, title: null, body: article(1), published: null, notes: [] };
      const empty = { ...good, origin: 'empty.txt', sourceKey: '/in/empty.txt', body: '   \n  ' };
      await queue.enqueue([
        { origin: 'good.txt', article: jobJson(good) },
        { origin: 'empty.txt', article: jobJson(empty) },
        { origin: 'odd.json', article: JSON.stringify({ format: 99 }) },
      ]);
      // A job whose every lease ran out (its workers died each time) is not taken a fourth time.
      await queue.enqueue([{ origin: 'crashes.txt', article: jobJson({ ...good, origin: 'crashes.txt', sourceKey: '/in/crashes.txt' }) }]);
      await store.pool.query("UPDATE queue_jobs SET state = 'leased', attempts = 3, leased_by = 'gone:1:abc', visible_at = now() - interval '1 second' WHERE origin = 'crashes.txt'");

      const worker = await run(['worker', '--store', url, '--drain', '--list']);
      expect(worker.code).toBe(5); // finished, with failures
      expect(worker.stdout).toMatch(/^failed\s+job 2 \(attempt 1\)\s+empty\.txt: empty\.txt: the article has no text/m);
      expect(worker.stdout).toMatch(/^failed\s+job 3 \(attempt 1\)\s+odd\.json: .*job 3 does not hold an article .*format is 99/m);

      const rows = (await store.pool.query<{ origin: string; state: string; attempts: number; error: string | null }>('SELECT origin, state, attempts, error FROM queue_jobs ORDER BY id')).rows;
      expect(rows).toEqual([
        { origin: 'good.txt', state: 'done', attempts: 1, error: null },
        { origin: 'empty.txt', state: 'failed', attempts: 1, error: expect.stringMatching(/^input-empty: empty\.txt: the article has no text: it is empty/) },
        { origin: 'odd.json', state: 'failed', attempts: 1, error: expect.stringMatching(/^input-format: .*format is 99, this Marsad reads 1/) },
        { origin: 'crashes.txt', state: 'failed', attempts: 3, error: expect.stringMatching(/its lease ran out 3 times .*last held by gone:1:abc/) },
      ]);
      // Rejections are in the run's failures too, as ingest's are.
      expect((await store.pool.query('SELECT origin, code FROM failures ORDER BY id')).rows).toEqual([
        { origin: 'empty.txt', code: 'input-empty' },
        { origin: 'odd.json', code: 'input-format' },
      ]);
      const stats = await run(['stats', '--store', url]);
      expect(stats.stdout).toMatch(/\s+1 done\n\s+3 failed/);
      expect(stats.stdout).toMatch(/job 2 empty\.txt \(1 attempt\): input-empty/);
      expect(stats.stdout).toMatch(/job 4 crashes\.txt \(3 attempts\): its lease ran out/);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('a job whose store write fails is given back and tried again after a delay, then failed with the error after 3 attempts', async () => {
    const url = freshUrl();
    expect((await run(['ingest', '--queue', articles(1), '--store', url])).code).toBe(0);
    const store = openPostgresStore(url);
    try {
      // Every insert of a document now fails: not the article's fault, so the job is retried.
      await store.pool.query('ALTER TABLE documents ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
      const worker = await run(['worker', '--store', url, '--drain', '--list']);
      expect(worker.code).toBe(5);
      expect(worker.stdout.split('\n').filter((l) => /^(retry|failed)/.test(l)).map((l) => l.replace(/\s+job.*$/, ''))).toEqual(['retry', 'retry', 'failed']);
      const rows = (await store.pool.query<{ state: string; attempts: number; error: string }>('SELECT state, attempts, error FROM queue_jobs')).rows;
      expect(rows).toEqual([{ state: 'failed', attempts: 3, error: expect.stringMatching(/^store-write: .*refuse_all.* \(after 3 attempts\)$/) }]);
      expect(await count(store, 'SELECT count(*)::int AS n FROM documents')).toBe(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('SIGTERM: the worker finishes the job it holds, leaves the rest queued, and exits 0', async () => {
    const url = freshUrl();
    const total = 20;
    expect((await run(['ingest', '--queue', articles(total), '--store', url])).code).toBe(0);
    const worker = start(['worker', '--store', url, '--list'], { MARSAD_WORKER_TEST_DELAY_MS: '300' });
    await printed(worker.child, /^stored/gm, 2);
    worker.child.kill('SIGTERM');
    const result = await worker.done;
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/stopped after/);
    const store = openPostgresStore(url);
    try {
      const states = await jobStates(store);
      expect(states.leased).toBeUndefined(); // nothing left held
      expect(states.done).toBeGreaterThanOrEqual(2);
      expect(states.done! + states.queued!).toBe(total);
      expect(await count(store, 'SELECT count(*)::int AS n FROM documents')).toBe(states.done);
    } finally {
      await store.close();
    }
  }, 120_000);
});

it('ingest --queue and worker refuse a SQLite store, naming it, and make no file', async () => {
  const dir = tempDir();
  const db = join(dir, 'store.db');
  const enq = await run(['ingest', '--queue', EXAMPLES, '--store', db]);
  expect(enq.code).toBe(2);
  expect(enq.stderr).toContain(`marsad: --queue: invalid command line: a queue is held in a PostgreSQL store, and ${db} is a SQLite file`);
  const worker = await run(['worker', '--drain', '--store', db]);
  expect(worker.code).toBe(2);
  expect(worker.stderr).toContain(`marsad: worker: invalid command line: a queue is held in a PostgreSQL store, and ${db} is a SQLite file`);
  expect(existsSync(db)).toBe(false);
  const url = await run(['ingest', '--queue', 'https://example.org/feed.xml', '--store', 'postgres://nobody@127.0.0.1:1/none']);
  expect(url.code).toBe(2);
  expect(url.stderr).toContain('marsad: https://example.org/feed.xml: invalid command line: --queue takes files, folders and standard input, not URLs');
}, 60_000);
