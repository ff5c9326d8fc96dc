/**
 * `npm run bench`: speed and memory, measured and printed (never asserted in tests).
 *
 * - every stage of `stages.ts` alone, in words per second on one core;
 * - the whole extraction (every pipeline stage, as `marsad extract` runs it);
 * - `ingest` of the corpus into a fresh SQLite store: articles and words per second, and the
 *   peak resident memory of the process that ran it; then again with `--jobs 2` (two worker
 *   threads extract, issue 14) in the same sitting, and the ratio of the two; and what
 *   starting a worker costs (time, memory);
 * - the extraction of one long article of 100k, 1M and 4.9M characters (the corpus's texts
 *   joined): CPU time and cost per character, which stays flat when extraction is linear in
 *   the article's length (issue 16, item 3);
 * - folding (one event, many reports, issue 13): the time saves spend folding during that
 *   ingest, and a refold of every stored event at once, per 10,000 articles.
 * - HTML pages built from the corpus's texts (metadata, menu, sidebar, scripts, footer), parsed
 *   by `parseHtmlPage` (linkedom + Readability): pages per second (issue 13).
 * Pass --json for machine-readable figures.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { extractPrepared } from '../extract/document.js';
import { analyzeText } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { loadCorpus, longArticle } from './corpus.js';
import { pagesPerSecond } from './pages.js';
import { STAGES } from './stages.js';
import type { IngestChildFigures } from './ingest-figures.js';

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

const analysed = corpus.texts.map((t) => analyzeText(t));
const index = new Map(corpus.texts.map((t, i) => [t, i]));
const stages = STAGES.map((stage) => {
  if (stage.prepare) analysed.forEach((doc) => stage.prepare!(doc, null));
  const r = throughput(corpus.texts, (t) => stage.run(t, analysed[index.get(t)!]!, null));
  return { name: stage.name, wordsPerSecond: Math.round(r.perSecond), passes: r.passes };
});
const wordCounts = analysed.map((d) => d.tokens.wordCount());
const words = wordCounts.reduce((a, b) => a + b, 0);
const wholeExtraction = throughput(corpus.texts, (t) => {
  extractPrepared({ id: 'bench', origin: 'bench', source: {}, title: null, text: t, published: null, messages: [] });
  return wordCounts[index.get(t)!]!;
});
const normalizeOnly = throughput(corpus.texts, (t) => {
  normalize(t);
  return t.length;
}, 1);

/**
 * One long article extracted, timed as the CPU time of this process (user + system: what
 * other work on a shared machine does not add to). The 100k one, the best of three.
 */
const LENGTHS = [100_000, 1_000_000, 4_900_000] as const;
const longArticles = LENGTHS.map((chars) => {
  const text = longArticle(corpus.texts, chars);
  let seconds = Infinity;
  for (let run = 0; run < (chars <= 100_000 ? 3 : 1); run++) {
    const before = process.cpuUsage();
    extractPrepared({ id: 'bench-long', origin: 'bench', source: {}, title: null, text, published: null, messages: [] });
    const used = process.cpuUsage(before);
    seconds = Math.min(seconds, (used.user + used.system) / 1e6);
  }
  return { chars, seconds: Number(seconds.toFixed(2)), microsecondsPerChar: Number(((seconds / chars) * 1e6).toFixed(2)) };
});
const pageFigures = pagesPerSecond(corpus.texts);
const perCharRatio = Number((longArticles.at(-1)!.microsecondsPerChar / longArticles[0]!.microsecondsPerChar).toFixed(2));

const child = fileURLToPath(new URL('./ingest-child.js', import.meta.url));
const ingestWith = (jobs: number) =>
  JSON.parse(execFileSync(process.execPath, [child, '--jobs', String(jobs), ...corpus.paths], { encoding: 'utf8', maxBuffer: 1 << 20 })) as IngestChildFigures;
// One after the other in this sitting, so that their ratio is of one machine state.
const ingestFigures = ingestWith(1);
const ingestTwoJobs = ingestWith(2);
const poolChild = fileURLToPath(new URL('./pool-load-child.js', import.meta.url));
const poolLoad = JSON.parse(execFileSync(process.execPath, [poolChild, '2'], { encoding: 'utf8' })) as {
  size: number;
  seconds: number;
  startupMs: number[];
  heapMb: number[];
  addedRssMbPerWorker: number;
};

