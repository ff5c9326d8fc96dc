/**
 * Ingest through a queue (issue 14, item 4): `marsad ingest --queue` reads the inputs and
 * enqueues one job per article in the PostgreSQL store; `marsad worker`, on any number of
 * machines, takes jobs with a lease, extracts and stores each as `marsad ingest` does (the same
 * `ArticleWriter`), and marks it done or failed.
 *
 * A job holds the article as read (`ArticleInput`: title, body, lead, date, source, reading
 * notes), so a worker needs nothing but the store: not the files, which may be on another
 * machine. Delivery is at least once (a worker that dies mid-job leaves its lease to run out,
 * and another takes the job) and writes are idempotent (the same text has the same id, and a
 * record the running pipeline stored already is not written again), so a killed worker loses
 * and doubles nothing.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MarsadError, isMarsadError } from '../errors.js';
import { MAX_TEXT_LENGTH } from '../extract/document.js';
import { pipelineModel } from '../extract/pipeline.js';
import { checkPublishedOption, planInputs, readPlanned } from '../ingest/read.js';
import type { ArticleInput } from '../ingest/types.js';
import { PostgresStore } from '../store/postgres/pg-store.js';
import { PgQueue, type LeasedJob } from '../store/postgres/queue.js';
import type { RunCounts, Store } from '../store/store.js';
import { pipelineStamp, stampKey } from '../version.js';
import { ExtractionPool } from './extract-pool.js';
import { ArticleWriter, isUrlInput, type ArticleOutcome, type FailureReport, type PendingArticle, type WriteResult } from './ingest.js';

/**
 * Largest job, in bytes of JSON: above the largest article `ingest` extracts
 * (MAX_TEXT_LENGTH, 5,000,000 characters, about 10 MB of Arabic in UTF-8), so that the queue
 * refuses only what ingest would refuse too, and no single row grows without bound.
 */
export const MAX_JOB_BYTES = 16 * 1024 * 1024;

/** Version of a job's JSON, so that a later Marsad can tell the jobs it reads. */
const JOB_FORMAT = 1;

/** Jobs buffered by `enqueue` before they are inserted (and at most this many bytes). */
const ENQUEUE_BATCH = 200;
const ENQUEUE_BATCH_BYTES = 32 * 1024 * 1024;

/** The queue of a store, or a usage error naming `what` when the store is not PostgreSQL. */
export function queueOf(store: Store, what: string): PgQueue {
  if (!(store instanceof PostgresStore)) {
    throw new MarsadError(
      'usage',
      what,
      `a queue is held in a PostgreSQL store, and ${store.location} is a SQLite file: give --store postgres://… (or ingest without --queue)`,
    );
  }
  return new PgQueue(store);
}

export interface EnqueueOptions {
  readonly published?: string;
  readonly stdin?: NodeJS.ReadableStream;
  /** Attempts each job gets (each lease taken is one; default 3). */
  readonly maxAttempts?: number;
  readonly onProgress?: (enqueued: number, current: string) => void;
}

export interface EnqueueReport {
  /** Articles read and enqueued. */
  readonly enqueued: number;
  /** Articles read but refused (too large for a job, or not fetched: a feed item that is only a link). */
  readonly rejected: FailureReport[];
  /** Inputs that could not be read at all, or held a malformed item. */
  readonly unread: FailureReport[];
  readonly skipped: { path: string; reason: string }[];
  readonly seconds: number;
}

/** The JSON of a job: the article as read, in a versioned envelope. */
export function jobJson(article: ArticleInput): string {
  return JSON.stringify({ format: JOB_FORMAT, article });
}

/**
 * Reads the inputs and enqueues every article in the store's queue, in the order read. Nothing
 * is extracted here. URLs are refused (a worker does not fetch: fetch pages and feeds with
 * `marsad ingest URL` or `marsad watch`), and so are feed items that hold only a link.
 *
 * @throws MarsadError `usage` when the store is not PostgreSQL, or an input is a URL.
 */
