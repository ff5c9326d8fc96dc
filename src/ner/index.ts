/**
 * The learned name tagger: what the entity stage and `marsad ner-eval` load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MarsadError } from '../errors.js';
import { packageRoot } from '../lexicon/resources.js';
import { modelsFromFile, readModelFile } from './model.js';
import { PerceptronNameTagger } from './tagger.js';
import type { NameTagger } from './types.js';

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

const stamps = new Map<string, string>();

/**
 * The stamp of a model file for `pipeline.model`: its name and a digest of its bytes, so that a
 * retrained model re-extracts the records the old one made.
 *
 * @example
 * modelStamp()  // "ner-ar-v1@3f9c2a1b"
 */
export function modelStamp(path: string = join(packageRoot(), DEFAULT_MODEL)): string {
  let stamp = stamps.get(path);
  if (!stamp) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new MarsadError('config', path, `the name tagger model cannot be read (${(error as Error).message})`, { cause: error });
    }
    stamp = `${basename(path).replace(/\.json(\.gz)?$/, '')}@${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
    stamps.set(path, stamp);
  }
  return stamp;
}

/**
 * A name tagger that loads its model on first use: commands that extract nothing (search, stats,
 * serve) never pay for loading it.
 *
 * @example
 * const tagger = lazyNameTagger();   // nothing read yet
 * tagger.tag(doc);                   // loads the model once, then tags
 */
export function lazyNameTagger(path: string = join(packageRoot(), DEFAULT_MODEL)): NameTagger {
  return {
    get id() {
      return modelStamp(path);
    },
    tag: (doc) => loadNameTagger(path).tag(doc),
  };
}
