/**
 * Issue 15, "Wrong numbers", through the HTTP API over a real SQLite store: the figures
 * ledger's sentence for a figure cited by an event told in two sentences; the sums by outlet
 * (like units only, a figure told twice in one article once, no sum where it means nothing);
 * the timeline's events known only to the year, and a bar's filter that opens what it counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { figuresRecord, secondRecord, timelineRecord } from '../helpers/figure-records.js';

let store: SqliteStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  for (const r of [figuresRecord(), secondRecord(), timelineRecord()]) await store.saveDocument(r, { origin: `news/${r.id}.txt`, outlet: r.source.outlet ?? null }, null);
  app = createApp(store, { webRoot: null });
});
afterAll(() => store.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
const get = async (path: string): Promise<any> => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.json();
};
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('figures ledger: the sentence of each figure', () => {
  it('shows the sentence that holds the figure, not the first sentence of an event told twice', async () => {
    const page = await get(`/api/figures?${q({ outlet: 'رووداو', category: 'displaced' })}`);
    expect(page.total).toBe(1);
    const [row] = page.rows;
    expect(row.sentence.text).toBe('وأكد التحالف دعمه لأكثر من 1500 نازح.');
    expect(row.sentence.start).toBeLessThanOrEqual(row.span.start);
    expect(row.span.end).toBeLessThanOrEqual(row.sentence.end);
  });

  it('gives every figure a sentence that holds it', async () => {
    const page = await get('/api/figures?limit=100');
    expect(page.total).toBe(9);
    for (const f of page.rows) {
      expect(f.sentence, f.span.text).not.toBeNull();
      expect(f.sentence.text.slice(f.span.start - f.sentence.start, f.span.end - f.sentence.start), f.span.text).toBe(f.span.text);
    }
  });
});

describe('figures summed by outlet', () => {
  it('adds like units only, counts a figure told twice in one article once, and leaves meaningless sums out', async () => {
    const series = await get(`/api/figures/series?${q({ outlet: 'رووداو' })}`);
    expect(series.bySource).toEqual([
      { outlet: 'رووداو', category: 'countries', unit: 'country', count: 2, sum: null },
      // "5 قتلى" (no unit) and "5 أشخاص" in one article are one figure, in people.
      { outlet: 'رووداو', category: 'killed', unit: 'person', count: 2, sum: 12 },
      { outlet: 'رووداو', category: 'displaced', unit: 'person', count: 1, sum: 1500 },
      { outlet: 'رووداو', category: 'money', unit: 'USD', count: 1, sum: 100_000_000 },
      { outlet: 'رووداو', category: 'money', unit: 'riyal', count: 1, sum: 50_000_000 },
      { outlet: 'رووداو', category: 'other', unit: 'percent', count: 1, sum: null },
    ]);
    expect(series.byMonth).toContainEqual({ period: '2017-06', category: 'killed', unit: 'person', count: 1, sum: 5 });
    expect(series.byMonth).toContainEqual({ period: '2017-06', category: 'countries', unit: 'country', count: 1, sum: null });
  });
});

describe('timeline', () => {
  const outlet = 'عنب بلدي';

  it('counts events known only to the year by year, never in a month, and none is dropped', async () => {
    const { rows } = await get(`/api/timeline?${q({ outlet })}`);
    expect(rows).toEqual([
      { period: '2017', type: 'ASSAULT', count: 1 },
      { period: '2017-06', type: 'ASSAULT', count: 3 },
    ]);
  });

  it("opens what a bar counts: the bar's period and precision give exactly its events", async () => {
    const month = await get(`/api/events?${q({ outlet, type: 'ASSAULT', from: '2017-06', to: '2017-06', precision: 'month,day' })}`);
    expect(month.total).toBe(3);
    expect(month.rows.map((e: { date: { value: string | null } }) => e.date.value).sort()).toEqual([null, '2017-06', '2017-06-19'].sort());
    const year = await get(`/api/events?${q({ outlet, from: '2017', to: '2017', precision: 'year' })}`);
    expect(year.rows.map((e: { date: { value: string | null } }) => e.date.value)).toEqual(['2017']);
    // Without the precision, a month's range takes in the events of its year too (they overlap
    // it): that is the date filter's meaning, and why the bars ask for the precision.
    expect((await get(`/api/events?${q({ outlet, from: '2017-06', to: '2017-06' })}`)).total).toBe(4);
    // The other routes take the same filter: documents and figures with such an event.
    expect((await get(`/api/documents?${q({ precision: 'year' })}`)).total).toBe(1);
    expect((await get(`/api/timeline?${q({ outlet, precision: 'year' })}`)).rows).toEqual([{ period: '2017', type: 'ASSAULT', count: 1 }]);
  });

  it('refuses a precision it does not know', async () => {
    const res = await app.request('/api/events?precision=week');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 'bad-parameter' });
  });
});
