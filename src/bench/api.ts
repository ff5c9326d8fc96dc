/**
 * `npm run bench:api`: the latency of filtered event queries over real HTTP, on a store of
 * 10,000 articles. The articles are generated (`syntheticRecords`: two to five events each,
 * with actors, recipients, places with coordinates, figures and dates): the corpora at hand hold
 * fewer than 10,000 articles (ANT has 1,774), and generated ones set the load exactly. The
 * figure measures the store, the API and the server, not extraction.
 *
 * It builds the store in a temporary folder, serves it with `marsad serve` in a process of its
 * own on 127.0.0.1 (a free port), sends a fixed number of requests one after another, and
 * prints p50, p95 and p99 (target: p95 under 50 ms). Then it measures every route of issue 14's
 * table the same way (`ROUTES`: the filter facets, the entity top list, the map, the network, the
 * figure series, the timeline, a search for a word every article has, documents newest first,
 * events of a type in a date range), `--route-requests` requests each after two warm-up
 * requests, so that a route that caches per store generation is measured warm: what a reader
 * sees between two writes (the first request, which computes it, is printed apart). Options: --articles N (default 10000), --requests N (default 400),
 * --route-requests N (default 40), --json, --store PATH|URL (measure an existing store as it
 * is, instead of building one: a SQLite file, or a PostgreSQL store as `postgres://…?schema=NAME`;
 * to measure two versions of Marsad on the same data, give each its own copy, since the newer
 * one migrates it).
 *
 * `npm run bench:scale` (scale.ts) measures the same routes and queries on stores of real
 * records at 10,000 and 100,000 articles, on both engines: it imports them from here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../lexicon/resources.js';
import { openStore } from '../store/open.js';
import { syntheticRecords } from './records.js';

/** Filtered event queries of the kinds the web app sends (filters, sort, one page). */
export const QUERIES: readonly string[] = [
  'type=ASSAULT&from=2021-01-01&to=2022-12-31',
  'actor=org:sdf&type=REQUEST',
  'place=loc:sy:aleppo&from=2023',
  'topic=detainees&sort=-confidence',
  'recipient=org:isis&to=2020-06-30',
  'outlet=%D9%87%D8%A7%D9%88%D8%A7%D8%B1&type=COERCE',
  'actor=org:coalition&place=loc:iq:mosul',
  'type=AID&topic=humanitarian-aid&sort=date',
];

export interface BenchRoute {
  readonly name: string;
  readonly path: string;
}

/** What a store's routes are asked about: a common word, an event type and a date range in its data. */
export interface RouteChoices {
  /** A word most articles have (the search row). */
  readonly word: string;
  /** How the search row is named (default: "search, a word every article has"). */
  readonly wordLabel?: string;
  readonly eventType: string;
  readonly from: string;
  readonly to: string;
}

/** The choices for `syntheticRecords`' articles: every title has تطورات. */
export const SYNTHETIC_CHOICES: RouteChoices = { word: 'تطورات', eventType: 'ASSAULT', from: '2021-01-01', to: '2021-03-31' };

/** The routes of issue 14's table, each measured on its own, for a store's data. */
export function apiRoutes(c: RouteChoices): BenchRoute[] {
  return [
    { name: '/api/stats (filter facets)', path: '/api/stats' },
    { name: '/api/entities (top 50)', path: '/api/entities?limit=50' },
    { name: '/api/places (the map)', path: '/api/places' },
    { name: '/api/network', path: '/api/network' },
    { name: '/api/figures/series', path: '/api/figures/series' },
    { name: '/api/timeline', path: '/api/timeline' },
    { name: c.wordLabel ?? 'search, a word every article has', path: `/api/documents?q=${encodeURIComponent(c.word)}&limit=20` },
    { name: 'documents, newest first', path: '/api/documents?limit=20' },
    { name: 'documents, newest first, page 50', path: '/api/documents?limit=20&offset=1000' },
    { name: 'events, newest first', path: '/api/events?limit=50' },
    { name: 'events, type + date range', path: `/api/events?type=${c.eventType}&from=${c.from}&to=${c.to}&limit=50` },
  ];
}

/** The routes of issue 14's table, for the generated records. */
export const ROUTES: readonly BenchRoute[] = apiRoutes(SYNTHETIC_CHOICES);

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export const round1 = (x: number) => Number(x.toFixed(1));

/** `marsad serve` on a store, in a process of its own, on 127.0.0.1 and a free port. */
export async function startServer(store: string): Promise<{ url: string; stop(): void }> {
  const server = spawn(process.execPath, [join(packageRoot(), 'bin', 'marsad.js'), 'serve', '--store', store, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`marsad serve ended (exit ${code}) before listening`)));
  });
  return { url, stop: () => void server.kill('SIGTERM') };
}

