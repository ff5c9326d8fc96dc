/**
 * What the event rules read about one document, computed once: each token's readings
 * (proclitics from the clitic analyser, with and without an attached pronoun), and the entity
 * mentions laid over the tokens.
 */
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics, analyzeEnclitics, type Proclitic } from '../../text/clitics.js';
import { normalizeForm } from '../../text/normalize.js';
import { searchTerms } from '../../text/stem.js';
import { TokenKind } from '../../text/tokenize.js';
import type { Entity, Span } from '../record.js';
import { eventLexicon } from './lexicon.js';

/** One reading of a token: what it is without its proclitics, and without an attached pronoun. */
export interface TokenReading {
  readonly proclitics: readonly Proclitic[];
  /** The word without proclitics (and without the article). */
  readonly stem: string;
  /** The pronoun taken off the end ("ندعوكم" → "ندعو" + "كم"), or null. */
  readonly enclitic: string | null;
}

/** An entity mention laid over the tokens. */
export interface MentionOnTokens {
  readonly entity: Entity;
  readonly firstToken: number;
  /** Exclusive. */
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  /**
   * The proclitic fused to the mention's first token before the mention begins ("لقوات" → "ل",
   * "وبحلب" → "ب"); null when the mention starts its token or only a conjunction precedes it.
   */
  readonly preposition: string | null;
}

export interface DocumentContext {
  readonly doc: AnalyzedText;
  /** Normalised form of each token. */
  readonly norms: readonly string[];
  /** Readings of a word token, computed on first use (none for numbers and punctuation). */
  readingsOf(t: number): readonly TokenReading[];
  /** Search stems of a token (with and without an attached pronoun), computed on first use. */
  stemsAt(t: number): readonly string[];
  readonly mentions: readonly MentionOnTokens[];
  /** For each token, the mention covering it, or -1. */
  readonly mentionAt: Int32Array;
  /** For each token, 1 when it is part of a figure ("الآلاف", "ثلاثة آلاف"). */
  readonly quantityAt: Uint8Array;
  /** For each token, 1 when it is part of a date ("أمس الخميس الخامس من كانون الأول"). */
  readonly dateAt: Uint8Array;
}

/** Which entities may stand as an actor or a recipient: people, organisations, countries. */
export function isActorLike(entity: Entity): boolean {
  return entity.type !== 'LOC' || entity.subtype === 'country';
}

/**
 * A capital that may stand for its government ("واشنطن تنتقد", "دعت أنقرة"): only right beside
 * a verb that agrees with it, or as the addressee of what is said (see arguments.ts).
 */
export function isActorPlace(entity: Entity): boolean {
  return eventLexicon().actorPlaces.has(entity.id);
}

/**
 * Builds the context of a document from its analysis and its entities.
 *
 * @example
 * const ctx = buildContext(doc, sofar.entities);
 * ctx.mentions[0].firstToken
 */
export function buildContext(
  doc: AnalyzedText,
  entities: readonly Entity[],
  quantities: readonly Span[] = [],
  dates: readonly Span[] = [],
): DocumentContext {
  const { tokens } = doc;
  const norms: string[] = [];
  for (let i = 0; i < tokens.count; i++) norms.push(tokens.norm(i));
  // Readings and stems are computed only for the tokens a rule asks about: most words are
  // never near a trigger.
  const readings: (readonly TokenReading[] | undefined)[] = new Array(tokens.count);
  const stems: (readonly string[] | undefined)[] = new Array(tokens.count);
  const readingsOf = (i: number): readonly TokenReading[] => {
    let list = readings[i];
    if (list) return list;
    const out: TokenReading[] = [];
    if (tokens.kind(i) === TokenKind.Word) {
      // Normalisation folds ة into ه: a final ه is a pronoun only where the text wrote ه
      // ("وزارة" is a ministry, not و + زار + ه).
      const endsWithTaMarbuta = /\u0629[\u064b-\u065f]*$/u.test(tokens.surface(i));
      for (const r of analyzeClitics(norms[i]!)) {
        for (const e of analyzeEnclitics(r.stem)) {
          if (e.enclitic === 'ه' && endsWithTaMarbuta) continue;
          out.push({ proclitics: r.proclitics, stem: e.stem, enclitic: e.enclitic });
        }
      }
    }
    readings[i] = list = out;
    return list;
  };
  const stemsAt = (i: number): readonly string[] => {
    let list = stems[i];
    if (list) return list;
    if (tokens.kind(i) !== TokenKind.Word) list = [norms[i]!.replace(/,/g, '')];
    else {
      const set = new Set<string>();
      for (const e of analyzeEnclitics(norms[i]!)) for (const x of searchTerms(e.stem)) set.add(x);
      list = [...set];
    }
    stems[i] = list;
    return list;
  };

  const mentions: MentionOnTokens[] = [];
  const mentionAt = new Int32Array(tokens.count).fill(-1);
  for (const entity of entities) {
    for (const m of entity.mentions) {
      let first = tokens.indexAt(m.start);
      // indexAt gives the first token starting at or after the offset: step back when the
      // mention starts inside a token ("لقوات" holds "قوات").
      if (first > 0 && (first >= tokens.count || tokens.start(first) > m.start) && tokens.end(first - 1) > m.start) first--;
      let end = first;
      while (end < tokens.count && tokens.start(end) < m.end) end++;
      if (end <= first) continue;
      let preposition: string | null = null;
      if (m.start > tokens.start(first)) {
        const prefix = normalizeForm(doc.text.slice(tokens.start(first), m.start)).replace(/^[وف]/u, '');
        if (prefix === 'ل' || prefix === 'ب' || prefix === 'ك' || prefix === 'لل') preposition = prefix === 'لل' ? 'ل' : prefix;
      }
      const index = mentions.length;
      mentions.push({ entity, firstToken: first, endToken: end, start: m.start, end: m.end, preposition });
      for (let t = first; t < end; t++) if (mentionAt[t] === -1) mentionAt[t] = index;
    }
  }
  mentions.sort((a, b) => a.firstToken - b.firstToken || b.endToken - a.endToken);
  mentionAt.fill(-1);
  mentions.forEach((m, index) => {
    for (let t = m.firstToken; t < m.endToken; t++) if (mentionAt[t] === -1) mentionAt[t] = index;
  });
  const over = (spans: readonly Span[]) => {
    const at = new Uint8Array(tokens.count);
    for (const q of spans) for (let t = tokens.indexAt(q.start); t < tokens.count && tokens.start(t) < q.end; t++) at[t] = 1;
    return at;
  };
  return { doc, norms, readingsOf, stemsAt, mentions, mentionAt, quantityAt: over(quantities), dateAt: over(dates) };
}
