/**
 * The arguments of an event: who acts (the subject), of whom (the object or addressee), and what
 * was said or asked (the content), read from the words around the trigger.
 *
 * Arabic news puts the subject after the verb in body text (VSO: "دعت الإدارة الذاتية …") and
 * before it in headlines (SVO: "مؤتمر ستار يدعو …"). A document that speaks stands for its author
 * ("قال البيان", "وجاء في نص الرسالة"); a verb with no subject continues the one before it.
 */
import { entityContext } from '../entities/context.js';
import { institutionRules } from '../entities/institutions.js';
import { lowerBoundBy } from '../lookup.js';
import { normalizeForm } from '../../text/normalize.js';
import type { Sentence } from '../../text/sentences.js';
import { TokenKind } from '../../text/tokenize.js';
import { isActorLike, isActorPlace, type DocumentContext, type MentionOnTokens } from './context.js';
import { eventLexicon } from './lexicon.js';
import { NOUN_PRONOUNS, type TriggerMatch } from './triggers.js';

const ABOUT = normalizeForm('عن');
const TO = normalizeForm('إلى');
const IN = normalizeForm('في');
/**
 * Acts of force: what they act on may be named as its owner ("مقرات لداعش"); an international
 * body reports them more often than it does them.
 */
export const ACTS_OF_FORCE: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE']);

/** How far (in words) a subject may stand from its verb. */
const MAX_VSO_GAP = 4;
const MAX_SVO_GAP = 2;
/** For a verb of an act with an object, how many words that are no title may stand before its subject. */
const MAX_ACT_VSO_GAP = 1;
/** How many words that are no title or adjective may stand before an object actor ("قصفت مواقع قسد", "اعتقلت ثلاثة قادة داعش"). */
const MAX_OBJECT_GAP = 2;
/** How far after the subject a recipient is looked for. */
const RECIPIENT_WINDOW = 12;
/** How far after the arguments the content may begin. */
const CONTENT_WINDOW = 6;

/** subject: named; speech: a speaking document; anonymous: an unnamed subject ("مسؤولون"); none. */
export type ActorSource = 'subject' | 'speech' | 'anonymous' | 'none';

export interface SubjectFound {
  readonly source: ActorSource;
  readonly mentions: readonly MentionOnTokens[];
  /** The token after the subject (where the rest of the clause goes on). */
  readonly after: number;
}

const isPunct = (ctx: DocumentContext, t: number) => ctx.doc.tokens.kind(t) === TokenKind.Punct;

/** Whether the word, as written or by the stem of one of its readings, is in the set. */
export function stemIn(ctx: DocumentContext, t: number, set: ReadonlySet<string>): boolean {
  if (set.has(ctx.norms[t]!)) return true;
  return ctx.readingsOf(t).some((r) => set.has(r.stem) || (r.proclitics.includes('ال') && set.has('ال' + r.stem)));
}

/** The token begins with "و" fused to a mention, or is a lone "و": "… وقوات …", "… و قوات …". */
function joinsWithAnd(ctx: DocumentContext, m: MentionOnTokens): boolean {
  const first = ctx.norms[m.firstToken]!;
  if (m.start > ctx.doc.tokens.start(m.firstToken) && first.startsWith('و')) return true;
  return m.firstToken > 0 && ctx.norms[m.firstToken - 1] === 'و';
}

/** Mentions joined to `m` by "و" (compound actors stay lists). */
export function withConjuncts(ctx: DocumentContext, m: MentionOnTokens, clauseEnd: number): MentionOnTokens[] {
  const list = [m];
  let last = m;
  for (;;) {
    let next = last.endToken;
    if (next < clauseEnd && ctx.norms[next] === 'و') next++;
    const mi = next < clauseEnd ? ctx.mentionAt[next]! : -1;
    if (mi === -1) break;
    const n = ctx.mentions[mi]!;
    if (n.firstToken !== next && !(n.firstToken === last.endToken + 1)) break;
    if (!(isActorLike(n.entity) || (isActorPlace(n.entity) && isActorPlace(m.entity))) || n.preposition || !joinsWithAnd(ctx, n)) break;
    list.push(n);
    last = n;
  }
  return list;
}

/**
 * The preposition that governs a mention: fused to it ("لقوات"), or standing before it, past
 * head nouns ("إلى التحالف", "ضد خلايا تنظيم داعش"). Null when there is none.
 */
export function afterPreposition(ctx: DocumentContext, m: MentionOnTokens): string | null {
  if (m.preposition) return m.preposition;
  const at = prepositionIndex(ctx, m);
  return at >= 0 ? ctx.norms[at]! : null;
}

/**
 * The preposition before a target head whose owner a mention is ("على مواقع داعش", "على مقرات
 * لداعش"): the head stands right before the mention (or before its ل), the preposition right
 * before the head. Null when there is none.
 */
export function targetPreposition(ctx: DocumentContext, m: MentionOnTokens): string | null {
  const lex = eventLexicon();
  const head = m.firstToken - 1;
  if (head < 1 || ctx.mentionAt[head] !== -1) return null;
  if (!stemIn(ctx, head, lex.targetHeads)) return null;
  const before = ctx.norms[head - 1]!;
  if (lex.prepositions.has(before)) return before;
  // "بمواقع", "لمقرات": the preposition fused to the head.
  const fused = ctx.readingsOf(head).find((r) => r.proclitics.some((p) => p === 'ب' || p === 'ل'));
  return fused ? fused.proclitics.find((p) => p === 'ب' || p === 'ل')! : null;
}

/** Where the standalone preposition governing a mention stands (past head nouns), or -1. */
function prepositionIndex(ctx: DocumentContext, m: MentionOnTokens): number {
  const lex = eventLexicon();
  let prev = m.firstToken - 1;
  // Past titles and their adjectives: "مع وزير الخارجية الإيراني محمد جواد ظريف".
  while (prev >= 0 && (lex.subjectHeads.has(ctx.norms[prev]!) || ctx.norms[prev] === '"' || nisbaAdjective(ctx, prev)) && ctx.mentionAt[prev] === -1) prev--;
  return prev >= 0 && lex.prepositions.has(ctx.norms[prev]!) ? prev : -1;
}

/**
 * A capital standing for its government as the subject: right beside a verb that agrees with it,
 * feminine as a city's name is ("أعلنت", "تطالب", "وستعمل"; not "دعا أنقرة": Ankara is called on).
 */
function capitalSubject(m: MentionOnTokens, match: TriggerMatch, adjacent: boolean): boolean {
  const feminine = match.bare.startsWith('ت') || match.bare.endsWith('ت');
  return adjacent && match.kind === 'verb' && feminine && isActorPlace(m.entity) && !m.preposition;
}

/**
 * The actor named right after the word at `t` ("بيان التحالف", "صحيفة دي فيلت"), not after a
 * preposition; null when there is none.
 */
export function actorRightAfter(ctx: DocumentContext, t: number, clauseEnd: number): MentionOnTokens | null {
  const mi = t + 1 < clauseEnd ? ctx.mentionAt[t + 1]! : -1;
  if (mi === -1) return null;
  const m = ctx.mentions[mi]!;
  return isActorLike(m.entity) && !afterPreposition(ctx, m) ? m : null;
}

/** How far (in words) a person named in apposition may stand from the verb. */
const APPOSITIVE_REACH = 20;

/**
 * The person a titled subject is, named in apposition before what is said ("قال عضو لجنة
 * الدفاع في البرلمان، طارق الجروشي، إن …", "أكد قائد هيئة الأركان اللواء محمد باقري أن …"):
 * the first person not after a preposition, up to `end` or the trigger's first content marker.
 */
function appositivePerson(ctx: DocumentContext, match: TriggerMatch, end: number): MentionOnTokens | null {
  const markers = match.entry.contentMarkers;
  for (let t = match.endToken, n = 0; t < end && n < APPOSITIVE_REACH; n++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (m.entity.type === 'PER' && !afterPreposition(ctx, m)) return m;
      t = Math.max(t + 1, m.endToken);
      continue;
    }
    if (markers.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.proclitics.length === 0 && markers.has(r.stem))) return null;
    t++;
  }
  return null;
}

/** How far (in words) from an unnamed subject the body it belongs to may be named. */
const MEMBER_REACH = 4;

/**
 * The body an unnamed subject belongs to and speaks for ("مصدر عسكري في قسد", "مسؤولون
 * بوزارة الدفاع"): an organisation after في or ب within a few words, before any punctuation.
 * Not after من: "مصادر مقربة من …" are close to a body, not in it.
 */
function memberOf(ctx: DocumentContext, from: number, end: number): MentionOnTokens | null {
  for (let t = from, n = 0; t < end && n < MEMBER_REACH; t++, n++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      const prep = afterPreposition(ctx, m);
      return m.entity.type === 'ORG' && (prep === 'في' || prep === 'ب') ? m : null;
    }
    if (isPunct(ctx, t)) return null;
  }
  return null;
}

/** How many words may stand between a person's title and the nationality that ends its phrase ("وزير الخارجية التركي"). */
const TITLE_PHRASE_REACH = 3;

/** A party named by a person's title and a nationality, with no name: tokens [first, end), the country's code. */
export interface TitledParty {
  readonly first: number;
  readonly end: number;
  readonly cc: string;
}

