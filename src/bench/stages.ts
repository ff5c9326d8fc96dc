/**
 * The stages `npm run bench` times one by one over the corpus, each alone, on one core.
 * Each issue that adds a pipeline stage adds its entry here (one line), in pipeline order.
 */
import { eventExtractor } from '../extract/events/extractor.js';
import { emptyExtraction } from '../extract/types.js';
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

/** The events stage alone, over the entities, dates and figures found before it (none here). */
const events: BenchStage = {
  name: 'events (triggers, arguments, topics)',
  run(_text, doc, published) {
    eventExtractor.extract({ doc, published, titleEnd: 0 }, emptyExtraction());
    return doc.tokens.wordCount();
  },
};

export const STAGES: readonly BenchStage[] = [
  textLayer,
  events,
  // numbers and dates, entities, events: one entry each, added with their issue
];
