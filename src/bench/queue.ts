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
 *
 * `npm run bench:scale` runs the same measure (`measureWorkers`, exported) for its 1 vs 2
 * workers row.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { packageRoot } from '../lexicon/resources.js';

export const BENCH_PG = process.env.MARSAD_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = join(packageRoot(), 'bin', 'marsad.js');

/** The first `articles` files of ANT in path order, else the bundled examples. */
export function queueCorpus(articles: number): { name: string; files: string[] } {
  const ant = resolve(packageRoot(), '..', 'shared', 'data', 'arabic-news-ant-v1');
  if (!existsSync(ant)) return { name: 'bundled examples (../shared not found)', files: [join(packageRoot(), 'examples')] };
  const files = (readdirSync(ant, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, articles)
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

/** A store URL on the server `server`, in schema `schema`. */
export function schemaUrl(server: string, schema: string): string {
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export interface WorkerSetting {
  readonly label: string;
  readonly workers: number;
  readonly concurrency: number;
}

export const WORKER_SETTINGS: readonly WorkerSetting[] = [
  { label: '1 worker', workers: 1, concurrency: 1 },
  { label: '2 workers', workers: 2, concurrency: 1 },
  { label: '1 worker, --concurrency 2', workers: 1, concurrency: 2 },
];

export interface WorkerFigure {
  readonly label: string;
  readonly articles: number;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  readonly jobsPerWorker: number[];
  /** Articles/s over the first setting's. */
  readonly speedup: number;
}

/**
 * For each setting: a fresh schema, the files enqueued (`ingest --queue`, not timed), then the
 * workers started at once with `--drain`, timed from their start to the last one's exit. The
 * schemas are dropped at the end.
 */
export async function measureWorkers(server: string, files: readonly string[], settings: readonly WorkerSetting[] = WORKER_SETTINGS, log: (line: string) => void = () => undefined): Promise<WorkerFigure[]> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const schemas: string[] = [];
  const results: Omit<WorkerFigure, 'speedup'>[] = [];
  try {
    for (const s of settings) {
      const schema = `marsad_bench_queue_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      const url = schemaUrl(server, schema);
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
      log(`${s.label}: ${enqueued} articles (${stored} documents) in ${seconds.toFixed(2)} s`);
    }
  } finally {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  const one = results[0]!.articlesPerSecond;
  return results.map((r) => ({ ...r, speedup: Math.round((r.articlesPerSecond / one) * 100) / 100 }));
}

async function main(): Promise<void> {
  const { name, files } = queueCorpus(Number(process.env.ARTICLES ?? 300));
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const results = await measureWorkers(BENCH_PG, files, WORKER_SETTINGS, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(
    JSON.stringify(
      {
        corpus: name,
        cores: availableParallelism(),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
        results,
      },
      null,
      2,
    ) + '\n',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