/** Whether the word at `t` is the title of an office ("وزير", "الرئيس", "نظيره"), bare or after و or a preposition ("بنظيره"). */
function officeTitleAt(ctx: DocumentContext, t: number): boolean {
  const titles = eventLexicon().officeTitles;
  return titles.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.proclitics.length > 0 && r.proclitics.every((p) => p === 'و' || p === 'ب' || p === 'ل') && titles.has(r.stem));
}

const partiesCache = new WeakMap<DocumentContext, { persons: MentionOnTokens[]; countries: Map<string, MentionOnTokens> }>();

/** An article's person mentions, and its first mention of each country: looked up once, not at every titled party. */
function partiesOf(ctx: DocumentContext): { persons: MentionOnTokens[]; countries: Map<string, MentionOnTokens> } {
  let hit = partiesCache.get(ctx);
  if (!hit) {
    const countries = new Map<string, MentionOnTokens>();
    for (const m of ctx.mentions) if (m.entity.type === 'LOC' && m.entity.subtype === 'country' && m.entity.country && !countries.has(m.entity.country)) countries.set(m.entity.country, m);
    partiesCache.set(ctx, (hit = { persons: ctx.mentions.filter((m) => m.entity.type === 'PER'), countries }));
  }
  return hit;
}

/**
 * A party the text names by a person's title and a nationality but by no name ("وزير الخارجية
 * التركي", "الرئيس العراقي", "نظيره الروسي"): from `t`, a title, at most a few more words that
 * are no entity, punctuation or preposition, then a nationality adjective. The phrase is closed
 * there: an actor after it is no genitive of the title ("اتهم وزير الخارجية التركي إيران": Iran
 * is accused). Null when the words at `t` are no such phrase, or a name follows it in apposition
 * (then the person is the party, as the other rules find).
 */
export function titledParty(ctx: DocumentContext, t: number, clauseEnd: number): TitledParty | null {
  if (t >= clauseEnd || ctx.mentionAt[t] !== -1 || !officeTitleAt(ctx, t)) return null;
  const lex = eventLexicon();
  const demonyms = institutionRules().demonyms;
  for (let k = t + 1; k < clauseEnd && k <= t + TITLE_PHRASE_REACH; k++) {
    if (ctx.mentionAt[k] !== -1 || isPunct(ctx, k) || lex.prepositions.has(ctx.norms[k]!)) return null;
    const demonym = demonyms.get(ctx.norms[k]!);
    if (!demonym) continue;
    // "وزير الخارجية التركي مولود جاويش أوغلو": the person named in apposition is the party.
    let next = k + 1;
    if (next < clauseEnd && ctx.norms[next] === ',') next++;
    const mi = next < clauseEnd ? ctx.mentionAt[next]! : -1;
    if (mi !== -1 && ctx.mentions[mi]!.entity.type === 'PER') return null;
    return { first: t, end: k + 1, cc: demonym.cc };
  }
  return null;
}

/**
 * The entity a titled party stands for: the person the article names with the same title
 * ("وزير الخارجية التركي مولود جاويش أوغلو" elsewhere in it), else the country of its
 * nationality as the article names it (a country acts through its officials, as "القصف التركي"
 * is Turkey's). Null when the article names neither.
 */
