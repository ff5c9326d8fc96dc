/**
 * `marsad extract FILE… [--published ISO] [--json]`: one record per article, on standard output.
 */
import type { Command } from 'commander';
import { MarsadError, ExitCode } from '../../errors.js';
import { extractArticle } from '../../extract/document.js';
import type { DocumentRecord } from '../../extract/record.js';
import { checkPublishedOption, planInputs, readInputs } from '../../ingest/read.js';
import { err, json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerExtract(program: Command, ctx: CommandContext): void {
  program
    .command('extract')
    .description('extract the record of each article and print it (JSON Lines; --json: pretty)')
    .argument('<inputs...>', 'files or folders (.txt .json .jsonl SGML .html .rss .atom), or - for standard input')
    .option('--published <date>', 'publication date of the articles (YYYY-MM-DD), the anchor of relative dates')
    .option('--json', 'pretty-print: one JSON object for one article, an array for several')
    .addHelpText(
      'after',
      '\nExamples:\n  marsad extract examples/01-sdf-raid-deir-ezzor.txt --json\n  cat article.txt | marsad extract - --published 2024-12-06',
    )
    .action(async (inputs: string[], opts: { published?: string; json?: boolean }) => {
      ctx.setExit(await runExtract(ctx.io, inputs, opts));
    });
}

async function runExtract(io: Io, inputs: string[], opts: { published?: string; json?: boolean }): Promise<number> {
  const published = checkPublishedOption(opts.published);
  const plan = await planInputs(inputs);
  const records: DocumentRecord[] = [];
  let articles = 0;
  let failed = 0;
  const st = styles(io, 'stderr');
  const fail = (error: MarsadError) => {
    failed++;
    err(io, `${st.red('marsad:')} ${printable(error.message)}\n  ${st.dim(error.hint)}`);
  };
  for await (const item of readInputs(plan, { ...(published ? { published } : {}), stdin: io.stdin })) {
    if (item.kind === 'skipped') {
      err(io, st.dim(`skipped ${printable(item.path)} (${printable(item.reason)})`));
      continue;
    }
    articles++;
    if (item.kind === 'failure') {
      fail(item.error);
      continue;
    }
    if (item.kind === 'link') {
      fail(new MarsadError('input-link-only', item.origin, `its article is at ${item.url}, which must be fetched`));
      continue;
    }
    try {
      const record = extractArticle(item.article);
      if (opts.json) records.push(record);
      else out(io, json(record, false));
    } catch (error) {
      if (error instanceof MarsadError) fail(error);
      else throw error;
    }
  }
  if (opts.json && records.length > 0) out(io, json(records.length === 1 ? records[0] : records, true));
  if (articles === 0) throw new MarsadError('input-no-articles', inputs.join(' '));
  if (failed === articles) return ExitCode.INPUT;
  return failed > 0 ? ExitCode.PARTIAL : ExitCode.OK;
}
