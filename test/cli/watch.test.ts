/**
 * `marsad ingest URL` and `marsad watch` against a real HTTP server on 127.0.0.1 serving a
 * feed and pages written for this test (issue 13, items 2 and 4). The SSRF guard stays on:
 * only the test server's address is allowed (`--allow-address 127.0.0.1`). Needs the build for
 * the killed-process case (`npx tsc -p tsconfig.build.json`).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'marsad.js');
const PLACES = ['حلب', 'إدلب', 'دير الزور', 'الرقة', 'حمص', 'درعا', 'الحسكة', 'القامشلي', 'منبج', 'عفرين', 'تدمر', 'جرابلس', 'الميادين', 'البوكمال', 'الطبقة', 'عين العرب', 'تل أبيض'];
const ACTS = [
  (p: string, n: number) => `قتل ${n} عناصر من داعش في اشتباكات مع قسد في ريف ${p}، وقالت مصادر محلية إن ${n + 4} عائلات نزحت من القرى القريبة.`,
  (p: string, n: number) => `اعتقلت قوات الأمن الداخلي ${n} أشخاص يشتبه بانتمائهم إلى خلية نائمة في ${p}، وضبطت بحوزتهم أسلحة وذخائر.`,
  (p: string, n: number) => `وصلت قافلة من ${n + 10} شاحنات تحمل مساعدات غذائية إلى مخيم قرب ${p}، ووزعت الطرود على النازحين.`,
];
const ITEMS = 50;

function articleBody(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const other = PLACES[(i * 7 + 3) % PLACES.length]!;
  return `${ACTS[i % ACTS.length]!(place, i + 3)} وأضافت المصادر أن الوضع في ${other} بقي هادئاً خلال اليوم الذي وافق رقم ${i + 1} من سلسلة تقاريرنا.`;
}

function page(i: number, base: string): string {
  const title = `تقرير ${i + 1}: أخبار من ${PLACES[i % PLACES.length]}`;
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z`, publisher: { '@type': 'Organization', name: 'مرصد الاختبار' } });
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} | مرصد الاختبار</title>
<link rel="canonical" href="${base}/news/${i}.html"><script type="application/ld+json">${ld}</script></head>
<body><nav><a href="/">الرئيسية</a> · <a href="/syria">سوريا</a></nav><article><h1>${title}</h1>
<p>${articleBody(i)}</p><p>وتابع مراسلنا تطورات الأحداث في المنطقة منذ ساعات الصباح الأولى، ونقل عن شهود عيان تفاصيل إضافية عما جرى في الحادثة رقم ${i + 1}.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

function feed(base: string, n: number): string {
  const items = Array.from({ length: n }, (_, i) =>
    `<item><title>تقرير ${i + 1}</title><link>${base}/news/${i}.html</link><guid isPermaLink="false">report-${i}</guid><pubDate>Sun, 01 Nov 2026 08:00:00 GMT</pubDate><description>موجز التقرير ${i + 1}</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>مرصد الاختبار</title><link>${base}/</link><description>أخبار</description>\n${items}\n</channel></rss>`;
}

interface Hit { path: string; conditional: boolean; status: number }

class NewsServer {
  readonly hits: Hit[] = [];
  pageDelayMs = 0;
  private server: Server | null = null;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async answer(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.base).pathname;
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      this.hits.push({ path, conditional, status });
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    if (path === '/feed.xml') {
      const etag = `"feed-${ITEMS}"`;
      if (req.headers['if-none-match'] === etag) return send(304, 'application/rss+xml', '', { etag });
      return send(200, 'application/rss+xml; charset=utf-8', feed(this.base, ITEMS), { etag, 'last-modified': 'Sun, 01 Nov 2026 09:00:00 GMT' });
    }
    const m = /^\/news\/(\d+)\.html$/.exec(path);
    if (m && Number(m[1]) < ITEMS) {
      if (this.pageDelayMs > 0) await new Promise((r) => setTimeout(r, this.pageDelayMs));
      return send(200, 'text/html; charset=utf-8', page(Number(m[1]), this.base));
    }
    return send(404, 'text/plain', 'not found');
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const GUARD = ['--allow-address', '127.0.0.1', '--delay', '0'];

function runChild(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
}

describe('watching a feed', () => {
  let server: NewsServer;
  beforeEach(async () => {
    server = new NewsServer();
    await server.start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('stores 50 items at the first --once, none at the second, which asks only what changed', async () => {
    const store = join(tempDir(), 'w.db');
    const first = await cli(['watch', `${server.base}/feed.xml`, '--once', '--store', store, ...GUARD]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/50 items, 50 new: 50 stored/);
    const pages = server.hits.filter((h) => h.path.startsWith('/news/'));
    expect(pages).toHaveLength(50);

    server.hits.length = 0;
    const second = await cli(['watch', `${server.base}/feed.xml`, '--once', '--store', store, ...GUARD]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/not modified/);
    expect(second.stdout).toMatch(/0 stored/);
    // robots.txt is the site's policy, read once per process; every other request is conditional.
    const others = server.hits.filter((h) => h.path !== '/robots.txt');
    expect(others).toEqual([{ path: '/feed.xml', conditional: true, status: 304 }]);

    const db = new Database(store, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(50);
      const one = db.prepare("SELECT d.title, d.published, s.url, s.outlet FROM documents d JOIN document_sources s ON s.document_id = d.id WHERE s.url LIKE '%/news/7.html'").get();
      expect(one).toEqual({ title: 'تقرير 8: أخبار من القامشلي', published: '2026-11-08', url: `${server.base}/news/7.html`, outlet: 'مرصد الاختبار' });
      expect((db.prepare('SELECT count(*) AS n FROM watch_items').get() as { n: number }).n).toBe(50);
    } finally {
      db.close();
    }
  }, 60_000);

  it('killed with kill -9 mid-poll and run again, loses and doubles nothing', async () => {
    const store = join(tempDir(), 'k.db');
    server.pageDelayMs = 40;
    const child = runChild(['watch', `${server.base}/feed.xml`, '--once', '--list', '--store', store, ...GUARD]);
    await new Promise<void>((resolve) => {
      let stored = 0;
      child.stdout.on('data', (d: Buffer) => {
        stored += (d.toString().match(/^\s+stored/gm) ?? []).length;
        if (stored >= 5) resolve();
      });
      child.on('close', () => resolve());
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const before = server.hits.filter((h) => h.path.startsWith('/news/')).length;
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(50);

    server.pageDelayMs = 0;
    const again = await cli(['watch', `${server.base}/feed.xml`, '--once', '--store', store, ...GUARD]);
    expect(again.code).toBe(0);
    // The killed poll saved no validators: the feed is asked for whole, and read.
    expect(server.hits.filter((h) => h.path === '/feed.xml').at(-1)).toMatchObject({ status: 200 });
    const db = new Database(store, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(50);
      expect((db.prepare('SELECT count(*) AS n FROM document_sources').get() as { n: number }).n).toBe(50);
      expect((db.prepare('SELECT count(*) AS n FROM watch_items').get() as { n: number }).n).toBe(50);
      expect(db.prepare('SELECT status FROM ingest_runs ORDER BY id').all()).toEqual([{ status: 'interrupted' }, { status: 'completed' }]);
    } finally {
      db.close();
    }
    // Pages fetched in all: each at most twice (one being read when the kill came), most once.
    const fetched = server.hits.filter((h) => h.path.startsWith('/news/')).length;
    expect(fetched).toBeLessThanOrEqual(50 + 1);
  }, 60_000);

  it('refuses the test server when the guard is left on, naming the address', async () => {
    const store = join(tempDir(), 'g.db');
    const r = await cli(['watch', `${server.base}/feed.xml`, '--once', '--store', store]);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/failed .*127\.0\.0\.1/);
    expect(server.hits).toEqual([]);
  });

  it('reads a sources file, and names the entry that is wrong', async () => {
    const dir = tempDir();
    const good = join(dir, 'sources.json');
    writeFileSync(good, JSON.stringify({ every: '30m', sources: [{ url: `${server.base}/feed.xml`, outlet: 'هاوار' }] }));
    const store = join(dir, 's.db');
    const r = await cli(['watch', '--sources', good, '--once', '--store', store, ...GUARD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/هاوار/);
    const db = new Database(store, { readonly: true });
    expect(db.prepare('SELECT DISTINCT outlet FROM document_sources').all()).toEqual([{ outlet: 'هاوار' }]);
    db.close();

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: [{ url: `${server.base}/feed.xml` }, { url: 'ftp://example.org/feed' }] }));
    const e = await cli(['watch', '--sources', bad, '--once', '--store', store]);
    expect(e.code).toBe(7);
    expect(e.stderr).toMatch(/bad\.json: invalid sources file: sources\[1\]\.url: must be an http or https URL/);
    const lang = join(dir, 'lang.json');
    writeFileSync(lang, JSON.stringify({ sources: [{ url: `${server.base}/feed.xml`, language: 'en' }] }));
    expect((await cli(['watch', '--sources', lang, '--once', '--store', store])).stderr).toMatch(/Arabic only/);
  });

  it('refuses an interval under a minute and a call with no source', async () => {
    const a = await cli(['watch', `${server.base}/feed.xml`, '--every', '10s', '--once']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--every: .*shorter than the shortest interval/);
    const b = await cli(['watch', '--once']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/name at least one feed or page URL/);
  });
});

describe('ingest URL', () => {
  let server: NewsServer;
  beforeEach(async () => {
    server = new NewsServer();
    await server.start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('stores a page by its URL with its title, date and outlet, and the same page again as unchanged', async () => {
    const store = join(tempDir(), 'u.db');
    const r = await cli(['ingest', `${server.base}/news/3.html`, '--store', store, '--json', ...GUARD]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts).toMatchObject({ stored: 1, rejected: 0 });
    const show = await cli(['search', 'داعش', '--store', store, '--json']);
    expect(show.stdout).toContain('تقرير 4');
    const again = await cli(['ingest', `${server.base}/news/3.html`, '--store', store, '--json', ...GUARD]);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ stored: 0, unchanged: 1 });
  });

  it('reads a feed URL, fetching each item by its link', async () => {
    const store = join(tempDir(), 'f.db');
    const r = await cli(['ingest', `${server.base}/feed.xml`, '--store', store, '--json', ...GUARD]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 50, counts: { stored: 50, rejected: 0 } });
  }, 60_000);

  it('rejects a missing page and a path robots.txt forbids, each with its reason, and stores the rest', async () => {
    const store = join(tempDir(), 'm.db');
    const r = await cli(['ingest', `${server.base}/news/1.html`, `${server.base}/news/999.html`, `${server.base}/private/x.html`, '--store', store, ...GUARD]);
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/1 stored/);
    expect(r.stdout).toMatch(/fetch-http .*999\.html.*404/);
    expect(r.stdout).toMatch(/fetch-robots .*private\/x\.html/);
    expect(server.hits.some((h) => h.path.startsWith('/private/'))).toBe(false);
  });
});
