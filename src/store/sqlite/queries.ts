/**
 * The read side of the SQLite store: the queries behind the API, the web app and exports.
 * Each function takes the open database and returns the shapes `store.ts` defines.
 *
 * Filters become SQL conditions on the documents (`d`) and events (`e`) tables; lists of
 * values travel as one JSON parameter (`IN (SELECT value FROM json_each(@ids))`) so that a
 * statement never depends on how many values there are.
 */
import type Database from 'better-sqlite3';
import type { Entity, EventSize, Span } from '../../extract/record.js';
import { groupTerms } from '../../text/search-terms.js';
import { PEOPLE_CATEGORIES, summable } from '../sums.js';
import type {
  ArgumentRef,
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
  EventSort,
  Facets,
  FigurePage,
  FigureQuery,
  FigureRow,
  FigureSeries,
  NetworkEdge,
  PlaceRef,
  PlaceSummary,
  RecordFilter,
  SearchResult,
  SearchRow,
  TimelineBucket,
} from '../store.js';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CAP } from '../store.js';

type Db = Database.Database;
export type Params = Record<string, unknown>;

/** An FTS5 query string: every term quoted, alternatives joined by OR, groups by `join`. */
export function ftsQuery(groups: readonly (readonly string[])[], join: 'AND' | 'OR'): string {
  return groups.map((g) => '(' + g.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ') + ')').join(` ${join} `);
}

/**
 * A date filter as comparisons an index on the date column serves. A partial ISO date `d`
 * overlaps [from, to] when `d >= substr(from, 1, length(d))` and `substr(d, 1, length(to)) <= to`
 * ("2024-11" overlaps from=2024-11-15: it is compared on its own length; "2024-12" does not
 * overlap to=2024-11-30). Wrapping the column in a function kept every index from serving
 * that, so the same rows are kept by plain comparisons:
 * - `d >= substr(from, 1, length(d))` holds exactly when `d >= from` or `d` is a proper prefix
 *   of `from` ("", "2", … "2024", … "2024-11", … "2024-11-1": `prefixes`);
 * - `substr(d, 1, length(to)) <= to` holds exactly when `d < below`, `to` with its last
 *   character raised by one ("2024-11-30" gives "2024-11-31"): every `d` starting with `to` or
 *   with something smaller is below it, and nothing else is.
 * Both bounds then make one range of the index (`d >= from AND d < below`) and a few equality
 * lookups (the prefixes below `below`), instead of a scan of every row.
 */
export function dateBounds(f: Pick<RecordFilter, 'from' | 'to'>): { from: string | null; prefixes: string[]; below: string | null } {
  const from = f.from ? f.from : null;
  const below = f.to ? f.to.slice(0, -1) + String.fromCharCode(f.to.charCodeAt(f.to.length - 1) + 1) : null;
  const prefixes: string[] = [];
  if (from !== null) for (let n = 0; n < from.length; n++) if (below === null || from.slice(0, n) < below) prefixes.push(from.slice(0, n));
  return { from, prefixes, below };
}

/**
 * SQL keeping rows whose partial ISO date `column` overlaps [@from, @to] (`dateBounds` says
 * how); `param(value)` gives a statement parameter's placeholder.
 */
export function dateRangeSql(column: string, f: RecordFilter, param: (value: string) => string): string[] {
  const { from, prefixes, below } = dateBounds(f);
  if (from === null && below === null) return [];
  if (from === null) return [`${column} < ${param(below!)}`];
  const range = below === null ? `${column} >= ${param(from)}` : `${column} >= ${param(from)} AND ${column} < ${param(below)}`;
  if (prefixes.length === 0) return [`(${range})`];
  return [`(${range} OR ${column} IN (${prefixes.map(param).join(', ')}))`];
}

function dateRange(column: string, f: RecordFilter, p: Params): string[] {
  let n = Object.keys(p).filter((k) => /^dr\d+$/.test(k)).length;
  return dateRangeSql(column, f, (value) => {
    const name = `dr${n++}`;
    p[name] = value;
    return `@${name}`;
  });
}

function searchGroups(f: RecordFilter) {
  return (f.groups ?? []).filter((g) => g.terms.length > 0);
}

/** Conditions every document-level query shares (alias `d`); the date range is the caller's. */
function documentScope(f: RecordFilter, p: Params, words: 'all' | 'none'): string[] {
  const where: string[] = [];
  const groups = searchGroups(f);
  if (words === 'all' && groups.length) {
    p.ftsAll = ftsQuery(groups.map(groupTerms), 'AND');
    where.push('d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @ftsAll)');
  }
  if (f.outlet !== undefined) {
    p.outlet = f.outlet;
    where.push('(d.outlet = @outlet OR d.id IN (SELECT document_id FROM document_sources WHERE outlet = @outlet))');
  }
  if (f.document !== undefined) {
    p.document = f.document;
    where.push('d.id = @document');
  }
  return where;
}

/** Document filters (see RecordFilter): mentions for actor/place, events for the rest. */
function documentConditions(f: RecordFilter, p: Params, words: 'all' | 'none', dates = true): string[] {
  const where = documentScope(f, p, words);
  if (f.actor !== undefined) {
    p.actor = f.actor;
    where.push('d.id IN (SELECT document_id FROM entities WHERE entity_id = @actor)');
  }
  if (f.place !== undefined) {
    p.place = f.place;
    where.push('d.id IN (SELECT document_id FROM entities WHERE entity_id = @place)');
  }
  if (f.places !== undefined) {
    p.places = JSON.stringify(f.places);
    where.push('d.id IN (SELECT document_id FROM entities WHERE entity_id IN (SELECT value FROM json_each(@places)))');
  }
  if (f.recipient !== undefined) {
    p.recipient = f.recipient;
    where.push("d.id IN (SELECT document_id FROM event_arguments WHERE entity_id = @recipient AND role = 'recipient')");
  }
  if (f.eventType !== undefined || f.minConfidence !== undefined || f.precision !== undefined) {
    // One event of the type, at the confidence and dated so precisely.
    const conditions: string[] = [];
    if (f.eventType !== undefined) {
      p.eventType = f.eventType;
      conditions.push('type = @eventType');
    }
    if (f.minConfidence !== undefined) {
      p.minConfidence = f.minConfidence;
      conditions.push('confidence >= @minConfidence');
    }
    if (f.precision !== undefined) {
      p.precision = JSON.stringify(f.precision);
      conditions.push(`${datePrecision('sort_date')} IN (SELECT value FROM json_each(@precision))`);
    }
    where.push(`d.id IN (SELECT document_id FROM events WHERE ${conditions.join(' AND ')})`);
  }
  if (f.topic !== undefined) {
    p.topic = f.topic;
    where.push('d.id IN (SELECT document_id FROM event_topics WHERE topic = @topic)');
  }
  if (f.fold !== undefined) {
    p.fold = f.fold;
    where.push('d.id IN (SELECT document_id FROM events WHERE fold_id = @fold)');
  }
  if (dates) where.push(...dateRange('d.published', f, p));
  return where;
}

