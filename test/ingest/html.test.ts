/**
 * HTML pages as inputs (issue 13, item 1): metadata in the order publishers give it, the
 * article text from Readability, charsets from the header, the page or the content, and the
 * refusal of pages with no article and of files of kinds Marsad does not read.
 *
 * The pages under test/fixtures/web/ are written for these tests (the outlets are real, the
 * articles are not).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isMarsadError, type MarsadError } from '../../src/errors.js';
import { prepareArticle } from '../../src/extract/document.js';
import { looksLikeHtml, pageArticle, parseHtmlPage, stripSiteName, type ParsedPage } from '../../src/ingest/formats/html.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import type { ArticleInput, InputItem } from '../../src/ingest/types.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'web');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const page = (name: string, options: { url?: string; contentType?: string } = {}) => parseHtmlPage(fixture(name), { origin: name, ...options });

/** The error a call throws (failing the test when it throws none, or not a MarsadError). */
function thrown(fn: () => unknown): MarsadError {
  try {
    fn();
  } catch (error) {
    if (isMarsadError(error)) return error;
    throw error;
  }
  throw new Error('expected a MarsadError');
}

async function read(paths: string[], options: { stdin?: NodeJS.ReadableStream } = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(await planInputs(paths), options)) items.push(item);
  return items;
}
const articles = (items: InputItem[]): ArticleInput[] => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const failures = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'failure' ? [i] : []));

/** Nothing of the page's markup, scripts or furniture in a body. */
function expectClean(p: Pick<ParsedPage, 'body'>, ...boilerplate: string[]) {
  expect(p.body).not.toMatch(/[<>]/);
  for (const line of boilerplate) expect(p.body).not.toContain(line);
}

