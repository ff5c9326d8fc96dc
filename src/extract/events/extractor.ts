/**
 * The events extractor: who did, said and demanded what, of whom — one event per trigger, with
 * its sentence, trigger and content spans, arguments resolved through the entities, topics,
 * mode, contexts, modality, and the date, place and figures its sentence gives.
 *
 * Events told several times in an article are folded afterwards by the `merge-events` refiner.
 */
import { normalizeForm } from '../../text/normalize.js';
import type { Sentence } from '../../text/sentences.js';
import { TokenKind } from '../../text/tokenize.js';
import { institutionRules } from '../entities/institutions.js';
import { indicesBySentence, lowerBound, lowerBoundBy } from '../lookup.js';
import type { DateMention, Entity, Event, EventType, Quantity, Span } from '../record.js';
import type { Extraction, ExtractionInput, Extractor } from '../types.js';
import { ACTS_OF_FORCE, accusativeObjectAt, actorRightAfter, ownForcesBefore, passiveDoerAt, targetPreposition, titledEntity, titledParty, unnamedNounSubject, afterPreposition, prepositionalCarrier, contentStart, findRecipient, findSubject, perpetrator, sentenceSubject, stemIn, titledPersonAt, withConjuncts, type ActorSource, type SubjectFound, type TitledParty } from './arguments.js';
import { eventConfidence } from './confidence.js';
import { buildContext, isActorLike, isActorPlace, type DocumentContext, type MentionOnTokens } from './context.js';
import { matchingKeys, stemsOf } from './cues.js';
import { eventLexicon, type CompiledTrigger } from './lexicon.js';
import { modalityOf } from './modality.js';
import { withSizes } from './size.js';
import { actNounAt, findTriggers, type TriggerMatch } from './triggers.js';

/** Types whose content is what was said or asked (contract: content for these). */
const SPEECH_TYPES: ReadonlySet<EventType> = new Set(['REQUEST', 'STATEMENT', 'ACCUSE', 'REJECT', 'AGREE', 'SUPPORT', 'THREATEN']);
/** Types whose speaker, when the sentence names none, is the last speaker or the article's first subject. */
const SPOKEN_TYPES: ReadonlySet<EventType> = new Set(['REQUEST', 'STATEMENT', 'ACCUSE', 'REJECT']);
/** An attached pronoun ("اجتماعهم") reaches back this many sentences for its actor. */
const DISCOURSE_REACH = 2;
/** Punctuation that ends a clause for argument search (commas included). */
const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '?', '!', '(', ')', '-', '...']);

const ids = (mentions: readonly { entity: Entity }[]) => [...new Set(mentions.map((m) => m.entity.id))];

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
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

/**
 * What events look up by sentence, indexed once per article (a scan of every date, place and
 * figure for each event made long articles quadratic): per sentence, its resolved dates, its
 * place mentions and its figures (indices), in record order; and the first body sentence.
 */
interface SentenceLookups {
  readonly dates: readonly (readonly DateMention[])[];
  readonly places: readonly (readonly MentionOnTokens[])[];
  readonly quantities: readonly (readonly number[])[];
  /** `sentences.find((s) => s.start >= titleEnd)`, as an index (-1: none). */
  readonly dateline: number;
}

function sentenceLookups(ctx: DocumentContext, sentences: readonly Sentence[], dates: readonly DateMention[], quantities: readonly Quantity[], titleEnd: number): SentenceLookups {
  const k = lowerBoundBy(sentences, titleEnd, (s) => s.start);
  return {
    dates: indicesBySentence(dates, sentences).map((list) => list.map((i) => dates[i]!).filter((d) => d.value !== null)),
    places: indicesBySentence(ctx.mentions, sentences).map((list) => list.map((i) => ctx.mentions[i]!).filter((m) => m.entity.type === 'LOC')),
    quantities: indicesBySentence(quantities, sentences),
    dateline: k < sentences.length ? k : -1,
  };
}

/** The date of an event: its sentence's (outside its content first), else the sentence before's, else the dateline's. */
function eventDate(lookups: SentenceLookups, index: number, content: Span | null): Event['date'] {
  const own = lookups.dates[index]!;
  const pick = own.find((d) => !content || !within(d, content)) ?? own[0];
  if (pick) return { value: pick.value, precision: pick.precision };
  if (index > 0) {
    const prev = lookups.dates[index - 1]![0];
    if (prev) return { value: prev.value, precision: prev.precision };
  }
  const first = lookups.dateline >= 0 ? lookups.dates[lookups.dateline]![0] : undefined;
  return first ? { value: first.value, precision: first.precision } : { value: null, precision: null };
}

/** The place of an event: a place its sentence names (not one of its participants), else the dateline's. */
function eventPlace(ctx: DocumentContext, lookups: SentenceLookups, index: number, participants: ReadonlySet<string>): string | null {
  const places = lookups.places[index]!.filter((m) => !participants.has(m.entity.id));
  const local = places.find((m) => m.entity.subtype !== 'country') ?? places[0];
  if (local) return local.entity.id;
  // Dateline: "الحسكة ـ …" opens the first body sentence.
  const lead = lookups.dateline >= 0 ? ctx.doc.sentences[lookups.dateline] : undefined;
  if (!lead) return null;
  // ctx.mentions are in token order: the first place starting there, by binary search.
  let first: MentionOnTokens | undefined;
  for (let k = lowerBoundBy(ctx.mentions, lead.firstToken, (m) => m.firstToken); !first && ctx.mentions[k]?.firstToken === lead.firstToken; k++) {
    if (ctx.mentions[k]!.entity.type === 'LOC') first = ctx.mentions[k];
  }
  const dash = first ? ctx.norms[first.endToken] : undefined;
  return first && (dash === '-' || dash === 'ـ') ? first.entity.id : null;
}

/** Arabic words as the text layer normalises them (ى → ي, أ → ا, ة → ه …), for sets written here. */
const normalized = (words: readonly string[]) => new Set(words.map((w) => normalizeForm(w)));

/** Words that may stand between an announcing verb and the act noun it reports ("أعلن عن بدء عملية", "أعلنت، فجر اليوم، قطع العلاقات"). */
const NOUN_REPORT_OPENERS = normalized(['عن', 'بدء', 'انطلاق', 'نجاح', 'تنفيذ', 'فجر', 'صباح', 'مساء', 'ليلة', 'ظهر']);
/** أنّ with a pronoun, right before a verb: its subject ("أنها قتلت" is "that it killed"). */
const SUBJECT_PRONOUNS = normalized(['أنه', 'أنها', 'أنهم', 'أنهما', 'بأنه', 'بأنها', 'بأنهم', 'إنه', 'إنها', 'إنهم']);
/** Words that may stand before the verb of a reported act: the speaker as its subject ("أعلنت الشرطة أنها اعتقلت", "أكد أنه تم"). */
const VERB_REPORT_OPENERS = normalized(['أنه', 'أنها', 'أنهم', 'أنهما', 'بأنه', 'بأنها', 'بأنهم', 'تم', 'قد', 'لقد']);
const REPORT_OPENERS = new Set([...NOUN_REPORT_OPENERS, ...VERB_REPORT_OPENERS]);

/**
 * Whether an act reported in a content span opens it: its trigger comes first, past the words
 * that introduce a report. A noun follows the announcing verb as its object ("أعلنت الشرطة اعتقال
 * خمسة"), not as the subject of a clause after أن ("قال إن الهجوم فشل"); a verb follows أن with
 * the speaker's pronoun ("أنها قتلت"). Then the speaker tells of their own act; deeper in the
 * content the act is someone else's.
 */
function opensContent(ctx: DocumentContext, content: Span, match: TriggerMatch): boolean {
  // A verb form that reads as a noun ("قطع العلاقات" after "أعلنت") is announced as a noun is.
  const asNoun = match.kind === 'noun' || match.nounLike;
  const openers = asNoun ? NOUN_REPORT_OPENERS : VERB_REPORT_OPENERS;
  let t = ctx.doc.tokens.indexAt(content.start);
  if (asNoun && (ctx.norms[t] === 'ان' || ctx.norms[t] === 'بان')) return false;
  const claims = eventLexicon().claims;
  while (t < match.firstToken) {
    const norm = ctx.norms[t]!;
    const skip = bracketedName(ctx, t);
    if (skip > t) {
      t = skip;
      continue;
    }
    // "أعلن التنظيم، الاثنين، مسؤوليته عن الهجوم": a claim of the act is its report.
    const claim = asNoun && (claims.has(norm) || ctx.readingsOf(t).some((r) => claims.has(r.stem)));
    if (!openers.has(norm) && norm !== '"' && norm !== ',' && ctx.dateAt[t] !== 1 && !claim) return false;
    t++;
  }
  return t === match.firstToken;
}

/**
 * A name in brackets at `t` ("(قسد)"), as the speaker's short name stands after it: the token
 * after the closing bracket, or `t` when there is none.
 */
function bracketedName(ctx: DocumentContext, t: number): number {
  if (ctx.norms[t] !== '(') return t;
  const mi = ctx.mentionAt[t + 1] ?? -1;
  if (mi === -1) return t;
  const end = ctx.mentions[mi]!.endToken;
  return ctx.norms[end] === ')' ? end + 1 : t;
}

/**
 * The act a STATEMENT trigger announces without a content marker: a noun trigger right after its
 * arguments. A stance told as a noun with the speaker's pronoun ("أعلنت الحركة تضامنها مع",
 * "أكد الحزب رفضه") is announced the same way: it is the speaker's own position.
 */
function announcedAct(ctx: DocumentContext, matches: readonly TriggerMatch[], match: TriggerMatch, from: number): number | null {
  const next = matches.find((m) => m.firstToken >= from);
  if (!next || !next.nounLike || (SPEECH_TYPES.has(next.entry.type) && !ownStanceNoun(next))) return null;
  // "أعلنت قوات سوريا الديمقراطية (قسد) أمس اعتقال …": a name in brackets, a date, a comma.
  for (let t = from; t < next.firstToken; ) {
    const skip = bracketedName(ctx, t);
    if (skip > t) {
      t = skip;
      continue;
    }
    if (ctx.dateAt[t] !== 1 && ctx.norms[t] !== ',' && !REPORT_OPENERS.has(ctx.norms[t]!)) return null;
    t++;
  }
  return from;
}

/** A noun of a stance other than saying, with a pronoun for whose stance it is ("تضامنها", "رفضه", "دعمهم"). */
function ownStanceNoun(match: TriggerMatch): boolean {
  return match.nounLike && match.attachedPronoun && SPEECH_TYPES.has(match.entry.type) && match.entry.type !== 'STATEMENT';
}

/** How many words may stand between two acts joined by و (the first act's object and adjectives). */
const JOINED_REACH = 12;

/**
 * Whether an act follows an earlier one as its conjunct: "و" on it or right before it (after a
 * comma or not), within a few words, with no verb of saying or punctuation other than commas between.
 */
function joinedByAnd(ctx: DocumentContext, match: TriggerMatch, after: number): boolean {
  if (match.firstToken - after > JOINED_REACH) return false;
  for (let t = after; t < match.firstToken; t++) {
    if (ctx.doc.tokens.kind(t) === TokenKind.Punct && ctx.norms[t] !== ',') return false;
  }
  const t = match.firstToken;
  const fused = ctx.norms[t]!.startsWith('و') && ctx.readingsOf(t).some((r) => r.proclitics[0] === 'و');
  // "…، إلى جانب منع دخول …", "فضلا عن", "بالإضافة إلى": words of addition join as و does.
  const pair = t >= 2 ? `${ctx.norms[t - 2]} ${ctx.norms[t - 1]}` : '';
  return fused || ctx.norms[t - 1] === 'و' || ADDITIONS.has(pair);
}

/** Two words that add one act to another ("إلى جانب", "فضلا عن", "بالإضافة إلى"). */
const ADDITIONS = new Set([['إلى', 'جانب'], ['الى', 'جانب'], ['فضلا', 'عن'], ['فضلاً', 'عن'], ['بالإضافة', 'إلى'], ['علاوة', 'على']].map(([a, b]) => `${normalizeForm(a!)} ${normalizeForm(b!)}`));

/**
 * Whether an act noun stands beside a verb of taking place: before it, past two adjectives ("أن
 * اشتباكات عنيفة جرت"), or right after it ("اندلعت اشتباكات", "شهدت المدينة اشتباكات").
 */
function toldAsHappening(ctx: DocumentContext, match: TriggerMatch): boolean {
  const lex = eventLexicon();
  const verbs = lex.occurrenceVerbs;
  // "الحي الذي شهد عملية أمنية مماثلة": after a relative pronoun it tells what is known.
  const isVerb = (t: number) => t >= 0 && t < ctx.norms.length && ctx.mentionAt[t] === -1 && !(t > 0 && lex.relativePronouns.has(ctx.norms[t - 1]!))
    && (verbs.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.enclitic === null && r.proclitics.every((p) => p === 'و' || p === 'ف') && verbs.has(r.stem)));
  let t = match.endToken;
  for (let n = 0; n < 2 && t < ctx.norms.length && ctx.mentionAt[t] === -1 && !isVerb(t) && /^ال|ه$|ة$/u.test(ctx.doc.tokens.surface(t)); n++) t++;
  if (isVerb(t)) return true;
  // Before: the verb, or the verb and the place that witnessed it ("شهدت المدينة اشتباكات").
  const before = match.firstToken - 1;
  if (isVerb(before)) return true;
  return before >= 0 && ctx.mentionAt[before] !== -1 && isVerb(ctx.mentions[ctx.mentionAt[before]!]!.firstToken - 1);
}

/** How many words after an act noun its doer may be named by "على يد" ("مقتل الطفل فلان (12 سنة) الذي قتل ذبحا على أيدي …"). */
const CUE_DOER_REACH = 14;

