/**
 * What the HTTP API and the web app read: documents, one record, events, entities, places,
 * figures, the timeline, the network and counts. Each function takes parsed parameters
 * (`params.ts`), calls the store, and shapes the answer; routes stay thin.
 */
import type { z } from 'zod';
import { MarsadError } from '../errors.js';
import { placeAndNested } from '../lexicon/gazetteer.js';
import type { DocumentRecord } from '../extract/record.js';
import type { EntityProfile, EventPage, FigurePage, FigureRow, FigureSeries, FoldRow, PlaceSummary, SourceRef, Store, StoreStats, Story, Facets, TimelineBucket } from '../store/store.js';
import { analyzeText } from '../text/analyze.js';
import { cacheKey, perGeneration } from './cache.js';
import type { DocumentsParams, EntitiesParams, EntityParams, EventsParams, FiguresParams, FilterParams, FoldsParams, NetworkParams } from './params.js';
import { toFilter } from './params.js';
import { findDocuments, type SearchHit } from './search.js';

/** A page of results with the paging that produced it. */
export interface Paged<T> {
  readonly total: number;
  /** Search only: more documents match than `total` (the count's cap) says. */
  readonly capped?: boolean;
  /** Search only: only the most recently stored this many matches were ranked, and pages reach only them. */
  readonly ranked?: number;
  readonly limit: number;
  readonly offset: number;
  readonly rows: T[];
}

/**
 * Documents matching filters, with snippets. With search words, `total` counts up to 10,000
 * matches and `capped` says there are more; past 2,000 matches, `ranked` says that only the most
 * recently stored 2,000 were ranked (`SEARCH_RANK_CAP`).
 *
 * @example
 * await listDocuments(store, DocumentsParams.parse({ q: 'داعش' }))  // { total: 5, rows: [...] }
 */
export async function listDocuments(store: Store, p: z.output<typeof DocumentsParams>): Promise<Paged<SearchHit>> {
  const { total, capped, ranked, hits } = await findDocuments(store, toFilter(p), { limit: p.limit, offset: p.offset });
  return { total, ...(capped ? { capped } : {}), ...(ranked ? { ranked } : {}), limit: p.limit, offset: p.offset, rows: hits };
}

/**
 * One stored record, the sources it was read from, and its near-duplicate story (the other
 * copies of its text; null when it has none, or no fingerprint, being too short).
 *
 * @example
 * await documentRecord(store, '1aaea9c16e3a857b')  // { record: {...}, sources: [...], story: { id, documents: [...] } | null }
 * @throws MarsadError `not-found` for an unknown id.
 */
export async function documentRecord(store: Store, id: string): Promise<{ record: DocumentRecord; sources: SourceRef[]; story: Story | null }> {
  const record = await store.getDocument(id);
  if (!record) throw new MarsadError('not-found', id, 'no document with this id');
  const [sources, story] = await Promise.all([store.sources(id), store.story(id)]);
  return { record, sources, story: story && story.documents.length > 1 ? story : null };
}

/**
 * Events matching filters, sorted and paged.
 *
 * @example
 * await listEvents(store, EventsParams.parse({ type: 'ASSAULT', sort: 'date' }))
 */
export async function listEvents(store: Store, p: z.output<typeof EventsParams>): Promise<Paged<EventPage['rows'][number]>> {
  const page = await store.events({ filter: toFilter(p), sort: p.sort, limit: p.limit, offset: p.offset });
  return { total: page.total, limit: p.limit, offset: p.offset, rows: page.rows };
}

/**
 * Folded events (one act, many reports) with a report matching the filters, each with its
 * sources count, reports and every outlet's figures.
 *
 * @example
 * await listFolds(store, FoldsParams.parse({ type: 'ASSAULT', minSources: '2' }))
 */
export async function listFolds(store: Store, p: z.output<typeof FoldsParams>): Promise<Paged<FoldRow>> {
  const { sort, limit, offset, minSources, figures, ...filterParams } = p;
  const page = await store.folds({
    filter: toFilter(filterParams),
    sort,
    limit,
    offset,
    ...(minSources > 1 ? { minSources } : {}),
    ...(figures !== undefined ? { figures: figures === 'any' ? true : figures } : {}),
  });
  return { total: page.total, limit, offset, rows: page.rows };
}

/**
 * One folded event with its reports.
 *
 * @example
 * await foldView(store, 'd2572589821dda1f')  // { id, sources: 3, figures: [{ category: 'killed', reports: [...] }], members: [...] }
 * @throws MarsadError `not-found` for an unknown id.
 */
export async function foldView(store: Store, id: string): Promise<FoldRow> {
  const fold = await store.fold(id);
  if (!fold) throw new MarsadError('not-found', id, 'no folded event with this id');
  return fold;
}

/**
 * Entities by type, name or label, most mentioned first. Computed once per store generation
 * (`cache.ts`), as are the places, the network, the figure series, the timeline and the stats.
 *
 * @example
 * await listEntities(store, EntitiesParams.parse({ name: 'قسد' }))
 */
export async function listEntities(store: Store, p: z.output<typeof EntitiesParams>) {
  return perGeneration(store, cacheKey('entities', p), () => entitiesOf(store, p));
}