/** An event's date, else its document's publication date (stored on the event row). */
const EVENT_DATE = 'e.sort_date';

/** How precisely a partial ISO date column is known: 'year', 'month' or 'day'; NULL when undated. */
const datePrecision = (column: string) => `CASE length(${column}) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END`;

/** The rowids of events with an argument, from the arguments' index (alias `a`). */
const EVENTS_OF_ARGUMENT = 'SELECT x.rowid FROM event_arguments a JOIN events x ON x.document_id = a.document_id AND x.idx = a.event_idx';

/**
 * Event filters (aliases `e`, `d`): roles for actor/recipient, the event's place and date.
 * Roles and topics select event rowids from their own indexes: SQLite then reads just those
 * events, where `(document_id, idx) IN (SELECT …)` or EXISTS made it visit every event.
 */
export function eventConditions(f: RecordFilter, p: Params): string[] {
  const where = documentScope(f, p, 'all');
  if (f.actor !== undefined) {
    p.actor = f.actor;
    where.push(`e.rowid IN (${EVENTS_OF_ARGUMENT} WHERE a.entity_id = @actor AND a.role = 'actor')`);
  }
  if (f.recipient !== undefined) {
    p.recipient = f.recipient;
    where.push(`e.rowid IN (${EVENTS_OF_ARGUMENT} WHERE a.entity_id = @recipient AND a.role = 'recipient')`);
  }
  if (f.place !== undefined) {
    p.place = f.place;
    where.push('e.place = @place');
  }
  if (f.places !== undefined) {
    p.places = JSON.stringify(f.places);
    where.push('e.place IN (SELECT value FROM json_each(@places))');
  }
  if (f.eventType !== undefined) {
    p.eventType = f.eventType;
    where.push('e.type = @eventType');
  }
  if (f.minConfidence !== undefined) {
    p.minConfidence = f.minConfidence;
    where.push('e.confidence >= @minConfidence');
  }
  if (f.precision !== undefined) {
    p.precision = JSON.stringify(f.precision);
    where.push(`${datePrecision(EVENT_DATE)} IN (SELECT value FROM json_each(@precision))`);
  }
  if (f.topic !== undefined) {
    p.topic = f.topic;
    where.push('e.rowid IN (SELECT x.rowid FROM event_topics t JOIN events x ON x.document_id = t.document_id AND x.idx = t.event_idx WHERE t.topic = @topic)');
  }
  if (f.fold !== undefined) {
    p.fold = f.fold;
    where.push('e.fold_id = @fold');
  }
  where.push(...dateRange(EVENT_DATE, f, p));
  return where;
}

export const whereClause = (where: string[]) => (where.length ? 'WHERE ' + where.join(' AND ') : '');

interface DocRow {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  path: string | null;
  text: string;
  rank: number;
  complete: number;
  exact: number;
}

function toSearchRow(r: DocRow): SearchRow {
  return {
    id: r.id,
    title: r.title,
    published: r.published,
    source: { ...(r.path ? { path: r.path } : {}), ...(r.url ? { url: r.url } : {}), outlet: r.outlet },
    text: r.text,
    score: Math.round(-r.rank * 1000) / 1000,
    complete: r.complete === 1,
    exact: r.exact === 1,
  };
}

/**
 * Documents matching a filter. With search words: documents matching at least one word, in
 * tiers (every word as typed, every word with synonyms, some words), then by BM25 (title
 * weighted 3×). Past `SEARCH_RANK_CAP` matches, only the most recently stored that many (the
 * highest rowids) are ranked. Without search words: newest first.
 */
