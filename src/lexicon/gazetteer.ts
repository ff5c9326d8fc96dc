/**
 * The gazetteer: every place Marsad can put on a map, with its Arabic names, coordinates,
 * precision, country and parent. `data/ar/places/gazetteer.json` is built by
 * `npm run build:gazetteer` (scripts/build-gazetteer.ts) from open administrative data and from
 * our own curated lists (`data/ar/places/curated-*.json`); the product reads only the built file.
 */
import { z } from 'zod';
import { MarsadError } from '../errors.js';
import { CountryCodeSchema, NormalizedFormSchema } from './forms.js';
import { loadResource } from './resources.js';

/** Kinds of place; a LOC entity's `subtype`. */
export const PLACE_KINDS = ['country', 'admin1', 'admin2', 'admin3', 'region', 'city', 'village', 'neighbourhood', 'camp', 'facility', 'crossing'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The `geo.precision` of a place of each kind. */
export const PRECISION_OF_KIND: Record<PlaceKind, 'point' | 'admin3' | 'admin2' | 'admin1' | 'country' | 'region'> = {
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  admin3: 'admin3',
  region: 'region',
  city: 'point',
  village: 'point',
  neighbourhood: 'point',
  camp: 'point',
  facility: 'point',
  crossing: 'point',
};

/** "loc:sy" (a country), "loc:sy:tal-rifaat", "loc:sy:adm1:aleppo", "loc:world:middle-east". */
export const PlaceIdSchema = z.string().regex(/^loc:(?:[a-z]{2}|world)(?::[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'an id like "loc:sy:tal-rifaat"');

/** One place of the built gazetteer. */
export const PlaceSchema = z
  .object({
    id: PlaceIdSchema,
    /** Display names. */
    ar: z.string().min(2),
    en: z.string().min(2),
    kind: z.enum(PLACE_KINDS),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    /** ISO 3166-1 alpha-2; null for places across borders ("الشرق الاوسط"). */
    cc: CountryCodeSchema.nullable(),
    /** ISO 3166-1 alpha-3, on countries (PLOVER's actor codes use it). */
    cc3: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code').optional(),
    /** UN M49 numeric code, on countries: the ISO 3166-1 numeric code world-atlas outlines carry as id ("840"). */
    m49: z.string().regex(/^\d{3}$/, 'a three-digit M49 code').optional(),
    /** The place it lies in (an admin unit or the country); null for countries and world regions. */
    parent: PlaceIdSchema.nullable(),
    /** OCHA P-code of an admin unit. */
    pcode: z.string().optional(),
    /** Every normalised form that names it (its normalised display name included). */
    names: z.array(NormalizedFormSchema).min(1),
    /** Prominence, 0 (hamlet) … 5 (country): the prior among places of the same name. */
    rank: z.number().int().min(0).max(5),
  })
  .strict();
export type Place = z.infer<typeof PlaceSchema>;

/** The built gazetteer file: a description, its sources with their licences, and the places. */
export const GazetteerFileSchema = z
  .object({
    description: z.string(),
    /** Where the places come from, with licences (NOTICE repeats them). */
    sources: z.array(z.object({ name: z.string(), licence: z.string(), url: z.string(), places: z.number().int() })),
    places: z.array(PlaceSchema),
  })
  .strict();

/** The gazetteer, indexed by id. */
export interface Gazetteer {
  readonly places: readonly Place[];
  readonly byId: ReadonlyMap<string, Place>;
}

let cached: Gazetteer | undefined;

/** The built gazetteer's path under data/. */
export const GAZETTEER_FILE = 'ar/places/gazetteer.json';

/**
 * Loads the built gazetteer (once per process) and checks that ids are unique and parents exist.
 *
 * @example
 * loadGazetteer().byId.get('loc:sy:tal-rifaat')!.kind  // "city"
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const file = loadResource(GAZETTEER_FILE, GazetteerFileSchema);
  const byId = new Map<string, Place>();
  for (const place of file.places) {
    if (byId.has(place.id)) throw new MarsadError('config', `data/${GAZETTEER_FILE}`, `place id "${place.id}" appears twice (rebuild it: npm run build:gazetteer)`);
    byId.set(place.id, place);
  }
  for (const place of file.places) {
    if (place.parent && !byId.has(place.parent)) throw new MarsadError('config', `data/${GAZETTEER_FILE}`, `${place.id}: parent "${place.parent}" is not a place`);
  }
  return (cached = { places: file.places, byId });
}

/**
 * A country's ISO 3166-1 alpha-3 code from its alpha-2 code; null for a code the gazetteer
 * does not hold.
 *
 * @example
 * alpha3('SY')  // "SYR"
 */
export function alpha3(cc: string): string | null {
  return loadGazetteer().byId.get(`loc:${cc.toLowerCase()}`)?.cc3 ?? null;
}

const R_EARTH_KM = 6371;

/**
 * Great-circle distance in kilometres.
 *
 * @example
 * distanceKm(36.20, 37.13, 36.47, 37.10)  // ≈ 30 (Aleppo to Tal Rifaat)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R_EARTH_KM * Math.asin(Math.sqrt(a));
}

let children: Map<string, string[]> | undefined;

/**
 * A place's id and the ids of every place the gazetteer nests in it, at any depth (a
 * governorate's districts, towns, camps and quarters); just the id for a place it does not know.
 *
 * @example
 * placeAndNested('loc:iq:adm1:ninewa').includes('loc:iq:mosul')  // true
 */
export function placeAndNested(id: string): string[] {
  if (!children) {
    children = new Map();
    for (const place of loadGazetteer().places) {
      if (!place.parent) continue;
      const list = children.get(place.parent);
      if (list) list.push(place.id);
      else children.set(place.parent, [place.id]);
    }
  }
  const out = [id];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        out.push(child);
      }
    }
  }
  return out;
}
