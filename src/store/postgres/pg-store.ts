/**
 * The networked store: PostgreSQL (15 or newer) through node-postgres (`pg`), behind the same
 * `Store` interface as SQLite and with the same answers (the contract suites in test/store run
 * against both).
 *
 * One store is the tables of one schema: `postgres://user@host/db` uses `public`,
 * `postgres://user@host/db?schema=news` the schema `news`, so several stores can live in one
 * database. Records are JSONB; search reads a tsvector made of Marsad's own terms (the same
 * normalised stems SQLite's FTS5 table holds) through a GIN index; entity lookups by part of a
 * name use `pg_trgm` indexes.
 *
 * Opening is synchronous (`openStore` is): the connection, the check that a store is there and
 * the migrations run at once in the background, and every method waits for them, so an error
 * (no server, no database, no store, a newer schema) is raised by the first call.
 */
import pg from 'pg';
import type { PoolClient } from 'pg';
import { hostname } from 'node:os';
import { MarsadError } from '../../errors.js';
import type { DocumentRecord } from '../../extract/record.js';
import { anchorKey, applyReviews, isListed, type ReviewedRecord, type ReviewRow } from '../../services/review-apply.js';
import { bandKeys, bestMatch, signatureFromBytes, signatureToBytes, type Fingerprint } from '../../text/minhash.js';
import { indexText } from '../../text/search-terms.js';
import { foldColumns, type FoldColumns } from '../sqlite/folds.js';
import { lockWaitMs, processAlive } from '../sqlite/sqlite-store.js';
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
  Failure,
  FigurePage,
  FigureQuery,
  FigureSeries,
  FoldPage,
  FoldQuery,
  FoldRow,
  IngestRun,
  NetworkEdge,
  NewReview,
  PlaceSummary,
  RecordFilter,
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
  TimelineBucket,
  WatchItem,
  WatchSource,
} from '../store.js';
import { toReview, toRun, toWatchSource, type ReviewRowData, type RunRowData, type WatchSourceRow } from '../rows.js';
import { foldDocument, foldSeedsBefore } from './folds.js';
import { PG_MIGRATIONS } from './migrations.js';
import {
  documentTexts,
  lexeme,
  queryDocuments,
  queryEntities,
  queryEntity,
  queryEvents,
  queryFacets,
  queryFigureSeries,
  queryFigures,
  queryFold,
  queryFolds,
  queryNetwork,
  queryPlaces,
  queryTimeline,
} from './queries.js';

const now = () => new Date().toISOString();

/** Advisory lock keys (first half; the second is the schema's hash): migrations, writes. */
const MIGRATION_LOCK = 0x4d41_5201;
const WRITE_LOCK = 0x4d41_5202;

/** A PostgreSQL store URL taken apart. */
export interface PostgresTarget {
  /** What pg connects with: the URL without Marsad's own parameters. */
  readonly connectionString: string;
  /** The schema holding the store's tables. */
  readonly schema: string;
  /** The URL as messages show it: the password masked. */
  readonly location: string;
  readonly database: string;
  readonly host: string;
}

/** Whether a store spec is a PostgreSQL URL. */
export const isPostgresUrl = (spec: string) => /^postgres(ql)?:\/\//i.test(spec);

/** A URL with its password (if any) masked, for messages. */
export function maskPassword(spec: string): string {
  return spec.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/**
 * Reads a store URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]` (or
 * `postgresql://`; other parameters, such as `sslmode`, go to the driver).
 * @throws MarsadError `store-open` naming the URL (password masked) when it cannot be read or the schema name is not a plain SQL name.
 */
export function parsePostgresUrl(spec: string): PostgresTarget {
  const location = maskPassword(spec);
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new MarsadError('store-open', location, 'this is not a valid PostgreSQL URL (postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME])');
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new MarsadError('store-open', location, `the schema "${schema}" is not a plain SQL name: use lowercase letters, digits and _, not starting with a digit`);
  }
  url.searchParams.delete('schema');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
  return { connectionString: url.toString(), schema, location, database, host: url.host || 'localhost' };
}

