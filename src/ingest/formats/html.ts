/**
 * HTML pages: the article's text and the metadata publishers give with it.
 *
 * The body is what Mozilla's Readability (the reader view of Firefox) finds as the article,
 * run over a linkedom document: paragraphs as paragraphs, no markup, nothing of scripts,
 * styles, navigation or footers. A page where it finds no article text (a section front, a
 * list of links) is refused with `input-no-article-text`, never stored as its markup.
 *
 * Metadata is read in the order publishers give it, the most deliberate first: JSON-LD (the
 * `NewsArticle` a publisher writes for search engines: `headline`, `datePublished`,
 * `publisher.name`), then the Open Graph and article tags (`og:title`, `og:site_name`,
 * `article:published_time`), then the page itself (`<time datetime>`, `<title>` without its
 * " | Outlet" tail). The canonical URL comes from `<link rel="canonical">`, then `og:url`.
 *
 * The encoding: the Content-Type header's charset, then `<meta charset>`, then the content
 * (see `charset.ts`), so that windows-1256 and ISO-8859-6 pages read right.
 */
import { Readability } from '@mozilla/readability';
import { MarsadError, isMarsadError } from '../../errors.js';
import type { Message } from '../../extract/record.js';
import { recordMessage } from '../../messages.js';
import { parsePublished } from '../published.js';
import type { ArticleInput } from '../types.js';
import { charsetOfContentType, decodeDeclared, type Declaration } from './charset.js';
import { makeArticle, type MetaOverrides } from './common.js';
import { articleParagraphs, elementShape, isElement, parseDocument, wordCount, type DomDocument, type DomElement } from './dom.js';
import { decodeEntities } from './sgml.js';
import { headText, isHtmlProlog, readProlog } from './sniff.js';

/** What a page gives: its article and metadata. */
export interface ParsedPage {
  readonly title: string | null;
  /** The article's text: paragraphs separated by a blank line. */
  readonly body: string;
  /**
   * The page's description (`og:description`, `<meta name="description">`), for showing beside
   * the article. It is not added to the article's text: descriptions are often a rewritten
   * teaser or the site's own blurb, and the body already holds the article.
   */
  readonly lead: string | null;
  /** The publication date as `published.ts` reads it ("2024-03-05"), or null. */
  readonly published: string | null;
  readonly outlet: string | null;
  /** Absolute http(s) URL, or null. */
  readonly canonicalUrl: string | null;
  /** The language the page declares ("ar", "ar-SY"), or null. */
  readonly language: string | null;
  /** The encoding the page was read in ("utf-8", "windows-1256"…). */
  readonly encoding: string;
  /** Messages for the record: a legacy encoding, metadata that could not be read. */
  readonly notes: Message[];
}

export interface PageOptions {
  /** For messages: the file or URL as the user named it. */
  readonly origin: string;
  /** The page's address, against which relative URLs in it are resolved. */
  readonly url?: string | null;
  /** The HTTP Content-Type, whose charset wins over the page's own declaration. */
  readonly contentType?: string | null;
}

/** Deepest element nesting read: Readability's cost grows with the cube of the depth (1,000 deep took 4.6 s). Real article pages are under 100. */
export const MAX_PAGE_DEPTH = 256;
/**
 * Most elements read: Readability's cost is about 35 µs an element (60,000 took 2.4 s, 300,000
 * took 17 s), and heavy real pages hold about 30,000. Counted here: its own `maxElemsToParse`
 * counts with `getElementsByTagName('*')`, which linkedom answers with none.
 */
export const MAX_PAGE_ELEMENTS = 100_000;
/** Start tags counted in a page's text past which it is refused before it is parsed (see `parseHtmlPage`). */
export const PRE_PARSE_TAG_LIMIT = Math.round(MAX_PAGE_ELEMENTS * 1.5);

/** Occurrences of "<" followed by an ASCII letter, counted up to just past `stopAfter`. */
function startTagCount(text: string, stopAfter: number): number {
  let n = 0;
  for (let i = text.indexOf('<'); i >= 0 && n <= stopAfter; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
  }
  return n;
}

/** Largest page read, in bytes: linkedom builds a tree of about 2.6 MB a second here, and a news page is under 2 MB. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;
/** Fewest words of article text a page must hold (after lists of links are left out). */
export const MIN_ARTICLE_WORDS = 15;

