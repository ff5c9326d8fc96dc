/**
 * `npm run bench`: speed and memory, measured and printed (never asserted in tests).
 *
 * - the text layer (normalise, split sentences, tokenize) in words per second on one core;
 * - `ingest` of the corpus into a fresh SQLite store: articles and words per second, and the
 *   peak resident memory of the process that ran it.
 * Pass --json for machine-readable figures.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { normalize } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import { loadCorpus } from './corpus.js';

/** Runs `fn` over the texts repeatedly for at least `minSeconds`; returns units per second. */
function throughput(texts: string[], fn: (t: string) => number, minSeconds = 3): { perSecond: number; passes: number } {
  for (const t of texts.slice(0, 200)) fn(t); // warm up the JIT
  let units = 0;
  let passes = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const t of texts) units += fn(t);
    passes++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (elapsed < minSeconds);
  return { perSecond: units / elapsed, passes };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const corpus = await loadCorpus();
const words = corpus.texts.reduce((n, t) => n + tokenize(normalize(t)).wordCount(), 0);

const textLayer = throughput(corpus.texts, (t) => {
  const tokens = tokenize(normalize(t));
  splitSentences(tokens);
  return tokens.wordCount();
});
const normalizeOnly = throughput(corpus.texts, (t) => {
  normalize(t);
  return t.length;
}, 1);

const child = fileURLToPath(new URL('./ingest-child.js', import.meta.url));
const ingestFigures = JSON.parse(execFileSync(process.execPath, [child, ...corpus.paths], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
  seconds: number;
  articles: number;
  stored: number;
  words: number;
  maxRssKb: number;
};

const figures = {
  corpus: corpus.name,
  articles: corpus.texts.length,
  words,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  textLayerWordsPerSecond: Math.round(textLayer.perSecond),
  normalizeCharsPerSecond: Math.round(normalizeOnly.perSecond),
  ingest: {
    seconds: Number(ingestFigures.seconds.toFixed(2)),
    articlesPerSecond: Math.round(ingestFigures.articles / ingestFigures.seconds),
    wordsPerSecond: Math.round(ingestFigures.words / ingestFigures.seconds),
    peakRssMb: Math.round(ingestFigures.maxRssKb / 1024),
  },
};

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
} else {
  const lines = [
    `Marsad benchmark — ${figures.corpus}`,
    `  ${fmt(figures.articles)} articles, ${fmt(figures.words)} words; ${figures.cpu}; Node ${figures.node}`,
    '',
    `  text layer (normalise + split + tokenize)  ${fmt(figures.textLayerWordsPerSecond).padStart(12)} words/s  (one core, ${textLayer.passes} passes)`,
    `  normalise alone                            ${fmt(figures.normalizeCharsPerSecond).padStart(12)} chars/s`,
    `  ingest into SQLite (whole pipeline)        ${fmt(figures.ingest.wordsPerSecond).padStart(12)} words/s  (${fmt(figures.ingest.articlesPerSecond)} articles/s, ${figures.ingest.seconds} s)`,
    `  ingest peak memory                         ${fmt(figures.ingest.peakRssMb).padStart(12)} MB resident`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
