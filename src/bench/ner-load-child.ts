/**
 * Loads the name tagger model once and prints how long it took and the memory it holds, as
 * JSON: run in its own process by the benchmark, so that the figures are the model's alone.
 */
import { loadNameTagger } from '../ner/index.js';
import { analyzeText } from '../text/analyze.js';

// Warm the text layer first: its tables are not the model's cost.
analyzeText('قال');
const before = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
const tagger = loadNameTagger();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const after = process.memoryUsage().rss;
process.stdout.write(JSON.stringify({ model: tagger.id, seconds, rssMb: after / 1048576, addedRssMb: (after - before) / 1048576 }));
