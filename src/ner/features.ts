/**
 * The name tagger's features, computed from normalised word forms (see normalizeForm) so that
 * CoNLL tokens and Marsad's own tokens of the same word get the same features.
 *
 * Most features depend on the word alone and are computed once per distinct form, then cached:
 * - the form itself, every clitic-stripped reading of it (analyzeClitics: "وبحلب" → "حلب"),
 *   the clitic pattern, and the bare stem;
 * - affixes: first and last letters of the form and of the bare stem ("ية", "ون" …);
 * - shape: the classes of its characters (Arabic letters, Latin, digits, punctuation), the
 *   length of the bare stem;
 * - word clusters learned from unlabeled text (bit-string prefixes at several depths) for the
 *   form and for its most frequent stripped reading, and the form's frequency in that text;
 * - the words that most typically stand before and after it in the unlabeled text ("نادي"
 *   before "سلتيك", "حزب" before "الليكود"): the trigger words a name keeps even where the
 *   sentence at hand has none;
 * - name lists: the form or a stripped reading is a known person-name token, place name or
 *   country.
 * A subset of them ("context" features) is also seen from the neighbouring tokens, up to
 * `window` tokens away, each tagged with its offset; word pairs (previous+current,
 * current+next) are features too. Features are 32-bit hashes of their names (hash.ts).
 */
import { analyzeClitics } from '../text/clitics.js';
import { documentKey, type SentenceDocumentFeatures } from './document.js';
import { combine, hashString } from './hash.js';

/** Which feature groups a model uses: fixed at training, stored in the model. */
export interface FeatureConfig {
  /** Tokens seen on each side. */
  readonly window: number;
  /** Word-pair features. */
  readonly wordPairs: boolean;
  /** Cluster bit-string prefix lengths (empty: no cluster features). */
  readonly clusterPrefixes: readonly number[];
  /** Cluster prefix lengths also seen from neighbours. */
  readonly contextClusterPrefixes: readonly number[];
  /** Name-list features. */
  readonly lists: boolean;
  /** Typical-neighbour features. */
  readonly neighbours: boolean;
}

/** The shipped model's features. */
export const DEFAULT_FEATURES: FeatureConfig = {
  window: 2,
  wordPairs: true,
  clusterPrefixes: [4, 6, 8, 10],
  contextClusterPrefixes: [6, 10],
  lists: true,
  neighbours: true,
};

/** Bits of a word's list memberships. */
export const NameList = {
  /** A token of a person's name ("ميركل", "عبد"). */
  Person: 1,
  /** A place name (governorate, district, city). */
  Place: 2,
  /** A country. */
  Country: 4,
} as const;