/**
 * Whether bytes are an HTML page: an HTML DOCTYPE or a first element that only HTML has
 * (`<html>`, `<head>`, `<body>`, `<meta>`, `<div>`…), after white space and comments.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return isHtmlProlog(readProlog(headText(bytes)));
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** The charset a page's `<meta>` declares in its first bytes, or the XML declaration's encoding. */
function declaredInPage(head: string): string | null {
  const lower = head.toLowerCase();
  for (let i = lower.indexOf('<meta'); i >= 0; i = lower.indexOf('<meta', i + 5)) {
    const end = lower.indexOf('>', i);
    if (end < 0 || end - i > 2048) continue;
    const attrs = attributes(head.slice(i + 5, end));
    const charset = attrs.get('charset');
    if (charset) return charset;
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = charsetOfContentType(attrs.get('content') ?? null);
      if (fromContent) return fromContent;
    }
  }
  const xml = /^\s{0,100}<\?xml[^>]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return xml ? xml[1]! : null;
}

/** The attributes of a tag's text (bounded: the caller passes at most 2 KB). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, (m[2] ?? m[3] ?? m[4] ?? '').trim());
  }
  return out;
}

function decodePage(bytes: Uint8Array, options: PageOptions) {
  const declarations: Declaration[] = [];
  const header = charsetOfContentType(options.contentType);
  if (header) declarations.push({ label: header, where: 'the Content-Type header' });
  let inPage = declaredInPage(headText(bytes));
  // A page cannot declare UTF-16 in its own ASCII bytes: browsers read such a declaration as UTF-8.
  if (inPage && /^(utf-?16|unicode)/i.test(inPage.trim())) inPage = 'utf-8';
  if (inPage) declarations.push({ label: inPage, where: "the page's <meta> charset" });
  return decodeDeclared(bytes, options.origin, declarations);
}

// ---------------------------------------------------------------------------------------------
// Metadata

/** schema.org types whose object is the page's article. */
const ARTICLE_TYPES = new Set([
  'newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle', 'reviewnewsarticle',
  'askpublicnewsarticle', 'satiricalarticle', 'report', 'blogposting', 'liveblogposting',
]);

/** The last part of a type name: "https://schema.org/NewsArticle", "schema:NewsArticle" → "newsarticle". */
const typeName = (t: string) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'), t.lastIndexOf('#')) + 1).toLowerCase();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Most JSON values visited in a page's JSON-LD: a page with more is not read further. */
const MAX_JSONLD_VALUES = 50_000;

interface JsonLdFacts {
  readonly headline: string | null;
  readonly published: string | null;
  readonly publisher: string | null;
  readonly language: string | null;
}

/** Parses one JSON-LD block; raw control characters (a CMS's line breaks in a string) are tolerated. */
function parseJsonLd(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    // eslint-disable-next-line no-control-regex
    const repaired = text.replace(/[\u0000-\u001f]/g, ' ');
    if (repaired === text) throw error;
    return JSON.parse(repaired) as Json;
  }
}

/** A string from a JSON-LD value: a string, or the first string of an array, entities decoded and tags dropped. */
function jsonText(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = cleanInline(v);
    return s || null;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = jsonText(x);
      if (s) return s;
    }
  }
  return null;
}

/**
 * Reads the page's article from its JSON-LD blocks: the first object of an article type in
 * breadth-first order (so the page's own article comes before articles listed inside it, such
 * as "related" items), with `@id` references (a `publisher` given as `{"@id": "#org"}`) resolved
 * against every object of the page.
 */
