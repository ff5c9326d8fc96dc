/**
 * The exports analysts load (issue 15), read back the way their tools read them: the ACLED CSV
 * and the POLECAT TSV by Python's csv module, every PLOVER line by ajv against
 * schema/plover.schema.json, over a store built by ingesting the bundled examples.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import { acledDate, acledInteraction, acledType } from '../../src/services/export-acled.js';
import { tsvField } from '../../src/services/export-polecat.js';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { cli } from '../helpers/cli.js';

/** ACLED's columns, in the order of its data export (ACLED codebook). */
const ACLED_HEADER = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];

/** The header of POLECAT's weekly data files. */
const POLECAT_HEADER = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Event Intensity', 'Quad Code', 'Contexts',
  'Actor Name', 'Actor Country', 'Actor COW', 'Primary Actor Sector', 'Actor Sectors', 'Actor Title', 'Actor Name Raw', 'Wikipedia Actor ID',
  'Recipient Name', 'Recipient Country', 'Recipient COW', 'Primary Recipient Sector', 'Recipient Sectors', 'Recipient Title', 'Recipient Name Raw', 'Wikipedia Recipient ID',
  'Placename', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude', 'GeoNames ID', 'Raw Placename', 'Feature Type',
  'Source', 'Publication Date', 'Story People', 'Story Organizations', 'Story Locations', 'Language', 'Version',
];

/**
 * Reads a delimited file with Python's csv module (as pandas' default reader does) and returns
 * its rows as dicts; `dates` names columns every non-empty cell of which must parse with
 * datetime.date.fromisoformat (Python raises, and the test fails, on one that does not).
 */