export function titledEntity(ctx: DocumentContext, party: TitledParty): MentionOnTokens | null {
  const words = range(party.first, party.end).map((k) => ctx.norms[k]!);
  // The first word may carry a clitic here or there ("ووزير", "مع وزير"): compare its end.
  const titleAt = (first: number) => first >= 0 && words.every((w, i) => (i === 0 ? ctx.norms[first]!.endsWith(w) || w.endsWith(ctx.norms[first]!) : ctx.norms[first + i] === w));
  // Before the name, or opening a mention that holds the title ("الرئيس السوري بشار الأسد").
  const sameTitle = (m: MentionOnTokens) => {
    let k = m.firstToken - 1;
    if (k >= 0 && ctx.norms[k] === ',') k--;
    return titleAt(k - words.length + 1) || (m.endToken - m.firstToken > words.length && titleAt(m.firstToken));
  };
  const { persons, countries } = partiesOf(ctx);
  const person = persons.find(sameTitle);
  if (person) return person;
  return countries.get(party.cc) ?? null;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * The subject of a trigger: after it (VSO), before it (SVO), or a speaking document.
 * `clauseStart`/`clauseEnd` bound the search; `appositiveEnd` (the clause with its commas)
 * bounds the search for a person named in apposition to a titled subject. A trigger that reads
 * as a noun takes only an actor right beside it: its genitive ("هجوم مرتزقة داعش") or, for a
 * verb-like noun, the actor just before ("سيواصل التحالف دعم …").
 */
export function findSubject(ctx: DocumentContext, match: TriggerMatch, clauseStart: number, clauseEnd: number, appositiveEnd = clauseEnd): SubjectFound {
  const lex = eventLexicon();
  const isNoun = match.kind === 'noun';
  const strict = match.nounLike;
  const quote = (t: number) => ctx.norms[t] === '"';
  // An event noun after "verb + actor": "تواصل قوات سوريا الديمقراطية الحرب ضد …" (or a form
  // that reads as one: "أعرب الحزب عن إدانتها").
  if (isNoun || strict) {
    // "أعرب الحزب عن إدانته": عن between the actor and the noun; "يواصل الجيش عمليات إخلاء": a
    // word for operations between them.
    let before = ctx.norms[match.firstToken - 1] === ABOUT ? match.firstToken - 2 : match.firstToken - 1;
    // "تواصل الولايات المتحدة جهودها في حث الدول": the word for efforts and its في.
    const operationHead = (t: number) => ctx.mentionAt[t] === -1 && (OPERATION_HEADS.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.enclitic !== null && r.proclitics.length === 0 && OPERATION_HEADS.has(r.stem)));
    if (before - 1 >= clauseStart && ctx.norms[before] === IN && operationHead(before - 1)) before--;
    if (before >= clauseStart && operationHead(before)) before--;
    const governing = (t: number) => t >= 0 && (lex.governingVerbs.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => lex.governingVerbs.has(r.stem)));
    const mi = before >= clauseStart ? ctx.mentionAt[before]! : -1;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (isActorLike(m.entity) && governing(m.firstToken - 1)) return { source: 'subject', mentions: [m], after: match.endToken };
    }
    // "الجيش السوري يواصل إجلاء المدنيين": the governing verb's subject before it (headline order).
    if (mi === -1 && before >= clauseStart && governing(before) && before - 1 >= clauseStart) {
      const si = ctx.mentionAt[before - 1]!;
      const m = si === -1 ? null : ctx.mentions[si]!;
      // It opens its clause: after punctuation, or after أن / إن ("قال إن الولايات المتحدة تواصل حث …").
      const opens = m !== null && (m.firstToken === clauseStart || m.firstToken === 0 || isPunct(ctx, m.firstToken - 1) || /^(ب?ان|لان)$/u.test(ctx.norms[m.firstToken - 1]!));
      if (m && isActorLike(m.entity) && !afterPreposition(ctx, m) && opens) {
        return { source: 'subject', mentions: [m], after: match.endToken };
      }
    }
  }
  // "نفذت الشرطة فجر الأربعاء خمسين عملية دهم", "وكانت الشرطة نفذت … عملية دهم": the subject of
  // the verb that carries the act.
  if (isNoun) {
    const carrier = lightVerbSubject(ctx, match, clauseStart);
    if (carrier) return { source: 'subject', mentions: [carrier], after: match.endToken };
  }
  // "هجوم شنه داعش", "الهجمات الأخيرة التي شنتها الفصائل": the doer named by a verb of doing.
  if (isNoun) {
    const doer = perpetrator(ctx, match, clauseEnd);
    if (doer) return { source: 'subject', mentions: [doer], after: doer.endToken };
  }
  // SVO: an actor right before the trigger ("مؤتمر ستار يدعو", "“التحالف الدولي” يؤكد",
  // "وكان القائد العام … قد طالب").
  if (!isNoun) {
    // "وكان وزير الخارجية …، قد قال": a comma before the auxiliary does not part subject and verb.
    let svoStart = clauseStart;
    if (clauseStart > 0 && ctx.norms[clauseStart - 1] === ',' && lex.auxiliaries.has(ctx.norms[clauseStart]!)) {
      svoStart = clauseStart - 1;
      while (svoStart > 0 && (!isPunct(ctx, svoStart - 1) || quote(svoStart - 1))) svoStart--;
    }
    for (let t = match.firstToken - 1, gap = 0; t >= svoStart && gap <= (strict ? 0 : MAX_SVO_GAP); t--) {
      if (quote(t) || (ctx.norms[t] === ',' && t === clauseStart - 1)) continue;
      const mi = ctx.mentionAt[t]!;
      if (mi !== -1) {
        const m = ctx.mentions[mi]!;
        const prep = afterPreposition(ctx, m);
        // "القائد العام لقوات سوريا الديمقراطية … طالب": ل after a head noun is the genitive.
        const genitive = prep === 'ل' && m.firstToken > 0 && lex.subjectHeads.has(ctx.norms[m.firstToken - 1]!);
        // "مفرزة من الحشد الشعبي قتلت": a unit of the body, right before the verb, acts for it.
        const member = prep === 'من' && !m.preposition && gap === 0 && m.endToken === match.firstToken;
        if (isActorLike(m.entity) && (!prep || genitive || member)) return { source: 'subject', mentions: [m], after: match.endToken };
        // "أنقرة تهدد", not "المنظمة التي مقرها لندن دعت": the capital opens its clause.
        const opensClause = m.firstToken === svoStart || isPunct(ctx, m.firstToken - 1);
        if (!prep && opensClause && capitalSubject(m, match, gap === 0)) return { source: 'subject', mentions: [m], after: match.endToken };
        // "دول الخليج تصنف حزب الله …": a place that opens the clause right before the verb is its
        // subject, naming no actor; the actor after the verb is the object.
        // Not a dateline ("دير الزور ـ أعلنت …"): only a space parts them.
        const adjacent = m.endToken === match.firstToken && /^\s+$/u.test(ctx.doc.text.slice(m.end, ctx.doc.tokens.start(match.firstToken)));
        if (!prep && opensClause && gap === 0 && adjacent && !isNoun) return { source: 'anonymous', mentions: [], after: match.endToken };
        break;
      }
      // "ذكرت الصحيفة أن الشرطة ألقت …": the subject of a verb stands after أن, never before it.
      if (isPunct(ctx, t) || lex.prepositions.has(ctx.norms[t]!) || lex.clauseBreaks.has(ctx.norms[t]!)) break;
      // "طائرات التحالف الدولي والطائرات السورية والروسية تستهدف": conjuncts of the subject and
      // their nationalities do not part it from its verb.
      if (!lex.subjectHeads.has(ctx.norms[t]!) && !lex.auxiliaries.has(ctx.norms[t]!) && !subjectConjunct(ctx, t)) gap++;
    }
  }
  // "أن الشرطة ألقت القبض": a definite noun that opens the clause right before its verb is its
  // subject, named as no entity.
  if (!isNoun && unnamedSubjectBefore(ctx, match, clauseStart)) return { source: 'anonymous', mentions: [], after: match.endToken };
  // A verb in the plural ("قتلوا", "يقاتلون") has its subject in itself or before it: Arabic puts
  // a verb before its named subject in the singular, so an actor after it is no subject.
  if (!isNoun && pluralVerb(match)) return { source: 'none', mentions: [], after: match.endToken };
  // VSO: the first actor after the trigger, past head nouns ("القيادة العامة لـ…", "المتحدث باسم …").
  let onlyHeads = true;
  // The word right after the verb may open a titled subject: after verbs of saying and asking,
  // and after other verbs that open their clause ("التقى رئيس الحكومة، فلان، بوفد …"); after a
  // subject ("إن وفدا التقى رئيس الحكومة، فلان") a titled phrase is the object. The word is
  // read as written: "المتحدث" refers back to someone known, "لمتحدث" is no subject.
  const titledSubject = !isNoun && (match.entry.contentMarkers.size > 0 || match.firstToken === clauseStart);
  const first = titledSubject && match.endToken < clauseEnd && ctx.mentionAt[match.endToken] === -1 ? ctx.norms[match.endToken]! : null;
  // "قالت متحدثة باسم خفر السواحل": an indefinite subject is someone the text introduces here.
  const indefinite = first !== null && lex.indefiniteSubjects.has(first);
  // "وقال رئيس وزراء مالطا، جوزيف موسكات، إن": a title whose person is named beside it.
  const headed = indefinite || (first !== null && lex.subjectHeads.has(first));
  // "اتهم وزير الخارجية التركي إيران", "ناقش الرئيس العراقي مع …": a subject named by its office
  // and nationality, closed by the adjective. It is the person or country it stands for, else
  // someone unnamed; never the actor after it, which is the object.
  const party = titledSubject ? titledParty(ctx, match.endToken, clauseEnd) : null;
  if (party) {
    // "وقال السفير البريطاني لدى الأمم المتحدة ماثيو رايكروفت إن": a speaker's name may come
    // after more of the title, before what is said.
    const person = match.entry.contentMarkers.size > 0 ? appositivePerson(ctx, match, appositiveEnd) : null;
    if (person) return { source: 'subject', mentions: [person], after: person.endToken };
    const who = titledEntity(ctx, party);
    return who ? { source: 'subject', mentions: [who], after: party.end } : { source: 'anonymous', mentions: [], after: party.end };
  }
  // "قالت الشرطة الفلبينية": a definite noun right after a verb that takes no object, and is no
  // entity nor a title, is the subject itself; an actor further on belongs to the rest of the
  // clause. After a verb that takes an object the noun may be the object ("ودعا المنظمات إلى"):
  // it is the subject only when an object follows it ("وأدان الحزب هذه العملية").
  if (!isNoun && !headed && unnamedSubjectAfter(ctx, match, clauseEnd) && (!match.entry.recipient.object || objectFollows(ctx, match, clauseEnd))) {
    const t = firstWordAfter(ctx, match, clauseEnd);
    let after = t + 1;
    // Its adjectives go with it: "الشرطة الألمانية", "السلطات المحلية".
    for (let n = 0; n < 2 && after < clauseEnd && ctx.mentionAt[after] === -1 && ctx.dateAt[after] !== 1 && definiteWord(ctx, after); n++) after++;
    // "الحزب" after "حزب التكتل" was named: the body of that kind named last.
    const named = referredBody(ctx, t);
    return named ? { source: 'subject', mentions: [named], after } : { source: 'anonymous', mentions: [], after };
  }
  // A verb of an act that takes an object: words that are no title before an actor make it the
  // genitive of the object ("قتلت أحد أبرز قناصي داعش"), not the subject.
  const vsoGap = strict ? 0 : match.entry.frame.object && !match.entry.contentMarkers.size ? MAX_ACT_VSO_GAP : MAX_VSO_GAP;
  for (let t = match.endToken, gap = 0; t < clauseEnd && gap <= vsoGap; ) {
    if (t === match.requiredToken || quote(t)) {
      t++;
      continue;
    }
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      // "وأعلنت واشنطن": a capital right after a verb that agrees with it.
      if (capitalSubject(m, match, t === match.endToken)) return { source: 'subject', mentions: [m], after: m.endToken };
      if (!isActorLike(m.entity)) break;
      // "تعتبر ممارسات حزب الله …": an actor right after a plain indefinite noun is that noun's
      // genitive, part of the object; the noun is no title or head of a subject.
      if (!isNoun && t > match.endToken && !m.preposition && constructHead(ctx, t - 1, match)) break;
      // "طالب رئيس حزب حراك تونس الإرادة محمد المنصف المرزوقي بـ…": a country inside a title
      // names the office; the person named after the title speaks.
      if (headed && m.entity.type === 'LOC') {
        const person = appositivePerson(ctx, match, appositiveEnd);
        if (person && person.firstToken > m.firstToken) return { source: 'subject', mentions: [person], after: person.endToken };
      }
      // "التقى قائد قوات سوريا الديمقراطية مظلوم عبدي وفداً", "اتهم المتحدث باسم التحالف، فلان،
      // …": the person named right after the body of their title is the subject; the body names
      // the office.
      if (headed && m.entity.type === 'ORG') {
        let u = m.endToken;
        if (u < appositiveEnd && ctx.norms[u] === ',') u++;
        const pi = u < appositiveEnd ? ctx.mentionAt[u]! : -1;
        const person = pi === -1 ? null : ctx.mentions[pi]!;
        if (person && person.entity.type === 'PER' && person.firstToken === u && !person.preposition) return { source: 'subject', mentions: [person], after: person.endToken };
      }
      const prep = afterPreposition(ctx, m);
      // "القيادة العامة لقوات سوريا الديمقراطية": ل after a head noun is the genitive, not "to";
      // "الآلاف من مرتزقة …": من after a quantity names who they are.
      const partitive = prep === 'من' && !m.preposition && isPartitive(ctx, prepositionIndex(ctx, m));
      // "زار وفد من التحالف الدولي …", "اجتمع مسؤولون من …": من after a head names the body.
      const member = prep === 'من' && !m.preposition && onlyHeads && t > match.endToken && prepositionIndex(ctx, m) === m.firstToken - 1
        && (lex.subjectHeads.has(ctx.norms[m.firstToken - 2]!) || isTitleWord(ctx, m.firstToken - 2));
      if (prep && !partitive && !member && !(prep === 'ل' && onlyHeads && t > match.endToken)) break;
      // "أكد والد سلمان العبيدي": a relative of the one named speaks, someone unnamed.
      if (kinBefore(ctx, m)) return { source: 'anonymous', mentions: [], after: m.endToken };
      // "ودعا الحكومة التونسية إلى …", "وطالب الخارجية … بـ", "ودعا رجال الأعمال … والإدارة
      // التونسية": a body with a feminine ending after a masculine verb (right after it, or past
      // words that head no subject) does not agree with it: it is the object, and the subject is
      // left unsaid (the speaker the text goes on with).
      if ((t === match.endToken || !onlyHeads) && match.masculine && disagreesWithMasculine(ctx, m)) return { source: 'none', mentions: [], after: match.endToken };
      // "أعلنت كل من السعودية والإمارات والبحرين ومصر، …": the clause goes on after the last of them.
      const all = withConjuncts(ctx, m, clauseEnd);
      return { source: 'subject', mentions: all, after: all.at(-1)!.endToken };
    }
    const norm = ctx.norms[t]!;
    if (norm === 'من' && (isPartitive(ctx, t) || (onlyHeads && t > match.endToken && (lex.subjectHeads.has(ctx.norms[t - 1]!) || isTitleWord(ctx, t - 1)) && ctx.mentionAt[t + 1] !== -1))) {
      t++;
      continue;
    }
    // "هاجم عناصر من داعش نقطة عسكرية": members of a body, right after the verb, with an object
    // after them, are its subject (with nothing after them they are the ones acted upon: "قتل
    // عناصر من داعش في غارة").
    if (norm === 'من' && ACTS_OF_FORCE.has(match.entry.type) && match.entry.frame.object && t > match.endToken && memberChain(ctx, match.endToken, t)) {
      const mi = ctx.mentionAt[t + 1] ?? -1;
      const m = mi === -1 ? null : ctx.mentions[mi]!;
      if (m && m.firstToken === t + 1 && isActorLike(m.entity) && objectAfter(ctx, m.endToken, clauseEnd)) return { source: 'subject', mentions: [m], after: m.endToken };
    }
    if (isPunct(ctx, t) || lex.prepositions.has(norm) || lex.clauseBreaks.has(norm)) break;
    if (ctx.doc.tokens.kind(t) === TokenKind.Number) break;
    // "أفاد مسؤولون", "ذكرت مواقع مقربة من …": someone unnamed speaks.
    if (t === match.endToken && stemIn(ctx, t, lex.anonymousSubjects)) {
      // "ذكرت صحيفة دي فيلت": the noun names what follows it.
      const named = actorRightAfter(ctx, t, clauseEnd);
      if (named) return { source: 'subject', mentions: [named], after: named.endToken };
      const body = memberOf(ctx, t + 1, clauseEnd);
      return body ? { source: 'subject', mentions: [body], after: body.endToken } : { source: 'anonymous', mentions: [], after: t + 1 };
    }
    if (stemIn(ctx, t, lex.speechNouns)) {
      // "بيان التحالف": the document's owner, when named right after it, is the speaker.
      const owner = actorRightAfter(ctx, t, clauseEnd);
      if (owner) return { source: 'subject', mentions: [owner], after: owner.endToken };
      return { source: 'speech', mentions: [], after: t + 1 };
    }
    if (!lex.subjectHeads.has(norm) && !lex.partitiveHeads.has(norm)) {
      onlyHeads = false;
      gap++;
    }
    t++;
  }
  // "وجاء في نص الرسالة": the required word of the trigger is itself the speaking document.
  if (match.requiredToken !== null && stemIn(ctx, match.requiredToken, lex.speechNouns)) {
    return { source: 'speech', mentions: [], after: match.requiredToken + 1 };
  }
  // A subject headed by a title or role: the person named in apposition. An indefinite one
  // without that person is the body it belongs to, else someone unknown, never the article's actor.
  if (headed) {
    const person = appositivePerson(ctx, match, appositiveEnd);
    if (person) return { source: 'subject', mentions: [person], after: person.endToken };
  }
  if (indefinite) {
    const body = memberOf(ctx, match.endToken + 1, clauseEnd);
    if (body) return { source: 'subject', mentions: [body], after: body.endToken };
    return { source: 'anonymous', mentions: [], after: match.endToken + 1 };
  }
  // "قالت الشرطة …", "أشارت المعطيات …": the verb has a subject of its own that names no known
  // actor. It is someone the text does not name as an entity, never the article's actor. (The
  // first check passes over this when the word right after the verb is a title that is also the
  // trigger's required word: the subject then stands after that word.)
  if (!isNoun && !match.entry.recipient.object && unnamedSubjectAfter(ctx, match, clauseEnd)) return { source: 'anonymous', mentions: [], after: match.endToken + 1 };
  return { source: 'none', mentions: [], after: match.endToken };
}

