/**
 * Entity-level scoring of BIO-tagged sentences, counted the way seqeval's default mode counts
 * (the convention of published ANERcorp figures): an entity is a maximal run of tags of one
 * type, opened by B- or by an I- that follows O or another type, and it counts as found only
 * when both its span and its type match exactly. E- and S- (IOBES) tags are read as well.
 */

/** One entity: its type and token range [start, end) within the sentence list. */
export interface TaggedEntity {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** Precision, recall and F1 of one type, or of all types (micro-averaged). */
export interface EntityScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Entities in the gold tags. */
  readonly support: number;
  /** Entities predicted. */
  readonly predicted: number;
  /** Predicted entities that match a gold one exactly. */
  readonly correct: number;
}

export interface EntityReport {
  /** Per type, sorted by type name. */
  readonly types: ReadonlyMap<string, EntityScore>;
  /** Micro average over all types. */
  readonly overall: EntityScore;
}

function prefixOf(tag: string): string {
  return tag === 'O' ? 'O' : tag.charAt(0);
}

function typeOf(tag: string): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? '' : tag.slice(dash + 1);
}

function endsChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'E' || prevTag === 'S') return true;
  if ((prevTag === 'B' || prevTag === 'I') && (tag === 'B' || tag === 'S' || tag === 'O')) return true;
  return prevTag !== 'O' && prevType !== type;
}

function startsChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (tag === 'B' || tag === 'S') return true;
  if ((prevTag === 'E' || prevTag === 'S' || prevTag === 'O') && (tag === 'E' || tag === 'I')) return true;
  return tag !== 'O' && prevType !== type;
}

/**
 * The entities of one sentence's tags, at token offset `offset`.
 *
 * @example
 * entitiesOf(['B-PERS', 'I-PERS', 'O', 'I-LOC'])
 * // [{ type: 'PERS', start: 0, end: 2 }, { type: 'LOC', start: 3, end: 4 }]
 */
export function entitiesOf(tags: readonly string[], offset = 0): TaggedEntity[] {
  const out: TaggedEntity[] = [];
  let prevTag = 'O';
  let prevType = '';
  let begin = 0;
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : 'O';
    const tag = prefixOf(t);
    const type = typeOf(t);
    if (endsChunk(prevTag, tag, prevType, type)) out.push({ type: prevType, start: offset + begin, end: offset + i });
    if (startsChunk(prevTag, tag, prevType, type)) begin = i;
    prevTag = tag;
    prevType = type;
  }
  return out;
}

function score(correct: number, predicted: number, support: number): EntityScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = support ? correct / support : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support, predicted, correct };
}

/**
 * Scores predicted tags against gold tags, sentence by sentence (entities never cross
 * sentences): exact span and type, per type and micro-averaged.
 *
 * @example
 * const r = scoreEntities([['B-PERS', 'I-PERS', 'O']], [['B-PERS', 'O', 'O']]);
 * r.overall.f1  // 0: the predicted span is shorter than the gold one
 */
export function scoreEntities(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): EntityReport {
  if (gold.length !== predicted.length) throw new Error(`scoreEntities: ${gold.length} gold sentences but ${predicted.length} predicted`);
  const counts = new Map<string, { correct: number; predicted: number; support: number }>();
  const bump = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { correct: 0, predicted: 0, support: 0 }));
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = predicted[s]!;
    if (g.length !== p.length) throw new Error(`scoreEntities: sentence ${s + 1} has ${g.length} gold tags but ${p.length} predicted`);
    const goldKeys = new Set<string>();
    for (const e of entitiesOf(g)) {
      bump(e.type).support++;
      goldKeys.add(`${e.type}|${e.start}|${e.end}`);
    }
    for (const e of entitiesOf(p)) {
      const c = bump(e.type);
      c.predicted++;
      if (goldKeys.has(`${e.type}|${e.start}|${e.end}`)) c.correct++;
    }
  }
  const types = new Map<string, EntityScore>();
  let correct = 0;
  let predictedTotal = 0;
  let support = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    types.set(type, score(c.correct, c.predicted, c.support));
    correct += c.correct;
    predictedTotal += c.predicted;
    support += c.support;
  }
  return { types, overall: score(correct, predictedTotal, support) };
}
