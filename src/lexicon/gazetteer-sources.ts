/**
 * The schema of our own curated place lists (`data/ar/places/curated-*.json`), the hand-written
 * half of the gazetteer: towns, villages, camps, prisons, crossings, regions and world capitals,
 * from facts (names and coordinates), and the common Arabic names of countries. Read by
 * scripts/build-gazetteer.ts only; the product reads the built gazetteer.
 */
import { z } from 'zod';
import { CountryCodeSchema, NormalizedFormSchema } from './forms.js';
import { PLACE_KINDS, PlaceIdSchema } from './gazetteer.js';

/** One curated place (see data/ar/places/README.md). */
export const CuratedPlaceSchema = z
  .object({
    /** "loc:sy:tal-rifaat": the two letters after "loc:" are the country ("world" for none). */
    id: PlaceIdSchema,
    ar: z.string().min(2),
    en: z.string().min(2),
    kind: z.enum(PLACE_KINDS).exclude(['country', 'admin1', 'admin2', 'admin3']),
    /** [latitude, longitude] in degrees. */
    at: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
    /**
     * The place it lies in: a place id, or the short name of a first-level admin unit of its
     * country ("aleppo" → "loc:sy:adm1:aleppo"). Omitted: the country.
     */
    in: z.string().optional(),
    /** Other normalised forms that name it. */
    alt: z.array(NormalizedFormSchema).optional(),
    /** Prominence 0–5 when the kind's default does not fit (a capital is 4). */
    rank: z.number().int().min(0).max(5).optional(),
  })
  .strict();
export type CuratedPlace = z.infer<typeof CuratedPlaceSchema>;

/** Common names for a country whose official Arabic name is not what news writes. */
export const CountryNamesSchema = z
  .object({
    cc: CountryCodeSchema,
    /** Display name ("سوريا" rather than "الجمهورية العربية السورية"). */
    ar: z.string().min(2).optional(),
    en: z.string().min(2).optional(),
    alt: z.array(NormalizedFormSchema).default([]),
  })
  .strict();

/** One curated file: a description, places, and common names of countries. */
export const CuratedFileSchema = z
  .object({
    description: z.string().min(10),
    places: z.array(CuratedPlaceSchema).default([]),
    countries: z.array(CountryNamesSchema).default([]),
  })
  .strict();
export type CuratedFile = z.infer<typeof CuratedFileSchema>;

/** Default prominence of a curated place by kind. */
export const DEFAULT_RANK: Record<CuratedPlace['kind'], number> = {
  region: 3,
  city: 2,
  village: 1,
  neighbourhood: 1,
  camp: 2,
  facility: 2,
  crossing: 2,
};
