/**
 * The HTTP API against a store holding ../shared/seeds: the search finds every seed by
 * "داعش", the OpenAPI document validates, a bad parameter is refused by name, and the
 * GeoJSON export is valid.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { check } from '@placemarkio/check-geojson';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('HTTP API on a store of the seeds', () => {
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  let ids: string[];
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    const report = await ingest(store, [shared('seeds')]);
    expect(report.counts.stored).toBe(readdirSync(shared('seeds')).filter((f) => f.endsWith('.txt')).length);
    ids = (await store.documents({ filter: {}, limit: 100, offset: 0 })).rows.map((r) => r.id).sort();
    app = createApp(store, { webRoot: null });
  });
  afterAll(() => store.close());

  it('GET /api/documents?q=داعش returns the seeds, each with a marked snippet', async () => {
    const res = await app.request(`/api/documents?q=${encodeURIComponent('داعش')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; rows: { id: string; snippet: string; highlights: [number, number][] }[] };
    expect(body.total).toBe(5);
    expect(body.rows.map((r: { id: string }) => r.id).sort()).toEqual(ids);
    for (const hit of body.rows) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of hit.highlights) expect(hit.snippet.slice(s, e)).toMatch(/داعش/);
    }
  });

  it('GET /api/openapi.json validates as OpenAPI 3', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; info: object; paths: object };
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(doc as unknown as Parameters<typeof SwaggerParser.validate>[0])).resolves.toMatchObject({ info: { title: 'Marsad API' } });
  });

  it('a bad parameter returns 400 with a message naming it', async () => {
    const res = await app.request('/api/documents?limit=-1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('limit: invalid parameter: must be a whole number: "-1"');
  });

  it('GET /api/export?format=geojson is valid GeoJSON', async () => {
    const text = await (await app.request('/api/export?format=geojson')).text();
    expect(check(text).type).toBe('FeatureCollection');
  });
});
