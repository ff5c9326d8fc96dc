/**
 * Hierarchical word clustering by the exchange algorithm, for the name tagger's cluster features.
 *
 * Brown clustering groups words so that a class bigram model of the corpus keeps as much mutual
 * information as possible, and gives each word a bit string whose prefixes are coarser classes.
 * Its agglomerative merging costs O(V·C²) and takes hours in a script language; this module
 * reaches the same kind of hierarchy top down instead. Level by level, every class is split in
 * two, and words are moved between classes (Martin, Liermann & Ney's exchange algorithm) as long
 * as a move raises the class bigram likelihood
 *
 *   J = Σ_{c,d} f(M[c,d]) − Σ_c f(left[c]) − Σ_d f(right[d]),  f(x) = x·ln x,
 *
 * where M[c,d] counts bigrams whose first word is in class c and second in class d. Moving one
 * word changes only the rows and columns of its old and new class at the cells of its
 * neighbours' classes, so a move is evaluated in time proportional to its number of distinct
 * neighbour classes. At shallow levels a word may move to any class; deeper, only to classes
 * that share its first `level − span` bits, which keeps each pass linear in the corpus' bigrams.
 * A word's bit string is the binary form of its class at the last level; its prefix of length
 * k names its class at level k.
 */

/** What the clustering reads: the corpus as word ids. */
export interface ClusteringCorpus {
  /** Word ids in corpus order. Every adjacent pair is a bigram. */
  readonly sequence: Int32Array;
  /** Number of distinct ids (ids are 0..vocabSize-1). */
  readonly vocabSize: number;
}

export interface ClusteringOptions {
  /** Levels of the hierarchy: 2^depth classes at the last one. */
  readonly depth: number;
  /** Most exchange passes per level. */
  readonly iterations: number;
  /** Levels up to this one let a word move to any class of the level. */
  readonly fullSearchDepth: number;
  /** Deeper levels let a word move among the 2^span classes that share its first level−span bits. */
  readonly span: number;
  /** A pass that moves fewer than this share of the words ends the level. */
  readonly minMoveShare?: number;
  /** Called after every pass (progress). */
  readonly onPass?: (level: number, pass: number, moves: number, objective: number) => void;
}

/** Bigram counts in compressed rows, both ways. */
interface Bigrams {
  readonly vocabSize: number;
  /** Successors: for word w, ids succ[succStart[w]..succStart[w+1]) with counts succCount. */
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly succCount: Float64Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predCount: Float64Array;
  /** Bigrams w→w. */
  readonly selfCount: Float64Array;
  /** Bigrams starting (out) and ending (in) at each word, self bigrams included. */
  readonly outTotal: Float64Array;
  readonly inTotal: Float64Array;
}

/**
 * Counts the distinct bigrams of a corpus.
 *
 * @example
 * countBigrams({ sequence: Int32Array.of(0, 1, 0, 1), vocabSize: 2 }).succCount  // [2, 1]: 0→1 twice, 1→0 once
 */
export function countBigrams(corpus: ClusteringCorpus): Bigrams {
  const { sequence, vocabSize: V } = corpus;
  const n = sequence.length - 1;
  const keys = new Float64Array(Math.max(0, n));
  for (let i = 0; i < n; i++) keys[i] = sequence[i]! * V + sequence[i + 1]!;
  keys.sort();
  // Distinct pairs with counts.
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) distinct++;
  const first = new Int32Array(distinct);
  const second = new Int32Array(distinct);
  const count = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      k++;
      first[k] = Math.floor(keys[i]! / V);
      second[k] = keys[i]! - first[k]! * V;
    }
    count[k]! += 1;
  }
  const selfCount = new Float64Array(V);
  const outTotal = new Float64Array(V);
  const inTotal = new Float64Array(V);
  const succStart = new Int32Array(V + 1);
  const predStart = new Int32Array(V + 1);
  for (let j = 0; j < distinct; j++) {
    const a = first[j]!;
    const b = second[j]!;
    outTotal[a]! += count[j]!;
    inTotal[b]! += count[j]!;
    if (a === b) selfCount[a]! += count[j]!;
    else {
      succStart[a + 1]!++;
      predStart[b + 1]!++;
    }
  }
  for (let w = 0; w < V; w++) {
    succStart[w + 1]! += succStart[w]!;
    predStart[w + 1]! += predStart[w]!;
  }
  const succ = new Int32Array(succStart[V]!);
  const succCount = new Float64Array(succStart[V]!);
  const pred = new Int32Array(predStart[V]!);
  const predCount = new Float64Array(predStart[V]!);
  const sFill = succStart.slice(0, V);
  const pFill = predStart.slice(0, V);
  for (let j = 0; j < distinct; j++) {
    const a = first[j]!;
    const b = second[j]!;
    if (a === b) continue;
    succ[sFill[a]!] = b;
    succCount[sFill[a]!++] = count[j]!;
    pred[pFill[b]!] = a;
    predCount[pFill[b]!++] = count[j]!;
  }
  return { vocabSize: V, succStart, succ, succCount, predStart, pred, predCount, selfCount, outTotal, inTotal };
}

