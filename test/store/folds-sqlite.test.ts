/**
 * Folding in the SQLite store: migration 5 folds the events stored before it from their
 * records, and the folds kept on write (each save folding again only what it touches) are the
 * folds of all stored events computed from scratch, whatever was saved, replaced, in what order.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecord, type EntitySpec } from '../../src/bench/records.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import { seededRandom } from '../../src/ner/train.js';
import { refoldAll } from '../../src/store/sqlite/folds.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/tmp.js';
import { foldRecords } from './folds-contract.js';

describe('SQLite store, migration 5 (folds)', () => {
  it('folds the events a store held before it, from their records', async () => {
    const path = join(tempDir(), 'v4.db');
    // Written with folding, then taken back to schema 4: the records and rows stay, the folds go.
    const r = foldRecords();
    const writer = openSqliteStore(path);
    for (const x of Object.values(r)) await writer.saveDocument(x, { origin: x.source.path!, outlet: x.source.outlet ?? null }, null);
    const folded = (await writer.folds({ filter: {}, sort: '-sources', limit: 10, offset: 0 })).rows.map((f) => [f.id, f.sources]);
    writer.db.exec(`DROP TABLE folds; DROP INDEX events_fold; DROP INDEX events_fold_window;
      ALTER TABLE events DROP COLUMN fold_id; ALTER TABLE events DROP COLUMN fold_event;
      ALTER TABLE events DROP COLUMN fold_from; ALTER TABLE events DROP COLUMN fold_to;
      DELETE FROM schema_migrations WHERE version = 5;`);
    await writer.close();

    const upgraded = openSqliteStore(path);
    expect(upgraded.db.prepare('SELECT version FROM schema_migrations WHERE version = 5').get()).toEqual({ version: 5 });
    expect(folded.map(([, sources]) => sources)).toEqual([3, 1, 1]);
    expect((await upgraded.folds({ filter: {}, sort: '-sources', limit: 10, offset: 0 })).rows.map((f) => [f.id, f.sources])).toEqual(folded);
    expect(upgraded.db.prepare('SELECT count(*) AS n FROM events WHERE fold_id IS NULL OR fold_event IS NULL').get()).toEqual({ n: 0 });
    // and it keeps folding on write
    await upgraded.saveDocument({ ...r.kobani, pipeline: { ...r.kobani.pipeline, version: 'again' } }, { origin: 'again' }, null);
    expect((await upgraded.folds({ filter: {}, sort: '-sources', limit: 10, offset: 0 })).rows.map((f) => [f.id, f.sources])).toEqual(folded);
    await upgraded.close();
  });
});

const ENTITIES: EntitySpec[] = [
  { id: 'loc:tr', type: 'LOC', subtype: 'country', ar: 'تركيا', country: 'TR', forms: ['تركيا'] },
  { id: 'org:tr-army', type: 'ORG', subtype: 'MIL', ar: 'الجيش التركي', country: 'TR', forms: ['الجيش التركي'] },
  { id: 'org:sdf', type: 'ORG', subtype: 'MIL', ar: 'قسد', country: 'SY', forms: ['قسد'] },
  { id: 'loc:sy:qamishli', type: 'LOC', subtype: 'city', ar: 'القامشلي', country: 'SY', forms: ['القامشلي'] },
  { id: 'loc:sy:adm1:al-hasakah', type: 'LOC', subtype: 'admin1', ar: 'محافظة الحسكة', country: 'SY', forms: ['محافظة الحسكة'] },
  { id: 'loc:sy:hasakah', type: 'LOC', subtype: 'city', ar: 'مدينة الحسكة', country: 'SY', forms: ['مدينة الحسكة'] },
  { id: 'loc:sy:kobani', type: 'LOC', subtype: 'city', ar: 'كوباني', country: 'SY', forms: ['كوباني'] },
  { id: 'loc:sy:north-east-syria', type: 'LOC', subtype: 'region', ar: 'شمال شرق سوريا', country: 'SY', forms: ['شمال شرق سوريا'] },
];
const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** Reports of attacks and arrests by few actors in few places over ten days: many fold, many chain. */
function crowdedRecords(count: number, seed: number): DocumentRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const day = 10 + Math.floor(random() * 6);
    const events = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => {
      const date = pick(random, [`2024-11-${day}`, `2024-11-${day - 1}`, '2024-11', null]);
      const killed = Math.floor(random() * 12);
      return {
        type: pick(random, ['ASSAULT', 'ASSAULT', 'COERCE'] as const),
        trigger: 'قصف',
        occurrence: k,
        actor: pick(random, [['loc:tr'], ['org:tr-army'], ['org:sdf'], [] as string[]]),
        place: pick(random, ['loc:sy:qamishli', 'loc:sy:adm1:al-hasakah', 'loc:sy:hasakah', 'loc:sy:kobani', 'loc:sy:north-east-syria', null]),
        date,
        size: killed > 0 ? { killed: { value: killed, low: null, high: null, qualifier: null, quantity: 0 } } : {},
      };
    });
    return buildRecord({
      title: `خبر رقم ${n}`,
      body: `قصف قصف قصف في ${ENTITIES.map((e) => e.forms[0]).join(' و')} وقتل ثلاثة.`,
      outlet: pick(random, ['هاوار', 'عنب بلدي', 'رووداو', 'المرصد السوري']),
      published: `2024-11-${day}`,
      entities: ENTITIES,
      quantities: [{ text: 'ثلاثة', value: 3, category: 'killed' }],
      events,
    });
  });
}

