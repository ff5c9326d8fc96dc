/**
 * Writes docs/screenshot.png, the README's picture: the bundled examples ingested into a
 * temporary store, served with review on, and one article opened in Debian's Chromium
 * (playwright-core).
 * `npm run screenshot [-- FILE-IN-EXAMPLES]` (default: the tribunal demand of example 04).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { extractArticle } from '../src/extract/document.js';
import { planInputs, readInputs } from '../src/ingest/read.js';
import { packageRoot } from '../src/lexicon/resources.js';
import { listen } from '../src/server/listen.js';
import { ingest } from '../src/services/ingest.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const root = packageRoot();
const example = join(root, 'examples', process.argv[2] ?? '04-aanes-tribunal-call.txt');
const dir = mkdtempSync(join(tmpdir(), 'marsad-screenshot-'));
try {
  const store = openSqliteStore(join(dir, 'shot.db'));
  await ingest(store, [join(root, 'examples')]);
  let id = '';
  for await (const item of readInputs(await planInputs([example]))) if (item.kind === 'article') id = extractArticle(item.article).id;
  if (!id) throw new Error(`${example}: no article`);
  // As `marsad serve --reviewer` runs it: the review controls on, as an analyst sees them.
  const token = randomBytes(16).toString('base64url');
  const server = await listen(store, { host: '127.0.0.1', port: 0, review: { token, reviewer: 'Lina' } });
  const browser = await chromium.launchPersistentContext(join(dir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`${server.url}/#/doc/${id}?token=${token}`);
  await page.waitForSelector('.record');
  await page.waitForTimeout(300);
  const out = join(root, 'docs', 'screenshot.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out} (${example})`);
  await browser.close();
  await server.close();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