// f(x) = x ln x, tabulated for the counts most cells hold.
const TABLE_SIZE = 1 << 20;
let xlogxTable: Float64Array | undefined;
function xlogxFn(): (x: number) => number {
  if (!xlogxTable) {
    xlogxTable = new Float64Array(TABLE_SIZE);
    for (let i = 1; i < TABLE_SIZE; i++) xlogxTable[i] = i * Math.log(i);
  }
  const t = xlogxTable;
  return (x) => (x < TABLE_SIZE ? t[x]! : x * Math.log(x));
}

/**
 * Clusters the words of a corpus into a hierarchy of 2^depth classes; returns each word's
 * class at the last level (its bit string is the class in binary, `depth` digits).
 *
 * @example
 * const classes = exchangeClusters(corpus, { depth: 10, iterations: 12, fullSearchDepth: 6, span: 4 });
 * classes[id].toString(2).padStart(10, '0')  // "0110100111"
 */
export function exchangeClusters(corpus: ClusteringCorpus, options: ClusteringOptions): Int32Array {
  const bigrams = countBigrams(corpus);
  const V = corpus.vocabSize;
  const f = xlogxFn();
  const { succStart, succ, succCount, predStart, pred, predCount, selfCount, outTotal, inTotal } = bigrams;
  const frequency = new Float64Array(V);
  for (let w = 0; w < V; w++) frequency[w] = Math.max(outTotal[w]!, inTotal[w]!);
  // Words by frequency (ties by id): frequent words move first and settle the classes.
  const order = Int32Array.from({ length: V }, (_, i) => i).sort((a, b) => frequency[b]! - frequency[a]! || a - b);

  const cls = new Int32Array(V); // class at the current level
  const rankInClass = new Int32Array(V);
  // Scratch: the counts of a word's predecessors (left) and successors (right) by class, and
  // the classes that have any.
  const left = { counts: new Float64Array(V), classes: new Int32Array(16) };
  const right = { counts: new Float64Array(V), classes: new Int32Array(16) };
  const gather = (from: number, to: number, ids: Int32Array, counts: Float64Array, into: typeof left): number => {
    let n = 0;
    for (let j = from; j < to; j++) {
      const c = cls[ids[j]!]!;
      if (into.counts[c] === 0) {
        if (n === into.classes.length) {
          const bigger = new Int32Array(n * 2);
          bigger.set(into.classes);
          into.classes = bigger;
        }
        into.classes[n++] = c;
      }
      into.counts[c]! += counts[j]!;
    }
    return n;
  };

  for (let level = 1; level <= options.depth; level++) {
    const K = 1 << level;
    // Split every class in two: words alternate between the children by frequency rank.
    const seen = new Int32Array(K >> 1);
    for (const w of order) rankInClass[w] = seen[cls[w]!]!++;
    for (let w = 0; w < V; w++) cls[w] = (cls[w]! << 1) | (rankInClass[w]! & 1);

    const M = new Float64Array(K * K);
    const rowTotal = new Float64Array(K);
    const colTotal = new Float64Array(K);
    for (let a = 0; a < V; a++) {
      const ca = cls[a]! * K;
      for (let j = succStart[a]!; j < succStart[a + 1]!; j++) M[ca + cls[succ[j]!]!]! += succCount[j]!;
      M[ca + cls[a]!]! += selfCount[a]!;
      rowTotal[cls[a]!]! += outTotal[a]!;
      colTotal[cls[a]!]! += inTotal[a]!;
    }
    const span = level <= options.fullSearchDepth ? level : Math.min(level, options.span);

    for (let pass = 1; pass <= options.iterations; pass++) {
      let moves = 0;
      for (const w of order) {
        const a = cls[w]!;
        // Neighbour classes of w (w itself excluded: its self bigrams move with it).
        const nl = gather(predStart[w]!, predStart[w + 1]!, pred, predCount, left);
        const nr = gather(succStart[w]!, succStart[w + 1]!, succ, succCount, right);
        const nzLeft = left.classes;
        const nzRight = right.classes;
        const self = selfCount[w]!;
        const out = outTotal[w]!;
        const inn = inTotal[w]!;

        // One side of a move of w from a to b: the cells of class a's and b's column
        // (M[x, a], sx = K, sab = 1) or row (M[a, x], sx = 1, sab = K) at w's neighbour classes x.
        const sideGain = (n: number, classes: Int32Array, counts: Float64Array, sx: number, sab: number, b: number): number => {
          let d = 0;
          for (let i = 0; i < n; i++) {
            const x = classes[i]!;
            if (x === a || x === b) continue;
            const v = counts[x]!;
            const xa = M[x * sx + a * sab]!;
            const xb = M[x * sx + b * sab]!;
            d += f(xa - v) - f(xa) + f(xb + v) - f(xb);
          }
          return d;
        };
        const gain = (b: number): number => {
          let d = sideGain(nl, nzLeft, left.counts, K, 1, b) + sideGain(nr, nzRight, right.counts, 1, K, b);
          const aa = M[a * K + a]!;
          const bb = M[b * K + b]!;
          const ab = M[a * K + b]!;
          const ba = M[b * K + a]!;
          d += f(aa - left.counts[a]! - right.counts[a]! - self) - f(aa);
          d += f(bb + left.counts[b]! + right.counts[b]! + self) - f(bb);
          d += f(ab + left.counts[a]! - right.counts[b]!) - f(ab);
          d += f(ba - left.counts[b]! + right.counts[a]!) - f(ba);
          d -= f(rowTotal[a]! - out) - f(rowTotal[a]!) + f(rowTotal[b]! + out) - f(rowTotal[b]!);
          d -= f(colTotal[a]! - inn) - f(colTotal[a]!) + f(colTotal[b]! + inn) - f(colTotal[b]!);
          return d;
        };

        const base = (a >> span) << span;
        let best = a;
        let bestGain = 1e-9;
        for (let b = base; b < base + (1 << span); b++) {
          if (b === a) continue;
          const g = gain(b);
          if (g > bestGain) {
            bestGain = g;
            best = b;
          }
        }
        if (best !== a) {
          const b = best;
          // Corners first (they read left/right of a and b), then the other cells.
          M[a * K + a]! -= left.counts[a]! + right.counts[a]! + self;
          M[b * K + b]! += left.counts[b]! + right.counts[b]! + self;
          M[a * K + b]! += left.counts[a]! - right.counts[b]!;
          M[b * K + a]! += right.counts[a]! - left.counts[b]!;
          const moveSide = (n: number, classes: Int32Array, counts: Float64Array, sx: number, sab: number) => {
            for (let i = 0; i < n; i++) {
              const x = classes[i]!;
              if (x === a || x === b) continue;
              M[x * sx + a * sab]! -= counts[x]!;
              M[x * sx + b * sab]! += counts[x]!;
            }
          };
          moveSide(nl, nzLeft, left.counts, K, 1);
          moveSide(nr, nzRight, right.counts, 1, K);
          rowTotal[a]! -= out;
          rowTotal[b]! += out;
          colTotal[a]! -= inn;
          colTotal[b]! += inn;
          cls[w] = b;
          moves++;
        }
        for (let i = 0; i < nl; i++) left.counts[nzLeft[i]!] = 0;
        for (let i = 0; i < nr; i++) right.counts[nzRight[i]!] = 0;
      }
      options.onPass?.(level, pass, moves, objective(M, rowTotal, colTotal, f));
      if (moves <= (options.minMoveShare ?? 0.001) * V) break;
    }
  }
  return cls;
}

function objective(M: Float64Array, rowTotal: Float64Array, colTotal: Float64Array, f: (x: number) => number): number {
  let j = 0;
  for (let i = 0; i < M.length; i++) if (M[i]! > 0) j += f(M[i]!);
  for (let c = 0; c < rowTotal.length; c++) j -= f(rowTotal[c]!) + f(colTotal[c]!);
  return j;
}
