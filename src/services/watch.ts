/**
 * `marsad watch`: polls outlets' feeds and pages, ingests what is new, and remembers what it
 * has read, so that a restart fetches nothing it has.
 *
 * One poll of a source:
 * 1. A conditional request with the validators (ETag, Last-Modified) of its last complete poll:
 *    304 means nothing new, and nothing else is fetched.
 * 2. A feed's items read before (by guid, else link) are skipped without a request. An item
 *    whose content holds the article is read from the feed; another is fetched by its link,
 *    unless a stored document already has that URL (or, once fetched, its canonical URL).
 * 3. Each article goes through the same writer as `ingest` (same text → one document), and
 *    only then is its item recorded as read: a poll killed midway loses nothing (the item is
 *    read again) and doubles nothing (its text is stored already).
 * 4. The validators are saved last, and only when every item was read or refused for good: an
 *    item that failed for a passing reason (a timeout, a 503) is tried again at the next poll,
 *    which therefore asks for the whole feed.
 * A failed poll backs the source off: the interval doubles with each failure in a row (a
 * Retry-After that asks for longer wins), up to {@link MAX_BACKOFF_MS}.
 */
import { isMarsadError, MarsadError } from '../errors.js';
import { FetchHttpError, type Fetcher } from '../fetch/fetcher.js';
import type { Feed } from '../ingest/formats/feed.js';
import { pipelineModel } from '../extract/pipeline.js';
import type { RunCounts, Store, WatchSource } from '../store/store.js';
import { pipelineStamp, stampKey } from '../version.js';
import { ArticleWriter, type ArticleReport, type FailureReport, type WriteResult } from './ingest.js';
import type { WatchTarget } from './sources.js';
import { fetchDocument, fetchPageArticle, itemArticle, itemKey } from './web.js';

/** Longest a failing source is left before it is tried again. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Sources polled at once (requests to one host still wait their turn in the fetcher). */
const SOURCE_CONCURRENCY = 4;

type ItemOutcome = WriteResult['outcome'] | 'known';

/** What one poll of one source did. */
export interface PollReport {
  readonly url: string;
  readonly outlet: string | null;
  /** read: fetched and read; not-modified: 304; failed: the source itself could not be read; waiting: backing off. */
  readonly status: 'read' | 'not-modified' | 'failed' | 'waiting';
  readonly kind: 'feed' | 'page' | null;
  /** Items in the feed (1 for a page; 0 when not read). */
  readonly items: number;
  /** Items read at an earlier poll, or already stored under their URL: not fetched again. */
  readonly known: number;
  readonly stored: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly repeats: number;
  readonly rejected: number;
  /** Items that failed for a passing reason, to be tried again at the next poll. */
  readonly retry: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** When a backing-off source is polled again (ISO). */
  readonly nextPollAt: string | null;
  readonly ms: number;
}

export interface WatchRoundReport {
  readonly runId: number;
  readonly polls: PollReport[];
  readonly counts: RunCounts;
  /** Articles rejected in this round, each with its reason. */
  readonly failures: FailureReport[];
}

export interface WatchOptions {
  /** Poll sources that are backing off too. */
  readonly force?: boolean;
  readonly command?: string;
  readonly onPoll?: (report: PollReport) => void;
  readonly onArticle?: (report: ArticleReport) => void;
  /** The clock, for tests of back-off. */
  readonly now?: () => number;
  /** Stops a poll between two items (the items left are read at the next poll). */
  readonly signal?: AbortSignal;
}

/** Failures that may pass: the source or item is tried again later. */
export function isTransient(error: unknown): boolean {
  if (error instanceof FetchHttpError) return error.status === 429 || error.status === 408 || error.status >= 500;
  if (!isMarsadError(error)) return false;
  return error.code === 'fetch-timeout' || error.code === 'fetch-failed' || error.code.startsWith('store-');
}