export async function enqueue(store: Store, inputs: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueReport> {
  const started = performance.now();
  const queue = queueOf(store, '--queue');
  const url = inputs.find(isUrlInput);
  if (url !== undefined) {
    throw new MarsadError('usage', url, '--queue takes files, folders and standard input, not URLs: a worker does not fetch (ingest URLs without --queue, or use marsad watch)');
  }
  const published = checkPublishedOption(options.published);
  const plan = await planInputs(inputs);
  const rejected: FailureReport[] = [];
  const unread: FailureReport[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let buffer: { origin: string; article: string }[] = [];
  let bufferBytes = 0;
  let enqueued = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    enqueued += await queue.enqueue(buffer, options.maxAttempts);
    buffer = [];
    bufferBytes = 0;
  };
  for (const input of plan) {
    const label = input.kind === 'stdin' ? '<stdin>' : input.path;
    options.onProgress?.(enqueued + buffer.length, label);
    for await (const item of readPlanned(input, { ...(published ? { published } : {}), ...(options.stdin ? { stdin: options.stdin } : {}) })) {
      if (item.kind === 'skipped') skipped.push({ path: item.path, reason: item.reason });
      else if (item.kind === 'failure') unread.push({ origin: item.origin, code: item.error.code, message: item.error.message });
      else if (item.kind === 'link') {
        const e = new MarsadError('input-link-only', item.origin, `its article is at ${item.url}, which must be fetched; a worker does not fetch`);
        rejected.push({ origin: item.origin, code: e.code, message: e.message });
      } else {
        const article = item.article;
        const chars = article.body.length + (article.title?.length ?? 0) + (article.lead?.length ?? 0);
        const json = jobJson(article);
        const bytes = Buffer.byteLength(json);
        if (chars > MAX_TEXT_LENGTH || bytes > MAX_JOB_BYTES) {
          const e = new MarsadError('input-too-large', article.origin, `${chars} characters, ${bytes} bytes as a job (at most ${MAX_TEXT_LENGTH} characters, ${MAX_JOB_BYTES} bytes)`);
          rejected.push({ origin: article.origin, code: e.code, message: e.message });
          continue;
        }
        buffer.push({ origin: article.origin, article: json });
        bufferBytes += bytes;
        if (buffer.length >= ENQUEUE_BATCH || bufferBytes >= ENQUEUE_BATCH_BYTES) await flush();
      }
    }
  }
  await flush();
  options.onProgress?.(enqueued, '');
  return { enqueued, rejected, unread, skipped, seconds: Math.round(performance.now() - started) / 1000 };
}

/**
 * The article of a job, checked: a job not made by `enqueue` (another program wrote the row, or
 * a newer Marsad) is refused with the reason instead of failing somewhere inside extraction.
 * @throws MarsadError `input-format` naming the job's origin.
 */
export function articleOfJob(job: Pick<LeasedJob, 'id' | 'origin' | 'article'>): ArticleInput {
  const bad = (why: string) => new MarsadError('input-format', job.origin, `job ${job.id} does not hold an article as marsad ingest --queue enqueues it: ${why}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(job.article);
  } catch (error) {
    throw bad(`its JSON does not parse (${(error as Error).message})`);
  }
  const envelope = parsed as { format?: unknown; article?: Record<string, unknown> } | null;
  if (typeof envelope !== 'object' || envelope === null) throw bad('it is not a JSON object');
  if (envelope.format !== JOB_FORMAT) throw bad(`its format is ${JSON.stringify(envelope.format)}, this Marsad reads ${JOB_FORMAT}`);
  const a = envelope.article;
  if (typeof a !== 'object' || a === null) throw bad('it has no article');
  const isText = (v: unknown) => typeof v === 'string';
  const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
  const problems = [
    !isText(a.origin) && 'origin',
    !isText(a.sourceKey) && 'sourceKey',
    (typeof a.source !== 'object' || a.source === null) && 'source',
    !isTextOrNull(a.title) && 'title',
    !isText(a.body) && 'body',
    !(a.lead === undefined || isTextOrNull(a.lead)) && 'lead',
    !isTextOrNull(a.published) && 'published',
    !Array.isArray(a.notes) && 'notes',
  ].filter(Boolean);
  if (problems.length) throw bad(`missing or mistyped: ${problems.join(', ')}`);
  return a as unknown as ArticleInput;
}

export interface WorkerOptions {
  /** Batches of jobs (up to CLAIM_JOBS each) worked at once; above 1, extraction runs on as many worker threads. */
  readonly concurrency?: number;
  /** Exit once no job is queued or leased (default: wait for more). */
  readonly drain?: boolean;
  /** Length of a lease (renewed every third of it while the job is worked). */
  readonly leaseMs?: number;
  /** How long to wait before asking again when no job can be taken. */
  readonly pollMs?: number;
  /** Stops taking jobs: the ones being worked are finished first. */
  readonly signal?: AbortSignal;
  readonly command?: string;
  readonly onJob?: (report: JobReport) => void;
  /**
   * Test only: each job waits this long after it is taken, before it is worked (the jobs of a
   * batch one after another), so a test can kill a worker in the middle of its jobs
   * (`MARSAD_WORKER_TEST_DELAY_MS`).
   */
  readonly testDelayMs?: number;
}

/** What became of one job. */
export interface JobReport {
  readonly job: number;
  readonly origin: string;
  readonly attempt: number;
  /** done: its outcome; failed: given up; retry: queued again after an error; lost: its lease ran out before it was marked. */
  readonly result: ArticleOutcome | 'failed' | 'retry' | 'lost';
  readonly id?: string;
  readonly title?: string | null;
  readonly error?: string;
}

export interface WorkerReport {
  /** The worker as the queue names it (host:pid:nonce). */
  readonly worker: string;
  readonly runId: number;
  /** Jobs taken. */
  readonly jobs: number;
  readonly counts: RunCounts;
  /** Jobs this worker failed for good. */
  readonly failed: number;
  /** Jobs given back after an error, to be tried again. */
  readonly retried: number;
  /** Jobs whose lease ran out before this worker marked them (another worker took them). */
  readonly lost: number;
  /** Stopped by a signal (SIGINT, SIGTERM) rather than by draining the queue. */
  readonly interrupted: boolean;
  readonly seconds: number;
  /** Jobs worked per second (taken, extracted or not); null when no measurable time passed. */
  readonly jobsPerSecond: number | null;
}

/**
 * Jobs a worker takes at once (each of its `--concurrency` slots): they are written in one
 * transaction. A few, not many: a worker that dies leaves them all to wait for their leases to
 * run out, and two workers split the last jobs of a queue no finer than this.
 */
export const CLAIM_JOBS = 8;

/** Delay before a job given back after an error is taken again: 2, 4, 8… seconds, at most a minute. */
const retryDelayMs = (attempt: number) => Math.min(60_000, 1000 * 2 ** attempt);

/**
 * Takes jobs from the store's queue and works them until `signal` aborts or, with `drain`, no
 * job is left queued or leased (jobs leased by other workers are waited for: their worker may
 * die, and their lease run out, and then this one takes them).
 *
 * Each of the `concurrency` slots takes up to {@link CLAIM_JOBS} jobs at a time, and their
 * articles are written by an `ArticleWriter` (the same as `marsad ingest`) in one transaction:
 * stored, updated, unchanged or a repeat, and the job is done. An article the writer rejects
 * (empty, too large, an extraction error) fails its job at once with the reason: the same text
 * would fail again. Any other error (the store could not be written) gives the jobs of the
 * batch back, to be taken again after a delay, until their attempts are spent.
 *
 * @throws MarsadError `usage` when the store is not PostgreSQL; the store's errors when the
 * queue cannot be read (the worker then stops: the jobs it held are retaken when their leases run out).
 */
export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<WorkerReport> {
  const started = performance.now();
  const queue = queueOf(store, 'worker');
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new MarsadError('usage', '--concurrency', `${concurrency} is not a whole number of at least 1`);
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? Math.min(1000, leaseMs / 2);
  const me = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const runId = await store.beginRun({ command: options.command ?? 'worker', inputs: [], pipeline: stampKey(pipelineStamp(pipelineModel())) });
  const pool = concurrency > 1 ? new ExtractionPool({ size: concurrency }) : undefined;
  const writer = new ArticleWriter(store, runId, undefined, pool);
  const held = new Map<number, LeasedJob>();
  const tally = { jobs: 0, failed: 0, retried: 0, lost: 0 };
  let finished = false; // drained, or a slot met an error that stops the worker
  let fatal: unknown;
  const stopping = () => finished || options.signal?.aborted === true;

  // Leases are renewed while their jobs are worked; a job whose lease was lost is let go.
  const renewal = setInterval(() => {
    queue.renew(me, [...held.values()], leaseMs).catch(() => undefined);
  }, Math.max(100, leaseMs / 3));
  renewal.unref();

  const report = (r: JobReport) => options.onJob?.(r);

  /**
   * Works a batch of jobs taken at once: their articles are extracted (in this thread, or on
   * the pool's), then written in one transaction (`ArticleWriter.finishAll`), then each job is
   * marked (those done in one statement). A worker killed before the marks leaves the jobs to
   * be taken again, and the articles then find themselves stored (unchanged).
   */
  const work = async (jobs: readonly LeasedJob[]): Promise<void> => {
    tally.jobs += jobs.length;
    if (options.testDelayMs) for (let i = 0; i < jobs.length; i++) await sleep(options.testDelayMs);
    const marks: { job: LeasedJob; what: Omit<JobReport, 'job' | 'origin' | 'attempt'>; update?: () => Promise<boolean> }[] = [];
    const done: { job: LeasedJob; outcome: ArticleOutcome; id: string }[] = [];
    let results: WriteResult[];
    try {
      // A job that holds no article is rejected in its place, as the writer rejects an article.
      const pending: PendingArticle[] = [];
      for (const job of jobs) {
        let article;
        try {
          article = articleOfJob(job);
        } catch (error) {
          pending.push({ origin: job.origin, prepared: null, error });
          continue;
        }
        pending.push(await writer.begin(article));
      }
      results = await writer.finishAll(pending);
    } catch (error) {
      // Not the articles' fault: the store could not be read or written. Another attempt may do.
      const message = isMarsadError(error) ? `${error.code}: ${error.message}` : `internal: ${(error as Error)?.message ?? String(error)}`;
      for (const job of jobs) {
        const last = job.attempt >= job.maxAttempts;
        marks.push({ job, update: () => queue.retry(me, job, message, retryDelayMs(job.attempt)), what: { result: last ? 'failed' : 'retry', error: message } });
      }
      results = [];
    }
    results.forEach((result, i) => {
      const job = jobs[i]!;
      if (result.outcome === 'rejected') {
        marks.push({ job, update: () => queue.fail(me, job, `${result.failure.code}: ${result.failure.message}`), what: { result: 'failed', error: result.failure.message } });
      } else {
        done.push({ job, outcome: result.outcome, id: result.id });
        marks.push({ job, what: { result: result.outcome, id: result.id } });
      }
    });
    const completed = new Set(await queue.completeAll(me, done));
    for (const m of marks) {
      const ok = m.update ? await m.update() : completed.has(m.job.id);
      held.delete(m.job.id);
      const base = { job: m.job.id, origin: m.job.origin, attempt: m.job.attempt };
      if (!ok) {
        tally.lost++;
        report({ ...base, result: 'lost' });
        continue;
      }
      if (m.what.result === 'failed') tally.failed++;
      if (m.what.result === 'retry') tally.retried++;
      report({ ...base, ...m.what });
    }
  };

  const slot = async (): Promise<void> => {
    while (!stopping()) {
      const jobs = await queue.claim(me, CLAIM_JOBS, leaseMs);
      if (jobs.length === 0) {
        if (options.drain && (await queue.unfinished()) === 0) {
          finished = true;
          return;
        }
        await sleep(pollMs, undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
        continue;
      }
      for (const job of jobs) held.set(job.id, job);
      await work(jobs);
    }
  };

  let status: 'completed' | 'failed' = 'completed';
  try {
    const slots = Array.from({ length: concurrency }, () =>
      slot().catch((error: unknown) => {
        fatal ??= error;
        finished = true;
      }),
    );
    await Promise.all(slots);
    if (fatal !== undefined) {
      status = 'failed';
      throw isMarsadError(fatal) ? fatal : new MarsadError('internal', undefined, (fatal as Error)?.message ?? String(fatal), { cause: fatal });
    }
  } finally {
    clearInterval(renewal);
    await pool?.close();
    await store.finishRun(runId, writer.counts, status).catch(() => undefined);
  }
  const seconds = Math.round(performance.now() - started) / 1000;
  return {
    worker: me,
    runId,
    jobs: tally.jobs,
    counts: writer.counts,
    failed: tally.failed,
    retried: tally.retried,
    lost: tally.lost,
    interrupted: options.signal?.aborted === true,
    seconds,
    jobsPerSecond: seconds > 0 ? Math.round((tally.jobs / seconds) * 10) / 10 : null,
  };
}

