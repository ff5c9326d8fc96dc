import { describe, expect, it } from 'vitest';
import { viterbi, ViterbiBuffers, type Transitions } from '../../src/ner/decode.js';
import { documentFeatures, documentKey } from '../../src/ner/document.js';
import { DEFAULT_FEATURES, Featurizer, NO_LEXICON } from '../../src/ner/features.js';
import { hashString } from '../../src/ner/hash.js';
import { LABELS, labelIndex } from '../../src/ner/labels.js';
import { NerModel } from '../../src/ner/model.js';
import { PerceptronNameTagger } from '../../src/ner/tagger.js';
import { averageModels, heldOutLabels, seededRandom, trainModel, withDocumentFeatures, type TrainingSentence, type TrainOptions } from '../../src/ner/train.js';

/** The best sequence by trying every one: what Viterbi must find. */
function bruteForce(n: number, L: number, emit: Float64Array, t: Transitions): number[] {
  const allowed = (p: number, c: number) => !t.allowed || t.allowed[p * L + c] === 1;
  let best = -Infinity;
  let arg: number[] = [];
  const seq = new Array<number>(n).fill(0);
  const total = L ** n;
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      seq[i] = c % L;
      c = Math.floor(c / L);
    }
    let s = 0;
    for (let i = 0; i < n; i++) {
      const p1 = i > 0 ? seq[i - 1]! : L;
      if (!allowed(p1, seq[i]!)) s = -Infinity;
      const p2 = i > 1 ? seq[i - 2]! : L;
      s += emit[i * L + seq[i]!]! + t.first[p1 * L + seq[i]!]!;
      if (t.second) s += t.second[(p2 * (L + 1) + p1) * L + seq[i]!]!;
    }
    if (s > best) {
      best = s;
      arg = [...seq];
    }
  }
  return arg;
}

describe('Viterbi decoding', () => {
  const random = seededRandom(42);
  const randomArray = (n: number) => Float64Array.from({ length: n }, () => random() * 4 - 2);

  it('finds the best sequence, first order (checked against every sequence)', () => {
    const L = 3;
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + (trial % 5);
      const emit = randomArray(n * L);
      const t: Transitions = { labels: L, first: randomArray((L + 1) * L), second: null };
      const out = new Int8Array(n);
      viterbi(n, emit, t, new ViterbiBuffers(), out);
      expect([...out]).toEqual(bruteForce(n, L, emit, t));
    }
  });

  it('finds the best sequence, second order (checked against every sequence)', () => {
    const L = 3;
    const buffers = new ViterbiBuffers();
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + (trial % 5);
      const emit = randomArray(n * L);
      const t: Transitions = { labels: L, first: randomArray((L + 1) * L), second: randomArray((L + 1) * (L + 1) * L) };
      const out = new Int8Array(n);
      viterbi(n, emit, t, buffers, out);
      expect([...out]).toEqual(bruteForce(n, L, emit, t));
    }
  });

  it('never takes a forbidden transition, first or second order (checked against every allowed sequence)', () => {
    // Labels O=0, B=1, I=2: I only after B or I.
    const L = 3;
    const allowed = Uint8Array.of(1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0);
    const buffers = new ViterbiBuffers();
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + (trial % 5);
      const emit = randomArray(n * L);
      for (let i = 0; i < n; i++) emit[i * L + 2]! += 2; // I is tempting everywhere
      const second = trial % 2 ? randomArray((L + 1) * (L + 1) * L) : null;
      const t: Transitions = { labels: L, first: randomArray((L + 1) * L), second, allowed };
      const out = new Int8Array(n);
      viterbi(n, emit, t, buffers, out);
      expect([...out]).toEqual(bruteForce(n, L, emit, t));
      expect(out[0]).not.toBe(2);
    }
  });

  it('lets transitions overrule a token: a label that may not follow gives way', () => {
    // Labels O=0, B=1, I=2. Token 1 slightly prefers I, but I after O is heavily penalised.
    const L = 3;
    const first = new Float64Array((L + 1) * L);
    first[0 * L + 2] = -10; // O → I
    first[L * L + 2] = -10; // start → I
    const emit = Float64Array.of(1, 0, 0, 0, 0.9, 1);
    const out = new Int8Array(2);
    viterbi(2, emit, { labels: L, first, second: null }, new ViterbiBuffers(), out);
    expect([...out]).toEqual([0, 1]);
  });
});

