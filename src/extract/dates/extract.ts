/**
 * The dates extractor: every date expression of an article, as a contract `DateMention`.
 *
 * It reads tokens left to right and at each one tries the date patterns below, first match
 * wins. Each finds one contiguous expression (an "atom"); the refiners in refine.ts then join
 * atoms that describe one date ("أمس" + "الخميس" + "الخامس من كانون الأول") and resolve
 * references ("29 من الشهر نفسه"). The words come from data/ar (calendar.json,
 * date-words.json, numbers.json); the patterns are here, each with an example.
 *
 * Not dates: durations ("خمس سنوات", "منذ عامين"), a day and month that name something
 * ("ثورة 14 جانفي"), "اليوم" meaning nowadays ("الاسم الذي يقاتل تحته اليوم"). A bare
 * four-digit number is a year only after a preposition (في، منذ، حتى …) and not before a number
 * word or a unit of time; "في 2000 منزل" is still misread as a year. A number a date takes is
 * not a quantity (the quantities extractor reads the dates found before it).
 */
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics } from '../../text/clitics.js';
import { TokenKind } from '../../text/tokenize.js';
import { addressTokens, numbersByFirstToken, type NumbersAt } from '../numbers/read.js';
import { docWords, glued, tokenSpan } from '../numbers/word-index.js';
import type { DateMention } from '../record.js';
import type { Extractor } from '../types.js';
import { DatePattern, dateLexicon, type DateLexicon, type Direction, type MonthName } from './lexicon.js';
import { parseIso } from './calendar.js';
import { resolveDate, type DateParts } from './resolve.js';

/** One date expression found in the text, before refiners join neighbours. */
export interface DateAtom {
  readonly first: number;
  readonly end: number;
  /** Normalised characters of the first token before the expression (a clitic). */
  readonly offset: number;
  readonly parts: DateParts;
  readonly rule: string;
  /** The day was written as an ordinal word ("الخامس من"), which after a weekday may count weekdays. */
  readonly ordinalDay: boolean;
}

const partsByMention = new WeakMap<DateMention, DateParts>();

/**
 * The parts a date mention was read from (for the refiners); undefined for mentions other
 * extractors made.
 *
 * @example
 * const input = { doc: analyzeText('في 29 من الشهر نفسه'), published: null, titleEnd: 0 };
 * partsOf(datesExtractor.extract(input, emptyExtraction()).dates![0]!)  // { anaphora: 'month', day: 29 }
 */
export function partsOf(m: DateMention): DateParts | undefined {
  return partsByMention.get(m);
}

/** Records the parts of a mention a refiner made (a joined date): `setParts(joined, { relativeDays: -1, weekday: 4 })`. */
export function setParts(m: DateMention, parts: DateParts): void {
  partsByMention.set(m, parts);
}

const tokensByMention = new WeakMap<DateMention, { first: number; end: number; ordinalDay: boolean }>();
/**
 * The token range of a date mention (and whether its day was an ordinal word), kept for the
 * refiners that join neighbours: `tokensOf(m)` is `{ first: 4, end: 7, ordinalDay: true }`.
 */
export function tokensOf(m: DateMention): { first: number; end: number; ordinalDay: boolean } | undefined {
  return tokensByMention.get(m);
}
/** Records the token range of a mention a refiner made: `setTokens(joined, { first: 2, end: 9, ordinalDay: false })`. */
export function setTokens(m: DateMention, t: { first: number; end: number; ordinalDay: boolean }): void {
  tokensByMention.set(m, t);
}

/**
 * Finds the date expressions of a document.
 *
 * @example
 * findDateAtoms(analyzeText('في 29 من الشهر نفسه'), null)[0].parts  // { day: 29, anaphora: 'month' }
 */
export function findDateAtoms(doc: AnalyzedText, published: string | null = null): DateAtom[] {
  return new DateReader(doc, published).readAll();
}

/** The dates extractor: atoms resolved one by one (the refiners join and re-resolve them). */
export const datesExtractor: Extractor = {
  name: 'ar/dates',
  produces: ['dates'],
  extract({ doc, published }) {
    const dates: DateMention[] = [];
    for (const atom of findDateAtoms(doc, published)) {
      const span = tokenSpan(doc, atom.first, atom.end, atom.offset);
      const r = resolveDate(atom.parts, published);
      const mention: DateMention = { ...span, value: r.value, precision: r.precision, relative: r.relative, rule: atom.rule };
      partsByMention.set(mention, atom.parts);
      tokensByMention.set(mention, { first: atom.first, end: atom.end, ordinalDay: atom.ordinalDay });
      dates.push(mention);
    }
    return { dates };
  },
};

interface MonthRef {
  readonly end: number;
  readonly offset: number;
  readonly parts: DateParts;
  /** A month named by its name (not "الشهر الماضي", "الشهر نفسه"). */
  readonly named: boolean;
  readonly ambiguous: boolean;
  readonly family: string | null;
}

interface YearPart {
  readonly end: number;
  readonly parts: DateParts;
}

interface DayNumber {
  readonly day: number;
  readonly end: number;
  readonly offset: number;
  readonly ordinal: boolean;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2100;
const MIN_HIJRI_YEAR = 1300;
const MAX_HIJRI_YEAR = 1600;

class DateReader {
  private readonly words: string[];
  private readonly kinds: Uint8Array;
  private readonly n: number;
  private readonly lex: DateLexicon;
  private readonly numbers: NumbersAt;
  /** Tokens of a web or mail address (no dates there). */
  private readonly address: Uint8Array;
  private quoted: Uint8Array | null = null;
  private sentenceFirst: Set<number> | null = null;

  /** The publication day, for telling a day number from a count. */
  private readonly published: { day: number } | null;

  constructor(
    private readonly doc: AnalyzedText,
    published: string | null = null,
  ) {
    const pub = parseIso(published);
    this.published = pub && pub.day !== null ? { day: pub.day } : null;
    this.words = docWords(doc);
    this.kinds = doc.tokens.kinds;
    this.n = doc.tokens.count;
    this.lex = dateLexicon();
    this.numbers = numbersByFirstToken(doc);
    this.address = addressTokens(doc);
  }

