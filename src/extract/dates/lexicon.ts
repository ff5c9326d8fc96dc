/**
 * The date lexicon: `data/ar/calendar.json` (months, weekdays, era markers) and
 * `data/ar/date-words.json` (relative days, periods, directions, parts of a period …),
 * validated and compiled into indexes over normalised words.
 */
import { z } from 'zod';
import { loadResource } from '../../lexicon/resources.js';
import { PhraseIndex, WordIndex } from '../numbers/word-index.js';

const words = z.array(z.string().min(1)).min(1);
const oneWord = z.string().min(1).refine((s) => !/\s/u.test(s.trim()), 'one word (no spaces)');

const CalendarSchema = z.object({
  description: z.string(),
  months: z
    .array(
      z.object({
        family: z.string().min(1),
        calendar: z.enum(['gregorian', 'hijri']),
        months: z.array(z.object({ month: z.number().int().min(1).max(12), forms: words, ambiguous: z.boolean().optional() })).length(12),
      }),
    )
    .min(1),
  weekdays: z.array(z.object({ weekday: z.number().int().min(0).max(6), forms: z.array(oneWord).min(1), bare: z.array(oneWord).min(1) })).length(7),
  hijriEra: z.array(oneWord).min(1),
  gregorianEra: z.array(oneWord).min(1),
});