/** Counts (bigint) and numeric sums arrive as numbers, as SQLite gives them. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** What an error of the driver means to a user opening a store. */
function openFailure(target: PostgresTarget, error: unknown): MarsadError {
  if (error instanceof MarsadError) return error;
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const detail =
    e.code === 'ECONNREFUSED'
      ? `no PostgreSQL server accepts connections at ${target.host} (${message}); start it, or check the host and port`
      : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
        ? `the host of this URL is unknown (${message})`
        : e.code === '3D000'
          ? `the database "${target.database}" does not exist on the server; create it first (createdb ${target.database})`
          : e.code === '28P01' || e.code === '28000'
            ? `the server refused the login: ${message}`
            : e.code === '42501'
              ? `permission denied: ${message}; the user needs CREATE on the database (to make the schema and, once, the pg_trgm extension)`
              : message;
  return new MarsadError('store-open', target.location, detail, { cause: error });
}

/**
 * The tsvector of a document: Marsad's index terms (`indexText`, as SQLite's FTS5 table holds
 * them) as lexemes with their positions, the title's weighted A, the body's D. Written as a
 * tsvector literal, so no PostgreSQL parser or dictionary splits or changes a term (the
 * `simple` configuration would lower-case and keep them too, but its parser re-splits terms at
 * characters such as '.' in "1.5" or '-' in Latin words). Positions stop at 16,383 and at 256
 * per term, as PostgreSQL keeps them; a term over 2,000 bytes (no word is) is left out.
 */
