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
import { pipelineModel } from '../extract/pipeline.js';
import { planInputs, readPlanned, checkPublishedOption, type PlannedInput } from '../ingest/read.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { ArticleInput } from '../ingest/types.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText } from '../text/minhash.js';
import type { ArticleWrite, ArticleWritten, RunCounts, SourceRef, Store } from '../store/store.js';
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
   * @param pool When given, articles are extracted on its worker threads (`begin`/`finishAll`,
   *   or `write`, which waits for the one article); otherwise in this thread, as `--jobs 1`.
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

  /**
   * Stores one article now, in a transaction of its own; returns what happened to it (a
   * rejection is recorded, not thrown). With a pool it waits for its extraction on a worker.
   */
  async write(article: ArticleInput): Promise<WriteResult> {
    return (await this.finishAll([await this.begin(article)]))[0]!;
  }

  /**
   * Prepares an article and, unless the running pipeline stored it already, extracts it: on a
   * worker of the pool (the extraction goes on after this returns), or here, before this
   * returns, without one. Nothing is written: {@link finishAll} does that, in the order the
   * articles were begun, so that a run writes what one article after another would.
   */
  async begin(article: ArticleInput): Promise<PendingArticle> {
    let prepared;
    try {
      prepared = prepareArticle(article);
    } catch (error) {
      return { origin: article.origin, prepared: null, error };
    }
    const state = await this.store.documentState(prepared.id);
    if (state && state.pipeline === this.key) return { article, prepared, extraction: null };
    return { article, prepared, extraction: this.pool ? this.extractOnPool(prepared) : this.extractHere(prepared) };
  }

  /**
   * Writes articles begun by {@link begin}, in order: each run of articles to store goes to the
   * store in one transaction (`Store.saveArticles`: the record or the new source, and the story),
   * and an article rejected (not prepared, or its extraction failed) is recorded between them,
   * in its place. Each is counted and reported once its transaction is committed. Waits for
   * extractions still running (the caller gives articles whose extraction is done, so that no
   * transaction waits on one: none is open while this waits).
   */
  async finishAll(pendings: readonly PendingArticle[]): Promise<WriteResult[]> {
    const results: WriteResult[] = [];
    let group: { pending: Begun; extracted: Extracted | null; write: ArticleWrite }[] = [];
    const flush = async () => {
      if (group.length === 0) return;
      const done = await this.store.saveArticles(group.map((g) => g.write), this.runId, NEAR_DUPLICATE_THRESHOLD);
      group.forEach((g, i) => results.push(this.written(g.pending, g.extracted, done[i]!)));
      group = [];
    };
    for (const pending of pendings) {
      if (!pending.prepared) {
        await flush();
        results.push({ outcome: 'rejected', id: null, failure: await this.reject(pending.origin, pending.error) });
        continue;
      }
      const settled = pending.extraction ? await pending.extraction.promise : null;
      if (settled && !settled.ok) {
        await flush();
        results.push({ outcome: 'rejected', id: null, failure: await this.reject(pending.article.origin, settled.error) });
        continue;
      }
      const { prepared, article } = pending;
      const source = sourceOf(article);
      const write: ArticleWrite = settled
        ? { kind: 'record', record: settled.value.record, source, fingerprint: settled.value.fingerprint }
        : // A document stored before a run killed between storing it and placing it is placed now.
          { kind: 'source', id: prepared.id, source, fingerprint: fingerprint(storyText(prepared.text, prepared.title)) };
      group.push({ pending, extracted: settled ? settled.value : null, write });
    }
    await flush();
    return results;
  }

  /** Counts and reports an article `saveArticles` wrote. */
  private written(pending: Begun, extracted: Extracted | null, done: ArticleWritten): WriteResult {
    const { outcome } = done;
    const { prepared, article } = pending;
    if (outcome === 'repeat') this.counts.repeats++;
    else this.counts[outcome]++;
    // Found counts are those of a record this run stored; a text stored already (before, or by
    // an article before it in this run) is reported as such, whether it was extracted again or not.
    if (extracted && (outcome === 'stored' || outcome === 'updated')) {
      const { record } = extracted;
      const found: FoundCounts = {
        entities: record.entities.length,
        dates: record.dates.length,
        quantities: record.quantities.length,
        events: record.events.length,
      };
      for (const k of Object.keys(found) as (keyof FoundCounts)[]) this.found[k] += found[k];
      this.onArticle?.({ origin: article.origin, id: record.id, outcome, title: record.title, found });
    } else {
      this.onArticle?.({ origin: article.origin, id: prepared.id, outcome, title: prepared.title });
    }
    return { outcome, id: prepared.id };
  }

  private extractOnPool(prepared: PreparedArticle): Extraction {
    const extraction: Extraction = {
      settled: null,
      promise: this.pool!.extract(prepared, this.stamp).then(
        (value) => (extraction.settled = { ok: true as const, value }),
        (error: unknown) => (extraction.settled = { ok: false as const, error }),
      ),
    };
    return extraction;
  }

  /** Extracts in this thread, as a worker does (the record and its fingerprint). */
  private extractHere(prepared: PreparedArticle): Extraction {
    let settled: Settled<Extracted>;
    try {
      const record = extractPrepared(prepared, { stamp: this.stamp });
      settled = { ok: true, value: { record, fingerprint: fingerprint(storyText(record.text, record.title)) } };
    } catch (error) {
      settled = { ok: false, error };
    }
    return { settled, promise: Promise.resolve(settled) };
  }
}

