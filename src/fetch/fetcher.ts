/**
 * Fetching a URL for ingest: the first stage of the pipeline (fetch → ingest → text → …).
 * It returns the body as bytes with what the headers say about it; parsing HTML and feeds,
 * and decoding the charset, are ingest's job. It imports nothing from later stages.
 *
 * Every request goes through undici's `fetch` on an `Agent` of our own, so that we decide
 * where it connects:
 *
 * - **The SSRF guard** (`guard.ts`) checks the address of every hop before anything is sent:
 *   a literal IP host as written, a host name by resolving it (`lookup`, node:dns by default)
 *   and checking every address it resolves to. The checked address is then *pinned*: the
 *   agent's connector resolves host names only through the pins, so the connection goes to the
 *   address that was checked, and a DNS answer that changes between the check and the connect
 *   (DNS rebinding) is never used. The connector also re-checks literal IP hosts itself.
 * - **Redirects** are followed by hand (`redirect: 'manual'`), at most `maxRedirects`, each
 *   hop checked again: scheme (http/https only), guard, robots.txt, politeness.
 * - **Limits**: `timeoutMs` covers one exchange, connect to the last byte of the body; DNS
 *   resolution has the same limit. `maxBytes` caps the body *after* decompression (undici
 *   decodes gzip, deflate and br as a stream); reading stops and the connection is dropped as
 *   soon as the cap is passed, so a gzip bomb costs at most the cap in memory.
 * - **Conditional requests**: a known ETag / Last-Modified is sent as If-None-Match /
 *   If-Modified-Since on every hop; a 304 gives `notModified` and no body.
 * - **Politeness** (`hosts.ts`) and **robots.txt** (`robots.ts`).
 */
import { isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent, buildConnector, fetch, type Response } from 'undici';
import { MarsadError, type ErrorCode } from '../errors.js';
import { marsadVersion } from '../version.js';
import { AddressGuard } from './guard.js';
import { HostQueues } from './hosts.js';
import { ROBOTS_MAX_BYTES, RobotsCache, productToken, type RobotsAnswer } from './robots.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_HOST_DELAY_MS = 1000;
export const DEFAULT_HOST_CONCURRENCY = 1;

const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';
/** The content codings we ask for; undici decodes each of them. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
const DECODED_CODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type Lookup = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export interface FetchOptions {
  /** Default: `Marsad/VERSION (…)`. Its leading word is the robots.txt product token. */
  userAgent?: string;
  /** One exchange, connect to the end of the body (and a DNS lookup); default 20 s. */
  timeoutMs?: number;
  /** Cap on the body once decompressed; default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default false: the SSRF guard is on. */
  allowPrivate?: boolean;
  /** Address ranges trusted even when private ("10.1.2.3/32", "fd00::/8", or one address). */
  allowAddresses?: string[];
  /** Least time between the starts of two requests to one host; default 1000 ms. */
  hostDelayMs?: number;
  /** Requests in flight at once per host; default 1. */
  hostConcurrency?: number;
  /** Honour robots.txt; default true. */
  robots?: boolean;
  /** DNS resolution, replaceable in tests; default node:dns `lookup` (all addresses). */
  lookup?: Lookup;
}

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** The Accept header; default prefers HTML and feeds. */
  accept?: string;
}

export interface FetchResponse {
  /** The URL as the caller gave it. */
  requested: string;
  /** The final URL, after redirects (without a fragment). */
  url: string;
  status: number;
  notModified: boolean;
  /** The media type of Content-Type, lower case, without parameters ("text/html"). */
  contentType: string | null;
  /** The charset parameter of Content-Type, lower case ("windows-1256"), or null. */
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The body, decoded from gzip/br/deflate; empty when notModified. */
  bytes: Uint8Array;
  /** Every URL requested, in order: the first is the requested one, the last is `url`. */
  hops: string[];
}

/** `fetch-http`: the server answered with a status that is neither success, redirect nor 304. */
export class FetchHttpError extends MarsadError {
  /** The HTTP status (404, 503 …). */
  readonly status: number;
  /** From Retry-After (on 429 and 503 mostly), in milliseconds; null when absent. */
  readonly retryAfterMs: number | null;

