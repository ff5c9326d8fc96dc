/**
 * `marsad ingest PATH… [--store PATH] [--published ISO] [--json] [--list]`: extract and store.
 */
import type { Command } from 'commander';
import { ExitCode, MarsadError } from '../../errors.js';
import { ingest, type ArticleReport, type IngestReport } from '../../services/ingest.js';
import { err, json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';
import { addFetchOptions, fetcherFrom, type FetchFlags } from '../fetch-options.js';
import { progressBar } from '../progress.js';

interface IngestOpts extends FetchFlags {
  store?: string;
  published?: string;
  json?: boolean;
  list?: boolean;
  quiet?: boolean;
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
    .addHelpText(
      'after',
      '\nEvery article read is counted once: stored, updated (re-extracted by a newer pipeline),\n' +
        'unchanged (already stored from the same source), a repeat (the same text from another\n' +
        'source), or rejected (listed with its reason; exit code 5).\n\n' +
        'A URL is fetched (robots.txt honoured, one request a second per host, private addresses\n' +
        'refused unless --allow-private) and read as a page or as an RSS/Atom feed, whose items\n' +
        'are read from the feed when it holds the article, else fetched by their links.\n\n' +
        'Examples:\n  marsad ingest examples\n  marsad ingest news/ feed.jsonl --store /data/marsad.db\n' +
        '  marsad ingest https://www.example.org/news/article-1.html https://www.example.org/rss.xml',
    );
  addFetchOptions(command)
    .action(async (inputs: string[], opts: IngestOpts) => {
      ctx.setExit(await runIngest(ctx, inputs, opts));
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
  const lines = [
    st.bold(`Ingested into ${printable(location)} (run ${report.runId})`),
    `${n(report.articles)} articles read`,
    `${n(c.stored)} stored`,
    `${n(c.updated)} updated (re-extracted by a newer pipeline)`,
    `${n(c.unchanged)} unchanged (already stored from the same source)`,
    `${n(c.repeats)} repeats of an article already stored (same text, another source)`,
    `${n(c.rejected)} rejected`,
  ];
  if (c.skipped > 0) lines.push(`${n(c.skipped)} files skipped (not articles)`);
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

async function runIngest(ctx: CommandContext, inputs: string[], opts: IngestOpts): Promise<number> {
  const { io } = ctx;
  const store = ctx.openStore(opts.store);
  const progress = progressBar(io, !opts.json && !opts.quiet && !opts.list);
  try {
    const report = await ingest(store, inputs, {
      ...(opts.published !== undefined ? { published: opts.published } : {}),
      stdin: io.stdin,
      command: ['ingest', ...inputs].join(' '),
      onProgress: (p) => progress.update(p.done, p.total, p.current),
      fetcher: () => fetcherFrom(opts),
      ...(opts.list && !opts.json ? { onArticle: (r: ArticleReport) => out(io, articleLine(io, r)) } : {}),
    });
    progress.stop();
    if (ctx.config().debug) for (const f of report.failures) if (f.stack) err(io, f.stack);
    if (opts.json) out(io, json({ store: store.location, ...report }, true));
    else out(io, summary(io, report, store.location));
    if (report.articles === 0) throw new MarsadError('input-no-articles', inputs.join(' '));
    if (report.counts.rejected === report.articles) return ExitCode.INPUT; // nothing could be read
    return report.counts.rejected > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  } finally {
    progress.stop();
    await store.close();
  }
}