/** The wait before polling a source again after `failures` failed polls in a row. */
export function backoffMs(failures: number, everyMs: number, retryAfterMs: number | null): number {
  const doubled = Math.min(everyMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
  return Math.max(doubled, Math.min(retryAfterMs ?? 0, MAX_BACKOFF_MS));
}

function errorOf(error: unknown): { code: string; message: string } {
  return isMarsadError(error) ? { code: error.code, message: error.message } : { code: 'internal', message: (error as Error)?.message ?? String(error) };
}

/** Polls one source once, writing its new articles through `writer`. */
export async function pollSource(store: Store, fetcher: Fetcher, writer: ArticleWriter, target: WatchTarget, options: WatchOptions = {}): Promise<PollReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const prior = await store.watchSource(target.url);
  const tally = { items: 0, known: 0, stored: 0, updated: 0, unchanged: 0, repeats: 0, rejected: 0, retry: 0 };
  const base = { url: target.url, outlet: target.outlet };
  const report = (status: PollReport['status'], kind: PollReport['kind'], error: PollReport['error'], nextPollAt: string | null): PollReport => ({
    ...base, status, kind, ...tally, error, nextPollAt, ms: now() - started,
  });

  if (!options.force && prior?.nextPollAt && Date.parse(prior.nextPollAt) > started) {
    return report('waiting', prior.kind, null, prior.nextPollAt);
  }
  const state: WatchSource = prior ?? {
    url: target.url, kind: null, outlet: target.outlet, language: target.language, etag: null, lastModified: null,
    lastPolledAt: null, lastSuccessAt: null, failures: 0, nextPollAt: null, lastError: null,
  };
  const polledAt = new Date(started).toISOString();
  // The source is known before its items are recorded as read (they refer to it); its
  // validators are saved only when the poll is complete.
  if (!prior) await store.saveWatchSource(state);

  let doc;
  try {
    doc = await fetchDocument(fetcher, target.url, { etag: state.etag, lastModified: state.lastModified, outlet: target.outlet });
  } catch (error) {
    const failures = state.failures + 1;
    const next = new Date(started + backoffMs(failures, target.everyMs, error instanceof FetchHttpError ? error.retryAfterMs : null)).toISOString();
    const e = errorOf(error);
    await store.saveWatchSource({ ...state, outlet: target.outlet, language: target.language, lastPolledAt: polledAt, failures, nextPollAt: next, lastError: e.message });
    return report('failed', state.kind, e, next);
  }

  const tallyOutcome = (outcome: ItemOutcome) => {
    if (outcome === 'known') tally.known++;
    else if (outcome === 'repeat') tally.repeats++;
    else tally[outcome]++;
  };
  const done = async (kind: 'feed' | 'page', status: PollReport['status'], keepValidators: boolean) => {
    await store.saveWatchSource({
      ...state,
      kind,
      outlet: target.outlet,
      language: target.language,
      etag: keepValidators ? doc.response.etag : state.etag,
      lastModified: keepValidators ? doc.response.lastModified : state.lastModified,
      lastPolledAt: polledAt,
      lastSuccessAt: polledAt,
      failures: 0,
      nextPollAt: null,
      lastError: null,
    });
    return report(status, kind, null, null);
  };

  if (doc.kind === 'not-modified') return done(state.kind ?? 'feed', 'not-modified', true);
  if (doc.kind === 'page') {
    tally.items = 1;
    tallyOutcome((await writer.write(doc.article)).outcome);
    return done('page', 'read', true);
  }
  const complete = await readFeedItems(store, fetcher, writer, target, doc.feed, tally, tallyOutcome, options.signal);
  return done('feed', 'read', complete && tally.retry === 0);
}

