/**
 * RSS and Atom feeds as inputs (issue 13, item 2): items with their content as articles, items
 * with only a teaser as links to fetch, XML bombs and XML that is no feed refused; and the
 * end-to-end `marsad ingest` of a folder holding a page and a feed.
 *
 * The feeds under test/fixtures/web/ are written for these tests (the outlets are real, the
 * articles are not).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMarsadError, type MarsadError } from '../../src/errors.js';
import { feedItemArticle, itemArticleText, looksLikeFeed, parseFeed, type Feed } from '../../src/ingest/formats/feed.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import type { ArticleInput, InputItem } from '../../src/ingest/types.js';
import { ingest } from '../../src/services/ingest.js';
import { openStore } from '../../src/store/open.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'web');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const feed = (name: string, url?: string): Feed => parseFeed(fixture(name), { origin: name, ...(url ? { url } : {}) });

function thrown(fn: () => unknown): MarsadError {
  try {
    fn();
  } catch (error) {
    if (isMarsadError(error)) return error;
    throw error;
  }
  throw new Error('expected a MarsadError');
}

async function read(paths: string[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(await planInputs(paths))) items.push(item);
  return items;
}
const articles = (items: InputItem[]): ArticleInput[] => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));

/** Encodes text as windows-1256 (the reverse of Node's decoder). */
function encode1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe('RSS 2.0', () => {
  it('items with content:encoded (CDATA or escaped) are articles: title, date, outlet, link; no caption, no WordPress footer', () => {
    const f = feed('rudaw-full.rss');
    expect({ kind: f.kind, title: f.title, link: f.link, items: f.items.length }).toEqual({ kind: 'rss', title: 'شبكة رووداو الإعلامية', link: 'https://www.rudaw.net/arabic', items: 2 });
    const [first, second] = f.items;
    expect(first).toMatchObject({
      id: 'rudaw-ar-1001',
      link: 'https://www.rudaw.net/arabic/kurdistan/050320241',
      title: 'افتتاح جسر جديد على نهر الزاب يربط أربيل بقرى ناحية الكوير',
      published: '2024-03-05',
    });
    expect(first!.summary).toBe('<p>افتتحت حكومة إقليم كوردستان جسراً جديداً على نهر الزاب الكبير…</p>');
    // a guid that is a permalink, and no <link>: the guid is the link
    expect(second).toMatchObject({ id: 'https://www.rudaw.net/arabic/kurdistan/060320242', link: 'https://www.rudaw.net/arabic/kurdistan/060320242', published: '2024-03-06' });

    const a = feedItemArticle(first!, f, 'rudaw-full.rss#rudaw-ar-1001')!;
    expect(a).toMatchObject({
      origin: 'rudaw-full.rss#rudaw-ar-1001',
      title: 'افتتاح جسر جديد على نهر الزاب يربط أربيل بقرى ناحية الكوير',
      published: '2024-03-05',
      source: { url: 'https://www.rudaw.net/arabic/kurdistan/050320241', outlet: 'شبكة رووداو الإعلامية' },
    });
    expect(a.body.split('\n\n')).toHaveLength(3);
    expect(a.body).toContain('وقال وزير الإعمار والإسكان خلال حفل الافتتاح إن الجسر يبلغ طوله نحو ثلاثمئة متر');
    expect(a.body).not.toMatch(/الجسر الجديد على نهر الزاب \(رووداو\)|ظهرت المقالة|<p>|<\/p>/);
    const b = feedItemArticle(second!, f, 'x')!;
    expect(b.body).toContain('وقال مدير الزراعة في المحافظة إن الحملة تهدف إلى تعويض الأشجار');
    expect(b.body).not.toContain('&lt;');
  });

  it('items with only a teaser are links to fetch; a relative link is resolved against the channel\'s link', () => {
    const f = feed('hawar-links.rss');
    expect(f.title).toBe('وكالة هاوار للأنباء');
    expect(f.items.map((i) => [i.id, i.link, i.title, i.published])).toEqual([
      ['anha-77001', 'https://hawarnews.com/ar/news/2024/03/07/kobani-school', 'افتتاح مدرسة جديدة في ريف كوباني الشرقي', '2024-03-07'],
      ['anha-77002', 'https://hawarnews.com/ar/news/2024/03/07/hasakah-seeds', 'توزيع بذار القمح على مزارعي ريف الحسكة', '2024-03-07'],
      [null, 'https://hawarnews.com/ar/news/2024/03/08/qamishli-seminar', 'ندوة حوارية في القامشلي حول دور المرأة في الإدارة المحلية', '2024-03-08'],
    ]);
    expect(f.items.map((i) => feedItemArticle(i, f, 'x'))).toEqual([null, null, null]);
  });

  it('the teaser rule: two paragraphs and 80 words at least, and no mark of cut text at the end', () => {
    const sentence = 'وقال مصدر محلي إن القصف استمر ساعة كاملة على أطراف البلدة وإن الأهالي نزحوا إلى القرى المجاورة.'; // 17 words
    const p = (n: number) => `<p>${Array(n).fill(sentence).join(' ')}</p>`;
    expect(itemArticleText(p(3) + p(3))).toContain('وقال مصدر محلي'); // 102 words, 2 paragraphs
    expect(itemArticleText(p(6))).toBeNull(); // one paragraph, however long
    expect(itemArticleText(p(2) + p(2))).toBeNull(); // 68 words
    expect(itemArticleText(p(3) + p(3).replace(/\.<\/p>$/, '…</p>'))).toBeNull(); // cut with an ellipsis
    expect(itemArticleText(p(3) + p(3) + '<p><a href="/x">اقرأ المزيد</a></p>')).toBeNull(); // a "read more" link
    expect(itemArticleText(p(3) + p(3) + '<p>The post عنوان appeared first on موقع.</p>')).not.toContain('appeared first'); // footer dropped
    expect(itemArticleText(null)).toBeNull();
    // A description that is the whole article (no content:encoded) is taken too
    const f: Feed = { kind: 'rss', title: 'عنب بلدي', link: null, items: [] };
    const item = { id: null, link: 'https://www.enabbaladi.net/archives/1', title: 'خبر', published: '2024-01-02', content: null, summary: p(3) + p(3) };
    expect(feedItemArticle(item, f, 'o')).toMatchObject({ title: 'خبر', published: '2024-01-02', source: { url: 'https://www.enabbaladi.net/archives/1', outlet: 'عنب بلدي' } });
    expect(feedItemArticle({ ...item, summary: p(3) }, f, 'o')).toBeNull();
  });

  it('a feed in windows-1256 by its XML declaration: items decoded, the record says so', () => {
    const text = fixture('rudaw-full.rss').toString('utf8').replace('encoding="UTF-8"', 'encoding="windows-1256"');
    const f = parseFeed(encode1256(text), { origin: 'legacy.rss' });
    expect(f.title).toBe('شبكة رووداو الإعلامية');
    const a = feedItemArticle(f.items[0]!, f, 'legacy.rss#1')!;
    expect(a.title).toBe('افتتاح جسر جديد على نهر الزاب يربط أربيل بقرى ناحية الكوير');
    expect(a.notes.map((n) => n.code)).toEqual(['legacy-encoding']);
  });
});

