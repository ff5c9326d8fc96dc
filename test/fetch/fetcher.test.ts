/**
 * The fetcher against real HTTP servers on 127.0.0.1 (issue 13, item 3): bodies and their
 * encodings, the size cap (a gzip bomb included), the time limit, redirects, conditional
 * requests and HTTP errors. The guard is off here (`allowPrivate`), as these servers are on
 * loopback; guard.test.ts tests the guard with it on.
 */
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { FetchHttpError, Fetcher, defaultUserAgent, type FetchOptions } from '../../src/fetch/fetcher.js';
import { marsadVersion } from '../../src/version.js';
import { encodeWindows1256, startServer, type TestServer } from './server.js';

const ARTICLE = 'قالت مصادر محلية في ريف دير الزور إن دورية مشتركة جابت القرى الواقعة على ضفة الفرات صباح الأحد.';
const HTML = `<!doctype html><html lang="ar"><head><title>دورية على الفرات</title></head><body><p>${ARTICLE}</p></body></html>`;
const utf8 = new TextEncoder().encode(HTML);
const cp1256 = encodeWindows1256(HTML);

/** Options for tests that are not about the guard, robots or politeness. */
const open: FetchOptions = { allowPrivate: true, robots: false, hostDelayMs: 0, hostConcurrency: 4 };

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<MarsadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MarsadError);
    return error as MarsadError;
  }
  throw new Error('expected the fetch to fail');
}

/** 1 MiB of zeros as one gzip member (about 1 KB): a body of many members unpacks 1000:1. */
const zeroMember = gzipSync(Buffer.alloc(1024 * 1024));

/** Writes `chunk` `times` times, waiting when the socket is full; stops when the client goes. */
async function writeMany(res: ServerResponse, chunk: Uint8Array, times: number): Promise<void> {
  for (let i = 0; i < times && !res.destroyed; i++) {
    if (res.write(chunk)) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done).off('close', done);
        resolve();
      };
      res.on('drain', done).on('close', done);
    });
  }
  res.end();
}

let server: TestServer;
const fetcher = () => new Fetcher(open);

beforeAll(async () => {
  server = await startServer({
    '/utf8': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', etag: '"u1"' }).end(utf8),
    '/cp1256': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html;charset="windows-1256"' }).end(cp1256),
    '/no-type': (_req, res) => void res.writeHead(200).end(utf8),
    '/gzip': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(utf8)),
    '/br': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync(utf8)),
    '/deflate': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' }).end(deflateSync(utf8)),
    '/zstd': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end(utf8),
    '/bomb': async (_req, res) => {
      // 1 GiB of zeros once unpacked, about 1 MB on the wire, streamed with backpressure.
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      await writeMany(res, zeroMember, 1024);
    },
    '/big-plain': async (_req, res) => {
      // 11 MiB without Content-Length (chunked): only the count while reading can stop it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      await writeMany(res, Buffer.alloc(64 * 1024, 0x61), 176);
    },
    '/big-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(11 * 1024 * 1024) });
      res.write('a'); // the rest never comes: the declared length alone must refuse it
    },
    '/hang': () => {
      // never answers
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      const timer = setInterval(() => res.write(' '), 100); // a trickle, each byte within any idle timeout
      res.on('close', () => clearInterval(timer));
    },
    '/r1': (_req, res) => void res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => void res.writeHead(302, { location: `${server.origin}/r3#frag` }).end(),
    '/r3': (_req, res) => void res.writeHead(307, { location: 'utf8' }).end(),
    '/loop': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
    '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-ftp': (_req, res) => void res.writeHead(301, { location: 'ftp://ftp.example.org/pub/x.html' }).end(),
    '/cond': (req, res) => {
      if (req.headers['if-none-match'] === '"v7"') return void res.writeHead(304, { etag: '"v7"' }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v7"' }).end(utf8);
    },
    '/cond-date': (req, res) => {
      const lm = 'Sun, 06 Dec 2026 08:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/html', 'last-modified': lm }).end(utf8);
    },
    '/to-cond': (_req, res) => void res.writeHead(302, { location: '/cond' }).end(),
    '/gone': (_req, res) => void res.writeHead(410, { 'content-type': 'text/plain' }).end('gone'),
    '/busy': (_req, res) => void res.writeHead(503, { 'retry-after': '120' }).end('later'),
  });
});
afterAll(async () => {
  await server?.close();
});

