/**
 * Duckling's Arabic example corpora as a regression suite for numbers, ordinals and dates.
 *
 * `../shared/data/duckling-ar/` holds Duckling's Arabic corpus examples as JSON lines (BSD-3,
 * facebook/duckling): a text and the value Duckling gives it. Marsad reads each text alone and
 * passes an example when it finds one number (or one date) covering the text with that value.
 *
 * Where Duckling's conventions differ from the contract, this is how they are mapped (the
 * contract is never bent; the comparison says how the two line up):
 * - Duckling's time values are instants with a grain; the contract's are ISO dates at day,
 *   month or year precision. A day/month/year grain compares with the same precision.
 * - Duckling gives part-of-month expressions ("منتصف آذار", "بداية شهر 3") a day; the contract
 *   has no part-of-month precision and gives the month. They match when Duckling's day lies in
 *   Marsad's month and Marsad read a part of the month.
 * - Duckling resolves a date written without a year to its next occurrence; Marsad, reading
 *   news, to the occurrence nearest the publication date (leaning to the past). For a text
 *   with no year, Marsad's reading (its date parts) is resolved in the year Duckling chose.
 * - Duckling's week grain has no contract precision: Marsad gives the month holding the week
 *   (or its year); they match when Duckling's week starts in that month or year.
 * - Intervals ("من 13 الى 15 تموز", "أوائل آذار") have no contract shape: they are counted in
 *   their own class and pass when Marsad's dates are the interval's first and last days, or,
 *   for a part of a month, when Marsad gives that month.
 * The time examples fall in classes, reported apart: absolute dates (a value at day, month or
 * year grain whose text names a month or a year — the class the targets speak of), relative
 * dates (today, a weekday, next week), times of day (hour, minute, second grain: the contract
 * has no time of day), intervals, holidays, and negatives (texts that are no date).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partsOf } from '../extract/dates/extract.js';
import { resolveDate } from '../extract/dates/resolve.js';
import { runPipeline } from '../extract/document.js';
import { readNumbers, type NumberMention } from '../extract/numbers/read.js';
import { analyzeText, type AnalyzedText } from '../text/analyze.js';
import { TokenKind } from '../text/tokenize.js';

/** One line of a Duckling corpus file. */
export interface DucklingExample {
  readonly dim: string;
  readonly text: string;
  readonly value?: number | string;
  readonly type?: 'value' | 'interval';
  readonly grain?: string;
  readonly from?: { value: string; grain: string };
  readonly to?: { value: string; grain: string };
  readonly negative?: boolean;
  readonly holiday?: string;
  readonly reference_time?: string;
}

export type TimeClass = 'absolute-date' | 'relative-date' | 'time-of-day' | 'interval' | 'holiday' | 'negative';
export const TIME_CLASSES: readonly TimeClass[] = ['absolute-date', 'relative-date', 'time-of-day', 'interval', 'holiday', 'negative'];

export interface Tally {
  total: number;
  passed: number;
}

export interface Failure {
  readonly text: string;
  readonly expected: unknown;
  readonly got: unknown;
  readonly class?: TimeClass;
}

export interface FileResult extends Tally {
  readonly file: string;
  readonly rate: number;
  readonly byClass?: Record<TimeClass, Tally & { rate: number }>;
  readonly failures: Failure[];
}

/** Reads a Duckling corpus file (JSON lines): `readDucklingFile('…/ordinal.jsonl')[0]` is `{ dim: 'ordinal', text: 'الاول', value: 1, … }`. */
export function readDucklingFile(path: string): DucklingExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DucklingExample);
}

const rate = (t: Tally) => (t.total === 0 ? 0 : t.passed / t.total);

/** The one number mention that covers all of a text's tokens, if there is one. */
function wholeNumber(doc: AnalyzedText): NumberMention | null {
  const found = readNumbers(doc);
  if (found.length !== 1) return null;
  const m = found[0]!;
  return m.first === 0 && m.end === doc.tokens.count && m.offset === 0 ? m : null;
}

/**
 * Numerals (`numeral.jsonl`, MSA) or ordinals (`ordinal.jsonl`): one number covering the
 * text, of the right kind, with exactly the value.
 *
 * @example
 * runNumberFile('../shared/data/duckling-ar/numeral.jsonl', 'cardinal').rate  // 1
 */
