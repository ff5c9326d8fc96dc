/**
 * The event lexicon, loaded from `data/ar/events/*.json` and compiled for matching: every trigger
 * form normalised and indexed, regular verbs inflected from their stems, and the forms an entry
 * asks for made from its stems by pattern rather than listed by hand: verbal nouns
 * (`masdar`: masdarForms), accusative active participles (`participle`: participleForms) and the
 * passives whose spelling differs from the active (passiveForms). Each indexed form says whether
 * it is a verb or a noun, a participle, a passive, a first person.
 */
import { z } from 'zod';
import { EVENT_TYPES, MODALITIES, type EventType } from '../record.js';
import { loadResource } from '../../lexicon/resources.js';
import { normalizeForm } from '../../text/normalize.js';
import { searchTerms } from '../../text/stem.js';

const TriggerSchema = z.object({
  id: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'an id is "<type>/<name>" in lower case'),
  type: z.enum(EVENT_TYPES),
  mode: z.string().optional(),
  modality: z.enum(MODALITIES).optional(),
  example: z.string().min(1),
  past: z.array(z.string().min(2)).optional(),
  present: z.array(z.string().min(2)).optional(),
  forms: z.array(z.string().min(1)).optional(),
  nouns: z.array(z.string().min(2)).optional(),
  masdar: z.boolean().optional(),
  participle: z.boolean().optional(),
  participles: z.array(z.string().min(2)).optional(),
  passive_past: z.array(z.string().min(2)).optional(),
  passive_present: z.array(z.string().min(2)).optional(),
  noun_needs_actor: z.boolean().optional(),
  past_is_noun: z.boolean().optional(),
  tenses: z.array(z.enum(['past', 'present'])).optional(),
  needs_subject: z.boolean().optional(),
  needs_recipient: z.boolean().optional(),
  noun_takes_sentence_actor: z.boolean().optional(),
  /** An act each side does to the other (a clash): told once, it is an event in each direction. */
  mutual: z.boolean().optional(),
  requires: z.object({ words: z.array(z.string().min(1)).min(1), within: z.number().int().min(1).max(12) }).optional(),
  excludes: z.object({ words: z.array(z.string().min(1)).min(1), within: z.number().int().min(1).max(12) }).optional(),
  excludes_before: z.object({ words: z.array(z.string().min(1)).min(1), within: z.number().int().min(1).max(4) }).optional(),
  recipient: z.object({ object: z.boolean(), prepositions: z.array(z.string()) }),
  content: z.array(z.string()),
});

const TriggersFileSchema = z.object({ description: z.string(), triggers: z.array(TriggerSchema).min(1) });

