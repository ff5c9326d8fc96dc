/**
 * What may be added up in the figures ledger's sums (issue 15), one rule for every store:
 *
 * - Only figures of one unit are added: "killed" in people and "money" in dollars and riyals are
 *   separate rows. A figure of a people category (killed, injured …) written without a unit
 *   ("قتل 5") counts people; families are their own unit.
 * - A figure told twice in one document (the same category, unit and value: the lead and the
 *   body) is counted once.
 * - Only counts of what happened are summed: the dead, the wounded, the detained, the displaced,
 *   the returned, the trained, the liberated, and money. Figures of a state of things (how many
 *   fighters a group has, how many countries a coalition counts, how much land is held or freed)
 *   are told again and again of the same thing, so their sum means nothing; nor does a sum of
 *   percentages, or of "other" figures, whose things differ. Their rows carry a count, no sum.
 */
import type { Quantity } from '../extract/record.js';

type Category = Quantity['category'];

/** Categories whose figures count people: a figure of one with no unit is in people. */
export const PEOPLE_CATEGORIES: readonly Category[] = ['killed', 'injured', 'displaced', 'detained', 'fighters', 'liberated', 'trained', 'returned'];

/** Categories whose figures are counts of what happened, so that adding them means something. */
export const SUMMED_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['killed', 'injured', 'displaced', 'detained', 'returned', 'trained', 'liberated', 'money']);

/** The unit a figure is summed in: its own, else "person" for a people category, else none. */
export function sumUnit(category: Category, unit: string | null): string | null {
  return unit ?? (PEOPLE_CATEGORIES.includes(category) ? 'person' : null);
}

/** Whether figures of this category and (summing) unit may be added: a known unit, no percentages. */
export function summable(category: Category, unit: string | null): boolean {
  return SUMMED_CATEGORIES.has(category) && unit !== null && unit !== 'percent';
}
