import { check } from '@placemarkio/check-geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportChunks, type ExportFormat } from '../../src/services/export.js';
import { ploverDate } from '../../src/services/export-plover.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { cli } from '../helpers/cli.js';
import { storyRecords } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const { a, b, c } = storyRecords();
const texts = new Map([a, b, c].map((r) => [r.id, r.text]));

async function fill(store: SqliteStore) {
  for (const r of [a, b, c]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
}

/** Splits RFC 4180 CSV (quoted fields, "" for a quote, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let j = i + 1;
    let field = '';
    for (;;) {
      const k = text.indexOf('"', j);
      if (text[k + 1] === '"') {
        field += text.slice(j, k + 1);
        j = k + 2;
      } else {
        field += text.slice(j, k);
        i = k + 1;
        break;
      }
    }
    row.push(field);
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      expect(text[i]).toBe(',');
      i++;
    }
  }
  return rows;
}

describe('exports', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await fill(store);
  });
  afterEach(() => store.close());
  const run = async (format: ExportFormat, filter = {}) => {
    let s = '';
    for await (const chunk of exportChunks(store, format, filter)) s += chunk;
    return s;
  };

  it('csv: a BOM, every field quoted, CRLF rows, names and coordinates of each event', async () => {
    const text = await run('csv');
    expect(text.startsWith('\uFEFF"document_id","event_id"')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const coerce = Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, rows.find((r) => r[col('type')] === 'COERCE')![i]]));
    expect(coerce).toMatchObject({
      document_id: b.id, date: '2024-11-19', actor_ids: 'org:sdf', actor_names_ar: 'قوات سوريا الديمقراطية', actor_names_en: 'SDF',
      recipient_names_en: 'ISIS', place_name_en: 'Deir ez-Zor', latitude: '35.3359', longitude: '40.1408', topics: 'counter-isis',
      sentence: 'اعتقلت قسد خمسة عناصر من داعش في دير الزور.', outlet: 'عنب بلدي', mode: 'arrest',
    });
    // In date order: the month-precise ACCUSE (2024-11) sorts before 2024-11-19.
    expect(rows.slice(1).map((r) => r[col('type')])).toEqual(['ACCUSE', 'COERCE', 'ASSAULT', 'REQUEST']);
    // `date` is a full date whatever the precision; the record's own value is in date_value.
    expect(rows.slice(1).map((r) => [r[col('date')], r[col('date_precision')], r[col('date_value')]])[0]).toEqual(['2024-11-01', 'month', '2024-11']);
    // What each event cost: the attack's three dead; nothing told for the others.
    expect(rows.slice(1).map((r) => [r[col('type')], r[col('fatalities')], r[col('detained')]])).toEqual([
      ['ACCUSE', '', ''], ['COERCE', '', ''], ['ASSAULT', '3', ''], ['REQUEST', '', ''],
    ]);
  });

  it('csv fields: quotes doubled, formulas defused, numbers and nulls as they are', () => {
    expect(csvField('قال "نعم"')).toBe('"قال ""نعم"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5 قتلى')).toBe('"\'-5 قتلى"');
    expect(csvField(-5.5)).toBe('"-5.5"');
    expect(csvField(null)).toBe('""');
  });

  it('geojson: valid (RFC 7946), places and located events as points [lon, lat]', async () => {
    const text = await run('geojson');
    const parsed = check(text) as GeoJSON.FeatureCollection;
    const kinds = parsed.features.map((f) => [f.properties!.kind, f.properties!.id ?? f.properties!.type]);
    expect(kinds).toEqual([
      ['place', 'loc:iq'],
      ['place', 'loc:sy:aleppo'],
      ['place', 'loc:sy:deir-ezzor'],
      ['event', `${b.id}-ev1`],
      ['event', `${a.id}-ev2`],
      ['event', `${a.id}-ev1`],
    ]);
    expect(parsed.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [37.1343, 36.2021] });
    expect(parsed.features[1]!.properties).toMatchObject({ name_ar: 'حلب', name_en: 'Aleppo', documents: 1, events: 2 });
    expect(parsed.features[3]!.properties).toMatchObject({ type: 'COERCE', actors: 'SDF', recipients: 'ISIS', place_name_ar: 'دير الزور' });
    expect(check(await run('geojson', { outlet: 'لا أحد' }))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('plover: one event a line with the PLOVER field names; text_info offsets quote the event sentence', async () => {
    const lines = (await run('plover')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      // PLOVER's required fields are present, with its types.
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['id', 'date', 'source', 'event']));
      expect(line.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(line.source) && Array.isArray(line.event)).toBe(true);
      const text = texts.get(line.marsad.document_id)!;
      const t = line.text_info;
      expect(text.slice(t.start, t.end)).toBe(t.sentence);
      expect(line.event_text).toEqual([t.sentence]);
      expect(text.slice(t.trigger_start, t.trigger_end)).toBe(t.trigger);
      expect(t.trigger_start).toBeGreaterThanOrEqual(t.start);
      expect(t.trigger_end).toBeLessThanOrEqual(t.end);
      const record = [a, b, c].find((r) => r.id === line.marsad.document_id)!;
      expect(record.events[line.marsad.event_index]!.sentence.text).toBe(t.sentence);
      // Each actor's words are the mention inside the event's sentence, not an earlier one.
      for (const actor of [...line.source, ...line.recipient]) {
        if (actor.actor_text === null) continue;
        expect(text.slice(actor.marsad.mention_start, actor.marsad.mention_end)).toBe(actor.actor_text);
        expect(actor.marsad.mention_start).toBeGreaterThanOrEqual(t.start);
        expect(actor.marsad.mention_end).toBeLessThanOrEqual(t.end);
      }
    }
    const request = lines.find((l) => l.event[0] === 'REQUEST');
    expect(request).toMatchObject({
      id: `${a.id}-ev1`, date: '2024-12-06', event: ['REQUEST'], mode: ['assist'], context: ['human_rights'], quad_code: 3,
      source: [{ code: 'NGO', sector: null, actor_text: 'مؤتمر ستار', identifier_id: 'org:kongra-star', identifier_text: 'Kongra Star' }],
      recipient: [{ code: 'IGO', sector: null, actor_text: 'التحالف الدولي', identifier_id: 'org:coalition', identifier_text: 'Global Coalition' }],
      event_loc: {
        name: 'Aleppo', alternatenames: 'حلب', latitude: 36.2021, longitude: 37.1343, 'country code': 'SY', cc3: 'SYR',
        marsad: { id: 'loc:sy:aleppo', precision: 'point' },
      },
      text_info: { content: 'بحماية المدنيين في حلب' },
      cite_info: { citation: a.id, title: a.title, language: 'ar', publication: 'هاوار', url: 'https://example.org/a' },
      marsad: { published: '2024-12-06', rule: 'hand-made', modality: 'asserted' },
    });
    expect(request.text_info.start).toBeLessThan(request.source[0].marsad.mention_start);
    // A state's forces: the country's alpha-3 code and the sector.
    const assault = lines.find((l) => l.event[0] === 'ASSAULT');
    expect(assault).toMatchObject({ quad_code: 4, source: [{ code: 'TUR', sector: 'MIL', identifier_id: 'org:tr-forces' }] });
    expect(lines.find((l) => l.event[0] === 'ACCUSE').event_loc).toBeNull();
    // An armed group of no one country: PLOVER's IMG.
    expect(lines.find((l) => l.event[0] === 'COERCE')).toMatchObject({ source: [{ code: 'SYR', sector: 'MIL' }], recipient: [{ code: 'IMG', sector: 'REB', identifier_id: 'org:isis' }] });
    // A date given to the month: PLOVER's YYYY-MM-DD is its first day, and the precision says so.
    expect(lines.find((l) => l.marsad.date_value === '2024-11')).toMatchObject({ date: '2024-11-01', marsad: { date_precision: 'month' } });
  });

  it('ploverDate: reduced-precision dates as their first day; full dates and null as they are', () => {
    expect(['2024-11', '2019', '2024-12-06', null].map(ploverDate)).toEqual(['2024-11-01', '2019-01-01', '2024-12-06', null]);
  });

  it('jsonl: whole records of the matching documents, newest first', async () => {
    const lines = (await run('jsonl')).trim().split('\n').map((l) => JSON.parse(l));
    // Each event carries its review flag (docs/review.md); none is reviewed here.
    const unreviewed = (r: typeof a) => ({ ...r, events: r.events.map((e) => ({ ...e, reviewed: false, review: null })) });
    expect(lines).toEqual([a, b, c].map(unreviewed));
    expect((await run('jsonl', { actor: 'org:nobody' }))).toBe('');
  });
});

describe('marsad export', () => {
  it('writes valid GeoJSON to a file and says so', async () => {
    const dir = tempDir();
    const db = join(dir, 'm.db');
    const store = openSqliteStore(db);
    await fill(store);
    await store.close();
    const out = join(dir, 'places.geojson');
    const r = await cli(['export', '--format', 'geojson', '-o', out, '--store', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^wrote [\d,]+ bytes of geojson to .*places\.geojson/);
    expect((check(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection).features).toHaveLength(6);
    const plover = await cli(['export', '--format', 'plover', '--type', 'ASSAULT', '--store', db]);
    expect(plover.stdout.trim().split('\n').map((l) => JSON.parse(l).event)).toEqual([['ASSAULT']]);
    // PLOVER's size object (the manual's `dead`): a count; the figures whole under marsad.size.
    const attack = JSON.parse(plover.stdout);
    expect(attack.size).toEqual({ dead: 3 });
    expect(attack.marsad.size).toEqual({ killed: { value: 3, low: null, high: null, qualifier: null, quantity: 0 } });
    const sure = await cli(['export', '--format', 'plover', '--min-confidence', '0.7', '--store', db]);
    expect(sure.stdout.trim().split('\n').map((l) => JSON.parse(l).event[0])).not.toContain('ACCUSE');
  });

  it('names the option of a bad value (exit 2)', async () => {
    const db = join(tempDir(), 'm.db');
    // An empty store at the path: read-only commands refuse a path where there is none.
    await openSqliteStore(db).close();
    const cases: [string[], string][] = [
      [['--format', 'xlsx'], '--format: invalid command line: must be one of jsonl, csv, geojson, plover, folds, folds-jsonl, acled, polecat: "xlsx"'],
      [['--format', 'csv', '--from', 'yesterday'], '--from: invalid command line: must be a date written YYYY, YYYY-MM or YYYY-MM-DD: "yesterday"'],
      [['--format', 'csv', '--search', ' '], '--search: invalid command line: must not be empty'],
      [['--format', 'csv', '--min-confidence', '70%'], '--min-confidence: invalid command line: must be a number from 0 to 1: "70%"'],
      [['--format', 'csv', '-o', '/no/such/dir/x.csv'], '--output: invalid command line: cannot write /no/such/dir/x.csv: ENOENT'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['export', ...args, '--store', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect((await cli(['export', '--store', db])).stderr).toContain("required option '--format <format>' not specified");
  });
});
