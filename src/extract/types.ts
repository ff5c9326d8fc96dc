/**
 * The extractor machinery: what an extractor and a refiner are.
 *
 * An extractor has one concern (numbers, dates, entities, events) and is a pure function of the
 * analysed document and of what the stages before it produced; it returns only its own
 * additions. A refiner is the only thing that combines or corrects results (merge a date with
 * its weekday, drop overlaps, resolve "الشهر نفسه"). The order of both is one list, in
 * `pipeline.ts`.
 */
import type { AnalyzedText } from '../text/analyze.js';
import type { DateMention, Entity, Event, Iso, Message, Quantity } from './record.js';

/** Everything an extractor may read about the article. */
export interface ExtractionInput {
  readonly doc: AnalyzedText;
  /** The publication date, the anchor of relative dates; null when unknown. */
  readonly published: Iso | null;
  /** Where the article's title ends in `doc.text` (0 when it has no title). */
  readonly titleEnd: number;
}

/** The extract lists of a record, as the stages fill them. */
export interface Extraction {
  entities: Entity[];
  dates: DateMention[];
  quantities: Quantity[];
  events: Event[];
  messages: Message[];
}

/** An extractor: one concern, a pure function. */
export interface Extractor {
  /** Stable id, used in `rule` fields and in the pipeline list: "ar/dates". */
  readonly name: string;
  /** Which lists it adds to. */
  readonly produces: readonly (keyof Extraction)[];
  extract(input: ExtractionInput, sofar: Readonly<Extraction>): Partial<Extraction>;
}

/** A refiner: reads every result so far and returns the corrected whole. */
export interface Refiner {
  readonly name: string;
  refine(input: ExtractionInput, extraction: Extraction): Extraction;
}

/** One step of the pipeline. */
export type Stage = { readonly kind: 'extractor'; readonly run: Extractor } | { readonly kind: 'refiner'; readonly run: Refiner };

/** An empty extraction. */
export function emptyExtraction(): Extraction {
  return { entities: [], dates: [], quantities: [], events: [], messages: [] };
}