export function runNumberFile(path: string, kind: 'cardinal' | 'ordinal'): FileResult {
  const failures: Failure[] = [];
  let passed = 0;
  const examples = readDucklingFile(path);
  for (const ex of examples) {
    const m = wholeNumber(analyzeText(ex.text));
    const ok = m !== null && (kind === 'ordinal') === (m.kind === 'ordinal') && m.value !== null && Math.abs(m.value - Number(ex.value)) < 1e-9;
    if (ok) passed++;
    else failures.push({ text: ex.text, expected: ex.value, got: m ? `${m.kind} ${m.value}` : readNumbers(analyzeText(ex.text)).map((x) => `${x.kind} ${x.value ?? `${x.low}..${x.high}`}`) });
  }
  return { file: path.split('/').pop()!, total: examples.length, passed, rate: passed / Math.max(1, examples.length), failures };
}

// Calendar words, written here independently of data/ar so that which examples count as
// absolute does not depend on what the extractor knows: month names of every family, and
// "شهر" before a month number. Normalised spelling (no hamza on alef, ه for ة).
const MONTH_WORDS =
  /(كانون|شباط|اذار|آذار|نيسان|ايار|أيار|حزيران|تموز|(^|\s|ب)اب(\s|$)|آب|ايلول|أيلول|تشرين|يناير|فبراير|مارس|ابريل|أبريل|إبريل|مايو|يونيو|يوليو|اغسطس|أغسطس|سبتمبر|اكتوبر|أكتوبر|نوفمبر|ديسمبر|جانفي|فيفري|افريل|أفريل|جوان|جويلية|اوت|أوت|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة|شهر \d|شهر (ثلاث|عشر|ثلاثة|عشرة|اربع|خمس|ست|سبع|ثمان|تسع|احد|اثن)|الشهر (الثامن|التاسع|العاشر|السابع|السادس|الخامس|الرابع|الثالث|الثاني|الاول))/u;

/** The class of a time example (see the module comment): `timeClass({ dim: 'time', text: '4 ابريل', type: 'value', grain: 'day' })` is 'absolute-date'. */
export function timeClass(ex: DucklingExample): TimeClass {
  if (ex.negative) return 'negative';
  if (ex.holiday) return 'holiday';
  const grain = ex.type === 'interval' ? ex.from?.grain : ex.grain;
  if (grain === 'hour' || grain === 'minute' || grain === 'second') return 'time-of-day';
  if (ex.type === 'interval') return 'interval';
  if (grain !== 'week' && (MONTH_WORDS.test(ex.text) || /\d{4}|\d{1,2}\/\d{1,2}/.test(ex.text))) return 'absolute-date';
  return 'relative-date';
}

const ymd = (iso: string) => iso.slice(0, 10);

/**
 * Time examples (`time.jsonl`): extracted with the publication date set to Duckling's
 * reference day, compared by the mapping above.
 */
export function runTimeFile(path: string): FileResult {
  const examples = readDucklingFile(path);
  const byClass = Object.fromEntries(TIME_CLASSES.map((c) => [c, { total: 0, passed: 0, rate: 0 }])) as Record<TimeClass, Tally & { rate: number }>;
  const failures: Failure[] = [];
  let passed = 0;
  for (const ex of examples) {
    const cls = timeClass(ex);
    const published = ymd(ex.reference_time ?? '2013-02-12');
    const doc = analyzeText(ex.text);
    const { dates } = runPipeline({ doc, published, titleEnd: 0 });
    const ok = timeExamplePasses(ex, cls, doc, dates, published);
    byClass[cls].total++;
    if (ok) {
      byClass[cls].passed++;
      passed++;
    } else {
      failures.push({
        text: ex.text,
        class: cls,
        expected: ex.type === 'interval' ? [ex.from?.value, ex.to?.value] : ex.negative ? 'no date' : `${ex.value} (${ex.grain})`,
        got: dates.map((d) => `${d.text} → ${d.value} (${d.precision})`),
      });
    }
  }
  for (const c of TIME_CLASSES) byClass[c].rate = rate(byClass[c]);
  return { file: path.split('/').pop()!, total: examples.length, passed, rate: passed / Math.max(1, examples.length), byClass, failures };
}

type Dates = ReturnType<typeof runPipeline>['dates'];

