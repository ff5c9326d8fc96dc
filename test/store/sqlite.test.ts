import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore, schemaVersion } from '../../src/store/sqlite/sqlite-store.js';
import { sampleRecord, storyRecords } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';
import { storeContract } from './contract.js';

storeContract('sqlite file', async () => openSqliteStore(join(tempDir(), 'store.db')));
storeContract('sqlite in memory', async () => openSqliteStore(':memory:'));

describe('SQLite store', () => {
  it('creates its folder, runs every migration once, and uses WAL', async () => {
    const path = join(tempDir(), 'nested', 'dir', 'm.db');
    const store = openSqliteStore(path);
    expect(schemaVersion(store)).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.saveDocument(sampleRecord(), { origin: '/a' }, null);
    await store.close();
    const again = openSqliteStore(path);
    expect((await again.stats()).documents).toBe(1);
    expect((again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    await again.close();
  });

  it('migration 3 gives the events already stored their size, from their records', async () => {
    const path = join(tempDir(), 'v2.db');
    const store = openSqliteStore(path);
    const { a } = storyRecords();
    await store.saveDocument(a, { origin: '/a' }, null);
    // Back to how a store before migration 3 was.
    store.db.exec('ALTER TABLE events DROP COLUMN size; DELETE FROM schema_migrations WHERE version = 3;');
    await store.close();
    const upgraded = openSqliteStore(path);
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.at(-1)!.version);
    const rows = (await upgraded.events({ filter: {}, sort: 'type', limit: 10, offset: 0 })).rows;
    expect(rows.map((e) => [e.type, e.size])).toEqual([
      ['ASSAULT', { killed: { value: 3, low: null, high: null, qualifier: null, quantity: 0 } }],
      ['REQUEST', null],
    ]);
    await upgraded.close();
  });

  it('writes are short transactions: another connection sees each at once and can write meanwhile', async () => {
    const path = join(tempDir(), 'short.db');
    const writer = openSqliteStore(path);
    const other = openSqliteStore(path);
    const run = await writer.beginRun({ command: 'test', inputs: [], pipeline: 'p' });
    const record = sampleRecord();
    await writer.saveDocument(record, { origin: '/a' }, run);
    expect(writer.db.inTransaction).toBe(false);
    expect(await other.getDocument(record.id)).toEqual(record);
    // the second writer is not locked out while the first run is open
    const otherRun = await other.beginRun({ command: 'test', inputs: [], pipeline: 'p' });
    expect(await other.saveDocument(record, { origin: '/b' }, otherRun)).toBe('repeat');
    expect(await other.saveDocument(record, { origin: '/b' }, otherRun)).toBe('unchanged');
    await writer.finishRun(run, { stored: 1, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 0 }, 'completed');
    expect((await writer.stats()).documents).toBe(1);
    await writer.close();
    await other.close();
  });

  it('a store locked by another connection is reported as locked, not as a disk problem', async () => {
    const path = join(tempDir(), 'locked.db');
    const store = openSqliteStore(path);
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    const before = process.env.MARSAD_STORE_WAIT;
    process.env.MARSAD_STORE_WAIT = '0.5';
    try {
      await expect(store.saveDocument(sampleRecord(), { origin: '/a' }, null)).rejects.toMatchObject({
        code: 'store-locked',
        message: expect.stringMatching(/locked\.db: the store is locked by another process/),
      });
    } finally {
      if (before === undefined) delete process.env.MARSAD_STORE_WAIT;
      else process.env.MARSAD_STORE_WAIT = before;
      holder.exec('ROLLBACK');
      holder.close();
    }
    await store.saveDocument(sampleRecord(), { origin: '/a' }, null);
    await store.close();
  });

  it('a run left running by a process that is gone is closed as interrupted by the next run; a live one is not', async () => {
    const path = join(tempDir(), 'runs.db');
    const store = openSqliteStore(path);
    const live = await store.beginRun({ command: 'live', inputs: [], pipeline: 'p' });
    const dead = await store.beginRun({ command: 'killed', inputs: [], pipeline: 'p' });
    store.db.prepare('UPDATE ingest_runs SET pid = ? WHERE id = ?').run(2 ** 22 + 12345, dead); // no such process
    const next = await store.beginRun({ command: 'next', inputs: [], pipeline: 'p' });
    const status = Object.fromEntries((await store.runs(10)).map((r) => [r.id, r.status]));
    expect(status).toEqual({ [live]: 'running', [dead]: 'interrupted', [next]: 'running' });
    await store.close();
  });

  it('the same failure found again by a rerun is recorded once, listed for both runs', async () => {
    const store = openSqliteStore(join(tempDir(), 'f.db'));
    const failure = { origin: '/x.txt', code: 'input-binary', message: '/x.txt: the input is not text' };
    const first = await store.beginRun({ command: 'a', inputs: [], pipeline: 'p' });
    await store.recordFailure(first, failure);
    const second = await store.beginRun({ command: 'b', inputs: [], pipeline: 'p' });
    await store.recordFailure(second, failure);
    expect((store.db.prepare('SELECT count(*) AS n, max(seen) AS seen FROM failures').get())).toEqual({ n: 1, seen: 2 });
    expect((await store.failures(first)).map((f) => f.origin)).toEqual(['/x.txt']);
    expect(await store.failures(second)).toEqual([{ runId: second, ...failure }]);
    await store.close();
  });

  it('migration 4 keeps runs and failures (duplicates merged) and the rows that refer to runs', async () => {
    const path = join(tempDir(), 'v3.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 3)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    db.exec(`INSERT INTO ingest_runs (id, command, inputs, pipeline, started_at, status) VALUES (1, 'a', '[]', 'p', 't', 'completed'), (2, 'b', '[]', 'p', 't', 'running');
      INSERT INTO failures (run_id, origin, code, message) VALUES (1, 'o', 'c', 'm'), (2, 'o', 'c', 'm'), (2, 'o2', 'c', 'm');`);
    db.close();
    const store = openSqliteStore(path);
    expect(store.db.prepare('SELECT run_id, origin, last_run, seen FROM failures ORDER BY id').all()).toEqual([
      { run_id: 1, origin: 'o', last_run: 2, seen: 2 },
      { run_id: 2, origin: 'o2', last_run: 2, seen: 1 },
    ]);
    expect((await store.runs(5)).map((r) => [r.id, r.status])).toEqual([[2, 'running'], [1, 'completed']]);
    await store.beginRun({ command: 'c', inputs: [], pipeline: 'p' });
    expect((await store.runs(5)).map((r) => r.status)).toEqual(['running', 'interrupted', 'completed']);
    await store.close();
  });

  it('closing a store with a run still open keeps what it wrote', async () => {
    const path = join(tempDir(), 'open-run.db');
    const store = openSqliteStore(path);
    await store.beginRun({ command: 'test', inputs: [], pipeline: 'p' });
    await store.saveDocument(sampleRecord(), { origin: '/a' }, null);
    await store.close();
    const again = openSqliteStore(path);
    expect((await again.stats()).documents).toBe(1);
    await again.close();
  });

  it('refuses a store migrated by a newer Marsad', async () => {
    const path = join(tempDir(), 'new.db');
    await openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(999, 'future', 'now');
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/new\.db: the store was written by a newer Marsad: its schema is version 999/);
  });

  it('refuses a file that is not a database, naming it', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'these are notes, not a database '.repeat(100));
    expect(() => openSqliteStore(path)).toThrow(/notes\.db: the store could not be opened/);
  });

  it('opens PostgreSQL for a postgres:// URL and refuses other kinds of URL (postgres.test.ts tests that store)', () => {
    expect(() => openStore('mysql://x')).toThrow(/unknown kind of store/);
  });
});
