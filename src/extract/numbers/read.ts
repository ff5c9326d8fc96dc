/**
 * Number reading: every number a document writes, in digits, in words or both, with its value.
 *
 * The reader walks the tokens once and returns {@link NumberMention}s, which the dates and
 * quantities extractors read (it is computed once per document and shared). It reads:
 * - digits in any script, separators by context (digits.ts), a sign ("-1200000"), a leading
 *   decimal mark (".77"), a fraction bar ("١١/١٠"), a decimal word ("1 فاصلة 1");
 * - number words: units, teens, tens, hundreds, scales, their case endings and duals, joined
 *   by و in any order ("مئة وواحد وعشرين" = 121, "واحد وعشرون ومئة" = 121), fractions
 *   ("مليون ونصف", "نصف مليون"), a clitic on the first word ("وثلاثة"), and the fused typo of
 *   a missing space before a scale ("اثني عشرألف");
 * - digits with scale words ("10 آلاف", "1.5 مليون", "3 ملايين و500 ألف");
 * - vague amounts with their range ("عشرات" 20-90, "عشرات الآلاف" 20000-90000, "بضعة آلاف");
 * - ordinals, as their own kind ("الخامس", "السابع والعشرين", "الحادي عشر").
 * What a number is used for (a figure, a day, a year, an identifier) is for the extractors to
 * decide: "2254" in "القرار 2254" is read here as the number it is. Digits inside a web or
 * mail address ("https://…/news-12", "%D8%B3", "info24@…") are no numbers of the text: the
 * reader skips every token of a run without spaces that is an address (see {@link addressTokens}).
 */
import type { AnalyzedText } from '../../text/analyze.js';
import type { Proclitic } from '../../text/clitics.js';
import { TokenKind } from '../../text/tokenize.js';
import { readDigits } from './digits.js';
import { numberLexicon, type NumberLexicon, type NumberWord } from './lexicon.js';
import { docWords, glued } from './word-index.js';

/** A number found in a document. */
export interface NumberMention {
  /** First token, and the token after the last. */
  readonly first: number;
  readonly end: number;
  /** Normalised characters of the first token before the number (a proclitic, or "ال" of "ال2020"). */
  readonly offset: number;
  readonly kind: 'cardinal' | 'ordinal' | 'vague' | 'fraction';
  /** The value; null for a vague amount. */
  readonly value: number | null;
  /** A vague amount's range ("عشرات" → 20..90); null otherwise. */
  readonly low: number | null;
  readonly high: number | null;
  readonly form: 'digits' | 'words' | 'mixed';
  /** Proclitics on the first word ("وثلاثة" → ["و"]; "بالمئات" → ["ب", "ال"]). */
  readonly proclitics: readonly Proclitic[];
  /** Written with the article: "الآلاف", "ال2020", "الـ15". */
  readonly definite: boolean;
  /** For a number that is one run of digits with no separator, sign or scale: its digits ("2254", "0612"). */
  readonly plainDigits: string | null;
  /** Written as a fraction with a bar ("٧٧/١٠٠"). */
  readonly slash: boolean;
}

const cache = new WeakMap<AnalyzedText, readonly NumberMention[]>();

/**
 * The numbers of a document, in reading order, not overlapping (computed once per document).
 *
 * @example
 * readNumbers(analyzeText('قتل مئة وواحد وعشرين شخصاً وأصيب 3'))
 * // [{ kind: 'cardinal', value: 121, form: 'words', … }, { kind: 'cardinal', value: 3, form: 'digits', … }]
 */
export function readNumbers(doc: AnalyzedText): readonly NumberMention[] {
  let found = cache.get(doc);
  if (!found) {
    found = new NumberReader(doc).readAll();
    cache.set(doc, found);
  }
  return found;
}

/**
 * The number mention that starts at each token (undefined elsewhere), for extractors that
 * walk tokens.
 *
 * @example
 * numbersByFirstToken(analyzeText('قتل 3 مدنيين')).get(1)?.value  // 3
 */
