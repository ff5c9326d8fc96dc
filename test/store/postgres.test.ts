/**
 * The PostgreSQL store against a real server: the unchanged contract suites (stories, folds,
 * reviews and the store contract), then what only PostgreSQL has: migrations under an advisory
 * lock, the version check, opening errors that name the input, the write lock, the search
 * vector of Marsad's terms and the trigram index of names. Each test's store lives in a schema
 * of its own, dropped after it (test/helpers/postgres.ts).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore, parsePostgresUrl, pgSchemaVersion, tsVector } from '../../src/store/postgres/pg-store.js';
import { indexText } from '../../src/text/search-terms.js';
import { freshPgStore, freshSchema, freshUrl, PG_URL, withPostgres } from '../helpers/postgres.js';
import { sampleRecord, storyRecords } from '../helpers/records.js';
import { storeContract } from './contract.js';

withPostgres('PostgreSQL store', () => {
  storeContract('postgres', freshPgStore);

  describe('PostgreSQL store', () => {
    const withUrl = (url: string, schema: string) => {
      const u = new URL(url);
      u.searchParams.set('schema', schema);
      return u.toString();
    };

    it('makes its schema and runs every migration once; a second open finds them done', async () => {
      const url = freshUrl();
      const store = openPostgresStore(url, { create: true });
      expect(await pgSchemaVersion(store)).toBe(PG_MIGRATIONS.at(-1)!.version);
      await store.saveDocument(sampleRecord(), { origin: '/a' }, null);
      await store.close();
      const again = openPostgresStore(url);
      expect((await again.stats()).documents).toBe(1);
      expect((await again.pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual({ n: PG_MIGRATIONS.length });
      await again.close();
    });

    it('two processes opening one new store at once migrate it once (advisory lock)', async () => {
      const url = freshUrl();
      const stores = Array.from({ length: 4 }, () => openPostgresStore(url, { create: true }));
      await Promise.all(stores.map((s) => s.ready));
      const [first] = stores;
      expect((await first!.pool.query('SELECT version FROM schema_migrations')).rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
      // and they write side by side: each document once, every source kept
      const record = sampleRecord();
      const outcomes = await Promise.all(stores.map((s, i) => s.saveDocument(record, { origin: `/copy/${i}` }, null)));
      expect(outcomes.sort()).toEqual(['repeat', 'repeat', 'repeat', 'stored']);
      expect((await first!.sources(record.id)).map((s) => s.origin).sort()).toEqual(['/copy/0', '/copy/1', '/copy/2', '/copy/3']);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a store migrated by a newer Marsad', async () => {
      const url = freshUrl();
      const store = openPostgresStore(url, { create: true });
      await store.ready;
      await store.pool.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')");
      await store.close();
      const newer = openPostgresStore(url);
      await expect(newer.stats()).rejects.toMatchObject({
        code: 'store-version',
        message: expect.stringMatching(/the store was written by a newer Marsad: its schema is version 999/),
      });
      await newer.close();
    });

    it('a command that only reads refuses a schema that holds no store, and makes nothing there', async () => {
      const schema = freshSchema();
      const url = withUrl(PG_URL, schema);
      const store = openStore(url);
      expect(store.kind).toBe('postgres');
      await expect(store.stats()).rejects.toMatchObject({
        code: 'store-open',
        message: expect.stringContaining(`there is no Marsad store in schema "${schema}" of database "test"`),
      });
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      expect((await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount).toBe(0);
      await client.end();
      // with create (ingest, watch) it is made
      const made = openStore(url, { create: true });
      expect((await made.stats()).documents).toBe(0);
      await made.close();
    });

    it('names the input when it cannot open: a bad URL, a server that refuses, a database that does not exist; never the password', async () => {
      expect(() => openStore('postgres://me:secret@[bad/x')).toThrow(/postgres:\/\/me:\*\*\*@\[bad\/x: the store could not be opened: this is not a valid PostgreSQL URL/);
      expect(() => openStore('postgres://me@host/db?schema=Bad-Name')).toThrow(/the schema "Bad-Name" is not a plain SQL name/);
      expect(() => openStore('mysql://me:secret@x/db')).toThrow(/mysql:\/\/me:\*\*\*@x\/db: the store could not be opened: unknown kind of store/);

      const refused = openStore('postgresql://me:secret@127.0.0.1:1/test');
      const e1 = await refused.stats().catch((e: unknown) => e as Error);
      expect(e1).toMatchObject({ code: 'store-open' });
      expect((e1 as Error).message).toMatch(/^postgresql:\/\/me:\*\*\*@127\.0\.0\.1:1\/test: the store could not be opened: no PostgreSQL server accepts connections at 127\.0\.0\.1:1/);
      expect((e1 as Error).message).not.toContain('secret');
      await refused.close();

      const url = new URL(PG_URL);
      url.pathname = '/marsad_no_such_database';
      url.password = 'secret';
      const missing = openStore(url.toString(), { create: true });
      const e2 = await missing.stats().catch((e: unknown) => e as Error);
      expect(e2).toMatchObject({ code: 'store-open' });
      expect((e2 as Error).message).toContain('the database "marsad_no_such_database" does not exist on the server');
      expect((e2 as Error).message).not.toContain('secret');
      await missing.close();
    });

    it('reads the schema from the URL and passes other parameters to the driver', () => {
      const t = parsePostgresUrl('postgres://u:pw@db.lan:5433/news?schema=syria&sslmode=disable');
      expect(t).toMatchObject({ schema: 'syria', database: 'news', host: 'db.lan:5433', location: 'postgres://u:***@db.lan:5433/news?schema=syria&sslmode=disable' });
      expect(t.connectionString).toBe('postgres://u:pw@db.lan:5433/news?sslmode=disable');
      expect(parsePostgresUrl('postgres://u@db/news').schema).toBe('public');
    });

    it('a writer kept waiting by another beyond MARSAD_STORE_WAIT reports the store locked', async () => {
      const url = freshUrl();
      const store = openPostgresStore(url, { create: true });
      await store.ready;
      const holder = new pg.Client({ connectionString: PG_URL });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [0x4d41_5202, parsePostgresUrl(url).schema]);
      const before = process.env.MARSAD_STORE_WAIT;
      process.env.MARSAD_STORE_WAIT = '0.5';
      try {
        await expect(store.saveDocument(sampleRecord(), { origin: '/a' }, null)).rejects.toMatchObject({
          code: 'store-locked',
          message: expect.stringMatching(/: the store is locked by another process/),
        });
      } finally {
        if (before === undefined) delete process.env.MARSAD_STORE_WAIT;
        else process.env.MARSAD_STORE_WAIT = before;
        await holder.query('ROLLBACK');
        await holder.end();
      }
      expect(await store.saveDocument(sampleRecord(), { origin: '/a' }, null)).toBe('stored');
      await store.close();
    });

    it('indexes Marsad\'s own terms as lexemes (title weighted A), in a GIN index', async () => {
      const store = await freshPgStore();
      const record = sampleRecord();
      await store.saveDocument(record, { origin: '/a' }, null);
      const { rows } = await store.pool.query<{ lexemes: string[]; titled: string[] }>(
        `SELECT tsvector_to_array(search) AS lexemes,
                tsvector_to_array(ts_filter(search, '{a}')) AS titled FROM documents`,
      );
      const terms = new Set(indexText(record.text).split(' '));
      expect(new Set(rows[0]!.lexemes)).toEqual(terms);
      expect(new Set(rows[0]!.titled)).toEqual(new Set(indexText(record.title!).split(' ')));
      // A term the PostgreSQL parser would split is one lexeme here.
      expect(tsVector(null, 'قتل 1.5 ألف')).toContain("'1.5':2");
      const index = await store.pool.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'documents_search'");
      expect(index.rows[0].indexdef).toMatch(/USING gin \(search\)/);
      await store.close();
    });

    it('finds entities by part of a name through the trigram indexes', async () => {
      const store = await freshPgStore();
      const { a, b, c } = storyRecords();
      for (const r of [a, b, c]) await store.saveDocument(r, { origin: r.source.path! }, null);
      expect((await store.entities({ name: 'سوريا الديمق', limit: 5, offset: 0 })).rows.map((e) => e.id)).toEqual(['org:sdf']);
      const client = await store.pool.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = (await client.query("EXPLAIN SELECT 1 FROM entities WHERE name_ar ILIKE '%سوريا الديمق%'")).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain('entities_name_ar_trgm');
      } finally {
        client.release();
      }
      await store.close();
    });
  });
});
