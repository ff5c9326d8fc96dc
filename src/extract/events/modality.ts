/**
 * Modality: whether an event is asserted, negated ("لم يهاجم"), future ("سيواصل", "تعهد") or
 * hypothetical ("في حال هاجمت"). Never silently asserted when the text says otherwise.
 */
import type { Sentence } from '../../text/sentences.js';
import { TokenKind } from '../../text/tokenize.js';
import type { Event } from '../record.js';
import { prepositionalCarrier } from './arguments.js';
import type { DocumentContext } from './context.js';
import { eventLexicon } from './lexicon.js';
import type { TriggerMatch } from './triggers.js';

/** After these, a negation particle does not negate: "لا يزال" (still), "لا بد" (must), "ليس فقط" (not only). */
const NOT_NEGATING = new Set(['زال', 'يزال', 'تزال', 'زالت', 'يزالون', 'تزالان', 'بد', 'فقط', 'سيما', 'شك', 'ريب']);

/**
 * The modality of a trigger in its sentence.
 *
 * @example
 * // "لم تعلّق الحكومة" → 'negated'; "ستواصل القوات" → 'future'; "إذا هاجمت" → 'hypothetical'
 */
export function modalityOf(ctx: DocumentContext, match: TriggerMatch, sentence: Sentence, clauseStart: number): Event['modality'] {
  const lex = eventLexicon();
  // hypothetical: a condition before the trigger in its sentence
  for (let t = sentence.firstToken; t < match.firstToken; t++) {
    for (const cue of lex.hypothetical) {
      if (!ctx.norms[t]!.endsWith(cue[0]!)) continue; // "وإذا" ends with "إذا"; anything else cannot match
      if (cue.every((w, k) => ctx.norms[t + k] === w || (k === 0 && ctx.readingsOf(t).some((r) => r.stem === w)))) return 'hypothetical';
    }
  }
  let future = match.futurePrefix || match.entry.modality === 'future';
  // "لم تتمكن الشرطة من اعتقال", "ستنجح القوات في تحرير": a noun carried through its verb's own
  // preposition takes the verb's modality (the verb itself and the words before it).
  const carrier = prepositionalCarrier(ctx, match);
  const from = carrier === null ? match.firstToken - 1 : carrier;
  for (let t = match.firstToken - 1; t >= Math.max(clauseStart, from + 1 - lex.modalityWindow); t--) {
    if (ctx.doc.tokens.kind(t) === TokenKind.Punct) break;
    const norm = ctx.norms[t]!;
    const bare = ctx.readingsOf(t).map((r) => r.stem);
    if (lex.negation.has(norm) || (bare.some((b) => lex.negation.has(b)) && norm.length <= 4)) {
      const next = ctx.norms[t + 1] ?? '';
      if (!NOT_NEGATING.has(next)) return 'negated';
    }
    if (lex.future.has(norm)) future = true;
    // "سيواصل التحالف دعم …": a verb with the future prefix governs the trigger after it (not a
    // name that happens to start with س: "مؤتمر ستار").
    if (ctx.mentionAt[t] === -1 && ctx.readingsOf(t).some((r) => r.proclitics.includes('س') && r.stem.length >= 4)) future = true;
  }
  // "لن" negates and points to the future: negated wins (what is denied did not happen).
  return future ? 'future' : 'asserted';
}