/** The first token after a trigger, past quote marks and its required word. */
function firstWordAfter(ctx: DocumentContext, match: TriggerMatch, clauseEnd: number): number {
  let t = match.endToken;
  while (t < clauseEnd && (ctx.norms[t] === '"' || t === match.requiredToken)) t++;
  return t;
}

/**
 * Whether the word right after a verb is a noun phrase in subject position that is no entity:
 * a definite noun ("الشرطة", "المعلومات"). Titles and heads of a name ("المتحدث", "وزارة"),
 * dates, prepositions, particles, numbers and speaking documents are not.
 */
function unnamedSubjectAfter(ctx: DocumentContext, match: TriggerMatch, clauseEnd: number): boolean {
  const lex = eventLexicon();
  const t = firstWordAfter(ctx, match, clauseEnd);
  if (t >= clauseEnd || ctx.mentionAt[t] !== -1 || ctx.dateAt[t] === 1 || ctx.quantityAt[t] === 1) return false;
  if (ctx.doc.tokens.kind(t) !== TokenKind.Word) return false;
  const norm = ctx.norms[t]!;
  if (lex.prepositions.has(norm) || lex.clauseBreaks.has(norm) || lex.negation.has(norm) || stemIn(ctx, t, lex.speechNouns)) return false;
  if (match.entry.contentMarkers.has(norm)) return false;
  // A title alone ("وقال المتحدث", "وأكد الوزير") refers back to someone the article has named.
  if (lex.subjectHeads.has(norm)) return false;
  return definiteWord(ctx, t);
}

/**
 * Whether an object follows the definite noun right after a verb (past its relation adjectives):
 * an actor, a demonstrative, or another definite noun. Then the noun is the verb's subject.
 */
function objectFollows(ctx: DocumentContext, match: TriggerMatch, clauseEnd: number): boolean {
  const lex = eventLexicon();
  let u = firstWordAfter(ctx, match, clauseEnd) + 1;
  while (u < clauseEnd && ctx.mentionAt[u] === -1 && nisbaAdjective(ctx, u)) u++;
  if (u >= clauseEnd) return false;
  const mi = ctx.mentionAt[u]!;
  if (mi !== -1) return !ctx.mentions[mi]!.preposition;
  return lex.demonstratives.has(ctx.norms[u]!) || (definiteWord(ctx, u) && !lex.prepositions.has(ctx.norms[u]!));
}

/**
 * Whether a direct object stands at `u`: an entity with no preposition, or a word that is no
 * preposition, date, figure or punctuation ("نقطة عسكرية", "مواقع", "الحاجز").
 */
function objectAfter(ctx: DocumentContext, u: number, clauseEnd: number): boolean {
  if (u >= clauseEnd) return false;
  const mi = ctx.mentionAt[u]!;
  if (mi !== -1) return !ctx.mentions[mi]!.preposition && !afterPreposition(ctx, ctx.mentions[mi]!);
  const lex = eventLexicon();
  const norm = ctx.norms[u]!;
  if (isPunct(ctx, u) || lex.prepositions.has(norm) || lex.clauseBreaks.has(norm) || ctx.dateAt[u] === 1 || ctx.quantityAt[u] === 1) return false;
  return ctx.readingsOf(u).some((r) => r.proclitics.every((p) => p === 'ال'));
}

/**
 * Whether an object a verbal noun takes stands at `u`, after the noun's doer: a figure ("عشرة
 * أشخاص"), an actor with no preposition, or what an attack hits ("مواقع").
 */
export function accusativeObjectAt(ctx: DocumentContext, u: number, end: number): boolean {
  if (u >= end) return false;
  if (ctx.quantityAt[u] === 1 || ctx.doc.tokens.kind(u) === TokenKind.Number) return true;
  const mi = ctx.mentionAt[u]!;
  if (mi !== -1) return isActorLike(ctx.mentions[mi]!.entity) && !afterPreposition(ctx, ctx.mentions[mi]!);
  return ctx.readingsOf(u).some((r) => r.proclitics.length === 0 && eventLexicon().targetHeads.has(r.stem));
}

/** How many sentences back a definite noun ("الحزب") looks for the body of its kind. */
const BODY_REACH_CHARS = 2000;

/**
 * The body a definite head noun refers back to ("الحزب" after "حزب التكتل", "الحركة" after "حركة
 * الشعب"): the last ORG mention before it, within a short reach, whose name opens with the same
 * noun. Null when none does.
 */
function referredBody(ctx: DocumentContext, t: number): MentionOnTokens | null {
  const head = ctx.readingsOf(t).find((r) => r.proclitics.includes('ال'))?.stem;
  if (!head || head.length < 3) return null;
  const start = ctx.doc.tokens.start(t);
  // From the last mention before the noun back (mentions are in reading order).
  for (let i = lowerBoundBy(ctx.mentions, start, (m) => m.start) - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (start - m.start > BODY_REACH_CHARS) break;
    if (m.entity.type !== 'ORG') continue;
    const first = m.firstToken;
    if (ctx.norms[first] === head || ctx.readingsOf(first).some((r) => r.stem === head)) return m;
  }
  return null;
}

/**
 * Whether a mention names a body or place by a feminine noun ("الحكومة", "وزارة الخارجية",
 * "السلطات", "الجامعة العربية"), which a masculine verb cannot have as its subject. People are
 * left out: a man's name may end in ة ("أسامة", "حمزة").
 */
