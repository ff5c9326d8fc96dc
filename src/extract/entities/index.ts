/**
 * The entity extractor: actors and places of an article, linked to the lexicon and gazetteer,
 * geocoded, with every mention an outlet wrote (see match.ts, link.ts, geocode.ts).
 *
 * It runs on the lexicon alone, or with a learned name tagger (src/ner) for the names no
 * lexicon holds: `createEntityExtractor({ tagger })`.
 */
import { loadActors } from '../../lexicon/actors.js';
import { loadGazetteer } from '../../lexicon/gazetteer.js';
import type { NameTagger } from '../../ner/types.js';
import type { Extractor } from '../types.js';
import { entityContext } from './context.js';
import { isKnownNameWord } from './english.js';
import { linkEntities } from './link.js';
import { withInstitutions } from './institutions.js';
import { findNames } from './match.js';
import { nameIndex } from './name-index.js';

/** How the entity extractor runs. */
export interface EntityExtractorOptions {
  /** A name tagger for names no lexicon holds; without one, only lexicon names are found. */
  readonly tagger?: NameTagger | undefined;
  /** Tagger spans below this confidence are ignored (default 0.5). */
  readonly minConfidence?: number;
}

/**
 * Loads what entity extraction reads (actor lexicon, gazetteer, context rules) and builds the
 * name index; the extractor does it on its first article anyway. Returns the sizes loaded.
 *
 * @example
 * loadEntityResources()  // { actors: 548, places: 2023, forms: 4081 } with the data as it stands
 */
export function loadEntityResources(): { actors: number; places: number; forms: number } {
  const index = nameIndex();
  entityContext();
  return { actors: loadActors().actors.length, places: loadGazetteer().places.length, forms: index.forms };
}

/**
 * The entity extractor.
 *
 * @example
 * const extractor = createEntityExtractor();             // lexicon and gazetteer only
 * const withModel = createEntityExtractor({ tagger });   // plus a learned name tagger
 * extractor.extract({ doc: analyzeText('دعت قسد التحالف الدولي'), published: null, titleEnd: 0 }, emptyExtraction()).entities
 */
export function createEntityExtractor(options: EntityExtractorOptions = {}): Extractor {
  const minConfidence = options.minConfidence ?? 0.5;
  return {
    name: 'ar/entities',
    produces: ['entities', 'messages'],
    extract({ doc }) {
      const index = nameIndex();
      const ctx = entityContext();
      const matches = withInstitutions(doc, findNames(doc, index, ctx), index);
      return linkEntities(doc, matches, index, ctx, { tagger: options.tagger, minConfidence }, isKnownNameWord);
    },
  };
}
