/**
 * The embedded store: one SQLite file (WAL mode), through better-sqlite3.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { MarsadError } from '../../errors.js';
import type { DocumentRecord } from '../../extract/record.js';
import type { Fingerprint } from '../../text/minhash.js';
import { anchorKey, applyReviews, isListed, type ReviewedRecord, type ReviewRow } from '../../services/review-apply.js';
import { indexText } from '../../text/search-terms.js';
import type {
  ArticleWrite,
  ArticleWritten,
  DocumentQuery,
  DocumentState,
  EntityPage,
  EntityProfile,
  EntityQuery,
  EventPage,
  EventQuery,
  Facets,
  FigurePage,
  FoldPage,
  FoldQuery,
  FoldRow,
  FigureQuery,
  FigureSeries,
  NetworkEdge,
  PlaceSummary,
  RecordFilter,
  TimelineBucket,
  Failure,
  IngestRun,
  NewReview,
  ReviewPage,
  ReviewQuery,
  RunCounts,
  RunInfo,
  SaveOutcome,
  SearchRequest,
  SearchResult,
  SourceRef,
  Store,
  StoreStats,
  Story,
  WatchItem,
  WatchSource,
} from '../store.js';
import { toReview as reviewFromRow, toRun as runFromRow, type ReviewRowData, type RunRowData } from '../rows.js';
import { MIGRATIONS } from './migrations.js';
import { queryFold, queryFolds } from './fold-queries.js';
import { foldColumns, foldDocument, foldSeedsBefore, type FoldColumns } from './folds.js';
import * as stories from './stories.js';
import {
  documentTexts,
  queryDocuments,
  queryEntities,
  queryEntity,
  queryEvents,
  queryFacets,
  queryFigureSeries,
  queryFigures,
  queryNetwork,
  queryPlaces,
  queryTimeline,
} from './queries.js';

type Db = Database.Database;

const now = () => new Date().toISOString();

/** A `reviews` row as SQLite gives it: JSON as text, `is_current` as 0/1. */
interface ReviewDbRow extends Omit<ReviewRowData, 'anchor' | 'correction' | 'machine' | 'context' | 'is_current'> {
  anchor: string;
  correction: string | null;
  machine: string | null;
  context: string;
  is_current: number;
}

function toReview(r: ReviewDbRow): ReviewRow {
  return reviewFromRow({
    ...r,
    anchor: JSON.parse(r.anchor) as ReviewRow['anchor'],
    correction: r.correction === null ? null : (JSON.parse(r.correction) as ReviewRow['correction']),
    machine: r.machine === null ? null : (JSON.parse(r.machine) as ReviewRow['machine']),
    context: JSON.parse(r.context) as ReviewRow['context'],
    is_current: r.is_current === 1,
  });
}

/** An `ingest_runs` row as SQLite gives it: `inputs` as JSON text. */
type RunRow = Omit<RunRowData, 'inputs'> & { inputs: string };

const toRun = (r: RunRow): IngestRun => runFromRow({ ...r, inputs: JSON.parse(r.inputs) as string[] });

/** How long one attempt waits for a lock held by another connection (SQLite's busy handler). */
const BUSY_TIMEOUT_MS = 2000;

/** How long a write waits, over all its attempts, before the store is reported locked (`MARSAD_STORE_WAIT`, seconds). */
export function lockWaitMs(): number {
  const seconds = Number(process.env.MARSAD_STORE_WAIT);
  return Number.isFinite(seconds) && seconds >= 0 && process.env.MARSAD_STORE_WAIT !== '' ? seconds * 1000 : 120_000;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number) => void Atomics.wait(pause, 0, 0, ms);

/**
 * Runs a write, again while another connection holds the store (SQLITE_BUSY), with growing
 * pauses, until {@link lockWaitMs}; then reports the store as locked (not a disk problem).
 * Writes are short (one document, one run row), so another writer waits for at most one of them.
 */
