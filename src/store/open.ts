/**
 * Chooses the store from `--store` / `MARSAD_STORE`: a file path opens SQLite (the default,
 * `./marsad.db`).
 */
import { MarsadError } from '../errors.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_STORE = './marsad.db';

/**
 * Opens the store a user named.
 *
 * @example
 * const store = openStore(process.env.MARSAD_STORE ?? DEFAULT_STORE);
 */
export function openStore(spec: string): Store {
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    throw new MarsadError(
      'store-open',
      spec.replace(/:[^:@/]*@/, ':***@'),
      'this version of Marsad stores in SQLite only; give a file path (PostgreSQL support is planned)',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new MarsadError('store-open', spec, 'unknown kind of store; give a SQLite file path');
  }
  return openSqliteStore(spec);
}
