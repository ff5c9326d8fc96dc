/**
 * The record `marsad extract` prints for one article, exactly as `shared/design/contract.md`
 * defines it. Outside scorers read this shape: fields may be added, never renamed or dropped.
 *
 * The zod schemas here are the single source: the TypeScript types are inferred from them, and
 * `schema/document.schema.json` is generated from them (`npm run schema`; a test fails when the
 * file is out of step).
 */
import { z } from 'zod';

/** "2024", "2024-11" or "2024-11-27": a partial ISO 8601 date, as precise as known. */
export const IsoSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD');
export type Iso = z.infer<typeof IsoSchema>;

/** UTF-16 offsets into `DocumentRecord.text`, half-open; `text === record.text.slice(start, end)`. */
export const SpanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;
export const GEO_PRECISIONS = ['point', 'admin3', 'admin2', 'admin1', 'country', 'region'] as const;

export const EntitySchema = z.object({
  /** Lexicon id ("org:sdf", "loc:sy:aleppo") or "new:<hash>" for names not in the lexicon. */
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  /** ORG: GOV MIL REB IGO NGO PTY MED …; LOC: country admin1 admin2 admin3 city village camp facility crossing region. */
  subtype: z.string().nullable(),
  name: z.object({ ar: z.string(), en: z.string().nullable() }),
  /** ISO 3166-1 alpha-2 where known. */
  country: z.string().nullable(),
  geo: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      precision: z.enum(GEO_PRECISIONS),
      pcode: z.string().optional(),
    })
    .nullable(),
  /** Every mention in the text, coreferent ones included. */
  mentions: z.array(SpanSchema),
  /** Added to the contract: what made it ("lexicon", "model:ner-…", "lexicon+model"). */
  rule: z.string().optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

