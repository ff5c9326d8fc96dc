/**
 * Lexicon lookup over tokens, for the figures-and-dates layer (numbers, dates, quantities).
 *
 * A {@link WordIndex} maps normalised word forms to lexicon entries and finds a token's entry
 * whether or not a proclitic is fused to it ("وثلاثة", "لعام", "بالمئات"). Proclitics are taken
 * off by the text layer's {@link analyzeClitics}, never here: this module only decides, with a
 * cheap suffix test, when asking the analyser is worth it (most words of a text are in no
 * number or date lexicon, and the layer must read hundreds of thousands of words a second).
 *
 * A {@link PhraseIndex} finds multi-word entries ("تشرين الثاني", "ما لا يقل عن",
 * "كيلومتر مربع") at a token: longest phrase first, a clitic allowed on its first word only.
 */
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics, type Proclitic } from '../../text/clitics.js';
import { normalize, normalizeForm } from '../../text/normalize.js';
import { tokenize } from '../../text/tokenize.js';

/** A token found in an index. */
export interface WordMatch<T> {
  /** Every entry listed under the matched form. */
  readonly values: readonly T[];
  /** The proclitics taken off the token ([] when the token is the form itself). */
  readonly proclitics: readonly Proclitic[];
  /** Normalised characters of the token before the matched form ("وثلاثة" → 1). */
  readonly offset: number;
}

/** What a clitic reading is compared with: the form with its article ("الآلاف"), or without ("معتقلين"). */
export type MatchBy = 'lookup' | 'stem';

const CLITIC_START = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س', 'ا']);
const NO_CLITICS: readonly Proclitic[] = [];

/**
 * Normalised forms of a lexicon, each with its entries.
 *
 * @example
 * const index = new WordIndex<number>();
 * index.add('ثلاثة', 3);
 * index.match('وثلاثة')  // { values: [3], proclitics: ['و'], offset: 1 }
 */
export class WordIndex<T> {
  private readonly forms = new Map<string, T[]>();
  /**
   * The last three letters of every form (the whole form when shorter): a word can only carry
   * a clitic before a form if it ends the same way, which rules out most words in one lookup.
   */
  private readonly endings = new Set<number>();
  private readonly shortEndings = new Set<number>();

  /** Adds an entry under a form written in any spelling (it is normalised here). */
  add(form: string, value: T): void {
    const key = normalizeForm(form.trim());
    if (key.length >= 3) this.endings.add(tailCode(key, 3));
    else this.shortEndings.add(tailCode(key, key.length));
    const list = this.forms.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else this.forms.set(key, [value]);
  }

  /** The entries of an exact normalised form. */
  get(form: string): readonly T[] | undefined {
    return this.forms.get(form);
  }

  has(form: string): boolean {
    return this.forms.has(form);
  }

  /**
   * The entries of a normalised token: the token itself first, else the clitic reading with the
   * fewest proclitics whose form (`lookup`, or `stem` for lexicons listed without the article)
   * is in the index. Null when nothing matches.
   */
  match(word: string, by: MatchBy = 'lookup'): WordMatch<T> | null {
    const direct = this.forms.get(word);
    if (direct) return { values: direct, proclitics: NO_CLITICS, offset: 0 };
    if (word.length < 3 || !CLITIC_START.has(word[0]!) || !this.mayHaveClitic(word)) return null;
    for (const reading of analyzeClitics(word)) {
      if (reading.proclitics.length === 0) continue;
      const key = by === 'lookup' ? reading.lookup : reading.stem;
      const values = this.forms.get(key);
      if (values) {
        const offset = by === 'lookup' ? reading.offset : word.length - reading.stem.length;
        return { values, proclitics: reading.proclitics, offset };
      }
    }
    return null;
  }

  /** Whether some suffix of the word left by up to four proclitic letters is a form here. */
  private mayHaveClitic(word: string): boolean {
    if (!this.endings.has(tailCode(word, 3)) && !(this.shortEndings.size > 0 && (this.shortEndings.has(tailCode(word, 2)) || this.shortEndings.has(tailCode(word, 1))))) {
      return false;
    }
    const max = Math.min(4, word.length - 2);
    for (let k = 1; k <= max; k++) {
      const rest = word.slice(k);
      if (this.forms.has(rest)) return true;
      // "للتحالف": ل + (ا)ل + stem, whose lookup form is "ال" + what follows the first ل
      if (word[k - 1] === 'ل' && this.forms.has('ال' + rest)) return true;
    }
    return false;
  }
}

