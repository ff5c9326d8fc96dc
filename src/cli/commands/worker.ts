/**
 * `marsad worker [--store URL] [--concurrency N] [--drain] [--lease SECONDS]`: takes jobs from a
 * PostgreSQL store's queue, extracts and stores them; and `marsad ingest --queue INPUTS…`,
 * which fills that queue (registered by ingest.ts, run here).
 */
import type { Command } from 'commander';
import { resolveConfig } from '../../config.js';
import { ExitCode, MarsadError } from '../../errors.js';
import { isPostgresUrl } from '../../store/postgres/pg-store.js';
import { CLAIM_JOBS, enqueue, runWorker, type EnqueueReport, type JobReport, type WorkerReport } from '../../services/queue.js';
import { err, json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';
import { intOption } from '../options.js';
import { duration } from './ingest.js';

interface WorkerOpts {
  store?: string;
  concurrency: number;
  drain?: boolean;
  lease: number;
  json?: boolean;
  list?: boolean;
}

export function registerWorker(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description('take articles from the queue of a PostgreSQL store (filled by ingest --queue), extract and store them')
    .option('--store <url>', 'the store: a postgres:// URL (default: $MARSAD_STORE)')
    .option('--concurrency <n>', `batches of jobs (up to ${CLAIM_JOBS} each, written in one transaction) worked at once; above 1 they are extracted on as many worker threads`, intOption('--concurrency', 1, 64), 1)
    .option('--drain', 'exit once no job is queued or leased (for tests and cron); otherwise wait for more')
    .option('--lease <seconds>', 'how long a job stays taken without word from this worker, before another may take it', intOption('--lease', 1, 86_400), 60)
    .option('--json', 'print the report as JSON at the end')
    .option('--list', 'print a line for every job: what became of it')
    .addHelpText(
      'after',
      '\nRun as many workers as you like, on as many machines, against one store: each job is\n' +
        'taken by one worker at a time, under a lease the worker renews while it works. A worker\n' +
        'that dies leaves its jobs to be taken again once their leases run out; the same article\n' +
        'stored twice is stored once. An article that cannot be extracted fails its job with the\n' +
        'reason; a job whose store write failed is tried again, 3 attempts in all. A worker takes\n' +
        `up to ${CLAIM_JOBS} jobs at a time and writes their articles in one transaction.\n\n` +
        'Ctrl-C (SIGINT) or SIGTERM: the jobs being worked are finished, then the worker exits.\n' +
        '`marsad stats` shows the queue: queued, leased, done and failed jobs.\n\n' +
        'Examples:\n  marsad ingest --queue news/ --store postgres://marsad@db.lan/marsad\n' +
        '  marsad worker --store postgres://marsad@db.lan/marsad --drain',
    )
    .action(async (opts: WorkerOpts) => {
      ctx.setExit(await runWorkerCommand(ctx, opts));
    });
}

function jobLine(io: Io, r: JobReport): string {
  const st = styles(io, 'stdout');
  const tag =
    r.result === 'failed' ? st.red('failed   ') : r.result === 'retry' ? st.yellow('retry    ') : r.result === 'lost' ? st.yellow('lost     ') : r.result === 'stored' ? st.green('stored   ') : st.dim(r.result.padEnd(9));
  const what = r.error !== undefined ? `${printable(r.origin)}: ${printable(r.error)}` : `${r.id ?? ''}  ${printable(r.origin)}`;
  return `${tag} job ${r.job} (attempt ${r.attempt})  ${what}`;
}

function workerSummary(io: Io, r: WorkerReport, location: string): string {
  const st = styles(io, 'stdout');
  const n = (v: number) => String(v).padStart(7);
  const rate = r.jobsPerSecond === null ? '' : `, ${r.jobsPerSecond.toFixed(1)} jobs/s`;
  const c = r.counts;
  return [
    st.bold(`Worker ${r.worker} on ${printable(location)} (run ${r.runId}) ${r.interrupted ? 'stopped' : 'finished'} after ${duration(r.seconds)}${rate}`),
    `${n(r.jobs)} jobs taken`,
    `${n(c.stored)} stored`,
    `${n(c.updated)} updated (re-extracted by a newer pipeline)`,
    `${n(c.unchanged)} unchanged (stored already: a job worked again)`,
    `${n(c.repeats)} repeats of an article already stored (same text, another source)`,
    `${n(r.failed)} failed (the reasons: marsad stats)`,
    ...(r.retried ? [`${n(r.retried)} given back after an error, to be tried again`] : []),
    ...(r.lost ? [`${n(r.lost)} lost: their lease ran out before they were done (another worker took them)`] : []),
  ].join('\n');
}

/**
 * Refuses a store that is not PostgreSQL before it is opened (a SQLite path is not made, nor
 * opened, for a queue it cannot hold).
 * @throws MarsadError `usage` naming `what` and the store.
 */
function checkQueueStore(ctx: CommandContext, flag: string | undefined, what: string): void {
  const spec = resolveConfig({ store: flag }, ctx.io.env).store;
  if (!isPostgresUrl(spec)) {
    throw new MarsadError(
      'usage',
      what,
      `a queue is held in a PostgreSQL store, and ${spec} is a SQLite file: give --store postgres://… (or MARSAD_STORE)${what === '--queue' ? ', or ingest without --queue' : ''}`,
    );
  }
}

async function runWorkerCommand(ctx: CommandContext, opts: WorkerOpts): Promise<number> {
  const { io } = ctx;
  checkQueueStore(ctx, opts.store, 'worker');
  const store = ctx.openStore(opts.store);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const delay = io.env.MARSAD_WORKER_TEST_DELAY_MS;
  try {
    if (!opts.json && !opts.list) {
      err(io, styles(io, 'stderr').dim(`Taking jobs from ${printable(store.location)}${opts.drain ? ' until the queue is empty' : ''} · Ctrl-C stops after the jobs being worked`));
    }
    const report = await runWorker(store, {
      concurrency: opts.concurrency,
      drain: opts.drain === true,
      leaseMs: opts.lease * 1000,
      signal: controller.signal,
      command: ['worker', ...(opts.drain ? ['--drain'] : [])].join(' '),
      ...(opts.list && !opts.json ? { onJob: (r: JobReport) => out(io, jobLine(io, r)) } : {}),
      ...(delay ? { testDelayMs: intOption('MARSAD_WORKER_TEST_DELAY_MS', 0, 600_000)(delay) } : {}),
    });
    if (opts.json) out(io, json({ store: store.location, ...report }, true));
    else out(io, workerSummary(io, report, store.location));
    return report.failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
}

export interface EnqueueFlags {
  store?: string;
  published?: string;
  json?: boolean;
}

function enqueueSummary(io: Io, r: EnqueueReport, location: string): string {
  const st = styles(io, 'stdout');
  const lines = [st.bold(`Enqueued ${r.enqueued} article${r.enqueued === 1 ? '' : 's'} into the queue of ${printable(location)} in ${duration(r.seconds)}`)];
  if (r.enqueued > 0) lines.push(st.dim('`marsad worker --store URL` extracts and stores them; `marsad stats` shows how far they are'));
  if (r.unread.length > 0) {
    lines.push('', st.bold('Not read:'));
    for (const f of r.unread) lines.push(`  ${st.red(f.code)}  ${printable(f.message)}`);
  }
  if (r.rejected.length > 0) {
    lines.push('', st.bold('Not enqueued:'));
    for (const f of r.rejected) lines.push(`  ${st.red(f.code)}  ${printable(f.message)}`);
  }
  if (r.skipped.length > 0) {
    lines.push('', st.bold('Skipped:'));
    for (const s of r.skipped) lines.push(`  ${printable(s.path)} ${st.dim(`(${printable(s.reason)})`)}`);
  }
  return lines.join('\n');
}

/**
 * `marsad ingest --queue INPUTS…`: enqueues the articles read, prints how many, and returns the
 * exit code (0; 5 when some inputs or articles were refused; 3 when nothing was enqueued).
 */
export async function runEnqueue(ctx: CommandContext, inputs: string[], opts: EnqueueFlags): Promise<number> {
  const { io } = ctx;
  checkQueueStore(ctx, opts.store, '--queue');
  const store = ctx.openStore(opts.store, { create: true });
  try {
    const report = await enqueue(store, inputs, {
      ...(opts.published !== undefined ? { published: opts.published } : {}),
      stdin: io.stdin,
    });
    if (opts.json) out(io, json({ store: store.location, ...report }, true));
    else out(io, enqueueSummary(io, report, store.location));
    const refused = report.rejected.length + report.unread.length;
    if (report.enqueued === 0 && refused === 0) throw new MarsadError('input-no-articles', inputs.join(' '));
    if (report.enqueued === 0) return ExitCode.INPUT;
    return refused > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  } finally {
    await store.close();
  }
}