describe('HTML page metadata, in the order publishers give it', () => {
  it('JSON-LD NewsArticle in @graph wins over og: and article: tags; publisher by @id; the canonical link wins over og:url', () => {
    const p = page('hawar-jsonld.html');
    expect(p).toMatchObject({
      title: 'قصف مدفعي يطال قرى في ريف منبج الشمالي', // the headline, not og:title "قصف على ريف منبج"
      published: '2024-03-05', // datePublished, not article:published_time (2024-03-06)
      outlet: 'وكالة هاوار للأنباء', // publisher {"@id": …} resolved, not og:site_name "ANHA"
      canonicalUrl: 'https://hawarnews.com/ar/news/2024/03/05/manbij-shelling', // not og:url with ?utm_source
      language: 'ar',
      encoding: 'utf-8',
      notes: [],
    });
    expect(p.body).toContain('وأفاد مجلس منبج العسكري في بيان بأن قواته ردت على مصادر النيران');
    expect(p.body.split('\n\n')).toHaveLength(4);
    expect(p.body.startsWith('تعرضت قرى عون الدادات')).toBe(true); // the <h1> repeating the title is gone
    expectClean(p, 'سطر من برنامج التتبع', 'جميع الحقوق محفوظة', 'الرئيسية', 'حوارات', 'color: #333');
  });

  it('only og: tags: og:title, og:site_name, article:published_time, og:url (no <link rel="canonical">)', () => {
    const p = page('enab-og.html');
    expect(p).toMatchObject({
      title: 'ارتفاع أسعار الخبز في مدينة إدلب بعد تخفيض وزن الربطة',
      published: '2024-02-11',
      outlet: 'عنب بلدي',
      canonicalUrl: 'https://www.enabbaladi.net/archives/712345',
      language: 'ar',
    });
    expect(p.body).toContain('وأصبح وزن الربطة ستمئة غرام بعد أن كان سبعمئة');
    expectClean(p, 'كل الحقوق محفوظة', 'سياسة');
    // The description is a summary of this article (its words are the article's): kept as the lead
    expect(p.lead).toBe('رفعت الأفران في مدينة إدلب سعر ربطة الخبز وخفضت وزنها، في خطوة قال أصحاب الأفران إنها جاءت بسبب ارتفاع أسعار الطحين والمحروقات.');
  });

  it('<time datetime> only: the article\'s, not the site\'s clock in the header; <title> as the title; relative canonical resolved against the URL', () => {
    const p = page('time-only.html', { url: 'https://raqqa-post.example/ar/services/x?id=3' });
    expect(p).toMatchObject({
      title: 'انقطاع المياه عن أحياء في مدينة الرقة لليوم الثالث',
      published: '2023-11-20', // not 2024-06-01 from <header>
      outlet: null,
      canonicalUrl: 'https://raqqa-post.example/ar/services/raqqa-water-cut',
      language: null,
      lead: null,
    });
    expect(p.body).toContain('وقال مسؤول في مديرية المياه إن فرق الصيانة تعمل على إصلاح العطل');
    expectClean(p, '20 تشرين الثاني 2023', 'السبت 1 حزيران', 'خدمات');
    // Without a URL a relative canonical link names nothing
    expect(page('time-only.html').canonicalUrl).toBeNull();
  });

  it('the title loses " | Outlet" or " - Outlet" only when that is the site\'s name', () => {
    expect(stripSiteName('قصف على منبج | شبكة هاوار', 'شبكة هاوار')).toBe('قصف على منبج');
    expect(stripSiteName('عنب بلدي - ارتفاع الأسعار', 'عنب بلدي')).toBe('ارتفاع الأسعار');
    expect(stripSiteName('قصف على منبج - ريف حلب', 'شبكة هاوار')).toBe('قصف على منبج - ريف حلب');
    expect(stripSiteName('قصف على منبج | شبكة هاوار', null)).toBe('قصف على منبج | شبكة هاوار');
    // &#8211; in <title> is an en dash: a separator too
    expect(page('sohr-boilerplate.html').title).toBe('مقتل ثلاثة مدنيين بانفجار لغم في بادية دير الزور الشرقية');
  });

  it('malformed JSON-LD is a note on the record, not a failure: the other metadata is read', () => {
    const html = fixture('enab-og.html').toString('utf8').replace('</head>', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "عنوان مكسور",}</script></head>');
    const p = parseHtmlPage(Buffer.from(html), { origin: 'broken-ld.html' });
    expect(p.title).toBe('ارتفاع أسعار الخبز في مدينة إدلب بعد تخفيض وزن الربطة');
    expect(p.published).toBe('2024-02-11');
    expect(p.notes.map((n) => n.code)).toEqual(['metadata-unreadable']);
    expect(p.notes[0]!.message).toMatch(/^a JSON-LD block of the page is not valid JSON \(.+\); it was ignored$/);
  });

  it('JSON-LD as an array, with raw line breaks in its strings, and an article listed inside it that is not the page\'s', () => {
    const ld = '[{"@type": "WebSite", "name": "شبكة الشمال"}, {"@type": "ReportageNewsArticle", "headline": "سطر أول\nسطر ثان", "datePublished": "2022-07-01", "publisher": {"@type": "Organization", "name": "شبكة الشمال"}, "hasPart": {"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "headline": "خبر آخر", "datePublished": "2020-01-01"}]}}]';
    const html = `<!DOCTYPE html><html><head><script type="application/ld+json">${ld}</script></head><body><article><p>${'نص الخبر كما كتبته الشبكة في صفحتها. '.repeat(8)}</p></article></body></html>`;
    const p = parseHtmlPage(Buffer.from(html), { origin: 'array-ld.html' });
    expect(p).toMatchObject({ title: 'سطر أول سطر ثان', published: '2022-07-01', outlet: 'شبكة الشمال', notes: [] });
  });
});

