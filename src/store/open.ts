/**
 * Chooses the store from `--store` / `MARSAD_STORE`: a file path opens SQLite (the default,
 * `./marsad.db`); a `postgres://` or `postgresql://` URL opens PostgreSQL (`?schema=NAME`
 * chooses the schema holding the store, `public` by default).
 */
import { existsSync } from 'node:fs';
import { MarsadError } from '../errors.js';
import { isPostgresUrl, maskPassword, openPostgresStore } from './postgres/pg-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_STORE = './marsad.db';

export interface OpenStoreOptions {
  /**
   * Make a new, empty store when there is none at the path (and the folders leading to it).
   * Only commands that write articles ask for this (`ingest`, `watch`, `serve
   * --ingest-if-empty`); a command that only reads refuses a path where no store is, so that a
   * mistyped path is an error and not a new empty store.
   */
  readonly create?: boolean;
}

/**
 * Opens the store a user named.
 *
 * @example
 * const store = openStore(process.env.MARSAD_STORE ?? DEFAULT_STORE, { create: true });
 * @throws MarsadError `store-open` naming the path when there is no store there and `create`
 * is not set, or when the file is not a database. A PostgreSQL store connects in the
 * background: its `store-open` errors (no server, no database, no store in the schema without
 * `create`) and `store-version` come from its first call.
 */
export function openStore(spec: string, options: OpenStoreOptions = {}): Store {
  if (isPostgresUrl(spec)) return openPostgresStore(spec, { create: options.create ?? false });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new MarsadError('store-open', maskPassword(spec), 'unknown kind of store; give a SQLite file path or a postgres:// URL');
  }
  if (!options.create && spec !== ':memory:' && !existsSync(spec)) {
    throw new MarsadError('store-open', spec, 'there is no store at this path (`marsad ingest FILES --store PATH` makes one)');
  }
  return openSqliteStore(spec);
}
