/**
 * From what a date expression says to its value: the contract's `value`, `precision` and
 * `relative`, resolved against the publication date.
 *
 * A date expression is read into {@link DateParts}: explicit calendar fields (day, month, year,
 * in the Gregorian or Hijri calendar), relative cues (أمس, الخميس, الشهر الماضي, قبل ثلاثة
 * أيام), and references to a date named before (الشهر نفسه, اليوم التالي). Resolution never
 * guesses: without the publication date a relative expression has `value: null`.
 *
 * Conventions (news reports what happened):
 * - a weekday alone is the latest such day on or before the publication day; with الماضي the
 *   latest before it, with المقبل/القادم the first after it, after سوف the first on or after it;
 * - a day and month without a year take the year that puts them nearest the publication date,
 *   up to three months after it (a date further ahead is last year's); with الماضي the latest
 *   before it, with المقبل the first after it;
 * - the contract has no week or part-of-month precision: "الأسبوع الماضي" is the month that
 *   holds that week (the year when it straddles two months), "منتصف آذار" is March;
 * - a Hijri month or year is given as the Gregorian month or year of its middle day.
 * When the cues of one date disagree ("أمس، الخميس 15" when the 15th was a Friday) the value is
 * the day most cues agree on, then the one the most reliable cue names: a full date with its
 * year, then a day and month (or a Hijri date), then a weekday, then a relative day (أمس:
 * publication dates are often a day off), then a bare day number. The disagreement is
 * returned as a note for the record's messages.
 */
import type { Iso } from '../record.js';
import { addMonths, dayNumber, daysInMonth, fromDayNumber, hijriOf, hijriToDayNumber, isValidDay, isoOf, parseIso, weekdayOf } from './calendar.js';
import type { Direction, PartOfPeriod, PeriodUnit, TimeUnit } from './lexicon.js';

/** What one date expression says. Every field is optional: an expression names some. */
export interface DateParts {
  /** The calendar of day/month/year (Gregorian unless a Hijri month or era marker says so). */
  calendar?: 'gregorian' | 'hijri';
  day?: number;
  /** The day was written as an ordinal word right after a weekday ("الثلاثاء الثالث من أيلول"). */
  ordinalDayAfterWeekday?: boolean;
  month?: number;
  year?: number;
  /** آذار الماضي, كانون الأول الجاري: which occurrence of a month without a year. */
  monthDirection?: Direction;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  weekdayDirection?: Direction;
  /** A future verb governs the weekday ("سيعقد الخميس"). */
  future?: boolean;
  /** The weekday of a week shifted from the publication week ("الأحد من الأسبوع الماضي"). */
  weekShift?: number;
  /** The n-th (1-5, or -1 for the last) such weekday of the month ("ثالث ثلاثاء في أيلول"). */
  nthWeekday?: number;
  /** The last day of the month ("آخر يوم من شهر تشرين الأول"). */
  lastDayOfMonth?: boolean;
  /** Days from the publication day: اليوم 0, أمس -1, غداً 1. */
  relativeDays?: number;
  /** A period shifted from the publication date: الشهر الماضي = month -1, العام المقبل = year +1. */
  period?: { unit: PeriodUnit; shift: number };
  /** "قبل ثلاثة أيام": a count of units before the publication date. */
  ago?: { unit: TimeUnit; count: number };
  /** Part of the period named (مطلع, منتصف, أواخر): kept for the reader, not in the value. */
  part?: PartOfPeriod;
  /**
   * A reference to the date named last: its month ("الشهر نفسه"), its day ("اليوم ذاته"), the day
   * after it ("اليوم التالي"), its year ("العام نفسه"), or — for a bare "الشهر" in "منتصف الشهر"
   * — its month when there is one and else the publication month.
   */
  anaphora?: 'month' | 'day' | 'next-day' | 'year' | 'month-or-current' | 'following-month' | 'following-year';
  /** A Gregorian year for a Hijri month ("رمضان 2019"): the month's occurrence whose middle falls in it. */
  gregorianYear?: number;
  /** The same day in the other calendar ("5 رمضان 1444هـ الموافق 27 مارس 2023"): checked, not used. */
  alternative?: DateParts;
}

/** What a date resolves to. */
export interface Resolution {
  value: Iso | null;
  precision: 'day' | 'month' | 'year' | null;
  relative: boolean;
  /** When the cues disagreed: what was chosen and why (for a record message). */
  conflict: string | null;
  /** The resolved fields, for references to this date (الشهر نفسه). */
  fields: { year: number; month?: number; day?: number } | null;
  /** True when the value needed the publication date and there was none. */
  unanchored: boolean;
}

