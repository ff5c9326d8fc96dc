/**
 * Runs one ingest into a fresh store and prints its figures as JSON: run in its own process by
 * the benchmark, so that peak memory is the ingest's alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../services/ingest.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const paths = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
try {
  const store = openSqliteStore(join(dir, 'bench.db'));
  const t0 = process.hrtime.bigint();
  const report = await ingest(store, paths);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const words = (store.db.prepare('SELECT text FROM documents').all() as { text: string }[]).reduce(
    (n, r) => n + (r.text.match(/\S+/g)?.length ?? 0),
    0,
  );
  await store.close();
  process.stdout.write(
    JSON.stringify({ seconds, articles: report.articles, stored: report.counts.stored, words, maxRssKb: process.resourceUsage().maxRSS }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