export function withBusyRetry<T>(location: string, write: () => T): T {
  const started = Date.now();
  const wait = lockWaitMs();
  let delay = 5;
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= wait) {
        throw new MarsadError('store-locked', location, `another connection held it for more than ${Math.round(waited / 1000)} s (${(error as Error).message})`, { cause: error });
      }
      sleepSync(Math.min(delay * (1 + Math.random()), Math.max(1, wait - waited)));
      delay = Math.min(delay * 2, 250);
    }
  }
}

/**
 * Opens (creating if needed) a SQLite store and brings its schema up to date. Several
 * processes may open and write one store at once: writes are short `BEGIN IMMEDIATE`
 * transactions retried while another holds the lock, and migrations run in one such
 * transaction that checks the schema version again once it holds the lock.
 *
 * @example
 * const store = openSqliteStore('./marsad.db');
 * @throws MarsadError `store-open` when the file cannot be opened as a database,
 *         `store-version` when a newer Marsad has migrated it, `store-locked` when another
 *         process keeps it locked.
 */
export function openSqliteStore(path: string): SqliteStore {
  const memory = path === ':memory:';
  const location = memory ? path : resolve(path);
  let db: Db;
  try {
    if (!memory) mkdirSync(dirname(location), { recursive: true });
    db = new Database(location);
  } catch (error) {
    throw new MarsadError('store-open', path, (error as Error).message, { cause: error });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    withBusyRetry(path, () => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
    // A page cache of up to 64 MB (SQLite's default is 2 MB): a store of a few thousand
    // articles is tens of MB, and a write otherwise reads its index pages from the file again
    // (half the system time of an ingest of ANT).
    db.pragma('cache_size = -65536');
    migrate(db, path);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    if (error instanceof MarsadError) throw error;
    throw new MarsadError('store-open', path, (error as Error).message, { cause: error });
  }
  return new SqliteStore(db, memory ? ':memory:' : location);
}

/** The migrations a store has had, by version. */
function appliedVersions(db: Db): Set<number> {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return new Set();
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
}

/**
 * Brings the schema up to date, safe against another process doing the same at the same
 * time: the migrations run in one IMMEDIATE transaction (one writer at a time), and the
 * version is read again inside it, so the second process finds the work done. Foreign keys
 * are off meanwhile (a migration may rebuild a table others refer to).
 */
function migrate(db: Db, path: string): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  const tooNew = (v: number) => new MarsadError('store-version', path, `its schema is version ${v}; this Marsad knows up to ${latest}`);
  const pending = (applied: Set<number>) => {
    const newest = Math.max(0, ...applied);
    if (newest > latest) throw tooNew(newest);
    return MIGRATIONS.filter((m) => !applied.has(m.version));
  };
  if (pending(withBusyRetry(path, () => appliedVersions(db))).length === 0) return;
  db.pragma('foreign_keys = OFF');
  withBusyRetry(path, () =>
    db
      .transaction(() => {
        db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        for (const m of pending(appliedVersions(db))) {
          db.exec(m.sql);
          m.run?.(db);
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
        }
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`a migration left ${broken.length} broken references`);
      })
      .immediate(),
  );
}