/** The date a reference (الشهر نفسه, اليوم التالي) is resolved against. */
export interface Antecedent {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly relative: boolean;
}

const NONE: Resolution = { value: null, precision: null, relative: false, conflict: null, fields: null, unanchored: false };
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** How far after the publication date a date without a year may fall (days). */
const FUTURE_WINDOW = 92;

function day(n: number, relative: boolean, conflict: string | null = null): Resolution {
  const d = fromDayNumber(n);
  return { value: isoOf(d, 'day'), precision: 'day', relative, conflict, fields: d, unanchored: false };
}
function month(year: number, m: number, relative: boolean): Resolution {
  return { value: isoOf({ year, month: m }, 'month'), precision: 'month', relative, conflict: null, fields: { year, month: m }, unanchored: false };
}
function year(y: number, relative: boolean): Resolution {
  return { value: isoOf({ year: y }, 'year'), precision: 'year', relative, conflict: null, fields: { year: y }, unanchored: false };
}
const unanchored = (): Resolution => ({ ...NONE, unanchored: true });

/**
 * Resolves date parts against the publication date (and, for references, the date named
 * before).
 *
 * @example
 * resolveDate({ relativeDays: -1, weekday: 4, day: 15 }, '2019-11-15').value  // '2019-11-14' (with a conflict note)
 * resolveDate({ day: 27, month: 11 }, '2024-12-06').value                      // '2024-11-27'
 * resolveDate({ month: 3, year: 2019 }, null).value                            // '2019-03'
 */
export function resolveDate(parts: DateParts, published: Iso | null, antecedent: Antecedent | null = null): Resolution {
  const pub = parseIso(published);
  const p = pub && pub.month !== null && pub.day !== null ? dayNumber(pub.year, pub.month, pub.day) : null;

  if (parts.anaphora) return resolveReference(parts, published, antecedent);
  if (parts.calendar === 'hijri') return resolveHijri(parts, p);
  if (parts.ago) {
    if (p === null) return unanchored();
    const { unit, count } = parts.ago;
    if (unit === 'day') return day(p - count, true);
    if (unit === 'week') return day(p - 7 * count, true);
    const d = fromDayNumber(p);
    if (unit === 'month') {
      const m = addMonths(d.year, d.month, -count);
      return month(m.year, m.month, true);
    }
    if (unit === 'year') return year(d.year - count, true);
    return NONE;
  }
  if (parts.period) return resolvePeriod(parts, pub, p);
  if (parts.year !== undefined && parts.month === undefined && parts.day === undefined && parts.weekday === undefined) return year(parts.year, false);
  if (parts.month !== undefined && parts.day === undefined && parts.weekday === undefined && !parts.lastDayOfMonth) {
    if (parts.year !== undefined) return month(parts.year, parts.month, false);
    if (!pub) return unanchored();
    const y = yearOfMonth(parts.month, parts.monthDirection, pub.year, pub.month ?? 12, p);
    return month(y, parts.month, true);
  }
  if (parts.month !== undefined && (parts.nthWeekday !== undefined || parts.lastDayOfMonth)) {
    let y = parts.year;
    if (y === undefined) {
      if (!pub) return unanchored();
      y = yearOfMonth(parts.month, parts.monthDirection, pub.year, pub.month ?? 12, p);
    }
    const n = parts.lastDayOfMonth ? dayNumber(y, parts.month, daysInMonth(y, parts.month)) : nthWeekdayOf(y, parts.month, parts.weekday!, parts.nthWeekday!);
    return n === null ? NONE : day(n, parts.year === undefined);
  }
  return resolveDay(parts, p);
}

/** The year of a month named without one. */
function yearOfMonth(m: number, direction: Direction | undefined, pubYear: number, pubMonth: number, p: number | null = null): number {
  if (direction === 'past') return m < pubMonth ? pubYear : pubYear - 1;
  if (direction === 'future' || direction === 'following') return m > pubMonth ? pubYear : pubYear + 1;
  if (direction === 'current') return pubYear;
  // nearest, up to three months ahead
  const ref = p ?? dayNumber(pubYear, pubMonth, 15);
  let best = pubYear;
  let bestDistance = Infinity;
  for (const y of [pubYear - 1, pubYear, pubYear + 1]) {
    const diff = dayNumber(y, m, 15) - ref;
    if (diff > FUTURE_WINDOW) continue;
    if (Math.abs(diff) < bestDistance) {
      bestDistance = Math.abs(diff);
      best = y;
    }
  }
  return best;
}

