/**
 * Cue phrases (topics, modes) matched over a stretch of tokens by search stems, so that one cue
 * covers its inflections and clitics: "استعادة مواطني" matches "باستعادة مواطنيها".
 */
import { analyzeEnclitics } from '../../text/clitics.js';
import { searchTerms } from '../../text/stem.js';
import { TokenKind } from '../../text/tokenize.js';
import type { DocumentContext } from './context.js';
import type { Cue } from './lexicon.js';

/**
 * The search stems of each token in [from, to), with and without an attached pronoun
 * ("رعاياكم" also gives the stems of "رعايا").
 */
export function stemsOf(ctx: DocumentContext, from: number, to: number): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (let t = from; t < to; t++) {
    if (ctx.doc.tokens.kind(t) !== TokenKind.Word) {
      out.push([ctx.norms[t]!.replace(/,/g, '')]);
      continue;
    }
    const stems = new Set<string>();
    for (const e of analyzeEnclitics(ctx.norms[t]!)) for (const s of searchTerms(e.stem)) stems.add(s);
    out.push([...stems]);
  }
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

/** Every key whose cues occur in the stems, in the order of the map. */
export function matchingKeys(stems: readonly (readonly string[])[], cues: ReadonlyMap<string, readonly Cue[]>, maxGap: number): string[] {
  const keys: string[] = [];
  for (const [key, list] of cues) if (list.some((cue) => cueMatches(stems, cue, maxGap))) keys.push(key);
  return keys;
}
