/**
 * Calendar arithmetic for dates: Gregorian days, weekdays, and the Hijri calendar.
 *
 * Days are counted as UTC day numbers (days since 1970-01-01) so that arithmetic never meets a
 * time zone or a daylight-saving change. Hijri dates are converted with the Umm al-Qura
 * calendar that Node's ICU carries (the calendar Saudi Arabia publishes, which most Arabic news
 * follows), found by search around the arithmetic (tabular) Islamic calendar's estimate; where
 * ICU has no Umm al-Qura data the tabular date stands.
 */

/** A Gregorian calendar day. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a Gregorian date: `dayNumber(1970, 1, 2)` is 1. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The Gregorian date of a day number: `fromDayNumber(1)` is `{ year: 1970, month: 1, day: 2 }`. */
export function fromDayNumber(n: number): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The weekday of a day number, 0 = Sunday … 6 = Saturday: `weekdayOf(dayNumber(2024, 12, 6))` is 5 (a Friday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Number of days in a Gregorian month: `daysInMonth(2024, 2)` is 29. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a day exists in a month: `isValidDay(2024, 2, 30)` is false ("30 شباط"). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO text of a date at a precision: `isoOf({ year: 2024, month: 11, day: 27 }, 'month')` is "2024-11". */
export function isoOf(d: { year: number; month?: number; day?: number }, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return pad(d.year, 4);
  if (precision === 'month') return `${pad(d.year, 4)}-${pad(d.month!)}`;
  return `${pad(d.year, 4)}-${pad(d.month!)}-${pad(d.day!)}`;
}

/**
 * Reads "2024", "2024-11", "2024-11-27" (or the date part of a timestamp); null when it is none
 * of these: `parseIso('2024-11')` is `{ year: 2024, month: 11, day: null }`.
 */
export function parseIso(iso: string | null): { year: number; month: number | null; day: number | null } | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/** A month shifted by `k` months: `addMonths(2024, 12, 1)` is `{ year: 2025, month: 1 }`. */
export function addMonths(year: number, month: number, k: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + k;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

// ─── Hijri ──────────────────────────────────────────────────────────────────────────────────

/** Day number of a Hijri date in the arithmetic Islamic calendar (civil epoch, 16 July 622). */
function tabularHijriDayNumber(year: number, month: number, day: number): number {
  const jd = day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439.5 - 1;
  return Math.round(jd - 2440587.5);
}

let umalqura: Intl.DateTimeFormat | null | undefined;
function umalquraFormat(): Intl.DateTimeFormat | null {
  if (umalqura !== undefined) return umalqura;
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    umalqura = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
  } catch {
    umalqura = null;
  }
  return umalqura;
}

/**
 * The Umm al-Qura Hijri date of a day number (null without ICU's calendar data):
 * `hijriOf(dayNumber(2023, 3, 27))` is `{ year: 1444, month: 9, day: 5 }`.
 */
export function hijriOf(n: number): { year: number; month: number; day: number } | null {
  const f = umalquraFormat();
  if (!f) return null;
  const parts = f.formatToParts(new Date(n * MS_PER_DAY));
  const get = (type: string) => Number(parts.find((p) => (p.type as string) === type)?.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The day number of a Hijri date (Umm al-Qura; the tabular calendar where ICU lacks it).
 * Null for a day the month does not have.
 *
 * @example
 * fromDayNumber(hijriToDayNumber(1444, 9, 5)!)  // { year: 2023, month: 3, day: 27 }
 */
export function hijriToDayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 30) return null;
  const estimate = tabularHijriDayNumber(year, month, day);
  if (!umalquraFormat()) return estimate;
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const h = hijriOf(estimate + delta);
    if (h && h.year === year && h.month === month && h.day === day) return estimate + delta;
  }
  return null;
}
