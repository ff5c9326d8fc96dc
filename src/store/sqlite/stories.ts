/**
 * Near-duplicate stories and the state of `marsad watch` in the SQLite store (migration 6).
 * Kept apart from `sqlite-store.ts`, which calls these functions, so that the document writes
 * there stay readable.
 */
import type Database from 'better-sqlite3';
import { bandKeys, bestMatch, signatureFromBytes, signatureToBytes, type Fingerprint } from '../../text/minhash.js';
import type { Story, WatchItem, WatchSource } from '../store.js';
import { toWatchSource, type WatchSourceRow } from '../rows.js';
import { stmt } from './prepared.js';

type Db = Database.Database;

/** Keys looked up in one statement, well under SQLite's limit on bound variables. */
const KEY_CHUNK = 500;
/**
 * Candidates compared in full when a document is placed: those sharing the most LSH bands
 * with it. Two texts share about 64·J² of their bands, so a copy shares far more than an
 * unrelated text; the cap keeps a store of template-alike articles (one outlet's daily
 * bulletins, where every new one shares bands with all the others) from comparing each new
 * article with all of them (2,700 such articles: 49 ms a placement without the cap, 10 ms with).
 */
const MAX_CANDIDATES = 64;


export function assignStory(db: Db, id: string, fp: Fingerprint, threshold: number): string {
  return placeDocument(db, id, fp, threshold).story;
}

/** `assignStory`, saying also whether it placed the document now (false: it was placed before, and nothing was written). */
export function placeDocument(db: Db, id: string, fp: Fingerprint, threshold: number): { story: string; placed: boolean } {
  const placed = stmt(db, 'SELECT story_id FROM fingerprints WHERE document_id = ?').get(id) as { story_id: string } | undefined;
  if (placed) return { story: placed.story_id, placed: false };
  const keys = bandKeys(fp.signature);
  // The stored documents sharing the most band keys with it (at most MAX_CANDIDATES), first
  // stored first (ties of resemblance go to the oldest copy).
  const rows = stmt(
    db,
    `SELECT f.document_id, f.signature, f.shingles, f.story_id FROM fingerprints f JOIN documents d ON d.id = f.document_id
       WHERE f.document_id IN (
         SELECT document_id FROM fingerprint_bands WHERE band_key IN (${keys.map(() => '?').join(',')})
         GROUP BY document_id ORDER BY count(*) DESC, document_id LIMIT ${MAX_CANDIDATES})
       ORDER BY d.rowid`,
  ).all(...keys) as { document_id: string; signature: Buffer; shingles: number; story_id: string }[];
  const candidates = rows.map((r) => ({ story: r.story_id, fingerprint: { signature: signatureFromBytes(r.signature), shingles: r.shingles } }));
  const match = bestMatch(fp, candidates, threshold);
  const story = match ? match.candidate.story : id;
  stmt(db, 'INSERT INTO fingerprints (document_id, signature, shingles, story_id, resemblance) VALUES (?, ?, ?, ?, ?)')
    .run(id, signatureToBytes(fp.signature), fp.shingles, story, match ? Math.round(match.resemblance * 1000) / 1000 : null);
  const band = stmt(db, 'INSERT OR IGNORE INTO fingerprint_bands (band_key, document_id) VALUES (?, ?)');
  for (const key of keys) band.run(key, id);
  return { story, placed: true };
}

export function story(db: Db, documentId: string): Story | null {
  const row = db.prepare('SELECT story_id FROM fingerprints WHERE document_id = ?').get(documentId) as { story_id: string } | undefined;
  if (!row) return null;
  const docs = db
    .prepare(
      `SELECT d.id, d.title, d.published, d.outlet, d.url, f.resemblance FROM fingerprints f JOIN documents d ON d.id = f.document_id
       WHERE f.story_id = ? ORDER BY d.rowid`,
    )
    .all(row.story_id) as { id: string; title: string | null; published: string | null; outlet: string | null; url: string | null; resemblance: number | null }[];
  return {
    id: row.story_id,
    documents: docs.map((d) => ({ id: d.id, title: d.title, published: d.published, outlet: d.outlet, url: d.url, resemblance: d.resemblance })),
  };
}

export function documentByUrl(db: Db, url: string): string | null {
  const row = db.prepare('SELECT document_id FROM document_sources WHERE url = ? ORDER BY rowid LIMIT 1').get(url) as { document_id: string } | undefined;
  return row?.document_id ?? null;
}

export function watchSource(db: Db, url: string): WatchSource | null {
  const r = db.prepare('SELECT * FROM watch_sources WHERE url = ?').get(url) as WatchSourceRow | undefined;
  return r ? toWatchSource(r) : null;
}

export function saveWatchSource(db: Db, s: WatchSource): void {
  db.prepare(
    `INSERT INTO watch_sources (url, kind, outlet, language, etag, last_modified, last_polled_at, last_success_at, failures, next_poll_at, last_error)
     VALUES (@url, @kind, @outlet, @language, @etag, @lastModified, @lastPolledAt, @lastSuccessAt, @failures, @nextPollAt, @lastError)
     ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, outlet = excluded.outlet, language = excluded.language, etag = excluded.etag,
       last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at,
       failures = excluded.failures, next_poll_at = excluded.next_poll_at, last_error = excluded.last_error`,
  ).run(s);
}

export function watchItemsSeen(db: Db, sourceUrl: string, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK);
    const rows = db
      .prepare(`SELECT item_key FROM watch_items WHERE source_url = ? AND item_key IN (${chunk.map(() => '?').join(',')})`)
      .all(sourceUrl, ...chunk) as { item_key: string }[];
    for (const r of rows) seen.add(r.item_key);
  }
  return seen;
}

export function recordWatchItem(db: Db, item: WatchItem): void {
  db.prepare(
    `INSERT INTO watch_items (source_url, item_key, url, document_id, outcome, seen_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_url, item_key) DO UPDATE SET url = excluded.url, document_id = excluded.document_id, outcome = excluded.outcome, seen_at = excluded.seen_at`,
  ).run(item.sourceUrl, item.key, item.url, item.documentId, item.outcome, new Date().toISOString());
}
