/**
 * RSS and Atom feeds: the items of RSS 2.0 (and RSS 1.0, whose items are RDF siblings of its
 * channel) and the entries of Atom, each with its id, link, title, date, and the HTML of its
 * content and summary. An item whose content holds the article becomes an article
 * ({@link feedItemArticle}); one that holds only a teaser is to be fetched by its link.
 *
 * Parsed with fast-xml-parser, with its entity limits on: entities a DOCTYPE declares are
 * expanded at most 1,000 times and to at most 1,000,000 characters in all; past a limit the
 * feed is refused. A DOCTYPE entity whose value names another entity (the shape of the
 * "billion laughs" bomb) and an external entity (SYSTEM, PUBLIC: a file or URL) are refused
 * before parsing. XML that is not a feed (its root is not `<rss>`, `<feed>` or
 * `<rdf:RDF>`), and a feed cut short (it does not close its root), are refused with a clear
 * error.
 */
import { XMLParser } from 'fast-xml-parser';
import { MarsadError, isMarsadError } from '../../errors.js';
import type { Message } from '../../extract/record.js';
import { parsePublished } from '../published.js';
import type { ArticleInput } from '../types.js';
import { charsetOfContentType, decodeDeclared, type Declaration } from './charset.js';
import { makeArticle, type FormatContext } from './common.js';
import { articleParagraphs, paragraphsOf, parseDocument, wordCount } from './dom.js';
import { decodeEntities } from './sgml.js';
import { feedRootKind, headText, readProlog } from './sniff.js';

export interface FeedItem {
  /** The RSS guid or the Atom id. */
  readonly id: string | null;
  /** The item's page: an absolute http(s) URL, or null. */
  readonly link: string | null;
  readonly title: string | null;
  /** The publication date as `published.ts` reads it, or null. */
  readonly published: string | null;
  /** HTML of `content:encoded` (RSS) or `<content>` (Atom). */
  readonly content: string | null;
  /** HTML of `<description>` (RSS) or `<summary>` (Atom). */
  readonly summary: string | null;
}

export interface Feed {
  readonly kind: 'rss' | 'atom';
  readonly title: string | null;
  /** The site the feed is of (absolute), or null. */
  readonly link: string | null;
  readonly items: FeedItem[];
  /** Messages for the records of its items (a legacy encoding). */
  readonly notes?: readonly Message[];
}

export interface FeedOptions {
  /** For messages: the file or URL as the user named it. */
  readonly origin: string;
  /** The feed's address, against which relative links are resolved. */
  readonly url?: string | null;
  /** The HTTP Content-Type, whose charset wins over the XML declaration. */
  readonly contentType?: string | null;
}

/** Whether bytes are a feed: the first element, after the prolog, is `<rss>`, `<feed>` or `<rdf:RDF>`. */
export function looksLikeFeed(bytes: Uint8Array): boolean {
  return feedRootKind(readProlog(headText(bytes)).root) !== null;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Entity limits: generous for real feeds (which declare few or no entities), fatal to bombs. */
const ENTITY_LIMITS = {
  enabled: true,
  maxEntitySize: 10_000,
  maxEntityCount: 100,
  maxTotalExpansions: 1_000,
  maxExpandedLength: 1_000_000,
} as const;

/** Elements that are lists even when a feed has one of them. */
const LISTS = new Set(['item', 'entry', 'link', 'category']);

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: ENTITY_LIMITS,
    htmlEntities: true,
    // Atom content of type "xhtml" is markup: kept raw, as written, rather than parsed into objects.
    stopNodes: ['feed.entry.content', 'feed.entry.summary'],
    isArray: (name) => LISTS.has(name),
    maxNestedTags: 200,
  });
}

type Node = unknown;
type Obj = Record<string, unknown>;
const isObj = (v: Node): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element: a string, an element's `#text`, or the first of a list that has one. */
function textOf(v: Node): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = textOf(x);
      if (t !== null && t.trim()) return t;
    }
    return null;
  }
  if (isObj(v)) return textOf(v['#text']);
  return null;
}

/** One line of text: tags dropped, entities decoded, white space collapsed. */
function inline(s: string | null): string | null {
  if (s === null) return null;
  let out = s.length > 20_000 ? s.slice(0, 20_000) : s;
  if (out.includes('<')) out = out.replace(/<[^<>]{0,2000}>/g, ' ');
  out = decodeEntities(out).replace(/\s+/g, ' ').trim();
  return out || null;
}

