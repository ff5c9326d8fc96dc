/**
 * The work queue of a PostgreSQL store (`marsad ingest --queue`, `marsad worker`): the table
 * `queue_jobs` of the store's own schema (migration 2), so `?schema=NAME` keeps one store's
 * queue apart from another's.
 *
 * A job is taken with a lease (`SELECT … FOR UPDATE SKIP LOCKED`: two workers never take the
 * same job at once, and neither waits for the other's rows). Its worker renews the lease while
 * it works; a worker that dies stops renewing, and once the lease has run out the job is taken
 * by another. Each lease taken counts as an attempt; a job whose attempts are spent is failed,
 * with the reason, instead of being taken again. Delivery is therefore at least once: a job can
 * be worked twice (its first worker died after storing, before marking it done), which the
 * store's idempotent `saveDocument` turns into nothing new (same id: `unchanged`).
 *
 * A worker marks a job done or failed only while it holds the lease: the update names the
 * worker and the attempt, so a worker whose lease ran out (and whose job another took) cannot
 * mark the other's attempt.
 */
import type { PostgresStore } from './pg-store.js';

/** Job states: waiting, held by a worker, finished, given up. */
export type JobState = 'queued' | 'leased' | 'done' | 'failed';

/** An article to enqueue: where it was read and its JSON (the ArticleInput as read). */
export interface NewJob {
  readonly origin: string;
  readonly article: string;
}

/** A job taken by a worker. */
export interface LeasedJob {
  readonly id: number;
  readonly origin: string;
  /** The article as enqueued (JSON of an ArticleInput). */
  readonly article: string;
  /** Which attempt this is (1 for the first lease). */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/** How many jobs are in each state. */
export interface QueueCounts {
  readonly queued: number;
  readonly leased: number;
  /** Of the leased, those whose lease has run out (their worker stopped renewing it: taken for dead). */
  readonly expired: number;
  readonly done: number;
  readonly failed: number;
}

/** A failed job, as `marsad stats` lists it. */
export interface FailedJob {
  readonly id: number;
  readonly origin: string;
  readonly attempts: number;
  readonly error: string;
}

/** Attempts a job gets by default (each lease taken is one). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Jobs inserted per statement when enqueueing. */
const INSERT_BATCH = 200;

/**
 * The queue of one PostgreSQL store. Every call waits for the store to be ready (connected and
 * migrated), so a queue can be made at once from a store just opened.
 */
export class PgQueue {
  constructor(private readonly store: PostgresStore) {}

  private async pool() {
    await this.store.ready;
    return this.store.pool;
  }

