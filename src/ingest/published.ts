/**
 * Reads publication dates as inputs write them, into the contract's partial ISO form.
 */
import type { Iso } from '../extract/record.js';

function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses a publication date: "2024-12-06", "2024-12", "2024", an ISO date-time (the date as
 * written, whatever its zone: "2017-01-22T22:17:00+01:00" → "2017-01-22"), "2017-01-22T194300",
 * day-first "29/07/2016" or "29-07-2016", and e-mail style "Fri, 06 Dec 2024 10:00:00 GMT".
 * Returns null when the string is not a date.
 *
 * @example
 * parsePublished('29/07/2016')  // '2016-07-29'
 * parsePublished('yesterday')   // null
 */
export function parsePublished(input: string): Iso | null {
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})T\d{4,6}$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? s : null;
  m = /^(\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1000 ? s : null;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s|$)/.exec(s);
  if (m) {
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const mo = months.indexOf(m[2]!.toLowerCase()) + 1;
    const [d, y] = [Number(m[1]), Number(m[3])];
    return mo > 0 && valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}
