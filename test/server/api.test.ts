import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { apiSuite } from './api-suite.js';

apiSuite({
  name: 'SQLite',
  open: async () => openSqliteStore(':memory:'),
  // The database closed under the store: every call fails with better-sqlite3's own error.
  breakStore: async (store) => {
    (store as SqliteStore).db.close();
  },
});