  readAll(): DateAtom[] {
    const atoms: DateAtom[] = [];
    let i = 0;
    while (i < this.n) {
      // "https://…/2023/11/05/…": a web address is no text of the article
      const patterns = this.address[i] ? 0 : this.patternsAt(i);
      const atom = patterns === 0 ? null : this.atomAt(i, patterns, atoms);
      if (atom) {
        atoms.push(atom);
        i = atom.end;
      } else i++;
    }
    return atoms;
  }

  /** The patterns a date at token `i` may follow (0 for most tokens: the cheap first test). */
  private patternsAt(i: number): number {
    const P = DatePattern;
    const k = this.kinds[i];
    if (k === TokenKind.Number) return P.numeric | P.dayMonth | P.year;
    if (k !== TokenKind.Word) return 0;
    let patterns = 0;
    if (this.numbers.get(i)?.kind === 'ordinal') patterns |= P.dayMonth | P.nthWeekday;
    if (this.isArticleBeforeDigits(i)) patterns |= P.dayMonth | P.year;
    const head = this.lex.heads.match(this.words[i]!);
    if (head) for (const v of head.values) patterns |= v;
    return patterns;
  }

  private atomAt(i: number, p: number, before: readonly DateAtom[]): DateAtom | null {
    const P = DatePattern;
    return (
      (p & P.numeric ? this.numericDate(i) : null) ??
      (p & P.nthWeekday ? this.nthWeekday(i) : null) ??
      (p & P.dayMonth ? this.dayMonth(i) : null) ??
      (p & P.weekday ? this.weekday(i) : null) ??
      (p & P.reference ? this.reference(i) : null) ??
      (p & P.relativeDay ? this.relativeDay(i) : null) ??
      (p & P.period ? this.period(i) : null) ??
      (p & P.monthYear ? this.monthYear(i) : null) ??
      (p & P.year ? this.year(i, before) : null) ??
      (p & P.ago ? this.ago(i) : null)
    );
  }

  // ── token helpers ─────────────────────────────────────────────────────────────────────────

  private isWord(i: number): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TokenKind.Word;
  }

  private is(i: number, index: { match(w: string): unknown }): boolean {
    return this.isWord(i) && index.match(this.words[i]!) !== null;
  }

  private punct(i: number, ch: string): boolean {
    return i >= 0 && i < this.n && this.kinds[i] === TokenKind.Punct && this.words[i] === ch;
  }

  /** "ال" (or "وال", "بال") written onto digits: "ال2020", "الـ15". */
  private isArticleBeforeDigits(i: number): boolean {
    if (i < 0 || i + 1 >= this.n || this.kinds[i] !== TokenKind.Word) return false;
    const w = this.words[i]!;
    return w.length <= 3 && w.endsWith('ال') && i + 1 < this.n && this.kinds[i + 1] === TokenKind.Number && glued(this.doc, i);
  }

  /** Whether token `i` is the bare "اليوم" (today, or "the day" of "اليوم الثالث من"). */
  private isToday(i: number): boolean {
    if (!this.isWord(i)) return false;
    const m = this.lex.relativeDays.matchAt(this.words, i, i + 1);
    return m !== null && m.value.today && m.proclitics.length === 0;
  }

  /** Whether token `i` is the "من" between a day and its month ("29 من الشهر نفسه"). */
  private isDayOfMonthLink(i: number): boolean {
    return this.isWord(i) && this.lex.dayOfMonthLink.has(this.words[i]!);
  }

  /** Skips one comma. */
  private skipComma(i: number): number {
    return this.punct(i, ',') ? i + 1 : i;
  }

  private plainDigits(i: number): string | null {
    if (i >= this.n || this.kinds[i] !== TokenKind.Number) return null;
    const w = this.words[i]!;
    return /^\d+$/.test(w) ? w : null;
  }

  /** A year written in digits at token `i`: 4 digits (or 3-4 before a Hijri era marker). */
  private yearNumberAt(i: number, hijriMonth = false): { year: number; end: number; calendar?: 'hijri' | 'gregorian' } | null {
    const d = this.plainDigits(i);
    if (!d || d.length > 4 || d.length < 3) return null;
    const y = Number(d);
    let end = i + 1;
    let calendar: 'hijri' | 'gregorian' | undefined;
    if (this.is(end, this.lex.hijriEra)) {
      calendar = 'hijri';
      end++;
    } else if (this.is(end, this.lex.gregorianEra) && (glued(this.doc, i) || this.words[end]!.length > 1)) {
      calendar = 'gregorian';
      end++;
    }
    // "20 رمضان 1438": after a Hijri month, a year in the Hijri range is Hijri
    if (!calendar && hijriMonth && y >= MIN_HIJRI_YEAR && y <= MAX_HIJRI_YEAR) calendar = 'hijri';
    if (calendar === 'hijri') return y >= MIN_HIJRI_YEAR && y <= MAX_HIJRI_YEAR ? { year: y, end, calendar } : null;
    if (d.length !== 4 || y < MIN_YEAR || y > MAX_YEAR) return null;
    return calendar ? { year: y, end, calendar } : { year: y, end };
  }

  /** The day of a month at token `i`: "15", "الـ15", "السابع والعشرين", "اليوم الثالث", "ثالث يوم". */
  private dayAt(i: number): DayNumber | null {
    if (i >= this.n) return null;
    const digits = this.plainDigits(i);
    if (digits !== null) {
      const d = Number(digits);
      return digits.length <= 2 && d >= 1 && d <= 31 ? { day: d, end: i + 1, offset: 0, ordinal: false } : null;
    }
    if (this.isArticleBeforeDigits(i)) {
      // "والـ0.5%": digits with a decimal point are no day (and threw here).
      const inner = this.plainDigits(i + 1);
      if (inner === null) return null;
      const d = Number(inner);
      return inner.length <= 2 && d >= 1 && d <= 31 ? { day: d, end: i + 2, offset: 0, ordinal: false } : null;
    }
    const ordinal = this.numbers.get(i);
    // an ordinal day carries no preposition but ل ("للسابع والعشرين"): "بأول أيام" is no day
    if (ordinal?.kind === 'ordinal' && ordinal.value! >= 1 && ordinal.value! <= 31 && !ordinal.proclitics.some((p) => p === 'ب' || p === 'ك' || p === 'ف')) {
      // "ثالث يوم من شهر عشرة"
      const end = this.is(ordinal.end, this.lex.dayWords) && !ordinal.definite ? ordinal.end + 1 : ordinal.end;
      return { day: ordinal.value!, end, offset: ordinal.offset, ordinal: true };
    }
    // "اليوم الثالث من أكتوبر"
    if (this.isToday(i) || this.is(i, this.lex.dayWords)) {
      const next = this.numbers.get(i + 1);
      if (next?.kind === 'ordinal' && next.value! >= 1 && next.value! <= 31 && next.proclitics.length <= 1) {
        return { day: next.value!, end: next.end, offset: 0, ordinal: true };
      }
    }
    return null;
  }