function readJsonLd(document: DomDocument, notes: Message[]): JsonLdFacts | null {
  const roots: Json[] = [];
  const scripts = document.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    const type = (s.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const text = (s.textContent ?? '').trim();
    if (!text) continue;
    try {
      roots.push(parseJsonLd(text.replace(/^<!--/, '').replace(/-->$/, '')));
    } catch (error) {
      notes.push(recordMessage('metadata-unreadable', `a JSON-LD block of the page is not valid JSON (${(error as Error).message.slice(0, 120)}); it was ignored`));
    }
  }
  if (roots.length === 0) return null;
  const byId = new Map<string, JsonObject>();
  const articles: JsonObject[] = [];
  const queue: Json[] = [...roots];
  let visited = 0;
  for (let q = 0; q < queue.length && visited < MAX_JSONLD_VALUES; q++, visited++) {
    const v = queue[q]!;
    const enqueue = (child: Json) => {
      if (typeof child === 'object' && child !== null && queue.length < MAX_JSONLD_VALUES) queue.push(child);
    };
    if (Array.isArray(v)) {
      for (const child of v) enqueue(child);
      continue;
    }
    if (!isObject(v)) continue;
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
    const types = v['@type'];
    const names = (Array.isArray(types) ? types : [types]).filter((t): t is string => typeof t === 'string').map(typeName);
    if (names.some((n) => ARTICLE_TYPES.has(n))) articles.push(v);
    for (const [key, child] of Object.entries(v)) if (key !== '@context') enqueue(child);
  }
  const resolve = (v: Json | undefined): Json | undefined => {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
    return v;
  };
  const article = articles[0];
  if (!article) return null;
  let publisher: string | null = null;
  const p = resolve(Array.isArray(article.publisher) ? article.publisher[0] : article.publisher);
  if (typeof p === 'string') publisher = cleanInline(p) || null;
  else if (isObject(p)) publisher = jsonText(p.name);
  const language = jsonText(article.inLanguage);
  return {
    headline: jsonText(article.headline) ?? jsonText(article.name),
    published: jsonText(article.datePublished),
    publisher,
    language,
  };
}

/** Text for one line: entities decoded, tags dropped, white space collapsed. */
function cleanInline(s: string): string {
  let out = s.length > 20_000 ? s.slice(0, 20_000) : s;
  if (out.includes('<')) out = out.replace(/<[^<>]{0,2000}>/g, ' ');
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

/** The content of `<meta>` tags by their property, name or itemprop (lower case), first one kept. */
function metaTags(document: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  const metas = document.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content.trim());
    }
  }
  return out;
}

/** Meta names that carry a publication date, after `article:published_time`, in order. */
const DATE_METAS = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'dcterms.issued', 'dc.date.issued', 'dc.date', 'date'];

/** Separators between a title and the site's name in `<title>`. */
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » ', ' · ', ' / ', ' || ', ' ｜ '];

const fold = (s: string) => s.replace(/[\s\p{P}]+/gu, '').toLowerCase();

/**
 * A title without the site's name at its end (or start), when it is there after a separator:
 * "قصف على منبج | شبكة هاوار" with outlet "شبكة هاوار" → "قصف على منبج".
 */
export function stripSiteName(title: string, site: string | null): string {
  if (!site) return title;
  const t = title.replace(/\s+/g, ' ').trim();
  const s = fold(site);
  if (!s) return t;
  for (const sep of TITLE_SEPARATORS) {
    const tail = t.lastIndexOf(sep);
    if (tail > 0 && fold(t.slice(tail + sep.length)) === s) return t.slice(0, tail).trim();
    const head = t.indexOf(sep);
    if (head > 0 && fold(t.slice(0, head)) === s && t.length > head + sep.length) return t.slice(head + sep.length).trim();
  }
  return t;
}

/** An absolute http(s) URL from a link, resolved against the base; null when there is none. */
function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.length > 4096) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The first `<time datetime>` that dates the article: marked as such, else inside the article, else outside the page's furniture. */
function timeDatetimes(document: DomDocument): string[] {
  const times = document.getElementsByTagName('time');
  const marked: string[] = [];
  const inArticle: string[] = [];
  const other: string[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const value = t.getAttribute('datetime')?.trim();
    if (!value) continue;
    if (t.getAttribute('itemprop')?.toLowerCase() === 'datepublished' || t.hasAttribute('pubdate')) marked.push(value);
    else if (t.closest('article, main, [role="main"]')) inArticle.push(value);
    else if (!t.closest('header, nav, footer, aside')) other.push(value);
  }
  return [...marked, ...inArticle, ...other];
}

interface Metadata {
  title: string | null;
  published: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  language: string | null;
  description: string | null;
}

