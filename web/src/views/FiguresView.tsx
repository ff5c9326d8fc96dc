/** The figures ledger: each figure with source, date, hedge and sentence; sums by outlet. */
import type { ComponentChildren } from 'preact';
import { api, type Filters } from '../api.js';
import { FilterBar, Pager, Status } from '../components.js';
import { useApi } from '../hooks.js';
import { CATEGORY_LABELS, QUALIFIER_LABELS, useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';

const LIMIT = 50;

export function FiguresView(props: { filters: Filters; params: URLSearchParams }) {
  const { t, label, lang } = useI18n();
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  const category = props.params.get('category') ?? undefined;
  const key = JSON.stringify([props.filters, offset, category]);
  const ledger = useApi(() => api.figures({ ...props.filters, ...(category ? { category } : {}) }, { limit: LIMIT, offset }), key);
  const series = useApi(() => api.figureSeries(props.filters), JSON.stringify(props.filters));
  const go = (changes: Record<string, string | number | undefined>) => navigate(href('figures', null, { ...props.filters, category, offset: offset || undefined, ...changes }));
  const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US'));
  const data = ledger.data;
  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title" class="visually-hidden">{t.figures}</h1>
      <FilterBar view="figures" filters={props.filters} fields={['q', 'actor', 'place', 'outlet', 'from', 'to']} />
      <nav class="chips" aria-label={t.category}>
        <a href={href('figures', null, { ...props.filters })} aria-current={!category ? 'true' : undefined}>{t.any}</a>
        {Object.keys(CATEGORY_LABELS).map((c) => (
          <a key={c} href={href('figures', null, { ...props.filters, category: c })} aria-current={category === c ? 'true' : undefined}>{label(CATEGORY_LABELS, c)}</a>
        ))}
      </nav>
      <Status loading={ledger.loading && !data} error={ledger.error} empty={data?.total === 0} />
      {data && data.total > 0 && (
        <>
          <div class="table-wrap">
            <table class="figures">
              <thead>
                <tr>
                  <th scope="col">{t.value}</th>
                  <th scope="col">{t.qualifier}</th>
                  <th scope="col">{t.category}</th>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.source}</th>
                  <th scope="col">{t.sentence}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((f) => {
                  let sentence: ComponentChildren = '—';
                  if (f.sentence) {
                    const s = f.sentence;
                    const a = Math.max(0, f.span.start - s.start);
                    const b = Math.min(s.text.length, f.span.end - s.start);
                    sentence = <>{s.text.slice(0, a)}<mark class="k-figure">{s.text.slice(a, b)}</mark>{s.text.slice(b)}</>;
                  }
                  return (
                    <tr key={`${f.document.id}-${f.index}`}>
                      <td><bdi dir="ltr">{f.value !== null ? fmt(f.value) : `${fmt(f.low)}–${fmt(f.high)}`}</bdi> <span class="small">{f.counted ?? ''}</span></td>
                      <td>{label(QUALIFIER_LABELS, f.qualifier) || '—'}</td>
                      <td>{label(CATEGORY_LABELS, f.category)}</td>
                      <td><bdi dir="ltr">{f.date ?? '—'}</bdi></td>
                      <td class="small">{f.document.outlet ?? '—'}</td>
                      <td class="sentence-cell" lang="ar"><a href={href('doc', f.document.id, { focus: `q${f.index}` })}>{sentence}</a></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager total={data.total} limit={LIMIT} offset={offset} onPage={(o) => go({ offset: o || undefined })} />
        </>
      )}
      {series.data && series.data.bySource.length > 0 && (
        <details class="sums">
          <summary>{t.bySource}</summary>
          <table>
            <thead><tr><th scope="col">{t.source}</th><th scope="col">{t.category}</th><th scope="col">{t.count}</th><th scope="col">{t.sum}</th></tr></thead>
            <tbody>
              {series.data.bySource.map((s) => (
                <tr key={`${s.outlet}-${s.category}`}><td>{s.outlet ?? '—'}</td><td>{label(CATEGORY_LABELS, s.category)}</td><td>{s.count}</td><td><bdi dir="ltr">{fmt(Math.round(s.sum))}</bdi></td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