async function entitiesOf(store: Store, p: z.output<typeof EntitiesParams>) {
  const { entityType, name, limit, offset, ...filterParams } = p;
  const filter = toFilter(filterParams);
  const page = await store.entities({
    limit,
    offset,
    ...(entityType ? { type: entityType } : {}),
    ...(name ? { name } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
  });
  return { total: page.total, limit, offset, rows: page.rows };
}

export interface EntityView extends EntityProfile {
  /** Its events as actor and as recipient, newest first. */
  readonly eventsAsActor: EventPage['rows'];
  readonly eventsAsRecipient: EventPage['rows'];
  /**
   * For a place: the events located at it or at a place the gazetteer nests in it, newest first
   * (at most `events`), and how many there are in all. Empty and 0 for other entities.
   */
  readonly eventsAtPlace: EventPage['rows'];
  readonly eventsAtPlaceTotal: number;
}

/**
 * One entity: names, counts, the labels each outlet uses, mentions, its events in both roles,
 * and for a place the events located there (or in the places nested in it).
 *
 * @example
 * await entityView(store, 'org:sdf', EntityParams.parse({}))
 * @throws MarsadError `not-found` when no document names the entity.
 */
export async function entityView(store: Store, id: string, p: z.output<typeof EntityParams>): Promise<EntityView> {
  const profile = await store.entity(id, p.mentions);
  if (!profile) throw new MarsadError('not-found', id, 'no stored document names this entity');
  const [asActor, asRecipient] = await Promise.all(
    (['actor', 'recipient'] as const).map((role) => store.events({ filter: { [role]: id }, sort: '-date', limit: p.events, offset: 0 })),
  );
  const atPlace = profile.type === 'LOC' ? await store.events({ filter: { places: placeAndNested(id) }, sort: '-date', limit: p.events, offset: 0 }) : null;
  return {
    ...profile,
    eventsAsActor: asActor!.rows,
    eventsAsRecipient: asRecipient!.rows,
    eventsAtPlace: atPlace?.rows ?? [],
    eventsAtPlaceTotal: atPlace?.total ?? 0,
  };
}

/**
 * Gives every figure its sentence: the sentence of the event citing it when that holds the
 * figure, else the sentence of the text that holds it (found by the text layer's splitter). An
 * event told in several sentences cites figures outside its first one (issue 15).
 */
async function withSentences(store: Store, rows: FigureRow[]): Promise<FigureRow[]> {
  const holds = (r: FigureRow) => r.sentence !== null && r.sentence.start <= r.span.start && r.span.end <= r.sentence.end;
  const missing = rows.filter((r) => !holds(r));
  if (missing.length === 0) return rows;
  const texts = await store.documentTexts(missing.map((r) => r.document.id));
  const sentences = new Map<string, readonly { start: number; end: number }[]>();
  return rows.map((r) => {
    if (holds(r)) return r;
    const text = texts.get(r.document.id);
    if (text === undefined) return r;
    let list = sentences.get(r.document.id);
    if (!list) sentences.set(r.document.id, (list = analyzeText(text).sentences));
    const s = list!.find((x) => x.start <= r.span.start && r.span.start < x.end);
    return s ? { ...r, sentence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) } } : r;
  });
}

/**
 * The figures ledger: each figure with its source, date, qualifier and sentence.
 *
 * @example
 * await listFigures(store, FiguresParams.parse({ category: 'displaced' }))
 */
export async function listFigures(store: Store, p: z.output<typeof FiguresParams>): Promise<Paged<FigureRow>> {
  const { category, limit, offset, ...filterParams } = p;
  const page: FigurePage = await store.figures({ filter: toFilter(filterParams), limit, offset, ...(category ? { category } : {}) });
  return { total: page.total, limit, offset, rows: await withSentences(store, page.rows) };
}

/**
 * The actor network: who requests of, accuses or attacks whom.
 *
 * @example
 * await actorNetwork(store, NetworkParams.parse({ type: 'REQUEST' }))
 */
export async function actorNetwork(store: Store, p: z.output<typeof NetworkParams>): Promise<{ edges: Awaited<ReturnType<Store['network']>> }> {
  const { limit, ...filterParams } = p;
  return perGeneration(store, cacheKey('network', p), async () => ({ edges: await store.network(toFilter(filterParams), limit) }));
}

/**
 * Places with coordinates in matching documents, for the map.
 *
 * @example
 * await listPlaces(store, FilterParams.parse({ type: 'ASSAULT' }))  // { rows: [{ id: 'loc:sy:aleppo', documents: 12, events: 7, … }] }
 */
export async function listPlaces(store: Store, p: z.output<typeof FilterParams>): Promise<{ rows: PlaceSummary[] }> {
  return perGeneration(store, cacheKey('places', p), async () => ({ rows: await store.places(toFilter(p)) }));
}

/**
 * Figures summed by month and by source.
 *
 * @example
 * await figureSeries(store, FilterParams.parse({}))  // { byMonth: [...], bySource: [...] }
 */
export async function figureSeries(store: Store, p: z.output<typeof FilterParams>): Promise<FigureSeries> {
  return perGeneration(store, cacheKey('figures/series', p), () => store.figureSeries(toFilter(p)));
}

/**
 * Events per month (or year) and type.
 *
 * @example
 * await timeline(store, FilterParams.parse({ actor: 'org:sdf' }))  // { rows: [{ period: '2024-11', type: 'ASSAULT', count: 3 }] }
 */
export async function timeline(store: Store, p: z.output<typeof FilterParams>): Promise<{ rows: TimelineBucket[] }> {
  return perGeneration(store, cacheKey('timeline', p), async () => ({ rows: await store.timeline(toFilter(p)) }));
}

export interface StatsView extends StoreStats {
  readonly facets: Facets;
}

/**
 * What the store holds, and the values the filter menus offer.
 *
 * @example
 * (await storeStats(store)).documents  // 12
 */
export async function storeStats(store: Store): Promise<StatsView> {
  return perGeneration(store, 'stats', async () => {
    const [stats, facets] = await Promise.all([store.stats(), store.facets()]);
    return { ...stats, facets };
  });
}
