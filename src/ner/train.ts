/**
 * Training of the name tagger: an averaged structured perceptron (Collins 2002) over the
 * features of features.ts, first or second order; or, to compare, a first-order linear-chain
 * CRF. Decoding during training obeys the same BIO constraints as tagging (labels.ts).
 *
 * Each pass visits the sentences in a seeded random order, decodes each with the current
 * weights, and where the best sequence differs from the gold one, adds the gold sequence's
 * features and subtracts the predicted one's. The model keeps the average of the weights over
 * all steps (computed lazily: w_avg = w − u/c with u accumulating c·Δw), which generalises much
 * better than the last weights. Features seen fewer than `minFeatureCount` times in training
 * are left out, and rows whose averaged weights are all near zero are pruned at the end.
 */
import { viterbi, ViterbiBuffers, type Transitions } from './decode.js';
import { documentFeatures, type SentenceDocumentFeatures } from './document.js';
import type { Featurizer } from './features.js';
import { BIO_ALLOWED, LABELS } from './labels.js';
import { scoreEntities, type EntityReport } from './seqeval.js';

/** One training sentence: normalised forms and label indices (into LABELS). */
export interface TrainingSentence {
  readonly forms: readonly string[];
  readonly labels: Int8Array;
  /** Document features (second stage only). */
  readonly document?: SentenceDocumentFeatures;
}

export interface TrainOptions {
  readonly epochs: number;
  /** Seed of the visiting order. */
  readonly seed: number;
  /** Features seen fewer times than this in training are not learned. */
  readonly minFeatureCount: number;
  /** Second-order transitions (a label depends on the two before it); perceptron only. */
  readonly secondOrder: boolean;
  /**
   * 'perceptron' (the default), or 'crf': a first-order linear-chain CRF trained by AdaGrad on
   * the log-likelihood, its weights averaged the same way.
   */
  readonly algorithm?: 'perceptron' | 'crf';
  /** AdaGrad's base learning rate (CRF only). */
  readonly learningRate?: number;
  /** Rows whose averaged weights all stay below this (in absolute value) are dropped. */
  readonly pruneBelow: number;
  /** Sentences scored after every pass (never used to update weights). */
  readonly dev?: readonly TrainingSentence[];
  readonly onEpoch?: (epoch: number, dev: EntityReport | null, seconds: number) => void;
}

/** What training produces: the features kept, their averaged weights, the transitions. */
export interface TrainedWeights {
  readonly hashes: Uint32Array;
  /** rows × labels. */
  readonly weights: Float32Array;
  readonly transitions: Transitions;
  /** Dev F1 after each pass, when dev sentences were given. */
  readonly devF1: number[];
}

/**
 * A small seeded generator (mulberry32): the same seed visits sentences in the same order.
 *
 * @example
 * const next = seededRandom(7); next()  // a number in [0, 1), the same every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Encoded {
  /** Feature rows of each token: rows[starts[i] .. starts[i+1]). */
  readonly rows: Int32Array;
  readonly starts: Int32Array;
  readonly labels: Int8Array;
}

/**
 * Trains one model (a stage of the tagger) on `sentences`: a perceptron, or a CRF.
 *
 * @example
 * const trained = trainModel(sentences, new Featurizer(DEFAULT_FEATURES, lexicon),
 *   { epochs: 10, seed: 1, minFeatureCount: 1, secondOrder: false, pruneBelow: 0 });
 */
