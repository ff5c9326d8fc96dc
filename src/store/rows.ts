/**
 * Rows as both store engines read them, turned into the `Store` interface's objects. The
 * engines differ only in how a row's JSON and booleans arrive (SQLite: JSON text and 0/1;
 * PostgreSQL: parsed JSONB and booleans), so each passes its row here with those decoded.
 */
import type { FoldEvent, PlaceIndex } from '../services/fold.js';
import { gazetteerPlaces } from '../services/fold.js';
import type { ReviewRow } from '../services/review-apply.js';
import type { IngestRun, WatchSource } from './store.js';

/** A `reviews` row with its JSON columns parsed and `is_current` a boolean. */
export interface ReviewRowData {
  id: number;
  document_id: string;
  target: ReviewRow['target'];
  anchor: ReviewRow['anchor'];
  verdict: ReviewRow['verdict'];
  correction: ReviewRow['correction'];
  machine: ReviewRow['machine'];
  context: ReviewRow['context'];
  reviewer: string;
  note: string | null;
  created_at: string;
  is_current: boolean;
}

export function toReview(r: ReviewRowData): ReviewRow {
  return {
    id: r.id,
    document: r.document_id,
    target: r.target,
    anchor: r.anchor,
    verdict: r.verdict,
    correction: r.correction,
    machine: r.machine,
    context: r.context,
    reviewer: r.reviewer,
    at: r.created_at,
    note: r.note,
    current: r.is_current,
  };
}

/** An `ingest_runs` row with `inputs` parsed. */
export interface RunRowData {
  id: number;
  command: string;
  inputs: string[];
  pipeline: string;
  started_at: string;
  finished_at: string | null;
  status: IngestRun['status'];
  stored: number;
  updated: number;
  unchanged: number;
  repeats: number;
  rejected: number;
  skipped: number;
}

export function toRun(r: RunRowData): IngestRun {
  return {
    id: r.id,
    command: r.command,
    inputs: r.inputs,
    pipeline: r.pipeline,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    stored: r.stored,
    updated: r.updated,
    unchanged: r.unchanged,
    repeats: r.repeats,
    rejected: r.rejected,
    skipped: r.skipped,
  };
}

/** A `watch_sources` row (the same in both engines). */
export interface WatchSourceRow {
  url: string;
  kind: 'feed' | 'page' | null;
  outlet: string | null;
  language: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  failures: number;
  next_poll_at: string | null;
  last_error: string | null;
}

export function toWatchSource(r: WatchSourceRow): WatchSource {
  return {
    url: r.url,
    kind: r.kind,
    outlet: r.outlet,
    language: r.language,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    failures: r.failures,
    nextPollAt: r.next_poll_at,
    lastError: r.last_error,
  };
}

/** What the fold matcher reads of an event, as stored in `events.fold_event` (without its key). */
export type StoredFoldEvent = Omit<FoldEvent, 'document' | 'index'>;

/** The columns of `events` that folding on write reads (`FOLD_NODE_SELECT`). */
export interface FoldRowDb {
  document_id: string;
  idx: number;
  fold_event: string | null;
  fold_from: string | null;
  fold_to: string | null;
  fold_id: string | null;
}

/** An event as folding on write walks it: what the matcher reads, its day window, its fold. */
export interface FoldNode {
  readonly event: FoldEvent;
  readonly window: { from: string; to: string } | null;
  readonly foldId: string | null;
}

export const FOLD_NODE_SELECT = 'SELECT document_id, idx, fold_event, fold_from, fold_to, fold_id FROM events';

let places: PlaceIndex | undefined;
/** The gazetteer's places as the fold matcher nests them, built once per process. */
export const foldPlaceIndex = (): PlaceIndex => (places ??= gazetteerPlaces());

/** A stored event as a fold node; null for an event folding does not consider. */
export function toFoldNode(r: FoldRowDb): FoldNode | null {
  if (r.fold_event === null) return null;
  const stored = JSON.parse(r.fold_event) as StoredFoldEvent;
  return {
    event: { ...stored, document: r.document_id, index: r.idx },
    window: r.fold_from !== null && r.fold_to !== null ? { from: r.fold_from, to: r.fold_to } : null,
    foldId: r.fold_id,
  };
}
