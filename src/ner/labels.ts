/**
 * The name tagger's labels.
 */

/** The labels, BIO over ANERcorp's four types. Index 0 is O. */
export const LABELS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));

/**
 * The index of a BIO tag among {@link LABELS}; `PER` is read as ANERcorp's `PERS`.
 *
 * @example
 * labelIndex('B-PER')  // 1
 * labelIndex('B-GPE')  // -1
 */
export function labelIndex(tag: string): number {
  const i = LABEL_INDEX.get(tag);
  if (i !== undefined) return i;
  if (tag === 'B-PER' || tag === 'I-PER') return LABEL_INDEX.get(tag + 'S')!;
  return -1;
}


/**
 * Which label may follow which, as a (L+1) × L mask for decode.ts (row L: the start of a
 * sentence): I-X only continues B-X or I-X. Training data opens every entity with B- (an
 * ANERcorp I- without its B- is read as B-), so a model never needs an I- that opens one.
 *
 * @example
 * BIO_ALLOWED[labelIndex('O') * LABELS.length + labelIndex('I-LOC')]  // 0
 */
export const BIO_ALLOWED: Uint8Array = (() => {
  const L = LABELS.length;
  const mask = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let c = 0; c < L; c++) {
      const label = LABELS[c]!;
      const prev = p < L ? LABELS[p]! : 'O';
      mask[p * L + c] = !label.startsWith('I-') || prev.slice(2) === label.slice(2) ? 1 : 0;
    }
  }
  return mask;
})();
