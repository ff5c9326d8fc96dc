/**
 * Document features: what a first tagging pass said about the same word elsewhere in the
 * document.
 *
 * News repeats its names: "Celtic" is named five times in a match report, once after "نادي",
 * then alone. A second pass that knows the first pass tagged the other mentions as an ORG
 * tags the bare ones too (Krishnan & Manning 2006 call this label consistency). The
 * document is the sentence itself and up to `window` sentences on each side, so a long stream
 * of sentences without article breaks (a CoNLL file) reads the same way as an article.
 * Words are matched by their clitic-stripped stem ("وسلتيك" and "سلتيك").
 */
import { LABELS } from './labels.js';
import { combine, hashString } from './hash.js';

/** Entity type of each label index: 0 for O, then 1 PERS, 2 LOC, 3 ORG, 4 MISC. */
const TYPE_OF_LABEL = LABELS.map((l) => (l === 'O' ? 0 : ['PERS', 'LOC', 'ORG', 'MISC'].indexOf(l.slice(2)) + 1));
const TYPES = 5;
const ANY = Array.from({ length: TYPES }, (_, t) => hashString(`doc:any:${t}`));
const MAJORITY = Array.from({ length: TYPES }, (_, t) => hashString(`doc:majority:${t}`));
const SHARE = Array.from({ length: 5 }, (_, s) => hashString(`doc:share:${s}`));

/** Document features of each token of a sentence: `hashes[starts[i] .. starts[i+1])`. */
export interface SentenceDocumentFeatures {
  readonly hashes: Uint32Array;
  readonly starts: Int32Array;
}

/**
 * Computes the document features of every sentence.
 *
 * `keys[s][i]` identifies token i of sentence s for matching (0: never matched, e.g. a
 * punctuation mark); `labels[s][i]` is the first pass's label index.
 *
 * @example
 * // Sentence 0 tagged "سلتيك" ORG, sentence 1 left it O: token 0 of sentence 1 gets "doc:any:ORG".
 * documentFeatures([Uint32Array.of(k), Uint32Array.of(k)], [Int8Array.of(5), Int8Array.of(0)], 10)
 */
export function documentFeatures(
  keys: readonly Uint32Array[],
  labels: readonly ArrayLike<number>[],
  window: number,
): SentenceDocumentFeatures[] {
  const counts = new Map<number, Int32Array>();
  const add = (s: number, sign: number) => {
    const k = keys[s]!;
    const l = labels[s]!;
    for (let i = 0; i < k.length; i++) {
      const key = k[i]!;
      if (key === 0) continue;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Int32Array(TYPES)));
      c[TYPE_OF_LABEL[l[i]!]!]! += sign;
    }
  };
  const n = keys.length;
  const out: SentenceDocumentFeatures[] = [];
  // The window [lo, hi] slides with s.
  let lo = 0;
  let hi = -1;
  const others = new Int32Array(TYPES);
  const hashes: number[] = [];
  for (let s = 0; s < n; s++) {
    while (hi < Math.min(n - 1, s + window)) add(++hi, 1);
    while (lo < s - window) add(lo++, -1);
    const k = keys[s]!;
    const l = labels[s]!;
    const starts = new Int32Array(k.length + 1);
    hashes.length = 0;
    for (let i = 0; i < k.length; i++) {
      starts[i] = hashes.length;
      const key = k[i]!;
      if (key === 0) continue;
      const c = counts.get(key)!;
      let total = 0;
      for (let t = 0; t < TYPES; t++) {
        others[t] = c[t]! - (TYPE_OF_LABEL[l[i]!] === t ? 1 : 0);
        total += others[t]!;
      }
      if (total === 0) continue;
      let best = 0;
      for (let t = 1; t < TYPES; t++) {
        if (others[t]! > 0) hashes.push(ANY[t]!);
        if (others[t]! > others[best]!) best = t;
      }
      hashes.push(MAJORITY[best]!);
      hashes.push(SHARE[Math.round((4 * (total - others[0]!)) / total)]!);
    }
    starts[k.length] = hashes.length;
    out.push({ hashes: Uint32Array.from(hashes), starts });
  }
  return out;
}

/**
 * The matching key of a word's bare stem (0 for words never matched).
 * @example documentKey('سلتيك') === documentKey('سلتيك')  // a non-zero uint32
 */
export function documentKey(bare: string): number {
  return combine(hashString(bare), 0x0d0c) || 1;
}
