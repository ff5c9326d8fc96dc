/**
 * The name tagger's model: feature weights per label, label transitions, and the lexicon its
 * features read (word clusters, name lists, typical neighbours), stored together in one
 * gzipped JSON file.
 *
 * Weights are kept as one Float32Array of rows (one row of label scores per feature) found
 * through an open-addressing table of feature hashes. Most features depend on one word form,
 * so tagging caches, per form, the sum of its own feature rows and, for each neighbour offset,
 * the sum of the rows its neighbours see: scoring a token is then a handful of vector
 * additions, whatever the number of features.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { MarsadError } from '../errors.js';
import { viterbi, ViterbiBuffers, type Transitions } from './decode.js';
import type { SentenceDocumentFeatures } from './document.js';
import { Featurizer, NameList, PAIR_AFTER, PAIR_BEFORE, contextFeature, pairFeature, type FeatureConfig, type FeatureLexicon, type LexiconEntry, type WordFeatures } from './features.js';
import { BIO_ALLOWED, LABELS, type Label } from './labels.js';

/** Feature hash → row, open addressing with linear probing. Hash 0 is stored as 1. */
export class FeatureTable {
  readonly keys: Uint32Array;
  readonly rows: Int32Array;
  private readonly mask: number;

  constructor(hashes: Uint32Array) {
    let capacity = 16;
    while (capacity < hashes.length * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let r = 0; r < hashes.length; r++) {
      const key = hashes[r]! || 1;
      let slot = key & this.mask;
      while (this.keys[slot] !== 0) {
        if (this.keys[slot] === key) throw new Error(`FeatureTable: feature hash ${key} twice`);
        slot = (slot + 1) & this.mask;
      }
      this.keys[slot] = key;
      this.rows[slot] = r;
    }
  }