  /** A month name at `i`, with a paired name after "/" or in brackets ("تشرين الثاني/نوفمبر"). */
  private monthNameAt(i: number): { month: MonthName; end: number; offset: number } | null {
    if (!this.isWord(i)) return null;
    const m = this.lex.months.matchAt(this.words, i);
    if (!m) return null;
    let end = m.end;
    // "تشرين الثاني/نوفمبر", "آذار (مارس)", "أيار - مايو"
    if ((this.punct(end, '/') || this.punct(end, '(') || this.punct(end, '-')) && this.isWord(end + 1)) {
      const alt = this.lex.months.matchAt(this.words, end + 1);
      if (alt && alt.proclitics.length === 0 && alt.value.month === m.value.month && alt.value.calendar === m.value.calendar) {
        end = alt.end;
        if (this.punct(end, ')') && this.punct(m.end, '(')) end++;
      }
    }
    return { month: m.value, end, offset: m.offset };
  }

  /**
   * A reference to a month at `i`: its name, "شهر" + name or number, "الشهر الثامن", "الشهر
   * الماضي", "هذا الشهر", "الشهر نفسه", or a bare "الشهر".
   */
  private monthRefAt(i: number): MonthRef | null {
    if (!this.isWord(i)) return null;
    const named = this.monthNameAt(i);
    if (named) {
      return {
        end: named.end,
        offset: named.offset,
        parts: { month: named.month.month, ...(named.month.calendar === 'hijri' ? { calendar: 'hijri' as const } : {}) },
        named: true,
        ambiguous: named.month.ambiguous,
        family: named.month.family,
      };
    }
    const wordMatch = this.lex.monthWords.match(this.words[i]!);
    if (wordMatch) {
      // "شهر آذار", "بشهر أكتوبر"
      const after = this.monthNameAt(i + 1);
      if (after && after.offset === 0) {
        return {
          end: after.end,
          offset: wordMatch.offset,
          parts: { month: after.month.month, ...(after.month.calendar === 'hijri' ? { calendar: 'hijri' as const } : {}) },
          named: true,
          ambiguous: false,
          family: after.month.family,
        };
      }
      // "شهر 3", "شهر عشرة" (a month by its number; "شهر واحد" is a duration)
      const num = this.numbers.get(i + 1);
      if (num && num.kind === 'cardinal' && num.value !== null && Number.isInteger(num.value) && num.value <= 12 && num.value >= (num.form === 'digits' ? 1 : 3) && !num.definite) {
        // ("شهر ثلاثة أيام" is a duration; "شهر عشرة سنة 2015" is October 2015)
        if (!this.is(num.end, this.lex.timeUnits) || this.yearNumberAt(num.end + 1)) {
          return { end: num.end, offset: wordMatch.offset, parts: { month: num.value }, named: true, ambiguous: false, family: 'number' };
        }
      }
      return null;
    }
    const period = this.lex.periods.match(this.words[i]!);
    const isMonthWord = period?.values.includes('month') === true;
    if (isMonthWord) {
      const next = i + 1;
      // "الشهر الثامن"
      const ord = this.numbers.get(next);
      if (ord?.kind === 'ordinal' && ord.value! >= 1 && ord.value! <= 12 && ord.proclitics.length === 0) {
        return { end: ord.end, offset: period!.offset, parts: { month: ord.value! }, named: true, ambiguous: false, family: 'number' };
      }
      const dir = this.isWord(next) ? this.lex.directions.get(this.words[next]!)?.[0] : undefined;
      if (dir) return { end: next + 1, offset: period!.offset, parts: monthShift(dir), named: false, ambiguous: false, family: null };
      if (this.isWord(next) && this.lex.sameAfter.has(this.words[next]!)) {
        return { end: next + 1, offset: period!.offset, parts: { anaphora: 'month' }, named: false, ambiguous: false, family: null };
      }
      return { end: next, offset: period!.offset, parts: { anaphora: 'month-or-current' }, named: false, ambiguous: false, family: null };
    }
    // "هذا الشهر", "نفس الشهر"
    const w = this.words[i]!;
    if ((this.lex.demonstratives.match(w) || this.lex.sameBefore.match(w)) && this.isWord(i + 1) && this.lex.periods.get(this.words[i + 1]!)?.includes('month')) {
      const parts: DateParts = this.lex.demonstratives.match(w) ? { period: { unit: 'month', shift: 0 } } : { anaphora: 'month' };
      return { end: i + 2, offset: 0, parts, named: false, ambiguous: false, family: null };
    }
    return null;
  }

  /**
   * What may follow a month: its year ("2019", "عام 2019", "من العام 2019", "لعام 2014",
   * "1444هـ"), a relative year ("من العام الماضي", "السنة القادمة"), or a direction (الماضي).
   */
  private yearPartAt(i: number, ref: MonthRef | null = null): YearPart | null {
    const hijri = ref?.parts.calendar === 'hijri';
    let j = this.skipComma(i);
    // "من عام", "في سنة"
    if (this.is(j, this.lex.monthLinks) && this.isWord(j + 1)) {
      const y = this.yearPhraseAt(j + 1, hijri);
      if (y) return y;
    }
    const y = this.yearPhraseAt(j, hijri);
    if (y) return y;
    j = i;
    const dir = this.isWord(j) ? this.lex.directions.get(this.words[j]!)?.[0] : undefined;
    if (dir) return { end: j + 1, parts: { monthDirection: dir } };
    return null;
  }

