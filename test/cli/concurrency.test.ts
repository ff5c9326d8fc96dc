/**
 * Several writers on one store (issue 16, item 6): real `marsad ingest` processes started at
 * once on a fresh store, with overlapping inputs. Needs the build (`npx tsc -p tsconfig.build.json`).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'marsad.js');
const PLACES = ['حلب', 'إدلب', 'دير الزور', 'الرقة', 'حمص', 'درعا', 'الحسكة', 'القامشلي', 'منبج', 'عفرين', 'تدمر', 'جرابلس'];

function article(i: number): string {
  return `اشتباكات في ${PLACES[i % PLACES.length]} (${i})\n\nقتل ${i + 3} عناصر من داعش في اشتباكات مع قسد في ريف ${PLACES[i % PLACES.length]}، وقالت مصادر محلية إن ${i + 2} مدنيين نزحوا.`;
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two and four writers on one store', () => {
  it.each([2, 4])('%i concurrent ingests into a fresh store, overlapping inputs, three rounds: all exit 0, every article stored once', async (writers) => {
    const root = tempDir();
    const total = 16;
    // writer k reads articles [4k, 4k + 8): each article is read by two writers
    const folders = Array.from({ length: writers }, (_, k) => {
      const dir = join(root, `in${k}`);
      mkdirSync(dir);
      for (let i = 4 * k; i < 4 * k + 8; i++) writeFileSync(join(dir, `a${i % total}.txt`), article(i % total));
      return dir;
    });
    const expected = new Set(folders.flatMap((_, k) => Array.from({ length: 8 }, (_, j) => (4 * k + j) % total))).size;
    for (let round = 0; round < 3; round++) {
      const store = join(root, `round${round}.db`);
      const results = await Promise.all(folders.map((dir) => run(['ingest', dir, '--store', store, '--json', '-q'])));
      for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      const reports = results.map((r) => JSON.parse(r.stdout) as { counts: { stored: number; repeats: number; unchanged: number; rejected: number } });
      expect(reports.reduce((n, r) => n + r.counts.stored, 0)).toBe(expected);
      expect(reports.reduce((n, r) => n + r.counts.stored + r.counts.repeats + r.counts.unchanged, 0)).toBe(writers * 8);
      const db = new Database(store, { readonly: true });
      expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(expected);
      expect((db.prepare('SELECT count(*) AS n FROM document_sources').get() as { n: number }).n).toBe(writers * 8);
      expect(db.prepare("SELECT status, count(*) AS n FROM ingest_runs GROUP BY status").all()).toEqual([{ status: 'completed', n: writers }]);
      db.close();
    }
  }, 120_000);
});

describe('a killed ingest', () => {
  it.each([['1'], ['2']])('kill -9 mid-ingest (--jobs %s), then a rerun: the rerun exits 0, stores the rest once, and closes the killed run as interrupted', async (jobs) => {
    const root = tempDir();
    const dir = join(root, 'in');
    mkdirSync(dir);
    const total = 80;
    for (let i = 0; i < total; i++) writeFileSync(join(dir, `a${String(i).padStart(2, '0')}.txt`), article(i));
    const store = join(root, 'kill.db');
    const child = spawn(process.execPath, [BIN, 'ingest', dir, '--store', store, '--list', '-q', '--jobs', jobs], { env: { ...process.env, NO_COLOR: '1' } });
    await new Promise<void>((resolve) => {
      let seen = 0;
      child.stdout.on('data', (d: Buffer) => {
        seen += (d.toString().match(/^stored/gm) ?? []).length;
        if (seen >= 3) resolve();
      });
      child.on('close', () => resolve());
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    // Whatever was stored when it died is whole: each document with its source and its story
    // (written in one transaction).
    const killed = new Database(store, { readonly: true });
    expect(killed.prepare('SELECT count(*) AS n FROM documents').get()).toEqual(killed.prepare('SELECT count(*) AS n FROM document_sources').get());
    expect(killed.prepare('SELECT count(*) AS n FROM documents').get()).toEqual(killed.prepare('SELECT count(*) AS n FROM fingerprints').get());
    killed.close();
    const again = await run(['ingest', dir, '--store', store, '--json', '-q']);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    const db = new Database(store, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(total);
    expect((db.prepare('SELECT count(*) AS n FROM document_sources').get() as { n: number }).n).toBe(total);
    expect(db.prepare('SELECT status FROM ingest_runs ORDER BY id').all()).toEqual([{ status: 'interrupted' }, { status: 'completed' }]);
    db.close();
  }, 120_000);
});
