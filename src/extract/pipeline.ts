/**
 * The order of extraction: one list, read top to bottom. Each stage says why it stands where
 * it does. Extractors add annotations; refiners combine and correct them.
 */
import { createEntityExtractor } from './entities/index.js';
import { orderAnnotations } from './refiners/order.js';
import { validSpans } from './refiners/valid-spans.js';
import type { Stage } from './types.js';

export const PIPELINE: readonly Stage[] = [
  // ── extractors ────────────────────────────────────────────────────────────────────────────
  // Numbers and dates come first: entities and events read figures and dates.
  // Entities come before events: an event's actor and recipient are entities.
  // Events come last among extractors: they read all of the above.
  // (The numbers, dates and events extractors are registered here as they are built.)
  // Entities: actors and places from the lexicon and gazetteer, linked and geocoded. It runs
  // without a name tagger here; a tagger, when one ships, is passed as
  // createEntityExtractor({ tagger }) and its id stamped as pipeline.model.
  { kind: 'extractor', run: createEntityExtractor() },

  // ── refiners ──────────────────────────────────────────────────────────────────────────────
  // Span validation runs after every extractor and refiner that can make a span, so that no
  // annotation reaches the record with a quote that is not the text's.
  { kind: 'refiner', run: validSpans },
  // Ordering runs last: it only sorts, and everything before it may add or drop annotations.
  { kind: 'refiner', run: orderAnnotations },
];