export function trainModel(sentences: readonly TrainingSentence[], featurizer: Featurizer, options: TrainOptions): TrainedWeights {
  const L = LABELS.length;
  const L1 = L + 1;

  // Features of every sentence, counted, then interned as rows.
  const hashed = sentences.map((s) => featurizer.sentence(s.forms, s.document));
  const counts = new Map<number, number>();
  for (const h of hashed) for (const x of h.hashes) counts.set(x, (counts.get(x) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  const kept: number[] = [];
  for (const [hash, count] of counts) {
    if (count >= options.minFeatureCount) {
      rowOf.set(hash, kept.length);
      kept.push(hash);
    }
  }
  counts.clear();
  const encode = (forms: readonly string[], labels: Int8Array, h: { hashes: Uint32Array; starts: Int32Array }): Encoded => {
    const rows: number[] = [];
    const starts = new Int32Array(forms.length + 1);
    for (let i = 0; i < forms.length; i++) {
      starts[i] = rows.length;
      for (let k = h.starts[i]!; k < h.starts[i + 1]!; k++) {
        const r = rowOf.get(h.hashes[k]!);
        if (r !== undefined) rows.push(r);
      }
    }
    starts[forms.length] = rows.length;
    return { rows: Int32Array.from(rows), starts, labels };
  };
  const train = sentences.map((s, i) => encode(s.forms, s.labels, hashed[i]!));
  hashed.length = 0;
  const dev = (options.dev ?? []).map((s) => encode(s.forms, s.labels, featurizer.sentence(s.forms, s.document)));

  const R = kept.length;
  const W = new Float64Array(R * L);
  const U = new Float64Array(R * L);
  const T1 = new Float64Array(L1 * L);
  const U1 = new Float64Array(L1 * L);
  const T2 = options.secondOrder ? new Float64Array(L1 * L1 * L) : null;
  const U2 = options.secondOrder ? new Float64Array(L1 * L1 * L) : null;
  let step = 1;

  const buffers = new ViterbiBuffers();
  let emit = new Float64Array(0);
  let predicted = new Int8Array(0);
  const scoreSentence = (s: Encoded, weights: Float64Array, transitions: Transitions): Int8Array => {
    const n = s.labels.length;
    if (emit.length < n * L) emit = new Float64Array(n * L * 2);
    if (predicted.length < n) predicted = new Int8Array(n * 2);
    emit.fill(0, 0, n * L);
    for (let i = 0; i < n; i++) {
      for (let k = s.starts[i]!; k < s.starts[i + 1]!; k++) {
        const r = s.rows[k]! * L;
        for (let c = 0; c < L; c++) emit[i * L + c]! += weights[r + c]!;
      }
    }
    viterbi(n, emit, transitions, buffers, predicted);
    return predicted;
  };

  const averaged = () => {
    const w = new Float64Array(R * L);
    for (let i = 0; i < w.length; i++) w[i] = W[i]! - U[i]! / step;
    const t1 = new Float64Array(T1.length);
    for (let i = 0; i < t1.length; i++) t1[i] = T1[i]! - U1[i]! / step;
    let t2: Float64Array | null = null;
    if (T2 && U2) {
      t2 = new Float64Array(T2.length);
      for (let i = 0; i < t2.length; i++) t2[i] = T2[i]! - U2[i]! / step;
    }
    return { w, transitions: { labels: L, first: t1, second: t2, allowed: BIO_ALLOWED } satisfies Transitions };
  };

  const crf = options.algorithm === 'crf';
  if (crf && options.secondOrder) throw new Error('trainModel: the CRF is first order');
  const G = crf ? new Float64Array(R * L) : null;
  const G1 = crf ? new Float64Array(L1 * L) : null;
  const eta = options.learningRate ?? 0.2;
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  const logSumExp = (a: Float64Array, from: number, count: number, stride = 1): number => {
    let max = -Infinity;
    for (let k = 0; k < count; k++) max = Math.max(max, a[from + k * stride]!);
    if (max === -Infinity) return max;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += Math.exp(a[from + k * stride]! - max);
    return max + Math.log(sum);
  };
  const scratch = new Float64Array(L);
  // One AdaGrad step on the log-likelihood of sentence s (forward-backward in log space).
  const crfStep = (s: Encoded) => {
    const n = s.labels.length;
    if (emit.length < n * L) emit = new Float64Array(n * L * 2);
    if (alpha.length < n * L) {
      alpha = new Float64Array(n * L * 2);
      beta = new Float64Array(n * L * 2);
    }
    emit.fill(0, 0, n * L);
    for (let i = 0; i < n; i++) {
      for (let k = s.starts[i]!; k < s.starts[i + 1]!; k++) {
        const r = s.rows[k]! * L;
        for (let c = 0; c < L; c++) emit[i * L + c]! += W[r + c]!;
      }
    }
    // Forbidden transitions (BIO_ALLOWED) have probability 0, as in decoding.
    const tr = (p: number, c: number) => (BIO_ALLOWED[p * L + c] ? T1[p * L + c]! : -Infinity);
    for (let c = 0; c < L; c++) alpha[c] = tr(L, c) + emit[c]!;
    for (let i = 1; i < n; i++) {
      for (let c = 0; c < L; c++) {
        for (let p = 0; p < L; p++) scratch[p] = alpha[(i - 1) * L + p]! + tr(p, c);
        alpha[i * L + c] = emit[i * L + c]! + logSumExp(scratch, 0, L);
      }
    }
    const logZ = logSumExp(alpha, (n - 1) * L, L);
    for (let c = 0; c < L; c++) beta[(n - 1) * L + c] = 0;
    for (let i = n - 2; i >= 0; i--) {
      for (let p = 0; p < L; p++) {
        for (let c = 0; c < L; c++) scratch[c] = tr(p, c) + emit[(i + 1) * L + c]! + beta[(i + 1) * L + c]!;
        beta[i * L + p] = logSumExp(scratch, 0, L);
      }
    }
    const update = (weights: Float64Array, sums: Float64Array, squares: Float64Array, index: number, g: number) => {
      squares[index]! += g * g;
      const d = (eta * g) / (Math.sqrt(squares[index]!) + 1e-8);
      weights[index]! += d;
      sums[index]! += step * d;
    };
    for (let i = 0; i < n; i++) {
      const y = s.labels[i]!;
      for (let c = 0; c < L; c++) {
        const g = (y === c ? 1 : 0) - Math.exp(alpha[i * L + c]! + beta[i * L + c]! - logZ);
        if (Math.abs(g) < 1e-4) continue;
        for (let k = s.starts[i]!; k < s.starts[i + 1]!; k++) update(W, U, G!, s.rows[k]! * L + c, g);
      }
      if (i === 0) {
        for (let c = 0; c < L; c++) {
          const g = (y === c ? 1 : 0) - Math.exp(alpha[c]! + beta[c]! - logZ);
          if (Math.abs(g) >= 1e-4) update(T1, U1, G1!, L * L + c, g);
        }
      } else {
        const yp = s.labels[i - 1]!;
        for (let p = 0; p < L; p++) {
          for (let c = 0; c < L; c++) {
            const xi = Math.exp(alpha[(i - 1) * L + p]! + tr(p, c) + emit[i * L + c]! + beta[i * L + c]! - logZ);
            const g = (yp === p && y === c ? 1 : 0) - xi;
            if (Math.abs(g) >= 1e-4) update(T1, U1, G1!, p * L + c, g);
          }
        }
      }
    }
  };

  const random = seededRandom(options.seed);
  const order = Array.from(train, (_, i) => i);
  const devF1: number[] = [];
  const current: Transitions = { labels: L, first: T1, second: T2, allowed: BIO_ALLOWED };
  const started = Date.now();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const s = train[index]!;
      if (crf) {
        crfStep(s);
        step++;
        continue;
      }
      const n = s.labels.length;
      const pred = scoreSentence(s, W, current);
      let wrong = false;
      for (let i = 0; i < n; i++) if (pred[i] !== s.labels[i]) wrong = true;
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = s.labels[i]!;
          const p = pred[i]!;
          if (g !== p) {
            for (let k = s.starts[i]!; k < s.starts[i + 1]!; k++) {
              const r = s.rows[k]! * L;
              W[r + g]! += 1;
              U[r + g]! += step;
              W[r + p]! -= 1;
              U[r + p]! -= step;
            }
          }
          const gPrev = i > 0 ? s.labels[i - 1]! : L;
          const pPrev = i > 0 ? pred[i - 1]! : L;
          T1[gPrev * L + g]! += 1;
          U1[gPrev * L + g]! += step;
          T1[pPrev * L + p]! -= 1;
          U1[pPrev * L + p]! -= step;
          if (T2 && U2) {
            const gPrev2 = i > 1 ? s.labels[i - 2]! : L;
            const pPrev2 = i > 1 ? pred[i - 2]! : L;
            T2[(gPrev2 * L1 + gPrev) * L + g]! += 1;
            U2[(gPrev2 * L1 + gPrev) * L + g]! += step;
            T2[(pPrev2 * L1 + pPrev) * L + p]! -= 1;
            U2[(pPrev2 * L1 + pPrev) * L + p]! -= step;
          }
        }
      }
      step++;
    }
    let report: EntityReport | null = null;
    if (dev.length) {
      const avg = averaged();
      const gold: string[][] = [];
      const pred: string[][] = [];
      for (const s of dev) {
        const p = scoreSentence(s, avg.w, avg.transitions);
        gold.push(Array.from(s.labels, (l) => LABELS[l]!));
        pred.push(Array.from(p.subarray(0, s.labels.length), (l) => LABELS[l]!));
      }
      report = scoreEntities(gold, pred);
      devF1.push(report.overall.f1);
    }
    options.onEpoch?.(epoch, report, (Date.now() - started) / 1000);
  }

  // Averaged weights, rows that matter only.
  const avg = averaged();
  const keepRows: number[] = [];
  for (let r = 0; r < R; r++) {
    let max = 0;
    for (let c = 0; c < L; c++) max = Math.max(max, Math.abs(avg.w[r * L + c]!));
    if (max > options.pruneBelow) keepRows.push(r);
  }
  const hashes = new Uint32Array(keepRows.length);
  const weights = new Float32Array(keepRows.length * L);
  keepRows.forEach((r, i) => {
    hashes[i] = kept[r]!;
    for (let c = 0; c < L; c++) weights[i * L + c] = avg.w[r * L + c]!;
  });
  return { hashes, weights, transitions: avg.transitions, devF1 };
}