describe('Atom', () => {
  it('entries with content (escaped HTML, or XHTML) are articles; an entry with a cut summary is a link', () => {
    const f = feed('sohr.atom');
    expect({ kind: f.kind, title: f.title, link: f.link }).toEqual({ kind: 'atom', title: 'المرصد السوري لحقوق الإنسان', link: 'https://www.syriahr.com/' });
    expect(f.items.map((i) => [i.id, i.link, i.title, i.published])).toEqual([
      ['https://www.syriahr.com/?p=680101', 'https://www.syriahr.com/680101/', 'مقتل عنصرين بهجوم على حاجز في ريف درعا الغربي', '2024-05-10'],
      ['https://www.syriahr.com/?p=680102', 'https://www.syriahr.com/680102/', 'حريق في أراض زراعية قرب مدينة السلمية', '2024-05-10'],
      // no <published>: <updated>
      ['https://www.syriahr.com/?p=680103', 'https://www.syriahr.com/680103/', 'عودة عشرات العائلات النازحة إلى قرى في ريف الرقة', '2024-05-11'],
    ]);
    const [a, b, c] = f.items.map((i) => feedItemArticle(i, f, `sohr.atom#${i.id}`));
    expect(a).toMatchObject({ title: 'مقتل عنصرين بهجوم على حاجز في ريف درعا الغربي', published: '2024-05-10', source: { url: 'https://www.syriahr.com/680101/', outlet: 'المرصد السوري لحقوق الإنسان' } });
    expect(a!.body).toContain('وأفاد النشطاء بأن المهاجمين استخدموا أسلحة رشاشة');
    expect(b).toBeNull();
    expect(c!.body).toContain('بإعادة تأهيل شبكات المياه والكهرباء & المدارس في قراهم');
    expect(c!.body).not.toMatch(/xmlns|<div|&amp;/);
  });
});