const loadChild = fileURLToPath(new URL('./load-child.js', import.meta.url));
const loadFigures = JSON.parse(execFileSync(process.execPath, [loadChild], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
  actors: number;
  places: number;
  forms: number;
  lexiconMs: number;
  totalMs: number;
  rssMb: number;
  maxRssKb: number;
};
const nerLoadChild = fileURLToPath(new URL('./ner-load-child.js', import.meta.url));
const nerLoad = JSON.parse(execFileSync(process.execPath, [nerLoadChild], { encoding: 'utf8' })) as { model: string; seconds: number; rssMb: number; addedRssMb: number };

const figures = {
  corpus: corpus.name,
  articles: corpus.texts.length,
  words,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  stages,
  extractionWordsPerSecond: Math.round(wholeExtraction.perSecond),
  longArticles,
  /** Cost per character of the longest article over that of the shortest: about 1 when extraction is linear. */
  longArticlePerCharRatio: perCharRatio,
  normalizeCharsPerSecond: Math.round(normalizeOnly.perSecond),
  /** HTML pages built from the corpus's texts, read by parseHtmlPage (issue 13). */
  pages: pageFigures,
  entityDataLoad: {
    actors: loadFigures.actors,
    places: loadFigures.places,
    forms: loadFigures.forms,
    lexiconAndGazetteerMs: Math.round(loadFigures.lexiconMs),
    withNameMapMs: Math.round(loadFigures.totalMs),
    addedRssMb: Math.round(loadFigures.rssMb),
    processPeakRssMb: Math.round(loadFigures.maxRssKb / 1024),
  },
  nameTaggerLoad: { model: nerLoad.model, seconds: Number(nerLoad.seconds.toFixed(2)), addedRssMb: Math.round(nerLoad.addedRssMb) },
  ingest: {
    seconds: Number(ingestFigures.seconds.toFixed(2)),
    articlesPerSecond: Math.round(ingestFigures.articles / ingestFigures.seconds),
    wordsPerSecond: Math.round(ingestFigures.words / ingestFigures.seconds),
    peakRssMb: Math.round(ingestFigures.maxRssKb / 1024),
  },
  /** The same ingest with two worker threads extracting (`--jobs 2`), and its speed over the one above. */
  ingestTwoJobs: {
    seconds: Number(ingestTwoJobs.seconds.toFixed(2)),
    articlesPerSecond: Math.round(ingestTwoJobs.articles / ingestTwoJobs.seconds),
    wordsPerSecond: Math.round(ingestTwoJobs.words / ingestTwoJobs.seconds),
    peakRssMb: Math.round(ingestTwoJobs.maxRssKb / 1024),
    ratio: Number((ingestTwoJobs.words / ingestTwoJobs.seconds / (ingestFigures.words / ingestFigures.seconds)).toFixed(2)),
    cores: availableParallelism(),
  },
  /** Two workers started at once: each one's load time, heap, and the resident memory each adds. */
  workerStart: {
    seconds: Number(poolLoad.seconds.toFixed(2)),
    startupSeconds: poolLoad.startupMs.map((ms) => Number((ms / 1000).toFixed(2))),
    heapMb: poolLoad.heapMb.map((mb) => Math.round(mb)),
    addedRssMbPerWorker: Math.round(poolLoad.addedRssMbPerWorker),
  },
  /** One event, many reports: seconds per 10,000 articles (scaled from the corpus), and what folded. */
  folding: {
    onWriteSecondsPer10k: Number(((ingestFigures.fold.onWriteSeconds / ingestFigures.articles) * 10_000).toFixed(2)),
    shareOfIngest: Number((ingestFigures.fold.onWriteSeconds / ingestFigures.seconds).toFixed(3)),
    refoldSecondsPer10k: Number(((ingestFigures.fold.refoldSeconds / ingestFigures.articles) * 10_000).toFixed(2)),
    events: ingestFigures.fold.events,
    folds: ingestFigures.fold.folds,
    foldsWithSeveralSources: ingestFigures.fold.several,
  },
};

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
} else {
  const lines = [
    `Marsad benchmark — ${figures.corpus}`,
    `  ${fmt(figures.articles)} articles, ${fmt(figures.words)} words; ${figures.cpu}; Node ${figures.node}`,
    '',
    ...figures.stages.map((s) => `  ${s.name.padEnd(42)} ${fmt(s.wordsPerSecond).padStart(12)} words/s  (one core, ${s.passes} passes)`),
    `  ${'whole extraction (every stage)'.padEnd(42)} ${fmt(figures.extractionWordsPerSecond).padStart(12)} words/s  (text layer included)`,
    ...figures.longArticles.map(
      (a) =>
        `  ${`one article of ${a.chars >= 1e6 ? `${a.chars / 1e6}M` : `${a.chars / 1e3}k`} characters`.padEnd(42)} ${a.seconds.toFixed(2).padStart(12)} s CPU    (${a.microsecondsPerChar.toFixed(2)} µs per character)`,
    ),
    `  ${'… cost per character, 4.9M over 100k'.padEnd(42)} ${figures.longArticlePerCharRatio.toFixed(2).padStart(12)}×        (linear: about 1)`,
    `  normalise alone                            ${fmt(figures.normalizeCharsPerSecond).padStart(12)} chars/s`,
    `  HTML pages parsed (linkedom + Readability) ${fmt(figures.pages.pagesPerSecond).padStart(12)} pages/s  (${figures.pages.pages} pages of ${figures.pages.meanKb} KB on average, ${figures.pages.passes} passes)`,
    `  entity data load (lexicon + gazetteer)     ${fmt(figures.entityDataLoad.lexiconAndGazetteerMs).padStart(12)} ms       (${fmt(figures.entityDataLoad.actors)} actors, ${fmt(figures.entityDataLoad.places)} places, ${fmt(figures.entityDataLoad.forms)} forms)`,
    `  … with the English name map                ${fmt(figures.entityDataLoad.withNameMapMs).padStart(12)} ms       (+${fmt(figures.entityDataLoad.addedRssMb)} MB resident; process peak ${fmt(figures.entityDataLoad.processPeakRssMb)} MB)`,
    `  name tagger model load (${figures.nameTaggerLoad.model})`.padEnd(45) + `${figures.nameTaggerLoad.seconds.toFixed(2).padStart(12)} s        (+${figures.nameTaggerLoad.addedRssMb} MB resident)`,
    `  ingest into SQLite (whole pipeline)        ${fmt(figures.ingest.wordsPerSecond).padStart(12)} words/s  (${fmt(figures.ingest.articlesPerSecond)} articles/s, ${figures.ingest.seconds} s)`,
    `  ingest peak memory                         ${fmt(figures.ingest.peakRssMb).padStart(12)} MB resident`,
    `  ingest --jobs 2 (two worker threads)       ${fmt(figures.ingestTwoJobs.wordsPerSecond).padStart(12)} words/s  (${fmt(figures.ingestTwoJobs.articlesPerSecond)} articles/s, ${figures.ingestTwoJobs.seconds} s, peak ${fmt(figures.ingestTwoJobs.peakRssMb)} MB; ${figures.ingestTwoJobs.cores} cores)`,
    `  … --jobs 2 over --jobs 1                   ${figures.ingestTwoJobs.ratio.toFixed(2).padStart(12)}×`,
    `  extraction worker start (two at once)      ${figures.workerStart.seconds.toFixed(2).padStart(12)} s        (each ${figures.workerStart.startupSeconds.map((s) => s.toFixed(2)).join(' and ')} s, heap ${figures.workerStart.heapMb.join(' and ')} MB; +${fmt(figures.workerStart.addedRssMbPerWorker)} MB resident a worker)`,
    `  folding on write (one event, many reports) ${figures.folding.onWriteSecondsPer10k.toFixed(2).padStart(12)} s per 10,000 articles (${(figures.folding.shareOfIngest * 100).toFixed(1)}% of the ingest)`,
    `  … every event folded again at once         ${figures.folding.refoldSecondsPer10k.toFixed(2).padStart(12)} s per 10,000 articles (${fmt(figures.folding.events)} events → ${fmt(figures.folding.folds)} folded, ${fmt(figures.folding.foldsWithSeveralSources)} told by 2+ documents)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
