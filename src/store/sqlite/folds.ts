/**
 * Keeps the SQLite store's folds (one event, many reports: src/services/fold.ts) in step with
 * its documents, on write, inside the transaction that writes the document.
 *
 * The folds are a function of the stored events: every connected part of the matcher's evidence
 * graph is folded on its own, so a saved or replaced document changes only the parts its events
 * (new and old) belong to. Those parts are found by a walk from its events along evidence edges,
 * each step a lookup of candidates by type, modality and day window (index
 * `events_fold_window`); only they are folded again. The result is the one `foldEvents` gives
 * over the whole store, whatever order the documents were saved in.
 */
import type Database from 'better-sqlite3';
import type { DocumentRecord } from '../../extract/record.js';
import {
  candidateRange,
  eventKey,
  foldEvents,
  foldEventsOf,
  foldWindow,
  relate,
  summarizeFold,
  type FoldEvent,
} from '../../services/fold.js';
import { FOLD_NODE_SELECT, foldPlaceIndex, toFoldNode, type FoldNode, type FoldRowDb } from '../rows.js';
import { stmt } from './prepared.js';

type Db = Database.Database;


/** Cumulative time spent folding on write, for the benchmark. */
export const foldTiming = { ms: 0, documents: 0 };

function stored(e: FoldEvent): string {
  const { document: _d, index: _i, ...rest } = e;
  return JSON.stringify(rest);
}