/** Whether a process of this machine is running (a run it began is then not interrupted). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current schema version of a store file (for tests and `stats`). */
export function schemaVersion(store: SqliteStore): number {
  return (store.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly insertDocument;
  private readonly updateDocument;
  private readonly insertSource;
  private readonly insertEntity;
  private readonly insertMention;
  private readonly insertDate;
  private readonly insertQuantity;
  private readonly insertEvent;
  private readonly insertArgument;
  private readonly insertMessage;
  private readonly insertTopic;
  private readonly insertEventQuantity;

  constructor(
    /** The open database (exposed for tests and maintenance). */
    readonly db: Db,
    readonly location: string,
  ) {
    this.insertDocument = db.prepare(
      `INSERT INTO documents (id, title, published, outlet, url, path, text, record, pipeline, created_run, updated_run, created_at, updated_at)
       VALUES (@id, @title, @published, @outlet, @url, @path, @text, @record, @pipeline, @run, @run, @at, @at)`,
    );
    this.updateDocument = db.prepare(
      `UPDATE documents SET title = @title, published = @published, outlet = @outlet, url = @url, path = @path, text = @text,
       record = @record, pipeline = @pipeline, updated_run = @run, updated_at = @at WHERE id = @id`,
    );
    this.insertSource = db.prepare(
      `INSERT OR IGNORE INTO document_sources (document_id, seq, origin, url, outlet, published, run_id)
       VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM document_sources WHERE document_id = ?), ?, ?, ?, ?, ?)`,
    );
    this.insertEntity = db.prepare(
      `INSERT INTO entities (document_id, idx, entity_id, type, subtype, name_ar, name_en, country, lat, lon, geo_precision, pcode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMention = db.prepare('INSERT INTO mentions (document_id, entity_idx, start, end, text) VALUES (?, ?, ?, ?, ?)');
    this.insertDate = db.prepare(
      'INSERT INTO dates (document_id, idx, start, end, text, value, precision, relative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertQuantity = db.prepare(
      `INSERT INTO quantities (document_id, idx, start, end, text, value, low, high, qualifier, unit, counted, category)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = db.prepare(
      `INSERT INTO events (document_id, idx, event_id, type, mode, place, date_value, date_precision, modality, topics, contexts,
       quantities, sentence_start, sentence_end, trigger_start, trigger_end, trigger_text, content_start, content_end, confidence, rule, sort_date, size,
       fold_event, fold_from, fold_to, review)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertArgument = db.prepare(
      'INSERT INTO event_arguments (document_id, event_idx, role, position, entity_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertTopic = db.prepare('INSERT INTO event_topics (document_id, event_idx, topic) VALUES (?, ?, ?)');
    this.insertEventQuantity = db.prepare('INSERT INTO event_quantities (document_id, event_idx, quantity_idx) VALUES (?, ?, ?)');
    this.insertMessage = db.prepare('INSERT INTO messages (document_id, idx, code, message, start, end) VALUES (?, ?, ?, ?, ?, ?)');
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, prepared once per SQL text (preparing costs as much as running). */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async documentState(id: string): Promise<DocumentState | null> {
    const row = this.stmt('SELECT pipeline FROM documents WHERE id = ?').get(id) as { pipeline: string } | undefined;
    return row ? { pipeline: row.pipeline } : null;
  }

  async saveDocument(record: DocumentRecord, source: SourceRef, runId: number | null): Promise<SaveOutcome> {
    return this.write(() =>
      this.db
        .transaction((): SaveOutcome => {
          const outcome = this.saveRecord(record, source, runId);
          if (outcome !== 'unchanged') this.bump();
          return outcome;
        })
        .immediate(),
    );
  }

  async saveArticles(writes: readonly ArticleWrite[], runId: number | null, storyThreshold: number): Promise<ArticleWritten[]> {
    if (writes.length === 0) return [];
    return this.write(() =>
      this.db
        .transaction((): ArticleWritten[] => {
          let changed = 0;
          const done = writes.map((w): ArticleWritten => {
            const outcome = w.kind === 'record' ? this.saveRecord(w.record, w.source, runId) : this.addSourceRow(w.id, w.source, runId) ? 'repeat' : 'unchanged';
            const id = w.kind === 'record' ? w.record.id : w.id;
            const placement = w.fingerprint ? stories.placeDocument(this.db, id, w.fingerprint, storyThreshold) : null;
            if (outcome !== 'unchanged' || placement?.placed) changed++;
            return { outcome, story: placement?.story ?? null };
          });
          if (changed > 0) this.stmt('UPDATE store_generation SET value = value + ? WHERE id = 1').run(changed);
          return done;
        })
        .immediate(),
    );
  }

  /** Adds a source row (inside a write transaction); false when the document had it already. */
  private addSourceRow(id: string, source: SourceRef, runId: number | null): boolean {
    return this.insertSource.run(id, id, source.origin, source.url ?? null, source.outlet ?? null, source.published ?? null, runId).changes > 0;
  }

  /**
   * What `saveDocument` writes, inside a write transaction, without raising the generation
   * (the caller does: `unchanged` wrote nothing).
   */
  private saveRecord(record: DocumentRecord, source: SourceRef, runId: number | null): SaveOutcome {
    const pipeline = `${record.pipeline.version}|${record.pipeline.lexicon}|${record.pipeline.model ?? '-'}`;
    const existing = this.stmt('SELECT rowid, pipeline FROM documents WHERE id = ?').get(record.id) as { rowid: number; pipeline: string } | undefined;
    if (existing && existing.pipeline === pipeline) {
      // Stored since documentState was asked (by another writer, or earlier in the same
      // saveArticles): only the source is new.
      return this.addSourceRow(record.id, source, runId) ? 'repeat' : 'unchanged';
    }
    const row = {
      id: record.id,
      title: record.title,
      published: record.published,
      outlet: record.source.outlet ?? null,
      url: record.source.url ?? null,
      path: record.source.path ?? null,
      text: record.text,
      record: JSON.stringify(record),
      pipeline,
      run: runId,
      at: now(),
    };
    let rowid: number;
    // The folds its old events were in, and the events joined to them, are folded again.
    const before = existing ? foldSeedsBefore(this.db, record.id) : null;
    if (existing) {
      this.updateDocument.run(row);
      rowid = existing.rowid;
      this.deleteChildren(record.id);
      this.stmt('DELETE FROM documents_fts WHERE rowid = ?').run(rowid);
    } else {
      rowid = Number(this.insertDocument.run(row).lastInsertRowid);
    }
    this.insertReviewed(record, before);
    const body = record.title !== null ? record.text.slice(record.title.length) : record.text;
    this.stmt('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)')
      .run(rowid, indexText(record.title ?? ''), indexText(body));
    this.addSourceRow(record.id, source, runId);
    return existing ? 'updated' : 'stored';
  }

  /** Raises the store's generation (`Store.generation`); called inside every write transaction. */
  private bump(): void {
    this.stmt('UPDATE store_generation SET value = value + 1 WHERE id = 1').run();
  }

  async generation(): Promise<number> {
    return (this.stmt('SELECT value FROM store_generation WHERE id = 1').get() as { value: number }).value;
  }

  private deleteChildren(id: string): void {
    for (const table of ['entities', 'mentions', 'dates', 'quantities', 'events', 'event_arguments', 'event_topics', 'event_quantities', 'messages']) {
      this.stmt(`DELETE FROM ${table} WHERE document_id = ?`).run(id);
    }
  }

  /**
   * Writes a record's rows with its reviews applied (a newer pipeline's record gets the reviews
   * of the old one back by their anchors), and folds its listed events: rejected events get no
   * row, so every list, filter and export reads the reviewed events.
   */
  private insertReviewed(record: DocumentRecord, before: ReturnType<typeof foldSeedsBefore> | null): void {
    const reviewed = applyReviews(record, this.reviewRowsOf(record.id));
    const folding = foldColumns(reviewed.record);
    const listed = reviewed.record.events.map(isListed);
    this.insertChildren(reviewed.record, folding, listed);
    foldDocument(this.db, folding.filter((_, i) => listed[i]), before);
  }

  private reviewRowsOf(documentId: string): ReviewRow[] {
    const rows = this.stmt('SELECT *, 0 AS is_current FROM reviews WHERE document_id = ? ORDER BY id').all(documentId) as ReviewDbRow[];
    return rows.map(toReview);
  }

  async addReview(review: NewReview): Promise<ReviewRow> {
    return this.write(() =>
      this.db
        .transaction((): ReviewRow => {
          const doc = this.stmt('SELECT record FROM documents WHERE id = ?').get(review.document) as { record: string } | undefined;
          if (!doc) throw new MarsadError('not-found', review.document, 'no stored document has this id');
          const id = Number(
            this.stmt(
              `INSERT INTO reviews (document_id, target, anchor_key, anchor, verdict, correction, machine, context, reviewer, note, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            ).run(
              review.document, review.target, anchorKey(review.target, review.anchor), JSON.stringify(review.anchor), review.verdict,
              review.correction === null ? null : JSON.stringify(review.correction), review.machine === null ? null : JSON.stringify(review.machine),
              JSON.stringify(review.context), review.reviewer, review.note, review.at ?? now(),
            ).lastInsertRowid,
          );
          const record = JSON.parse(doc.record) as DocumentRecord;
          const before = foldSeedsBefore(this.db, record.id);
          this.deleteChildren(record.id);
          this.insertReviewed(record, before);
          this.bump();
          return toReview({ ...(this.stmt('SELECT * FROM reviews WHERE id = ?').get(id) as ReviewDbRow), is_current: 1 });
        })
        .immediate(),
    );
  }

  async reviews(query: ReviewQuery): Promise<ReviewPage> {
    const where: string[] = [];
    const p: Record<string, unknown> = { limit: query.limit, offset: query.offset };
    const current = 'r.id = (SELECT max(x.id) FROM reviews x WHERE x.document_id = r.document_id AND x.anchor_key = r.anchor_key)';
    if (!query.history) where.push(current);
    if (query.document !== undefined) (where.push('r.document_id = @document'), (p.document = query.document));
    if (query.reviewer !== undefined) (where.push('r.reviewer = @reviewer'), (p.reviewer = query.reviewer));
    if (query.verdict !== undefined) (where.push('r.verdict = @verdict'), (p.verdict = query.verdict));
    if (query.target !== undefined) (where.push('r.target = @target'), (p.target = query.target));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.stmt(`SELECT r.*, (${current}) AS is_current FROM reviews r ${clause} ORDER BY r.id DESC LIMIT @limit OFFSET @offset`).all(p) as ReviewDbRow[];
    const total = (this.stmt(`SELECT count(*) AS n FROM reviews r ${clause}`).get(p) as { n: number }).n;
    return { total, rows: rows.map(toReview) };
  }

  private insertChildren(r: ReviewedRecord['record'], folding: readonly FoldColumns[], listed: readonly boolean[]): void {
    r.entities.forEach((e, i) => {
      this.insertEntity.run(r.id, i, e.id, e.type, e.subtype, e.name.ar, e.name.en, e.country, e.geo?.lat ?? null, e.geo?.lon ?? null, e.geo?.precision ?? null, e.geo?.pcode ?? null);
      for (const m of e.mentions) this.insertMention.run(r.id, i, m.start, m.end, m.text);
    });
    r.dates.forEach((d, i) => this.insertDate.run(r.id, i, d.start, d.end, d.text, d.value, d.precision, d.relative ? 1 : 0));
    r.quantities.forEach((q, i) =>
      this.insertQuantity.run(r.id, i, q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted, q.category),
    );
    r.events.forEach((e, i) => {
      if (!listed[i]) return;
      this.insertEvent.run(
        r.id, i, e.id, e.type, e.mode, e.place, e.date.value, e.date.precision, e.modality,
        JSON.stringify(e.topics), JSON.stringify(e.contexts), JSON.stringify(e.quantities),
        e.sentence.start, e.sentence.end, e.trigger.start, e.trigger.end, e.trigger.text,
        e.content?.start ?? null, e.content?.end ?? null, e.confidence, e.rule, e.date.value ?? r.published,
        e.size ? JSON.stringify(e.size) : null,
        folding[i]!.json, folding[i]!.from, folding[i]!.to, e.review ? JSON.stringify(e.review) : null,
      );
      e.actor.forEach((a, k) => this.insertArgument.run(r.id, i, 'actor', k, a));
      e.recipient.forEach((a, k) => this.insertArgument.run(r.id, i, 'recipient', k, a));
      for (const topic of new Set(e.topics)) this.insertTopic.run(r.id, i, topic);
      for (const q of new Set(e.quantities)) this.insertEventQuantity.run(r.id, i, q);
    });
    r.messages.forEach((m, i) => this.insertMessage.run(r.id, i, m.code, m.message, m.span?.start ?? null, m.span?.end ?? null));
  }

  async addSource(id: string, source: SourceRef, runId: number | null): Promise<boolean> {
    try {
      return withBusyRetry(this.location, () =>
        this.db
          .transaction(() => {
            const added = this.insertSource.run(id, id, source.origin, source.url ?? null, source.outlet ?? null, source.published ?? null, runId).changes > 0;
            if (added) this.bump();
            return added;
          })
          .immediate(),
      );
    } catch (error) {
      if (error instanceof MarsadError) throw error;
      throw new MarsadError('store-write', this.location, (error as Error).message, { cause: error });
    }
  }

  async sources(id: string): Promise<SourceRef[]> {
    const rows = this.stmt('SELECT origin, url, outlet, published FROM document_sources WHERE document_id = ? ORDER BY seq')
      .all(id) as { origin: string; url: string | null; outlet: string | null; published: string | null }[];
    return rows.map((r) => ({ origin: r.origin, url: r.url, outlet: r.outlet, published: r.published }));
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.stmt('SELECT record FROM documents WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as DocumentRecord) : null;
  }

  async documentIdsByPrefix(prefix: string, limit: number): Promise<string[]> {
    // A range on the primary key (ids are lowercase hex, all below '~'), so no LIKE escaping.
    const rows = this.stmt('SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').all(prefix, `${prefix}~`, limit) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    return queryDocuments(this.db, { filter: { groups: request.groups }, limit: request.limit, offset: request.offset });
  }

  async documents(query: DocumentQuery): Promise<SearchResult> {
    return queryDocuments(this.db, query);
  }

  async documentTexts(ids: readonly string[]): Promise<Map<string, string>> {
    return documentTexts(this.db, ids);
  }

  async events(query: EventQuery): Promise<EventPage> {
    return queryEvents(this.db, query);
  }

  async folds(query: FoldQuery): Promise<FoldPage> {
    return queryFolds(this.db, query);
  }

  async fold(id: string): Promise<FoldRow | null> {
    return queryFold(this.db, id);
  }

  async entities(query: EntityQuery): Promise<EntityPage> {
    return queryEntities(this.db, query);
  }

  async entity(id: string, mentionLimit: number): Promise<EntityProfile | null> {
    return queryEntity(this.db, id, mentionLimit);
  }

  async places(filter: RecordFilter): Promise<PlaceSummary[]> {
    return queryPlaces(this.db, filter);
  }

  async figures(query: FigureQuery): Promise<FigurePage> {
    return queryFigures(this.db, query);
  }

  async figureSeries(filter: RecordFilter): Promise<FigureSeries> {
    return queryFigureSeries(this.db, filter);
  }

  async timeline(filter: RecordFilter): Promise<TimelineBucket[]> {
    return queryTimeline(this.db, filter);
  }

  async network(filter: RecordFilter, limit: number): Promise<NetworkEdge[]> {
    return queryNetwork(this.db, filter, limit);
  }

  async facets(): Promise<Facets> {
    return queryFacets(this.db);
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => (this.stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const outlets = this.stmt('SELECT outlet, count(*) AS documents FROM documents GROUP BY outlet ORDER BY documents DESC, outlet LIMIT 20')
      .all() as { outlet: string | null; documents: number }[];
    const published = this.stmt('SELECT min(published) AS first, max(published) AS last FROM documents').get() as {
      first: string | null;
      last: string | null;
    };
    const last = this.stmt('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
    return {
      documents: count('documents'),
      entities: count('entities'),
      mentions: count('mentions'),
      dates: count('dates'),
      quantities: count('quantities'),
      events: count('events'),
      messages: count('messages'),
      sources: count('document_sources'),
      runs: count('ingest_runs'),
      failures: count('failures'),
      outlets,
      published,
      lastRun: last ? toRun(last) : null,
    };
  }

  async assignStory(id: string, fingerprint: Fingerprint, threshold: number): Promise<string> {
    return this.write(() =>
      this.db
        .transaction(() => {
          const story = stories.assignStory(this.db, id, fingerprint, threshold);
          this.bump();
          return story;
        })
        .immediate(),
    );
  }

  async story(documentId: string): Promise<Story | null> {
    return stories.story(this.db, documentId);
  }

  async documentByUrl(url: string): Promise<string | null> {
    return stories.documentByUrl(this.db, url);
  }

  async watchSource(url: string): Promise<WatchSource | null> {
    return stories.watchSource(this.db, url);
  }

  async saveWatchSource(source: WatchSource): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          stories.saveWatchSource(this.db, source);
          this.bump();
        })
        .immediate(),
    );
  }

  async watchItemsSeen(sourceUrl: string, keys: readonly string[]): Promise<Set<string>> {
    return stories.watchItemsSeen(this.db, sourceUrl, keys);
  }

  async recordWatchItem(item: WatchItem): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          stories.recordWatchItem(this.db, item);
          this.bump();
        })
        .immediate(),
    );
  }

  /**
   * Opens a run. Runs left `running` by a process of this machine that no longer exists (a
   * killed ingest) are closed first as `interrupted`; runs of live processes are left alone.
   */
  async beginRun(info: RunInfo): Promise<number> {
    return this.write(() =>
      this.db
        .transaction(() => {
          const open = this.stmt("SELECT id, pid, host FROM ingest_runs WHERE status = 'running'").all() as { id: number; pid: number | null; host: string | null }[];
          for (const run of open) {
            if (run.host !== null && run.host !== hostname()) continue; // cannot tell from here
            if (run.pid !== null && processAlive(run.pid)) continue;
            this.stmt("UPDATE ingest_runs SET status = 'interrupted', finished_at = ? WHERE id = ?").run(now(), run.id);
          }
          const result = this.stmt(
            "INSERT INTO ingest_runs (command, inputs, pipeline, started_at, status, pid, host) VALUES (?, ?, ?, ?, 'running', ?, ?)",
          ).run(info.command, JSON.stringify(info.inputs), info.pipeline, now(), process.pid, hostname());
          this.bump();
          return Number(result.lastInsertRowid);
        })
        .immediate(),
    );
  }

  /** A short write, retried while another process holds the store. */
  private write<T>(f: () => T): T {
    try {
      return withBusyRetry(this.location, f);
    } catch (error) {
      if (error instanceof MarsadError) throw error;
      throw new MarsadError('store-write', this.location, (error as Error).message, { cause: error });
    }
  }

  /** Records a failure once: the same failure seen again by a later run only updates its last run. */
  async recordFailure(runId: number, failure: Omit<Failure, 'runId'>): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          this.stmt(
            `INSERT INTO failures (run_id, origin, code, message, last_run) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (origin, code, message) DO UPDATE SET last_run = excluded.last_run, seen = seen + 1`,
          ).run(runId, failure.origin, failure.code, failure.message, runId);
          this.bump();
        })
        .immediate(),
    );
  }

  async finishRun(runId: number, counts: RunCounts, status: 'completed' | 'failed'): Promise<void> {
    this.write(() =>
      this.db
        .transaction(() => {
          this.stmt(
            `UPDATE ingest_runs SET finished_at = @at, status = @status, stored = @stored, updated = @updated,
             unchanged = @unchanged, repeats = @repeats, rejected = @rejected, skipped = @skipped WHERE id = @id`,
          ).run({ ...counts, at: now(), status, id: runId });
          this.bump();
        })
        .immediate(),
    );
  }

  async runs(limit: number): Promise<IngestRun[]> {
    return (this.stmt('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[]).map(toRun);
  }

  async failures(runId: number): Promise<Failure[]> {
    const rows = this.stmt('SELECT ? AS run_id, origin, code, message FROM failures WHERE run_id = ? OR last_run = ? ORDER BY id').all(runId, runId, runId) as {
      run_id: number;
      origin: string;
      code: string;
      message: string;
    }[];
    return rows.map((r) => ({ runId: r.run_id, origin: r.origin, code: r.code, message: r.message }));
  }

  async close(): Promise<void> {
    if (this.db.open) {
      try {
        this.db.pragma('optimize');
      } catch {
        // another writer holds the store: optimizing can wait for another close
      }
      this.db.close();
    }
  }
}

/** Whether a path names an existing file (for messages that say a store was created). */
export function storeExists(path: string): boolean {
  return path !== ':memory:' && existsSync(path);
}