describe('what is not a feed, or an attack', () => {
  it('a billion-laughs DOCTYPE is refused before parsing, at once', () => {
    const t0 = Date.now();
    const e = thrown(() => feed('billion-laughs.rss'));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(e.code).toBe('input-format');
    expect(e.message).toBe('billion-laughs.rss: the input is malformed: its DOCTYPE declares entities made of other entities (the shape of an XML bomb); Marsad does not expand them');
  });

  it('one large entity named many times stops at the expansion limit; an external entity is never read', () => {
    const big = 'قصف '.repeat(2000);
    const quadratic = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${big}">]><rss version="2.0"><channel><title>t</title><item><title>${'&a;'.repeat(5000)}</title></item></channel></rss>`;
    const t0 = Date.now();
    const e = thrown(() => parseFeed(Buffer.from(quadratic), { origin: 'quadratic.rss' }));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.code).toBe('input-format');
    expect(e.message).toMatch(/^quadratic\.rss: the input is malformed: its DOCTYPE declares entities that expand past Marsad's limits \(an XML bomb\?\): /);
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>`;
    expect(thrown(() => parseFeed(Buffer.from(xxe), { origin: 'xxe.rss' })).message).toBe('xxe.rss: the input is malformed: its DOCTYPE declares an external entity (a file or URL), which Marsad never reads');
  });

  it('XML that is not a feed is input-not-feed; a feed cut short is input-format', () => {
    const e = thrown(() => feed('sitemap.xml'));
    expect(e.code).toBe('input-not-feed');
    expect(e.message).toBe('sitemap.xml: the XML is not an RSS or Atom feed: its root element is <urlset>, not <rss>, <feed> or <rdf:RDF>');
    const cut = fixture('rudaw-full.rss').subarray(0, 1500);
    const c = thrown(() => parseFeed(cut, { origin: 'cut.rss' }));
    expect(c.message).toBe('cut.rss: the input is malformed: the feed is cut short: it does not end with </rss>');
    expect(looksLikeFeed(fixture('sohr.atom'))).toBe(true);
    expect(looksLikeFeed(fixture('billion-laughs.rss'))).toBe(true);
    expect(looksLikeFeed(fixture('sitemap.xml'))).toBe(false);
    expect(looksLikeFeed(fixture('hawar-jsonld.html'))).toBe(false);
  });

  it('RSS 1.0: items beside the channel', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.org/"><title>نشرة</title><link>https://example.org/</link></channel><item rdf:about="https://example.org/1"><title>خبر</title><link>https://example.org/1</link><dc:date>2021-09-09T10:00:00Z</dc:date><description>موجز</description></item></rdf:RDF>`;
    const f = parseFeed(Buffer.from(rdf), { origin: 'rdf.rss' });
    expect(f).toMatchObject({ kind: 'rss', title: 'نشرة', link: 'https://example.org/' });
    expect(f.items).toEqual([{ id: null, link: 'https://example.org/1', title: 'خبر', published: '2021-09-09', content: null, summary: 'موجز' }]);
  });
});