function pythonRead(path: string, delimiter: ',' | '\t', dates: string[] = []): { header: string[]; rows: Record<string, string>[] } {
  const script = [
    'import csv, datetime, json, sys',
    'path, delimiter, dates = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])',
    "with open(path, encoding='utf-8-sig', newline='') as f:",
    '    reader = csv.DictReader(f, delimiter=delimiter, strict=True)',
    '    rows = list(reader)',
    '    header = reader.fieldnames',
    'for i, row in enumerate(rows):',
    '    if None in row or len(row) != len(header): raise SystemExit(f"row {i + 2}: {len(row)} fields for {len(header)} columns")',
    '    for name in dates:',
    '        if row[name]: datetime.date.fromisoformat(row[name])',
    'print(json.dumps({"header": header, "rows": rows}, ensure_ascii=False))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, path, delimiter, JSON.stringify(dates)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`python3 could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('exports of the bundled examples, read back', () => {
  let dir: string;
  let db: string;
  let events: number;
  /** The events the examples date to a month only (their ids and months). */
  let monthly: { id: string; month: string }[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
    db = join(dir, 'examples.db');
    const store = openSqliteStore(db);
    await ingest(store, [join(packageRoot(), 'examples')]);
    const all = await store.events({ filter: {}, sort: 'date', limit: 1000, offset: 0 });
    events = all.total;
    monthly = all.rows.filter((e) => e.date.precision === 'month').map((e) => ({ id: e.id, month: e.date.value! }));
    await store.close();
    expect(events).toBeGreaterThan(20);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const exportTo = async (format: string, file: string) => {
    const out = join(dir, file);
    const r = await cli(['export', '--format', format, '-o', out, '--store', db]);
    expect(r.code, r.stderr).toBe(0);
    return { out, stderr: r.stderr };
  };

  it('acled: loads in Python csv with ACLED\'s header; every event_date is a date; year-only events counted', async () => {
    const { out, stderr } = await exportTo('acled', 'events.acled.csv');
    const { header, rows } = pythonRead(out, ',', ['event_date']);
    expect(header).toEqual(ACLED_HEADER);
    const left = Number(/left out (\d+) events? that acled cannot hold: dated only to the year/.exec(stderr)?.[1] ?? 0);
    expect(left).toBeGreaterThan(0);
    expect(rows).toHaveLength(events - left);
    for (const row of rows) {
      expect(row.event_date, row.event_id_cnty).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.year).toBe(row.event_date!.slice(0, 4));
      expect(['1', '2', '3']).toContain(row.time_precision);
      expect(['', '1', '2', '3']).toContain(row.geo_precision);
      expect(row.fatalities).toMatch(/^\d+$/);
      expect(row.notes).not.toBe('');
    }
    expect(new Set(rows.map((r) => r.event_id_cnty)).size).toBe(rows.length);
    // An air strike with four dead, dated to the day, at a town whose governorate the gazetteer gives.
    const strike = rows.find((r) => r.location === 'Dhiban' && r.sub_event_type === 'Air/drone strike');
    expect(strike).toMatchObject({
      event_date: '2019-08-14', time_precision: '1', disorder_type: 'Political violence', event_type: 'Explosions/Remote violence',
      country: 'Syria', admin1: 'Deir ez-Zor', geo_precision: '1', fatalities: '4', source: 'Example Wire Service',
      actor2: 'Syrian Democratic Forces', inter2: '1',
    });
    expect(strike!.notes).toContain('ذيبان');
    // A month-precise event: the month's 15th, time_precision 3.
    expect(monthly.length).toBeGreaterThan(0);
    for (const m of monthly) {
      expect(rows.find((r) => r.event_id_cnty!.endsWith(m.id)), m.id).toMatchObject({ event_date: `${m.month}-15`, time_precision: '3' });
    }
    // An arrest by a state's forces of an armed group's members: Strategic developments, interaction 12.
    expect(rows.find((r) => r.sub_event_type === 'Arrests' && r.actor2 === 'Islamic State (ISIS)')).toMatchObject({
      event_type: 'Strategic developments', inter1: '1', inter2: '2', interaction: '12', event_date: '2022-11-17',
    });
    // A denial (REJECT) has no ACLED type: the row is there, its type columns empty.
    expect(rows.find((r) => r.event_id_cnty!.endsWith('ev-cd558cf9d520'))).toMatchObject({
      disorder_type: '', event_type: '', sub_event_type: '', actor1: 'Islamic State (ISIS)', inter1: '2', interaction: '20',
    });
  });

  it('polecat: a TSV with POLECAT\'s header, one row per event, dates that parse', async () => {
    const { out } = await exportTo('polecat', 'events.polecat.tsv');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(POLECAT_HEADER.join('\t'));
    const { header, rows } = pythonRead(out, '\t', ['Event Date', 'Publication Date']);
    expect(header).toEqual(POLECAT_HEADER);
    expect(rows).toHaveLength(events);
    const strike = rows.find((r) => r['Placename'] === 'Dhiban' && r['Event Mode'] === 'aerial');
    expect(strike).toMatchObject({
      'Event Type': 'ASSAULT', 'Quad Code': '4', 'Recipient Name': 'Syrian Democratic Forces', 'Recipient Country': 'SYR',
      'Primary Recipient Sector': 'MIL', 'Recipient Name Raw': 'قسد', Province: 'Deir ez-Zor', Country: 'Syria', 'Raw Placename': 'ذيبان',
      Source: 'Example Wire Service', 'Publication Date': '2019-08-15', Language: 'ar',
    });
  });

  it('plover: every line validates against the schema written from the PLOVER manual', async () => {
    const { out } = await exportTo('plover', 'events.plover.jsonl');
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'plover.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(events);
    for (const line of lines) expect(validate(line) ? [] : validate.errors, line.id).toEqual([]);
    const strike = lines.find((l) => l.event_loc?.name === 'Dhiban' && l.mode[0] === 'aerial');
    expect(strike).toMatchObject({
      event: ['ASSAULT'], mode: ['aerial'], size: { dead: 4, injured: 3 },
      recipient: [{ code: 'SYR', sector: 'MIL', actor_text: 'قسد', identifier_id: 'org:sdf', identifier_text: 'Syrian Democratic Forces' }],
      event_loc: { name: 'Dhiban', alternatenames: 'ذيبان', 'country code': 'SY', cc3: 'SYR' },
      cite_info: { publication: 'Example Wire Service', language: 'ar', codebook: 'plover-0.8+marsad' },
    });
    // The doers and their words under both names: the 0.8 draft's and the newer manual's.
    for (const line of lines) {
      expect(line.actor).toEqual(line.source);
      for (const a of [...line.source, ...line.recipient]) expect(a.entity_text).toBe(a.actor_text);
    }
    expect(strike.recipient[0].entity_text).toBe('قسد');
    // The old draft's misspelt names are gone.
    expect(JSON.stringify(lines)).not.toContain('identifer');
    // The schema refuses what the manual does not allow: a month for a date, a string for a list.
    expect(validate({ ...strike, date: '2019-08' })).toBe(false);
    expect(validate({ ...strike, mode: 'aerial' })).toBe(false);
    expect(validate({ ...strike, size: { dead: 'four' } })).toBe(false);
    const { source: _, ...noSource } = strike;
    expect(validate(noSource)).toBe(false);
  });

  it('csv: every `date` is a full date, with its precision and the record\'s own value beside it', async () => {
    const { out } = await exportTo('csv', 'events.csv');
    const { rows } = pythonRead(out, ',', ['date']);
    expect(rows).toHaveLength(events);
    const byPrecision = (p: string) => rows.filter((r) => r.date_precision === p);
    expect(byPrecision('year').length).toBeGreaterThan(0);
    expect(byPrecision('month').length).toBeGreaterThan(0);
    for (const r of byPrecision('year')) expect(r.date).toBe(`${r.date_value}-01-01`);
    for (const r of byPrecision('month')) expect(r.date).toBe(`${r.date_value}-01`);
    for (const r of byPrecision('day')) expect(r.date).toBe(r.date_value);
    for (const r of rows.filter((x) => x.date_precision === '')) expect([r.date, r.date_value]).toEqual(['', '']);
  });
});

