/**
 * `marsad ingest PATH… [--store PATH] [--published ISO] [--json] [--list] [--jobs N]`: extract and store.
 */
import type { Command } from 'commander';
import { ExitCode, MarsadError } from '../../errors.js';
import { ingest, type ArticleReport, type IngestReport } from '../../services/ingest.js';
import { err, json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';
import { addFetchOptions, fetcherFrom, type FetchFlags } from '../fetch-options.js';
import { progressBar } from '../progress.js';
import { intOption } from '../options.js';
import { runEnqueue } from './worker.js';

interface IngestOpts extends FetchFlags {
  store?: string;
  published?: string;
  json?: boolean;
  list?: boolean;
  quiet?: boolean;
  jobs: number;
  queue?: boolean;
}

export function registerIngest(program: Command, ctx: CommandContext): void {
  const command = program
    .command('ingest')
    .description('extract articles and store them; the same text again stores nothing new')
    .argument('<inputs...>', 'files or folders (.txt .json .jsonl SGML .html .rss .atom, recursively), URLs of pages or feeds, or - for standard input')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--published <date>', 'publication date of every article read (YYYY-MM-DD)')
    .option('--json', 'print the run report as JSON')
    .option('--list', 'print a line for every article: what happened and what was found')
    .option('-q, --quiet', 'no progress bar')
    .option('--queue', 'enqueue the articles in the PostgreSQL store for `marsad worker` to extract, instead of extracting here')
    .option('--jobs <n>', 'worker threads that extract (1: in this process); the records are the same', intOption('--jobs', 1, 256), 1)
    .addHelpText(
      'after',
      '\nEvery article read is counted once: stored, updated (re-extracted by a newer pipeline),\n' +
        'unchanged (already stored from the same source), a repeat (the same text from another\n' +
        'source), or rejected (listed with its reason; exit code 5). An input that does not exist\n' +
        'or cannot be read holds no article: it is listed apart ("not read"), and the exit code is\n' +
        '5 when other inputs were read, 3 when nothing was.\n\n' +
        'A URL is fetched (robots.txt honoured, one request a second per host, private addresses\n' +
        'refused unless --allow-private) and read as a page or as an RSS/Atom feed, whose items\n' +
        'are read from the feed when it holds the article, else fetched by their links.\n\n' +
        'With --jobs N, articles are extracted on N worker threads while this process reads the\n' +
        'inputs and is the one writer to the store; the records are the same whatever the number.\n' +
        'The default is 1 (in this process): on two cores one thread already keeps the second\n' +
        'busy (V8 compiles and collects garbage there), and two threads have measured 0.7 to\n' +
        '1.15 times one on a shared two-core machine, for 90 MB more per worker (README, "Every core").\n\n' +
        'Examples:\n  marsad ingest examples\n  marsad ingest news/ feed.jsonl --store /data/marsad.db\n' +
        '  marsad ingest https://www.example.org/news/article-1.html https://www.example.org/rss.xml',
    );
  addFetchOptions(command)
    .action(async (inputs: string[], opts: IngestOpts) => {
      ctx.setExit(opts.queue ? await runEnqueue(ctx, inputs, opts) : await runIngest(ctx, inputs, opts));
    });
}

function articleLine(io: Io, r: ArticleReport): string {
  const st = styles(io, 'stdout');
  const tag = { stored: st.green('stored   '), updated: st.cyan('updated  '), unchanged: st.dim('unchanged'), repeat: st.yellow('repeat   ') }[r.outcome];
  const found = r.found
    ? st.dim(` — ${r.found.entities} entities, ${r.found.dates} dates, ${r.found.quantities} figures, ${r.found.events} events`)
    : '';
  return `${tag} ${r.id}  ${printable(r.title ?? r.origin)}${found}`;
}

function summary(io: Io, report: IngestReport, location: string): string {
  const st = styles(io, 'stdout');
  const c = report.counts;
  const n = (v: number) => String(v).padStart(7);
  const plural = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;
  const notFound = report.unread.filter((f) => f.code === 'input-not-found').length;
  const rate = report.articlesPerSecond === null ? '' : `, ${report.articlesPerSecond.toFixed(1)} articles/s`;
  const f = report.found;
  const extracted = c.stored + c.updated;
  const lines = [
    st.bold(`Ingested into ${printable(location)} (run ${report.runId}) in ${duration(report.seconds)}${rate}`),
    plural(report.articles, 'article read', 'articles read'),
    `${n(c.stored)} stored`,
    `${n(c.updated)} updated (re-extracted by a newer pipeline)`,
    `${n(c.unchanged)} unchanged (already stored from the same source)`,
    `${n(c.repeats)} repeats of an article already stored (same text, another source)`,
    `${n(c.rejected)} rejected`,
  ];
  if (notFound > 0) lines.push(plural(notFound, 'input not found', 'inputs not found'));
  if (report.unread.length > notFound) lines.push(plural(report.unread.length - notFound, 'input unreadable', 'inputs unreadable'));
  if (c.skipped > 0) lines.push(`${n(c.skipped)} files skipped (not articles)`);
  lines.push(
    '',
    `Found in the ${extracted} article${extracted === 1 ? '' : 's'} extracted: ${f.entities} entities, ${f.dates} dates, ${f.quantities} figures, ${f.events} events`,
  );
  if (report.unread.length > 0) {
    lines.push('', st.bold('Not read:'));
    for (const f of report.unread) lines.push(`  ${st.red(f.code)}  ${printable(f.message)}`);
  }
  if (report.failures.length > 0) {
    lines.push('', st.bold('Rejected:'));
    for (const f of report.failures) lines.push(`  ${st.red(f.code)}  ${printable(f.message)}`);
  }
  if (report.skipped.length > 0) {
    lines.push('', st.bold('Skipped:'));
    for (const s of report.skipped) lines.push(`  ${printable(s.path)} ${st.dim(`(${printable(s.reason)})`)}`);
  }
  return lines.join('\n');
}

/** "0.84 s", "12.3 s", "3 min 05 s". */
export function duration(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

async function runIngest(ctx: CommandContext, inputs: string[], opts: IngestOpts): Promise<number> {
  const { io } = ctx;
  const store = ctx.openStore(opts.store, { create: true });
  const progress = progressBar(io, !opts.json && !opts.quiet && !opts.list);
  try {
    const report = await ingest(store, inputs, {
      ...(opts.published !== undefined ? { published: opts.published } : {}),
      stdin: io.stdin,
      command: ['ingest', ...inputs].join(' '),
      jobs: opts.jobs,
      onProgress: (p) => progress.update(p.done, p.total, p.current),
      fetcher: () => fetcherFrom(opts),
      ...(opts.list && !opts.json ? { onArticle: (r: ArticleReport) => out(io, articleLine(io, r)) } : {}),
    });
    progress.stop();
    if (ctx.config().debug) for (const f of report.failures) if (f.stack) err(io, f.stack);
    if (opts.json) out(io, json({ store: store.location, ...report }, true));
    else out(io, summary(io, report, store.location));
    // Inputs not found are listed above; only when every input was read and none held an
    // article is that an error of its own.
    if (report.articles === 0 && report.unread.length === 0) throw new MarsadError('input-no-articles', inputs.join(' '));
    if (report.counts.rejected === report.articles) return ExitCode.INPUT; // nothing could be read
    return report.counts.rejected > 0 || report.unread.length > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  } finally {
    progress.stop();
    await store.close();
  }
}