function nthWeekdayOf(y: number, m: number, weekday: number, nth: number): number | null {
  if (nth === -1) {
    const last = dayNumber(y, m, daysInMonth(y, m));
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumber(y, m, 1);
  const n = first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
  return fromDayNumber(n).month === m ? n : null;
}

function resolveHijri(parts: DateParts, p: number | null): Resolution {
  if (parts.gregorianYear !== undefined && parts.month !== undefined && parts.day === undefined) {
    // "رمضان 2019": the occurrence of the month whose middle falls in that year
    const guess = hijriOf(dayNumber(parts.gregorianYear, 7, 1));
    if (!guess) return NONE;
    for (const y of [guess.year - 1, guess.year, guess.year + 1]) {
      const mid = hijriToDayNumber(y, parts.month, 15);
      if (mid !== null && fromDayNumber(mid).year === parts.gregorianYear) return month(fromDayNumber(mid).year, fromDayNumber(mid).month, false);
    }
    return NONE;
  }
  if (parts.month === undefined) {
    if (parts.year === undefined) return NONE;
    // a Hijri year: the Gregorian year of its middle (1 Rajab)
    const mid = hijriToDayNumber(parts.year, 7, 1);
    return mid === null ? NONE : year(fromDayNumber(mid).year, false);
  }
  let y = parts.year;
  let relative = false;
  if (y === undefined) {
    if (p === null) return unanchored();
    const h = hijriOf(p);
    if (!h) return NONE;
    y = h.year;
    if (parts.monthDirection === 'past' ? parts.month >= h.month : parts.monthDirection === 'future' ? false : parts.month > h.month + 2) y--;
    if (parts.monthDirection === 'future' && parts.month <= h.month) y++;
    relative = true;
  }
  if (parts.day !== undefined) {
    const n = hijriToDayNumber(y, parts.month, parts.day);
    if (n === null) return NONE;
    // "اليوم الأربعاء التاسع من ذي الحجة": a weekday or a relative day is checked against the
    // calendar (Umm al-Qura may differ by a day from the dates set by sighting the moon)
    if ((parts.weekday !== undefined || parts.relativeDays !== undefined) && p !== null) {
      return resolveDay({ weekday: parts.weekday, relativeDays: parts.relativeDays, weekdayDirection: parts.weekdayDirection }, p, { n, source: 'day-month' });
    }
    return day(n, relative);
  }
  const mid = hijriToDayNumber(y, parts.month, 15);
  if (mid === null) return NONE;
  const d = fromDayNumber(mid);
  return month(d.year, d.month, relative);
}

function resolvePeriod(parts: DateParts, pub: ReturnType<typeof parseIso>, p: number | null): Resolution {
  const { unit, shift } = parts.period!;
  if (!pub) return unanchored();
  if (unit === 'year') {
    const y = pub.year + shift;
    // "الثلاثاء الأخير من شهر مارس السنة القادمة"
    if (parts.month !== undefined) return withRelative(resolveDate({ ...parts, period: undefined, year: y }, null), true);
    return year(y, true);
  }
  if (pub.month === null) return unanchored();
  if (unit === 'month') {
    const m = addMonths(pub.year, pub.month, shift);
    // "15 من الشهر الماضي", "آخر اثنين من الشهر القادم"
    if (parts.day !== undefined || parts.nthWeekday !== undefined || parts.lastDayOfMonth) {
      return withRelative(resolveDate({ ...parts, period: undefined, year: m.year, month: m.month }, null), true);
    }
    return month(m.year, m.month, true);
  }
  // a week: Monday to Sunday, shifted from the publication week
  if (p === null) return unanchored();
  const monday = p - ((weekdayOf(p) + 6) % 7) + 7 * shift;
  if (parts.weekday !== undefined) return day(monday + ((parts.weekday + 6) % 7), true);
  const a = fromDayNumber(monday);
  const b = fromDayNumber(monday + 6);
  if (a.year === b.year && a.month === b.month) return month(a.year, a.month, true);
  // A week across two months is given the month of the same weekday as publication, shifted by
  // the weeks named (annotation.md: "الأسبوع الماضي" → its month).
  const same = fromDayNumber(p + 7 * shift);
  return month(same.year, same.month, true);
}

function resolveReference(parts: DateParts, published: Iso | null, antecedent: Antecedent | null): Resolution {
  const pub = parseIso(published);
  const kind = parts.anaphora!;
  if (kind === 'month-or-current' && (!antecedent || antecedent.month === undefined)) {
    // "منتصف الشهر" with no month named before: the publication month
    if (!pub || pub.month === null) return unanchored();
    return withRelative(resolveDate({ ...parts, anaphora: undefined, year: pub.year, month: pub.month }, null), true);
  }
  if (!antecedent) {
    // "الشهر التالي", "اليوم التالي" with no date named before: after the publication date
    if (!pub) return unanchored();
    if (kind === 'following-month' && pub.month !== null) return withRelative(resolveDate({ period: { unit: 'month', shift: 1 } }, published), true);
    if (kind === 'following-year') return year(pub.year + 1, true);
    if (kind === 'next-day') return resolveDate({ relativeDays: 1 }, published);
    return NONE;
  }
  const rel = antecedent.relative;
  switch (kind) {
    case 'year':
      return year(antecedent.year, rel);
    case 'following-year':
      return year(antecedent.year + 1, rel);
    case 'month':
    case 'month-or-current':
    case 'following-month': {
      if (antecedent.month === undefined) return NONE;
      const m = kind === 'following-month' ? addMonths(antecedent.year, antecedent.month, 1) : { year: antecedent.year, month: antecedent.month };
      return withRelative(resolveDate({ ...parts, anaphora: undefined, year: m.year, month: m.month }, null), rel);
    }
    case 'day':
    case 'next-day': {
      if (antecedent.month === undefined || antecedent.day === undefined) return NONE;
      return day(dayNumber(antecedent.year, antecedent.month, antecedent.day) + (kind === 'next-day' ? 1 : 0), rel);
    }
  }
}

function withRelative(r: Resolution, relative: boolean): Resolution {
  return { ...r, relative: r.relative || relative };
}

interface Candidate {
  n: number;
  source: 'full' | 'weekday' | 'relative' | 'day-month' | 'day';
}
const RANK: Record<Candidate['source'], number> = { full: 5, 'day-month': 4, weekday: 3, relative: 2, day: 1 };

/** A date at day precision from its cues, with conflicts resolved. */
function resolveDay(parts: DateParts, p: number | null, calendarDay: Candidate | null = null): Resolution {
  const candidates: Candidate[] = calendarDay ? [calendarDay] : [];
  const { weekday } = parts;
  let usedPublished = false;

  if (parts.day !== undefined && parts.month !== undefined) {
    if (parts.year !== undefined) {
      if (!isValidDay(parts.year, parts.month, parts.day)) return NONE;
      let n = dayNumber(parts.year, parts.month, parts.day);
      // "الثلاثاء الثالث من أيلول 2014": an ordinal after a weekday may count the weekdays
      if (parts.ordinalDayAfterWeekday && weekday !== undefined && weekdayOf(n) !== weekday && parts.day <= 5) {
        const nth = nthWeekdayOf(parts.year, parts.month, weekday, parts.day);
        if (nth !== null) n = nth;
      }
      candidates.push({ n, source: 'full' });
    } else {
      if (p === null) return unanchored();
      usedPublished = true;
      const n = dayMonthNearest(parts.day, parts.month, parts.monthDirection, p, weekday, parts.ordinalDayAfterWeekday ?? false);
      if (n === null) return NONE;
      candidates.push({ n, source: 'day-month' });
    }
  } else if (parts.day !== undefined) {
    if (p === null) return unanchored();
    usedPublished = true;
    const n = bareDayNearest(parts.day, p, weekday);
    if (n !== null) candidates.push({ n, source: 'day' });
  }
  if (parts.relativeDays !== undefined) {
    if (p === null) return unanchored();
    usedPublished = true;
    candidates.push({ n: p + parts.relativeDays, source: 'relative' });
  }
  if (weekday !== undefined) {
    const agreeing = candidates.some((c) => weekdayOf(c.n) === weekday);
    if (!agreeing) {
      if (p === null) {
        if (candidates.length === 0) return unanchored();
      } else {
        usedPublished = true;
        candidates.push({ n: weekdayNearest(weekday, parts, p), source: 'weekday' });
      }
    }
  }
  if (candidates.length === 0) return NONE;

  const support = (n: number) => {
    let s = 0;
    for (const c of candidates) if (c.source !== 'weekday' && c.n === n) s++;
    if (weekday !== undefined && weekdayOf(n) === weekday) s++;
    return s;
  };
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) {
    const d = support(c.n) - support(best.n);
    if (d > 0 || (d === 0 && RANK[c.source] > RANK[best.source])) best = c;
  }
  const losers = candidates.filter((c) => c.n !== best.n && c.source !== 'weekday');
  const weekdayDisagrees = weekday !== undefined && weekdayOf(best.n) !== weekday;
  let conflict: string | null = null;
  if (losers.length > 0 || weekdayDisagrees) {
    const said: string[] = [];
    for (const c of losers) said.push(`${describe(c.source)} gives ${isoOf(fromDayNumber(c.n), 'day')} (a ${WEEKDAY_NAMES[weekdayOf(c.n)]})`);
    if (weekdayDisagrees) said.push(`the weekday says ${WEEKDAY_NAMES[weekday!]}`);
    conflict = `${said.join('; ')}; read as ${isoOf(fromDayNumber(best.n), 'day')} (a ${WEEKDAY_NAMES[weekdayOf(best.n)]}), which ${describeChoice(best, candidates, weekday)}`;
  }
  return day(best.n, usedPublished || best.source !== 'full', conflict);
}

