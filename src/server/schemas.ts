/**
 * The shapes of the API's answers, as zod schemas: the OpenAPI document describes every route
 * with them (openapi.ts), and the API tests check real answers against them (strict: a field
 * the server adds without adding it here fails the test). The compile-time checks at the end
 * keep them equal to the TypeScript types the services return.
 */
import { z } from 'zod';
import {
  DocumentRecordSchema,
  ENTITY_TYPES,
  EVENT_TYPES,
  EventSizeSchema,
  EntitySchema,
  MODALITIES,
  QUANTITY_CATEGORIES,
  QUANTITY_QUALIFIERS,
  SIZE_CATEGORIES,
  EventSchema,
  SizeFigureSchema,
} from '../extract/record.js';
import { REVIEW_TARGETS, REVIEW_VERDICTS } from '../services/review-apply.js';
import type { EntityView, StatsView } from '../services/browse.js';
import type { SearchHit } from '../services/search.js';
import type {
  EntitySummary,
  EventRow,
  FigureRow,
  FigureSeries,
  FoldRow,
  NetworkEdge,
  PlaceSummary,
  SourceRef,
  Story,
  TimelineBucket,
} from '../store/store.js';

const Span = z.strictObject({ start: z.number().int(), end: z.number().int(), text: z.string() }).meta({ description: 'UTF-16 offsets into the document text, half-open' });
const DateSchema = z.strictObject({
  value: z.string().nullable().meta({ description: 'YYYY, YYYY-MM or YYYY-MM-DD' }),
  precision: z.enum(['day', 'month', 'year']).nullable(),
});

export const DocumentRefSchema = z.strictObject({
  id: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
});

export const EntityRefSchema = z.strictObject({
  id: z.string().meta({ description: 'entity id: org:sdf, loc:sy:aleppo, new:…' }),
  type: z.enum(ENTITY_TYPES).nullable(),
  name: z.strictObject({ ar: z.string().nullable(), en: z.string().nullable() }),
});

export const ArgumentRefSchema = EntityRefSchema.extend({
  subtype: z.string().nullable(),
  country: z.string().nullable(),
  mention: Span.nullable().meta({ description: 'its first mention inside the event\'s sentence' }),
});

export const PlaceRefSchema = EntityRefSchema.extend({
  geo: EntitySchema.shape.geo,
  country: z.string().nullable(),
});

/** The machine's reading of the fields a review may correct. */
export const EventReadingSchema = z.strictObject({
  type: z.enum(EVENT_TYPES),
  mode: z.string().nullable(),
  actor: z.array(z.string()),
  recipient: z.array(z.string()),
  date: DateSchema,
  place: z.string().nullable(),
  size: EventSizeSchema,
});

/** An event's current review (docs/review.md). */
export const EventReviewSchema = z
  .strictObject({
    id: z.number().int(),
    verdict: z.enum(REVIEW_VERDICTS),
    reviewer: z.string(),
    at: z.string().meta({ description: 'ISO 8601 time of the review' }),
    note: z.string().nullable(),
    corrected: z.array(z.string()).meta({ description: 'the fields the correction changed' }),
    machine: EventReadingSchema.meta({ description: "the machine's reading: today's, or at review time when detached" }),
    detached: z.boolean().meta({ description: "the pipeline's record no longer has this event; the analyst's reading is kept" }),
  })
  .meta({ description: "an event's current review: verdict, who and when, the machine's reading beside it" });

export const EventRowSchema = z.strictObject({
  document: DocumentRefSchema,
  index: z.number().int().meta({ description: "position in the document's events" }),
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  mode: z.string().nullable(),
  contexts: z.array(z.string()),
  topics: z.array(z.string()),
  modality: z.enum(MODALITIES),
  date: DateSchema,
  actors: z.array(ArgumentRefSchema),
  recipients: z.array(ArgumentRefSchema),
  place: PlaceRefSchema.nullable(),
  quantities: z.array(z.number().int()),
  sentence: Span,
  trigger: Span,
  content: Span.nullable(),
  confidence: z.number(),
  rule: z.string(),
  size: EventSizeSchema.nullable(),
  fold: z
    .strictObject({ id: z.string(), sources: z.number().int() })
    .nullable()
    .meta({ description: 'the folded event it is a report of (GET /api/folds/{id}), and how many documents tell it' }),
  reviewed: z.boolean().meta({ description: 'an analyst reviewed it; its fields are the reviewed values' }),
  review: EventReviewSchema.nullable(),
});