/** Words of absence before a noun: the act did not happen ("دون موافقة", "بدون إذن"). */
const WITHOUT = normalized(['دون', 'بدون']);

/** Prepositions before a noun that make it a purpose or a stance, not an act that took place ("ضد الهجمات"). */
const NOT_TAKING_PLACE = normalized(['ضد', 'من', 'عن', 'حول', 'لمنع']);

/**
 * Whether a noun trigger with no doer beside it tells an act that took place ("قُتل خمسة في هجوم",
 * "اعتقال ثلاثة"), rather than refer to acts already known or to come: not with a pronoun
 * ("عملياته": someone's known operations), not after ل or a preposition of purpose or stance
 * ("لهجماتهم", "ضد الهجمات"), not as a state or a kind of place ("رهن الاحتجاز", "مراكز
 * الاحتجاز"), and not as an adjective after a definite noun ("الأحياء المحاصرة").
 */
function toldAsAct(ctx: DocumentContext, match: TriggerMatch): boolean {
  if (match.attachedPronoun) return false;
  const t = match.firstToken;
  const readings = ctx.readingsOf(t);
  if (readings.some((r) => r.proclitics.includes('ل'))) return false;
  if (t === 0) return true;
  const before = ctx.norms[t - 1]!;
  // "تمكنت الشرطة من اعتقال": a carrier's own preposition tells the act, its subject named or not.
  if (NOT_TAKING_PLACE.has(before) && prepositionalCarrier(ctx, match) === null) return false;
  // "رهن الاحتجاز", "مراكز الاحتجاز": a state, or a kind of place.
  if (stemIn(ctx, t - 1, eventLexicon().stateHeads)) return false;
  // "لشن حملة", "لتنفيذ هجمات": the act a purpose aims at.
  if (ctx.mentionAt[t - 1] === -1 && ctx.readingsOf(t - 1).some((r) => r.proclitics.includes('ل') && !r.proclitics.includes('ال'))) return false;
  const definite = (k: number) => ctx.readingsOf(k).some((r) => r.proclitics.includes('ال'));
  if (definite(t) && ctx.mentionAt[t - 1] === -1 && ctx.doc.tokens.kind(t - 1) === TokenKind.Word && definite(t - 1)) return false;
  return true;
}

/**
 * Whether a verb opens with و, is no speech, comes after an act of its sentence with a named doer,
 * and its "subject" is a body named only after من ("واعتقلت عشرين من عناصر داعش", "وقتلت عناصر
 * من التنظيم"): then the verb goes on with that doer and the body is what it acts on.
 */
function joinedToNamedAct(ctx: DocumentContext, match: TriggerMatch, subject: SubjectFound, inSentence: readonly Event[]): boolean {
  if (match.kind !== 'verb' || match.nounLike || match.participle || match.passive || SPEECH_TYPES.has(match.entry.type)) return false;
  if (subject.source !== 'subject' || subject.mentions.length === 0) return false;
  if (!ctx.readingsOf(match.firstToken).some((r) => r.proclitics[0] === 'و')) return false;
  const start = ctx.doc.tokens.start(match.firstToken);
  if (!inSentence.some((e) => e.actor.length > 0 && !SPEECH_TYPES.has(e.type) && e.trigger.end <= start)) return false;
  const first = subject.mentions[0]!;
  if (first.firstToken < match.endToken || first.preposition) return false;
  let partitive = false;
  for (let k = match.endToken; k < first.firstToken; k++) {
    if (ctx.doc.tokens.kind(k) === TokenKind.Punct || ctx.mentionAt[k] !== -1) return false;
    if (ctx.norms[k] === 'من') partitive = true;
  }
  return partitive;
}

/**
 * Whether a verb of force with a named subject reads as a passive, and who did it. Unvocalised
 * "قتل" is both "killed" and "was killed": it is passive when nothing it could act upon follows
 * and the one named stands before it ("البغدادي قتل في ريف الرقة"), or when a doer or an
 * instrument is named after it ("على يد", "من قبل", "في غارة", "جراء القصف") and no object is.
 */
function passiveReading(
  ctx: DocumentContext,
  matches: readonly TriggerMatch[],
  match: TriggerMatch,
  subject: SubjectFound,
  end: number,
): { doer: MentionOnTokens | null; strike: number | null } | null {
  const lex = eventLexicon();
  // "تحتجزها داعش": an object pronoun makes it active.
  if (match.attachedPronoun) return null;
  // "أعلنت قسد أنها قتلت 12 عنصرا … خلال اشتباكات": the pronoun before the verb is its subject.
  if (match.firstToken > 0 && SUBJECT_PRONOUNS.has(ctx.norms[match.firstToken - 1]!)) return null;
  // With no subject named ("قتل ثلاثة عناصر من داعش في اشتباكات مع قسد"), the words after the
  // verb are the one acted upon either way: only a doer or an instrument named after them makes
  // it a passive, with a doer to find.
  const unnamed = subject.source !== 'subject';
  const before = subject.mentions.every((m) => m.endToken <= match.firstToken);
  const from = before ? match.endToken : subject.after;
  // An object right after the subject (or the verb) makes it active: "قتل الجيش قائداً في داعش",
  // "هاجم الآلاف من مرتزقة …، القرى".
  let t = from;
  while (t < end && (ctx.dateAt[t] === 1 || ctx.norms[t] === '"' || ctx.norms[t] === ',')) t++;
  const objectMention = t < end ? ctx.mentionAt[t]! : -1;
  if (!unnamed && objectMention !== -1 && !ctx.mentions[objectMention]!.preposition) return null;
  if (!unnamed && t < end && ctx.doc.tokens.kind(t) === TokenKind.Word && !lex.prepositions.has(ctx.norms[t]!) && ctx.quantityAt[t] === 1) return null;
  let cue = false;
  let strikeAt: number | null = null;
  for (let k = from; k < end; k++) {
    const doer = passiveDoerAt(ctx, k, end);
    if (doer !== undefined) return { doer, strike: null };
    const strike = matches.find((m) => m.firstToken === k && m.nounLike && m.entry.type === 'ASSAULT');
    if (strike) {
      const prepositional = ctx.readingsOf(k).some((r) => r.proclitics.includes('ب')) || (k > 0 && lex.instrumentPrepositions.has(ctx.norms[k - 1]!));
      if (!prepositional) continue;
      cue = true;
      strikeAt = strike.firstToken;
      // "بغارة للتحالف": the strike's owner right after it; "في اشتباكات مع قسد": the other side
      // of a clash, who killed the ones named.
      const at = strike.endToken < end && lex.prepositions.has(ctx.norms[strike.endToken]!) ? strike.endToken + 1 : strike.endToken;
      const mi = at < end ? ctx.mentionAt[at]! : -1;
      const owner = mi !== -1 ? ctx.mentions[mi]! : null;
      const prep = owner ? (owner.preposition ?? (owner.firstToken > 0 && lex.prepositions.has(ctx.norms[owner.firstToken - 1]!) ? ctx.norms[owner.firstToken - 1]! : null)) : null;
      if (owner && isActorLike(owner.entity) && (prep === null || prep === 'ل' || prep === WITH)) return { doer: owner, strike: strikeAt };
      break;
    }
  }
  if (cue) return { doer: null, strike: strikeAt };
  if (unnamed) return null;
  // "البغدادي قتل في ريف الرقة", "قتل فلان زعيم التنظيم في غارة": a verb of force that acts on
  // nothing (its subject's title in apposition past).
  while (t < end && titleInApposition(ctx, t)) t = ctx.mentions[ctx.mentionAt[t + 1]!]!.endToken;
  const nothingAfter = t >= end || lex.prepositions.has(ctx.norms[t]!) || ctx.doc.tokens.kind(t) === TokenKind.Punct;
  return nothingAfter ? { doer: null, strike: null } : null;
}

/** A title word followed by the entity it governs ("زعيم داعش", "قائد الجيش"): a phrase in apposition to a person. */
function titleInApposition(ctx: DocumentContext, t: number): boolean {
  const lex = eventLexicon();
  if (ctx.mentionAt[t] !== -1 || t + 1 >= ctx.norms.length || ctx.mentionAt[t + 1] === -1) return false;
  const isTitle = (w: string) => lex.subjectHeads.has(w) || lex.indefiniteSubjects.has(w) || lex.titles.has(w);
  return isTitle(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.proclitics.length === 0 && isTitle(r.stem));
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

const ON = normalizeForm('على');
const IN = normalizeForm('في');
const WITH = normalizeForm('مع');
const AGAINST = normalizeForm('ضد');
const ABOUT = normalizeForm('عن');
const AND_ON = normalizeForm('وعلى');

/** How many words into what is said a demand's cue may stand (past its marker). */
const DEMAND_REACH = 2;

/**
 * Whether what is said is a demand: a cue opens it, past its marker ("أن", "إن", "على").
 * "على" with an actor after it names the one asked ("إن على المجتمع الدولي أن يتحرك").
 */
function demandIn(ctx: DocumentContext, content: Span): { addressee: string | null } | null {
  const cues = eventLexicon().demandCues;
  const first = ctx.doc.tokens.indexAt(content.start);
  // indexAt gives the first token at or after an offset: the content's last token is the one before its end.
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  for (let t = first, n = 0; t <= last && n <= DEMAND_REACH; t++, n++) {
    const norm = ctx.norms[t]!;
    if (ctx.mentionAt[t] !== -1) return null;
    if (norm === ON || norm === AND_ON) {
      // "شدد على ضرورة": the marker itself; "إن على المجتمع الدولي أن": the one asked, before أن.
      let k = t + 1;
      while (k <= last && k <= t + 5 && ctx.norms[k] !== 'ان' && ctx.doc.tokens.kind(k) !== TokenKind.Punct) k++;
      if (k <= last && ctx.norms[k] === 'ان' && k > t + 1) {
        const mi = ctx.mentionAt[t + 1]!;
        return { addressee: mi !== -1 && isActorLike(ctx.mentions[mi]!.entity) ? ctx.mentions[mi]!.entity.id : null };
      }
      continue;
    }
    if (cues.has(norm) || ctx.readingsOf(t).some((r) => cues.has(r.stem) && r.proclitics.every((p) => p === 'ب' || p === 'و'))) {
      // The one asked: "يجب على الدول", "ضرورة أن تتحمل الدول"; not the object of what is asked
      // ("ضرورة محاسبة داعش").
      const actorAt = (k: number) => {
        const mi = k <= last ? ctx.mentionAt[k]! : -1;
        return mi !== -1 && isActorLike(ctx.mentions[mi]!.entity) ? ctx.mentions[mi]!.entity.id : null;
      };
      const next = ctx.norms[t + 1];
      if (next === ON) return { addressee: actorAt(t + 2) };
      if (next === 'ان') return { addressee: actorAt(t + 3) };
      return { addressee: null };
    }
  }
  return null;
}

/**
 * The actor right after "أن" and its verb at the start of what is asked ("إلى أن تواصل المجموعة
 * الدولية", "بأن تتحمل الدول"): the one asked to act. Null when what is asked opens otherwise.
 */
function subjectOfThat(ctx: DocumentContext, content: Span): string | null {
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  for (let t = first; t <= last && t <= first + 2; t++) {
    if (!/^(ب|و)?ان$/u.test(ctx.norms[t]!)) continue;
    // The verb after أن, then its subject ("أن تواصل المجموعة", "أن يقوم المجتمع الدولي").
    for (let k = t + 2; k <= last && k <= t + 3; k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      const m = ctx.mentions[mi]!;
      return isActorLike(m.entity) && !m.preposition && !afterPreposition(ctx, m) ? m.entity.id : null;
    }
    return null;
  }
  return null;
}

/** The rule of warnings ("حذر من"): any condition in one makes it a threat. */
const WARNING_RULE = 'ar/events/statement/haththara';

/** The strongest conditions ("وإلا", "ما لم") make any statement a threat; the others only a warning. */
const STRONG_CONDITIONS = new Set(['والا', 'ما لم']);

/** How far after a condition the one who must comply may stand. */
const THREATENED_REACH = 4;

/**
 * Whether what is said is a threat: a condition in it ("إذا", "في حال" in a warning; "وإلا", "ما
 * لم" in any statement), with the one who must comply, the actor named right after it (not the
 * speaker), when there is one.
 */
function threatIn(ctx: DocumentContext, content: Span, speaker: readonly string[], warning: boolean): { threatened: string | null } | null {
  const cues = eventLexicon().threatConditions;
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  for (let t = first; t <= last; t++) {
    const one = ctx.norms[t]!;
    const two = t < last ? `${one} ${ctx.norms[t + 1]}` : '';
    const cue = cues.has(two) ? two : cues.has(one) ? one : null;
    if (!cue || (!warning && !STRONG_CONDITIONS.has(cue))) continue;
    for (let k = t + cue.split(' ').length; k <= last && k <= t + THREATENED_REACH; k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      const m = ctx.mentions[mi]!;
      if (isActorLike(m.entity) && !speaker.includes(m.entity.id)) return { threatened: m.entity.id };
    }
    return { threatened: null };
  }
  return null;
}

/** How many words into a vow its noun of fighting, and the one fought, may stand. */
const VOW_REACH = 4;

/** The one a vow promises to fight ("بمحاربة التنظيم", "بملاحقة عناصر داعش"): null when the vow opens otherwise. */
function vowedForce(ctx: DocumentContext, content: Span, speaker: readonly string[]): string | null {
  const words = eventLexicon().forceWords;
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  for (let t = first; t <= last && t <= first + 1; t++) {
    if (!words.has(ctx.norms[t]!) && !stemIn(ctx, t, words)) continue;
    for (let k = t + 1; k <= last && k <= t + VOW_REACH; k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      const m = ctx.mentions[mi]!;
      return isActorLike(m.entity) && !speaker.includes(m.entity.id) ? m.entity.id : null;
    }
    return null;
  }
  return null;
}

/** How many words into a threat the one its act would strike may stand ("بشن عملية عسكرية جديدة ضد …"). */
const THREAT_TARGET_REACH = 8;

/**
 * The one a threatened act would strike ("هدد بشن عملية عسكرية ضد قسد", "بشن هجمات على …"):
 * the actor after ضد or على, in the threat's first words. Null when none is named.
 */
function threatTarget(ctx: DocumentContext, content: Span, speaker: readonly string[]): string | null {
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = Math.min(ctx.doc.tokens.indexAt(content.end) - 1, first + THREAT_TARGET_REACH);
  for (let t = first; t <= last; t++) {
    if (ctx.doc.tokens.kind(t) === TokenKind.Punct && ctx.norms[t] !== '"') return null;
    const mi = ctx.mentionAt[t]!;
    if (mi === -1) continue;
    const m = ctx.mentions[mi]!;
    const prep = afterPreposition(ctx, m);
    if ((prep === AGAINST || prep === ON) && isActorLike(m.entity) && !speaker.includes(m.entity.id)) return m.entity.id;
    t = m.endToken - 1;
  }
  return null;
}

/** How far from an accusation's word the accused may stand, in words. */
const ACCUSED_REACH = 8;

/**
 * The party a statement charges with a wrong ("قال إن ممارسات حزب الله تشكل انتهاكا صارخا", "أكد
 * أن الحكومة تقف وراء الهجمات", "وصف التقرير بأنه يعتمد على ادعاءات المنظمة"): the actor named
 * nearest a word of accusation in what is said, in its clause, before it first, else after it;
 * not the speaker, nor one after a preposition (the one wronged: "إلى جانب سوريا").
 * An empty string when no word names a party but one opens what is said (within
 * `UNNAMED_CHARGE_REACH` words: "أن ما حصل هو تقصير"), an accusation of no one named; null when
 * what is said holds no such word there either.
 */
function accusedIn(ctx: DocumentContext, content: Span, speaker: readonly string[]): string | null {
  const cues = eventLexicon().accusationCues;
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  // Not one after a preposition: "إلى جانب سوريا", "على الشعب" name whom a wrong is done to.
  const party = (k: number) => {
    const mi = ctx.mentionAt[k]!;
    if (mi === -1) return null;
    const m = ctx.mentions[mi]!;
    return isActorLike(m.entity) && !speaker.includes(m.entity.id) && !afterPreposition(ctx, m) ? m.entity.id : null;
  };
  const stop = (k: number) => ctx.doc.tokens.kind(k) === TokenKind.Punct && ctx.norms[k] !== '"';
  let found = false;
  for (let t = first; t <= last; t++) {
    if (ctx.mentionAt[t] !== -1) continue;
    const one = ctx.norms[t]!;
    const two = t < last ? `${one} ${ctx.norms[t + 1]}` : '';
    if (!cues.has(one) && !cues.has(two) && !ctx.readingsOf(t).some((r) => r.proclitics.every((p) => p === 'و' || p === 'ب') && cues.has(r.stem))) continue;
    for (let k = t - 1; k >= first && k >= t - ACCUSED_REACH && !stop(k); k--) {
      // "أن جماعة مجاهدي بنغلادش التي بايعت داعش هي المسؤولة": a party inside a relative
      // clause describes the one charged, named before it.
      if (ctx.mentionAt[k] !== -1 && inRelativeClause(ctx, ctx.mentions[ctx.mentionAt[k]!]!.firstToken, first)) continue;
      const id = party(k);
      if (id) return id;
    }
    for (let k = t + 1; k <= last && k <= t + ACCUSED_REACH && !stop(k); k++) {
      const id = party(k);
      if (id) return id;
    }
    // With no party beside it, the charge is still what is said when it opens what is said.
    if (t - first <= UNNAMED_CHARGE_REACH) found = true;
  }
  return found ? '' : null;
}

/**
 * Whether a sentence opens with a verb that governs an act noun ("وعبرت", "وجددت") whose subject
 * names no entity ("وعبرت هذه الأحزاب عن دعمها …", "وأكدت المصادر …"): its participles
 * ("…، داعيةً الدولة إلى …") are said by the same unnamed subject, not by the last speaker.
 */
function opensWithUnnamedSubject(ctx: DocumentContext, sentence: Sentence): boolean {
  const lex = eventLexicon();
  let t = sentence.firstToken;
  while (t < sentence.endToken && ctx.norms[t] === '"') t++;
  if (t + 1 >= sentence.endToken || ctx.mentionAt[t] !== -1) return false;
  const governing = lex.governingVerbs.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.proclitics.every((p) => p === 'و' || p === 'ف') && lex.governingVerbs.has(r.stem));
  if (!governing) return false;
  const u = t + 1;
  if (ctx.mentionAt[u] !== -1 || ctx.dateAt[u] === 1) return false;
  const norm = ctx.norms[u]!;
  return lex.demonstratives.has(norm) || (norm.startsWith('ال') && norm.length > 3 && !lex.prepositions.has(norm));
}

