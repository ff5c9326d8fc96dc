/**
 * The arguments of an event: who acts (the subject), of whom (the object or addressee), and what
 * was said or asked (the content), read from the words around the trigger.
 *
 * Arabic news puts the subject after the verb in body text (VSO: "دعت الإدارة الذاتية …") and
 * before it in headlines (SVO: "مؤتمر ستار يدعو …"). A document that speaks stands for its author
 * ("قال البيان", "وجاء في نص الرسالة"); a verb with no subject continues the one before it.
 */
import type { Sentence } from '../../text/sentences.js';
import { TokenKind } from '../../text/tokenize.js';
import { isActorLike, type DocumentContext, type MentionOnTokens } from './context.js';
import { eventLexicon } from './lexicon.js';
import type { TriggerMatch } from './triggers.js';

/** How far (in words) a subject may stand from its verb. */
const MAX_VSO_GAP = 4;
const MAX_SVO_GAP = 2;
/** How far after the subject a recipient is looked for. */
const RECIPIENT_WINDOW = 8;
/** How far after the arguments the content may begin. */
const CONTENT_WINDOW = 6;

export type ActorSource = 'subject' | 'speech' | 'none';

export interface SubjectFound {
  readonly source: ActorSource;
  readonly mentions: readonly MentionOnTokens[];
  /** The token after the subject (where the rest of the clause goes on). */
  readonly after: number;
}

const isPunct = (ctx: DocumentContext, t: number) => ctx.doc.tokens.kind(t) === TokenKind.Punct;

function stemIn(ctx: DocumentContext, t: number, set: ReadonlySet<string>): boolean {
  if (set.has(ctx.norms[t]!)) return true;
  return ctx.readings[t]!.some((r) => set.has(r.stem) || (r.proclitics.includes('ال') && set.has('ال' + r.stem)));
}

/** The token begins with "و" fused to a mention, or is a lone "و": "… وقوات …", "… و قوات …". */
function joinsWithAnd(ctx: DocumentContext, m: MentionOnTokens): boolean {
  const first = ctx.norms[m.firstToken]!;
  if (m.start > ctx.doc.tokens.start(m.firstToken) && first.startsWith('و')) return true;
  return m.firstToken > 0 && ctx.norms[m.firstToken - 1] === 'و';
}

/** Mentions joined to `m` by "و" (compound actors stay lists). */
function withConjuncts(ctx: DocumentContext, m: MentionOnTokens, clauseEnd: number): MentionOnTokens[] {
  const list = [m];
  let last = m;
  for (;;) {
    let next = last.endToken;
    if (next < clauseEnd && ctx.norms[next] === 'و') next++;
    const mi = next < clauseEnd ? ctx.mentionAt[next]! : -1;
    if (mi === -1) break;
    const n = ctx.mentions[mi]!;
    if (n.firstToken !== next && !(n.firstToken === last.endToken + 1)) break;
    if (!isActorLike(n.entity) || n.preposition || !joinsWithAnd(ctx, n)) break;
    list.push(n);
    last = n;
  }
  return list;
}

/** Whether the token before a mention is a standalone preposition ("إلى التحالف"). */
function afterPreposition(ctx: DocumentContext, m: MentionOnTokens): string | null {
  const lex = eventLexicon();
  if (m.preposition) return m.preposition;
  const prev = m.firstToken - 1;
  return prev >= 0 && lex.prepositions.has(ctx.norms[prev]!) ? ctx.norms[prev]! : null;
}

/**
 * The subject of a trigger: after it (VSO), before it (SVO), or a speaking document.
 * `clauseStart`/`clauseEnd` bound the search.
 */