  constructor(subject: string, detail: string, status: number, retryAfterMs: number | null) {
    super('fetch-http', subject, detail);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The default User-Agent: Marsad, its version and what it does. */
export function defaultUserAgent(): string {
  return `Marsad/${marsadVersion()} (Arabic news to event records; news monitoring)`;
}

const systemLookup: Lookup = async (hostname) => {
  const addresses = await dnsLookup(hostname, { all: true, verbatim: true });
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** What one exchange (one hop) gave. */
type Answer = Final | { readonly kind: 'redirect'; readonly status: number; readonly location: string };
/** The answer a chain of redirects ends with. */
type Final =
  | { readonly kind: 'body'; readonly status: number; readonly headers: Headers; readonly bytes: Uint8Array }
  | { readonly kind: 'not-modified'; readonly headers: Headers }
  | { readonly kind: 'status'; readonly status: number; readonly statusText: string; readonly headers: Headers };

interface BodyLimit {
  readonly maxBytes: number;
  /** Keep the first maxBytes instead of refusing (robots.txt). */
  readonly truncate: boolean;
}

/** Names the request in errors: the URL asked for, and the hop when a redirect led elsewhere. */
class Where {
  constructor(
    readonly requested: string,
    readonly hop: URL,
  ) {}

  detail(text: string): string {
    return this.hop.href === this.requested ? text : `at ${this.hop.href} (after a redirect): ${text}`;
  }

  error(code: ErrorCode, text: string, cause?: unknown): MarsadError {
    return new MarsadError(code, this.requested, this.detail(text), cause === undefined ? undefined : { cause });
  }
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new MarsadError('usage', name, `must be a ${allowZero ? 'non-negative' : 'positive'} number, not ${value}`);
  }
  return value;
}

/** The host part of a URL without IPv6 brackets. */
function bareHost(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new MarsadError('fetch-bad-url', text, 'not an absolute URL');
  }
  const problem = urlProblem(url);
  if (problem) throw new MarsadError('fetch-bad-url', text, problem);
  url.hash = '';
  return url;
}

function urlProblem(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http: and https: addresses are fetched, not ${url.protocol}`;
  if (url.username || url.password) return 'the address holds a user name or password';
  if (!url.hostname) return 'the address has no host';
  return null;
}

/** The message of the innermost cause that says something ("ECONNREFUSED: connect …"). */
function describeCause(error: unknown): string {
  let current: unknown = error;
  let text = error instanceof Error ? error.message : String(error);
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    text = typeof code === 'string' && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
    current = current.cause;
  }
  return text;
}

/** A MarsadError in the cause chain of an error. */
function innerMarsadError(error: unknown): MarsadError | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof MarsadError) return current;
    current = current.cause;
  }
  return null;
}

function mediaType(value: string | null): { type: string | null; charset: string | null } {
  if (!value) return { type: null, charset: null };
  const [type, ...params] = value.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase() || null;
  }
  return { type: type!.trim().toLowerCase() || null, charset };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
function retryAfter(value: string | null): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk.subarray(0, total - at), at);
    at += Math.min(chunk.byteLength, total - at);
    if (at >= total) break;
  }
  return out;
}

export class Fetcher {
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly guard: AddressGuard;
  private readonly lookup: Lookup;
  private readonly queues: HostQueues;
  private readonly robots: RobotsCache | null;
  /** Host name → the checked addresses connections to it may go to (all of its answer, each checked). */
  private readonly pins = new Map<string, { address: string; family: 4 | 6 }[]>();
  private readonly agent: Agent;

  constructor(options: FetchOptions = {}) {
    this.userAgent = options.userAgent?.trim() || defaultUserAgent();
    this.timeoutMs = positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.maxBytes = positive('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
    this.maxRedirects = Math.floor(positive('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS, true));
    this.guard = new AddressGuard(options);
    this.lookup = options.lookup ?? systemLookup;
    this.queues = new HostQueues(
      positive('hostDelayMs', options.hostDelayMs, DEFAULT_HOST_DELAY_MS, true),
      Math.max(1, Math.floor(positive('hostConcurrency', options.hostConcurrency, DEFAULT_HOST_CONCURRENCY))),
    );
    this.robots =
      options.robots === false
        ? null
        : new RobotsCache({
            token: productToken(this.userAgent),
            load: (robotsUrl) => this.loadRobots(robotsUrl),
            onCrawlDelay: (url, delayMs) => this.queues.setDelay(url.hostname, delayMs),
          });
    this.agent = this.makeAgent();
  }

  /**
   * Fetches one URL. Resolves with the final response (2xx or 304); throws a MarsadError
   * (`fetch-*`) naming the URL for everything else, a {@link FetchHttpError} for an HTTP
   * error status.
   */
  async get(request: FetchRequest): Promise<FetchResponse> {
    const start = parseUrl(request.url);
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const { answer, hops, where } = await this.follow(request.url, start, headers, { maxBytes: this.maxBytes, truncate: false }, true);
    const base = { requested: request.url, url: where.hop.href, hops };
    switch (answer.kind) {
      case 'not-modified':
        return {
          ...base,
          status: 304,
          notModified: true,
          contentType: null,
          charset: null,
          etag: answer.headers.get('etag') ?? request.etag ?? null,
          lastModified: answer.headers.get('last-modified') ?? request.lastModified ?? null,
          bytes: new Uint8Array(0),
        };
      case 'body': {
        const { type, charset } = mediaType(answer.headers.get('content-type'));
        return {
          ...base,
          status: answer.status,
          notModified: false,
          contentType: type,
          charset,
          etag: answer.headers.get('etag'),
          lastModified: answer.headers.get('last-modified'),
          bytes: answer.bytes,
        };
      }
      case 'status': {
        const reason = answer.statusText ? `${answer.status} ${answer.statusText}` : String(answer.status);
        throw new FetchHttpError(request.url, where.detail(`the server answered ${reason}`), answer.status, retryAfter(answer.headers.get('retry-after')));
      }
    }
  }

  /** Drops queued requests and closes the connections. */
  async close(): Promise<void> {
    this.queues.close();
    await this.agent.close();
  }

  /** Follows redirects from `start`; each hop is checked (scheme, guard, robots) and queued. */
  private async follow(
    requested: string,
    start: URL,
    headers: Record<string, string>,
    limit: BodyLimit,
    checkRobots: boolean,
  ): Promise<{ answer: Final; hops: string[]; where: Where }> {
    const hops: string[] = [];
    let url = start;
    for (let redirects = 0; ; redirects++) {
      const where = new Where(requested, url);
      hops.push(url.href);
      await this.admit(url, where);
      if (checkRobots && this.robots) await this.robots.check(url);
      const answer = await this.exchange(url, headers, limit, where);
      if (answer.kind !== 'redirect') return { answer, hops, where };
      if (redirects >= this.maxRedirects) {
        throw new MarsadError('fetch-redirects', requested, `more than ${this.maxRedirects}: ${[...hops, answer.location].join(' → ')}`);
      }
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        throw where.error('fetch-bad-url', `redirects to "${answer.location}", which is not a URL`);
      }
      const problem = urlProblem(next);
      if (problem) throw where.error('fetch-bad-url', `redirects to ${next.href}; ${problem}`);
      next.hash = '';
      url = next;
    }
  }

  /** The SSRF guard for one hop: checks its address(es) and pins them, so connections go nowhere else. */
  private async admit(url: URL, where: Where): Promise<void> {
    const host = bareHost(url);
    if (isIP(host)) {
      const reason = this.guard.check(host);
      if (reason) throw where.error('fetch-refused', `${host} is ${reason}`);
      return;
    }
    const addresses = await this.resolve(host, where);
    for (const { address } of addresses) {
      const reason = this.guard.check(address);
      if (reason) throw where.error('fetch-refused', `${host} resolves to ${address}, ${reason}`);
    }
    this.pins.set(url.hostname, addresses);
  }

  private async resolve(host: string, where: Where): Promise<{ address: string; family: 4 | 6 }[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(where.error('fetch-timeout', `no DNS answer for ${host} within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    let addresses: { address: string; family: 4 | 6 }[];
    try {
      addresses = await Promise.race([this.lookup(host), timeout]);
    } catch (error) {
      if (error instanceof MarsadError) throw error;
      throw where.error('fetch-failed', `DNS lookup of ${host} failed (${describeCause(error)})`, error);
    } finally {
      clearTimeout(timer);
    }
    const valid = addresses.filter((a) => isIP(a.address) !== 0);
    if (valid.length === 0) throw where.error('fetch-failed', `DNS lookup of ${host} gave no address`);
    return valid;
  }

