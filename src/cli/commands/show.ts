/**
 * `marsad show ID [--json]`: one stored record.
 */
import type { Command } from 'commander';
import { MarsadError } from '../../errors.js';
import type { DocumentRecord } from '../../extract/record.js';
import type { SourceRef } from '../../store/store.js';
import { json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('print a stored article and what was extracted from it')
    .argument('<id>', 'the document id (as `marsad search` prints it)')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--json', 'print the record exactly as `marsad extract` does')
    .action(async (id: string, opts: { store?: string; json?: boolean }) => {
      const store = ctx.openStore(opts.store);
      try {
        const record = await store.getDocument(id.trim());
        if (!record) throw new MarsadError('not-found', id, `no document with this id in ${store.location}`);
        if (opts.json) out(ctx.io, json(record, true));
        else out(ctx.io, render(ctx.io, record, await store.sources(record.id)));
      } finally {
        await store.close();
      }
    });
}

function render(io: Io, r: DocumentRecord, sources: SourceRef[]): string {
  const st = styles(io, 'stdout');
  const lines = [st.bold(printable(r.title ?? '(untitled)')), st.dim(`id ${r.id} · published ${r.published ?? 'unknown'} · pipeline ${r.pipeline.version}`)];
  for (const s of sources) lines.push(st.dim(`source ${printable([s.origin, s.outlet, s.url].filter(Boolean).join(' · '))}`));
  lines.push(
    st.dim(`${r.entities.length} entities · ${r.dates.length} dates · ${r.quantities.length} figures · ${r.events.length} events · ${r.messages.length} messages`),
    '',
    printable(r.text, { lines: true }),
  );
  if (r.entities.length) {
    lines.push('', st.bold('Entities'));
    for (const e of r.entities) lines.push(`  ${e.type.padEnd(3)} ${e.name.ar}${e.name.en ? ` (${e.name.en})` : ''} ×${e.mentions.length}  ${st.dim(e.id)}`);
  }
  if (r.dates.length) {
    lines.push('', st.bold('Dates'));
    for (const d of r.dates) lines.push(`  ${d.text} → ${d.value ?? '?'}${d.relative ? st.dim(' (relative)') : ''}`);
  }
  if (r.quantities.length) {
    lines.push('', st.bold('Figures'));
    for (const q of r.quantities) {
      const v = q.value ?? `${q.low}–${q.high}`;
      lines.push(`  ${q.text} → ${v}${q.qualifier ? ` ${q.qualifier}` : ''} ${st.dim(q.category)}`);
    }
  }
  if (r.events.length) {
    lines.push('', st.bold('Events'));
    for (const e of r.events) lines.push(`  ${e.type} ${e.actor.join('+') || '?'} → ${e.recipient.join('+') || '—'}: ${e.trigger.text}`);
  }
  if (r.messages.length) {
    lines.push('', st.bold('Messages'));
    for (const m of r.messages) lines.push(`  ${st.yellow(m.code)} ${m.message}`);
  }
  return lines.join('\n');
}