/** Whether what a body says holds a verb of belonging to that body itself ("أن منفذ العملية ينتمي لداعش", said by ISIS). */
function ownMemberClaimed(ctx: DocumentContext, content: Span, speaker: readonly string[]): boolean {
  if (speaker.length === 0) return false;
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  for (let t = first; t <= last; t++) {
    if (!belongingVerbAt(ctx, t)) continue;
    for (let k = t + 1; k <= last && k <= t + BELONGING_REACH; k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      if (speaker.includes(ctx.mentions[mi]!.entity.id)) return true;
      break;
    }
  }
  return false;
}

/** Whether the word at `t` is a verb of belonging or joining (`belongingVerbs`: "ينتمي", "انضم"), no entity. */
function belongingVerbAt(ctx: DocumentContext, t: number): boolean {
  const verbs = eventLexicon().belongingVerbs;
  const norm = ctx.norms[t]!;
  if (ctx.mentionAt[t] !== -1) return false;
  if (verbs.has(norm)) return true;
  // Most words of what is said hold no such verb: only those that do are analysed.
  belongingWords ??= [...verbs];
  return belongingWords.some((w) => norm.includes(w)) && ctx.readingsOf(t).some((r) => r.proclitics.every((p) => p === 'و') && verbs.has(r.stem));
}

/** The verbs of belonging as a list, for the quick test of a word before its analysis. */
let belongingWords: string[] | undefined;

/** "أنه", "أنها", "أنهم", "أنهما" before a verb: its subject is the speaker's pronoun. */
const SELF_PRONOUNS = normalized(['أنه', 'أنها', 'أنهم', 'أنهما', 'بأنه', 'بأنها', 'بأنهم', 'إنه', 'إنها', 'إنهم']);

/** How many words after a verb of belonging the armed group may stand ("ينتمي لتنظيم", "ينتميان إلى تنظيم الدولة"). */
const BELONGING_REACH = 3;

/**
 * A charge of belonging in what is said: someone belongs to or joined an armed group ("قالت
 * الشرطة إن هشام ينتمي لتنظيم الدولة", "إن شقيقيه ينتميان إلى داعش"). The one charged is the
 * party named before the verb, in its clause; '' when no one is named; null when what is said
 * holds no such charge. Belonging to a state's forces or a party is no charge.
 */
function belongingCharged(ctx: DocumentContext, content: Span, speaker: readonly string[]): string | null {
  const first = ctx.doc.tokens.indexAt(content.start);
  const last = ctx.doc.tokens.indexAt(content.end) - 1;
  const stop = (k: number) => ctx.doc.tokens.kind(k) === TokenKind.Punct && ctx.norms[k] !== '"';
  for (let t = first; t <= last; t++) {
    if (!belongingVerbAt(ctx, t)) continue;
    let armed = false;
    for (let k = t + 1; k <= last && k <= t + BELONGING_REACH && !stop(k); k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      const body = ctx.mentions[mi]!.entity;
      armed = body.type === 'ORG' && body.subtype === 'REB' && !speaker.includes(body.id);
      break;
    }
    if (!armed) continue;
    // "أفاد أنه ينتمي لتنظيم الدولة": of themselves, a speaker confesses; no one is charged.
    if (t - 1 >= first && SELF_PRONOUNS.has(ctx.norms[t - 1]!)) continue;
    for (let k = t - 1; k >= first && k >= t - ACCUSED_REACH && !stop(k); k--) {
      const mi = ctx.mentionAt[k]!;
      if (mi === -1) continue;
      const m = ctx.mentions[mi]!;
      if (isActorLike(m.entity) && m.entity.subtype !== 'REB' && !speaker.includes(m.entity.id) && !afterPreposition(ctx, m)) return m.entity.id;
      break;
    }
    return '';
  }
  return null;
}

/** Whether the word at `t` is the object of a verb right after a relative pronoun ("التي بايعت داعش"), not before `from`. */
function inRelativeClause(ctx: DocumentContext, t: number, from: number): boolean {
  return t - 2 >= from && eventLexicon().relativePronouns.has(ctx.norms[t - 2]!) && ctx.mentionAt[t - 1] === -1;
}

/** How many words into what is said a charge that names no party may stand ("أن ما حصل هو تقصير"). */
const UNNAMED_CHARGE_REACH = 10;

/**
 * The doer a nationality adjective names after an act noun ("الضربات الأمريكية", "القصف التركي"):
 * the actor of that country the article names nearest before the act, else nearest after it.
 * Null when the word is no nationality or the article names no actor of that country.
 */
function nationalDoer(ctx: DocumentContext, byCountry: ReadonlyMap<string, MentionOnTokens[]>, match: Pick<TriggerMatch, 'firstToken' | 'endToken'>): MentionOnTokens | null {
  const t = match.endToken;
  if (t >= ctx.norms.length || ctx.mentionAt[t] !== -1) return null;
  const demonym = institutionRules().demonyms.get(ctx.norms[t]!);
  const list = demonym ? byCountry.get(demonym.cc) : undefined;
  if (!list || list.length === 0) return null;
  const at = lowerBoundBy(list, match.firstToken, (m) => m.firstToken);
  return at > 0 ? list[at - 1]! : list[at] ?? null;
}

/** Stances toward another party: their recipient may be named by a nationality ("أشاد بالدور المصري"). */
const STANCES: ReadonlySet<EventType> = new Set(['SUPPORT', 'ACCUSE', 'REJECT']);

/** How far after a stance its object noun may stand ("عن امتنانها الكبير للمشاركة …"). */
const NATIONAL_OBJECT_REACH = 3;

/**
 * The country a stance is toward when its object is a noun with a nationality adjective
 * ("بالجهود المصرية", "للمشاركة العراقية المتميزة"): the country where the article names it,
 * else that country's actor it names nearest, as for "القصف التركي". Null when a name, a comma
 * or a clause comes first.
 */
function nationalObject(ctx: DocumentContext, byCountry: ReadonlyMap<string, MentionOnTokens[]>, from: number, end: number): MentionOnTokens | null {
  const demonyms = institutionRules().demonyms;
  for (let t = from, n = 0; t + 1 < end && n < NATIONAL_OBJECT_REACH; t++, n++) {
    if (ctx.mentionAt[t] !== -1 || ctx.doc.tokens.kind(t) !== TokenKind.Word) return null;
    const demonym = demonyms.get(ctx.norms[t + 1]!);
    if (demonym && ctx.mentionAt[t + 1] === -1) {
      // The country itself where the article names it; else its actor named nearest.
      const country = byCountry.get(demonym.cc)?.find((m) => m.entity.type === 'LOC' && m.entity.subtype === 'country');
      return country ?? nationalDoer(ctx, byCountry, { firstToken: t, endToken: t + 1 });
    }
  }
  return null;
}

/** How many words the praised deed may run before the country it was done in ("بنجاح تجربة الانتقال الديمقراطي في تونس"). */
const DEED_REACH = 6;

/**
 * The country a praised deed was done in: after في, past the words of the deed (no name, no
 * comma, no clause before it). Null when none is named there.
 */
function deedIn(ctx: DocumentContext, from: number, end: number): MentionOnTokens | null {
  const lex = eventLexicon();
  for (let t = from; t < end && t < from + DEED_REACH; t++) {
    if (ctx.doc.tokens.kind(t) !== TokenKind.Word || lex.clauseBreaks.has(ctx.norms[t]!)) return null;
    if (ctx.mentionAt[t] !== -1) return null;
    if (ctx.norms[t] !== IN || t === from) continue;
    const mi = ctx.mentionAt[t + 1] ?? -1;
    const m = mi === -1 ? null : ctx.mentions[mi]!;
    return m && m.firstToken === t + 1 && m.entity.type === 'LOC' && m.entity.subtype === 'country' ? m : null;
  }
  return null;
}

/**
 * The owner of an act noun, named after ل right after it or after one adjective ("العمليات
 * العسكرية للقوات السورية", "هجوم انتحاري لداعش"), with the actors joined to it by و. Empty when
 * none stands there, or when the trigger takes its recipient after ل.
 */
function ownerAfter(ctx: DocumentContext, match: TriggerMatch, end: number): MentionOnTokens[] {
  if (match.entry.frame.prepositions.has('ل')) return [];
  const lex = eventLexicon();
  for (let t = match.endToken, n = 0; t < end && n <= 1; t++, n++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (m.firstToken !== t || !isActorLike(m.entity) || afterPreposition(ctx, m) !== 'ل') return [];
      // "لقوات": the preposition fused to the mention's first word, not a standalone word before it.
      return withConjuncts(ctx, m, end);
    }
    if (ctx.doc.tokens.kind(t) !== TokenKind.Word || ctx.dateAt[t] === 1 || ctx.quantityAt[t] === 1 || lex.prepositions.has(ctx.norms[t]!)) return [];
    if (ctx.readingsOf(t).every((r) => r.proclitics.some((p) => p === 'ب' || p === 'ل' || p === 'ك' || p === 'و'))) return [];
  }
  return [];
}

