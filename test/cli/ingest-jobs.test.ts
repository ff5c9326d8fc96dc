/**
 * `marsad ingest --jobs N` through the built CLI (issue 14, item 1): bin/marsad.js runs dist/,
 * whose workers load dist/services/extract-worker.js. Needs the build
 * (`npx tsc -p tsconfig.build.json`).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'marsad.js');

function marsad(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function documents(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT id, record, pipeline, title, text, path FROM documents ORDER BY id').raw().all();
  db.close();
  return rows;
}

describe('marsad ingest --jobs', () => {
  it('--jobs 2 stores the records --jobs 1 stores, and prints the same summary and report', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'fold'), join(dir, 'fold'), { recursive: true });
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 1]));
    const out = tempDir();
    const one = marsad(['ingest', dir, '--store', join(out, 'one.db'), '--jobs', '1']);
    const two = marsad(['ingest', dir, '--store', join(out, 'two.db'), '--jobs', '2']);
    expect([one.code, one.stderr]).toEqual([5, '']);
    expect([two.code, two.stderr]).toEqual([5, '']);
    // the first line has the store, the time and the rate
    const body = (s: string) => s.split('\n').slice(1).join('\n');
    expect(body(two.stdout)).toBe(body(one.stdout));
    expect(body(one.stdout)).toMatch(/17 stored[\s\S]*input-binary/);
    const docs = documents(join(out, 'one.db'));
    expect(docs).toHaveLength(17);
    expect(documents(join(out, 'two.db'))).toEqual(docs);

    // again with --json, into the store of --jobs 2: nothing new; the reports agree
    const json = (r: { stdout: string }) => {
      const { seconds: _s, articlesPerSecond: _a, runId: _r, store: _st, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
      return rest;
    };
    const againTwo = marsad(['ingest', dir, '--store', join(out, 'two.db'), '--jobs', '2', '--json']);
    const againOne = marsad(['ingest', dir, '--store', join(out, 'one.db'), '--jobs', '1', '--json']);
    expect(json(againTwo)).toEqual(json(againOne));
    expect((json(againTwo) as { counts: unknown }).counts).toEqual({ stored: 0, updated: 0, unchanged: 17, repeats: 0, rejected: 1, skipped: 1 });
    expect(documents(join(out, 'two.db'))).toEqual(docs);
  });

  it.each([['0'], ['two'], ['1.5']])('--jobs %s is a usage error naming the option (exit 2)', (value) => {
    const r = marsad(['ingest', join(ROOT, 'examples'), '--store', join(tempDir(), 's.db'), '--jobs', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });

  it('--help describes --jobs and its default', () => {
    const r = marsad(['ingest', '--help']);
    expect(r.stdout).toMatch(/--jobs <n>\s+worker threads that extract/);
    expect(r.stdout).toContain('The default is 1');
  });
});