const ArgumentsSchema = z.object({
  description: z.string(),
  speechNouns: z.array(z.string().min(1)),
  reportedSpeech: z.array(z.string().min(1)),
  subjectHeads: z.array(z.string().min(1)),
  prepositions: z.array(z.string().min(1)),
  clauseBreaks: z.array(z.string().min(1)),
  negation: z.array(z.string().min(1)),
  future: z.array(z.string().min(1)),
  hypothetical: z.array(z.string().min(1)),
  modalityWindow: z.number().int().min(1).max(8),
  relativePronouns: z.array(z.string().min(1)),
  demonstratives: z.array(z.string().min(1)),
  auxiliaries: z.array(z.string().min(1)),
  firstPersonGovernors: z.array(z.string().min(1)),
  partitiveHeads: z.array(z.string().min(1)),
  rankWords: z.array(z.string().min(1)),
  governingVerbs: z.array(z.string().min(1)),
  governingParticiples: z.array(z.string().min(1)),
  anonymousSubjects: z.array(z.string().min(1)),
  indefiniteSubjects: z.array(z.string().min(1)),
  actorPlaces: z.array(z.string().regex(/^loc:[a-z0-9:-]+$/, 'a place id of the gazetteer')),
  patientNouns: z.array(z.string().min(2)),
  actorlessTypes: z.array(z.enum(EVENT_TYPES)),
  claims: z.array(z.string().min(2)),
  holderCues: z.array(z.string().min(2)),
  liberationCues: z.array(z.string().min(2)),
  perpetrationVerbs: z.array(z.string().min(2)),
  titles: z.array(z.string().min(2)),
  officeTitles: z.array(z.string().min(2)),
  demandCues: z.array(z.string().min(1)),
  accusationCues: z.array(z.string().min(2)),
  tollWords: z.array(z.string().min(2)),
  kinHeads: z.array(z.string().min(2)),
  affiliationWords: z.array(z.string().min(2)),
  belongingVerbs: z.array(z.string().min(2)),
  narrativeFormulas: z.array(z.string().min(2)),
  threatConditions: z.array(z.string().min(2)),
  forceWords: z.array(z.string().min(2)),
  ownForceHeads: z.array(z.string().min(2)),
  occurrenceVerbs: z.array(z.string().min(2)),
  stateHeads: z.array(z.string().min(2)),
  lightVerbs: z.array(z.string().min(2)),
  prepositionalCarriers: z.array(z.object({ preposition: z.string().min(1), verbs: z.array(z.string().min(2)).min(1) })),
  targetHeads: z.array(z.string().min(2)),
  attributions: z.array(z.string().min(2)),
  passiveDoers: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  instrumentPrepositions: z.array(z.string().min(1)),
  recipientFrames: z.partialRecord(z.enum(EVENT_TYPES), z.object({ object: z.boolean(), prepositions: z.array(z.string().min(1)) })),
});

const TopicsSchema = z.object({
  description: z.string(),
  maxGap: z.number().int().min(0).max(5),
  topics: z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string().min(1)).min(1)),
  byRecipient: z.record(z.string(), z.array(z.string())),
});

const ModesSchema = z.object({
  description: z.string(),
  modes: z.partialRecord(z.enum(EVENT_TYPES), z.record(z.string(), z.array(z.string()))),
  defaults: z.partialRecord(z.enum(EVENT_TYPES), z.string()),
});

const ContextsSchema = z.object({
  description: z.string(),
  byType: z.partialRecord(z.enum(EVENT_TYPES), z.array(z.string())),
  byTopic: z.record(z.string(), z.array(z.string())),
  byActor: z.record(z.string(), z.array(z.string())),
});

export type TriggerEntry = z.infer<typeof TriggerSchema>;

/** How a form was made: verbs and nouns behave differently (nouns need an actor nearby). */
export type FormKind = 'verb' | 'noun';

/** One trigger form: its words (normalised) and the entry it belongs to. */
export interface TriggerForm {
  readonly words: readonly string[];
  readonly kind: FormKind;
  /** The speaker speaks of themselves: "ندعو", "نطالب", "طالبنا". */
  readonly firstPerson: boolean;
  /** A verb in the third person masculine singular ("دعا", "يطالب"): its subject agrees with it. */
  readonly masculine: boolean;
  /** The spelling can only be passive ("أصيب", "هوجم", "يصاب"): its object is the one acted on. */
  readonly passive: boolean;
  /**
   * An active participle in the accusative ("مطالباً", "مؤكداً"): it reads as a verb whose
   * subject is its sentence's actor, never the word after it (that is its object).
   */
  readonly participle: boolean;
  /**
   * A verbal noun in ة spelt as it is before a pronoun ("مساندت" of "مساندتها", "مطالبت" of
   * "مطالبته"): it matches only with the pronoun attached.
   */
  readonly construct: boolean;
  readonly entry: CompiledTrigger;
}

export interface CompiledTrigger extends TriggerEntry {
  /** Rule id on the record: "ar/events/request/daa". */
  readonly rule: string;
  readonly requiredWords: ReadonlySet<string>;
  readonly excludedWords: ReadonlySet<string>;
  /** Words that, just before the trigger, give it another sense ("وقف إطلاق النار" is a truce). */
  readonly excludedBefore: ReadonlySet<string>;
  readonly recipientPrepositions: ReadonlySet<string>;
  readonly contentMarkers: ReadonlySet<string>;
  /**
   * Where the recipient stands: the entry's own frame, or, when the entry names none (no object,
   * no preposition), its type's frame (arguments.json `recipientFrames`).
   */
  readonly frame: { readonly object: boolean; readonly prepositions: ReadonlySet<string> };
  /** Normalised bare past stems that also read as nouns (when `past_is_noun`). */
  readonly nounLikeForms: ReadonlySet<string>;
}