describe('fetcher: bodies', () => {
  it('returns UTF-8 bytes intact with the charset of the header, and sends the headers it should', async () => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/utf8` });
    await f.close();
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(Buffer.from(r.bytes).equals(Buffer.from(utf8))).toBe(true);
    expect(r.contentType).toBe('text/html');
    expect(r.charset).toBe('utf-8');
    expect(r.etag).toBe('"u1"');
    expect(r.hops).toEqual([`${server.origin}/utf8`]);
    const sent = server.received.findLast((x) => x.path === '/utf8')!.headers;
    expect(sent['user-agent']).toBe(defaultUserAgent());
    expect(sent['user-agent']).toMatch(new RegExp(`^Marsad/${marsadVersion().replace(/\./g, '\\.')} \\(Arabic news to event records`));
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent.accept).toContain('text/html');
  });

  it('returns windows-1256 bytes untouched (decoding is ingest\'s job), with the charset unquoted', async () => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/cp1256` });
    await f.close();
    expect(Buffer.from(r.bytes).equals(Buffer.from(cp1256))).toBe(true);
    expect(r.charset).toBe('windows-1256');
    expect(new TextDecoder('windows-1256').decode(r.bytes)).toContain('دورية مشتركة');
  });

  it('gives null type and charset when the server sends no Content-Type', async () => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/no-type` });
    await f.close();
    expect(r.contentType).toBeNull();
    expect(r.charset).toBeNull();
  });

  it.each(['gzip', 'br', 'deflate'])('decodes a %s body', async (coding) => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/${coding}` });
    await f.close();
    expect(new TextDecoder().decode(r.bytes)).toBe(HTML);
  });

  it('refuses a body in a content coding it did not ask for', async () => {
    const f = fetcher();
    const e = await failure(f.get({ url: `${server.origin}/zstd` }));
    await f.close();
    expect(e.code).toBe('fetch-failed');
    expect(e.message).toContain(`${server.origin}/zstd`);
    expect(e.message).toContain('"zstd"');
  });
});

describe('fetcher: limits', () => {
  it('refuses a gzip bomb (1 GiB of zeros) quickly, holding no more than about the cap', async () => {
    const f = fetcher();
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 5);
    const started = performance.now();
    const e = await failure(f.get({ url: `${server.origin}/bomb` }));
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    await f.close();
    expect(e.code).toBe('fetch-too-large');
    expect(e.message).toContain(`${server.origin}/bomb`);
    expect(e.message).toContain('10 MiB once decompressed');
    expect(elapsed).toBeLessThan(10_000);
    // 1 GiB held would show as ≥ 1024 MiB; the cap is 10 MiB (garbage not yet collected adds some).
    expect(peak).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a plain body over the cap while reading it (no Content-Length), and one announced over it', async () => {
    const f = fetcher();
    const big = await failure(f.get({ url: `${server.origin}/big-plain` }));
    expect(big.code).toBe('fetch-too-large');
    const declared = await failure(f.get({ url: `${server.origin}/big-declared` }));
    expect(declared.code).toBe('fetch-too-large');
    expect(declared.message).toContain('11 MiB announced');
    await f.close();
  });

  it('keeps a body at the cap: maxBytes is the largest body accepted', async () => {
    const f = new Fetcher({ ...open, maxBytes: utf8.byteLength });
    const r = await f.get({ url: `${server.origin}/utf8` });
    const e = await failure(new Fetcher({ ...open, maxBytes: utf8.byteLength - 1 }).get({ url: `${server.origin}/utf8` }));
    await f.close();
    expect(r.bytes.byteLength).toBe(utf8.byteLength);
    expect(e.code).toBe('fetch-too-large');
  });

  it('times out a server that never answers, and one that trickles its body', async () => {
    const f = new Fetcher({ ...open, timeoutMs: 400 });
    for (const path of ['/hang', '/slow-body']) {
      const started = performance.now();
      const e = await failure(f.get({ url: `${server.origin}${path}` }));
      const elapsed = performance.now() - started;
      expect(e.code).toBe('fetch-timeout');
      expect(e.message).toContain(`${server.origin}${path}`);
      expect(e.message).toContain('400 ms');
      expect(elapsed).toBeGreaterThanOrEqual(390);
      expect(elapsed).toBeLessThan(5_000);
    }
    await f.close();
  });
});

