/**
 * `serve` answers only to its own names (issue 16, item 10): real HTTP on 127.0.0.1 with the
 * Host header set as a browser led there by DNS rebinding would set it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAllowList, parseHost } from '../../src/server/hosts.js';
import { listen, type RunningServer } from '../../src/server/listen.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';

/** GET with a given Host header (fetch cannot set it). */
function get(port: number, path: string, host: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', setHost: host !== null, headers: host !== null ? { host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve: the Host allow-list', () => {
  let store: SqliteStore;
  let server: RunningServer;
  const { a } = storyRecords();

  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await store.saveDocument(a, { origin: a.source.path!, outlet: a.source.outlet ?? null }, null);
    server = await listen(store, { host: '127.0.0.1', port: 0, webRoot: null, allowHosts: ['marsad.lan', 'proxy.example:443', '.corp.example'] });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('refuses a request whose Host names another site, with a JSON error', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1.evil.example:${server.port}`, `localhost.:${server.port + 1}`, 'proxy.example:80', 'corp.example.evil:80']) {
      const r = await get(server.port, '/api/stats', host);
      expect(r.status, host).toBe(403);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'host-not-allowed' });
      expect(JSON.parse(r.body).error.message).toContain('this server does not answer to that host name');
    }
    // The web app too, not only the API.
    expect((await get(server.port, '/', 'evil.example')).status).toBe(403);
    // No Host at all: Node refuses an HTTP/1.1 request without one (400) before the app sees it.
    expect([400, 403]).toContain((await get(server.port, '/api/stats', null)).status);
  });

  it('answers its own address, localhost and [::1] with its port, and the names added', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST.:${server.port}`, `[::1]:${server.port}`, 'marsad.lan', 'marsad.lan:8080', 'proxy.example:443', 'corp.example', 'marsad.corp.example:8443']) {
      const r = await get(server.port, '/api/stats', host);
      expect(r.status, host).toBe(200);
      expect(JSON.parse(r.body).documents).toBe(1);
    }
    // fetch sends the address it was given: what a user opening the printed address does.
    expect((await fetch(`${server.url}/api/documents/${a.id}`)).status).toBe(200);
  });

  it('reads host names as the header writes them', () => {
    expect(parseHost('LocalHost:8080')).toEqual({ name: 'localhost', port: 8080 });
    expect(parseHost('[::1]:8080')).toEqual({ name: '::1', port: 8080 });
    expect(parseHost('::1')).toEqual({ name: '::1', port: null });
    for (const bad of ['evil.example/x', 'a b', 'x:99999', '[nope]:1', '', 'user@host']) expect(parseHost(bad), bad).toBeNull();
    const allows = hostAllowList('0.0.0.0', 8080);
    expect(allows('127.0.0.1:8080')).toBe(true);
    expect(allows('127.0.0.1:8081')).toBe(false);
    expect(allows('evil.example:8080')).toBe(false);
  });
});