export const DateMentionSchema = SpanSchema.extend({
  /** Resolved against `published` when relative; null when it cannot be. */
  value: IsoSchema.nullable(),
  precision: z.enum(DATE_PRECISIONS).nullable(),
  relative: z.boolean(),
  /** Added to the contract: the rule that read it ("ar/dates/levantine-month"). */
  rule: z.string().optional(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;

export const QUANTITY_QUALIFIERS = ['about', 'more_than', 'less_than', 'at_least', 'at_most', 'nearly'] as const;
export const QUANTITY_CATEGORIES = [
  'killed',
  'injured',
  'displaced',
  'detained',
  'fighters',
  'liberated',
  'trained',
  'returned',
  'money',
  'area',
  'countries',
  'other',
] as const;

export const QuantitySchema = SpanSchema.extend({
  /** 121 for "مئة وواحد وعشرين"; null for a vague amount. */
  value: z.number().nullable(),
  /** Vague amounts: "عشرات" → 20..90. */
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(QUANTITY_QUALIFIERS).nullable(),
  /** "person" "family" "USD" "EUR" "km2" "country" … */
  unit: z.string().nullable(),
  /** The counted noun as written: "مشرد", "مرتزق", "شخص". */
  counted: z.string().nullable(),
  category: z.enum(QUANTITY_CATEGORIES),
  /** Added to the contract: the rule that read it ("ar/numbers/words"). */
  rule: z.string().optional(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const EVENT_TYPES = [...PLOVER_TYPES, 'STATEMENT'] as const;
export const MODALITIES = ['asserted', 'negated', 'future', 'hypothetical'] as const;

/** The categories of figures an event's `size` holds: what it cost people. */
export const SIZE_CATEGORIES = ['killed', 'injured', 'detained', 'displaced', 'returned'] as const;
export type SizeCategory = (typeof SIZE_CATEGORIES)[number];

/** One figure of an event's size: the figure's value or range, and where it stands in `DocumentRecord.quantities`. */
export const SizeFigureSchema = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(QUANTITY_QUALIFIERS).nullable(),
  /** Index into `DocumentRecord.quantities`. */
  quantity: z.number().int().min(0),
});
export type SizeFigure = z.infer<typeof SizeFigureSchema>;

/**
 * What an event cost, by role: the figures of its own clause (not of every event of its
 * sentence), one per category. When its clause holds several figures of one category, the
 * largest is kept (parts are not summed: "12 قتيلاً بينهم خمسة أطفال" is 12).
 */
export const EventSizeSchema = z.object({
  killed: SizeFigureSchema.optional(),
  injured: SizeFigureSchema.optional(),
  detained: SizeFigureSchema.optional(),
  displaced: SizeFigureSchema.optional(),
  returned: SizeFigureSchema.optional(),
});
export type EventSize = z.infer<typeof EventSizeSchema>;

export const EventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  /** PLOVER mode where one fits (ASSAULT: aerial, explosives …; REQUEST: assist, change, yield, meet). */
  mode: z.string().nullable(),
  /** PLOVER contexts: terrorism, migration, legal, human_rights, military, diplomatic … */
  contexts: z.array(z.string()),
  /** Entity ids; the speaker for REQUEST/STATEMENT/ACCUSE. */
  actor: z.array(z.string()),
  /** Entity ids; the addressee of a demand, the target of an attack. */
  recipient: z.array(z.string()),
  /** Entity id of a LOC. */
  place: z.string().nullable(),
  date: z.object({ value: IsoSchema.nullable(), precision: z.enum(DATE_PRECISIONS).nullable() }),
  /** ontology.md topics: international-tribunal, repatriation, civilian-protection … */
  topics: z.array(z.string()),
  /** Indices into `DocumentRecord.quantities`: every figure of the event's sentence. */
  quantities: z.array(z.number().int().min(0)),
  modality: z.enum(MODALITIES),
  /** The whole sentence: the anchor quote a reader checks the record against. */
  sentence: SpanSchema,
  /** The word(s) that signal the event. */
  trigger: SpanSchema,
  /** What was said or demanded, for REQUEST/STATEMENT/ACCUSE/REJECT. */
  content: SpanSchema.nullable(),
  confidence: z.number().min(0).max(1),
  /** Id of the rule or model that made it. */
  rule: z.string(),
  /**
   * Added to the contract: every sentence that tells this event, in text order (the lead and the
   * body telling one event twice give one event with two sentences here).
   */
  evidence: z.array(SpanSchema).optional(),
  /**
   * Added to the contract: what the event cost (PLOVER's size, ACLED's fatalities): the killed,
   * injured, detained, displaced and returned figures of its own clause, each once (the largest
   * when the clause gives several); `{}` when it gives none. Absent on records made before it.
   */
  size: EventSizeSchema.optional(),
});
export type Event = z.infer<typeof EventSchema>;
export type EventType = (typeof EVENT_TYPES)[number];

export const MessageSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  span: SpanSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const DocumentRecordSchema = z.object({
  /** Stable: derived from the cleaned text, not from the file name. */
  id: z.string().min(1),
  source: z.object({
    path: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().nullable().optional(),
  }),
  title: z.string().nullable(),
  /** From metadata, HTML meta, feed, or the text; null when unknown. */
  published: IsoSchema.nullable(),
  language: z.literal('ar'),
  /** Cleaned article text (title first line, then body); all spans index it. */
  text: z.string(),
  entities: z.array(EntitySchema),
  dates: z.array(DateMentionSchema),
  quantities: z.array(QuantitySchema),
  events: z.array(EventSchema),
  /** Diagnostics, e.g. a weekday that contradicts its date, a removed boilerplate line. */
  messages: z.array(MessageSchema),
  pipeline: z.object({ version: z.string(), lexicon: z.string(), model: z.string().nullable() }),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

/**
 * The JSON Schema of a DocumentRecord, generated from the zod schema above.
 * `schema/document.schema.json` is this object, written by `npm run schema`.
 */
export function documentJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(DocumentRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'Marsad DocumentRecord',
    description:
      'One article as `marsad extract` prints it (shared/design/contract.md). Generated from src/extract/record.ts; do not edit by hand.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