describe('fetcher: redirects', () => {
  it('follows a chain of relative and absolute redirects, listing every hop, the fragment dropped', async () => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/r1` });
    await f.close();
    expect(r.requested).toBe(`${server.origin}/r1`);
    expect(r.url).toBe(`${server.origin}/utf8`);
    expect(r.hops).toEqual([`${server.origin}/r1`, `${server.origin}/r2`, `${server.origin}/r3`, `${server.origin}/utf8`]);
    expect(new TextDecoder().decode(r.bytes)).toBe(HTML);
  });

  it('refuses more than maxRedirects, and follows exactly maxRedirects', async () => {
    const f = new Fetcher({ ...open, maxRedirects: 2 });
    const e = await failure(f.get({ url: `${server.origin}/r1` }));
    expect(e.code).toBe('fetch-redirects');
    expect(e.message).toContain('more than 2');
    expect(e.message).toContain(`${server.origin}/r1 → ${server.origin}/r2 → ${server.origin}/r3`);
    const three = new Fetcher({ ...open, maxRedirects: 3 });
    expect((await three.get({ url: `${server.origin}/r1` })).status).toBe(200);
    const loop = await failure(f.get({ url: `${server.origin}/loop` }));
    expect(loop.code).toBe('fetch-redirects');
    await f.close();
    await three.close();
  });

  it('refuses a redirect to file: or ftp:', async () => {
    const f = fetcher();
    const file = await failure(f.get({ url: `${server.origin}/to-file` }));
    expect(file.code).toBe('fetch-bad-url');
    expect(file.message).toContain(`${server.origin}/to-file`);
    expect(file.message).toContain('file:///etc/passwd');
    const ftp = await failure(f.get({ url: `${server.origin}/to-ftp` }));
    expect(ftp.code).toBe('fetch-bad-url');
    expect(ftp.message).toContain('not ftp:');
    await f.close();
  });
});

describe('fetcher: conditional requests', () => {
  it('sends If-None-Match and reports a 304 as not modified, with no body', async () => {
    const f = fetcher();
    const first = await f.get({ url: `${server.origin}/cond` });
    expect(first.etag).toBe('"v7"');
    const again = await f.get({ url: `${server.origin}/cond`, etag: first.etag });
    expect(again).toMatchObject({ status: 304, notModified: true, etag: '"v7"', contentType: null });
    expect(again.bytes.byteLength).toBe(0);
    // A changed ETag gets the page again.
    const changed = await f.get({ url: `${server.origin}/cond`, etag: '"v6"' });
    expect(changed.notModified).toBe(false);
    expect(changed.bytes.byteLength).toBe(utf8.byteLength);
    await f.close();
  });

  it('sends If-Modified-Since, and keeps the known Last-Modified when the 304 repeats none', async () => {
    const f = fetcher();
    const first = await f.get({ url: `${server.origin}/cond-date` });
    expect(first.lastModified).toBe('Sun, 06 Dec 2026 08:00:00 GMT');
    const again = await f.get({ url: `${server.origin}/cond-date`, lastModified: first.lastModified });
    expect(again.notModified).toBe(true);
    expect(again.lastModified).toBe('Sun, 06 Dec 2026 08:00:00 GMT');
    await f.close();
  });

  it('carries the condition across a redirect', async () => {
    const f = fetcher();
    const r = await f.get({ url: `${server.origin}/to-cond`, etag: '"v7"' });
    await f.close();
    expect(r.notModified).toBe(true);
    expect(r.url).toBe(`${server.origin}/cond`);
  });
});

describe('fetcher: errors', () => {
  it('reports an HTTP error status with the status, and Retry-After when given', async () => {
    const f = fetcher();
    const gone = await failure(f.get({ url: `${server.origin}/gone` }));
    expect(gone).toBeInstanceOf(FetchHttpError);
    expect(gone.code).toBe('fetch-http');
    expect((gone as FetchHttpError).status).toBe(410);
    expect(gone.message).toBe(`${server.origin}/gone: the server answered with an error: the server answered 410 Gone`);
    const busy = (await failure(f.get({ url: `${server.origin}/busy` }))) as FetchHttpError;
    expect(busy.status).toBe(503);
    expect(busy.retryAfterMs).toBe(120_000);
    expect(busy.httpStatus).toBe(502);
    await f.close();
  });

  it('refuses addresses it cannot fetch, naming them', async () => {
    const f = fetcher();
    for (const [url, text] of [
      ['news/page.html', 'not an absolute URL'],
      ['ftp://ftp.example.org/a', 'not ftp:'],
      ['file:///etc/passwd', 'not file:'],
      ['javascript:alert(1)', 'not javascript:'],
      [`http://user:secret@127.0.0.1:${server.port}/utf8`, 'user name or password'],
    ] as const) {
      const e = await failure(f.get({ url }));
      expect(e.code).toBe('fetch-bad-url');
      expect(e.subject).toBe(url);
      expect(e.message).toContain(text);
    }
    await f.close();
  });

  it('reports a refused connection as fetch-failed', async () => {
    const closed = await startServer({});
    const url = `${closed.origin}/x`;
    await closed.close();
    const f = fetcher();
    const e = await failure(f.get({ url }));
    await f.close();
    expect(e.code).toBe('fetch-failed');
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('rejects bad options with a usage error naming the option', () => {
    expect(() => new Fetcher({ timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => new Fetcher({ maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