  /** "2019", "عام 2019", "العام 2019", "لعام 2014", "1444هـ", "العام الماضي", "السنة القادمة". */
  private yearPhraseAt(i: number, hijri = false): YearPart | null {
    const direct = this.yearNumberAt(i, hijri);
    if (direct) return { end: direct.end, parts: { year: direct.year, ...(direct.calendar ? { calendar: direct.calendar } : {}) } };
    if (!this.isWord(i)) return null;
    if (this.lex.yearWords.match(this.words[i]!)) {
      const y = this.yearNumberAt(i + 1, hijri);
      if (y) return { end: y.end, parts: { year: y.year, ...(y.calendar ? { calendar: y.calendar } : {}) } };
    }
    const period = this.lex.periods.match(this.words[i]!);
    if (period?.values.includes('year') && period.proclitics.length === 0) {
      const dir = this.isWord(i + 1) ? this.lex.directions.get(this.words[i + 1]!)?.[0] : undefined;
      if (dir && dir !== 'following') return { end: i + 2, parts: { period: { unit: 'year', shift: shiftOf(dir) } } };
    }
    return null;
  }

  /** Whether the word before `i` makes a following day and month a name ("ثورة 14 جانفي"). */
  private afterNameHead(i: number): boolean {
    return this.is(i - 1, this.lex.nameHeads);
  }

  private atom(first: number, end: number, offset: number, parts: DateParts, rule: string, ordinalDay = false): DateAtom {
    return { first, end, offset, parts, rule, ordinalDay };
  }

  // ── patterns ──────────────────────────────────────────────────────────────────────────────

  /** "15/12/2024", "2024-12-15", "15.12.2024", "2/2013"; "21/09" only after a weekday or يوم. */
  private numericDate(i: number): DateAtom | null {
    if (this.kinds[i] !== TokenKind.Number) return null;
    const w = this.words[i]!;
    // one token: "15.12.2024"
    const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(w);
    if (dotted) return this.checkedDate(i, i + 1, Number(dotted[1]), Number(dotted[2]), Number(dotted[3]), 'ar/dates/numeric');
    if (!/^\d+$/.test(w)) return null;
    // digits and separators, glued: a/b/c or a-b-c or a/b
    const nums: string[] = [w];
    let end = i + 1;
    let sep: string | null = null;
    while (nums.length < 3 && end + 1 < this.n && glued(this.doc, end - 1) && glued(this.doc, end) && this.kinds[end + 1] === TokenKind.Number) {
      const s = this.words[end]!;
      if (!(s === '/' || s === '-') || (sep && s !== sep)) break;
      const d = this.words[end + 1]!;
      if (!/^\d+$/.test(d)) break;
      sep = s;
      nums.push(d);
      end += 2;
    }
    if (nums.length === 3) {
      const [a, b, c] = nums as [string, string, string];
      if (a.length === 4) return this.checkedDate(i, end, Number(c), Number(b), Number(a), 'ar/dates/numeric');
      if (c.length === 4) return this.checkedDate(i, end, Number(a), Number(b), Number(c), 'ar/dates/numeric');
      return null;
    }
    if (nums.length === 2 && sep === '/') {
      const [a, b] = nums as [string, string];
      if (b.length === 4 && Number(a) >= 1 && Number(a) <= 12 && a.length <= 2) {
        const y = Number(b);
        if (y >= MIN_YEAR && y <= MAX_YEAR) return this.atom(i, end, 0, { month: Number(a), year: y }, 'ar/dates/numeric');
      }
      // "يوم السبت 21/09": a day and month after a weekday or يوم
      const prev = i - 1;
      if (a.length <= 2 && b.length <= 2 && (this.is(prev, this.lex.weekdays) || this.is(prev, this.lex.dayWords))) {
        const d = Number(a);
        const m = Number(b);
        if (d >= 1 && d <= 31 && m >= 1 && m <= 12) return this.atom(i, end, 0, { day: d, month: m }, 'ar/dates/numeric');
      }
    }
    return null;
  }

