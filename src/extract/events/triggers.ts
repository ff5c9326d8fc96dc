/**
 * Finding event triggers in a sentence: a word (with its clitics) that is a form of a trigger of
 * the lexicon, with the words it requires nearby.
 */
import type { Sentence } from '../../text/sentences.js';
import type { DocumentContext } from './context.js';
import { eventLexicon, maySpellTrigger, type CompiledTrigger, type FormKind } from './lexicon.js';

/** A trigger found in the text. */
export interface TriggerMatch {
  readonly entry: CompiledTrigger;
  readonly kind: FormKind;
  /** Token range of the trigger form [firstToken, endToken). */
  readonly firstToken: number;
  readonly endToken: number;
  /** The word the entry requires ("نداء" after "وجّه"), when it has one. */
  readonly requiredToken: number | null;
  /** The verb carries the future prefix: "سيواصل", "ستعمل". */
  readonly futurePrefix: boolean;
  /** The trigger's first word without the proclitics the match took off: "وستعلن" → "تعلن". */
  readonly bare: string;
  /** A pronoun is attached: "ندعوكم" (you), "طالبته" (him). */
  readonly attachedPronoun: boolean;
  /**
   * The form reads as a noun: a verbal noun of the lexicon, a bare past stem that is also a noun
   * ("دعم"), or a verb form right after a preposition ("في حثّ الدول"). Its actor must be named
   * right beside it.
   */
  readonly nounLike: boolean;
  /** The speaker speaks of themselves: "ندعو", "نحثكم", "طالبنا". */
  readonly firstPerson: boolean;
  /**
   * An active verb in the third person masculine singular ("دعا", "يطالب"): a body named with a
   * feminine ending after it ("دعا الحكومة") does not agree with it, so is its object.
   */
  readonly masculine: boolean;
  /**
   * The form can only be read as a passive: by its spelling ("أصيب", "هوجم", "يصاب"; see
   * passiveForms in lexicon.ts) or by its vowels ("قُتل", "اُعتقل", "استُهدف"). The word after
   * it is the one acted on, not the doer.
   */
  readonly passive: boolean;
  /** An active participle ("مطالباً", "داعياً"): its subject is its sentence's actor, the word after it its object. */
  readonly participle: boolean;
  /**
   * A verb of a stance right after a relative pronoun ("وزير الخارجية التركي الذي اتهم إيران",
   * "الجماعة التي بايعت داعش"): its subject, when none follows it, is the noun the clause describes.
   */
  readonly relative: boolean;
}

/**
 * Types whose verb after a relative pronoun still tells an act of its own: what someone said or
 * took a side in ("الذي اتهم", "التي بايعت", "التي تساند"). Acts of force and seizure after one
 * tell what is known ("المناطق التي تسيطر عليها", "الهجوم الذي شنه"), and are skipped.
 */
const RELATIVE_STANCES: ReadonlySet<string> = new Set(['ACCUSE', 'SUPPORT', 'REJECT', 'THREATEN', 'REQUEST', 'AID']);

/** Forms of كان before a predicate ("ستكون مطالبة", "يكون مؤكداً"). */
const PREDICATE_AUXILIARIES = new Set(['يكون', 'تكون', 'ستكون', 'سيكون', 'وستكون', 'وسيكون', 'يكونون', 'تكونان', 'كانا', 'ليكون', 'لتكون', 'تكون', 'اصبح', 'اصبحت', 'اضحى', 'اضحت', 'بات', 'باتت']);

const FATHA = 0x064e;
const DAMMA = 0x064f;
const KASRA = 0x0650;

/**
 * Whether a written verb carries the passive's vowels: a past with a damma on its first letter
 * ("قُتل", "ضُبط", "اُعتقل", "أُصيب") or on the infix ت of forms VIII and X ("اعتُقل", "استُهدف");
 * a present with a damma on its prefix and a fatha, no kasra, inside its stem ("يُقتَل", "تُستهدَف";
 * not the active "يُعلِن"). `surface` is the token as written, `proclitics` how many letters of
 * its normalised form are proclitics.
 */
function vocalisedPassive(surface: string, proclitics: number): boolean {
  // Letters with the marks that follow each one.
  const letters: { ch: string; marks: number[] }[] = [];
  for (const ch of surface) {
    const u = ch.codePointAt(0)!;
    if (u >= 0x064b && u <= 0x065f) letters.at(-1)?.marks.push(u);
    else if (u !== 0x0640) letters.push({ ch, marks: [] });
  }
  const word = letters.slice(proclitics);
  if (word.length < 3) return false;
  const first = word[0]!.ch;
  if ('يتن'.includes(first)) {
    if (!word[0]!.marks.includes(DAMMA)) return false;
    const inner = word.slice(2, -1);
    return inner.some((l) => l.marks.includes(FATHA)) && !inner.some((l) => l.marks.includes(KASRA));
  }
  if (word[0]!.marks.includes(DAMMA)) return true;
  if (first === 'ا' || first === 'إ') {
    // "اعتُقل": ا + C + ت; "استُهدف": ا + س + ت
    if (word[2]?.ch === 'ت' && word[2].marks.includes(DAMMA)) return true;
    if (word[1]?.ch === 'س' && word[2]?.ch === 'ت' && word[2].marks.includes(DAMMA)) return true;
  }
  return false;
}