/**
 * The doer of the act a definite noun with no doer of its own tells again: an event of the same
 * rule, with a doer, earlier in its sentence or in the sentence before ("بدأت القوات بتمشيط
 * المناطق. وطالت عمليات التمشيط …"). Null for an indefinite noun (a new act), or when that act
 * was told further back, with no doer, or by another rule.
 */
function toldAgain(ctx: DocumentContext, match: TriggerMatch, events: readonly Event[], previous: Sentence | null, sentence: Sentence): string[] | null {
  if (match.attachedPronoun) return null;
  // "التمشيط", "عمليات التمشيط": the noun is definite when its first or last word is.
  const definite = (t: number) => ctx.readingsOf(t).some((r) => r.proclitics.includes('ال'));
  if (!definite(match.firstToken) && !definite(match.endToken - 1)) return null;
  const from = (previous ?? sentence).start;
  const start = ctx.doc.tokens.start(match.firstToken);
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k]!;
    if (e.sentence.start < from) break;
    if (e.trigger.start >= start) continue;
    if (e.rule === match.entry.rule && e.actor.length > 0) return e.actor;
  }
  return null;
}

/** How many words a title and nationality before a relative pronoun may span ("وزير الخارجية التركي"). */
const TITLE_REACH = 4;

/** How many words (adjectives, a comma) may stand between a relative clause's noun and its pronoun. */
const ANTECEDENT_REACH = 3;

/**
 * The actor a relative clause describes: the one named right before its pronoun, past a comma and
 * adjectives ("جماعة مجاهدي بنغلادش التي بايعت", "لقوات العمليات الخاصة الأمريكية، التي تساند").
 */
function antecedentOf(ctx: DocumentContext, match: TriggerMatch): MentionOnTokens | null {
  const pronoun = match.firstToken - 1;
  // "وزير الخارجية التركي الذي اتهم": a party named by its office and nationality.
  for (let t = pronoun - 1; t >= 0 && t >= pronoun - TITLE_REACH; t--) {
    const party = titledParty(ctx, t, pronoun);
    if (party && party.end === pronoun) return titledEntity(ctx, party);
  }
  for (let t = pronoun - 1, n = 0; t >= 0 && n <= ANTECEDENT_REACH; t--, n++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      return isActorLike(m.entity) ? m : null;
    }
    const norm = ctx.norms[t]!;
    if (norm === ',' || norm === '"') continue;
    // Only adjectives of relation ("الأمريكية", "التركي"): another definite noun is the clause's own head ("التصريحات التي اتهمت").
    if (ctx.doc.tokens.kind(t) !== TokenKind.Word || !/^ال.{2,}(ي|يه|يين|يون)$/u.test(norm)) return null;
  }
  return null;
}

/** Rules of killing told as such ("قُتل", "مقتل"): a death, whoever caused it. */
const KILLINGS: ReadonlySet<string> = new Set(['ar/events/assault/qatala', 'ar/events/assault/maqtal']);

/** Acts whose condemnation accuses their doer ("أدانت الخارجية الهجوم"). */
const CONDEMNABLE: ReadonlySet<EventType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'THREATEN']);

/** How many words (demonstratives and prepositions) may stand between a condemnation and the act it condemns. */
const CONDEMNED_REACH = 3;

/**
 * The act a condemnation names right after itself and its speaker ("أدانت الخارجية الهجوم",
 * "عبرت عن إدانتها لهذا العدوان", "نددت بالقصف الروسي"): a noun of an act of force, past only
 * demonstratives and prepositions. Null when anything else (a name, a comma, another word)
 * comes first: what is condemned is then something else ("أدان صمت المجتمع الدولي").
 */
function condemnedAct(ctx: DocumentContext, from: number, end: number): { token: number; entry: CompiledTrigger; referring: boolean } | null {
  const lex = eventLexicon();
  let referring = false;
  for (let t = from, seen = 0; t < end && seen <= CONDEMNED_REACH; t++, seen++) {
    const entry = actNounAt(ctx, t);
    if (entry) {
      if (!CONDEMNABLE.has(entry.type)) return null;
      // "الهجوم", "هذا العدوان": an act already told, not a new one.
      referring ||= ctx.readingsOf(t).some((r) => r.proclitics.includes('ال'));
      return { token: t, entry, referring };
    }
    const norm = ctx.norms[t]!;
    // "أدان الحزب هذه "العملية العدوانية"": quote marks around the act.
    if (norm === '"') continue;
    if (ctx.mentionAt[t] !== -1 || ctx.doc.tokens.kind(t) !== TokenKind.Word) return null;
    const demonstrative = lex.demonstratives.has(norm) || ctx.readingsOf(t).some((r) => r.proclitics.length > 0 && lex.demonstratives.has(r.stem));
    if (demonstrative) referring = true;
    else if (!lex.prepositions.has(norm) && norm !== 'عن') return null;
  }
  return null;
}

/** How many words (titles, "عليها") may stand between a word of holding and the one who holds. */
const HOLDER_REACH = 3;

const ON_IT = /^علي(ه|ها|هم|هما)$/u;

/**
 * The actors each sentence names as holding a place: right after a word of holding ("تحت سيطرة
 * داعش", "المدينة التي يسيطر عليها التنظيم", "الجزء المتبقي بيد مسلحي التنظيم"), past titles
 * and "عليها". Keyed by the sentence's start.
 */
function holdersOf(ctx: DocumentContext): Map<number, string[]> {
  const lex = eventLexicon();
  const out = new Map<number, string[]>();
  const sentences = ctx.doc.sentences;
  for (const m of ctx.mentions) {
    if (!isActorLike(m.entity)) continue;
    let held = false;
    for (let t = m.firstToken - 1, n = 0; t >= 0 && n < HOLDER_REACH && ctx.mentionAt[t] === -1; t--, n++) {
      const norm = ctx.norms[t]!;
      if (lex.holderCues.has(norm) || ctx.readingsOf(t).some((r) => lex.holderCues.has(r.stem))) {
        held = true;
        break;
      }
      if (!ON_IT.test(norm) && !stemIn(ctx, t, lex.titles) && !lex.titles.has(norm)) break;
    }
    if (!held) continue;
    const k = lowerBoundBy(sentences, ctx.doc.tokens.start(m.firstToken) + 1, (x) => x.start) - 1;
    if (k < 0) continue;
    const list = out.get(sentences[k]!.start) ?? [];
    if (!list.includes(m.entity.id)) list.push(m.entity.id);
    out.set(sentences[k]!.start, list);
  }
  return out;
}

/** Whether an act names taking a place back ("عملية تحرير الموصل", "حملة لاستعادة المدينة"): in its trigger or the words after it. */
function liberating(ctx: DocumentContext, e: Event): boolean {
  const lex = eventLexicon();
  const first = ctx.doc.tokens.indexAt(e.trigger.start);
  const end = Math.min(ctx.norms.length, ctx.doc.tokens.indexAt(e.trigger.end - 1) + 3);
  for (let t = first; t <= end; t++) if (lex.liberationCues.has(ctx.norms[t]!)) return true;
  return false;
}

/** Acts whose stated reason accuses the one they are done to: sanctions and coercion. */
const REASONED: ReadonlySet<EventType> = new Set(['SANCTION', 'COERCE']);
/** Words that give a reason: "بسبب", "جراء", "نتيجة", "على خلفية". */
const BECAUSE = normalized(['بسبب', 'جراء', 'نتيجة', 'لاتهامها', 'خلفية']);
/** How many words after its trigger an act's reason may be given. */
const REASON_REACH = 15;

/**
 * Where the reason for an act is given as the doing of the one it is done to: "بسبب" (or
 * "جراء", "نتيجة", "على خلفية") followed by a noun with that party's pronoun ("بسبب إصرارها",
 * "جراء ممارساته"), in the act's sentence after its trigger. The token of "بسبب", or null.
 */
function reasonGiven(ctx: DocumentContext, e: Event): number | null {
  const from = ctx.doc.tokens.indexAt(e.trigger.end);
  const end = ctx.doc.tokens.indexAt(e.sentence.end);
  for (let t = from; t < end - 1 && t - from <= REASON_REACH; t++) {
    if (!BECAUSE.has(ctx.norms[t]!)) continue;
    const next = ctx.norms[t + 1]!;
    if (ctx.mentionAt[t + 1] !== -1) return null;
    // Its pronoun: "إصرارها", "ممارساتها", "دعمه", "تورطهم".
    const pronoun = ctx.readingsOf(t + 1).some((r) => r.enclitic !== null && ['ها', 'ه', 'هم', 'هما'].includes(r.enclitic)) || /(ها|هم)$/u.test(next);
    return pronoun ? t : null;
  }
  return null;
}

/** "His / her / our country": the speaker's country as a subject. */
const OWN_COUNTRY = normalized(['بلاده', 'بلادها', 'بلادنا', 'بلادهم', 'دولته', 'دولتها']);

/** Whether "بلاده" stands as the verb's subject: right before it (after أن) or right after it. */
function ownCountryAt(ctx: DocumentContext, match: TriggerMatch): boolean {
  const before = match.firstToken - 1;
  return (before >= 0 && OWN_COUNTRY.has(ctx.norms[before]!)) || (match.endToken < ctx.norms.length && OWN_COUNTRY.has(ctx.norms[match.endToken]!));
}

/**
 * The speaker's country as the article names it: from the speaker's own country code, else from
 * the nationality of the title before the speaker's first mention ("رئيس الوزراء الإيطالي ماتيو
 * رينتسي"). Null when neither gives a country the article names.
 */
function speakersCountry(ctx: DocumentContext, speaker: readonly string[], entities: ReadonlyMap<string, Entity>, byCountry: ReadonlyMap<string, MentionOnTokens[]>): MentionOnTokens | null {
  const id = speaker[0];
  if (id === undefined) return null;
  let cc = entities.get(id)?.country ?? null;
  if (!cc) {
    const first = ctx.mentions.find((m) => m.entity.id === id);
    const demonyms = institutionRules().demonyms;
    for (let t = (first?.firstToken ?? 0) - 1, n = 0; first && t >= 0 && n < 4 && ctx.mentionAt[t] === -1; t--, n++) {
      const d = demonyms.get(ctx.norms[t]!);
      if (d) {
        cc = d.cc;
        break;
      }
    }
  }
  const list = cc ? byCountry.get(cc) : undefined;
  return list?.find((m) => m.entity.type === 'LOC' && m.entity.subtype === 'country') ?? null;
}

/** Acts done between parties: talks, agreements, joint action (and clashes, marked `mutual`). */
const MUTUAL: ReadonlySet<EventType> = new Set(['CONSULT', 'AGREE', 'COOPERATE', 'ASSAULT']);
const BETWEEN = normalizeForm('بين');
const MA = normalizeForm('ما');
const LIMA = normalizeForm('لما');

/**
 * A verb of saying after "حسب ما", "على ما", "وفقا لما" names the source of what its sentence
 * tells ("أطلقت إيران صواريخ … حسب ما أعلن الحرس الثوري"): no statement of its own.
 */
function attributed(ctx: DocumentContext, match: TriggerMatch): boolean {
  const t = match.firstToken;
  if (t < 2 || (ctx.norms[t - 1] !== MA && ctx.norms[t - 1] !== LIMA)) return false;
  const cues = eventLexicon().attributions;
  return cues.has(ctx.norms[t - 2]!) || ctx.readingsOf(t - 2).some((r) => r.proclitics.every((p) => p === 'و' || p === 'ف') && cues.has(r.stem));
}
/** How many words (adjectives, a relative clause of taking place, a place, a date) may stand between a mutual act noun and بين ("اللقاء الذي جرى اليوم في موسكو بين …"). */
const BETWEEN_REACH = 10;

/** The parties after "بين" following a noun of talks or agreement: two or more actors joined by و. */
function partiesBetween(ctx: DocumentContext, matches: readonly TriggerMatch[], match: TriggerMatch, end: number): MentionOnTokens[] | null {
  // "أجرت … محادثات … بين": after the noun the verb requires.
  const from = match.requiredToken !== null ? Math.max(match.endToken, match.requiredToken + 1) : match.endToken;
  for (let t = from, n = 0; t < end && n <= BETWEEN_REACH; t++, n++) {
    if (ctx.doc.tokens.kind(t) === TokenKind.Punct) return null;
    // "تناول الاجتماع مراكز التنسيق بين …": another act's بين, not this one's.
    if (matches.some((m) => m !== match && m.firstToken === t)) return null;
    if (ctx.norms[t] !== BETWEEN) continue;
    const mi = t + 1 < end ? ctx.mentionAt[t + 1]! : -1;
    // "بين وزير الخارجية الروسي، سيرغي لافروف، ونظيره الأمريكي، ريكس تيلرسون": two persons named by their offices.
    if (mi === -1) {
      const first = titledPersonAt(ctx, t + 1, end);
      let k = first ? first.endToken : end;
      if (k < end && ctx.norms[k] === ',') k++;
      const second = k < end && ctx.readingsOf(k).some((r) => r.proclitics[0] === 'و') ? titledPersonAt(ctx, k, end) : null;
      return first && second && first.entity.id !== second.entity.id ? [first, second] : null;
    }
    if (!isActorLike(ctx.mentions[mi]!.entity)) return null;
    const parties = withConjuncts(ctx, ctx.mentions[mi]!, end);
    if (parties.length >= 2) return parties;
    // "مواجهات بين الأمن السعودي وإرهابيين": a clash with one side named, the other by no
    // entity; the named side attacks, at no one named.
    const other = parties[0]!.endToken;
    const unnamedSide = match.entry.mutual === true && other < end && ctx.mentionAt[other] === -1 && ctx.doc.tokens.kind(other) === TokenKind.Word
      && ctx.norms[other]!.startsWith('و') && ctx.readingsOf(other).some((r) => r.proclitics[0] === 'و');
    return unnamedSide ? parties : null;
  }
  return null;
}

