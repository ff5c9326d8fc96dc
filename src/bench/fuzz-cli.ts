/**
 * `npm run fuzz -- [--count N] [--seed N] [--scale X] [--keep] [--json]`: writes N malformed and
 * valid inputs (fixed seed) into a temporary folder, ingests them, and prints per kind what
 * was stored, rejected and skipped, the crashes, the inputs over 60 s and the peak memory.
 * Exits 1 when an input crashed, took over 60 s, was not accounted for, or ended wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, runFuzz, writeCorpus } from './fuzz.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    process.stderr.write(`fuzz: --${name} needs a positive number\n`);
    process.exit(2);
  }
  return v;
}

const count = Math.floor(option('count', 1000));
const seed = Math.floor(option('seed', 16));
const scale = option('scale', 1);
const writeOnly = process.argv.indexOf('--write-corpus');
if (writeOnly >= 0) {
  // the child that writes the corpus
  const corpus = process.argv[writeOnly + 1]!;
  mkdirSync(corpus, { recursive: true });
  writeCorpus(corpus, { count, seed, scale });
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'marsad-fuzz-'));
process.stderr.write(`fuzz: ${count} inputs, seed ${seed}, in ${dir}\n`);
try {
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--write-corpus', join(dir, 'corpus'), '--count', String(count), '--seed', String(seed), '--scale', String(scale)], { stdio: 'inherit' });
  process.stderr.write('fuzz: written; ingesting\n');
  const result = await runFuzz(dir, { count, seed, scale });
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ rows: result.rows, total: result.total, peakRssMb: result.peakRssMb, seconds: result.seconds, problems: result.problems }, null, 2) + '\n');
  else {
    process.stdout.write(formatTable(result) + '\n');
    for (const p of result.problems.slice(0, 50)) process.stdout.write(`  ${p}\n`);
  }
  const t = result.total;
  process.exitCode = t.crashes + t.over60s + t.unaccounted + t.wrong > 0 ? 1 : 0;
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