/** A cue phrase as a sequence of word-stem alternatives. */
export type Cue = readonly (readonly string[])[];

export interface EventLexicon {
  /** Forms by their first (normalised) word. */
  readonly byFirstWord: ReadonlyMap<string, readonly TriggerForm[]>;
  readonly triggers: readonly CompiledTrigger[];
  readonly speechNouns: ReadonlySet<string>;
  readonly reportedSpeech: readonly (readonly string[])[];
  readonly subjectHeads: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly clauseBreaks: ReadonlySet<string>;
  readonly negation: ReadonlySet<string>;
  readonly future: ReadonlySet<string>;
  readonly hypothetical: readonly (readonly string[])[];
  readonly modalityWindow: number;
  readonly relativePronouns: ReadonlySet<string>;
  readonly demonstratives: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  readonly firstPersonGovernors: ReadonlySet<string>;
  readonly partitiveHeads: ReadonlySet<string>;
  /** Words of rank and number inside a chain of titles before a body ("أحد أبرز قادة"). */
  readonly rankWords: ReadonlySet<string>;
  readonly governingVerbs: ReadonlySet<string>;
  /** Participles of those verbs ("مجدداً الدعوة", "معبراً عن استعداده"): the sentence's actor does the act noun after them. */
  readonly governingParticiples: ReadonlySet<string>;
  readonly anonymousSubjects: ReadonlySet<string>;
  readonly indefiniteSubjects: ReadonlySet<string>;
  /** Places (capitals) that stand for their government when they act: "أنقرة تهدد". */
  readonly actorPlaces: ReadonlySet<string>;
  /** Verbal nouns whose genitive is the one acted upon ("اعتقال قيادي"). */
  readonly patientNouns: ReadonlySet<string>;
  /** Types whose noun triggers are events with no doer named ("قُتل خمسة في هجوم"). */
  readonly actorlessTypes: ReadonlySet<EventType>;
  /** Words of a claim of responsibility ("تبنى", "مسؤوليته"). */
  readonly claims: ReadonlySet<string>;
  /** Words right before the one who holds a place ("تحت سيطرة داعش", "يسيطر عليها التنظيم", "بيد مسلحي التنظيم"). */
  readonly holderCues: ReadonlySet<string>;
  /** Words of taking a place back ("تحرير", "استعادة"): an act they name is done to the place's holder. */
  readonly liberationCues: ReadonlySet<string>;
  /** Verbs naming the doer of an act told as a noun ("هجوم شنه داعش"). */
  readonly perpetrationVerbs: ReadonlySet<string>;
  /** Nouns for what an attack hits that belong to an actor ("مواقع داعش", "مقرات لداعش"). */
  readonly targetHeads: ReadonlySet<string>;
  /** Verbs that carry an act told as a noun after them ("نفذت الشرطة عملية دهم"). */
  readonly lightVerbs: ReadonlySet<string>;
  /** Verbs that carry an act noun through their own preposition ("تمكنت الشرطة من اعتقال"), to that preposition. */
  readonly prepositionalCarriers: ReadonlyMap<string, string>;
  /** Words before an act noun that make it a state or a kind of thing ("رهن الاحتجاز", "مراكز الاحتجاز"). */
  readonly stateHeads: ReadonlySet<string>;
  /** Words that make what is said a demand ("ضرورة", "يجب", "إن على X أن"). */
  readonly demandCues: ReadonlySet<string>;
  /** Words that make what is said an accusation of the party named beside them ("انتهاك", "تقف وراء", "ادعاءات"). */
  readonly accusationCues: ReadonlySet<string>;
  /** Words of a toll ("حصيلة", "قتلاها"): what is said of one reports facts, no position. */
  readonly tollWords: ReadonlySet<string>;
  /** Nouns of kin and relation before a person ("والد سلمان"): the phrase names someone else. */
  readonly kinHeads: ReadonlySet<string>;
  /** Participles of belonging before إلى / ل ("المنتمين إلى", "التابعين لـ"): the people so described stand for the body named after. */
  readonly affiliationWords: ReadonlySet<string>;
  /** Verbs of belonging or joining ("ينتمي إلى", "انضم إلى"): said of someone and an armed group, a charge. */
  readonly belongingVerbs: ReadonlySet<string>;
  /** The article's own asides ("يذكر أن", "يشار إلى أن"): what follows is told by the article, not reported speech. */
  readonly narrativeFormulas: ReadonlySet<string>;
  /** Conditions that make what is said a threat ("وإلا", "ما لم", "إذا"), as normalised words joined by a space. */
  readonly threatConditions: ReadonlySet<string>;
  /** Nouns of fighting a vow may name ("تعهد بمحاربة التنظيم"): the vow threatens the one fought. */
  readonly forceWords: ReadonlySet<string>;
  /** Nouns for a body's forces that, with its pronoun, stand for it ("أن طائراتها قصفت"). */
  readonly ownForceHeads: ReadonlySet<string>;
  /** Verbs of taking place ("اندلعت", "جرت", "وقعت"): an act noun beside one is told as having happened. */
  readonly occurrenceVerbs: ReadonlySet<string>;
  /** Role nouns heading an apposition or naming a member of a body ("زعيم داعش", "قائداً في داعش"). */
  readonly titles: ReadonlySet<string>;
  /** Titles of an office that, with a nationality, name a party with no name ("وزير الخارجية التركي", "نظيره الروسي"). */
  readonly officeTitles: ReadonlySet<string>;
  /** "حسب ما", "على ما": before a verb of saying, it is the source of what is told, no statement. */
  readonly attributions: ReadonlySet<string>;
  /** "على يد", "من قبل": the nouns (keyed by their preposition) before a passive's doer. */
  readonly passiveDoers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Prepositions before an attack noun that tells how a passive act was done ("في غارة"). */
  readonly instrumentPrepositions: ReadonlySet<string>;
  readonly topicCues: ReadonlyMap<string, readonly Cue[]>;
  readonly maxGap: number;
  readonly topicsByRecipient: ReadonlyMap<string, readonly string[]>;
  readonly modeCues: ReadonlyMap<EventType, ReadonlyMap<string, readonly Cue[]>>;
  readonly modeDefaults: ReadonlyMap<EventType, string>;
  readonly contextsByType: ReadonlyMap<EventType, readonly string[]>;
  readonly contextsByTopic: ReadonlyMap<string, readonly string[]>;
  readonly contextsByActor: ReadonlyMap<string, readonly string[]>;
}