export function numbersByFirstToken(doc: AnalyzedText): NumbersAt {
  let at = byFirst.get(doc);
  if (!at) {
    at = new NumbersAt(doc.tokens.count, readNumbers(doc));
    byFirst.set(doc, at);
  }
  return at;
}
const byFirst = new WeakMap<AnalyzedText, NumbersAt>();

/** Number mentions by their first token, in an array (one lookup per token, no hashing). */
export class NumbersAt {
  private readonly index: Int32Array;

  constructor(
    count: number,
    private readonly mentions: readonly NumberMention[],
  ) {
    this.index = new Int32Array(count).fill(-1);
    mentions.forEach((m, k) => (this.index[m.first] = k));
  }

  get(token: number): NumberMention | undefined {
    const k = token >= 0 && token < this.index.length ? this.index[token]! : -1;
    return k >= 0 ? this.mentions[k] : undefined;
  }

  has(token: number): boolean {
    return token >= 0 && token < this.index.length && this.index[token]! >= 0;
  }
}

/** One element of a word number: a token's number word and how it joins the one before. */
interface Element {
  readonly word: NumberWord;
  /** Joined to the previous element by و (a clitic or a separate token). */
  readonly wa: boolean;
  readonly token: number;
  /** Token after this element. */
  readonly next: number;
  readonly proclitics: readonly Proclitic[];
  readonly offset: number;
}

interface Group {
  value: number;
  unit: boolean;
  teen: boolean;
  ten: boolean;
  hundred: boolean;
}

class NumberReader {
  private readonly words: string[];
  private readonly lex: NumberLexicon;
  private readonly kinds: Uint8Array;
  private readonly n: number;

  constructor(private readonly doc: AnalyzedText) {
    this.words = docWords(doc);
    this.lex = numberLexicon();
    this.kinds = doc.tokens.kinds;
    this.n = doc.tokens.count;
  }

  readAll(): NumberMention[] {
    const out: NumberMention[] = [];
    const address = addressTokens(this.doc);
    let i = 0;
    while (i < this.n) {
      if (address[i]) {
        i++;
        continue;
      }
      const k = this.kinds[i];
      const m = k === TokenKind.Number ? this.readDigitsAt(i) : k === TokenKind.Word ? this.readWordsAt(i) : null;
      if (m) {
        // A sign or a leading decimal mark may start a mention before `i`; never overlap the last one.
        if (out.length === 0 || m.first >= out[out.length - 1]!.end) out.push(m);
        i = Math.max(m.end, i + 1);
      } else i++;
    }
    return out;
  }

  // ── digits ────────────────────────────────────────────────────────────────────────────────

  private scaleAt(i: number): (NumberWord & { kind: 'scale' }) | null {
    if (i >= this.n || this.kinds[i] !== TokenKind.Word) return null;
    const m = this.lex.words.get(this.words[i]!);
    return (m?.find((w) => w.kind === 'scale') as (NumberWord & { kind: 'scale' }) | undefined) ?? null;
  }

