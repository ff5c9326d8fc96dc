/**
 * The parameters users give to filter and page what is stored, as one zod schema per kind,
 * shared by the HTTP API (query strings) and `marsad export` (options). Every value arrives
 * as a string; a bad one becomes a MarsadError that names the parameter.
 */
import { z } from 'zod';
import { MarsadError, type ErrorCode } from '../errors.js';
import { ENTITY_TYPES, EVENT_TYPES, QUANTITY_CATEGORIES, SIZE_CATEGORIES } from '../extract/record.js';
import type { RecordFilter } from '../store/store.js';
import { EVENT_SORTS, FOLD_SORTS, type DatePrecision } from '../store/store.js';
import { queryGroups } from '../text/search-terms.js';

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD')
  // 2017-02-30, 2023-02-29 and 2024-04-31 are written right but name no day.
  .refine((v) => v.length < 10 || Number(v.slice(8)) <= daysIn(Number(v.slice(0, 4)), Number(v.slice(5, 7))), {
    message: 'is not a day of the calendar',
    abort: true,
  });
export const entityId = z.string().min(1).max(200).regex(/^[^\s]+$/, 'must be an entity id such as org:sdf or loc:sy:aleppo');

/** A whole number within bounds, given as a string. */
function count(min: number, max: number, fallback: number, description: string) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback)
    // `integer` lets the OpenAPI document show the number the string stands for.
    .meta({ description, integer: { minimum: min, maximum: max, default: fallback } });
}

/** A confidence (0..1), given as a string: "0.7", ".85", "1". */
const confidence = z
  .string()
  .regex(/^(\d+(\.\d*)?|\.\d+)$/, 'must be a number from 0 to 1')
  .transform(Number)
  .pipe(z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'))
  // `number` lets the OpenAPI document show the number the string stands for.
  .meta({
    description: 'events at this confidence or above (0..1; calibrated: see the README); documents and figures with such an event',
    number: { minimum: 0, maximum: 1 },
  });

/** Filters shared by documents, events, places, figures, the timeline, the network and exports. */
export const filterShape = {
  q: z.string().trim().min(1, 'must not be empty').max(500).optional().meta({ description: 'Arabic-aware full-text search (stems, clitics, synonyms)' }),
  actor: entityId.optional().meta({ description: 'entity id; documents mentioning it, events with it as actor' }),
  recipient: entityId.optional().meta({ description: 'entity id; events with it as recipient' }),
  place: entityId.optional().meta({ description: 'entity id of a place; documents mentioning it, events located there' }),
  type: z.enum(EVENT_TYPES).optional().meta({ description: 'event type (PLOVER category or STATEMENT)' }),
  topic: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a topic id such as repatriation').optional().meta({ description: 'topic id (ontology.md)' }),
  outlet: z.string().min(1).max(200).optional().meta({ description: 'outlet of any source of the document' }),
  from: isoDate.optional().meta({ description: 'first day of the date range (YYYY, YYYY-MM or YYYY-MM-DD), inclusive' }),
  to: isoDate.optional().meta({ description: 'last day of the date range, inclusive' }),
  document: z.string().regex(/^[0-9a-f]{16}$/, 'must be a document id (16 hex digits)').optional().meta({ description: 'one document only' }),
  fold: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be a folded event id (16 hex digits)')
    .optional()
    .meta({ description: 'one folded event (GET /api/folds): its reports; documents that tell it' }),
  minConfidence: confidence.optional(),
  precision: z
    .string()
    .regex(/^(year|month|day)(,(year|month|day))*$/, 'must be year, month or day, or several joined by commas (month,day)')
    .transform((v) => [...new Set(v.split(','))] as DatePrecision[])
    .optional()
    .meta({ description: 'events whose date (else their article\'s) is known to one of these precisions: year ("2017"), month ("2017-06"), day; documents and figures with such an event' }),
};

const page = (max: number, fallback: number) => ({
  limit: count(1, max, fallback, `how many results (1-${max})`),
  offset: count(0, 10_000_000, 0, 'skip this many results first'),
});

export const DocumentsParams = z.strictObject({ ...filterShape, ...page(200, 20) });
export const EventsParams = z.strictObject({
  ...filterShape,
  ...page(500, 50),
  sort: z.enum(EVENT_SORTS).default('-date').meta({ description: 'date, type, confidence or published; a leading "-" sorts descending' }),
});
export const EntitiesParams = z.strictObject({
  ...filterShape,
  ...page(500, 50),
  entityType: z.enum(ENTITY_TYPES).optional().meta({ description: 'PER, ORG or LOC' }),
  name: z.string().trim().min(1).max(200).optional().meta({ description: 'part of a name, in Arabic or English, or of a label an outlet uses' }),
});
export const EntityParams = z.strictObject({ mentions: count(0, 1000, 50, 'how many mentions to list'), events: count(0, 500, 50, 'how many events to list in each role') });
export const FiguresParams = z.strictObject({
  ...filterShape,
  ...page(500, 50),
  category: z.enum(QUANTITY_CATEGORIES).optional().meta({ description: 'figure category (killed, displaced, detained …)' }),
});
export const FoldsParams = z.strictObject({
  ...filterShape,
  ...page(200, 50),
  sort: z.enum(FOLD_SORTS).default('-date').meta({ description: 'date, sources, type or confidence; a leading "-" sorts descending' }),
  minSources: count(1, 100_000, 1, 'only folded events told by at least this many documents'),
  figures: z
    .enum(['any', ...SIZE_CATEGORIES])
    .optional()
    .meta({ description: 'only folded events whose reports give figures: of this category (killed, injured, detained, displaced, returned), or of any' }),
});
export const FoldParams = z.strictObject({});
export const FilterParams = z.strictObject(filterShape);
export const NetworkParams = z.strictObject({ ...filterShape, limit: count(1, 2000, 200, 'how many edges (1-2000)') });
export const EXPORT_FORMATS = ['jsonl', 'csv', 'geojson', 'plover', 'folds', 'folds-jsonl', 'acled', 'polecat'] as const;
export const ExportParams = z.strictObject({
  ...filterShape,
  format: z
    .enum(EXPORT_FORMATS)
    .meta({ description: 'jsonl: records; csv: events; geojson: places and events; plover: PLOVER JSON Lines; folds: folded events (CSV, each outlet\'s figures side by side); folds-jsonl: folded events with their reports; acled: events as ACLED\'s CSV; polecat: events as POLECAT\'s TSV' }),
});
export const IdParam = z.strictObject({ id: z.string().min(1).max(200) });

/**
 * Parses parameters with a schema; the first problem becomes a MarsadError naming the
 * parameter (`display` turns a key into how the user wrote it, e.g. "--from" on the CLI).
 *
 * @example
 * parseParams(EventsParams, { limit: 'ten' })
 * // throws MarsadError: "limit: invalid parameter: must be a whole number: \"ten\""
 */
export function parseParams<S extends z.ZodType>(
  schema: S,
  input: Record<string, string | undefined>,
  options: { code?: ErrorCode; display?: (key: string) => string } = {},
): z.output<S> {
  const code = options.code ?? 'bad-parameter';
  const display = options.display ?? ((k: string) => k);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new MarsadError(code, issue.keys.map(display).join(', '), `unknown parameter${issue.keys.length > 1 ? 's' : ''}`);
  }
  const key = String(issue.path[0] ?? '');
  const given = input[key];
  const message = issue.code === 'invalid_value' && 'values' in issue ? `must be one of ${issue.values.join(', ')}` : issue.message;
  throw new MarsadError(code, display(key), given !== undefined ? `${message}: "${given}"` : message);
}

