/**
 * Light stemming for search: a word's clitic readings (clitics.ts) with common suffixes
 * taken off, so that "المعتقلين", "معتقلي" and "لمعتقلي" share the term "معتقل".
 *
 * This is light stemming in the manner of Larkey's Light10 (proclitics and a fixed suffix list,
 * no root extraction), with two differences: proclitics come from the clitic analyser, and
 * because a word is ambiguous ("وزير" is a word, not و + زير) a word yields every reading's
 * stem rather than one guess. Query and index go through the same function, so a reading
 * that is wrong on one side is wrong the same way on the other.
 */
import { analyzeClitics } from './clitics.js';

/** Suffixes taken off, in this order, each at most once (normalised: ة is ه). */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;
/** A stem keeps at least this many letters: most Arabic roots have three. */
const MIN_LETTERS = 3;

/**
 * Takes common suffixes off a normalised word.
 *
 * @example
 * lightStem('معتقلين')  // 'معتقل'
 * lightStem('مخيمات')   // 'مخيم'
 * lightStem('قوات')     // 'قوات' (too short to strip)
 */
export function lightStem(word: string): string {
  let w = word;
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= MIN_LETTERS && w.endsWith(suffix)) w = w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * The search terms of a normalised word: the light stem of each clitic reading that leaves a
 * stem of three letters or more (two after the article: "الحر").
 *
 * @example
 * searchTerms('المعتقلين')  // ['المعتقل', 'معتقل']
 * searchTerms('لمعتقلي')    // ['لمعتقل', 'معتقل']
 */
export function searchTerms(word: string): string[] {
  const terms: string[] = [];
  for (const reading of analyzeClitics(word)) {
    const hasArticle = reading.proclitics.includes('ال');
    if (reading.proclitics.length > 0 && reading.stem.length < (hasArticle ? 2 : MIN_LETTERS)) continue;
    const term = lightStem(reading.stem);
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}