  private isPunct(i: number, ch: string): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TokenKind.Punct && this.words[i] === ch;
  }

  private readDigitsAt(i: number): NumberMention | null {
    const doc = this.doc;
    const surface = doc.tokens.surface(i);
    const scaleNext = this.scaleAt(i + 1);
    let value = readDigits(surface, scaleNext !== null && scaleNext.form !== 'dual');
    if (value === null) return null;
    let first = i;
    const offset = 0;
    let end = i + 1;
    let plain = /^\d+$/.test(this.words[i]!);
    let slash = false;
    let definite = false;

    // "ال2020", "الـ15": the article written onto the digits.
    if (i > 0 && this.kinds[i - 1] === TokenKind.Word && glued(doc, i - 1) && this.words[i - 1]!.endsWith('ال') && this.words[i - 1]!.length <= 3) {
      definite = true;
    }
    // "-1200000": a sign glued to the digits, after a space (not a range "2015-2017").
    if (this.isPunct(i - 1, '-') && glued(doc, i - 1) && (i < 2 || !glued(doc, i - 2) || this.isPunct(i - 2, '('))) {
      if (!(i >= 2 && this.kinds[i - 2] === TokenKind.Number)) {
        value = -value;
        first = i - 1;
        plain = false;
      }
    }
    // ".77": a decimal mark before the digits, after a space.
    if (first === i && plain && this.isPunct(i - 1, '.') && glued(doc, i - 1) && (i < 2 || !glued(doc, i - 2))) {
      value = Number('0.' + this.words[i]);
      first = i - 1;
      plain = false;
    }
    // "١١/١٠": a fraction bar between two runs of digits (a date "15/12/2024" has two bars).
    if (
      this.isPunct(end, '/') &&
      glued(doc, end - 1) &&
      end + 1 < this.n &&
      this.kinds[end + 1] === TokenKind.Number &&
      glued(doc, end) &&
      !this.isPunct(end + 2, '/') &&
      !this.isPunct(first - 1, '/')
    ) {
      const denominator = readDigits(doc.tokens.surface(end + 1), false);
      if (denominator !== null && denominator !== 0) {
        value = (value as number) / denominator;
        end += 2;
        plain = false;
        slash = true;
      }
    }
    // "1 فاصلة 1"
    if (!slash && this.wordIs(end, 'decimal-point') && end + 1 < this.n && this.kinds[end + 1] === TokenKind.Number && /^\d+$/.test(this.words[end + 1]!)) {
      value = Number(`${Math.trunc(value as number)}.${this.words[end + 1]}`);
      end += 2;
      plain = false;
    }
    let form: NumberMention['form'] = 'digits';
    // "10 آلاف", "1.5 مليون", "3 ملايين و500 ألف", "مليون ونصف"
    if (!slash) {
      const scaled = this.continueWithScales(value as number, end);
      if (scaled.end > end) {
        value = scaled.value;
        end = scaled.end;
        form = 'mixed';
        plain = false;
      }
    }
    return {
      first,
      end,
      offset,
      kind: 'cardinal',
      value,
      low: null,
      high: null,
      form,
      proclitics: [],
      definite,
      plainDigits: plain ? this.words[i]! : null,
      slash,
    };
  }

  private wordIs(i: number, kind: NumberWord['kind']): boolean {
    if (i >= this.n || this.kinds[i] !== TokenKind.Word) return false;
    return this.lex.words.get(this.words[i]!)?.some((w) => w.kind === kind) ?? false;
  }

  /**
   * After a count at token `i`: scale words that multiply it, more counts joined by و with
   * smaller scales, and a fraction of the last scale ("مليون ونصف المليون").
   */
  private continueWithScales(count: number, i: number): { value: number; end: number } {
    let total = 0;
    let group = count;
    let lastScale = Infinity;
    let end = i;
    let j = i;
    for (;;) {
      const scale = this.scaleAt(j);
      if (scale && scale.form !== 'dual' && scale.value < lastScale && group > 0) {
        total += group * scale.value;
        group = 0;
        lastScale = scale.value;
        j++;
        end = j;
        // "مليون ونصف" / "مليون ونصف المليون"
        const frac = this.elementAt(j);
        if (frac && frac.wa && frac.word.kind === 'fraction') {
          total += frac.word.value * lastScale;
          j = frac.next;
          end = j;
          const again = j < this.n ? this.lex.words.get(this.words[j]!.replace(/^ال/, '')) : undefined;
          if (this.words[j]?.startsWith('ال') && again?.some((w) => w.kind === 'scale' && w.value === lastScale)) {
            j++;
            end = j;
          }
          break;
        }
        // "3 ملايين و500 ألف": و (alone or glued) then digits then a smaller scale
        let k = j;
        if (k < this.n && this.kinds[k] === TokenKind.Word && this.words[k] === 'و') k++;
        if (k > j && k < this.n && this.kinds[k] === TokenKind.Number) {
          const next = readDigits(this.doc.tokens.surface(k), true);
          const nextScale = this.scaleAt(k + 1);
          if (next !== null && nextScale && nextScale.value < lastScale) {
            group = next;
            j = k + 1;
            continue;
          }
        }
        break;
      }
      break;
    }
    return { value: total + group, end };
  }

  // ── words ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The number word(s) at token `i`, each with how it joins the element before it: one
   * element, or two for a fused typo ("عشرألف"). The reading taken is the first listed that
   * `accept` allows (cardinal readings come before vague ones in the lexicon).
   */
  private elementsAt(i: number, accept: (w: NumberWord) => boolean = notOrdinal): Element[] | null {
    if (i >= this.n) return null;
    let token = i;
    let wa = false;
    // A separate "و": "واحدة و عشرون"
    if (this.kinds[i] === TokenKind.Word && this.words[i] === 'و') {
      wa = true;
      token = i + 1;
      if (token >= this.n) return null;
    }
    if (this.kinds[token] !== TokenKind.Word) return null;
    const match = this.lex.words.match(this.words[token]!);
    if (!match) {
      const fused = wa ? null : this.splitFused(this.words[token]!);
      if (!fused || !accept(fused.head)) return null;
      return [
        { word: fused.head, wa, token, next: token + 1, proclitics: [], offset: 0 },
        { word: fused.scale, wa: false, token, next: token + 1, proclitics: [], offset: 0 },
      ];
    }
    // "وعشرين": a و glued to the word joins it like a separate one.
    if (match.proclitics[0] === 'و') wa = true;
    const word = match.values.find(accept);
    if (!word) return null;
    return [{ word, wa, token, next: token + 1, proclitics: match.proclitics, offset: match.offset }];
  }

  /** The single number element at token `i` (not a fused pair). */
  private elementAt(i: number, accept: (w: NumberWord) => boolean = notOrdinal): Element | null {
    const els = this.elementsAt(i, accept);
    return els && els.length === 1 ? els[0]! : null;
  }

  private readWordsAt(i: number): NumberMention | null {
    const raw = this.words[i]!;
    const match = this.lex.words.match(raw);
    if (!match) {
      // "عشرألف" at the start of a number
      const fused = this.splitFused(raw);
      return fused ? this.readCardinalWords(i, [], 0) : null;
    }
    // "الآلاف", "بالمئات", "الأول": written with the article. An exact form is definite when
    // the lexicon also has it without "ال" ("الاف" is آلاف, not ال + اف).
    const form = raw.slice(match.offset);
    const definite = match.proclitics.includes('ال') || (form.startsWith('ال') && this.lex.words.has(form.slice(2)));
    const values = match.values;
    const ordinal = values.find((v) => v.kind === 'ordinal');
    const vague = values.find((v) => v.kind === 'vague' || v.kind === 'few');
    const cardinal = values.find((v) => v.kind !== 'ordinal' && v.kind !== 'vague' && v.kind !== 'few');

    if (vague) {
      const m = this.readVague(i, vague, match.proclitics, match.offset, definite);
      if (m) return m;
    }
    if (cardinal && !definite) {
      const m = this.readCardinalWords(i, match.proclitics, match.offset);
      if (m) return m;
    }
    if (ordinal) return this.readOrdinal(i, ordinal as NumberWord & { kind: 'ordinal' }, match.proclitics, match.offset);
    return null;
  }

  /**
   * "عشرألف" (a space lost between two number words): the word ends with a scale form and
   * what comes before it is a number word.
   */
  private splitFused(word: string): { head: NumberWord; scale: NumberWord } | null {
    if (word.length < 5 || !this.lex.scaleEndings.has(word.slice(-2))) return null;
    for (const s of this.lex.scaleForms) {
      if (word.length <= s.length + 1 || !word.endsWith(s)) continue;
      const head = this.lex.words.get(word.slice(0, -s.length))?.find((w) => w.kind === 'cardinal');
      const scale = this.lex.words.get(s)?.find((w) => w.kind === 'scale');
      if (head && scale) return { head, scale };
    }
    return null;
  }

  private readVague(
    i: number,
    word: NumberWord,
    proclitics: readonly Proclitic[],
    offset: number,
    definite: boolean,
  ): NumberMention | null {
    let low: number;
    let high: number;
    let power: number;
    if (word.kind === 'vague') {
      low = word.low * word.power;
      high = word.high * word.power;
      power = word.power;
    } else if (word.kind === 'few') {
      low = word.low;
      high = word.high;
      power = 1;
    } else return null;
    let end = i + 1;
    // "عشرات الآلاف", "مئات الآلاف", "عشرات آلاف", "بضعة آلاف", "عدة ملايين"
    for (;;) {
      if (end >= this.n || this.kinds[end] !== TokenKind.Word) break;
      const next = this.lex.words.get(this.words[end]!);
      const v = next?.find((w) => w.kind === 'vague' || (w.kind === 'scale' && w.form === 'plural'));
      const nextPower = v ? (v.kind === 'vague' ? v.power : (v as { value: number }).value) : 0;
      if (!v || nextPower <= power || (power > 1 && nextPower < 1000)) break;
      low *= nextPower;
      high *= nextPower;
      power *= nextPower;
      end++;
    }
    if (word.kind === 'few' && !word.alone && end === i + 1) return null;
    return {
      first: i,
      end,
      offset,
      kind: 'vague',
      value: null,
      low,
      high,
      form: 'words',
      proclitics,
      definite,
      plainDigits: null,
      slash: false,
    };
  }

  /**
   * A number in words from token `i`: its elements are added into groups below a thousand
   * (units, teens, tens, hundreds, each slot filled once) and multiplied by scales, which must
   * come in decreasing order. Any element that does not fit ends the number before it, so
   * "ست نساء وأربعة عشر طفلاً" reads as 6 and 14.
   */
  private readCardinalWords(i: number, proclitics: readonly Proclitic[], offset: number): NumberMention | null {
    let total = 0;
    const group: Group = { value: 0, unit: false, teen: false, ten: false, hundred: false };
    let lastScale = Infinity;
    let end = i;
    let prev: NumberWord | null = null;
    let pendingTeen = false;
    let fraction = false;
    const queue: Element[] = [];
    let pos = i;
    for (;;) {
      if (queue.length === 0) {
        const els = this.elementsAt(pos);
        if (!els) break;
        // Only و joins the parts of a number; a preposition on a later word starts something else.
        if (pos > i && els[0]!.proclitics.some((p) => p !== 'و')) break;
        if (pos === i && els[0]!.token !== i) break; // a number does not start at a lone "و"
        queue.push(...els);
      }
      const el = queue.shift()!;
      const w = el.word;
      const wa = pos > i && el.wa;
      let ok = false;
      let stop = false;
      if (w.kind === 'cardinal') {
        switch (w.role) {
          case 'unit':
            ok = !group.unit && !group.teen && (prev === null || wa) && !pendingTeen;
            if (ok) {
              group.value += w.value;
              group.unit = true;
            }
            break;
          case 'teen-unit':
            // "اثنا", "أحد", "إحدى" stand only before عشر/عشرة (checked when the number ends)
            ok = !group.unit && !group.teen && (prev === null || wa);
            if (ok) {
              group.value += w.value;
              group.unit = true;
              pendingTeen = true;
            }
            break;
          case 'ten':
            if (prev && !wa && prev.kind === 'cardinal' && (prev.role === 'unit' || prev.role === 'teen-unit') && !group.ten && !group.teen) {
              // "ثلاثة عشر", "اثني عشر": a teen
              group.value += 10;
              group.teen = true;
              pendingTeen = false;
              ok = true;
            } else if ((prev === null || wa) && !group.unit && !group.ten && !group.teen && !pendingTeen) {
              // "عشرة" alone, "مئة وعشرة"
              group.value += 10;
              group.teen = true;
              ok = true;
            }
            break;
          case 'tens':
            ok = !group.ten && !group.teen && (prev === null || wa) && !pendingTeen;
            if (ok) {
              group.value += w.value;
              group.ten = true;
            }
            break;
          case 'hundred':
            if (w.value === 100 && prev && !wa && prev.kind === 'cardinal' && prev.role === 'unit' && !group.ten && !group.teen && !group.hundred) {
              // "ثلاث مئة": a unit times a hundred
              group.value *= 100;
              group.unit = false;
              group.hundred = true;
              ok = true;
            } else if (!group.hundred && (prev === null || wa) && !pendingTeen) {
              group.value += w.value;
              group.hundred = true;
              ok = true;
            }
            break;
        }
      } else if (w.kind === 'scale') {
        if (w.form === 'dual') {
          // "ألفين", "مليونان": two of the scale, standing for their count
          ok = group.value === 0 && (prev === null || wa) && w.value < lastScale && !pendingTeen;
          if (ok) {
            total += 2 * w.value;
            lastScale = w.value;
          }
        } else if (w.form === 'plural') {
          // "ثلاثة آلاف": a plural scale follows its count directly
          ok = !wa && group.value > 0 && w.value < lastScale && !pendingTeen;
          if (ok) {
            total += group.value * w.value;
            lastScale = w.value;
            resetGroup(group);
          }
        } else if (!pendingTeen) {
          // "ألف", "اثني عشر ألفاً", "مئة ألف", "مليون وألف"
          const count = group.value > 0 ? group.value : prev === null || wa ? 1 : 0;
          ok = count > 0 && w.value < lastScale && (group.value === 0 ? prev === null || wa : !wa);
          if (ok) {
            total += count * w.value;
            lastScale = w.value;
            resetGroup(group);
          }
        }
        if (ok) {
          // "مليون ونصف", "مليون ونصف المليون"
          const frac = queue.length === 0 ? this.elementAt(el.next) : null;
          if (frac && frac.wa && frac.word.kind === 'fraction') {
            total += frac.word.value * lastScale;
            end = frac.next;
            const article = this.words[end];
            if (article?.startsWith('ال') && this.lex.words.get(article.slice(2))?.some((x) => x.kind === 'scale' && x.value === lastScale)) end++;
            prev = frac.word;
            stop = true;
          }
        }
      } else if (w.kind === 'fraction') {
        if (prev === null) {
          // "نصف مليون": the fraction counts the scale after it
          group.value = w.value;
          fraction = true;
          ok = true;
        } else if (wa && group.value >= 1 && Number.isInteger(group.value) && lastScale === Infinity && !pendingTeen) {
          // "ثلاثة ونصف"
          group.value += w.value;
          ok = true;
        }
      } else if (w.kind === 'decimal-point') {
        // "واحد فاصلة خمسة"
        if (prev !== null && !wa && lastScale === Infinity && !pendingTeen && Number.isInteger(group.value)) {
          const decimals = this.readCardinalWordsAfter(el.next);
          if (decimals) {
            group.value += decimals.value / 10 ** String(decimals.value).length;
            end = decimals.end;
            prev = w;
            stop = true;
          }
        }
      }
      if (stop) break;
      if (!ok) break;
      prev = w;
      end = el.next;
      if (queue.length === 0) pos = el.next;
    }
    if (pendingTeen || end === i) return null;
    const value = total + group.value;
    const kind = fraction && value < 1 ? 'fraction' : 'cardinal';
    // A fraction on its own ("نصف السكان") is a share, not a count: kind 'fraction'.
    return { first: i, end, offset, kind, value, low: null, high: null, form: 'words', proclitics, definite: false, plainDigits: null, slash: false };
  }

  /** A plain word number right at token `i` (the decimals of "واحد فاصلة خمسة"). */
  private readCardinalWordsAfter(i: number): { value: number; end: number } | null {
    if (i >= this.n) return null;
    if (this.kinds[i] === TokenKind.Number && /^\d+$/.test(this.words[i]!)) return { value: Number(this.words[i]), end: i + 1 };
    const match = this.lex.words.get(this.words[i]!);
    const first = match?.find((w) => w.kind === 'cardinal');
    if (!first) return null;
    const m = this.readCardinalWords(i, [], 0);
    return m && m.value !== null && Number.isInteger(m.value) ? { value: m.value, end: m.end } : null;
  }

  private readOrdinal(
    i: number,
    word: NumberWord & { kind: 'ordinal' },
    proclitics: readonly Proclitic[],
    offset: number,
  ): NumberMention | null {
    let value = word.value;
    let end = i + 1;
    const next = this.elementAt(end, () => true);
    if (word.role !== 'tens' && next) {
      const w = next.word;
      if (!next.wa && w.kind === 'cardinal' && w.role === 'ten' && value < 10) {
        // "الحادي عشر", "الثالثة عشرة"
        value += 10;
        end = next.next;
      } else if (next.wa && w.kind === 'ordinal' && w.role === 'tens' && value < 10) {
        // "السابع والعشرين", "الواحد و الثلاثون"
        value += w.value;
        end = next.next;
      } else if (word.role === 'compound') return null;
    } else if (word.role === 'compound') return null;
    return {
      first: i,
      end,
      offset,
      kind: 'ordinal',
      value,
      low: null,
      high: null,
      form: 'words',
      proclitics,
      definite: proclitics.includes('ال') || this.words[i]!.startsWith('ال'),
      plainDigits: null,
      slash: false,
    };
  }
}

