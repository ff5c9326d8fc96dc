/**
 * robots.txt (issue 13, item 3) against real servers on 127.0.0.1: a forbidden path refused
 * before it is requested, another allowed, one robots.txt read for many requests, 404 as
 * "no rules", 5xx and unreachable as "fetch nothing", Crawl-delay, and the product token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { Fetcher, type FetchOptions } from '../../src/fetch/fetcher.js';
import { productToken } from '../../src/fetch/robots.js';
import { startServer, type Handler, type TestServer } from './server.js';

async function failure(promise: Promise<unknown>): Promise<MarsadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MarsadError);
    return error as MarsadError;
  }
  throw new Error('expected the fetch to fail');
}

const options: FetchOptions = { allowPrivate: true, hostDelayMs: 0, hostConcurrency: 4 };
const page: Handler = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>بيان صحفي</p>');

const ROBOTS = [
  '# other crawlers may read everything but the archive',
  'User-agent: *',
  'Disallow: /archive/',
  '',
  'User-agent: Marsad',
  'Disallow: /drafts/',
  'Allow: /',
].join('\n');

let servers: TestServer[] = [];
let fetchers: Fetcher[] = [];
async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const s = await startServer(routes);
  servers.push(s);
  return s;
}
function fetcher(extra: FetchOptions = {}): Fetcher {
  const f = new Fetcher({ ...options, ...extra });
  fetchers.push(f);
  return f;
}
afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  fetchers = [];
});

const paths = (s: TestServer) => s.received.map((r) => r.path);

describe('robots.txt', () => {
  it('refuses a path it forbids for Marsad, naming the URL and the rule, without requesting it', async () => {
    const s = await serve({ '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(ROBOTS), '/drafts/a.html': page, '/archive/b.html': page });
    const f = fetcher();
    const e = await failure(f.get({ url: `${s.origin}/drafts/a.html` }));
    expect(e.code).toBe('fetch-robots');
    expect(e.subject).toBe(`${s.origin}/drafts/a.html`);
    expect(e.message).toContain('robots.txt forbids this path for Marsad (line 6)');
    expect(paths(s)).toEqual(['/robots.txt']);
    // Our group allows what only `*` forbids.
    const archive = await f.get({ url: `${s.origin}/archive/b.html` });
    expect(archive.status).toBe(200);
    expect(paths(s)).toEqual(['/robots.txt', '/archive/b.html']);
    expect(s.received[0]!.headers['user-agent']).toMatch(/^Marsad\//);
  });

  it('applies the * group to a User-Agent that has none of its own', async () => {
    const s = await serve({ '/robots.txt': (_req, res) => void res.writeHead(200).end(ROBOTS), '/archive/b.html': page, '/drafts/a.html': page });
    const f = fetcher({ userAgent: 'NewsWatch/2.0 (+mailto:desk@example.org)' });
    expect((await failure(f.get({ url: `${s.origin}/archive/b.html` }))).message).toContain('for NewsWatch');
    expect((await f.get({ url: `${s.origin}/drafts/a.html` })).status).toBe(200);
  });

  it('reads robots.txt once per origin for many requests, concurrent ones included', async () => {
    const s = await serve({
      '/robots.txt': async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 50)); // so the first requests wait on it together
        res.writeHead(200).end(ROBOTS);
      },
      '/a': page,
      '/b': page,
      '/c': page,
    });
    const f = fetcher();
    const urls = ['/a', '/b', '/c', '/a', '/b'].map((p) => ({ url: `${s.origin}${p}` }));
    await Promise.all(urls.map((u) => f.get(u)));
    await f.get({ url: `${s.origin}/c` });
    expect(await failure(f.get({ url: `${s.origin}/drafts/x` }))).toHaveProperty('code', 'fetch-robots');
    expect(paths(s).filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(paths(s)).toHaveLength(7);
  });

  it('takes a 404 robots.txt as no rules', async () => {
    const s = await serve({ '/drafts/a.html': page });
    const f = fetcher();
    expect((await f.get({ url: `${s.origin}/drafts/a.html` })).status).toBe(200);
    expect(paths(s)).toEqual(['/robots.txt', '/drafts/a.html']);
  });

  it('fetches nothing from a site whose robots.txt answers 5xx, and says why', async () => {
    const s = await serve({ '/robots.txt': (_req, res) => void res.writeHead(503).end('down'), '/a': page });
    const f = fetcher();
    const e = await failure(f.get({ url: `${s.origin}/a` }));
    expect(e.code).toBe('fetch-robots');
    expect(e.message).toContain('robots.txt answered 503');
    // The verdict is kept a while: the site is not asked again at once.
    await failure(f.get({ url: `${s.origin}/a` }));
    expect(paths(s)).toEqual(['/robots.txt']);
  });

  it('fetches nothing from a site whose robots.txt does not answer in time', async () => {
    const s = await serve({ '/robots.txt': () => undefined, '/a': page });
    const f = fetcher({ timeoutMs: 300 });
    const e = await failure(f.get({ url: `${s.origin}/a` }));
    expect(e.code).toBe('fetch-robots');
    expect(e.message).toContain('robots.txt could not be read');
    expect(e.message).toContain('300 ms');
    expect(paths(s)).toEqual(['/robots.txt']);
  });

  it('follows a robots.txt redirect and applies the rules to the origin asked', async () => {
    const s = await serve({
      '/robots.txt': (_req, res) => void res.writeHead(301, { location: '/static/robots.txt' }).end(),
      '/static/robots.txt': (_req, res) => void res.writeHead(200).end('User-agent: *\nDisallow: /private\n'),
      '/private/x': page,
    });
    const f = fetcher();
    expect((await failure(f.get({ url: `${s.origin}/private/x` }))).code).toBe('fetch-robots');
  });

  it('is skipped entirely with robots: false', async () => {
    const s = await serve({ '/robots.txt': (_req, res) => void res.writeHead(200).end('User-agent: *\nDisallow: /\n'), '/a': page });
    const f = fetcher({ robots: false });
    expect((await f.get({ url: `${s.origin}/a` })).status).toBe(200);
    expect(paths(s)).toEqual(['/a']);
  });

  it('honours Crawl-delay for our group as a longer politeness delay', async () => {
    const s = await serve({ '/robots.txt': (_req, res) => void res.writeHead(200).end('User-agent: marsad\nCrawl-delay: 0.6\nDisallow:\n'), '/a': page, '/b': page });
    const f = fetcher({ hostConcurrency: 1 });
    await f.get({ url: `${s.origin}/a` });
    await f.get({ url: `${s.origin}/b` });
    const [robots, a, b] = s.received;
    expect(a!.at - robots!.at).toBeGreaterThanOrEqual(500);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(500);
  });

  it('reads the product token from a User-Agent', () => {
    expect(productToken('Marsad/0.1.0 (+https://example.org)')).toBe('Marsad');
    expect(productToken('news-watch_bot/2')).toBe('news-watch_bot');
    expect(productToken('/odd')).toBe('*');
  });
});
