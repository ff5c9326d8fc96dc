/**
 * Loads the language data entity extraction reads (actor lexicon, gazetteer, context rules, the
 * name index built from them, and the English name map new people use) in a fresh process and
 * prints how long it took and how much memory it added, as JSON: run in its own process by the
 * benchmark, so that nothing is cached yet.
 */
import { isKnownNameWord } from '../extract/entities/english.js';
import { loadEntityResources } from '../extract/entities/index.js';
import { analyzeText } from '../text/analyze.js';

// The text layer's own start-up (its character tables) is every command's, not entity data's.
analyzeText('نص. ونص');
const before = process.memoryUsage();
const t0 = process.hrtime.bigint();
const sizes = loadEntityResources();
const lexiconMs = Number(process.hrtime.bigint() - t0) / 1e6;
isKnownNameWord('احمد'); // the Wikidata name map, loaded on first use
const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    ...sizes,
    lexiconMs,
    totalMs,
    rssMb: (after.rss - before.rss) / 2 ** 20,
    heapMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
