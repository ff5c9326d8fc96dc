/**
 * `marsad eval --gold DIR (--seeds DIR | --records FILE) [--json] [--details]`: accuracy
 * against gold, by the scoring rules of contract.md.
 */
import type { Command } from 'commander';
import { MarsadError } from '../../errors.js';
import { evaluateRecords, evaluateSeeds, readRecords } from '../../eval/evaluate.js';
import { readGoldDir } from '../../eval/gold.js';
import { formatSummary, type DocumentScore } from '../../eval/score.js';
import { json, out } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerEval(program: Command, ctx: CommandContext): void {
  program
    .command('eval')
    .description('score extraction against gold records (entities, geocoding, dates, figures, events)')
    .requiredOption('--gold <dir>', 'folder of gold JSON files (contract.md "Gold files")')
    .option('--seeds <dir>', 'folder of the articles the gold files name: extract them now')
    .option('--records <file>', 'JSON Lines of records made earlier (paired by file name)')
    .option('--details', 'list what each document missed and what it found that gold lacks')
    .option('--json', 'print {summary, documents} as JSON')
    .addHelpText('after', '\nExample:\n  marsad eval --gold ../shared/gold --seeds ../shared/seeds --details')
    .action(async (opts: { gold: string; seeds?: string; records?: string; details?: boolean; json?: boolean }) => {
      if (!opts.seeds === !opts.records) throw new MarsadError('usage', '--seeds/--records', 'give exactly one of them');
      const evaluation = opts.seeds
        ? await evaluateSeeds(opts.gold, opts.seeds)
        : evaluateRecords(readRecords(opts.records!), readGoldDir(opts.gold));
      if (opts.json) {
        out(ctx.io, json({ summary: evaluation.summary, documents: evaluation.documents }, true));
        return;
      }
      out(ctx.io, formatSummary(evaluation.summary));
      if (opts.details) for (const d of evaluation.documents) out(ctx.io, details(d));
    });
}

function details(d: DocumentScore): string {
  const list = (title: string, items: unknown[]) =>
    items.length ? [`  ${title}:`, ...items.map((i) => `    ${typeof i === 'string' ? i : JSON.stringify(i)}`)] : [];
  return [
    '',
    `── ${d.doc}`,
    ...list('entities missed', d.entityMisses.missed),
    ...list('entities not in gold', d.entityMisses.spurious),
    ...list('geocoded wrongly', d.geocoding.wrong),
    ...list('dates missed', d.dates.missed),
    ...list('dates not in gold', d.dates.spurious),
    ...list('dates with a wrong value', d.dates.wrongValue),
    ...list('figures missed', d.quantities.missed),
    ...list('figures not in gold', d.quantities.spurious),
    ...list('figures with a wrong value', d.quantities.wrongValue),
    ...list('figures with a wrong category', d.quantities.category.wrong),
    ...list('gold text not found in the record text', [...d.dates.goldNotInText, ...d.quantities.goldNotInText]),
    ...list('events missed', d.events.missed),
    ...list('events with a wrong recipient (gold ⇐ record)', d.events.wrongRecipient),
    ...list('events not in gold', d.events.spurious),
  ].join('\n');
}
