/**
 * Loading of the language data under `data/ar/`.
 *
 * Every resource is a JSON file validated by a zod schema when it is first used; a bad entry
 * fails loudly with the file and the path of the entry, never silently. Loaded resources are
 * cached for the life of the process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { MarsadError } from '../errors.js';

let root: string | undefined;

/** The folder holding Marsad's package.json (works from `src/` under tsx and from `dist/`). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'marsad') return (root = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('marsad: cannot find the package root from ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Absolute path of a file under `data/`. */
export function dataPath(relativePath: string): string {
  return join(packageRoot(), 'data', relativePath);
}

const cache = new Map<string, unknown>();

/**
 * Reads and validates `data/<relativePath>` once.
 *
 * @example
 * const abbreviations = loadResource('ar/abbreviations.json', AbbreviationsSchema);
 */
export function loadResource<S extends z.ZodType>(relativePath: string, schema: S): z.infer<S> {
  const key = relativePath;
  if (cache.has(key)) return cache.get(key) as z.infer<S>;
  const file = dataPath(relativePath);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MarsadError('config', `data/${relativePath}`, (error as Error).message, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new MarsadError('config', `data/${relativePath}`, `${where}: ${issue.message}`);
  }
  cache.set(key, parsed.data);
  return parsed.data as z.infer<S>;
}

let lexiconVersion: string | undefined;

/**
 * A short digest of every file under `data/ar/`: it changes whenever the language data does,
 * so records made with other data are re-extracted on the next ingest.
 */
export function lexiconDigest(): string {
  if (lexiconVersion) return lexiconVersion;
  const base = dataPath('ar');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        hash.update(relative(base, path));
        hash.update('\0');
        hash.update(readFileSync(path));
        hash.update('\0');
      }
    }
  };
  if (existsSync(base)) walk(base);
  return (lexiconVersion = 'ar-' + hash.digest('hex').slice(0, 12));
}
