/**
 * `npm run bench:scale` (issue 14, item 5): how the API answers as a store grows, on SQLite and
 * on PostgreSQL, with real records; and how fast ingest and the queue's workers go.
 *
 * - **The records.** ANT (../shared/data/arabic-news-ant-v1, 1,774 articles) is extracted once
 *   through the real pipeline (`ingest`). Stores of 10,000 and 100,000 articles are then written
 *   from those records: the originals, then copies of them (`copies.ts`), each with a new id, a
 *   source of its own and every date moved K months later (copy K), so that no copy
 *   deduplicates with its original or another copy and no event of a copy folds with its
 *   original's. The texts are the originals' (no generated text), so a word's share of the
 *   articles stays what it is in ANT. Copies are not placed in stories (near-duplicate
 *   grouping: their texts are their originals'); the originals are. Records are written with
 *   `Store.saveArticles` (200 a transaction, as ingest writes them), not extracted again; the
 *   time it takes is printed. The store grows: measured at 10,000, then written on to 100,000.
 *   After writing, the store is settled as one in use would be: SQLite closed and opened
 *   (`PRAGMA optimize`), PostgreSQL vacuumed and analysed (what autovacuum does in its time).
 * - **The routes.** At each size, `marsad serve` in a process of its own serves the store and
 *   every GET route of the API is asked (the routes and filtered event queries of `bench:api`,
 *   `apiRoutes`/`QUERIES`, and the one-item routes for the top entity, a document and a fold):
 *   warm, `--route-requests` requests each after two warm-up requests (between two writes,
 *   the aggregates are cached per store generation); and cold, the first request after a
 *   write, `--cold-rounds` times (each round saves one more copy, then asks every route once).
 *   The growth exponent is that of the p95 from the first size to the last:
 *   log(p95 last / p95 first) / log(size last / size first).
 * - **Ingest** (unless `--skip-ingest`): ANT ingested into a fresh SQLite store with `--jobs 1`
 *   and `--jobs 2` in processes of their own (`ingest-child.ts`, as `npm run bench` does), the
 *   records of the two compared; and `bench:queue`'s 1 vs 2 workers on PostgreSQL
 *   (`measureWorkers`, `--queue-articles` articles, default 300).
 *
 * Options: --sizes 10000,100000 --engines sqlite,postgres --json --skip-ingest
 * --route-requests N (30) --cold-rounds N (5) --requests N (200: filtered event queries)
 * --pg URL (the PostgreSQL server; default MARSAD_BENCH_PG or postgres://postgres@127.0.0.1:5432/test)
 * --keep DIR (keep the stores to look into: the SQLite file in DIR, the PostgreSQL schema).
 * A PostgreSQL store lives in a schema of its own, dropped at the end; a SQLite one in a
 * temporary folder, removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pipelineModel } from '../extract/pipeline.js';
import type { DocumentRecord } from '../extract/record.js';
import { packageRoot } from '../lexicon/resources.js';
import { ingest } from '../services/ingest.js';
import { openStore } from '../store/open.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { ArticleWrite, Store } from '../store/store.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText } from '../text/minhash.js';
import { pipelineStamp, stampKey } from '../version.js';
import { copyOf, pad, shiftDate, type Stored } from './copies.js';
import { apiRoutes, QUERIES, measureQueries, measureRoute, percentile, round1, startServer, timedGet, type BenchRoute, type RouteChoices } from './api.js';
import { BENCH_PG, measureWorkers, queueCorpus, schemaUrl, WORKER_SETTINGS, type WorkerFigure } from './queue.js';
import type { IngestChildFigures } from './ingest-figures.js';

const ANT = resolve(packageRoot(), '..', 'shared', 'data', 'arabic-news-ant-v1');

// ---------------------------------------------------------------------------------------------
// Options

function optionText(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}
const optionNumber = (name: string, fallback: number) => Number(optionText(name) ?? fallback);

const sizes = (optionText('--sizes') ?? '10000,100000').split(',').map((s) => Number(s.replace(/_/g, ''))).sort((a, b) => a - b);
const engines = (optionText('--engines') ?? 'sqlite,postgres').split(',').map((e) => e.trim());
const asJson = process.argv.includes('--json');
const skipIngest = process.argv.includes('--skip-ingest');
const routeRequests = optionNumber('--route-requests', 30);
const coldRounds = optionNumber('--cold-rounds', 5);
const requests = optionNumber('--requests', 200);
const pgServer = optionText('--pg') ?? BENCH_PG;
const queueArticles = optionNumber('--queue-articles', 300);
/** Keep the stores (the SQLite file in this folder, the PostgreSQL schema) to look into them afterwards. */
const keep = optionText('--keep');

