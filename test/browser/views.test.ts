/**
 * Issue 15 in Debian's Chromium (playwright-core), over real HTTP and a real SQLite store:
 *   - the actor network is a force layout whose labels never overlap one another or a node and
 *     are never cut at the drawing's edges, in Arabic and English, on a desktop and a phone;
 *     it filters by event type and by the fewest events a relation needs, a node opens its
 *     entity, and the same relations are in the table beside it; the layout is the same at
 *     every load;
 *   - the map has a key (both languages), and a country's marker stands on the country's land
 *     near the middle of its mainland (the United States was in Montana);
 *   - a place's page lists the events located there, and in the places nested in it;
 *   - a screenshot of every view, desktop and phone, Arabic and English, goes to
 *     test-results/views/<view>-<ar|en>-<desktop|phone>.png, and no view is wider than a phone.
 *
 * The store holds the bundled examples, 200 generated articles and one article written here
 * (read by the real extractors) that names the United States and the governorate of Nineveh.
 * Without /usr/bin/chromium the suite is skipped, except under CI, where it fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../src/bench/records.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import { loadActors } from '../../src/lexicon/actors.js';
import { loadGazetteer } from '../../src/lexicon/gazetteer.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { ingest } from '../../src/services/ingest.js';
import { SHOTS, runBrowserSuites, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

const PHONE = { width: 390, height: 844 };
const US_ARTICLE = `غارات للتحالف في نينوى

أعلنت وزارة الدفاع في الولايات المتحدة يوم الثلاثاء أن طائرات التحالف الدولي قصفت مواقع لتنظيم داعش في محافظة نينوى شمال العراق.
وقال متحدث باسم التحالف إن الولايات المتحدة ستواصل دعم القوات العراقية في الموصل.
`;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the network's labels and nodes and of the drawing, as Chromium lays them out. */
async function networkBoxes(page: Page): Promise<{ svg: Rect; labels: (Rect & { text: string })[]; nodes: (Rect & { id: string })[] }> {
  // Runs in the page (DOM types are not in the tests' TypeScript library).
  return page.evaluate(`(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return {
      svg: box(document.querySelector('svg.network')),
      labels: [...document.querySelectorAll('svg.network .node text')].map((t) => ({ ...box(t), text: t.textContent })),
      nodes: [...document.querySelectorAll('svg.network .node')].map((n) => ({ ...box(n.querySelector('circle')), id: n.getAttribute('href') })),
    };
  })()`);
}

const apart = (a: Rect, b: Rect) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
const inside = (a: Rect, b: Rect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;

/** Every label apart from every other label and from every node, and inside the drawing. */
async function expectReadableNetwork(page: Page, where: string) {
  const { svg, labels, nodes } = await networkBoxes(page);
  expect(labels.length, where).toBe(nodes.length);
  const problems: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i]!;
    if (a.right - a.left < 1) problems.push(`«${a.text}» has no width`);
    if (!inside(a, svg)) problems.push(`«${a.text}» is cut at the drawing's edge`);
    for (let j = i + 1; j < labels.length; j++) if (!apart(a, labels[j]!)) problems.push(`«${a.text}» overlaps «${labels[j]!.text}»`);
    for (const n of nodes) if (!apart(a, n)) problems.push(`«${a.text}» covers the node ${n.id}`);
  }
  for (const n of nodes) if (!inside(n, svg)) problems.push(`the node ${n.id} is cut at the drawing's edge`);
  expect(problems, where).toEqual([]);
}

/**
 * The generated articles with their organisations recast from the actor lexicon (45 of them,
 * with their real names, short and long), so the network has as many actors as real news gives
 * it (the issue saw 41); the generated set alone has eight.
 */
function withManyActors(records: DocumentRecord[]): DocumentRecord[] {
  const cast = loadActors().actors.filter((a) => a.type === 'ORG').slice(0, 45);
  return records.map((r, n) => {
    const recast = new Map(r.entities.filter((e) => e.type === 'ORG').map((e, k) => [e.id, cast[(n * 7 + k * 11) % cast.length]!]));
    const id = (x: string) => recast.get(x)?.id ?? x;
    return {
      ...r,
      entities: r.entities.map((e) => {
        const a = recast.get(e.id);
        return a ? { ...e, id: a.id, subtype: a.subtype, country: a.country, name: { ar: a.name.ar, en: a.name.en } } : e;
      }),
      events: r.events.map((e) => ({ ...e, actor: e.actor.map(id), recipient: e.recipient.map(id) })),
    };
  });
}

const fitsWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1') as Promise<boolean>;

describe.skipIf(!runBrowserSuites)('views in Chromium (issue 15)', () => {
  let app: BrowserApp;
  /** Events located at Mosul in the store, and the id of an article. */
  let mosulEvents = 0;
  let articleId = '';

  beforeAll(async () => {
    app = await startBrowserApp(async (store) => {
      const dir = mkdtempSync(join(tmpdir(), 'marsad-views-'));
      try {
        writeFileSync(join(dir, 'us-nineveh.txt'), US_ARTICLE);
        await ingest(store, [join(packageRoot(), 'examples'), dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      for (const r of withManyActors(syntheticRecords(200))) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
      mosulEvents = (await store.events({ filter: { place: 'loc:iq:mosul' }, sort: '-date', limit: 1, offset: 0 })).total;
      articleId = (await store.documents({ filter: { outlet: 'هاوار' }, limit: 1, offset: 0 })).rows[0]?.id ?? (await store.documents({ filter: {}, limit: 1, offset: 0 })).rows[0]!.id;
    });
    mkdirSync(join(SHOTS, 'views'), { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A new page in the language (the app remembers the choice in localStorage). */
  async function pageIn(lang: 'ar' | 'en', size?: { width: number; height: number }): Promise<Page> {
    const p = await app.newPage(size);
    await app.open('', p);
    await p.evaluate(`localStorage.setItem('marsad.lang', '${lang}')`);
    // Load the app again: it reads the language when it starts (later hashes do not reload it).
    await p.reload();
    await expect.poll(() => p.getAttribute('html', 'lang'), { timeout: 15_000 }).toBe(lang);
    return p;
  }

  describe('the actor network', () => {
    it('has the store to show: a network of at least 15 actors, Mosul with events, the United States named', async () => {
      expect(mosulEvents).toBeGreaterThan(0);
      expect(await app.store.entity('loc:us', 0)).not.toBeNull();
      expect(await app.store.entity('loc:iq:adm1:ninewa', 0)).not.toBeNull();
      const nodes = new Set((await app.store.network({}, 150)).flatMap((e) => [e.actor.id, e.recipient.id]));
      expect(nodes.size).toBeGreaterThanOrEqual(35);
    });

    for (const [lang, size] of [['ar', undefined], ['en', undefined], ['ar', PHONE], ['en', PHONE]] as const) {
      const where = `${lang} ${size ? 'phone' : 'desktop'}`;
      it(`lays out every actor with a label that overlaps no other label and no node, and is never cut (${where})`, async () => {
        const p = await pageIn(lang, size);
        await app.open('#/network', p);
        await p.waitForSelector('svg.network .node');
        await expect.poll(() => p.getAttribute('html', 'lang')).toBe(lang);
        // Every actor of the table is a node.
        const actors = new Set((await p.locator('table.edges tbody tr td:first-child a, table.edges tbody tr td:nth-child(3) a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
        expect(await p.locator('svg.network .node').count()).toBe(actors.size);
        await expectReadableNetwork(p, where);
        if (size) expect(await fitsWidth(p), `${where}: the page is wider than the phone`).toBe(true);
        await p.close();
      });
    }

    it('gives the same layout at every load (fixed seed and ticks)', async () => {
      const page = await pageIn('ar');
      const positions = async () =>
        page.locator('svg.network .node circle').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`).join(' '));
      await app.open('#/network', page);
      await page.waitForSelector('svg.network .node');
      const first = await positions();
      await page.reload();
      await page.waitForSelector('svg.network .node');
      expect(await positions()).toBe(first);
      await page.close();
    });

    it('filters by event type and by the fewest events a relation needs, the drawing and the table alike', async () => {
      const page = await pageIn('ar');
      await app.open('#/network', page);
      await page.waitForSelector('svg.network .node');
      const countsNow = () => page.locator('table.edges tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
      const all = await countsNow();
      const kept = all.filter((c) => c >= 2).length;
      // The data has relations told once and relations told more often.
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(all.length);
      const nodesBefore = await page.locator('svg.network .node').count();
      await page.selectOption('select[name=min]', '2');
      await expect.poll(() => page.url()).toContain('min=2');
      await expect.poll(async () => (await countsNow()).length).toBe(kept);
      const counts = await countsNow();
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
      // The drawing shows the actors of the relations kept, and only them.
      const inTable = await page.locator('table.edges tbody tr').evaluateAll((rows) =>
        [...new Set(rows.flatMap((r) => Array.from(r.querySelectorAll('td a[href^="#/entity/"]')).map((a) => decodeURIComponent(a.getAttribute('href')!.slice('#/entity/'.length)))))].sort());
      expect((await page.locator('svg.network .node').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-id')!))).sort()).toEqual(inTable);
      expect(inTable.length).toBeLessThanOrEqual(nodesBefore);
      expect(await page.locator('svg.network .edge').count()).toBe(counts.length);
      await expectReadableNetwork(page, 'min=2');

      await app.open('#/network?type=ASSAULT', page);
      await page.waitForSelector('svg.network .node');
      const types = await page.locator('table.edges tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
      expect(types.length).toBeGreaterThan(0);
      expect(new Set(types)).toEqual(new Set(['ASSAULT']));
      expect(new Set(await page.locator('svg.network .edge').evaluateAll((es) => es.map((e) => e.getAttribute('data-type'))))).toEqual(new Set(['ASSAULT']));
      await page.close();
    });

    it('opens an actor\'s entity page when its node is clicked', async () => {
      const page = await pageIn('en');
      await app.open('#/network', page);
      await page.waitForSelector('svg.network .node');
      const node = page.locator('svg.network .node').first();
      const id = (await node.getAttribute('data-id'))!;
      await node.locator('circle').click();
      await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe(`#/entity/${id}`);
      await page.waitForSelector('.entity-view h1');
      expect(await page.locator('.entity-view code').first().textContent()).toBe(id);
      await page.close();
    });
  });

  describe('the map', () => {
    it('has a key saying what markers, clusters and colours mean, in Arabic and in English', async () => {
      for (const lang of ['ar', 'en'] as const) {
        const p = await pageIn(lang);
        await app.open('#/map', p);
        await p.waitForSelector('svg.map .marker');
        const key = p.locator('.map-key');
        expect(await key.locator('li').count()).toBeGreaterThanOrEqual(5);
        // Each line of the key draws its marker as the map draws it.
        expect(await key.locator('li svg .marker.cluster').count()).toBe(1);
        expect(await key.locator('li svg .marker.place.country').count()).toBe(1);
        const text = (await key.textContent())!;
        expect(text).toContain(lang === 'ar' ? 'مفتاح الخريطة' : 'Map key');
        expect(/[a-z]{4}/.test(text.replace(/Map key/, ''))).toBe(lang === 'en');
        await p.close();
      }
    });

    it("puts a country's marker on the country's mainland, near its middle: the United States is not in Montana", async () => {
      const page = await pageIn('ar');
      await app.open('#/map', page);
      await page.waitForSelector('svg.map path.country.focus');
      await page.waitForSelector('svg.map .marker.place[data-place="loc:us"]');
      const { byId } = loadGazetteer();
      const countries = await page.locator('svg.map .marker.place').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-place')!).filter((id) => /^loc:[a-z]{2}$/.test(id)));
      expect(countries).toContain('loc:us');
      for (const id of countries) {
        const m49 = byId.get(id)?.m49;
        expect(m49, `${id} has a numeric code`).toBeDefined();
        // In the page: the marker's centre against the outline the map draws for the country,
        // split into its pieces of land; the largest piece (shoelace area) is its mainland.
        const where = (await page.evaluate(`(() => {
          const marker = document.querySelector('svg.map .marker.place[data-place="${id}"]');
          const [, x, y] = /translate\\(([-\\d.e]+)[ ,]([-\\d.e]+)\\)/.exec(marker.getAttribute('transform')).map(Number);
          const pieces = [...document.querySelectorAll('svg.map path.country[data-id="${m49}"]')]
            .flatMap((p) => p.getAttribute('d').split(/(?=M)/).filter(Boolean));
          let best = null, bestArea = -1;
          for (const d of pieces) {
            const pts = d.replace(/[MLZ]/g, ' ').trim().split(/[ ,]+/).map(Number);
            let area = 0;
            for (let i = 0; i + 3 < pts.length; i += 2) area += pts[i] * pts[i + 3] - pts[i + 2] * pts[i + 1];
            area = Math.abs(area) / 2;
            if (area > bestArea) { bestArea = area; best = d; }
          }
          const svg = document.querySelector('svg.map');
          const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
          path.setAttribute('d', best);
          svg.appendChild(path);
          const b = path.getBBox();
          const onLand = path.isPointInFill(new DOMPoint(x, y));
          path.remove();
          const off = Math.hypot(x - (b.x + b.width / 2), y - (b.y + b.height / 2)) / Math.hypot(b.width, b.height);
          return { onLand, off };
        })()`)) as { onLand: boolean; off: number };
        expect(where.onLand, `${id}: its marker is not on its mainland`).toBe(true);
        // Within a fifth of the mainland's extent from the middle of its box (Montana is about 0.3).
        expect(where.off, `${id}: its marker is far from the middle of its mainland`).toBeLessThan(0.2);
      }
      await page.close();
    });
  });

  describe("a place's page", () => {
    it('lists the events located at the place, each linked to its sentence (Mosul)', async () => {
      const page = await pageIn('ar');
      await app.open('#/entity/loc:iq:mosul', page);
      await page.waitForSelector('.entity-view h1');
      const here = page.locator('.entity-view .events-here li');
      await expect.poll(() => here.count()).toBe(Math.min(50, mosulEvents));
      expect(await page.locator('.entity-view .events-here h2').textContent()).toContain(`(${mosulEvents})`);
      for (const href of await here.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^#\/doc\/[0-9a-f]{16}\?event=\d+$/);
      // A link opens the event in its article, its sentence marked.
      const link = here.first().locator('a');
      const sentence = (await link.textContent())!;
      await link.click();
      await page.waitForSelector('.article .text .sentence');
      await expect.poll(async () => (await page.locator('.article .text .sentence').allTextContents()).join('')).toBe(sentence);
      await page.close();
    });

    it('lists, on a governorate\'s page, the events of the places nested in it, naming each place', async () => {
      const page = await pageIn('ar');
      await app.open('#/entity/loc:iq:adm1:ninewa', page);
      await page.waitForSelector('.entity-view h1');
      const here = page.locator('.entity-view .events-here li');
      await expect.poll(() => here.count()).toBeGreaterThanOrEqual(Math.min(50, mosulEvents));
      expect(await here.locator('.place-name').allTextContents()).toContain('الموصل · ');
      await page.close();
    });

    it('has no such list on the page of an actor', async () => {
      const page = await pageIn('ar');
      await app.open('#/entity/org:sdf', page);
      await page.waitForSelector('.entity-view h1');
      expect(await page.locator('.entity-view .events-here').count()).toBe(0);
      await page.close();
    });
  });

  describe('every view, desktop and phone, Arabic and English', () => {
    /** Each view, its address, and what shows it has loaded (the map: its markers and its basemap). */
    const views: [string, string, string[]][] = [
      ['search', '#/search?q=داعش', ['.result']],
      ['article', '', ['.article .text mark']],
      ['events', '#/events', ['table.events tbody tr']],
      ['map', '#/map', ['svg.map .marker', 'svg.map path.country.focus', '.map-key']],
      ['timeline', '#/timeline', ['svg.timeline rect']],
      ['network', '#/network', ['svg.network .node']],
      ['figures', '#/figures', ['table.figures tbody tr']],
      ['entity', '#/entity/loc:iq:mosul', ['.entity-view .events-here li']],
    ];
    for (const lang of ['ar', 'en'] as const) {
      for (const [device, size] of [['desktop', undefined], ['phone', PHONE]] as const) {
        it(`shows each view (${lang}, ${device}) and fits its width; screenshots in test-results/views/`, async () => {
          const p = await pageIn(lang, size);
          const wide: string[] = [];
          for (const [view, hash, ready] of views) {
            await app.open(hash || `#/doc/${articleId}`, p);
            for (const selector of ready) await p.waitForSelector(selector);
            expect(await p.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
            // Let the basemap and late answers settle before the picture.
            await p.waitForLoadState('networkidle');
            await app.shot(`views/${view}-${lang}-${device}`, p);
            if (!(await fitsWidth(p))) wide.push(view);
          }
          expect(wide, `views wider than the screen (${lang}, ${device})`).toEqual([]);
          await p.close();
        });
      }
    }
  });
});
