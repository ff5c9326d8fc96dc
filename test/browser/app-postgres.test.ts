/**
 * The web app in Chromium over a PostgreSQL store in a fresh schema, dropped after the file
 * (test/helpers/postgres.ts): test/browser/app-suite.ts. Fails under CI when the server does not
 * answer or /usr/bin/chromium is missing.
 */
import type { PostgresStore } from '../../src/store/postgres/pg-store.js';
import { freshPgStore, withPostgres } from '../helpers/postgres.js';
import { appSuite } from './app-suite.js';

withPostgres('web app in Chromium over PostgreSQL', () => {
  appSuite({
    name: 'PostgreSQL',
    // Dropped after the file: the suite shares one store across its tests.
    openStore: () => freshPgStore('file'),
    shotSuffix: '-postgres',
    // The store's schema still exists (asked over the store's own pool, which must still be open).
    storeKept: async (app) => {
      const store = app.store as PostgresStore;
      const rows = await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [store.target.schema]);
      return rows.rows[0]?.n === 1;
    },
  });
});