function disagreesWithMasculine(ctx: DocumentContext, m: MentionOnTokens): boolean {
  if (m.entity.type === 'PER') return false;
  const head = ctx.doc.tokens.surface(m.firstToken);
  return head.endsWith('ة') || (head.length > 4 && head.endsWith('ات'));
}

/** A verb form with a plural ending: past "-وا", present "-ون". */
function pluralVerb(match: TriggerMatch): boolean {
  if (match.kind !== 'verb' || match.endToken - match.firstToken !== 1 || match.participle) return false;
  const w = match.bare;
  return w.length > 4 && (w.endsWith('وا') || (w.endsWith('ون') && /^[يت]/u.test(w)));
}

/** A definite noun, no entity, right before the verb and opening its clause (after أن, إن, و or punctuation). */
function unnamedSubjectBefore(ctx: DocumentContext, match: TriggerMatch, clauseStart: number): boolean {
  let t = match.firstToken - 1;
  if (t < 0 || ctx.mentionAt[t] !== -1 || ctx.dateAt[t] === 1 || !(definiteWord(ctx, t) || possessedNoun(ctx, t))) return false;
  // "أن القوات الأمنية قتلت": the noun with its definite adjectives, up to two of them.
  for (let n = 0; n < UNNAMED_ADJECTIVES && t - 1 >= clauseStart && t - 1 >= 0 && ctx.mentionAt[t - 1] === -1 && definiteWord(ctx, t - 1)
    && !eventLexicon().clauseBreaks.has(ctx.norms[t - 1]!) && !eventLexicon().prepositions.has(ctx.norms[t - 1]!); n++) t--;
  if (eventLexicon().subjectHeads.has(ctx.norms[t]!)) return false;
  const before = t - 1;
  return t === clauseStart || before < 0 || isPunct(ctx, before) || eventLexicon().clauseBreaks.has(ctx.norms[before]!);
}

/**
 * Whether a verb's subject is a noun phrase that names no entity, definite or not: before it,
 * opening its clause ("أن مسلحين مجهولين اختطفوا", "إن قوات خاصة اقتحمت"), or right after it
 * ("بينما اقتحمت قوات خاصة المبنى", an indefinite noun). A figure, a date, a preposition, a
 * particle or a mention there is no such subject ("تحرّر قرابة ثمانية ملايين شخص" tells who was freed).
 */
export function unnamedNounSubject(ctx: DocumentContext, match: TriggerMatch, clauseStart: number, clauseEnd: number): boolean {
  const lex = eventLexicon();
  const plainWord = (t: number) =>
    t >= 0 && t < ctx.norms.length && ctx.mentionAt[t] === -1 && ctx.dateAt[t] !== 1 && ctx.quantityAt[t] !== 1
    && ctx.doc.tokens.kind(t) === TokenKind.Word && !lex.prepositions.has(ctx.norms[t]!) && !lex.clauseBreaks.has(ctx.norms[t]!)
    && !lex.negation.has(ctx.norms[t]!) && !lex.auxiliaries.has(ctx.norms[t]!) && !lex.partitiveHeads.has(ctx.norms[t]!);
  // Before: one noun and at most one adjective, opening the clause.
  for (let first = match.firstToken - 1, n = 0; n < 2 && plainWord(first) && first >= clauseStart; first--, n++) {
    const before = first - 1;
    if (first === clauseStart || before < 0 || isPunct(ctx, before) || lex.clauseBreaks.has(ctx.norms[before]!) || /^(ب?ان|انه|انها|انهم)$/u.test(ctx.norms[before]!)) return true;
  }
  // After: an indefinite noun ("اقتحمت قوات خاصة المبنى"); a definite one is as often the object,
  // and a verb joined by و goes on with the subject before it ("داهمت الشرطة … واوقفت التونسي").
  if (ctx.readingsOf(match.firstToken).every((r) => r.proclitics[0] === 'و')) return false;
  const after = firstWordAfter(ctx, match, clauseEnd);
  // "قرابة 8 ملايين شخص": a word before a figure is part of the figure.
  const beforeFigure = after + 1 < clauseEnd && (ctx.doc.tokens.kind(after + 1) === TokenKind.Number || ctx.quantityAt[after + 1] === 1);
  // "باتجاه البادية": a word with a preposition on it is no subject.
  const governed = ctx.readingsOf(after).some((r) => r.proclitics.some((p) => p === 'ب' || p === 'ل' || p === 'ك'));
  return after < clauseEnd && plainWord(after) && !governed && !beforeFigure && !definiteWord(ctx, after) && !match.entry.contentMarkers.has(ctx.norms[after]!) && !stemIn(ctx, after, lex.speechNouns);
}

/**
 * Whether the subject right before a verb is a body's forces with its pronoun ("أن طائراتها
 * قصفت", "إن قواته اعتقلت", "أن تكون طائراتها قد قصفت"): the body the pronoun stands for acts.
 */
export function ownForcesBefore(ctx: DocumentContext, match: TriggerMatch): boolean {
  const lex = eventLexicon();
  let t = match.firstToken - 1;
  while (t >= 0 && lex.auxiliaries.has(ctx.norms[t]!)) t--;
  if (t < 0 || ctx.mentionAt[t] !== -1) return false;
  return ctx.readingsOf(t).some((r) => r.enclitic !== null && NOUN_PRONOUNS.has(r.enclitic) && r.proclitics.every((p) => p === 'و') && lex.ownForceHeads.has(r.stem));
}

/** Words for operations that may stand between a governing verb's subject and its act noun ("يواصل الجيش عمليات إخلاء"). */
const OPERATION_HEADS = new Set(['عمليات', 'عمليه', 'حمله', 'حملات', 'جهود']);

/** Particles that take a pronoun ("أنه", "لكنها"): a pronoun on them is no noun's owner. */
const PRONOUN_PARTICLES = new Set(['ان', 'لان', 'بان', 'كان', 'لكن', 'ليت', 'لعل', 'عن', 'من', 'في', 'علي', 'الي', 'مع', 'ل', 'ب', 'منذ', 'بين', 'عند', 'لدي', 'حول', 'ضد', 'بعد', 'قبل', 'نفس']);

/** A noun with a possessive pronoun ("ابنه", "قواتها"): a definite noun as much as one with the article. */
function possessedNoun(ctx: DocumentContext, t: number): boolean {
  const readings = ctx.readingsOf(t);
  // "وبدورها", "لقواتها": a word that may carry a preposition is no subject.
  if (readings.some((r) => r.proclitics.some((p) => p === 'ب' || p === 'ل' || p === 'ك'))) return false;
  return ctx.doc.tokens.kind(t) === TokenKind.Word && readings.some((r) => r.enclitic !== null && r.enclitic !== 'ي' && r.proclitics.every((p) => p === 'و') && r.stem.length > 1 && !PRONOUN_PARTICLES.has(r.stem));
}

/** How many definite adjectives may follow an unnamed subject before its verb ("القوات الأمنية العراقية قتلت"). */
const UNNAMED_ADJECTIVES = 2;

/** A word with the article and no preposition fused to it: "الشرطة", not "للشرطة". */
function definiteWord(ctx: DocumentContext, t: number): boolean {
  return ctx.readingsOf(t).some((r) => r.proclitics.includes('ال') && !r.proclitics.some((p) => p === 'ب' || p === 'ل' || p === 'ك') && r.stem.length > 1);
}

/** How many words (a date, a figure) may stand between a carrying verb and the act noun. */
const LIGHT_VERB_REACH = 5;

/**
 * The subject of a verb that carries an act noun: the actor right after the verb (VSO), or the
 * actor that opens the clause right before it (SVO, "وكانت الشرطة الألمانية نفذت …"). The words
 * between verb and noun are its own (a date, a number, a subject), never a preposition but the
 * carrier's own ("تمكنت الشرطة من اعتقال", "بدأت بملاحقة …"). A carrier that names no subject at
 * all ("كما بدأت بتمشيط المناطق") continues, for an act of force, the subject of its sentence,
 * else of the sentence before it.
 */