/**
 * An article begun by `ArticleWriter.begin`: prepared (or refused, with the reason: also what
 * a caller that could not read an article gives `finishAll`, to have it rejected in its place)
 * and, unless it is stored already, extracted or extracting.
 */
export type PendingArticle =
  | { readonly origin: string; readonly prepared: null; readonly error: unknown }
  | Begun;

type Begun = { readonly article: ArticleInput; readonly prepared: PreparedArticle; readonly extraction: Extraction | null };

/** An extraction: its result once settled (null while it runs), and a promise of it that never rejects. */
interface Extraction {
  settled: Settled<Extracted> | null;
  readonly promise: Promise<Settled<Extracted>>;
}

/** Whether an article can be written now, without waiting for its extraction. */
const isReady = (p: PendingArticle) => !p.prepared || p.extraction === null || p.extraction.settled !== null;

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
  const pool = options.pool ?? (jobs > 1 ? new ExtractionPool({ size: jobs, perWorker: PER_WORKER }) : undefined);
  const writer = new ArticleWriter(store, runId, options.onArticle, pool);
  // Every step that writes or reports runs in the order of the inputs; articles are written in
  // batches (a transaction each), each once its articles are extracted.
  const queue = pool ? new WriteQueue(writer, windowOf(pool), true) : new WriteQueue(writer, BATCH_ARTICLES, false);
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
      // Progress is of reading: the articles of the inputs before may still be being written.
      options.onProgress?.({ done, total, current: inputLabel(input) });
      if (input.kind === 'missing') {
        await queue.step(async () => void unread.push(await writer.unread(input.path, input.error)));
        done++;
        continue;
      }
      for await (const item of readPlanned(input, { ...(published ? { published } : {}), ...(options.stdin ? { stdin: options.stdin } : {}) })) {
        if (item.kind === 'skipped') {
          writer.counts.skipped++;
          skipped.push({ path: item.path, reason: item.reason });
        } else if (item.kind === 'failure') {
          articles++;
          await queue.step(async () => void (await writer.reject(item.origin, item.error)));
        } else if (item.kind === 'link') {
          // A feed file's item that holds only a link: its page is fetched, when ingest may fetch.
          articles++;
          await queue.step(async () => {
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
          await queue.article(await writer.begin(item.article));
        }
      }
      done++;
    }
    await queue.drain();
    for (const url of urls) {
      options.onProgress?.({ done, total, current: url });
      articles += await ingestUrl(web(), writer, url, dated);
      done++;
    }
    options.onProgress?.({ done, total, current: '' });
  } catch (error) {
    await queue.abandon();
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
 * Articles written at most in one transaction, and their text at most (characters: a batch of
 * long articles is written sooner). Batches are cut at the same places whatever `--jobs` is
 * (every BATCH_ARTICLES articles, at BATCH_CHARS, and before and after each step), so that any
 * number of worker threads writes the same transactions, and the store's files hold the same
 * rows (the full-text index's segments included).
 */
const BATCH_ARTICLES = 16;
const BATCH_CHARS = 2_000_000;
/**
 * With a pool of N workers, the articles held at most between reading and writing: a batch for
 * each worker to extract while this thread writes one more.
 */
const windowOf = (pool: ExtractionPool) => BATCH_ARTICLES * (pool.size + 1);
/**
 * Articles a worker of ingest's pool holds at once (the pool's `perWorker`): half a batch, so
 * that it has work queued while this thread writes a batch and does not ask for more.
 */
const PER_WORKER = BATCH_ARTICLES / 2;

type QueueEntry =
  | { readonly kind: 'batch'; readonly articles: PendingArticle[]; chars: number; closed: boolean }
  | { readonly kind: 'step'; readonly run: () => Promise<void> };

/**
 * The articles of a run between reading and the store, and the steps that write or report
 * (rejections, unread inputs, fetched links), in input order. Articles are written in batches
 * (one `ArticleWriter.finishAll`, one transaction, each), cut where `BATCH_ARTICLES` and
 * `BATCH_CHARS` say; a batch is written once every article in it is extracted, so no
 * transaction is open while an extraction runs, and the rows are written in the order one
 * article after another would write them. A step runs alone, in its place.
 *
 * With a pool (`eager`), each batch is written as soon as it is complete and extracted, while
 * the caller reads and begins articles, up to `window` ahead. Without one (every article begun
 * is extracted already), the queue is written when `window` articles and steps wait, and at
 * `drain`.
 *
 * A step or write that throws stops the queue: the error is thrown to the caller by the next
 * `article`, `step` or `drain`.
 */
class WriteQueue {
  private readonly entries: QueueEntry[] = [];
  /** Articles and steps added and not yet written or run. */
  private size = 0;
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  private draining = false;
  private stopped = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly writer: ArticleWriter,
    private readonly window: number,
    private readonly eager: boolean,
  ) {
    if (window < BATCH_ARTICLES) throw new RangeError(`the window (${window}) must hold a batch (${BATCH_ARTICLES})`);
  }

  /** Adds an article begun by `writer.begin`; waits while `window` articles and steps are not done. */
  async article(pending: PendingArticle): Promise<void> {
    this.check();
    let last = this.entries.at(-1);
    if (!last || last.kind !== 'batch' || last.closed) this.entries.push((last = { kind: 'batch', articles: [], chars: 0, closed: false }));
    last.articles.push(pending);
    last.chars += pending.prepared?.text.length ?? 0;
    if (last.articles.length >= BATCH_ARTICLES || last.chars >= BATCH_CHARS) last.closed = true;
    await this.added();
  }

  /** Adds a step to run in its place in the order (it ends the batch before it). */
  async step(run: () => Promise<void>): Promise<void> {
    this.check();
    this.close();
    this.entries.push({ kind: 'step', run });
    await this.added();
  }

  /** Writes everything added; throws the error that stopped the queue, if one did. */
  async drain(): Promise<void> {
    this.draining = true;
    this.close();
    this.kick();
    while (this.running) await this.running;
    this.check();
  }

  /** After a failure: waits for the write running now, if any, and drops the rest. */
  async abandon(): Promise<void> {
    this.stopped = true;
    while (this.running) await this.running;
  }

  private close(): void {
    const last = this.entries.at(-1);
    if (last?.kind === 'batch') last.closed = true;
  }

  private async added(): Promise<void> {
    this.size++;
    if (this.eager || this.size >= this.window) this.kick();
    while (this.size >= this.window) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.check();
    }
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  private kick(): void {
    if (this.running || this.failure || this.stopped) return;
    this.running = this.loop()
      .catch((error: unknown) => void (this.failure = { error }))
      .finally(() => {
        this.running = null;
        this.wake();
      });
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private async loop(): Promise<void> {
    for (;;) {
      const head = this.entries[0];
      if (this.stopped || !head || (head.kind === 'batch' && !head.closed)) return;
      if (!this.eager && !this.draining && this.size < this.window) return;
      if (head.kind === 'step') {
        await head.run();
      } else {
        // Nothing is written while the batch's extractions finish: the batch before is committed.
        for (const p of head.articles) if (!isReady(p)) await (p.prepared && p.extraction?.promise);
        await this.writer.finishAll(head.articles);
      }
      this.entries.shift();
      this.size -= head.kind === 'step' ? 1 : head.articles.length;
      this.wake();
    }
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
