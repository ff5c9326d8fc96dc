/**
 * The events table, filtered by the shared filters and sorted by a column header (the server
 * sorts, so paging stays right). By default each row is a folded event (one act, many reports:
 * the reports of different articles that tell it), with its sources count; its reports open
 * under it, each linked to its sentence in its article. "Each report" lists the per-article
 * events instead; `fold=ID` lists the reports of one folded event.
 */
import { useState } from 'preact/hooks';
import { api, type EventRow, type Filters, type FoldRow } from '../api.js';
import { DateText, FilterBar, Pager, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { CATEGORY_LABELS, useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ReviewBar, ReviewProvider, RowReviewButtons, useReviewWords } from '../review.js';

const LIMIT = 50;

type Go = (changes: Record<string, string | number | undefined>) => void;

/** A sortable column header: the server sorts; a click flips the direction. */
function SortHeader(props: { column: string; sort: string; text: string; go: Go }) {
  const { column, sort } = props;
  const state = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" class="sort" onClick={() => props.go({ sort: state === 'descending' ? column : `-${column}`, offset: undefined })}>
        {props.text} <span aria-hidden="true">{state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

function useNames() {
  const { name } = useI18n();
  const names = (xs: { id: string; name: { ar: string | null; en: string | null } }[]) => xs.map((x) => <a key={x.id} href={href('entity', x.id)}>{name(x.name, x.id)}</a>);
  const join = (xs: preact.JSX.Element[]) => xs.flatMap((x, i) => (i ? ['، ', x] : [x]));
  return (xs: { id: string; name: { ar: string | null; en: string | null } }[]) => join(names(xs));
}

/** A figure as text: its value, or its range. */
function figure(r: { value: number | null; low: number | null; high: number | null }, fmt: (n: number | null) => string): string {
  return r.value !== null ? fmt(r.value) : r.low !== null && r.high !== null && r.low !== r.high ? `${fmt(r.low)}–${fmt(r.high)}` : fmt(r.low ?? r.high);
}

/** One folded event's reports: outlet, date, sentence and the figures each gives. */
export function FoldReports(props: { fold: FoldRow }) {
  const { t, label, lang } = useI18n();
  const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US'));
  return (
    <ul class="reports plain">
      {props.fold.members.map((m) => (
        <li key={`${m.document.id}-${m.index}`}>
          <strong>{m.document.outlet ?? '—'}</strong> <bdi dir="ltr" class="small">{m.document.published ?? ''}</bdi>{' '}
          <a href={href('doc', m.document.id, { event: m.index })} lang="ar">{m.sentence.text}</a>
          {props.fold.figures.map((f) => {
            const r = f.reports.find((x) => x.document.id === m.document.id && x.index === m.index);
            return r ? <span key={f.category} class="figure-chip">{label(CATEGORY_LABELS, f.category)}: <bdi dir="ltr">{figure(r, fmt)}</bdi></span> : null;
          })}
        </li>
      ))}
      <li>
        <a href={href('events', null, { fold: props.fold.id })}>{t.allReports}</a>
        {props.fold.figures.length > 0 && <> · <a href={href('figures', null, { fold: props.fold.id })}>{t.perOutlet}</a></>}
      </li>
    </ul>
  );
}

function FoldedTable(props: { filters: Filters; offset: number; sort: string; go: Go }) {
  const { t, name, label, lang } = useI18n();
  const names = useNames();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const key = JSON.stringify([props.filters, props.offset, props.sort]);
  const { data, error, loading } = useApi(() => api.folds(props.filters, { limit: LIMIT, offset: props.offset, sort: props.sort }), key);
  const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US'));
  const toggle = (id: string) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <>
      <Status loading={loading && !data} error={error} empty={data?.total === 0} emptyText={t.noEvents} />
      {data && data.total > 0 && (
        <>
          <p class="count" aria-live="polite">{t.results(data.total)} <span class="small">· {t.foldedHint}</span></p>
          <div class="table-wrap">
            <table class="events folded">
              <thead>
                <tr>
                  <SortHeader column="date" sort={props.sort} text={t.date} go={props.go} />
                  <SortHeader column="type" sort={props.sort} text={t.type} go={props.go} />
                  <th scope="col">{t.actor}</th>
                  <th scope="col">{t.recipient}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.sentence}</th>
                  <SortHeader column="sources" sort={props.sort} text={t.sourcesColumn} go={props.go} />
                  <SortHeader column="confidence" sort={props.sort} text={t.confidence} go={props.go} />
                </tr>
              </thead>
              <tbody>
                {data.rows.map((f) => {
                  const first = f.members[0];
                  const expanded = open.has(f.id);
                  return [
                    <tr key={f.id} data-type={f.type} data-fold={f.id}>
                      <td><DateText value={f.date.value} /></td>
                      <td><TypeBadge type={f.type} /></td>
                      <td>{names(f.actors)}</td>
                      <td>{names(f.recipients)}</td>
                      <td>{f.place ? <a href={href('entity', f.place.id)}>{name(f.place.name, f.place.id)}</a> : '—'}</td>
                      <td class="sentence-cell" lang="ar">
                        {first && <a href={href('doc', first.document.id, { event: first.index })} title={t.openSentence}>{first.sentence.text}</a>}
                      </td>
                      <td class="sources-cell">
                        <button type="button" class="sources" aria-expanded={expanded} aria-controls={`reports-${f.id}`} title={t.showReports} onClick={() => toggle(f.id)}>
                          {t.sourcesCount(f.sources)}
                        </button>
                        <div class="small">{f.outlets.join('، ')}</div>
                        {f.figures.map((x) => (
                          <div key={x.category} class="small">{label(CATEGORY_LABELS, x.category)}: <bdi dir="ltr">{x.low === x.high ? fmt(x.low) : `${fmt(x.low)}–${fmt(x.high)}`}</bdi></div>
                        ))}
                      </td>
                      <td><bdi dir="ltr">{Math.round(f.confidence * 100)}%</bdi></td>
                    </tr>,
                    expanded && (
                      <tr key={`${f.id}-reports`} id={`reports-${f.id}`} class="reports-row">
                        <td colSpan={8}><FoldReports fold={f} /></td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          </div>
          <Pager total={data.total} limit={LIMIT} offset={props.offset} onPage={(o) => props.go({ offset: o || undefined })} />
        </>
      )}
    </>
  );
}

function ReportTable(props: { filters: Filters; fold: string | null; offset: number; sort: string; go: Go }) {
  const { t, name } = useI18n();
  const words = useReviewWords();
  const names = useNames();
  // A review saved from a row reads the page again (a rejected event leaves it).
  const [version, setVersion] = useState(0);
  const key = JSON.stringify([props.filters, props.fold, props.offset, props.sort, version]);
  const { data, error, loading } = useApi(
    () => api.events({ ...props.filters, ...(props.fold ? { fold: props.fold } : {}) }, { limit: LIMIT, offset: props.offset, sort: props.sort }),
    key,
  );
  return (
    <>
      <Status loading={loading && !data} error={error} empty={data?.total === 0} emptyText={t.noEvents} />
      {data && data.total > 0 && (
        <>
          <p class="count" aria-live="polite">{props.fold ? t.reportsOf(data.total) : t.results(data.total)}</p>
          <div class="table-wrap">
            <table class="events">
              <thead>
                <tr>
                  <SortHeader column="date" sort={props.sort} text={t.date} go={props.go} />
                  <SortHeader column="type" sort={props.sort} text={t.type} go={props.go} />
                  <th scope="col">{t.actor}</th>
                  <th scope="col">{t.recipient}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.sentence}</th>
                  <SortHeader column="published" sort={props.sort} text={t.source} go={props.go} />
                  <th scope="col">{t.sourcesColumn}</th>
                  <SortHeader column="confidence" sort={props.sort} text={t.confidence} go={props.go} />
                  <th scope="col">{words.review}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((e: EventRow) => (
                  <tr key={`${e.document.id}-${e.index}`} data-type={e.type} data-doc={e.document.id} data-index={e.index} class={e.reviewed ? 'reviewed' : undefined}>
                    <td><DateText value={e.date.value} /></td>
                    <td><TypeBadge type={e.type} /></td>
                    <td>{names(e.actors)}</td>
                    <td>{names(e.recipients)}</td>
                    <td>{e.place ? <a href={href('entity', e.place.id)}>{name(e.place.name, e.place.id)}</a> : '—'}</td>
                    <td class="sentence-cell" lang="ar">
                      <a href={href('doc', e.document.id, { event: e.index })} title={t.openSentence}>{e.sentence.text}</a>
                    </td>
                    <td class="small">{e.document.outlet}<br /><bdi dir="ltr">{e.document.published}</bdi></td>
                    <td>{e.fold && e.fold.sources > 1 && !props.fold ? <a href={href('events', null, { fold: e.fold.id })}>{t.sourcesCount(e.fold.sources)}</a> : e.fold ? t.sourcesCount(e.fold.sources) : '—'}</td>
                    <td><bdi dir="ltr">{Math.round(e.confidence * 100)}%</bdi></td>
                    <td class="review-cell">
                      <RowReviewButtons document={e.document.id} index={e.index} review={e.review} correctHref={href('doc', e.document.id, { event: e.index })} onSaved={() => setVersion((v) => v + 1)} />
                    </td>
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

export function EventsView(props: { filters: Filters; params: URLSearchParams }) {
  const { t } = useI18n();
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  const fold = props.params.get('fold');
  const mode = props.params.get('per') === 'report' || fold ? 'report' : 'folded';
  const sort = props.params.get('sort') ?? '-date';
  const go: Go = (changes) =>
    navigate(
      href('events', null, {
        ...props.filters,
        per: mode === 'report' && !fold ? 'report' : undefined,
        fold: fold ?? undefined,
        sort: sort === '-date' ? undefined : sort,
        offset: offset || undefined,
        ...changes,
      }),
    );
  return (
    <ReviewProvider>
    <section aria-labelledby="events-title">
      <h1 id="events-title" class="visually-hidden">{t.events}</h1>
      <FilterBar view="events" filters={props.filters} fields={['q', 'type', 'actor', 'place', 'topic', 'outlet', 'from', 'to', 'minConfidence']} exports />
      <nav class="chips" aria-label={t.events}>
        <a href={href('events', null, { ...props.filters })} aria-current={mode === 'folded' ? 'true' : undefined}>{t.folded}</a>
        <a href={href('events', null, { ...props.filters, per: 'report' })} aria-current={mode === 'report' && !fold ? 'true' : undefined}>{t.perReport}</a>
      </nav>
      {mode === 'report' && <ReviewBar />}
      {mode === 'folded' ? (
        <FoldedTable filters={props.filters} offset={offset} sort={sort === 'published' || sort === '-published' ? '-date' : sort} go={go} />
      ) : (
        <ReportTable filters={props.filters} fold={fold} offset={offset} sort={sort === 'sources' || sort === '-sources' ? '-date' : sort} go={go} />
      )}
    </section>
    </ReviewProvider>
  );
}
