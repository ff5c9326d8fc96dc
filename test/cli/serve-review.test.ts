/**
 * `marsad serve` and reviews (docs/review.md): the token it prints opens writing; bound beyond
 * this machine without MARSAD_TOKEN it takes none and says so. Runs the built CLI (dist/).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const bin = join(packageRoot(), 'bin', 'marsad.js');

/** Starts serve and waits for its review line; gives the output so far and a stop function. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_TOKEN: '', ...env } });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Review: .*\n/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return {
    out,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function storeWithOneDocument(): Promise<{ path: string; id: string }> {
  const path = join(tempDir(), 'review.db');
  const store = openSqliteStore(path);
  const { a } = storyRecords();
  await store.saveDocument(a, { origin: 'a.txt' }, null);
  await store.close();
  return { path, id: a.id };
}

describe('marsad serve: reviews', () => {
  it('prints the app address with a random token; the token writes, under the --reviewer name', async () => {
    const { path, id } = await storeWithOneDocument();
    const server = await serve(['--store', path, '--reviewer', 'Lina']);
    try {
      const m = /Review: open (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]{43}) \(reviewer: Lina\)/.exec(server.out);
      expect(m, server.out).not.toBeNull();
      const [, url, token] = m!;
      const write = (t: string) =>
        fetch(`${url}/api/documents/${id}/events/0/review`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: '{"verdict":"accept"}' });
      expect((await write('wrong')).status).toBe(401);
      const ok = await write(token!);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { review: { reviewer: string } }).review.reviewer).toBe('Lina');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('bound beyond this machine without MARSAD_TOKEN it takes no reviews and says so; with it, it does', async () => {
    const { path, id } = await storeWithOneDocument();
    const off = await serve(['--store', path, '--host', '0.0.0.0']);
    try {
      expect(off.out).toMatch(/Review: off: the server listens on 0\.0\.0\.0, beyond this machine, and MARSAD_TOKEN is not set/);
      expect(off.out).not.toContain('#token=');
      const port = /:(\d+)/.exec(/at (\S+)/.exec(off.out)![1]!)![1];
      const res = await fetch(`http://127.0.0.1:${port}/api/documents/${id}/events/0/review`, { method: 'POST', headers: { authorization: 'Bearer anything', 'content-type': 'application/json' }, body: '{"verdict":"accept","reviewer":"Lina"}' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('review-disabled');
    } finally {
      await off.stop();
    }
    const secret = 'a-long-random-value-of-our-own-0123456789';
    const on = await serve(['--store', path, '--host', '0.0.0.0'], { MARSAD_TOKEN: secret });
    try {
      expect(on.out).toContain('Review: writes need the token of MARSAD_TOKEN');
      expect(on.out).not.toContain(secret);
      const port = /:(\d+)/.exec(/at (\S+)/.exec(on.out)![1]!)![1];
      const res = await fetch(`http://127.0.0.1:${port}/api/documents/${id}/events/0/review`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: '{"verdict":"accept","reviewer":"Lina"}' });
      expect(res.status).toBe(200);
    } finally {
      await on.stop();
    }
  });
});
