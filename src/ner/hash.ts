/**
 * 32-bit hashes naming the tagger's features. A feature is never kept as a string: its name
 * ("w=حلب", "c6=011010") is hashed once per word form, and features that combine several
 * parts (a word's feature seen from two tokens away, a word pair) combine their hashes
 * arithmetically, so tagging a token allocates nothing.
 */

/**
 * FNV-1a over the UTF-16 units of `s`, finished with murmur3's mixer: equal strings give
 * equal hashes on every platform (the model file stores them).
 *
 * @example
 * hashString('w=حلب') === hashString('w=حلب')  // true; a uint32
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/**
 * Combines two hashes into a third (order matters).
 *
 * @example
 * combine(hashString('w=حلب'), 2) !== combine(hashString('w=حلب'), -2)  // true
 */
export function combine(a: number, b: number): number {
  return finish(Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(b, 0x85ebca6b) + 0x27d4eb2f);
}

function finish(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