function lightVerbSubject(ctx: DocumentContext, match: TriggerMatch, clauseStart: number): MentionOnTokens | null {
  const lex = eventLexicon();
  /** The standalone preposition met between the noun and its carrier, if any ("من", "في"). */
  let preposition: string | null = null;
  for (let t = match.firstToken - 1, n = 0; t >= clauseStart && n < LIGHT_VERB_REACH; t--, n++) {
    // "أجرى المجلس خلال الأسبوع الماضي مناقشات": a date, with its preposition, is no distance.
    if (ctx.dateAt[t] === 1 || (lex.prepositions.has(ctx.norms[t]!) && t + 1 < match.firstToken && ctx.dateAt[t + 1] === 1)) {
      n--;
      continue;
    }
    if (isPunct(ctx, t) || lex.clauseBreaks.has(ctx.norms[t]!)) return null;
    if (lex.prepositions.has(ctx.norms[t]!)) {
      // Only the carrier's own preposition, right before the noun, stands between them.
      if (preposition !== null || t !== match.firstToken - 1) return null;
      preposition = ctx.norms[t]!;
      continue;
    }
    if (ctx.mentionAt[t] !== -1) {
      t = ctx.mentions[ctx.mentionAt[t]!]!.firstToken;
      // "وحدات من مكتب …": a unit of the body, with its من, is the subject too.
      if (t - 2 >= clauseStart && ctx.norms[t - 1] === 'من' && unitWord(ctx, t - 2)) t -= 2;
      continue;
    }
    const plain = (stems: ReadonlySet<string>) => stems.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.proclitics.every((p) => p === 'و' || p === 'ف') && stems.has(r.stem));
    const light = preposition === null && plain(lex.lightVerbs);
    const own = !light && carrierPreposition(ctx, t, match, preposition);
    if (!light && !own) continue;
    const after = t + 1 < match.firstToken ? ctx.mentionAt[t + 1]! : -1;
    if (after !== -1 && isActorLike(ctx.mentions[after]!.entity) && !ctx.mentions[after]!.preposition) return ctx.mentions[after]!;
    // "تمكنت وحدات من مكتب مكافحة الجريمة من إلقاء القبض": units of a body act for it.
    const unit = unitOfBody(ctx, t + 1, match.firstToken);
    if (unit) return unit;
    // SVO: the actor before the verb, past an auxiliary ("وكانت الشرطة نفذت").
    let b = t - 1;
    while (b >= 0 && lex.auxiliaries.has(ctx.norms[b]!)) b--;
    const before = b >= 0 ? ctx.mentionAt[b]! : -1;
    if (before !== -1) {
      const m = ctx.mentions[before]!;
      if (isActorLike(m.entity) && !afterPreposition(ctx, m)) return m;
    }
    // Kept to acts of force, told of the force the text follows.
    return ACTS_OF_FORCE.has(match.entry.type) ? continuedSubject(ctx, match, t, b, clauseStart) : null;
  }
  return null;
}

/**
 * Whether a noun trigger is carried by a verb through that verb's own preposition, right before
 * the noun ("تمكنت الشرطة من اعتقال", "نجحت القوات في تحرير"), whether or not the verb's subject
 * is a known entity: the preposition then tells the act, not a purpose or a stance ("خوفاً من
 * هجمات"). The verb stands within a few words before it, in its clause. Returns the verb's
 * token, or null.
 */
export function prepositionalCarrier(ctx: DocumentContext, match: TriggerMatch): number | null {
  const lex = eventLexicon();
  const at = match.firstToken - 1;
  if (at < 0 || !lex.prepositions.has(ctx.norms[at]!)) return null;
  const preposition = ctx.norms[at]!;
  for (let t = at - 1, n = 0; t >= 0 && n < LIGHT_VERB_REACH; t--, n++) {
    if (isPunct(ctx, t) || lex.clauseBreaks.has(ctx.norms[t]!) || lex.prepositions.has(ctx.norms[t]!)) return null;
    if (ctx.mentionAt[t] !== -1) {
      t = ctx.mentions[ctx.mentionAt[t]!]!.firstToken;
      continue;
    }
    if (carrierPreposition(ctx, t, match, preposition)) return t;
  }
  return null;
}

/**
 * Whether the word at `t` is a verb that carries an act noun through its own preposition
 * (`prepositionalCarriers`: "تمكن من", "نجح في", "بدأ ب"), met as `preposition` before the noun
 * or fused to the word right after the verb's subject.
 */
function carrierPreposition(ctx: DocumentContext, t: number, match: TriggerMatch, preposition: string | null): boolean {
  const carriers = eventLexicon().prepositionalCarriers;
  let prep = carriers.get(ctx.norms[t]!);
  for (const r of prep === undefined ? ctx.readingsOf(t) : []) if (prep === undefined && r.proclitics.every((p) => p === 'و' || p === 'ف')) prep = carriers.get(r.stem);
  if (prep === undefined) return false;
  if (preposition !== null) return preposition === prep;
  // "بدأت بملاحقة … وتمشيط": the preposition fused to the first word after the verb (and its subject).
  let k = t + 1;
  if (k < match.firstToken && ctx.mentionAt[k] !== -1) k = ctx.mentions[ctx.mentionAt[k]!]!.endToken;
  while (k < match.firstToken && ctx.dateAt[k] === 1) k++;
  return k <= match.firstToken && ctx.mentionAt[k] === -1 && ctx.readingsOf(k).some((r) => r.proclitics.some((p) => p === prep));
}

/**
 * The subject a carrying verb continues when it names none: the word right after it is no
 * subject of its own (the noun, or a word after a preposition), nothing stands before it in its
 * clause but و / كما / ثم, and its sentence (before it), else the sentence before that, has an
 * actor in subject position ("وكانت قوات الوفاق قامت بتسيير دوريات. كما بدأت بتمشيط …").
 */
function continuedSubject(ctx: DocumentContext, match: TriggerMatch, verb: number, before: number, clauseStart: number): MentionOnTokens | null {
  const lex = eventLexicon();
  const next = verb + 1;
  const ownSubject = next < match.firstToken && !ctx.readingsOf(next).some((r) => r.proclitics.some((p) => p === 'ب' || p === 'ل' || p === 'ك')) && !lex.prepositions.has(ctx.norms[next]!);
  if (ownSubject) return null;
  if (before >= clauseStart && !CONTINUING.has(ctx.norms[before]!)) return null;
  const sentences = ctx.doc.sentences;
  const si = lowerBoundBy(sentences, verb + 1, (s) => s.endToken);
  const sentence = sentences[si];
  if (!sentence || sentence.firstToken > verb) return null;
  const own = sentenceSubject(ctx, sentence, verb);
  if (own) return own;
  const previous = si > 0 ? sentences[si - 1]! : null;
  return previous ? sentenceSubject(ctx, previous, previous.endToken) : null;
}

/** Words that open a clause continuing the one before, with its subject: "كما", "ثم". */
const CONTINUING: ReadonlySet<string> = new Set(['كما', 'ثم', 'وكما']);

/** How many words (adjectives, a relative pronoun) may stand between an act noun and the verb naming its doer. */
const PERPETRATOR_REACH = 4;

/**
 * The doer of an act told as a noun, named by a verb of doing after it: "هجوم شنه داعش", "الهجمات
 * الأخيرة التي شنتها مرتزقة الاحتلال". The verb carries the pronoun of the act; its subject is
 * the actor right after it.
 */
export function perpetrator(ctx: DocumentContext, match: TriggerMatch, clauseEnd: number): MentionOnTokens | null {
  const verbs = eventLexicon().perpetrationVerbs;
  for (let t = match.endToken, n = 0; t < clauseEnd && n <= PERPETRATOR_REACH; t++, n++) {
    if (ctx.mentionAt[t] !== -1 || isPunct(ctx, t)) return null;
    const norm = ctx.norms[t]!;
    // Short stems ("شنه") are below the analyser's least stem: read the pronoun off by hand.
    const pronoun = /(ه|ها|هم|هما)$/u.exec(norm);
    const isVerb =
      (pronoun !== null && verbs.has(norm.slice(0, pronoun.index))) ||
      ctx.readingsOf(t).some((r) => verbs.has(r.stem) && r.enclitic !== null && r.proclitics.every((p) => p === 'و' || p === 'ف'));
    if (!isVerb) continue;
    const after = actorRightAfter(ctx, t, clauseEnd);
    return after;
  }
  return null;
}

/** How many words the doer may stand after "على يد" ("على أيدي مسلحين تابعين لجماعة …"). */
const PASSIVE_DOER_REACH = 4;

/**
 * The doer a passive cue at `k` names ("على يد", "على أيدي", "من قبل": `k` is the noun of the
 * pair): the actor right after it, or past an unnamed noun to the body it belongs to ("على يد
 * مسلحين تابعين لداعش", "على أيدي عناصر من التنظيم", "من قبل مسلحي داعش"). Undefined when no
 * cue stands at `k`; null when the cue names no actor.
 */
export function passiveDoerAt(ctx: DocumentContext, k: number, end: number): MentionOnTokens | null | undefined {
  const lex = eventLexicon();
  const preps = lex.passiveDoers.get(ctx.norms[k]!);
  if (!preps || k === 0 || !preps.has(ctx.norms[k - 1]!)) return undefined;
  for (let t = k + 1, n = 0; t < end && n < PASSIVE_DOER_REACH; t++, n++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      if (!isActorLike(m.entity)) return null;
      if (t === k + 1) return m;
      // Past an unnamed noun: its genitive, a body it belongs to (ل, إلى after a word of
      // belonging) or the body it is part of (من).
      const prep = afterPreposition(ctx, m);
      return prep === null || prep === 'من' || affiliated(ctx, m) ? m : null;
    }
    if (isPunct(ctx, t) || lex.clauseBreaks.has(ctx.norms[t]!)) return null;
  }
  return null;
}

/**
 * The first actor in subject position earlier in the sentence: named and not after a
 * preposition ("قدّرت هيئة الشؤون …، ودعت …": the body that estimated is the one that calls).
 */
export function sentenceSubject(ctx: DocumentContext, sentence: Sentence, before: number): MentionOnTokens | null {
  // ctx.mentions are in token order: start at the sentence's first, found by binary search.
  for (let k = lowerBoundBy(ctx.mentions, sentence.firstToken, (x) => x.firstToken); k < ctx.mentions.length; k++) {
    const m = ctx.mentions[k]!;
    if (m.firstToken >= before) break;
    // A country acts ("وقاطعت تركيا …، وطالبتها"); other places do not. "الرئيس المشترك للإدارة
    // الذاتية": ل after a head noun is the genitive, the body the head speaks for.
    const prep = afterPreposition(ctx, m);
    const genitive = prep === 'ل' && m.firstToken > 0 && eventLexicon().subjectHeads.has(ctx.norms[m.firstToken - 1]!);
    if (isActorLike(m.entity) && (!prep || genitive)) return m;
  }
  return null;
}

