/**
 * The HTTP API as one table: each route's path, what it answers, the zod schema of its query
 * parameters, and the service it calls. The server (app.ts) and the OpenAPI document
 * (openapi.ts) are both made from this table, so the two cannot drift apart.
 */
import { z } from 'zod';
import { MarsadError } from '../errors.js';
import {
  actorNetwork,
  documentRecord,
  entityView,
  figureSeries,
  foldView,
  listDocuments,
  listEntities,
  listEvents,
  listFigures,
  listFolds,
  listPlaces,
  storeStats,
  timeline,
} from '../services/browse.js';
import { cacheKey, perGeneration } from '../services/cache.js';
import { EXPORT_TYPES, exportChunks } from '../services/export.js';
import { publicRecord, publicRun, publicSource, storePathShower } from '../services/paths.js';
import {
  DocumentsParams,
  EntitiesParams,
  EntityParams,
  EventsParams,
  ExportParams,
  FiguresParams,
  FilterParams,
  FoldParams,
  FoldsParams,
  NetworkParams,
  toFilter,
} from '../services/params.js';
import { ReviewsParams, EventReviewBody, MentionReviewBody, listReviews, reviewEvent, reviewMention, reviewedDocument } from '../services/review.js';
import type { Store } from '../store/store.js';
import {
  DocumentViewSchema,
  EntitySummarySchema,
  EntityViewSchema,
  EventRowSchema,
  FigureRowSchema,
  FigureSeriesSchema,
  FoldRowSchema,
  NetworkEdgeSchema,
  PlaceSummarySchema,
  SearchHitSchema,
  StatsViewSchema,
  TimelineBucketSchema,
  pagedSchema,
  searchPageSchema,
  EventReviewAnswerSchema,
  MentionReviewAnswerSchema,
  ReviewSchema,
  ReviewStatusSchema,
} from './schemas.js';

/** Whether and by whom this server takes reviews (app.ts works it out per request). */
export interface ReviewAccess {
  /** Whether the server accepts writes at all. */
  readonly writable: boolean;
  /** Why not, when it does not. */
  readonly reason: string | null;
  /** `serve --reviewer NAME`: the name of writes that carry none. */
  readonly reviewer: string | null;
  /** Whether this request carries the right bearer token. */
  readonly authorized: boolean;
}

/** What a handler gets of the request besides its parameters. */
export interface RequestContext {
  /** A POST's JSON body (parsed; checked by the handler). */
  readonly body: unknown;
  readonly review: ReviewAccess;
}

/** A streamed answer (exports): the media type, a file name, and the text chunks. */
export interface StreamAnswer {
  readonly stream: AsyncGenerator<string>;
  readonly mediaType: string;
  readonly filename: string;
}

export interface Route<Q extends z.ZodObject = z.ZodObject> {
  /** OpenAPI form: `/api/documents/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
  readonly query: Q;
  /** Path parameters, in order of the path. */
  readonly pathParams?: readonly { name: string; description: string }[];
  /** What a 200 holds (OpenAPI `responses.200.description`). */
  readonly answer: string;
  /** Media type of a 200 when it is not JSON. */
  readonly mediaType?: string;
  /** True when an unknown id in the path answers 404. */
  readonly notFound?: boolean;
  /** The schema of a 200's JSON body, for the OpenAPI document; every JSON route has one. */
  readonly response?: z.ZodType;
  /** POST: a write (reviews), answered only with the reviewer token (app.ts checks it). */
  readonly method?: 'POST';
  /** The schema of a POST's JSON body, for the OpenAPI document. */
  readonly body?: z.ZodType;
  readonly handler: (store: Store, query: z.output<Q>, path: Record<string, string>, request: RequestContext) => Promise<unknown>;
}

const route = <Q extends z.ZodObject>(r: Route<Q>): Route => r as unknown as Route;

