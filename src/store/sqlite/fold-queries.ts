/**
 * The read side of folding in the SQLite store: folded events (one act, many reports), with
 * their reports and each outlet's figures side by side. `folds.ts` keeps the folds on write.
 */
import type Database from 'better-sqlite3';
import { SIZE_CATEGORIES, type SizeCategory } from '../../extract/record.js';
import type { EntityRef, EventRow, FoldFigures, FoldPage, FoldQuery, FoldRow, FoldSort, PlaceRef } from '../store.js';
import { canonicalEntities, eventConditions, eventsByRowid, toGeo, whereClause, type EntityAttrs, type Params } from './queries.js';

type Db = Database.Database;

/** A `folds` row with its `figures` parsed (both engines). */
export interface FoldRowData {
  id: string;
  type: FoldRow['type'];
  modality: FoldRow['modality'];
  mode: string | null;
  date_value: string | null;
  date_precision: FoldRow['date']['precision'];
  place: string | null;
  sources: number;
  confidence: number;
  figures: SizeCategory[];
}

/** A `folds` row as SQLite gives it: `figures` as JSON text. */
type FoldDbRow = Omit<FoldRowData, 'figures'> & { figures: string };

export const FOLD_SORTS: Record<FoldSort, string> = {
  'date': 'f.sort_date IS NULL, f.sort_date ASC',
  '-date': 'f.sort_date IS NULL, f.sort_date DESC',
  'sources': 'f.sources ASC, f.sort_date IS NULL, f.sort_date DESC',
  '-sources': 'f.sources DESC, f.sort_date IS NULL, f.sort_date DESC',
  'type': 'f.type ASC',
  '-type': 'f.type DESC',
  'confidence': 'f.confidence ASC',
  '-confidence': 'f.confidence DESC',
};

/**
 * The same orders as `FOLD_SORTS`, written so that SQLite's indexes on the date and the sources
 * give the rows in order and LIMIT stops the scan: SQLite puts NULLs last in a descending order
 * already, and `NULLS LAST` in an ascending one still walks the index.
 */
const SQLITE_FOLD_SORTS: Record<FoldSort, string> = {
  ...FOLD_SORTS,
  'date': 'f.sort_date ASC NULLS LAST',
  '-date': 'f.sort_date DESC',
  'sources': 'f.sources ASC, f.sort_date DESC',
  '-sources': 'f.sources DESC, f.sort_date DESC',
};

export const FOLD_COLUMNS = 'f.id, f.type, f.modality, f.mode, f.date_value, f.date_precision, f.place, f.sources, f.confidence, f.figures';

/** Earliest published first, then by document and position. */
export function byPublication(a: EventRow, b: EventRow): number {
  const pa = a.document.published ?? '9999';
  const pb = b.document.published ?? '9999';
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.document.id !== b.document.id) return a.document.id < b.document.id ? -1 : 1;
  return a.index - b.index;
}

/** The entities a role of the reports names, the most named first (then in the order first named). */
export function union(members: readonly EventRow[], role: 'actors' | 'recipients'): EntityRef[] {
  const seen = new Map<string, { ref: EntityRef; count: number; first: number }>();
  for (const m of members) {
    for (const a of m[role]) {
      const s = seen.get(a.id);
      if (s) s.count++;
      else seen.set(a.id, { ref: { id: a.id, type: a.type, name: a.name }, count: 1, first: seen.size });
    }
  }
  return [...seen.values()].sort((x, y) => y.count - x.count || x.first - y.first).map((s) => s.ref);
}

/** The figures of each category the reports give, every report's own side by side. */
export function figuresOf(members: readonly EventRow[], categories: readonly SizeCategory[], texts: Map<string, string>): FoldFigures[] {
  return SIZE_CATEGORIES.filter((c) => categories.includes(c)).map((category) => {
    const reports = members.flatMap((m) => {
      const f = m.size?.[category];
      if (!f) return [];
      return [{ document: m.document, index: m.index, value: f.value, low: f.low, high: f.high, qualifier: f.qualifier, text: texts.get(`${m.document.id}#${f.quantity}`) ?? null }];
    });
    const lows = reports.map((r) => r.value ?? r.low ?? r.high).filter((x): x is number => x !== null);
    const highs = reports.map((r) => r.value ?? r.high ?? r.low).filter((x): x is number => x !== null);
    return { category, low: lows.length ? Math.min(...lows) : null, high: highs.length ? Math.max(...highs) : null, reports };
  });
}

/** The reports of each fold, by fold id. */
export function membersByFold(events: readonly EventRow[]): Map<string, EventRow[]> {
  const membersOf = new Map<string, EventRow[]>();
  for (const e of events) {
    let list = membersOf.get(e.fold!.id);
    if (!list) membersOf.set(e.fold!.id, (list = []));
    list.push(e);
  }
  return membersOf;
}

/** The places of folds that none of their reports is located at (to be looked up by id). */
export function unplacedFolds(rows: readonly FoldRowData[], membersOf: Map<string, EventRow[]>): string[] {
  return rows.filter((r) => r.place !== null && !(membersOf.get(r.id) ?? []).some((m) => m.place?.id === r.place)).map((r) => r.place!);
}

