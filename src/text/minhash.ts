/**
 * Near-duplicate texts: MinHash signatures over word shingles, with LSH banding to find
 * candidates without comparing every pair.
 *
 * Outlets syndicate one wire story many times: a new headline, a dateline ("دمشق – وكالات"),
 * a boilerplate tail, a paragraph cut. Such copies share most of their word 3-grams; different
 * stories on the same topic share few (the same names and a stock phrase or two). The Jaccard
 * similarity of the shingle sets separates them, and a MinHash signature estimates it from
 * {@link SIGNATURE_SIZE} numbers per text (the chance that two sets agree on one min-hash is
 * their Jaccard similarity).
 *
 * Banding: the signature is cut into {@link BANDS} bands of {@link ROWS} rows; two texts are
 * candidates when one band is equal. The chance of that is 1 − (1 − J^ROWS)^BANDS: 0.998 at
 * J = 0.3, 0.93 at J = 0.2, 0.006 at J = 0.001 (two unrelated articles share almost no word
 * 3-gram). Bands of two rows find a copy that was cut and given a tail (its Jaccard similarity
 * can be as low as 0.25 while most of the shorter text is in the longer) at the cost of a few
 * more candidates to check. Candidates are kept only when their {@link resemblance} reaches
 * {@link NEAR_DUPLICATE_THRESHOLD}.
 *
 * The text is normalised by the text layer's match profile first (hamza, alef, ta marbuta,
 * diacritics, tatweel and digits unified), so spelling variants between outlets do not count as
 * differences.
 */
import { normalizeForm } from './normalize.js';

/** Words per shingle. Three keeps stock two-word phrases ("ريف دير") from making unrelated stories alike. */
export const SHINGLE_WORDS = 3;
/** Min-hashes per signature. */
export const SIGNATURE_SIZE = 128;
/** LSH bands, of {@link ROWS} rows each ({@link BANDS} × {@link ROWS} = {@link SIGNATURE_SIZE}). */
export const BANDS = 64;
export const ROWS = SIGNATURE_SIZE / BANDS;
/**
 * Estimated Jaccard similarity of word 3-gram sets at or above which two texts are one story.
 * Measured on real articles (ANT) and their re-headlined, re-tailed and cut copies against the
 * most alike different articles: see the README ("Near-duplicate stories").
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.55;
/** Texts with fewer shingles than this are too short to call copies of anything. */
export const MIN_SHINGLES = 8;
/**
 * Fewest shingles the shorter text must have for containment to count (a copy cut to a few
 * sentences is still a copy; a two-line brief inside a long roundup of the day is not one story
 * with it).
 */
export const MIN_CONTAINED_SHINGLES = 25;

const WORD = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: every input bit moves every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per min-hash, fixed so that signatures stored today compare with tomorrow's. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) seeds[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));
  return seeds;
})();

/** The hashes of a text's word {@link SHINGLE_WORDS}-grams, after normalisation, each once. */
export function shingleHashes(text: string): Uint32Array {
  const words = normalizeForm(text).match(WORD) ?? [];
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    seen.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return Uint32Array.from(seen);
}

/** What is kept of a text to compare it: its signature and how many shingles it has. */
export interface Fingerprint {
  readonly signature: Uint32Array;
  readonly shingles: number;
}

/**
 * The fingerprint of a text, or null when it has fewer than {@link MIN_SHINGLES} shingles (a
 * headline alone is not a story to compare).
 */
export function fingerprint(text: string): Fingerprint | null {
  const shingles = shingleHashes(text);
  if (shingles.length < MIN_SHINGLES) return null;
  return { signature: minhash(shingles), shingles: shingles.length };
}

/** The MinHash signature of a set of shingle hashes. */
export function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const x of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The share of min-hashes two signatures agree on: an estimate of their texts' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signatures of different sizes (${a.length}, ${b.length})`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * How alike two texts are as copies of one story, 0..1: the larger of their Jaccard similarity
 * and the share of the shorter text found in the longer (its containment). Jaccard alone
 * punishes a copy that was cut or given a tail for the length of what changed; containment
 * sees that one is the other with a part left out. Containment is estimated from the Jaccard
 * estimate and the two sizes (|A ∩ B| = J·(|A| + |B|)/(1 + J)) and counts only when the
 * shorter text has at least {@link MIN_CONTAINED_SHINGLES} shingles.
 */
export function resemblance(a: Fingerprint, b: Fingerprint): number {
  const j = similarity(a.signature, b.signature);
  const shorter = Math.min(a.shingles, b.shingles);
  if (shorter < MIN_CONTAINED_SHINGLES) return j;
  const common = (j / (1 + j)) * (a.shingles + b.shingles);
  return Math.max(j, Math.min(1, common / shorter));
}

/**
 * The band keys of a signature: one 32-bit hash per band, salted with the band's index so that
 * equal rows in different bands never collide. Two texts are candidates when a key is shared.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    keys.push(h | 0); // signed, to fit a SQLite INTEGER and a PostgreSQL integer alike
  }
  return keys;
}

/** A signature as bytes for storage (little-endian 32-bit words), and back. */
export function signatureToBytes(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length !== SIGNATURE_SIZE * 4) throw new RangeError(`a stored signature has ${bytes.length} bytes, not ${SIGNATURE_SIZE * 4}`);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) sig[i] = view.readUInt32LE(i * 4);
  return sig;
}

/**
 * The part of a record's text that tells the story: the text without its first line when that
 * line is the title, since copies are re-headlined.
 */
export function storyText(text: string, title: string | null): string {
  if (title === null) return text;
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  return first.trim() === title.trim() ? (nl < 0 ? '' : text.slice(nl + 1)) : text;
}

/**
 * The most alike of some candidates whose resemblance to `fp` reaches `threshold`, or null.
 * Ties go to the candidate listed first (stores list them first stored first).
 */
export function bestMatch<T extends { readonly fingerprint: Fingerprint }>(
  fp: Fingerprint,
  candidates: readonly T[],
  threshold: number,
): { candidate: T; resemblance: number } | null {
  let best: { candidate: T; resemblance: number } | null = null;
  for (const candidate of candidates) {
    const r = resemblance(fp, candidate.fingerprint);
    if (r >= threshold && (best === null || r > best.resemblance)) best = { candidate, resemblance: r };
  }
  return best;
}