const EventAnchorSchema = z.strictObject({
  sentenceStart: z.number().int(),
  triggerStart: z.number().int(),
  triggerEnd: z.number().int(),
  type: z.enum(EVENT_TYPES).meta({ description: "the machine's type of the event reviewed" }),
  ordinal: z.number().int().meta({ description: 'its position among events with the same sentence, trigger and type' }),
});
const MentionAnchorSchema = z.strictObject({ start: z.number().int(), end: z.number().int() });

/** A correction as stored: only the corrected fields. */
export const EventCorrectionSchema = z.strictObject({
  type: z.enum(EVENT_TYPES).optional(),
  mode: z.string().nullable().optional(),
  actor: z.array(z.string()).optional(),
  recipient: z.array(z.string()).optional(),
  date: DateSchema.optional(),
  place: z.string().nullable().optional(),
  size: z.partialRecord(z.enum(SIZE_CATEGORIES), SizeFigureSchema.nullable()).optional(),
});

/** A stored review (docs/review.md "Review"). */
export const ReviewSchema = z.strictObject({
  id: z.number().int(),
  document: z.string(),
  target: z.enum(REVIEW_TARGETS),
  anchor: z.union([EventAnchorSchema, MentionAnchorSchema]),
  verdict: z.enum(REVIEW_VERDICTS),
  correction: z.union([EventCorrectionSchema, z.strictObject({ entity: z.string() })]).nullable(),
  machine: z
    .union([EventReadingSchema, z.strictObject({ entity: z.string(), text: z.string() })])
    .nullable()
    .meta({ description: 'what the analyst saw: the machine\'s reading of the event, or the entity of the mention; null when nothing stood there' }),
  reviewer: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  current: z.boolean().meta({ description: 'the latest review of its target' }),
});

export const MentionReviewSchema = z.strictObject({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  verdict: z.enum(REVIEW_VERDICTS),
  entity: z.string().nullable().meta({ description: 'the entity the words name after review; null when rejected' }),
  machineEntity: z.string().nullable().meta({ description: 'the entity the machine gives them; null when it finds no mention there' }),
  reviewer: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  reviewId: z.number().int(),
});

export const ReviewedEventSchema = EventSchema.extend({ reviewed: z.boolean(), review: EventReviewSchema.nullable() });

/** A record with its reviews applied (docs/review.md). */
export const ReviewedRecordSchema = DocumentRecordSchema.extend({
  events: z.array(ReviewedEventSchema).meta({ description: 'the reviewed events: the machine\'s, corrected; rejected ones flagged; kept ones whose machine event is gone after them' }),
});

/** `POST /api/documents/{id}/events/{n}/review`. */
export const EventReviewAnswerSchema = z.strictObject({ review: ReviewSchema, event: ReviewedEventSchema, index: z.number().int() });
/** `POST /api/documents/{id}/mentions/review`. */
export const MentionReviewAnswerSchema = z.strictObject({ review: ReviewSchema, mention: MentionReviewSchema });
/** `GET /api/review/status`. */
export const ReviewStatusSchema = z.strictObject({
  writable: z.boolean(),
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  authorized: z.boolean(),
});

export const FoldFigureReportSchema = z.strictObject({
  document: DocumentRefSchema,
  index: z.number().int(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(QUANTITY_QUALIFIERS).nullable(),
  text: z.string().nullable().meta({ description: "the figure's words in the report" }),
});

export const FoldFiguresSchema = z.strictObject({
  category: z.enum(SIZE_CATEGORIES),
  low: z.number().nullable(),
  high: z.number().nullable(),
  reports: z.array(FoldFigureReportSchema).meta({ description: "each report's own figure, earliest published first" }),
});

export const FoldRowSchema = z
  .strictObject({
    id: z.string().meta({ description: '16 hex digits, from its earliest report' }),
    type: z.enum(EVENT_TYPES),
    mode: z.string().nullable(),
    modality: z.enum(MODALITIES),
    date: DateSchema,
    place: PlaceRefSchema.nullable(),
    actors: z.array(EntityRefSchema),
    recipients: z.array(EntityRefSchema),
    sources: z.number().int().meta({ description: 'documents telling it' }),
    outlets: z.array(z.string()),
    confidence: z.number(),
    figures: z.array(FoldFiguresSchema),
    members: z.array(EventRowSchema).meta({ description: 'its reports: per-article events, earliest published first' }),
  })
  .meta({ description: 'one act told by several documents (one event, many reports)' });

/** A hit of `/api/documents`. */
export const SearchHitSchema = z.strictObject({
  id: z.string(),
  title: z.string().nullable(),
  source: DocumentRecordSchema.shape.source,
  published: z.string().nullable(),
  snippet: z.string().meta({ description: 'a passage of the text around the best match' }),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).meta({ description: 'where the matching words are in the snippet: [start, end) pairs' }),
  score: z.number().meta({ description: 'higher is better (BM25)' }),
  complete: z.boolean().meta({ description: 'every word of the query matched (synonyms allowed)' }),
  exact: z.boolean().meta({ description: 'every word of the query matched as typed' }),
});

