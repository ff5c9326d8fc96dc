/**
 * The read side of the PostgreSQL store: the same queries as the SQLite store's
 * (`../sqlite/queries.ts`, `../sqlite/fold-queries.ts`), with the same answers, in PostgreSQL.
 * Rows are made whole by the engine-neutral pieces those modules export (`assembleEvents`,
 * `assembleFolds` …), so the two stores differ only in SQL.
 *
 * Parameters are positional (`$n`, from `Params.add`); lists travel as one array parameter
 * (`= ANY($n::text[])`). Search reads the `search` tsvector (Marsad's own terms) through a
 * tsquery made of the same terms (`tsQuery`).
 */
import type { Pool, PoolClient } from 'pg';
import type { Span } from '../../extract/record.js';
import { groupTerms } from '../../text/search-terms.js';
import { assembleFolds, FOLD_COLUMNS, FOLD_SORTS, membersByFold, unplacedFolds, type FoldRowData } from '../sqlite/fold-queries.js';
import { assembleEvents, dateBounds, dateRangeSql, SORTS, toGeo, whereClause, type EntityAttrs, type EventDbRow } from '../sqlite/queries.js';
import { PEOPLE_CATEGORIES, summable } from '../sums.js';
import type {
  DocumentQuery,
  DocumentRef,
  EntityPage,
  EntityProfile,
  EntityQuery,
  EntityRef,
  EntitySummary,
  EventPage,
  EventQuery,
  EventRow,
  Facets,
  FigurePage,
  FigureQuery,
  FigureRow,
  FigureSeries,
  FoldPage,
  FoldQuery,
  FoldRow,
  NetworkEdge,
  PlaceSummary,
  RecordFilter,
  SearchResult,
  SearchRow,
  TimelineBucket,
} from '../store.js';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CAP } from '../store.js';

export type Db = Pool | PoolClient;