  /** The row of a feature hash, or -1. */
  get(hash: number): number {
    const key = hash || 1;
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.rows[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** What one word form adds to label scores: as the token itself, and as each neighbour. */
interface WordScores {
  /** L scores of its own features, then L scores per neighbour offset (offsets[k]). */
  readonly scores: Float32Array;
  readonly word: number;
  /** Document key (features.ts). */
  readonly key: number;
}

/** Word forms whose scores stay cached; beyond this the cache starts over. */
const CACHE_LIMIT = 100_000;

/**
 * One trained linear-chain model: weights, transitions, and the featurizer it reads.
 *
 * @example
 * const model = new NerModel('ner-ar-v1', featurizer, trained.hashes, trained.weights, trained.transitions);
 * model.labelsOf(['زار', 'ميركل', 'بغداد'])  // ['O', 'B-PERS', 'B-LOC']
 */
export class NerModel {
  readonly table: FeatureTable;
  readonly labels = LABELS.length;
  private readonly cache = new Map<string, WordScores>();
  private readonly boundaryBefore: WordScores;
  private readonly boundaryAfter: WordScores;
  private emit = new Float64Array(0);
  private words: WordScores[] = [];
  private readonly buffers = new ViterbiBuffers();
  private out = new Int8Array(0);

  constructor(
    readonly id: string,
    readonly featurizer: Featurizer,
    hashes: Uint32Array,
    /** rows × labels. */
    readonly weights: Float32Array,
    readonly transitions: Transitions,
  ) {
    if (weights.length !== hashes.length * LABELS.length) throw new Error('NerModel: weights do not match the feature count');
    this.table = new FeatureTable(hashes);
    this.boundaryBefore = this.scoresOf(Featurizer.boundary(true));
    this.boundaryAfter = this.scoresOf(Featurizer.boundary(false));
  }

  get config(): FeatureConfig {
    return this.featurizer.config;
  }

  private scoresOf(f: WordFeatures): WordScores {
    const L = this.labels;
    const offsets = this.featurizer.offsets;
    const scores = new Float32Array((1 + offsets.length) * L);
    const W = this.weights;
    const add = (at: number, hash: number) => {
      const r = this.table.get(hash);
      if (r >= 0) for (let c = 0; c < L; c++) scores[at + c]! += W[r * L + c]!;
    };
    for (let i = 0; i < f.own.length; i++) add(0, f.own[i]!);
    for (let k = 0; k < offsets.length; k++) {
      for (let i = 0; i < f.context.length; i++) add((1 + k) * L, contextFeature(f.context[i]!, offsets[k]!));
    }
    return { scores, word: f.word, key: f.key };
  }

  private wordScores(form: string): WordScores {
    let s = this.cache.get(form);
    if (!s) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      s = this.scoresOf(this.featurizer.word(form));
      this.cache.set(form, s);
    }
    return s;
  }

  /**
   * Label scores of each token of a sentence of normalised forms, into a reused buffer:
   * `emit[i * labels + c]`. `document` adds document features (document.ts).
   */
  emissions(forms: readonly string[], document?: SentenceDocumentFeatures): Float64Array {
    const n = forms.length;
    const L = this.labels;
    if (this.emit.length < n * L) this.emit = new Float64Array(Math.max(n * L, this.emit.length * 2));
    const emit = this.emit;
    const words = this.words;
    words.length = n;
    for (let i = 0; i < n; i++) words[i] = this.wordScores(forms[i]!);
    const W = this.weights;
    const offsets = this.featurizer.offsets;
    const pairs = this.config.wordPairs;
    const addRow = (base: number, row: number) => {
      const r = row * L;
      for (let c = 0; c < L; c++) emit[base + c]! += W[r + c]!;
    };
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const own = words[i]!.scores;
      for (let c = 0; c < L; c++) emit[base + c] = own[c]!;
      // Token i sees the word at i + offsets[k] through that word's k-th score block.
      for (let k = 0; k < offsets.length; k++) {
        const j = i + offsets[k]!;
        const seen = (j < 0 ? this.boundaryBefore : j >= n ? this.boundaryAfter : words[j]!).scores;
        const at = (1 + k) * L;
        for (let c = 0; c < L; c++) emit[base + c]! += seen[at + c]!;
      }
      if (pairs) {
        const prev = i > 0 ? words[i - 1]!.word : this.boundaryBefore.word;
        const next = i + 1 < n ? words[i + 1]!.word : this.boundaryAfter.word;
        const a = this.table.get(pairFeature(PAIR_BEFORE, prev, words[i]!.word));
        const b = this.table.get(pairFeature(PAIR_AFTER, words[i]!.word, next));
        if (a >= 0) addRow(base, a);
        if (b >= 0) addRow(base, b);
      }
      if (document) {
        for (let k = document.starts[i]!; k < document.starts[i + 1]!; k++) {
          const r = this.table.get(document.hashes[k]!);
          if (r >= 0) addRow(base, r);
        }
      }
    }
    return emit;
  }

  /**
   * The best label index of each token of a sentence of normalised forms. The array is reused
   * by the next call: copy what you keep.
   */
  decode(forms: readonly string[], document?: SentenceDocumentFeatures): Int8Array {
    const n = forms.length;
    if (this.out.length < n) this.out = new Int8Array(Math.max(n, this.out.length * 2));
    const emit = this.emissions(forms, document);
    viterbi(n, emit, this.transitions, this.buffers, this.out);
    return this.out;
  }

  /** The document keys (features.ts) of the last decoded sentence's `n` words. */
  lastKeys(n: number): Uint32Array {
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.words[i]!.key;
    return keys;
  }

  /**
   * How firmly the last decoded sentence (of `n` tokens) holds the labels of tokens [i, j):
   * the smallest, over those tokens, of the score of its chosen label minus the best other
   * label's, its neighbours' labels fixed. 0 means a tie.
   */
  spanMargin(i: number, j: number, n: number): number {
    const L = this.labels;
    const L1 = L + 1;
    const y = this.out;
    const emit = this.emit;
    const tr1 = this.transitions.first;
    const tr2 = this.transitions.second;
    let min = Infinity;
    for (let t = i; t < j; t++) {
      const p1 = t > 0 ? y[t - 1]! : L;
      const p2 = t > 1 ? y[t - 2]! : L;
      let chosen = 0;
      let other = -Infinity;
      for (let c = 0; c < L; c++) {
        // Only labels the path could take instead: allowed after its neighbours.
        if (!BIO_ALLOWED[p1 * L + c] || (t + 1 < n && !BIO_ALLOWED[c * L + y[t + 1]!])) continue;
        let s = emit[t * L + c]! + tr1[p1 * L + c]!;
        if (t + 1 < n) s += tr1[c * L + y[t + 1]!]!;
        if (tr2) {
          s += tr2[(p2 * L1 + p1) * L + c]!;
          if (t + 1 < n) s += tr2[(p1 * L1 + c) * L + y[t + 1]!]!;
          if (t + 2 < n) s += tr2[(c * L1 + y[t + 1]!) * L + y[t + 2]!]!;
        }
        if (c === y[t]) chosen = s;
        else if (s > other) other = s;
      }
      min = Math.min(min, chosen - other);
    }
    return min;
  }

  /** The labels of a sentence of normalised forms, as BIO tags. */
  labelsOf(forms: readonly string[], document?: SentenceDocumentFeatures): Label[] {
    const out = this.decode(forms, document);
    return Array.from({ length: forms.length }, (_, i) => LABELS[out[i]!]!);
  }
}

// ─── the model file ──────────────────────────────────────────────────────────────────────────

const FeatureConfigSchema = z.object({
  window: z.number().int().min(0).max(4),
  wordPairs: z.boolean(),
  clusterPrefixes: z.array(z.number().int().positive()),
  contextClusterPrefixes: z.array(z.number().int().positive()),
  lists: z.boolean(),
  neighbours: z.boolean(),
});

const StageSchema = z.object({
  /** base64 of a little-endian Uint32Array: one feature hash per row. */
  hashes: z.string(),
  /** base64 of a little-endian Int16Array: rows × labels, times `scale`. */
  weights: z.string(),
  scale: z.number().positive(),
  transitions: z.object({ first: z.array(z.number()), second: z.array(z.number()).nullable() }),
});
export type StageFile = z.infer<typeof StageSchema>;

export const ModelFileSchema = z.object({
  format: z.literal('marsad-ner'),
  formatVersion: z.literal(1),
  id: z.string().min(1),
  labels: z.array(z.string()),
  features: FeatureConfigSchema,
  /**
   * One stage, or two: the second reads what the first said about the same words in the
   * document (document.ts), `documentWindow` sentences on each side.
   */
  stages: z.array(StageSchema).min(1).max(2),
  documentWindow: z.number().int().min(0),
  lexicon: z.object({
    /** "form\tbits\tcount\tlists\tbefore\tafter" lines sorted by form (lexiconText). */
    words: z.string(),
  }),
  /** Maps a span's margin to a confidence (fitted on held-out sentences). */
  calibration: z.object({ slope: z.number(), intercept: z.number() }),
  /** Where the model comes from: data, licences, settings, dev figures. */
  provenance: z.record(z.string(), z.unknown()),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

/**
 * Lines of text sorted by their first field (up to a tab), searched in place: loading costs
 * one scan for the line starts, and nothing is split until a word is looked up (a word's
 * features are computed once and cached, so lookups are rare).
 *
 * @example
 * new SortedLines('بغداد\t1\nحلب\t2\n').find('حلب')  // "حلب\t2"
 */
export class SortedLines {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    if (text.length && !text.endsWith('\n')) count++;
    const starts = new Int32Array(count + 1);
    let k = 0;
    let from = 0;
    while (from < text.length) {
      starts[k++] = from;
      const to = text.indexOf('\n', from);
      from = to < 0 ? text.length + 1 : to + 1;
    }
    // The end sentinel: one past the newline that ends the last line (or past the text).
    starts[k] = from;
    this.starts = starts.subarray(0, k + 1);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** Line `i` without its newline. */
  line(i: number): string {
    return this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }

  private keyOf(i: number): string {
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    const tab = this.text.indexOf('\t', start);
    return this.text.slice(start, tab >= 0 && tab < end ? tab : end);
  }

  /** Line i's first field compared with `key` in code-unit order (<0, 0, >0), without copying it. */
  private compare(i: number, key: string): number {
    const end = this.starts[i + 1]! - 1;
    let p = this.starts[i]!;
    for (let k = 0; k < key.length; k++, p++) {
      const c = p < end ? this.text.charCodeAt(p) : 9;
      if (c === 9) return -1; // the field ended first: it is a prefix of key
      const d = c - key.charCodeAt(k);
      if (d !== 0) return d;
    }
    return p >= end || this.text.charCodeAt(p) === 9 ? 0 : 1;
  }

  /** The line whose first field is `key`, or undefined. */
  find(key: string): string | undefined {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compare(mid, key);
      if (d === 0) return this.line(mid);
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Whether some line's first field is `key` (no copy made). */
  has(key: string): boolean {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compare(mid, key);
      if (d === 0) return true;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Whether the keys are in strictly increasing order (what `find` needs). */
  isSorted(): boolean {
    for (let i = 1; i < this.length; i++) if (!(this.keyOf(i - 1) < this.keyOf(i))) return false;
    return true;
  }
}

/**
 * Sorts lines by their first field, for {@link SortedLines}; drops empty lines.
 *
 * @example
 * sortLines(['حلب\t2', 'بغداد\t1'])  // "بغداد\t1\nحلب\t2\n"
 */
export function sortLines(lines: Iterable<string>): string {
  const key = (l: string) => (l.includes('\t') ? l.slice(0, l.indexOf('\t')) : l);
  const sorted = [...lines].filter(Boolean).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.length ? sorted.join('\n') + '\n' : '';
}

/** The sources of a lexicon, before they are joined (see {@link lexiconText}). */
export interface LexiconSources {
  /** Cluster bit string and count in the unlabeled text, per form. */
  readonly clusters?: ReadonlyMap<string, { bits: string; count: number }>;
  /** Forms per name list (keys of {@link NameList}). */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** Typical neighbours per form. */
  readonly neighbours?: ReadonlyMap<string, { before: readonly string[]; after: readonly string[] }>;
}

/**
 * Joins the lexicon's sources into the model file's form: one line per form,
 * `form\tbits\tcount\tlists\tbefore\tafter` (empty bits, count 0 and lists 0 where a source
 * says nothing; neighbour words space-separated), sorted by form.
 *
 * @example
 * lexiconText({ lists: { Place: ['حلب'] } })  // "حلب\t\t0\t2\t\t\n"
 */
export function lexiconText(sources: LexiconSources): string {
  const rows = new Map<string, { bits: string; count: number; lists: number; before: string; after: string }>();
  const row = (form: string) => {
    let r = rows.get(form);
    if (!r) rows.set(form, (r = { bits: '', count: 0, lists: 0, before: '', after: '' }));
    return r;
  };
  for (const [form, c] of sources.clusters ?? []) Object.assign(row(form), { bits: c.bits, count: c.count });
  const listBits: Readonly<Record<string, number>> = NameList;
  for (const [name, forms] of Object.entries(sources.lists ?? {})) {
    const bit = listBits[name];
    if (bit === undefined) throw new Error(`unknown name list "${name}"`);
    for (const form of forms) row(form).lists |= bit;
  }
  for (const [form, n] of sources.neighbours ?? []) Object.assign(row(form), { before: n.before.join(' '), after: n.after.join(' ') });
  return sortLines([...rows].map(([form, r]) => `${form}\t${r.bits}\t${r.count}\t${r.lists}\t${r.before}\t${r.after}`));
}

/**
 * The lexicon the features read: the model file's `lexicon.words` (see {@link lexiconText}),
 * searched in place, one binary search per word form.
 *
 * @example
 * new TextLexicon(lexiconText({ lists: { Place: ['حلب'] } })).entry('حلب')?.lists  // NameList.Place
 */
export class TextLexicon implements FeatureLexicon {
  private readonly lines: SortedLines;

  constructor(words: string) {
    this.lines = new SortedLines(words);
  }

  /** Whether the lines are sorted by form (what lookups need; a check for tests). */
  isSorted(): boolean {
    return this.lines.isSorted();
  }

  entry(form: string): LexiconEntry | undefined {
    const line = this.lines.find(form);
    if (line === undefined) return undefined;
    const [, bits, count, lists, before, after] = line.split('\t');
    return {
      bits: bits || null,
      count: Number(count),
      lists: Number(lists),
      before: before ? before.split(' ') : [],
      after: after ? after.split(' ') : [],
    };
  }
}

function fromBase64<T extends Uint32Array | Int16Array>(b64: string, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const buf = Buffer.from(b64, 'base64');
  if (buf.length % Type.BYTES_PER_ELEMENT) throw new Error('a typed array has a partial element');
  // Copy into an aligned buffer (Buffer pools are not aligned to the element size).
  const aligned = new ArrayBuffer(buf.length);
  new Uint8Array(aligned).set(buf);
  return new Type(aligned);
}

/**
 * A stage of the model file: weights quantised to 16 bits (ample for scores that are sums of a
 * few dozen weights), base64 of little-endian arrays (every platform Node runs on).
 *
 * @example
 * stageToFile(trained.hashes, trained.weights, trained.transitions).scale  // max |w| / 32767
 */
export function stageToFile(hashes: Uint32Array, weights: Float32Array, transitions: Transitions): StageFile {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const quantised = Int16Array.from(weights, (w) => Math.round(w / scale));
  const b64 = (a: Uint32Array | Int16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return {
    hashes: b64(hashes),
    weights: b64(quantised),
    scale,
    transitions: { first: Array.from(transitions.first), second: transitions.second ? Array.from(transitions.second) : null },
  };
}

/**
 * Builds the stages of a parsed model file over one shared featurizer.
 *
 * @example
 * const [first, second] = modelsFromFile(readModelFile('models/ner-ar-v1.json.gz'));
 */
export function modelsFromFile(file: ModelFile): NerModel[] {
  if (file.labels.join(' ') !== LABELS.join(' ')) throw new Error(`labels ${file.labels.join(' ')} differ from ${LABELS.join(' ')}`);
  const L = LABELS.length;
  const lexicon = new TextLexicon(file.lexicon.words);
  const featurizer = new Featurizer(file.features, lexicon);
  return file.stages.map((stage, k) => {
    const hashes = fromBase64(stage.hashes, Uint32Array);
    const q = fromBase64(stage.weights, Int16Array);
    if (q.length !== hashes.length * L) throw new Error(`stage ${k + 1}: ${q.length} weights for ${hashes.length} features`);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i]! * stage.scale;
    if (stage.transitions.first.length !== (L + 1) * L) throw new Error(`stage ${k + 1}: transitions.first has the wrong size`);
    if (stage.transitions.second && stage.transitions.second.length !== (L + 1) * (L + 1) * L) {
      throw new Error(`stage ${k + 1}: transitions.second has the wrong size`);
    }
    const transitions: Transitions = {
      labels: L,
      first: Float32Array.from(stage.transitions.first),
      second: stage.transitions.second ? Float32Array.from(stage.transitions.second) : null,
      allowed: BIO_ALLOWED,
    };
    return new NerModel(file.id, featurizer, hashes, weights, transitions);
  });
}

/**
 * Reads and checks a gzipped model file; a missing or damaged file is a configuration error
 * naming it.
 *
 * @example
 * readModelFile('models/ner-ar-v1.json.gz').id  // "ner-ar-v1"
 */
export function readModelFile(path: string): ModelFile {
  try {
    const parsed = ModelFileSchema.safeParse(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  } catch (error) {
    throw new MarsadError('config', path, `not a usable name tagger model (${(error as Error).message})`, { cause: error });
  }
}

