/**
 * Issue 15's defects of direction, language, numbers and layout, each as a reader meets it in
 * Debian's Chromium (playwright-core) against a real server and SQLite store: dates that read
 * left to right inside Arabic and English lines, arrows that point the reading way, Arabic
 * snippets right to left in English, topics and errors in the reader's language, counts whose
 * nouns agree, date filters written as ISO dates, "undated" for an event with no date, the
 * ledger's sentence of each figure, the timeline's year-only events and bars that open what
 * they count, filters folded at phone width, and how to ingest when the store is empty.
 *
 * Positions on screen are read from the laid-out text (Range.getClientRects), so a line
 * reordered by the bidirectional algorithm fails here as it does for a reader.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBrowserSuites, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { figuresRecord, secondRecord, timelineRecord, undatedRecord } from '../helpers/figure-records.js';
import { storyRecords } from '../helpers/records.js';

/**
 * Where the characters of `part` stand on screen inside the element `selector` (its text
 * across nodes): the left edge of the first and of the last character. Runs in the page; a
 * string, since DOM types are not in the tests' TypeScript library.
 */
async function charX(page: Page, selector: string, part: string): Promise<{ first: number; last: number }> {
  const script = `(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    if (!root) throw new Error('no element ' + ${JSON.stringify(selector)});
    const nodes = [];
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let all = '';
    for (let n = walk.nextNode(); n; n = walk.nextNode()) { nodes.push([n, all.length]); all += n.data; }
    const at = all.indexOf(${JSON.stringify(part)});
    if (at < 0) throw new Error('"' + ${JSON.stringify(part)} + '" is not in ' + JSON.stringify(all));
    const rectOf = (offset) => {
      const [node, start] = nodes.filter(([, s]) => s <= offset).pop();
      const range = document.createRange();
      range.setStart(node, offset - start);
      range.setEnd(node, offset - start + 1);
      return range.getBoundingClientRect().left;
    };
    return { first: rectOf(at), last: rectOf(at + ${part.length} - 1) };
  })()`;
  return (await page.evaluate(script)) as { first: number; last: number };
}

const setLang = async (page: Page, lang: 'ar' | 'en') => {
  if ((await page.getAttribute('html', 'lang')) !== lang) await page.click('button.lang');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
};

