/**
 * The API of folded events (one event, many reports) on a real SQLite store: /api/folds, one
 * folded event, its reports through /api/events?fold=, the folds export, and the OpenAPI
 * document describing the answers with the schemas the answers are checked against.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { EventRowSchema, FoldRowSchema, pagedSchema } from '../../src/server/schemas.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';
import { foldRecords } from '../store/folds-contract.js';

const r = foldRecords();
let store: SqliteStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  for (const x of [...Object.values(r), ...Object.values(storyRecords())]) await store.saveDocument(x, { origin: x.source.path!, outlet: x.source.outlet ?? null }, null);
  app = createApp(store, { webRoot: null });
});
afterAll(() => store.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked against their schemas
type Json = any;
const get = async (path: string): Promise<{ status: number; body: Json; type: string }> => {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.startsWith('application/json') ? await res.json() : await res.text() };
};

describe('HTTP API: folded events', () => {
  it('GET /api/folds lists folded events with their sources count, reports and each outlet\'s figures', async () => {
    const res = await get('/api/folds?type=ASSAULT&sort=-sources&limit=2');
    expect(res.status).toBe(200);
    const page = pagedSchema(FoldRowSchema).parse(res.body);
    // the three-outlet strike, then the strikes told once (Kobani and a week later), and the attack of the story records
    expect(page.total).toBe(4);
    expect(page.rows[0]).toMatchObject({ sources: 3, place: { id: 'loc:sy:qamishli' }, date: { value: '2024-11-12' } });
    const killed = page.rows[0]!.figures.find((f) => f.category === 'killed')!;
    expect(killed.reports.map((x) => `${x.document.outlet}: ${x.value}`).sort()).toEqual(['المرصد السوري لحقوق الإنسان: 5', 'عنب بلدي: 4', 'وكالة هاوار: 4']);
    expect(page.rows[1]!.sources).toBe(1);
    expect((await get('/api/folds?minSources=2')).body.total).toBe(1);
    expect((await get('/api/folds?figures=injured')).body.rows.map((f: { sources: number }) => f.sources)).toEqual([3]);
    // The story records add an arrest and an accusation told by Enab Baladi.
    expect((await get('/api/folds?type=ASSAULT&outlet=' + encodeURIComponent('عنب بلدي'))).body.rows.map((f: { sources: number }) => f.sources)).toEqual([3]);
  });

  it('GET /api/folds/{id} gives one folded event; its reports are per-article events at /api/events?fold=', async () => {
    const [strike] = (await get('/api/folds?minSources=3')).body.rows;
    const one = await get(`/api/folds/${strike.id}`);
    expect(one.status).toBe(200);
    expect(FoldRowSchema.parse(one.body)).toEqual(strike);
    const reports = await get(`/api/events?fold=${strike.id}&sort=published`);
    const events = pagedSchema(EventRowSchema).parse(reports.body);
    expect(events.total).toBe(3);
    expect(events.rows.map((e) => e.fold)).toEqual([0, 1, 2].map(() => ({ id: strike.id, sources: 3 })));
    expect(events.rows.map((e) => e.document.id).sort()).toEqual([r.hawar.id, r.sohr.id, r.enab.id].sort());
  });

  it('answers 404 for an unknown folded event and 400 for a malformed id or parameter', async () => {
    const missing = await get('/api/folds/0000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not-found', message: '0000000000000000: not found: no folded event with this id' });
    const bad = await get('/api/events?fold=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^fold: invalid parameter: must be a folded event id \(16 hex digits\): "nope"/);
    expect((await get('/api/folds?figures=money')).status).toBe(400);
    expect((await get('/api/folds?minSources=0')).status).toBe(400);
  });

  it('GET /api/export?format=folds streams one CSV row per folded event', async () => {
    const res = await get('/api/export?format=folds&type=ASSAULT');
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/csv');
    // (the byte-order mark is dropped by the client's UTF-8 decoding)
    expect(res.body.startsWith('"fold_id","date"')).toBe(true);
    expect(res.body.trimEnd().split('\r\n')).toHaveLength(1 + 4);
    const jsonl = await get('/api/export?format=folds-jsonl&minConfidence=0.5&type=ASSAULT&place=loc:sy:kobani');
    const lines = (jsonl.body as string).trimEnd().split('\n').map((l) => FoldRowSchema.parse(JSON.parse(l)));
    expect(lines.map((f) => [f.place?.id, f.sources])).toEqual([['loc:sy:kobani', 1]]);
  });

  it('describes the answers of /api/events and /api/folds with real schemas in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).body;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    const schemaOf = (path: string) => doc.paths[path].get.responses['200'].content['application/json'].schema;
    expect(schemaOf('/api/folds').properties.rows.items.required).toEqual(expect.arrayContaining(['id', 'sources', 'figures', 'members']));
    expect(schemaOf('/api/folds/{id}').properties.members.items.properties.fold).toBeDefined();
    expect(schemaOf('/api/events').properties.rows.items.properties.fold).toBeDefined();
    const params = doc.paths['/api/folds'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['type', 'actor', 'place', 'from', 'to', 'minSources', 'figures', 'sort', 'limit', 'offset']));
  });
});
