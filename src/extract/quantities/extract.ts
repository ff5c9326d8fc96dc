/**
 * The quantities extractor: the figures of an article ("حوالي اثني عشر ألف مرتزق", "أكثر من
 * $20,000,000,000", "عشرات المدنيين"), each with its qualifier, range, unit, counted noun and
 * category (contract.md, `Quantity`).
 *
 * It reads the numbers of the numbers layer and keeps those that count something. Not figures:
 * numbers a date took (days, years), identifiers ("القرار 2254", "المادة 8", "(2254)"), codes
 * ("F-16", "كوفيد-19"), phone numbers, times of day ("الساعة 6"), durations ("خمس سنوات", "24
 * ساعة"), multiples ("ثلاث مرات"), ordinals, bare fractions ("نصف السكان"), a lone "واحد", digits
 * with the article ("الـ45"), and a four-digit number that is more likely a year ("2019") unless
 * people or a unit follow it ("2000 مقاتل", "1500 دولار").
 *
 * The category comes from, in order: the unit (money, area, countries); the nearest cue of what
 * happened to what is counted — before the figure ("مقتل عشرات"), the counted noun itself
 * ("1,500,000 مشرد") or after it ("10 آلاف من عناصر التنظيم، لا يزالوا رهن الاحتجاز"); a cue
 * of who is counted ("خمسة آلاف مرتزق" → fighters); else "other".
 */
import type { AnalyzedText } from '../../text/analyze.js';
import { TokenKind } from '../../text/tokenize.js';
import { dateLexicon } from '../dates/lexicon.js';
import { numbersByFirstToken, readNumbers, type NumberMention } from '../numbers/read.js';
import { docWords, glued, tokenSpan } from '../numbers/word-index.js';
import type { DateMention, Quantity } from '../record.js';
import type { Extractor } from '../types.js';
import { quantityLexicon, type CategoryCue, type QuantityCategory, type QuantityLexicon, type QuantityQualifier, type UnitEntry } from './lexicon.js';

/** How far before a figure a cue may stand (words, within the clause). */
const CUE_BEFORE = 3;
/** How far after a figure (and its counted noun) a cue may stand (tokens, within the sentence). */
const CUE_AFTER = 8;
const PERSON: UnitEntry = { unit: 'person', category: null };

/**
 * Finds the figures of a document, leaving out numbers inside the given dates.
 *
 * @example
 * findQuantities(analyzeText('قتل أكثر من 40 مدنياً'), [])[0]
 * // { text: 'أكثر من 40 مدنياً', value: 40, qualifier: 'more_than', unit: 'person', counted: 'مدنياً', category: 'killed', … }
 */
export function findQuantities(doc: AnalyzedText, dates: readonly DateMention[]): Quantity[] {
  return new QuantityReader(doc, dates).readAll();
}

/** The quantities extractor; it runs after the dates extractor, whose numbers it leaves alone. */
export const quantitiesExtractor: Extractor = {
  name: 'ar/quantities',
  produces: ['quantities'],
  extract({ doc }, sofar) {
    return { quantities: findQuantities(doc, sofar.dates) };
  },
};

class QuantityReader {
  private readonly words: string[];
  private readonly kinds: Uint8Array;
  private readonly n: number;
  private readonly lex: QuantityLexicon;
  private readonly numbers: readonly NumberMention[];
  /** Tokens inside a date. */
  private readonly inDate: Uint8Array;
  private readonly sentenceOf: Int32Array;

  constructor(
    private readonly doc: AnalyzedText,
    dates: readonly DateMention[],
  ) {
    this.words = docWords(doc);
    this.kinds = doc.tokens.kinds;
    this.n = doc.tokens.count;
    this.lex = quantityLexicon();
    this.numbers = readNumbers(doc);
    this.inDate = new Uint8Array(this.n);
    for (const d of dates) {
      for (let i = doc.tokens.indexAt(d.start); i < this.n && doc.tokens.start(i) < d.end; i++) this.inDate[i] = 1;
    }
    this.sentenceOf = new Int32Array(this.n);
    doc.sentences.forEach((s, k) => this.sentenceOf.fill(k, s.firstToken, s.endToken));
  }

  readAll(): Quantity[] {
    const out: Quantity[] = [];
    let consumedUpTo = 0; // tokens already inside a figure (the second number of a range)
    for (let k = 0; k < this.numbers.length; k++) {
      const m = this.numbers[k]!;
      if (m.first < consumedUpTo) continue;
      const q = this.figure(m, this.numbers[k + 1]);
      if (q) {
        out.push(q.quantity);
        consumedUpTo = q.endToken;
      }
    }
    return out;
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  private isWord(i: number): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TokenKind.Word;
  }