const NullableString = z.string().nullable();
export const SourceRefSchema = z.strictObject({
  origin: z.string().meta({ description: 'the file or item the text came from, relative to what was given to `marsad ingest`' }),
  url: NullableString.optional(),
  outlet: NullableString.optional(),
  published: NullableString.optional(),
});

export const StorySchema = z.strictObject({
  id: z.string().meta({ description: "the id of the story's first document" }),
  documents: z.array(
    DocumentRefSchema.extend({
      resemblance: z.number().nullable().meta({ description: "to the copy it was matched with, 0..1; null for the story's first document" }),
    }),
  ),
});

/** `/api/documents/{id}`. */
export const DocumentViewSchema = z.strictObject({
  record: ReviewedRecordSchema,
  mentionReviews: z.array(MentionReviewSchema).meta({ description: 'the current review of each reviewed mention' }),
  sources: z.array(SourceRefSchema),
  story: StorySchema.nullable().meta({ description: 'the other stored copies of its text; null when there is none' }),
});

const EntityName = z.strictObject({ ar: z.string(), en: z.string().nullable() });

export const EntitySummarySchema = z.strictObject({
  id: z.string(),
  type: z.enum(ENTITY_TYPES),
  subtype: z.string().nullable(),
  name: EntityName,
  country: z.string().nullable(),
  geo: EntitySchema.shape.geo,
  documents: z.number().int(),
  mentions: z.number().int(),
  events: z.number().int().meta({ description: 'events naming it as actor or recipient, or located at it' }),
});

/** `/api/entities/{id}`. */
export const EntityViewSchema = EntitySummarySchema.extend({
  labels: z.array(z.strictObject({ outlet: z.string().nullable(), label: z.string(), count: z.number().int() })).meta({ description: 'the words each outlet uses for it, most used first' }),
  mentionRows: z.array(z.strictObject({ document: DocumentRefSchema, span: Span })),
  asActor: z.number().int(),
  asRecipient: z.number().int(),
  atPlace: z.number().int().meta({ description: 'events located at it (places nested in it not counted)' }),
  eventsAsActor: z.array(EventRowSchema),
  eventsAsRecipient: z.array(EventRowSchema),
  eventsAtPlace: z.array(EventRowSchema).meta({ description: 'for a place: events located at it or at a place the gazetteer nests in it, newest first; empty for other entities' }),
  eventsAtPlaceTotal: z.number().int().meta({ description: 'how many events eventsAtPlace would list without its limit' }),
});

export const PlaceSummarySchema = z.strictObject({
  id: z.string(),
  name: EntityName,
  subtype: z.string().nullable(),
  country: z.string().nullable(),
  geo: EntitySchema.shape.geo.unwrap(),
  documents: z.number().int(),
  events: z.number().int(),
});

export const FigureRowSchema = z.strictObject({
  document: DocumentRefSchema,
  index: z.number().int(),
  span: Span,
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(QUANTITY_QUALIFIERS).nullable(),
  unit: z.string().nullable(),
  counted: z.string().nullable(),
  category: z.enum(QUANTITY_CATEGORIES),
  date: z.string().nullable().meta({ description: "the date of the first event citing it, else its document's publication date" }),
  sentence: Span.nullable(),
});

const SumUnit = z.string().nullable().meta({ description: 'the unit summed: the figures\' own, "person" for a people category written without one; figures of different units are never added' });
const SumValue = z.number().nullable().meta({ description: 'the sum, each figure of a document once; null where a sum means nothing (countries, fighters, area, percentages, other, unknown unit)' });
export const FigureSeriesSchema = z.strictObject({
  byMonth: z.array(z.strictObject({ period: z.string(), category: z.enum(QUANTITY_CATEGORIES), unit: SumUnit, count: z.number().int(), sum: SumValue })),
  bySource: z.array(z.strictObject({ outlet: z.string().nullable(), category: z.enum(QUANTITY_CATEGORIES), unit: SumUnit, count: z.number().int(), sum: SumValue })),
});

