/**
 * Search as users see it: the query read by the text layer, ranked results from the store,
 * and a snippet of each document with the matching words marked.
 */
import type { DocumentRecord } from '../extract/record.js';
import { analyzeText } from '../text/analyze.js';
import { queryGroups, tokenMatches, type QueryGroups } from '../text/search-terms.js';
import type { RecordFilter, SearchRow, Store } from '../store/store.js';

export interface SearchHit {
  readonly id: string;
  readonly title: string | null;
  readonly source: DocumentRecord['source'];
  readonly published: string | null;
  /** A passage of the text around the best match. */
  readonly snippet: string;
  /** Where the matching words are in `snippet`: [start, end) pairs. */
  readonly highlights: [number, number][];
  /** Higher is better (BM25). */
  readonly score: number;
  /** Whether every word of the query matched (synonyms allowed). */
  readonly complete: boolean;
  /** Whether every word of the query matched as typed. */
  readonly exact: boolean;
}

export interface SearchOutcome {
  readonly query: string;
  /** Counted up to 10,000 (`SEARCH_COUNT_CAP`); `capped` says there are more. */
  readonly total: number;
  readonly capped?: boolean;
  /** Ranked only the most recently stored this many matches (`SEARCH_RANK_CAP`); absent when every match was. */
  readonly ranked?: number;
  readonly hits: SearchHit[];
}

/** Longest snippet, in characters. */
const SNIPPET_LENGTH = 220;

/**
 * The snippet of a text for a query: the sentence (outside the title) that matches the most
 * query words, trimmed around its first match to {@link SNIPPET_LENGTH} characters.
 *
 * @example
 * makeSnippet('عنوان\n\nأفرجت الإدارة عن معتقلين.', queryGroups('المعتقلين'), 5)
 * // { snippet: 'أفرجت الإدارة عن معتقلين.', highlights: [[17, 24]] }
 */
export function makeSnippet(text: string, groups: QueryGroups, titleEnd = 0): { snippet: string; highlights: [number, number][] } {
  const doc = analyzeText(text);
  const { tokens } = doc;
  let best: { first: number; end: number; groups: number; matches: number[] } | null = null;
  for (const sentence of doc.sentences) {
    if (sentence.end <= titleEnd && doc.sentences.length > 1) continue;
    const seen = new Set<number>();
    const matches: number[] = [];
    for (let t = sentence.firstToken; t < sentence.endToken; t++) {
      const g = tokenMatches(tokens, t, groups);
      if (g >= 0) {
        seen.add(g);
        matches.push(t);
      }
    }
    if (matches.length && (!best || seen.size > best.groups || (seen.size === best.groups && matches.length > best.matches.length))) {
      best = { first: sentence.start, end: sentence.end, groups: seen.size, matches };
    }
  }
  if (!best) {
    const start = Math.min(titleEnd, text.length);
    const body = text.slice(start).trim();
    return { snippet: body.length > SNIPPET_LENGTH ? body.slice(0, SNIPPET_LENGTH) + '…' : body, highlights: [] };
  }
  let from = best.first;
  let to = best.end;
  if (to - from > SNIPPET_LENGTH) {
    const firstMatch = tokens.start(best.matches[0]!);
    from = Math.max(best.first, firstMatch - 60);
    // start on a word boundary
    const space = text.lastIndexOf(' ', from);
    if (space > best.first && from !== best.first) from = space + 1;
    to = Math.min(best.end, from + SNIPPET_LENGTH);
    const cut = text.lastIndexOf(' ', to);
    if (to !== best.end && cut > from + SNIPPET_LENGTH / 2) to = cut;
  }
  const prefix = from > best.first ? '…' : '';
  const suffix = to < best.end ? '…' : '';
  const highlights: [number, number][] = [];
  for (const t of best.matches) {
    const s = tokens.start(t);
    const e = tokens.end(t);
    if (s >= from && e <= to) highlights.push([s - from + prefix.length, e - from + prefix.length]);
  }
  return { snippet: prefix + text.slice(from, to) + suffix, highlights };
}

/** Search rows as users see them: each with a snippet around its matches. */
function toHits(rows: readonly SearchRow[], groups: QueryGroups): SearchHit[] {
  return rows.map((row): SearchHit => {
    const titleEnd = row.title !== null ? row.title.length : 0;
    const { snippet, highlights } = makeSnippet(row.text, groups, titleEnd);
    return {
      id: row.id,
      title: row.title,
      source: row.source,
      published: row.published,
      snippet,
      highlights,
      score: row.score,
      complete: row.complete,
      exact: row.exact,
    };
  });
}

/**
 * Searches the store.
 *
 * @example
 * const { hits } = await searchDocuments(store, 'معتقلي داعش', { limit: 5 });
 */
export async function searchDocuments(
  store: Store,
  query: string,
  options: { limit?: number; offset?: number } = {},
): Promise<SearchOutcome> {
  const groups = queryGroups(query);
  const result = await store.search({ groups, limit: options.limit ?? 10, offset: options.offset ?? 0 });
  return { query, total: result.total, ...(result.capped ? { capped: true } : {}), ...(result.ranked ? { ranked: result.ranked } : {}), hits: toHits(result.rows, groups) };
}

/**
 * Documents matching a filter, with snippets: ranked by the search words when the filter has
 * some, newest first otherwise (the snippet is then the start of the body).
 *
 * @example
 * const { total, hits } = await findDocuments(store, { outlet: 'هاوار' }, { limit: 20, offset: 0 });
 */
export async function findDocuments(
  store: Store,
  filter: RecordFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; capped?: boolean; ranked?: number; hits: SearchHit[] }> {
  const result = await store.documents({ filter, ...page });
  return {
    total: result.total,
    ...(result.capped ? { capped: true } : {}),
    ...(result.ranked ? { ranked: result.ranked } : {}),
    hits: toHits(result.rows, filter.groups ?? []),
  };
}
