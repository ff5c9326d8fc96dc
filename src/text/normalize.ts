/**
 * Arabic normalisation as named steps, with an exact offset map back to the original.
 *
 * The original text is never overwritten: {@link normalize} returns a {@link NormalizedText}
 * holding the normalised string and, for every normalised UTF-16 unit, the span of the original
 * it came from. Every annotation found on the normalised string is mapped back with
 * {@link NormalizedText.toOriginal}, so `record.text.slice(start, end)` is always its surface form.
 *
 * Steps are character rewrites (one UTF-16 unit to zero, one or more units) except `hashtags`,
 * which looks at its neighbours. The character steps are composed once into a lookup table per
 * profile, so normalising costs one pass over the text whatever the number of steps.
 */

/** Names of the normalisation steps, in the order they are applied. */
export const STEP_NAMES = [
  'bidi-zero-width',
  'presentation-forms',
  'diacritics',
  'tatweel',
  'alef',
  'ya',
  'ta-marbuta',
  'hamza-carriers',
  'persian-letters',
  'digits',
  'punctuation',
  'whitespace',
  'hashtags',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** One character-level normalisation step. */
export interface NormalizationStep {
  readonly name: StepName;
  /** What it does, with an example. */
  readonly description: string;
  /**
   * The rewrite of one UTF-16 unit: `undefined` leaves it as it is, `''` removes it, any other
   * string replaces it. Unused by the contextual `hashtags` step.
   */
  readonly rewrite: (unit: number) => string | undefined;
  /**
   * Whether a unit this step removes belongs to the character before it (a diacritic or
   * tatweel does: "حلبُ" keeps its damma inside the span of "حلب"; a zero-width mark does not).
   */
  readonly removedAttachToPrevious: boolean;
}

const between = (u: number, lo: number, hi: number) => u >= lo && u <= hi;

function fromTable(table: Record<number, string>): (unit: number) => string | undefined {
  return (unit) => table[unit];
}

// ─── the steps ───────────────────────────────────────────────────────────────────────────────

const STEPS: Record<StepName, NormalizationStep> = {
  'bidi-zero-width': {
    name: 'bidi-zero-width',
    description:
      'Removes zero-width and bidirectional marks (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, embeddings, ' +
      'isolates, BOM, soft hyphen): "حلب\u200f" → "حلب".',
    rewrite: (u) =>
      between(u, 0x200b, 0x200f) ||
      between(u, 0x202a, 0x202e) ||
      between(u, 0x2066, 0x2069) ||
      u === 0xfeff ||
      u === 0x061c ||
      u === 0x00ad ||
      u === 0x2060
        ? ''
        : undefined,
    removedAttachToPrevious: false,
  },
  'presentation-forms': {
    name: 'presentation-forms',
    description:
      'Replaces Arabic presentation forms (legacy glyph codes) by the letters they show: "ﻻ" → "لا", "ﺣ" → "ح".',
    rewrite: (u) => {
      if (!(between(u, 0xfb50, 0xfdff) || between(u, 0xfe70, 0xfefe))) return undefined;
      const folded = String.fromCharCode(u).normalize('NFKC');
      return folded === String.fromCharCode(u) ? undefined : folded;
    },
    removedAttachToPrevious: false,
  },
  'diacritics': {
    name: 'diacritics',
    description:
      'Removes harakat, tanwin, shadda, sukun, superscript alef and Quranic marks: "مُؤتَمَر" → "مؤتمر".',
    rewrite: (u) =>
      between(u, 0x064b, 0x065f) || u === 0x0670 || between(u, 0x06d6, 0x06ed) || between(u, 0x0610, 0x061a)
        ? ''
        : undefined,
    removedAttachToPrevious: true,
  },
  'tatweel': {
    name: 'tatweel',
    description: 'Removes tatweel (kashida), the stretching stroke: "لـمعتقلي" → "لمعتقلي".',
    rewrite: (u) => (u === 0x0640 ? '' : undefined),
    removedAttachToPrevious: true,
  },
  'alef': {
    name: 'alef',
    description: 'Folds hamzated and wasla alef to bare alef: "أ إ آ ٱ" → "ا" ("إقليم" → "اقليم").',
    rewrite: fromTable({ 0x0623: 'ا', 0x0625: 'ا', 0x0622: 'ا', 0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا' }),
    removedAttachToPrevious: false,
  },
  'ya': {
    name: 'ya',
    description: 'Folds alef maqsura and Persian ye to ya: "مصطفى" → "مصطفي".',
    rewrite: fromTable({ 0x0649: 'ي', 0x06cc: 'ي' }),
    removedAttachToPrevious: false,
  },
  'ta-marbuta': {
    name: 'ta-marbuta',
    description: 'Folds ta marbuta to ha: "الإدارة" → "الإداره" (with alef folding, "الاداره").',
    rewrite: fromTable({ 0x0629: 'ه' }),
    removedAttachToPrevious: false,
  },
  'hamza-carriers': {
    name: 'hamza-carriers',
    description:
      'Folds hamza on waw and ya to their carriers: "مسؤول" → "مسوول", "مسئول" → "مسيول". ' +
      'Not in the default profile: it merges words the contract keeps apart.',
    rewrite: fromTable({ 0x0624: 'و', 0x0626: 'ي' }),
    removedAttachToPrevious: false,
  },
  'persian-letters': {
    name: 'persian-letters',
    description: 'Folds Persian and Urdu letter variants to Arabic ones: "ک" → "ك", "ە" → "ه", "ہ" → "ه".',
    rewrite: fromTable({ 0x06a9: 'ك', 0x06af: 'ك', 0x06d5: 'ه', 0x06c1: 'ه', 0x06be: 'ه' }),
    removedAttachToPrevious: false,
  },
  'digits': {
    name: 'digits',
    description:
      'Writes Arabic-Indic and Persian digits as Western digits, and the Arabic decimal and ' +
      'thousands marks as "." and ",": "٣٫٥" → "3.5", "۲۰۲۴" → "2024", "٧٬٧٠٠" → "7,700".',
    rewrite: (u) => {
      if (between(u, 0x0660, 0x0669)) return String.fromCharCode(0x30 + u - 0x0660);
      if (between(u, 0x06f0, 0x06f9)) return String.fromCharCode(0x30 + u - 0x06f0);
      if (u === 0x066b) return '.';
      if (u === 0x066c) return ',';
      return undefined;
    },
    removedAttachToPrevious: false,
  },
  'punctuation': {
    name: 'punctuation',
    description:
      'Writes Arabic punctuation and quote variants in their ASCII form: "،" → ",", "؛" → ";", ' +
      '"؟" → "?", "٪" → "%", «» “” → ", ‘’ → \', dashes → "-", "…" → "...".',
    rewrite: fromTable({
      0x060c: ',',
      0x061b: ';',
      0x061f: '?',
      0x066a: '%',
      0x06d4: '.',
      0x00ab: '"',
      0x00bb: '"',
      0x201c: '"',
      0x201d: '"',
      0x201e: '"',
      0x201f: '"',
      0x2033: '"',
      0x2018: "'",
      0x2019: "'",
      0x201a: "'",
      0x201b: "'",
      0x2039: '"',
      0x203a: '"',
      0x2010: '-',
      0x2011: '-',
      0x2012: '-',
      0x2013: '-',
      0x2014: '-',
      0x2015: '-',
      0x2212: '-',
      0x2026: '...',
      0xfd3e: '(',
      0xfd3f: ')',
    }),
    removedAttachToPrevious: false,
  },
  'whitespace': {
    name: 'whitespace',
    description:
      'Writes no-break, thin and other Unicode spaces as a plain space and tabs as a space: ' +
      '"حلب\u00a0اليوم" → "حلب اليوم". Line breaks are kept: they end sentences.',
    rewrite: (u) =>
      u === 0x00a0 || u === 0x0009 || between(u, 0x2000, 0x200a) || u === 0x202f || u === 0x205f || u === 0x3000
        ? ' '
        : u === 0x2028 || u === 0x2029 || u === 0x000b || u === 0x000c || u === 0x0085
          ? '\n'
          : undefined,
    removedAttachToPrevious: false,
  },
  'hashtags': {
    name: 'hashtags',
    description:
      'Reads a hashtag as the words it joins: "#الإدارة_الذاتية" → "الإدارة الذاتية" ' +
      '(the "#" is removed and each "_" inside the tag becomes a space).',
    rewrite: () => undefined,
    removedAttachToPrevious: false,
  },
};

/** All steps, by name. */
export function normalizationStep(name: StepName): NormalizationStep {
  return STEPS[name];
}

/**
 * The default profile for matching and search: everything the scoring contract folds
 * (diacritics, tatweel, alef, ya, ta marbuta) plus digits, punctuation, invisible marks,
 * presentation forms, Persian letters, spaces and hashtags. Hamza carriers stay apart.
 */
export const MATCH_PROFILE: readonly StepName[] = STEP_NAMES.filter((s) => s !== 'hamza-carriers');

// ─── compiled profiles ───────────────────────────────────────────────────────────────────────

const KEEP = -1;
const DROP = -2;
const DROP_ATTACHED = -3;

interface CompiledProfile {
  /** Per UTF-16 unit: KEEP, DROP, DROP_ATTACHED, or an index into `replacements`. */
  readonly table: Int32Array;
  readonly replacements: string[];
  readonly hashtags: boolean;
}

const compiled = new Map<string, CompiledProfile>();

function compile(steps: readonly StepName[]): CompiledProfile {
  const key = steps.join('|');
  const cached = compiled.get(key);
  if (cached) return cached;
  const charSteps = steps.filter((s) => s !== 'hashtags').map((s) => STEPS[s]);
  const table = new Int32Array(0x10000).fill(KEEP);
  const replacements: string[] = [];
  const replacementIndex = new Map<string, number>();
  for (let unit = 0; unit < 0x10000; unit++) {
    let current = String.fromCharCode(unit);
    let attached = false;
    for (const step of charSteps) {
      let next = '';
      for (let i = 0; i < current.length; i++) {
        const r = step.rewrite(current.charCodeAt(i));
        if (r === undefined) next += current[i];
        else {
          if (r === '' && step.removedAttachToPrevious) attached = true;
          next += r;
        }
      }
      current = next;
      if (current === '') break;
    }
    if (current === String.fromCharCode(unit)) continue;
    if (current === '') {
      table[unit] = attached ? DROP_ATTACHED : DROP;
      continue;
    }
    let index = replacementIndex.get(current);
    if (index === undefined) {
      index = replacements.length;
      replacements.push(current);
      replacementIndex.set(current, index);
    }
    table[unit] = index;
  }
  const profile = { table, replacements, hashtags: steps.includes('hashtags') };
  compiled.set(key, profile);
  return profile;
}

// Letters that may start a hashtag: Arabic letters (and marks), Latin letters, digits.
function isTagChar(u: number): boolean {
  return (
    between(u, 0x0620, 0x064a) ||
    between(u, 0x064b, 0x065f) ||
    between(u, 0x066e, 0x06d3) ||
    between(u, 0x06fa, 0x06ff) ||
    between(u, 0x0660, 0x0669) ||
    between(u, 0x06f0, 0x06f9) ||
    u === 0x0640 ||
    between(u, 0x41, 0x5a) ||
    between(u, 0x61, 0x7a) ||
    between(u, 0x30, 0x39)
  );
}

/**
 * A normalised string with the offset map back to its original.
 *
 * @example
 * const n = normalize('أكدت #الإدارة_الذاتية');
 * n.text;                 // "اكدت الاداره الذاتيه"
 * n.toOriginal(5, 12);    // [6, 13]: "الإدارة" in the original
 */
export class NormalizedText {
  constructor(
    /** The text as given. */
    readonly original: string,
    /** The normalised text. */
    readonly text: string,
    /** For each normalised unit, where its source starts in the original. */
    private readonly starts: Int32Array,
    /** For each normalised unit, where its source ends in the original (attached marks included). */
    private readonly ends: Int32Array,
  ) {}

  /** Original offset of the start of normalised unit `i` (`text.length` maps to the end). */
  startOf(i: number): number {
    return i >= this.text.length ? this.original.length : this.starts[i]!;
  }

  /** Original offset just after normalised unit `i`. */
  endOf(i: number): number {
    return i < 0 ? 0 : this.ends[i]!;
  }

  /**
   * Maps a half-open span of the normalised text to the original, so that
   * `original.slice(...toOriginal(s, e))` is what `text.slice(s, e)` was made from.
   */
  toOriginal(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.startOf(start);
      return [at, at];
    }
    return [this.startOf(start), this.endOf(end - 1)];
  }
}

/**
 * Normalises `input` with the named steps (default: {@link MATCH_PROFILE}).
 *
 * @example
 * normalize('قُتِلَ ٣٫٥ «مدنيين»').text  // 'قتل 3.5 "مدنيين"'
 */
export function normalize(input: string, steps: readonly StepName[] = MATCH_PROFILE): NormalizedText {
  const { table, replacements, hashtags } = compile(steps);
  const n = input.length;
  let capacity = n + 16;
  let out = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let len = 0;
  let inTag = false;

  const grow = (need: number) => {
    while (capacity < need) capacity *= 2;
    const o = new Uint16Array(capacity);
    o.set(out.subarray(0, len));
    out = o;
    const s = new Int32Array(capacity);
    s.set(starts.subarray(0, len));
    starts = s;
    const e = new Int32Array(capacity);
    e.set(ends.subarray(0, len));
    ends = e;
  };

  for (let i = 0; i < n; i++) {
    const u = input.charCodeAt(i);
    if (hashtags) {
      if (u === 0x23 /* # */) {
        const prev = i > 0 ? input.charCodeAt(i - 1) : 0x20;
        // A tag may follow a prefix stretched by tatweel: "لـ#الأمم_المتحدة" is ل + the tag.
        if (i + 1 < n && isTagChar(input.charCodeAt(i + 1)) && (!isTagChar(prev) || prev === 0x0640)) {
          inTag = true;
          continue; // the "#" is dropped, attached to nothing
        }
      } else if (inTag) {
        if (u === 0x5f /* _ */) {
          if (len + 1 > capacity) grow(len + 1);
          out[len] = 0x20;
          starts[len] = i;
          ends[len] = i + 1;
          len++;
          continue;
        }
        if (!isTagChar(u)) inTag = false;
      }
    }
    const action = table[u]!;
    if (action === KEEP) {
      if (len + 1 > capacity) grow(len + 1);
      out[len] = u;
      starts[len] = i;
      ends[len] = i + 1;
      len++;
    } else if (action === DROP_ATTACHED) {
      if (len > 0 && ends[len - 1] === i) ends[len - 1] = i + 1;
    } else if (action >= 0) {
      const r = replacements[action]!;
      if (len + r.length > capacity) grow(len + r.length);
      for (let k = 0; k < r.length; k++) {
        out[len] = r.charCodeAt(k);
        starts[len] = i;
        ends[len] = i + 1;
        len++;
      }
    }
    // DROP: nothing emitted
  }
  const text = len === 0 ? '' : Buffer.from(out.buffer, out.byteOffset, len * 2).toString('utf16le');
  return new NormalizedText(input, text, starts.subarray(0, len), ends.subarray(0, len));
}

/**
 * Normalises a short string (a lexicon entry, a query word) without keeping the offset map.
 *
 * @example
 * normalizeForm('الإدارةُ الذاتيّة')  // 'الاداره الذاتيه'
 */
export function normalizeForm(input: string, steps: readonly StepName[] = MATCH_PROFILE): string {
  const { table, replacements } = compile(steps);
  let out = '';
  let changed = false;
  for (let i = 0; i < input.length; i++) {
    const u = input.charCodeAt(i);
    const action = table[u]!;
    if (action === KEEP) {
      out += input[i];
      continue;
    }
    changed = true;
    if (action >= 0) out += replacements[action];
  }
  if (!changed && !input.includes('#')) return input;
  return steps.includes('hashtags') && out.includes('#') ? normalize(input, steps).text : out;
}
