/**
 * Ingest: read inputs, clean and identify each article, extract what is new, store it.
 *
 * Idempotent: an article whose cleaned text is stored already (same id) and whose record was
 * made by the running pipeline is not extracted again; only a new source of it is recorded.
 * A record made by an older pipeline is re-extracted. Every article read ends in exactly one
 * count (stored, updated, unchanged, repeats, rejected); a rejected one is in the failures
 * table with its reason, and never stops the others.
 */
import { MarsadError, isMarsadError } from '../errors.js';
import { extractPrepared, prepareArticle, type PreparedArticle } from '../extract/document.js';
import type { DocumentRecord } from '../extract/record.js';
import { pipelineModel } from '../extract/pipeline.js';
import { planInputs, readPlanned, checkPublishedOption, type PlannedInput } from '../ingest/read.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { ArticleInput } from '../ingest/types.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText, type Fingerprint } from '../text/minhash.js';
import type { RunCounts, SourceRef, Store } from '../store/store.js';
import { ExtractionPool, type Extracted } from './extract-pool.js';
import { pipelineStamp, stampKey } from '../version.js';
import { fetchDocument, fetchPageArticle, itemArticle } from './web.js';

export type ArticleOutcome = 'stored' | 'updated' | 'unchanged' | 'repeat';

/** One article's result, reported as ingest goes. */
export interface ArticleReport {
  readonly origin: string;
  readonly id: string;
  readonly outcome: ArticleOutcome;
  readonly title: string | null;
  /** What was found, for articles extracted in this run. */
  readonly found?: FoundCounts;
}

/** What extraction found: entities, dates, figures (quantities) and events. */
export interface FoundCounts {
  entities: number;
  dates: number;
  quantities: number;
  events: number;
}

export interface FailureReport {
  readonly origin: string;
  readonly code: string;
  readonly message: string;
  /** For internal errors, the stack (shown with --debug). */
  readonly stack?: string;
}

export interface IngestProgress {
  readonly done: number;
  readonly total: number;
  readonly current: string;
}

export interface IngestOptions {
  /** `--published`: publication date of every article read. */
  readonly published?: string;
  readonly stdin?: NodeJS.ReadableStream;
  /** The command line, recorded on the run. */
  readonly command?: string;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly onArticle?: (report: ArticleReport) => void;
  /** Makes the fetcher for URL inputs and feed links (called once, when the first is met; closed at the end). */
  readonly fetcher?: () => Fetcher;
  /**
   * `--jobs`: how many worker threads extract (default 1: extraction runs in this thread, and
   * no worker is started). The records are the same whatever the number.
   */
  readonly jobs?: number;
  /** A pool of the caller's to extract on (then `jobs` is not read); ingest does not close it. */
  readonly pool?: ExtractionPool;
}

export interface IngestReport {
  readonly runId: number;
  /** Articles read (every one is in exactly one of stored, updated, unchanged, repeats, rejected). */
  readonly articles: number;
  readonly counts: RunCounts;
  readonly failures: FailureReport[];
  /**
   * Inputs that could not be read at all (a path that does not exist, a folder that may not be
   * read). They hold no article, so they are in no count; the store's failures table keeps them.
   */
  readonly unread: FailureReport[];
  readonly skipped: { path: string; reason: string }[];
  /** Totals of what was found in the articles extracted in this run (stored or updated). */
  readonly found: FoundCounts;
  /** Wall-clock time of the run, in seconds (reading, extracting and storing). */
  readonly seconds: number;
  /** Articles read per second of the run; null when the run took no measurable time. */
  readonly articlesPerSecond: number | null;
}

function inputLabel(input: PlannedInput): string {
  return input.kind === 'stdin' ? '<stdin>' : input.path;
}

/**
 * Writes articles into a store for one run: prepares each, skips what the running pipeline
 * stored already (recording only a new source), extracts and saves the rest, puts each in its
 * near-duplicate story, and counts every article in exactly one of the run's counts. Used by
 * `ingest` for files and by the fetching services (URLs, feeds, `watch`).
 */
export class ArticleWriter {
  readonly counts: RunCounts = { stored: 0, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 0 };
  readonly failures: FailureReport[] = [];
  /** Totals of what was found in the articles this writer extracted. */
  readonly found: FoundCounts = { entities: 0, dates: 0, quantities: 0, events: 0 };
  private readonly stamp = pipelineStamp(pipelineModel());
  private readonly key = stampKey(this.stamp);

