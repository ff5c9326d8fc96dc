/**
 * Tokenizer over a {@link NormalizedText}.
 *
 * Tokens are kept as parallel typed arrays rather than objects: the text layer must run at
 * over a million words a second, and most consumers walk tokens by index. Offsets exist for
 * both the normalised text (`nStart`/`nEnd`, to read the folded form) and the original text
 * (`start`/`end`, for spans on the record).
 */
import type { NormalizedText } from './normalize.js';

/** Token kinds. */
export const TokenKind = {
  /** Arabic letters: "والتحالف". */
  Word: 1,
  /** Letters of other scripts, digits allowed after the first letter: "SDF", "F16". */
  Latin: 2,
  /** Digits with inner separators followed by a digit: "7,700,000", "3.5" (from "٣٫٥"). */
  Number: 3,
  /** One punctuation or symbol character, or a run of . ? ! ("...", "?!"). */
  Punct: 4,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

// Character classes over the normalised text.
const C_OTHER = 0;
const C_ARABIC = 1;
const C_LETTER = 2;
const C_DIGIT = 3;
const C_SPACE = 4;
const C_MARK = 5; // combining marks inside a word, when a profile keeps them

const CLASSES: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) {
      t[u] = C_OTHER; // astral characters (emoji, rare scripts) become one symbol token each
      continue;
    }
    const ch = String.fromCharCode(u);
    if (u >= 0x30 && u <= 0x39) t[u] = C_DIGIT;
    else if ((u >= 0x0660 && u <= 0x0669) || (u >= 0x06f0 && u <= 0x06f9)) t[u] = C_DIGIT;
    else if (u === 0x0640) t[u] = C_MARK;
    else if ((u >= 0x0600 && u <= 0x06ff) || (u >= 0x0750 && u <= 0x077f) || (u >= 0x08a0 && u <= 0x08ff)) {
      t[u] = mark.test(ch) ? C_MARK : letter.test(ch) ? C_ARABIC : C_OTHER;
    } else if (space.test(ch)) t[u] = C_SPACE;
    else if (letter.test(ch)) t[u] = C_LETTER;
    else if (mark.test(ch)) t[u] = C_MARK;
    else t[u] = C_OTHER;
  }
  return t;
})();

const isSentencePunct = (u: number) => u === 0x2e || u === 0x3f || u === 0x21; // . ? !

/**
 * The tokens of one text.
 *
 * @example
 * const toks = tokenize(normalize('قتل ٣ مدنيين.'));
 * toks.count;      // 4
 * toks.norm(1);    // "3"
 * toks.surface(1); // "٣"
 */
export class Tokens {
  constructor(
    readonly source: NormalizedText,
    readonly count: number,
    readonly kinds: Uint8Array,
    readonly nStarts: Int32Array,
    readonly nEnds: Int32Array,
  ) {}

  kind(i: number): TokenKind {
    return this.kinds[i] as TokenKind;
  }

  /** Start of token `i` in the original text. */
  start(i: number): number {
    return this.source.startOf(this.nStarts[i]!);
  }

  /** End of token `i` in the original text. */
  end(i: number): number {
    return this.source.endOf(this.nEnds[i]! - 1);
  }

  /** The normalised form of token `i`. */
  norm(i: number): string {
    return this.source.text.slice(this.nStarts[i], this.nEnds[i]);
  }

  /** Token `i` as written in the original text. */
  surface(i: number): string {
    return this.source.original.slice(this.start(i), this.end(i));
  }

  /** Whether token `i` is a word of letters (Arabic or other). */
  isWord(i: number): boolean {
    const k = this.kinds[i];
    return k === TokenKind.Word || k === TokenKind.Latin;
  }

  /** Number of words and numbers (what "words per second" counts). */
  wordCount(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.kinds[i] !== TokenKind.Punct) n++;
    return n;
  }

  /** Index of the first token that starts at or after original offset `offset`. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Splits a normalised text into tokens: Arabic words, other words, numbers and punctuation.
 * Whitespace separates tokens and is not a token.
 */
export function tokenize(source: NormalizedText): Tokens {
  const text = source.text;
  const n = text.length;
  let capacity = (n >>> 2) + 16;
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;

  const push = (kind: number, s: number, e: number) => {
    if (count === capacity) {
      capacity *= 2;
      const k = new Uint8Array(capacity);
      k.set(kinds);
      kinds = k;
      const a = new Int32Array(capacity);
      a.set(starts);
      starts = a;
      const b = new Int32Array(capacity);
      b.set(ends);
      ends = b;
    }
    kinds[count] = kind;
    starts[count] = s;
    ends[count] = e;
    count++;
  };

  let i = 0;
  while (i < n) {
    const u = text.charCodeAt(i);
    const c = CLASSES[u]!;
    if (c === C_SPACE) {
      i++;
      continue;
    }
    const s = i;
    if (c === C_ARABIC || (c === C_MARK && u === 0x0640)) {
      i++;
      while (i < n) {
        const cc = CLASSES[text.charCodeAt(i)]!;
        if (cc === C_ARABIC || cc === C_MARK) i++;
        else break;
      }
      push(TokenKind.Word, s, i);
    } else if (c === C_LETTER) {
      i++;
      while (i < n) {
        const cc = CLASSES[text.charCodeAt(i)]!;
        if (cc === C_LETTER || cc === C_MARK || cc === C_DIGIT) i++;
        else break;
      }
      push(TokenKind.Latin, s, i);
    } else if (c === C_DIGIT) {
      i++;
      while (i < n) {
        const uu = text.charCodeAt(i);
        const cc = CLASSES[uu]!;
        if (cc === C_DIGIT) i++;
        else if (
          (uu === 0x2e || uu === 0x2c || uu === 0x066b || uu === 0x066c) &&
          i + 1 < n &&
          CLASSES[text.charCodeAt(i + 1)] === C_DIGIT
        )
          i += 2;
        else break;
      }
      push(TokenKind.Number, s, i);
    } else if (isSentencePunct(u)) {
      i++;
      while (i < n && isSentencePunct(text.charCodeAt(i))) i++;
      push(TokenKind.Punct, s, i);
    } else {
      // A lone mark after a space, or any other symbol: one token per character.
      i++;
      if (u >= 0xd800 && u <= 0xdbff && i < n) i++;
      push(TokenKind.Punct, s, i);
    }
  }
  return new Tokens(source, count, kinds.subarray(0, count), starts.subarray(0, count), ends.subarray(0, count));
}
