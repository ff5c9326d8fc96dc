/**
 * The web app's files and the API's answers over real HTTP (127.0.0.1, @hono/node-server):
 * the app's files with their types and headers, index.html for the app's own routes, nothing
 * outside the folder, and gzip when the client accepts it.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/server/listen.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

let store: SqliteStore;
let server: RunningServer;
let root: string;
let outside: string;
const INDEX = '<!doctype html><html><body><div id="app"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-static-'));
  root = join(dir, 'dist');
  outside = join(dir, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{color:#111}');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(outside, 'not for the web');
  store = openSqliteStore(':memory:');
  for (const r of Object.values(storyRecords())) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
  server = await listen(store, { host: '127.0.0.1', port: 0, webRoot: root });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  if (root) rmSync(join(root, '..'), { recursive: true, force: true });
});

/** A raw GET: the path is sent as written (fetch would resolve "..") and the body is not decoded. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web app through the framework', () => {
  it('serves each file with its type; hashed assets are cached for good, index.html never, with the CSP', async () => {
    const js = await raw('/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.body.toString()).toBe(SCRIPT);
    const css = await raw('/assets/app-1a2b.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw('/favicon.svg')).headers['content-type']).toMatch(/^image\/svg\+xml(; charset=utf-8)?$/);
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.body.toString()).toBe(INDEX);
  });

  it("answers the app's own routes (and missing files) with index.html", async () => {
    for (const path of ['/events', '/entity/org:sdf', '/assets', '/assets/missing.js', '/doc/abc?x=1']) {
      const r = await raw(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(r.body.toString(), path).toBe(INDEX);
    }
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '//secret.txt', '/..\\secret.txt', '/%2e%2e%5csecret.txt']) {
      const r = await raw(path);
      expect(r.body.toString(), path).not.toContain('not for the web');
      if (r.status === 200) expect(r.body.toString(), path).toBe(INDEX);
    }
  });

  it('an unknown API route is still a JSON 404, not the app', async () => {
    const r = await raw('/api/nothing');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body.toString()).error.code).toBe('not-found');
  });
});

describe('compression', () => {
  it('gzips JSON, the app and exports when the client accepts gzip, and only then', async () => {
    const plain = await raw('/api/events');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await raw('/api/events', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));

    const openapi = await raw('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(openapi.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(openapi.body).toString()).openapi).toMatch(/^3\./);

    const js = await raw('/assets/app-1a2b.js', { 'accept-encoding': 'gzip' });
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(js.body).toString()).toBe(SCRIPT);

    const csv = await raw('/api/export?format=jsonl', { 'accept-encoding': 'gzip' });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(csv.body).toString().trim().split('\n')).toHaveLength(3);

    // A client that refuses gzip gets the bytes as they are.
    const refused = await raw('/api/events', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString())).toEqual(JSON.parse(plain.body.toString()));
  });
});
