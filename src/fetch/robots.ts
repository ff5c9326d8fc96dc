/**
 * robots.txt, read as RFC 9309 says, with `robots-parser` for the rules.
 *
 * One robots.txt per origin (scheme, host, port), fetched once and shared by every request
 * to that origin, concurrent ones included. What its answer means:
 *
 * - 2xx: its rules, for the group naming our product token (`Marsad`), else `*`. Only the
 *   first 500 KiB are read (RFC 9309 sets that as the least a crawler must parse).
 * - 4xx (404, 403, 410 …) but 429: there are no rules; everything may be fetched.
 * - 5xx, 429 (too many requests), a network failure or a timeout: the site may be down or overloaded, so nothing on it
 *   is fetched (RFC 9309: "complete disallow") until robots.txt can be read. This answer is
 *   kept for `failureTtlMs` (5 minutes by default), then asked again: a watcher retries on a
 *   later poll rather than hammering a failing site.
 * - More than the redirect limit: treated as unavailable (4xx), as the RFC allows.
 *
 * A robots.txt whose redirect leads to a refused address is not "unreachable": the guard's
 * error is passed on, so the refusal is visible. A successful answer is kept for 24 hours
 * (the RFC's longest). `Crawl-delay` for our group lengthens the host's politeness delay, up
 * to `MAX_CRAWL_DELAY_MS`.
 */
import robotsModule from 'robots-parser';
import { MarsadError, isMarsadError } from '../errors.js';

/**
 * robots-parser is CommonJS (`module.exports = function`) with types written as an ES default
 * export: at run time the default import is the function, while NodeNext types it as the module.
 */
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/** How long a robots.txt that was read (or is absent) is believed. */
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an unreachable robots.txt keeps a site closed before it is asked again. */
export const ROBOTS_FAILURE_TTL_MS = 5 * 60 * 1000;
/** Bytes of robots.txt read; the rest is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** The longest Crawl-delay honoured: a larger one would stall a watcher for good. */
export const MAX_CRAWL_DELAY_MS = 60_000;

type Robot = ReturnType<typeof robotsParser>;

/** What loading robots.txt gave: the file's text, or the HTTP status / failure that stood for it. */
export type RobotsAnswer = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'status'; readonly status: number };

/** The verdict for one origin. */
type Verdict =
  | { readonly kind: 'rules'; readonly robot: Robot }
  | { readonly kind: 'open'; readonly why: string }
  | { readonly kind: 'closed'; readonly why: string };

interface Entry {
  readonly verdict: Promise<Verdict>;
  expires: number;
}

export interface RobotsOptions {
  /** The product token robots.txt groups are matched against ("Marsad"). */
  readonly token: string;
  /** Fetches one robots.txt URL, following redirects; throws a MarsadError when it cannot. */
  readonly load: (robotsUrl: string) => Promise<RobotsAnswer>;
  /** Called with an origin's Crawl-delay (ms, already capped). */
  readonly onCrawlDelay?: (url: URL, delayMs: number) => void;
  readonly failureTtlMs?: number;
}

/** The product token of a User-Agent: its leading letters, `_` and `-` ("Marsad/0.1 (…)" → "Marsad"). */
export function productToken(userAgent: string): string {
  let end = 0;
  while (end < userAgent.length && /[A-Za-z_-]/.test(userAgent[end]!)) end++;
  return userAgent.slice(0, end) || '*';
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly failureTtlMs: number;

  constructor(private readonly options: RobotsOptions) {
    this.failureTtlMs = options.failureTtlMs ?? ROBOTS_FAILURE_TTL_MS;
  }

  /** Throws `fetch-robots` when robots.txt of `url`'s origin forbids it (or could not be read). */
  async check(url: URL): Promise<void> {
    let verdict: Verdict;
    try {
      verdict = await this.verdict(url);
    } catch (error) {
      // A refusal met while reading robots.txt (its redirect led to a private address) is
      // reported for the URL asked for, as every error of a request is.
      if (isMarsadError(error) && error.subject !== url.href) {
        throw new MarsadError(error.code, url.href, `reading ${error.subject ?? 'robots.txt'}: ${error.detail ?? error.message}`, { cause: error });
      }
      throw error;
    }
    if (verdict.kind === 'open') return;
    if (verdict.kind === 'closed') throw new MarsadError('fetch-robots', url.href, verdict.why);
    if (verdict.robot.isAllowed(url.href, this.options.token) === false) {
      const line = verdict.robot.getMatchingLineNumber(url.href, this.options.token);
      throw new MarsadError('fetch-robots', url.href, `robots.txt forbids this path for ${this.options.token}${line > 0 ? ` (line ${line})` : ''}`);
    }
  }

  private verdict(url: URL): Promise<Verdict> {
    const origin = url.origin;
    const now = Date.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expires > now) return cached.verdict;
    const robotsUrl = new URL('/robots.txt', origin).href;
    let entry: Entry;
    const pending = this.read(url, robotsUrl).then(
      (verdict) => {
        entry.expires = Date.now() + (verdict.kind === 'closed' ? this.failureTtlMs : ROBOTS_TTL_MS);
        return verdict;
      },
      (error: unknown) => {
        // A refusal by the guard is not cached: the next request asks again and is refused again.
        this.entries.delete(origin);
        throw error;
      },
    );
    entry = { verdict: pending, expires: Infinity };
    this.entries.set(origin, entry);
    return pending;
  }

  private async read(url: URL, robotsUrl: string): Promise<Verdict> {
    let answer: RobotsAnswer;
    try {
      answer = await this.options.load(robotsUrl);
    } catch (error) {
      if (!isMarsadError(error) || error.code === 'fetch-refused') throw error;
      if (error.code === 'fetch-redirects') return { kind: 'open', why: 'robots.txt redirects too often' };
      return { kind: 'closed', why: `robots.txt could not be read (${error.detail ?? error.message}); nothing on this site is fetched until it can be` };
    }
    if (answer.kind === 'status') {
      if (answer.status >= 500 || answer.status === 429) return { kind: 'closed', why: `robots.txt answered ${answer.status}; nothing on this site is fetched until it can be read` };
      return { kind: 'open', why: `robots.txt answered ${answer.status}` };
    }
    const robot = robotsParser(robotsUrl, answer.text);
    const delay = robot.getCrawlDelay(this.options.token);
    if (delay !== undefined && Number.isFinite(delay) && delay > 0) {
      this.options.onCrawlDelay?.(url, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    }
    return { kind: 'rules', robot };
  }
}