export function findSubject(ctx: DocumentContext, match: TriggerMatch, clauseStart: number, clauseEnd: number): SubjectFound {
  const lex = eventLexicon();
  // SVO: an actor right before the trigger ("مؤتمر ستار يدعو", "التحالف الدولي يؤكد").
  for (let t = match.firstToken - 1, gap = 0; t >= clauseStart && gap <= MAX_SVO_GAP; t--) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (isActorLike(m.entity) && !afterPreposition(ctx, m)) return { source: 'subject', mentions: [m], after: match.endToken };
      break;
    }
    if (isPunct(ctx, t) || lex.prepositions.has(ctx.norms[t]!)) break;
    if (!lex.subjectHeads.has(ctx.norms[t]!)) gap++;
  }
  // VSO: the first actor after the trigger, past head nouns ("القيادة العامة لـ…", "المتحدث باسم …").
  let onlyHeads = true;
  for (let t = match.endToken, gap = 0; t < clauseEnd && gap <= MAX_VSO_GAP; ) {
    if (t === match.requiredToken) {
      t++;
      continue;
    }
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (!isActorLike(m.entity)) break;
      const prep = afterPreposition(ctx, m);
      // "القيادة العامة لقوات سوريا الديمقراطية": ل after a head noun is the genitive, not "to".
      if (prep && !(prep === 'ل' && onlyHeads && t > match.endToken)) break;
      return { source: 'subject', mentions: withConjuncts(ctx, m, clauseEnd), after: ctx.mentions[mi]!.endToken };
    }
    const norm = ctx.norms[t]!;
    if (isPunct(ctx, t) || lex.prepositions.has(norm) || lex.clauseBreaks.has(norm)) break;
    if (ctx.doc.tokens.kind(t) === TokenKind.Number) break;
    if (stemIn(ctx, t, lex.speechNouns)) return { source: 'speech', mentions: [], after: t + 1 };
    if (!lex.subjectHeads.has(norm)) {
      onlyHeads = false;
      gap++;
    }
    t++;
  }
  // "وجاء في نص الرسالة": the required word of the trigger is itself the speaking document.
  if (match.requiredToken !== null && stemIn(ctx, match.requiredToken, lex.speechNouns)) {
    return { source: 'speech', mentions: [], after: match.requiredToken + 1 };
  }
  return { source: 'none', mentions: [], after: match.endToken };
}

/**
 * The recipient of a trigger: its direct object when the trigger takes one, or the actor after
 * one of its prepositions ("نداء إلى التحالف", "طلب من الحكومة").
 */
export function findRecipient(ctx: DocumentContext, match: TriggerMatch, from: number, clauseEnd: number): MentionOnTokens[] {
  const lex = eventLexicon();
  const entry = match.entry;
  const end = Math.min(clauseEnd, from + RECIPIENT_WINDOW);
  for (let t = from, gap = 0; t < end; ) {
    if (t === match.requiredToken) {
      t++;
      continue;
    }
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      const prep = afterPreposition(ctx, m);
      if (isActorLike(m.entity)) {
        if (prep === null && entry.recipient.object && gap <= 2) return withConjuncts(ctx, m, clauseEnd);
        if (prep !== null && entry.recipientPrepositions.has(prep)) return withConjuncts(ctx, m, clauseEnd);
      }
      t = m.endToken;
      gap++;
      continue;
    }
    const norm = ctx.norms[t]!;
    if (isPunct(ctx, t) && norm !== '"') break;
    if (lex.clauseBreaks.has(norm)) break;
    if (!lex.prepositions.has(norm)) gap++;
    t++;
  }
  return [];
}

/** Pronoun-bearing "فيه/فيها/فيهم": "طالبت فيها بحماية المدنيين". */
const IN_IT = /^(ف|وف)يه(ا|م|ما|ن)?$/u;

/**
 * Where the content of a trigger begins: at a content marker ("بحماية", "إلى إنشاء", "أن"), after
 * a colon or an opening quote, or at the first word after the arguments for a verb whose object
 * is the demand ("دعت قسد … مواصلة الدعم"). Returns the token, or null.
 */
export function contentStart(ctx: DocumentContext, match: TriggerMatch, from: number, sentence: Sentence): number | null {
  const entry = match.entry;
  if (entry.contentMarkers.size === 0) return null;
  const end = Math.min(sentence.endToken, from + CONTENT_WINDOW);
  for (let t = from; t < end; t++) {
    const norm = ctx.norms[t]!;
    if (IN_IT.test(norm)) continue;
    if (t === match.requiredToken) continue;
    if ((norm === ':' || norm === '"') && (entry.contentMarkers.has(':') || entry.contentMarkers.has('"'))) {
      return t + 1 < sentence.endToken ? t + 1 : null;
    }
    if (isPunct(ctx, t)) {
      if (norm === ',' ) continue;
      return null;
    }
    if (entry.contentMarkers.has(norm)) return t;
    const readings = ctx.readings[t]!;
    if (readings.some((r) => r.proclitics.length > 0 && entry.contentMarkers.has(r.proclitics[r.proclitics[0] === 'و' ? 1 : 0] ?? ''))) {
      // "بحماية", "لحماية", "وبتعزيز": a marker fused to the word
      if (ctx.mentionAt[t] === -1) return t;
    }
    if (t === from && entry.recipient.object && ctx.mentionAt[t] === -1 && ctx.doc.tokens.kind(t) === TokenKind.Word) return t;
  }
  return null;
}