/**
 * The mean of several trained models over the union of their features (a feature a model
 * lacks counts as zero there). Models trained on the same data in different orders make
 * different mistakes; their mean is steadier than any one of them, and tags as fast.
 *
 * @example
 * const mean = averageModels([trainModel(s, f, { ...o, seed: 1 }), trainModel(s, f, { ...o, seed: 2 })]);
 */
export function averageModels(models: readonly TrainedWeights[]): TrainedWeights {
  const L = LABELS.length;
  const rowOf = new Map<number, number>();
  for (const m of models) for (const h of m.hashes) if (!rowOf.has(h)) rowOf.set(h, rowOf.size);
  const hashes = Uint32Array.from(rowOf.keys());
  const weights = new Float32Array(hashes.length * L);
  for (const m of models) {
    m.hashes.forEach((h, r) => {
      const to = rowOf.get(h)! * L;
      for (let c = 0; c < L; c++) weights[to + c]! += m.weights[r * L + c]! / models.length;
    });
  }
  const mean = (pick: (t: Transitions) => Float32Array | Float64Array | null): Float64Array | null => {
    const first = pick(models[0]!.transitions);
    if (!first) return null;
    const out = new Float64Array(first.length);
    for (const m of models) pick(m.transitions)!.forEach((v, i) => (out[i]! += v / models.length));
    return out;
  };
  return {
    hashes,
    weights,
    transitions: { labels: L, first: mean((t) => t.first)!, second: mean((t) => t.second), allowed: BIO_ALLOWED },
    devF1: [],
  };
}