/** Reads a feed's items not read before; false when `signal` stopped it before the last. */
async function readFeedItems(
  store: Store,
  fetcher: Fetcher,
  writer: ArticleWriter,
  target: WatchTarget,
  feed: Feed,
  tally: { items: number; retry: number },
  count: (outcome: ItemOutcome) => void,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const items = feed.items.map((item) => ({ item, key: itemKey(item) }));
  tally.items = items.length;
  const seen = await store.watchItemsSeen(target.url, items.flatMap((i) => (i.key ? [i.key] : [])));
  for (const { item, key } of items) {
    if (signal?.aborted) return false;
    if (key !== null && seen.has(key)) {
      count('known');
      continue;
    }
    const origin = item.link ?? `${target.url}#${key ?? '?'}`;
    const remember = async (outcome: Exclude<ItemOutcome, 'known'> | 'unchanged', documentId: string | null) => {
      if (key !== null) await store.recordWatchItem({ sourceUrl: target.url, key, url: item.link, documentId, outcome });
    };
    let article = itemArticle(item, feed, origin, target.outlet);
    if (!article) {
      if (!item.link) {
        await writer.reject(origin, new MarsadError('input-empty', origin, 'the feed item has neither content nor a link'));
        count('rejected');
        await remember('rejected', null);
        continue;
      }
      const stored = await store.documentByUrl(item.link);
      if (stored) {
        count('known');
        await remember('unchanged', stored);
        continue;
      }
      try {
        article = await fetchPageArticle(fetcher, item.link, target.outlet, item);
      } catch (error) {
        if (isTransient(error)) {
          // Not recorded: the next poll tries it again (and asks for the whole feed).
          tally.retry++;
          await writer.reject(origin, error);
          count('rejected');
          continue;
        }
        await writer.reject(origin, error);
        count('rejected');
        await remember('rejected', null);
        continue;
      }
      const canonical = article.source.url;
      const storedAs = canonical && canonical !== item.link ? await store.documentByUrl(canonical) : null;
      if (storedAs) {
        count('known');
        await remember('unchanged', storedAs);
        continue;
      }
    }
    const result = await writer.write(article);
    count(result.outcome);
    await remember(result.outcome, result.id);
  }
  return true;
}

/** Polls every source once (those backing off are left unless `force`), as one ingest run. */
export async function watchRound(store: Store, fetcher: Fetcher, targets: readonly WatchTarget[], options: WatchOptions = {}): Promise<WatchRoundReport> {
  const runId = await store.beginRun({
    command: options.command ?? 'watch',
    inputs: targets.map((t) => t.url),
    pipeline: stampKey(pipelineStamp(pipelineModel())),
  });
  const writer = new ArticleWriter(store, runId, options.onArticle);
  const polls: (PollReport | undefined)[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    // Stopped: the sources not begun are left for the next round.
    while (next < targets.length && !options.signal?.aborted) {
      const i = next++;
      const poll = await pollSource(store, fetcher, writer, targets[i]!, options);
      polls[i] = poll;
      options.onPoll?.(poll);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(SOURCE_CONCURRENCY, targets.length) }, worker));
  } catch (error) {
    await store.finishRun(runId, writer.counts, 'failed').catch(() => undefined);
    throw error;
  }
  await store.finishRun(runId, writer.counts, 'completed');
  return { runId, polls: polls.filter((p): p is PollReport => p !== undefined), counts: writer.counts, failures: writer.failures };
}

/** When the next source is due, after a round ended at `now` (ms since the epoch). */
export async function nextDue(store: Store, targets: readonly WatchTarget[], now: number): Promise<number> {
  let due = Number.POSITIVE_INFINITY;
  for (const t of targets) {
    const s = await store.watchSource(t.url);
    const polled = s?.lastPolledAt ? Date.parse(s.lastPolledAt) : now;
    const at = s?.nextPollAt ? Date.parse(s.nextPollAt) : polled + t.everyMs;
    due = Math.min(due, at);
  }
  return Math.max(now, due);
}

/**
 * Polls until `signal` aborts: a round, then a sleep until the next source is due. Sources
 * whose time has not come are left for a later round.
 */
export async function watchLoop(
  store: Store,
  fetcher: Fetcher,
  targets: readonly WatchTarget[],
  options: WatchOptions & { readonly signal: AbortSignal; readonly onRound?: (report: WatchRoundReport) => void },
): Promise<void> {
  const now = options.now ?? Date.now;
  while (!options.signal.aborted) {
    const dueTargets: WatchTarget[] = [];
    for (const t of targets) {
      const s = await store.watchSource(t.url);
      const polled = s?.lastPolledAt ? Date.parse(s.lastPolledAt) : Number.NEGATIVE_INFINITY;
      const at = s?.nextPollAt ? Date.parse(s.nextPollAt) : polled + t.everyMs;
      if (at <= now()) dueTargets.push(t);
    }
    if (dueTargets.length > 0) options.onRound?.(await watchRound(store, fetcher, dueTargets, options));
    if (options.signal.aborted) break;
    const wait = (await nextDue(store, targets, now())) - now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(1000, wait));
      options.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }
}
