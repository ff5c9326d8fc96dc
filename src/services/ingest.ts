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
import { extractPrepared, prepareArticle } from '../extract/document.js';
import { pipelineModel } from '../extract/pipeline.js';
import { planInputs, readPlanned, checkPublishedOption, type PlannedInput } from '../ingest/read.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { ArticleInput } from '../ingest/types.js';
import { fingerprint, NEAR_DUPLICATE_THRESHOLD, storyText } from '../text/minhash.js';
import type { RunCounts, Store } from '../store/store.js';
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

  constructor(
    private readonly store: Store,
    readonly runId: number,
    private readonly onArticle?: (report: ArticleReport) => void,
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
    let prepared;
    try {
      prepared = prepareArticle(article);
    } catch (error) {
      return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, error) };
    }
    const source = {
      origin: article.sourceKey,
      url: article.source.url ?? null,
      outlet: article.source.outlet ?? null,
      published: article.published,
    };
    const state = await this.store.documentState(prepared.id);
    if (state && state.pipeline === this.key) {
      const isNewSource = await this.store.addSource(prepared.id, source, this.runId);
      const outcome: ArticleOutcome = isNewSource ? 'repeat' : 'unchanged';
      if (isNewSource) this.counts.repeats++;
      else this.counts.unchanged++;
      // A run killed between storing a document and placing it in its story places it now.
      await this.placeInStory(prepared.id, prepared.text, prepared.title);
      this.onArticle?.({ origin: article.origin, id: prepared.id, outcome, title: prepared.title });
      return { outcome, id: prepared.id };
    }
    let record;
    try {
      record = extractPrepared(prepared, { stamp: this.stamp });
    } catch (error) {
      return { outcome: 'rejected', id: null, failure: await this.reject(article.origin, error) };
    }
    // Another process may have stored the same text meanwhile: it is then a repeat (or unchanged).
    const outcome = await this.store.saveDocument(record, source, this.runId);
    if (outcome === 'repeat') this.counts.repeats++;
    else this.counts[outcome]++;
    await this.placeInStory(record.id, record.text, record.title);
    const found: FoundCounts = {
      entities: record.entities.length,
      dates: record.dates.length,
      quantities: record.quantities.length,
      events: record.events.length,
    };
    if (outcome === 'stored' || outcome === 'updated') {
      for (const k of Object.keys(found) as (keyof FoundCounts)[]) this.found[k] += found[k];
    }
    this.onArticle?.({ origin: article.origin, id: record.id, outcome, title: record.title, found });
    return { outcome, id: record.id };
  }

  private async placeInStory(id: string, text: string, title: string | null): Promise<void> {
    const fp = fingerprint(storyText(text, title));
    if (fp) await this.store.assignStory(id, fp, NEAR_DUPLICATE_THRESHOLD);
  }
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
  const urls = paths.filter(isUrlInput);
  const plan = await planInputs(paths.filter((p) => !isUrlInput(p)));
  const runId = await store.beginRun({ command: options.command ?? 'ingest', inputs: [...paths], pipeline: stampKey(pipelineStamp(pipelineModel())) });
  const writer = new ArticleWriter(store, runId, options.onArticle);
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
      options.onProgress?.({ done, total, current: inputLabel(input) });
      if (input.kind === 'missing') {
        unread.push(await writer.unread(input.path, input.error));
        done++;
        continue;
      }
      for await (const item of readPlanned(input, { ...(published ? { published } : {}), ...(options.stdin ? { stdin: options.stdin } : {}) })) {
        if (item.kind === 'skipped') {
          writer.counts.skipped++;
          skipped.push({ path: item.path, reason: item.reason });
        } else if (item.kind === 'failure') {
          articles++;
          await writer.reject(item.origin, item.error);
        } else if (item.kind === 'link') {
          // A feed file's item that holds only a link: its page is fetched, when ingest may fetch.
          articles++;
          if (!options.fetcher) {
            await writer.reject(item.origin, new MarsadError('input-link-only', item.origin, `its article is at ${item.url}, which must be fetched`));
            continue;
          }
          try {
            await writer.write(dated(await fetchPageArticle(web(), item.url, item.outlet, item)));
          } catch (error) {
            await writer.reject(item.origin, error);
          }
        } else {
          articles++;
          await writer.write(item.article);
        }
      }
      done++;
    }
    for (const url of urls) {
      options.onProgress?.({ done, total, current: url });
      articles += await ingestUrl(web(), writer, url, dated);
      done++;
    }
    options.onProgress?.({ done, total, current: '' });
  } catch (error) {
    await store.finishRun(runId, writer.counts, 'failed').catch(() => undefined);
    if (isMarsadError(error)) throw error;
    throw new MarsadError('internal', undefined, (error as Error).message, { cause: error });
  } finally {
    await fetcher?.close();
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
