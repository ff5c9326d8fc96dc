/**
 * Events by month, stacked by type; a bar opens the events of that month and type. Events known
 * only to their year ("في عام 2017") are no month's: they stand in a row of their own, by year,
 * and a note says how many there are. A bar's link asks for exactly what the bar counts (the
 * period as `from` and `to`, and the date's precision), each report apart, so that the count on
 * the bar is the count the events view shows.
 */
import { api, type Filters, type TimelineBucket } from '../api.js';
import { TYPE_COLORS } from '../colors.js';
import { FilterBar, Status } from '../components.js';
import { useApi } from '../hooks.js';
import { EVENT_LABELS, useI18n } from '../i18n.js';
import { href } from '../router.js';

const H = 260;
const YEAR_H = 90;

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

/** Every year from the first to the last. */
function years(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(first); y <= Number(last) && out.length <= 200; y++) out.push(String(y));
  return out;
}

/** The events a bar counts: its period, its type, dated as precisely as the bar's row says. */
function barHref(filters: Filters, period: string, type: string): string {
  return href('events', null, { ...filters, type, from: period, to: period, precision: period.length === 4 ? 'year' : 'month,day', per: 'report' });
}

/** Stacked bars, one column per period; `height` is the chart's drawing height. */
function Bars(props: { periods: string[]; rows: TimelineBucket[]; filters: Filters; height: number; label: string; row: 'month' | 'year' }) {
  const { label } = useI18n();
  const { periods, rows, height } = props;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.period, (totals.get(r.period) ?? 0) + r.count);
  const max = Math.max(1, ...totals.values());
  const bw = Math.max(8, Math.min(40, 900 / Math.max(1, periods.length)));
  const width = Math.max(300, periods.length * bw + 60);
  return (
    <div class="chart-wrap" dir="ltr">
      <svg class={`timeline ${props.row}`} data-row={props.row} viewBox={`0 0 ${width} ${height + 50}`} width={width} height={height + 50} role="img" aria-label={props.label}>
        <line x1="40" x2={width} y1={height} y2={height} class="axis" />
        <text x="34" y="12" class="tick" text-anchor="end">{max}</text>
        <text x="34" y={height} class="tick" text-anchor="end">0</text>
        {periods.map((p, i) => {
          let y = height;
          const x = 44 + i * bw;
          return (
            <g key={p}>
              {rows.filter((r) => r.period === p).map((r) => {
                const h = (r.count / max) * (height - 10);
                y -= h;
                return (
                  <a key={r.type} href={barHref(props.filters, p, r.type)} data-period={p} data-type={r.type} data-count={r.count} aria-label={`${p} ${label(EVENT_LABELS, r.type)}: ${r.count}`}>
                    <rect x={x} y={y} width={bw - 2} height={h} fill={TYPE_COLORS[r.type]}><title>{`${p} · ${label(EVENT_LABELS, r.type)}: ${r.count}`}</title></rect>
                  </a>
                );
              })}
              {(i % Math.ceil(periods.length / 12) === 0) && <text x={x + bw / 2} y={height + 16} class="tick" text-anchor="middle">{p}</text>}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function TimelineView(props: { filters: Filters }) {
  const { t, label } = useI18n();
  const { data, error, loading } = useApi(() => api.timeline(props.filters), JSON.stringify(props.filters));
  const rows = data?.rows ?? [];
  const monthRows = rows.filter((r) => r.period.length === 7);
  const yearRows = rows.filter((r) => r.period.length === 4);
  const monthPeriods = monthRows.length ? months(monthRows[0]!.period, monthRows[monthRows.length - 1]!.period) : [];
  const yearPeriods = yearRows.length ? years(yearRows[0]!.period, yearRows[yearRows.length - 1]!.period) : [];
  const yearOnly = yearRows.reduce((n, r) => n + r.count, 0);
  const types = [...new Set(rows.map((r) => r.type))].sort();
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
          {yearOnly > 0 && <p class="count year-only-note">{t.yearOnlyNote(yearOnly)}</p>}
          {monthRows.length > 0 && <Bars periods={monthPeriods} rows={monthRows} filters={props.filters} height={H} label={t.timeline} row="month" />}
          {yearRows.length > 0 && (
            <section class="year-only" aria-labelledby="year-only-title">
              <h2 id="year-only-title">{t.yearOnly} <span class="small">({t.precisionYear})</span></h2>
              <Bars periods={yearPeriods} rows={yearRows} filters={props.filters} height={YEAR_H} label={t.yearOnly} row="year" />
            </section>
          )}
          <details>
            <summary>{t.byMonth}</summary>
            <table>
              <thead><tr><th scope="col">{t.month} / {t.year}</th><th scope="col">{t.type}</th><th scope="col">{t.count}</th></tr></thead>
              <tbody>
                {[...monthRows, ...yearRows].map((r) => (
                  <tr key={`${r.period}-${r.type}`}>
                    <td><bdi dir="ltr">{r.period}</bdi>{r.period.length === 4 && <span class="small"> ({t.precisionYear})</span>}</td>
                    <td>{label(EVENT_LABELS, r.type)}</td>
                    <td><a href={barHref(props.filters, r.period, r.type)}>{r.count}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