export const TimelineBucketSchema = z.strictObject({ period: z.string().meta({ description: 'YYYY-MM, or YYYY for events known only to the year' }), type: z.enum(EVENT_TYPES), count: z.number().int() });

export const NetworkEdgeSchema = z.strictObject({ actor: EntityRefSchema, recipient: EntityRefSchema, type: z.enum(EVENT_TYPES), count: z.number().int() });

const Count = z.number().int();
const Facet = z.strictObject({ value: z.string(), count: Count });
const EntityFacet = z.strictObject({ id: z.string(), name: EntityName, count: Count });

/** `/api/stats`. */
export const StatsViewSchema = z.strictObject({
  documents: Count,
  entities: Count,
  mentions: Count,
  dates: Count,
  quantities: Count,
  events: Count,
  messages: Count,
  sources: Count,
  runs: Count,
  failures: Count,
  outlets: z.array(z.strictObject({ outlet: z.string().nullable(), documents: Count })),
  published: z.strictObject({ first: z.string().nullable(), last: z.string().nullable() }),
  lastRun: z
    .strictObject({
      id: Count,
      command: z.string(),
      inputs: z.array(z.string()),
      pipeline: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      status: z.enum(['running', 'completed', 'failed', 'interrupted']),
      stored: Count,
      updated: Count,
      unchanged: Count,
      repeats: Count,
      rejected: Count,
      skipped: Count,
    })
    .nullable(),
  facets: z.strictObject({
    eventTypes: z.array(Facet),
    topics: z.array(Facet),
    outlets: z.array(Facet),
    categories: z.array(Facet),
    actors: z.array(EntityFacet),
    places: z.array(EntityFacet),
  }),
});

/** A page of results. */
export function pagedSchema<T extends z.ZodType>(row: T) {
  return z.strictObject({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), rows: z.array(row) });
}

/**
 * The documents' page: with search words, `total` counts up to 10,000 matches and `capped` says
 * there are more; `ranked` says that only the most recently stored 2,000 matches were ranked.
 */
export function searchPageSchema<T extends z.ZodType>(row: T) {
  return z.strictObject({
    total: z.number().int().describe('matching documents; with `q`, counted up to 10,000'),
    capped: z.literal(true).optional().describe('present when more documents match than `total` says ("10,000+")'),
    ranked: z
      .number()
      .int()
      .optional()
      .describe('present when more than 2,000 documents match: only this many, the most recently stored matches, were ranked, and pages reach only them'),
    limit: z.number().int(),
    offset: z.number().int(),
    rows: z.array(row),
  });
}

// The schemas and the store's types describe the same answers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
const sameEvent: Same<z.infer<typeof EventRowSchema>, EventRow> = true;
const sameFold: Same<z.infer<typeof FoldRowSchema>, FoldRow> = true;
const sameHit: Same<z.infer<typeof SearchHitSchema>, SearchHit> = true;
const sameSource: Same<z.infer<typeof SourceRefSchema>, SourceRef> = true;
const sameStory: Same<z.infer<typeof StorySchema>, Mutable<Story>> = true;
const sameEntity: Same<z.infer<typeof EntitySummarySchema>, EntitySummary> = true;
const sameEntityView: Same<z.infer<typeof EntityViewSchema>, Mutable<EntityView>> = true;
const samePlace: Same<z.infer<typeof PlaceSummarySchema>, PlaceSummary> = true;
const sameFigure: Same<z.infer<typeof FigureRowSchema>, FigureRow> = true;
const sameSeries: Same<z.infer<typeof FigureSeriesSchema>, FigureSeries> = true;
const sameBucket: Same<z.infer<typeof TimelineBucketSchema>, TimelineBucket> = true;
const sameEdge: Same<z.infer<typeof NetworkEdgeSchema>, NetworkEdge> = true;
const sameStats: Same<z.infer<typeof StatsViewSchema>, Mutable<StatsView>> = true;
void [sameEvent, sameFold, sameHit, sameSource, sameStory, sameEntity, sameEntityView, samePlace, sameFigure, sameSeries, sameBucket, sameEdge, sameStats];
