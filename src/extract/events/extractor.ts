/**
 * The events extractor: who did, said and demanded what, of whom — one event per trigger, with
 * its sentence, trigger and content spans, arguments resolved through the entities, topics,
 * mode, contexts, modality, and the date, place and figures its sentence gives.
 *
 * Events told several times in an article are folded afterwards by the `merge-events` refiner.
 */
import type { Sentence } from '../../text/sentences.js';
import { TokenKind } from '../../text/tokenize.js';
import type { DateMention, Entity, Event, EventType, Span } from '../record.js';
import type { Extraction, ExtractionInput, Extractor } from '../types.js';
import { contentStart, findRecipient, findSubject, sentenceSubject, type ActorSource } from './arguments.js';
import { buildContext, isActorLike, type DocumentContext } from './context.js';
import { matchingKeys, stemsOf } from './cues.js';
import { eventLexicon } from './lexicon.js';
import { modalityOf } from './modality.js';
import { findTriggers, type TriggerMatch } from './triggers.js';

/** Types whose content is what was said or asked (contract: content for these). */
const SPEECH_TYPES: ReadonlySet<EventType> = new Set(['REQUEST', 'STATEMENT', 'ACCUSE', 'REJECT', 'AGREE', 'SUPPORT', 'THREATEN']);
/** Types whose speaker, when the sentence names none, is the article's established actor. */
const SPOKEN_TYPES: ReadonlySet<EventType> = new Set(['REQUEST', 'STATEMENT', 'ACCUSE', 'REJECT']);
/** An attached pronoun ("اجتماعهم") reaches back this many sentences for its actor. */
const DISCOURSE_REACH = 2;
/** Punctuation that ends a clause for argument search (commas included). */
const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '?', '!', '(', ')', '-', '...']);