export function queryDocuments(db: Db, query: DocumentQuery): SearchResult {
  const p: Params = { limit: query.limit, offset: query.offset };
  const where = documentConditions(query.filter, p, 'none');
  const groups = searchGroups(query.filter);
  if (groups.length === 0) {
    if (query.filter.groups !== undefined) return { total: 0, rows: [] };
    const total = (db.prepare(`SELECT count(*) AS n FROM documents d ${whereClause(where)}`).get(p) as { n: number }).n;
    // Undated documents last: SQLite puts NULLs last in descending order, so the index
    // documents_newest (published DESC, id) gives the rows in order, and LIMIT stops the scan.
    const rows = db
      .prepare(
        `SELECT d.id, d.title, d.published, d.outlet, d.url, d.path, d.text, 0 AS rank, 0 AS complete, 0 AS exact
         FROM documents d ${whereClause(where)}
         ORDER BY d.published DESC, d.id LIMIT @limit OFFSET @offset`,
      )
      .all(p) as DocRow[];
    return { total, rows: rows.map(toSearchRow) };
  }
  const withSynonyms = groups.map(groupTerms);
  p.any = ftsQuery(withSynonyms, 'OR');
  p.all = ftsQuery(withSynonyms, 'AND');
  p.exact = ftsQuery(groups.map((g) => g.terms), 'AND');
  p.cap = SEARCH_COUNT_CAP + 1;
  const filtered = where.length ? 'AND ' + where.join(' AND ') : '';
  const join = where.length ? 'JOIN documents d ON d.rowid = documents_fts.rowid' : '';
  // Counted up to the cap: past it, "10,000+" is all a reader needs, and counting stops there.
  const counted = (
    db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts ${join} WHERE documents_fts MATCH @any ${filtered} LIMIT @cap)`).get(p) as { n: number }
  ).n;
  // Past the rank cap, the candidates are the newest SEARCH_RANK_CAP matches (the highest
  // rowids): the floor is the rowid of the last of them (without other filters, FTS5 walks its
  // doclists by rowid downwards and stops there). The ranking and the tiers' lookups then read
  // only rowids from the floor up.
  const limited = counted > SEARCH_RANK_CAP;
  if (limited) {
    p.last = SEARCH_RANK_CAP - 1;
    p.floor = (
      db
        .prepare(`SELECT documents_fts.rowid AS rid FROM documents_fts ${join} WHERE documents_fts MATCH @any ${filtered} ORDER BY documents_fts.rowid DESC LIMIT 1 OFFSET @last`)
        .get(p) as { rid: number }
    ).rid;
  }
  const candidates = limited ? 'AND documents_fts.rowid >= @floor' : '';
  // Tiers: every word as typed, then every word with synonyms, then some words. A tier whose
  // query is the same as the match's (one word without synonyms) holds every match: no lookup.
  const tier = (name: 'exact' | 'all') =>
    p[name] === p.any ? '1' : `documents_fts.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @${name}${limited ? ' AND rowid >= @floor' : ''})`;
  const page = where.length ? rankedPage(db, p, tier, `${candidates} ${filtered}`) : rankedPageUnfiltered(db, p, tier, candidates);
  const docs = new Map(
    (
      db
        .prepare('SELECT rowid AS rid, id, title, published, outlet, url, path, text FROM documents WHERE rowid IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(page.map((r) => r.rid))) as (DocRow & { rid: number })[]
    ).map((d) => [d.rid, d]),
  );
  const rows = page.map((r) => ({ ...docs.get(r.rid)!, rank: r.rank, complete: r.complete, exact: r.exact }));
  return {
    total: Math.min(counted, SEARCH_COUNT_CAP),
    ...(counted > SEARCH_COUNT_CAP ? { capped: true } : {}),
    ...(limited ? { ranked: SEARCH_RANK_CAP } : {}),
    rows: rows.map(toSearchRow),
  };
}

/** Rows read past a search page's end, to find the rows tying with its last one without a second pass. */
const TIE_MARGIN = 64;

interface Ranked {
  rid: number;
  rank: number;
  complete: number;
  exact: number;
  id: string;
}

/** Search order: every word as typed, then with synonyms, then by rank (BM25, lower is better), then id. */
const bySearchOrder = (a: Omit<Ranked, 'rid'>, b: Omit<Ranked, 'rid'>) =>
  b.exact - a.exact || b.complete - a.complete || a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The page of a search with document filters: ranked on narrow rows (rowid, id, rank, tiers). `filtered`: the candidates' and filters' conditions. */
function rankedPage(db: Db, p: Params, tier: (name: 'exact' | 'all') => string, filtered: string): Ranked[] {
  return db
    .prepare(
      `SELECT documents_fts.rowid AS rid, bm25(documents_fts, 3.0, 1.0) AS rank, ${tier('all')} AS complete, ${tier('exact')} AS exact, d.id AS id
       FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
       WHERE documents_fts MATCH @any ${filtered}
       ORDER BY exact DESC, complete DESC, rank ASC, d.id ASC
       LIMIT @limit OFFSET @offset`,
    )
    .all(p) as Ranked[];
}

/**
 * The page of a search without other filters, ranked inside the full-text index alone: its
 * best `offset + limit + 1` matches by tier and rank, without reading the documents table for
 * every match (looking up each match's id to break ties cost twice the ranking). Ids are read
 * for those rows only, and, when rows tie with the last one the page needs, for every row that
 * ties with it, so that ties go by id exactly as the SQL order would. `candidates`: the condition
 * on rowids past the rank cap.
 */
function rankedPageUnfiltered(db: Db, p: Params, tier: (name: 'exact' | 'all') => string, candidates: string): Ranked[] {
  const want = (p.offset as number) + (p.limit as number);
  const ranked = `SELECT rowid AS rid, bm25(documents_fts, 3.0, 1.0) AS rank, ${tier('all')} AS complete, ${tier('exact')} AS exact
    FROM documents_fts WHERE documents_fts MATCH @any ${candidates}`;
  // A few rows past the page, so that rows tying with its last one are most often all among them.
  const fetched = want + TIE_MARGIN;
  let rows = db.prepare(`${ranked} ORDER BY exact DESC, complete DESC, rank ASC LIMIT @fetched`).all({ ...p, fetched }) as Omit<Ranked, 'id'>[];
  if (rows.length > want) {
    const last = rows[want - 1]!;
    const same = (r: Omit<Ranked, 'id'>) => r.exact === last.exact && r.complete === last.complete && r.rank === last.rank;
    if (rows.length === fetched && same(rows[fetched - 1]!)) {
      // The ties run past what was read: every row tying with the page's last one competes for its place.
      const ties = db.prepare(`SELECT * FROM (${ranked}) WHERE exact = @e AND complete = @c AND rank = @r`).all({ ...p, e: last.exact, c: last.complete, r: last.rank }) as Omit<Ranked, 'id'>[];
      rows = [...rows.filter((r) => !same(r)).slice(0, want), ...ties];
    } else {
      // Rows up to the page's end, and those tying with its last row.
      let end = want;
      while (end < rows.length && same(rows[end]!)) end++;
      rows = rows.slice(0, end);
    }
  }
  const ids = new Map(
    (db.prepare('SELECT rowid AS rid, id FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rows.map((r) => r.rid))) as { rid: number; id: string }[]).map(
      (r) => [r.rid, r.id],
    ),
  );
  return rows
    .map((r) => ({ ...r, id: ids.get(r.rid)! }))
    .sort(bySearchOrder)
    .slice(p.offset as number, want);
}

/** The texts of the given documents. */
export function documentTexts(db: Db, ids: readonly string[]): Map<string, string> {
  const rows = db
    .prepare('SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(ids)])) as { id: string; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

export interface EntityAttrs {
  entity_id: string;
  type: Entity['type'];
  subtype: string | null;
  name_ar: string;
  name_en: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: NonNullable<Entity['geo']>['precision'] | null;
  pcode: string | null;
}

export function toGeo(r: Pick<EntityAttrs, 'lat' | 'lon' | 'geo_precision' | 'pcode'>): Entity['geo'] {
  if (r.lat === null || r.lon === null || r.geo_precision === null) return null;
  return { lat: r.lat, lon: r.lon, precision: r.geo_precision, ...(r.pcode !== null ? { pcode: r.pcode } : {}) };
}

/** Per entity id, the attributes most documents give it (documents may disagree on a name). */
export function canonicalEntities(db: Db, ids: readonly string[]): Map<string, EntityAttrs> {
  const rows = db
    .prepare(
      `SELECT entity_id, type, subtype, name_ar, name_en, country, lat, lon, geo_precision, pcode, count(*) AS n
       FROM entities WHERE entity_id IN (SELECT value FROM json_each(?))
       GROUP BY entity_id, type, subtype, name_ar, name_en, country, lat, lon, geo_precision, pcode
       ORDER BY n DESC, name_ar`,
    )
    .all(JSON.stringify([...new Set(ids)])) as EntityAttrs[];
  const best = new Map<string, EntityAttrs>();
  for (const r of rows) if (!best.has(r.entity_id)) best.set(r.entity_id, r);
  return best;
}

/** An events row as the stores read it (JSON columns as text). */
export interface EventDbRow {
  document_id: string;
  idx: number;
  event_id: string;
  type: EventRow['type'];
  mode: string | null;
  place: string | null;
  date_value: string | null;
  date_precision: EventRow['date']['precision'];
  modality: EventRow['modality'];
  topics: string;
  contexts: string;
  quantities: string;
  sentence_start: number;
  sentence_end: number;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  content_start: number | null;
  content_end: number | null;
  confidence: number;
  rule: string;
  size: string | null;
  fold_id: string | null;
  fold_sources: number | null;
  review: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

export const SORTS: Record<EventSort, string> = {
  'date': `${EVENT_DATE} IS NULL, ${EVENT_DATE} ASC`,
  '-date': `${EVENT_DATE} IS NULL, ${EVENT_DATE} DESC`,
  'type': 'e.type ASC',
  '-type': 'e.type DESC',
  'confidence': 'e.confidence ASC',
  '-confidence': 'e.confidence DESC',
  'published': 'd.published IS NULL, d.published ASC',
  '-published': 'd.published IS NULL, d.published DESC',
};

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** Fills events rows with their document's texts and the names of the entities they name. */
function hydrateEvents(db: Db, rows: EventDbRow[]): EventRow[] {
  if (rows.length === 0) return [];
  const docs = JSON.stringify([...new Set(rows.map((r) => r.document_id))]);
  const texts = documentTexts(db, rows.map((r) => r.document_id));
  const args = db
    .prepare(
      `SELECT document_id, event_idx, role, entity_id FROM event_arguments
       WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, event_idx, role, position`,
    )
    .all(docs) as { document_id: string; event_idx: number; role: 'actor' | 'recipient'; entity_id: string }[];
  const entities = db
    .prepare(
      `SELECT document_id, idx, entity_id, type, subtype, name_ar, name_en, country, lat, lon, geo_precision, pcode
       FROM entities WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, idx`,
    )
    .all(docs) as (EntityAttrs & { document_id: string; idx: number })[];
  const mentions = db
    .prepare(
      `SELECT document_id, entity_idx, start, end FROM mentions
       WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, start`,
    )
    .all(docs) as { document_id: string; entity_idx: number; start: number; end: number }[];
  return assembleEvents(rows, { texts, args, entities, mentions });
}

/** What events rows are filled from: their documents' texts, arguments, entities and mentions (every engine reads these). */
export interface EventParts {
  readonly texts: Map<string, string>;
  /** The event arguments of the documents, by document, event, role and position. */
  readonly args: readonly { document_id: string; event_idx: number; role: 'actor' | 'recipient'; entity_id: string }[];
  /** The entities of the documents, by document and index. */
  readonly entities: readonly (EntityAttrs & { document_id: string; idx: number })[];
  /** The mentions of the documents, by document and start. */
  readonly mentions: readonly { document_id: string; entity_idx: number; start: number; end: number }[];
}

/** Events rows made whole from their parts; engine-neutral (the PostgreSQL store uses it too). */
export function assembleEvents(rows: readonly EventDbRow[], parts: EventParts): EventRow[] {
  const { texts, args, entities, mentions } = parts;
  const byDoc = new Map<string, Map<string, EntityAttrs>>();
  const idOfIdx = new Map<string, string>();
  for (const e of entities) {
    let m = byDoc.get(e.document_id);
    if (!m) byDoc.set(e.document_id, (m = new Map()));
    if (!m.has(e.entity_id)) m.set(e.entity_id, e);
    idOfIdx.set(`${e.document_id}#${e.idx}`, e.entity_id);
  }
  /** Per document and entity id, its mentions in text order. */
  const mentionsOf = new Map<string, { start: number; end: number }[]>();
  for (const m of mentions) {
    const key = `${m.document_id}#${idOfIdx.get(`${m.document_id}#${m.entity_idx}`)}`;
    let list = mentionsOf.get(key);
    if (!list) mentionsOf.set(key, (list = []));
    list.push(m);
  }
  const argsOf = new Map<string, { actors: string[]; recipients: string[] }>();
  for (const a of args) {
    const key = `${a.document_id}#${a.event_idx}`;
    let v = argsOf.get(key);
    if (!v) argsOf.set(key, (v = { actors: [], recipients: [] }));
    (a.role === 'actor' ? v.actors : v.recipients).push(a.entity_id);
  }
  const ref = (doc: string, id: string): EntityRef => {
    const e = byDoc.get(doc)?.get(id);
    return { id, type: e?.type ?? null, name: { ar: e?.name_ar ?? null, en: e?.name_en ?? null } };
  };
  return rows.map((r): EventRow => {
    const text = texts.get(r.document_id) ?? '';
    const a = argsOf.get(`${r.document_id}#${r.idx}`) ?? { actors: [], recipients: [] };
    const argument = (id: string): ArgumentRef => {
      const e = byDoc.get(r.document_id)?.get(id);
      const m = mentionsOf.get(`${r.document_id}#${id}`)?.find((x) => x.start >= r.sentence_start && x.end <= r.sentence_end);
      return { ...ref(r.document_id, id), subtype: e?.subtype ?? null, country: e?.country ?? null, mention: m ? span(text, m.start, m.end) : null };
    };
    let place: PlaceRef | null = null;
    if (r.place !== null) {
      const e = byDoc.get(r.document_id)?.get(r.place);
      place = { ...ref(r.document_id, r.place), geo: e ? toGeo(e) : null, country: e?.country ?? null };
    }
    return {
      document: { id: r.document_id, title: r.title, published: r.published, outlet: r.outlet, url: r.url },
      index: r.idx,
      id: r.event_id,
      type: r.type,
      mode: r.mode,
      contexts: JSON.parse(r.contexts) as string[],
      topics: JSON.parse(r.topics) as string[],
      modality: r.modality,
      date: { value: r.date_value, precision: r.date_precision },
      actors: a.actors.map(argument),
      recipients: a.recipients.map(argument),
      place,
      quantities: JSON.parse(r.quantities) as number[],
      sentence: span(text, r.sentence_start, r.sentence_end),
      trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
      content: r.content_start !== null && r.content_end !== null ? span(text, r.content_start, r.content_end) : null,
      confidence: r.confidence,
      rule: r.rule,
      size: r.size === null ? null : (JSON.parse(r.size) as EventSize),
      fold: r.fold_id === null ? null : { id: r.fold_id, sources: r.fold_sources ?? 1 },
      reviewed: r.review !== null,
      review: r.review === null ? null : (JSON.parse(r.review) as EventRow['review']),
    };
  });
}

