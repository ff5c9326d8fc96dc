/**
 * Context rules for names, from `data/ar/entity-context.json`: the words that announce a place
 * or a person, and the names that are also common words and so need such context.
 *
 * "الباب" is a town of Aleppo and "the door" ("فتح الباب أمام ..."); "جمعة" is a man's name and
 * "Friday"; "سلام" is a name and "peace". A name on the list counts only with context:
 * - a place: right after a place cue ("مدينة الباب", "ناحية العدل"), or after a locative ("في
 *   الباب") once the article has named it after a cue;
 * - a person: right after a person cue ("السيد جمعة"), or inside a longer name ("أمل محمد").
 */
import { z } from 'zod';
import { NormalizedFormSchema } from '../../lexicon/forms.js';
import { PLACE_KINDS, type PlaceKind } from '../../lexicon/gazetteer.js';
import { loadResource } from '../../lexicon/resources.js';

const uniqueForms = z
  .array(NormalizedFormSchema.or(z.string().length(1)))
  .refine((a) => new Set(a).size === a.length, { message: 'a form is listed twice' });

/** The file of context rules (its description says what each list is). */
export const EntityContextSchema = z
  .object({
    description: z.string(),
    placeCues: z.record(NormalizedFormSchema, z.array(z.enum(PLACE_KINDS))),
    personCues: uniqueForms,
    placeWords: uniqueForms,
    personWords: uniqueForms,
    locatives: uniqueForms,
    refHeads: uniqueForms,
    nameHeads: z.object({ ORG: uniqueForms, LOC: uniqueForms }).strict(),
    kunyas: uniqueForms,
    aliasCues: uniqueForms,
    mediaHeads: uniqueForms,
    partyHeads: z.object({ named: uniqueForms, referred: uniqueForms, notNames: uniqueForms }).strict(),
    agencies: z.object({ heads: uniqueForms, missions: uniqueForms }).strict(),
  })
  .strict();

/** The context rules, as sets for lookup. */
export interface EntityContext {
  /** Cue word → the kinds of place it announces (empty: any). */
  readonly placeCues: ReadonlyMap<string, readonly PlaceKind[]>;
  readonly personCues: ReadonlySet<string>;
  readonly placeWords: ReadonlySet<string>;
  readonly personWords: ReadonlySet<string>;
  readonly locatives: ReadonlySet<string>;
  /** Head nouns of organisation names whose article form refers back ("هيئه" → "الهيئه"). */
  readonly refHeads: ReadonlySet<string>;
  /** Nouns heading a name the tagger finds without them, by the type of the whole name. */
  readonly nameHeads: ReadonlyMap<string, 'ORG' | 'LOC'>;
  /** Words opening a kunya ("ابو"): alone, no name. */
  readonly kunyas: ReadonlySet<string>;
  /** Words between a person's name and another name of theirs ("الملقب"). */
  readonly aliasCues: ReadonlySet<string>;
  /** Nouns heading the name of an outlet ("صحيفه", "وكاله"): an organisation so named reports the news (sector MED). */
  readonly mediaHeads: ReadonlySet<string>;
  /**
   * Nouns heading a party's or movement's name ("حزب"), those that do so only when the article
   * refers back with them alone ("حركه" … "الحركه"), and words after such a head that name no body ("السير").
   */
  readonly partyHeads: { readonly named: ReadonlySet<string>; readonly referred: ReadonlySet<string>; readonly notNames: ReadonlySet<string> };
  /** Heads and missions of a body named by what it fights ("مكتب" + "مكافحه" + "الجريمه"). */
  readonly agencies: { readonly heads: ReadonlySet<string>; readonly missions: ReadonlySet<string> };
}

let cached: EntityContext | undefined;

/**
 * The context rules (loaded once).
 *
 * @example
 * entityContext().placeCues.get('مدينه')  // ['city']
 */
export function entityContext(): EntityContext {
  if (cached) return cached;
  const data = loadResource('ar/entity-context.json', EntityContextSchema);
  return (cached = {
    placeCues: new Map(Object.entries(data.placeCues)),
    personCues: new Set(data.personCues),
    placeWords: new Set(data.placeWords),
    personWords: new Set(data.personWords),
    locatives: new Set(data.locatives),
    refHeads: new Set(data.refHeads),
    nameHeads: new Map([...data.nameHeads.ORG.map((h) => [h, 'ORG'] as const), ...data.nameHeads.LOC.map((h) => [h, 'LOC'] as const)]),
    kunyas: new Set(data.kunyas),
    aliasCues: new Set(data.aliasCues),
    mediaHeads: new Set(data.mediaHeads),
    partyHeads: { named: new Set(data.partyHeads.named), referred: new Set(data.partyHeads.referred), notNames: new Set(data.partyHeads.notNames) },
    agencies: { heads: new Set(data.agencies.heads), missions: new Set(data.agencies.missions) },
  });
}
