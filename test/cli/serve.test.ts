import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
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