/** Whether the word at `t` is "من" after a quantity or a collective ("الآلاف من", "عدد من"). */
function isPartitive(ctx: DocumentContext, t: number): boolean {
  const lex = eventLexicon();
  if (t <= 0 || ctx.norms[t] !== 'من') return false;
  const prev = t - 1;
  return lex.partitiveHeads.has(ctx.norms[prev]!) || ctx.doc.tokens.kind(prev) === TokenKind.Number || ctx.quantityAt[prev] === 1;
}

/**
 * The recipient of a trigger: its direct object when the trigger takes one, or the actor after
 * one of its prepositions ("نداء إلى التحالف", "طلب من الحكومة").
 */
export function findRecipient(ctx: DocumentContext, match: TriggerMatch, from: number, clauseEnd: number, titled?: { party: TitledParty | null }): MentionOnTokens[] {
  const lex = eventLexicon();
  const entry = match.entry;
  const end = Math.min(clauseEnd, from + RECIPIENT_WINDOW);
  for (let t = from, gap = 0, limit = end; t < Math.min(clauseEnd, limit); ) {
    // The required word and a date phrase are adjuncts: they do not count as distance.
    if (t === match.requiredToken || ctx.dateAt[t] === 1) {
      t++;
      limit++;
      continue;
    }
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      // "اعتقال والد منفذ الهجوم سلمان": the one acted upon is the relative, named by no entity.
      if (kinBefore(ctx, m) || (t > from && ctx.mentionAt[t - 1] === -1 && t - 2 >= from && stemIn(ctx, t - 2, eventLexicon().kinHeads))) return [];
      // "بطائرة مسيرة تركية": a nationality describing the noun before it (with or without the
      // article) is no object.
      const demonyms = institutionRules().demonyms;
      if (m.endToken - m.firstToken === 1 && t > from && ctx.mentionAt[t - 1] === -1 && (demonyms.has(ctx.norms[t]!) || demonyms.has('ال' + ctx.norms[t]!))) {
        t = m.endToken;
        continue;
      }
      const prep = afterPreposition(ctx, m);
      // "فلان زعيم داعش": the entity a title in apposition to the subject governs is no object
      // (right after the verb, "استهدفت عناصر داعش", the title opens the object).
      if (prep === null && t > from && isTitleWord(ctx, t - 1) && t - 1 === from && from > match.endToken) {
        t = m.endToken;
        continue;
      }
      // A capital is addressed by what is said or asked ("دعا أنقرة إلى", "اتهم واشنطن"), not
      // attacked: the target of an attack is its place.
      if (isActorLike(m.entity) || (isActorPlace(m.entity) && entry.contentMarkers.size > 0)) {
        // "اعتقال خمسة من عناصر داعش": من after a figure names who the object is; "قتل قائداً في
        // داعش": في or من after a member's title names the body acted upon.
        const at = prepositionIndex(ctx, m);
        const partitive = prep === 'من' && !m.preposition && isPartitive(ctx, at);
        const member = (prep === 'في' || prep === 'من') && at > from && (isTitleWord(ctx, at - 1) || (prep === 'من' && headNoun(ctx, at - 1) && at - 1 === from));
        // "قتلت أحد أبرز قناصي تنظيم داعش", "اعتقلت عدداً من عناصر التنظيم": a chain of titles,
        // counts and "من" that ends on a member's title names the body acted upon, however long.
        const chainEnd = prep === null ? m.firstToken : at;
        const chain = ACTS_OF_FORCE.has(entry.type) && (prep === null || prep === 'من') && chainEnd > from && isTitleWord(ctx, chainEnd - 1) && memberChain(ctx, from, chainEnd);
        // "هاجمت … مقرات لداعش", "قصفت مواقع للتنظيم": ل after the object names whose it is.
        const owner = prep === 'ل' && ACTS_OF_FORCE.has(entry.type) && gap >= 1 && ctx.mentionAt[m.firstToken - 1] === -1 && !isPunct(ctx, m.firstToken - 1);
        // "دعمها للحكومة", "رفضه للتدخل": a verbal noun whose pronoun is its doer takes its object after ل.
        // "الدعوة إلى الحكومة لـ…", "نداء إلى التحالف": a demand told as a noun is addressed to
        // the actor right after its إلى.
        const addressed = prep === TO && match.nounLike && entry.type === 'REQUEST' && gap === 0;
        const nounObject = (prep === 'ل' && match.nounLike && match.attachedPronoun) || addressed;
        // A noun's object with no preposition is its genitive, right after it or after its doer,
        // or after the noun whose pronoun is its doer ("جدد اتهامه الغرب وبريطانيا"): "تزامن هجوم
        // داعش مع تكثيف الاحتلال التركي" names no one the attack was done to.
        const bare = prep === null && (match.kind !== 'noun' || gap === 0 || match.attachedPronoun);
        if ((bare || partitive || member || owner || nounObject) && entry.frame.object && gap <= MAX_OBJECT_GAP) return withConjuncts(ctx, m, clauseEnd);
        if (chain && entry.frame.object) return withConjuncts(ctx, m, clauseEnd);
        // "مع عدد من الإرهابيين المنتمين إلى تنظيم داعش": the people the trigger takes belong to the body.
        if (ACTS_OF_FORCE.has(entry.type) && (prep === 'الي' || prep === 'ل') && affiliated(ctx, m)) return withConjuncts(ctx, m, clauseEnd);
        // "أطلقت … صواريخ على مواقع لداعش", "غارات على مواقع التنظيم": what is hit belongs to the
        // actor after it, and the preposition before it is the trigger's.
        const target = ACTS_OF_FORCE.has(entry.type) && (prep === null || prep === 'ل') ? targetPreposition(ctx, m) : null;
        if (target !== null && entry.frame.prepositions.has(target)) return withConjuncts(ctx, m, clauseEnd);
        if (prep !== null && entry.frame.prepositions.has(prep)) return withConjuncts(ctx, m, clauseEnd);
        // "أشاد بدور التحالف", "رحب بقرار العراق", "ندد بقصف تركيا": the genitive of the noun the
        // trigger's preposition governs is whose deed is praised or condemned.
        if (prep === null && DEED_TYPES.has(entry.type) && gap <= 1 && t - 1 >= from && deedAfterPreposition(ctx, t - 1, entry.frame.prepositions)) return withConjuncts(ctx, m, clauseEnd);
        // "سلمت … إلى وفد من أوزبكستان", "التقى بوفد من التحالف": a delegation or member of a body,
        // after the trigger's preposition, stands for the body.
        if (prep === 'من' && !m.preposition && at > from && headNoun(ctx, at - 1)) {
          const head = at - 1;
          const before = ctx.norms[head - 1];
          const fused = ctx.readingsOf(head).find((r) => r.proclitics.some((p) => entry.frame.prepositions.has(p)));
          if ((before !== undefined && entry.frame.prepositions.has(before)) || fused) return withConjuncts(ctx, m, clauseEnd);
        }
      }
      t = m.endToken;
      gap++;
      continue;
    }
    const norm = ctx.norms[t]!;
    // "ناقش مع وزير الخارجية الأمريكي", "اتصل بنظيره الروسي", "استقبل الرئيس نظيره التركي": a
    // party named by its office and nationality, as the object or after the trigger's preposition,
    // is the recipient: the person or country it stands for, else someone unnamed (`titled`).
    const governed = (entry.frame.object && t === from) || (t > from && entry.frame.prepositions.has(ctx.norms[t - 1]!))
      || ctx.readingsOf(t).some((r) => r.proclitics.some((p) => entry.frame.prepositions.has(p)));
    // "اتهم إياد علاوي نائب الرئيس العراقي قطر": a title right after a person is theirs, in apposition.
    const apposition = t > 0 && ctx.mentionAt[t - 1] !== -1 && ctx.mentions[ctx.mentionAt[t - 1]!]!.entity.type === 'PER';
    const party = governed && !apposition ? titledParty(ctx, t, clauseEnd) : null;
    if (party) {
      if (titled) titled.party = party;
      const who = titledEntity(ctx, party);
      return who ? [who] : [];
    }
    // A comma may stand between the object and its addressee ("…رسالة أمس الخميس، إلى التحالف").
    if (isPunct(ctx, t) && norm !== '"' && norm !== ',') break;
    if (lex.clauseBreaks.has(norm)) break;
    // A title in apposition to the subject does not part the verb from its object: "اتهم فلان
    // نائب الرئيس العراقي قطر".
    if (!lex.prepositions.has(norm) && !isPunct(ctx, t) && !lex.subjectHeads.has(norm) && !nisbaAdjective(ctx, t)) gap++;
    t++;
  }
  return [];
}

/** Stances taken on someone's deed: praise and welcome, condemnation. */
const DEED_TYPES: ReadonlySet<string> = new Set(['SUPPORT', 'ACCUSE']);

/**
 * Whether the word at `t` is a noun with the trigger's preposition fused to it ("بدور", "بجهود",
 * "بقصف"), no entity and no title: the deed of the one named right after it.
 */