/**
 * Events matching a filter, sorted, one page, then those rows whole.
 *
 * When every condition is on the events' own columns (type, place, dates, confidence: what the
 * indexes `events_type_date`, `events_place`, `events_sort_date` serve), the total is counted
 * on its own, from an index, and a page sorted by date is found from the date index: first the
 * date of the last row the page needs (`offset + limit` rows down the index, in its own order),
 * then only the events dated so or later (earlier, ascending) are sorted with their
 * tie-breaks; SQLite's planner would otherwise sort every match to break ties by document and
 * position. A total riding on the page (`count(*) OVER ()`) read and sorted every match.
 *
 * Other filters (roles, topics, folds, search words, outlets) select events through a
 * subquery, which each pass would run again: their page is one pass over the matches, sorted,
 * with the total riding along. A page past the end has no row to carry it, and counts on its own.
 */
export function queryEvents(db: Db, query: EventQuery): EventPage {
  const p: Params = { limit: query.limit, offset: query.offset };
  const conditions = eventConditions(query.filter, p);
  const where = whereClause(conditions);
  // The documents are joined only when a condition or the sort reads them.
  const needsDocuments = conditions.some((c) => /\bd\./.test(c)) || query.sort.endsWith('published');
  const from = needsDocuments ? 'FROM events e JOIN documents d ON d.id = e.document_id' : 'FROM events e';
  if (conditions.some((c) => /\bSELECT\b/.test(c))) {
    const keys = db
      .prepare(
        `SELECT e.rowid AS rid, count(*) OVER () AS total ${from} ${where}
         ORDER BY ${SORTS[query.sort]}, e.document_id, e.idx LIMIT @limit OFFSET @offset`,
      )
      .all(p) as { rid: number; total: number }[];
    const total = keys[0]?.total ?? (db.prepare(`SELECT count(*) AS n ${from} ${where}`).get(p) as { n: number }).n;
    return { total, rows: eventsByRowid(db, keys.map((k) => k.rid)) };
  }
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${where}`).get(p) as { n: number }).n;
  if (total <= query.offset) return { total, rows: [] };
  let page = `SELECT e.rowid AS rid ${from} ${where} ORDER BY ${SORTS[query.sort]}, e.document_id, e.idx LIMIT @limit OFFSET @offset`;
  const want = query.offset + query.limit;
  if ((query.sort === 'date' || query.sort === '-date') && want < total) {
    // Undated events come last either way: a boundary is a date, or the page reaches them.
    const down = query.sort === '-date';
    const boundary = db
      .prepare(`SELECT ${EVENT_DATE} ${from} ${whereClause([...conditions, `${EVENT_DATE} IS NOT NULL`])} ORDER BY ${EVENT_DATE} ${down ? 'DESC' : 'ASC'} LIMIT 1 OFFSET @last`)
      .pluck()
      .get({ ...p, last: want - 1 }) as string | undefined;
    if (boundary !== undefined) {
      p.boundary = boundary;
      page = `SELECT e.rowid AS rid ${from} ${whereClause([...conditions, `${EVENT_DATE} ${down ? '>=' : '<='} @boundary`])}
        ORDER BY ${SORTS[query.sort]}, e.document_id, e.idx LIMIT @limit OFFSET @offset`;
    }
  }
  const keys = db.prepare(page).all(p) as { rid: number }[];
  return { total, rows: eventsByRowid(db, keys.map((k) => k.rid)) };
}

/** Events by rowid, whole, in the order given. */
export function eventsByRowid(db: Db, rowids: readonly number[]): EventRow[] {
  if (rowids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.rowid AS rid, e.document_id, e.idx, e.event_id, e.type, e.mode, e.place, e.date_value, e.date_precision, e.modality,
              e.topics, e.contexts, e.quantities, e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end,
              e.trigger_text, e.content_start, e.content_end, e.confidence, e.rule, e.size, e.fold_id, f.sources AS fold_sources,
              e.review, d.title, d.published, d.outlet, d.url
       FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN folds f ON f.id = e.fold_id
       WHERE e.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as (EventDbRow & { rid: number })[];
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  return hydrateEvents(db, rowids.map((rid) => byRid.get(rid)!));
}

/** Counts per entity id: documents and mentions, and events naming it or located at it. */
function entityCounts(db: Db, ids: readonly string[]): Map<string, { documents: number; mentions: number; events: number }> {
  const json = JSON.stringify([...new Set(ids)]);
  const counts = new Map(ids.map((id) => [id, { documents: 0, mentions: 0, events: 0 }]));
  for (const r of db
    .prepare(
      `SELECT en.entity_id AS id, count(DISTINCT en.document_id) AS documents, count(m.rowid) AS mentions
       FROM entities en LEFT JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
       WHERE en.entity_id IN (SELECT value FROM json_each(?)) GROUP BY en.entity_id`,
    )
    .all(json) as { id: string; documents: number; mentions: number }[]) {
    Object.assign(counts.get(r.id)!, { documents: r.documents, mentions: r.mentions });
  }
  for (const r of db
    .prepare(
      `SELECT id, count(*) AS events FROM (
         SELECT DISTINCT entity_id AS id, document_id, event_idx FROM event_arguments WHERE entity_id IN (SELECT value FROM json_each(@ids))
         UNION
         SELECT place AS id, document_id, idx FROM events WHERE place IN (SELECT value FROM json_each(@ids))
       ) GROUP BY id`,
    )
    .all({ ids: json }) as { id: string; events: number }[]) {
    counts.get(r.id)!.events = r.events;
  }
  return counts;
}

function summaries(db: Db, ids: string[]): EntitySummary[] {
  const attrs = canonicalEntities(db, ids);
  const counts = entityCounts(db, ids);
  return ids.flatMap((id) => {
    const a = attrs.get(id);
    if (!a) return [];
    return [
      {
        id,
        type: a.type,
        subtype: a.subtype,
        name: { ar: a.name_ar, en: a.name_en },
        country: a.country,
        geo: toGeo(a),
        ...counts.get(id)!,
      },
    ];
  });
}

/** Entities, most documents first; by type, part of a name or label, and document filter. */
export function queryEntities(db: Db, query: EntityQuery): EntityPage {
  const p: Params = { limit: query.limit, offset: query.offset };
  const where: string[] = [];
  if (query.type) {
    p.type = query.type;
    where.push('en.type = @type');
  }
  if (query.name) {
    p.name = `%${query.name.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(
      `(en.name_ar LIKE @name ESCAPE '\\' OR en.name_en LIKE @name ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = en.document_id AND m.entity_idx = en.idx AND m.text LIKE @name ESCAPE '\\'))`,
    );
  }
  if (query.filter) {
    const docs = documentConditions(query.filter, p, 'all');
    if (docs.length) where.push(`en.document_id IN (SELECT d.id FROM documents d WHERE ${docs.join(' AND ')})`);
  }
  // Unfiltered, the documents of each entity are counted from one pass over the index
  // entities_document_entity (document, entity pairs in order, each pair once), where
  // count(DISTINCT document_id) per entity looked up every row of the table from entities_entity.
  const grouped = where.length
    ? `SELECT en.entity_id AS id, count(DISTINCT en.document_id) AS n FROM entities en ${whereClause(where)} GROUP BY en.entity_id`
    : 'SELECT entity_id AS id, count(*) AS n FROM (SELECT DISTINCT document_id, entity_id FROM entities) GROUP BY entity_id';
  const total = (db.prepare(`SELECT count(DISTINCT en.entity_id) AS n FROM entities en ${whereClause(where)}`).get(p) as { n: number }).n;
  const ids = (db.prepare(`${grouped} ORDER BY n DESC, id LIMIT @limit OFFSET @offset`).all(p) as { id: string }[]).map((r) => r.id);
  return { total, rows: summaries(db, ids) };
}