// A synthetic language: people are "سالم", "كريم" … after "السيد", places follow "في", and an
// organisation is "شركة" + a name. Held-out sentences use names never seen in training, in the
// same frames: the model must learn the frames, not the names.
const PEOPLE = ['سالم', 'كريم', 'هاني', 'رامي', 'وليد', 'فادي', 'نزار', 'باسل'];
const PLACES = ['طرطوس', 'ادلب', 'منبج', 'الرقه', 'القامشلي', 'حماه', 'درعا', 'جبله'];
const COMPANIES = ['نور', 'امل', 'فجر', 'شمس', 'ضياء', 'قمر', 'بدر', 'سحر'];
const VERBS = ['زار', 'التقي', 'استقبل', 'شكر'];

function synthetic(count: number, seed: number, names: { people: string[]; places: string[]; companies: string[] }): TrainingSentence[] {
  const random = seededRandom(seed);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
  const out: TrainingSentence[] = [];
  for (let i = 0; i < count; i++) {
    const person = pick(names.people);
    const place = pick(names.places);
    const company = pick(names.companies);
    const forms = [pick(VERBS), 'السيد', person, 'مدير', 'شركه', company, 'في', place, 'امس'];
    const tags = ['O', 'O', 'B-PERS', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O'];
    out.push({ forms, labels: Int8Array.from(tags, labelIndex) });
  }
  return out;
}

const OPTIONS: TrainOptions = { epochs: 5, seed: 7, minFeatureCount: 1, secondOrder: true, pruneBelow: 0 };
const FEATURES = { ...DEFAULT_FEATURES, clusterPrefixes: [], contextClusterPrefixes: [], lists: false };

describe('training on a tiny synthetic set', () => {
  const train = synthetic(60, 1, { people: PEOPLE.slice(0, 5), places: PLACES.slice(0, 5), companies: COMPANIES.slice(0, 5) });
  const test = synthetic(20, 2, { people: PEOPLE.slice(5), places: PLACES.slice(5), companies: COMPANIES.slice(5) });

  it('learns the frames: names never seen in training are tagged in held-out sentences', () => {
    const featurizer = new Featurizer(FEATURES, NO_LEXICON);
    const trained = trainModel(train, featurizer, OPTIONS);
    const model = new NerModel('test', featurizer, trained.hashes, trained.weights, trained.transitions);
    for (const s of test) expect(model.labelsOf(s.forms)).toEqual(Array.from(s.labels, (l) => LABELS[l]));
  });

  it('is deterministic: the same seed gives the same weights, another seed other ones', () => {
    const a = trainModel(train, new Featurizer(FEATURES, NO_LEXICON), OPTIONS);
    const b = trainModel(train, new Featurizer(FEATURES, NO_LEXICON), OPTIONS);
    const c = trainModel(train, new Featurizer(FEATURES, NO_LEXICON), { ...OPTIONS, seed: 8, epochs: 1 });
    expect([...b.hashes]).toEqual([...a.hashes]);
    expect([...b.weights]).toEqual([...a.weights]);
    expect([...c.weights]).not.toEqual([...a.weights]);
  });

  it('reports dev F1 after every pass and prunes near-zero rows', () => {
    const featurizer = new Featurizer(FEATURES, NO_LEXICON);
    const all = trainModel(train, featurizer, { ...OPTIONS, dev: test });
    expect(all.devF1).toHaveLength(OPTIONS.epochs);
    expect(all.devF1.at(-1)).toBe(1);
    const pruned = trainModel(train, featurizer, { ...OPTIONS, pruneBelow: 0.5 });
    expect(pruned.hashes.length).toBeLessThan(all.hashes.length);
  });

  it('a mean of models keeps the union of their features and tags like them', () => {
    const featurizer = new Featurizer(FEATURES, NO_LEXICON);
    const a = trainModel(train, featurizer, OPTIONS);
    const b = trainModel(train, featurizer, { ...OPTIONS, seed: 99 });
    const mean = averageModels([a, b]);
    expect(mean.hashes.length).toBe(new Set([...a.hashes, ...b.hashes]).size);
    const model = new NerModel('mean', featurizer, mean.hashes, mean.weights, mean.transitions);
    for (const s of test) expect(model.labelsOf(s.forms)).toEqual(Array.from(s.labels, (l) => LABELS[l]));
  });

  it('trains a CRF (first order) that learns the same frames', () => {
    const featurizer = new Featurizer(FEATURES, NO_LEXICON);
    const trained = trainModel(train, featurizer, { ...OPTIONS, secondOrder: false, algorithm: 'crf', learningRate: 0.3 });
    const model = new NerModel('crf', featurizer, trained.hashes, trained.weights, trained.transitions);
    for (const s of test) expect(model.labelsOf(s.forms)).toEqual(Array.from(s.labels, (l) => LABELS[l]));
  });
});

describe('document features', () => {
  const k = documentKey('سلتيك');
  const other = documentKey('فاز');
  const ORG = labelIndex('B-ORG');

  it('tell a token what the first pass said of the same word in nearby sentences, itself excluded', () => {
    const [s0, s1] = documentFeatures([Uint32Array.of(k, other), Uint32Array.of(k)], [Int8Array.of(ORG, 0), Int8Array.of(0)], 5);
    // Sentence 1's "سلتيك" sees sentence 0's ORG.
    expect([...s1!.hashes]).toEqual([hashString('doc:any:3'), hashString('doc:majority:3'), hashString('doc:share:4')]);
    // Sentence 0's "سلتيك" sees one O elsewhere; "فاز" appears nowhere else and gets nothing.
    expect([...s0!.hashes]).toEqual([hashString('doc:majority:0'), hashString('doc:share:0')]);
    expect([...s0!.starts]).toEqual([0, 2, 2]);
  });

  it('look only `window` sentences away', () => {
    const keys = [Uint32Array.of(k), Uint32Array.of(0), Uint32Array.of(0), Uint32Array.of(k)];
    const labels = [Int8Array.of(ORG), Int8Array.of(0), Int8Array.of(0), Int8Array.of(0)];
    expect(documentFeatures(keys, labels, 2)[3]!.hashes.length).toBe(0);
    expect(documentFeatures(keys, labels, 3)[3]!.hashes.length).toBe(3);
  });

  it('a two-stage tagger learns from held-out first-stage labels and tags like its stages', () => {
    const featurizer = new Featurizer(FEATURES, NO_LEXICON);
    const train = synthetic(60, 3, { people: PEOPLE, places: PLACES, companies: COMPANIES });
    const asModel = (t: ReturnType<typeof trainModel>) => new NerModel('two', featurizer, t.hashes, t.weights, t.transitions);
    const heldOut = heldOutLabels(train, featurizer, OPTIONS, 3, (t, forms) => asModel(t).decode(forms));
    expect(heldOut).toHaveLength(train.length);
    const stageTwo = withDocumentFeatures(train, featurizer, heldOut, 4);
    expect(stageTwo.some((s) => s.document!.hashes.length > 0)).toBe(true);
    const tagger = new PerceptronNameTagger(
      [asModel(trainModel(train, featurizer, OPTIONS)), asModel(trainModel(stageTwo, featurizer, OPTIONS))],
      4,
      { slope: 1, intercept: 0 },
    );
    const test = synthetic(5, 4, { people: PEOPLE, places: PLACES, companies: COMPANIES });
    expect(tagger.tagSentences(test.map((s) => s.forms))).toEqual(test.map((s) => Array.from(s.labels, (l) => LABELS[l])));
  });
});
