/**
 * The number words of `data/ar/numbers.json`, validated and compiled into one word index.
 */
import { z } from 'zod';
import { loadResource } from '../../lexicon/resources.js';
import { normalizeForm } from '../../text/normalize.js';
import { WordIndex } from './word-index.js';

const singleWord = z
  .string()
  .min(1)
  .refine((s) => !/\s/u.test(s.trim()), 'a number word is one word (write compounds as separate entries)');
const forms = z.array(singleWord).min(1);

/** The shape of data/ar/numbers.json. */
export const NumbersSchema = z.object({
  description: z.string(),
  cardinals: z.array(
    z.object({
      value: z.number().int().min(0).max(900),
      role: z.enum(['unit', 'teen-unit', 'ten', 'tens', 'hundred']),
      forms,
    }),
  ),
  scales: z.array(
    z.object({
      value: z.number().int().min(1000),
      forms,
      dual: forms,
      plural: forms,
    }),
  ),
  fractions: z.array(z.object({ value: z.number().gt(0).lt(1), forms })),
  decimalPoint: forms,
  vague: z.array(z.object({ power: z.number().int().min(10), forms })),
  vagueRange: z.object({ low: z.number().int().min(1), high: z.number().int().min(1) }),
  few: z.object({
    low: z.number().int().min(1),
    high: z.number().int().min(1),
    alone: forms,
    beforePower: forms,
  }),
  ordinals: z.array(
    z.object({
      value: z.number().int().min(1).max(90),
      role: z.enum(['unit', 'compound', 'tens']),
      forms,
    }),
  ),
});

export type CardinalRole = 'unit' | 'teen-unit' | 'ten' | 'tens' | 'hundred';

/** What a number word is. */
export type NumberWord =
  | { readonly kind: 'cardinal'; readonly role: CardinalRole; readonly value: number }
  /** A power of a thousand: "ألف" (single), "ألفين" (dual: two of it), "آلاف" (plural, after 3-10). */
  | { readonly kind: 'scale'; readonly value: number; readonly form: 'single' | 'dual' | 'plural' }
  | { readonly kind: 'fraction'; readonly value: number }
  | { readonly kind: 'decimal-point' }
  /** "عشرات" (power 10), "الآلاف" (power 1000): a range of low..high times the power. */
  | { readonly kind: 'vague'; readonly power: number; readonly low: number; readonly high: number }
  /** "بضعة", "عدة": low..high; `alone` when it can stand without a power after it. */
  | { readonly kind: 'few'; readonly low: number; readonly high: number; readonly alone: boolean }
  | { readonly kind: 'ordinal'; readonly role: 'unit' | 'compound' | 'tens'; readonly value: number };

export interface NumberLexicon {
  readonly words: WordIndex<NumberWord>;
  /** Normalised forms of the scale words, for fused typos ("عشرألف" = عشر + ألف). */
  readonly scaleForms: readonly string[];
  /** The last two letters of the scale forms (a quick test before trying to split a word). */
  readonly scaleEndings: ReadonlySet<string>;
}

let lexicon: NumberLexicon | undefined;

/**
 * The number lexicon, loaded and validated on first use.
 *
 * @example
 * numberLexicon().words.get('الاف')  // [{ kind: 'scale', value: 1000, form: 'plural' }, { kind: 'vague', power: 1000, … }]
 */
export function numberLexicon(): NumberLexicon {
  if (lexicon) return lexicon;
  const data = loadResource('ar/numbers.json', NumbersSchema);
  const words = new WordIndex<NumberWord>();
  const scaleForms: string[] = [];
  for (const c of data.cardinals) {
    const entry: NumberWord = { kind: 'cardinal', role: c.role, value: c.value };
    for (const f of c.forms) words.add(f, entry);
  }
  for (const s of data.scales) {
    for (const [form, list] of [
      ['single', s.forms],
      ['dual', s.dual],
      ['plural', s.plural],
    ] as const) {
      const entry: NumberWord = { kind: 'scale', value: s.value, form };
      for (const f of list) {
        words.add(f, entry);
        scaleForms.push(f);
      }
    }
  }
  for (const f of data.fractions) {
    const entry: NumberWord = { kind: 'fraction', value: f.value };
    for (const form of f.forms) words.add(form, entry);
  }
  const point: NumberWord = { kind: 'decimal-point' };
  for (const f of data.decimalPoint) words.add(f, point);
  for (const v of data.vague) {
    const entry: NumberWord = { kind: 'vague', power: v.power, low: data.vagueRange.low, high: data.vagueRange.high };
    for (const f of v.forms) words.add(f, entry);
  }
  const fewAlone: NumberWord = { kind: 'few', low: data.few.low, high: data.few.high, alone: true };
  for (const f of data.few.alone) words.add(f, fewAlone);
  const fewBefore: NumberWord = { kind: 'few', low: data.few.low, high: data.few.high, alone: false };
  for (const f of data.few.beforePower) words.add(f, fewBefore);
  for (const o of data.ordinals) {
    const entry: NumberWord = { kind: 'ordinal', role: o.role, value: o.value };
    for (const f of o.forms) words.add(f, entry);
  }
  const normalisedScales = [...new Set(scaleForms.map((f) => normalizeForm(f.trim())))].sort((a, b) => b.length - a.length);
  return (lexicon = { words, scaleForms: normalisedScales, scaleEndings: new Set(normalisedScales.map((f) => f.slice(-2))) });
}
