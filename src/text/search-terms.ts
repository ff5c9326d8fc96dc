/**
 * Search terms: what the full-text index holds for a document and what a query looks for.
 * Both sides go through the same steps (normalise, tokenize, clitic readings, light stem), so
 * "معتقلي داعش" finds "المعتقلين" and "#الإدارة_الذاتية" is found by "الإدارة الذاتية".
 */
import { z } from 'zod';
import { loadResource } from '../lexicon/resources.js';
import { normalize, normalizeForm } from './normalize.js';
import { searchTerms } from './stem.js';
import { TokenKind, tokenize, type Tokens } from './tokenize.js';

/** One word of a query: its own terms (clitic readings) and the terms of its synonyms. */
export interface QueryGroup {
  /** The word as the user wrote it. */
  readonly word: string;
  /** Terms of the word itself: a document with any of them matches the word as typed. */
  readonly terms: readonly string[];
  /** Terms of its synonyms (data/ar/search-synonyms.json), not among `terms`. */
  readonly synonyms: readonly string[];
}

/** A query: one group per word. */
export type QueryGroups = readonly QueryGroup[];

const SynonymsSchema = z.object({
  description: z.string(),
  groups: z.array(z.array(z.string().regex(/^\S+$/u, 'a synonym is one word')).min(2)),
});

let synonyms: Map<string, string[]> | undefined;

function synonymIndex(): Map<string, string[]> {
  if (synonyms) return synonyms;
  const index = new Map<string, string[]>();
  for (const group of loadResource('ar/search-synonyms.json', SynonymsSchema).groups) {
    const stems = [...new Set(group.map((w) => searchTerms(normalizeForm(w))[0]!))];
    for (const s of stems) index.set(s, [...new Set([...(index.get(s) ?? []), ...stems])]);
  }
  return (synonyms = index);
}

function tokenTerms(tokens: Tokens, i: number): string[] {
  const kind = tokens.kind(i);
  if (kind === TokenKind.Word) return searchTerms(tokens.norm(i));
  if (kind === TokenKind.Latin) return [tokens.norm(i).toLowerCase()];
  if (kind === TokenKind.Number) return [tokens.norm(i).replace(/,/g, '')];
  return [];
}

/**
 * The index text of a document field: every search term of every word, space-separated.
 *
 * @example
 * indexText('المعتقلين في #الإدارة_الذاتية')  // 'المعتقل معتقل في الادار اداره الذاتي ذاتيه'
 */
export function indexText(text: string): string {
  const tokens = tokenize(normalize(text));
  const parts: string[] = [];
  for (let i = 0; i < tokens.count; i++) for (const t of tokenTerms(tokens, i)) parts.push(t);
  return parts.join(' ');
}

/**
 * The groups of a query: per word, its terms and its synonyms' terms. Punctuation is ignored.
 *
 * @example
 * queryGroups('معتقلي داعش')
 * // [{ word: 'معتقلي', terms: ['معتقل'], synonyms: ['محتجز', 'موقوف'] },
 * //  { word: 'داعش', terms: ['داعش'], synonyms: [] }]
 */
export function queryGroups(query: string): QueryGroup[] {
  const tokens = tokenize(normalize(query));
  const syn = synonymIndex();
  const groups: QueryGroup[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const terms = tokenTerms(tokens, i);
    if (terms.length === 0) continue;
    // Synonyms extend the word as written (its first reading), not the readings that strip
    // letters which may not be clitics.
    const synonyms = (syn.get(terms[0]!) ?? []).filter((t) => !terms.includes(t));
    groups.push({ word: tokens.surface(i), terms, synonyms });
  }
  return groups;
}

/** All terms of a group: its own and its synonyms'. */
export function groupTerms(group: QueryGroup): string[] {
  return [...group.terms, ...group.synonyms];
}

/**
 * Whether a token's terms meet a query: used to highlight matches in snippets.
 */
export function tokenMatches(tokens: Tokens, i: number, groups: QueryGroups): number {
  const terms = tokenTerms(tokens, i);
  for (let g = 0; g < groups.length; g++) {
    const all = groupTerms(groups[g]!);
    if (terms.some((t) => all.includes(t))) return g;
  }
  return -1;
}
