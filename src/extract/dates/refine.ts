/**
 * The date refiners: they join date atoms that describe one date and resolve every date, with
 * references to the date named before.
 *
 * - {@link joinDates}: "أمس" + "الخميس" + "الخامس من كانون الأول/ديسمبر" are one date, and so
 *   are "5 رمضان 1444هـ" + "الموافق للسابع والعشرين من مارس 2023". Atoms join when only a
 *   comma, "يوم", "في" or "الموافق" stands between them and together they say more than
 *   either (a relative day or a weekday with a calendar date, or two calendars of one day).
 * - {@link resolveDates}: resolves each date in reading order; "29 من الشهر نفسه" takes the
 *   month last named, "اليوم التالي" the day after the last day named. Cues that disagree
 *   ("أمس، الخميس 15" when the 15th was a Friday) leave a `date-conflict` message; dates that
 *   needed a publication date the article lacks leave one `date-unanchored` message.
 */
import { recordMessage } from '../../messages.js';
import type { AnalyzedText } from '../../text/analyze.js';
import { TokenKind } from '../../text/tokenize.js';
import { docWords } from '../numbers/word-index.js';
import type { DateMention, Message } from '../record.js';
import type { Extraction, ExtractionInput, Refiner } from '../types.js';
import { partsOf, setParts, setTokens, tokensOf } from './extract.js';
import { dayNumber, isValidDay, weekdayOf } from './calendar.js';
import { dateLexicon } from './lexicon.js';
import { resolveDate, type Antecedent, type DateParts } from './resolve.js';

/** At most this many tokens between two atoms of one date: "أمس ، الخميس", "5 رمضان 1444هـ الموافق ل…". */
const MAX_GAP = 3;

/** What sort of gap stands between two atoms; null when they are not to be joined. */
function gapBetween(doc: AnalyzedText, from: number, to: number): { agreeing: boolean; empty: boolean } | null {
  if (to < from || to - from > MAX_GAP) return null;
  const words = docWords(doc);
  const lex = dateLexicon();
  let agreeing = false;
  let i = from;
  while (i < to) {
    const w = words[i]!;
    if (doc.tokens.kinds[i] === TokenKind.Punct) {
      if (w !== ',' && w !== '-' && w !== '(' && w !== ')') return null;
      i++;
      continue;
    }
    const agree = lex.agreeing.matchAt(words, i, to);
    if (agree) {
      agreeing = true;
      i = agree.end;
      continue;
    }
    if (lex.dayWords.has(w) || lex.joinWords.has(w)) {
      i++;
      continue;
    }
    return null;
  }
  return { agreeing, empty: from === to };
}

const hasDay = (p: DateParts) => p.day !== undefined || p.nthWeekday !== undefined || p.lastDayOfMonth === true;
const hasDayCue = (p: DateParts) => p.weekday !== undefined || p.relativeDays !== undefined;

/** Whether two neighbouring atoms describe one date. */
function joinable(a: DateParts, b: DateParts, agreeing: boolean): boolean {
  if (a.anaphora && a.anaphora !== 'month' && a.anaphora !== 'month-or-current') return false;
  // "5 رمضان 1444هـ الموافق 27 مارس 2023": one day in two calendars
  if (agreeing && hasDay(a) && hasDay(b)) return true;
  if (hasDay(a) && hasDay(b)) return false;
  if (a.relativeDays !== undefined && b.relativeDays !== undefined) return false;
  if (a.weekday !== undefined && b.weekday !== undefined) return false;
  // a relative day or a weekday with a calendar date, or with each other
  return (hasDayCue(a) && (hasDay(b) || hasDayCue(b))) || (hasDayCue(b) && hasDay(a));
}

/** The parts of two joined atoms. */
function joinParts(a: DateParts, b: DateParts, agreeing: boolean, ordinalAfterWeekday: boolean): DateParts {
  if (agreeing) {
    // Two calendars of one day: the Gregorian one is the value, the other is checked against
    // it; a weekday or relative day said with either stays.
    const [gregorian, other] = a.calendar === 'hijri' ? [b, a] : [a, b];
    const out: DateParts = { ...gregorian, alternative: other };
    if (out.weekday === undefined && other.weekday !== undefined) out.weekday = other.weekday;
    if (out.relativeDays === undefined && other.relativeDays !== undefined) out.relativeDays = other.relativeDays;
    return out;
  }
  const out: DateParts = { ...a, ...b };
  if (ordinalAfterWeekday) out.ordinalDayAfterWeekday = true;
  return out;
}

/**
 * Joins neighbouring date atoms that describe one date into one mention.
 *
 * @example
 * // "أمس الخميس الخامس من كانون الأول/ديسمبر": three atoms, one date
 */
