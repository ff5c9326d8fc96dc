/**
 * Issue 14, item 2: the aggregate routes answer from a cache kept per store generation. A write
 * by another connection to the same store (as a worker or an ingest in another process writes
 * while `serve` answers) must show at the next request: the generation is read from the store.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

describe('aggregates cached per store generation', () => {
  it('answer what another connection wrote, at the next request', async () => {
    const path = join(tempDir(), 'store.db');
    const { a, b, c } = storyRecords();
    const serving = openSqliteStore(path);
    const writer = openSqliteStore(path);
    try {
      await writer.saveDocument(a, { origin: 'a', outlet: a.source.outlet ?? null }, null);
      const app = createApp(serving, { webRoot: null });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
      const get = async (p: string): Promise<any> => (await app.request(p)).json();
      const routes = ['/api/stats', '/api/entities', '/api/places', '/api/network', '/api/figures/series', '/api/timeline'];
      const before = await Promise.all(routes.map(get));
      expect(await Promise.all(routes.map(get))).toEqual(before); // the same answers, from the cache
      expect(before[0].documents).toBe(1);
      for (const r of [b, c]) await writer.saveDocument(r, { origin: r.id, outlet: r.source.outlet ?? null }, null);
      const after = await Promise.all(routes.map(get));
      expect(after[0].documents).toBe(3);
      expect(after[0].facets.eventTypes.length).toBeGreaterThan(before[0].facets.eventTypes.length);
      expect(after[1].total).toBeGreaterThan(before[1].total);
      expect(after[3].edges.length).toBeGreaterThan(before[3].edges.length);
      expect(after[5].rows.length).toBeGreaterThan(before[5].rows.length);
      // What the cache gives is what the store computes now.
      expect(after[2].rows).toEqual(await serving.places({}));
      expect(after[4]).toEqual(await serving.figureSeries({}));
    } finally {
      await writer.close();
      await serving.close();
    }
  });
});