describe('HTML page encodings', () => {
  it('windows-1256 by <meta charset>', () => {
    const p = page('shafaq-windows-1256.html');
    expect(p).toMatchObject({
      title: 'انفجار عبوة ناسفة على طريق في جنوب كركوك',
      published: '2024-01-15',
      outlet: 'شفق نيوز',
      canonicalUrl: 'https://shafaq.com/ar/security/kirkuk-roadside-bomb',
      encoding: 'windows-1256',
    });
    expect(p.notes.map((n) => n.code)).toEqual(['legacy-encoding']);
    expect(p.body).toContain('وقال المصدر لوكالة شفق نيوز إن العبوة انفجرت قرب عجلة تابعة لأحد المزارعين');
    expectClean(p, 'أمن\n', 'الرئيسية');
  });

  it('ISO-8859-6 by the Content-Type header, which wins over a wrong <meta charset="windows-1256">', () => {
    const p = page('k24-iso-8859-6.html', { contentType: 'text/html; charset=ISO-8859-6' });
    expect(p).toMatchObject({
      title: 'افتتاح مستشفى للأطفال في مدينة أربيل',
      published: '2024-04-02',
      outlet: 'كوردستان 24',
      canonicalUrl: 'https://www.kurdistan24.net/ar/story/123456',
      encoding: 'iso-8859-6',
    });
    expect(p.notes.map((n) => n.code)).toEqual(['legacy-encoding']);
    expect(p.body).toContain('وأضاف أن المستشفى زود بأجهزة حديثة');
    expectClean(p, 'كوردستان\n', 'الرئيسية');
  });

  it('without the header, the wrong <meta> is corrected: the bytes read as Arabic in ISO-8859-6, not windows-1256', () => {
    const p = page('k24-iso-8859-6.html');
    expect(p.encoding).toBe('iso-8859-6');
    expect(p.title).toBe('افتتاح مستشفى للأطفال في مدينة أربيل');
    expect(p.notes.map((n) => n.code)).toEqual(['legacy-encoding', 'charset-corrected']);
    expect(p.notes[1]!.message).toBe("the page's <meta> charset declares windows-1256, but the bytes read as Arabic in iso-8859-6; read as iso-8859-6");
  });

  it('a UTF-8 page that declares windows-1256 is read as UTF-8, and says so', () => {
    const html = fixture('enab-og.html').toString('utf8').replace('<meta charset="UTF-8">', '<meta charset="windows-1256">');
    const p = parseHtmlPage(Buffer.from(html), { origin: 'moved.html' });
    expect(p.encoding).toBe('utf-8');
    expect(p.title).toBe('ارتفاع أسعار الخبز في مدينة إدلب بعد تخفيض وزن الربطة');
    expect(p.notes.map((n) => n.code)).toEqual(['charset-corrected']);
  });

  it('ISO-8859-1 from a server default is passed over for the <meta> charset', () => {
    const p = page('shafaq-windows-1256.html', { contentType: 'text/html; charset=ISO-8859-1' });
    expect(p.encoding).toBe('windows-1256');
    expect(p.title).toBe('انفجار عبوة ناسفة على طريق في جنوب كركوك');
  });

  it('an unknown or unsupported charset is a clear input-encoding error naming it', () => {
    const unknown = thrown(() => page('enab-og.html', { contentType: 'text/html; charset=x-mac-arabic' }));
    expect(unknown.code).toBe('input-encoding');
    expect(unknown.message).toBe('enab-og.html: the text encoding could not be recognised: the Content-Type header declares charset "x-mac-arabic", which is not an encoding Marsad knows');
    const unsupported = thrown(() => page('enab-og.html', { contentType: 'text/html; charset=koi8-r' }));
    expect(unsupported.message).toBe('enab-og.html: the text encoding could not be recognised: the Content-Type header declares charset "koi8-r" (koi8-r); Marsad reads pages in UTF-8, UTF-16, windows-1256 or ISO-8859-6');
    // An ASCII page under any charset is read (every such encoding reads ASCII alike)
    const ascii = parseHtmlPage(Buffer.from(`<html><head><meta charset="shift_jis"><title>t</title></head><body><p>${'Plain ASCII words of an article. '.repeat(5)}</p></body></html>`), { origin: 'a.html' });
    expect(ascii.body).toContain('Plain ASCII words');
  });
});