function describe(source: Candidate['source']): string {
  return {
    full: 'the full date',
    weekday: 'the weekday',
    relative: 'the relative day',
    'day-month': 'the day and month',
    day: 'the day number',
  }[source];
}

function describeChoice(best: Candidate, all: Candidate[], weekday: number | undefined): string {
  const agree = all.filter((c) => c.n === best.n).map((c) => describe(c.source));
  if (weekday !== undefined && weekdayOf(best.n) === weekday && !agree.includes('the weekday')) agree.push('the weekday');
  return agree.length > 1 ? `${agree.join(' and ')} agree on` : `${agree[0]} (the more reliable cue) gives`;
}

/** The day a weekday names, by the conventions above. */
function weekdayNearest(weekday: number, parts: DateParts, p: number): number {
  if (parts.weekShift !== undefined) {
    const monday = p - ((weekdayOf(p) + 6) % 7) + 7 * parts.weekShift;
    return monday + ((weekday + 6) % 7);
  }
  const back = (weekdayOf(p) - weekday + 7) % 7; // 0..6 days before
  const ahead = (weekday - weekdayOf(p) + 7) % 7; // 0..6 days after
  switch (parts.weekdayDirection) {
    case 'past':
      return p - (back === 0 ? 7 : back);
    case 'future':
    case 'following':
      return p + (ahead === 0 ? 7 : ahead);
    default:
      return parts.future ? p + ahead : p - back;
  }
}