/** How many words (adjectives) may stand between an act noun and the relative clause that names its target. */
const RELATIVE_REACH = 3;

/**
 * The target of an act noun named by a relative clause after it with a verb of the same type:
 * "الهجوم الدامي الذي استهدف ملهى", "الاعتداءات التي استهدفت يوم 7 جوان مجلس الشورى".
 */
function relativeTarget(ctx: DocumentContext, matches: readonly TriggerMatch[], match: TriggerMatch, end: number): string | null {
  const lex = eventLexicon();
  for (let t = match.endToken, n = 0; t < end && n <= RELATIVE_REACH; t++, n++) {
    if (ctx.mentionAt[t] !== -1 || ctx.doc.tokens.kind(t) === TokenKind.Punct) return null;
    if (!lex.relativePronouns.has(ctx.norms[t]!)) continue;
    // The verb after a relative pronoun is no trigger of its own (it tells what is known): read it off the lexicon.
    const v = t + 1;
    const sameAct = v < end && ctx.readingsOf(v).some((r) => r.proclitics.length === 0 && (lex.byFirstWord.get(r.stem) ?? []).some((f) => f.kind === 'verb' && f.words.length === 1 && f.entry.type === match.entry.type));
    if (!sameAct) return null;
    for (let k = v + 1; k < end && k <= v + 5; k++) {
      const mi = ctx.mentionAt[k]!;
      if (mi !== -1) return isActorLike(ctx.mentions[mi]!.entity) && !ctx.mentions[mi]!.preposition ? ctx.mentions[mi]!.entity.id : null;
      if (ctx.dateAt[k] !== 1) return null;
    }
    return null;
  }
  return null;
}

/** Whether a noun trigger's genitive is the one acted upon ("اعتقال قيادي"), not its doer. */
function isPatientNoun(ctx: DocumentContext, match: TriggerMatch): boolean {
  if (match.kind !== 'noun') return false;
  return stemIn(ctx, match.firstToken, eventLexicon().patientNouns);
}

/**
 * Who claims the article's attack: the actor named in a sentence with a word of claiming
 * ("تبنى داعش الهجوم", "أعلن التنظيم مسؤوليته عن …"), not after a preposition. Null when none does.
 */
function claimantOf(ctx: DocumentContext, sentences: readonly Sentence[], blamedAfter: ReadonlyMap<number, number>): string | null {
  const claims = eventLexicon().claims;
  const claimWords = [...claims];
  for (const sentence of sentences) {
    // "حمّلت قسد تركيا مسؤولية الهجوم": a responsibility laid on someone is no claim.
    const blamed = blamedAfter.get(sentence.start) ?? Infinity;
    for (let t = sentence.firstToken; t < sentence.endToken; t++) {
      if (ctx.mentionAt[t] !== -1 || ctx.doc.tokens.start(t) > blamed) continue;
      const norm = ctx.norms[t]!;
      // Most words hold no claim word at all: only those that do are analysed.
      if (!claimWords.some((w) => norm.includes(w))) continue;
      const claim = claims.has(norm) || ctx.readingsOf(t).some((r) => r.proclitics.every((p) => p === 'و' || p === 'ف') && claims.has(r.stem));
      if (!claim) continue;
      // "لم تعلن أي مسؤولية", "نفت أي مسؤولية": a denied claim is none.
      if (deniedWithin(ctx, sentence, t)) continue;
      // "وتبناها التنظيم": the claimant named right after the claim, else its sentence's subject.
      const m = actorRightAfter(ctx, t, sentence.endToken) ?? sentenceSubject(ctx, sentence, sentence.endToken);
      if (m && m.entity.type === 'ORG') return m.entity.id;
    }
  }
  return null;
}

/** Words for terrorists an act of force is done to ("الإرهابيين", "عناصر إرهابية", "الدواعش"). */
const TERRORISTS = normalized(['الإرهابيين', 'إرهابيين', 'الإرهابيون', 'إرهابيون', 'للإرهابيين', 'الإرهابي', 'إرهابي', 'الدواعش', 'دواعش', 'إرهابية', 'الإرهابية', 'الإرهابيتين', 'إرهابيا', 'إرهابياً']);
/** How many words after an act's trigger its object may name terrorists. */
const TERRORISTS_REACH = 5;

/** Whether the words right after `from`, before punctuation, name terrorists ("حاصرت … عدداً من الإرهابيين", "موقعاً للإرهابيين"). */
function terroristsAfter(ctx: DocumentContext, from: number, end: number): boolean {
  // The doer named after the verb ("وحاصرت قوات الأمن عدداً من الإرهابيين") is no distance.
  for (let k = from, n = 0; k < end && n < TERRORISTS_REACH; k++, n++) {
    if (ctx.mentionAt[k] !== -1) {
      k = ctx.mentions[ctx.mentionAt[k]!]!.endToken - 1;
      n--;
      continue;
    }
    if (ctx.doc.tokens.kind(k) === TokenKind.Punct && ctx.norms[k] !== '"') return false;
    if (TERRORISTS.has(ctx.norms[k]!) || ctx.readingsOf(k).some((r) => r.proclitics.every((p) => p === 'ل' || p === 'ب' || p === 'و') && TERRORISTS.has(r.stem))) return true;
  }
  return false;
}

/** The rule of "حمّل X المسؤولية": X is held responsible. */
const HELD_RESPONSIBLE = 'ar/events/accuse/hammala';

/** Whether the word before `t` (past عن) is a word of responsibility ("مسؤولية الهجوم", "المسؤولية عن قصف"). */
function afterResponsibility(ctx: DocumentContext, t: number): boolean {
  let k = t - 1;
  if (k >= 0 && ctx.norms[k] === ABOUT) k--;
  return k >= 0 && ctx.readingsOf(k).some((r) => RESPONSIBILITY.has(r.stem));
}

/** "مسؤولية": the word of a claim ("أعلن مسؤوليته عن"), also laid on others ("حمّله مسؤولية"). */
const RESPONSIBILITY = normalized(['مسؤولية', 'مسئولية']);

/** Words of denial before a claim ("نفت أي مسؤولية"). */
const DENIALS = normalized(['نفى', 'نفت', 'نفوا', 'ينفي', 'تنفي', 'ينفون']);
/** How many words before a claim a negation or a denial reaches. */
const DENIAL_REACH = 4;

function deniedWithin(ctx: DocumentContext, sentence: Sentence, t: number): boolean {
  const negation = eventLexicon().negation;
  for (let k = Math.max(sentence.firstToken, t - DENIAL_REACH); k < t; k++) {
    const n = ctx.norms[k]!;
    if (negation.has(n) || DENIALS.has(n) || ctx.readingsOf(k).some((r) => DENIALS.has(r.stem) || negation.has(r.stem))) return true;
  }
  return false;
}

/** Figures of what an act cost people: a statement that gives them reports facts. */
const PEOPLE_COST = new Set(['killed', 'injured', 'detained', 'displaced']);

/** Sectors that report acts rather than do them: a news outlet or an observer announcing a killing did not kill. */
const REPORTING_SECTORS = new Set(['MED', 'NGO']);

/** What a humanitarian or rights organisation announces of its own doing: aid, joint work, meetings. */
const OWN_DEEDS: ReadonlySet<EventType> = new Set(['AID', 'COOPERATE', 'CONSULT']);

