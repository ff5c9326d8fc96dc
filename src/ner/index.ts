/**
 * The learned name tagger: what the entity stage and `marsad ner-eval` load.
 */
import { join } from 'node:path';
import { MarsadError } from '../errors.js';
import { packageRoot } from '../lexicon/resources.js';
import { modelsFromFile, readModelFile } from './model.js';
import { PerceptronNameTagger } from './tagger.js';

export type { NameSpan, NameTagger, NameType } from './types.js';
export { PerceptronNameTagger } from './tagger.js';

/** The shipped model, relative to the package root. */
export const DEFAULT_MODEL = join('models', 'ner-ar-v1.json.gz');

const loaded = new Map<string, PerceptronNameTagger>();

/**
 * Loads a name tagger model (default: the shipped one), once per path for the life of the
 * process. A missing or damaged file is a configuration error naming it.
 *
 * @example
 * const tagger = loadNameTagger();
 * tagger.id                                   // "ner-ar-v1"
 * tagger.tag(analyzeText('زارت ميركل بغداد.'))  // PER "ميركل", LOC "بغداد"
 */
export function loadNameTagger(path: string = join(packageRoot(), DEFAULT_MODEL)): PerceptronNameTagger {
  let tagger = loaded.get(path);
  if (!tagger) {
    const file = readModelFile(path);
    try {
      tagger = new PerceptronNameTagger(modelsFromFile(file), file.documentWindow, file.calibration);
    } catch (error) {
      throw new MarsadError('config', path, `not a usable name tagger model (${(error as Error).message})`, { cause: error });
    }
    loaded.set(path, tagger);
  }
  return tagger;
}