  /**
   * @param pool When given, articles are extracted on its worker threads (`begin`/`finish`, or
   *   `write`, which waits for the one article); otherwise in this thread, as `--jobs 1`.
   */
  constructor(
    private readonly store: Store,
    readonly runId: number,
    private readonly onArticle?: (report: ArticleReport) => void,
    private readonly pool?: ExtractionPool,
  ) {}

  /** Records an article that could not be read or extracted; never throws for the article's own fault. */
  async reject(origin: string, error: unknown): Promise<FailureReport> {
    this.counts.rejected++;
    const f: FailureReport = isMarsadError(error)
      ? { origin, code: error.code, message: error.message }
      : {
          origin,
          code: 'internal',
          message: `${origin}: internal error: ${(error as Error)?.message ?? String(error)}`,
          ...((error as Error)?.stack ? { stack: (error as Error).stack! } : {}),
        };
    this.failures.push(f);
    await this.store.recordFailure(this.runId, { origin: f.origin, code: f.code, message: f.message });
    return f;
  }

  /** Records an input that could not be read at all: a failure of the run, but no article. */
  async unread(origin: string, error: MarsadError): Promise<FailureReport> {
    const f: FailureReport = { origin, code: error.code, message: error.message };
    await this.store.recordFailure(this.runId, f);
    return f;
  }

  /** Stores one article; returns what happened to it (a rejection is recorded, not thrown). */
  async write(article: ArticleInput): Promise<WriteResult> {
    if (this.pool) return this.finish(await this.begin(article));
    let prepared;
    try {
      prepared = prepareArticle(article);
    } catch (error) {
      return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, error) };
    }
    const source = sourceOf(article);
    const state = await this.store.documentState(prepared.id);
    if (state && state.pipeline === this.key) return this.known(article.origin, prepared, source);
    let record;
    try {
      record = extractPrepared(prepared, { stamp: this.stamp });
    } catch (error) {
      return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, error) };
    }
    return this.save(article.origin, record, null, source);
  }

  /**
   * With a pool: prepares an article and, unless the running pipeline stored it already, sends
   * it to be extracted on a worker. Nothing is written: {@link finish} does that, in the order
   * the articles were begun, so that a run writes what `write` would, in the same order.
   */
  async begin(article: ArticleInput): Promise<PendingArticle> {
    let prepared;
    try {
      prepared = prepareArticle(article);
    } catch (error) {
      return { article, prepared: null, error };
    }
    const state = await this.store.documentState(prepared.id);
    const extraction = state && state.pipeline === this.key ? null : this.extractOnPool(prepared);
    return { article, prepared, extraction };
  }

  /** Writes an article begun by {@link begin}: what `write` does, with its record made on a worker. */
  async finish(pending: PendingArticle): Promise<WriteResult> {
    const { article, prepared } = pending;
    if (!prepared) return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, pending.error) };
    const source = sourceOf(article);
    // Asked again: an article begun earlier in this run (or another process) may have stored it.
    const state = await this.store.documentState(prepared.id);
    if (state && state.pipeline === this.key) return this.known(article.origin, prepared, source);
    const extracted = await (pending.extraction ?? this.extractOnPool(prepared));
    if (!extracted.ok) return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, extracted.error) };
    return this.save(article.origin, extracted.value.record, extracted.value.fingerprint, source);
  }

  private extractOnPool(prepared: PreparedArticle): Promise<Settled<Extracted>> {
    return this.pool!.extract(prepared, this.stamp).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  }

  /** An article the running pipeline stored already: a new source of it, or nothing new. */
  private async known(origin: string, prepared: PreparedArticle, source: SourceRef): Promise<WriteResult> {
    const isNewSource = await this.store.addSource(prepared.id, source, this.runId);
    const outcome: ArticleOutcome = isNewSource ? 'repeat' : 'unchanged';
    if (isNewSource) this.counts.repeats++;
    else this.counts.unchanged++;
    // A run killed between storing a document and placing it in its story places it now.
    await this.placeInStory(prepared.id, prepared.text, prepared.title);
    this.onArticle?.({ origin, id: prepared.id, outcome, title: prepared.title });
    return { outcome, id: prepared.id };
  }

  /** Saves an extracted record; `fp` is its fingerprint when a worker computed it (null: compute it here). */
  private async save(origin: string, record: DocumentRecord, fp: Fingerprint | null, source: SourceRef): Promise<WriteResult> {
    // Another process may have stored the same text meanwhile: it is then a repeat (or unchanged).
    const outcome = await this.store.saveDocument(record, source, this.runId);
    if (outcome === 'repeat') this.counts.repeats++;
    else this.counts[outcome]++;
    await this.placeInStory(record.id, record.text, record.title, fp);
    const found: FoundCounts = {
      entities: record.entities.length,
      dates: record.dates.length,
      quantities: record.quantities.length,
      events: record.events.length,
    };
    if (outcome === 'stored' || outcome === 'updated') {
      for (const k of Object.keys(found) as (keyof FoundCounts)[]) this.found[k] += found[k];
    }
    this.onArticle?.({ origin, id: record.id, outcome, title: record.title, found });
    return { outcome, id: record.id };
  }

  private async placeInStory(id: string, text: string, title: string | null, computed: Fingerprint | null = null): Promise<void> {
    // A worker's fingerprint is of the same text: computed there, it is the same.
    const fp = computed ?? fingerprint(storyText(text, title));
    if (fp) await this.store.assignStory(id, fp, NEAR_DUPLICATE_THRESHOLD);
  }
}

