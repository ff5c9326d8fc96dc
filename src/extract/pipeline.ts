/**
 * The order of extraction: one list, read top to bottom. Each stage says why it stands where
 * it does. Extractors add annotations; refiners combine and correct them. A refiner may stand
 * between extractors when a later extractor needs its result.
 */
import { datesExtractor } from './dates/extract.js';
import { joinDates, resolveDates } from './dates/refine.js';
import { createEntityExtractor } from './entities/index.js';
import { eventExtractor } from './events/extractor.js';
import { lazyNameTagger } from '../ner/index.js';
import { quantitiesExtractor } from './quantities/extract.js';
import { mergeEvents } from './refiners/merge-events.js';
import { orderAnnotations } from './refiners/order.js';
import { validSpans } from './refiners/valid-spans.js';
import type { Stage } from './types.js';

/** The learned name tagger of the entity stage (its model loads on first use). */
const NAME_TAGGER = lazyNameTagger();

/** What `pipeline.model` says of the running pipeline: the name tagger's model. */
export function pipelineModel(): string {
  return NAME_TAGGER.id;
}

export const PIPELINE: readonly Stage[] = [
  // Dates first of all: every later stage reads them, and the quantities extractor must know
  // which numbers are days and years ("15 آذار 2019") before it takes numbers as figures.
  // (The number reader, src/extract/numbers, is no stage of its own: both read its numbers,
  // computed once per document.)
  { kind: 'extractor', run: datesExtractor },
  // Quantities after dates: a number inside a date is not a figure.
  { kind: 'extractor', run: quantitiesExtractor },
  // Dates: join the atoms of one date ("أمس" + "الخميس" + "الخامس من كانون الأول") before
  // resolving, so that a weekday is checked against its day number; then resolve in reading
  // order, so that "29 من الشهر نفسه" finds the month named last. Both before the stages that
  // take the dates' values (events).
  { kind: 'refiner', run: joinDates },
  { kind: 'refiner', run: resolveDates },

  // Entities: actors and places from the lexicon and gazetteer, and the names only the learned
  // tagger finds, linked and geocoded. The tagger's model is stamped as pipeline.model.
  { kind: 'extractor', run: createEntityExtractor({ tagger: NAME_TAGGER }) },

  // Events last among extractors: triggers, arguments through the entities, content, topics,
  // modality, and the date, place and figures of their sentence.
  { kind: 'extractor', run: eventExtractor },
  // Merging folds an event told several times into one and gives every event its id: after the
  // events extractor, before validation (merged evidence spans are checked like any other).
  { kind: 'refiner', run: mergeEvents },

  // Span validation runs after every extractor and refiner that can make a span, so that no
  // annotation reaches the record with a quote that is not the text's.
  { kind: 'refiner', run: validSpans },
  // Ordering runs last: it only sorts, and everything before it may add or drop annotations.
  { kind: 'refiner', run: orderAnnotations },
];
