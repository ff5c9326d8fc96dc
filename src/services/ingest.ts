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
import type { ArticleInput } from '../ingest/types.js';
import type { RunCounts, Store } from '../store/store.js';
import { pipelineStamp, stampKey } from '../version.js';

export type ArticleOutcome = 'stored' | 'updated' | 'unchanged' | 'repeat';

/** One article's result, reported as ingest goes. */
export interface ArticleReport {
  readonly origin: string;
  readonly id: string;
  readonly outcome: ArticleOutcome;
  readonly title: string | null;
  /** What was found, for articles extracted in this run. */
  readonly found?: { entities: number; dates: number; quantities: number; events: number };
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
}

export interface IngestReport {
  readonly runId: number;
  /** Articles read (every one is in exactly one of stored, updated, unchanged, repeats, rejected). */
  readonly articles: number;
  readonly counts: RunCounts;
  readonly failures: FailureReport[];
  readonly skipped: { path: string; reason: string }[];
}

function inputLabel(input: PlannedInput): string {
  return input.kind === 'stdin' ? '<stdin>' : input.path;
}

/**
 * Ingests the given paths into the store.
 *
 * @example
 * const report = await ingest(store, ['examples']);
 * report.counts.stored  // 12 on an empty store
 */
export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const published = checkPublishedOption(options.published);
  const stamp = pipelineStamp(pipelineModel());
  const key = stampKey(stamp);
  const plan = await planInputs(paths);
  const runId = await store.beginRun({ command: options.command ?? 'ingest', inputs: [...paths], pipeline: key });
  const counts: RunCounts = { stored: 0, updated: 0, unchanged: 0, repeats: 0, rejected: 0, skipped: 0 };
  const failures: FailureReport[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let articles = 0;

  const reject = async (origin: string, error: unknown) => {
    counts.rejected++;
    const f: FailureReport = isMarsadError(error)
      ? { origin, code: error.code, message: error.message }
      : {
          origin,
          code: 'internal',
          message: `${origin}: internal error: ${(error as Error)?.message ?? String(error)}`,
          ...((error as Error)?.stack ? { stack: (error as Error).stack! } : {}),
        };
    failures.push(f);
    await store.recordFailure(runId, { origin: f.origin, code: f.code, message: f.message });
  };

  const handleArticle = async (article: ArticleInput) => {
    let prepared;
    try {
      prepared = prepareArticle(article);
    } catch (error) {
      await reject(article.origin, error);
      return;
    }
    const source = {
      origin: article.sourceKey,
      url: article.source.url ?? null,
      outlet: article.source.outlet ?? null,
      published: article.published,
    };
    const state = await store.documentState(prepared.id);
    if (state && state.pipeline === key) {
      const isNewSource = await store.addSource(prepared.id, source, runId);
      const outcome: ArticleOutcome = isNewSource ? 'repeat' : 'unchanged';
      if (isNewSource) counts.repeats++;
      else counts.unchanged++;
      options.onArticle?.({ origin: article.origin, id: prepared.id, outcome, title: prepared.title });
      return;
    }
    let record;
    try {
      record = extractPrepared(prepared, { stamp });
    } catch (error) {
      await reject(article.origin, error);
      return;
    }
    // Another process may have stored the same text meanwhile: it is then a repeat (or unchanged).
    const outcome = await store.saveDocument(record, source, runId);
    if (outcome === 'repeat') counts.repeats++;
    else counts[outcome]++;
    options.onArticle?.({
      origin: article.origin,
      id: record.id,
      outcome,
      title: record.title,
      found: {
        entities: record.entities.length,
        dates: record.dates.length,
        quantities: record.quantities.length,
        events: record.events.length,
      },
    });
  };

  try {
    let done = 0;
    for (const input of plan) {
      options.onProgress?.({ done, total: plan.length, current: inputLabel(input) });
      for await (const item of readPlanned(input, { ...(published ? { published } : {}), ...(options.stdin ? { stdin: options.stdin } : {}) })) {
        if (item.kind === 'skipped') {
          counts.skipped++;
          skipped.push({ path: item.path, reason: item.reason });
        } else if (item.kind === 'failure') {
          articles++;
          await reject(item.origin, item.error);
        } else {
          articles++;
          await handleArticle(item.article);
        }
      }
      done++;
    }
    options.onProgress?.({ done, total: plan.length, current: '' });
  } catch (error) {
    await store.finishRun(runId, counts, 'failed').catch(() => undefined);
    if (isMarsadError(error)) throw error;
    throw new MarsadError('internal', undefined, (error as Error).message, { cause: error });
  }
  await store.finishRun(runId, counts, 'completed');
  return { runId, articles, counts, failures, skipped };
}
