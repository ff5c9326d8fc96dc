/**
 * The quantity lexicon: `data/ar/quantities.json` (qualifiers, units, identifier heads, words
 * that are not counted things) and `data/ar/quantity-categories.json` (category cues),
 * validated and compiled into indexes over normalised words.
 */
import { z } from 'zod';
import { loadResource } from '../../lexicon/resources.js';
import { analyzeClitics } from '../../text/clitics.js';
import { normalizeForm } from '../../text/normalize.js';
import { lightStem } from '../../text/stem.js';
import { PhraseIndex, WordIndex } from '../numbers/word-index.js';
import { QUANTITY_CATEGORIES, QUANTITY_QUALIFIERS, type Quantity } from '../record.js';

const words = z.array(z.string().min(1)).min(1);
const oneWord = z.string().min(1).refine((s) => !/\s/u.test(s.trim()), 'one word (no spaces)');
const Qualifier = z.enum(QUANTITY_QUALIFIERS);
const Category = z.enum(QUANTITY_CATEGORIES);

const QuantitiesSchema = z.object({
  description: z.string(),
  qualifiers: z.object({
    before: z.array(z.object({ qualifier: Qualifier, forms: words })),
    after: z.array(z.object({ qualifier: Qualifier, forms: words })),
  }),
  rangeLinks: z.object({ description: z.string(), open: words, openBeforeWa: words, join: words }),
  units: z.array(
    z.object({
      unit: z.string().min(1),
      category: Category.nullable(),
      forms: words,
      symbols: z.array(z.string().min(1)).optional(),
    }),
  ),
  humanSuffixNisba: z.boolean(),
  identifierHeads: z.object({ description: z.string(), beforeWords: words, forms: words }),
  notCounted: z.object({ description: z.string(), forms: words }),
  notCountedNoun: z.object({ description: z.string(), forms: words }),
  timeOfDayHeads: z.array(oneWord).min(1),
  ofLink: z.array(oneWord).min(1),
});

const CategoriesSchema = z.object({
  description: z.string(),
  categories: z.array(z.object({ category: Category, kind: z.enum(['event', 'who']), position: z.enum(['before', 'any']), forms: words })),
});

export type QuantityQualifier = NonNullable<Quantity['qualifier']>;
export type QuantityCategory = Quantity['category'];

export interface UnitEntry {
  readonly unit: string;
  readonly category: QuantityCategory | null;
}

export interface CategoryCue {
  readonly category: QuantityCategory;
  readonly kind: 'event' | 'who';
  /** 'before': the cue counts only before the figure ("مبلغ قدره"). */
  readonly position: 'before' | 'any';
}

export interface QuantityLexicon {
  readonly before: PhraseIndex<QuantityQualifier>;
  /** Longest qualifier phrase, in tokens (how far back to look). */
  readonly beforeLength: number;
  readonly after: PhraseIndex<QuantityQualifier>;
  readonly rangeOpen: WordIndex<true>;
  readonly rangeOpenBeforeWa: WordIndex<true>;
  readonly rangeJoin: WordIndex<true>;
  /** Units written as words ("دولار", "كيلومتر مربع", "في المئة"). */
  readonly units: PhraseIndex<UnitEntry>;
  /** Units written as symbols ("$", "%"). */
  readonly symbols: ReadonlyMap<string, UnitEntry>;
  readonly humanNisba: boolean;
  readonly identifierHeads: WordIndex<true>;
  /** Heads that make a number in words an identifier too ("رقم ثلاثة"); the others only digits. */
  readonly identifierHeadsBeforeWords: WordIndex<true>;
  readonly notCounted: PhraseIndex<true>;
  readonly notCountedNoun: WordIndex<true>;
  /** "الساعة 6": a number after these is a time of day. */
  readonly timeOfDayHeads: WordIndex<true>;
  readonly ofLink: WordIndex<true>;
  /** The category cue of a normalised word (clitics and common suffixes taken off), if any. */
  cueOf(word: string): CategoryCue | null;
}

let lexicon: QuantityLexicon | undefined;

/**
 * The quantity lexicon, loaded and validated on first use.
 *
 * @example
 * quantityLexicon().cueOf('المعتقلين')  // { category: 'detained', kind: 'event' }
 */
export function quantityLexicon(): QuantityLexicon {
  if (lexicon) return lexicon;
  const q = loadResource('ar/quantities.json', QuantitiesSchema);
  const c = loadResource('ar/quantity-categories.json', CategoriesSchema);

  const before = new PhraseIndex<QuantityQualifier>();
  let beforeLength = 1;
  for (const g of q.qualifiers.before) {
    for (const f of g.forms) {
      before.add(f, g.qualifier);
      beforeLength = Math.max(beforeLength, f.trim().split(/\s+/u).length);
    }
  }
  const after = new PhraseIndex<QuantityQualifier>();
  for (const g of q.qualifiers.after) for (const f of g.forms) after.add(f, g.qualifier);
  const units = new PhraseIndex<UnitEntry>();
  const symbols = new Map<string, UnitEntry>();
  for (const u of q.units) {
    const entry: UnitEntry = { unit: u.unit, category: u.category };
    for (const f of u.forms) units.add(f, entry);
    for (const s of u.symbols ?? []) symbols.set(s, entry);
  }
  const set = (forms: readonly string[]) => {
    const w = new WordIndex<true>();
    for (const f of forms) w.add(f, true);
    return w;
  };
  const notCounted = new PhraseIndex<true>();
  for (const f of q.notCounted.forms) notCounted.add(f, true);

  // Cues are compared by light stem, with and without the tanwin alef ("شهيداً" → "شهيدا").
  const cues = new Map<string, CategoryCue>();
  for (const g of c.categories) {
    for (const f of g.forms) {
      const n = normalizeForm(f.trim());
      for (const key of [n, lightStem(n)]) if (!cues.has(key)) cues.set(key, { category: g.category, kind: g.kind, position: g.position });
    }
  }
  const cueCache = new Map<string, CategoryCue | null>();
  const cueOf = (word: string): CategoryCue | null => {
    const cached = cueCache.get(word);
    if (cached !== undefined) return cached;
    let found: CategoryCue | null = null;
    for (const reading of analyzeClitics(word)) {
      for (const stem of [reading.stem, reading.stem.endsWith('ا') && reading.stem.length > 3 ? reading.stem.slice(0, -1) : null]) {
        if (!stem) continue;
        found = cues.get(stem) ?? cues.get(lightStem(stem)) ?? null;
        if (found) break;
      }
      if (found) break;
    }
    if (cueCache.size > 50_000) cueCache.clear();
    cueCache.set(word, found);
    return found;
  };

  lexicon = {
    before,
    beforeLength,
    after,
    rangeOpen: set(q.rangeLinks.open.filter((f) => !/\s/u.test(f))),
    rangeOpenBeforeWa: set(q.rangeLinks.openBeforeWa),
    rangeJoin: set(q.rangeLinks.join),
    units,
    symbols,
    humanNisba: q.humanSuffixNisba,
    identifierHeads: set(q.identifierHeads.forms.filter((f) => !/\s/u.test(f))),
    identifierHeadsBeforeWords: set(q.identifierHeads.beforeWords),
    notCounted,
    notCountedNoun: set(q.notCountedNoun.forms.filter((f) => !/\s/u.test(f))),
    timeOfDayHeads: set(q.timeOfDayHeads),
    ofLink: set(q.ofLink),
    cueOf,
  };
  return lexicon;
}
