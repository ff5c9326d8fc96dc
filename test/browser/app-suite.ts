/**
 * The web app in Debian's Chromium (playwright-core), engine-neutral: `app.test.ts` runs it over
 * SQLite, `app-postgres.test.ts` over PostgreSQL. Search, an article with its highlights
 * linked to its record, the events table filtered, markers on the map, the language switch,
 * and the app at phone width. A screenshot of each view goes to test-results/.
 *
 * The store holds the bundled examples (as the extractors read them), three hand-made articles
 * and 200 generated ones (known content every view can be checked against).
 * Without /usr/bin/chromium the suite is skipped, except under CI, where it fails.
 */
import { existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../src/bench/records.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { ingest } from '../../src/services/ingest.js';
import type { Store } from '../../src/store/store.js';
import { runBrowserSuites, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { storyRecords } from '../helpers/records.js';

export interface AppEngine {
  readonly name: string;
  /** Opens the new, empty store (given the suite's folder); undefined: SQLite at `app.db` there. */
  readonly openStore?: (base: string) => Promise<Store>;
  /** Appended to each screenshot's name, so that engines running in parallel keep their own. */
  readonly shotSuffix: string;
  /** Whether the store is still there (its file, its schema) while the browser runs. */
  storeKept(app: BrowserApp<Store>): Promise<boolean>;
}

export function appSuite(engine: AppEngine): void {
  describe.skipIf(!runBrowserSuites)(`web app in Chromium (${engine.name})`, () => {
    let app: BrowserApp<Store>;
    let page: Page;
    const { a, b } = storyRecords();
    // Addresses from input that must never become links (nor blank the view: issue 16, item 10).
    const badUrl = (id: string, url: string) => ({ ...a, id, title: `${a.title} (${url})`, source: { ...a.source, url, path: `news/${id}.txt` } });
    const badUrls = {
      relative: badUrl('badc0de000000001', 'example.com/page'),
      script: badUrl('badc0de000000002', 'javascript:alert(1)'),
      data: badUrl('badc0de000000003', 'data:text/html,<script>alert(1)</script>'),
    };

    beforeAll(async () => {
      app = await startBrowserApp<Store>(async (store) => {
        await ingest(store, [join(packageRoot(), 'examples')]);
        for (const r of [...Object.values(storyRecords()), ...syntheticRecords(200), ...Object.values(badUrls)]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
      }, { openStore: engine.openStore });
      page = app.page;
    });

    afterAll(async () => {
      const base = app?.base;
      await app?.close();
      expect(base && existsSync(base)).toBeFalsy();
    });

    const shot = (name: string) => app.shot(`${name}${engine.shotSuffix}`);
    const open = (hash: string) => app.open(hash);

    it('opens in Arabic, right to left', async () => {
      await open('');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      await expect.poll(() => page.locator('nav.views a[aria-current=page]').textContent()).toBe('بحث');
    });

    it('searches with a filter and shows snippets with the matches marked', async () => {
      await open('#/search');
      await page.fill('input[name=q]', 'داعش');
      await page.press('input[name=q]', 'Enter');
      // The view lists the newest documents before a query: wait for the query's own answer
      // (its snippets carry marks), not for the list it replaces.
      await page.waitForSelector('.result .snippet mark');
      expect(page.url()).toContain('q=');
      const marks = await page.locator('.result .snippet mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m).toContain('داعش');
      await page.selectOption('select[name=outlet]', 'عنب بلدي');
      await expect.poll(() => page.locator('.result h2 a').allTextContents()).toContain(b.title);
      await shot('search');
    });

    it('shows an article with its highlights by kind, linked to its record both ways', async () => {
      await open(`#/doc/${a.id}`);
      await page.waitForSelector('.article .text mark');
      for (const kind of ['ORG', 'LOC', 'date', 'figure', 'trigger']) {
        expect(await page.locator(`.article .text mark[data-kind=${kind}]`).count(), kind).toBeGreaterThan(0);
      }
      // The article is text: the mark holds exactly the words of the mention.
      expect(await page.locator('#mark-d0').textContent()).toBe('أمس');
      await page.hover('#mark-q0');
      await expect.poll(() => page.getAttribute('#rec-q0', 'class')).toContain('active');
      await page.mouse.move(0, 0);
      await page.click('#rec-v1 button.locate');
      await expect.poll(() => page.getAttribute('#mark-v1', 'class')).toContain('active');
      expect(await page.locator('.article .sentence').count()).toBeGreaterThan(0);
      await shot('article');
    });

    it('shows an address that is not an absolute http(s) URL as text, never as a link, and still shows the article', async () => {
      for (const r of Object.values(badUrls)) {
        await open(`#/doc/${r.id}`);
        await page.waitForSelector('.article .text mark');
        const where = page.locator('.article .where');
        expect(await where.locator('a').count(), r.source.url).toBe(0);
        expect(await where.locator('.source-url').textContent()).toBe(r.source.url);
        expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
      }
      // A real address is a link to its host.
      await open(`#/doc/${a.id}`);
      await page.waitForSelector('.article .text mark');
      const link = page.locator('.article .where a.source-url');
      expect(await link.getAttribute('href')).toBe(a.source.url);
      expect(await link.textContent()).toBe(new URL(a.source.url!).hostname);
    });

    it('filters the events table by type and opens a row in its sentence', async () => {
      await open('#/events');
      await page.waitForSelector('table.events tbody tr');
      await page.selectOption('select[name=type]', 'ASSAULT');
      await expect.poll(async () => new Set(await page.locator('table.events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type'))))).toEqual(new Set(['ASSAULT']));
      expect(page.url()).toContain('type=ASSAULT');
      await page.click('table.events th:first-child button.sort');
      await expect.poll(() => page.url()).toContain('sort=');
      await shot('events');
      // Each row is one act with its sources count; its reports open under it, each linked to its sentence.
      await page.click('table.events.folded tbody tr:first-child button.sources');
      await page.waitForSelector('tr.reports-row');
      expect(await page.locator('tr.reports-row ul.reports li a').first().getAttribute('href')).toMatch(/^#\/doc\/[0-9a-f]{16}\?event=\d+$/);
      const link = page.locator('table.events tbody tr:first-child td.sentence-cell a');
      const sentence = (await link.textContent())!;
      await link.click();
      await page.waitForSelector('.article .text');
      await expect.poll(async () => (await page.locator('.article .text .sentence').allTextContents()).join('')).toBe(sentence);
    });

    it('shows places as clustered markers on the offline map, with popups linking to events', async () => {
      await open('#/map');
      await page.waitForSelector('svg.map path.country.focus');
      await page.waitForSelector('svg.map .marker');
      expect(await page.locator('svg.map .marker').count()).toBeGreaterThan(0);
      await shot('map');
      // Two places close together (al-Hasakah, al-Hol) share a cluster until one zooms in on it.
      const places = await page.locator('svg.map .marker.place').count();
      await page.locator('svg.map .marker.cluster').first().click();
      await expect.poll(() => page.locator('svg.map .marker.place').count()).toBeGreaterThan(places);
      await page.click('button[aria-label="العرض الكامل"]');
      // A place with events shows their number; places named only in passing have none. Zoom into
      // clusters until such a place stands on its own.
      const withEvents = page.locator('svg.map .marker.place:has(text)');
      for (let i = 0; i < 6 && (await withEvents.count()) === 0; i++) await page.locator('svg.map .marker.cluster').first().click();
      await withEvents.first().click();
      await page.waitForSelector('.popup li a');
      expect(await page.locator('.popup li a').first().getAttribute('href')).toMatch(/^#\/doc\/[0-9a-f]{16}\?event=\d+$/);
      await shot('map-popup');
    });

    it('draws the timeline, the actor network and the figures ledger', async () => {
      await open('#/timeline');
      await page.waitForSelector('svg.timeline rect');
      await shot('timeline');
      await open('#/network');
      await page.waitForSelector('svg.network .edge');
      expect(await page.locator('table.edges tbody tr').count()).toBeGreaterThan(0);
      await shot('network');
      await open('#/figures');
      await page.waitForSelector('table.figures tbody tr');
      expect(await page.locator('table.figures mark.k-figure').count()).toBeGreaterThan(0);
      await shot('figures');
      await open('#/entity/org:sdf');
      await page.waitForSelector('.entity-view table tbody tr');
      await shot('entity');
    });

    it('switches to English labels, left to right, and remembers it', async () => {
      await open('#/events');
      await page.click('button.lang');
      await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('nav.views').textContent()).toContain('Events');
      await shot('events-en');
      await page.reload();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      await page.click('button.lang');
      await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    });

    it('fits a phone screen and can be used from the keyboard', async () => {
      const phone = await app.newPage({ width: 390, height: 844 });
      await app.open(`#/doc/${b.id}`, phone);
      await phone.waitForSelector('.article .text mark');
      // Runs in the page (DOM types are not in the tests' TypeScript library).
      const fits = await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1');
      expect(fits).toBe(true);
      await app.shot(`article-phone${engine.shotSuffix}`, phone);
      // Tab reaches a highlight; Enter selects it and lights its record item.
      await phone.focus('#mark-v0');
      await phone.keyboard.press('Enter');
      await expect.poll(() => phone.getAttribute('#rec-v0', 'class')).toContain('active');
      await phone.close();
    });

    // Last: Chromium's profile and the store outlive every test before (they used to be removed
    // after the first test, while Chromium still wrote to the profile).
    it("keeps Chromium's profile and the store until the browser is closed", async () => {
      expect(app.chromiumPid).toBeGreaterThan(0);
      expect(existsSync(join(app.base, 'profile', 'Default'))).toBe(true);
      expect(readlinkSync(join(app.base, 'profile', 'SingletonLock'))).toMatch(new RegExp(`-${app.chromiumPid}$`));
      expect(await engine.storeKept(app), `the ${engine.name} store is still there`).toBe(true);
      expect((await app.store.stats()).documents).toBeGreaterThan(200);
    });
  });
}