  private checkedDate(first: number, end: number, d: number, m: number, y: number, rule: string): DateAtom | null {
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < MIN_YEAR || y > MAX_YEAR) return null;
    return this.atom(first, end, 0, { day: d, month: m, year: y }, rule);
  }

  /**
   * The n-th or last weekday of a month: "ثالث ثلاثاء في أيلول في سنة 2014", "آخر اثنين من
   * شهر آذار", "الاثنين الأخير من شهر ثلاثة", "ثالث يوم ثلاثاء بأيلول"; and the last day of a
   * month: "آخر يوم بشهر عشرة سنة 2015", "اليوم الأخير من شهر عشرة".
   */
  private nthWeekday(i: number): DateAtom | null {
    if (!this.isWord(i)) return null;
    let nth: number | null = null;
    let j = i;
    const ord = this.numbers.get(i);
    if (ord?.kind === 'ordinal' && ord.value! >= 1 && ord.value! <= 5 && !ord.definite) {
      nth = ord.value!;
      j = ord.end;
    } else if (this.lex.lastWords.has(this.words[i]!)) {
      nth = -1;
      j = i + 1;
    }
    if (nth !== null) {
      if (this.is(j, this.lex.dayWords)) {
        // "آخر يوم بشهر عشرة"
        if (nth === -1) {
          const ref = this.monthAfterLink(j + 1);
          if (ref) return this.withYear(i, ref, { ...ref.parts, lastDayOfMonth: true }, 'ar/dates/last-day');
        }
        j++;
      }
      const wd = this.isWord(j) ? this.lex.weekdays.get(this.words[j]!)?.[0] : undefined;
      if (!wd) return null;
      const ref = this.monthAfterLink(j + 1);
      if (!ref) return null;
      return this.withYear(i, ref, { ...ref.parts, weekday: wd.weekday, nthWeekday: nth }, 'ar/dates/nth-weekday');
    }
    // "الاثنين الأخير من شهر ثلاثة", "اليوم الأخير من شهر عشرة"
    const wd = this.lex.weekdays.get(this.words[i]!)?.[0];
    const isDay = this.isToday(i);
    if ((wd && !wd.bare) || isDay) {
      if (!this.is(i + 1, this.lex.lastWords) || !this.words[i + 1]!.startsWith('ال')) return null;
      const ref = this.monthAfterLink(i + 2);
      if (!ref) return null;
      const parts: DateParts = isDay ? { ...ref.parts, lastDayOfMonth: true } : { ...ref.parts, weekday: wd!.weekday, nthWeekday: -1 };
      return this.withYear(i, ref, parts, isDay ? 'ar/dates/last-day' : 'ar/dates/nth-weekday');
    }
    return null;
  }

  /** A month after "من", "في" or a glued "ب" ("بأيلول", "بشهر"). */
  private monthAfterLink(i: number): MonthRef | null {
    let j = i;
    if (this.isWord(j) && this.lex.monthLinks.has(this.words[j]!)) j++;
    const ref = this.monthRefAt(j);
    if (!ref) return null;
    if (j === i && ref.offset === 0) return null;
    if (j === i && !this.words[i]!.startsWith('ب')) return null;
    return ref;
  }

  /** Finishes a pattern that ends with a month: adds the year part after it. */
  private withYear(first: number, ref: MonthRef, parts: DateParts, rule: string, ordinalDay = false, offset?: number): DateAtom {
    const y = this.yearPartAt(ref.end, ref);
    const all: DateParts = y ? mergeYear(parts, y.parts) : parts;
    const o = offset ?? this.numbers.get(first)?.offset ?? 0;
    return this.atom(first, y ? y.end : ref.end, o, all, familyRule(rule, ref), ordinalDay);
  }

  /**
   * A day of a month: "15 آذار 2019", "السابع والعشرين من تشرين الثاني/نوفمبر", "الخامس
   * والعشرين من آذار عام 2019", "29 من الشهر نفسه", "3 من الشهر الجاري", "في اول شباط",
   * "5 رمضان 1444هـ", "يوم 15 آذار".
   */
  private dayMonth(i: number): DateAtom | null {
    let j = i;
    if (this.is(i, this.lex.dayWords) && !this.isToday(i)) j++;
    let day: DayNumber | null = null;
    let firstDay = false;
    // "أول شباط", "غرة رمضان": the first day of the month, with no "من"
    const fd = this.isWord(j) && !this.isDayOfMonthLink(j + 1) ? this.lex.firstDay.match(this.words[j]!) : null;
    if (fd) {
      day = { day: 1, end: j + 1, offset: fd.offset, ordinal: true };
      firstDay = true;
    } else day = this.dayAt(j);
    if (!day) return null;
    let k = day.end;
    // "15 من الشهر", "ثالث يوم في أيلول"
    const linked = this.isDayOfMonthLink(k) || (day.ordinal && this.isWord(k) && this.lex.monthLinks.has(this.words[k]!));
    if (linked) k++;
    const ref = this.monthRefAt(k);
    if (!ref) return linked ? null : this.rangeStart(i, j, day);
    // A month that is not named ("الشهر نفسه", "الشهر الماضي") needs "من": "29 من الشهر نفسه".
    if (!ref.named && !linked) return null;
    // An ordinal day needs "من" ("السابع والعشرين من تشرين الثاني"), or a "ب" on the month
    // ("ثالث يوم بشهر عشرة"); digits do not ("15 آذار").
    if (day.ordinal && !linked && !firstDay && ref.offset === 0) return null;
    const parts: DateParts = { ...ref.parts, day: day.day };
    const atom = this.withYear(i, ref, parts, ref.named ? 'ar/dates/day-month' : 'ar/dates/day-of-month-ref', day.ordinal && !firstDay, j === i ? day.offset : 0);
    if (atom.parts.year === undefined && atom.parts.period === undefined && this.afterNameHead(i)) return null;
    return atom;
  }

  /**
   * The first day of a range whose month is written once, after the second day: "13 إلى 15
   * تموز", "بين 13 و15 تموز", "من 1-8 شهر أيلول", "من الثالث والعشرين وحتى السادس والعشرين من
   * شهر أكتوبر". The first day takes the month (and year) of the second; the second is read
   * on its own after it.
   */
  private rangeStart(i: number, j: number, day: DayNumber): DateAtom | null {
    // "24 و 25 و 26 مارس 2017": any number of days before the month
    let k = day.end;
    let last = day;
    for (let step = 0; step < 6; step++) {
      if (this.punct(k, '-')) {
        if (!glued(this.doc, k - 1) || !glued(this.doc, k)) return null;
        k++;
      } else if (this.isWord(k) && this.lex.rangeLinks.match(this.words[k]!)) k++;
      else if (this.punct(k, ',')) k++;
      else return null;
      const next = this.dayAt(k);
      if (!next || next.ordinal !== day.ordinal || next.day <= last.day) return null;
      let m = next.end;
      if (this.isDayOfMonthLink(m)) m++;
      const ref = this.monthRefAt(m);
      if (ref && (ref.named || m > next.end)) {
        const y = this.yearPartAt(ref.end, ref);
        const parts: DateParts = y ? mergeYear({ ...ref.parts, day: day.day }, y.parts) : { ...ref.parts, day: day.day };
        if (parts.year === undefined && parts.period === undefined && this.afterNameHead(i)) return null;
        return this.atom(i, day.end, j === i ? day.offset : 0, parts, familyRule('ar/dates/day-range', ref), day.ordinal);
      }
      if (m > next.end || next.ordinal) return null;
      last = next;
      k = next.end;
    }
    return null;
  }

  /**
   * A weekday: "الخميس", "يوم الاثنين", "الثلاثاء المقبل", "الخميس 15", "السبت السادس عشر",
   * "الأحد من الأسبوع الماضي", "ثلاثاء الأسبوع الفائت", "يوم جمعة".
   */
  private weekday(i: number): DateAtom | null {
    let j = i;
    const afterDayWord = this.is(i, this.lex.dayWords) && !this.isToday(i);
    if (afterDayWord) j++;
    if (!this.isWord(j)) return null;
    const wdMatch = this.lex.weekdays.match(this.words[j]!);
    if (!wdMatch) return null;
    const wd = wdMatch.values[0]!;
    // "الأحد عشر" is an ordinal; a bare weekday name ("جمعة") stands only after يوم or before الأسبوع
    if (this.numbers.get(j)?.kind === 'ordinal') return null;
    let k = j + 1;
    const parts: DateParts = { weekday: wd.weekday };
    // "الأحد من الأسبوع الماضي", "اثنين الأسبوع الحالي", "الاثنين من هذا الأسبوع"
    const week = this.weekPhraseAt(this.isDayOfMonthLink(k) ? k + 1 : k);
    if (week) {
      parts.weekShift = week.shift;
      k = week.end;
    } else if (wd.bare && !afterDayWord) return null;
    else {
      const dir = this.isWord(k) ? this.lex.directions.get(this.words[k]!)?.[0] : undefined;
      if (dir && dir !== 'current') {
        parts.weekdayDirection = dir;
        k++;
      } else if (dir === 'current') k++;
    }
    if (this.governedByFuture(i)) parts.future = true;
    // "الخميس 15", "السبت السادس عشر": a day number with no month after it. Digits are taken
    // only right after the weekday and where they cannot be a count: before punctuation, or
    // within a week of the publication day ("اليوم الأحد 5 بنادق" counts rifles).
    if (parts.weekShift === undefined && parts.weekdayDirection === undefined) {
      let m = k;
      const agreeing = this.lex.agreeing.matchAt(this.words, m);
      if (agreeing) m = agreeing.end;
      const day = this.dayAt(m);
      if (day && !this.startsMonthAfterDay(day.end) && (day.ordinal || this.bareDayIsDate(day))) {
        parts.day = day.day;
        k = day.end;
      }
    }
    return this.atom(i, k, afterDayWord ? this.lex.dayWords.match(this.words[i]!)!.offset : wdMatch.offset, parts, 'ar/dates/weekday');
  }

  /** Whether a bare day number in digits after a weekday is a day (not a count). */
  private bareDayIsDate(day: DayNumber): boolean {
    const after = day.end;
    if (after >= this.n || this.kinds[after] === TokenKind.Punct) return true;
    if (this.numbers.has(after) || this.lex.timeUnits.match(this.words[after]!)) return false;
    const pub = this.published;
    return pub !== null && Math.abs(pub.day - day.day) <= 7;
  }

  /** Whether a month reference follows a day number at `i` (then the day belongs to a day-month date). */
  private startsMonthAfterDay(i: number): boolean {
    const j = this.isDayOfMonthLink(i) ? i + 1 : i;
    return this.monthRefAt(j) !== null;
  }

  /** "الأسبوع الماضي", "هذا الأسبوع": the week's shift from the publication week. */
  private weekPhraseAt(i: number): { shift: number; end: number } | null {
    let j = i;
    let demonstrative = false;
    if (this.is(j, this.lex.demonstratives)) {
      demonstrative = true;
      j++;
    }
    if (!this.isWord(j)) return null;
    const p = this.lex.periods.get(this.words[j]!);
    if (!p?.includes('week')) return null;
    if (demonstrative) return { shift: 0, end: j + 1 };
    const dir = this.isWord(j + 1) ? this.lex.directions.get(this.words[j + 1]!)?.[0] : undefined;
    if (!dir || dir === 'following') return null;
    return { shift: shiftOf(dir), end: j + 2 };
  }

  /**
   * "سوف", or a verb with the future prefix سـ ("سيعقد", "وستزور", "سيتم"), in the three words
   * before `i` makes a weekday future.
   */
  private governedByFuture(i: number): boolean {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      if (!this.isWord(k)) return false;
      if (this.lex.futureWords.has(this.words[k]!) || this.isFutureVerb(this.words[k]!)) return true;
    }
    return false;
  }

  /**
   * A present-tense verb (ي ت ن) after the future prefix س, as the clitic analyser reads it
   * ("وستزور" → و + س + تزور). Words that only look like one are nouns ending in ة or ات
   * ("سيطرة", "سيارات", normalised to ه), or listed (`notFutureVerbs`: "سيول", "ستين").
   */
  private isFutureVerb(word: string): boolean {
    return analyzeClitics(word).some(
      (r) => r.proclitics.at(-1) === 'س' && r.stem.length >= 3 && /^[يتن]/u.test(r.stem) && !/(ه|ات)$/u.test(r.stem) && !this.lex.notFutureVerbs.has('س' + r.stem),
    );
  }

  /** "اليوم", "أمس", "أول أمس", "غداً", "بعد غد"; a bare "اليوم" only where it means the publication day. */
  private relativeDay(i: number): DateAtom | null {
    const m = this.lex.relativeDays.matchAt(this.words, i);
    if (!m) return null;
    const { offset, today } = m.value;
    const single = m.end === i + 1;
    if (today && single && !this.todayIsDate(i, m.offset)) return null;
    // "غدا" is also a verb ("غدا الوضع أسوأ"): tomorrow when written with tanwin or standing alone
    if (single && offset === 1 && /^و?غدا$/.test(this.words[i]!) && !this.doc.tokens.surface(i).includes('\u064b') && this.isWord(i + 1) && !this.lex.weekdays.match(this.words[i + 1]!)) {
      return null;
    }
    return this.atom(i, m.end, m.offset, { relativeDays: offset }, 'ar/dates/relative-day');
  }

  /**
   * Whether a bare "اليوم" names the publication day. It does not when it is part of a name or
   * an ordinal phrase ("اليوم العالمي", "اليوم الثاني"), after a demonstrative or a word of
   * duration ("ذلك اليوم", "حتى اليوم"), before a pronoun ("اليوم هي"), inside a quotation (the
   * speaker's today, not the article's), as a sentence opener before a comma ("واليوم، تتعرض")
   * or in a relative clause in the present tense ("الاسم الذي يقاتل تحته اليوم"): there it
   * means nowadays.
   */
  private todayIsDate(i: number, offset: number): boolean {
    const next = i + 1;
    if (this.isWord(next)) {
      const w = this.words[next]!;
      if (this.lex.weekdays.match(w)) return true;
      if (w.startsWith('ال') && w.length > 3) return false;
      if (this.lex.todayNotAfter.has(w)) return false;
    }
    if (this.is(i - 1, this.lex.timeOfDay)) return true;
    if (this.is(i - 1, this.lex.todayNotBefore)) return false;
    if (this.isQuoted(i)) return false;
    if (offset > 0 && this.isSentenceStart(i) && this.punct(next, ',')) return false;
    // a relative pronoun, then a present-tense verb, then at most one word before اليوم
    for (let k = i - 2; k >= Math.max(0, i - 3); k--) {
      if (this.isWord(k) && this.lex.relativePronouns.has(this.words[k]!)) {
        const verb = this.words[k + 1]!;
        if (/^[يتن]/.test(verb) && verb.length >= 4) return false;
      }
    }
    return true;
  }

  private isSentenceStart(i: number): boolean {
    if (!this.sentenceFirst) this.sentenceFirst = new Set(this.doc.sentences.map((s) => s.firstToken));
    return this.sentenceFirst.has(i);
  }

  /** Whether token `i` stands inside a quotation («…», “…”, "…"), over paragraphs if need be. */
  private isQuoted(i: number): boolean {
    if (!this.quoted) this.quoted = quotedTokens(this.doc);
    return this.quoted[i] === 1;
  }

  /**
   * References to a date named before: "اليوم نفسه", "في نفس اليوم", "اليوم التالي", "العام
   * نفسه", "الشهر نفسه" (alone; "29 من الشهر نفسه" is a day-month), "الشهر التالي".
   */
  private reference(i: number): DateAtom | null {
    if (!this.isWord(i)) return null;
    const w = this.words[i]!;
    // "نفس اليوم", "ذات الشهر", "نفس العام"
    if (this.lex.sameBefore.match(w) && this.isWord(i + 1)) {
      const unit = this.unitWord(i + 1);
      if (unit) return this.atom(i, i + 2, 0, { anaphora: unit === 'day' ? 'day' : unit === 'month' ? 'month' : 'year' }, 'ar/dates/reference');
      return null;
    }
    const unitMatch = this.unitWordMatch(i);
    if (!unitMatch || !this.isWord(i + 1)) return null;
    const next = this.words[i + 1]!;
    const unit = unitMatch.unit;
    if (this.lex.sameAfter.has(next)) {
      return this.atom(i, i + 2, unitMatch.offset, { anaphora: unit === 'day' ? 'day' : unit === 'month' ? 'month' : 'year' }, 'ar/dates/reference');
    }
    if (this.lex.directions.get(next)?.[0] === 'following') {
      const anaphora = unit === 'day' ? 'next-day' : unit === 'month' ? 'following-month' : 'following-year';
      return this.atom(i, i + 2, unitMatch.offset, { anaphora }, 'ar/dates/reference');
    }
    return null;
  }

  private unitWord(i: number): 'day' | 'month' | 'year' | null {
    return this.unitWordMatch(i)?.unit ?? null;
  }

  private unitWordMatch(i: number): { unit: 'day' | 'month' | 'year'; offset: number } | null {
    const w = this.words[i]!;
    const today = this.lex.relativeDays.matchAt(this.words, i);
    if (today && today.value.today && today.end === i + 1) return { unit: 'day', offset: today.offset };
    const p = this.lex.periods.match(w);
    if (p && (p.values.includes('month') || p.values.includes('year'))) return { unit: p.values.includes('month') ? 'month' : 'year', offset: p.offset };
    return null;
  }

  /**
   * A period relative to the publication date, or part of one: "الأسبوع الماضي", "الشهر
   * الجاري", "العام المقبل", "هذه السنة", "مطلع العام الجاري", "منتصف الشهر الماضي", "أواخر
   * الشهر", "منتصف آذار", "مطلع تشرين الأول الماضي", "بداية شهر 3".
   */
  private period(i: number): DateAtom | null {
    if (!this.isWord(i)) return null;
    const w = this.words[i]!;
    let j = i;
    let part: DateParts['part'];
    const partMatch = this.lex.parts.match(w);
    if (partMatch) {
      part = partMatch.values[0];
      j++;
      // "في نصف شهر مارس", "نص شهر ثلاث", "منتصف آذار", "أواخر الشهر"
      const ref = this.monthRefAt(j);
      if (ref && (ref.named || ref.parts.period || ref.parts.anaphora)) {
        if (ref.named) return this.withYear(i, ref, { ...ref.parts, part: part! }, 'ar/dates/part-of-month', false, partMatch.offset);
        return this.atom(i, ref.end, partMatch.offset, { ...ref.parts, part: part! }, 'ar/dates/part-of-month');
      }
    }
    // "هذا العام", "هذه السنة", "هذا الأسبوع"
    let demonstrative = false;
    let offset = partMatch?.offset ?? 0;
    if (this.is(j, this.lex.demonstratives) && this.isWord(j + 1)) {
      demonstrative = true;
      if (j === i) offset = this.lex.demonstratives.match(this.words[j]!)!.offset;
      j++;
    }
    if (!this.isWord(j)) return null;
    const unitMatch = this.lex.periods.match(this.words[j]!);
    if (!unitMatch) return null;
    const unit = unitMatch.values[0]!;
    if (j === i) offset = unitMatch.offset;
    if (demonstrative) return this.atom(i, j + 1, offset, { period: { unit, shift: 0 }, ...(part ? { part } : {}) }, 'ar/dates/relative-period');
    const dir = this.isWord(j + 1) ? this.lex.directions.get(this.words[j + 1]!)?.[0] : undefined;
    if (dir && dir !== 'following') return this.atom(i, j + 2, offset, { period: { unit, shift: shiftOf(dir) }, ...(part ? { part } : {}) }, 'ar/dates/relative-period');
    // "مطلع العام", "قبل نهاية العام": the publication year (a bare العام is also "general": الأمين العام)
    if (part && unit === 'year' && unitMatch.proclitics.length === 0) {
      return this.atom(i, j + 1, offset, { period: { unit: 'year', shift: 0 }, part }, 'ar/dates/relative-period');
    }
    return null;
  }

  /**
   * A month with its year or direction: "آذار 2019", "آذار/مارس 2019", "شهر آذار من العام
   * 2019", "أيار الماضي", "آب/أغسطس الماضي", "في تشرين الأول" (a month that is also a common
   * word needs a year, شهر or a direction).
   */
  private monthYear(i: number): DateAtom | null {
    const ref = this.monthRefAt(i);
    if (!ref || !ref.named) return null;
    const y = this.yearPartAt(ref.end, ref);
    const viaMonthWord = this.lex.monthWords.match(this.words[i]!) !== null;
    if (!y) {
      if (ref.ambiguous && !viaMonthWord) return null;
      if (!viaMonthWord && !this.is(i - 1, this.lex.yearPrepositions) && ref.offset === 0) return null;
      if (this.afterNameHead(i)) return null;
    }
    const parts = y ? mergeYear(ref.parts, y.parts) : ref.parts;
    return this.atom(i, y ? y.end : ref.end, ref.offset, parts, familyRule('ar/dates/month', ref));
  }

  /**
   * A year: "عام 2018", "العام 2019", "لعام 2014", "سنة ٢٠١٩", "ال2020", "1444هـ", "2023م",
   * a bare "2019" after a preposition ("منذ 2014", "في 2019"), and the next years of a list
   * ("عامي 2014 و2015").
   */
  private year(i: number, before: readonly DateAtom[]): DateAtom | null {
    // "و2015" after a year: the و is a token of its own, glued to the digits
    const last = before[before.length - 1];
    if (last && last.end === i - 1 && last.parts.year !== undefined && this.words[i - 1] === 'و' && glued(this.doc, i - 1)) {
      const y = this.yearNumberAt(i);
      if (y) return this.atom(i, y.end, 0, { year: y.year, ...(y.calendar ? { calendar: y.calendar } : {}) }, 'ar/dates/year');
    }
    if (this.isArticleBeforeDigits(i)) {
      const y = this.yearNumberAt(i + 1);
      if (y) return this.atom(i, y.end, this.words[i]!.length - 2, { year: y.year, ...(y.calendar ? { calendar: y.calendar } : {}) }, 'ar/dates/year');
      return null;
    }
    if (this.isWord(i)) {
      const yw = this.lex.yearWords.match(this.words[i]!);
      if (!yw) return null;
      const y = this.yearNumberAt(i + 1);
      if (!y) return null;
      return this.atom(i, y.end, yw.offset, { year: y.year, ...(y.calendar ? { calendar: y.calendar } : {}) }, 'ar/dates/year');
    }
    const y = this.yearNumberAt(i);
    if (!y) return null;
    if (y.calendar) return this.atom(i, y.end, 0, { year: y.year, calendar: y.calendar }, 'ar/dates/year');
    // a bare year: after a preposition, and not before a word that makes it a count
    if (!this.is(i - 1, this.lex.yearPrepositions) || this.numbers.get(i)?.plainDigits === null) return null;
    const next = i + 1;
    if (this.isWord(next) && (this.numbers.has(next) || this.lex.timeUnits.match(this.words[next]!))) return null;
    if (this.kinds[next] === TokenKind.Number || this.punct(next, '%')) return null;
    return this.atom(i, next, 0, { year: y.year }, 'ar/dates/year');
  }

  /** "قبل ثلاثة أيام", "قبل أسبوع", "قبل يومين", "قبل عامين" (not "قبل ثلاثة أيام من …"). */
  private ago(i: number): DateAtom | null {
    if (!this.is(i, this.lex.ago)) return null;
    let count = 1;
    let j = i + 1;
    const num = this.numbers.get(j);
    if (num && num.kind === 'cardinal' && num.value !== null && Number.isInteger(num.value) && num.value > 0) {
      count = num.value;
      j = num.end;
    }
    if (!this.isWord(j)) return null;
    const unit = this.lex.timeUnits.get(this.words[j]!)?.[0];
    if (!unit || (unit.unit !== 'day' && unit.unit !== 'week' && unit.unit !== 'month' && unit.unit !== 'year')) return null;
    if (unit.dual) {
      if (j !== i + 1) return null;
      count = 2;
    } else if (j === i + 1 && !unit.singular) return null; // "قبل أيام": no count
    if (this.isWord(j + 1) && this.lex.agoTiedAfter.has(this.words[j + 1]!)) return null;
    return this.atom(i, j + 1, this.lex.ago.match(this.words[i]!)!.offset, { ago: { unit: unit.unit, count } }, 'ar/dates/ago');
  }

}