/** An absolute http(s) URL, resolved against the base; null when there is none. */
function absolute(href: string | null, base: string | null): string | null {
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

function date(...values: Node[]): string | null {
  for (const v of values) {
    const t = textOf(v);
    const d = t ? parsePublished(t) : null;
    if (d) return d;
  }
  return null;
}

/** The RSS `<link>` text (not an `atom:link`, a different element). */
const rssLink = (item: Obj) => textOf(item.link)?.trim() || null;

function rssItem(item: Obj, base: string | null): FeedItem {
  const guid = item.guid;
  const id = textOf(guid)?.trim() || null;
  const permaLink = isObj(guid) ? String(guid['@_isPermaLink'] ?? 'true').toLowerCase() !== 'false' : true;
  const link = absolute(rssLink(item), base) ?? (permaLink ? absolute(id, null) : null);
  return {
    id,
    link,
    title: inline(textOf(item.title)),
    published: date(item.pubDate, item['dc:date'], item['atom:published'], item['dcterms:issued']),
    content: textOf(item['content:encoded'])?.trim() || null,
    summary: textOf(item.description)?.trim() || null,
  };
}

/** The page an Atom entry or feed links to: `rel="alternate"` (or no rel), else the first link with an address. */
function atomLink(links: Node, base: string | null): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(isObj);
  const alternate = list.find((l) => (l['@_rel'] === undefined || l['@_rel'] === 'alternate') && typeof l['@_href'] === 'string');
  const any = alternate ?? list.find((l) => typeof l['@_href'] === 'string');
  return any ? absolute(String(any['@_href']), base) : null;
}

/**
 * Decodes the XML entities and CDATA sections of Atom content kept raw. Only the predefined
 * entities and numeric references are decoded: entities a DOCTYPE declares are not expanded here.
 */
function unescapeXml(raw: string): string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', i);
    if (start < 0) break;
    const end = raw.indexOf(']]>', start + 9);
    if (end < 0) break;
    out.push(decodeEntities(raw.slice(i, start)), raw.slice(start + 9, end));
    i = end + 3;
  }
  out.push(decodeEntities(raw.slice(i)));
  return out.join('');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML of an Atom text construct (`type` text, html or xhtml); null for out-of-line or other media content. */
function atomHtml(node: Node): string | null {
  if (node === undefined || node === null) return null;
  const raw = textOf(node) ?? '';
  const type = isObj(node) ? String(node['@_type'] ?? 'text').toLowerCase() : 'text';
  if (isObj(node) && node['@_src'] !== undefined) return null;
  let html: string;
  if (type === 'xhtml') html = raw;
  else if (type === 'html' || type === 'text/html') html = unescapeXml(raw);
  else if (type === 'text' || type === 'text/plain') {
    html = unescapeXml(raw)
      .split(/\n[ \t]{0,100}\n/)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
  } else return null;
  return html.trim() || null;
}

function atomEntry(entry: Obj, base: string | null): FeedItem {
  const id = textOf(entry.id)?.trim() || null;
  return {
    id,
    link: atomLink(entry.link, base) ?? absolute(id, null),
    title: inline(textOf(entry.title)),
    published: date(entry.published, entry.updated, entry.issued, entry.modified),
    content: atomHtml(entry.content),
    summary: atomHtml(entry.summary),
  };
}

/**
 * Whether a DOCTYPE declares an entity whose value refers to another entity: "billion laughs"
 * nests ten references ten deep. A scanner over the DOCTYPE (within the first 16 KB read by `readProlog`).
 */
function nestedEntity(doctype: string): boolean {
  for (let i = doctype.indexOf('<!ENTITY'); i >= 0; i = doctype.indexOf('<!ENTITY', i + 8)) {
    let j = i + 8;
    while (j < doctype.length && doctype[j] !== '"' && doctype[j] !== "'" && doctype[j] !== '>') j++;
    const quote = doctype[j];
    if (quote !== '"' && quote !== "'") continue;
    const end = doctype.indexOf(quote, j + 1);
    if (end < 0) return true;
    const value = doctype.slice(j + 1, end);
    const amp = value.indexOf('&');
    if (amp >= 0 && value.charAt(amp + 1) !== '#') return true;
  }
  return false;
}