/**
 * Person and number endings. The dual endings "ا", "تا" are left out: "دعماً", "تأكيداً" (a
 * verbal noun with its accusative alef) are far more common in news than a dual verb.
 */
const PAST_SUFFIXES = ['', 'ت', 'وا', 'ن', 'نا', 'تم', 'تن'];
const PRESENT_PREFIXES = ['ي', 'ت', 'ن', 'ا'];
const PRESENT_SUFFIXES = ['', 'ون', 'ان', 'ين', 'ن', 'وا'];

/** An inflected form with its tense and whether it is first person. */
export interface Inflected {
  readonly form: string;
  readonly tense: 'past' | 'present';
  readonly firstPerson: boolean;
  /** Third person masculine singular: the bare past stem, or the present with ي and no suffix. */
  readonly masculine: boolean;
}

/** Verbal nouns whose final ه is no ة, so they have no form in ت ("توجيه", "تنبيه", "اتجاه"). */
const NON_TA_MARBUTA = new Set(['توجيه', 'تنبيه', 'اتجاه', 'تشويه', 'تمويه']);

/**
 * Whether a written-out form is third person masculine singular: the entry's first form when it
 * has no ending or prefix of another person (its past "دعا", "أدان", or present "يتطلع"; not
 * "هنأت"), a present with ي and no suffix ("يدعو"), or a past with no prefix or suffix of person
 * ("دان" beside "دانت", "دانوا").
 */