/** What folding keeps on an event's row: `fold_event`, `fold_from`, `fold_to`. */
export interface FoldColumns {
  readonly event: FoldEvent;
  /** `fold_event`: what the matcher reads of it, as JSON. */
  readonly json: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The folding columns of a record's events, in order, for the store to write with the events. */
export function foldColumns(record: DocumentRecord): FoldColumns[] {
  return foldEventsOf(record).map((event) => {
    const w = foldWindow(event);
    return { event, json: stored(event), from: w?.from ?? null, to: w?.to ?? null };
  });
}

/** Writes the folding columns of a document's events whose rows exist without them (migration 5). */
function writeFoldEvents(db: Db, record: DocumentRecord): void {
  const update = stmt(db, 'UPDATE events SET fold_event = ?, fold_from = ?, fold_to = ?, fold_id = NULL WHERE document_id = ? AND idx = ?');
  for (const c of foldColumns(record)) update.run(c.json, c.from, c.to, c.event.document, c.event.index);
}


function loadNode(db: Db, key: string): FoldNode | null {
  const at = key.lastIndexOf('#');
  const row = stmt(db, `${FOLD_NODE_SELECT} WHERE document_id = ? AND idx = ?`).get(key.slice(0, at), Number(key.slice(at + 1))) as FoldRowDb | undefined;
  return row ? toFoldNode(row) : null;
}

/** Events that can share an evidence edge with `node`: same type and modality, windows at most a day apart. */
function candidates(db: Db, node: FoldNode): FoldNode[] {
  if (node.window === null) return [];
  const range = candidateRange(node.window);
  const rows = stmt(
    db,
    `${FOLD_NODE_SELECT} WHERE type = ? AND modality = ? AND fold_from BETWEEN ? AND ? AND fold_to >= ?`,
  ).all(node.event.type, node.event.modality, range.fromStart, range.fromEnd, range.toAtLeast) as FoldRowDb[];
  return rows.flatMap((r) => {
    const n = toFoldNode(r);
    return n ? [n] : [];
  });
}

/** The events joined to the seeds by evidence edges, the seeds included: whole connected parts. */
function reach(db: Db, seeds: Iterable<string>, known: readonly FoldNode[] = []): Map<string, FoldNode> {
  const found = new Map<string, FoldNode>();
  const queue: FoldNode[] = [];
  for (const node of known) {
    found.set(eventKey(node.event), node);
    queue.push(node);
  }
  for (const key of seeds) {
    if (found.has(key)) continue;
    const node = loadNode(db, key);
    if (node) {
      found.set(key, node);
      queue.push(node);
    }
  }
  while (queue.length > 0) {
    const node = queue.pop()!;
    for (const c of candidates(db, node)) {
      const key = eventKey(c.event);
      if (found.has(key) || !relate(node.event, c.event, foldPlaceIndex()).edge) continue;
      found.set(key, c);
      queue.push(c);
    }
  }
  return found;
}

/** Folds the given events (whole connected parts) again and writes their folds, replacing `oldFolds`. */
function writeFolds(db: Db, nodes: Iterable<FoldNode>, oldFolds: Set<string>): void {
  const list = [...nodes];
  for (const n of list) if (n.foldId !== null) oldFolds.add(n.foldId);
  const drop = stmt(db, 'DELETE FROM folds WHERE id = ?');
  for (const id of oldFolds) drop.run(id);
  const insert = stmt(db, 
    `INSERT INTO folds (id, type, modality, mode, date_value, date_precision, place, sort_date, sources, outlets, events, confidence, figures)
     VALUES (@id, @type, @modality, @mode, @dateValue, @datePrecision, @place, @sortDate, @sources, @outlets, @events, @confidence, @figures)`,
  );
  const assign = stmt(db, 'UPDATE events SET fold_id = ? WHERE document_id = ? AND idx = ?');
  for (const members of foldEvents(list.map((n) => n.event), foldPlaceIndex())) {
    const s = summarizeFold(members, foldPlaceIndex());
    insert.run({
      ...s,
      dateValue: s.date.value,
      datePrecision: s.date.precision,
      figures: JSON.stringify(s.figures),
    });
    for (const m of members) assign.run(s.id, m.document, m.index);
  }
}

/**
 * Before a stored document is replaced: its events' folds, and the other members of those
 * folds, whose folds may change when its events go.
 *
 * The fold-mates are enough: a fold that never held one of the document's events was formed by
 * merges that never involved a cluster holding one of them (clusters only grow, so such a
 * cluster would have ended in the same fold), so it stays as it is unless it is joined by an
 * edge to what changes, and the walk from the fold-mates follows those edges.
 */
export function foldSeedsBefore(db: Db, documentId: string): { seeds: Set<string>; folds: Set<string> } {
  const folds = new Set(
    (stmt(db, 'SELECT DISTINCT fold_id FROM events WHERE document_id = ? AND fold_id IS NOT NULL').all(documentId) as { fold_id: string }[]).map((r) => r.fold_id),
  );
  const seeds = new Set<string>();
  const members = stmt(db, 'SELECT document_id, idx FROM events WHERE fold_id = ? AND document_id <> ?');
  for (const id of folds) for (const m of members.all(id, documentId) as { document_id: string; idx: number }[]) seeds.add(`${m.document_id}#${m.idx}`);
  return { seeds, folds };
}

/**
 * After a document's rows are written with their folding columns (in the same transaction):
 * folds again every part of the store its events, or `before` (from `foldSeedsBefore`, when it
 * replaced a document), touch.
 */
export function foldDocument(db: Db, columns: readonly FoldColumns[], before: { seeds: Set<string>; folds: Set<string> } | null): void {
  const t0 = performance.now();
  const own = columns.map((c): FoldNode => ({ event: c.event, window: c.from !== null && c.to !== null ? { from: c.from, to: c.to } : null, foldId: null }));
  writeFolds(db, reach(db, before?.seeds ?? [], own).values(), new Set(before?.folds ?? []));
  foldTiming.ms += performance.now() - t0;
  foldTiming.documents++;
}

/**
 * Folds every stored event again, from scratch (migration 5, and the benchmark): first gives
 * events stored before folding existed what the matcher reads of them, from their records.
 */
export function refoldAll(db: Db): void {
  const missing = db
    .prepare('SELECT DISTINCT d.id, d.record FROM events e JOIN documents d ON d.id = e.document_id WHERE e.fold_event IS NULL')
    .all() as { id: string; record: string }[];
  for (const m of missing) writeFoldEvents(db, JSON.parse(m.record) as DocumentRecord);
  const nodes = (stmt(db, FOLD_NODE_SELECT).all() as FoldRowDb[]).flatMap((r) => {
    const n = toFoldNode(r);
    return n ? [{ ...n, foldId: null }] : [];
  });
  stmt(db, 'DELETE FROM folds').run();
  writeFolds(db, nodes, new Set());
}
