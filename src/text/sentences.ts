/**
 * Sentence splitter.
 *
 * A sentence ends at ". ? ! ;" (Arabic "؟ ؛" are folded to these by normalisation), at "..."
 * and "…", and at every line break. It does not end:
 * - inside a number: "1.5", "7,700,000", "٣٫٥" are one number token already;
 * - after an abbreviation or an initial: "د. أحمد", "U.S. forces", "ق.م.";
 * - at a stop glued to a Latin letter or digit: "www.example.com", "v2.0";
 * - inside a quotation closed on the same line: «قال: «لن نتراجع. سنواصل» وأضاف» is one sentence.
 *   A quotation left open at the end of its line (one that runs over several paragraphs) does
 *   not hold the line together: that line is split as if it had no quotes. Straight quotes (")
 *   open and close alike, so they are paired sentence by sentence: a quotation runs over a stop
 *   only into the next sentence, when each holds an odd number of them ("لن نتراجع. سنواصل"), or
 *   ends right after its own stop with the sentence going on ("انتهى الأمر." ثم صمت); a stray
 *   quote does not swallow the sentences after it.
 * Closing quotes and brackets after the stop belong to the sentence that ends.
 */
import { z } from 'zod';
import { loadResource } from '../lexicon/resources.js';
import { TokenKind, type Tokens } from './tokenize.js';

const AbbreviationsSchema = z.object({
  description: z.string(),
  abbreviations: z.array(z.string().min(1)),
});

let abbreviationSet: Set<string> | undefined;
function abbreviations(): Set<string> {
  abbreviationSet ??= new Set(loadResource('ar/abbreviations.json', AbbreviationsSchema).abbreviations.map((a) => a.toLowerCase()));
  return abbreviationSet;
}

/** A sentence: original offsets and the range of its tokens `[firstToken, endToken)`. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  readonly endToken: number;
}

const OPENERS = new Set([0xab /* « */, 0x201c /* “ */, 0x201e /* „ */, 0x2039, 0x28 /* ( */, 0x5b /* [ */]);
const CLOSERS = new Set([0xbb /* » */, 0x201d /* ” */, 0x203a, 0x29 /* ) */, 0x5d /* ] */]);
const STRAIGHT = new Set([0x22 /* " */]);

function isLatinOrNumber(k: number): boolean {
  return k === TokenKind.Latin || k === TokenKind.Number;
}

/**
 * Splits tokenized text into sentences.
 *
 * @example
 * splitSentences(tokenize(normalize('قتل 1.5 شخص. ونزح الآلاف')))
 * // two sentences: "قتل 1.5 شخص." and "ونزح الآلاف"
 */