/** Whether an announcer can be the doer of the act it announces. */
function agentive(entities: ReadonlyMap<string, Entity>, id: string, type: EventType): boolean {
  const entity = entities.get(id);
  if (!entity) return false;
  // An outlet reports; an organisation reports what others do, but gives its own aid and
  // evacuates ("أعلنت اللجنة الدولية للصليب الأحمر إجلاء 150 مدنياً").
  if (entity.subtype === 'NGO' && OWN_DEEDS.has(type)) return true;
  if (entity.subtype && REPORTING_SECTORS.has(entity.subtype)) return false;
  // The UN counts the dead, it does not kill.
  if (entity.subtype === 'IGO' && ACTS_OF_FORCE.has(type)) return false;
  return true;
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
    // Looked up once per article, not once per trigger: long articles stay linear.
    const entityById = new Map(sofar.entities.map((e) => [e.id, e]));
    const lookups = sentenceLookups(ctx, sentences, sofar.dates, sofar.quantities, input.titleEnd);
    // The mentions of each country's actors (the country, its capital, its bodies), in reading order.
    const byCountry = new Map<string, MentionOnTokens[]>();
    for (const m of ctx.mentions) {
      if (!m.entity.country || !(isActorLike(m.entity) || isActorPlace(m.entity))) continue;
      if (m.entity.type === 'LOC' && m.entity.subtype !== 'country' && !isActorPlace(m.entity)) continue;
      const list = byCountry.get(m.entity.country) ?? [];
      list.push(m);
      byCountry.set(m.entity.country, list);
    }
    const firstMentioned = new Map<string, number>();
    for (const m of ctx.mentions) if (!firstMentioned.has(m.entity.id)) firstMentioned.set(m.entity.id, m.start);
    // The actor the article is about: the subject of its first event in the title or the lead.
    // A subjectless verb of saying with no speaker before it is theirs; an actor merely named
    // first (often the one acted upon: "داعش") speaks for no one.
    const firstBody = sentences.find((s) => s.start >= input.titleEnd);
    const leadEnd = firstBody ? firstBody.end : input.titleEnd;
    let firstSubject: string[] | null = null;
    const events: Event[] = [];
    let lastActor: { ids: string[]; sentence: number } | null = null;
    let lastSpeaker: { ids: string[] } | null = null;
    /** The last speaker was someone unnamed ("أفاد مسؤولون", "قالت متحدثة"): a subjectless "وأضافت" is theirs too. */
    let unknownSpeaker = false;
    let lastRecipient: string[] = [];
    /** Condemnations that name no one, with the act they condemn: its doer is the one accused. */
    const condemnations: { event: Event; act: NonNullable<ReturnType<typeof condemnedAct>> }[] = [];

    /** Where a verb of an act (not of speech) stands, emitted or not: what a report tells of ("أن الشرطة ألقت القبض"). */
    const actTriggers: number[] = [];
    /** Sentences where a passive was told with the attack that did it ("قُتل … جراء هجوم"), the attack no event of its own. */
    const struckIn = new Set<number>();
    /** Statements that claim an act ("قال فيه إن منفذ العملية ينتمي إليه"): no events. */
    const claimed = new Set<Event>();
    /** Verbs of saying that name the source of what their sentence tells ("حسب ما أعلن"): no events. */
    const sources = new Set<number>();
    sentences.forEach((sentence, si) => {
      const matches = findTriggers(ctx, sentence);
      for (const m of matches) if (!SPEECH_TYPES.has(m.entry.type) && !m.nounLike) actTriggers.push(ctx.doc.tokens.start(m.firstToken));
      /** Content spans of this sentence's events: what a demand asks is no event; what a denial denies is negated. */
      const embedding: { span: Span; type: EventType; actor: string[] }[] = [];
      /** This sentence's events so far. */
      const inSentence: Event[] = [];
      /** The doer of the sentence's main clause: its first event with a named subject outside what another says. */
      let mainActor: string[] | null = null;
      /** The sentence's main clause is said by someone unnamed ("أكد والد سلمان …، مضيفاً"): so are its participles. */
      let mainUnknown = opensWithUnnamedSubject(ctx, sentence);
      /** The last act reported in a statement of this sentence: acts joined to it by و are reported too. */
      let lastReport: { parent: Span; end: number } | null = null;
      /** Noun triggers told as the means of an act already coded ("قُتل … بغارة"). */
      const absorbed = new Set<number>();
      for (const match of matches) {
        if (absorbed.has(match.firstToken)) continue;
        const triggerStart = ctx.doc.tokens.start(match.firstToken);
        // "خمسين عملية دهم استهدفت أوساطا جهادية": a verb of force right after an act noun of force
        // describes it (a relative clause with no pronoun, as after an indefinite noun): what it
        // acts on is that act's recipient, and it is no act of its own.
        const described = match.kind === 'verb' && ACTS_OF_FORCE.has(match.entry.type) && !match.passive
          ? inSentence.find((e) => ACTS_OF_FORCE.has(e.type) && ctx.doc.tokens.indexAt(e.trigger.end) === match.firstToken && matches.some((m) => m.nounLike && ctx.doc.tokens.start(m.firstToken) === e.trigger.start))
          : undefined;
        if (described) {
          if (described.recipient.length === 0) {
            const object = findRecipient(ctx, match, match.endToken, recipientEnd(ctx, match, sentence));
            described.recipient = ids(object).filter((id) => !described.actor.includes(id));
          }
          continue;
        }
        // "دون موافقة الحكومة", "بدون تمييز": an act said not to happen is no event.
        if (match.nounLike && match.firstToken > 0 && WITHOUT.has(ctx.norms[match.firstToken - 1]!)) continue;
        const parent = embedding.find((e) => triggerStart >= e.span.start && triggerStart < e.span.end);
        // What is asked has not happened; a participle ("…، مؤكداً") goes with the main verb, not inside what it says.
        if (parent && parent.type === 'REQUEST' && !match.participle) continue;
        // Still read (a participle after it, "على ما أوضح الوزير، مشيداً …", is its speaker's), then dropped.
        if (match.entry.type === 'STATEMENT' && attributed(ctx, match)) sources.add(triggerStart);
        const [clauseStart, clauseEnd] = clauseBounds(ctx, match, sentence);
        // The clause with its commas: where a recipient, or a person named beside a title, may stand.
        const argumentsEnd = recipientEnd(ctx, match, sentence);
        const governedByFirstPerson =
          match.nounLike &&
          match.firstToken > sentence.firstToken &&
          (lex.firstPersonGovernors.has(ctx.norms[match.firstToken - 1]!) || ctx.readingsOf(match.firstToken - 1).some((r) => lex.firstPersonGovernors.has(r.stem)));
        // "…، مجدداً الدعوة إلى الحكومة", "معبراً عن استعداد الحزب": after the participle of a
        // governing verb the noun is the act of the participle's subject, the sentence's actor.
        const governor = match.firstToken - (ctx.norms[match.firstToken - 1] === ABOUT ? 2 : 1);
        const governedByParticiple = match.nounLike && governor > sentence.firstToken && lex.governingParticiples.has(ctx.norms[governor]!)
          && (mainActor !== null || inSentence.some((e) => e.actor.length > 0));
        // "سنواصل دعم حكومة العراق": the speaker supports; the genitive is who is supported.
        // A passive spelt as one ("اُعتقل X", "أصيب X") or a participle ("مطالباً X بـ…") has no
        // subject of its own: the word after it is the one acted on.
        let subject: SubjectFound =
          governedByFirstPerson || governedByParticiple || match.passive || match.participle ? { source: 'none', mentions: [], after: match.endToken } : findSubject(ctx, match, clauseStart, clauseEnd, argumentsEnd);
        // "يذكر أن …", "يشار إلى أن …": the article's own aside, no one's statement; what follows
        // is read as any sentence is.
        if (SPOKEN_TYPES.has(match.entry.type) && subject.source !== 'subject' && lex.narrativeFormulas.has(ctx.norms[match.firstToken]!)) continue;
        // "الجماعة التي بايعت داعش", "الوزير الذي اتهم إيران": the noun the clause describes does
        // it; "الاتهامات التي وجهتها المنظمة": with the pronoun on the verb, its own subject does.
        // With a pronoun on the verb ("المشروع الذي ساندته قطر") the noun is what is acted on: a
        // thing known, told of in passing, not an act the article reports.
        if (match.relative) {
          const antecedent = match.attachedPronoun ? null : antecedentOf(ctx, match);
          if (!antecedent) continue;
          subject = { source: 'subject', mentions: [antecedent], after: match.endToken };
        }
        // "اعتقال قيادي في داعش", "مقتل زعيم التنظيم": the genitive of such a noun is the one acted upon.
        let patient: readonly MentionOnTokens[] = [];
        // "باعتقال قسد عشرة أشخاص", "استهداف التحالف مواقع للتنظيم": a body in the genitive with
        // an object after it is the doer.
        if (isPatientNoun(ctx, match) && subject.source === 'subject' && subject.mentions.every((m) => m.firstToken >= match.endToken)
          && !(subject.mentions.every((m) => m.entity.type === 'ORG') && accusativeObjectAt(ctx, subject.after, argumentsEnd))) {
          patient = subject.mentions;
          subject = { source: 'none', mentions: [], after: Math.max(...patient.map((m) => m.endToken)) };
        }
        // "اقتحمت قسد المخيم واعتقلت عشرين من عناصر داعش": a verb joined by و to an act whose doer
        // its sentence named goes on with that doer; the body named after "N من" or "عناصر من"
        // is the one acted upon, not members acting (nor the ones a passive acts on).
        if (joinedToNamedAct(ctx, match, subject, inSentence)) {
          patient = subject.mentions;
          subject = { source: 'none', mentions: [], after: Math.max(...patient.map((m) => m.endToken)) };
        }
        // "مقتل جنديين على يد داعش", "جريمة قتل الطفل … على أيدي مسلحين تابعين لجماعة …": an
        // act of force told as a noun, with its doer after "على يد" or "من قبل".
        let cueDoer = false;
        if (match.kind === 'noun' && ACTS_OF_FORCE.has(match.entry.type) && subject.source !== 'subject') {
          for (let k = match.endToken; k < argumentsEnd && k < match.endToken + CUE_DOER_REACH; k++) {
            if (ctx.doc.tokens.kind(k) === TokenKind.Punct && ![',', '(', ')'].includes(ctx.norms[k]!)) break;
            const doer = passiveDoerAt(ctx, k, argumentsEnd);
            if (doer === undefined) continue;
            if (doer) {
              subject = { source: 'subject', mentions: [doer], after: doer.endToken };
              cueDoer = true;
            }
            break;
          }
        }
        // A passive ("البغدادي قُتل في ريف الرقة", "قُتل قائد في داعش بغارة للتحالف"): the one
        // named is the one acted upon; the doer is who "على يد" / "من قبل" names, or the owner of
        // the strike it was done by, else no one (a claim in the article may name them).
        let passive = false;
        // Only a verb that takes a direct object by its own entry reads as a passive for want of
        // one: "استولت قسد على القرية", "سيطرت قسد على …" take their object after على, and the
        // type's default frame (object or على) says nothing of that verb.
        const mayBePassive = match.passive || (ACTS_OF_FORCE.has(match.entry.type) && match.entry.recipient.object);
        if (match.kind === 'verb' && !match.participle && mayBePassive && (subject.source === 'subject' || subject.source === 'none')) {
          const reading = passiveReading(ctx, matches, match, subject, argumentsEnd);
          if (reading || match.passive) {
            passive = true;
            // "قُتل … بغارة": the strike is how this act was done, not a second act.
            if (reading?.strike != null) {
              absorbed.add(reading.strike);
              struckIn.add(sentence.start);
            }
            patient = subject.source === 'subject' ? subject.mentions : findRecipient(ctx, match, match.endToken, argumentsEnd).filter((m) => m !== reading?.doer);
            subject = reading?.doer
              ? { source: 'subject', mentions: [reading.doer], after: reading.doer.endToken }
              : { source: 'anonymous', mentions: [], after: Math.max(match.endToken, ...patient.map((m) => m.endToken)) };
          }
        }
        /**
         * The doer an act of force told as a noun names after itself: its genitive or a verb of doing
         * ("هجوم داعش", "هجوم شنه داعش"), "على يد", and below a nationality or ل.
         */
        let namedDoer = cueDoer || (match.kind === 'noun' && ACTS_OF_FORCE.has(match.entry.type) && subject.source === 'subject' && patient.length === 0
          && subject.mentions.every((m) => m.firstToken >= match.endToken));
        // "الضربات الأمريكية", "القصف التركي": a nationality after an act of force names its doer,
        // the country as the article names it (the country, its capital, its forces).
        if (match.kind === 'noun' && subject.source !== 'subject' && ACTS_OF_FORCE.has(match.entry.type)) {
          const national = nationalDoer(ctx, byCountry, match);
          if (national) {
            subject = { source: 'subject', mentions: [national], after: match.endToken + 1 };
            namedDoer = true;
          }
        }
        // "العمليات العسكرية للقوات السورية", "بضربات جوية للتحالف": ل after an act of force (past
        // one adjective) names whose act it is, its doer; not after a noun whose genitive is the
        // one acted upon ("اعتقال للناشطين"), nor where ل introduces the trigger's recipient.
        if (match.kind === 'noun' && subject.source !== 'subject' && ACTS_OF_FORCE.has(match.entry.type) && !isPatientNoun(ctx, match)) {
          const owner = ownerAfter(ctx, match, argumentsEnd);
          if (owner.length > 0) {
            subject = { source: 'subject', mentions: owner, after: owner.at(-1)!.endToken };
            namedDoer = true;
          }
        }
        // "قال رينتسي إن بلاده وافقت على …": "his country" is the speaker's country.
        if (match.kind === 'verb' && subject.source !== 'subject') {
          const speakerIds = parent?.actor.length ? parent.actor : lastSpeaker?.ids ?? [];
          const country = ownCountryAt(ctx, match) ? speakersCountry(ctx, speakerIds, entityById, byCountry) : null;
          if (country) subject = { source: 'subject', mentions: [country], after: Math.max(subject.after, match.endToken) };
        }
        // "محادثات بين الولايات المتحدة وروسيا": the parties of talks, a deal or joint action.
        const between = (MUTUAL.has(match.entry.type) && match.entry.type !== 'ASSAULT') || match.entry.mutual
          ? (match.kind === 'noun' || subject.source !== 'subject') ? partiesBetween(ctx, matches, match, argumentsEnd) : null
          : null;
        if (between) {
          subject = { source: 'subject', mentions: [between[0]!], after: between.at(-1)!.endToken };
          patient = between.slice(1);
        }
        // "قصفت القوات القرية وقتل خمسة مدنيين": a killing with no doer named, told of people
        // counted after an attack of the same sentence, is that attack's toll, not a second act.
        if (!passive && subject.source === 'none' && match.kind === 'verb' && match.entry.type === 'ASSAULT' && ctx.quantityAt[match.endToken] === 1
          && inSentence.some((e) => e.type === 'ASSAULT')) continue;
        // "قُتل أربعة وأصيب ثلاثة آخرون في هجوم": the injured, with no doer of their own, are the
        // toll of the act of force their sentence has told already.
        if (passive && match.passive && match.entry.needs_recipient && subject.source !== 'subject' && inSentence.some((e) => e.type === 'ASSAULT')) continue;
        // A reported act is the act (ontology.md): "أعلنت الشرطة اعتقال خمسة", "أعلن عن بدء عملية",
        // "قالت إنها قتلت …" are the arrest and the attack, done by the announcer when it opens what
        // is announced and the announcer is one that acts (not a news agency or an observer).
        // Deeper in what is said, an act with no subject of its own is a topic of the speech
        // ("أكد أن الهجمات …"), not a report of it.
        // "أعلنت X قطع العلاقات … ومنع دخول … وإمهال …": acts joined by و to a reported act are reported too.
        const joinedToReport = lastReport !== null && parent !== undefined && lastReport.parent === parent.span && joinedByAnd(ctx, match, lastReport.end);
        const reportedAct = parent?.type === 'STATEMENT' && !SPEECH_TYPES.has(match.entry.type) && (opensContent(ctx, parent.span, match) || joinedToReport);
        const ownReport = reportedAct && parent!.actor.length > 0 && parent!.actor.every((id) => agentive(entityById, id, match.entry.type));
        // "أعلنت الإمارات … إمهال البعثة القطرية": the doer announced it, so the genitive of its act
        // is the one acted upon.
        if (ownReport && match.nounLike && !cueDoer && subject.source === 'subject' && subject.mentions.every((m) => m.firstToken >= match.endToken)) {
          patient = subject.mentions;
          subject = { source: 'none', mentions: [], after: Math.max(...patient.map((m) => m.endToken)) };
        }
        // A verbal noun inside what another event reports is part of that report, not an event.
        // A bare past stem that reads as a noun ("قتل") is the verb when its subject stands before it
        // or it reads as a passive ("أن البغدادي قتل في …").
        const verbAfterAll = match.kind === 'verb' && (passive || (subject.source === 'subject' && subject.mentions.every((m) => m.endToken <= match.firstToken)));
        // "أعلنت قوات الوفاق أنها سيطرت على الميناء بعد اشتباكات مع داعش": a noun that takes the
        // doer of its sentence's act, told in the same report by that doer, is reported with it.
        const withReported = parent !== undefined && match.nounLike && match.entry.noun_takes_sentence_actor === true && ACTS_OF_FORCE.has(match.entry.type)
          && inSentence.some((e) => e.actor.length > 0 && ACTS_OF_FORCE.has(e.type) && e.trigger.start >= parent.span.start && e.trigger.start < parent.span.end);
        // "أكد المرزوقي أنه يساند التحركات", "قالت إنها ترفض": a position the speaker takes, told
        // with the speaker's pronoun, is the speaker's own (and no second statement).
        // "أعلنت الحركة تضامنها مع …", "أكد الحزب رفضه …": so is a stance told as a noun with
        // the speaker's pronoun, right after the verb of saying.
        const ownPosition = parent?.type === 'STATEMENT' && parent.actor.length > 0 && SPEECH_TYPES.has(match.entry.type) && match.entry.type !== 'STATEMENT'
          && ((match.kind === 'verb' && subject.source !== 'subject') || ownStanceNoun(match)) && opensContent(ctx, parent.span, match);
        // "شدد على أن … المصادقة على الضربات الأمريكية على سوريا": an act of force that names its
        // own doer after it is that doer's act, wherever it is told.
        const ownDoer = namedDoer && parent !== undefined;
        // "أشار الموقع إلى أن اشتباكات جرت في الحي": an act told as having taken place is reported.
        const happened = parent !== undefined && match.kind === 'noun' && ACTS_OF_FORCE.has(match.entry.type) && toldAsHappening(ctx, match);
        // "لافتاً إلى أن الولايات المتحدة تواصل جهودها في حث الدول": a noun carried by a verb
        // with its own subject before it is that subject's act, as a verb would be.
        const carried = parent !== undefined && match.nounLike && subject.source === 'subject' && patient.length === 0
          && subject.mentions.every((m) => m.endToken <= match.firstToken) && subject.mentions.every((m) => !parent.actor.includes(m.entity.id))
          && subject.mentions.every((m) => ctx.doc.tokens.start(m.firstToken) >= parent.span.start);
        if (parent && match.nounLike && !reportedAct && !verbAfterAll && !withReported && !ownPosition && !ownDoer && !happened && !carried) continue;
        // What an event reports ("أكدت الإدارة أن …") tells of other events only with their own
        // subject; but what one denies is mostly its own doing ("نفى التحالف أن تكون طائراته قد
        // استهدفت …").
        const deniedOwnAct = parent?.type === 'REJECT' && parent.actor.length > 0 && subject.source !== 'subject';
        // An act told in the report with a subject of its own that names no one ("أن الشرطة ألقت
        // القبض") is the act, with no known doer.
        // "أفادت مصادر أن مسلحين مجهولين اختطفوا …", "قال إن قوات خاصة اقتحمت المبنى": so is one
        // whose subject is a noun that names no entity.
        const unnamedSubject = parent !== undefined && subject.source === 'none' && match.kind === 'verb' && !match.nounLike && !match.firstPerson && !match.participle
          && !SPEECH_TYPES.has(match.entry.type) && unnamedNounSubject(ctx, match, clauseStart, clauseEnd);
        const unnamedDoer = parent !== undefined && ((subject.source === 'anonymous' && !match.nounLike) || unnamedSubject || passive) && !SPEECH_TYPES.has(match.entry.type);
        // "قالت وزارة الدفاع إن طائراتها قصفت …": the speaker's forces act for the speaker.
        const ownForces = parent !== undefined && parent.actor.length > 0 && match.kind === 'verb' && !SPEECH_TYPES.has(match.entry.type)
          && subject.source !== 'subject' && !passive && ownForcesBefore(ctx, match);
        if (parent && subject.source !== 'subject' && !match.firstPerson && !match.participle && !deniedOwnAct && !reportedAct && !unnamedDoer && !ownPosition && !withReported && !ownForces && !happened) continue;

        // Who acts. Speakers go on speaking ("وأضافت", "نحثكم"); a noun needs its own actor, or
        // the one its sentence's main event has ("أصدر الوزراء بياناً بعيد اجتماع").
        // The article's actor continues only once the text has named it: not from a later sentence.
        const namedBefore = (ids: string[]) => ids.length > 0 && ids.every((id) => (firstMentioned.get(id) ?? Infinity) < sentence.start);
        const speaker = () => (lastSpeaker ? lastSpeaker.ids : firstSubject && namedBefore(firstSubject) ? firstSubject : []);
        let actor: string[] = [];
        let actorSource: ActorSource | 'discourse' | 'report' = subject.source;
        // "…، مؤكدةً …", "ومعتبراً …": a participle's subject is the main clause's, not that of an
        // act told in between ("عبرت الجبهة عن إدانتها للعدوان الذي تمارسه أمريكا، مؤكدة …").
        const sameSentence = match.participle && (mainActor || mainUnknown) ? { actor: mainActor ?? [] } : inSentence.filter((e) => e.actor.length).at(-1);
        if (ownForces) {
          actor = parent!.actor;
          actorSource = 'report';
        } else if (deniedOwnAct || ownPosition) {
          actor = parent!.actor;
          actorSource = 'discourse';
        } else if (reportedAct && subject.source !== 'subject') {
          // "أعلن مسؤول أن مسلحين مجهولين اختطفوا …": a doer named in the report, though by no
          // entity, is not the announcer.
          const ownAct = ownReport && !unnamedSubject;
          actor = ownAct ? parent!.actor : [];
          actorSource = ownAct ? 'report' : 'none';
        } else if (unnamedSubject) {
          actor = [];
          actorSource = 'anonymous';
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
          } else if (governedByParticiple) {
            actor = mainActor ?? inSentence.filter((e) => e.actor.length > 0).at(-1)!.actor;
            actorSource = 'discourse';
          } else if (match.attachedPronoun && match.entry.noun_takes_sentence_actor && lastActor && si - lastActor.sentence <= DISCOURSE_REACH) {
            actor = lastActor.ids; // "اجتماعهم": theirs
            actorSource = 'discourse';
          } else if (sameSentence && match.entry.noun_takes_sentence_actor && !happened) {
            // "اعتقلت قسد خمسة بمساندة التحالف": the doer of the sentence's act acts jointly.
            actor = sameSentence.actor;
            actorSource = 'discourse';
          } else if (lex.actorlessTypes.has(match.entry.type) && toldAsAct(ctx, match) && toldAgain(ctx, match, events, si === 0 ? null : sentences[si - 1]!, sentence)) {
            // "… بدأت بتمشيط المناطق. وطالت عمليات التمشيط أحياء": a definite noun tells again the
            // act of the same rule its sentence or the one before told with a doer.
            actor = toldAgain(ctx, match, events, si === 0 ? null : sentences[si - 1]!, sentence)!;
            actorSource = 'discourse';
          } else if (!lex.actorlessTypes.has(match.entry.type) || !toldAsAct(ctx, match)) continue;
          // else: an act told with no doer ("قُتل خمسة في هجوم"): the actor stays empty.
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
        } else if (!ACTS_OF_FORCE.has(match.entry.type) && match.kind === 'verb' && !match.nounLike && subject.source === 'none') {
          // "زيارة ماكين هي الثانية …، عندما التقى مع قادة …": a verb of talks or of a stance with
          // no subject of its own goes on with its sentence's subject.
          const m = sentenceSubject(ctx, sentence, match.firstToken);
          if (m) {
            actor = [m.entity.id];
            actorSource = 'discourse';
          }
        }

        // A recipient named only by its office and nationality ("مع وزير الخارجية الأمريكي") is there, though it may name no entity.
        const titled: { party: TitledParty | null } = { party: null };
        let recipientMentions = patient.length ? patient : findRecipient(ctx, match, Math.max(subject.after, match.endToken), argumentsEnd, titled);
        // "تواصل قسد قتال داعش", "جددت دعمها لـ… ومحاربة التنظيم": with its doer named before it,
        // the genitive of a noun whose genitive is the one acted upon is the recipient.
        if (recipientMentions.length === 0 && isPatientNoun(ctx, match) && match.endToken < argumentsEnd && ctx.mentionAt[match.endToken] !== -1) {
          const m = ctx.mentions[ctx.mentionAt[match.endToken]!]!;
          if (m.firstToken === match.endToken && isActorLike(m.entity) && !m.preposition) recipientMentions = withConjuncts(ctx, m, argumentsEnd);
        }
        const afterArgs = Math.max(subject.after, match.endToken, ...recipientMentions.map((m) => m.endToken));
        let content: Span | null = null;
        if (SPEECH_TYPES.has(match.entry.type)) {
          // "أعلنت الشرطة اعتقال خمسة": what is announced may be an act named right after the subject.
          const announced = match.entry.type === 'STATEMENT' ? announcedAct(ctx, matches, match, afterArgs) : null;
          const begin = contentStart(ctx, match, afterArgs, sentence) ?? announced;
          // "أعلن الرئيس حالة الطوارئ، وتعهد بمحاربة التنظيم": a verb joined by "، و" goes on with
          // the speaker; what is said ends before it.
          const next = begin === null ? undefined : matches.find((m) => m.firstToken > begin && m.kind === 'verb' && !m.nounLike && !m.participle
            && ctx.norms[m.firstToken - 1] === ',' && ctx.readingsOf(m.firstToken).some((r) => r.proclitics[0] === 'و'));
          let end = next ? ctx.doc.tokens.end(next.firstToken - 2) : trimmedEnd(ctx, sentence);
          // "دعت إيران تركيا إلى عدم تعقيد الوضع وذلك ردا على تصريحات …": the reply the speaker
          // says it makes is no part of what is said or asked.
          if (begin !== null) {
            for (let t = begin + 1; t < sentence.endToken && ctx.doc.tokens.start(t) < end; t++) {
              const n = ctx.norms[t]!;
              if ((n === 'ردا' || n === 'وردا') && ctx.norms[t + 1] === ON) {
                let k = t - 1;
                if (ctx.norms[k] === 'وذلك') k--;
                while (k > begin && ctx.doc.tokens.kind(k) === TokenKind.Punct) k--;
                end = ctx.doc.tokens.end(k);
                break;
              }
            }
          }
          if (begin !== null && begin < sentence.endToken && ctx.doc.tokens.start(begin) < end) {
            content = spanOf(text, ctx.doc.tokens.start(begin), end);
          }
        }
        // Who said or asked it is what a spoken event is: with no speaker known there is none.
        if (SPOKEN_TYPES.has(match.entry.type) && actor.length === 0) {
          if (subject.source === 'anonymous') {
            unknownSpeaker = true;
            if (!mainActor && !parent) mainUnknown = true;
          }
          // What someone unnamed says is still reported: an event told in it needs its own subject.
          if (content) embedding.push({ span: content, type: match.entry.type, actor: [] });
          continue;
        }
        let recipient = ids(recipientMentions).filter((id) => !actor.includes(id));
        // "حضر المبعوث اجتماعا عقده مجلس الأمن": a meeting held by another is held with them.
        if (recipient.length === 0 && match.kind === 'noun' && match.entry.type === 'CONSULT' && actor.length > 0) {
          const holder = perpetrator(ctx, match, argumentsEnd);
          if (holder && !actor.includes(holder.entity.id)) recipient = [holder.entity.id];
        }
        // "الاعتداءات التي استهدفت مجلس الشورى": the target a relative clause names.
        if (recipient.length === 0 && match.kind === 'noun') {
          const target = relativeTarget(ctx, matches, match, argumentsEnd);
          if (target && !actor.includes(target)) recipient = [target];
        }
        // "أشاد بالجهود المصرية", "امتنان السلطات للمشاركة العراقية", "انتقد الموقف التركي": a
        // stance toward a deed told by its nationality is toward that country, as the article names it.
        if (recipient.length === 0 && STANCES.has(match.entry.type)) {
          const country = nationalObject(ctx, byCountry, Math.max(subject.after, match.endToken), argumentsEnd);
          if (country && !actor.includes(country.entity.id)) recipient = [country.entity.id];
        }
        // "أشاد بنجاح تجربة الانتقال الديمقراطي في تونس": praise of a deed done in a country is
        // praise of that country.
        if (recipient.length === 0 && match.entry.type === 'SUPPORT') {
          const country = deedIn(ctx, Math.max(subject.after, match.endToken), argumentsEnd);
          if (country && !actor.includes(country.entity.id)) recipient = [country.entity.id];
        }
        // "ناقش المجلس الملف" needs the other side to be talks; "أجرى مجلس الأمن مناقشات", a noun
        // with its doer named, is the body's own talks.
        // A passive needs none: "أصيب ثلاثة جنود بجروح" tells who was hurt, named or not.
        if (match.entry.needs_recipient && recipient.length === 0 && !titled.party && !(match.kind === 'noun' && subject.source === 'subject') && !(passive && match.passive)) continue;
        // "… مع قطر وطالبتها بـ": an object pronoun on a verb is the actor named last before it in
        // its sentence, not its own actor; a demand's falls back on the last one addressed.
        if (recipient.length === 0 && match.attachedPronoun && match.kind === 'verb' && match.entry.frame.object) {
          // The last such mention, by binary search in ctx.mentions (in token order), not a filter of them all.
          let antecedent: MentionOnTokens | undefined;
          const from = lowerBoundBy(ctx.mentions, sentence.firstToken, (m) => m.firstToken);
          for (let k = lowerBoundBy(ctx.mentions, match.firstToken + 1, (m) => m.firstToken) - 1; k >= from && !antecedent; k--) {
            const m = ctx.mentions[k]!;
            if (m.endToken <= match.firstToken && isActorLike(m.entity) && !actor.includes(m.entity.id)) antecedent = m;
          }
          // Only what stands right before the verb, past a date and "و" ("مع قطر هذا الشهر وطالبتها"):
          // in "الأراضي التي كانت تحتجزها داعش" the pronoun is the lands.
          const between = antecedent ? range(antecedent.endToken, match.firstToken) : [];
          if (antecedent && between.length <= 4 && between.every((k) => ctx.dateAt[k] === 1 || ctx.norms[k] === 'و' || ctx.norms[k] === '"')) recipient = [antecedent.entity.id];
        }
        if (recipient.length === 0 && match.attachedPronoun && match.entry.type === 'REQUEST') recipient = lastRecipient.filter((id) => !actor.includes(id));
        // "وجّه المجلس نداء إلى الأمم المتحدة طالب فيه بـ…": a demand that follows another by the
        // same actor in the same sentence is addressed to the same recipient.
        const previous = events.at(-1);
        if (recipient.length === 0 && previous && SPOKEN_TYPES.has(match.entry.type) && previous.sentence.start === sentence.start
          && previous.actor.join() === actor.join() && SPOKEN_TYPES.has(previous.type)) {
          recipient = previous.recipient;
        }
        // A demand inside speech is a REQUEST of whoever is to act (ontology.md): "شدد على ضرورة",
        // "أكد أهمية أن", "قال إن على المجتمع الدولي أن".
        let type: EventType = match.entry.type;
        if (type === 'STATEMENT' && content) {
          const demand = demandIn(ctx, content);
          if (demand) {
            type = 'REQUEST';
            if (recipient.length === 0 && demand.addressee && !actor.includes(demand.addressee)) recipient = [demand.addressee];
          } else {
            // A charge inside speech is an accusation of whoever it is laid on (ontology.md: ACCUSE).
            // "أصدر التنظيم بيانا قال فيه إن منفذ العملية ينتمي إليه": a group saying the doer is
            // its own claims the act (the claim is no event of its own, ontology.md).
            if (ownMemberClaimed(ctx, content, actor)) {
              // "وأصدر التنظيم بيانا قال فيه …": the statement issued is that claim too.
              for (const e of inSentence) if (e.type === 'STATEMENT' && e.actor.join() === actor.join()) claimed.add(e);
              continue;
            }
            const accused = accusedIn(ctx, content, actor) ?? belongingCharged(ctx, content, actor);
            const threat = accused !== null ? null : threatIn(ctx, content, actor, match.entry.rule === WARNING_RULE);
            if (accused !== null) {
              type = 'ACCUSE';
              recipient = accused ? [accused] : recipient;
            } else if (threat) {
              // "محذراً من الإضرار بالعلاقات إذا رُفض طلبه", "قد تتخذ إجراءات أخرى ما لم تغير إيران
              // سياستها": a warning with a condition is a threat (ontology.md: THREATEN).
              type = 'THREATEN';
              if (recipient.length === 0 && threat.threatened) recipient = [threat.threatened];
            }
          }
        }
        // "تعهد بمحاربة التنظيم": a vow to fight someone threatens them; it is no agreement.
        if (type === 'AGREE' && content) {
          const fought = vowedForce(ctx, content, actor);
          if (fought) {
            type = 'THREATEN';
            if (recipient.length === 0) recipient = [fought];
          }
        }

        // "هددت تركيا بشن عملية عسكرية ضد قسد": a threat is of the one its act would strike.
        if (type === 'THREATEN' && recipient.length === 0 && content) {
          const target = threatTarget(ctx, content, actor);
          if (target) recipient = [target];
        }
        // "يتطلع إلى أن تواصل المجموعة الدولية …", "طالب بأن تتحمل الدول …": the one asked is
        // the subject of what they are asked to do.
        if (type === 'REQUEST' && recipient.length === 0 && content) {
          const asked = subjectOfThat(ctx, content);
          if (asked && !actor.includes(asked)) recipient = [asked];
        }
        // Topics from what was said or asked; for other events, from the sentence around them.
        const topicFrom = content ? ctx.doc.tokens.indexAt(content.start) : sentence.firstToken;
        const topicTo = content ? ctx.doc.tokens.indexAt(content.end) : sentence.endToken;
        const topics = SPEECH_TYPES.has(type) ? matchingKeys(stemsOf(ctx, topicFrom, topicTo), lex.topicCues, lex.maxGap) : [];
        for (const id of recipient) for (const t of lex.topicsByRecipient.get(id) ?? []) if (!topics.includes(t)) topics.push(t);

        const sentenceStems = stemsOf(ctx, sentence.firstToken, sentence.endToken);
        let mode = match.entry.mode ?? null;
        const modeCues = lex.modeCues.get(type);
        if (!mode && modeCues) {
          const stems = type === 'REQUEST' && content ? stemsOf(ctx, topicFrom, topicTo) : sentenceStems;
          mode = matchingKeys(stems, modeCues, lex.maxGap)[0] ?? lex.modeDefaults.get(type) ?? null;
        }

        const contexts = new Set<string>(lex.contextsByType.get(type) ?? []);
        for (const t of topics) for (const c of lex.contextsByTopic.get(t) ?? []) contexts.add(c);
        for (const id of [...actor, ...recipient]) for (const c of lex.contextsByActor.get(id) ?? []) contexts.add(c);

        let modality = modalityOf(ctx, match, sentence, clauseStart);
        if (parent?.type === 'REJECT') modality = 'negated';

        const participants = new Set([...actor, ...recipient]);
        const sentenceSpan = spanOf(text, sentence.start, sentence.end);
        const quantities = [...lookups.quantities[si]!];
        const confidence = eventConfidence({
          kind: match.kind,
          // An act reported by its doer counts as named by it; a passive's doer as its subject.
          actor: actorSource === 'report' ? 'subject' : actorSource,
          recipientExpected: match.entry.frame.object || match.entry.frame.prepositions.size > 0,
          recipient: recipient.length > 0,
          modality,
          type,
          rule: match.entry.rule,
        }, triggerStart);

        const event: Event = {
          id: '',
          type: type,
          mode,
          contexts: [...contexts],
          actor,
          recipient,
          place: eventPlace(ctx, lookups, si, participants),
          date: eventDate(lookups, si, content),
          topics,
          quantities,
          modality,
          sentence: sentenceSpan,
          trigger: spanOf(text, triggerStart, ctx.doc.tokens.end(match.endToken - 1)),
          content,
          confidence,
          rule: match.entry.rule,
          evidence: [sentenceSpan],
        };
        events.push(event);
        inSentence.push(event);
        // "اشتباكات بين قسد وداعش", "اشتبكت القوات مع خلية للتنظيم": in a clash each side attacks;
        // "معارك ضد داعش" is fought against one side only.
        const sides = between !== null || recipientMentions.some((m) => afterPreposition(ctx, m) === WITH || targetPreposition(ctx, m) === WITH);
        if (match.entry.mutual && sides && actor.length > 0 && recipient.length > 0) {
          const mirrored: Event = { ...event, actor: recipient, recipient: actor, topics: [...topics], contexts: [...event.contexts] };
          events.push(mirrored);
          inSentence.push(mirrored);
        }
        if (type === 'ACCUSE' && recipient.length === 0) {
          const act = condemnedAct(ctx, afterArgs, argumentsEnd);
          if (act) condemnations.push({ event, act });
        }
        if (!mainActor && !parent && actorSource === 'subject' && actor.length > 0) mainActor = actor;
        if (reportedAct && parent) lastReport = { parent: parent.span, end: match.endToken };
        if (content) embedding.push({ span: content, type: type, actor });
        if ((actorSource === 'subject' || actorSource === 'speech') && actor.length) {
          lastActor = { ids: actor, sentence: si };
          // Praise, support and commitments are said too ("أشاد فؤاد معصوم بـ…. وشدد …"): their
          // subject speaks on, unless they are told inside what another says.
          if (SPOKEN_TYPES.has(type) || (SPEECH_TYPES.has(type) && !parent)) {
            lastSpeaker = { ids: actor };
            unknownSpeaker = false;
          }
          if (!firstSubject && actorSource === 'subject' && sentence.start < leadEnd) firstSubject = actor;
        }
        if (type === 'REQUEST' && recipient.length) lastRecipient = recipient;
      }
    });
    // "قطعت البحرين العلاقات مع قطر بسبب إصرارها على …": the reason given for a sanction or a
    // coercion, told as the other side's doing, is an accusation of it (ontology.md: ACCUSE).
    for (const e of [...events]) {
      if (!REASONED.has(e.type) || e.actor.length === 0 || e.recipient.length === 0) continue;
      const reason = reasonGiven(ctx, e);
      if (!reason) continue;
      const trigger = spanOf(text, ctx.doc.tokens.start(reason), ctx.doc.tokens.end(reason + 1));
      let contentEnd = e.sentence.end;
      while (contentEnd > trigger.end && /[\s.!?؟…"»)]/u.test(text[contentEnd - 1]!)) contentEnd--;
      const content = spanOf(text, trigger.start, contentEnd);
      events.push({
        ...e,
        type: 'ACCUSE',
        mode: null,
        contexts: [...(lex.contextsByType.get('ACCUSE') ?? [])],
        topics: [],
        trigger,
        content,
        size: undefined,
        rule: 'ar/events/accuse/reason-given',
        confidence: eventConfidence({ kind: 'noun', actor: 'discourse', recipientExpected: true, recipient: true, modality: e.modality, type: 'ACCUSE', rule: 'ar/events/accuse/reason-given' }, trigger.start),
        evidence: [e.sentence],
      });
    }
    // "تبنى داعش الهجوم": the claimant is the doer of the attacks told without one; the claim
    // is no event of its own.
    // "حمّلت قسد الحكومة التركية مسؤولية الهجوم": the act one is held responsible for is told
    // as theirs (ontology.md: the doer the article names), not the accuser's, and the
    // responsibility laid on them is no claim.
    const blamings = events.filter((e) => e.rule === HELD_RESPONSIBLE);
    const blamedAfter = new Map(blamings.map((e) => [e.sentence.start, e.trigger.start]));
    for (const blame of blamings) {
      if (blame.recipient.length === 0) continue;
      for (const e of events) {
        if (!ACTS_OF_FORCE.has(e.type) || e.sentence.start !== blame.sentence.start || e.trigger.start <= blame.trigger.start) continue;
        if (!afterResponsibility(ctx, ctx.doc.tokens.indexAt(e.trigger.start))) continue;
        e.actor = [...blame.recipient];
        e.recipient = e.recipient.filter((id) => !e.actor.includes(id));
      }
    }
    const claimant = claimantOf(ctx, sentences, blamedAfter);
    // A killing told by itself ("وقُتلوا بعد أن اندلعت معركة") may be anyone's, the claimant's
    // fighters' deaths included: only attacks, and killings told with an attack in their sentence.
    // A killing told with the attack that did it ("قُتل حارس جراء هجوم") has one.
    const attackIn = new Set([...events.filter((e) => e.type === 'ASSAULT' && !KILLINGS.has(e.rule)).map((e) => e.sentence.start), ...struckIn]);
    if (claimant) for (const e of events) {
      if (e.type !== 'ASSAULT' || e.actor.length > 0 || e.recipient.includes(claimant)) continue;
      if (KILLINGS.has(e.rule) && !attackIn.has(e.sentence.start)) continue;
      e.actor = [claimant];
    }
    // "أدانت الخارجية الهجوم", "عبرت عن إدانتها لهذا العدوان", "نددت بالقصف الروسي": to condemn
    // an act is to accuse its doer (ontology.md: ACCUSE). The doer is the act's own, named beside
    // it; else, for an act the text refers back to ("الهجوم", "هذا العدوان"), the doer of the last
    // act of that type told before with one.
    for (const { event, act } of condemnations) {
      if (event.recipient.length > 0) continue;
      const start = ctx.doc.tokens.start(act.token);
      let doer = events.find((e) => e.trigger.start === start && e.actor.length > 0)?.actor ?? [];
      if (doer.length === 0) {
        const national = nationalDoer(ctx, byCountry, { firstToken: act.token, endToken: act.token + 1 });
        if (national) doer = [national.entity.id];
      }
      if (doer.length === 0 && act.referring) {
        let told: Event | undefined;
        for (const e of events) {
          if (e.type !== act.entry.type || e.actor.length === 0 || e.trigger.start >= event.trigger.start) continue;
          if (e.actor.some((id) => event.actor.includes(id))) continue;
          if (!told || e.trigger.start > told.trigger.start) told = e;
        }
        doer = told?.actor ?? [];
      }
      event.recipient = doer.filter((id) => !event.actor.includes(id));
    }
    // "غارات على مدينتي البوكمال والميادين اللتين يسيطر عليهما داعش", "عملية تحرير الموصل …
    // الجزء المتبقي بيد مسلحي التنظيم": an attack or a seizure that names no one acted upon is
    // done to who holds the place its sentence names; taking a place back, to the one holder
    // the article names. Only an act with a doer, or a taking back: what kills civilians in a
    // city someone holds is not done to them.
    const holders = holdersOf(ctx);
    const articleHolders = new Set([...holders.values()].flat());
    for (const e of events) {
      if (e.recipient.length > 0 || !(e.type === 'ASSAULT' || (e.type === 'COERCE' && e.mode === 'seize'))) continue;
      const retaking = liberating(ctx, e);
      if (e.actor.length === 0 && !retaking) continue;
      let held = (holders.get(e.sentence.start) ?? []).filter((id) => !e.actor.includes(id));
      if (held.length === 0 && retaking && articleHolders.size === 1) held = [...articleHolders].filter((id) => !e.actor.includes(id));
      if (held.length > 0) e.recipient = [held[0]!];
    }
    // "حاصرت قوات الأمن عدداً من الإرهابيين": the terrorists a state's force acts on are the one
    // armed group the article names.
    const armed = [...entityById.values()].filter((x) => x.type === 'ORG' && x.subtype === 'REB');
    if (armed.length === 1) {
      for (const e of events) {
        if (e.recipient.length > 0 || e.actor.length === 0 || !ACTS_OF_FORCE.has(e.type) || e.actor.includes(armed[0]!.id)) continue;
        if (e.actor.some((id) => entityById.get(id)?.subtype === 'REB')) continue;
        if (terroristsAfter(ctx, ctx.doc.tokens.indexAt(e.trigger.end), ctx.doc.tokens.indexAt(e.sentence.end))) e.recipient = [armed[0]!.id];
      }
    }
    // A statement whose content reports another event is that event (ontology.md: "the
    // announcement is no second, STATEMENT event"; a demand inside speech is the REQUEST).
    // A statement that reports an act, or a figure of people killed, hurt, held or displaced,
    // reports facts (the acts are coded where they have a doer), and an outlet that tells the
    // news takes no position by it: neither is a STATEMENT.
    // Looked up by binary search in sorted lists, not scanned for every statement.
    const toldAt = [...events.filter((e) => e.type !== 'STATEMENT').map((e) => e.trigger.start), ...actTriggers].sort((a, b) => a - b);
    const costs = sofar.quantities.filter((q) => PEOPLE_COST.has(q.category)).sort((a, b) => a.start - b.start);
    const reportsFacts = (content: Span) => {
      const k = lowerBound(toldAt, content.start);
      if (k < toldAt.length && toldAt[k]! < content.end) return true;
      for (let i = lowerBoundBy(costs, content.start, (q) => q.start); i < costs.length && costs[i]!.start < content.end; i++) if (costs[i]!.end <= content.end) return true;
      // "أعلنت إيران أن حصيلة قتلاها …", "تعلن عن عدد قتلاها": a toll told with no figure.
      const tolls = lex.tollWords;
      for (let t = ctx.doc.tokens.indexAt(content.start), end = ctx.doc.tokens.indexAt(content.end); t < end; t++) {
        if (tolls.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => tolls.has(r.stem))) return true;
      }
      return false;
    };
    const byOutlet = (e: Event) => e.actor.length > 0 && e.actor.every((id) => entityById.get(id)?.subtype === 'MED');
    const kept = events.filter((e) => !claimed.has(e) && !(e.type === 'STATEMENT' && ((e.content && reportsFacts(e.content)) || byOutlet(e) || sources.has(e.trigger.start))));
    return { events: withSizes(ctx, kept, sofar.quantities) };
  },
};