describe.skipIf(!runBrowserSuites)('issue 15 defects in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  const { a, b, c } = storyRecords();
  const figures = figuresRecord();
  const undated = undatedRecord();
  const records = [a, b, c, figures, secondRecord(), timelineRecord(), undated];

  beforeAll(async () => {
    app = await startBrowserApp(async (store) => {
      for (const r of records) await store.saveDocument(r, { origin: `news/${r.id}.txt`, outlet: r.source.outlet ?? null }, null);
    });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  const open = async (hash: string, lang: 'ar' | 'en' = 'ar') => {
    await app.open(hash);
    await setLang(page, lang);
  };

  describe('direction and language', () => {
    // b's first event: قسد (SDF) arrests five ISIS members, dated 2024-11-19, in Deir ez-Zor.
    // Its record item: the actor and recipient, then a line of trigger, date, place, modality.
    const line = '#rec-v0 div.small';

    it('shows an event date left to right inside an Arabic line', async () => {
      await open(`#/doc/${b.id}`);
      await page.waitForSelector(line);
      const date = await charX(page, line, '2024-11-19');
      expect(date.first, 'the year is read first, on the left').toBeLessThan(date.last);
    });

    it('keeps the Arabic trigger, the date and the place in their order inside an English line', async () => {
      await open(`#/doc/${b.id}`, 'en');
      await page.waitForSelector(line);
      const date = await charX(page, line, '2024-11-19');
      expect(date.first).toBeLessThan(date.last);
      const trigger = await charX(page, line, 'اعتقلت');
      const place = await charX(page, line, 'Deir ez-Zor');
      // Left to right: «اعتقلت» · 2024-11-19 · Deir ez-Zor (the trigger reads right to left within itself).
      expect(Math.max(trigger.first, trigger.last)).toBeLessThan(date.first);
      expect(date.last).toBeLessThan(place.first);
    });

    it('points the actor → recipient arrow the reading way: ← in Arabic, → in English', async () => {
      const item = '#rec-v0 > div';
      await open(`#/doc/${b.id}`);
      await page.waitForSelector(line);
      const text = (await page.textContent(item)) ?? '';
      expect(text).toContain('←');
      expect(text).not.toContain('→');
      // Read right to left: the actor (قوات سوريا الديمقراطية) stands right of the arrow, the arrow right of the recipient (داعش).
      const actor = await charX(page, item, 'قوات سوريا الديمقراطية');
      const arrow = await charX(page, item, '←');
      const recipient = await charX(page, item, 'داعش');
      expect(Math.min(actor.first, actor.last)).toBeGreaterThan(arrow.first);
      expect(arrow.first).toBeGreaterThan(Math.max(recipient.first, recipient.last));
      await setLang(page, 'en');
      await expect.poll(async () => (await page.textContent(item)) ?? '').toContain('SDF');
      expect(await page.textContent(item)).toContain('→');
      const sdf = await charX(page, item, 'SDF');
      const to = await charX(page, item, '→');
      const isis = await charX(page, item, 'ISIS');
      expect(sdf.last).toBeLessThan(to.first);
      expect(to.first).toBeLessThan(isis.first);
      await setLang(page, 'ar');
    });

    it('lays out search snippets right to left in the English interface', async () => {
      await open('#/search?q=' + encodeURIComponent('داعش'), 'en');
      await page.waitForSelector('.result .snippet');
      const directions = await page.locator('.result .snippet').evaluateAll((els) => els.map((el) => getComputedStyle(el).direction));
      expect(directions.length).toBeGreaterThan(0);
      expect(new Set(directions)).toEqual(new Set(['rtl']));
      // And the words read in order: the first word of a snippet is its rightmost.
      const text = ((await page.locator('.result .snippet').first().textContent()) ?? '').trim();
      const words = text.split(/\s+/);
      const first = await charX(page, '.result .snippet', words[0]!);
      const second = await charX(page, '.result .snippet', words[1]!);
      expect(first.first).toBeGreaterThan(second.first);
      await setLang(page, 'ar');
    });

    it('names topics in the reader\'s language, never by their ids', async () => {
      await open('#/events');
      await page.waitForSelector('select[name=topic] option:nth-child(2)', { state: 'attached' });
      const options = (await page.locator('select[name=topic] option').allTextContents()).slice(1);
      expect(options.length).toBeGreaterThan(0);
      for (const o of options) expect(o, o).not.toMatch(/[a-z]/);
      expect(options).toContain('محاربة داعش (2)');
      await open(`#/doc/${undated.id}`);
      await page.waitForSelector('#rec-v0 div.small');
      expect(await page.textContent('#rec-v0 div.small')).toContain('إعادة الرعايا، المخيمات');
      await setLang(page, 'en');
      expect(await page.textContent('#rec-v0 div.small')).toContain('Repatriation, Camps');
      await setLang(page, 'ar');
    });

    it("tells an API error in the reader's language, naming the parameter", async () => {
      await open('#/events?per=report&from=2017-02-30');
      const alert = page.locator('main .status.error[role=alert]');
      await alert.waitFor();
      // What the reader is told: the alert's first paragraph (the server's message may follow as a detail).
      const headline = async () => (await page.evaluate(`(() => { const a = document.querySelector('main .status.error'); return (a.querySelector('p') ?? a).textContent; })()`)) as string;
      const text = await headline();
      expect(text).toContain('قيمة غير صالحة في الطلب');
      expect(text).toContain('from');
      expect(text).not.toContain('invalid parameter');
      await setLang(page, 'en');
      await expect.poll(headline).toContain('Invalid parameter: from');
      await setLang(page, 'ar');
    });

    it('makes counts agree with their nouns (Intl.PluralRules)', async () => {
      await open('#/search');
      // 7 articles, 10 events: both "few" (3–10), the plural of paucity, not "7 مقالاً · 10 حدثاً".
      await expect.poll(() => page.textContent('header .counts')).toBe('7 مقالات · 10 أحداث');
      await open('#/events?per=report&outlet=' + encodeURIComponent('عنب بلدي'));
      await expect.poll(() => page.textContent('main p.count')).toBe('6 نتائج');
      await open('#/events?per=report&outlet=' + encodeURIComponent('الشرق'));
      await expect.poll(() => page.textContent('main p.count')).toBe('نتيجة واحدة');
      await open('#/entity/org:isis');
      // ISIS is named in two articles: "مقالان" (two), not "2 المقالات".
      await expect.poll(async () => (await page.textContent('.entity-view header')) ?? '').toContain('مقالان');
      await open('#/search', 'en');
      await expect.poll(() => page.textContent('header .counts')).toBe('7 articles · 10 events');
      await setLang(page, 'ar');
    });

    it('takes dates as ISO text (YYYY, YYYY-MM or YYYY-MM-DD), never "mm/dd/yyyy", and refuses a day the calendar lacks', async () => {
      await open('#/events');
      const from = page.locator('input[name=from]');
      expect(await from.getAttribute('type')).toBe('text');
      expect(await from.getAttribute('placeholder')).not.toMatch(/mm|dd/i);
      await from.fill('2024-11');
      await from.press('Enter');
      await expect.poll(() => page.url()).toContain('from=2024-11');
      const to = page.locator('input[name=to]');
      await to.fill('2017-02-30');
      await to.press('Tab');
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).not.toContain('to=');
      expect(await page.locator('.field-error').textContent()).toContain('2017-02-30');
    });

    it('says "undated" where an event has no date', async () => {
      await open(`#/doc/${undated.id}`);
      await page.waitForSelector('#rec-v0 div.small');
      expect(await page.textContent('#rec-v0 div.small')).toContain('بلا تاريخ');
      await open('#/events?per=report&outlet=' + encodeURIComponent('الشرق'));
      await page.waitForSelector('table.events tbody tr');
      expect(await page.textContent('table.events tbody tr td:first-child')).toBe('بلا تاريخ');
      await setLang(page, 'en');
      await expect.poll(() => page.textContent('table.events tbody tr td:first-child')).toBe('undated');
      await setLang(page, 'ar');
    });
  });

  describe('numbers', () => {
    it('shows each figure in the sentence that holds it, marked', async () => {
      await open('#/figures?outlet=' + encodeURIComponent('رووداو'));
      await page.waitForSelector('table.figures tbody tr');
      const rows = page.locator('table.figures tbody tr');
      const n = await rows.count();
      expect(n).toBe(9);
      for (let i = 0; i < n; i++) {
        const cell = rows.nth(i).locator('td.sentence-cell');
        const mark = ((await cell.locator('mark.k-figure').textContent()) ?? '').trim();
        expect(mark.length, `row ${i}`).toBeGreaterThan(0);
      }
      // The figure a statement told in two sentences cites: its own sentence, not the statement's first.
      const displaced = page.locator('table.figures tbody tr', { has: page.locator('mark.k-figure', { hasText: '1500' }) });
      expect(await displaced.locator('mark.k-figure').textContent()).toBe('أكثر من 1500 نازح');
      expect(await displaced.locator('td.sentence-cell').textContent()).toBe('وأكد التحالف دعمه لأكثر من 1500 نازح.');
    });

    it('sums by outlet in like units, a figure told twice once, and leaves countries unsummed', async () => {
      await open('#/figures?outlet=' + encodeURIComponent('رووداو'));
      await page.click('details.sums summary');
      const row = (category: string) => page.locator('details.sums tbody tr', { has: page.locator(`td:text-is("${category}")`) });
      await row('قتلى').first().waitFor();
      // "5 قتلى" and "5 أشخاص" in one article are one figure: 5 + 7, in people.
      expect(await row('قتلى').count()).toBe(1);
      expect(await row('قتلى').locator('td').last().textContent()).toBe('١٢');
      expect(await row('دول').locator('td').last().textContent()).toBe('لا يُجمع');
      // Dollars and riyals are never added.
      expect(await row('أموال').count()).toBe(2);
    });

    it('shows events known only to their year in a row of their own, and a bar opens what it counts', async () => {
      await open('#/timeline?type=ASSAULT&outlet=' + encodeURIComponent('عنب بلدي'));
      await page.waitForSelector('svg.timeline rect');
      // The four attacks are all on the chart: three in June 2017, one known only to 2017.
      const bars = async () => Object.fromEntries((await page.locator('svg.timeline a').evaluateAll((as) => as.map((x) => x.getAttribute('aria-label') ?? ''))).map((l) => [l.split(':')[0], Number(l.split(':')[1])]));
      const counted = await bars();
      expect(counted, JSON.stringify(counted)).toEqual({ '2017-06 هجوم': 3, '2017 هجوم': 1 });
      expect(await page.textContent('main')).toContain('حدث واحد لا يُعرف تاريخها إلا بالعام');
      await page.locator('svg.timeline a[aria-label="2017-06 هجوم: 3"] rect').click();
      await page.waitForSelector('table.events tbody tr');
      await expect.poll(() => page.textContent('main p.count')).toBe('3 نتائج');
      expect(await page.locator('table.events tbody tr').count()).toBe(3);
      await open('#/timeline?type=ASSAULT&outlet=' + encodeURIComponent('عنب بلدي'));
      await page.locator('svg.timeline a[aria-label="2017 هجوم: 1"] rect').click();
      await page.waitForSelector('table.events tbody tr');
      expect(await page.locator('table.events tbody tr').count()).toBe(1);
      expect(await page.textContent('table.events tbody tr td:first-child')).toBe('2017');
    });
  });

  describe('phone', () => {
    it('opens a view on its content, with the filters folded behind a button', async () => {
      const phone = await app.newPage({ width: 390, height: 844 });
      await app.open('#/events?per=report', phone);
      await phone.waitForSelector('table.events tbody tr');
      expect(await phone.isVisible('select[name=type]')).toBe(false);
      const first = await phone.locator('table.events tbody tr').first().boundingBox();
      expect(first!.y + 20, 'the first row is on the first screen').toBeLessThan(844);
      const toggle = phone.locator('button.filters-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await phone.isVisible('select[name=type]')).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await app.shot('events-phone-filters', phone);
      await phone.close();
      // At desktop width the filters stay open and the button is not shown.
      await open('#/events');
      await page.waitForSelector('select[name=type]');
      expect(await page.isVisible('button.filters-toggle')).toBe(false);
    });
  });
});

describe.skipIf(!runBrowserSuites)('an empty store in Chromium', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp(async () => undefined);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says how to ingest, in both languages, instead of "no results"', async () => {
    const page = app.page;
    const main = async () => (await page.textContent('main')) ?? '';
    for (const view of ['#/search', '#/events', '#/timeline', '#/figures']) {
      await app.open(view);
      await expect.poll(main, { timeout: 5000 }).toContain('marsad ingest FILES…');
      expect(await main()).toContain('المخزن فارغ');
      expect(await main()).not.toContain('لا نتائج');
    }
    await app.shot('empty-store');
    await setLang(page, 'en');
    await app.open('#/search');
    await expect.poll(main, { timeout: 5000 }).toContain('The store is empty');
    expect(await main()).toContain('marsad ingest FILES…');
  });
});