/**
 * Proclitics a verb form may carry: conjunctions and the future prefix. Not ل: "ليطالب", "لشن"
 * say what something is for, not what happened.
 */
const VERB_PROCLITICS = new Set(['و', 'ف', 'س']);
/** Pronouns a verb takes as its object ("طالبته", "ندعوكم"); not ي ("إضافي" is not أضاف + ي). */
const VERB_OBJECT_PRONOUNS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كن', 'كما', 'ك', 'نا', 'ني']);

/**
 * The first word of `words` within `limit` words after `from` (a name counts as one word). With
 * `inNames`, a name's first word counts too: "فجر ليبيا" is a name that excludes a bombing, but
 * "نداء تونس" (a party) is no appeal a trigger requires.
 */
function hasWordWithin(ctx: DocumentContext, from: number, limit: number, sentenceEnd: number, words: ReadonlySet<string>, inNames = false): number | null {
  for (let t = from, seen = 0; t < sentenceEnd && seen < limit; seen++) {
    const mi = ctx.mentionAt[t]!;
    if (mi !== -1) {
      if (inNames && words.has(ctx.norms[t]!)) return t;
      t = Math.max(t + 1, ctx.mentions[mi]!.endToken);
      continue;
    }
    if (words.has(ctx.norms[t]!)) return t;
    for (const r of ctx.readingsOf(t)) if (words.has(r.stem) || (r.proclitics.includes('ال') && words.has('ال' + r.stem))) return t;
    t++;
  }
  return null;
}

/** Whether one of `words` (as written or without its clitics) is among the `limit` tokens before `t`. */
function hasWordBefore(ctx: DocumentContext, t: number, limit: number, sentenceStart: number, words: ReadonlySet<string>): boolean {
  for (let p = t - 1; p >= sentenceStart && p >= t - limit; p--) {
    if (words.has(ctx.norms[p]!)) return true;
    for (const r of ctx.readingsOf(p)) if (words.has(r.stem)) return true;
  }
  return false;
}

/** The token before `t`, skipping quote marks. */
function previousWord(ctx: DocumentContext, t: number, sentence: Sentence): number {
  let p = t - 1;
  while (p >= sentence.firstToken && ctx.norms[p] === '"') p--;
  return p;
}

/**
 * The triggers of one sentence, left to right, at most one per token. Tokens inside an entity
 * mention are never triggers ("الحشد" in "الحشد الشعبي").
 *
 * @example
 * findTriggers(ctx, sentence).map(m => m.entry.id)  // ['request/taalaba']
 */