const DateWordsSchema = z.object({
  description: z.string(),
  relativeDays: z.array(z.object({ offset: z.number().int().min(-7).max(7), forms: words, today: z.boolean().optional() })),
  periods: z.array(z.object({ unit: z.enum(['week', 'month', 'year']), forms: z.array(oneWord).min(1) })),
  directions: z.object({ past: z.array(oneWord), future: z.array(oneWord), current: z.array(oneWord), following: z.array(oneWord) }),
  demonstratives: z.array(oneWord),
  samePeriod: z.object({ after: z.array(oneWord), before: z.array(oneWord) }),
  partsOfPeriod: z.object({ early: z.array(oneWord), mid: z.array(oneWord), late: z.array(oneWord) }),
  firstDay: z.array(oneWord),
  yearWords: z.array(oneWord),
  monthWords: z.array(oneWord),
  dayWords: z.array(oneWord),
  dayOfMonthLink: z.array(oneWord),
  monthLinks: z.array(oneWord),
  joinWords: z.array(oneWord),
  futureWords: z.array(oneWord),
  notFutureVerbs: z.array(oneWord),
  agoTiedAfter: z.array(oneWord),
  rangeLinks: z.array(oneWord),
  agreeing: words,
  lastWords: z.array(oneWord),
  timeOfDay: z.array(oneWord),
  yearPrepositions: z.array(oneWord),
  todayNotDate: z.object({ description: z.string(), before: z.array(oneWord), after: z.array(oneWord) }),
  relativePronouns: z.array(oneWord),
  nameHeads: z.object({ description: z.string(), forms: z.array(oneWord) }),
  timeUnits: z.array(
    z.object({
      unit: z.enum(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']),
      singular: z.array(oneWord).min(1),
      forms: z.array(oneWord).min(1),
      dual: z.array(oneWord),
    }),
  ),
  ago: z.array(oneWord),
});

export interface MonthName {
  readonly month: number;
  readonly calendar: 'gregorian' | 'hijri';
  readonly family: string;
  readonly ambiguous: boolean;
}

export type Direction = 'past' | 'future' | 'current' | 'following';
export type PeriodUnit = 'week' | 'month' | 'year';
export type PartOfPeriod = 'early' | 'mid' | 'late';
export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

/** The compiled date lexicon. */
export interface DateLexicon {
  readonly months: PhraseIndex<MonthName>;
  /** Weekday forms: `bare` ones ("خميس") stand only after يوم, an ordinal or آخر. */
  readonly weekdays: WordIndex<{ weekday: number; bare: boolean }>;
  readonly relativeDays: PhraseIndex<{ offset: number; today: boolean }>;
  readonly periods: WordIndex<PeriodUnit>;
  readonly directions: WordIndex<Direction>;
  readonly demonstratives: WordIndex<true>;
  readonly sameAfter: WordIndex<true>;
  readonly sameBefore: WordIndex<true>;
  readonly parts: WordIndex<PartOfPeriod>;
  readonly firstDay: WordIndex<true>;
  readonly yearWords: WordIndex<true>;
  readonly monthWords: WordIndex<true>;
  readonly dayWords: WordIndex<true>;
  readonly dayOfMonthLink: WordIndex<true>;
  /** Before a month after a day or a weekday: "من", "في" ("ثالث ثلاثاء في أيلول", "من عام 2014"). */
  readonly monthLinks: WordIndex<true>;
  /** Words that may stand between two atoms of one date besides commas, يوم and الموافق. */
  readonly joinWords: WordIndex<true>;
  /** Words that make a following weekday future ("سوف"). */
  readonly futureWords: WordIndex<true>;
  /** Words that only look like a verb with the future prefix سـ ("سيول", "ستين"). */
  readonly notFutureVerbs: WordIndex<true>;
  /** After "قبل ثلاثة أيام", words that tie it to another event ("قبل ثلاثة أيام من الانتخابات"). */
  readonly agoTiedAfter: WordIndex<true>;
  /** Between the two days of a range: "13 إلى 15 تموز", "بين 13 و15 تموز", "1-8 أيلول". */
  readonly rangeLinks: WordIndex<true>;
  readonly agreeing: PhraseIndex<true>;
  readonly lastWords: WordIndex<true>;
  readonly timeOfDay: WordIndex<true>;
  readonly yearPrepositions: WordIndex<true>;
  readonly todayNotBefore: WordIndex<true>;
  readonly todayNotAfter: WordIndex<true>;
  readonly relativePronouns: WordIndex<true>;
  readonly nameHeads: WordIndex<true>;
  readonly timeUnits: WordIndex<{ unit: TimeUnit; dual: boolean; singular: boolean }>;
  readonly ago: WordIndex<true>;
  readonly hijriEra: WordIndex<true>;
  readonly gregorianEra: WordIndex<true>;
  /**
   * Every word that can start a date, with the patterns it can start ({@link DatePattern}
   * flags), so that each token tries only the patterns its word can begin.
   */
  readonly heads: WordIndex<number>;
}

/** The date patterns, as flags: which a head word may start. */
export const DatePattern = {
  numeric: 1,
  nthWeekday: 2,
  dayMonth: 4,
  weekday: 8,
  reference: 16,
  relativeDay: 32,
  period: 64,
  monthYear: 128,
  year: 256,
  ago: 512,
} as const;

let lexicon: DateLexicon | undefined;

function set(forms: readonly string[]): WordIndex<true> {
  const into = new WordIndex<true>();
  for (const f of forms) into.add(f, true);
  return into;
}

/**
 * The date lexicon, loaded and validated on first use.
 *
 * @example
 * dateLexicon().months.matchAt(['تشرين', 'الثاني'], 0)  // { value: { month: 11, calendar: 'gregorian', … }, end: 2, … }
 */
export function dateLexicon(): DateLexicon {
  if (lexicon) return lexicon;
  const cal = loadResource('ar/calendar.json', CalendarSchema);
  const dw = loadResource('ar/date-words.json', DateWordsSchema);
  const heads = new WordIndex<number>();
  const P = DatePattern;
  const addHead = (form: string, patterns: number) => {
    const first = form.trim().split(/\s+/u)[0]!;
    heads.add(first, patterns);
  };

  const months = new PhraseIndex<MonthName>();
  for (const family of cal.months) {
    family.months.forEach((m, k) => {
      if (m.month !== k + 1) throw new Error(`data/ar/calendar.json: family ${family.family} lists month ${m.month} in place ${k + 1}`);
      const entry: MonthName = { month: m.month, calendar: family.calendar, family: family.family, ambiguous: m.ambiguous ?? false };
      for (const f of m.forms) {
        months.add(f, entry);
        addHead(f, P.monthYear);
      }
    });
  }
  const weekdays = new WordIndex<{ weekday: number; bare: boolean }>();
  for (const w of cal.weekdays) {
    for (const f of w.forms) {
      weekdays.add(f, { weekday: w.weekday, bare: false });
      addHead(f, P.weekday | P.nthWeekday);
    }
    for (const f of w.bare) {
      weekdays.add(f, { weekday: w.weekday, bare: true });
      addHead(f, P.weekday); // "ثلاثاء الأسبوع الفائت"
    }
  }
  const relativeDays = new PhraseIndex<{ offset: number; today: boolean }>();
  for (const r of dw.relativeDays) {
    for (const f of r.forms) {
      relativeDays.add(f, { offset: r.offset, today: r.today ?? false });
      addHead(f, P.relativeDay | P.reference | P.dayMonth | P.nthWeekday);
    }
  }
  const periods = new WordIndex<PeriodUnit>();
  for (const p of dw.periods) for (const f of p.forms) periods.add(f, p.unit);
  const directions = new WordIndex<Direction>();
  for (const d of ['past', 'future', 'current', 'following'] as const) for (const f of dw.directions[d]) directions.add(f, d);
  const parts = new WordIndex<PartOfPeriod>();
  for (const p of ['early', 'mid', 'late'] as const) {
    for (const f of dw.partsOfPeriod[p]) {
      parts.add(f, p);
      addHead(f, P.period);
    }
  }
  const timeUnits = new WordIndex<{ unit: TimeUnit; dual: boolean; singular: boolean }>();
  for (const u of dw.timeUnits) {
    const singular = { unit: u.unit, dual: false, singular: true };
    const other = { unit: u.unit, dual: false, singular: false };
    const dual = { unit: u.unit, dual: true, singular: false };
    for (const f of u.singular) timeUnits.add(f, singular);
    for (const f of u.dual) timeUnits.add(f, dual);
    for (const f of u.forms) if (!u.singular.includes(f) && !u.dual.includes(f)) timeUnits.add(f, other);
  }
  const starts: [readonly string[], number][] = [
    [dw.periods.flatMap((p) => p.forms), P.period | P.reference],
    [dw.demonstratives, P.period],
    [dw.samePeriod.before, P.reference],
    [dw.firstDay, P.dayMonth],
    [dw.yearWords, P.year],
    [dw.monthWords, P.monthYear],
    [dw.dayWords, P.dayMonth | P.weekday],
    [dw.lastWords, P.nthWeekday],
    [dw.ago, P.ago],
  ];
  for (const [forms, patterns] of starts) for (const f of forms) addHead(f, patterns);

  lexicon = {
    months,
    weekdays,
    relativeDays,
    periods,
    directions,
    demonstratives: set(dw.demonstratives),
    sameAfter: set(dw.samePeriod.after),
    sameBefore: set(dw.samePeriod.before),
    parts,
    firstDay: set(dw.firstDay),
    yearWords: set(dw.yearWords),
    monthWords: set(dw.monthWords),
    dayWords: set(dw.dayWords),
    dayOfMonthLink: set(dw.dayOfMonthLink),
    monthLinks: set(dw.monthLinks),
    joinWords: set(dw.joinWords),
    futureWords: set(dw.futureWords),
    notFutureVerbs: set(dw.notFutureVerbs),
    agoTiedAfter: set(dw.agoTiedAfter),
    rangeLinks: set(dw.rangeLinks),
    agreeing: (() => {
      const p = new PhraseIndex<true>();
      for (const f of dw.agreeing) p.add(f, true);
      return p;
    })(),
    lastWords: set(dw.lastWords),
    timeOfDay: set(dw.timeOfDay),
    yearPrepositions: set(dw.yearPrepositions),
    todayNotBefore: set(dw.todayNotDate.before),
    todayNotAfter: set(dw.todayNotDate.after),
    relativePronouns: set(dw.relativePronouns),
    nameHeads: set(dw.nameHeads.forms),
    timeUnits,
    ago: set(dw.ago),
    hijriEra: set(cal.hijriEra),
    gregorianEra: set(cal.gregorianEra),
    heads,
  };
  return lexicon;
}