/**
 * Whether a feed closes its root element (after trailing white space and comments): a feed cut
 * short does not. Read from the last bytes, one character a byte (the closing tag is ASCII in
 * every encoding but UTF-16, whose text is decoded first): a cut may split a character.
 */
function closesRoot(bytes: Uint8Array, root: string): boolean {
  const wide = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const text = wide
    ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(Math.max(2, bytes.length - 8192) & ~1))
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 4096)).toString('latin1');
  let end = text.length;
  for (let guard = 0; guard < 100; guard++) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    if (text.endsWith('-->', end)) {
      const open = text.lastIndexOf('<!--', end - 3);
      if (open < 0) return false;
      end = open;
      continue;
    }
    break;
  }
  const close = `</${root}`;
  const lt = text.lastIndexOf('</', end);
  if (lt < 0) return false;
  const tail = text.slice(lt, end).replace(/\s+/g, '');
  return tail === `${close}>`;
}

function decodeFeed(bytes: Uint8Array, options: FeedOptions) {
  const declarations: Declaration[] = [];
  const header = charsetOfContentType(options.contentType);
  if (header) declarations.push({ label: header, where: 'the Content-Type header' });
  const xml = /^\s{0,100}<\?xml[^>]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9._:-]{1,40})["']/.exec(headText(bytes, 512));
  if (xml && !/^(utf-?16|unicode)/i.test(xml[1]!)) declarations.push({ label: xml[1]!, where: 'the XML declaration' });
  return decodeDeclared(bytes, options.origin, declarations);
}

/**
 * Reads a feed.
 *
 * @example
 * const feed = parseFeed(bytes, { origin: 'hawar.rss', url: 'https://hawarnews.com/ar/rss' });
 * feed.items[0]  // { id: '…', link: 'https://hawarnews.com/ar/…', title: '…', published: '2024-03-05', content: '<p>…', summary: '…' }
 * @throws MarsadError `input-not-feed` (XML that is no feed), `input-format` (not well-formed,
 *         cut short, entity limits passed), `input-encoding`.
 */
export function parseFeed(bytes: Uint8Array, options: FeedOptions): Feed {
  const origin = options.origin;
  const prolog = readProlog(headText(bytes));
  const kind = feedRootKind(prolog.root);
  if (kind === null) {
    throw new MarsadError(
      'input-not-feed',
      origin,
      prolog.root ? `its root element is <${prolog.root}>, not <rss>, <feed> or <rdf:RDF>` : 'it does not start with an XML element',
    );
  }
  if (prolog.doctype !== null && nestedEntity(prolog.doctype)) {
    throw new MarsadError('input-format', origin, 'its DOCTYPE declares entities made of other entities (the shape of an XML bomb); Marsad does not expand them');
  }
  const root = prolog.root!;
  if (!closesRoot(bytes, root)) throw new MarsadError('input-format', origin, `the feed is cut short: it does not end with </${root}>`);
  const decoded = decodeFeed(bytes, options);
  let doc: Obj;
  try {
    doc = parser().parse(decoded.text) as Obj;
  } catch (error) {
    if (isMarsadError(error)) throw error;
    const message = (error as Error).message ?? String(error);
    if (/external entit/i.test(message)) throw new MarsadError('input-format', origin, 'its DOCTYPE declares an external entity (a file or URL), which Marsad never reads');
    if (/entit|expan/i.test(message)) throw new MarsadError('input-format', origin, `its DOCTYPE declares entities that expand past Marsad's limits (an XML bomb?): ${message.slice(0, 200)}`);
    throw new MarsadError('input-format', origin, `not well-formed XML (${message.slice(0, 200)})`);
  }
  const rootKey = Object.keys(doc).find((k) => k.toLowerCase() === root.toLowerCase());
  const top = rootKey ? doc[rootKey] : undefined;
  const topObj = isObj(top) ? top : {};
  const base = options.url ?? null;
  if (kind === 'atom') {
    const link = atomLink(topObj.link, base);
    const entries = (Array.isArray(topObj.entry) ? topObj.entry : []).filter(isObj);
    return { kind: 'atom', title: inline(textOf(topObj.title)), link, items: entries.map((e) => atomEntry(e, base ?? link)), notes: decoded.notes };
  }
  const channelNode = Array.isArray(topObj.channel) ? topObj.channel[0] : topObj.channel;
  const channel = isObj(channelNode) ? channelNode : {};
  const link = absolute(rssLink(channel), base);
  // RSS 2.0 items are in the channel; RSS 1.0 items are the channel's siblings.
  const items = (Array.isArray(channel.item) ? channel.item : Array.isArray(topObj.item) ? topObj.item : []).filter(isObj);
  return { kind: 'rss', title: inline(textOf(channel.title)), link, items: items.map((i) => rssItem(i, base ?? link)), notes: decoded.notes };
}

