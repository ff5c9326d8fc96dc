/**
 * Articles from the web: a URL fetched (`src/fetch`), then read as a page or as a feed
 * (`src/ingest/formats/html.ts`, `feed.ts`). Used by `marsad ingest URL` and `marsad watch`.
 *
 * A feed item whose content holds the article is read from the feed; an item that has only a
 * link is fetched as a page. A page is stored under its canonical URL when it names one, so
 * that the same article reached by two links is recognised.
 */
import { MarsadError } from '../errors.js';
import type { FetchResponse, Fetcher } from '../fetch/fetcher.js';
import { feedItemArticle, looksLikeFeed, parseFeed, type Feed, type FeedItem } from '../ingest/formats/feed.js';
import { looksLikeHtml, pageArticle, parseHtmlPage } from '../ingest/formats/html.js';
import { parsePublished } from '../ingest/published.js';
import type { ArticleInput } from '../ingest/types.js';

/** Media types that hold a feed (or XML that may be one). */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/rdf+xml']);
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** What a fetched URL turned out to be. */
export type WebDocument =
  | { readonly kind: 'page'; readonly response: FetchResponse; readonly article: ArticleInput }
  | { readonly kind: 'feed'; readonly response: FetchResponse; readonly feed: Feed }
  | { readonly kind: 'not-modified'; readonly response: FetchResponse };

export interface WebReadOptions {
  /** Validators from the last poll, for a conditional request. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** The outlet to record (a sources file's name for it); else the page's own metadata. */
  readonly outlet?: string | null;
}

/** The Content-Type header as the parsers take it: media type and charset. */
function contentTypeHeader(r: FetchResponse): string | null {
  if (!r.contentType) return null;
  return r.charset ? `${r.contentType}; charset=${r.charset}` : r.contentType;
}

/**
 * Fetches a URL and reads it: a feed (RSS or Atom) or a page. Anything else (a PDF, an image, a
 * JSON API) is refused with `input-format`, naming the URL and what it holds.
 */
export async function fetchDocument(fetcher: Fetcher, url: string, options: WebReadOptions = {}): Promise<WebDocument> {
  const response = await fetcher.get({ url, etag: options.etag ?? null, lastModified: options.lastModified ?? null });
  if (response.notModified) return { kind: 'not-modified', response };
  const type = response.contentType;
  const asFeed = (type !== null && FEED_TYPES.has(type) && looksLikeFeed(response.bytes)) || (!PAGE_TYPES.has(type ?? '') && looksLikeFeed(response.bytes));
  if (asFeed) {
    return { kind: 'feed', response, feed: parseFeed(response.bytes, { origin: response.url, url: response.url, contentType: contentTypeHeader(response) }) };
  }
  if ((type !== null && PAGE_TYPES.has(type)) || looksLikeHtml(response.bytes)) {
    return { kind: 'page', response, article: fetchedPageArticle(response, options.outlet ?? null) };
  }
  throw new MarsadError('input-format', response.url, `it is ${type ?? 'of no stated type'}, neither an HTML page nor an RSS or Atom feed`);
}

/**
 * The article of a fetched page, known by its canonical URL (else the address it was read at).
 * The outlet given (a sources file's name for it) wins over the page's own.
 */
export function fetchedPageArticle(response: FetchResponse, outlet: string | null): ArticleInput {
  const page = parseHtmlPage(response.bytes, { origin: response.url, url: response.url, contentType: contentTypeHeader(response) });
  return pageArticle(page, page.canonicalUrl ?? response.url, { url: response.url, overrides: outlet ? { outlet } : {} });
}

/** What a feed says of an item, for the article fetched from its link to fall back on. */
export interface ItemFallback {
  readonly title: string | null;
  readonly published: string | null;
}

/** Fills a fetched article's missing title and date from its feed item. */
export function withFallback(article: ArticleInput, fallback: ItemFallback): ArticleInput {
  const published = article.published ?? (fallback.published ? parsePublished(fallback.published) : null);
  const title = article.title ?? (fallback.title?.trim() ? fallback.title.trim() : null);
  return published === article.published && title === article.title ? article : { ...article, title, published };
}

/** Fetches a link that must be a page (a feed item's link), its item's title and date to fall back on. */
export async function fetchPageArticle(fetcher: Fetcher, url: string, outlet: string | null, fallback: ItemFallback = { title: null, published: null }): Promise<ArticleInput> {
  const doc = await fetchDocument(fetcher, url, { outlet });
  if (doc.kind === 'page') return withFallback(doc.article, fallback);
  if (doc.kind === 'feed') throw new MarsadError('input-format', url, 'a feed item links to another feed, not to an article');
  throw new MarsadError('internal', url, 'a request without validators was answered 304 Not Modified');
}

/** The key an item is remembered by: its guid (or Atom id), else its link. */
export function itemKey(item: FeedItem): string | null {
  return item.id ?? item.link ?? null;
}

/**
 * The article of a feed item when its content holds one, with the outlet to record; null
 * when its link must be fetched.
 */
export function itemArticle(item: FeedItem, feed: Feed, origin: string, outlet: string | null): ArticleInput | null {
  const article = feedItemArticle(item, feed, origin);
  if (!article) return null;
  return outlet ? { ...article, source: { ...article.source, outlet } } : article;
}