  /** Adds jobs in the order given; returns how many were added. */
  async enqueue(jobs: readonly NewJob[], maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<number> {
    const pool = await this.pool();
    for (let i = 0; i < jobs.length; i += INSERT_BATCH) {
      const batch = jobs.slice(i, i + INSERT_BATCH);
      // unnest keeps the arrays' order, and bigserial numbers rows in insertion order: jobs are taken first in, first out.
      await pool.query(
        `INSERT INTO queue_jobs (origin, article, bytes, state, max_attempts)
         SELECT o, a, octet_length(a), 'queued', $3 FROM unnest($1::text[], $2::text[]) AS t(o, a)`,
        [batch.map((j) => j.origin), batch.map((j) => j.article), maxAttempts],
      );
    }
    return jobs.length;
  }

  /**
   * Takes up to `limit` jobs for `worker`, leased for `leaseMs`: queued jobs that may be taken
   * now, and leased ones whose lease has run out. Jobs whose lease ran out with no attempt
   * left are failed first (their workers died, or took longer than the lease, every time).
   */
  async claim(worker: string, limit: number, leaseMs: number): Promise<LeasedJob[]> {
    const pool = await this.pool();
    // One statement: both parts see the same snapshot, and the claim never takes a job whose
    // attempts are spent, so the one failed here cannot be taken there.
    const { rows } = await pool.query<{ id: number; origin: string; article: string; attempts: number; max_attempts: number }>(
      `WITH spent AS (
         UPDATE queue_jobs SET state = 'failed', finished_at = now(),
           error = format('its lease ran out %s times (the worker died, or took longer than its lease, each time); last held by %s', attempts, leased_by)
         WHERE state = 'leased' AND visible_at <= now() AND attempts >= max_attempts
         RETURNING id
       ), next AS (
         SELECT id FROM queue_jobs
         WHERE state IN ('queued', 'leased') AND visible_at <= now() AND attempts < max_attempts
         ORDER BY visible_at, id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE queue_jobs j SET state = 'leased', attempts = j.attempts + 1, leased_by = $1,
         visible_at = now() + make_interval(secs => $3::float8 / 1000)
       FROM next WHERE j.id = next.id
       RETURNING j.id, j.origin, j.article, j.attempts, j.max_attempts`,
      [worker, limit, leaseMs],
    );
    return rows
      .sort((a, b) => a.id - b.id)
      .map((r) => ({ id: r.id, origin: r.origin, article: r.article, attempt: r.attempts, maxAttempts: r.max_attempts }));
  }

  /** Renews the leases `worker` holds on `jobs` (while it works on them); returns those it still holds. */
  async renew(worker: string, jobs: readonly LeasedJob[], leaseMs: number): Promise<number[]> {
    if (jobs.length === 0) return [];
    const pool = await this.pool();
    const { rows } = await pool.query<{ id: number }>(
      `UPDATE queue_jobs SET visible_at = now() + make_interval(secs => $4::float8 / 1000)
       FROM unnest($2::bigint[], $3::int[]) AS h(id, attempt)
       WHERE queue_jobs.id = h.id AND queue_jobs.attempts = h.attempt AND state = 'leased' AND leased_by = $1
       RETURNING queue_jobs.id`,
      [worker, jobs.map((j) => j.id), jobs.map((j) => j.attempt), leaseMs],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Marks a job done (and drops its article: the record is in the store). False when the
   * worker no longer held it (its lease ran out and another took it).
   */
  async complete(worker: string, job: LeasedJob, outcome: string, documentId: string): Promise<boolean> {
    return (await this.completeAll(worker, [{ job, outcome, id: documentId }])).length > 0;
  }

  /**
   * Marks several jobs done at once (one statement), each with its outcome and document;
   * returns the ids of those the worker still held (the others' leases ran out, and another
   * worker took them).
   */
  async completeAll(worker: string, done: readonly { job: LeasedJob; outcome: string; id: string }[]): Promise<number[]> {
    if (done.length === 0) return [];
    const pool = await this.pool();
    const { rows } = await pool.query<{ id: number }>(
      `UPDATE queue_jobs SET state = 'done', finished_at = now(), outcome = d.outcome, document_id = d.document_id, article = NULL, error = NULL
       FROM unnest($2::bigint[], $3::int[], $4::text[], $5::text[]) AS d(id, attempt, outcome, document_id)
       WHERE queue_jobs.id = d.id AND queue_jobs.attempts = d.attempt AND state = 'leased' AND leased_by = $1
       RETURNING queue_jobs.id`,
      [worker, done.map((d) => d.job.id), done.map((d) => d.job.attempt), done.map((d) => d.outcome), done.map((d) => d.id)],
    );
    return rows.map((r) => r.id);
  }

  /** Marks a job failed for good, with the reason. False when the worker no longer held it. */
  async fail(worker: string, job: LeasedJob, reason: string): Promise<boolean> {
    return this.finish(
      `UPDATE queue_jobs SET state = 'failed', finished_at = now(), error = $4
       WHERE id = $1 AND attempts = $2 AND state = 'leased' AND leased_by = $3`,
      [job.id, job.attempt, worker, reason],
    );
  }

  /**
   * Gives a job back after an error that another attempt may not meet (the store could not be
   * written): queued again after `delayMs`, with the error kept, or failed with it when no
   * attempt is left. False when the worker no longer held it.
   */
  async retry(worker: string, job: LeasedJob, reason: string, delayMs: number): Promise<boolean> {
    return this.finish(
      `UPDATE queue_jobs SET
         state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
         error = CASE WHEN attempts >= max_attempts THEN format('%s (after %s attempts)', $4::text, attempts) ELSE $4 END,
         visible_at = now() + make_interval(secs => $5::float8 / 1000)
       WHERE id = $1 AND attempts = $2 AND state = 'leased' AND leased_by = $3`,
      [job.id, job.attempt, worker, reason, delayMs],
    );
  }

  private async finish(sql: string, values: unknown[]): Promise<boolean> {
    const pool = await this.pool();
    return ((await pool.query(sql, values)).rowCount ?? 0) > 0;
  }

  /** Jobs not finished: queued (now or later) or leased (live or expired). `--drain` stops at 0. */
  async unfinished(): Promise<number> {
    const pool = await this.pool();
    return (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM queue_jobs WHERE state IN ('queued', 'leased')")).rows[0]!.n;
  }

  /** How many jobs are in each state. */
  async counts(): Promise<QueueCounts> {
    const pool = await this.pool();
    const { rows } = await pool.query<{ state: JobState; n: number; expired: number }>(
      "SELECT state, count(*)::int AS n, count(*) FILTER (WHERE state = 'leased' AND visible_at <= now())::int AS expired FROM queue_jobs GROUP BY state",
    );
    const n = (state: JobState) => rows.find((r) => r.state === state)?.n ?? 0;
    return { queued: n('queued'), leased: n('leased'), expired: rows.find((r) => r.state === 'leased')?.expired ?? 0, done: n('done'), failed: n('failed') };
  }

  /** The latest failed jobs, newest first. */
  async failed(limit: number): Promise<FailedJob[]> {
    const pool = await this.pool();
    const { rows } = await pool.query<{ id: number; origin: string; attempts: number; error: string | null }>(
      "SELECT id, origin, attempts, error FROM queue_jobs WHERE state = 'failed' ORDER BY finished_at DESC, id DESC LIMIT $1",
      [limit],
    );
    return rows.map((r) => ({ id: r.id, origin: r.origin, attempts: r.attempts, error: r.error ?? '' }));
  }
}