export function findTriggers(ctx: DocumentContext, sentence: Sentence): TriggerMatch[] {
  const lexicon = eventLexicon();
  const found: TriggerMatch[] = [];
  // The word a trigger requires is part of it ("أجرى … محادثات", "شن … هجوماً"), no trigger of its own.
  const required = new Set<number>();
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    if (ctx.mentionAt[t] !== -1 || required.has(t) || !maySpellTrigger(lexicon, ctx.norms[t]!)) continue;
    const before = previousWord(ctx, t, sentence);
    const beforeNorm = before >= sentence.firstToken ? ctx.norms[before]! : '';
    // "المناطق التي تسيطر عليها", "الأراضي التي كانت تحتجزها داعش": a relative clause tells what
    // is known, not a new event (past an auxiliary after the pronoun).
    const afterRelative = lexicon.relativePronouns.has(beforeNorm);
    if (lexicon.auxiliaries.has(beforeNorm) && before > sentence.firstToken && lexicon.relativePronouns.has(ctx.norms[previousWord(ctx, before, sentence)] ?? '')) continue;
    let match: TriggerMatch | null = null;
    for (const reading of ctx.readingsOf(t)) {
      const forms = lexicon.byFirstWord.get(reading.stem);
      if (!forms) continue;
      for (const form of forms) {
        // After a relative pronoun only a verb of a stance, with no proclitic, is an act of its own.
        if (afterRelative && (form.kind !== 'verb' || form.participle || !RELATIVE_STANCES.has(form.entry.type) || reading.proclitics.length > 0)) continue;
        // A verb never takes the article or a preposition; a noun takes any proclitic.
        if (form.kind === 'verb' && !reading.proclitics.every((p) => VERB_PROCLITICS.has(p))) continue;
        if (form.kind === 'verb' && reading.enclitic !== null && !VERB_OBJECT_PRONOUNS.has(reading.enclitic)) continue;
        // Only a verb that takes an object takes an object pronoun ("سيطرته" is "its control").
        if (form.kind === 'verb' && reading.enclitic !== null && !form.entry.recipient.object) continue;
        // "الاجتماعي" is "social", not "my meeting": news has nisba adjectives, not a first-person "ي".
        if (form.kind === 'noun' && reading.enclitic === 'ي') continue;
        // "معلومات غير مؤكدة": a participle after غير is an adjective; after a number it is a
        // count ("40 رافضاً"); after "كان" or "تكون" it is a predicate ("ستكون مطالبة بالرد").
        if (form.participle && (beforeNorm === 'غير' || /^[0-9]+$/u.test(beforeNorm) || (before >= sentence.firstToken && ctx.quantityAt[before] === 1) || PREDICATE_AUXILIARIES.has(beforeNorm) || lexicon.auxiliaries.has(beforeNorm))) continue;
        // "تلك الهجمات": a noun after a demonstrative refers back to an event already told.
        if (form.kind === 'noun' && lexicon.demonstratives.has(beforeNorm)) continue;
        if (form.kind === 'noun' && reading.enclitic && form.words.length > 1) continue;
        // "مساندت" (of "مساندتها") spells a verbal noun in ة only with the pronoun it takes.
        if (form.construct && reading.enclitic === null) continue;
        const end = t + form.words.length;
        if (end > sentence.endToken) continue;
        let whole = true;
        for (let k = 1; k < form.words.length; k++) if (ctx.norms[t + k] !== form.words[k]) whole = false;
        if (!whole) continue;
        // "وقف إطلاق النار": a word before the form that gives it another sense.
        if (form.entry.excludes_before && hasWordBefore(ctx, t, form.entry.excludes_before.within, sentence.firstToken, form.entry.excludedBefore)) continue;
        // "بحثوا عن ملف": a word after the form that gives it another sense.
        if (form.entry.excludes && hasWordWithin(ctx, end, form.entry.excludes.within, sentence.endToken, form.entry.excludedWords, true) !== null) continue;
        let requiredToken: number | null = null;
        if (form.entry.requires) {
          requiredToken = hasWordWithin(ctx, end, form.entry.requires.within, sentence.endToken, form.entry.requiredWords);
          if (requiredToken === null) continue;
        }
        match = {
          entry: form.entry,
          kind: form.kind,
          firstToken: t,
          endToken: end,
          requiredToken,
          futurePrefix: reading.proclitics.includes('س'),
          bare: ctx.norms[t]!.slice(reading.proclitics.join('').length),
          // A noun the lexicon lists with its pronoun ("تضامنها", "استعداده") has it too.
          attachedPronoun: reading.enclitic !== null || (form.kind === 'noun' && listedWithPronoun(ctx, t, form.words)),
          // "دعمها" is as often "its support" as "supported it": like the bare stem, it needs a subject.
          nounLike:
            form.kind === 'noun' ||
            (form.words.length === 1 && form.entry.nounLikeForms.has(reading.stem)) ||
            lexicon.prepositions.has(beforeNorm),
          firstPerson: form.firstPerson,
          masculine: form.masculine && form.kind === 'verb' && !form.participle && !form.passive && form.words.length === 1,
          passive: form.passive || (form.kind === 'verb' && !form.participle && vocalisedPassive(ctx.doc.tokens.surface(t), reading.proclitics.join('').length)),
          participle: form.participle,
          relative: afterRelative,
        };
        break;
      }
      if (match) break;
    }
    if (match) {
      if (match.requiredToken !== null) required.add(match.requiredToken);
      found.push(match);
      t = match.endToken - 1;
    }
  }
  return found;
}

/** Pronouns of the third person a noun may end in that say whose it is: "تضامنها", "استعداده", "قواتهم". */
export const NOUN_PRONOUNS: ReadonlySet<string> = new Set(['ه', 'ها', 'هم', 'هما']);

/**
 * Whether a one-word noun form matched whole ends in a pronoun: the word reads as a stem with one
 * of those pronouns too (a final ة is never one: "مواجهة").
 */
function listedWithPronoun(ctx: DocumentContext, t: number, words: readonly string[]): boolean {
  return words.length === 1 && ctx.readingsOf(t).some((r) => r.enclitic !== null && NOUN_PRONOUNS.has(r.enclitic) && words[0]!.endsWith(r.enclitic));
}

/**
 * The entry whose verbal noun starts at token `t` (with any proclitics; a noun of several words
 * with all of them there, "العملية العدوانية"), whatever stands
 * before it: `findTriggers` skips a noun after a demonstrative ("هذا العدوان"), which refers back
 * to an act already told; this finds it, for the rules that need to know which act that is.
 */
export function actNounAt(ctx: DocumentContext, t: number): CompiledTrigger | null {
  const lexicon = eventLexicon();
  if (ctx.mentionAt[t] !== -1 || !maySpellTrigger(lexicon, ctx.norms[t]!)) return null;
  for (const reading of ctx.readingsOf(t)) {
    for (const form of lexicon.byFirstWord.get(reading.stem) ?? []) {
      if (form.kind !== 'noun' || form.participle) continue;
      // "العملية العدوانية": a noun of several words, all of them there.
      let whole = t + form.words.length <= ctx.norms.length;
      for (let k = 1; k < form.words.length && whole; k++) whole = ctx.norms[t + k] === form.words[k];
      if (whole) return form.entry;
    }
  }
  return null;
}
