/** Events by month, stacked by type; a bar opens the events of that month and type. */
import { api, type Filters } from '../api.js';
import { TYPE_COLORS } from '../colors.js';
import { FilterBar, Status } from '../components.js';
import { useApi } from '../hooks.js';
import { EVENT_LABELS, useI18n } from '../i18n.js';
import { href } from '../router.js';

const H = 260;

/** Every month from the first to the last, so that quiet months show as gaps. */
function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 600) break;
  }
  return out;
}

const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export function TimelineView(props: { filters: Filters }) {
  const { t, label } = useI18n();
  const { data, error, loading } = useApi(() => api.timeline(props.filters), JSON.stringify(props.filters));
  const rows = data?.rows ?? [];
  const periods = rows.length ? months(rows[0]!.period, rows[rows.length - 1]!.period) : [];
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.period, (totals.get(r.period) ?? 0) + r.count);
  const max = Math.max(1, ...totals.values());
  const bw = Math.max(8, Math.min(40, 900 / Math.max(1, periods.length)));
  const width = Math.max(300, periods.length * bw + 60);
  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title" class="visually-hidden">{t.timeline}</h1>
      <FilterBar view="timeline" filters={props.filters} />
      <Status loading={loading && !data} error={error} empty={data?.rows.length === 0} emptyText={t.noEvents} />
      {rows.length > 0 && (
        <>
          <ul class="legend">
            {types.map((ty) => <li key={ty}><span class="swatch" style={{ background: TYPE_COLORS[ty] }} /> {label(EVENT_LABELS, ty)}</li>)}
          </ul>
          <div class="chart-wrap" dir="ltr">
            <svg class="timeline" viewBox={`0 0 ${width} ${H + 50}`} width={width} height={H + 50} role="img" aria-label={t.timeline}>
              <line x1="40" x2={width} y1={H} y2={H} class="axis" />
              <text x="34" y="12" class="tick" text-anchor="end">{max}</text>
              <text x="34" y={H} class="tick" text-anchor="end">0</text>
              {periods.map((p, i) => {
                let y = H;
                const x = 44 + i * bw;
                return (
                  <g key={p}>
                    {rows.filter((r) => r.period === p).map((r) => {
                      const h = (r.count / max) * (H - 10);
                      y -= h;
                      return (
                        <a key={r.type} href={href('events', null, { ...props.filters, type: r.type, from: `${p}-01`, to: lastDay(p) })} aria-label={`${p} ${label(EVENT_LABELS, r.type)}: ${r.count}`}>
                          <rect x={x} y={y} width={bw - 2} height={h} fill={TYPE_COLORS[r.type]}><title>{`${p} · ${label(EVENT_LABELS, r.type)}: ${r.count}`}</title></rect>
                        </a>
                      );
                    })}
                    {(i % Math.ceil(periods.length / 12) === 0) && <text x={x + bw / 2} y={H + 16} class="tick" text-anchor="middle">{p}</text>}
                  </g>
                );
              })}
            </svg>
          </div>
          <details>
            <summary>{t.byMonth}</summary>
            <table>
              <thead><tr><th scope="col">{t.month}</th><th scope="col">{t.type}</th><th scope="col">{t.count}</th></tr></thead>
              <tbody>{rows.map((r) => <tr key={`${r.period}-${r.type}`}><td><bdi dir="ltr">{r.period}</bdi></td><td>{label(EVENT_LABELS, r.type)}</td><td>{r.count}</td></tr>)}</tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
