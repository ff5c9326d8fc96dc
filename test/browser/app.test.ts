/**
 * The web app in Chromium over a SQLite store (`app.db` in the suite's folder): test/browser/app-suite.ts.
 * Without /usr/bin/chromium the suite is skipped, except under CI, where it fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appSuite } from './app-suite.js';

appSuite({
  name: 'SQLite',
  shotSuffix: '',
  storeKept: async (app) => existsSync(join(app.base, 'app.db')),
});
