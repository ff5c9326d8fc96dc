/**
 * The HTTP API suite over a PostgreSQL store (each store in a fresh schema, dropped after the
 * file's tests: test/helpers/postgres.ts). Fails under CI when the server does not answer.
 */
import type { PostgresStore } from '../../src/store/postgres/pg-store.js';
import { freshPgStore, withPostgres } from '../helpers/postgres.js';
import { apiSuite } from './api-suite.js';

withPostgres('HTTP API over PostgreSQL', () => {
  apiSuite({
    name: 'PostgreSQL',
    // Dropped after the file: the suite shares one store across its tests.
    open: () => freshPgStore('file'),
    // The pool ended under the store: every call fails with pg's own error.
    breakStore: async (store) => (store as PostgresStore).pool.end(),
  });
});