/** The shift of a direction: past -1, current 0, future +1. */
function shiftOf(d: Direction): number {
  return d === 'past' ? -1 : d === 'future' ? 1 : 0;
}

/** "الشهر الماضي" and kin as parts. */
function monthShift(d: Direction): DateParts {
  if (d === 'following') return { anaphora: 'following-month' };
  return { period: { unit: 'month', shift: shiftOf(d) } };
}

/** Adds the year part read after a month to the parts of the month. */
function mergeYear(parts: DateParts, year: DateParts): DateParts {
  const out: DateParts = { ...parts, ...year };
  // a Hijri era marker makes the month Hijri too; a Gregorian one after a Hijri month is ignored
  if (parts.calendar === 'hijri' && year.calendar === 'gregorian') out.calendar = 'hijri';
  if (year.calendar === 'hijri') out.calendar = 'hijri';
  // "رمضان 1445" without هـ: a Hijri month with a Hijri-range year
  if (parts.calendar === 'hijri' && year.year !== undefined && year.year < MIN_YEAR) out.calendar = 'hijri';
  // "رمضان 2019": a Hijri month in a Gregorian year
  if (parts.calendar === 'hijri' && year.year !== undefined && year.year >= MIN_YEAR && year.calendar !== 'hijri') {
    const { year: gregorianYear, ...rest } = out;
    return { ...rest, calendar: 'hijri', gregorianYear };
  }
  return out;
}

