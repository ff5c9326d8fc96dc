/**
 * The watch service itself (`src/services/watch.ts`): a page as a source, back-off after a
 * failure, polling on a schedule until stopped, and a stop between two items. Against a real
 * HTTP server on 127.0.0.1 and a real SQLite store; the guard trusts only that address.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { ArticleWriter } from '../../src/services/ingest.js';
import type { WatchTarget } from '../../src/services/sources.js';
import { pollSource, watchLoop, watchRound, type WatchRoundReport } from '../../src/services/watch.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startServer, type TestServer } from '../fetch/server.js';

const PLACES = ['منبج', 'الرقة', 'الحسكة', 'القامشلي', 'عين العرب', 'تل تمر'];

function pageHtml(i: number, edition = 1): string {
  const place = PLACES[i % PLACES.length]!;
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>نشرة ${place} ${edition}</title></head><body><article>
<p>قالت مصادر محلية في ${place} إن قوات الأمن الداخلي نشرت حواجز جديدة على مداخل المدينة في النشرة رقم ${edition}، بعد أيام من هجوم استهدف دورية قرب السوق الرئيسي.</p>
<p>وأضافت المصادر أن الحركة التجارية عادت تدريجياً إلى الأسواق، فيما تواصل الفرق الخدمية إصلاح شبكة الكهرباء التي تضررت في الهجوم الأخير على أطراف ${place}.</p>
</article></body></html>`;
}

function rss(origin: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<item><title>خبر ${i}</title><link>${origin}/news/${i}.html</link><guid>n-${i}</guid></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة</title><link>${origin}/</link>${items}</channel></rss>`;
}

let server: TestServer;
let store: SqliteStore;
let fetcher: Fetcher;
let edition = 1;
let feedStatus = 200;

const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
};

beforeEach(async () => {
  edition = 1;
  feedStatus = 200;
  const routes: Parameters<typeof startServer>[0] = {
    '/robots.txt': (_q, res) => send(res, 404, 'text/plain', ''),
    '/page.html': (req, res) => {
      const etag = `"e${edition}"`;
      if (req.headers['if-none-match'] === etag) return send(res, 304, 'text/html', '', { etag });
      send(res, 200, 'text/html; charset=utf-8', pageHtml(0, edition), { etag });
    },
    '/feed.xml': (_q, res) => (feedStatus === 200 ? send(res, 200, 'application/rss+xml', rss(server.origin, 6)) : send(res, feedStatus, 'text/plain', 'busy', { 'retry-after': '7200' })),
  };
  for (let i = 0; i < 6; i++) routes[`/news/${i}.html`] = (_q, res) => send(res, 200, 'text/html; charset=utf-8', pageHtml(i, 100 + i));
  server = await startServer(routes);
  store = openSqliteStore(':memory:');
  fetcher = new Fetcher({ allowAddresses: ['127.0.0.1/32'], hostDelayMs: 0 });
});
afterEach(async () => {
  await fetcher.close();
  await store.close();
  await server.close();
});

const target = (path: string, everyMs = 60_000): WatchTarget => ({ url: `${server.origin}${path}`, outlet: 'نشرة الاختبار', language: 'ar', everyMs });

describe('watch service', () => {
  it('watches a page: stores it, asks only what changed, and stores its new text when it changes', async () => {
    const t = target('/page.html');
    const first = await watchRound(store, fetcher, [t]);
    expect(first.polls[0]).toMatchObject({ status: 'read', kind: 'page', items: 1, stored: 1 });
    const second = await watchRound(store, fetcher, [t]);
    expect(second.polls[0]).toMatchObject({ status: 'not-modified', stored: 0 });
    edition = 2;
    const third = await watchRound(store, fetcher, [t]);
    expect(third.polls[0]).toMatchObject({ status: 'read', stored: 1 });
    expect((await store.stats()).documents).toBe(2);
    expect((await store.watchSource(t.url))?.etag).toBe('"e2"');
  });

  it('backs a failing source off, leaves it until its time (Retry-After asks for 2 h), and polls it with force', async () => {
    feedStatus = 503;
    const t = target('/feed.xml');
    let clock = Date.parse('2026-12-07T06:00:00Z');
    const now = () => clock;
    const failed = await watchRound(store, fetcher, [t], { now });
    expect(failed.polls[0]).toMatchObject({ status: 'failed', error: { code: 'fetch-http' }, nextPollAt: '2026-12-07T08:00:00.000Z' });
    expect((await store.watchSource(t.url))?.failures).toBe(1);

    feedStatus = 200;
    clock += 30 * 60_000;
    const waiting = await watchRound(store, fetcher, [t], { now });
    expect(waiting.polls[0]).toMatchObject({ status: 'waiting', nextPollAt: '2026-12-07T08:00:00.000Z' });
    expect(server.received.filter((r) => r.path === '/feed.xml')).toHaveLength(1);

    const forced = await watchRound(store, fetcher, [t], { now, force: true });
    expect(forced.polls[0]).toMatchObject({ status: 'read', items: 6, stored: 6 });
    expect(await store.watchSource(t.url)).toMatchObject({ failures: 0, nextPollAt: null, lastError: null });
  });

  it('stopped between two items, keeps what it read and saves no validators, so the next poll reads the rest', async () => {
    const t = target('/feed.xml');
    const controller = new AbortController();
    const runId = await store.beginRun({ command: 'test', inputs: [], pipeline: 'x' });
    const writer = new ArticleWriter(store, runId, () => {
      if (writer.counts.stored === 2) controller.abort();
    });
    const stopped = await pollSource(store, fetcher, writer, t, { signal: controller.signal });
    expect(stopped).toMatchObject({ status: 'read', stored: 2 });
    expect((await store.watchSource(t.url))?.lastModified).toBeNull();
    const rest = await watchRound(store, fetcher, [t]);
    expect(rest.polls[0]).toMatchObject({ items: 6, known: 2, stored: 4 });
    expect((await store.stats()).documents).toBe(6);
  });

  it('polls on schedule until stopped: a round at once, the next when a source is due', async () => {
    const rounds: WatchRoundReport[] = [];
    const controller = new AbortController();
    const started = Date.now();
    await watchLoop(store, fetcher, [target('/feed.xml', 1000), target('/page.html', 1000)], {
      signal: controller.signal,
      onRound: (r) => {
        rounds.push(r);
        if (rounds.length === 2) controller.abort();
      },
    });
    expect(rounds).toHaveLength(2);
    expect(rounds[0]!.counts.stored).toBe(7);
    expect(rounds[1]!.polls.map((p) => p.status)).toEqual(['read', 'not-modified']);
    expect(rounds[1]!.counts.stored).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