/** A day and month without a year: the occurrence nearest the publication date. */
function dayMonthNearest(d: number, m: number, direction: Direction | undefined, p: number, weekday: number | undefined, ordinalAfterWeekday: boolean): number | null {
  const pub = fromDayNumber(p);
  const options: number[] = [];
  for (const y of [pub.year - 1, pub.year, pub.year + 1]) {
    if (!isValidDay(y, m, d)) continue;
    let n = dayNumber(y, m, d);
    if (ordinalAfterWeekday && weekday !== undefined && weekdayOf(n) !== weekday && d <= 5) {
      const nth = nthWeekdayOf(y, m, weekday, d);
      if (nth !== null) n = nth;
    }
    options.push(n);
  }
  const allowed = options.filter((n) =>
    direction === 'past' ? n < p : direction === 'future' || direction === 'following' ? n > p : direction === 'current' ? fromDayNumber(n).year === pub.year : n - p <= FUTURE_WINDOW,
  );
  if (allowed.length === 0) return null;
  // a weekday picks among the years, even beyond the window ("يوم السبت 19 أوت" in May); else the nearest
  const byWeekday = weekday === undefined ? [] : (direction ? allowed : options).filter((n) => weekdayOf(n) === weekday);
  const pool = byWeekday.length > 0 ? byWeekday : allowed;
  return pool.reduce((a, b) => (Math.abs(b - p) < Math.abs(a - p) ? b : a));
}

/** A bare day number ("الخميس 15"): in the publication month or the one before, nearest first. */
function bareDayNearest(d: number, p: number, weekday: number | undefined): number | null {
  const pub = fromDayNumber(p);
  const options: number[] = [];
  for (const k of [0, -1, 1]) {
    const m = addMonths(pub.year, pub.month, k);
    if (isValidDay(m.year, m.month, d)) options.push(dayNumber(m.year, m.month, d));
  }
  const allowed = options.filter((n) => n - p <= 7);
  if (allowed.length === 0) return null;
  const byWeekday = weekday === undefined ? [] : allowed.filter((n) => weekdayOf(n) === weekday);
  const pool = byWeekday.length > 0 ? byWeekday : allowed;
  return pool.reduce((a, b) => (Math.abs(b - p) < Math.abs(a - p) ? b : a));
}