export const joinDates: Refiner = {
  name: 'refine/dates-join',
  refine({ doc }: ExtractionInput, x: Extraction): Extraction {
    if (x.dates.length < 2) return x;
    const sorted = [...x.dates].sort((p, q) => p.start - q.start);
    const out: DateMention[] = [];
    for (const m of sorted) {
      const prev = out[out.length - 1];
      const pa = prev && partsOf(prev);
      const pb = partsOf(m);
      const ta = prev && tokensOf(prev);
      const tb = tokensOf(m);
      if (prev && pa && pb && ta && tb) {
        const gap = gapBetween(doc, ta.end, tb.first);
        if (gap && joinable(pa, pb, gap.agreeing)) {
          const twoCalendars = gap.agreeing && hasDay(pa) && hasDay(pb);
          const parts = joinParts(pa, pb, twoCalendars, gap.empty && pa.weekday !== undefined && tb.ordinalDay);
          const joined: DateMention = {
            start: prev.start,
            end: m.end,
            text: doc.text.slice(prev.start, m.end),
            value: prev.value,
            precision: prev.precision,
            relative: prev.relative,
            rule: `${prev.rule ?? 'ar/dates'}+${(m.rule ?? 'ar/dates').replace(/^ar\/dates\//, '')}`,
          };
          setParts(joined, parts);
          setTokens(joined, { first: ta.first, end: tb.end, ordinalDay: ta.ordinalDay });
          out[out.length - 1] = joined;
          continue;
        }
      }
      out.push(m);
    }
    const others = x.dates.filter((d) => !partsOf(d));
    return { ...x, dates: others.length ? [...out.filter((d) => partsOf(d)), ...others] : out };
  },
};

/** A Gregorian day or month named with no year and no word that places it (الماضي, المقبل). */
const yearless = (p: DateParts) =>
  p.month !== undefined && p.year === undefined && p.period === undefined && p.monthDirection === undefined && p.relativeDays === undefined && !p.anaphora && p.calendar !== 'hijri';

/** Whether a weekday said with a day and month (if any) falls on that day in `year`. */
function weekdayAgrees(p: DateParts, year: number): boolean {
  if (p.weekday === undefined || p.day === undefined || !isValidDay(year, p.month!, p.day)) return p.weekday === undefined;
  return weekdayOf(dayNumber(year, p.month!, p.day)) === p.weekday;
}

/** For an offset of the text, the index of its sentence. */
function sentenceIndex(doc: AnalyzedText): (offset: number) => number {
  const starts = doc.sentences.map((s) => s.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** Whether a date names a month (an antecedent for "الشهر نفسه"). */
const namesMonth = (p: DateParts) => p.month !== undefined || p.period?.unit === 'month';
const namesYear = (p: DateParts) => p.year !== undefined || p.month !== undefined || p.period !== undefined;

/**
 * Resolves every date in reading order, references included, and reports disagreeing cues and
 * dates left without a publication date.
 */
export const resolveDates: Refiner = {
  name: 'refine/dates-resolve',
  refine({ doc, published }: ExtractionInput, x: Extraction): Extraction {
    if (x.dates.length === 0) return x;
    const messages: Message[] = [];
    // the year last written in full, and the sentence it stands in
    let written: { year: number; sentence: number } | null = null;
    const sentenceAt = sentenceIndex(doc);
    let lastMonth: Antecedent | null = null;
    let lastDay: Antecedent | null = null;
    let lastYear: Antecedent | null = null;
    const unanchored: DateMention[] = [];
    const dates = [...x.dates]
      .sort((p, q) => p.start - q.start)
      .map((m) => {
        let parts = partsOf(m);
        if (!parts) return m;
        const sentence = sentenceAt(m.start);
        // "من 25 نوفمبر 2017 … إلى يوم 15 ديسمبر": a day and month in the sentence of a date
        // written with its month and year take that year
        if (written && written.sentence === sentence && yearless(parts) && weekdayAgrees(parts, written.year)) parts = { ...parts, year: written.year };
        if (parts.year !== undefined && parts.month !== undefined && parts.calendar !== 'hijri' && !parts.anaphora) written = { year: parts.year, sentence };
        const a = parts.anaphora;
        const antecedent =
          a === 'month' || a === 'month-or-current' || a === 'following-month' ? lastMonth : a === 'day' || a === 'next-day' ? lastDay : a ? lastYear : null;
        const r = resolveDate(parts, published, antecedent);
        let conflict = r.conflict;
        if (parts.alternative && r.value) {
          const other = resolveDate(parts.alternative, published);
          if (other.value && other.precision === r.precision && other.value !== r.value) {
            conflict = `the two calendars disagree: ${other.value} and ${r.value}; read as ${r.value} (the Gregorian date)`;
          }
        }
        const resolved: DateMention = { ...m, value: r.value, precision: r.precision, relative: r.relative };
        setParts(resolved, parts);
        const t = tokensOf(m);
        if (t) setTokens(resolved, t);
        if (conflict) messages.push(recordMessage('date-conflict', `"${m.text}": ${conflict}`, { start: m.start, end: m.end, text: m.text }));
        if (r.unanchored) unanchored.push(m);
        if (r.fields) {
          const f = { ...r.fields, relative: r.relative };
          if (namesMonth(parts) || (a && f.month !== undefined && a !== 'day' && a !== 'next-day')) lastMonth = f;
          if (r.precision === 'day') lastDay = f;
          if (namesYear(parts) || a) lastYear = f;
        }
        return resolved;
      });
    const first = unanchored[0];
    if (first) {
      const count = unanchored.length === 1 ? 'a relative date' : `${unanchored.length} relative dates`;
      messages.push(
        recordMessage('date-unanchored', `${count} (first "${first.text}") left without a value: the article has no publication date`, {
          start: first.start,
          end: first.end,
          text: first.text,
        }),
      );
    }
    return { ...x, dates, messages: [...x.messages, ...messages] };
  },
};