describe('feeds as inputs', () => {
  it('a folder: an article per full item, a link per teaser, other XML skipped; .rss that is no feed and a bomb are failures', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'rudaw-full.rss'), join(dir, 'rudaw.rss'));
    copyFileSync(join(FIXTURES, 'hawar-links.rss'), join(dir, 'hawar.xml'));
    copyFileSync(join(FIXTURES, 'sohr.atom'), join(dir, 'sohr.atom'));
    copyFileSync(join(FIXTURES, 'sitemap.xml'), join(dir, 'sitemap.xml'));
    copyFileSync(join(FIXTURES, 'sitemap.xml'), join(dir, 'not-a-feed.rss'));
    copyFileSync(join(FIXTURES, 'billion-laughs.rss'), join(dir, 'bomb.rss'));
    writeFileSync(join(dir, 'rudaw.rss.meta.json'), JSON.stringify({ outlet: 'رووداو', title: 'عنوان لا يخص أي خبر بعينه', url: 'https://www.rudaw.net/arabic/rss' }));
    const items = await read([dir]);
    const rel = (s: string) => s.slice(dir.length + 1);
    expect(items.map((i) => [i.kind, rel(i.kind === 'article' ? i.article.origin : i.kind === 'skipped' ? i.path : i.origin)])).toEqual([
      ['failure', 'bomb.rss'],
      ['link', 'hawar.xml#anha-77001'],
      ['link', 'hawar.xml#anha-77002'],
      ['link', 'hawar.xml#https://hawarnews.com/ar/news/2024/03/08/qamishli-seminar'],
      ['failure', 'not-a-feed.rss'],
      ['article', 'rudaw.rss#rudaw-ar-1001'],
      ['article', 'rudaw.rss#https://www.rudaw.net/arabic/kurdistan/060320242'],
      ['skipped', 'sitemap.xml'],
      ['article', 'sohr.atom#https://www.syriahr.com/?p=680101'],
      ['link', 'sohr.atom#https://www.syriahr.com/?p=680102'],
      ['article', 'sohr.atom#https://www.syriahr.com/?p=680103'],
    ]);
    expect(items.flatMap((i) => (i.kind === 'failure' ? [[rel(i.origin), i.error.code]] : []))).toEqual([
      ['bomb.rss', 'input-format'],
      ['not-a-feed.rss', 'input-not-feed'],
    ]);
    expect(items.find((i) => i.kind === 'skipped')).toMatchObject({ reason: 'XML whose root element is <urlset>, not an RSS or Atom feed' });
    expect(items.find((i) => i.kind === 'link')).toEqual({
      kind: 'link',
      origin: `${dir}/hawar.xml#anha-77001`,
      url: 'https://hawarnews.com/ar/news/2024/03/07/kobani-school',
      title: 'افتتاح مدرسة جديدة في ريف كوباني الشرقي',
      published: '2024-03-07',
      outlet: 'وكالة هاوار للأنباء',
    });
    // The sidecar's outlet applies to every item; its title and URL, which name one article, do not
    const rudaw = articles(items).filter((a) => a.origin.includes('rudaw.rss'));
    expect(rudaw.map((a) => [a.title, a.source.outlet, a.source.url, a.sourceKey])).toEqual([
      ['افتتاح جسر جديد على نهر الزاب يربط أربيل بقرى ناحية الكوير', 'رووداو', 'https://www.rudaw.net/arabic/kurdistan/050320241', `${dir}/rudaw.rss#rudaw-ar-1001`],
      ['حملة لزراعة آلاف الأشجار في محيط مدينة دهوك', 'رووداو', 'https://www.rudaw.net/arabic/kurdistan/060320242', `${dir}/rudaw.rss#https://www.rudaw.net/arabic/kurdistan/060320242`],
    ]);
    // Named on the command line, the sitemap is refused rather than skipped
    const named = await read([join(dir, 'sitemap.xml')]);
    expect(named.map((i) => [i.kind, i.kind === 'failure' ? i.error.code : ''])).toEqual([['failure', 'input-not-feed']]);
  });

  it('marsad ingest over a folder with a page and a feed stores the page and each full item, with their titles, dates, outlets and URLs', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'hawar-jsonld.html'), join(dir, 'manbij.html'));
    copyFileSync(join(FIXTURES, 'rudaw-full.rss'), join(dir, 'rudaw.rss'));
    copyFileSync(join(FIXTURES, 'sitemap.xml'), join(dir, 'sitemap.xml'));
    const db = join(tempDir(), 'm.db');
    const r = await cli(['ingest', dir, '--store', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toEqual({ stored: 3, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 1 });
    const store = openStore(db);
    try {
      const docs = await store.documents({ filter: {}, limit: 10, offset: 0 });
      const rows = [...docs.rows].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
      expect(rows.map((d) => [d.title, d.published, d.source.outlet, d.source.url])).toEqual([
        ['قصف مدفعي يطال قرى في ريف منبج الشمالي', '2024-03-05', 'وكالة هاوار للأنباء', 'https://hawarnews.com/ar/news/2024/03/05/manbij-shelling'],
        ['افتتاح جسر جديد على نهر الزاب يربط أربيل بقرى ناحية الكوير', '2024-03-05', 'شبكة رووداو الإعلامية', 'https://www.rudaw.net/arabic/kurdistan/050320241'],
        ['حملة لزراعة آلاف الأشجار في محيط مدينة دهوك', '2024-03-06', 'شبكة رووداو الإعلامية', 'https://www.rudaw.net/arabic/kurdistan/060320242'],
      ]);
      const manbij = rows[0]!;
      expect(manbij.text).toContain('وأفاد مجلس منبج العسكري في بيان بأن قواته ردت على مصادر النيران');
      expect(manbij.text).not.toMatch(/<|سطر من برنامج التتبع|جميع الحقوق محفوظة/);
      expect(rows[1]!.text).not.toContain('ظهرت المقالة');
    } finally {
      await store.close();
    }
    // Again: nothing new
    const again = JSON.parse((await cli(['ingest', dir, '--store', db, '--json'])).stdout);
    expect(again.counts).toMatchObject({ stored: 0, unchanged: 3 });
  });

  it('ingest without a fetcher: each teaser item of a feed file is rejected, saying its link must be fetched (nothing is fetched)', async () => {
    // With a fetcher (`marsad ingest` on the command line) the links are fetched: src/services/ingest.ts, the lead's.
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'hawar-links.rss'), join(dir, 'hawar.rss'));
    const store = openStore(join(tempDir(), 'm.db'), { create: true });
    try {
      const report = await ingest(store, [join(dir, 'hawar.rss')]);
      expect(report.counts).toMatchObject({ stored: 0, rejected: 3 });
      expect(report.failures.map((f) => f.code)).toEqual(['input-link-only', 'input-link-only', 'input-link-only']);
      expect(report.failures[0]!.message).toBe(
        `${dir}/hawar.rss#anha-77001: the feed item holds only a link to its article: its article is at https://hawarnews.com/ar/news/2024/03/07/kobani-school, which must be fetched`,
      );
    } finally {
      await store.close();
    }
  });
});