/** Positional parameters of one statement. */
export class Params {
  readonly values: unknown[] = [];
  /** The placeholder of a new parameter holding `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

async function all<T>(db: Db, sql: string, p: Params | unknown[] = []): Promise<T[]> {
  return (await db.query(sql, Array.isArray(p) ? p : p.values)).rows as T[];
}

/** Totals kept per connection pool: by statement and parameters, with the generation they were counted at. */
const totals = new WeakMap<Db, Map<string, { readonly generation: number; readonly n: number }>>();
/** Totals kept per store, the least recently used dropped first (as `CACHE_ENTRIES` in services/cache.ts). */
const TOTALS_KEPT = 256;

/**
 * The `n` of a counting statement (or of another statement whose one number only a write can
 * change, such as a search's candidate floor), counted once per store generation (`Store.generation`, which
 * every write raises in its own transaction) and reused until a write moves it: PostgreSQL
 * counts rows one by one (an index-only scan of 190,000 events took 20–30 ms here), so the
 * total beside a page of 20 cost more than the page. The generation is read first, as
 * `perGeneration` (services/cache.ts) does: a total counted while a write lands is kept under
 * the older generation, and counted again at the next request.
 */
async function countOnce(db: Db, sql: string, p: Params | unknown[]): Promise<number> {
  const values = Array.isArray(p) ? p : p.values;
  const [g] = await all<{ value: number }>(db, 'SELECT value FROM store_generation WHERE id = 1');
  const generation = g?.value ?? -1;
  let kept = totals.get(db);
  if (!kept) totals.set(db, (kept = new Map()));
  const key = `${sql}\u0000${JSON.stringify(values)}`;
  const hit = kept.get(key);
  kept.delete(key);
  if (hit && hit.generation === generation) {
    kept.set(key, hit);
    return hit.n;
  }
  const [row] = await all<{ n: number }>(db, sql, values);
  kept.set(key, { generation, n: row!.n });
  while (kept.size > TOTALS_KEPT) kept.delete(kept.keys().next().value!);
  return row!.n;
}

/**
 * A tsquery literal made of Marsad's terms: alternatives joined by `|`, groups by `join`. Each
 * term is a quoted lexeme, so PostgreSQL neither splits nor stems it (the index holds the same
 * terms, `tsVector` in pg-store.ts).
 */
export function tsQuery(groups: readonly (readonly string[])[], join: '&' | '|'): string {
  return groups.map((g) => '(' + g.map(lexeme).join(' | ') + ')').join(` ${join} `);
}

/** A term as a quoted tsvector/tsquery lexeme: quotes and backslashes escaped. */
export function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * SQL keeping rows whose partial ISO date `column` overlaps [from, to]: "2024-11" overlaps
 * from=2024-11-15 (it is compared on its own length), "2024-12" does not overlap to=2024-11-30.
 * Plain comparisons an index serves (`dateRangeSql` in the SQLite queries says why they keep
 * the same rows); parameters are text so that they compare in the column's collation ("C").
 */
function dateRange(column: string, f: RecordFilter, p: Params): string[] {
  return dateRangeSql(column, f, (value) => `${p.add(value)}::text`);
}

function searchGroups(f: RecordFilter) {
  return (f.groups ?? []).filter((g) => g.terms.length > 0);
}

/** Conditions every document-level query shares (alias `d`); the date range is the caller's. */
function documentScope(f: RecordFilter, p: Params, words: 'all' | 'none'): string[] {
  const where: string[] = [];
  const groups = searchGroups(f);
  if (words === 'all' && groups.length) where.push(`d.search @@ ${p.add(tsQuery(groups.map(groupTerms), '&'))}::tsquery`);
  if (f.outlet !== undefined) {
    // One list from two indexes: written as an OR of the two, the planner read every document.
    const outlet = p.add(f.outlet);
    where.push(`d.id IN (SELECT id FROM documents WHERE outlet = ${outlet} UNION SELECT document_id FROM document_sources WHERE outlet = ${outlet})`);
  }
  if (f.document !== undefined) where.push(`d.id = ${p.add(f.document)}`);
  return where;
}

/** How precisely a partial ISO date column is known: 'year', 'month' or 'day'; NULL when undated. */
const datePrecision = (column: string) => `CASE length(${column}) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END`;

/** Document filters (see RecordFilter): mentions for actor/place, events for the rest. */
function documentConditions(f: RecordFilter, p: Params, words: 'all' | 'none', dates = true): string[] {
  const where = documentScope(f, p, words);
  if (f.actor !== undefined) where.push(`d.id IN (SELECT document_id FROM entities WHERE entity_id = ${p.add(f.actor)})`);
  if (f.place !== undefined) where.push(`d.id IN (SELECT document_id FROM entities WHERE entity_id = ${p.add(f.place)})`);
  if (f.places !== undefined) where.push(`d.id IN (SELECT document_id FROM entities WHERE entity_id = ANY(${p.add(f.places)}::text[]))`);
  if (f.recipient !== undefined) where.push(`d.id IN (SELECT document_id FROM event_arguments WHERE entity_id = ${p.add(f.recipient)} AND role = 'recipient')`);
  if (f.eventType !== undefined || f.minConfidence !== undefined || f.precision !== undefined) {
    // One event of the type, at the confidence and dated so precisely.
    const conditions: string[] = [];
    if (f.eventType !== undefined) conditions.push(`type = ${p.add(f.eventType)}`);
    if (f.minConfidence !== undefined) conditions.push(`confidence >= ${p.add(f.minConfidence)}`);
    if (f.precision !== undefined) conditions.push(`${datePrecision('sort_date')} = ANY(${p.add(f.precision)}::text[])`);
    where.push(`d.id IN (SELECT document_id FROM events WHERE ${conditions.join(' AND ')})`);
  }
  if (f.topic !== undefined) where.push(`d.id IN (SELECT document_id FROM event_topics WHERE topic = ${p.add(f.topic)})`);
  if (f.fold !== undefined) where.push(`d.id IN (SELECT document_id FROM events WHERE fold_id = ${p.add(f.fold)})`);
  if (dates) where.push(...dateRange('d.published', f, p));
  return where;
}

/** An event's date, else its document's publication date (stored on the event row). */
const EVENT_DATE = 'e.sort_date';

/** Event filters (aliases `e`, `d`): roles for actor/recipient, the event's place and date. */
function eventConditions(f: RecordFilter, p: Params): string[] {
  const where = documentScope(f, p, 'all');
  const role = (entity: string, r: 'actor' | 'recipient') =>
    `EXISTS (SELECT 1 FROM event_arguments a WHERE a.document_id = e.document_id AND a.event_idx = e.idx AND a.entity_id = ${p.add(entity)} AND a.role = '${r}')`;
  if (f.actor !== undefined) where.push(role(f.actor, 'actor'));
  if (f.recipient !== undefined) where.push(role(f.recipient, 'recipient'));
  if (f.place !== undefined) where.push(`e.place = ${p.add(f.place)}`);
  if (f.places !== undefined) where.push(`e.place = ANY(${p.add(f.places)}::text[])`);
  if (f.eventType !== undefined) where.push(`e.type = ${p.add(f.eventType)}`);
  if (f.minConfidence !== undefined) where.push(`e.confidence >= ${p.add(f.minConfidence)}`);
  if (f.precision !== undefined) where.push(`${datePrecision(EVENT_DATE)} = ANY(${p.add(f.precision)}::text[])`);
  if (f.topic !== undefined) where.push(`EXISTS (SELECT 1 FROM event_topics t WHERE t.document_id = e.document_id AND t.event_idx = e.idx AND t.topic = ${p.add(f.topic)})`);
  if (f.fold !== undefined) where.push(`e.fold_id = ${p.add(f.fold)}`);
  where.push(...dateRange(EVENT_DATE, f, p));
  return where;
}

interface DocRow {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  path: string | null;
  text: string;
  rank: number;
  complete: boolean;
  exact: boolean;
}

function toSearchRow(r: DocRow): SearchRow {
  return {
    id: r.id,
    title: r.title,
    published: r.published,
    source: { ...(r.path ? { path: r.path } : {}), ...(r.url ? { url: r.url } : {}), outlet: r.outlet },
    text: r.text,
    score: Math.round(r.rank * 1000) / 1000,
    complete: r.complete,
    exact: r.exact,
  };
}

/**
 * ts_rank's weights, {D, C, B, A} (each at most 1): a title term (A) counts three times a body
 * term (D), as SQLite's BM25 weighs them. Normalisation 1 divides by 1 + log(length), as BM25
 * favours short matches.
 */
const RANK = `ts_rank('{0.3333, 0, 0, 1}', d.search, q.any, 1)`;

/**
 * Documents matching a filter. With search words: documents matching at least one word, in
 * tiers (every word as typed, every word with synonyms, some words), then by rank (title
 * weighted 3×). Past `SEARCH_RANK_CAP` matches, only the most recently stored that many (the
 * highest `seq`) are ranked. Without search words: newest first.
 */
export async function queryDocuments(db: Db, query: DocumentQuery): Promise<SearchResult> {
  const p = new Params();
  const where = documentConditions(query.filter, p, 'none');
  const groups = searchGroups(query.filter);
  if (groups.length === 0) {
    if (query.filter.groups !== undefined) return { total: 0, rows: [] };
    const total = await countOnce(db, `SELECT count(*)::int AS n FROM documents d ${whereClause(where)}`, p);
    const rows = await all<DocRow>(
      db,
      `SELECT d.id, d.title, d.published, d.outlet, d.url, d.path, d.text, 0 AS rank, false AS complete, false AS exact
       FROM documents d ${whereClause(where)}
       ORDER BY d.published DESC NULLS LAST, d.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p,
    );
    return { total, rows: rows.map(toSearchRow) };
  }
  const withSynonyms = groups.map(groupTerms);
  const [anyQuery, everyQuery, exactQuery] = [tsQuery(withSynonyms, '|'), tsQuery(withSynonyms, '&'), tsQuery(groups.map((g) => g.terms), '&')];
  const any = p.add(anyQuery);
  const every = p.add(everyQuery);
  const exact = p.add(exactQuery);
  const from = `FROM documents d, (SELECT ${any}::tsquery AS any, ${every}::tsquery AS every, ${exact}::tsquery AS exact) q`;
  const matching = ['d.search @@ q.any', ...where].join(' AND ');
  // Counted up to the cap: past it, "10,000+" is all a reader needs, and counting stops there.
  const counted = await countOnce(db, `SELECT count(*)::int AS n FROM (SELECT 1 ${from} WHERE ${matching} LIMIT ${SEARCH_COUNT_CAP + 1}) c`, p);
  // Past the rank cap, the candidates are the newest SEARCH_RANK_CAP matches: the GIN index
  // gives every match, and the floor is the `seq` of the last of the newest ones. Reading every
  // match's row costs as the count does, so the floor is found once per store generation too;
  // the ranking then reads the matches from the floor up.
  const limited = counted > SEARCH_RANK_CAP;
  const floor = limited
    ? await countOnce(db, `SELECT d.seq AS n ${from} WHERE ${matching} ORDER BY d.seq DESC LIMIT 1 OFFSET ${SEARCH_RANK_CAP - 1}`, p)
    : null;
  const filtered = floor === null ? matching : `${matching} AND d.seq >= ${p.add(floor)}`;
  // Tiers: every word as typed, then every word with synonyms, then some words. A tier whose
  // query is the same as the match's (one word without synonyms) holds every match.
  const tier = (query: string, name: 'every' | 'exact') => (query === anyQuery ? 'true' : `d.search @@ q.${name}`);
  const rows = await all<DocRow>(
    db,
    // The page is ranked on narrow rows (id, rank, tiers); texts are read for it only.
    `WITH page AS (
       SELECT d.id, ${RANK} AS rank, ${tier(everyQuery, 'every')} AS complete, ${tier(exactQuery, 'exact')} AS exact
       ${from} WHERE ${filtered}
       ORDER BY exact DESC, complete DESC, rank DESC, d.id ASC
       LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)})
     SELECT d.id, d.title, d.published, d.outlet, d.url, d.path, d.text, page.rank, page.complete, page.exact
     FROM page JOIN documents d ON d.id = page.id
     ORDER BY page.exact DESC, page.complete DESC, page.rank DESC, page.id ASC`,
    p,
  );
  return {
    total: Math.min(counted, SEARCH_COUNT_CAP),
    ...(counted > SEARCH_COUNT_CAP ? { capped: true } : {}),
    ...(limited ? { ranked: SEARCH_RANK_CAP } : {}),
    rows: rows.map(toSearchRow),
  };
}

/** The texts of the given documents. */
export async function documentTexts(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await all<{ id: string; text: string }>(db, 'SELECT id, text FROM documents WHERE id = ANY($1::text[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.text]));
}

const ENTITY_ATTRS = 'entity_id, type, subtype, name_ar, name_en, country, lat, lon, geo_precision, pcode';

/** Per entity id, the attributes most documents give it (documents may disagree on a name). */
async function canonicalEntities(db: Db, ids: readonly string[]): Promise<Map<string, EntityAttrs>> {
  const rows = await all<EntityAttrs>(
    db,
    `SELECT ${ENTITY_ATTRS}, count(*) AS n FROM entities WHERE entity_id = ANY($1::text[])
     GROUP BY ${ENTITY_ATTRS} ORDER BY n DESC, name_ar`,
    [[...new Set(ids)]],
  );
  const best = new Map<string, EntityAttrs>();
  for (const r of rows) if (!best.has(r.entity_id)) best.set(r.entity_id, r);
  return best;
}

/** The columns of an events row as `assembleEvents` reads them (JSON columns as text). */
const EVENT_COLUMNS = `e.document_id, e.idx, e.event_id, e.type, e.mode, e.place, e.date_value, e.date_precision, e.modality,
  e.topics::text AS topics, e.contexts::text AS contexts, e.quantities::text AS quantities, e.sentence_start, e.sentence_end,
  e.trigger_start, e.trigger_end, e.trigger_text, e.content_start, e.content_end, e.confidence, e.rule, e.size::text AS size,
  e.fold_id, f.sources AS fold_sources, e.review::text AS review, d.title, d.published, d.outlet, d.url`;

/** Events by key (document and position), whole, in the order given. */
async function eventsByKey(db: Db, keys: readonly { document_id: string; idx: number }[]): Promise<EventRow[]> {
  if (keys.length === 0) return [];
  const rows = await all<EventDbRow>(
    db,
    `SELECT ${EVENT_COLUMNS}
     FROM unnest($1::text[], $2::int[]) AS k(document_id, idx)
     JOIN events e ON e.document_id = k.document_id AND e.idx = k.idx
     JOIN documents d ON d.id = e.document_id LEFT JOIN folds f ON f.id = e.fold_id`,
    [keys.map((k) => k.document_id), keys.map((k) => k.idx)],
  );
  const byKey = new Map(rows.map((r) => [`${r.document_id}#${r.idx}`, r]));
  const ordered = keys.map((k) => byKey.get(`${k.document_id}#${k.idx}`)!);
  const docs = [...new Set(ordered.map((r) => r.document_id))];
  const [texts, args, entities, mentions] = await Promise.all([
    documentTexts(db, docs),
    all<{ document_id: string; event_idx: number; role: 'actor' | 'recipient'; entity_id: string }>(
      db,
      'SELECT document_id, event_idx, role, entity_id FROM event_arguments WHERE document_id = ANY($1::text[]) ORDER BY document_id, event_idx, role, position',
      [docs],
    ),
    all<EntityAttrs & { document_id: string; idx: number }>(
      db,
      `SELECT document_id, idx, ${ENTITY_ATTRS} FROM entities WHERE document_id = ANY($1::text[]) ORDER BY document_id, idx`,
      [docs],
    ),
    all<{ document_id: string; entity_idx: number; start: number; end: number }>(
      db,
      'SELECT document_id, entity_idx, start, "end" FROM mentions WHERE document_id = ANY($1::text[]) ORDER BY document_id, start',
      [docs],
    ),
  ]);
  return assembleEvents(ordered, { texts, args, entities, mentions });
}

/**
 * Events matching a filter, sorted, one page, then those rows whole: as the SQLite store finds
 * them (`queryEvents` in ../sqlite/queries.ts says why). Filters on the events' own columns:
 * the total counted on its own, and a page sorted by date found from the date index (the date
 * of the page's last row, read down the index, then only the events dated so or later sorted;
 * `IS NOT NULL` lets a descending scan of an ascending index serve it). Other filters: one pass
 * with the total riding along.
 */
export async function queryEvents(db: Db, query: EventQuery): Promise<EventPage> {
  const p = new Params();
  const conditions = eventConditions(query.filter, p);
  const where = whereClause(conditions);
  // The documents are joined only when a condition or the sort reads them.
  const needsDocuments = conditions.some((c) => /\bd\./.test(c)) || query.sort.endsWith('published');
  const from = needsDocuments ? 'FROM events e JOIN documents d ON d.id = e.document_id' : 'FROM events e';
  if (!conditions.some((c) => /\bSELECT\b/.test(c))) {
    const total = await countOnce(db, `SELECT count(*)::int AS n ${from} ${where}`, p);
    if (total <= query.offset) return { total, rows: [] };
    const want = query.offset + query.limit;
    const page = new Params();
    const filter = eventConditions(query.filter, page);
    if ((query.sort === 'date' || query.sort === '-date') && want < total) {
      const down = query.sort === '-date';
      const [boundary] = await all<{ date: string }>(
        db,
        `SELECT ${EVENT_DATE} AS date ${from} ${whereClause([...conditions, `${EVENT_DATE} IS NOT NULL`])}
         ORDER BY ${EVENT_DATE} ${down ? 'DESC' : 'ASC'} LIMIT 1 OFFSET ${p.add(want - 1)}`,
        p,
      );
      if (boundary) filter.push(`${EVENT_DATE} ${down ? '>=' : '<='} ${page.add(boundary.date)}::text`);
    }
    const keys = await all<{ document_id: string; idx: number }>(
      db,
      `SELECT e.document_id, e.idx ${from} ${whereClause(filter)}
       ORDER BY ${SORTS[query.sort]}, e.document_id, e.idx LIMIT ${page.add(query.limit)} OFFSET ${page.add(query.offset)}`,
      page,
    );
    return { total, rows: await eventsByKey(db, keys) };
  }
  const keys = await all<{ document_id: string; idx: number; total: number }>(
    db,
    `SELECT e.document_id, e.idx, count(*) OVER ()::int AS total ${from} ${where}
     ORDER BY ${SORTS[query.sort]}, e.document_id, e.idx LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
    p,
  );
  const total = keys[0]?.total ?? (await all<{ n: number }>(db, `SELECT count(*)::int AS n ${from} ${where}`, p.values.slice(0, -2)))[0]!.n;
  return { total, rows: await eventsByKey(db, keys) };
}

/** Counts per entity id: documents and mentions, and events naming it or located at it. */
async function entityCounts(db: Db, ids: readonly string[]): Promise<Map<string, { documents: number; mentions: number; events: number }>> {
  const list = [...new Set(ids)];
  const counts = new Map(ids.map((id) => [id, { documents: 0, mentions: 0, events: 0 }]));
  for (const r of await all<{ id: string; documents: number; mentions: number }>(
    db,
    `SELECT en.entity_id AS id, count(DISTINCT en.document_id)::int AS documents, count(m.document_id)::int AS mentions
     FROM entities en LEFT JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
     WHERE en.entity_id = ANY($1::text[]) GROUP BY en.entity_id`,
    [list],
  )) {
    Object.assign(counts.get(r.id)!, { documents: r.documents, mentions: r.mentions });
  }
  for (const r of await all<{ id: string; events: number }>(
    db,
    `SELECT id, count(*)::int AS events FROM (
       SELECT DISTINCT entity_id AS id, document_id, event_idx FROM event_arguments WHERE entity_id = ANY($1::text[])
       UNION
       SELECT place AS id, document_id, idx FROM events WHERE place = ANY($1::text[])
     ) x GROUP BY id`,
    [list],
  )) {
    counts.get(r.id)!.events = r.events;
  }
  return counts;
}

async function summaries(db: Db, ids: string[]): Promise<EntitySummary[]> {
  const [attrs, counts] = await Promise.all([canonicalEntities(db, ids), entityCounts(db, ids)]);
  return ids.flatMap((id) => {
    const a = attrs.get(id);
    if (!a) return [];
    return [{ id, type: a.type, subtype: a.subtype, name: { ar: a.name_ar, en: a.name_en }, country: a.country, geo: toGeo(a), ...counts.get(id)! }];
  });
}

/**
 * Entities, most documents first; by type, part of a name or label (ILIKE '%…%', served by the
 * trigram indexes), and document filter.
 */
export async function queryEntities(db: Db, query: EntityQuery): Promise<EntityPage> {
  const p = new Params();
  const where: string[] = [];
  if (query.type) where.push(`en.type = ${p.add(query.type)}`);
  if (query.name) {
    const name = p.add(`%${query.name.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    where.push(
      `(en.name_ar ILIKE ${name} OR en.name_en ILIKE ${name}
        OR EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = en.document_id AND m.entity_idx = en.idx AND m.text ILIKE ${name}))`,
    );
  }
  if (query.filter) {
    const docs = documentConditions(query.filter, p, 'all');
    if (docs.length) where.push(`en.document_id IN (SELECT d.id FROM documents d WHERE ${docs.join(' AND ')})`);
  }
  const grouped = `SELECT en.entity_id AS id, count(DISTINCT en.document_id) AS n FROM entities en ${whereClause(where)} GROUP BY en.entity_id`;
  const [count] = await all<{ n: number }>(db, `SELECT count(*)::int AS n FROM (${grouped}) g`, p);
  const ids = (await all<{ id: string }>(db, `${grouped} ORDER BY n DESC, id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`, p)).map((r) => r.id);
  return { total: count!.n, rows: await summaries(db, ids) };
}

/** One entity across the store: names, counts, the labels each outlet uses, its mentions. */
export async function queryEntity(db: Db, id: string, mentionLimit: number): Promise<EntityProfile | null> {
  const [summary] = await summaries(db, [id]);
  if (!summary) return null;
  const labels = await all<{ outlet: string | null; label: string; count: number }>(
    db,
    `SELECT d.outlet AS outlet, m.text AS label, count(*)::int AS count
     FROM entities en JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
     JOIN documents d ON d.id = en.document_id
     WHERE en.entity_id = $1 GROUP BY d.outlet, m.text ORDER BY count DESC, d.outlet IS NULL, d.outlet, label`,
    [id],
  );
  const mentionRows = (
    await all<DocumentRef & Span>(
      db,
      `SELECT d.id, d.title, d.published, d.outlet, d.url, m.start, m."end", m.text
       FROM entities en JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
       JOIN documents d ON d.id = en.document_id
       WHERE en.entity_id = $1 ORDER BY d.published IS NULL, d.published DESC, d.id, m.start LIMIT $2`,
      [id, mentionLimit],
    )
  ).map((r) => ({
    document: { id: r.id, title: r.title, published: r.published, outlet: r.outlet, url: r.url },
    span: { start: r.start, end: r.end, text: r.text },
  }));
  const roles = await all<{ role: 'actor' | 'recipient'; n: number }>(
    db,
    'SELECT role, count(DISTINCT (document_id, event_idx))::int AS n FROM event_arguments WHERE entity_id = $1 GROUP BY role',
    [id],
  );
  const role = (r: string) => roles.find((x) => x.role === r)?.n ?? 0;
  const [at] = await all<{ n: number }>(db, 'SELECT count(*)::int AS n FROM events WHERE place = $1', [id]);
  return { ...summary, labels, mentionRows, asActor: role('actor'), asRecipient: role('recipient'), atPlace: at!.n };
}

/** Places with coordinates in the documents matching a filter. */
export async function queryPlaces(db: Db, filter: RecordFilter): Promise<PlaceSummary[]> {
  const p = new Params();
  const docs = documentConditions(filter, p, 'all');
  const rows = await all<{ id: string; documents: number }>(
    db,
    `SELECT en.entity_id AS id, count(DISTINCT en.document_id)::int AS documents
     FROM entities en JOIN documents d ON d.id = en.document_id
     WHERE en.type = 'LOC' AND en.lat IS NOT NULL ${docs.length ? 'AND ' + docs.join(' AND ') : ''}
     GROUP BY en.entity_id ORDER BY documents DESC, id`,
    p,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attrs = await canonicalEntities(db, ids);
  const ep = new Params();
  const ev = eventConditions(filter, ep);
  const events = new Map(
    (
      await all<{ id: string; n: number }>(
        db,
        `SELECT e.place AS id, count(*)::int AS n FROM events e JOIN documents d ON d.id = e.document_id
         WHERE e.place = ANY(${ep.add(ids)}::text[]) ${ev.length ? 'AND ' + ev.join(' AND ') : ''} GROUP BY e.place`,
        ep,
      )
    ).map((r) => [r.id, r.n]),
  );
  return rows.flatMap((r) => {
    const a = attrs.get(r.id);
    const geo = a ? toGeo(a) : null;
    if (!a || !geo) return [];
    return [{ id: r.id, name: { ar: a.name_ar, en: a.name_en }, subtype: a.subtype, country: a.country, geo, documents: r.documents, events: events.get(r.id) ?? 0 }];
  });
}

/** Joins a figure to the first event citing it; its date is that event's, else its document's. */
const FIGURE_FROM = `FROM quantities q JOIN documents d ON d.id = q.document_id
  LEFT JOIN events ev ON ev.document_id = q.document_id AND ev.idx =
    (SELECT min(eq.event_idx) FROM event_quantities eq WHERE eq.document_id = q.document_id AND eq.quantity_idx = q.idx)`;
const FIGURE_DATE = 'coalesce(ev.date_value, d.published)';
/** The citing event's sentence, only when it holds the figure (see ../sqlite/queries.ts). */
const FIGURE_SENTENCE = `CASE WHEN ev.sentence_start <= q.start AND q."end" <= ev.sentence_end THEN ev.sentence_start END AS sentence_start,
  CASE WHEN ev.sentence_start <= q.start AND q."end" <= ev.sentence_end THEN ev.sentence_end END AS sentence_end`;

function figureConditions(filter: RecordFilter, p: Params, category?: string): string[] {
  const where = [...documentConditions(filter, p, 'all', false), ...dateRange(FIGURE_DATE, filter, p)];
  if (category) where.push(`q.category = ${p.add(category)}`);
  return where;
}

/** What counting figures must join (see `figureCountFrom` in ../sqlite/queries.ts). */
function figureCountFrom(conditions: readonly string[]): string {
  if (conditions.some((c) => /\bev\./.test(c))) return FIGURE_FROM;
  if (conditions.some((c) => /\bd\./.test(c))) return 'FROM quantities q JOIN documents d ON d.id = q.document_id';
  return 'FROM quantities q';
}

/**
 * The figures that can be dated on or after `since` (and before `below`): those of documents
 * published so, and those cited by an event dated so (`figuresSince` in ../sqlite/queries.ts).
 * The citing events' figures are looked up event by event (a LATERAL subquery that OFFSET 0
 * keeps the planner from flattening): joined, the planner hashed every event_quantities row.
 */
function figuresSince(p: Params, since: string, below: string | null): string {
  const s = `${p.add(since)}::text`;
  const b = below === null ? null : `${p.add(below)}::text`;
  return `SELECT qa.document_id, qa.idx FROM quantities qa
      WHERE qa.document_id IN (SELECT id FROM documents WHERE published >= ${s} ${b ? `AND published < ${b}` : ''})
    UNION
    SELECT x.document_id, x.quantity_idx FROM events eb,
      LATERAL (SELECT eqb.document_id, eqb.quantity_idx FROM event_quantities eqb WHERE eqb.document_id = eb.document_id AND eqb.event_idx = eb.idx OFFSET 0) x
    WHERE eb.sort_date >= ${s} ${b ? `AND eb.sort_date < ${b}` : ''}`;
}

/**
 * The newest `offset + limit` figures without dating and sorting every figure: those dated on
 * or after the publication date of the K-th newest document, when there are enough of them
 * (`newestFigures` in ../sqlite/queries.ts says why that is exact). Null when no such date gives
 * enough.
 */
async function newestFigures<T>(db: Db, select: (p: Params) => string, filter: RecordFilter, category: string | undefined, limit: number, offset: number): Promise<T[] | null> {
  const want = offset + limit;
  const { below } = dateBounds(filter);
  for (let k = want * 4; ; k *= 8) {
    const [nth] = await all<{ published: string }>(
      db,
      `SELECT published FROM documents WHERE published IS NOT NULL ${below !== null ? 'AND published < $2::text' : ''} ORDER BY published DESC NULLS LAST LIMIT 1 OFFSET $1`,
      below !== null ? [k - 1, below] : [k - 1],
    );
    if (!nth) return null;
    const p = new Params();
    const conditions = figureConditions(filter, p, category);
    const candidates = figuresSince(p, nth.published, below);
    const sql = `${select(p)} WHERE (q.document_id, q.idx) IN (${candidates}) AND ${FIGURE_DATE} >= ${p.add(nth.published)}::text ${conditions.map((c) => `AND ${c}`).join(' ')}
      ORDER BY ${FIGURE_DATE} IS NULL, ${FIGURE_DATE} DESC, q.document_id, q.idx LIMIT ${p.add(want)}`;
    const rows = await all<T>(db, sql, p);
    if (rows.length === want) return rows.slice(offset);
  }
}

/** Figures matching a filter, newest first. */
export async function queryFigures(db: Db, query: FigureQuery): Promise<FigurePage> {
  const p = new Params();
  const conditions = figureConditions(query.filter, p, query.category);
  const where = whereClause(conditions);
  const { from, below } = dateBounds(query.filter);
  // With a date range, only the figures of its documents and events are dated in it: counted
  // among those (from the year of its first day: "2024" is within from=2024-11-15).
  const total =
    from !== null
      ? await countOnce(
          db,
          `SELECT count(*)::int AS n ${FIGURE_FROM} WHERE (q.document_id, q.idx) IN (${figuresSince(p, from.slice(0, 4), below)}) ${conditions.map((c) => `AND ${c}`).join(' ')}`,
          p,
        )
      : await countOnce(db, `SELECT count(*)::int AS n ${figureCountFrom(conditions)} ${where}`, p);
  const select = (_: Params) => `SELECT q.document_id, q.idx, q.start, q."end", q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted, q.category,
            d.title, d.published, d.outlet, d.url, ${FIGURE_DATE} AS date, ${FIGURE_SENTENCE}
     ${FIGURE_FROM}`;
  type FigureDbRow = {
    document_id: string;
    idx: number;
    start: number;
    end: number;
    text: string;
    value: number | null;
    low: number | null;
    high: number | null;
    qualifier: FigureRow['qualifier'];
    unit: string | null;
    counted: string | null;
    category: FigureRow['category'];
    title: string | null;
    published: string | null;
    outlet: string | null;
    url: string | null;
    date: string | null;
    sentence_start: number | null;
    sentence_end: number | null;
  };
  const rows =
    (total > query.offset + query.limit ? await newestFigures<FigureDbRow>(db, select, query.filter, query.category, query.limit, query.offset) : null) ??
    (await (async () => {
      const q = new Params();
      const all_ = whereClause(figureConditions(query.filter, q, query.category));
      return all<FigureDbRow>(
        db,
        `${select(q)} ${all_}
         ORDER BY ${FIGURE_DATE} IS NULL, ${FIGURE_DATE} DESC, q.document_id, q.idx LIMIT ${q.add(query.limit)} OFFSET ${q.add(query.offset)}`,
        q,
      );
    })());
  const texts = await documentTexts(db, rows.filter((r) => r.sentence_start !== null).map((r) => r.document_id));
  const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });
  return {
    total,
    rows: rows.map((r) => ({
      document: { id: r.document_id, title: r.title, published: r.published, outlet: r.outlet, url: r.url },
      index: r.idx,
      span: { start: r.start, end: r.end, text: r.text },
      value: r.value,
      low: r.low,
      high: r.high,
      qualifier: r.qualifier,
      unit: r.unit,
      counted: r.counted,
      category: r.category,
      date: r.date,
      sentence: r.sentence_start !== null && r.sentence_end !== null ? span(texts.get(r.document_id) ?? '', r.sentence_start, r.sentence_end) : null,
    })),
  };
}

/** Figures summed by month and by outlet, in like units only, each figure of a document once (`store/sums.ts`). */
export async function queryFigureSeries(db: Db, filter: RecordFilter): Promise<FigureSeries> {
  const p = new Params();
  const where = figureConditions(filter, p);
  const people = PEOPLE_CATEGORIES.map((c) => `'${c}'`).join(', ');
  const unit = `CASE WHEN q.unit IS NULL AND q.category IN (${people}) THEN 'person' ELSE q.unit END`;
  const amount = 'coalesce(value, (low + high) / 2.0, low, high, 0)';
  // A figure told twice in one document (same category, unit and value) is one row here.
  const distinct = (extra: string, conditions: string[]) =>
    `SELECT DISTINCT q.document_id, ${extra} q.category AS category, ${unit} AS unit, q.value AS value, q.low AS low, q.high AS high
     ${FIGURE_FROM} ${whereClause(conditions)}`;
  const withSums = <T extends { category: FigureRow['category']; unit: string | null; sum: number | null }>(rows: T[]): T[] =>
    rows.map((r) => ({ ...r, sum: summable(r.category, r.unit) ? r.sum : null }));
  const byMonth = await all<FigureSeries['byMonth'][number]>(
    db,
    `SELECT period, category, unit, count(*)::int AS count, sum(${amount}) AS sum
     FROM (${distinct(`substr(${FIGURE_DATE}, 1, 7) AS period,`, [...where, `length(${FIGURE_DATE}) >= 7`])}) x
     GROUP BY period, category, unit ORDER BY period, category, unit IS NULL, unit`,
    p,
  );
  const bySource = await all<FigureSeries['bySource'][number]>(
    db,
    `SELECT outlet, category, unit, count(*)::int AS count, sum(${amount}) AS sum
     FROM (${distinct('d.outlet AS outlet,', where)}) x
     GROUP BY outlet, category, unit ORDER BY count DESC, outlet IS NULL, outlet, category, unit IS NULL, unit`,
    p,
  );
  return { byMonth: withSums(byMonth), bySource: withSums(bySource) };
}

/** Events per month and type, and per year for events known only to the year (`period` "YYYY"). */
export async function queryTimeline(db: Db, filter: RecordFilter): Promise<TimelineBucket[]> {
  const p = new Params();
  const where = [...eventConditions(filter, p), `${EVENT_DATE} IS NOT NULL`];
  return all<TimelineBucket>(
    db,
    `SELECT substr(${EVENT_DATE}, 1, least(7, length(${EVENT_DATE}))) AS period, e.type AS type, count(*)::int AS count
     FROM events e JOIN documents d ON d.id = e.document_id ${whereClause(where)}
     GROUP BY 1, e.type ORDER BY period, e.type`,
    p,
  );
}

/** Actor → recipient edges by event type. */
export async function queryNetwork(db: Db, filter: RecordFilter, limit: number): Promise<NetworkEdge[]> {
  const p = new Params();
  const where = whereClause(eventConditions(filter, p));
  const rows = await all<{ actor: string; recipient: string; type: NetworkEdge['type']; count: number }>(
    db,
    `SELECT a.entity_id AS actor, r.entity_id AS recipient, e.type AS type, count(*)::int AS count
     FROM events e JOIN documents d ON d.id = e.document_id
     JOIN event_arguments a ON a.document_id = e.document_id AND a.event_idx = e.idx AND a.role = 'actor'
     JOIN event_arguments r ON r.document_id = e.document_id AND r.event_idx = e.idx AND r.role = 'recipient'
     ${where}
     GROUP BY a.entity_id, r.entity_id, e.type ORDER BY count DESC, actor, recipient, type LIMIT ${p.add(limit)}`,
    p,
  );
  const attrs = await canonicalEntities(db, rows.flatMap((r) => [r.actor, r.recipient]));
  const ref = (id: string): EntityRef => {
    const a = attrs.get(id);
    return { id, type: a?.type ?? null, name: { ar: a?.name_ar ?? null, en: a?.name_en ?? null } };
  };
  return rows.map((r) => ({ actor: ref(r.actor), recipient: ref(r.recipient), type: r.type, count: r.count }));
}

/** The values filter menus offer, with counts. */
export async function queryFacets(db: Db): Promise<Facets> {
  const values = (sql: string) => all<{ value: string; count: number }>(db, sql);
  const named = async (type: 'actors' | 'places') => {
    const rows = await all<{ id: string; count: number }>(
      db,
      `SELECT entity_id AS id, count(DISTINCT document_id)::int AS count FROM entities
       WHERE ${type === 'places' ? "type = 'LOC'" : "type IN ('ORG', 'PER') OR entity_id IN (SELECT entity_id FROM event_arguments WHERE role = 'actor')"}
       GROUP BY entity_id ORDER BY count DESC, id LIMIT 100`,
    );
    const attrs = await canonicalEntities(db, rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, name: { ar: attrs.get(r.id)?.name_ar ?? r.id, en: attrs.get(r.id)?.name_en ?? null }, count: r.count }));
  };
  const [eventTypes, topics, outlets, categories, actors, places] = await Promise.all([
    values('SELECT type AS value, count(*)::int AS count FROM events GROUP BY type ORDER BY count DESC, value'),
    values('SELECT topic AS value, count(*)::int AS count FROM event_topics GROUP BY topic ORDER BY count DESC, value'),
    values('SELECT outlet AS value, count(*)::int AS count FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, value'),
    values('SELECT category AS value, count(*)::int AS count FROM quantities GROUP BY category ORDER BY count DESC, value'),
    named('actors'),
    named('places'),
  ]);
  return { eventTypes, topics, outlets, categories, actors, places };
}