describe('export helpers', () => {
  it('acledDate: a day as itself (1), a month as its 15th (3), undated as the publication day (3), a year as nothing', () => {
    expect(acledDate({ value: '2024-11-05', precision: 'day' }, '2024-11-06')).toEqual({ date: '2024-11-05', precision: 1 });
    expect(acledDate({ value: '2024-11', precision: 'month' }, '2024-12-01')).toEqual({ date: '2024-11-15', precision: 3 });
    expect(acledDate({ value: null, precision: null }, '2024-12-01')).toEqual({ date: '2024-12-01', precision: 3 });
    expect(acledDate({ value: '2024', precision: 'year' }, '2024-12-01')).toBeNull();
    expect(acledDate({ value: null, precision: null }, null)).toBeNull();
  });

  it('acledType: modes decide the sub-event type; only asserted events are typed', () => {
    const e = (type: string, mode: string | null, modality = 'asserted', recipients: { subtype: string | null }[] = []) =>
      acledType({ type, mode, modality, recipients } as unknown as Parameters<typeof acledType>[0]);
    expect(e('ASSAULT', 'heavy-weapons')?.sub).toBe('Shelling/artillery/missile attack');
    expect(e('ASSAULT', 'firearms', 'asserted', [{ subtype: 'REB' }])).toEqual({ disorder: 'Political violence', type: 'Battles', sub: 'Armed clash' });
    expect(e('ASSAULT', 'firearms', 'asserted', [{ subtype: 'CVL' }])?.type).toBe('Violence against civilians');
    expect(e('ASSAULT', null)).toBeNull();
    expect(e('ASSAULT', 'aerial', 'negated')).toBeNull();
    expect(e('REQUEST', 'assist')).toBeNull();
    expect(e('AGREE', null)?.sub).toBe('Agreement');
  });

  it('acledInteraction: lowest code first; one actor alone with 0', () => {
    expect([acledInteraction(2, 1), acledInteraction(1, 7), acledInteraction(2, null), acledInteraction(null, 1)]).toEqual([12, 17, 20, null]);
  });

  it('tsvField: one line, quotes doubled inside quotes, nulls empty', () => {
    expect([tsvField('a\tb\nc'), tsvField('قال "نعم"'), tsvField(null), tsvField(4)]).toEqual(['a b c', '"قال ""نعم"""', '', '4']);
  });
});
