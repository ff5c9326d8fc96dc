/**
 * Keeps the PostgreSQL store's folds (one event, many reports: src/services/fold.ts) in step
 * with its documents, on write, inside the transaction that writes the document. The same walk
 * as the SQLite store's (`../sqlite/folds.ts`, which explains why it is enough): from a saved
 * document's events (and, when it replaced one, the members of the old events' folds) along
 * evidence edges, each step a lookup of candidates by type, modality and day window (index
 * `events_fold_window`); only the parts reached are folded again, by the engine-neutral matcher.
 */
import type { PoolClient } from 'pg';
import {
  candidateRange,
  eventKey,
  foldEvents,
  relate,
  summarizeFold,
} from '../../services/fold.js';
import type { FoldColumns } from '../sqlite/folds.js';
import { FOLD_NODE_SELECT, foldPlaceIndex, toFoldNode, type FoldNode, type FoldRowDb } from '../rows.js';


async function loadNode(c: PoolClient, key: string): Promise<FoldNode | null> {
  const at = key.lastIndexOf('#');
  const { rows } = await c.query<FoldRowDb>(`${FOLD_NODE_SELECT} WHERE document_id = $1 AND idx = $2`, [key.slice(0, at), Number(key.slice(at + 1))]);
  return rows[0] ? toFoldNode(rows[0]) : null;
}

/** Events that can share an evidence edge with `node`: same type and modality, windows at most a day apart. */
async function candidates(c: PoolClient, node: FoldNode): Promise<FoldNode[]> {
  if (node.window === null) return [];
  const range = candidateRange(node.window);
  const { rows } = await c.query<FoldRowDb>(
    `${FOLD_NODE_SELECT} WHERE type = $1 AND modality = $2 AND fold_from BETWEEN $3 AND $4 AND fold_to >= $5`,
    [node.event.type, node.event.modality, range.fromStart, range.fromEnd, range.toAtLeast],
  );
  return rows.flatMap((r) => {
    const n = toFoldNode(r);
    return n ? [n] : [];
  });
}

/** The events joined to the seeds by evidence edges, the seeds included: whole connected parts. */
async function reach(c: PoolClient, seeds: Iterable<string>, known: readonly FoldNode[]): Promise<Map<string, FoldNode>> {
  const found = new Map<string, FoldNode>();
  const queue: FoldNode[] = [];
  for (const node of known) {
    found.set(eventKey(node.event), node);
    queue.push(node);
  }
  for (const key of seeds) {
    if (found.has(key)) continue;
    const node = await loadNode(c, key);
    if (node) {
      found.set(key, node);
      queue.push(node);
    }
  }
  while (queue.length > 0) {
    const node = queue.pop()!;
    for (const cand of await candidates(c, node)) {
      const key = eventKey(cand.event);
      if (found.has(key) || !relate(node.event, cand.event, foldPlaceIndex()).edge) continue;
      found.set(key, cand);
      queue.push(cand);
    }
  }
  return found;
}

/** Folds the given events (whole connected parts) again and writes their folds, replacing `oldFolds`. */
async function writeFolds(c: PoolClient, nodes: Iterable<FoldNode>, oldFolds: Set<string>): Promise<void> {
  const list = [...nodes];
  for (const n of list) if (n.foldId !== null) oldFolds.add(n.foldId);
  if (oldFolds.size > 0) await c.query('DELETE FROM folds WHERE id = ANY($1::text[])', [[...oldFolds]]);
  for (const members of foldEvents(list.map((n) => n.event), foldPlaceIndex())) {
    const s = summarizeFold(members, foldPlaceIndex());
    await c.query(
      `INSERT INTO folds (id, type, modality, mode, date_value, date_precision, place, sort_date, sources, outlets, events, confidence, figures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [s.id, s.type, s.modality, s.mode, s.date.value, s.date.precision, s.place, s.sortDate, s.sources, s.outlets, s.events, s.confidence, JSON.stringify(s.figures)],
    );
    await c.query(
      'UPDATE events e SET fold_id = $1 FROM unnest($2::text[], $3::int[]) AS m(document_id, idx) WHERE e.document_id = m.document_id AND e.idx = m.idx',
      [s.id, members.map((m) => m.document), members.map((m) => m.index)],
    );
  }
}

/** Before a stored document is replaced: its events' folds, and the other members of those folds (see ../sqlite/folds.ts). */
export async function foldSeedsBefore(c: PoolClient, documentId: string): Promise<{ seeds: Set<string>; folds: Set<string> }> {
  const { rows } = await c.query<{ fold_id: string }>('SELECT DISTINCT fold_id FROM events WHERE document_id = $1 AND fold_id IS NOT NULL', [documentId]);
  const folds = new Set(rows.map((r) => r.fold_id));
  const seeds = new Set<string>();
  if (folds.size > 0) {
    const members = await c.query<{ document_id: string; idx: number }>(
      'SELECT document_id, idx FROM events WHERE fold_id = ANY($1::text[]) AND document_id <> $2',
      [[...folds], documentId],
    );
    for (const m of members.rows) seeds.add(`${m.document_id}#${m.idx}`);
  }
  return { seeds, folds };
}

/**
 * After a document's rows are written with their folding columns (in the same transaction):
 * folds again every part of the store its events, or `before`, touch.
 */
export async function foldDocument(c: PoolClient, columns: readonly FoldColumns[], before: { seeds: Set<string>; folds: Set<string> } | null): Promise<void> {
  const own = columns.map((col): FoldNode => ({ event: col.event, window: col.from !== null && col.to !== null ? { from: col.from, to: col.to } : null, foldId: null }));
  await writeFolds(c, (await reach(c, before?.seeds ?? [], own)).values(), new Set(before?.folds ?? []));
}