// ---------------------------------------------------------------------------------------------
// Items as articles

/**
 * Fewest words and paragraphs an item's content must have to be taken as the article.
 *
 * Why these: the cost of the two mistakes is not the same. Taking a teaser for the article
 * stores a fragment, and the page is then never fetched (it is known by its URL); fetching a
 * page whose article was in the feed costs one request. So the rule is strict. Teasers are
 * short and of one paragraph: WordPress cuts its excerpt at 55 words, Drupal its teaser at 600
 * characters (about 100 Arabic words, most often one paragraph), and most outlets give a sentence
 * or two. An article, however short, has a few paragraphs. Cut text is marked at its end (an
 * ellipsis, "[…]", "اقرأ المزيد", "Read more"): such content is never the article.
 */
export const MIN_ITEM_ARTICLE_WORDS = 80;
export const MIN_ITEM_ARTICLE_PARAGRAPHS = 2;

/** Words that end a teaser, linking to the rest ("read more"), in a short last paragraph. */
const READ_MORE = ['اقرأ المزيد', 'إقرأ المزيد', 'اقرأ أكثر', 'تابع القراءة', 'أكمل القراءة', 'اكمل القراءة', 'تتمة الخبر', 'التفاصيل', 'للمزيد', 'read more', 'continue reading', 'read the full'];
/** A short last paragraph is at most this many words. */
const SHORT_PARAGRAPH_WORDS = 12;

/** WordPress's "The post … appeared first on …" line, which it adds to every item. */
function isFeedFooter(p: string): boolean {
  return (p.startsWith('The post ') && p.includes(' appeared first on ')) || ((p.startsWith('ظهرت المقالة') || p.startsWith('المقالة')) && /أولاً? على/.test(p.slice(0, 2000)));
}

function isCut(paragraphs: readonly string[]): boolean {
  const last = paragraphs.at(-1);
  if (last === undefined) return true;
  const t = last.trim();
  if (t.endsWith('…') || t.endsWith('...') || t.endsWith('[…]') || t.endsWith('[...]') || t.endsWith('(…)')) return true;
  if (wordCount(t) <= SHORT_PARAGRAPH_WORDS) {
    const lower = t.toLowerCase();
    if (READ_MORE.some((w) => lower.includes(w))) return true;
  }
  return false;
}

/** The article text of an item's HTML, or null when it is a teaser (by the rule above). */
export function itemArticleText(html: string | null): string | null {
  if (!html) return null;
  const body = parseDocument(html).body!;
  // The mark of cut text is looked for among all paragraphs: a "read more" link is one.
  const all = paragraphsOf(body).paragraphs;
  while (all.length && isFeedFooter(all.at(-1)!)) all.pop();
  if (isCut(all)) return null;
  const paragraphs = articleParagraphs(body).filter((p) => !isFeedFooter(p));
  if (paragraphs.length < MIN_ITEM_ARTICLE_PARAGRAPHS) return null;
  const text = paragraphs.join('\n\n');
  return wordCount(text) >= MIN_ITEM_ARTICLE_WORDS ? text : null;
}

/**
 * The article of a feed item when its content holds it (the content, else a description that
 * is the whole article), with the feed's title as the outlet and the item's link as the URL;
 * null when the item's link must be fetched for the article.
 *
 * @example
 * feedItemArticle(feed.items[0], feed, 'hawar.rss#1')  // { title: '…', body: '…', source: { url: 'https://…', outlet: 'شبكة هاوار' }, … } or null
 */
export function feedItemArticle(item: FeedItem, feed: Feed, origin: string, context?: FormatContext): ArticleInput | null {
  const body = itemArticleText(item.content) ?? itemArticleText(item.summary);
  if (body === null) return null;
  const ctx: FormatContext = context ?? { origin, overrides: {}, notes: feed.notes ?? [] };
  return makeArticle(ctx, origin, { title: item.title, body, published: item.published, url: item.link, outlet: feed.title });
}
