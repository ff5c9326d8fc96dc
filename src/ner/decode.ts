/**
 * Viterbi decoding of a linear sequence model: the best label sequence given per-token label
 * scores and label transition scores. First order (a label depends on the previous one) and
 * second order (on the previous two). A model may forbid some transitions (BIO forbids I-LOC
 * after O or after B-PER): forbidden paths are never scored, which also makes decoding
 * faster. Buffers are reused between calls: tagging allocates nothing per token.
 */

/** Transition scores of a model with `L` labels. Index `L` stands for "before the sentence". */
export interface Transitions {
  readonly labels: number;
  /** (L+1) × L: score of label c after label p (p = L at the start). */
  readonly first: Float32Array | Float64Array;
  /** (L+1) × (L+1) × L: score of c after pp, p (second order), or null. */
  readonly second: Float32Array | Float64Array | null;
  /** (L+1) × L: 1 where label c may follow label p (p = L: may start a sentence); null: all may. */
  readonly allowed?: Uint8Array | null;
}

/** Reusable work space for {@link viterbi}. */
export class ViterbiBuffers {
  score = new Float64Array(0);
  back = new Int8Array(0);
  /** Second order: combined transition scores, [(b·L + c)·(L+1) + a]. */
  combined = new Float64Array(0);
  /** Per label b, the labels a that may precede it (L for the start), and their count. */
  before = new Int8Array(0);
  beforeCount = new Int8Array(0);

  ensure(size: number): void {
    if (this.score.length < size) {
      const n = Math.max(size, this.score.length * 2);
      this.score = new Float64Array(n);
      this.back = new Int8Array(n);
    }
  }

  /** Fills `before`/`beforeCount` from a transition mask. */
  predecessors(L: number, allowed: Uint8Array | null | undefined): void {
    if (this.before.length !== L * (L + 1)) {
      this.before = new Int8Array(L * (L + 1));
      this.beforeCount = new Int8Array(L);
    }
    for (let b = 0; b < L; b++) {
      let k = 0;
      for (let a = 0; a <= L; a++) if (!allowed || allowed[a * L + b]) this.before[b * (L + 1) + k++] = a;
      this.beforeCount[b] = k;
    }
  }
}

/**
 * Writes the best labels of `n` tokens into `out`. `emit[i*L + c]` is token i's score for
 * label c.
 *
 * @example
 * // Two labels, O=0 and B=1; token 1 prefers B.
 * viterbi(2, Float64Array.of(1, 0, 0, 2), { labels: 2, first: new Float32Array(6), second: null }, new ViterbiBuffers(), out)
 * // out = [0, 1]
 */
export function viterbi(n: number, emit: Float64Array, t: Transitions, buffers: ViterbiBuffers, out: Int8Array | Uint8Array): void {
  if (n === 0) return;
  if (t.second) viterbi2(n, emit, t, buffers, out);
  else viterbi1(n, emit, t, buffers, out);
}

function viterbi1(n: number, emit: Float64Array, t: Transitions, b: ViterbiBuffers, out: Int8Array | Uint8Array): void {
  const L = t.labels;
  const tr = t.first;
  const allowed = t.allowed;
  b.ensure(n * L);
  const score = b.score;
  const back = b.back;
  for (let c = 0; c < L; c++) score[c] = !allowed || allowed[L * L + c] ? tr[L * L + c]! + emit[c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let c = 0; c < L; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (allowed && !allowed[p * L + c]) continue;
        const s = score[prev + p]! + tr[p * L + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + c] = best + emit[cur + c]!;
      back[cur + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let c = 0; c < L; c++) {
    if (score[last + c]! > best) {
      best = score[last + c]!;
      arg = c;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg]!;
  }
}

// Second order. The state at token i is the pair (a = label of i-1, or L before the sentence;
// b = label of i), stored at score[i·S + b·(L+1) + a] so that the predecessors a of one state
// sit side by side. Transition scores are combined once per call into
// combined[(b·L + c)·(L+1) + a] = second[a, b, c] + first[b, c].
function viterbi2(n: number, emit: Float64Array, t: Transitions, buf: ViterbiBuffers, out: Int8Array | Uint8Array): void {
  const L = t.labels;
  const L1 = L + 1;
  const S = L * L1;
  const tr1 = t.first;
  const tr2 = t.second!;
  const allowed = t.allowed;
  buf.ensure(n * S);
  buf.predecessors(L, allowed);
  if (buf.combined.length !== L * L * L1) buf.combined = new Float64Array(L * L * L1);
  const combined = buf.combined;
  for (let b = 0; b < L; b++) {
    for (let c = 0; c < L; c++) {
      for (let a = 0; a < L1; a++) combined[(b * L + c) * L1 + a] = tr2[(a * L1 + b) * L + c]! + tr1[b * L + c]!;
    }
  }
  const score = buf.score;
  const back = buf.back;
  const before = buf.before;
  const beforeCount = buf.beforeCount;

  // Token 0: only a = start.
  for (let k = 0; k < S; k++) score[k] = -Infinity;
  for (let c = 0; c < L; c++) {
    if (allowed && !allowed[L * L + c]) continue;
    score[c * L1 + L] = tr1[L * L + c]! + tr2[(L * L1 + L) * L + c]! + emit[c]!;
  }
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * S;
    const cur = i * S;
    for (let k = 0; k < S; k++) score[cur + k] = -Infinity;
    for (let c = 0; c < L; c++) {
      const e = emit[i * L + c]!;
      // b = label of token i-1, must be allowed before c (never the start here).
      for (let kb = 0; kb < beforeCount[c]!; kb++) {
        const b = before[c * L1 + kb]!;
        if (b === L) continue;
        const from = prev + b * L1;
        const tr = (b * L + c) * L1;
        let best = -Infinity;
        let arg = 0;
        for (let ka = 0; ka < beforeCount[b]!; ka++) {
          const a = before[b * L1 + ka]!;
          const s = score[from + a]! + combined[tr + a]!;
          if (s > best) {
            best = s;
            arg = a;
          }
        }
        score[cur + c * L1 + b] = best + e;
        back[cur + c * L1 + b] = arg;
      }
    }
  }
  const last = (n - 1) * S;
  let best = -Infinity;
  let bestB = 0;
  let bestA = 0;
  for (let b = 0; b < L; b++) {
    for (let a = 0; a < L1; a++) {
      if (score[last + b * L1 + a]! > best) {
        best = score[last + b * L1 + a]!;
        bestB = b;
        bestA = a;
      }
    }
  }
  let b = bestB;
  let a = bestA;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = b;
    if (i === 0) break;
    const aa = back[i * S + b * L1 + a]!;
    b = a;
    a = aa;
  }
}