/** One entity across the store: names, counts, the labels each outlet uses, its mentions. */
export function queryEntity(db: Db, id: string, mentionLimit: number): EntityProfile | null {
  const [summary] = summaries(db, [id]);
  if (!summary) return null;
  const labels = db
    .prepare(
      `SELECT d.outlet AS outlet, m.text AS label, count(*) AS count
       FROM entities en JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
       JOIN documents d ON d.id = en.document_id
       WHERE en.entity_id = ? GROUP BY d.outlet, m.text ORDER BY count DESC, d.outlet IS NULL, d.outlet, label`,
    )
    .all(id) as { outlet: string | null; label: string; count: number }[];
  const mentionRows = (
    db
      .prepare(
        `SELECT d.id, d.title, d.published, d.outlet, d.url, m.start, m.end, m.text
         FROM entities en JOIN mentions m ON m.document_id = en.document_id AND m.entity_idx = en.idx
         JOIN documents d ON d.id = en.document_id
         WHERE en.entity_id = ? ORDER BY d.published IS NULL, d.published DESC, d.id, m.start LIMIT ?`,
      )
      .all(id, mentionLimit) as (DocumentRef & Span)[]
  ).map((r) => ({
    document: { id: r.id, title: r.title, published: r.published, outlet: r.outlet, url: r.url },
    span: { start: r.start, end: r.end, text: r.text },
  }));
  const roles = db
    .prepare('SELECT role, count(DISTINCT document_id || \'#\' || event_idx) AS n FROM event_arguments WHERE entity_id = ? GROUP BY role')
    .all(id) as { role: 'actor' | 'recipient'; n: number }[];
  const role = (r: string) => roles.find((x) => x.role === r)?.n ?? 0;
  const atPlace = (db.prepare('SELECT count(*) AS n FROM events WHERE place = ?').get(id) as { n: number }).n;
  return { ...summary, labels, mentionRows, asActor: role('actor'), asRecipient: role('recipient'), atPlace };
}

