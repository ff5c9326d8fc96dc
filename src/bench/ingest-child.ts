/**
 * Runs one ingest into a fresh store and prints its figures as JSON: run in its own process by
 * the benchmark, so that peak memory is the ingest's alone. Also times folding (one event, many
 * reports): the time saves spent folding, and a refold of every event at once.
 *
 * `--jobs N` as the first argument: extract on N worker threads, as `marsad ingest --jobs N`
 * (default 1: in this thread). `--keep PATH` (before the paths): ingest into a new store at PATH
 * and leave it there (`bench:scale` reads the records it made), instead of a temporary one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../services/ingest.js';
import { foldTiming, refoldAll } from '../store/sqlite/folds.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { IngestChildFigures } from './ingest-figures.js';

const args = process.argv.slice(2);
let jobs = 1;
let keep: string | null = null;
while (args[0] === '--jobs' || args[0] === '--keep') {
  const [name, value] = args.splice(0, 2);
  if (name === '--jobs') jobs = Number(value);
  else keep = value!;
}
const paths = args;
const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
try {
  const store = openSqliteStore(keep ?? join(dir, 'bench.db'));
  const t0 = process.hrtime.bigint();
  const report = await ingest(store, paths, { jobs });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Folding (one event, many reports): its share of the ingest, and every event folded again at once.
  const foldOnWriteSeconds = foldTiming.ms / 1000;
  const t1 = process.hrtime.bigint();
  store.db.transaction(() => refoldAll(store.db)).immediate();
  const refoldSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  const folds = store.db.prepare('SELECT count(*) AS folds, coalesce(sum(sources >= 2), 0) AS several, coalesce(sum(events), 0) AS events FROM folds').get() as {
    folds: number;
    several: number;
    events: number;
  };
  const words = (store.db.prepare('SELECT text FROM documents').all() as { text: string }[]).reduce(
    (n, r) => n + (r.text.match(/\S+/g)?.length ?? 0),
    0,
  );
  await store.close();
  const figures: IngestChildFigures = {
    seconds,
    jobs,
    articles: report.articles,
    stored: report.counts.stored,
    words,
    maxRssKb: process.resourceUsage().maxRSS,
    fold: { onWriteSeconds: foldOnWriteSeconds, refoldSeconds, ...folds },
  };
  process.stdout.write(JSON.stringify(figures));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
