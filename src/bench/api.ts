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
 * --route-requests N (default 40), --json, --store PATH (measure an existing SQLite store as it
 * is, instead of building one: to measure two versions of Marsad on the same data, each on its
 * own copy, since the newer one migrates it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../lexicon/resources.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { syntheticRecords } from './records.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const articles = option('--articles', 10_000);
const requests = option('--requests', 400);
const routeRequests = option('--route-requests', 40);
const asJson = process.argv.includes('--json');
const given = process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1]! : null;

/** Filtered event queries of the kinds the web app sends (filters, sort, one page). */
const QUERIES = [
  'type=ASSAULT&from=2021-01-01&to=2022-12-31',
  'actor=org:sdf&type=REQUEST',
  'place=loc:sy:aleppo&from=2023',
  'topic=detainees&sort=-confidence',
  'recipient=org:isis&to=2020-06-30',
  'outlet=%D9%87%D8%A7%D9%88%D8%A7%D8%B1&type=COERCE',
  'actor=org:coalition&place=loc:iq:mosul',
  'type=AID&topic=humanitarian-aid&sort=date',
];

/** The routes of issue 14's table: each is measured on its own. */
const ROUTES: readonly { name: string; path: string }[] = [
  { name: '/api/stats (filter facets)', path: '/api/stats' },
  { name: '/api/entities (top 50)', path: '/api/entities?limit=50' },
  { name: '/api/places (the map)', path: '/api/places' },
  { name: '/api/network', path: '/api/network' },
  { name: '/api/figures/series', path: '/api/figures/series' },
  { name: '/api/timeline', path: '/api/timeline' },
  { name: 'search, a word every article has', path: `/api/documents?q=${encodeURIComponent('تطورات')}&limit=20` },
  { name: 'documents, newest first', path: '/api/documents?limit=20' },
  { name: 'documents, newest first, page 50', path: '/api/documents?limit=20&offset=1000' },
  { name: 'events, type + date range', path: '/api/events?type=ASSAULT&from=2021-01-01&to=2021-03-31&limit=50' },
];

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
try {
  const t0 = performance.now();
  const path = given ?? join(dir, 'bench.db');
  const store = openSqliteStore(path);
  if (given === null) for (const r of syntheticRecords(articles)) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
  const stats = await store.stats();
  await store.close();
  const built = (performance.now() - t0) / 1000;
  const server = spawn(process.execPath, [join(packageRoot(), 'bin', 'marsad.js'), 'serve', '--store', path, '--port', '0'], {
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
  const latencies: number[] = [];
  const routeFigures: { route: string; path: string; firstMs: number; p50ms: number; p95ms: number; total: unknown }[] = [];
  let rows = 0;
  try {
    for (let i = 0; i < 40; i++) await (await fetch(`${url}/api/events?${QUERIES[i % QUERIES.length]}`)).json();
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const res = await fetch(`${url}/api/events?${QUERIES[i % QUERIES.length]}&limit=50`);
      const body = (await res.json()) as { rows: unknown[] };
      latencies.push(performance.now() - started);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      rows += body.rows.length;
    }
    for (const route of ROUTES) {
      const times: number[] = [];
      let first = 0;
      let total: unknown = null;
      for (let i = 0; i < routeRequests + 2; i++) {
        const started = performance.now();
        const res = await fetch(`${url}${route.path}`);
        const body = (await res.json()) as { total?: unknown };
        if (!res.ok) throw new Error(`${route.path}: HTTP ${res.status}`);
        if (i === 0) first = performance.now() - started;
        if (i >= 2) times.push(performance.now() - started);
        total = body.total ?? null;
      }
      times.sort((a, b) => a - b);
      routeFigures.push({ route: route.name, path: route.path, firstMs: Number(first.toFixed(1)), p50ms: Number(percentile(times, 0.5).toFixed(1)), p95ms: Number(percentile(times, 0.95).toFixed(1)), total });
    }
  } finally {
    server.kill('SIGTERM');
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => percentile(latencies, q);
  const figures = {
    data: 'synthetic records (generated actors, recipients, places, figures and dates; not real articles)',
    articles: stats.documents,
    events: stats.events,
    entities: stats.entities,
    quantities: stats.quantities,
    buildSeconds: Number(built.toFixed(1)),
    requests,
    rowsPerRequest: Math.round(rows / requests),
    p50ms: Number(at(0.5).toFixed(1)),
    p95ms: Number(at(0.95).toFixed(1)),
    p99ms: Number(at(0.99).toFixed(1)),
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
        `  store: ${figures.articles.toLocaleString('en-US')} ${figures.data}`,
        `         ${figures.events.toLocaleString('en-US')} events, ${figures.entities.toLocaleString('en-US')} entities, ${figures.quantities.toLocaleString('en-US')} figures; built in ${figures.buildSeconds} s`,
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
