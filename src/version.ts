/**
 * Versions stamped on every record. A stored record whose pipeline stamp differs from the
 * running one is re-extracted on the next ingest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconDigest, packageRoot } from './lexicon/resources.js';

let packageVersion: string | undefined;

/** Marsad's version from package.json. */
export function marsadVersion(): string {
  packageVersion ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return packageVersion;
}

/**
 * Version of the extraction code. Bump it whenever a change to the code changes what the
 * extractor outputs for the same text (the data under data/ar/ is versioned by its digest).
 */
export const EXTRACTOR_REVISION = 14;

/** The `pipeline` field of a record. */
export interface PipelineStamp {
  version: string;
  lexicon: string;
  model: string | null;
}

/** What the running pipeline stamps on records. */
export function pipelineStamp(model: string | null = null): PipelineStamp {
  return { version: `${marsadVersion()}+x${EXTRACTOR_REVISION}`, lexicon: lexiconDigest(), model };
}

/** One string that changes when any part of the stamp does. */
export function stampKey(stamp: PipelineStamp): string {
  return `${stamp.version}|${stamp.lexicon}|${stamp.model ?? '-'}`;
}