export function tsVector(title: string | null, text: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (terms: string, weight: 'A' | '') => {
    for (const term of terms.split(' ')) {
      if (term === '') continue;
      position = Math.min(position + 1, 16383);
      if (Buffer.byteLength(term) > 2000) continue;
      let list = positions.get(term);
      if (!list) positions.set(term, (list = []));
      if (list.length < 256) list.push(`${position}${weight}`);
    }
  };
  add(indexText(title ?? ''), 'A');
  add(indexText(title !== null ? text.slice(title.length) : text), '');
  const withPositions = [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(',')}`).join(' ');
  // A tsvector holds at most 1 MB: an article too long for positions keeps its terms alone.
  if (Buffer.byteLength(withPositions) < 900_000) return withPositions;
  return [...positions.keys()].map(lexeme).join(' ');
}


/** Inserts rows in one statement: each column travels as one array (`unnest`). */
async function insertRows(c: PoolClient, table: string, columns: Record<string, string>, rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const arrays = names.map((_, i) => rows.map((r) => r[i] ?? null));
  await c.query(
    `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) SELECT * FROM unnest(${names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(', ')})`,
    arrays,
  );
}

export interface OpenPostgresOptions {
  /** Make the schema and tables when there is no store there (else: `store-open`). */
  readonly create?: boolean;
}

/**
 * Opens a PostgreSQL store. The connection, the check and the migrations run in the
 * background; the first call of any method waits for them and raises their error.
 *
 * @example
 * const store = openPostgresStore('postgres://marsad@db.lan/news?schema=syria', { create: true });
 * @throws MarsadError (at once) `store-open` for a URL that cannot be read; (from the first
 *   call) `store-open` when the server, the database or (without `create`) the store is not
 *   there, `store-version` when a newer Marsad migrated it.
 */
export function openPostgresStore(spec: string, options: OpenPostgresOptions = {}): PostgresStore {
  const target = parsePostgresUrl(spec);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 4,
    connectionTimeoutMillis: 15_000,
    // Unqualified names are the store's tables; pg_trgm's operator classes live in public.
    options: `-c search_path=${target.schema},public`,
    types,
    application_name: 'marsad',
  });
  // An idle connection the server drops (a restart) must not end the process.
  pool.on('error', () => undefined);
  return new PostgresStore(pool, target, options.create ?? false);
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly location: string;
  /** Connected, checked and migrated (or the reason not). */
  readonly ready: Promise<void>;
  private closed = false;

  constructor(
    /** The connection pool (exposed for tests and maintenance). */
    readonly pool: pg.Pool,
    readonly target: PostgresTarget,
    create: boolean,
  ) {
    this.location = target.location;
    this.ready = this.prepare(create);
    this.ready.catch(() => undefined); // raised by the first call, not as an unhandled rejection
  }

  /**
   * Checks that a store is there (making it with `create`) and brings its schema up to date,
   * under a session advisory lock: a second process starting at the same time waits, then
   * finds the work done.
   */
  private async prepare(create: boolean): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw openFailure(this.target, error);
    }
    const { schema } = this.target;
    const latest = PG_MIGRATIONS.at(-1)!.version;
    const applied = async (): Promise<number[] | null> => {
      const table = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_migrations'", [schema]);
      if (table.rowCount === 0) return null;
      return (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
    };
    const pending = (versions: number[]) => {
      const newest = Math.max(0, ...versions);
      if (newest > latest) throw new MarsadError('store-version', this.location, `its schema is version ${newest}; this Marsad knows up to ${latest}`);
      return PG_MIGRATIONS.filter((m) => !versions.includes(m.version));
    };
    try {
      const versions = await applied();
      if (versions === null && !create) {
        throw new MarsadError(
          'store-open',
          this.location,
          `there is no Marsad store in schema "${schema}" of database "${this.target.database}" (\`marsad ingest FILES --store URL\` makes one)`,
        );
      }
      if (versions !== null && pending(versions).length === 0) return;
      // One migrating process per database at a time (the extension is database-wide).
      await client.query('SELECT pg_advisory_lock($1, 0)', [MIGRATION_LOCK]);
      try {
        await client.query('BEGIN');
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        const trgm = await client.query<{ schema: string }>("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_trgm'");
        if (trgm.rowCount === 0) await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
        const trgmSchema = trgm.rows[0]?.schema ?? 'public';
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
        for (const m of pending((await applied()) ?? [])) {
          await client.query(m.sql.replaceAll('gin_trgm_ops', `${trgmSchema}.gin_trgm_ops`));
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now()]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, 0)', [MIGRATION_LOCK]).catch(() => undefined);
      }
    } catch (error) {
      throw openFailure(this.target, error);
    } finally {
      client.release();
    }
  }

  /** The pool, once the store is ready. */
  private async db(): Promise<pg.Pool> {
    if (this.closed) throw new MarsadError('store-open', this.location, 'the store was closed');
    await this.ready;
    return this.pool;
  }

  /**
   * A write: one transaction holding this store's write lock (a transaction advisory lock), so
   * that writers take turns as SQLite's do (folding reads and rewrites what other documents
   * folded). Waits for the lock up to MARSAD_STORE_WAIT seconds (default 120), then
   * `store-locked`.
   */
  private async write<T>(f: (c: PoolClient) => Promise<T>, raise: () => number = () => 1): Promise<T> {
    const pool = await this.db();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw openFailure(this.target, error);
    }
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockWaitMs()))}`);
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WRITE_LOCK, this.target.schema]);
      const result = await f(client);
      // A write raises the store's generation (Store.generation) in its own transaction: by one,
      // or by what `raise` says once `f` is done (saveArticles: the articles it changed, maybe none).
      const by = raise();
      if (by > 0) await client.query('UPDATE store_generation SET value = value + $1 WHERE id = 1', [by]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof MarsadError) throw error;
      if ((error as { code?: string }).code === '55P03') {
        throw new MarsadError('store-locked', this.location, `another connection held its write lock for more than ${Math.round(lockWaitMs() / 1000)} s`, { cause: error });
      }
      throw new MarsadError('store-write', this.location, (error as Error).message, { cause: error });
    } finally {
      client.release();
    }
  }

  async documentState(id: string): Promise<DocumentState | null> {
    const { rows } = await (await this.db()).query<{ pipeline: string }>('SELECT pipeline FROM documents WHERE id = $1', [id]);
    return rows[0] ? { pipeline: rows[0].pipeline } : null;
  }

  private async insertSource(c: PoolClient, id: string, source: SourceRef, runId: number | null): Promise<boolean> {
    const result = await c.query(
      `INSERT INTO document_sources (document_id, seq, origin, url, outlet, published, run_id)
       VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM document_sources WHERE document_id = $1), $2, $3, $4, $5, $6)
       ON CONFLICT (document_id, origin) DO NOTHING`,
      [id, source.origin, source.url ?? null, source.outlet ?? null, source.published ?? null, runId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async saveDocument(record: DocumentRecord, source: SourceRef, runId: number | null): Promise<SaveOutcome> {
    return this.write((c) => this.saveRecord(c, record, source, runId));
  }

  async saveArticles(writes: readonly ArticleWrite[], runId: number | null, storyThreshold: number): Promise<ArticleWritten[]> {
    if (writes.length === 0) return [];
    let changed = 0;
    return this.write(
      async (c) => {
        const done: ArticleWritten[] = [];
        for (const w of writes) {
          const outcome = w.kind === 'record' ? await this.saveRecord(c, w.record, w.source, runId) : (await this.insertSource(c, w.id, w.source, runId)) ? 'repeat' : 'unchanged';
          const id = w.kind === 'record' ? w.record.id : w.id;
          const placement = w.fingerprint ? await this.placeDocument(c, id, w.fingerprint, storyThreshold) : null;
          if (outcome !== 'unchanged' || placement?.placed) changed++;
          done.push({ outcome, story: placement?.story ?? null });
        }
        return done;
      },
      () => changed,
    );
  }

  /** What `saveDocument` writes, inside a write transaction. */
  private async saveRecord(c: PoolClient, record: DocumentRecord, source: SourceRef, runId: number | null): Promise<SaveOutcome> {
    const pipeline = `${record.pipeline.version}|${record.pipeline.lexicon}|${record.pipeline.model ?? '-'}`;
    const existing = (await c.query<{ pipeline: string }>('SELECT pipeline FROM documents WHERE id = $1', [record.id])).rows[0];
    if (existing && existing.pipeline === pipeline) {
      // Stored since documentState was asked (by another writer, or earlier in the same
      // saveArticles): only the source is new.
      return (await this.insertSource(c, record.id, source, runId)) ? 'repeat' : 'unchanged';
    }
    const values = [
      record.id,
      record.title,
      record.published,
      record.source.outlet ?? null,
      record.source.url ?? null,
      record.source.path ?? null,
      record.text,
      JSON.stringify(record),
      pipeline,
      runId,
      now(),
      tsVector(record.title, record.text),
    ];
    // The folds its old events were in, and the events joined to them, are folded again.
    const before = existing ? await foldSeedsBefore(c, record.id) : null;
    if (existing) {
      await c.query(
        `UPDATE documents SET title = $2, published = $3, outlet = $4, url = $5, path = $6, text = $7, record = $8::jsonb, pipeline = $9,
         updated_run = $10, updated_at = $11, search = $12::tsvector WHERE id = $1`,
        values,
      );
      await this.deleteChildren(c, record.id);
    } else {
      await c.query(
        `INSERT INTO documents (id, title, published, outlet, url, path, text, record, pipeline, created_run, updated_run, created_at, updated_at, search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $10, $11, $11, $12::tsvector)`,
        values,
      );
    }
    await this.insertReviewed(c, record, before);
    await this.insertSource(c, record.id, source, runId);
    return existing ? 'updated' : 'stored';
  }

  private async deleteChildren(c: PoolClient, id: string): Promise<void> {
    for (const table of ['entities', 'mentions', 'dates', 'quantities', 'events', 'event_arguments', 'event_topics', 'event_quantities', 'messages']) {
      await c.query(`DELETE FROM ${table} WHERE document_id = $1`, [id]);
    }
  }

  /** Writes a record's rows with its reviews applied, and folds its listed events (as the SQLite store does). */
  private async insertReviewed(c: PoolClient, record: DocumentRecord, before: Awaited<ReturnType<typeof foldSeedsBefore>> | null): Promise<void> {
    const reviews = (await c.query<ReviewRowData>('SELECT *, false AS is_current FROM reviews WHERE document_id = $1 ORDER BY id', [record.id])).rows.map(toReview);
    const reviewed = applyReviews(record, reviews);
    const folding = foldColumns(reviewed.record);
    const listed = reviewed.record.events.map(isListed);
    await this.insertChildren(c, reviewed.record, folding, listed);
    await foldDocument(c, folding.filter((_, i) => listed[i]), before);
  }

  private async insertChildren(c: PoolClient, r: ReviewedRecord['record'], folding: readonly FoldColumns[], listed: readonly boolean[]): Promise<void> {
    await insertRows(
      c,
      'entities',
      { document_id: 'text', idx: 'int', entity_id: 'text', type: 'text', subtype: 'text', name_ar: 'text', name_en: 'text', country: 'text', lat: 'float8', lon: 'float8', geo_precision: 'text', pcode: 'text' },
      r.entities.map((e, i) => [r.id, i, e.id, e.type, e.subtype, e.name.ar, e.name.en, e.country, e.geo?.lat, e.geo?.lon, e.geo?.precision, e.geo?.pcode]),
    );
    await insertRows(
      c,
      'mentions',
      { document_id: 'text', entity_idx: 'int', start: 'int', end: 'int', text: 'text' },
      r.entities.flatMap((e, i) => e.mentions.map((m) => [r.id, i, m.start, m.end, m.text])),
    );
    await insertRows(
      c,
      'dates',
      { document_id: 'text', idx: 'int', start: 'int', end: 'int', text: 'text', value: 'text', precision: 'text', relative: 'bool' },
      r.dates.map((d, i) => [r.id, i, d.start, d.end, d.text, d.value, d.precision, d.relative ? true : false]),
    );
    await insertRows(
      c,
      'quantities',
      { document_id: 'text', idx: 'int', start: 'int', end: 'int', text: 'text', value: 'float8', low: 'float8', high: 'float8', qualifier: 'text', unit: 'text', counted: 'text', category: 'text' },
      r.quantities.map((q, i) => [r.id, i, q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.unit, q.counted, q.category]),
    );
    const events = r.events.flatMap((e, i) => (listed[i] ? [[e, i] as const] : []));
    await insertRows(
      c,
      'events',
      {
        document_id: 'text', idx: 'int', event_id: 'text', type: 'text', mode: 'text', place: 'text', date_value: 'text', date_precision: 'text',
        modality: 'text', topics: 'jsonb', contexts: 'jsonb', quantities: 'jsonb', sentence_start: 'int', sentence_end: 'int', trigger_start: 'int',
        trigger_end: 'int', trigger_text: 'text', content_start: 'int', content_end: 'int', confidence: 'float8', rule: 'text', sort_date: 'text',
        size: 'json', fold_event: 'text', fold_from: 'text', fold_to: 'text', review: 'json',
      },
      events.map(([e, i]) => [
        r.id, i, e.id, e.type, e.mode, e.place, e.date.value, e.date.precision, e.modality,
        JSON.stringify(e.topics), JSON.stringify(e.contexts), JSON.stringify(e.quantities),
        e.sentence.start, e.sentence.end, e.trigger.start, e.trigger.end, e.trigger.text,
        e.content?.start, e.content?.end, e.confidence, e.rule, e.date.value ?? r.published,
        e.size ? JSON.stringify(e.size) : null,
        folding[i]!.json, folding[i]!.from, folding[i]!.to, e.review ? JSON.stringify(e.review) : null,
      ]),
    );
    await insertRows(
      c,
      'event_arguments',
      { document_id: 'text', event_idx: 'int', role: 'text', position: 'int', entity_id: 'text' },
      events.flatMap(([e, i]) => [...e.actor.map((a, k) => [r.id, i, 'actor', k, a]), ...e.recipient.map((a, k) => [r.id, i, 'recipient', k, a])]),
    );
    await insertRows(c, 'event_topics', { document_id: 'text', event_idx: 'int', topic: 'text' }, events.flatMap(([e, i]) => [...new Set(e.topics)].map((t) => [r.id, i, t])));
    await insertRows(
      c,
      'event_quantities',
      { document_id: 'text', event_idx: 'int', quantity_idx: 'int' },
      events.flatMap(([e, i]) => [...new Set(e.quantities)].map((q) => [r.id, i, q])),
    );
    await insertRows(
      c,
      'messages',
      { document_id: 'text', idx: 'int', code: 'text', message: 'text', start: 'int', end: 'int' },
      r.messages.map((m, i) => [r.id, i, m.code, m.message, m.span?.start, m.span?.end]),
    );
  }

  async addReview(review: NewReview): Promise<ReviewRow> {
    return this.write(async (c) => {
      const doc = (await c.query<{ record: DocumentRecord }>('SELECT record FROM documents WHERE id = $1', [review.document])).rows[0];
      if (!doc) throw new MarsadError('not-found', review.document, 'no stored document has this id');
      const { rows } = await c.query<ReviewRowData>(
        `INSERT INTO reviews (document_id, target, anchor_key, anchor, verdict, correction, machine, context, reviewer, note, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11) RETURNING *, true AS is_current`,
        [
          review.document, review.target, anchorKey(review.target, review.anchor), JSON.stringify(review.anchor), review.verdict,
          review.correction === null ? null : JSON.stringify(review.correction), review.machine === null ? null : JSON.stringify(review.machine),
          JSON.stringify(review.context), review.reviewer, review.note, review.at ?? now(),
        ],
      );
      const before = await foldSeedsBefore(c, doc.record.id);
      await this.deleteChildren(c, doc.record.id);
      await this.insertReviewed(c, doc.record, before);
      return toReview(rows[0]!);
    });
  }

  async reviews(query: ReviewQuery): Promise<ReviewPage> {
    const db = await this.db();
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (v: unknown) => (values.push(v), `$${values.length}`);
    const current = 'r.id = (SELECT max(x.id) FROM reviews x WHERE x.document_id = r.document_id AND x.anchor_key = r.anchor_key)';
    if (!query.history) where.push(current);
    if (query.document !== undefined) where.push(`r.document_id = ${add(query.document)}`);
    if (query.reviewer !== undefined) where.push(`r.reviewer = ${add(query.reviewer)}`);
    if (query.verdict !== undefined) where.push(`r.verdict = ${add(query.verdict)}`);
    if (query.target !== undefined) where.push(`r.target = ${add(query.target)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reviews r ${clause}`, values)).rows[0]!.n;
    const rows = (
      await db.query<ReviewRowData>(`SELECT r.*, (${current}) AS is_current FROM reviews r ${clause} ORDER BY r.id DESC LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`, values)
    ).rows;
    return { total, rows: rows.map(toReview) };
  }

  async addSource(id: string, source: SourceRef, runId: number | null): Promise<boolean> {
    return this.write((c) => this.insertSource(c, id, source, runId));
  }

  async sources(id: string): Promise<SourceRef[]> {
    const { rows } = await (await this.db()).query<SourceRef & { origin: string }>(
      'SELECT origin, url, outlet, published FROM document_sources WHERE document_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((r) => ({ origin: r.origin, url: r.url, outlet: r.outlet, published: r.published }));
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const { rows } = await (await this.db()).query<{ record: DocumentRecord }>('SELECT record FROM documents WHERE id = $1', [id]);
    return rows[0]?.record ?? null;
  }

  async documentIdsByPrefix(prefix: string, limit: number): Promise<string[]> {
    // A range on the primary key (ids are lowercase hex, all below '~'; the column sorts by code point).
    const { rows } = await (await this.db()).query<{ id: string }>('SELECT id FROM documents WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3', [prefix, `${prefix}~`, limit]);
    return rows.map((r) => r.id);
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    return queryDocuments(await this.db(), { filter: { groups: request.groups }, limit: request.limit, offset: request.offset });
  }

  async documents(query: DocumentQuery): Promise<SearchResult> {
    return queryDocuments(await this.db(), query);
  }

  async documentTexts(ids: readonly string[]): Promise<Map<string, string>> {
    return documentTexts(await this.db(), ids);
  }

  async events(query: EventQuery): Promise<EventPage> {
    return queryEvents(await this.db(), query);
  }

  async folds(query: FoldQuery): Promise<FoldPage> {
    return queryFolds(await this.db(), query);
  }

  async fold(id: string): Promise<FoldRow | null> {
    return queryFold(await this.db(), id);
  }

  async entities(query: EntityQuery): Promise<EntityPage> {
    return queryEntities(await this.db(), query);
  }

  async entity(id: string, mentionLimit: number): Promise<EntityProfile | null> {
    return queryEntity(await this.db(), id, mentionLimit);
  }

  async places(filter: RecordFilter): Promise<PlaceSummary[]> {
    return queryPlaces(await this.db(), filter);
  }

  async figures(query: FigureQuery): Promise<FigurePage> {
    return queryFigures(await this.db(), query);
  }

  async figureSeries(filter: RecordFilter): Promise<FigureSeries> {
    return queryFigureSeries(await this.db(), filter);
  }

  async timeline(filter: RecordFilter): Promise<TimelineBucket[]> {
    return queryTimeline(await this.db(), filter);
  }

  async network(filter: RecordFilter, limit: number): Promise<NetworkEdge[]> {
    return queryNetwork(await this.db(), filter, limit);
  }

  async facets(): Promise<Facets> {
    return queryFacets(await this.db());
  }

  async stats(): Promise<StoreStats> {
    const db = await this.db();
    const tables = ['documents', 'entities', 'mentions', 'dates', 'quantities', 'events', 'messages', 'document_sources', 'ingest_runs', 'failures'];
    const counts = (await db.query<Record<string, number>>(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`)).rows[0]!;
    // NULLS FIRST: SQLite sorts a null outlet first among equal counts.
    const outlets = (
      await db.query<{ outlet: string | null; documents: number }>(
        'SELECT outlet, count(*)::int AS documents FROM documents GROUP BY outlet ORDER BY documents DESC, outlet NULLS FIRST LIMIT 20',
      )
    ).rows;
    const published = (await db.query<{ first: string | null; last: string | null }>('SELECT min(published) AS first, max(published) AS last FROM documents')).rows[0]!;
    const last = (await db.query<RunRowData>('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1')).rows[0];
    return {
      documents: counts.documents!,
      entities: counts.entities!,
      mentions: counts.mentions!,
      dates: counts.dates!,
      quantities: counts.quantities!,
      events: counts.events!,
      messages: counts.messages!,
      sources: counts.document_sources!,
      runs: counts.ingest_runs!,
      failures: counts.failures!,
      outlets,
      published,
      lastRun: last ? toRun(last) : null,
    };
  }

  /** Candidates compared in full when a document is placed (see ../sqlite/stories.ts). */
  private static readonly MAX_CANDIDATES = 64;

  async assignStory(id: string, fp: Fingerprint, threshold: number): Promise<string> {
    return this.write(async (c) => (await this.placeDocument(c, id, fp, threshold)).story);
  }

  /** What `assignStory` writes, inside a write transaction; `placed` is false when the document had its story already (nothing written). */
  private async placeDocument(c: PoolClient, id: string, fp: Fingerprint, threshold: number): Promise<{ story: string; placed: boolean }> {
    const placed = (await c.query<{ story_id: string }>('SELECT story_id FROM fingerprints WHERE document_id = $1', [id])).rows[0];
    if (placed) return { story: placed.story_id, placed: false };
    const keys = bandKeys(fp.signature);
    // The stored documents sharing the most band keys with it, first stored first.
    const { rows } = await c.query<{ document_id: string; signature: Buffer; shingles: number; story_id: string }>(
      `SELECT f.document_id, f.signature, f.shingles, f.story_id FROM fingerprints f JOIN documents d ON d.id = f.document_id
       WHERE f.document_id IN (
         SELECT document_id FROM fingerprint_bands WHERE band_key = ANY($1::bigint[])
         GROUP BY document_id ORDER BY count(*) DESC, document_id LIMIT ${PostgresStore.MAX_CANDIDATES})
       ORDER BY d.seq`,
      [keys],
    );
    const candidates = rows.map((r) => ({ story: r.story_id, fingerprint: { signature: signatureFromBytes(r.signature), shingles: r.shingles } }));
    const match = bestMatch(fp, candidates, threshold);
    const story = match ? match.candidate.story : id;
    await c.query('INSERT INTO fingerprints (document_id, signature, shingles, story_id, resemblance) VALUES ($1, $2, $3, $4, $5)', [
      id, signatureToBytes(fp.signature), fp.shingles, story, match ? Math.round(match.resemblance * 1000) / 1000 : null,
    ]);
    await c.query('INSERT INTO fingerprint_bands (band_key, document_id) SELECT DISTINCT k, $2 FROM unnest($1::bigint[]) AS k ON CONFLICT DO NOTHING', [keys, id]);
    return { story, placed: true };
  }

  async story(documentId: string): Promise<Story | null> {
    const db = await this.db();
    const row = (await db.query<{ story_id: string }>('SELECT story_id FROM fingerprints WHERE document_id = $1', [documentId])).rows[0];
    if (!row) return null;
    const { rows } = await db.query<{ id: string; title: string | null; published: string | null; outlet: string | null; url: string | null; resemblance: number | null }>(
      `SELECT d.id, d.title, d.published, d.outlet, d.url, f.resemblance FROM fingerprints f JOIN documents d ON d.id = f.document_id
       WHERE f.story_id = $1 ORDER BY d.seq`,
      [row.story_id],
    );
    return { id: row.story_id, documents: rows.map((d) => ({ id: d.id, title: d.title, published: d.published, outlet: d.outlet, url: d.url, resemblance: d.resemblance })) };
  }

  async documentByUrl(url: string): Promise<string | null> {
    const { rows } = await (await this.db()).query<{ document_id: string }>('SELECT document_id FROM document_sources WHERE url = $1 ORDER BY added LIMIT 1', [url]);
    return rows[0]?.document_id ?? null;
  }

  async watchSource(url: string): Promise<WatchSource | null> {
    const { rows } = await (await this.db()).query<WatchSourceRow>('SELECT * FROM watch_sources WHERE url = $1', [url]);
    return rows[0] ? toWatchSource(rows[0]) : null;
  }


  async saveWatchSource(s: WatchSource): Promise<void> {
    await this.write((c) =>
      c.query(
        `INSERT INTO watch_sources (url, kind, outlet, language, etag, last_modified, last_polled_at, last_success_at, failures, next_poll_at, last_error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, outlet = excluded.outlet, language = excluded.language, etag = excluded.etag,
           last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at,
           failures = excluded.failures, next_poll_at = excluded.next_poll_at, last_error = excluded.last_error`,
        [s.url, s.kind, s.outlet, s.language, s.etag, s.lastModified, s.lastPolledAt, s.lastSuccessAt, s.failures, s.nextPollAt, s.lastError],
      ),
    );
  }

  async watchItemsSeen(sourceUrl: string, keys: readonly string[]): Promise<Set<string>> {
    const { rows } = await (await this.db()).query<{ item_key: string }>('SELECT item_key FROM watch_items WHERE source_url = $1 AND item_key = ANY($2::text[])', [
      sourceUrl,
      [...keys],
    ]);
    return new Set(rows.map((r) => r.item_key));
  }

  async recordWatchItem(item: WatchItem): Promise<void> {
    await this.write((c) =>
      c.query(
        `INSERT INTO watch_items (source_url, item_key, url, document_id, outcome, seen_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (source_url, item_key) DO UPDATE SET url = excluded.url, document_id = excluded.document_id, outcome = excluded.outcome, seen_at = excluded.seen_at`,
        [item.sourceUrl, item.key, item.url, item.documentId, item.outcome, now()],
      ),
    );
  }

  /**
   * Opens a run. Runs left `running` by a process of this machine that no longer exists (a
   * killed ingest) are closed first as `interrupted`; runs of live processes, and of other
   * machines (which cannot be told from here), are left alone.
   */
  async generation(): Promise<number> {
    const { rows } = await (await this.db()).query<{ value: string }>('SELECT value FROM store_generation WHERE id = 1');
    return Number(rows[0]!.value);
  }

  async beginRun(info: RunInfo): Promise<number> {
    return this.write(async (c) => {
      const open = (await c.query<{ id: number; pid: number | null; host: string | null }>("SELECT id, pid, host FROM ingest_runs WHERE status = 'running'")).rows;
      for (const run of open) {
        if (run.host !== null && run.host !== hostname()) continue;
        if (run.pid !== null && processAlive(run.pid)) continue;
        await c.query("UPDATE ingest_runs SET status = 'interrupted', finished_at = $1 WHERE id = $2", [now(), run.id]);
      }
      const { rows } = await c.query<{ id: number }>(
        "INSERT INTO ingest_runs (command, inputs, pipeline, started_at, status, pid, host) VALUES ($1, $2::jsonb, $3, $4, 'running', $5, $6) RETURNING id",
        [info.command, JSON.stringify(info.inputs), info.pipeline, now(), process.pid, hostname()],
      );
      return rows[0]!.id;
    });
  }

  /** Records a failure once: the same failure seen again by a later run only updates its last run. */
  async recordFailure(runId: number, failure: Omit<Failure, 'runId'>): Promise<void> {
    await this.write((c) =>
      c.query(
        `INSERT INTO failures (run_id, origin, code, message, last_run) VALUES ($1, $2, $3, $4, $1)
         ON CONFLICT (origin, code, message) DO UPDATE SET last_run = excluded.last_run, seen = failures.seen + 1`,
        [runId, failure.origin, failure.code, failure.message],
      ),
    );
  }

  async finishRun(runId: number, counts: RunCounts, status: 'completed' | 'failed'): Promise<void> {
    await this.write((c) =>
      c.query(
        `UPDATE ingest_runs SET finished_at = $1, status = $2, stored = $3, updated = $4, unchanged = $5, repeats = $6, rejected = $7, skipped = $8 WHERE id = $9`,
        [now(), status, counts.stored, counts.updated, counts.unchanged, counts.repeats, counts.rejected, counts.skipped, runId],
      ),
    );
  }

  async runs(limit: number): Promise<IngestRun[]> {
    return (await (await this.db()).query<RunRowData>('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT $1', [limit])).rows.map(toRun);
  }

  async failures(runId: number): Promise<Failure[]> {
    const { rows } = await (await this.db()).query<{ origin: string; code: string; message: string }>(
      'SELECT origin, code, message FROM failures WHERE run_id = $1 OR last_run = $1 ORDER BY id',
      [runId],
    );
    return rows.map((r) => ({ runId, origin: r.origin, code: r.code, message: r.message }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}

/** The current schema version of a PostgreSQL store (for tests). */
export async function pgSchemaVersion(store: PostgresStore): Promise<number> {
  await store.ready;
  return (await store.pool.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]!.v;
}
