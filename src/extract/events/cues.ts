/**
 * Cue phrases (topics, modes) matched over a stretch of tokens by search stems, so that one cue
 * covers its inflections and clitics: "استعادة مواطني" matches "باستعادة مواطنيها".
 */
import type { DocumentContext } from './context.js';
import type { Cue } from './lexicon.js';

/**
 * The search stems of each token in [from, to), with and without an attached pronoun
 * ("رعاياكم" also gives the stems of "رعايا").
 */
export function stemsOf(ctx: DocumentContext, from: number, to: number): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (let t = from; t < to; t++) out.push(ctx.stemsAt(t));
  return out;
}

/** Whether a cue occurs in the stems, its words in order with at most `maxGap` words between. */
export function cueMatches(stems: readonly (readonly string[])[], cue: Cue, maxGap: number): boolean {
  const matchesAt = (i: number, w: number) => stems[i]!.some((s) => cue[w]!.includes(s));
  for (let start = 0; start < stems.length; start++) {
    if (!matchesAt(start, 0)) continue;
    let at = start;
    let ok = true;
    for (let w = 1; w < cue.length && ok; w++) {
      let found = -1;
      for (let j = at + 1; j <= Math.min(stems.length - 1, at + 1 + maxGap); j++) {
        if (matchesAt(j, w)) {
          found = j;
          break;
        }
      }
      if (found < 0) ok = false;
      else at = found;
    }
    if (ok) return true;
  }
  return false;
}

/** Cues by the stems of their first word, so that only cues that can start at a word are tried. */
interface CueIndex {
  readonly order: readonly string[];
  readonly byFirstStem: ReadonlyMap<string, readonly { key: string; cue: Cue }[]>;
}

const indexes = new WeakMap<ReadonlyMap<string, readonly Cue[]>, CueIndex>();

function indexOf(cues: ReadonlyMap<string, readonly Cue[]>): CueIndex {
  let index = indexes.get(cues);
  if (index) return index;
  const byFirstStem = new Map<string, { key: string; cue: Cue }[]>();
  for (const [key, list] of cues) {
    for (const cue of list) for (const stem of cue[0] ?? []) byFirstStem.set(stem, [...(byFirstStem.get(stem) ?? []), { key, cue }]);
  }
  index = { order: [...cues.keys()], byFirstStem };
  indexes.set(cues, index);
  return index;
}

/** Every key whose cues occur in the stems, in the order of the map. */
export function matchingKeys(stems: readonly (readonly string[])[], cues: ReadonlyMap<string, readonly Cue[]>, maxGap: number): string[] {
  const { order, byFirstStem } = indexOf(cues);
  const found = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    for (const stem of stems[i]!) {
      for (const { key, cue } of byFirstStem.get(stem) ?? []) {
        if (!found.has(key) && cueMatches(stems.slice(i, i + cue.length * (maxGap + 1)), cue, maxGap)) found.add(key);
      }
    }
  }
  return order.filter((k) => found.has(k));
}
