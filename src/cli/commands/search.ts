/**
 * `marsad search QUERY [--json] [--limit N] [--offset N]`: Arabic-aware full-text search.
 */
import type { Command } from 'commander';
import { searchDocuments, type SearchHit, type SearchOutcome } from '../../services/search.js';
import { json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';
import { intOption } from '../options.js';

interface SearchOpts {
  store?: string;
  json?: boolean;
  limit: number;
  offset: number;
}

export function registerSearch(program: Command, ctx: CommandContext): void {
  program
    .command('search')
    .description('search stored articles; words are matched by their stems ("معتقلي" finds "المعتقلين")')
    .argument('<query...>', 'the words to look for; articles with every word come first')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--limit <n>', 'how many results (1-1000)', intOption('--limit', 1, 1000), 10)
    .option('--offset <n>', 'skip this many results first', intOption('--offset', 0, 1_000_000), 0)
    .option('--json', 'print [{id, title, source, snippet, score, …}]')
    .addHelpText('after', '\nExamples:\n  marsad search معتقلي داعش\n  marsad search "الإدارة الذاتية" --limit 5 --json')
    .action(async (query: string[], opts: SearchOpts) => {
      const store = ctx.openStore(opts.store);
      try {
        const outcome = await searchDocuments(store, query.join(' '), { limit: opts.limit, offset: opts.offset });
        if (opts.json) out(ctx.io, json(outcome.hits, true));
        else out(ctx.io, render(ctx.io, outcome, opts.offset));
      } finally {
        await store.close();
      }
    });
}

/** A piece of a snippet on one line, with nothing in it a terminal would act on. */
const text = (piece: string) => printable(piece.replace(/\s*\n\s*/g, ' '));

function highlighted(io: Io, hit: SearchHit): string {
  const st = styles(io, 'stdout');
  let s = '';
  let at = 0;
  for (const [a, b] of hit.highlights) {
    s += text(hit.snippet.slice(at, a)) + st.mark(text(hit.snippet.slice(a, b)));
    at = b;
  }
  return s + text(hit.snippet.slice(at));
}

function render(io: Io, { query, total, capped, ranked, hits }: SearchOutcome, offset: number): string {
  const st = styles(io, 'stdout');
  const count = `${total}${capped ? '+' : ''}`;
  // Past the rank cap, only the most recently stored matches are ranked, and pages reach only them.
  const only = ranked ? `; the ${ranked} most recently stored ranked` : '';
  if (hits.length === 0) return total === 0 ? `No article matches "${query}".` : `No more results (${count} in all${only}).`;
  const lines = [st.dim(`${count} article${total === 1 ? '' : 's'} match "${query}"${only}; showing ${offset + 1}-${offset + hits.length}`)];
  hits.forEach((h, i) => {
    const where = printable([h.source.outlet, h.published, h.source.path ?? h.source.url].filter(Boolean).join(' · '));
    lines.push('', `${st.bold(String(offset + i + 1) + '.')} ${st.bold(printable(h.title ?? '(untitled)'))}  ${st.dim(h.id)}`);
    if (where) lines.push(`   ${st.dim(where)}`);
    lines.push(`   ${highlighted(io, h)}`);
  });
  return lines.join('\n');
}
