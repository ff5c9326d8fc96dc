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
    expect(schemaVersion(upgraded)).toBe(3);
    const rows = (await upgraded.events({ filter: {}, sort: 'type', limit: 10, offset: 0 })).rows;
    expect(rows.map((e) => [e.type, e.size])).toEqual([
      ['ASSAULT', { killed: { value: 3, low: null, high: null, qualifier: null, quantity: 0 } }],
      ['REQUEST', null],
    ]);
    await upgraded.close();
  });

  it('an open ingest run commits in batches: other readers see its writes once committed', async () => {
    const path = join(tempDir(), 'batch.db');
    const writer = openSqliteStore(path);
    const reader = openSqliteStore(path);
    const run = await writer.beginRun({ command: 'test', inputs: [], pipeline: 'p' });
    const record = sampleRecord();
    await writer.saveDocument(record, { origin: '/a' }, run);
    expect((await writer.stats()).documents).toBe(1); // the writer sees its own writes
    expect(await reader.getDocument(record.id)).toBeNull(); // not committed yet
    await writer.finishRun(run, { stored: 1, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 0 }, 'completed');
    expect(await reader.getDocument(record.id)).toEqual(record);
    expect(writer.db.inTransaction).toBe(false);
    await writer.close();
    await reader.close();
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

  it('explains that a PostgreSQL URL is not supported yet, without showing the password', () => {
    expect(() => openStore('postgres://me:secret@db/marsad')).toThrow(/postgres:\/\/me:\*\*\*@db\/marsad: the store could not be opened: this version of Marsad stores in SQLite only/);
    expect(() => openStore('mysql://x')).toThrow(/unknown kind of store/);
  });
});
