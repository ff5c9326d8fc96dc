/**
 * The actor lexicon: organisations, armed groups, governments and people of the domain, with
 * every Arabic name news uses for them. It lives in `data/ar/actors/*.json`, one file per
 * group of actors, each validated here; ids are unique across files.
 *
 * One actor is one real-world actor, whatever an outlet calls it: "قسد", "قوات سوريا
 * الديمقراطية" and "#قوات_سوريا_الديمقراطية" are aliases of `org:sdf`; the label an outlet used
 * stays on each mention of the record.
 */
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { MarsadError } from '../errors.js';
import { CountryCodeSchema, NormalizedFormSchema, PartialDateSchema, dateWithin } from './forms.js';
import { dataPath, loadResource } from './resources.js';

/**
 * Actor sectors, after PLOVER/POLECAT's actor types: government, military, police, intelligence,
 * judiciary, legislature, rebels and armed non-state groups, political opposition, parties,
 * intergovernmental and non-governmental organisations, media, religious bodies, education,
 * business, civilians, criminals.
 */
export const ACTOR_SECTORS = ['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'REB', 'OPP', 'PTY', 'IGO', 'NGO', 'MED', 'REL', 'EDU', 'BUS', 'CVL', 'CRM'] as const;
export type ActorSector = (typeof ACTOR_SECTORS)[number];

/** A role a person held, from–to (to null: still held, or end unknown). */
export const RoleSchema = z.object({
  title: z.object({ ar: z.string().min(2).optional(), en: z.string().min(2) }),
  /** The actor the role is held in ("org:us-state-dept"). */
  of: z.string().optional(),
  from: PartialDateSchema.nullable(),
  to: PartialDateSchema.nullable(),
});
export type Role = z.infer<typeof RoleSchema>;

/** An alias that only names the actor when a cue word stands in the same sentence. */
export const CuedAliasSchema = z.object({
  form: NormalizedFormSchema,
  /** Normalised words; one of them in the sentence (any clitic reading) lets the alias count. */
  cues: z.array(NormalizedFormSchema.refine((s) => !s.includes(' '), { message: 'a cue is one word' })).min(1),
});
export type CuedAlias = z.infer<typeof CuedAliasSchema>;

/** One actor of the lexicon (see data/ar/actors/README.md for the fields). */
export const ActorSchema = z
  .object({
    /** "org:sdf", "per:mazloum-abdi", "org:pmf:kataib-hezbollah". */
    id: z.string().regex(/^(org|per):[a-z0-9]+(?:[-:][a-z0-9]+)*$/, 'an id like "org:sdf" or "per:mazloum-abdi"'),
    type: z.enum(['PER', 'ORG']),
    subtype: z.enum(ACTOR_SECTORS).nullable(),
    country: CountryCodeSchema.nullable(),
    name: z.object({ ar: z.string().min(2), en: z.string().min(2) }),
    /** Every other Arabic name news uses, normalised. The normalised `name.ar` is matched too. */
    aliases: z.array(NormalizedFormSchema).default([]),
    /**
     * Generic nouns that refer back to this actor once an article has named it: "التنظيم" for
     * ISIS, "الادارة" for the Autonomous Administration, "المؤتمر" for Kongra Star.
     */
    refs: z.array(NormalizedFormSchema).default([]),
    /** Partial names (a person's surname) that count once the article has named the actor in full. */
    short: z.array(NormalizedFormSchema).default([]),
    /** Aliases that need a cue word in the sentence: "المفوضيه" is UNHCR next to "اللاجئين". */
    cued: z.array(CuedAliasSchema).default([]),
    /** The actor this one belongs to (a council of the Autonomous Administration, a brigade of the SDF). */
    parent: z.string().optional(),
    /** Dated roles of a person. */
    roles: z.array(RoleSchema).default([]),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

/** One file of the lexicon: a description and its actors. */
export const ActorFileSchema = z
  .object({
    description: z.string().min(10),
    actors: z.array(ActorSchema).min(1),
  })
  .strict();

/** The whole lexicon, indexed. */
export interface ActorLexicon {
  readonly actors: readonly Actor[];
  readonly byId: ReadonlyMap<string, Actor>;
  /** Which file each actor comes from (for messages). */
  readonly fileOf: ReadonlyMap<string, string>;
}

let cached: ActorLexicon | undefined;

/**
 * The files of the actor lexicon, relative to data/.
 *
 * @example
 * actorFiles()  // ['ar/actors/coalition-west.json', 'ar/actors/international.json', …]
 */
export function actorFiles(): string[] {
  return readdirSync(dataPath('ar/actors'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `ar/actors/${f}`);
}

/**
 * Loads and checks every file of the actor lexicon (once per process).
 * @throws MarsadError `config` naming the file and entry: a bad entry, a duplicate id, a
 *         parent or role that names an unknown actor.
 *
 * @example
 * loadActors().byId.get('org:sdf')!.name.en  // "Syrian Democratic Forces"
 */
export function loadActors(): ActorLexicon {
  if (cached) return cached;
  const actors: Actor[] = [];
  const byId = new Map<string, Actor>();
  const fileOf = new Map<string, string>();
  for (const file of actorFiles()) {
    for (const actor of loadResource(file, ActorFileSchema).actors) {
      const seen = fileOf.get(actor.id);
      if (seen) throw new MarsadError('config', `data/${file}`, `actor id "${actor.id}" is also defined in data/${seen}`);
      actors.push(actor);
      byId.set(actor.id, actor);
      fileOf.set(actor.id, file);
    }
  }
  for (const actor of actors) {
    const where = `data/${fileOf.get(actor.id)}`;
    if (actor.parent && !byId.has(actor.parent)) throw new MarsadError('config', where, `${actor.id}: parent "${actor.parent}" is not an actor`);
    for (const role of actor.roles) {
      if (role.of && !byId.has(role.of)) throw new MarsadError('config', where, `${actor.id}: role "${role.title.en}" is of unknown actor "${role.of}"`);
    }
    if (actor.type === 'ORG' && actor.roles.length > 0) throw new MarsadError('config', where, `${actor.id}: only people have roles`);
  }
  return (cached = { actors, byId, fileOf });
}

/**
 * The roles a person held on a date (partial ISO); every role when the date is unknown.
 *
 * @example
 * rolesAt(loadActors().byId.get('per:antony-blinken')!, '2022-06')[0].title.en  // "US Secretary of State"
 */
export function rolesAt(actor: Actor, date: string | null): Role[] {
  if (!date) return [...actor.roles];
  return actor.roles.filter((r) => dateWithin(date, r.from, r.to));
}