/** Places with coordinates in the documents matching a filter. */
export function queryPlaces(db: Db, filter: RecordFilter): PlaceSummary[] {
  const p: Params = {};
  const docs = documentConditions(filter, p, 'all');
  const rows = db
    .prepare(
      `SELECT en.entity_id AS id, count(DISTINCT en.document_id) AS documents
       FROM entities en JOIN documents d ON d.id = en.document_id
       WHERE en.type = 'LOC' AND en.lat IS NOT NULL ${docs.length ? 'AND ' + docs.join(' AND ') : ''}
       GROUP BY en.entity_id ORDER BY documents DESC, id`,
    )
    .all(p) as { id: string; documents: number }[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attrs = canonicalEntities(db, ids);
  const ep: Params = { ids: JSON.stringify(ids) };
  const ev = eventConditions(filter, ep);
  const events = new Map(
    (
      db
        .prepare(
          `SELECT e.place AS id, count(*) AS n FROM events e JOIN documents d ON d.id = e.document_id
           WHERE e.place IN (SELECT value FROM json_each(@ids)) ${ev.length ? 'AND ' + ev.join(' AND ') : ''} GROUP BY e.place`,
        )
        .all(ep) as { id: string; n: number }[]
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
/**
 * The citing event's sentence, only when it holds the figure: an event told in several
 * sentences (merged, with `evidence`) cites the figures of all of them, and its own sentence
 * is only the first (issue 15: 34 of 246 figures showed a sentence about something else).
 * Null otherwise; the service then finds the figure's sentence in the text.
 */
const FIGURE_SENTENCE = `CASE WHEN ev.sentence_start <= q.start AND q.end <= ev.sentence_end THEN ev.sentence_start END AS sentence_start,
  CASE WHEN ev.sentence_start <= q.start AND q.end <= ev.sentence_end THEN ev.sentence_end END AS sentence_end`;

function figureConditions(filter: RecordFilter, p: Params, category?: string): string[] {
  const where = [...documentConditions(filter, p, 'all', false), ...dateRange(FIGURE_DATE, filter, p)];
  if (category) {
    p.category = category;
    where.push('q.category = @category');
  }
  return where;
}

/**
 * What counting figures must join: the documents when a condition reads them, the citing event
 * when one reads the figure's date. Each figure has one document and at most one first citing
 * event, so the count is the same as over `FIGURE_FROM`, without a lookup per figure.
 */
function figureCountFrom(conditions: readonly string[]): string {
  if (conditions.some((c) => /\bev\./.test(c))) return FIGURE_FROM;
  if (conditions.some((c) => /\bd\./.test(c))) return 'FROM quantities q JOIN documents d ON d.id = q.document_id';
  return 'FROM quantities q';
}

/**
 * Figures a figure dated on or after @since (and before @below, the end of a `to` filter, when
 * there is one) can only be among: those of documents published so, and those cited by an
 * event dated so (a figure's date is its first citing event's, else its document's). Both come
 * from an index (`documents_newest`, `events_sort_date`: an event's date, else its document's,
 * so a few more events than needed, never fewer). CROSS JOIN keeps SQLite walking from the
 * events: with statistics taken when the store was small (`PRAGMA optimize` need not take them
 * again as it grows), it scanned every event_quantities row instead (100 ms at 100,000 articles).
 */
const figuresSince = (bounded: boolean) => `SELECT qa.rowid FROM quantities qa
    WHERE qa.document_id IN (SELECT id FROM documents WHERE published >= @since ${bounded ? 'AND published < @below' : ''})
  UNION
  SELECT qb.rowid FROM events eb CROSS JOIN event_quantities eqb ON eqb.document_id = eb.document_id AND eqb.event_idx = eb.idx
    CROSS JOIN quantities qb ON qb.document_id = eqb.document_id AND qb.idx = eqb.quantity_idx
  WHERE eb.sort_date >= @since ${bounded ? 'AND eb.sort_date < @below' : ''}`;

/**
 * The newest `offset + limit` figures without dating and sorting every figure: the figures
 * dated on or after the publication date of the K-th newest document (before the filter's end
 * date; K four times the rows wanted, then eight times more at each step), when there are
 * enough of them, are the newest ones: every figure left out is older, or undated, and sorts
 * after them. Null when no such date gives enough (the caller then sorts them all).
 */
function newestFigures<T>(db: Db, select: string, conditions: readonly string[], order: string, p: Params, filter: RecordFilter): T[] | null {
  const want = (p.offset as number) + (p.limit as number);
  const { below } = dateBounds(filter);
  const nth = db
    .prepare(`SELECT published FROM documents WHERE published IS NOT NULL ${below !== null ? 'AND published < @below' : ''} ORDER BY published DESC LIMIT 1 OFFSET @n`)
    .pluck();
  const page = db.prepare(`${select} WHERE q.rowid IN (${figuresSince(below !== null)}) AND ${FIGURE_DATE} >= @since ${conditions.map((c) => `AND ${c}`).join(' ')} ${order} LIMIT @want`);
  for (let k = want * 4; ; k *= 8) {
    const since = nth.get({ n: k - 1, ...(below !== null ? { below } : {}) }) as string | undefined;
    if (since === undefined) return null;
    const rows = page.all({ ...p, since, want, ...(below !== null ? { below } : {}) }) as T[];
    if (rows.length === want) return rows.slice(p.offset as number);
  }
}

/** Figures matching a filter, newest first. */
export function queryFigures(db: Db, query: FigureQuery): FigurePage {
  const p: Params = { limit: query.limit, offset: query.offset };
  const conditions = figureConditions(query.filter, p, query.category);
  const where = whereClause(conditions);
  const { from, below } = dateBounds(query.filter);
  // With a date range, only the figures of its documents and events are dated in it: counted
  // among those (from the year of its first day: "2024" is within from=2024-11-15).
  const total = (
    from !== null
      ? db
          .prepare(`SELECT count(*) AS n ${FIGURE_FROM} WHERE q.rowid IN (${figuresSince(below !== null)}) ${conditions.map((c) => `AND ${c}`).join(' ')}`)
          .get({ ...p, since: from.slice(0, 4), ...(below !== null ? { below } : {}) })
      : db.prepare(`SELECT count(*) AS n ${figureCountFrom(conditions)} ${where}`).get(p)
  ) as { n: number };
  const select = `SELECT q.document_id, q.idx, q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted, q.category,
              d.title, d.published, d.outlet, d.url, ${FIGURE_DATE} AS date, ${FIGURE_SENTENCE}
       ${FIGURE_FROM}`;
  const order = 'ORDER BY date IS NULL, date DESC, q.document_id, q.idx';
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
    (total.n > query.offset + query.limit ? newestFigures<FigureDbRow>(db, select, conditions, order, p, query.filter) : null) ??
    (db.prepare(`${select} ${where} ${order} LIMIT @limit OFFSET @offset`).all(p) as FigureDbRow[]);
  const texts = documentTexts(db, rows.filter((r) => r.sentence_start !== null).map((r) => r.document_id));
  return {
    total: total.n,
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

/**
 * Figures summed by month and category, and by outlet and category, in like units only, each
 * figure of a document once, and sums only where they mean something (`store/sums.ts`).
 */
export function queryFigureSeries(db: Db, filter: RecordFilter): FigureSeries {
  const p: Params = {};
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
  const byMonth = db
    .prepare(
      `SELECT period, category, unit, count(*) AS count, sum(${amount}) AS sum
       FROM (${distinct(`substr(${FIGURE_DATE}, 1, 7) AS period,`, [...where, `length(${FIGURE_DATE}) >= 7`])})
       GROUP BY period, category, unit ORDER BY period, category, unit IS NULL, unit`,
    )
    .all(p) as FigureSeries['byMonth'];
  const bySource = db
    .prepare(
      `SELECT outlet, category, unit, count(*) AS count, sum(${amount}) AS sum
       FROM (${distinct('d.outlet AS outlet,', where)})
       GROUP BY outlet, category, unit ORDER BY count DESC, outlet IS NULL, outlet, category, unit IS NULL, unit`,
    )
    .all(p) as FigureSeries['bySource'];
  return { byMonth: withSums(byMonth), bySource: withSums(bySource) };
}

/**
 * Events per month and type (events whose date, else their article's, gives the month), and per
 * year and type for events known only to the year (`period` "YYYY"). Undated events are in none.
 */
export function queryTimeline(db: Db, filter: RecordFilter): TimelineBucket[] {
  const p: Params = {};
  const where = [...eventConditions(filter, p), `${EVENT_DATE} IS NOT NULL`];
  // An event known only to its year is counted in its year ("2017"), never spread over months.
  return db
    .prepare(
      `SELECT substr(${EVENT_DATE}, 1, min(7, length(${EVENT_DATE}))) AS period, e.type AS type, count(*) AS count
       FROM events e JOIN documents d ON d.id = e.document_id ${whereClause(where)}
       GROUP BY period, e.type ORDER BY period, e.type`,
    )
    .all(p) as TimelineBucket[];
}

/** Actor → recipient edges by event type. */
export function queryNetwork(db: Db, filter: RecordFilter, limit: number): NetworkEdge[] {
  const p: Params = { limit };
  const where = whereClause(eventConditions(filter, p));
  const rows = db
    .prepare(
      `SELECT a.entity_id AS actor, r.entity_id AS recipient, e.type AS type, count(*) AS count
       FROM events e JOIN documents d ON d.id = e.document_id
       JOIN event_arguments a ON a.document_id = e.document_id AND a.event_idx = e.idx AND a.role = 'actor'
       JOIN event_arguments r ON r.document_id = e.document_id AND r.event_idx = e.idx AND r.role = 'recipient'
       ${where}
       GROUP BY a.entity_id, r.entity_id, e.type ORDER BY count DESC, actor, recipient, type LIMIT @limit`,
    )
    .all(p) as { actor: string; recipient: string; type: NetworkEdge['type']; count: number }[];
  const attrs = canonicalEntities(db, rows.flatMap((r) => [r.actor, r.recipient]));
  const ref = (id: string): EntityRef => {
    const a = attrs.get(id);
    return { id, type: a?.type ?? null, name: { ar: a?.name_ar ?? null, en: a?.name_en ?? null } };
  };
  return rows.map((r) => ({ actor: ref(r.actor), recipient: ref(r.recipient), type: r.type, count: r.count }));
}

/** The values filter menus offer, with counts. */
export function queryFacets(db: Db): Facets {
  const values = (sql: string) => db.prepare(sql).all() as { value: string; count: number }[];
  const named = (type: 'actors' | 'places') => {
    const rows = db
      .prepare(
        `SELECT entity_id AS id, count(DISTINCT document_id) AS count FROM entities
         WHERE ${type === 'places' ? "type = 'LOC'" : "type IN ('ORG', 'PER') OR entity_id IN (SELECT entity_id FROM event_arguments WHERE role = 'actor')"}
         GROUP BY entity_id ORDER BY count DESC, id LIMIT 100`,
      )
      .all() as { id: string; count: number }[];
    const attrs = canonicalEntities(db, rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, name: { ar: attrs.get(r.id)?.name_ar ?? r.id, en: attrs.get(r.id)?.name_en ?? null }, count: r.count }));
  };
  return {
    eventTypes: values('SELECT type AS value, count(*) AS count FROM events GROUP BY type ORDER BY count DESC, value'),
    topics: values('SELECT topic AS value, count(*) AS count FROM event_topics GROUP BY topic ORDER BY count DESC, value'),
    outlets: values('SELECT outlet AS value, count(*) AS count FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, value'),
    categories: values('SELECT category AS value, count(*) AS count FROM quantities GROUP BY category ORDER BY count DESC, value'),
    actors: named('actors'),
    places: named('places'),
  };
}
