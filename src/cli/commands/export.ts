/**
 * `marsad export --format jsonl|csv|geojson|plover|folds|folds-jsonl|acled|polecat [filters] [-o FILE]`:
 * what the store holds, for R, pandas, spreadsheets, QGIS, PLOVER tools and code written for
 * ACLED or POLECAT data (services/export.ts says what each holds). Events a format cannot hold
 * (ACLED: dated only to the year) are counted on standard error.
 */
import type { Command } from 'commander';
import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { MarsadError } from '../../errors.js';
import { exportChunks } from '../../services/export.js';
import { exportGold } from '../../services/export-gold.js';
import { ExportParams, parseParams, toFilter } from '../../services/params.js';
import { err, printable } from '../io.js';
import type { CommandContext } from '../main.js';

interface ExportOpts {
  store?: string;
  format?: string;
  output?: string;
  out?: string;
  search?: string;
  actor?: string;
  recipient?: string;
  place?: string;
  type?: string;
  topic?: string;
  outlet?: string;
  from?: string;
  to?: string;
  document?: string;
  fold?: string;
  minConfidence?: string;
}

/** Opens the output file before any work, so that a bad path fails at once, named. */
function openOutput(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new MarsadError('usage', '--output', `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** How each parameter is written on the command line. */
const display = (key: string) => (key === 'q' ? '--search' : `--${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('export records, events, folded events or places for other tools')
    .requiredOption(
      '--format <format>',
      'jsonl (records), csv (events), geojson (places and events), plover (PLOVER JSON Lines), folds (folded events, CSV), folds-jsonl (folded events with their reports), acled (events as ACLED\'s CSV), polecat (events as POLECAT\'s TSV), gold (reviewed documents as gold files for marsad eval; needs --out DIR)',
    )
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--out <dir>', 'gold only: the folder to write DIR/gold/*.json and DIR/articles/*.txt into')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--search <words>', 'only documents matching these words (Arabic-aware search)')
    .option('--actor <id>', 'entity id: documents mentioning it, events with it as actor')
    .option('--recipient <id>', 'entity id: events with it as recipient')
    .option('--place <id>', 'entity id of a place: documents mentioning it, events located there')
    .option('--type <type>', 'event type (ASSAULT, REQUEST, … or STATEMENT)')
    .option('--topic <id>', 'topic id (repatriation, detainees, …)')
    .option('--outlet <name>', 'outlet of any source of the document')
    .option('--from <date>', 'first day of the date range (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'last day of the date range')
    .option('--document <id>', 'one document only')
    .option('--fold <id>', 'one folded event only: its reports (events), the documents that tell it (jsonl)')
    .option('--min-confidence <x>', 'only events at this confidence or above (0..1); with jsonl, documents with such an event')
    .addHelpText(
      'after',
      '\nCSV is UTF-8 with a byte-order mark and every field quoted, so spreadsheets read the Arabic.\n' +
        'PLOVER lines carry text_info offsets into the record text and cite_info with the source.\n' +
        'acled has ACLED\'s columns (event_date a full date, time_precision 1-3); events dated only to\n' +
        'the year are left out and counted. polecat has the header of POLECAT\'s data files.\n' +
        'docs/exports.md describes every column. Every format carries the analysts\' reviews\n' +
        '(docs/review.md): reviewed values, a reviewed flag, rejected events left out.\n' +
        'gold writes DIR/gold/<id>.json and DIR/articles/<id>.txt for each document whose every\n' +
        'event was reviewed; score the pipeline on them with marsad eval --gold DIR/gold --seeds DIR/articles.\n\n' +
        'Examples:\n  marsad export --format geojson -o places.geojson\n  marsad export --format csv --type ASSAULT --from 2024-01 -o attacks.csv\n  marsad export --format plover --actor org:sdf\n  marsad export --format csv --type ASSAULT --min-confidence 0.7 -o attacks.csv\n  marsad export --format folds --type ASSAULT -o attacks-by-event.csv\n  marsad export --format acled -o events-acled.csv\n  marsad export --format polecat -o events.tsv\n  marsad export --format gold --out week-49',
    )
    .action(async (opts: ExportOpts) => {
      const given: Record<string, string | undefined> = {
        format: opts.format,
        q: opts.search,
        actor: opts.actor,
        recipient: opts.recipient,
        place: opts.place,
        type: opts.type,
        topic: opts.topic,
        outlet: opts.outlet,
        from: opts.from,
        to: opts.to,
        document: opts.document,
        fold: opts.fold,
        minConfidence: opts.minConfidence,
      };
      if (opts.format === 'gold') {
        if (!opts.out) throw new MarsadError('usage', '--out', 'gold is a folder of files: give --out DIR');
        if (opts.output) throw new MarsadError('usage', '--output', 'gold writes a folder: give --out DIR instead');
        const { format: _f, ...rest } = given;
        const parsed = parseParams(ExportParams, { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), format: 'jsonl' }, { code: 'usage', display });
        const { format: _j, ...filterParams } = parsed;
        const filter = toFilter(filterParams, { code: 'usage', display });
        const store = ctx.openStore(opts.store);
        try {
          const result = await exportGold(store, filter, opts.out);
          const events = result.written.reduce((n, d) => n + d.events, 0);
          err(ctx.io, `wrote ${result.written.length} gold ${result.written.length === 1 ? 'document' : 'documents'} (${events} events) to ${printable(opts.out)}/gold and their articles to ${printable(opts.out)}/articles`);
          if (result.incomplete.length > 0) {
            err(ctx.io, `left out ${result.incomplete.length} reviewed ${result.incomplete.length === 1 ? 'document' : 'documents'} with events not yet reviewed:`);
            for (const d of result.incomplete) err(ctx.io, `  ${d.id}: ${d.unreviewed} of ${d.events} events unreviewed`);
          }
          if (result.written.length > 0) err(ctx.io, `score with: marsad eval --gold ${printable(opts.out)}/gold --seeds ${printable(opts.out)}/articles`);
        } finally {
          await store.close();
        }
        return;
      }
      if (opts.out) throw new MarsadError('usage', '--out', 'only --format gold writes a folder; use -o FILE');
      const params = parseParams(ExportParams, Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)), { code: 'usage', display });
      const { format, ...filterParams } = params;
      const filter = toFilter(filterParams, { code: 'usage', display });
      const store = ctx.openStore(opts.store);
      try {
        const sink = opts.output ? createWriteStream('', { fd: openOutput(opts.output) }) : ctx.io.stdout;
        let bytes = 0;
        const skipped = new Map<string, number>();
        const onSkip = (_: unknown, reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
        for await (const chunk of exportChunks(store, format, filter, { onSkip })) {
          bytes += Buffer.byteLength(chunk);
          if (!sink.write(chunk)) await once(sink, 'drain');
        }
        if (opts.output) {
          sink.end();
          await once(sink, 'finish');
          err(ctx.io, `wrote ${bytes.toLocaleString('en-US')} bytes of ${format} to ${printable(opts.output)}`);
        }
        for (const [reason, n] of skipped) {
          err(ctx.io, `left out ${n.toLocaleString('en-US')} ${n === 1 ? 'event' : 'events'} that ${format} cannot hold: ${reason}`);
        }
      } finally {
        await store.close();
      }
    });
}