  /** One request and its answer, inside a politeness slot and the time limit. */
  private async exchange(url: URL, headers: Record<string, string>, limit: BodyLimit, where: Where): Promise<Answer> {
    const release = await this.queues.acquire(url.hostname);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const failure = (error: unknown) => {
      if (timedOut) return where.error('fetch-timeout', `no complete answer within ${this.timeoutMs} ms`, error);
      if (error instanceof MarsadError) return error;
      // The connector's own refusal arrives wrapped in undici's "fetch failed".
      const refusal = innerMarsadError(error);
      if (refusal) return where.error(refusal.code, refusal.detail ?? refusal.message, error);
      return where.error('fetch-failed', describeCause(error), error);
    };
    try {
      let response: Response;
      try {
        response = await fetch(url.href, { dispatcher: this.agent, redirect: 'manual', signal: controller.signal, headers });
      } catch (error) {
        throw failure(error);
      }
      const { status } = response;
      if (REDIRECT_STATUSES.has(status) && response.headers.get('location')) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'redirect', status, location: response.headers.get('location')! };
      }
      if (status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'not-modified', headers: response.headers };
      }
      if (status < 200 || status > 299) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'status', status, statusText: response.statusText, headers: response.headers };
      }
      const coding = (response.headers.get('content-encoding') ?? 'identity').toLowerCase();
      const unknown = coding.split(',').map((c) => c.trim()).find((c) => c !== '' && !DECODED_CODINGS.has(c));
      if (unknown) {
        await response.body?.cancel().catch(() => undefined);
        throw where.error('fetch-failed', `the body is in the content coding "${unknown}", which Marsad did not ask for`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (!limit.truncate && coding === 'identity' && declared > limit.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw where.error('fetch-too-large', `${formatBytes(declared)} announced; the limit is ${formatBytes(limit.maxBytes)}`);
      }
      try {
        const bytes = await this.readBody(response, limit, controller, where);
        return { kind: 'body', status, headers: response.headers, bytes };
      } catch (error) {
        throw failure(error);
      }
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** Reads the decoded body up to the cap; past it, refuses (or truncates) and drops the connection. */
  private async readBody(response: Response, limit: BodyLimit, controller: AbortController, where: Where): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array(0);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return concat(chunks, total);
      chunks.push(value);
      total += value.byteLength;
      if (total > limit.maxBytes) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        if (limit.truncate) return concat(chunks, limit.maxBytes);
        throw where.error('fetch-too-large', `more than ${formatBytes(limit.maxBytes)} once decompressed`);
      }
    }
  }

  /** robots.txt of one origin, through the same guard, redirects, limits and politeness. */
  private async loadRobots(robotsUrl: string): Promise<RobotsAnswer> {
    const headers = { 'user-agent': this.userAgent, accept: 'text/plain,*/*;q=0.5', 'accept-encoding': ACCEPT_ENCODING };
    const { answer } = await this.follow(robotsUrl, new URL(robotsUrl), headers, { maxBytes: ROBOTS_MAX_BYTES, truncate: true }, false);
    switch (answer.kind) {
      case 'body':
        return { kind: 'text', text: new TextDecoder('utf-8').decode(answer.bytes) };
      case 'status':
        return { kind: 'status', status: answer.status };
      case 'not-modified':
        return { kind: 'status', status: 304 };
    }
  }

  /**
   * The agent: its connector resolves host names only through the pins set by `admit`, and
   * refuses literal IP hosts the guard refuses, so no connection reaches an unchecked address.
   */
  private makeAgent(): Agent {
    const pinnedLookup = (
      hostname: string,
      options: { all?: boolean },
      callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      const pinned = this.pins.get(hostname);
      process.nextTick(() => {
        if (!pinned) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} was not resolved by the SSRF guard`);
          error.code = 'ENOTFOUND';
          callback(error, '');
        } else if (options.all) callback(null, pinned.map(({ address, family }) => ({ address, family })));
        else callback(null, pinned[0]!.address, pinned[0]!.family);
      });
    };
    const connector = buildConnector({ lookup: pinnedLookup as never, timeout: this.timeoutMs + 5000 });
    const guarded: buildConnector.connector = (options, callback) => {
      const host = options.hostname.startsWith('[') ? options.hostname.slice(1, -1) : options.hostname;
      const reason = isIP(host) ? this.guard.check(host) : null;
      if (reason) {
        callback(new MarsadError('fetch-refused', options.hostname, `${host} is ${reason}`), null);
        return;
      }
      connector(options, callback);
    };
    // undici's own limits stand behind ours, later, so that a slow server is reported as
    // fetch-timeout by the exchange's timer rather than as an undici error.
    const backstop = this.timeoutMs + 5000;
    return new Agent({ connect: guarded, headersTimeout: backstop, bodyTimeout: backstop });
  }
}