/** An article begun by `ArticleWriter.begin`: prepared (or refused) and, when needed, extracting. */
export type PendingArticle =
  | { readonly article: ArticleInput; readonly prepared: null; readonly error: unknown }
  | { readonly article: ArticleInput; readonly prepared: PreparedArticle; readonly extraction: Promise<Settled<Extracted>> | null };

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function sourceOf(article: ArticleInput): SourceRef {
  return {
    origin: article.sourceKey,
    url: article.source.url ?? null,
    outlet: article.source.outlet ?? null,
    published: article.published,
  };
}

/** What writing one article did. */
export type WriteResult =
  | { readonly outcome: ArticleOutcome; readonly id: string }
  | { readonly outcome: 'rejected'; readonly id: null; readonly failure: FailureReport };

/** Whether an input names a web address rather than a file. */
export const isUrlInput = (input: string) => /^https?:\/\//i.test(input);

/**
 * Ingests the given paths and URLs into the store. A URL is fetched (through `options.fetcher`)
 * and read as a page (one article) or a feed (an article per item: its content, or its link
 * fetched as a page).
 *
 * @example
 * const report = await ingest(store, ['examples']);
 * report.counts.stored  // 12 on an empty store
 */
export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const published = checkPublishedOption(options.published);
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) throw new MarsadError('usage', '--jobs', `${jobs} is not a whole number of at least 1`);
  const urls = paths.filter(isUrlInput);
  const plan = await planInputs(paths.filter((p) => !isUrlInput(p)));
  const runId = await store.beginRun({ command: options.command ?? 'ingest', inputs: [...paths], pipeline: stampKey(pipelineStamp(pipelineModel())) });
  // Workers start with the first article that needs extracting: a rerun that finds everything
  // stored starts none.
  const pool = options.pool ?? (jobs > 1 ? new ExtractionPool({ size: jobs }) : undefined);
  const writer = new ArticleWriter(store, runId, options.onArticle, pool);
  // With a pool, every step that writes or reports runs in the order of the inputs, as with
  // --jobs 1, while up to `window` articles are extracted ahead of the one being written.
  const inOrder = new InOrder(pool ? pool.size * 4 : 1);
  const skipped: { path: string; reason: string }[] = [];
  const unread: FailureReport[] = [];
  let articles = 0;
  let fetcher: Fetcher | undefined;
  const web = (): Fetcher => {
    fetcher ??= options.fetcher?.();
    if (!fetcher) throw new MarsadError('internal', undefined, 'ingest was given a URL but no fetcher');
    return fetcher;
  };
  /** `--published` applies to articles from the web too. */
  const dated = (article: ArticleInput): ArticleInput => (published ? { ...article, published } : article);
  const total = plan.length + urls.length;

  try {
    let done = 0;
    for (const input of plan) {
      const progress = { done, total, current: inputLabel(input) };
      await inOrder.run(async () => options.onProgress?.(progress));
      if (input.kind === 'missing') {
        await inOrder.run(async () => void unread.push(await writer.unread(input.path, input.error)));
        done++;
        continue;
      }
      for await (const item of readPlanned(input, { ...(published ? { published } : {}), ...(options.stdin ? { stdin: options.stdin } : {}) })) {
        if (item.kind === 'skipped') {
          writer.counts.skipped++;
          skipped.push({ path: item.path, reason: item.reason });
        } else if (item.kind === 'failure') {
          articles++;
          await inOrder.run(async () => void (await writer.reject(item.origin, item.error)));
        } else if (item.kind === 'link') {
          // A feed file's item that holds only a link: its page is fetched, when ingest may fetch.
          articles++;
          await inOrder.run(async () => {
            if (!options.fetcher) {
              await writer.reject(item.origin, new MarsadError('input-link-only', item.origin, `its article is at ${item.url}, which must be fetched`));
              return;
            }
            try {
              await writer.write(dated(await fetchPageArticle(web(), item.url, item.outlet, item)));
            } catch (error) {
              await writer.reject(item.origin, error);
            }
          });
        } else {
          articles++;
          if (pool) {
            const pending = await writer.begin(item.article);
            await inOrder.run(async () => void (await writer.finish(pending)));
          } else {
            await writer.write(item.article);
          }
        }
      }
      done++;
    }
    await inOrder.drain();
    for (const url of urls) {
      options.onProgress?.({ done, total, current: url });
      articles += await ingestUrl(web(), writer, url, dated);
      done++;
    }
    options.onProgress?.({ done, total, current: '' });
  } catch (error) {
    await inOrder.abandon();
    await store.finishRun(runId, writer.counts, 'failed').catch(() => undefined);
    if (isMarsadError(error)) throw error;
    throw new MarsadError('internal', undefined, (error as Error).message, { cause: error });
  } finally {
    await fetcher?.close();
    if (pool && pool !== options.pool) await pool.close();
  }
  await store.finishRun(runId, writer.counts, 'completed');
  const seconds = Math.round(performance.now() - started) / 1000;
  return {
    runId,
    articles,
    counts: writer.counts,
    failures: writer.failures,
    unread,
    skipped,
    found: writer.found,
    seconds,
    articlesPerSecond: seconds > 0 ? Math.round((articles / seconds) * 10) / 10 : null,
  };
}