const notOrdinal = (w: NumberWord) => w.kind !== 'ordinal';

/** Two percent-codes ("%D8%B3"), a scheme ("https://"), "www." or a mail address. */
const PERCENT_CODE = /%[0-9a-f]{2}/giu;
const ADDRESS = /:\/\/|^www\.|[a-z0-9]@[a-z0-9]/iu;

/**
 * Marks the tokens of every web or mail address: a run of tokens with no space between them
 * whose text has a scheme ("https://"), starts with "www.", holds a mail address or two
 * percent-codes ("%D8%B3"). Linear in the length of the text.
 *
 * @example
 * addressTokens(analyzeText('المصدر https://example.com/%D8%B3/news-12 أمس'))  // 1 for each token of the address
 */
export function addressTokens(doc: AnalyzedText): Uint8Array {
  let mask = addresses.get(doc);
  if (!mask) {
    mask = findAddresses(doc);
    addresses.set(doc, mask);
  }
  return mask;
}
const addresses = new WeakMap<AnalyzedText, Uint8Array>();

function findAddresses(doc: AnalyzedText): Uint8Array {
  const t = doc.tokens;
  const n = t.count;
  const mask = new Uint8Array(n);
  const text = doc.normalized.text;
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && t.nEnds[e - 1] === t.nStarts[e]) e++;
    // a run of one word or one number is no address; only runs with punctuation are checked
    if (e - s > 2) {
      const chunk = text.slice(t.nStarts[s], t.nEnds[e - 1]);
      PERCENT_CODE.lastIndex = 0;
      const codes = chunk.match(PERCENT_CODE)?.length ?? 0;
      if (codes >= 2 || ADDRESS.test(chunk)) mask.fill(1, s, e);
    }
    s = e;
  }
  return mask;
}

function resetGroup(g: Group): void {
  g.value = 0;
  g.unit = false;
  g.teen = false;
  g.ten = false;
  g.hundred = false;
}