/** Each event's fold, as the sorted keys of its fold's members. */
function membership(store: SqliteStore): Map<string, string> {
  const rows = store.db.prepare('SELECT document_id, idx, fold_id FROM events').all() as { document_id: string; idx: number; fold_id: string }[];
  const members = new Map<string, string[]>();
  for (const r of rows) members.set(r.fold_id, [...(members.get(r.fold_id) ?? []), `${r.document_id}#${r.idx}`]);
  return new Map(rows.map((r) => [`${r.document_id}#${r.idx}`, members.get(r.fold_id)!.sort().join(' ')]));
}

describe('SQLite store: folds kept on write', () => {
  it.each([3, 5, 8])('equal the folds of every stored event computed from scratch, after saves and replacements in any order (seed %i)', async (seed) => {
    const records = crowdedRecords(60, seed);
    const replacements = crowdedRecords(60, seed + 100)
      .slice(0, 15)
      .map((x, i) => ({ ...x, id: records[i * 4]!.id, text: records[i * 4]!.text, title: records[i * 4]!.title, pipeline: { ...x.pipeline, version: 'again' } }));
    const random = seededRandom(seed + 200);
    const order = [...records, ...replacements].map((x) => ({ x, at: random() })).sort((a, b) => a.at - b.at).map((o) => o.x);
    // a replacement must come after the record it replaces
    const first = new Set<string>();
    const saves = order.filter((x) => (x.pipeline.version === 'again' ? first.has(x.id) : (first.add(x.id), true)));
    const store = openSqliteStore(':memory:');
    for (const x of saves) await store.saveDocument(x, { origin: `${x.id}/${x.pipeline.version}` }, null);
    const kept = membership(store);
    const severalSources = (store.db.prepare('SELECT count(*) AS n FROM folds WHERE sources >= 3').get() as { n: number }).n;
    store.db.transaction(() => refoldAll(store.db))();
    expect(membership(store)).toEqual(kept);
    expect(severalSources).toBeGreaterThan(3); // the records do fold, and into more than pairs
    expect((store.db.prepare('SELECT count(*) AS n FROM folds').get() as { n: number }).n).toBe(new Set(kept.values()).size);
    await store.close();
  });
});