describe('HTML page body', () => {
  it('script, style, noscript, nav, sidebar, cookie notice, share buttons, related links, hidden text and footer never reach the body', () => {
    const p = page('sohr-boilerplate.html');
    expect(p).toMatchObject({
      title: 'مقتل ثلاثة مدنيين بانفجار لغم في بادية دير الزور الشرقية',
      published: '2024-04-18',
      outlet: 'المرصد السوري لحقوق الإنسان',
      canonicalUrl: 'https://www.syriahr.com/%d9%85%d9%82%d8%aa%d9%84-%d8%ab%d9%84%d8%a7%d8%ab%d8%a9/680001/',
    });
    expect(p.body.split('\n\n')).toEqual([
      'قتل ثلاثة مدنيين من عائلة واحدة، بينهم طفل، جراء انفجار لغم أرضي من مخلفات الحرب أثناء جمعهم نبات الكمأة في بادية بلدة الشولا بريف دير الزور الشرقي، وفقاً لما وثقه نشطاء المرصد السوري.',
      'وأشار النشطاء إلى أن الضحايا خرجوا منذ ساعات الصباح إلى البادية، قبل أن يدوي الانفجار في منطقة يعرف الأهالي أنها مزروعة بالألغام منذ سنوات المعارك.',
      'ويحذر المرصد السوري سكان المنطقة من التوجه إلى البادية في موسم الكمأة، إذ يتكرر سقوط الضحايا كل عام بسبب الألغام والعبوات التي لم تُنزع بعد.',
    ]);
    expectClean(
      p,
      'نص يكتبه البرنامج',
      'يرجى تفعيل جافاسكربت',
      'ملفات تعريف الارتباط',
      'تقارير المرصد',
      'فيسبوك',
      'اقرأ أيضاً',
      'حصيلة ضحايا الألغام',
      'نص مخفي',
      'الأكثر قراءة',
      'اشترك في نشرتنا',
      'جميع الحقوق محفوظة',
      'font-family',
    );
  });

  it('a page with no article (a section front of links) is refused with input-no-article-text, never its markup', () => {
    const e = thrown(() => page('section-front.html'));
    expect(e.code).toBe('input-no-article-text');
    expect(e.message).toBe('section-front.html: the page holds no article text: it holds no text but links and page furniture');
    const empty = thrown(() => parseHtmlPage(Buffer.from('<!DOCTYPE html><html><head><title>صفحة</title></head><body><div id="app"></div><script>render()</script></body></html>'), { origin: 'spa.html' }));
    expect(empty.code).toBe('input-no-article-text');
  });

  it('a page nested deeper than 256 elements is refused at once (Readability\'s cost grows with the cube of the depth)', () => {
    const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(5000)}<p>${'كلمة '.repeat(100)}</p>${'</div>'.repeat(5000)}</body></html>`;
    const t0 = Date.now();
    const e = thrown(() => parseHtmlPage(Buffer.from(html), { origin: 'deep.html' }));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(e.code).toBe('input-format');
    expect(e.message).toBe('deep.html: the input is malformed: its elements are nested 5003 deep; pages nested over 256 deep are not read (an article page is under 100)');
  });

  it('a page of over 100,000 elements is refused before Readability runs (linkedom gives it no element count of its own)', () => {
    const html = `<!DOCTYPE html><html><body><article>${'<div><span>كلمة</span></div>'.repeat(60_000)}</article></body></html>`;
    const t0 = Date.now();
    const e = thrown(() => parseHtmlPage(Buffer.from(html), { origin: 'many.html' }));
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(e.code).toBe('input-too-large');
    expect(e.message).toMatch(/^many\.html: the input is too large: the page has 12000\d elements; pages of over 100000 are not read \(a heavy article page has about 30,000\)$/);
  });

  it('a page far over the element cap is refused before it is parsed, by a count of its start tags', () => {
    const html = `<!DOCTYPE html><html><body><p>${'<b>خبر</b>'.repeat(400_000)}</p></body></html>`;
    const e = thrown(() => parseHtmlPage(Buffer.from(html), { origin: 'huge.html' }));
    expect(e.code).toBe('input-too-large');
    // "start tags": refused by the count in the text, before linkedom built 400,000 nodes.
    expect(e.message).toBe('huge.html: the input is too large: the page has over 150000 start tags; pages of over 100000 elements are not read (a heavy article page has about 30,000)');
  });

  it('a fragment without <html> or <body>, <br> as a line break, tables as lines', () => {
    const html = `<div><h1>حصيلة الأسبوع</h1><p>${'سجلت الحصيلة ارتفاعاً في عدد الضحايا خلال الأسبوع. '.repeat(3)}</p><p>السطر الأول<br>السطر الثاني</p><table><tr><td>الرقة</td><td>4</td></tr><tr><td>الحسكة</td><td>2</td></tr></table></div>`;
    const p = parseHtmlPage(Buffer.from(html), { origin: 'fragment.html' });
    expect(p.title).toBe('حصيلة الأسبوع');
    expect(p.body.split('\n\n').slice(1)).toEqual(['السطر الأول\nالسطر الثاني', 'الرقة 4\nالحسكة 2']);
  });

  it('looksLikeHtml: a DOCTYPE or an HTML first element, after comments; not SGML, feeds or text', () => {
    expect(looksLikeHtml(Buffer.from('\ufeff  <!-- saved --><!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" ""><html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<div class="x">نص</div>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<DOC>\n<TEXT>نص</TEXT></DOC>'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('<?xml version="1.0"?><rss version="2.0">'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('<عاجل> قصف على منبج'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('قصف على منبج <p>'))).toBe(false);
  });
});

describe('pages and other kinds as inputs', () => {
  it('a .html named on the command line and in a folder: one article each, with its metadata, never its markup', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'hawar-jsonld.html'), join(dir, 'hawar.html'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(FIXTURES, 'shafaq-windows-1256.html'), join(dir, 'sub', 'shafaq.htm'));
    const named = articles(await read([join(dir, 'hawar.html')]));
    expect(named).toHaveLength(1);
    const a = named[0]!;
    expect(a).toMatchObject({
      origin: join(dir, 'hawar.html'),
      sourceKey: join(dir, 'hawar.html'),
      title: 'قصف مدفعي يطال قرى في ريف منبج الشمالي',
      published: '2024-03-05',
      lead: null,
      source: { path: join(dir, 'hawar.html'), url: 'https://hawarnews.com/ar/news/2024/03/05/manbij-shelling', outlet: 'وكالة هاوار للأنباء' },
    });
    expect(a.body).not.toMatch(/<script|<p>|<\/|سطر من برنامج التتبع/);
    const prepared = prepareArticle(a);
    expect(prepared.text.startsWith('قصف مدفعي يطال قرى في ريف منبج الشمالي\n\nتعرضت قرى عون الدادات')).toBe(true);

    const walked = await read([dir]);
    expect(articles(walked).map((x) => [x.origin.slice(dir.length + 1), x.title, x.source.outlet, x.notes.map((n) => n.code)])).toEqual([
      ['hawar.html', 'قصف مدفعي يطال قرى في ريف منبج الشمالي', 'وكالة هاوار للأنباء', []],
      ['sub/shafaq.htm', 'انفجار عبوة ناسفة على طريق في جنوب كركوك', 'شفق نيوز', ['legacy-encoding']],
    ]);
  });

  it('a page saved as .txt, gzipped, or piped to standard input is read as a page; a sidecar\'s url resolves its relative canonical', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'saved.txt'), fixture('sohr-boilerplate.html'));
    writeFileSync(join(dir, 'water.html.gz'), gzipSync(fixture('time-only.html')));
    writeFileSync(join(dir, 'water.html.gz.meta.json'), JSON.stringify({ url: 'https://raqqa-post.example/ar/services/water' }));
    const items = await read([dir]);
    expect(articles(items).map((a) => [a.title, a.published, a.source.url ?? null])).toEqual([
      ['مقتل ثلاثة مدنيين بانفجار لغم في بادية دير الزور الشرقية', '2024-04-18', 'https://www.syriahr.com/%d9%85%d9%82%d8%aa%d9%84-%d8%ab%d9%84%d8%a7%d8%ab%d8%a9/680001/'],
      // the sidecar's url wins (it names this article); relative links were resolved against it
      ['انقطاع المياه عن أحياء في مدينة الرقة لليوم الثالث', '2023-11-20', 'https://raqqa-post.example/ar/services/water'],
    ]);
    const piped = articles(await read(['-'], { stdin: Readable.from([fixture('enab-og.html')]) }));
    expect(piped.map((a) => [a.origin, a.title, a.source.outlet])).toEqual([['<stdin>', 'ارتفاع أسعار الخبز في مدينة إدلب بعد تخفيض وزن الربطة', 'عنب بلدي']]);
  });

  it('a page with no article is a failure of its file, not an article', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'section-front.html'), join(dir, 'front.html'));
    const items = await read([dir]);
    expect(articles(items)).toEqual([]);
    expect(failures(items).map((f) => [f.origin.slice(dir.length + 1), f.error.code])).toEqual([['front.html', 'input-no-article-text']]);
  });

  it('a PDF, a Word document, an image or an archive named by name is rejected with its kind, never stored as text', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      'report.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1')]),
      'notes.docx': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('[Content_Types].xml word/document.xml')]),
      'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'scan.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
      'sheet.xls': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const items = await read(Object.keys(files).map((n) => join(dir, n)));
    expect(articles(items)).toEqual([]);
    expect(failures(items).map((f) => [f.origin.slice(dir.length + 1), f.error.code, f.error.detail])).toEqual([
      ['report.pdf', 'input-unsupported', 'it is a PDF document; Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds'],
      ['notes.docx', 'input-unsupported', 'it is a Word document (.docx); Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds'],
      ['photo.txt', 'input-unsupported', 'it is a PNG image; Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds'],
      ['scan.jpg', 'input-unsupported', 'it is a JPEG image; Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds'],
      ['sheet.xls', 'input-unsupported', 'it is a Microsoft Office document of the old kind (.doc, .xls, .ppt); Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds'],
    ]);
    // In a folder, such files are not even opened: their endings are not read
    const walked = await read([dir]);
    expect(walked.filter((i) => i.kind === 'skipped').map((i) => (i as { path: string }).path.slice(dir.length + 1))).toEqual(['notes.docx', 'report.pdf', 'scan.jpg', 'sheet.xls']);
    expect(failures(walked).map((f) => [f.origin.slice(dir.length + 1), f.error.code])).toEqual([['photo.txt', 'input-unsupported']]);
  });

  it('the article of a page for a fetched URL: the canonical URL, else the address it was fetched from', () => {
    const p = page('time-only.html');
    expect(pageArticle(p, 'https://raqqa-post.example/a', { url: 'https://raqqa-post.example/a' })).toMatchObject({
      origin: 'https://raqqa-post.example/a',
      sourceKey: 'https://raqqa-post.example/a',
      source: { url: 'https://raqqa-post.example/a', outlet: null },
      title: 'انقطاع المياه عن أحياء في مدينة الرقة لليوم الثالث',
      published: '2023-11-20',
      lead: null,
    });
  });
});
