/**
 * The stages `npm run bench` times one by one over the corpus, each alone, on one core.
 * Each issue that adds a pipeline stage adds its entry here (one line), in pipeline order.
 */
import { datesExtractor } from '../extract/dates/extract.js';
import { joinDates, resolveDates } from '../extract/dates/refine.js';
import { runPipeline } from '../extract/document.js';
import { eventExtractor } from '../extract/events/extractor.js';
import { quantitiesExtractor } from '../extract/quantities/extract.js';
import { emptyExtraction, type Stage } from '../extract/types.js';
import type { AnalyzedText } from '../text/analyze.js';
import { normalize } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';

export interface BenchStage {
  /** Shown in the report. */
  readonly name: string;
  /**
   * What is timed for one article. `doc` is the article already analysed (for stages that
   * start from the text layer's output); `text` is its raw cleaned text. Returns the number of
   * words it processed.
   */
  run(text: string, doc: AnalyzedText, published: string | null): number;
}

/** The text layer: normalise, tokenize, split sentences. */
const textLayer: BenchStage = {
  name: 'text layer (normalise + split + tokenize)',
  run(text) {
    const tokens = tokenize(normalize(text));
    splitSentences(tokens);
    return tokens.wordCount();
  },
};

const NUMBERS_AND_DATES: readonly Stage[] = [
  { kind: 'extractor', run: datesExtractor },
  { kind: 'extractor', run: quantitiesExtractor },
  { kind: 'refiner', run: joinDates },
  { kind: 'refiner', run: resolveDates },
];

/**
 * Numbers, dates and quantities: the number reader, the dates and quantities extractors and
 * the date refiners, from the text layer's output. The document is copied so that the
 * per-document caches of the number reader start empty on every pass.
 */
const numbersAndDates: BenchStage = {
  name: 'numbers and dates (numbers, dates, quantities)',
  run(_text, doc, published) {
    runPipeline({ doc: { ...doc }, published, titleEnd: 0 }, NUMBERS_AND_DATES);
    return doc.tokens.wordCount();
  },
};

/** The events stage alone (without the entities, dates and figures it reads, so a lower bound of its work). */
const events: BenchStage = {
  name: 'events (triggers, arguments, topics)',
  run(_text, doc, published) {
    eventExtractor.extract({ doc, published, titleEnd: 0 }, emptyExtraction());
    return doc.tokens.wordCount();
  },
};

export const STAGES: readonly BenchStage[] = [
  textLayer,
  numbersAndDates,
  // entities: added with its issue
  events,
];
