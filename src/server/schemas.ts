/**
 * The shapes of the API's answers for events and folded events, as zod schemas: the OpenAPI
 * document describes those routes with them (openapi.ts), and the API tests check real answers
 * against them (strict: a field the server adds without adding it here fails the test). The
 * compile-time checks at the end keep them equal to the store's TypeScript types.
 */
import { z } from 'zod';
import { ENTITY_TYPES, EVENT_TYPES, EventSizeSchema, EntitySchema, MODALITIES, QUANTITY_QUALIFIERS, SIZE_CATEGORIES } from '../extract/record.js';
import type { EventRow, FoldRow } from '../store/store.js';

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

/** A page of results. */
export function pagedSchema<T extends z.ZodType>(row: T) {
  return z.strictObject({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), rows: z.array(row) });
}

// The schemas and the store's types describe the same answers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameEvent: Same<z.infer<typeof EventRowSchema>, EventRow> = true;
const sameFold: Same<z.infer<typeof FoldRowSchema>, FoldRow> = true;
void sameEvent;
void sameFold;
