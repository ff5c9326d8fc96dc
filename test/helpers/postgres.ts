/**
 * PostgreSQL for tests: the server named by MARSAD_TEST_PG (default: the local one, database
 * `test`), and stores each in a schema of its own, dropped after the test, so that test files
 * running in parallel never see each other's rows.
 *
 * Under CI the server must be there: suites that need it fail (never skip) when it does not
 * answer. Elsewhere (a clone without a server) they are skipped, with a note saying so.
 */
import pg from 'pg';
import { afterAll, afterEach, describe, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/pg-store.js';

export const PG_URL = process.env.MARSAD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the server cannot be used, or null when it answers. */
export const pgUnavailable = await reachable();

/**
 * Declares the suites of `body` when the server answers. When it does not: under CI one
 * failing test names the server and the reason; elsewhere a skipped one, and a note on stderr.
 */
export function withPostgres(name: string, body: () => void): void {
  if (pgUnavailable === null) {
    body();
    return;
  }
  const why = `PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} does not answer (${pgUnavailable})`;
  if (process.env.CI) {
    describe(name, () => {
      it('needs a PostgreSQL server (CI starts one: .ci/run)', () => {
        throw new Error(`${why}; set MARSAD_TEST_PG to a server's URL`);
      });
    });
  } else {
    process.stderr.write(`note: ${name} skipped: ${why}; set MARSAD_TEST_PG or start PostgreSQL to run them\n`);
    describe.skip(name, () => {
      it('needs a PostgreSQL server', () => undefined);
    });
  }
}

/** Schemas to drop after the test, and after the file (stores a suite shares across its tests). */
const made: string[] = [];
const madeForFile: string[] = [];
let counter = 0;

async function drop(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    while (schemas.length) await client.query(`DROP SCHEMA IF EXISTS ${schemas.pop()} CASCADE`);
  } finally {
    await client.end();
  }
}

afterEach(() => drop(made));
afterAll(() => drop(madeForFile));

/**
 * A schema name no other test uses, dropped (with everything in it) after the test, or with
 * `scope` 'file' after the test file (for a store opened in `beforeAll`).
 */
export function freshSchema(scope: 'test' | 'file' = 'test'): string {
  const schema = `marsad_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  (scope === 'test' ? made : madeForFile).push(schema);
  return schema;
}

/** The URL of a store in a fresh schema. */
export function freshUrl(scope: 'test' | 'file' = 'test'): string {
  const url = new URL(PG_URL);
  url.searchParams.set('schema', freshSchema(scope));
  return url.toString();
}

/** A new, empty, ready store in a fresh schema. */
export async function freshPgStore(scope: 'test' | 'file' = 'test'): Promise<PostgresStore> {
  const store = openPostgresStore(freshUrl(scope), { create: true });
  await store.ready;
  return store;
}