/** What the unlabeled text and the name lists say of one word form. */
export interface LexiconEntry {
  /** Its cluster's bit string, or null when it has none. */
  readonly bits: string | null;
  /** Its count in the unlabeled text (0: not clustered). */
  readonly count: number;
  /** Bits of {@link NameList} (0: in no list). */
  readonly lists: number;
  /** The words most typical before and after it in the unlabeled text. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** What the features read besides the word: one entry per form (model.ts, TextLexicon). */
export interface FeatureLexicon {
  entry(form: string): LexiconEntry | undefined;
}

/** An empty lexicon: no clusters, no lists, no neighbours. */
export const NO_LEXICON: FeatureLexicon = { entry: () => undefined };

/** The features of one word form. */
export interface WordFeatures {
  /** Features of the token itself. */
  readonly own: Uint32Array;
  /** Features its neighbours see (before combining with the offset). */
  readonly context: Uint32Array;
  /** Hash of the form, for word pairs. */
  readonly word: number;
  /** Document key of its bare stem (document.ts), 0 for punctuation and numbers. */
  readonly key: number;
}

const BOUNDARY_BEFORE: WordFeatures = { own: new Uint32Array(0), context: Uint32Array.of(hashString('w=<s>')), word: hashString('w=<s>'), key: 0 };
const BOUNDARY_AFTER: WordFeatures = { own: new Uint32Array(0), context: Uint32Array.of(hashString('w=</s>')), word: hashString('w=</s>'), key: 0 };
const PAIR_BEFORE = hashString('pair-1');
const PAIR_AFTER = hashString('pair+1');

/** Character classes for the shape feature. */
function charClass(u: number): string {
  if ((u >= 0x0621 && u <= 0x064a) || (u >= 0x0671 && u <= 0x06d3)) return 'A';
  if ((u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || (u >= 0xc0 && u <= 0x24f)) return 'L';
  if (u >= 0x30 && u <= 0x39) return 'D';
  return 'P';
}

/**
 * The shape of a form: its character classes, repeats collapsed, at most four.
 *
 * @example
 * shapeOf('(د')    // 'PA'
 * shapeOf('2006')  // 'D'
 */
export function shapeOf(form: string): string {
  let shape = '';
  for (let i = 0; i < form.length && shape.length < 4; i++) {
    const c = charClass(form.charCodeAt(i));
    if (!shape.endsWith(c)) shape += c;
  }
  return shape;
}

/** The hashes of distinct names, in order. */
function hashAll(names: readonly string[]): Uint32Array {
  const distinct = new Set(names);
  const out = new Uint32Array(distinct.size);
  let n = 0;
  for (const name of distinct) out[n++] = hashString(name);
  return out;
}

function lengthBucket(n: number): string {
  return n <= 4 ? String(n) : n <= 6 ? '5-6' : n <= 9 ? '7-9' : '10+';
}

function frequencyBucket(count: number): number {
  return count <= 0 ? 0 : 1 + Math.floor(Math.log2(count));
}

/**
 * Computes the features of word forms and of sentences; caches the per-form part.
 *
 * @example
 * const f = new Featurizer(DEFAULT_FEATURES, NO_LEXICON);
 * f.sentence(['زار', 'ميركل', 'بغداد']).starts  // Int32Array [0, n0, n0+n1, total]
 */
export class Featurizer {
  private readonly cache = new Map<string, WordFeatures>();
  /** Offsets of the context window, nearest first: -1, 1, -2, 2 … */
  readonly offsets: readonly number[];

  constructor(
    readonly config: FeatureConfig,
    readonly lexicon: FeatureLexicon,
  ) {
    const offsets: number[] = [];
    for (let d = 1; d <= config.window; d++) offsets.push(-d, d);
    this.offsets = offsets;
  }

  /** The features of one normalised form (cached). */
  word(form: string): WordFeatures {
    let entry = this.cache.get(form);
    if (!entry) {
      // A bounded cache: news vocabularies are large but Zipfian; starting over is cheap.
      if (this.cache.size >= 200_000) this.cache.clear();
      entry = this.compute(form);
      this.cache.set(form, entry);
    }
    return entry;
  }

  /** Feature names of a form, own and context (for tests and inspection). */
  wordFeatureNames(form: string): { own: string[]; context: string[] } {
    const own: string[] = [];
    const context: string[] = [];
    this.names(form, own, context);
    return { own, context };
  }

  private compute(form: string): WordFeatures {
    const own: string[] = [];
    const context: string[] = [];
    const lookup = this.names(form, own, context);
    const shape = shapeOf(form);
    return {
      own: hashAll(own),
      context: hashAll(context),
      word: hashString('w=' + form),
      key: (shape === 'A' || shape === 'L') && lookup.length >= 2 ? documentKey(lookup) : 0,
    };
  }

  /** Pushes the feature names of a form; returns the lookup form of its base reading. */
  private names(form: string, own: string[], context: string[]): string {
    const { config, lexicon } = this;
    const both = (name: string) => {
      own.push(name);
      context.push(name);
    };
    own.push('bias');
    both('w=' + form);
    const shape = shapeOf(form);
    both('shape=' + shape);

    // Clitic readings: every stripped lookup and its clitic pattern. The base reading is the
    // one the unlabeled text attests most ("وبغداد" → "بغداد", not "غداد"); with none
    // attested, the one that strips most ("وطلوزه" → "طلوزه"). Its stem is the bare stem.
    const readings = shape === 'A' ? analyzeClitics(form) : [];
    // Each reading's lexicon entry, looked up once (the first reading is the form itself).
    const entries = readings.map((r) => lexicon.entry(r.lookup));
    const formEntry = readings.length ? entries[0] : lexicon.entry(form);
    let base = readings[0];
    let baseCount = formEntry?.count ?? 0;
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i]!;
      if (r.proclitics.length === 0) continue;
      own.push('l=' + r.lookup, 'pc=' + r.proclitics.join(''));
      const count = entries[i]?.count ?? 0;
      if (count > baseCount || (baseCount === 0 && r.proclitics.length > base!.proclitics.length)) {
        base = r;
        baseCount = count;
      }
    }
    const bare = base ? base.stem : form;
    both('b=' + bare);
    own.push('len=' + lengthBucket(bare.length));
    for (let k = 1; k <= 3; k++) {
      if (form.length > k) own.push(`s${k}=${form.slice(-k)}`);
      if (bare.length > k) own.push(`bs${k}=${bare.slice(-k)}`);
      if (k > 1 && form.length > k) own.push(`p${k}=${form.slice(0, k)}`);
      if (k > 1 && bare.length > k) own.push(`bp${k}=${bare.slice(0, k)}`);
    }

    if (config.clusterPrefixes.length) {
      const bits = formEntry?.bits;
      if (bits) {
        for (const p of config.clusterPrefixes) own.push(`c${p}=${bits.slice(0, p)}`);
        for (const p of config.contextClusterPrefixes) context.push(`c${p}=${bits.slice(0, p)}`);
      } else both('c=none');
      own.push('f=' + frequencyBucket(formEntry?.count ?? 0));
      // The most frequent stripped reading: "وبغداد" is rare, "بغداد" is not.
      let best: LexiconEntry | undefined;
      for (let i = 0; i < readings.length; i++) {
        const e = entries[i];
        if (readings[i]!.proclitics.length && e?.bits && (!best || e.count > best.count)) best = e;
      }
      if (best) {
        for (const p of config.clusterPrefixes) own.push(`k${p}=${best.bits!.slice(0, p)}`);
        for (const p of config.contextClusterPrefixes) context.push(`k${p}=${best.bits!.slice(0, p)}`);
      }
    }

    if (config.neighbours) {
      const has = (e: LexiconEntry | undefined) => e !== undefined && (e.before.length > 0 || e.after.length > 0);
      let found = has(formEntry) ? formEntry : undefined;
      let how = '';
      for (let i = 0; i < readings.length && !found; i++) {
        if (readings[i]!.proclitics.length && has(entries[i])) {
          found = entries[i];
          how = '~';
        }
      }
      if (found) {
        for (const w of found.before) own.push(`nb${how}=${w}`);
        for (const w of found.after) own.push(`na${how}=${w}`);
      } else own.push('nb=none');
    }

    if (config.lists) {
      const direct = formEntry?.lists ?? 0;
      let stripped = 0;
      for (let i = 0; i < readings.length; i++) if (readings[i]!.proclitics.length) stripped |= entries[i]?.lists ?? 0;
      for (const [name, bit] of Object.entries(NameList)) {
        if (direct & bit) both(`list=${name}`);
        else if (stripped & bit) both(`list~${name}`);
      }
    }
    return base ? base.lookup : form;
  }