/** The rule id of a date by the month family it names: "ar/dates/day-month/levantine". */
function familyRule(rule: string, ref: MonthRef): string {
  return ref.family ? `${rule}/${ref.family}` : rule;
}

const OPENERS = new Set([0xab /* « */, 0x201c /* “ */]);
const CLOSERS = new Set([0xbb /* » */, 0x201d /* ” */]);

/**
 * Marks the tokens inside quotations. «» and “” nest; straight quotes pair up in order. A
 * quotation that is never closed marks nothing.
 *
 * @example
 * quotedTokens(analyzeText('قال "اليوم نبدأ"'))  // [0, 0, 1, 1, 0]
 */
export function quotedTokens(doc: AnalyzedText): Uint8Array {
  const t = doc.tokens;
  const out = new Uint8Array(t.count);
  const original = doc.text;
  const stack: number[] = [];
  let straightOpen = -1;
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] !== TokenKind.Punct) continue;
    const u = original.charCodeAt(t.start(i));
    if (OPENERS.has(u)) stack.push(i);
    else if (CLOSERS.has(u)) {
      const open = stack.pop();
      if (open !== undefined) out.fill(1, open + 1, i);
    } else if (u === 0x22) {
      if (straightOpen < 0) straightOpen = i;
      else {
        out.fill(1, straightOpen + 1, i);
        straightOpen = -1;
      }
    }
  }
  return out;
}