// Folds ------------------------------------------------------------------------------------------

/** Fills fold rows with their reports, names and figures. */
async function hydrateFolds(db: Db, rows: FoldRowData[]): Promise<FoldRow[]> {
  if (rows.length === 0) return [];
  const keys = await all<{ document_id: string; idx: number }>(
    db,
    'SELECT document_id, idx FROM events WHERE fold_id = ANY($1::text[]) ORDER BY document_id, idx',
    [rows.map((r) => r.id)],
  );
  const events = await eventsByKey(db, keys);
  const membersOf = membersByFold(events);
  const documents = [...new Set(events.map((e) => e.document.id))];
  const texts = new Map(
    (await all<{ document_id: string; idx: number; text: string }>(db, 'SELECT document_id, idx, text FROM quantities WHERE document_id = ANY($1::text[])', [documents])).map(
      (q) => [`${q.document_id}#${q.idx}`, q.text],
    ),
  );
  return assembleFolds(rows, membersOf, texts, await canonicalEntities(db, unplacedFolds(rows, membersOf)));
}

/** Folded events with a report matching the filter, sorted, one page, with their reports. */
export async function queryFolds(db: Db, query: FoldQuery): Promise<FoldPage> {
  const p = new Params();
  const conditions = eventConditions(query.filter, p);
  const where: string[] = [];
  if (conditions.length) where.push(`f.id IN (SELECT e.fold_id FROM events e JOIN documents d ON d.id = e.document_id WHERE ${conditions.join(' AND ')})`);
  if (query.minSources !== undefined) where.push(`f.sources >= ${p.add(query.minSources)}`);
  if (query.figures === true) where.push("f.figures <> '[]'::jsonb");
  else if (query.figures !== undefined) where.push(`f.figures ? ${p.add(query.figures)}`);
  if (where.some((c) => /\bSELECT\b/.test(c))) {
    // Folds chosen by their events: one pass over them, sorted, the total riding along.
    const count = p.values.length;
    const rows = await all<FoldRowData & { total: number }>(
      db,
      `SELECT ${FOLD_COLUMNS}, count(*) OVER ()::int AS total FROM folds f ${whereClause(where)}
       ORDER BY ${FOLD_SORTS[query.sort]}, f.id LIMIT ${p.add(query.limit)} OFFSET ${p.add(query.offset)}`,
      p,
    );
    const total = rows[0]?.total ?? (await all<{ n: number }>(db, `SELECT count(*)::int AS n FROM folds f ${whereClause(where)}`, p.values.slice(0, count)))[0]!.n;
    return { total, rows: await hydrateFolds(db, rows) };
  }
  // Otherwise counted on its own (once per store generation): a total riding on the page
  // (count(*) OVER ()) read and sorted every fold for a page of 20, where the page alone stops
  // early on an index.
  const total = await countOnce(db, `SELECT count(*)::int AS n FROM folds f ${whereClause(where)}`, p);
  const limit = p.add(query.limit);
  const offset = p.add(query.offset);
  let sql = `SELECT ${FOLD_COLUMNS} FROM folds f ${whereClause(where)} ORDER BY ${PG_FOLD_SORTS[query.sort]}, f.id LIMIT ${limit} OFFSET ${offset}`;
  if (query.sort === '-date') {
    // Newest first, undated last: the dated ones from the date index read backwards, then the
    // undated ones (an index gives DESC only with NULLs first).
    const dated = [...where, 'f.sort_date IS NOT NULL'];
    const undated = [...where, 'f.sort_date IS NULL'];
    sql = `SELECT * FROM (
        (SELECT ${FOLD_COLUMNS}, f.sort_date FROM folds f ${whereClause(dated)} ORDER BY f.sort_date DESC, f.id LIMIT ${limit}::int + ${offset}::int)
        UNION ALL
        (SELECT ${FOLD_COLUMNS}, f.sort_date FROM folds f ${whereClause(undated)} ORDER BY f.id LIMIT ${limit}::int + ${offset}::int)
      ) f ORDER BY f.sort_date DESC NULLS LAST, f.id LIMIT ${limit} OFFSET ${offset}`;
  }
  const rows = await all<FoldRowData & { sort_date?: string | null }>(db, sql, p);
  return { total, rows: await hydrateFolds(db, rows.map(({ sort_date: _, ...r }) => r)) };
}

/**
 * The same orders as `FOLD_SORTS`, written so that PostgreSQL's indexes on the date and the
 * sources give the rows in order (ascending puts NULLs last already); '-date' is a union (above).
 */
const PG_FOLD_SORTS: Record<FoldQuery['sort'], string> = {
  ...FOLD_SORTS,
  'date': 'f.sort_date ASC',
  '-sources': 'f.sources DESC, f.sort_date DESC NULLS LAST',
  'sources': 'f.sources ASC, f.sort_date DESC NULLS LAST',
};

/** One folded event, or null. */
export async function queryFold(db: Db, id: string): Promise<FoldRow | null> {
  const [row] = await all<FoldRowData>(db, `SELECT ${FOLD_COLUMNS} FROM folds f WHERE f.id = $1`, [id]);
  return row ? (await hydrateFolds(db, [row]))[0]! : null;
}