  /**
   * Every feature of every token of a sentence, as hashes: token i's features are
   * `hashes[starts[i] .. starts[i+1])`. Training reads this; tagging computes the same sums
   * without materialising the list.
   */
  sentence(forms: readonly string[], document?: SentenceDocumentFeatures): { hashes: Uint32Array; starts: Int32Array } {
    const n = forms.length;
    const words = forms.map((f) => this.word(f));
    const out: number[] = [];
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      starts[i] = out.length;
      const w = words[i]!;
      for (const h of w.own) out.push(h);
      for (const o of this.offsets) {
        for (const h of this.contextAt(words, i + o).context) out.push(contextFeature(h, o));
      }
      if (this.config.wordPairs) {
        out.push(pairFeature(PAIR_BEFORE, this.contextAt(words, i - 1).word, w.word));
        out.push(pairFeature(PAIR_AFTER, w.word, this.contextAt(words, i + 1).word));
      }
      if (document) for (let k = document.starts[i]!; k < document.starts[i + 1]!; k++) out.push(document.hashes[k]!);
    }
    starts[n] = out.length;
    return { hashes: Uint32Array.from(out), starts };
  }

  private contextAt(words: readonly WordFeatures[], j: number): WordFeatures {
    return j < 0 ? BOUNDARY_BEFORE : j >= words.length ? BOUNDARY_AFTER : words[j]!;
  }

  /** What a token beyond the sentence's edge shows its neighbours. */
  static boundary(before: boolean): WordFeatures {
    return before ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
  }
}

/**
 * A word's context feature as seen from `offset` tokens away.
 * @example contextFeature(hashString('w=حلب'), -1)  // "the previous word is حلب"
 */
export function contextFeature(hash: number, offset: number): number {
  return combine(hash, offset + 1000);
}

/**
 * A word-pair feature.
 * @example pairFeature(hashString('pair-1'), hashString('w=الرئيس'), hashString('w=بوش'))
 */
export function pairFeature(kind: number, first: number, second: number): number {
  return combine(combine(kind, first), second);
}

export { PAIR_AFTER, PAIR_BEFORE };
