/**
 * The SSRF guard (issue 13, item 3), with the guard on: the address classes it refuses, the
 * ranges a user may trust, and the fetcher refusing literal private addresses before any
 * connection, host names that resolve to private addresses, and a redirect from an allowed
 * host to a private one. Servers listen on 127.0.0.1 and 127.0.0.2 (Linux routes 127/8 to
 * lo); nothing leaves the machine: every refused address is refused before a connection, as
 * undici's own connect channel shows.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { Fetcher, type Lookup } from '../../src/fetch/fetcher.js';
import { AddressGuard, refusalReason } from '../../src/fetch/guard.js';
import { startServer, type TestServer } from './server.js';

async function failure(promise: Promise<unknown>): Promise<MarsadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MarsadError);
    return error as MarsadError;
  }
  throw new Error('expected the fetch to fail');
}

describe('refusalReason: address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.8.7', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.10.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::a00:1', 'private'], // NAT64 of 10.0.0.1
    ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
    ['::7f00:1', 'IPv4-compatible'],
  ])('refuses %s (%s)', (address, word) => {
    expect(refusalReason(address)).toContain(word);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows the public address %s',
    (address) => {
      expect(refusalReason(address)).toBeNull();
    },
  );
});

describe('AddressGuard: trusted ranges', () => {
  it('trusts only the listed ranges, and nothing once allowPrivate is set', () => {
    const guard = new AddressGuard({ allowAddresses: ['10.1.2.3/32', '192.168.8.0/24', 'fd00:1::5'] });
    expect(guard.check('10.1.2.3')).toBeNull();
    expect(guard.check('::ffff:10.1.2.3')).toBeNull();
    expect(guard.check('10.1.2.4')).toContain('private');
    expect(guard.check('192.168.8.200')).toBeNull();
    expect(guard.check('192.168.9.1')).toContain('private');
    expect(guard.check('fd00:1::5')).toBeNull();
    expect(guard.check('fd00:1::6')).toContain('unique local');
    expect(guard.check('127.0.0.1')).toContain('loopback');
    expect(new AddressGuard({ allowPrivate: true }).check('169.254.169.254')).toBeNull();
  });

  it('trusts an IPv4 range written as IPv4-mapped IPv6', () => {
    const guard = new AddressGuard({ allowAddresses: ['::ffff:10.0.0.0/104'] });
    expect(guard.check('10.9.9.9')).toBeNull();
    expect(guard.check('11.0.0.1')).toBeNull(); // public anyway
    expect(guard.check('192.168.0.1')).toContain('private');
  });

  it('refuses a range that is not one, naming it', () => {
    expect(() => new AddressGuard({ allowAddresses: ['10.0.0.0/33'] })).toThrow(/10\.0\.0\.0\/33: invalid command line: not an address/);
    expect(() => new AddressGuard({ allowAddresses: ['intranet.lan'] })).toThrow(MarsadError);
  });
});

describe('fetcher: the guard on', () => {
  let local: TestServer; // 127.0.0.1: what must never be reached
  let allowed: TestServer; // 127.0.0.2: a trusted intranet host
  let connects = 0;
  const onConnect = () => void connects++;

  beforeAll(async () => {
    local = await startServer({ '/secret': (_req, res) => void res.writeHead(200).end('secret') });
    allowed = await startServer(
      {
        '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>خبر</p>'),
        '/to-local': (_req, res) => void res.writeHead(302, { location: `${local.origin}/secret` }).end(),
        '/to-localhost': (_req, res) => void res.writeHead(302, { location: `http://localhost:${local.port}/secret` }).end(),
      },
      '127.0.0.2',
    );
  });
  afterAll(async () => {
    await local?.close();
    await allowed?.close();
  });
  beforeEach(() => {
    connects = 0;
    subscribe('undici:client:beforeConnect', onConnect);
  });
  afterEach(() => {
    unsubscribe('undici:client:beforeConnect', onConnect);
  });

  it.each([
    ['http://127.0.0.1:PORT/secret', '127.0.0.1 is a loopback address'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://[::1]:PORT/secret', '::1 is a loopback address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private address'],
    ['http://10.200.3.4:8080/admin', '10.200.3.4 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is the cloud metadata address'],
    ['http://[::ffff:169.254.169.254]/', 'the cloud metadata address'],
    ['http://2130706433:PORT/secret', '127.0.0.1 is a loopback address'], // 127.0.0.1 written as one number
    ['http://0x7f.1:PORT/secret', '127.0.0.1 is a loopback address'],
    ['http://0.0.0.0:PORT/secret', 'the unspecified address'],
  ])('refuses %s before any connection', async (template, reason) => {
    const url = template.replace('PORT', String(local.port));
    let lookups = 0;
    const f = new Fetcher({ lookup: async () => (lookups++, []) });
    const e = await failure(f.get({ url }));
    await f.close();
    expect(e.code).toBe('fetch-refused');
    expect(e.subject).toBe(url);
    expect(e.message).toContain(reason);
    expect(lookups).toBe(0);
    expect(connects).toBe(0);
    expect(local.connections).toBe(0);
  });

  it('refuses a host name that resolves to a private address, or to any private address among public ones', async () => {
    const answers: Record<string, { address: string; family: 4 | 6 }[]> = {
      'news.test': [{ address: '127.0.0.1', family: 4 }],
      'mixed.test': [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
      'meta.test': [{ address: '::ffff:169.254.169.254', family: 6 }],
    };
    const lookup: Lookup = async (host) => answers[host] ?? [];
    const f = new Fetcher({ lookup });
    const news = await failure(f.get({ url: `http://news.test:${local.port}/secret` }));
    expect(news.code).toBe('fetch-refused');
    expect(news.message).toContain('news.test resolves to 127.0.0.1, a loopback address');
    const mixed = await failure(f.get({ url: `http://mixed.test:${local.port}/` }));
    expect(mixed.message).toContain('mixed.test resolves to 10.0.0.7, a private address');
    const meta = await failure(f.get({ url: 'http://meta.test/latest/' }));
    expect(meta.message).toContain('the cloud metadata address');
    await f.close();
    expect(connects).toBe(0);
    expect(local.connections).toBe(0);
  });

  it('refuses localhost through the system resolver', async () => {
    const f = new Fetcher();
    const e = await failure(f.get({ url: `http://localhost:${local.port}/secret` }));
    await f.close();
    expect(e.code).toBe('fetch-refused');
    expect(e.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(local.connections).toBe(0);
  });

  it('fetches from a trusted address, and refuses its redirect to a private one at the hop', async () => {
    const f = new Fetcher({ allowAddresses: ['127.0.0.2/32'], hostDelayMs: 0 });
    const page = await f.get({ url: `${allowed.origin}/page` });
    expect(new TextDecoder().decode(page.bytes)).toBe('<p>خبر</p>');
    const before = allowed.received.length;
    for (const path of ['/to-local', '/to-localhost']) {
      const e = await failure(f.get({ url: `${allowed.origin}${path}` }));
      expect(e.code).toBe('fetch-refused');
      expect(e.subject).toBe(`${allowed.origin}${path}`);
      expect(e.message).toContain(`(after a redirect)`);
      expect(e.message).toMatch(/(127\.0\.0\.1|::1)(,| is) a loopback address/);
    }
    await f.close();
    expect(allowed.received.length).toBe(before + 2);
    expect(local.connections).toBe(0);
  });

  it('refuses a page whose robots.txt redirects to a private address, naming the page', async () => {
    const site = await startServer(
      {
        '/robots.txt': (_req, res) => void res.writeHead(302, { location: `${local.origin}/secret` }).end(),
        '/page': (_req, res) => void res.writeHead(200).end('<p>خبر</p>'),
      },
      '127.0.0.2',
    );
    const f = new Fetcher({ allowAddresses: ['127.0.0.2'], hostDelayMs: 0 });
    const e = await failure(f.get({ url: `${site.origin}/page` }));
    await f.close();
    await site.close();
    expect(e.code).toBe('fetch-refused');
    expect(e.subject).toBe(`${site.origin}/page`);
    expect(e.message).toContain(`reading ${site.origin}/robots.txt`);
    expect(e.message).toContain('127.0.0.1 is a loopback address');
    expect(site.received.map((r) => r.path)).toEqual(['/robots.txt']);
    expect(local.connections).toBe(0);
  });

  it('connects to the address it checked: a changed DNS answer (rebinding) is never used', async () => {
    // rebind.test answers the trusted 127.0.0.2 once, then the loopback 127.0.0.1. ".test"
    // names do not resolve in real DNS, so a connection made at all went to the pinned address.
    let calls = 0;
    const lookup: Lookup = async () => {
      calls++;
      return [{ address: calls === 1 ? '127.0.0.2' : '127.0.0.1', family: 4 }];
    };
    const f = new Fetcher({ allowAddresses: ['127.0.0.2/32'], lookup, robots: false, hostDelayMs: 0 });
    const r = await f.get({ url: `http://rebind.test:${allowed.port}/page` });
    expect(r.status).toBe(200);
    expect(calls).toBe(1); // the connector did not resolve the name again
    expect(allowed.received.at(-1)!.headers.host).toBe(`rebind.test:${allowed.port}`);
    const second = await failure(f.get({ url: `http://rebind.test:${local.port}/secret` }));
    expect(second.code).toBe('fetch-refused');
    expect(second.message).toContain('rebind.test resolves to 127.0.0.1');
    await f.close();
    expect(local.connections).toBe(0);
  });

  it('lets everything through with allowPrivate', async () => {
    const f = new Fetcher({ allowPrivate: true, robots: false });
    const r = await f.get({ url: `${local.origin}/secret` });
    await f.close();
    expect(new TextDecoder().decode(r.bytes)).toBe('secret');
    expect(connects).toBe(1);
    local.connections = 0;
  });

  it('reports a name that does not resolve as fetch-failed, naming it', async () => {
    const f = new Fetcher({
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
      },
    });
    const e = await failure(f.get({ url: 'http://nowhere.test/a' }));
    await f.close();
    expect(e.code).toBe('fetch-failed');
    expect(e.message).toContain('DNS lookup of nowhere.test failed');
    expect(e.message).toContain('ENOTFOUND');
  });
});
