import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const bin = join(packageRoot(), 'bin', 'marsad.js');

describe('marsad serve', () => {
  it('ingests the examples into an empty store, serves the API and the app on 127.0.0.1, stops on SIGTERM', async () => {
    const store = join(tempDir(), 'serve.db');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--store', store, '--ingest-if-empty', join(packageRoot(), 'examples')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain('The store was empty: ingested 12 articles');
    expect(out).toContain('(12 documents)');
    const docs = (await (await fetch(`${url}/api/documents?q=${encodeURIComponent('الهول')}`)).json()) as { total: number };
    expect(docs.total).toBeGreaterThan(0);
    const page = await fetch(`${url}/events`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('answers only its own names and those given with --allow-host (DNS rebinding)', async () => {
    const store = join(tempDir(), 'hosts.db');
    await openSqliteStore(store).close();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--store', store, '--allow-host', 'marsad.lan', '--allow-host', 'proxy.example:443'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/stats', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await status('evil.example')).toBe(403);
      expect(await status(`evil.example:${port}`)).toBe(403);
      expect(await status('proxy.example:80')).toBe(403);
      expect(await status(`127.0.0.1:${port}`)).toBe(200);
      expect(await status(`localhost:${port}`)).toBe(200);
      expect(await status('marsad.lan')).toBe(200);
      expect(await status('proxy.example:443')).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    const bad = await cli(['serve', '--allow-host', 'evil.example/path', '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--allow-host');
    expect((await cli(['serve', '--help'])).stdout).toContain('--allow-host <name>');
  });

  it('a bad --port or a taken port is a usage error naming --port', async () => {
    const store = join(tempDir(), 's.db');
    const bad = await cli(['serve', '--port', '70000', '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port: invalid command line: 70000 is outside 0..65535');
  });

  it('is listed by --help with export', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toMatch(/serve/);
    expect(help.stdout).toMatch(/export/);
  });
});