/** The last `k` (1-3) UTF-16 units of a word as one number, with its length: a key without a substring. */
function tailCode(word: string, k: number): number {
  const n = word.length;
  let code = k;
  for (let i = Math.max(0, n - k); i < n; i++) code = code * 65536 + word.charCodeAt(i);
  return code;
}

/** A phrase found at a token. */
export interface PhraseMatch<T> {
  readonly value: T;
  /** The token after the phrase. */
  readonly end: number;
  readonly proclitics: readonly Proclitic[];
  /** Normalised characters of the first token before the phrase (its clitics). */
  readonly offset: number;
}

interface Phrase<T> {
  readonly rest: readonly string[];
  readonly value: T;
}

/**
 * Multi-word lexicon entries, found at a token by their first word (clitics allowed on it)
 * and then token by token. Phrases are split into tokens by the tokenizer, so "كم2" and
 * "ل.س" match however they are spaced.
 *
 * @example
 * const units = new PhraseIndex<string>();
 * units.add('كيلومتر مربع', 'km2');
 * units.matchAt(words, kinds, 5)  // { value: 'km2', end: 7, … } when tokens 5-6 are "كيلومتر مربع"
 */
export class PhraseIndex<T> {
  private readonly first = new WordIndex<Phrase<T>>();
  private longest = 1;

  /** Adds a phrase written in any spelling. */
  add(form: string, value: T): void {
    const words = phraseTokens(form);
    if (words.length === 0) throw new Error(`empty phrase: "${form}"`);
    const phrase: Phrase<T> = { rest: words.slice(1), value };
    this.first.add(words[0]!, phrase);
    this.longest = Math.max(this.longest, words.length);
    // Keep each first word's phrases longest first, so the first match is the longest.
    const list = this.first.get(words[0]!) as Phrase<T>[];
    list.sort((a, b) => b.rest.length - a.rest.length);
  }

  /** Whether a normalised word starts a phrase (without clitics). */
  startsWith(word: string): boolean {
    return this.first.has(word);
  }

  /**
   * The longest phrase starting at token `i` of `words` (normalised token texts), ending
   * before `limit`; null when none does.
   */
  matchAt(words: readonly string[], i: number, limit = words.length, by: MatchBy = 'lookup'): PhraseMatch<T> | null {
    if (i < 0 || i >= limit) return null;
    const head = this.first.match(words[i]!, by);
    if (!head) return null;
    for (const phrase of head.values) {
      const end = i + 1 + phrase.rest.length;
      if (end > limit) continue;
      let ok = true;
      for (let k = 0; k < phrase.rest.length; k++) {
        if (words[i + 1 + k] !== phrase.rest[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { value: phrase.value, end, proclitics: head.proclitics, offset: head.offset };
    }
    return null;
  }
}

/** The normalised tokens of a lexicon phrase: `phraseTokens('كم²')` is `['كم', '²']`. */
export function phraseTokens(form: string): string[] {
  const tokens = tokenize(normalize(form.trim()));
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(tokens.norm(i));
  return out;
}

const wordCache = new WeakMap<AnalyzedText, string[]>();

/**
 * The normalised text of every token of a document, computed once and shared by the
 * extractors of this layer.
 *
 * @example
 * docWords(analyzeText('قتل ٣ مدنيين'))  // ['قتل', '3', 'مدنيين']
 */
export function docWords(doc: AnalyzedText): string[] {
  let words = wordCache.get(doc);
  if (!words) {
    const t = doc.tokens;
    const text = t.source.text;
    words = new Array<string>(t.count);
    for (let i = 0; i < t.count; i++) words[i] = text.slice(t.nStarts[i], t.nEnds[i]);
    wordCache.set(doc, words);
  }
  return words;
}

/** Whether tokens `i` and `i + 1` touch (no space between them): true at "ال" in "ال2020", false in "ال 2020". */
export function glued(doc: AnalyzedText, i: number): boolean {
  return doc.tokens.nEnds[i] === doc.tokens.nStarts[i + 1];
}

/**
 * The record-text span of tokens `[first, end)`, skipping `offset` normalised characters of the
 * first token (a proclitic).
 *
 * @example
 * tokenSpan(doc, 3, 5, 1)  // { start, end, text: 'ثلاثة آلاف' } for "وثلاثة آلاف"
 */
export function tokenSpan(doc: AnalyzedText, first: number, end: number, offset = 0): { start: number; end: number; text: string } {
  const t = doc.tokens;
  const startN = t.nStarts[first]! + offset;
  const start = offset > 0 && startN < t.nEnds[first]! ? t.source.startOf(startN) : t.start(first);
  const stop = t.end(end - 1);
  return { start, end: stop, text: doc.text.slice(start, stop) };
}
