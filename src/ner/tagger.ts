/**
 * The learned name tagger: one or two {@link NerModel} stages behind the {@link NameTagger}
 * interface.
 *
 * Two ways in, one set of features: `tag(doc)` tags every sentence of Marsad's own
 * tokenization (forms from `doc.tokens.norm(i)`), and `tagSentences(sentences)` tags
 * pre-split tokens such as a CoNLL file's, normalising each with normalizeForm first. Both hand
 * sentences of normalised forms, in reading order, to the same code, so a word gets the same
 * features either way. With two stages, the first tags every sentence, and the second tags
 * again knowing what the first said about the same words in the sentences around
 * (document.ts).
 */
import type { AnalyzedText } from '../text/analyze.js';
import { normalizeForm } from '../text/normalize.js';
import { documentFeatures, type SentenceDocumentFeatures } from './document.js';
import { LABELS } from './labels.js';
import type { NerModel } from './model.js';
import type { NameSpan, NameTagger, NameType } from './types.js';

/** Maps a margin (how much better the chosen labels score than any other) to 0..1. */
export interface Calibration {
  readonly slope: number;
  readonly intercept: number;
}

/** Label index → entity type (null for O) and whether it opens an entity. */
const TYPE_OF: readonly (NameType | null)[] = LABELS.map((l) => (l === 'O' ? null : l.endsWith('PERS') ? 'PER' : (l.slice(2) as NameType)));
const IS_BEGIN: readonly boolean[] = LABELS.map((l) => l.startsWith('B-'));

/**
 * A name tagger over trained model stages.
 *
 * @example
 * const tagger = loadNameTagger();
 * tagger.tagSentences([['زار', 'ميركل', 'بغداد']])  // [['O', 'B-PERS', 'B-LOC']]
 * tagger.tag(analyzeText('زارت ميركل بغداد.'))      // [{ type: 'PER', start: 5, end: 10, … }, { type: 'LOC', … }]
 */
export class PerceptronNameTagger implements NameTagger {
  readonly id: string;

  constructor(
    /** The first stage, and the document stage if the model has one. */
    readonly stages: readonly NerModel[],
    /** Sentences on each side that make a word's document (two stages only). */
    readonly documentWindow: number,
    private readonly calibration: Calibration,
  ) {
    if (stages.length < 1 || stages.length > 2) throw new Error('a name tagger has one or two stages');
    this.id = stages[0]!.id;
  }

  /**
   * Runs the stages over sentences of normalised forms in reading order and hands each
   * sentence's final labels to `visit` (the array is reused: copy what you keep), with the
   * stage that made them (for margins).
   */
  private run(sentences: readonly (readonly string[])[], visit: (s: number, labels: Int8Array, model: NerModel) => void): void {
    const first = this.stages[0]!;
    const second = this.stages[1];
    if (!second) {
      sentences.forEach((forms, s) => visit(s, first.decode(forms), first));
      return;
    }
    const labels: Int8Array[] = [];
    const keys: Uint32Array[] = [];
    for (const forms of sentences) {
      labels.push(first.decode(forms).slice(0, forms.length));
      keys.push(first.lastKeys(forms.length));
    }
    const documents: SentenceDocumentFeatures[] = documentFeatures(keys, labels, this.documentWindow);
    sentences.forEach((forms, s) => visit(s, second.decode(forms, documents[s]), second));
  }

  /**
   * BIO tags (ANERcorp's: B-PERS, I-LOC …) of sentences of pre-split tokens, read in order as
   * running text.
   */
  tagSentences(sentences: readonly (readonly string[])[]): string[][] {
    const forms = sentences.map((tokens) => tokens.map((t) => normalizeForm(t)));
    const out: string[][] = [];
    this.run(forms, (s, labels) => {
      out[s] = Array.from({ length: forms[s]!.length }, (_, i) => LABELS[labels[i]!]!);
    });
    return out;
  }

  /** BIO tags of one sentence of pre-split tokens, read alone. */
  tagTokens(tokens: readonly string[]): string[] {
    return this.tagSentences([tokens])[0]!;
  }

  /** Names in every sentence of an analysed document. */
  tag(doc: AnalyzedText): NameSpan[] {
    const tokens = doc.tokens;
    const sentences = doc.sentences.filter((s) => s.endToken > s.firstToken);
    const forms = sentences.map((s) => Array.from({ length: s.endToken - s.firstToken }, (_, i) => tokens.norm(s.firstToken + i)));
    const spans: NameSpan[] = [];
    this.run(forms, (s, labels, model) => {
      const first = sentences[s]!.firstToken;
      for (const name of this.namesIn(labels, forms[s]!.length, model)) {
        spans.push({
          firstToken: first + name.start,
          endToken: first + name.end,
          start: tokens.start(first + name.start),
          end: tokens.end(first + name.end - 1),
          type: name.type,
          confidence: name.confidence,
        });
      }
    });
    return spans;
  }

  /**
   * The names of sentences of normalised forms, per sentence: token ranges [start, end), types,
   * margins (see NerModel.spanMargin) and confidences.
   */
  namesOf(sentences: readonly (readonly string[])[]): SentenceName[][] {
    const out: SentenceName[][] = [];
    this.run(sentences, (s, labels, model) => {
      out[s] = this.namesIn(labels, sentences[s]!.length, model);
    });
    return out;
  }

  // Entities as seqeval reads them: B- opens one, and so does an I- after O or another type.
  private namesIn(labels: Int8Array, n: number, model: NerModel): SentenceName[] {
    const names: SentenceName[] = [];
    let i = 0;
    while (i < n) {
      const type = TYPE_OF[labels[i]!];
      if (!type) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !IS_BEGIN[labels[j]!] && TYPE_OF[labels[j]!] === type) j++;
      const margin = model.spanMargin(i, j, n);
      names.push({ start: i, end: j, type, margin, confidence: confidenceOf(margin, this.calibration) });
      i = j;
    }
    return names;
  }
}

/** A name in a sentence, by token index within the sentence. */
export interface SentenceName {
  readonly start: number;
  readonly end: number;
  readonly type: NameType;
  readonly margin: number;
  readonly confidence: number;
}

/**
 * The calibrated confidence of a span whose weakest token wins by `margin`.
 *
 * @example
 * confidenceOf(0, { slope: 1, intercept: 0 })  // 0.5
 */
export function confidenceOf(margin: number, c: Calibration): number {
  const x = c.slope * margin + c.intercept;
  return Math.round(1e3 / (1 + Math.exp(-x))) / 1e3;
}

/**
 * Fits the margin → confidence map (one-feature logistic regression by Newton's method) on
 * held-out names: each predicted name's margin and whether it was exactly right.
 *
 * @example
 * fitCalibration([{ margin: 8, correct: true }, { margin: 0.5, correct: false }, …])  // { slope: 0.4, intercept: -0.9 }
 */
export function fitCalibration(points: readonly { margin: number; correct: boolean }[]): Calibration {
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    // Gradient and Hessian of the log-likelihood, with a little L2 to stay finite on separable data.
    let ga = -1e-3 * a;
    let gb = 0;
    let haa = 1e-3;
    let hab = 0;
    let hbb = 1e-6;
    for (const { margin, correct } of points) {
      const p = 1 / (1 + Math.exp(-(a * margin + b)));
      const r = (correct ? 1 : 0) - p;
      const w = p * (1 - p);
      ga += r * margin;
      gb += r;
      haa += w * margin * margin;
      hab += w * margin;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope: a, intercept: b };
}
