/**
 * `marsad ner-eval --conll FILE [--out PRED] [--model PATH] [--json]`: tags a CoNLL file's
 * sentences with the name tagger and scores the result at the entity level (exact span and
 * type, counted as seqeval counts), per type and overall, with the tagging speed.
 *
 * The file's sentences are tagged in order as running text, so the tagger's document stage
 * reads each sentence with the ones around it, as it reads an article's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MarsadError } from '../../errors.js';
import { readConll } from '../../ner/conll.js';
import { loadNameTagger } from '../../ner/index.js';
import { scoreEntities, type EntityScore } from '../../ner/seqeval.js';
import { json, out } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerNerEval(program: Command, ctx: CommandContext): void {
  program
    .command('ner-eval')
    .description('score the name tagger on a CoNLL file (entity-level F1 per type, as seqeval counts)')
    .requiredOption('--conll <file>', 'tagged tokens: one "token TAG" per line, a blank line between sentences (BIO tags)')
    .option('--out <file>', 'write one "token<TAB>gold<TAB>predicted" line per token (blank line between sentences)')
    .option('--model <file>', 'a model file other than the shipped models/ner-ar-v1.json.gz')
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', '\nExample:\n  marsad ner-eval --conll ../shared/data/anercorp/ANERCorp_CamelLab_test.txt --out pred.tsv')
    .action((opts: { conll: string; out?: string; model?: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(opts.conll, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'input-not-found' : 'input-unreadable';
        throw new MarsadError(code, opts.conll, undefined, { cause: error });
      }
      const sentences = readConll(text, opts.conll);
      const loadStart = process.hrtime.bigint();
      const tagger = opts.model ? loadNameTagger(opts.model) : loadNameTagger();
      const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

      // Timed twice: the first pass computes every new word's features (cold), the second
      // finds them cached, as a long-running ingest mostly does.
      const tokenLists = sentences.map((s) => s.tokens);
      const t0 = process.hrtime.bigint();
      let predicted = tagger.tagSentences(tokenLists);
      const t1 = process.hrtime.bigint();
      tagger.tagSentences(tokenLists);
      const coldSeconds = Number(t1 - t0) / 1e9;
      const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
      // A file that calls persons PER (CoNLL-2003 style) gets PER back, so types compare.
      const goldTypes = new Set(sentences.flatMap((s) => s.tags.map((t) => t.slice(2))));
      if (goldTypes.has('PER') && !goldTypes.has('PERS')) predicted = predicted.map((tags) => tags.map((t) => t.replace(/-PERS$/, '-PER')));
      const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
      const report = scoreEntities(
        sentences.map((s) => s.tags),
        predicted,
      );

      if (opts.out) {
        const lines = sentences.map((s, k) => s.tokens.map((t, i) => `${t}\t${s.tags[i]}\t${predicted[k]![i]}\n`).join(''));
        try {
          writeFileSync(opts.out, lines.join('\n'));
        } catch (error) {
          throw new MarsadError('output-write', opts.out, (error as Error).message, { cause: error });
        }
      }

      const speed = seconds > 0 ? tokens / seconds : 0;
      const coldSpeed = coldSeconds > 0 ? tokens / coldSeconds : 0;
      if (opts.json) {
        const scoreJson = (s: EntityScore) => ({ ...s });
        out(
          ctx.io,
          json(
            {
              file: opts.conll,
              model: tagger.id,
              sentences: sentences.length,
              tokens,
              overall: scoreJson(report.overall),
              types: Object.fromEntries([...report.types].map(([t, s]) => [t, scoreJson(s)])),
              tokensPerSecond: Math.round(speed),
              tokensPerSecondFirstPass: Math.round(coldSpeed),
              loadSeconds: Number(loadSeconds.toFixed(3)),
            },
            true,
          ),
        );
        return;
      }
      const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
      const row = (name: string, s: EntityScore) =>
        `  ${name.padEnd(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.support).padStart(8)} ${String(s.predicted).padStart(10)}`;
      out(
        ctx.io,
        [
          `${opts.conll}: ${sentences.length} sentences, ${tokens} tokens; model ${tagger.id}`,
          '',
          `  ${'type'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(8)} ${'predicted'.padStart(10)}`,
          ...[...report.types].map(([t, s]) => row(t, s)),
          row('overall', report.overall),
          '',
          `  entity-level micro-F1 ${(100 * report.overall.f1).toFixed(2)} (exact span and type, seqeval counting)`,
          `  ${Math.round(speed).toLocaleString('en-US')} tokens/s tagging (${Math.round(coldSpeed).toLocaleString('en-US')} on the first pass, which computes every word's features); model loaded in ${loadSeconds.toFixed(2)} s`,
        ].join('\n'),
      );
    });
}