/**
 * Runs steps one after another in the order they were given, while the caller goes on, and
 * makes it wait when `window` steps are not done yet. With a window of 1 every step is done
 * before `run` returns: the in-process path. A step that throws stops the steps after it; the
 * error is thrown to the caller by `run` or `drain`.
 */
class InOrder {
  private readonly pending: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly window: number) {}

  async run(step: () => Promise<void>): Promise<void> {
    const done = this.tail.then(() => (this.stopped ? undefined : step()));
    // Handled here so that steps not awaited after a failure are no unhandled rejection; the
    // error still reaches whoever awaits `done`.
    done.catch(() => undefined);
    this.tail = done;
    this.pending.push(done);
    while (this.pending.length >= this.window) await this.pending.shift();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }

  /** After a failure: waits for the step running now, if any, and drops the rest. */
  async abandon(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.pending.splice(0));
  }
}

/** Fetches one URL and writes what it holds; returns how many articles it counted. */
async function ingestUrl(fetcher: Fetcher, writer: ArticleWriter, url: string, dated: (a: ArticleInput) => ArticleInput): Promise<number> {
  let doc;
  try {
    doc = await fetchDocument(fetcher, url);
  } catch (error) {
    await writer.reject(url, error);
    return 1;
  }
  if (doc.kind === 'page') {
    await writer.write(dated(doc.article));
    return 1;
  }
  if (doc.kind === 'not-modified') {
    await writer.reject(url, new MarsadError('internal', url, 'a request without validators was answered 304 Not Modified'));
    return 1;
  }
  if (doc.feed.items.length === 0) {
    await writer.reject(url, new MarsadError('input-no-articles', url, 'the feed has no items'));
    return 1;
  }
  for (const item of doc.feed.items) {
    const origin = item.link ?? `${url}#${item.id ?? '?'}`;
    const inFeed = itemArticle(item, doc.feed, origin, null);
    if (inFeed) {
      await writer.write(dated(inFeed));
      continue;
    }
    if (!item.link) {
      await writer.reject(origin, new MarsadError('input-empty', origin, 'the feed item has neither content nor a link'));
      continue;
    }
    try {
      await writer.write(dated(await fetchPageArticle(fetcher, item.link, null, item)));
    } catch (error) {
      await writer.reject(origin, error);
    }
  }
  return doc.feed.items.length;
}
