/**
 * `marsad watch URL… | --sources FILE [--every 15m] [--once]`: follow outlets' feeds and pages,
 * ingesting what is new at every poll.
 */
import type { Command } from 'commander';
import { ExitCode, MarsadError } from '../../errors.js';
import { DEFAULT_EVERY_MS, checkEvery, commandLineTargets, readSourcesFile, type WatchTarget } from '../../services/sources.js';
import { watchLoop, watchRound, type PollReport, type WatchRoundReport } from '../../services/watch.js';
import type { ArticleReport } from '../../services/ingest.js';
import { addFetchOptions, fetcherFrom, type FetchFlags } from '../fetch-options.js';
import { json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';

interface WatchOpts extends FetchFlags {
  store?: string;
  sources?: string;
  every?: string;
  once?: boolean;
  force?: boolean;
  json?: boolean;
  list?: boolean;
}

export function registerWatch(program: Command, ctx: CommandContext): void {
  const command = program
    .command('watch')
    .description('follow feeds and pages: poll them, ingest what is new, remember what was read')
    .argument('[urls...]', 'RSS or Atom feeds, or pages, to poll')
    .option('--sources <file>', 'a JSON file naming the sources to poll, with their outlets (see the README)')
    .option('--every <duration>', 'time between two polls of a source (15m, 1h; at least 1m)', '15m')
    .option('--once', 'poll every source once and exit (for cron); exit code 5 when a source failed')
    .option('--force', 'poll sources that are backing off after failures too')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--list', 'print a line for every article stored')
    .option('--json', 'print each poll round as one line of JSON')
    .addHelpText(
      'after',
      '\nEach poll asks only for what changed (ETag, Last-Modified), fetches only items it has not\n' +
        'read, and never stores an article twice (by its URL, its canonical URL and its text). A\n' +
        'restart fetches nothing already read. A source that fails is polled less often (the\n' +
        'interval doubles, up to 6h) until it answers again.\n\n' +
        'Examples:\n  marsad watch https://www.example.org/rss.xml --every 30m\n' +
        '  marsad watch --sources sources.json --once     # from cron\n',
    );
  addFetchOptions(command).action(async (urls: string[], opts: WatchOpts) => {
    ctx.setExit(await runWatch(ctx, urls, opts));
  });
}

function pollLine(io: Io, p: PollReport): string {
  const st = styles(io, 'stdout');
  const name = printable(p.outlet ? `${p.outlet} (${p.url})` : p.url);
  const secs = `${(p.ms / 1000).toFixed(1)}s`;
  switch (p.status) {
    case 'waiting':
      return `${st.dim('waiting ')} ${name} ${st.dim(`— backing off after failures, next poll ${p.nextPollAt}`)}`;
    case 'failed':
      return `${st.red('failed  ')} ${name} — ${printable(p.error?.message ?? '')} ${st.dim(`(next poll ${p.nextPollAt})`)}`;
    case 'not-modified':
      return `${st.dim('no news ')} ${name} ${st.dim(`— not modified (${secs})`)}`;
    default: {
      const fresh = p.items - p.known;
      const parts = [`${p.stored} stored`, `${p.repeats + p.unchanged} already stored`, `${p.rejected} rejected`];
      if (p.updated > 0) parts.splice(1, 0, `${p.updated} updated`);
      const retry = p.retry > 0 ? st.yellow(`; ${p.retry} to try again`) : '';
      return `${st.green('read    ')} ${name} — ${p.kind === 'page' ? 'page' : `${p.items} items, ${fresh} new`}: ${parts.join(', ')}${retry} ${st.dim(`(${secs})`)}`;
    }
  }
}

function roundLines(io: Io, r: WatchRoundReport): string {
  const st = styles(io, 'stdout');
  const c = r.counts;
  const failed = r.polls.filter((p) => p.status === 'failed').length;
  const lines = [
    st.bold(
      `Poll ${new Date().toISOString().slice(0, 19)}Z (run ${r.runId}): ${r.polls.length} sources, ${failed} failed; ` +
        `${c.stored} stored, ${c.updated} updated, ${c.repeats + c.unchanged} already stored, ${c.rejected} rejected`,
    ),
  ];
  for (const f of r.failures) lines.push(`  ${st.red(f.code)}  ${printable(f.message)}`);
  return lines.join('\n');
}

async function runWatch(ctx: CommandContext, urls: string[], opts: WatchOpts): Promise<number> {
  const { io } = ctx;
  const everyMs = opts.every !== undefined ? checkEvery(opts.every, '--every') : DEFAULT_EVERY_MS;
  const targets: WatchTarget[] = [
    ...(opts.sources ? readSourcesFile(opts.sources, everyMs) : []),
    ...commandLineTargets(urls, everyMs),
  ];
  if (targets.length === 0) throw new MarsadError('usage', 'watch', 'name at least one feed or page URL, or a sources file with --sources');
  const store = ctx.openStore(opts.store, { create: true });
  const fetcher = fetcherFrom(opts);
  const command = ['watch', ...urls, ...(opts.sources ? ['--sources', opts.sources] : [])].join(' ');
  const onPoll = (p: PollReport) => {
    if (!opts.json) out(io, pollLine(io, p));
  };
  const onArticle = opts.list && !opts.json
    ? (a: ArticleReport) => {
        if (a.outcome === 'stored' || a.outcome === 'updated') out(io, `  ${a.outcome}  ${a.id}  ${printable(a.title ?? a.origin)}`);
      }
    : undefined;
  const onRound = (r: WatchRoundReport) => {
    if (opts.json) out(io, json({ store: store.location, ...r }, false));
    else out(io, roundLines(io, r));
  };
  try {
    if (opts.once) {
      const report = await watchRound(store, fetcher, targets, { command, onPoll, ...(onArticle ? { onArticle } : {}), ...(opts.force ? { force: true } : {}) });
      onRound(report);
      const failed = report.polls.some((p) => p.status === 'failed') || report.counts.rejected > 0;
      return failed ? ExitCode.PARTIAL : ExitCode.OK;
    }
    if (!opts.json) {
      out(io, styles(io, 'stdout').dim(`Watching ${targets.length} source${targets.length === 1 ? '' : 's'} into ${printable(store.location)} · Ctrl-C stops after the article being read`));
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await watchLoop(store, fetcher, targets, {
        signal: controller.signal,
        command,
        onPoll,
        onRound,
        ...(onArticle ? { onArticle } : {}),
        ...(opts.force ? { force: true } : {}),
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    return ExitCode.OK;
  } finally {
    await fetcher.close();
    await store.close();
  }
}
