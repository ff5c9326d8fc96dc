/**
 * An analyst's review becomes a test set (docs/review.md): articles ingested through the real
 * pipeline, reviewed through the API, exported with `marsad export --format gold`, and scored
 * by `marsad eval` through the CLI.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

// Texts of our own writing.
const ARTICLE = `قسد تطالب التحالف الدولي بدعم عاجل

طالبت قوات سوريا الديمقراطية يوم الثلاثاء التحالف الدولي بتقديم دعم عاجل لحماية مخيم الهول. وقصفت القوات التركية قرية في ريف الحسكة وقتلت ثلاثة مدنيين. واتهمت الإدارة الذاتية تركيا باستهداف المدنيين.
`;
const OTHER = `الإدارة الذاتية تدعو الأمم المتحدة إلى التحرك

دعت الإدارة الذاتية الأمم المتحدة إلى التحرك لإعادة المعتقلين إلى بلدانهم.
`;
const TOKEN = 'gold-test-token-0123456789abcdef';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Json = any;

describe('marsad export --format gold, scored by marsad eval', () => {
  it('exports the reviewed documents as gold and the machine scores below 1.0 on a corrected recipient, 1.0 once all is accepted', async () => {
    const dir = tempDir();
    const news = join(dir, 'news');
    const db = join(dir, 'store.db');
    mkdirSync(news);
    writeFileSync(join(news, 'a.txt'), ARTICLE);
    writeFileSync(join(news, 'b.txt'), OTHER);
    const ingested = await cli(['ingest', news, '--store', db, '--published', '2024-12-06']);
    expect(ingested.code, ingested.stderr).toBe(0);

    // Review through the API.
    const store = openSqliteStore(db);
    const app = createApp(store, { webRoot: null, review: { token: TOKEN, reviewer: 'Lina' } });
    const post = async (path: string, body: unknown) => {
      const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as Json;
      expect(res.status, JSON.stringify(json)).toBe(200);
      return json;
    };
    const docs = (await (await app.request('/api/documents')).json()) as Json;
    const idOf = (title: string) => docs.rows.find((r: Json) => r.title === title).id as string;
    const a = idOf('قسد تطالب التحالف الدولي بدعم عاجل');
    const b = idOf('الإدارة الذاتية تدعو الأمم المتحدة إلى التحرك');
    const record = ((await (await app.request(`/api/documents/${a}`)).json()) as Json).record;
    const at = (type: string) => record.events.findIndex((e: Json) => e.type === type);
    expect(record.events.map((e: Json) => e.type)).toEqual(['REQUEST', 'ASSAULT', 'ACCUSE']);
    expect(record.events[at('ACCUSE')].recipient).toEqual(['loc:tr']);
    await post(`/api/documents/${a}/events/${at('REQUEST')}/review`, { verdict: 'accept' });
    await post(`/api/documents/${a}/events/${at('ASSAULT')}/review`, { verdict: 'reject' });
    await post(`/api/documents/${a}/events/${at('ACCUSE')}/review`, { verdict: 'correct', correction: { recipient: ['org:tr-army'] } });
    // The other document is reviewed only in part (a mention): it is no gold yet.
    const other = ((await (await app.request(`/api/documents/${b}`)).json()) as Json).record;
    const mention = other.entities[0].mentions[0];
    await post(`/api/documents/${b}/mentions/review`, { start: mention.start, end: mention.end, verdict: 'accept' });
    await store.close();

    const out = join(dir, 'week');
    const exported = await cli(['export', '--format', 'gold', '--out', out, '--store', db]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('wrote 1 gold document (2 events)');
    expect(exported.stderr).toMatch(new RegExp(`${b}: \\d+ of \\d+ events unreviewed`));
    expect(readdirSync(join(out, 'gold'))).toEqual([`${a}.json`]);
    expect(existsSync(join(out, 'articles', `${a}.txt`))).toBe(true);
    const gold = JSON.parse(readFileSync(join(out, 'gold', `${a}.json`), 'utf8'));
    expect(gold).toMatchObject({ doc: `${a}.txt`, meta: { published: '2024-12-06' }, dates: [], quantities: [], review: { reviewers: ['Lina'], events: { accepted: 1, corrected: 1, rejected: 1 } } });
    // Events name their parties by the `en` of a gold entity, whose forms are the words of the text.
    const formsOf = (en: string) => gold.entities.find((e: Json) => e.en === en).forms;
    expect(gold.events.map((e: Json) => e.type)).toEqual(['REQUEST', 'ACCUSE']);
    expect(formsOf(gold.events[0].recipient)).toContain('التحالف الدولي');
    expect(formsOf(gold.events[1].actor)).toContain('الإدارة الذاتية');
    expect(formsOf(gold.events[1].recipient)).toContain('القوات التركية');

    const scored = await cli(['eval', '--gold', join(out, 'gold'), '--seeds', join(out, 'articles'), '--json']);
    expect(scored.code, scored.stderr).toBe(0);
    const events = JSON.parse(scored.stdout).summary.events;
    // Both gold events found by type and actor; the ACCUSE's recipient is the machine's error.
    expect(events.typeActor.recall).toBe(1);
    expect(events.typeActor.precision).toBeLessThan(1); // the rejected ASSAULT is extra
    expect(events.full.recall).toBe(0.5);
    expect(events.full.f1).toBeLessThan(1);

    // Accept what the machine read: the same article now scores 1.0 on the events it keeps.
    const again = openSqliteStore(db);
    const app2 = createApp(again, { webRoot: null, review: { token: TOKEN, reviewer: 'Omar' } });
    for (const i of [at('ASSAULT'), at('ACCUSE')]) {
      const res = await app2.request(`/api/documents/${a}/events/${i}/review`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{"verdict":"accept"}' });
      expect(res.status).toBe(200);
    }
    await again.close();
    const out2 = join(dir, 'week2');
    expect((await cli(['export', '--format', 'gold', '--out', out2, '--store', db])).code).toBe(0);
    const rescored = JSON.parse((await cli(['eval', '--gold', join(out2, 'gold'), '--seeds', join(out2, 'articles'), '--json'])).stdout).summary.events;
    expect(rescored.full).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  }, 120_000);

  it('names the problem: gold without --out, --out with another format', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    writeFileSync(join(dir, 'a.txt'), OTHER);
    await cli(['ingest', join(dir, 'a.txt'), '--store', db]);
    const noOut = await cli(['export', '--format', 'gold', '--store', db]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const wrong = await cli(['export', '--format', 'csv', '--out', dir, '--store', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('only --format gold');
    const empty = await cli(['export', '--format', 'gold', '--out', join(dir, 'g'), '--store', db]);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('wrote 0 gold documents');
  });
});