const ids = (mentions: readonly { entity: Entity }[]) => [...new Set(mentions.map((m) => m.entity.id))];

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The actor the article is about: the first actor of its title, else of its first sentence, else its most mentioned. */
function establishedActor(ctx: DocumentContext, titleEnd: number): string[] {
  const actorLike = ctx.mentions.filter((m) => isActorLike(m.entity) && m.entity.type !== 'LOC');
  const inTitle = actorLike.find((m) => m.end <= titleEnd);
  if (inTitle) return [inTitle.entity.id];
  const firstBody = ctx.doc.sentences.find((s) => s.start >= titleEnd);
  const inLead = firstBody && actorLike.find((m) => m.start >= firstBody.start && m.end <= firstBody.end);
  if (inLead) return [inLead.entity.id];
  const counts = new Map<string, number>();
  for (const m of actorLike) counts.set(m.entity.id, (counts.get(m.entity.id) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

function clauseBounds(ctx: DocumentContext, match: TriggerMatch, sentence: Sentence): [number, number] {
  const isBreak = (t: number) => ctx.doc.tokens.kind(t) === TokenKind.Punct && CLAUSE_PUNCT.has(ctx.norms[t]!);
  let start = match.firstToken;
  while (start > sentence.firstToken && !isBreak(start - 1)) start--;
  let end = match.endToken;
  while (end < sentence.endToken && !isBreak(end)) end++;
  return [start, end];
}

/** How far a recipient is looked for: to the end of the clause, commas allowed. */
function recipientEnd(ctx: DocumentContext, match: TriggerMatch, sentence: Sentence): number {
  let end = match.endToken;
  const hard = (t: number) => ctx.doc.tokens.kind(t) === TokenKind.Punct && CLAUSE_PUNCT.has(ctx.norms[t]!) && ctx.norms[t] !== ',';
  while (end < sentence.endToken && !hard(end)) end++;
  return end;
}

/** The end of a sentence without its final punctuation and closing quotes. */
function trimmedEnd(ctx: DocumentContext, sentence: Sentence): number {
  let last = sentence.endToken - 1;
  while (last > sentence.firstToken && ctx.doc.tokens.kind(last) === TokenKind.Punct) last--;
  return ctx.doc.tokens.end(last);
}

function within(a: { start: number; end: number }, s: { start: number; end: number }): boolean {
  return a.start >= s.start && a.end <= s.end;
}

/** The date of an event: its sentence's (outside its content first), else the sentence before's, else the dateline's. */
function eventDate(dates: readonly DateMention[], sentences: readonly Sentence[], index: number, content: Span | null, titleEnd: number): Event['date'] {
  const resolved = (s: Sentence) => dates.filter((d) => d.value !== null && within(d, s));
  const own = resolved(sentences[index]!);
  const pick = own.find((d) => !content || !within(d, content)) ?? own[0];
  if (pick) return { value: pick.value, precision: pick.precision };
  if (index > 0) {
    const prev = resolved(sentences[index - 1]!)[0];
    if (prev) return { value: prev.value, precision: prev.precision };
  }
  const dateline = sentences.find((s) => s.start >= titleEnd);
  const first = dateline ? resolved(dateline)[0] : undefined;
  return first ? { value: first.value, precision: first.precision } : { value: null, precision: null };
}

/** The place of an event: a place its sentence names (not one of its participants), else the dateline's. */
function eventPlace(ctx: DocumentContext, sentence: Sentence, participants: ReadonlySet<string>, titleEnd: number): string | null {
  const places = ctx.mentions.filter((m) => m.entity.type === 'LOC' && within(m, sentence) && !participants.has(m.entity.id));
  const local = places.find((m) => m.entity.subtype !== 'country') ?? places[0];
  if (local) return local.entity.id;
  // Dateline: "الحسكة ـ …" opens the first body sentence.
  const lead = ctx.doc.sentences.find((s) => s.start >= titleEnd);
  if (!lead) return null;
  const first = ctx.mentions.find((m) => m.entity.type === 'LOC' && m.firstToken === lead.firstToken);
  const dash = first ? ctx.norms[first.endToken] : undefined;
  return first && (dash === '-' || dash === 'ـ') ? first.entity.id : null;
}

/**
 * Builds the events extractor.
 *
 * @example
 * PIPELINE = [..., { kind: 'extractor', run: eventExtractor }, { kind: 'refiner', run: mergeEvents }, ...]
 */
export const eventExtractor: Extractor = {
  name: 'ar/events',
  produces: ['events'],
  extract(input: ExtractionInput, sofar: Readonly<Extraction>): Partial<Extraction> {
    const lex = eventLexicon();
    const ctx = buildContext(input.doc, sofar.entities, sofar.quantities, sofar.dates);
    const { text, sentences } = input.doc;
    // The actor the article is about: the subject of its first event in the title or the lead,
    // else its first named actor.
    const firstBody = sentences.find((s) => s.start >= input.titleEnd);
    const leadEnd = firstBody ? firstBody.end : input.titleEnd;
    let firstSubject: string[] | null = null;
    const fallback = establishedActor(ctx, input.titleEnd);
    const established = () => firstSubject ?? fallback;
    const events: Event[] = [];
    let lastActor: { ids: string[]; sentence: number } | null = null;
    let lastSpeaker: { ids: string[] } | null = null;
    /** The last speaker was someone unnamed ("أفاد مسؤولون", "قالت متحدثة"): a subjectless "وأضافت" is theirs too. */
    let unknownSpeaker = false;
    let lastRecipient: string[] = [];

    sentences.forEach((sentence, si) => {
      const matches = findTriggers(ctx, sentence);
      /** Content spans of this sentence's events: what a demand asks is no event; what a denial denies is negated. */
      const embedding: { span: Span; type: EventType; actor: string[] }[] = [];
      for (const match of matches) {
        const triggerStart = ctx.doc.tokens.start(match.firstToken);
        const parent = embedding.find((e) => triggerStart >= e.span.start && triggerStart < e.span.end);
        // What is asked has not happened; a participle ("…، مؤكداً") goes with the main verb, not inside what it says.
        if (parent && parent.type === 'REQUEST' && !match.participle) continue;
        const [clauseStart, clauseEnd] = clauseBounds(ctx, match, sentence);
        // The clause with its commas: where a recipient, or a person named beside a title, may stand.
        const argumentsEnd = recipientEnd(ctx, match, sentence);
        const governedByFirstPerson =
          match.nounLike &&
          match.firstToken > sentence.firstToken &&
          (lex.firstPersonGovernors.has(ctx.norms[match.firstToken - 1]!) || ctx.readingsOf(match.firstToken - 1).some((r) => lex.firstPersonGovernors.has(r.stem)));
        // "سنواصل دعم حكومة العراق": the speaker supports; the genitive is who is supported.
        // A passive ("اُعتقل X", "أصيب X") or a participle ("مطالباً X بـ…") has no subject of its own: the
        // word after it is the one acted on.
        const subject = governedByFirstPerson || match.passive || match.participle ? { source: 'none' as const, mentions: [], after: match.endToken } : findSubject(ctx, match, clauseStart, clauseEnd, argumentsEnd);
        // A verbal noun inside what another event reports is part of that report, not an event.
        if (parent && match.nounLike) continue;
        // What an event reports ("أكدت الإدارة أن …") tells of other events only with their own
        // subject; but what one denies is mostly its own doing ("نفى التحالف أن تكون طائراته قد
        // استهدفت …").
        const deniedOwnAct = parent?.type === 'REJECT' && parent.actor.length > 0 && subject.source !== 'subject';
        if (parent && subject.source !== 'subject' && !match.firstPerson && !match.participle && !deniedOwnAct) continue;

        // Who acts. Speakers go on speaking ("وأضافت", "نحثكم"); a noun needs its own actor, or
        // the one its sentence's main event has ("أصدر الوزراء بياناً بعيد اجتماع").
        const speaker = () => (lastSpeaker ? lastSpeaker.ids : established());
        let actor: string[] = [];
        let actorSource: ActorSource | 'discourse' = subject.source;
        const sameSentence = events.filter((e) => e.sentence.start === sentence.start && e.actor.length).at(-1);
        if (deniedOwnAct) {
          actor = parent!.actor;
          actorSource = 'discourse';
        } else if (match.firstPerson) {
          actor = speaker();
          actorSource = 'speech';
        } else if (subject.source === 'subject') actor = ids(subject.mentions);
        else if (subject.source === 'speech') actor = speaker();
        else if (match.entry.needs_subject) continue;
        else if (match.nounLike) {
          if (governedByFirstPerson) {
            actor = speaker(); // "سنواصل دعم …": the speaker does it
            actorSource = 'speech';
          } else if (match.attachedPronoun && match.entry.noun_takes_sentence_actor && lastActor && si - lastActor.sentence <= DISCOURSE_REACH) {
            actor = lastActor.ids; // "اجتماعهم": theirs
            actorSource = 'discourse';
          } else if (sameSentence && match.entry.noun_takes_sentence_actor) {
            actor = sameSentence.actor;
            actorSource = 'discourse';
          } else continue;
        } else if (subject.source === 'anonymous') {
          actor = [];
        } else if (SPOKEN_TYPES.has(match.entry.type)) {
          // A subjectless "وأضافت", "ودعت": its sentence's earlier event or subject, else the last speaker.
          const inSentence = sameSentence?.actor ?? (() => {
            const m = sentenceSubject(ctx, sentence, match.firstToken);
            return m ? [m.entity.id] : undefined;
          })();
          actor = inSentence ?? (unknownSpeaker ? [] : speaker());
          actorSource = 'discourse';
        } else if (sameSentence) {
          actor = sameSentence.actor; // "هاجم X القرى واستولوا على المدينة"
          actorSource = 'discourse';
        }

        const recipientMentions = findRecipient(ctx, match, Math.max(subject.after, match.endToken), argumentsEnd);
        const afterArgs = Math.max(subject.after, match.endToken, ...recipientMentions.map((m) => m.endToken));
        let content: Span | null = null;
        if (SPEECH_TYPES.has(match.entry.type)) {
          const begin = contentStart(ctx, match, afterArgs, sentence);
          const end = trimmedEnd(ctx, sentence);
          if (begin !== null && begin < sentence.endToken && ctx.doc.tokens.start(begin) < end) {
            content = spanOf(text, ctx.doc.tokens.start(begin), end);
          }
        }
        // Who said or asked it is what a spoken event is: with no speaker known there is none.
        if (SPOKEN_TYPES.has(match.entry.type) && actor.length === 0) {
          if (subject.source === 'anonymous') unknownSpeaker = true;
          // What someone unnamed says is still reported: an event told in it needs its own subject.
          if (content) embedding.push({ span: content, type: match.entry.type, actor: [] });
          continue;
        }
        let recipient = ids(recipientMentions).filter((id) => !actor.includes(id));
        if (match.entry.needs_recipient && recipient.length === 0) continue;
        if (recipient.length === 0 && match.attachedPronoun && match.entry.type === 'REQUEST') recipient = lastRecipient.filter((id) => !actor.includes(id));
        // "وجّه المجلس نداء إلى الأمم المتحدة طالب فيه بـ…": a demand that follows another by the
        // same actor in the same sentence is addressed to the same recipient.
        const previous = events.at(-1);
        if (recipient.length === 0 && previous && SPOKEN_TYPES.has(match.entry.type) && previous.sentence.start === sentence.start
          && previous.actor.join() === actor.join() && SPOKEN_TYPES.has(previous.type)) {
          recipient = previous.recipient;
        }

        // Topics from what was said or asked; for other events, from the sentence around them.
        const topicFrom = content ? ctx.doc.tokens.indexAt(content.start) : sentence.firstToken;
        const topicTo = content ? ctx.doc.tokens.indexAt(content.end) : sentence.endToken;
        const topics = SPEECH_TYPES.has(match.entry.type) ? matchingKeys(stemsOf(ctx, topicFrom, topicTo), lex.topicCues, lex.maxGap) : [];
        for (const id of recipient) for (const t of lex.topicsByRecipient.get(id) ?? []) if (!topics.includes(t)) topics.push(t);

        const sentenceStems = stemsOf(ctx, sentence.firstToken, sentence.endToken);
        let mode = match.entry.mode ?? null;
        const modeCues = lex.modeCues.get(match.entry.type);
        if (!mode && modeCues) {
          const stems = match.entry.type === 'REQUEST' && content ? stemsOf(ctx, topicFrom, topicTo) : sentenceStems;
          mode = matchingKeys(stems, modeCues, lex.maxGap)[0] ?? lex.modeDefaults.get(match.entry.type) ?? null;
        }

        const contexts = new Set<string>(lex.contextsByType.get(match.entry.type) ?? []);
        for (const t of topics) for (const c of lex.contextsByTopic.get(t) ?? []) contexts.add(c);
        for (const id of [...actor, ...recipient]) for (const c of lex.contextsByActor.get(id) ?? []) contexts.add(c);

        let modality = modalityOf(ctx, match, sentence, clauseStart);
        if (parent?.type === 'REJECT') modality = 'negated';

        const participants = new Set([...actor, ...recipient]);
        const sentenceSpan = spanOf(text, sentence.start, sentence.end);
        const quantities = sofar.quantities.flatMap((q, i) => (within(q, sentence) ? [i] : []));
        let confidence = match.kind === 'verb' ? 0.75 : 0.55;
        if (actorSource === 'subject') confidence += 0.15;
        else if (actorSource === 'none') confidence -= 0.25;
        if (match.entry.recipient.object || match.entry.recipient.prepositions.length) confidence += recipient.length ? 0.05 : -0.05;
        if (modality !== 'asserted') confidence -= 0.05;

        const event: Event = {
          id: '',
          type: match.entry.type,
          mode,
          contexts: [...contexts],
          actor,
          recipient,
          place: eventPlace(ctx, sentence, participants, input.titleEnd),
          date: eventDate(sofar.dates, sentences, si, content, input.titleEnd),
          topics,
          quantities,
          modality,
          sentence: sentenceSpan,
          trigger: spanOf(text, triggerStart, ctx.doc.tokens.end(match.endToken - 1)),
          content,
          confidence: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
          rule: match.entry.rule,
          evidence: [sentenceSpan],
        };
        events.push(event);
        if (content) embedding.push({ span: content, type: match.entry.type, actor });
        if ((actorSource === 'subject' || actorSource === 'speech') && actor.length) {
          lastActor = { ids: actor, sentence: si };
          if (SPOKEN_TYPES.has(match.entry.type)) {
            lastSpeaker = { ids: actor };
            unknownSpeaker = false;
          }
          if (!firstSubject && actorSource === 'subject' && sentence.start < leadEnd) firstSubject = actor;
        }
        if (match.entry.type === 'REQUEST' && recipient.length) lastRecipient = recipient;
      }
    });
    return { events };
  },
};