/**
 * First-stage labels for training a document stage, each sentence tagged by a model that did
 * not see it (trained on the other `folds − 1` blocks of the data): the second stage must
 * learn from first-stage labels as wrong as they will be on new text.
 *
 * @example
 * const labels = heldOutLabels(sentences, featurizer, options, 5);  // one Int8Array per sentence
 */
export function heldOutLabels(
  sentences: readonly TrainingSentence[],
  featurizer: Featurizer,
  options: TrainOptions,
  folds: number,
  decode: (trained: TrainedWeights, forms: readonly string[]) => Int8Array,
): Int8Array[] {
  const out: Int8Array[] = new Array(sentences.length);
  const size = Math.ceil(sentences.length / folds);
  for (let k = 0; k < folds; k++) {
    const from = k * size;
    const to = Math.min(sentences.length, from + size);
    const rest = [...sentences.slice(0, from), ...sentences.slice(to)];
    const trained = trainModel(rest, featurizer, { ...options, dev: undefined, onEpoch: undefined });
    for (let s = from; s < to; s++) out[s] = decode(trained, sentences[s]!.forms).slice(0, sentences[s]!.forms.length);
  }
  return out;
}

/**
 * The sentences with document features computed from first-stage `labels`.
 *
 * @example
 * const stageTwo = withDocumentFeatures(sentences, featurizer, heldOut, 10);
 */
export function withDocumentFeatures(
  sentences: readonly TrainingSentence[],
  featurizer: Featurizer,
  labels: readonly Int8Array[],
  window: number,
): TrainingSentence[] {
  const keys = sentences.map((s) => Uint32Array.from(s.forms, (f) => featurizer.word(f).key));
  const documents = documentFeatures(keys, labels, window);
  return sentences.map((s, i) => ({ ...s, document: documents[i]! }));
}
