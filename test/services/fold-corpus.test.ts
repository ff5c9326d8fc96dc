/**
 * Folding on articles of our own (test/fixtures/fold/), through the real pipeline into real
 * SQLite stores: one drone strike near Qamishli told by Hawar, SOHR and Enab Baladi with
 * different figures and wordings, a strike near Kobani the same day and one near Qamishli a
 * week later. Ingested in two orders, the stores fold to exactly the same events.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { exportChunks } from '../../src/services/export.js';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { FoldRow } from '../../src/store/store.js';
import { cli } from '../helpers/cli.js';

const DIR = join(packageRoot(), 'test', 'fixtures', 'fold');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

/** Each stored document's file name. */
const fileOf = new Map<string, string>();
/** A fold as "file#event" of its reports, sorted. */
const members = (f: FoldRow) => f.members.map((m) => `${fileOf.get(m.document.id)}#${m.index}`).sort().join(' + ');

/** One CSV line of quoted fields ("" for a quote inside one). */
function csvLine(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}

/** Folders of the stores, kept for the whole file (tempDir's are removed after each test). */
const folders: string[] = [];

async function storeOf(order: readonly string[]): Promise<SqliteStore> {
  const folder = mkdtempSync(join(tmpdir(), 'marsad-fold-'));
  folders.push(folder);
  const store = openSqliteStore(join(folder, 'folds.db'));
  // One ingest per file, so that the order is ours.
  for (const file of order) await ingest(store, [join(DIR, file)]);
  return store;
}

async function allFolds(store: SqliteStore): Promise<FoldRow[]> {
  return (await store.folds({ filter: {}, sort: 'date', limit: 100, offset: 0 })).rows;
}

describe('folding articles of our own, read by the real pipeline', () => {
  let forward: SqliteStore;
  let backward: SqliteStore;
  beforeAll(async () => {
    expect(FILES).toHaveLength(5);
    forward = await storeOf(FILES);
    backward = await storeOf([...FILES].reverse());
    for (const d of (await forward.documents({ filter: {}, limit: 10, offset: 0 })).rows) fileOf.set(d.id, basename(d.source.path!));
  }, 120_000);
  afterAll(async () => {
    await forward?.close();
    await backward?.close();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('folds the strike told by three outlets into one event, and nothing else', async () => {
    const folds = await allFolds(forward);
    expect(folds.map(members).sort()).toEqual([
      'enab-hasakah-drone.txt#0 + hawar-qamishli-drone.txt#0 + sohr-qamishli-drone.txt#0',
      // Hawar's and SOHR's background lines ("a series of attacks this month", "near-daily
      // shelling by the Turkish army for weeks") stay their own.
      'hawar-kobani-drone.txt#0',
      'hawar-kobani-drone.txt#1',
      'hawar-qamishli-drone.txt#1',
      'sohr-qamishli-drone.txt#1',
      'sohr-qamishli-week-later.txt#0',
    ]);
    const strike = folds.find((f) => f.sources === 3)!;
    expect(strike).toMatchObject({ type: 'ASSAULT', date: { value: '2024-11-12', precision: 'day' }, place: { id: 'loc:sy:qamishli' }, actors: [{ id: 'loc:tr' }] });
    const killed = strike.figures.find((f) => f.category === 'killed')!;
    expect(Object.fromEntries(killed.reports.map((r) => [r.document.outlet, r.value]))).toEqual({ 'وكالة هاوار': 4, 'المرصد السوري لحقوق الإنسان': 5, 'عنب بلدي': 4 });
    expect([killed.low, killed.high]).toEqual([4, 5]);
    expect(strike.figures.find((f) => f.category === 'injured')!.reports.map((r) => [r.document.outlet, r.value])).toEqual([['عنب بلدي', 2]]);
  });

  it('gives the same folds, ids included, when the articles arrive in the other order', async () => {
    const summary = async (s: SqliteStore) => (await allFolds(s)).map((f) => [f.id, f.sources, f.members.map((m) => `${m.document.id}#${m.index}`).sort()]).sort();
    expect(await summary(backward)).toEqual(await summary(forward));
  });

  it('exports one CSV row per folded event with its sources and each outlet\'s figures', async () => {
    let csv = '';
    for await (const chunk of exportChunks(forward, 'folds', { eventType: 'ASSAULT', place: 'loc:sy:qamishli' })) csv += chunk;
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3); // the header, the strike, the strike a week later
    const header = csvLine(lines[0]!);
    const strike = lines.map(csvLine).find((cells) => cells[header.indexOf('sources')] === '3')!;
    const cell = (name: string) => strike[header.indexOf(name)];
    expect(cell('fatalities_min')).toBe('4');
    expect(cell('fatalities_max')).toBe('5');
    expect(cell('fatalities_by_outlet')!.split(' | ').sort()).toEqual(['المرصد السوري لحقوق الإنسان: 5', 'عنب بلدي: 4', 'وكالة هاوار: 4']);
    expect(cell('injured_by_outlet')).toBe('عنب بلدي: 2');
    expect(cell('place_id')).toBe('loc:sy:qamishli');
  });

  it('marsad export --fold writes one folded event, or its reports one a row', async () => {
    const strike = (await allFolds(forward)).find((f) => f.sources === 3)!;
    const one = await cli(['export', '--format', 'folds-jsonl', '--fold', strike.id, '--store', forward.location]);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split('\n').map((l) => (JSON.parse(l) as FoldRow).id)).toEqual([strike.id]);
    const reports = await cli(['export', '--format', 'csv', '--fold', strike.id, '--store', forward.location]);
    const rows = reports.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(csvLine);
    const column = (name: string) => rows.slice(1).map((r) => r[rows[0]!.indexOf(name)]);
    expect(column('fold_id')).toEqual([strike.id, strike.id, strike.id]);
    expect(column('fold_sources')).toEqual(['3', '3', '3']);
    expect(column('fatalities').sort()).toEqual(['4', '4', '5']);
    const bad = await cli(['export', '--format', 'folds', '--fold', 'nope', '--store', forward.location]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fold: invalid command line: must be a folded event id (16 hex digits): "nope"');
  });
});
