/**
 * Training sentences for the name tagger from ../shared/data: ANERcorp's train split and the
 * Wojood sample's train and validation files (types mapped to ANERcorp's). Test splits are never
 * read here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConll } from '../../src/ner/conll.js';
import { labelIndex } from '../../src/ner/labels.js';
import type { TrainingSentence } from '../../src/ner/train.js';
import { normalizeForm } from '../../src/text/normalize.js';

/**
 * Label indices of BIO tags, an I- that opens an entity read as B- (seqeval scores it as the
 * start of an entity anyway; the model learns one way to open a name).
 *
 * @example
 * labelsOf(['I-LOC', 'I-LOC', 'O'])  // [B-LOC, I-LOC, O] as indices: [3, 4, 0]
 */
export function labelsOf(tags: readonly string[], where: string): Int8Array {
  const out = new Int8Array(tags.length);
  for (let i = 0; i < tags.length; i++) {
    let tag = tags[i]!;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    if (tag.startsWith('I-') && prev.slice(2) !== tag.slice(2)) tag = 'B-' + tag.slice(2);
    const index = labelIndex(tag);
    if (index < 0) throw new Error(`${where}: unknown tag ${tag}`);
    out[i] = index;
  }
  return out;
}

/** ANERcorp's train split (CC BY-SA 4.0), in file order. */
export function readAnercorpTrain(dataDir: string): TrainingSentence[] {
  const path = join(dataDir, 'anercorp', 'ANERCorp_CamelLab_train.txt');
  return readConll(readFileSync(path, 'utf8'), path).map((s) => ({
    forms: s.tokens.map((t) => normalizeForm(t)),
    labels: labelsOf(s.tags, `${path}:${s.line}`),
  }));
}

/**
 * Wojood's types as ANERcorp's. GPE and LOC are places, FAC (buildings, airports) is tagged
 * LOC in ANERcorp too; EVENT, PRODUCT, LAW, LANGUAGE and CURR (currencies, MISC in ANERcorp)
 * are MISC. NORP (nationalities, groups), OCC (occupations), dates, times and figures are not
 * names in ANERcorp.
 */
const WOJOOD_TYPES: Record<string, string> = {
  PERS: 'PERS',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FAC: 'LOC',
  EVENT: 'MISC',
  PRODUCT: 'MISC',
  LAW: 'MISC',
  LANGUAGE: 'MISC',
  CURR: 'MISC',
};

/**
 * The Wojood sample's train and val files (MIT), nested layers flattened: each token takes the
 * outermost layer whose type maps to an ANERcorp type.
 */
export function readWojood(dataDir: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const file of ['train.txt', 'val.txt']) {
    const path = join(dataDir, 'wojood-sample-sinalab', file);
    const blocks = readFileSync(path, 'utf8').split(/\n\s*\n/);
    for (const block of blocks) {
      const lines = block.split('\n').filter((l) => l.trim());
      if (!lines.length) continue;
      const tokens: string[] = [];
      const tags: string[] = [];
      for (const line of lines) {
        const [token, ...layers] = line.trim().split(/\s+/);
        tokens.push(token!);
        let tag = 'O';
        for (const layer of layers) {
          if (layer === 'O') continue;
          const mapped = WOJOOD_TYPES[layer.slice(2)];
          if (mapped) {
            tag = `${layer.slice(0, 2)}${mapped}`;
            break;
          }
        }
        tags.push(tag);
      }
      // A flattened layer may leave an I- whose B- was another type's: labelsOf opens it.
      out.push({ forms: tokens.map((t) => normalizeForm(t)), labels: labelsOf(tags, path) });
    }
  }
  return out;
}
