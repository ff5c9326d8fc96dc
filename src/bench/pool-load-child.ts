/**
 * Starts a pool of extraction workers (`marsad ingest --jobs N`) and prints, as JSON, how long
 * each took to load (the language data, the name tagger's model, a first short article) and the
 * memory the pool added to the process: run in its own process by the benchmark, so that
 * nothing is loaded yet.
 */
import { ExtractionPool } from '../services/extract-pool.js';

const size = Number(process.argv[2] ?? 2);
const before = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
const pool = new ExtractionPool({ size });
const startups = await pool.start();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const after = process.memoryUsage().rss;
await pool.close();
process.stdout.write(
  JSON.stringify({
    size,
    ready: startups.length,
    /** Wall time until every worker had loaded, started at once. */
    seconds,
    startupMs: startups.map((s) => s.startupMs),
    heapMb: startups.map((s) => s.heapUsedBytes / 2 ** 20),
    addedRssMbPerWorker: (after - before) / 2 ** 20 / size,
  }),
);
