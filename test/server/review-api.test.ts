/**
 * The review workflow over real HTTP (docs/review.md): writes need the bearer token and come
 * from the same site; a verdict is checked, stored and shown beside the machine's reading in
 * every answer and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/routes.js';
import { listen, type RunningServer } from '../../src/server/listen.js';
import { reviewAccess, isLoopback } from '../../src/cli/commands/serve.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storyRecords } from '../helpers/records.js';

const { a, b } = storyRecords();
const TOKEN = 'test-token-of-our-own-0123456789';
let store: SqliteStore;
let server: RunningServer;
let readOnly: RunningServer;
let nameless: RunningServer;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  for (const r of [a, b]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
  server = await listen(store, { port: 0, webRoot: null, review: { token: TOKEN, reviewer: 'Lina' } });
  readOnly = await listen(store, { port: 0, webRoot: null, review: { token: null, reason: 'the server listens on 0.0.0.0, beyond this machine, and MARSAD_TOKEN is not set' } });
  nameless = await listen(store, { port: 0, webRoot: null, review: { token: TOKEN } });
});
afterAll(async () => {
  await Promise.all([server.close(), readOnly.close(), nameless.close()]);
  await store.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Json = any;
const post = async (path: string, body: unknown, headers: Record<string, string> = {}, at: RunningServer = server): Promise<{ status: number; body: Json }> => {
  const res = await fetch(at.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const get = async (path: string, headers: Record<string, string> = {}, at: RunningServer = server): Promise<Json> => {
  const res = await fetch(at.url + path, { headers });
  expect(res.status, path).toBe(200);
  return res.json();
};
const schemaOf = (path: string) => ROUTES.find((r) => r.path === path)!.response!;
const strict = (path: string, body: unknown) => {
  const parsed = schemaOf(path).safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), path).toEqual([]);
};

describe('review API', () => {
  it('GET /api/review/status tells the app whether it may write and whether its token is right', async () => {
    expect(await get('/api/review/status')).toEqual({ writable: true, reason: null, reviewer: 'Lina', authorized: false });
    expect(await get('/api/review/status', { authorization: `Bearer ${TOKEN}` })).toMatchObject({ authorized: true });
    expect(await get('/api/review/status', { authorization: 'Bearer wrong' })).toMatchObject({ authorized: false });
    expect(await get('/api/review/status', {}, readOnly)).toMatchObject({ writable: false, reason: expect.stringContaining('MARSAD_TOKEN') });
  });

  it('corrects a recipient: the event, the lists and the document show the reviewed values beside the machine\'s', async () => {
    const r = await post(`/api/documents/${a.id}/events/0/review`, { verdict: 'correct', correction: { recipient: ['org:tr-forces'], date: '2024-12-04' }, note: 'our reading' });
    expect(r.status).toBe(200);
    strict('/api/documents/{id}/events/{n}/review', r.body);
    expect(r.body.index).toBe(0);
    expect(r.body.review).toMatchObject({ target: 'event', verdict: 'correct', reviewer: 'Lina', note: 'our reading', current: true, correction: { recipient: ['org:tr-forces'], date: { value: '2024-12-04', precision: 'day' } } });
    expect(r.body.review.machine.recipient).toEqual(['org:coalition']);
    expect(r.body.event).toMatchObject({ recipient: ['org:tr-forces'], reviewed: true, review: { corrected: ['recipient', 'date'], machine: { recipient: ['org:coalition'] } } });

    const events = await get('/api/events?recipient=org:tr-forces');
    strict('/api/events', events);
    expect(events.rows.map((e: Json) => [e.document.id, e.index, e.reviewed, e.review.reviewer])).toEqual([[a.id, 0, true, 'Lina']]);
    expect((await get('/api/events?recipient=org:coalition')).total).toBe(0);

    const doc = await get(`/api/documents/${a.id}`);
    strict('/api/documents/{id}', doc);
    expect(doc.record.events[0]).toMatchObject({ recipient: ['org:tr-forces'], date: { value: '2024-12-04', precision: 'day' }, reviewed: true });
    expect(doc.record.events[1]).toMatchObject({ reviewed: false, review: null });

    // A second correction adds to the first; giving a field its machine value takes it back.
    const more = await post(`/api/documents/${a.id}/events/0/review`, { verdict: 'correct', correction: { type: 'ACCUSE', date: '2024-12' }, reviewer: 'Omar' });
    expect(more.body.event).toMatchObject({ type: 'ACCUSE', recipient: ['org:tr-forces'], date: { value: '2024-12', precision: 'month' }, review: { reviewer: 'Omar', corrected: ['type', 'recipient', 'date'] } });
    const back = await post(`/api/documents/${a.id}/events/0/review`, { verdict: 'correct', correction: { type: 'REQUEST' } });
    expect(back.body.event.review.corrected).toEqual(['recipient', 'date']);
  });

  it('rejects an event: gone from lists and exports, flagged in the document, kept in the reviews', async () => {
    const r = await post(`/api/documents/${b.id}/events/1/review`, { verdict: 'reject' });
    expect(r.status).toBe(200);
    expect((await get(`/api/events?document=${b.id}`)).rows.map((e: Json) => e.index)).toEqual([0]);
    const doc = await get(`/api/documents/${b.id}`);
    expect(doc.record.events[1]).toMatchObject({ type: 'ACCUSE', reviewed: true, review: { verdict: 'reject' } });
    const plover = await (await fetch(`${server.url}/api/export?format=plover&document=${b.id}`)).text();
    expect(plover.trim().split('\n').map((l) => JSON.parse(l).event[0])).toEqual(['COERCE']);
    const jsonl = JSON.parse((await (await fetch(`${server.url}/api/export?format=jsonl&document=${b.id}`)).text()).trim());
    expect(jsonl.events.map((e: Json) => e.type)).toEqual(['COERCE']);
    const rejected = await get('/api/reviews?verdict=reject');
    strict('/api/reviews', rejected);
    expect(rejected.rows.map((x: Json) => [x.document, x.verdict])).toEqual([[b.id, 'reject']]);
  });

  it('exports carry the reviewed values and a reviewed flag', async () => {
    const csv = (await (await fetch(`${server.url}/api/export?format=csv&document=${a.id}`)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    // Every field is quoted: read them one by one.
    const fields = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
    const header = fields(csv[0]!);
    const rows = csv.slice(1).map(fields);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    const reviewed = rows.find((row) => cell(row, 'reviewed') === 'true')!;
    expect(cell(reviewed, 'recipient_ids')).toBe('org:tr-forces');
    expect(cell(reviewed, 'reviewer')).toBe('Lina');
    expect(rows.filter((row) => cell(row, 'reviewed') === 'false')).toHaveLength(1);
    const plover = (await (await fetch(`${server.url}/api/export?format=plover&document=${a.id}`)).text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(plover.map((l) => l.marsad.reviewed).sort()).toEqual([false, true]);
  });

  it('reviews an entity mention: reject, relink, and an unknown span is 404', async () => {
    const m = a.entities.find((e) => e.id === 'org:kongra-star')!.mentions[0]!;
    const r = await post(`/api/documents/${a.id}/mentions/review`, { start: m.start, end: m.end, verdict: 'correct', correction: { entity: 'org:sdf' } });
    expect(r.status).toBe(200);
    strict('/api/documents/{id}/mentions/review', r.body);
    expect(r.body.mention).toMatchObject({ text: m.text, entity: 'org:sdf', machineEntity: 'org:kongra-star', reviewer: 'Lina' });
    const doc = await get(`/api/documents/${a.id}`);
    expect(doc.record.entities.find((e: Json) => e.id === 'org:sdf').mentions.map((x: Json) => x.start)).toContain(m.start);
    expect(doc.mentionReviews).toHaveLength(1);
    const missing = await post(`/api/documents/${a.id}/mentions/review`, { start: 0, end: 1, verdict: 'reject' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not-found');
    const unknown = await post(`/api/documents/${a.id}/mentions/review`, { start: m.start, end: m.end, verdict: 'correct', correction: { entity: 'org:nobody' } });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'bad-parameter', message: expect.stringContaining('correction.entity') } } });
    const history = await get(`/api/documents/${a.id}/reviews`);
    strict('/api/documents/{id}/reviews', history);
    expect(history.rows.some((x: Json) => x.target === 'mention' && x.machine.entity === 'org:kongra-star')).toBe(true);
  });

  it('writes need the token, the same site and a JSON body', async () => {
    const path = `/api/documents/${a.id}/events/1/review`;
    const none = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"verdict":"accept"}' });
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).error.code).toBe('review-token');
    expect(await post(path, { verdict: 'accept' }, { authorization: 'Bearer not-the-token' })).toMatchObject({ status: 401, body: { error: { code: 'review-token' } } });
    expect(await post(path, { verdict: 'accept' }, { origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { error: { code: 'review-cross-site' } } });
    expect(await post(path, { verdict: 'accept' }, { 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403, body: { error: { code: 'review-cross-site' } } });
    expect(await post(path, { verdict: 'accept' }, { 'content-type': 'text/plain' })).toMatchObject({ status: 400, body: { error: { code: 'bad-parameter', message: expect.stringContaining('Content-Type') } } });
    expect(await post(path, '{"verdict":', {})).toMatchObject({ status: 400, body: { error: { code: 'bad-parameter', message: expect.stringContaining('not JSON') } } });
    // Same origin is fine.
    expect((await post(path, { verdict: 'accept' }, { origin: server.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // A server that takes no reviews refuses even the right token.
    expect(await post(path, { verdict: 'accept' }, {}, readOnly)).toMatchObject({ status: 403, body: { error: { code: 'review-disabled' } } });
    // A read route refuses POST; a write route refuses GET.
    expect((await fetch(`${server.url}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(400);
    expect((await fetch(server.url + path)).status).toBe(404);
  });

  it('refuses a write with no reviewer name when serve has none', async () => {
    const path = `/api/documents/${a.id}/events/1/review`;
    expect(await post(path, { verdict: 'accept' }, {}, nameless)).toMatchObject({ status: 400, body: { error: { code: 'review-no-reviewer' } } });
    expect((await post(path, { verdict: 'accept', reviewer: 'Sara' }, {}, nameless)).body.review.reviewer).toBe('Sara');
    expect(await post(path, { verdict: 'accept', reviewer: '   ' }, {}, nameless)).toMatchObject({ status: 400, body: { error: { code: 'bad-parameter' } } });
  });

  it('bad input is 400 or 404 naming the field and the problem', async () => {
    const path = `/api/documents/${a.id}/events/0/review`;
    const cases: [unknown, number, string][] = [
      [{ verdict: 'maybe' }, 400, 'verdict'],
      [{ verdict: 'correct' }, 400, 'correction'],
      [{ verdict: 'accept', correction: { type: 'ASSAULT' } }, 400, 'correction'],
      [{ verdict: 'correct', correction: { type: 'BOMBING' } }, 400, 'correction.type'],
      [{ verdict: 'correct', correction: { date: '2017-02-30' } }, 400, 'correction.date'],
      [{ verdict: 'correct', correction: { recipient: ['org:nobody'] } }, 400, 'correction.recipient.0'],
      [{ verdict: 'correct', correction: { place: 'org:sdf' } }, 400, 'not a place'],
      [{ verdict: 'correct', correction: { size: { injured: { value: 2 } } } }, 400, 'correction.size.injured.quantity'],
      [{ verdict: 'correct', correction: { size: { killed: {} } } }, 400, 'correction.size.killed'],
      [{ verdict: 'accept', colour: 'red' }, 400, 'colour'],
    ];
    for (const [body, status, names] of cases) {
      const r = await post(path, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error.message, JSON.stringify(body)).toContain(names);
    }
    expect(await post(`/api/documents/${a.id}/events/9/review`, { verdict: 'accept' })).toMatchObject({ status: 404, body: { error: { code: 'not-found', message: expect.stringContaining('event 9') } } });
    expect(await post('/api/documents/00000000000000ff/events/0/review', { verdict: 'accept' })).toMatchObject({ status: 404 });
    expect(await post(`/api/documents/${a.id}/events/x/review`, { verdict: 'accept' })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('n') } } });
    // A figure corrected: a killed count of 4 in place of 3.
    const size = await post(`/api/documents/${a.id}/events/1/review`, { verdict: 'correct', correction: { size: { killed: { value: 4 } } } });
    expect(size.body.event.size.killed).toEqual({ value: 4, low: null, high: null, qualifier: null, quantity: 0 });
  });

  it('serve makes a token only for this machine, or takes MARSAD_TOKEN', () => {
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('[::1]') && isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('192.168.1.5')).toBe(false);
    const local = reviewAccess('127.0.0.1', {}, undefined);
    expect(local.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reviewAccess('127.0.0.1', {}, undefined).token).not.toBe(local.token);
    expect(reviewAccess('0.0.0.0', {}, 'Lina')).toMatchObject({ token: null, reviewer: 'Lina', reason: expect.stringContaining('MARSAD_TOKEN') });
    expect(reviewAccess('0.0.0.0', { MARSAD_TOKEN: 'x'.repeat(40) }, undefined)).toMatchObject({ token: 'x'.repeat(40), generated: false });
  });
});
