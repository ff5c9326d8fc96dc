/**
 * Pages and feeds fetched over HTTP and ingested (issue 13, "Done when", first item): a real
 * server on 127.0.0.1 serves the pages and feeds written for the tests (test/fixtures/web) as
 * an outlet would (UTF-8 with JSON-LD, only og: tags, windows-1256 and ISO-8859-6, behind a
 * redirect, slow, oversized, gzip-bombed, a path robots.txt forbids), and `ingest` reads each
 * URL into a real SQLite store: the right text, title and date, or a clear rejection. The SSRF
 * guard stays on, trusting only the test server's address; every host name resolves to it, so
 * that the canonical URLs the pages name are never looked up outside.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { ingest, type IngestReport } from '../../src/services/ingest.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startServer, type TestServer } from '../fetch/server.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'web');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const MAX_BYTES = 256 * 1024;

let server: TestServer;
const serve = (type: string, body: Buffer | string, extra: Record<string, string> = {}) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': type, ...extra });
  res.end(body);
};

beforeAll(async () => {
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, about 64 KB on the wire
  server = await startServer({
    '/robots.txt': serve('text/plain', 'User-agent: *\nDisallow: /private/\n'),
    '/hawar.html': serve('text/html; charset=utf-8', fixture('hawar-jsonld.html')),
    '/enab.html': serve('text/html; charset=utf-8', fixture('enab-og.html')),
    '/shafaq.html': serve('text/html', fixture('shafaq-windows-1256.html')),
    '/k24.html': serve('text/html; charset=ISO-8859-6', fixture('k24-iso-8859-6.html')),
    '/rudaw.rss': serve('application/rss+xml', fixture('rudaw-full.rss')),
    '/sohr.atom': serve('application/atom+xml; charset=utf-8', fixture('sohr.atom')),
    '/front.html': serve('text/html; charset=utf-8', fixture('section-front.html')),
    '/doc.pdf': serve('application/pdf', '%PDF-1.7\n1 0 obj\n'),
    '/moved': (_req, res) => {
      res.writeHead(301, { location: '/hawar.html' });
      res.end();
    },
    '/slow.html': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body><p>');
      await new Promise((r) => setTimeout(r, 3000));
      res.end('</p></body></html>');
    },
    '/big.html': serve('text/html', `<!doctype html><html><body>${'<p>نص طويل جدا.</p>'.repeat(40_000)}</body></html>`),
    '/bomb.html': serve('text/html', bomb, { 'content-encoding': 'gzip' }),
    '/private/a.html': serve('text/html; charset=utf-8', fixture('hawar-jsonld.html')),
  });
});
afterAll(() => server.close());

async function ingestUrls(paths: string[]): Promise<{ report: IngestReport; store: SqliteStore }> {
  const store = openSqliteStore(':memory:');
  const report = await ingest(store, paths.map((p) => `${server.origin}${p}`), {
    fetcher: () =>
      new Fetcher({
        allowAddresses: ['127.0.0.1/32'],
        hostDelayMs: 0,
        timeoutMs: 1000,
        maxBytes: MAX_BYTES,
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      }),
  });
  return { report, store };
}

const stored = (store: SqliteStore) =>
  store.db.prepare('SELECT d.title, d.published, d.text, s.url, s.outlet FROM documents d JOIN document_sources s ON s.document_id = d.id ORDER BY d.rowid').all() as {
    title: string; published: string; text: string; url: string; outlet: string;
  }[];

describe('pages over HTTP', () => {
  it('reads each page\'s text, title, date, outlet and canonical URL, whatever its encoding, and follows a redirect', async () => {
    const { report, store } = await ingestUrls(['/hawar.html', '/enab.html', '/shafaq.html', '/k24.html', '/moved']);
    try {
      // /moved is /hawar.html again: the same text from the same canonical URL.
      expect(report.counts).toMatchObject({ stored: 4, unchanged: 1, rejected: 0 });
      const rows = stored(store);
      expect(rows.map(({ title, published, url, outlet }) => ({ title, published, url, outlet }))).toEqual([
        { title: 'قصف مدفعي يطال قرى في ريف منبج الشمالي', published: '2024-03-05', url: 'https://hawarnews.com/ar/news/2024/03/05/manbij-shelling', outlet: 'وكالة هاوار للأنباء' },
        { title: 'ارتفاع أسعار الخبز في مدينة إدلب بعد تخفيض وزن الربطة', published: '2024-02-11', url: 'https://www.enabbaladi.net/archives/712345', outlet: 'عنب بلدي' },
        { title: 'انفجار عبوة ناسفة على طريق في جنوب كركوك', published: '2024-01-15', url: 'https://shafaq.com/ar/security/kirkuk-roadside-bomb', outlet: 'شفق نيوز' },
        { title: 'افتتاح مستشفى للأطفال في مدينة أربيل', published: '2024-04-02', url: 'https://www.kurdistan24.net/ar/story/123456', outlet: 'كوردستان 24' },
      ]);
      expect(rows[0]!.text).toContain('وأفاد مجلس منبج العسكري في بيان بأن قواته ردت على مصادر النيران');
      expect(rows[1]!.text).toContain('وأصبح وزن الربطة ستمئة غرام بعد أن كان سبعمئة');
      expect(rows[2]!.text).toContain('وقال المصدر لوكالة شفق نيوز إن العبوة انفجرت قرب عجلة تابعة لأحد المزارعين');
      expect(rows[3]!.text).toContain('وأضاف أن المستشفى زود بأجهزة حديثة');
      for (const r of rows) expect(r.text).not.toMatch(/<|جميع الحقوق محفوظة|الرئيسية/);
    } finally {
      await store.close();
    }
  });

  it('rejects, each with its reason, a slow page, an oversized one, a gzip bomb, a path robots.txt forbids, a page with no article and a PDF', async () => {
    const started = Date.now();
    const { report, store } = await ingestUrls(['/slow.html', '/big.html', '/bomb.html', '/private/a.html', '/front.html', '/doc.pdf', '/hawar.html']);
    try {
      expect(report.counts).toMatchObject({ stored: 1, rejected: 6 });
      expect(report.failures.map((f) => [f.origin.replace(server.origin, ''), f.code])).toEqual([
        ['/slow.html', 'fetch-timeout'],
        ['/big.html', 'fetch-too-large'],
        ['/bomb.html', 'fetch-too-large'],
        ['/private/a.html', 'fetch-robots'],
        ['/front.html', 'input-no-article-text'],
        ['/doc.pdf', 'input-format'],
      ]);
      for (const f of report.failures) expect(f.message).toContain(server.origin);
      expect(server.received.some((r) => r.path.startsWith('/private/'))).toBe(false);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await store.close();
    }
  });
});

describe('feeds over HTTP', () => {
  it('stores the articles an RSS feed and an Atom feed hold, and fetches the link of an item that holds only a teaser', async () => {
    const { report, store } = await ingestUrls(['/rudaw.rss', '/sohr.atom']);
    try {
      // Two RSS items and two Atom entries hold their article. The Atom teaser's link is an
      // https:// address of the outlet, which here resolves to the test server's address,
      // where nothing listens on 443: its robots.txt cannot be read, so nothing on that site is
      // fetched (a site that may be down is not to be hit), and the item says so.
      expect(report.counts).toMatchObject({ stored: 4, rejected: 1 });
      expect(report.failures.map((f) => [f.origin, f.code])).toEqual([['https://www.syriahr.com/680102/', 'fetch-robots']]);
      const rows = stored(store);
      expect(rows.every((r) => r.title && r.published && r.url.startsWith('http'))).toBe(true);
      expect(rows.every((r) => !/<[a-z]/i.test(r.text))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
