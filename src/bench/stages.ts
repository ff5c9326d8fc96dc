/**
 * The stages `npm run bench` times one by one over the corpus, each alone, on one core.
 * Each issue that adds a pipeline stage adds its entry here (one line), in pipeline order.
 */
import { datesExtractor } from '../extract/dates/extract.js';
import { joinDates, resolveDates } from '../extract/dates/refine.js';
import { runPipeline } from '../extract/document.js';
import { createEntityExtractor } from '../extract/entities/index.js';
import { eventExtractor } from '../extract/events/extractor.js';
import { quantitiesExtractor } from '../extract/quantities/extract.js';
import { emptyExtraction, type Extraction, type Stage } from '../extract/types.js';
import { lazyNameTagger, loadNameTagger } from '../ner/index.js';
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
  /** Work done once per article before timing starts (what the stage reads from earlier stages). */
  prepare?(doc: AnalyzedText, published: string | null): void;
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

/** Entities from the lexicon and gazetteer only: matching, linking and geocoding. */
const lexiconEntities = createEntityExtractor();
const entitiesLexicon: BenchStage = {
  name: 'entities, lexicon + gazetteer only',
  run(_text, doc, published) {
    lexiconEntities.extract({ doc, published, titleEnd: 0 }, emptyExtraction());
    return doc.tokens.wordCount();
  },
};

/** The entity stage as the pipeline runs it: lexicon, gazetteer and the name tagger. */
const entityExtractor = createEntityExtractor({ tagger: lazyNameTagger() });
const entities: BenchStage = {
  name: 'entities (whole stage, with the name tagger)',
  run(_text, doc, published) {
    entityExtractor.extract({ doc, published, titleEnd: 0 }, emptyExtraction());
    return doc.tokens.wordCount();
  },
};

/** The learned name tagger alone (both of its stages), on the analysed text. */
const nameTagger: BenchStage = {
  name: 'name tagger (learned model)',
  run(_text, doc) {
    loadNameTagger().tag(doc);
    return doc.tokens.wordCount();
  },
};

/** What the events stage reads, computed by the stages before it (not timed). */
const eventInputs = new WeakMap<AnalyzedText, Extraction>();
const BEFORE_EVENTS: readonly Stage[] = [...NUMBERS_AND_DATES, { kind: 'extractor', run: entityExtractor }];

/** The events stage alone, over the entities, dates and figures found before it. */
const events: BenchStage = {
  name: 'events (triggers, arguments, topics)',
  prepare(doc, published) {
    eventInputs.set(doc, runPipeline({ doc: { ...doc }, published, titleEnd: 0 }, BEFORE_EVENTS));
  },
  run(_text, doc, published) {
    eventExtractor.extract({ doc, published, titleEnd: 0 }, eventInputs.get(doc) ?? emptyExtraction());
    return doc.tokens.wordCount();
  },
};

export const STAGES: readonly BenchStage[] = [
  textLayer,
  numbersAndDates,
  nameTagger,
  entitiesLexicon,
  entities,
  events,
];
