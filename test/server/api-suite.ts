/**
 * The HTTP API suite, engine-neutral: `api.test.ts` runs it over SQLite, `api-postgres.test.ts`
 * over PostgreSQL. `open` gives an empty store; `breakStore` makes a store fail every call with
 * an error of its driver (not a Marsad error), as a lost database does.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/extract/record.js';
import { createApp } from '../../src/server/app.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { ROUTES } from '../../src/server/routes.js';
import type { Store } from '../../src/store/store.js';
import { storyRecords } from '../helpers/records.js';

export interface ApiEngine {
  readonly name: string;
  open(): Promise<Store>;
  breakStore(store: Store): Promise<void>;
}

export function apiSuite(engine: ApiEngine): void {
  const { a, b, c } = storyRecords();
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await engine.open();
    for (const r of [a, b, c]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
    app = createApp(store, { webRoot: null });
  });
  afterAll(() => store.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  type Json = any;
  const get = async (path: string): Promise<{ status: number; type: string; body: Json; headers: Headers }> => {
    const res = await app.request(path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : await res.text(), headers: res.headers };
  };
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  describe(`HTTP API (${engine.name})`, () => {
    it('GET /api/documents searches in Arabic with filters and snippets', async () => {
      const r = await get(`/api/documents?${q({ q: 'داعش' })}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(1);
      expect(r.body.rows[0]).toMatchObject({ id: b.id, title: b.title, published: '2024-11-20', exact: true });
      const hit = r.body.rows[0];
      expect(hit.highlights.map(([s, e]: [number, number]) => hit.snippet.slice(s, e))).toEqual(['داعش']);
      const hawar = await get(`/api/documents?${q({ outlet: 'هاوار', limit: '1', offset: '1' })}`);
      expect(hawar.body).toMatchObject({ total: 2, limit: 1, offset: 1, rows: [{ id: c.id }] });
      const inYear = await get(`/api/documents?${q({ from: '2024-11', to: '2024' })}`);
      expect(inYear.body.rows.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
      const filtered = await get(`/api/documents?${q({ actor: 'org:sdf', from: '2024-01-01' })}`);
      expect(filtered.body.rows.map((x: { id: string }) => x.id)).toEqual([b.id]);
    });

    it('GET /api/documents/{id} gives the record and its sources; an unknown id is 404', async () => {
      const r = await get(`/api/documents/${a.id}`);
      expect(r.status).toBe(200);
      // The record with its reviews applied (none here): each event flagged unreviewed (docs/review.md).
      expect(r.body.record as DocumentRecord).toEqual({ ...a, events: a.events.map((e) => ({ ...e, reviewed: false, review: null })) });
      expect(r.body.mentionReviews).toEqual([]);
      expect(r.body.sources).toEqual([{ origin: a.source.path, url: null, outlet: 'هاوار', published: null }]);
      const missing = await get('/api/documents/0000000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({ code: 'not-found', message: '0000000000000000: not found: no document with this id' });
    });

    it('GET /api/events filters, sorts and names actors, recipients and places', async () => {
      const r = await get(`/api/events?${q({ actor: 'org:sdf', sort: 'type' })}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(2);
      expect(r.body.rows.map((e: { type: string }) => e.type)).toEqual(['ACCUSE', 'COERCE']);
      expect(r.body.rows[1]).toMatchObject({
        actors: [{ id: 'org:sdf', name: { ar: 'قوات سوريا الديمقراطية', en: 'SDF' } }],
        recipients: [{ id: 'org:isis', name: { ar: 'داعش', en: 'ISIS' } }],
        place: { id: 'loc:sy:deir-ezzor', geo: { lat: 35.3359, lon: 40.1408 } },
        sentence: { text: 'اعتقلت قسد خمسة عناصر من داعش في دير الزور.' },
      });
      expect((await get(`/api/events?${q({ type: 'REQUEST', topic: 'civilian-protection' })}`)).body.total).toBe(1);
      // The accusation is the one event below 0.7.
      const sure = await get(`/api/events?${q({ actor: 'org:sdf', minConfidence: '0.7' })}`);
      expect(sure.body.rows.map((e: { type: string }) => e.type)).toEqual(['COERCE']);
      expect((await get(`/api/events?${q({ minConfidence: '.5' })}`)).body.total).toBe(4);
    });

    it('GET /api/entities and /api/entities/{id}: labels per outlet, events in both roles', async () => {
      const list = await get(`/api/entities?${q({ name: 'قسد' })}`);
      expect(list.body.rows.map((e: { id: string }) => e.id)).toEqual(['org:sdf']);
      const locs = await get('/api/entities?entityType=LOC');
      expect(locs.body.total).toBe(3);
      const sdf = await get('/api/entities/org:sdf?mentions=2');
      expect(sdf.status).toBe(200);
      expect(sdf.body.labels[0]).toEqual({ outlet: 'عنب بلدي', label: 'قسد', count: 2 });
      expect(sdf.body.mentionRows).toHaveLength(2);
      expect(sdf.body.eventsAsActor.map((e: { type: string }) => e.type)).toEqual(['COERCE', 'ACCUSE']);
      expect(sdf.body.eventsAsRecipient).toEqual([]);
      const isis = await get('/api/entities/org:isis');
      expect(isis.body.eventsAsRecipient).toHaveLength(2);
      expect((await get('/api/entities/org:nobody')).status).toBe(404);
    });

    it('GET /api/figures gives every figure a sentence, cited or not', async () => {
      const r = await get('/api/figures');
      expect(r.body.total).toBe(3);
      expect(r.body.rows.map((f: { sentence: { text: string } }) => f.sentence.text)).toEqual([
        'وقصفت القوات التركية قرية في ريف حلب أمس وقتلت ثلاثة مدنيين.',
        'اعتقلت قسد خمسة عناصر من داعش في دير الزور.',
        'سلمت قسد عشرين طفلا إلى العراق.',
      ]);
      const series = await get('/api/figures/series?outlet=' + encodeURIComponent('هاوار'));
      expect(series.body.bySource.map((s: { category: string }) => s.category)).toEqual(['killed', 'returned']);
    });

    it('GET /api/places, /api/timeline, /api/network, /api/stats', async () => {
      expect((await get('/api/places')).body.rows.map((p: { id: string }) => p.id)).toEqual(['loc:iq', 'loc:sy:aleppo', 'loc:sy:deir-ezzor']);
      expect((await get('/api/timeline?type=ASSAULT')).body.rows).toEqual([{ period: '2024-12', type: 'ASSAULT', count: 1 }]);
      const network = await get('/api/network?limit=2');
      expect(network.body.edges).toHaveLength(2);
      expect(network.body.edges[0]).toMatchObject({ actor: { id: 'org:kongra-star' }, recipient: { id: 'org:coalition' }, type: 'REQUEST', count: 1 });
      const stats = await get('/api/stats');
      expect(stats.body).toMatchObject({ documents: 3, events: 4, quantities: 3 });
      expect(stats.body.facets.outlets).toEqual([{ value: 'هاوار', count: 2 }, { value: 'عنب بلدي', count: 1 }]);
    });

    it('a bad parameter is 400 with a message naming it', async () => {
      const cases: [string, string][] = [
        ['/api/events?limit=ten', 'limit: invalid parameter: must be a whole number: "ten"'],
        ['/api/events?limit=0', 'limit: invalid parameter: must be at least 1: "0"'],
        ['/api/events?type=BOMB', 'type: invalid parameter: must be one of AGREE'],
        ['/api/events?sort=size', 'sort: invalid parameter: must be one of date'],
        ['/api/documents?from=2024-13-01', 'from: invalid parameter: must be a date written YYYY, YYYY-MM or YYYY-MM-DD: "2024-13-01"'],
        ['/api/documents?from=2024-05&to=2024-01', 'to: invalid parameter: the range ends (2024-01) before it starts (2024-05)'],
        ['/api/documents?colour=red', 'colour: invalid parameter: unknown parameter'],
        ['/api/documents?document=xyz', 'document: invalid parameter: must be a document id (16 hex digits): "xyz"'],
        ['/api/figures?category=deaths', 'category: invalid parameter: must be one of killed'],
        ['/api/export?format=xlsx', 'format: invalid parameter: must be one of jsonl, csv, geojson, plover, folds, folds-jsonl, acled, polecat: "xlsx"'],
        ['/api/export', 'format: invalid parameter'],
        ['/api/events?minConfidence=high', 'minConfidence: invalid parameter: must be a number from 0 to 1: "high"'],
        ['/api/events?minConfidence=1.5', 'minConfidence: invalid parameter: must be at most 1: "1.5"'],
        ['/api/export?format=csv&minConfidence=-0.1', 'minConfidence: invalid parameter: must be a number from 0 to 1: "-0.1"'],
      ];
      for (const [path, message] of cases) {
        const r = await get(path);
        expect(r.status, path).toBe(400);
        expect(r.body.error.code, path).toBe('bad-parameter');
        expect(r.body.error.message, path).toContain(message);
      }
    });

    it('an impossible day (2017-02-30, 2023-02-29) is 400 bad-parameter naming from or to, in every route that takes them', async () => {
      const dated = ROUTES.filter((r) => 'from' in r.query.shape && 'to' in r.query.shape);
      expect(dated.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/documents', '/api/events', '/api/folds', '/api/places', '/api/figures', '/api/figures/series', '/api/timeline', '/api/network', '/api/export']));
      for (const route of dated) {
        const base = route.path === '/api/export' ? 'format=jsonl&' : '';
        for (const [param, value] of [['from', '2017-02-30'], ['to', '2023-02-29'], ['from', '2024-04-31'], ['to', '1900-02-29']] as const) {
          const r = await get(`${route.path}?${base}${param}=${value}`);
          expect(r.status, `${route.path} ${param}=${value}`).toBe(400);
          expect(r.body.error, `${route.path} ${param}=${value}`).toMatchObject({
            code: 'bad-parameter',
            message: `${param}: invalid parameter: is not a day of the calendar: "${value}"`,
          });
        }
        // Days that exist: the last of a leap February, of a 30-day month, of a 400-year leap.
        for (const value of ['2024-02-29', '2000-02-29', '2024-04-30', '2024-12-31']) {
          const r = await app.request(`${route.path}?${base}from=${value}`);
          expect(r.status, `${route.path} from=${value}`).toBe(200);
          await r.arrayBuffer();
        }
      }
    });

    it('a date range leaves out events with no date whose document has none either', async () => {
      const own = await engine.open();
      const dated = storyRecords().a;
      const undated = {
        ...dated,
        id: '00000000000000ab',
        published: null,
        dates: [],
        events: dated.events.map((e) => ({ ...e, date: { value: null, precision: null } })),
      } as DocumentRecord;
      await own.saveDocument(dated, { origin: 'dated.txt', outlet: null }, null);
      await own.saveDocument(undated, { origin: 'undated.txt', outlet: null }, null);
      const ownApp = createApp(own, { webRoot: null });
      const json = async (path: string) => (await ownApp.request(path)).json() as Promise<Json>;
      try {
        expect((await json('/api/events')).total).toBe(4);
        for (const range of ['from=2000', 'to=2100', 'from=2024-12-01&to=2024-12-31']) {
          const events = await json(`/api/events?${range}`);
          expect(events.rows.map((e: { document: { id: string } }) => e.document.id), range).toEqual([dated.id, dated.id]);
          const timeline = await json(`/api/timeline?${range}`);
          expect(timeline.rows.reduce((n: number, b: { count: number }) => n + b.count, 0), range).toBe(2);
          const network = await json(`/api/network?${range}`);
          expect(network.edges.reduce((n: number, e: { count: number }) => n + e.count, 0), range).toBe(1);
        }
      } finally {
        await own.close();
      }
    });

    it('an unknown route is 404, a write is refused, an internal error shows no stack', async () => {
      const r = await get('/api/nothing');
      expect(r.status).toBe(404);
      expect(r.body.error.message).toBe('/api/nothing: not found: no such API route; see /api/openapi.json');
      const post = await app.request('/api/documents', { method: 'POST' });
      expect(post.status).toBe(400);
      const broken = await engine.open();
      const seen: unknown[] = [];
      const brokenApp = createApp(broken, { webRoot: null, onInternalError: (e) => seen.push(e) });
      await engine.breakStore(broken);
      const res = await brokenApp.request('/api/stats');
      expect(res.status).toBe(500);
      const body = (await res.json()) as Json;
      expect(body.error).toMatchObject({ code: 'internal', message: '/api/stats: internal error: the request failed' });
      expect(JSON.stringify(body)).not.toMatch(/\s+at /);
      expect(seen).toHaveLength(1);
    });

    it('GET /api/openapi.json validates as OpenAPI 3 and lists every route and its parameters', async () => {
      const r = await get('/api/openapi.json');
      expect(r.status).toBe(200);
      expect(r.body.openapi).toMatch(/^3\./);
      await expect(SwaggerParser.validate(structuredClone(r.body))).resolves.toBeTruthy();
      for (const route of ROUTES) expect(r.body.paths[route.path], route.path).toBeDefined();
      const limit = r.body.paths['/api/events'].get.parameters.find((p: { name: string }) => p.name === 'limit');
      expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } });
      const id = r.body.paths['/api/documents/{id}'].get.parameters[0];
      expect(id).toMatchObject({ name: 'id', in: 'path', required: true });
      expect(r.body).toEqual(openApiDocument());
    });

    it('the OpenAPI document gives every answer a schema, and none is a bare object', async () => {
      const doc = (await get('/api/openapi.json')).body;
      const bare: string[] = [];
      const walk = (node: unknown, at: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
        if (typeof node !== 'object' || node === null) return;
        const o = node as Record<string, unknown>;
        const types = Array.isArray(o.type) ? o.type : [o.type];
        if (types.includes('object') && o.properties === undefined && (o.additionalProperties === undefined || o.additionalProperties === true)) bare.push(at);
        for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
      };
      let answers = 0;
      for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
        for (const [status, response] of Object.entries((item.get ?? item.post).responses as Record<string, Json>)) {
          const content = Object.values(response.content as Record<string, { schema: unknown }>);
          expect(content.length, `${path} ${status}`).toBe(1);
          expect(content[0]!.schema, `${path} ${status}`).toBeTruthy();
          walk(content[0]!.schema, `${path} ${status}`);
          answers++;
        }
      }
      walk(doc.components, 'components');
      expect(answers).toBeGreaterThan(ROUTES.length * 3);
      expect(bare).toEqual([]);
      expect(doc.paths['/api/entities/{id}'].get.responses['200'].content['application/json'].schema.properties.eventsAsActor.items.required).toContain('actors');
    });

    it('every JSON answer matches the zod schema its OpenAPI entry is made from (strict)', async () => {
      const fold = (await get('/api/folds')).body.rows[0]?.id as string | undefined;
      const ids: Record<string, string | undefined> = { '/api/documents/{id}': a.id, '/api/documents/{id}/reviews': a.id, '/api/entities/{id}': 'org:sdf', '/api/folds/{id}': fold };
      let checked = 0;
      for (const route of ROUTES) {
        // Writes (reviews) are checked in review-api.test.ts.
        if (route.mediaType || route.method === 'POST') continue;
        expect(route.response, route.path).toBeDefined();
        if (route.path.includes('{id}') && !ids[route.path]) continue;
        const path = route.path.replace('{id}', encodeURIComponent(ids[route.path] ?? ''));
        const r = await get(path);
        expect(r.status, path).toBe(200);
        const parsed = route.response!.safeParse(r.body);
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), path).toEqual([]);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(ROUTES.filter((r) => r.method !== 'POST').length - 2);
    });

    it('GET /api/export streams each format with its media type', async () => {
      const csv = await app.request('/api/export?format=csv&type=ASSAULT');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="marsad.csv"');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes).trim().split('\r\n')).toHaveLength(2);
      const plover = await (await app.request('/api/export?format=plover')).text();
      expect(plover.trim().split('\n')).toHaveLength(4);
      const records = await (await app.request(`/api/export?format=jsonl&outlet=${encodeURIComponent('عنب بلدي')}`)).text();
      expect(records.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([b.id]);
    });

    it('answers the app\'s own routes with a hint when the web app is not built', async () => {
      const r = await get('/map');
      expect(r.status).toBe(404);
      expect(r.body).toContain('npm run build');
    });
  });
}