/**
 * The store filter for parsed parameters; checks that the date range is in order.
 *
 * @example
 * toFilter({ q: 'داعش', type: 'ASSAULT' })  // { groups: [...], eventType: 'ASSAULT' }
 */
export function toFilter(p: z.output<typeof FilterParams>, options: { code?: ErrorCode; display?: (key: string) => string } = {}): RecordFilter {
  // Dates of different precision compare on what both give: from=2024-05 to=2024 is in order.
  const common = Math.min(p.from?.length ?? 0, p.to?.length ?? 0);
  if (p.from && p.to && p.from.slice(0, common) > p.to.slice(0, common)) {
    throw new MarsadError(options.code ?? 'bad-parameter', (options.display ?? ((k) => k))('to'), `the range ends (${p.to}) before it starts (${p.from})`);
  }
  return {
    ...(p.q !== undefined ? { groups: queryGroups(p.q) } : {}),
    ...(p.actor !== undefined ? { actor: p.actor } : {}),
    ...(p.recipient !== undefined ? { recipient: p.recipient } : {}),
    ...(p.place !== undefined ? { place: p.place } : {}),
    ...(p.type !== undefined ? { eventType: p.type } : {}),
    ...(p.topic !== undefined ? { topic: p.topic } : {}),
    ...(p.outlet !== undefined ? { outlet: p.outlet } : {}),
    ...(p.from !== undefined ? { from: p.from } : {}),
    ...(p.to !== undefined ? { to: p.to } : {}),
    ...(p.document !== undefined ? { document: p.document } : {}),
    ...(p.fold !== undefined ? { fold: p.fold } : {}),
    ...(p.minConfidence !== undefined ? { minConfidence: p.minConfidence } : {}),
    ...(p.precision !== undefined ? { precision: p.precision } : {}),
  };
}
