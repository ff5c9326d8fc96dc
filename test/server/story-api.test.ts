/**
 * A document's near-duplicate story in the API (`/api/documents/{id}`): the copies of its text
 * ingested from other files, and null for a document with no copy. On a real SQLite store
 * filled by `ingest`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/tmp.js';

const BODY = [
  'أعلنت قوات سوريا الديمقراطية أمس اعتقال خمسة أشخاص قالت إنهم ينتمون إلى خلية تابعة لتنظيم داعش خلال عملية أمنية في بلدة الشحيل بريف دير الزور الشرقي.',
  'وقال المركز الإعلامي للقوات في بيان إن العملية استهدفت منزلين على أطراف البلدة قبيل الفجر وأسفرت عن ضبط أسلحة خفيفة وعبوات ناسفة معدة للتفجير.',
  'وأوضح البيان أن التحقيقات ما زالت جارية للوصول إلى بقية أفراد الخلية ومصادر تمويلها، وأن أحد المعتقلين كان مسؤولاً عن جباية الأموال من التجار.',
].join('\n\n');

interface DocumentAnswer {
  record: { id: string };
  story: { id: string; documents: { id: string; title: string | null; resemblance: number | null }[] } | null;
}

let store: SqliteStore;
let app: ReturnType<typeof createApp>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const dir = join(tempDir('marsad-story-'), 'news');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), `قسد تعتقل خمسة من داعش في الشحيل\n\n${BODY}\n`);
  writeFileSync(join(dir, 'b.txt'), `عاجل | اعتقال خلية لداعش بريف دير الزور\n\nدير الزور – وكالات: ${BODY}\n`);
  writeFileSync(join(dir, 'c.txt'), 'قافلة مساعدات تصل إلى مخيم الهول\n\nوصلت قافلة مساعدات إنسانية تضم عشرين شاحنة إلى مخيم الهول شرقي الحسكة محملة بمواد غذائية وطبية وأغطية شتوية للنازحين، وقالت منظمة إغاثية إن الشحنة تكفي ألفي عائلة لمدة شهر.\n');
  store = openSqliteStore(':memory:');
  await ingest(store, [dir], { onArticle: (r) => (ids[r.origin.split('/').at(-1)!] = r.id) });
  app = createApp(store, { webRoot: null });
});
afterAll(() => store.close());

describe('HTTP API: near-duplicate stories', () => {
  it('lists the other copies of a document, with their resemblance', async () => {
    const res = await app.request(`/api/documents/${ids['b.txt']}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as DocumentAnswer;
    expect(body.story!.id).toBe(ids['a.txt']);
    expect(body.story!.documents.map((d) => d.id)).toEqual([ids['a.txt'], ids['b.txt']]);
    expect(body.story!.documents[0]).toMatchObject({ title: 'قسد تعتقل خمسة من داعش في الشحيل', resemblance: null });
    expect(body.story!.documents[1]!.resemblance).toBeGreaterThan(0.9);
  });

  it('answers null for a document that has no copy', async () => {
    const body = (await (await app.request(`/api/documents/${ids['c.txt']}`)).json()) as DocumentAnswer;
    expect(body.story).toBeNull();
    expect(body.record.id).toBe(ids['c.txt']);
  });
});
