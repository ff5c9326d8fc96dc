/**
 * `npm run bench:queue`: articles/s of 1 and 2 `marsad worker` processes on PostgreSQL
 * (issue 14, item 4), and of 1 worker with `--concurrency 2` for comparison.
 *
 * For each setting: a fresh schema, the same articles enqueued (`ingest --queue`, not timed),
 * then the workers started at once with `--drain`; the time is from their start to the last
 * one's exit, so it includes each process loading the language data (about a second), as a
 * worker started by cron would. Real processes of the built CLI (bin/marsad.js → dist/).
 *
 * The corpus: the first ARTICLES (default 300) files of ../shared/data/arabic-news-ant-v1 in
 * path order, else the bundled examples. The server: MARSAD_BENCH_PG (default
 * postgres://postgres@127.0.0.1:5432/test); the schemas it makes are dropped at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../lexicon/resources.js';

const PG = process.env.MARSAD_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const ARTICLES = Number(process.env.ARTICLES ?? 300);
const BIN = join(packageRoot(), 'bin', 'marsad.js');

function corpus(): { name: string; files: string[] } {
  const ant = resolve(packageRoot(), '..', 'shared', 'data', 'arabic-news-ant-v1');
  if (!existsSync(ant)) return { name: 'bundled examples (../shared not found)', files: [join(packageRoot(), 'examples')] };
  const files = (readdirSync(ant, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, ARTICLES)
    .map((f) => join(ant, f));
  return { name: `ANT v1, first ${files.length} articles`, files };
}

function marsad(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function urlOf(schema: string): string {
  const url = new URL(PG);
  url.searchParams.set('schema', schema);
  return url.toString();
}

interface Setting {
  readonly label: string;
  readonly workers: number;
  readonly concurrency: number;
}

const settings: Setting[] = [
  { label: '1 worker', workers: 1, concurrency: 1 },
  { label: '2 workers', workers: 2, concurrency: 1 },
  { label: '1 worker, --concurrency 2', workers: 1, concurrency: 2 },
];

const { name, files } = corpus();
const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
const admin = new pg.Client({ connectionString: PG });
await admin.connect();
const schemas: string[] = [];
const results: { label: string; articles: number; seconds: number; articlesPerSecond: number; jobsPerWorker: number[] }[] = [];
try {
  for (const s of settings) {
    const schema = `marsad_bench_queue_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const url = urlOf(schema);
    const enq = await marsad(['ingest', '--queue', ...files, '--store', url, '--json']);
    if (enq.code !== 0) throw new Error(`ingest --queue failed (${enq.code}): ${enq.stderr}`);
    const enqueued = (JSON.parse(enq.stdout) as { enqueued: number }).enqueued;
    const t0 = performance.now();
    const runs = await Promise.all(
      Array.from({ length: s.workers }, () => marsad(['worker', '--store', url, '--drain', '--json', '--concurrency', String(s.concurrency)])),
    );
    const seconds = (performance.now() - t0) / 1000;
    for (const r of runs) if (r.code !== 0) throw new Error(`a worker failed (${r.code}): ${r.stderr}`);
    const jobs = runs.map((r) => (JSON.parse(r.stdout) as { jobs: number }).jobs);
    const stored = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.documents`)).rows[0]!.n;
    results.push({ label: s.label, articles: enqueued, seconds: Math.round(seconds * 100) / 100, articlesPerSecond: Math.round((enqueued / seconds) * 10) / 10, jobsPerWorker: jobs });
    process.stderr.write(`${s.label}: ${enqueued} articles (${stored} documents) in ${seconds.toFixed(2)} s\n`);
  }
} finally {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}

const one = results[0]!.articlesPerSecond;
process.stdout.write(
  JSON.stringify(
    {
      corpus: name,
      cores: availableParallelism(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
      results: results.map((r) => ({ ...r, speedup: Math.round((r.articlesPerSecond / one) * 100) / 100 })),
    },
    null,
    2,
  ) + '\n',
);