export function writtenMasculine(form: string, base: string): boolean {
  if (form === base) return !/(ت|وا|تم|تن|نا|ون)$/u.test(form) && !/^[تن]/u.test(form);
  if (form.startsWith('ي')) return !/(ون|ان|وا)$/u.test(form);
  return !/^[تناي]/u.test(form) && !/(ت|وا|ا|نا|تم|تن)$/u.test(form);
}

/**
 * The inflected forms of a regular verb from its past and present stems.
 *
 * @example
 * inflect(['طالب'], ['طالب']).map(f => f.form).includes('يطالبون')  // true
 */
export function inflect(past: readonly string[], present: readonly string[]): Inflected[] {
  const out = new Map<string, Inflected>();
  for (const p of past.map((s) => normalizeForm(s))) {
    for (const suf of PAST_SUFFIXES) out.set(p + suf, { form: p + suf, tense: 'past', firstPerson: suf === 'نا', masculine: suf === '' });
  }
  for (const s of present.map((x) => normalizeForm(x))) {
    for (const pre of PRESENT_PREFIXES) {
      for (const suf of PRESENT_SUFFIXES) {
        const form = pre + s + suf;
        if (!out.has(form)) out.set(form, { form, tense: 'present', firstPerson: pre === 'ن' || (pre === 'ا' && suf === ''), masculine: pre === 'ي' && suf === '' });
      }
    }
  }
  return [...out.values()];
}

/**
 * Passive spellings that differ from the active. Unvocalised Arabic writes most passives as it
 * writes the active (قتل is قَتل and قُتل, اعتقل is اعتقل and اُعتقل, يقتل is يَقتل and يُقتل), so
 * only these are generated:
 * - form III: فاعَل → فوعِل ("هاجم" → "هوجم", "طالب" → "طولب", "حاصر" → "حوصر"), by rule from
 *   every four-letter past stem with alef as its second letter;
 * - hollow and defective verbs: the stems `passive_past` ("أصيب", "اغتيل") and `passive_present`
 *   ("صاب": "يصاب") of an entry.
 * Only third persons are made: news tells what was done to others. A form III verb opening with
 * و makes none ("ووفق" is "and according to" before it is "was agreed with"). A vocalised passive
 * ("قُتل", "اُعتقل", "استُهدف") is read off its damma when the text is matched (see triggers.ts).
 */
const PASSIVE_PAST_SUFFIXES = ['', 'ت', 'وا'];
const PASSIVE_PRESENT_PREFIXES = ['ي', 'ت'];
const PASSIVE_PRESENT_SUFFIXES = ['', 'ون', 'ان'];

/**
 * The passive forms of a verb whose spelling is not the active's.
 *
 * @example
 * passiveForms(['هاجم'], [], []).includes('هوجمت')  // true
 * passiveForms([], ['أصيب'], ['صاب']).includes('يصابون')  // true
 */
export function passiveForms(past: readonly string[], passivePast: readonly string[], passivePresent: readonly string[]): string[] {
  const out = new Set<string>();
  const stems = passivePast.map((s) => normalizeForm(s));
  for (const p of past.map((s) => normalizeForm(s))) if (p.length === 4 && p[1] === 'ا' && p[0] !== 'ا' && p[0] !== 'و') stems.push(p[0] + 'و' + p.slice(2));
  for (const p of stems) for (const suf of PASSIVE_PAST_SUFFIXES) out.add(p + suf);
  for (const s of passivePresent.map((x) => normalizeForm(x))) {
    for (const pre of PASSIVE_PRESENT_PREFIXES) for (const suf of PASSIVE_PRESENT_SUFFIXES) out.add(pre + s + suf);
  }
  return [...out];
}

