/**
 * The figures ledger: each figure with source, date, hedge and sentence; sums by outlet. "By
 * event" lists events told by several outlets (folded events) with each outlet's own figures
 * side by side ("killed: 4 per Hawar, 5 per SOHR"); `fold=ID` shows one of them.
 */
import type { ComponentChildren } from 'preact';
import { api, type Filters, type FoldRow } from '../api.js';
import { DateText, FilterBar, Pager, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { CATEGORY_LABELS, QUALIFIER_LABELS, UNIT_LABELS, useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';

const LIMIT = 50;
/** The categories an event's own figures (its size) can have. */
const SIZE_CATEGORIES: readonly string[] = ['killed', 'injured', 'detained', 'displaced', 'returned'];

/** One folded event's figures: a column per report (its outlet), a row per category. */
export function SideBySide(props: { fold: FoldRow }) {
  const { t, label, lang } = useI18n();
  const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US'));
  const reports = props.fold.members.filter((m) => props.fold.figures.some((f) => f.reports.some((r) => r.document.id === m.document.id && r.index === m.index)));
  return (
    <table class="side-by-side">
      <caption class="visually-hidden">{t.perOutlet}</caption>
      <thead>
        <tr>
          <th scope="col">{t.category}</th>
          {reports.map((m) => (
            <th scope="col" key={`${m.document.id}-${m.index}`}>
              <a href={href('doc', m.document.id, { event: m.index })}>{m.document.outlet ?? '—'}</a>
              <div class="small"><bdi dir="ltr">{m.document.published ?? ''}</bdi></div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.fold.figures.map((f) => (
          <tr key={f.category} data-category={f.category}>
            <th scope="row">{label(CATEGORY_LABELS, f.category)}</th>
            {reports.map((m) => {
              const r = f.reports.find((x) => x.document.id === m.document.id && x.index === m.index);
              const value = r ? (r.value !== null ? fmt(r.value) : `${fmt(r.low)}–${fmt(r.high)}`) : '—';
              return (
                <td key={`${m.document.id}-${m.index}`} title={r?.text ?? undefined}>
                  <bdi dir="ltr">{value}</bdi> {r?.qualifier ? <span class="small">{label(QUALIFIER_LABELS, r.qualifier)}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Folded events with figures from several outlets, or one folded event (`fold`). */
function ByEvent(props: { filters: Filters; category: string | undefined; fold: string | null; offset: number; go: (changes: Record<string, string | number | undefined>) => void }) {
  const { t, name } = useI18n();
  const key = JSON.stringify([props.filters, props.category, props.fold, props.offset]);
  const { data, error, loading } = useApi(
    () =>
      props.fold
        ? api.fold(props.fold).then((f) => ({ total: 1, limit: 1, offset: 0, rows: [f] }))
        : api.folds({ ...props.filters, minSources: 2, figures: props.category ?? 'any' }, { limit: LIMIT, offset: props.offset, sort: '-date' }),
    key,
  );
  return (
    <>
      <p class="count">{t.byEventHint}</p>
      <Status loading={loading && !data} error={error} empty={data?.total === 0} />
      {data && data.total > 0 && (
        <>
          <div class="table-wrap">
            <table class="fold-figures">
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.sourcesColumn}</th>
                  <th scope="col">{t.perOutlet}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((f) => (
                  <tr key={f.id} data-fold={f.id}>
                    <td><DateText value={f.date.value} /></td>
                    <td><TypeBadge type={f.type} /></td>
                    <td>{f.place ? <a href={href('entity', f.place.id)}>{name(f.place.name, f.place.id)}</a> : '—'}</td>
                    <td><a href={href('events', null, { fold: f.id })}>{t.sourcesCount(f.sources)}</a></td>
                    <td><SideBySide fold={f} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={data.total} limit={LIMIT} offset={props.offset} onPage={(o) => props.go({ offset: o || undefined })} />
        </>
      )}
    </>
  );
}

export function FiguresView(props: { filters: Filters; params: URLSearchParams }) {
  const { t, label, lang } = useI18n();
  const fold = props.params.get('fold');
  const byEvent = props.params.get('by') === 'event' || fold !== null;
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  const category = props.params.get('category') ?? undefined;
  const key = JSON.stringify([props.filters, offset, category]);
  // By event, the ledger and the sums are not shown, nor asked for.
  const ledger = useApi(() => (byEvent ? Promise.resolve(null) : api.figures({ ...props.filters, ...(category ? { category } : {}) }, { limit: LIMIT, offset })), `${key}|${byEvent}`);
  const series = useApi(() => (byEvent ? Promise.resolve(null) : api.figureSeries(props.filters)), `${JSON.stringify(props.filters)}|${byEvent}`);
  const go = (changes: Record<string, string | number | undefined>) =>
    navigate(href('figures', null, { ...props.filters, category, by: byEvent ? 'event' : undefined, offset: offset || undefined, ...changes }));
  const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US'));
  const data = ledger.data;
  return (
    <section aria-labelledby="figures-title">
      <h1 id="figures-title" class="visually-hidden">{t.figures}</h1>
      <FilterBar view="figures" filters={props.filters} fields={['q', 'actor', 'place', 'outlet', 'from', 'to']} />
      <nav class="chips" aria-label={t.figures}>
        <a href={href('figures', null, { ...props.filters, category })} aria-current={!byEvent ? 'true' : undefined}>{t.byFigure}</a>
        <a href={href('figures', null, { ...props.filters, category: category && SIZE_CATEGORIES.includes(category) ? category : undefined, by: 'event' })} aria-current={byEvent && !fold ? 'true' : undefined}>{t.byEvent}</a>
      </nav>
      <nav class="chips" aria-label={t.category}>
        <a href={href('figures', null, { ...props.filters, by: byEvent ? 'event' : undefined })} aria-current={!category ? 'true' : undefined}>{t.any}</a>
        {Object.keys(CATEGORY_LABELS).filter((c) => !byEvent || SIZE_CATEGORIES.includes(c)).map((c) => (
          <a key={c} href={href('figures', null, { ...props.filters, category: c, by: byEvent ? 'event' : undefined })} aria-current={category === c ? 'true' : undefined}>{label(CATEGORY_LABELS, c)}</a>
        ))}
      </nav>
      {byEvent && <ByEvent filters={props.filters} category={category} fold={fold} offset={offset} go={go} />}
      {!byEvent && <Status loading={ledger.loading && !data} error={ledger.error} empty={data?.total === 0} />}
      {!byEvent && data && data.total > 0 && (
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
                      <td><DateText value={f.date} /></td>
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
      {!byEvent && series.data && series.data.bySource.length > 0 && (
        <details class="sums">
          <summary>{t.bySource}</summary>
          <p class="small">{t.sumsNote}</p>
          <table>
            <thead><tr><th scope="col">{t.source}</th><th scope="col">{t.category}</th><th scope="col">{t.unit}</th><th scope="col">{t.count}</th><th scope="col">{t.sum}</th></tr></thead>
            <tbody>
              {series.data.bySource.map((s) => (
                <tr key={`${s.outlet}-${s.category}-${s.unit}`} data-category={s.category} data-unit={s.unit ?? ''}>
                  <td>{s.outlet ?? '—'}</td><td>{label(CATEGORY_LABELS, s.category)}</td><td>{s.unit ? label(UNIT_LABELS, s.unit) : '—'}</td><td>{s.count}</td>
                  <td class="sum">{s.sum === null ? <span class="small">{t.notSummed}</span> : <bdi dir="ltr">{fmt(Math.round(s.sum))}</bdi>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