function readMetadata(document: DomDocument, options: PageOptions, notes: Message[]): Metadata {
  const ld = readJsonLd(document, notes);
  const metas = metaTags(document);
  const meta = (key: string) => {
    const v = metas.get(key);
    return v ? cleanInline(v) || null : null;
  };

  const outlet = ld?.publisher ?? meta('og:site_name');

  const titleElement = document.getElementsByTagName('title')[0];
  const h1 = document.getElementsByTagName('h1')[0];
  const rawTitle = ld?.headline ?? meta('og:title') ?? (titleElement ? cleanInline(titleElement.textContent ?? '') || null : null) ?? (h1 ? cleanInline(h1.textContent ?? '') || null : null);
  const title = rawTitle ? stripSiteName(rawTitle, outlet) || null : null;

  const dates = [ld?.published, ...DATE_METAS.map((k) => metas.get(k)), ...timeDatetimes(document)].filter((d): d is string => !!d && !!d.trim());
  let published: string | null = null;
  for (const d of dates) {
    published = parsePublished(d.trim());
    if (published) break;
  }
  if (!published && dates.length) {
    notes.push(recordMessage('published-unreadable', `the publication date "${dates[0]!.trim().slice(0, 100)}" is not a date Marsad reads; it was ignored`));
  }

  const baseElement = document.getElementsByTagName('base')[0];
  const base = absoluteUrl(baseElement?.getAttribute('href'), options.url ?? null) ?? options.url ?? null;
  let canonicalUrl: string | null = null;
  const links = document.getElementsByTagName('link');
  for (let i = 0; i < links.length && !canonicalUrl; i++) {
    const rel = (links[i]!.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) canonicalUrl = absoluteUrl(links[i]!.getAttribute('href'), base);
  }
  canonicalUrl ??= absoluteUrl(metas.get('og:url'), base);

  const html = document.documentElement;
  const rawLanguage = html?.getAttribute('lang') || html?.getAttribute('xml:lang') || metas.get('content-language') || metas.get('og:locale') || ld?.language || null;
  const language = rawLanguage && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/.test(rawLanguage.trim()) ? rawLanguage.trim().replace(/_/g, '-') : null;

  const description = meta('og:description') ?? meta('description');
  return { title, published, outlet, canonicalUrl, language, description: description && (!title || fold(description) !== fold(title)) ? description : null };
}

// ---------------------------------------------------------------------------------------------
// Body

/** Elements removed before Readability runs: never article text, and some mislead its scoring. */
const REMOVED = 'script, style, noscript, template, iframe, nav, footer, aside, form, [role="navigation"], [role="contentinfo"], [role="complementary"], [role="banner"], [role="dialog"]';
/** Class or id of cookie and consent notices, which Readability does not know to drop. */
const NOTICE = /cookie|consent/i;

/**
 * Readability's `charThreshold`: an article shorter than this makes it retry with its rules
 * relaxed, taking in the page's furniture. Its default (500 characters) is longer than many
 * Arabic news briefs (three short paragraphs are about 450); 200 keeps them in the first pass.
 */
const CHAR_THRESHOLD = 200;

function readBody(document: DomDocument, title: string | null, origin: string): string {
  const removed = document.querySelectorAll(REMOVED);
  for (let i = removed.length - 1; i >= 0; i--) removed[i]!.remove();
  const marked = document.querySelectorAll('[class], [id]');
  for (let i = marked.length - 1; i >= 0; i--) {
    const e = marked[i]!;
    const tag = e.localName;
    if (tag !== 'body' && tag !== 'html' && NOTICE.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.slice(0, 500))) e.remove();
  }
  let article;
  try {
    article = new Readability<unknown>(document as never, { serializer: (node) => node, charThreshold: CHAR_THRESHOLD }).parse();
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    throw new MarsadError('input-format', origin, `the page could not be read (${message.slice(0, 200)})`, { cause: error });
  }
  const content = article?.content as DomElement | null | undefined;
  if (!content || !isElement(content)) throw new MarsadError('input-no-article-text', origin, 'Readability found no article in it');
  const kept = articleParagraphs(content);
  // The headline repeated at the top of the article text
  while (title && kept.length && fold(kept[0]!) === fold(title)) kept.shift();
  const body = kept.join('\n\n');
  const words = wordCount(body);
  if (words < MIN_ARTICLE_WORDS) {
    throw new MarsadError(
      'input-no-article-text',
      origin,
      words === 0 ? 'it holds no text but links and page furniture' : `it holds ${words} word${words === 1 ? '' : 's'} of text outside links and page furniture (an article has at least ${MIN_ARTICLE_WORDS})`,
    );
  }
  return body;
}