/**
 * The verbal noun (masdar) of a past stem, by its pattern, with its plural and accusative:
 * - a stem opening with alef (forms IV, VII, VIII, X) lengthens its last syllable: "أفرج" →
 *   "إفراج", "انسحب" → "انسحاب", "اعتقل" → "اعتقال", "اتهم" → "اتهام", "استهدف" → "استهداف";
 * - form III فاعل → مفاعلة: "طالب" → "مطالبة", "داهم" → "مداهمة";
 * - a three-letter stem is taken as form II فعّل → تفعيل: "فجر" → "تفجير", "وزع" → "توزيع" (a
 *   form I verb's masdar is not predictable: list it under `nouns` instead).
 * Forms V and VI (تفعّل، تفاعل) are their own masdar, as the past stem (`past_is_noun`).
 *
 * @example
 * masdarForms('اعتقل')  // ['اعتقال', 'اعتقالات', 'اعتقالا']
 */
export function masdarForms(past: string): string[] {
  const p = normalizeForm(past);
  let m: string | null = null;
  if (p.length >= 4 && p[0] === 'ا') m = p.slice(0, -1) + 'ا' + p.slice(-1);
  else if (p.length === 4 && p[1] === 'ا') m = 'م' + p + 'ه';
  else if (p.length === 3) m = 'ت' + p.slice(0, 2) + 'ي' + p[2];
  if (!m) return [];
  return m.endsWith('ه') ? [m, m.slice(0, -1) + 'ات'] : [m, m + 'ات', m + 'ا'];
}

/**
 * The accusative active participle of a derived verb, from its present stem: م + stem
 * ("طالب" → "مطالباً", "ؤكد" → "مؤكداً", "ستنكر" → "مستنكراً"), masculine, feminine and plural.
 * Form I participles (فاعل: "رافضاً") are not made this way: they are written out in `forms`.
 *
 * @example
 * participleForms(['حذر'])  // ['محذرا', 'محذره', 'محذرين']
 */
export function participleForms(present: readonly string[]): string[] {
  return present.flatMap((s) => {
    const m = 'م' + normalizeForm(s);
    return [m + 'ا', m + 'ه', m + 'ين'];
  });
}

const words = (phrase: string) => normalizeForm(phrase).split(/\s+/u).filter(Boolean);

/** A cue's words as stem alternatives (every search term of each word). */
function cueOf(phrase: string): Cue {
  return words(phrase).map((w) => searchTerms(w));
}

let compiled: EventLexicon | undefined;

/**
 * Whether a normalised word may be a trigger form once its clitics are off: every reading's
 * stem is the word with up to three letters off its start and up to four off its end, so a word
 * none of whose such trims is a first word of the lexicon needs no clitic analysis at all.
 */
export function maySpellTrigger(lexicon: EventLexicon, word: string): boolean {
  // News repeats its words: the answer is remembered per word (a bounded memo, cleared when full).
  const known = spellMemo.get(word);
  if (known !== undefined && spellMemoOf === lexicon) return known;
  if (spellMemoOf !== lexicon || spellMemo.size >= SPELL_MEMO_SIZE) {
    spellMemo.clear();
    spellMemoOf = lexicon;
  }
  let may = false;
  for (let i = 0; i <= 3 && i < word.length && !may; i++) {
    for (let j = 0; j <= 4 && i + j < word.length; j++) {
      if (lexicon.byFirstWord.has(word.slice(i, word.length - j))) {
        may = true;
        break;
      }
    }
  }
  spellMemo.set(word, may);
  return may;
}

const SPELL_MEMO_SIZE = 200_000;
const spellMemo = new Map<string, boolean>();
let spellMemoOf: EventLexicon | undefined;