/**
 * Fold rows as `FoldRow`s: their reports (earliest published first), names, place and each
 * outlet's figures (`texts`: a figure's words by "document#quantity index"; `places`: the
 * entities of `unplacedFolds`). Engine-neutral: both stores read the rows, then call this.
 */
export function assembleFolds(rows: readonly FoldRowData[], membersOf: Map<string, EventRow[]>, texts: Map<string, string>, places: Map<string, EntityAttrs>): FoldRow[] {
  return rows.map((r): FoldRow => {
    const members = (membersOf.get(r.id) ?? []).sort(byPublication);
    let place: PlaceRef | null = r.place === null ? null : (members.find((m) => m.place?.id === r.place)?.place ?? null);
    if (r.place !== null && place === null) {
      const e = places.get(r.place);
      place = { id: r.place, type: e?.type ?? null, name: { ar: e?.name_ar ?? null, en: e?.name_en ?? null }, geo: e ? toGeo(e) : null, country: e?.country ?? null };
    }
    return {
      id: r.id,
      type: r.type,
      mode: r.mode,
      modality: r.modality,
      date: { value: r.date_value, precision: r.date_precision },
      place,
      actors: union(members, 'actors'),
      recipients: union(members, 'recipients'),
      sources: r.sources,
      outlets: [...new Set(members.map((m) => m.document.outlet).filter((o): o is string => o !== null))],
      confidence: r.confidence,
      figures: figuresOf(members, r.figures, texts),
      members,
    };
  });
}

/** Fills fold rows with their reports, names and figures. */
function hydrateFolds(db: Db, dbRows: FoldDbRow[]): FoldRow[] {
  if (dbRows.length === 0) return [];
  const rows = dbRows.map((r): FoldRowData => ({ ...r, figures: JSON.parse(r.figures) as SizeCategory[] }));
  const keys = db
    .prepare('SELECT rowid AS rid, fold_id FROM events WHERE fold_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(rows.map((r) => r.id))) as { rid: number; fold_id: string }[];
  const events = eventsByRowid(db, keys.map((k) => k.rid));
  const membersOf = membersByFold(events);
  const documents = [...new Set(events.map((e) => e.document.id))];
  const texts = new Map(
    (
      db.prepare('SELECT document_id, idx, text FROM quantities WHERE document_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(documents)) as {
        document_id: string;
        idx: number;
        text: string;
      }[]
    ).map((q) => [`${q.document_id}#${q.idx}`, q.text]),
  );
  return assembleFolds(rows, membersOf, texts, canonicalEntities(db, unplacedFolds(rows, membersOf)));
}

/**
 * Folded events with a report matching the filter, sorted, one page, with their reports.
 */
export function queryFolds(db: Db, query: FoldQuery): FoldPage {
  const p: Params = { limit: query.limit, offset: query.offset };
  const conditions = eventConditions(query.filter, p);
  const where: string[] = [];
  if (conditions.length) {
    const from = conditions.some((c) => /\bd\./.test(c)) ? 'events e JOIN documents d ON d.id = e.document_id' : 'events e';
    where.push(`f.id IN (SELECT e.fold_id FROM ${from} WHERE ${conditions.join(' AND ')})`);
  }
  if (query.minSources !== undefined) {
    p.minSources = query.minSources;
    where.push('f.sources >= @minSources');
  }
  if (query.figures === true) where.push("f.figures <> '[]'");
  else if (query.figures !== undefined) {
    p.category = query.figures;
    where.push('EXISTS (SELECT 1 FROM json_each(f.figures) WHERE value = @category)');
  }
  if (where.some((c) => /\bSELECT\b/.test(c))) {
    // Folds chosen by their events (or figures): one pass over them, sorted, the total riding along.
    const rows = db
      .prepare(`SELECT ${FOLD_COLUMNS}, count(*) OVER () AS total FROM folds f ${whereClause(where)} ORDER BY ${FOLD_SORTS[query.sort]}, f.id LIMIT @limit OFFSET @offset`)
      .all(p) as (FoldDbRow & { total: number })[];
    const total = rows[0]?.total ?? (db.prepare(`SELECT count(*) AS n FROM folds f ${whereClause(where)}`).get(p) as { n: number }).n;
    return { total, rows: hydrateFolds(db, rows) };
  }
  // Otherwise counted on its own: a total riding on the page (count(*) OVER ()) made SQLite read
  // and sort every fold for a page of 20, where the count alone reads an index and the page
  // stops early on the date or sources index.
  const rows = db
    .prepare(`SELECT ${FOLD_COLUMNS} FROM folds f ${whereClause(where)} ORDER BY ${SQLITE_FOLD_SORTS[query.sort]}, f.id LIMIT @limit OFFSET @offset`)
    .all(p) as FoldDbRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM folds f ${whereClause(where)}`).get(p) as { n: number }).n;
  return { total, rows: hydrateFolds(db, rows) };
}

/** One folded event, or null. */
export function queryFold(db: Db, id: string): FoldRow | null {
  const row = db.prepare(`SELECT ${FOLD_COLUMNS} FROM folds f WHERE f.id = ?`).get(id) as FoldDbRow | undefined;
  return row ? hydrateFolds(db, [row])[0]! : null;
}