/** One GET, timed to the end of its JSON body. */
export async function timedGet(url: string): Promise<{ ms: number; body: { total?: unknown; capped?: unknown; rows?: unknown[] } }> {
  const started = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as { total?: unknown; capped?: unknown; rows?: unknown[] };
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

export interface RouteFigure {
  readonly route: string;
  readonly path: string;
  /** The first request (which computes what a route caches). */
  readonly firstMs: number;
  readonly p50ms: number;
  readonly p95ms: number;
  readonly total: unknown;
}

/** `requests` requests of one route after two warm-up requests: p50 and p95 of those. */
export async function measureRoute(base: string, route: BenchRoute, requests: number): Promise<RouteFigure> {
  const times: number[] = [];
  let first = 0;
  let total: unknown = null;
  for (let i = 0; i < requests + 2; i++) {
    const { ms, body } = await timedGet(`${base}${route.path}`);
    if (i === 0) first = ms;
    if (i >= 2) times.push(ms);
    total = body.total ?? null;
    if (body.capped) total = `${String(total)}+`;
  }
  times.sort((a, b) => a - b);
  return { route: route.name, path: route.path, firstMs: round1(first), p50ms: round1(percentile(times, 0.5)), p95ms: round1(percentile(times, 0.95)), total };
}

/** The filtered event queries, `requests` of them in turn after 40 to warm up: p50, p95, p99 and rows per answer. */
export async function measureQueries(base: string, requests: number): Promise<{ p50ms: number; p95ms: number; p99ms: number; rowsPerRequest: number }> {
  for (let i = 0; i < 40; i++) await timedGet(`${base}/api/events?${QUERIES[i % QUERIES.length]}`);
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < requests; i++) {
    const { ms, body } = await timedGet(`${base}/api/events?${QUERIES[i % QUERIES.length]}&limit=50`);
    latencies.push(ms);
    rows += body.rows?.length ?? 0;
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round1(percentile(latencies, q));
  return { p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99), rowsPerRequest: Math.round(rows / requests) };
}

async function main(): Promise<void> {
  const option = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const articles = option('--articles', 10_000);
  const requests = option('--requests', 400);
  const routeRequests = option('--route-requests', 40);
  const asJson = process.argv.includes('--json');
  const given = process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1]! : null;
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
  try {
    const t0 = performance.now();
    const path = given ?? join(dir, 'bench.db');
    const store = openStore(path, { create: given === null });
    if (given === null) for (const r of syntheticRecords(articles)) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
    const stats = await store.stats();
    await store.close();
    const built = (performance.now() - t0) / 1000;
    const server = await startServer(path);
    let queries;
    const routeFigures: RouteFigure[] = [];
    try {
      queries = await measureQueries(server.url, requests);
      for (const route of ROUTES) routeFigures.push(await measureRoute(server.url, route, routeRequests));
    } finally {
      server.stop();
    }
    const figures = {
      data: given === null ? 'synthetic records (generated actors, recipients, places, figures and dates; not real articles)' : `articles of the store at ${store.location}`,
      engine: store.kind,
      articles: stats.documents,
      events: stats.events,
      entities: stats.entities,
      quantities: stats.quantities,
      buildSeconds: Number(built.toFixed(1)),
      requests,
      rowsPerRequest: queries.rowsPerRequest,
      p50ms: queries.p50ms,
      p95ms: queries.p95ms,
      p99ms: queries.p99ms,
      targetP95ms: 50,
      routeRequests,
      routes: routeFigures,
    };
    if (asJson) {
      process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
    } else {
      process.stdout.write(
        [
          `Marsad API benchmark: filtered event queries over HTTP (127.0.0.1), one at a time`,
          `  store (${figures.engine}): ${figures.articles.toLocaleString('en-US')} ${figures.data}`,
          `         ${figures.events.toLocaleString('en-US')} events, ${figures.entities.toLocaleString('en-US')} entities, ${figures.quantities.toLocaleString('en-US')} figures; ${given === null ? `built in ${figures.buildSeconds} s` : `opened in ${figures.buildSeconds} s`}`,
          `  ${requests} requests over ${QUERIES.length} filter combinations, ~${figures.rowsPerRequest} events per answer`,
          `  latency p50 ${figures.p50ms} ms · p95 ${figures.p95ms} ms · p99 ${figures.p99ms} ms (target p95 < ${figures.targetP95ms} ms: ${figures.p95ms < 50 ? 'met' : 'NOT met'})`,
          `  every route, ${routeRequests} requests each after 2 warm-up requests (p50 / p95 ms; first: the first request, which computes what a route caches):`,
          ...routeFigures.map((r) => `    ${r.route.padEnd(36)} ${String(r.p50ms).padStart(8)} ${String(r.p95ms).padStart(8)}   first ${r.firstMs}${r.total !== null ? `   total ${JSON.stringify(r.total)}` : ''}`),
        ].join('\n') + '\n',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