/**
 * The description as the article's summary, or null when it is not one: at least half of its
 * words (of three letters or more) must be words of the article. A site's own blurb ("شبكة
 * إخبارية مستقلة…"), which some pages give as every page's description, shares few.
 */
function summaryOf(description: string | null, body: string): string | null {
  if (!description) return null;
  const words = description.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  if (words.length === 0) return null;
  const inBody = new Set(body.match(/[\p{L}\p{N}]{3,}/gu) ?? []);
  const shared = words.filter((w) => inBody.has(w)).length;
  return shared >= words.length / 2 ? description : null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads an HTML page: its article text and metadata.
 *
 * @example
 * const page = parseHtmlPage(bytes, { origin: 'hawar.html', url: 'https://hawarnews.com/ar/…' });
 * page.title      // 'قصف تركي على قرى ريف منبج'
 * page.published  // '2024-03-05'
 * @throws MarsadError `input-encoding` (an unknown or unsupported charset), `input-binary`,
 *         `input-no-article-text` (no article in the page), `input-format` (nested too deep,
 *         or unreadable), `input-too-large` (over {@link MAX_PAGE_BYTES} bytes or
 *         {@link MAX_PAGE_ELEMENTS} elements).
 */
export function parseHtmlPage(bytes: Uint8Array, options: PageOptions): ParsedPage {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new MarsadError('input-too-large', options.origin, `${bytes.length} bytes; pages over ${MAX_PAGE_BYTES} bytes are not read`);
  }
  const decoded = decodePage(bytes, options);
  const notes = [...decoded.notes];
  // Before linkedom builds a tree (400,000 elements cost it 3 s and 500 MB, and a process
  // reading several such pages spent a minute in garbage collection): start tags counted in
  // the text. The count can include "<a" inside scripts and comments, so only a count well
  // over the cap refuses here; the tree's own count below is the exact check.
  const tags = startTagCount(decoded.text, PRE_PARSE_TAG_LIMIT);
  if (tags > PRE_PARSE_TAG_LIMIT) {
    throw new MarsadError('input-too-large', options.origin, `the page has over ${PRE_PARSE_TAG_LIMIT} start tags; pages of over ${MAX_PAGE_ELEMENTS} elements are not read (a heavy article page has about 30,000)`);
  }
  try {
    const document = parseDocument(decoded.text);
    // From the root element: linkedom's DOCTYPE node has no next sibling to walk on from.
    const shape = document.documentElement ? elementShape(document.documentElement) : { elements: 0, depth: 0 };
    const depth = shape.depth + 1;
    if (shape.elements + 1 > MAX_PAGE_ELEMENTS) {
      throw new MarsadError('input-too-large', options.origin, `the page has ${shape.elements + 1} elements; pages of over ${MAX_PAGE_ELEMENTS} are not read (a heavy article page has about 30,000)`);
    }
    if (depth > MAX_PAGE_DEPTH) {
      throw new MarsadError('input-format', options.origin, `its elements are nested ${depth} deep; pages nested over ${MAX_PAGE_DEPTH} deep are not read (an article page is under 100)`);
    }
    const { description, ...meta } = readMetadata(document, options, notes);
    const body = readBody(document, meta.title, options.origin);
    return { ...meta, body, lead: summaryOf(description, body), encoding: decoded.encoding, notes };
  } catch (error) {
    if (isMarsadError(error)) throw error;
    throw new MarsadError('input-format', options.origin, `the page could not be read (${((error as Error).message ?? String(error)).slice(0, 200)})`, { cause: error });
  }
}

/**
 * The article of a parsed page. `source.url` is the canonical URL, else the page's own
 * address; the outlet is the page's; overrides (a sidecar, `--published`) win.
 *
 * @example
 * pageArticle(page, 'https://hawarnews.com/ar/123', { url: 'https://hawarnews.com/ar/123' })
 */
export function pageArticle(page: ParsedPage, origin: string, options: { url?: string | null; path?: string; overrides?: MetaOverrides } = {}): ArticleInput {
  const ctx = { origin, ...(options.path !== undefined ? { path: options.path } : {}), overrides: options.overrides ?? {}, notes: page.notes };
  return makeArticle(ctx, origin, {
    title: page.title,
    body: page.body,
    lead: null,
    published: page.published,
    url: page.canonicalUrl ?? options.url ?? null,
    outlet: page.outlet,
  });
}
