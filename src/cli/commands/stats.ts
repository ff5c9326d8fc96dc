/**
 * `marsad stats [--json]`: what the store holds.
 */
import type { Command } from 'commander';
import { PostgresStore } from '../../store/postgres/pg-store.js';
import { PgQueue, type FailedJob, type QueueCounts } from '../../store/postgres/queue.js';
import { json, out, printable, styles } from '../io.js';
import type { CommandContext } from '../main.js';

export function registerStats(program: Command, ctx: CommandContext): void {
  program
    .command('stats')
    .description('count what the store holds')
    .option('--store <path>', 'the store (default: $MARSAD_STORE or ./marsad.db)')
    .option('--json', 'print {"documents": N, …} as JSON')
    .action(async (opts: { store?: string; json?: boolean }) => {
      const store = ctx.openStore(opts.store);
      try {
        const s = await store.stats();
        // A PostgreSQL store has a queue (ingest --queue, marsad worker): its counts, and its latest failures.
        const queue = store instanceof PostgresStore ? new PgQueue(store) : null;
        const jobs: { counts: QueueCounts; failed: FailedJob[] } | null = queue ? { counts: await queue.counts(), failed: await queue.failed(10) } : null;
        if (opts.json) {
          out(ctx.io, json({ store: store.location, ...s, ...(jobs ? { queue: jobs.counts } : {}) }, true));
          return;
        }
        const st = styles(ctx.io, 'stdout');
        const n = (v: number) => String(v).padStart(8);
        const lines = [
          st.bold(`Store ${store.location}`),
          `${n(s.documents)} documents (${s.sources} sources)`,
          `${n(s.entities)} entities (${s.mentions} mentions)`,
          `${n(s.dates)} dates`,
          `${n(s.quantities)} figures`,
          `${n(s.events)} events`,
          `${n(s.messages)} messages`,
          `${n(s.runs)} ingest runs, ${s.failures} rejected inputs in all`,
        ];
        if (s.published.first) lines.push(`published ${s.published.first} … ${s.published.last}`);
        if (s.outlets.length) {
          lines.push('', st.bold('Outlets'));
          for (const o of s.outlets) lines.push(`${n(o.documents)} ${o.outlet ?? st.dim('(unknown)')}`);
        }
        if (s.lastRun) {
          const r = s.lastRun;
          lines.push('', st.dim(`last run ${r.id} (${r.status}) ${r.startedAt}: ${r.stored} stored, ${r.updated} updated, ${r.unchanged} unchanged, ${r.repeats} repeats, ${r.rejected} rejected`));
        }
        const q = jobs?.counts;
        if (q && q.queued + q.leased + q.done + q.failed > 0) {
          const expired = q.expired > 0 ? ` (${q.expired} past their lease: their worker stopped)` : '';
          lines.push('', st.bold('Queue'), `${n(q.queued)} queued`, `${n(q.leased)} leased${expired}`, `${n(q.done)} done`, `${n(q.failed)} failed`);
          for (const f of jobs!.failed) lines.push(st.dim(`  job ${f.id} ${printable(f.origin)} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${printable(f.error)}`));
        }
        out(ctx.io, lines.join('\n'));
      } finally {
        await store.close();
      }
    });
}