export function splitSentences(tokens: Tokens): Sentence[] {
  const norm = tokens.source.text;
  const original = tokens.source.original;
  const abbr = abbreviations();
  const sentences: Sentence[] = [];
  const n = tokens.count;

  // Lines are token ranges: a line break in the gap before a token starts a new line.
  let lineStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || gapHasLineBreak(i)) {
      splitLine(lineStart, i);
      lineStart = i;
    }
  }
  return sentences;

  function gapHasLineBreak(i: number): boolean {
    for (let k = tokens.nEnds[i - 1]!, e = tokens.nStarts[i]!; k < e; k++) {
      if (norm.charCodeAt(k) === 0x0a) return true;
    }
    return false;
  }

  /** How a punctuation token changes quotation depth: +1 opens, -1 closes, 'toggle' for ". */
  function quoteEffect(i: number): 1 | -1 | 0 | 'toggle' {
    const u = original.charCodeAt(tokens.start(i));
    if (OPENERS.has(u)) return 1;
    if (CLOSERS.has(u)) return -1;
    if (STRAIGHT.has(u)) return 'toggle';
    return 0;
  }

  function isBoundary(i: number): boolean {
    if (tokens.kinds[i] !== TokenKind.Punct) return false;
    const p = norm.charCodeAt(tokens.nStarts[i]!);
    if (p === 0x3f || p === 0x21 || p === 0x3b) return true; // ? ! ;
    if (p !== 0x2e) return false;
    const isRun = tokens.nEnds[i]! - tokens.nStarts[i]! > 1; // "..." always ends
    if (isRun) return true;
    // "." glued to the word before it: an initial or an abbreviation does not end.
    if (i > 0 && tokens.nEnds[i - 1] === tokens.nStarts[i] && tokens.isWord(i - 1)) {
      const word = tokens.norm(i - 1);
      if (word.length === 1) return false;
      // dotted abbreviations: "ق.م." → look back over "letter ." pairs
      let j = i - 1;
      let dotted = word;
      while (j >= 2 && tokens.nEnds[j - 1] === tokens.nStarts[j] && norm[tokens.nStarts[j - 1]!] === '.' && tokens.nEnds[j - 2] === tokens.nStarts[j - 1]) {
        dotted = tokens.norm(j - 2) + '.' + dotted;
        j -= 2;
      }
      if (abbr.has(word.toLowerCase()) || abbr.has(dotted.toLowerCase())) return false;
    }
    // "." glued to a Latin word or a number after it: a URL, a version, an e-mail.
    if (i + 1 < n && tokens.nEnds[i] === tokens.nStarts[i + 1] && isLatinOrNumber(tokens.kinds[i + 1]!)) {
      if (i > 0 && tokens.nEnds[i - 1] === tokens.nStarts[i] && isLatinOrNumber(tokens.kinds[i - 1]!)) return false;
    }
    return true;
  }

  function splitLine(from: number, to: number): void {
    // First decide whether the line's bracketing quotations are balanced.
    let depth = 0;
    for (let i = from; i < to; i++) {
      if (tokens.kinds[i] !== TokenKind.Punct) continue;
      const effect = quoteEffect(i);
      if (effect !== 'toggle') depth = Math.max(0, depth + effect);
    }
    const honourQuotes = depth === 0;
    const { stops, joined } = quotedAcrossStops(from, to);

    depth = 0;
    let sentenceStart = from;
    for (let i = from; i < to; i++) {
      if (tokens.kinds[i] !== TokenKind.Punct) continue;
      if (honourQuotes) {
        const effect = quoteEffect(i);
        if (effect !== 'toggle') depth = Math.max(0, depth + effect);
        if (depth > 0) continue;
      }
      if (!stops.has(i) || joined.has(i)) continue;
      const last = closingAfter(i, to);
      emit(sentenceStart, last + 1);
      sentenceStart = last + 1;
      i = last;
    }
    if (sentenceStart < to) emit(sentenceStart, to);
  }

  /** The last token of a sentence whose stop is at `i`: closing quotes and brackets right after the stop end with it. */
  function closingAfter(i: number, to: number): number {
    let last = i;
    while (last + 1 < to && tokens.kinds[last + 1] === TokenKind.Punct) {
      const u = original.charCodeAt(tokens.start(last + 1));
      if (CLOSERS.has(u) || STRAIGHT.has(u) || u === 0x2019 || u === 0x27) last++;
      else break;
    }
    return last;
  }

  /**
   * The line's stops (each token `isBoundary` holds, found once here for the line), and those a
   * straight quotation runs across ("قال: "لن نتراجع. سنواصل" وأضاف"): the line is cut at its
   * stops, and a piece with an odd number of straight quotes joins the next one when that one's
   * number is odd too (the quote opened in one closes in the other). A piece whose quotes are
   * even keeps to itself, so a stray quote in one sentence does not swallow the sentences after
   * it. (The quotes and brackets closing a stop are never stops themselves.)
   */
  function quotedAcrossStops(from: number, to: number): { stops: Set<number>; joined: Set<number> } {
    const all = new Set<number>();
    const stops: number[] = [];
    const counts: number[] = [];
    const joined = new Set<number>();
    let count = 0;
    for (let i = from; i < to; i++) {
      if (tokens.kinds[i] !== TokenKind.Punct) continue;
      if (quoteEffect(i) === 'toggle') count++;
      if (!isBoundary(i)) continue;
      all.add(i);
      const last = closingAfter(i, to);
      let closing = 0;
      for (let k = i + 1; k <= last; k++) if (quoteEffect(k) === 'toggle') closing++;
      // "وقال: "انتهى الأمر." ثم صمت": the stop of a quotation that closes right after it, with
      // the sentence going on, is the quotation's own.
      if (count % 2 === 1 && closing % 2 === 1 && last + 1 < to) {
        joined.add(i);
        count += closing;
        i = last;
        continue;
      }
      count += closing;
      stops.push(i);
      counts.push(count);
      count = 0;
      i = last;
    }
    counts.push(count);
    for (let k = 0; k < stops.length; k++) {
      if (counts[k]! % 2 === 1 && counts[k + 1]! % 2 === 1) {
        joined.add(stops[k]!);
        k++;
      }
    }
    return { stops: all, joined };
  }

  function emit(first: number, end: number): void {
    if (end <= first) return;
    sentences.push({ start: tokens.start(first), end: tokens.end(end - 1), firstToken: first, endToken: end });
  }
}