function timeExamplePasses(ex: DucklingExample, cls: TimeClass, doc: AnalyzedText, dates: Dates, published: string): boolean {
  if (cls === 'negative') return dates.length === 0;
  if (cls === 'time-of-day') {
    // The contract has no time of day: the date part must be right where Marsad gives one.
    if (dates.length === 0) return false;
    const want = ymd(ex.type === 'interval' ? ex.from!.value : String(ex.value));
    return dates.some((d) => d.value === want);
  }
  if (cls === 'interval') {
    const from = ymd(ex.from!.value);
    const toExclusive = ymd(ex.to!.value);
    const last = new Date(Date.UTC(+toExclusive.slice(0, 4), +toExclusive.slice(5, 7) - 1, +toExclusive.slice(8, 10) - 1)).toISOString().slice(0, 10);
    const year = Number(from.slice(0, 4));
    const values = dates.map((d) => inYear(d, year, published));
    if (values.length === 2 && values[0] === from && values[1] === last) return true;
    // "أوائل آذار": part of a month, given as the month
    return dates.length === 1 && dates[0]!.precision === 'month' && from.startsWith(dates[0]!.value!) && last.startsWith(dates[0]!.value!);
  }
  // value examples: one date covering the text's last token
  if (dates.length !== 1) return false;
  const d = dates[0]!;
  const lastToken = lastNonPunct(doc);
  if (d.end < doc.tokens.end(lastToken)) return false;
  const want = ymd(String(ex.value));
  if (matches(d.value, d.precision, d.rule, ex.grain!, want)) return true;
  // No year in the text: resolve Marsad's reading in the year Duckling chose.
  const parts = partsOf(d);
  if (parts && parts.year === undefined && parts.period === undefined && !parts.relativeDays && cls === 'absolute-date') {
    const again = resolveDate({ ...parts, year: Number(want.slice(0, 4)), monthDirection: undefined }, published);
    return matches(again.value, again.precision, d.rule, ex.grain!, want);
  }
  return false;
}

/** A date's value, its reading resolved in `year` when the text named none (see the module comment). */
function inYear(d: Dates[number], year: number, published: string): string | null {
  const parts = partsOf(d);
  if (!parts || parts.year !== undefined || parts.period !== undefined || parts.relativeDays !== undefined || parts.month === undefined) return d.value;
  return resolveDate({ ...parts, year, monthDirection: undefined }, published).value;
}

function matches(value: string | null, precision: string | null, rule: string | undefined, grain: string, want: string): boolean {
  if (value === null) return false;
  if (grain === 'day') {
    if (precision === 'day') return value === want;
    return precision === 'month' && want.startsWith(value) && (rule ?? '').includes('part-of-month');
  }
  if (grain === 'month') return precision === 'month' && value === want.slice(0, 7);
  if (grain === 'year') return precision === 'year' && value === want.slice(0, 4);
  if (grain === 'week') return (precision === 'month' || precision === 'year') && want.startsWith(value);
  return false;
}

function lastNonPunct(doc: AnalyzedText): number {
  for (let i = doc.tokens.count - 1; i >= 0; i--) if (doc.tokens.kinds[i] !== TokenKind.Punct) return i;
  return 0;
}

/** Every file the targets speak of, from a folder of Duckling corpora. */
export interface DucklingReport {
  readonly numeral: FileResult;
  readonly numeralEgyptian: FileResult;
  readonly ordinal: FileResult;
  readonly time: FileResult;
}

/**
 * Runs the numeral (MSA and Egyptian), ordinal and time files of a Duckling folder.
 *
 * @example
 * const r = runDuckling('../shared/data/duckling-ar');
 * r.time.byClass!['absolute-date'].rate  // ≥ 0.9
 */
export function runDuckling(dir: string): DucklingReport {
  return {
    numeral: runNumberFile(join(dir, 'numeral.jsonl'), 'cardinal'),
    numeralEgyptian: runNumberFile(join(dir, 'numeral_ar_EG.jsonl'), 'cardinal'),
    ordinal: runNumberFile(join(dir, 'ordinal.jsonl'), 'ordinal'),
    time: runTimeFile(join(dir, 'time.jsonl')),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A readable table of a report. */
export function formatDucklingReport(r: DucklingReport, details = false): string {
  const line = (name: string, t: FileResult | (Tally & { rate: number })) => `  ${name.padEnd(34)} ${String(t.passed).padStart(4)} / ${String(t.total).padEnd(4)} ${pct(t.rate).padStart(7)}`;
  const out = [
    'Duckling Arabic corpora (exact value; see src/eval/duckling.ts for how conventions are mapped)',
    line('numeral.jsonl (MSA)', r.numeral),
    line('numeral_ar_EG.jsonl (Egyptian)', r.numeralEgyptian),
    line('ordinal.jsonl', r.ordinal),
    line('time.jsonl (all examples)', r.time),
    ...TIME_CLASSES.map((c) => line(`  time: ${c}`, r.time.byClass![c])),
  ];
  if (details) {
    for (const f of [r.numeral, r.numeralEgyptian, r.ordinal, r.time]) {
      for (const x of f.failures) out.push(`  ✗ ${f.file}${x.class ? ` [${x.class}]` : ''}: "${x.text}" want ${JSON.stringify(x.expected)} got ${JSON.stringify(x.got)}`);
    }
  }
  return out.join('\n');
}