function deedAfterPreposition(ctx: DocumentContext, t: number, prepositions: ReadonlySet<string>): boolean {
  if (ctx.mentionAt[t] !== -1 || isTitleWord(ctx, t)) return false;
  return ctx.readingsOf(t).some((r) => r.proclitics.length === 1 && prepositions.has(r.proclitics[0]!) && r.stem.length > 2);
}

/** How many words a chain of titles and counts before a body may hold ("أحد أبرز قادة"). */
const MEMBER_CHAIN_REACH = 5;

/**
 * Whether the words [from, to) are only titles, counts, collectives, superlatives of rank and
 * "من": "أحد أبرز قناصي", "عدداً من عناصر", "ثلاثة من كبار قادة".
 */
function memberChain(ctx: DocumentContext, from: number, to: number): boolean {
  if (to - from > MEMBER_CHAIN_REACH) return false;
  const lex = eventLexicon();
  for (let t = from; t < to; t++) {
    if (ctx.mentionAt[t] !== -1) return false;
    if (isTitleWord(ctx, t) || ctx.norms[t] === 'من' || ctx.doc.tokens.kind(t) === TokenKind.Number || ctx.quantityAt[t] === 1) continue;
    if (lex.partitiveHeads.has(ctx.norms[t]!) || lex.rankWords.has(ctx.norms[t]!)) continue;
    return false;
  }
  return true;
}

/** Whether a participle of belonging and its preposition stand right before a mention ("المنتمين إلى داعش", "التابعين لـ"). */
export function affiliated(ctx: DocumentContext, m: MentionOnTokens): boolean {
  const words = eventLexicon().affiliationWords;
  const before = m.firstToken - 1;
  if (before < 0 || ctx.mentionAt[before] !== -1) return false;
  // "التابعين لجماعة": ل fused to the mention's first word, the participle right before it.
  if (words.has(ctx.norms[before]!)) return true;
  return before - 1 >= 0 && eventLexicon().prepositions.has(ctx.norms[before]!) && words.has(ctx.norms[before - 1]!);
}

/** Whether a noun of kin stands right before a mention ("والد سلمان العبيدي", "شقيقه هاشم"). */
function kinBefore(ctx: DocumentContext, m: MentionOnTokens): boolean {
  const t = m.firstToken - 1;
  return t >= 0 && ctx.mentionAt[t] === -1 && (eventLexicon().kinHeads.has(ctx.norms[t]!) || stemIn(ctx, t, eventLexicon().kinHeads));
}

/**
 * A noun that heads a phrase for a body's people ("وفد", "بوفد", "وفداً", "مسؤولي"): a subject head
 * or a title, with a preposition fused to it or the accusative alef.
 */
function headNoun(ctx: DocumentContext, t: number): boolean {
  const heads = eventLexicon().subjectHeads;
  if (ctx.mentionAt[t] !== -1) return false;
  const bare = (w: string) => heads.has(w) || (w.endsWith('ا') && heads.has(w.slice(0, -1)));
  return isTitleWord(ctx, t) || bare(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => r.enclitic === null && bare(r.stem));
}

/** A role noun ("زعيم", "قائداً", "عناصر"). */
function isTitleWord(ctx: DocumentContext, t: number): boolean {
  const titles = eventLexicon().titles;
  return ctx.mentionAt[t] === -1 && (titles.has(ctx.norms[t]!) || ctx.readingsOf(t).some((r) => (r.proclitics.length === 0 || r.proclitics.every((p) => p === 'و')) && titles.has(r.stem)));
}

/** A word for a unit or members of a body ("وحدات", "عناصر", "دورية"), no entity: what stands before "من" and the body. */
function unitWord(ctx: DocumentContext, t: number): boolean {
  return ctx.mentionAt[t] === -1 && (stemIn(ctx, t, eventLexicon().ownForceHeads) || isTitleWord(ctx, t));
}

/** The body named after a unit of it at `t` ("وحدات من …", "عناصر من …", "دورية من …"): the mention after من, before `end`. */
function unitOfBody(ctx: DocumentContext, t: number, end: number): MentionOnTokens | null {
  if (t + 2 >= end || ctx.norms[t + 1] !== 'من' || !unitWord(ctx, t)) return null;
  const mi = ctx.mentionAt[t + 2]!;
  const m = mi === -1 ? null : ctx.mentions[mi]!;
  return m && m.firstToken === t + 2 && isActorLike(m.entity) && m.entity.type === 'ORG' ? m : null;
}

/** How many words of a title may stand before the person they name ("وزير الخارجية الروسي، سيرغي لافروف"). */
const TITLED_PERSON_REACH = 6;

/**
 * The person named after a title that starts at `t` ("وزير الخارجية الروسي، سيرغي لافروف",
 * "ونظيره الأمريكي، ريكس تيلرسون"): a title word first, then only words of the title (titles,
 * definite words, nationalities) and commas up to the person's name. Null when no person follows.
 */
export function titledPersonAt(ctx: DocumentContext, t: number, end: number): MentionOnTokens | null {
  if (t >= end || !(officeTitleAt(ctx, t) || isTitleWord(ctx, t))) return null;
  for (let k = t + 1; k < end && k <= t + TITLED_PERSON_REACH; k++) {
    const mi = ctx.mentionAt[k]!;
    if (mi !== -1) {
      const m = ctx.mentions[mi]!;
      return m.entity.type === 'PER' && !m.preposition ? m : null;
    }
    const norm = ctx.norms[k]!;
    if (norm === ',') continue;
    if (isPunct(ctx, k) || eventLexicon().prepositions.has(norm)) return null;
    if (!(officeTitleAt(ctx, k) || isTitleWord(ctx, k) || norm.startsWith('ال'))) return null;
  }
  return null;
}

/**
 * Whether the word at `t` heads a construct whose genitive follows it ("ممارسات حزب الله",
 * "مواقع داعش"): a plain word with no article and no preposition, no title, head of a subject,
 * count, date or the trigger's required word, nor a word that names someone unnamed ("مسؤول")
 * or heads a name ("تنظيم", "حركة").
 */
function constructHead(ctx: DocumentContext, t: number, match: TriggerMatch): boolean {
  const lex = eventLexicon();
  const norm = ctx.norms[t]!;
  if (ctx.mentionAt[t] !== -1 || ctx.doc.tokens.kind(t) !== TokenKind.Word || t === match.requiredToken || ctx.dateAt[t] === 1 || ctx.quantityAt[t] === 1) return false;
  if (norm.startsWith('ال') || lex.prepositions.has(norm) || lex.subjectHeads.has(norm) || lex.partitiveHeads.has(norm) || isTitleWord(ctx, t)) return false;
  if (stemIn(ctx, t, lex.anonymousSubjects) || stemIn(ctx, t, lex.indefiniteSubjects) || stemIn(ctx, t, lex.speechNouns)) return false;
  // "تنظيم داعش", "حركة النهضة": a noun that heads names is part of the name.
  const names = entityContext();
  if (names.nameHeads.has(norm) || names.refHeads.has(norm)) return false;
  return ctx.readingsOf(t).every((r) => r.proclitics.length === 0) && !ctx.readingsOf(t).some((r) => lex.subjectHeads.has(r.stem));
}

/** A nationality or a force joined to a subject before its verb ("والروسية", "السورية", "والطائرات"). */
function subjectConjunct(ctx: DocumentContext, t: number): boolean {
  if (ctx.mentionAt[t] !== -1) return false;
  const norm = ctx.norms[t]!;
  const bare = norm.startsWith('و') && norm.length > 3 ? norm.slice(1) : norm;
  if (institutionRules().demonyms.has(bare)) return true;
  const forces = eventLexicon().ownForceHeads;
  return bare !== norm && (forces.has(bare) || forces.has(bare.replace(/^ال/u, '')));
}

/** A definite adjective of relation ("العراقي", "الفرنسية"), as titles in apposition end. */
function nisbaAdjective(ctx: DocumentContext, t: number): boolean {
  const n = ctx.norms[t]!;
  return n.length > 4 && n.startsWith('ال') && (n.endsWith('ي') || n.endsWith('يه'));
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
    // "أكد أهمية …", "مؤكدين ضرورة …": a demand's word opens what is said.
    if (t === from && (eventLexicon().demandCues.has(norm) || stemIn(ctx, t, eventLexicon().demandCues))) return t;
    // "أنها", "بأنه": the marker with the pronoun of the clause's subject.
    const pronoun = /^(ب?ان)(ه|ها|هم|هما|نا)$/u.exec(norm);
    if (pronoun && (entry.contentMarkers.has(pronoun[1]!) || (pronoun[1] === 'بان' && entry.contentMarkers.has('ب')))) return t;
    const readings = ctx.readingsOf(t);
    if (readings.some((r) => r.proclitics.length > 0 && entry.contentMarkers.has(r.proclitics[r.proclitics[0] === 'و' ? 1 : 0] ?? ''))) {
      // "بحماية", "لحماية", "وبتعزيز": a marker fused to the word
      if (ctx.mentionAt[t] === -1) return t;
    }
    if (t === from && entry.recipient.object && ctx.mentionAt[t] === -1 && ctx.doc.tokens.kind(t) === TokenKind.Word) return t;
  }
  return null;
}
