/**
 * What `marsad watch` follows: outlets' feeds and pages, given on the command line or in a
 * sources file (JSON, validated with zod), and how often to poll them.
 *
 * A sources file:
 *
 * ```json
 * {
 *   "every": "15m",
 *   "sources": [
 *     { "outlet": "هاوار", "url": "https://hawarnews.com/ar/rss", "language": "ar" },
 *     { "outlet": "عنب بلدي", "url": "https://www.enabbaladi.net/feed", "every": "30m" }
 *   ]
 * }
 * ```
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MarsadError } from '../errors.js';

/** The default time between two polls of one source. */
export const DEFAULT_EVERY_MS = 15 * 60 * 1000;
/** Shortest time between two polls of one source: outlets are not to be hammered. */
export const MIN_EVERY_MS = 60 * 1000;
/** Largest sources file read. */
const MAX_SOURCES_BYTES = 4 * 1024 * 1024;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration such as "15m", "1h30m", "90s", "500ms" or "1d", in milliseconds ("0" is zero);
 * null when it is not one.
 *
 * @example
 * parseDuration('1h30m')  // 5_400_000
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === '0') return 0;
  if (s.length > 40) return null;
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return null;
  let ms = 0;
  for (const [, n, unit] of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(n) * UNITS[unit!]!;
  return Math.round(ms);
}

/** Checks a poll interval given as `--every` or in a sources file. */
export function checkEvery(text: string, subject: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new MarsadError('usage', subject, `"${text}" is not a duration (write 15m, 1h, 90s or 1h30m)`);
  if (ms < MIN_EVERY_MS) throw new MarsadError('usage', subject, `"${text}" is shorter than the shortest interval, 1m: outlets are not to be polled more often`);
  return ms;
}

const httpUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

const duration = z.string().refine((s) => parseDuration(s) !== null && parseDuration(s)! >= MIN_EVERY_MS, 'must be a duration of 1m or more (15m, 1h, 1h30m)');

const SourceSchema = z.strictObject({
  /** The feed (RSS or Atom) or page to poll. */
  url: httpUrl,
  /** The outlet's name, recorded on every article read from it (over the name a page's metadata gives). */
  outlet: z.string().trim().min(1).optional(),
  /** Marsad reads Arabic; the field says so of each source, for the day it reads more. */
  language: z.literal('ar', { error: 'Marsad reads Arabic only: language must be "ar"' }).default('ar'),
  /** A poll interval for this source, overriding the file's. */
  every: duration.optional(),
});

const SourcesFileSchema = z.strictObject({
  every: duration.optional(),
  sources: z.array(SourceSchema).min(1, 'lists no source'),
});

/** One source to poll, as `watch` uses it. */
export interface WatchTarget {
  readonly url: string;
  readonly outlet: string | null;
  readonly language: string;
  readonly everyMs: number;
}

/** Reads and checks a sources file; every problem names the file and the entry. */
export function readSourcesFile(path: string, defaultEveryMs: number): WatchTarget[] {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_SOURCES_BYTES) throw new MarsadError('watch-sources', path, `${bytes.length} bytes (at most ${MAX_SOURCES_BYTES})`);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof MarsadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MarsadError(code === 'ENOENT' ? 'input-not-found' : 'input-unreadable', path, code === 'ENOENT' ? undefined : (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MarsadError('watch-sources', path, `not JSON: ${(error as Error).message}`);
  }
  const parsed = SourcesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
    throw new MarsadError('watch-sources', path, `${where}: ${issue.message}`);
  }
  const fileEvery = parsed.data.every ? parseDuration(parsed.data.every)! : defaultEveryMs;
  const seen = new Set<string>();
  return parsed.data.sources.map((s, i) => {
    const url = new URL(s.url).href;
    if (seen.has(url)) throw new MarsadError('watch-sources', path, `sources[${i}]: ${url} is listed twice`);
    seen.add(url);
    return { url, outlet: s.outlet ?? null, language: s.language, everyMs: s.every ? parseDuration(s.every)! : fileEvery };
  });
}

/** Sources named on the command line. */
export function commandLineTargets(urls: readonly string[], everyMs: number): WatchTarget[] {
  return [...new Set(urls)].map((u) => {
    const parsed = httpUrl.safeParse(u);
    if (!parsed.success) throw new MarsadError('usage', u, 'not an http or https URL to watch');
    return { url: new URL(parsed.data).href, outlet: null, language: 'ar', everyMs };
  });
}
