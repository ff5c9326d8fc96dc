/**
 * The order of extraction: one list, read top to bottom. Each stage says why it stands where
 * it does. Extractors add annotations; refiners combine and correct them.
 */
import { eventExtractor } from './events/extractor.js';
import { mergeEvents } from './refiners/merge-events.js';
import { orderAnnotations } from './refiners/order.js';
import { validSpans } from './refiners/valid-spans.js';
import type { Stage } from './types.js';

export const PIPELINE: readonly Stage[] = [
  // ── extractors ────────────────────────────────────────────────────────────────────────────
  // Numbers and dates come first: entities and events read figures and dates.
  // Entities come before events: an event's actor and recipient are entities.
  // Events come last among extractors: they read all of the above.
  // Events: triggers, arguments through the entities, content, topics, modality, and the
  // date, place and figures of their sentence.
  { kind: 'extractor', run: eventExtractor },


  // ── refiners ──────────────────────────────────────────────────────────────────────────────
  // Merging folds an event told several times into one and gives every event its id: after the
  // events extractor, before validation (merged evidence spans are checked like any other).
  { kind: 'refiner', run: mergeEvents },
  // Span validation runs after every extractor and refiner that can make a span, so that no
  // annotation reaches the record with a quote that is not the text's.
  { kind: 'refiner', run: validSpans },
  // Ordering runs last: it only sorts, and everything before it may add or drop annotations.
  { kind: 'refiner', run: orderAnnotations },
];
