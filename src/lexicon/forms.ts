/**
 * Shared pieces of the entity lexicons' schemas: how a name is written in the data.
 *
 * Every Arabic form a lexicon lists is stored already normalised (MATCH_PROFILE of
 * src/text/normalize.ts), so that a file shows exactly what is matched, and a test checks that
 * `normalizeForm(form) === form`. Display names (`name.ar`) are written as an outlet would.
 */
import { z } from 'zod';
import { normalizeForm } from '../text/normalize.js';

/** A form as the matcher sees it: normalised, single spaces, no edge spaces. */
export const NormalizedFormSchema = z
  .string()
  .min(2, 'a form of at least two letters')
  .refine((s) => normalizeForm(s) === s, { message: 'not in normalised form (write it as normalizeForm gives it: ا for أ إ آ, ي for ى, ه for ة, no diacritics)' })
  .refine((s) => s === s.trim() && !/\s{2,}/u.test(s) && !/[\n\t]/u.test(s), { message: 'edge spaces or repeated spaces' });

/** ISO 3166-1 alpha-2, upper case ("SY"). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in upper case ("SY")');

/** A partial ISO date: "2021", "2021-01", "2021-01-20". */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * Whether `date` (partial ISO) falls within [from, to]: partial dates compare by their
 * common precision ("2021" is within ["2021-01-20", null]).
 *
 * @example
 * dateWithin('2022-05-01', '2021-01-20', '2025-01-20')  // true
 */
export function dateWithin(date: string, from: string | null | undefined, to: string | null | undefined): boolean {
  const cut = (a: string, b: string) => [a.slice(0, Math.min(a.length, b.length)), b.slice(0, Math.min(a.length, b.length))] as const;
  if (from) {
    const [d, f] = cut(date, from);
    if (d < f) return false;
  }
  if (to) {
    const [d, t] = cut(date, to);
    if (d > t) return false;
  }
  return true;
}