export const ROUTES: readonly Route[] = [
  route({
    path: '/api/documents',
    tag: 'documents',
    summary: 'Search and filter documents',
    description:
      'Arabic-aware search (stems, clitics, synonyms: "معتقلي" finds "المعتقلين") with filters. With `q`, documents matching every word come first; without, newest first. With `q` and more than 2,000 matches, only the 2,000 most recently stored are ranked and paged (`ranked`). Each hit has a snippet with the matches marked.',
    query: DocumentsParams,
    answer: '{ total, capped?, ranked?, limit, offset, rows: [{ id, title, source, published, snippet, highlights, score, complete, exact }] }',
    response: searchPageSchema(SearchHitSchema),
    handler: async (store, q) => {
      const [page, show] = await Promise.all([listDocuments(store, q), storePathShower(store)]);
      return { ...page, rows: page.rows.map((h) => ({ ...h, source: h.source.path === undefined ? h.source : { ...h.source, path: show(h.source.path) } })) };
    },
  }),
  route({
    path: '/api/documents/{id}',
    tag: 'documents',
    summary: 'One document: its record, sources and near-duplicate story',
    description:
      'The record as `marsad extract` prints it (contract.md), every source it was read from, and its story: the other stored documents that are copies of its text (re-headlined, cut, given a tail), each with its resemblance to the copy it matched; `story` is null when there is no other copy. File paths (`source.path`, `origin`) are shown relative to the folder or file given to `marsad ingest`, never as the server\'s absolute paths.',
    query: FilterParams.pick({}),
    pathParams: [{ name: 'id', description: 'document id (16 hex digits)' }],
    answer: '{ record: DocumentRecord, sources: [{ origin, url, outlet, published }], story: { id, documents: [{ id, title, published, outlet, url, resemblance }] } | null }',
    response: DocumentViewSchema,
    notFound: true,
    handler: async (store, _q, p) => {
      const [{ sources, story }, reviewed, show] = await Promise.all([documentRecord(store, p.id!), reviewedDocument(store, p.id!), storePathShower(store)]);
      // The reviewed record (docs/review.md): corrections applied, rejected events flagged.
      const record = publicRecord(reviewed.record as Parameters<typeof publicRecord>[0], show) as typeof reviewed.record;
      return { record, mentionReviews: reviewed.mentionReviews, sources: sources.map((s) => publicSource(s, show)), story };
    },
  }),
  route({
    path: '/api/events',
    tag: 'events',
    summary: 'Events, filtered, sorted and paged',
    description: 'Each event with the names of its actors and recipients, its place with coordinates, its sentence, trigger and content spans, and its document.',
    query: EventsParams,
    answer: '{ total, limit, offset, rows: [EventRow] }',
    response: pagedSchema(EventRowSchema),
    handler: (store, q) => listEvents(store, q),
  }),
  route({
    path: '/api/folds',
    tag: 'events',
    summary: 'Folded events: one act, many reports',
    description:
      'Events of different articles that tell the same act (same type, compatible actors and recipients, dates that agree at their precision, places the same or nested) folded into one, with the number of documents telling it, every report (document, outlet, sentence) and each outlet\'s own figures side by side. The filters keep folded events with at least one matching report, as /api/events filters events; each report stays reachable as a per-article event (/api/events?fold=ID).',
    query: FoldsParams,
    answer: '{ total, limit, offset, rows: [FoldRow] }',
    response: pagedSchema(FoldRowSchema),
    handler: (store, q) => listFolds(store, q),
  }),
  route({
    path: '/api/folds/{id}',
    tag: 'events',
    summary: 'One folded event with its reports',
    description: 'Its date, place, actors and recipients as its reports give them, the number of documents telling it, each report, and every outlet\'s figures side by side.',
    query: FoldParams,
    pathParams: [{ name: 'id', description: 'folded event id (16 hex digits)' }],
    answer: 'FoldRow',
    response: FoldRowSchema,
    notFound: true,
    handler: (store, _q, p) => foldView(store, p.id!),
  }),
  route({
    path: '/api/entities',
    tag: 'entities',
    summary: 'Entities by type, name or label',
    description: 'Entities most mentioned first, with counts of documents, mentions and events. The filters keep entities named in matching documents.',
    query: EntitiesParams,
    answer: '{ total, limit, offset, rows: [{ id, type, subtype, name, country, geo, documents, mentions, events }] }',
    response: pagedSchema(EntitySummarySchema),
    handler: (store, q) => listEntities(store, q),
  }),
  route({
    path: '/api/entities/{id}',
    tag: 'entities',
    summary: 'One entity: labels by outlet, mentions, events as actor and as recipient, and for a place the events located there',
    description: 'The labels are the words each outlet uses for the entity ("قسد", "قوات سوريا الديمقراطية"), most used first.',
    query: EntityParams,
    pathParams: [{ name: 'id', description: 'entity id, e.g. org:sdf or loc:sy:aleppo' }],
    answer: '{ id, type, name, …, labels, mentionRows, asActor, asRecipient, atPlace, eventsAsActor, eventsAsRecipient, eventsAtPlace, eventsAtPlaceTotal }',
    response: EntityViewSchema,
    notFound: true,
    // Counts over every mention and event of the entity: once per store generation, as the entity list.
    handler: (store, q, p) => perGeneration(store, cacheKey(`entity ${p.id!}`, q), () => entityView(store, p.id!, q)),
  }),
  route({
    path: '/api/places',
    tag: 'map',
    summary: 'Places with coordinates',
    description: 'Places named in matching documents, with the number of documents and of matching events located there.',
    query: FilterParams,
    answer: '{ rows: [{ id, name, subtype, country, geo, documents, events }] }',
    response: z.strictObject({ rows: z.array(PlaceSummarySchema) }),
    handler: (store, q) => listPlaces(store, q),
  }),
  route({
    path: '/api/figures',
    tag: 'figures',
    summary: 'The figures ledger',
    description: 'Each figure with its value or range, qualifier, category, date, source and sentence, newest first.',
    query: FiguresParams,
    answer: '{ total, limit, offset, rows: [FigureRow] }',
    response: pagedSchema(FigureRowSchema),
    handler: (store, q) => listFigures(store, q),
  }),
  route({
    path: '/api/figures/series',
    tag: 'figures',
    summary: 'Figures by category over time and by source',
    description: 'Figures of one unit only are added, a figure told twice in one document counts once, and `sum` is null where adding means nothing (countries, fighters, area, percentages, other). `sum` adds exact values, and the middle of the range of vague amounts ("عشرات" counts 55).',
    query: FilterParams,
    answer: '{ byMonth: [{ period, category, unit, count, sum }], bySource: [{ outlet, category, unit, count, sum }] }',
    response: FigureSeriesSchema,
    handler: (store, q) => figureSeries(store, q),
  }),
  route({
    path: '/api/timeline',
    tag: 'events',
    summary: 'Events per month and type, and per year for events known only to the year',
    description: 'Counts of matching events by the month of their date (their document\'s when they have none); events known only to the year are counted by year (period YYYY). The events of a bar are `precision=month,day` (or `precision=year`) with the same period as from and to.',
    query: FilterParams,
    answer: '{ rows: [{ period, type, count }] }',
    response: z.strictObject({ rows: z.array(TimelineBucketSchema) }),
    handler: (store, q) => timeline(store, q),
  }),
  route({
    path: '/api/network',
    tag: 'events',
    summary: 'Who requests of, accuses or attacks whom',
    description: 'Actor → recipient edges of matching events, by type, most frequent first.',
    query: NetworkParams,
    answer: '{ edges: [{ actor, recipient, type, count }] }',
    response: z.strictObject({ edges: z.array(NetworkEdgeSchema) }),
    handler: (store, q) => actorNetwork(store, q),
  }),
  route({
    path: '/api/stats',
    tag: 'store',
    summary: 'What the store holds',
    description: 'Counts, outlets, the publication range, the last ingest run, and the values the filters can take.',
    query: FilterParams.pick({}),
    answer: '{ documents, entities, …, facets: { eventTypes, topics, outlets, categories, actors, places } }',
    response: StatsViewSchema,
    handler: async (store) => {
      const [stats, show] = await Promise.all([storeStats(store), storePathShower(store)]);
      return { ...stats, lastRun: stats.lastRun ? publicRun(stats.lastRun, show) : null };
    },
  }),
  route({
    path: '/api/review/status',
    tag: 'review',
    summary: 'Whether this server takes reviews, and whether the request\'s token is right',
    description: 'For the web app to show or hide the review controls (docs/review.md). Send `Authorization: Bearer TOKEN` to learn whether the token is right.',
    query: FilterParams.pick({}),
    answer: '{ writable, reason, reviewer, authorized }',
    response: ReviewStatusSchema,
    handler: async (_store, _q, _p, request) => request.review,
  }),
  route({
    path: '/api/documents/{id}/events/{n}/review',
    tag: 'review',
    method: 'POST',
    summary: 'Accept, reject or correct an event',
    description:
      'Needs `Authorization: Bearer TOKEN` (the token `marsad serve` prints). `n` is the event\'s position in the document\'s reviewed events (`record.events` of /api/documents/{id}). A correction names only the corrected fields (type, mode, actor, recipient, date, place, size) and adds to an earlier correction of the event. Reviews are kept with their history; the latest counts.',
    query: FilterParams.pick({}),
    pathParams: [
      { name: 'id', description: 'document id (16 hex digits)' },
      { name: 'n', description: "the event's position in the document's reviewed events" },
    ],
    body: EventReviewBody,
    answer: '{ review: Review, event: ReviewedEvent, index }',
    response: EventReviewAnswerSchema,
    notFound: true,
    handler: (store, _q, p, request) => reviewEvent(store, p.id!, Number(p.n), request.body, request.review.reviewer),
  }),
  route({
    path: '/api/documents/{id}/mentions/review',
    tag: 'review',
    method: 'POST',
    summary: 'Accept, reject or relink an entity mention',
    description: 'Needs `Authorization: Bearer TOKEN`. The mention is named by its span (`start`, `end`, as in `record.entities[i].mentions`); `correct` relinks it to `correction.entity`.',
    query: FilterParams.pick({}),
    pathParams: [{ name: 'id', description: 'document id (16 hex digits)' }],
    body: MentionReviewBody,
    answer: '{ review: Review, mention: MentionReview }',
    response: MentionReviewAnswerSchema,
    notFound: true,
    handler: (store, _q, p, request) => reviewMention(store, p.id!, request.body, request.review.reviewer),
  }),
  route({
    path: '/api/documents/{id}/reviews',
    tag: 'review',
    summary: 'Every review of a document, its history included',
    description: 'Newest first; `current` marks the latest review of each target.',
    query: ReviewsParams,
    pathParams: [{ name: 'id', description: 'document id (16 hex digits)' }],
    answer: '{ total, limit, offset, rows: [Review] }',
    response: pagedSchema(ReviewSchema),
    notFound: true,
    handler: async (store, q, p) => {
      if ((await store.documentState(p.id!)) === null) throw new MarsadError('not-found', p.id!, 'no document with this id');
      return listReviews(store, q, p.id!);
    },
  }),
  route({
    path: '/api/reviews',
    tag: 'review',
    summary: 'All reviews',
    description: 'Newest first: the latest review of each target, or every review with `history=true`; by reviewer, verdict or target kind.',
    query: ReviewsParams,
    answer: '{ total, limit, offset, rows: [Review] }',
    response: pagedSchema(ReviewSchema),
    handler: (store, q) => listReviews(store, q),
  }),
  route({
    path: '/api/export',
    tag: 'export',
    summary: 'Export matching records, events or places',
    description:
      'jsonl: whole records; csv: events with actor and recipient names and coordinates (UTF-8 with BOM, quoted); geojson: places and located events for QGIS; plover: PLOVER JSON Lines with text_info offsets and cite_info; folds: folded events (one act, many reports), one a CSV row with its sources count and each outlet\'s figures; folds-jsonl: folded events with their reports.',
    query: ExportParams,
    answer: 'the export file',
    mediaType: 'application/octet-stream',
    handler: async (store, q): Promise<StreamAnswer> => {
      const { format, ...filter } = q;
      const type = EXPORT_TYPES[format];
      const show = await storePathShower(store);
      return { stream: exportChunks(store, format, toFilter(filter), { mapRecord: (r) => publicRecord(r, show) }), mediaType: type.mediaType, filename: `marsad.${type.extension}` };
    },
  }),
];

/** Whether a handler's answer is a stream. */
export function isStreamAnswer(value: unknown): value is StreamAnswer {
  return typeof value === 'object' && value !== null && 'stream' in value && 'mediaType' in value;
}