  private punct(i: number, ch: string): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TokenKind.Punct && this.words[i] === ch;
  }

  private sameSentence(a: number, b: number): boolean {
    return this.sentenceOf[a] === this.sentenceOf[b];
  }

  /** A token that is only a detached clitic ("بـ 500" → "ب", "وبـ" → "وب"). */
  private isLoneClitic(i: number): boolean {
    return this.isWord(i) && /^[وف]?[بلك]$|^[وف]$/.test(this.words[i]!);
  }

  // ── what is not a figure ──────────────────────────────────────────────────────────────────

  private notAFigure(m: NumberMention): boolean {
    if (m.kind === 'ordinal' || m.kind === 'fraction' || m.slash) return true;
    // "الـ45", "ال2020": digits with the article are a rank or a year, not a count
    if (m.definite && m.form !== 'words') return true;
    for (let i = m.first; i < m.end; i++) if (this.inDate[i]) return true;
    // a lone "واحد" ("في آن واحد", "معبر واحد"): one, not a count worth a record
    if (m.form === 'words' && m.value === 1) return true;
    const before = m.first - 1;
    const after = m.end;
    // "(2254)": a number alone in brackets is a reference
    if (this.punct(before, '(') && this.punct(after, ')')) return true;
    // "القرار 2254", "المادة 8", "رقم 3", "الطريق M4": digits after a head; a number in words
    // or with a scale word counts ("عدد سكان المنطقة ثلاثة وعشرون ألف"), except after رقم
    let head = before;
    if (this.isLoneClitic(head)) head--;
    if (this.isWord(head)) {
      const heads = m.form === 'digits' ? this.lex.identifierHeads : this.lex.identifierHeadsBeforeWords;
      if (heads.match(this.words[head]!)) return true;
    }
    if (m.form !== 'words') {
      // "F-16", "S-400", "كوفيد-19", "G20", "4x4": a code
      if (this.punct(before, '-') && glued(this.doc, before) && before > 0 && glued(this.doc, before - 1) && this.kinds[before - 1] !== TokenKind.Number) return true;
      if (before >= 0 && this.kinds[before] === TokenKind.Latin && glued(this.doc, before)) return true;
      if (after < this.n && this.kinds[after] === TokenKind.Latin && glued(this.doc, after - 1)) return true;
      // "6:30", "الساعة 6"
      if ((this.punct(after, ':') && glued(this.doc, after - 1)) || (this.punct(before, ':') && glued(this.doc, before))) return true;
      if (this.isWord(before) && this.lex.timeOfDayHeads.match(this.words[before]!)) return true;
      // phone numbers: "0933 123 456", "+963…", long runs of digits with nothing counted
      // a leading zero ("0933 …", "0300 بتوقيت غرينتش", "04,00"): a phone number, a code or a time
      if (/^0\d/.test(this.words[m.first]!)) return true;
      const digits = m.plainDigits;
      if (this.punct(before, '+') && glued(this.doc, before)) return true;
      if (digits !== null && this.isDigitRun(m)) return true;
      // "1." or "1-" at the start of a line, or "… 6 – كتاب": a list item
      if (this.isLineStart(m.first) && (this.punct(after, '.') || this.punct(after, ')') || this.punct(after, '-'))) return true;
      if (this.punct(after, '-') && this.kinds[after + 1] !== TokenKind.Number && m.plainDigits !== null && (!glued(this.doc, after - 1) || !glued(this.doc, after))) return true;
    }
    return false;
  }

  /**
   * Digits written onto an Arabic word that is no clitic ("و", "بـ", "ال"), no particle or
   * preposition ("خلال24") and no cue of what happened ("قتل15"): a name such as "كوردستان24".
   */
  private gluedToName(m: NumberMention): boolean {
    const before = m.first - 1;
    if (m.form === 'words' || !this.isWord(before) || !glued(this.doc, before)) return false;
    const w = this.words[before]!;
    if (/^[وف]?[بلك]?(ال)?$/u.test(w) || w.length < 3) return false;
    if (this.lex.notCountedNoun.match(w) || this.lex.before.startsWith(w) || this.lex.cueOf(w) !== null) return false;
    if (dateLexicon().months.startsWith(w) || dateLexicon().timeUnits.match(w) || dateLexicon().yearWords.match(w)) return false;
    return true;
  }

  /** Three or more runs of digits in a row with only spaces or hyphens between: a phone number. */
  private isDigitRun(m: NumberMention): boolean {
    let count = 1;
    let i = m.first;
    while (i > 0 && (this.kinds[i - 1] === TokenKind.Number || (this.punct(i - 1, '-') && this.kinds[i - 2] === TokenKind.Number))) {
      i -= this.kinds[i - 1] === TokenKind.Number ? 1 : 2;
      count++;
    }
    i = m.end;
    while (i < this.n && (this.kinds[i] === TokenKind.Number || (this.punct(i, '-') && this.kinds[i + 1] === TokenKind.Number))) {
      i += this.kinds[i] === TokenKind.Number ? 1 : 2;
      count++;
    }
    return count >= 3;
  }

  private isLineStart(i: number): boolean {
    if (i === 0) return true;
    const t = this.doc.tokens;
    const gap = this.doc.normalized.text.slice(t.nEnds[i - 1], t.nStarts[i]);
    return gap.includes('\n');
  }

  /** A time unit, a multiple or an age right after the number: a duration, not a count. */
  private isDurationOrMultiple(i: number): boolean {
    if (!this.isWord(i)) return false;
    const w = this.words[i]!;
    if (dateLexicon().timeUnits.match(w)) return true;
    return this.lex.notCounted.matchAt(this.words, i) !== null;
  }

  // ── a figure ──────────────────────────────────────────────────────────────────────────────

  private figure(m: NumberMention, next: NumberMention | undefined): { quantity: Quantity; endToken: number } | null {
    if (this.notAFigure(m)) return null;
    if (this.isDurationOrMultiple(m.end)) return null;

    let first = m.first;
    let firstOffset = m.offset;
    let end = m.end;
    let value = m.value;
    let low = m.low;
    let high = m.high;
    let qualifier: QuantityQualifier | null = null;

    // ── a range: "بين 300 و500", "من 20 إلى 30", "20-30"
    const range = next ? this.rangeWith(m, next) : null;
    if (range) {
      value = null;
      low = Math.min(m.value ?? m.low!, next!.value ?? next!.low!);
      high = Math.max(m.value ?? m.high!, next!.value ?? next!.high!);
      if (range.openAt !== null) {
        first = range.openAt;
        firstOffset = 0;
      }
      end = next!.end;
    }

    // ── a currency symbol before: "$20,000,000", "$ 10"
    let unit: UnitEntry | null = null;
    const sym = m.form !== 'words' && !range ? this.symbolAt(first - 1) : null;
    if (sym) {
      unit = sym;
      first = first - 1;
      firstOffset = 0;
    }
    // ── the qualifier before: "أكثر من", "حوالي", "بنحو", "ما لا يقل عن"
    const q = range ? null : this.qualifierBefore(first);
    if (q) {
      qualifier = q.qualifier;
      first = q.start;
      firstOffset = q.offset;
    }
    // a four-digit number with nothing around it is likely a year: not a figure
    const plainYear = m.plainDigits !== null && m.plainDigits.length === 4 && m.value! >= 1900 && m.value! <= 2100 && !q && !unit && !range;

    // ── what follows: a unit symbol or word, a counted noun, "من" + noun
    let counted: string | null = null;
    let countedToken = -1;
    const afterSym = this.symbolAt(end);
    if (!unit && afterSym) {
      unit = afterSym;
      end++;
    }
    if (!unit || unit.unit === 'percent') {
      const u = this.isWord(end) ? this.lex.units.matchAt(this.words, end) : null;
      if (u && !unit) {
        unit = u.value;
        if (u.value.category === null || u.value.unit === 'country') {
          countedToken = end;
          counted = this.countedText(end, u.end);
        }
        end = u.end;
      }
    }
    // "مدنيين اثنين", "طفلين اثنين": two follows the noun it counts ("اثنين من" counts what follows)
    const two = m.form === 'words' && m.value === 2 && !q && !(this.isWord(m.end) && this.lex.ofLink.has(this.words[m.end]!)) && this.isWord(m.first - 1);
    if (!unit && two && this.looksCounted(m.first - 1) && !this.numberStartsAt(m.first - 1)) {
      countedToken = m.first - 1;
      counted = this.doc.tokens.surface(countedToken);
      first = countedToken;
      firstOffset = 0;
      unit = this.humanUnit(countedToken);
    }
    if (!unit && !counted) {
      const c = this.countedAfter(end, m);
      if (c) {
        countedToken = c.token;
        counted = c.text;
        end = c.end;
        unit = c.unit;
      }
    }
    // "كوردستان24 الخبر": digits glued to a name are part of it; a glued typo ("قتل15 شخصا",
    // "مواطني7 دول") still counts when a unit or people follow
    if (!q && !unit && this.gluedToName(m)) return null;
    if (plainYear && !unit && counted === null) return null;
    // a year-like number counts only people or a unit ("2000 مقاتل", "1500 دولار")
    if (plainYear && !unit) return null;

    // ── the qualifier after: "تقريباً", "على الأقل"
    if (!qualifier) {
      const a = this.lex.after.matchAt(this.words, end);
      if (a) {
        qualifier = a.value;
        end = a.end;
      }
    }

    const category = this.categoryOf(m, first, end, countedToken, unit);
    const span = tokenSpan(this.doc, first, end, firstOffset);
    const quantity: Quantity = {
      ...span,
      value: value === null ? null : round(value),
      low: low === null ? null : round(low),
      high: high === null ? null : round(high),
      qualifier,
      unit: unit ? unit.unit : null,
      counted,
      category,
      rule: ruleOf(m, range !== null),
    };
    return { quantity, endToken: end };
  }

  /** "بين 300 و500", "من 20 إلى 30", "20-30": the second number of a range with `m`. */
  private rangeWith(m: NumberMention, next: NumberMention): { openAt: number | null } | null {
    if (next.kind !== 'cardinal' && next.kind !== 'vague') return null;
    if (this.notAFigure(next)) return null;
    const gap = next.first - m.end;
    if (gap === 1 && this.punct(m.end, '-') && glued(this.doc, m.end - 1) && glued(this.doc, m.end) && m.form === 'digits' && next.form === 'digits') return { openAt: null };
    if (gap !== 1 || !this.isWord(m.end) || !this.lex.rangeJoin.match(this.words[m.end]!)) {
      // "و500": the و glued to the digits is its own token
      if (!(gap === 1 && this.words[m.end] === 'و')) return null;
    }
    const open = m.first - 1;
    if (this.isWord(open) && this.lex.rangeOpen.match(this.words[open]!)) {
      if (this.words[m.end] === 'و' && !this.lex.rangeOpenBeforeWa.match(this.words[open]!)) return null;
      return { openAt: open };
    }
    return null;
  }

  /** The qualifier phrase that ends right before token `i` (a lone clitic "بـ" may stand between). */
  private qualifierBefore(i: number): { qualifier: QuantityQualifier; start: number; offset: number } | null {
    const limit = this.isLoneClitic(i - 1) ? i - 1 : i;
    for (let s = Math.max(0, limit - this.lex.beforeLength); s < limit; s++) {
      const match = this.lex.before.matchAt(this.words, s, limit);
      if (match && match.end === limit) return { qualifier: match.value, start: s, offset: match.offset };
    }
    return null;
  }

  /** A unit written as a symbol at token `i` ("$", "%", "€"). */
  private symbolAt(i: number): UnitEntry | null {
    if (i < 0 || i >= this.n) return null;
    if (this.kinds[i] === TokenKind.Punct) return this.lex.symbols.get(this.words[i]!) ?? null;
    // "US$": a Latin word glued to a symbol
    if (this.kinds[i] === TokenKind.Latin && this.punct(i + 1, '$') && glued(this.doc, i)) return this.lex.symbols.get(this.words[i] + '$') ?? null;
    return null;
  }

  /** The counted noun as written: the surface of its tokens. */
  private countedText(from: number, to: number): string {
    const t = this.doc.tokens;
    return this.doc.text.slice(t.start(from), t.end(to - 1));
  }

  /**
   * The noun a figure counts, at token `i`: "ألف مرتزق", "عشرات المدنيين", "10 آلاف من عناصر
   * التنظيم" (after "من"). Null before a word that counts nothing (an adverb, a particle).
   */
  private countedAfter(i: number, m: NumberMention): { token: number; text: string; end: number; unit: UnitEntry | null } | null {
    let j = i;
    if (this.isWord(j) && this.lex.ofLink.has(this.words[j]!) && this.isWord(j + 1)) j++;
    if (!this.isWord(j) || this.sentenceOf[j] !== this.sentenceOf[m.first]) return null;
    const w = this.words[j]!;
    if (this.lex.notCountedNoun.match(w) || this.lex.identifierHeads.has(w)) return null;
    // "للتأكد", "للولايات": a preposition with the article starts a phrase, not a counted noun;
    // so does a conjunction before a clitic, the article or a cue ("وبالرباط", "وإصابة")
    if (w.startsWith('لل') || this.isLoneClitic(j)) return null;
    if (w.startsWith('و') && w.length > 3 && (/^و(ال|ب)/.test(w) ? !this.lex.units.matchAt(this.words, j, this.n, 'stem') : this.lex.cueOf(w.slice(1)) !== null)) return null;
    if (this.lex.before.startsWith(w) || this.isDurationOrMultiple(j)) return null;
    // another number word or a date word is no noun
    if (this.numberStartsAt(j)) return null;
    // a word with a unit reading counts in that unit ("من الدول" → country)
    const u = this.lex.units.matchAt(this.words, j, this.n, 'stem');
    if (u) return { token: j, text: this.countedText(j, j + 1), end: j + 1, unit: u.value.category === 'money' ? null : u.value };
    if (m.kind !== 'vague' && m.form === 'digits' && j === i && !this.looksCounted(j)) {
      // a bare number before a word that is not a noun ("قتل 5 بينهم") counts nothing named
      return null;
    }
    return { token: j, text: this.countedText(j, j + 1), end: j + 1, unit: this.humanUnit(j) };
  }

  private numberStartsAt(i: number): boolean {
    return numbersByFirstToken(this.doc).has(i);
  }

  /** Whether the word at `i` can be a counted noun (not a particle, verb-like or a date word). */
  private looksCounted(i: number): boolean {
    if (!this.isWord(i)) return false;
    const w = this.words[i]!;
    if (this.lex.notCountedNoun.match(w)) return false;
    return w.length >= 3;
  }

  /** "person" for nouns of people: listed ones, and nisba nouns ("عراقي", "سوريين"). */
  private humanUnit(i: number): UnitEntry | null {
    const u = this.lex.units.matchAt(this.words, i, this.n, 'stem');
    if (u && u.value.category === null) return u.value;
    if (this.lex.cueOf(this.words[i]!)?.kind === 'who') return PERSON;
    if (this.lex.humanNisba) {
      // a nisba noun ("عراقي", "سوريين"); not a word written with alef maqsura ("مشفى", "مبنى")
      const w = this.words[i]!.replace(/^(ال|و|وال|بال|لل)/, '');
      const surface = this.doc.tokens.surface(i).replace(/[\u064b-\u065f]+$/u, '');
      if (w.length >= 4 && /(ي|يين|يون)$/.test(w) && !/(اي|وي)$/.test(w) && !surface.endsWith('ى')) return PERSON;
    }
    return null;
  }

  // ── category ──────────────────────────────────────────────────────────────────────────────

  private categoryOf(m: NumberMention, first: number, end: number, countedToken: number, unit: UnitEntry | null): QuantityCategory {
    if (unit?.category) return unit.category;
    let best: { cue: CategoryCue; distance: number } | null = null;
    const consider = (i: number, distance: number, after = false) => {
      if (!this.isWord(i)) return;
      const cue = this.lex.cueOf(this.words[i]!);
      if (!cue || cue.kind !== 'event' || (after && cue.position === 'before')) return;
      if (!best || distance < best.distance) best = { cue, distance };
    };
    // before: within the clause (a comma or a full stop ends it)
    let seen = 0;
    for (let i = first - 1; i >= 0 && seen < CUE_BEFORE; i--) {
      if (this.kinds[i] === TokenKind.Punct) break;
      if (this.isLoneClitic(i)) continue;
      seen++;
      consider(i, seen);
    }
    if (countedToken >= 0) consider(countedToken, 0);
    // after: only for counts of people ("10 آلاف من عناصر التنظيم، لا يزالوا رهن الاحتجاز"),
    // not of things ("5 أهداف أولها إعادة …")
    const ofPeople = countedToken < 0 || unit?.unit === 'person' || unit?.unit === 'family';
    for (let i = end, d = 1; ofPeople && i < this.n && d <= CUE_AFTER && this.sameSentence(i, m.first); i++, d++) {
      if (i === countedToken) continue;
      consider(i, d + 0.5, true);
    }
    if (best) return (best as { cue: CategoryCue }).cue.category;
    // who is counted: the counted noun, or a word right before the figure
    if (countedToken >= 0) {
      const who = this.lex.cueOf(this.words[countedToken]!);
      if (who) return who.category;
    }
    return 'other';
  }
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function ruleOf(m: NumberMention, range: boolean): string {
  const base = m.kind === 'vague' ? 'ar/quantities/vague' : m.form === 'words' ? 'ar/quantities/words' : m.form === 'mixed' ? 'ar/quantities/digits-scale' : 'ar/quantities/digits';
  return range ? `${base}+range` : base;
}
