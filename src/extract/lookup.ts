/**
 * Indexed lookups that keep extraction linear in the article's length (issue 16, item 3):
 * instead of scanning every mention, date or figure of the article for each trigger, span or
 * sentence, the stages look them up by binary search in lists in reading order. Each helper
 * gives what the scan it replaces gave (the tests compare them on random data).
 */

/** Index of the first element of the ascending `list` that is >= `x` (`list.length` if none). */
export function lowerBound(list: readonly number[], x: number): number {
  return lowerBoundBy(list, x, (v) => v);
}

/** Index of the first item whose `key` is >= `x`, in `items` ascending by `key`. */
export function lowerBoundBy<T>(items: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface TokenRange {
  readonly firstToken: number;
  readonly endToken: number;
}

interface CharRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The sentence holding token `i`: `sentences.find((s) => s.firstToken <= i && i < s.endToken)`,
 * by binary search (sentences are in reading order and do not overlap).
 */
export function sentenceAt<S extends TokenRange>(sentences: readonly S[], i: number): S | undefined {
  const k = lowerBoundBy(sentences, i + 1, (s) => s.firstToken) - 1;
  const s = k >= 0 ? sentences[k] : undefined;
  return s && i < s.endToken ? s : undefined;
}

/**
 * For each sentence, the indices of the `items` that lie within it (`start >= s.start && end <=
 * s.end`), ascending: what `items.flatMap((x, i) => (within(x, s) ? [i] : []))` gives for every
 * sentence at once. Sentences are in reading order and do not overlap.
 */
export function indicesBySentence(items: readonly CharRange[], sentences: readonly CharRange[]): number[][] {
  const out: number[][] = sentences.map(() => []);
  items.forEach((x, i) => {
    // The last sentence starting at or before the item, and any before it that can still hold it (an empty item at a boundary).
    for (let k = lowerBoundBy(sentences, x.start + 1, (s) => s.start) - 1; k >= 0 && sentences[k]!.end >= x.start; k--) {
      const s = sentences[k]!;
      if (x.start >= s.start && x.end <= s.end) out[k]!.push(i);
    }
  });
  for (const list of out) list.sort((a, b) => a - b);
  return out;
}