for (const n of sizes) if (!Number.isInteger(n) || n < 1) fail(`--sizes: "${n}" is not a whole number of articles`);
for (const e of engines) if (e !== 'sqlite' && e !== 'postgres') fail(`--engines: "${e}" is neither sqlite nor postgres`);
if (!existsSync(ANT)) {
  fail(`bench:scale builds its stores from the ANT corpus, which is not at ${ANT}; put arabic-news-ant-v1 there (../shared/data next to this checkout)`);
}

function fail(message: string): never {
  process.stderr.write(`bench:scale: ${message}\n`);
  process.exit(2);
}

const log = (line: string) => {
  if (!asJson || process.stderr.isTTY) process.stderr.write(`${line}\n`);
};

// ---------------------------------------------------------------------------------------------
// Records: ANT's, and re-dated, re-identified copies of them

/** The records of a store ingested by the real pipeline, in the order they were stored. */
async function readRecords(path: string): Promise<Stored[]> {
  const store = openSqliteStore(path);
  try {
    const ids = (store.db.prepare('SELECT id FROM documents ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    const out: Stored[] = [];
    for (const id of ids) out.push({ record: (await store.getDocument(id))!, source: (await store.sources(id))[0]! });
    return out;
  } finally {
    await store.close();
  }
}


const scratch = mkdtempSync(join(tmpdir(), 'marsad-bench-scale-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(scratch, { recursive: true, force: true })];
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  process.stderr.write('bench:scale: interrupted; cleaning up\n');
});

/** ANT through the real pipeline: with --jobs 1 and 2 in processes of their own (timed), or once in this one. */
async function extractAnt(): Promise<{ base: Stored[]; ingest: null | { jobs1: IngestChildFigures; jobs2: IngestChildFigures; identical: boolean; differing: number } }> {
  if (skipIngest) {
    log(`extracting ANT (${ANT}) with --jobs ${availableParallelism()} …`);
    const path = join(scratch, 'ant.db');
    const store = openSqliteStore(path);
    await ingest(store, [ANT], { jobs: availableParallelism() });
    await store.close();
    return { base: await readRecords(path), ingest: null };
  }
  const child = fileURLToPath(new URL('./ingest-child.js', import.meta.url));
  const run = (jobs: number, path: string) => {
    log(`ingest of ANT with --jobs ${jobs} (timed, a process of its own) …`);
    return JSON.parse(execFileSync(process.execPath, [child, '--jobs', String(jobs), '--keep', path, ANT], { encoding: 'utf8', maxBuffer: 1 << 24 })) as IngestChildFigures;
  };
  const one = join(scratch, 'ant-jobs1.db');
  const two = join(scratch, 'ant-jobs2.db');
  const jobs1 = run(1, one);
  const jobs2 = run(2, two);
  const a = await readRecords(one);
  const b = new Map((await readRecords(two)).map((s) => [s.record.id, JSON.stringify(s.record)]));
  const differing = a.filter((s) => b.get(s.record.id) !== JSON.stringify(s.record)).length + Math.abs(b.size - a.length);
  return { base: a, ingest: { jobs1, jobs2, identical: differing === 0, differing } };
}

// ---------------------------------------------------------------------------------------------
// Stores

interface EngineStore {
  readonly engine: string;
  /** What `marsad serve --store` is given. */
  readonly spec: string;
  store: Store;
  /** Bytes on disk (tables, indexes, search index). */
  size(): Promise<number>;
  /** After a build: statistics up to date, as a store in use keeps them (SQLite: `PRAGMA optimize` on close; PostgreSQL: what autovacuum does). */
  settle(): Promise<void>;
  drop(): Promise<void>;
}

async function openEngine(engine: string): Promise<EngineStore> {
  if (engine === 'sqlite') {
    const path = join(keep ?? scratch, 'scale.db');
    if (keep) for (const x of ['', '-wal', '-shm']) rmSync(path + x, { force: true });
    const e: EngineStore = {
      engine: 'SQLite',
      spec: path,
      store: openStore(path, { create: true }),
      size: async () => ['', '-wal'].reduce((n, x) => n + (existsSync(path + x) ? statSync(path + x).size : 0), 0),
      // Closing runs `PRAGMA optimize` (statistics), as every command's close does.
      settle: async () => {
        await e.store.close();
        e.store = openStore(path);
      },
      drop: async () => {
        await e.store.close();
        if (keep) log(`kept: ${path}`);
        else for (const x of ['', '-wal', '-shm']) rmSync(path + x, { force: true });
      },
    };
    return e;
  }
  const schema = `marsad_bench_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgServer });
  try {
    await admin.connect();
  } catch (error) {
    fail(`no PostgreSQL server answers at ${pgServer} (${(error as Error).message}); start one, give --pg URL, or run with --engines sqlite`);
  }
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const spec = schemaUrl(pgServer, schema);
  const e: EngineStore = {
    engine: 'PostgreSQL',
    spec,
    store: openStore(spec, { create: true }),
    size: async () =>
      (
        await admin.query<{ bytes: string }>(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
          [schema],
        )
      ).rows.reduce((n, r) => n + Number(r.bytes), 0),
    // Autovacuum would vacuum and analyse the grown tables in its own time (statistics for the
    // planner, the visibility map for index-only scans); the bench does it at once.
    settle: async () => {
      const tables = (await admin.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1', [schema])).rows;
      for (const { t } of tables) await admin.query(`VACUUM (ANALYZE) ${schema}.${t}`);
    },
    drop: async () => {
      await e.store.close();
      if (keep) log(`kept: ${spec}`);
      else await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
  if (!keep) {
    cleanups.push(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    });
  }
  return e;
}

/** Articles saved per `saveArticles` call (one transaction), as an ingest writes them. */
const BATCH = 200;

/**
 * Writes records `from`..`to`-1 of the endless sequence (originals, then copy 1 of each, …)
 * with `Store.saveArticles`, BATCH at a time. Originals are placed in their stories; copies
 * have no fingerprint (their texts are their originals').
 */
async function write(store: Store, base: readonly Stored[], from: number, to: number, runId: number | null): Promise<void> {
  for (let start = from; start < to; start += BATCH) {
    if (interrupted) throw new Error('interrupted');
    const writes: ArticleWrite[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const k = Math.floor(i / base.length);
      const { record, source } = copyOf(base[i % base.length]!, k);
      writes.push({ kind: 'record', record, source, fingerprint: k === 0 ? fingerprint(storyText(record.text, record.title)) : null });
    }
    const done = await store.saveArticles(writes, runId, NEAR_DUPLICATE_THRESHOLD);
    const wrong = done.findIndex((d) => d.outcome !== 'stored');
    if (wrong >= 0) throw new Error(`article ${start + wrong} (${(writes[wrong] as { record: DocumentRecord }).record.id}) was ${done[wrong]!.outcome}, not stored: the copies must not deduplicate`);
    const end = Math.min(to, start + BATCH);
    if (Math.floor(end / 5000) > Math.floor(start / 5000)) log(`  … ${end.toLocaleString('en-US')} articles written`);
  }
}

// ---------------------------------------------------------------------------------------------
// Measures

interface RouteAtSize {
  readonly route: string;
  readonly path: string;
  readonly p50ms: number;
  readonly p95ms: number;
  /** The first request after a write: p50 and p95 over the cold rounds. */
  readonly coldP50ms: number;
  readonly coldP95ms: number;
  readonly total: unknown;
}

interface SizeFigures {
  readonly articles: number;
  readonly events: number;
  readonly entities: number;
  readonly buildSeconds: number;
  readonly articlesPerSecond: number;
  readonly bytes: number;
  readonly queries: { p50ms: number; p95ms: number; p99ms: number; rowsPerRequest: number; coldP50ms: number; coldP95ms: number };
  readonly routes: RouteAtSize[];
}

/** The routes with ids in them: the top entity, the newest document, the biggest fold. */
async function idRoutes(base: string): Promise<BenchRoute[]> {
  const entity = (await timedGet(`${base}/api/entities?limit=1`)).body.rows?.[0] as { id: string } | undefined;
  const doc = (await timedGet(`${base}/api/documents?limit=1`)).body.rows?.[0] as { id: string } | undefined;
  const fold = (await timedGet(`${base}/api/folds?limit=1&sort=-sources`)).body.rows?.[0] as { id: string } | undefined;
  return [
    { name: '/api/folds (folded events)', path: '/api/folds?limit=20' },
    { name: '/api/figures (the ledger)', path: '/api/figures?limit=20' },
    ...(doc ? [{ name: '/api/documents/{id}', path: `/api/documents/${doc.id}` }] : []),
    ...(entity ? [{ name: '/api/entities/{id} (the top one)', path: `/api/entities/${encodeURIComponent(entity.id)}` }] : []),
    ...(fold ? [{ name: '/api/folds/{id}', path: `/api/folds/${fold.id}` }] : []),
    { name: '/api/reviews', path: '/api/reviews?limit=20' },
  ];
}

async function measureSize(e: EngineStore, choices: RouteChoices, writeOne: () => Promise<void>): Promise<Pick<SizeFigures, 'queries' | 'routes'>> {
  const server = await startServer(e.spec);
  try {
    const routes = [...apiRoutes(choices), ...(await idRoutes(server.url))];
    const queries = await measureQueries(server.url, requests);
    const warm = [];
    for (const route of routes) {
      if (interrupted) throw new Error('interrupted');
      warm.push(await measureRoute(server.url, route, routeRequests));
    }
    // Each round: one article saved, then every route asked once (the cached ones compute
    // again), then the filtered queries once each.
    const cold = routes.map(() => [] as number[]);
    const coldQueries: number[] = [];
    for (let round = 0; round < coldRounds; round++) {
      if (interrupted) throw new Error('interrupted');
      await writeOne();
      for (const [i, route] of routes.entries()) cold[i]!.push((await timedGet(`${server.url}${route.path}`)).ms);
      for (const q of QUERIES) coldQueries.push((await timedGet(`${server.url}/api/events?${q}&limit=50`)).ms);
    }
    const at = (xs: number[], q: number) => round1(percentile([...xs].sort((a, b) => a - b), q));
    return {
      queries: { ...queries, coldP50ms: at(coldQueries, 0.5), coldP95ms: at(coldQueries, 0.95) },
      routes: warm.map((w, i) => ({ route: w.route, path: w.path, p50ms: w.p50ms, p95ms: w.p95ms, coldP50ms: at(cold[i]!, 0.5), coldP95ms: at(cold[i]!, 0.95), total: w.total })),
    };
  } finally {
    server.stop();
  }
}

/** What to ask the routes about, from the records: the commonest event type, a quarter where its events are thickest, and a common word. */
function choicesOf(base: readonly Stored[]): RouteChoices {
  const types = new Map<string, number>();
  for (const s of base) for (const e of s.record.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
  const eventType = [...types].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'STATEMENT';
  const months = new Map<string, number>();
  for (const s of base) {
    for (const e of s.record.events) {
      const d = e.date.value ?? s.record.published;
      if (e.type === eventType && d && d.length >= 7) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
    }
  }
  const month = [...months].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '2017-01';
  const to = shiftDate(`${month}-28`, 2).slice(0, 7);
  const last = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
  return { word: COMMON_WORD, wordLabel: 'search, a common word', eventType, from: `${month}-01`, to: `${to}-${pad(last)}` };
}

/** The search row's word: "رئيس" (president, head), in about 40% of ANT's articles. */
const COMMON_WORD = 'رئيس';

// ---------------------------------------------------------------------------------------------
// Run

const growth = (a: number, b: number, na: number, nb: number) => (a > 0 && b > 0 && nb > na ? Number((Math.log(b / a) / Math.log(nb / na)).toFixed(2)) : null);

interface EngineFigures {
  readonly engine: string;
  readonly sizes: SizeFigures[];
  readonly growth: { route: string; p95: number | null; p50: number | null; coldP95: number | null }[];
}

const started = performance.now();
const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
const results: EngineFigures[] = [];
let extraction: Awaited<ReturnType<typeof extractAnt>>['ingest'] = null;
let workers: WorkerFigure[] | null = null;
let baseCount = 0;
let choices: RouteChoices | null = null;
try {
  const { base, ingest: ingestFigures } = await extractAnt();
  extraction = ingestFigures;
  baseCount = base.length;
  choices = choicesOf(base);
  log(`${base.length} ANT records; routes asked about: "${choices.word}", ${choices.eventType} ${choices.from}..${choices.to}`);
  for (const engine of engines) {
    const e = await openEngine(engine);
    const figures: SizeFigures[] = [];
    try {
      const runId = await e.store.beginRun({ command: 'bench:scale', inputs: [ANT], pipeline: stampKey(pipelineStamp(pipelineModel())) });
      let written = 0;
      const writeOne = async () => {
        await write(e.store, base, written, written + 1, runId);
        written++;
      };
      for (const size of sizes) {
        log(`${e.engine}: writing articles ${written.toLocaleString('en-US')}..${size.toLocaleString('en-US')} …`);
        const t0 = performance.now();
        const from = written;
        await write(e.store, base, written, Math.max(written, size), runId);
        written = Math.max(written, size);
        const seconds = (performance.now() - t0) / 1000;
        await e.settle();
        const stats = await e.store.stats();
        log(`${e.engine}: ${stats.documents.toLocaleString('en-US')} articles in ${seconds.toFixed(1)} s; measuring …`);
        const measured = await measureSize(e, choices, writeOne);
        figures.push({
          articles: stats.documents,
          events: stats.events,
          entities: stats.entities,
          buildSeconds: Number(seconds.toFixed(1)),
          articlesPerSecond: Math.round((written - from) / Math.max(seconds, 1e-9)),
          bytes: await e.size(),
          ...measured,
        });
      }
      await e.store.finishRun(runId, { stored: written, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 0 }, 'completed');
    } finally {
      await e.drop();
    }
    const first = figures[0]!;
    const last = figures.at(-1)!;
    results.push({
      engine: e.engine,
      sizes: figures,
      growth: first.routes.map((r, i) => {
        const l = last.routes[i]!;
        return {
          route: r.route,
          p95: growth(r.p95ms, l.p95ms, first.articles, last.articles),
          p50: growth(r.p50ms, l.p50ms, first.articles, last.articles),
          coldP95: growth(r.coldP95ms, l.coldP95ms, first.articles, last.articles),
        };
      }),
    });
  }
  if (!skipIngest && engines.includes('postgres')) {
    log(`workers on PostgreSQL: ${queueArticles} ANT articles, 1 worker then 2 …`);
    workers = await measureWorkers(pgServer, queueCorpus(queueArticles).files, WORKER_SETTINGS.slice(0, 2), log);
  }
} finally {
  for (const c of cleanups.reverse()) await c();
}

// ---------------------------------------------------------------------------------------------
// Report

const figures = {
  data: `ANT v1 (${baseCount.toLocaleString('en-US')} articles extracted by the pipeline), then copies: new ids and sources, every date moved 1 month later per copy, texts unchanged; nothing deduplicates or folds into its original`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  node: process.version,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  routeRequests,
  coldRounds,
  choices,
  targets: { sqliteP95ms: 50, sqliteGrowth: 0.3, postgresP95ms: 100 },
  engines: results,
  ingest: extraction && {
    words: extraction.jobs1.words,
    articles: extraction.jobs1.articles,
    jobs1: { seconds: Number(extraction.jobs1.seconds.toFixed(2)), wordsPerSecond: Math.round(extraction.jobs1.words / extraction.jobs1.seconds) },
    jobs2: { seconds: Number(extraction.jobs2.seconds.toFixed(2)), wordsPerSecond: Math.round(extraction.jobs2.words / extraction.jobs2.seconds) },
    ratio: Number((extraction.jobs1.seconds / extraction.jobs2.seconds).toFixed(2)),
    recordsIdentical: extraction.identical,
  },
  workers,
  seconds: Math.round((performance.now() - started) / 1000),
};

const fmt = (n: number) => n.toLocaleString('en-US');
const k = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : fmt(n));
const ms = (x: number) => (x >= 1000 ? fmt(Math.round(x)) : x >= 100 ? String(Math.round(x)) : x.toFixed(1));

if (asJson) {
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
} else {
  const lines: string[] = [
    `Marsad scale benchmark — ${figures.cores} cores (${figures.cpu}), Node ${figures.node}; load average ${figures.loadAverageAtStart.join(' ')} at start, ${figures.loadAverageAtEnd.join(' ')} at end`,
    `  data: ${figures.data}`,
    `  routes over HTTP, one request at a time; ms p50 / p95. warm: ${routeRequests} requests after 2 (cached answers reused); cold: the first request after a write (${coldRounds} rounds)`,
    choices ? `  search word "${choices.word}"; events: ${choices.eventType} from ${choices.from} to ${choices.to}` : '',
  ];
  for (const r of results) {
    const first = r.sizes[0]!;
    const last = r.sizes.at(-1)!;
    const target = r.engine === 'SQLite' ? 50 : 100;
    lines.push('', `${r.engine}`);
    for (const s of r.sizes) {
      lines.push(
        `  ${fmt(s.articles)} articles, ${fmt(s.events)} events, ${fmt(s.entities)} entities; written in ${s.buildSeconds} s (${fmt(s.articlesPerSecond)} articles/s); ${fmt(Math.round(s.bytes / 1048576))} MB`,
      );
    }
    const head = ['route', ...r.sizes.flatMap((s) => [`${k(s.articles)} warm`, `${k(s.articles)} cold`]), 'growth p95', `p95<${target}`];
    const rows = first.routes.map((route, i) => [
      route.route,
      ...r.sizes.flatMap((s) => [`${ms(s.routes[i]!.p50ms)} / ${ms(s.routes[i]!.p95ms)}`, `${ms(s.routes[i]!.coldP50ms)} / ${ms(s.routes[i]!.coldP95ms)}`]),
      r.growth[i]!.p95 === null ? '—' : `n^${r.growth[i]!.p95.toFixed(2)}`,
      last.routes[i]!.p95ms < target ? 'yes' : 'NO',
    ]);
    rows.push([
      `filtered events (${requests} requests, 8 kinds)`,
      ...r.sizes.flatMap((s) => [`${ms(s.queries.p50ms)} / ${ms(s.queries.p95ms)}`, `${ms(s.queries.coldP50ms)} / ${ms(s.queries.coldP95ms)}`]),
      (() => {
        const g = growth(first.queries.p95ms, last.queries.p95ms, first.articles, last.articles);
        return g === null ? '—' : `n^${g.toFixed(2)}`;
      })(),
      last.queries.p95ms < target ? 'yes' : 'NO',
    ]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
    lines.push(`  ${head.map((h, c) => (c === 0 ? h.padEnd(widths[c]!) : h.padStart(widths[c]!))).join('  ')}`);
    for (const row of rows) lines.push(`  ${row.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ')}`);
    const totals = first.routes.map((route, i) => (route.total === null ? null : `${route.route}: ${r.sizes.map((s) => String(s.routes[i]!.total)).join(' → ')}`)).filter((x) => x !== null);
    if (totals.length > 0) lines.push(`  matches: ${totals.join('; ')}`);
  }
  if (figures.ingest) {
    const g = figures.ingest;
    lines.push(
      '',
      `Ingest of ANT into SQLite (${fmt(g.articles)} articles, ${fmt(g.words)} words; a process each, as \`npm run bench\`)`,
      `  --jobs 1  ${fmt(g.jobs1.wordsPerSecond).padStart(8)} words/s  (${g.jobs1.seconds} s)`,
      `  --jobs 2  ${fmt(g.jobs2.wordsPerSecond).padStart(8)} words/s  (${g.jobs2.seconds} s)  ${g.ratio.toFixed(2)}× --jobs 1; records ${g.recordsIdentical ? 'identical' : `DIFFER (${extraction?.differing})`}`,
    );
  }
  if (workers) {
    lines.push('', `Workers on PostgreSQL (\`marsad worker --drain\`, ${workers[0]?.articles ?? 0} ANT articles enqueued, as \`npm run bench:queue\`)`);
    for (const w of workers) lines.push(`  ${w.label.padEnd(10)} ${String(w.articlesPerSecond).padStart(7)} articles/s  (${w.seconds} s; jobs per worker ${w.jobsPerWorker.join(', ')})  ${w.speedup.toFixed(2)}×`);
  }
  lines.push('', `(${figures.seconds} s in all)`);
  process.stdout.write(lines.filter((l, i) => l !== '' || i > 0).join('\n') + '\n');
}
