/**
 * `marsad show ID [--json]`: one stored record.
 */
import type { Command } from 'commander';
import { MarsadError } from '../../errors.js';
import type { DocumentRecord } from '../../extract/record.js';
import type { SourceRef, Store } from '../../store/store.js';
import { json, out, printable, styles, type Io } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('print a stored article and what was extracted from it')
    .argument('<id>', 'the document id (as `marsad search` prints it), or its first 6 or more hex digits')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--json', 'print the record exactly as `marsad extract` does')
    .action(async (id: string, opts: { store?: string; json?: boolean }) => {
      const store = ctx.openStore(opts.store);
      try {
        const record = await store.getDocument(await resolveId(store, id));
        if (!record) throw new MarsadError('not-found', id, `no document with this id in ${store.location}`);
        if (opts.json) out(ctx.io, json(record, true));
        else out(ctx.io, render(ctx.io, record, await store.sources(record.id)));
      } finally {
        await store.close();
      }
    });
}

/** Fewest hex digits taken as the start of an id. */
export const MIN_ID_PREFIX = 6;
/** Candidates listed when a prefix matches several documents. */
const LISTED = 10;

/**
 * The id a user means: a whole id as given, or the one stored id that begins with a prefix of
 * at least {@link MIN_ID_PREFIX} hex digits (any case).
 *
 * @throws MarsadError `ambiguous-id` listing the ids a prefix matches, when it matches several;
 * `not-found` when a prefix matches none.
 */
export async function resolveId(store: Store, given: string): Promise<string> {
  const id = given.trim();
  const hex = id.toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length >= 16) return id;
  if (hex.length < MIN_ID_PREFIX) {
    throw new MarsadError('not-found', given, `no document with this id in ${store.location} (a shortened id needs at least ${MIN_ID_PREFIX} hex digits)`);
  }
  const ids = await store.documentIdsByPrefix(hex, LISTED + 1);
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) throw new MarsadError('not-found', given, `no document with an id beginning with it in ${store.location}`);
  const more = ids.length > LISTED ? `, and more` : '';
  throw new MarsadError('ambiguous-id', given, `${ids.length > LISTED ? `more than ${LISTED}` : ids.length} documents begin with it: ${ids.slice(0, LISTED).join(', ')}${more}`);
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
