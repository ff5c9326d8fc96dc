/**
 * Review in Debian's Chromium (issue 15, item 1): an analyst opens the address `marsad serve`
 * prints (its token in the fragment), rejects one event, corrects another's recipient, accepts
 * the rest from the events table, reloads and sees every review; then the reviews export as
 * gold and `marsad eval` scores the machine against them.
 *
 * The store holds one bundled example (examples/01-sdf-raid-deir-ezzor.txt), whose six events
 * the golden record fixes (test/golden/examples).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { ingest } from '../../src/services/ingest.js';
import { runBrowserSuites, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'browser-review-token-7f3c9a1e5d';
const EXAMPLE = join(packageRoot(), 'examples', '01-sdf-raid-deir-ezzor.txt');

interface GoldenEvent {
  type: string;
  actor: string[];
  recipient: string[];
  trigger: { text: string };
}

describe.skipIf(!runBrowserSuites)('review in Chromium', () => {
  let app: BrowserApp;
  let page: Page;
  let id: string;
  let events: GoldenEvent[];

  beforeAll(async () => {
    const golden = JSON.parse(readFileSync(join(packageRoot(), 'test', 'golden', 'examples', '01-sdf-raid-deir-ezzor.txt.json'), 'utf8')) as { id: string; events: GoldenEvent[] };
    id = golden.id;
    events = golden.events;
    app = await startBrowserApp(async (store) => {
      await ingest(store, [EXAMPLE]);
    }, { review: { token: TOKEN, reviewer: null } });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('knows the example it reviews: six events, the second with no recipient', () => {
    expect(events.map((e) => e.type)).toEqual(['COERCE', 'COOPERATE', 'ASSAULT', 'STATEMENT', 'COERCE', 'ASSAULT']);
    expect(events[1]!.recipient).toEqual([]);
  });

  it('shows the controls disabled, with how to get the token, when the address carries none', async () => {
    await app.open(`#/doc/${id}`);
    await page.waitForSelector('#rec-v0 .review-controls');
    await expect.poll(() => page.locator('.record .review-bar').textContent()).toContain('marsad serve');
    expect(await page.locator('#rec-v0 button.review-reject').isDisabled()).toBe(true);
  });

  it('takes the token from the address into the session and out of the address bar', async () => {
    // As a user opens the address serve printed: a new load of the app.
    await page.goto('about:blank');
    await app.open(`#token=${TOKEN}`);
    await expect.poll(() => page.evaluate('sessionStorage.getItem("marsad.token")')).toBe(TOKEN);
    expect(page.url()).not.toContain(TOKEN);
    // Pasted into a tab that already shows the app: only the fragment changes.
    await page.evaluate('sessionStorage.removeItem("marsad.token")');
    await page.evaluate(`location.hash = '#/events?token=${TOKEN}'`);
    await expect.poll(() => page.evaluate('sessionStorage.getItem("marsad.token")')).toBe(TOKEN);
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    await app.open(`#/doc/${id}`);
    await page.waitForSelector('.record .review-bar input[name=reviewer]');
    await expect.poll(() => page.locator('#rec-v0 button.review-reject').isDisabled()).toBe(false);
  });

  it('asks for a name before the first review', async () => {
    await page.click('#rec-v3 button.review-reject');
    await expect.poll(() => page.locator('#rec-v3 .review-message.error').textContent()).toBeTruthy();
    expect(await page.getAttribute('#rec-v3', 'class')).not.toContain('rejected');
  });

  it('rejects one event and corrects the recipient of another', async () => {
    await page.fill('.record .review-bar input[name=reviewer]', 'Lina');
    await page.click('#rec-v3 button.review-reject');
    await expect.poll(() => page.getAttribute('#rec-v3', 'class')).toContain('rejected');

    await page.click('#rec-v1 button.review-correct');
    await page.waitForSelector('#rec-v1 form.review-form');
    await page.selectOption('#rec-v1 select[name=recipient]', ['org:sdf']);
    await page.fill('#rec-v1 input[name=note]', 'the Coalition backs the SDF');
    await page.click('#rec-v1 button.review-save');
    await page.waitForSelector('#rec-v1 .review-note.verdict-correct');
    // The correction stands beside the machine's reading, which had no recipient.
    const item = page.locator('#rec-v1');
    expect(await item.locator('.review-note .machine').count()).toBe(1);
    expect(await item.locator('.review-note').textContent()).toContain('Lina');
    await app.shot('review-article');
  });

  it('keeps both after a reload', async () => {
    await page.reload();
    await page.waitForSelector('#rec-v1 .review-note');
    expect(await page.getAttribute('#rec-v3', 'class')).toContain('rejected');
    expect(await page.locator('#rec-v1 .review-note').getAttribute('class')).toContain('verdict-correct');
    // The reviewed recipient is read from the server: the SDF, which the machine did not name.
    const api = (await (await fetch(`${app.server.url}/api/documents/${id}`)).json()) as { record: { events: { recipient: string[]; reviewed: boolean; review: { verdict: string; reviewer: string } | null }[] } };
    expect(api.record.events[1]!.recipient).toEqual(['org:sdf']);
    expect(api.record.events[1]!.review?.reviewer).toBe('Lina');
    expect(api.record.events[3]!.review?.verdict).toBe('reject');
    expect(api.record.events[0]!.reviewed).toBe(false);
  });

  it('accepts the other events from the events table, where the rejected one is gone', async () => {
    await app.open('#/events?per=report');
    await page.waitForSelector(`table.events tbody tr[data-doc="${id}"]`);
    const indices = async () => (await page.locator(`table.events tbody tr[data-doc="${id}"]`).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))))).sort();
    expect(await indices()).toEqual([0, 1, 2, 4, 5]);
    for (const n of [0, 2, 4, 5]) {
      await page.click(`table.events tbody tr[data-doc="${id}"][data-index="${n}"] button.review-accept`);
      await expect.poll(() => page.locator(`table.events tbody tr[data-doc="${id}"][data-index="${n}"] .badge.reviewed`).count()).toBe(1);
    }
    await app.shot('review-events');
  });

  it('exports the reviews as gold, which marsad eval scores', async () => {
    const out = join(tempDir(), 'week');
    const store = join(app.base, 'app.db');
    const exported = await cli(['export', '--format', 'gold', '--out', out, '--store', store]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(join(out, 'gold'))).toEqual([`${id}.json`]);
    expect(existsSync(join(out, 'articles', `${id}.txt`))).toBe(true);
    const gold = JSON.parse(readFileSync(join(out, 'gold', `${id}.json`), 'utf8')) as { events: { type: string; recipient: string[] | string | null }[] };
    // Five events: the rejected statement is left out.
    expect(gold.events.map((e) => e.type)).toEqual(['COERCE', 'COOPERATE', 'ASSAULT', 'COERCE', 'ASSAULT']);

    const scored = await cli(['eval', '--gold', join(out, 'gold'), '--seeds', join(out, 'articles')]);
    expect(scored.code, scored.stderr).toBe(0);
    // The machine finds the five kept events and the rejected one (a false positive); the
    // corrected recipient is the one it misses in the full score.
    expect(scored.stdout).toMatch(/type \+ actor\s+P\s+83\.3\s+R\s+100\.0\s.*\(tp 5, fp 1, fn 0\)/);
    expect(scored.stdout).toMatch(/full \(\+ recipient\)\s.*\(tp 4, fp 2, fn 1\)/);
  });

  it('rejects an entity mention, and the record reads without it after a reload', async () => {
    await app.open(`#/doc/${id}`);
    await page.waitForSelector('#rec-e0 details.mention-review');
    const before = (await (await fetch(`${app.server.url}/api/documents/${id}`)).json()) as { record: { entities: { id: string; mentions: { start: number }[] }[] } };
    const entity = before.record.entities[0]!;
    const start = entity.mentions[0]!.start;
    await page.click('#rec-e0 details.mention-review summary');
    await page.click(`#rec-e0 li[data-start="${start}"] button.review-reject`);
    await page.waitForSelector(`#rec-e0 li[data-start="${start}"] .badge.verdict-reject`);
    const after = (await (await fetch(`${app.server.url}/api/documents/${id}`)).json()) as { record: { entities: { id: string; mentions: { start: number }[] }[] }; mentionReviews: { start: number; verdict: string; reviewer: string }[] };
    expect(after.record.entities.find((e) => e.id === entity.id)?.mentions.map((m) => m.start) ?? []).not.toContain(start);
    expect(after.mentionReviews).toEqual([expect.objectContaining({ start, verdict: 'reject', reviewer: 'Lina' })]);
  });
});