/** Loads and compiles the event lexicon once. */
export function eventLexicon(): EventLexicon {
  if (compiled) return compiled;
  const file = loadResource('ar/events/triggers.json', TriggersFileSchema);
  const args = loadResource('ar/events/arguments.json', ArgumentsSchema);
  const topics = loadResource('ar/events/topics.json', TopicsSchema);
  const modes = loadResource('ar/events/modes.json', ModesSchema);
  const contexts = loadResource('ar/events/contexts.json', ContextsSchema);

  for (const [id, list] of Object.entries(topics.byRecipient)) {
    for (const t of list) if (!(t in topics.topics)) throw new Error(`data/ar/events/topics.json: byRecipient.${id}: unknown topic "${t}"`);
  }
  const ids = new Set<string>();
  const byFirstWord = new Map<string, TriggerForm[]>();
  const triggers: CompiledTrigger[] = [];
  const frameOf = (t: TriggerEntry) => {
    const own = t.recipient.object || t.recipient.prepositions.length > 0 ? t.recipient : args.recipientFrames[t.type];
    return { object: own?.object ?? false, prepositions: new Set((own?.prepositions ?? []).map((w) => normalizeForm(w))) };
  };
  for (const t of file.triggers) {
    if (ids.has(t.id)) throw new Error(`data/ar/events/triggers.json: trigger id "${t.id}" is used twice`);
    ids.add(t.id);
    const entry: CompiledTrigger = {
      ...t,
      rule: `ar/events/${t.id}`,
      requiredWords: new Set((t.requires?.words ?? []).map((w) => normalizeForm(w))),
      excludedWords: new Set((t.excludes?.words ?? []).map((w) => normalizeForm(w))),
      excludedBefore: new Set((t.excludes_before?.words ?? []).map((w) => normalizeForm(w))),
      recipientPrepositions: new Set(t.recipient.prepositions.map((w) => normalizeForm(w))),
      frame: frameOf(t),
      contentMarkers: new Set(t.content.map((w) => normalizeForm(w))),
      nounLikeForms: new Set(t.past_is_noun ? (t.past ?? []).map((w) => normalizeForm(w)) : []),
    };
    triggers.push(entry);
    const add = (form: string, kind: FormKind, firstPerson: boolean, passive = false, participle = false, masculine = false, construct = false) => {
      const ws = words(form);
      if (ws.length === 0) return;
      const list = byFirstWord.get(ws[0]!) ?? [];
      if (!list.some((f) => f.entry === entry && f.kind === kind && f.words.join(' ') === ws.join(' '))) list.push({ words: ws, kind, firstPerson, masculine, passive, participle, construct, entry });
      byFirstWord.set(ws[0]!, list);
    };
    for (const f of inflect(t.past ?? [], t.present ?? [])) {
      if (!t.tenses || t.tenses.includes(f.tense)) add(f.form, 'verb', f.firstPerson, false, false, f.masculine);
    }
    // Written-out forms: first person when it starts with ن and the verb itself does not ("ندعو"
    // beside "دعا"; not "نفى"), or ends with the past "نا" ("دعونا").
    const base = normalizeForm(t.forms?.[0] ?? '');
    for (const f of t.forms ?? []) {
      const n = normalizeForm(f);
      add(f, 'verb', (n.startsWith('ن') && !base.startsWith('ن')) || (n.endsWith('نا') && n !== base), false, false, writtenMasculine(n, base));
    }
    // Generated passives, participles and verbal nouns (see passiveForms, participleForms, masdarForms).
    for (const f of passiveForms(t.past ?? [], t.passive_past ?? [], t.passive_present ?? [])) add(f, 'verb', false, true);
    const nouns = new Set((t.nouns ?? []).map((n) => normalizeForm(n)));
    const masdars = t.masdar ? (t.past ?? []).flatMap((p) => masdarForms(p)) : [];
    for (const m of masdars) nouns.add(m);
    // A participle spelt like a verbal noun ("مطالبة") is both: the participle where it takes no
    // article ("…، مطالبةً الدول بـ"), the noun with one or after a preposition.
    if (t.participle) for (const f of participleForms(t.present ?? [])) add(f, 'verb', false, false, true);
    for (const f of t.participles ?? []) add(f, 'verb', false, false, true);
    for (const n of nouns) add(n, 'noun', false);
    // "مساندتها", "مطالبته", "إدانتهم": a one-word noun in ة takes its pronoun after ت.
    for (const n of nouns) if (!n.includes(' ') && n.length > 3 && n.endsWith('ه') && !NON_TA_MARBUTA.has(n)) add(n.slice(0, -1) + 'ت', 'noun', false, false, false, false, true);
  }
  // Longer forms first, so "ضربة جوية" is tried before "ضربة".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const set = (xs: readonly string[]) => new Set(xs.map((x) => normalizeForm(x)));
  compiled = {
    byFirstWord,
    triggers,
    speechNouns: set(args.speechNouns),
    reportedSpeech: args.reportedSpeech.map(words),
    subjectHeads: set(args.subjectHeads.flatMap((h) => words(h))),
    prepositions: set(args.prepositions),
    clauseBreaks: set(args.clauseBreaks),
    negation: set(args.negation),
    future: set(args.future),
    hypothetical: args.hypothetical.map(words),
    modalityWindow: args.modalityWindow,
    relativePronouns: set(args.relativePronouns),
    demonstratives: set(args.demonstratives),
    auxiliaries: set(args.auxiliaries),
    firstPersonGovernors: set(args.firstPersonGovernors),
    partitiveHeads: set(args.partitiveHeads),
    rankWords: set(args.rankWords),
    governingVerbs: set(args.governingVerbs),
    governingParticiples: set(args.governingParticiples),
    anonymousSubjects: set(args.anonymousSubjects),
    indefiniteSubjects: set(args.indefiniteSubjects),
    actorPlaces: new Set(args.actorPlaces),
    patientNouns: set(args.patientNouns),
    actorlessTypes: new Set(args.actorlessTypes),
    claims: set(args.claims),
    holderCues: set(args.holderCues),
    liberationCues: set(args.liberationCues),
    perpetrationVerbs: set(args.perpetrationVerbs),
    titles: set(args.titles),
    officeTitles: set(args.officeTitles),
    demandCues: set(args.demandCues),
    accusationCues: new Set(args.accusationCues.map((c) => words(c).join(' '))),
    tollWords: set(args.tollWords),
    kinHeads: set(args.kinHeads),
    affiliationWords: set(args.affiliationWords),
    belongingVerbs: set(args.belongingVerbs),
    narrativeFormulas: set(args.narrativeFormulas),
    threatConditions: new Set(args.threatConditions.map((c) => words(c).join(' '))),
    forceWords: set(args.forceWords),
    ownForceHeads: set(args.ownForceHeads),
    occurrenceVerbs: set(args.occurrenceVerbs),
    stateHeads: set(args.stateHeads),
    lightVerbs: set(args.lightVerbs),
    prepositionalCarriers: new Map(args.prepositionalCarriers.flatMap((c) => [...set(c.verbs)].map((v) => [v, normalizeForm(c.preposition)] as const))),
    targetHeads: set(args.targetHeads),
    attributions: set(args.attributions),
    passiveDoers: (() => {
      const m = new Map<string, Set<string>>();
      for (const [prep, noun] of args.passiveDoers) m.set(normalizeForm(noun), new Set([...(m.get(normalizeForm(noun)) ?? []), normalizeForm(prep)]));
      return m;
    })(),
    instrumentPrepositions: set(args.instrumentPrepositions),
    topicCues: new Map(Object.entries(topics.topics).map(([id, cues]) => [id, cues.map(cueOf)])),
    maxGap: topics.maxGap,
    topicsByRecipient: new Map(Object.entries(topics.byRecipient)),
    modeCues: new Map(
      Object.entries(modes.modes).map(([type, m]) => [type as EventType, new Map(Object.entries(m).map(([mode, cues]) => [mode, cues.map(cueOf)]))]),
    ),
    modeDefaults: new Map(Object.entries(modes.defaults) as [EventType, string][]),
    contextsByType: new Map(Object.entries(contexts.byType) as [EventType, string[]][]),
    contextsByTopic: new Map(Object.entries(contexts.byTopic)),
    contextsByActor: new Map(Object.entries(contexts.byActor)),
  };
  return compiled;
}
