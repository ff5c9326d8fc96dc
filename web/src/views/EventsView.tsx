/**
 * The events table: filtered by the shared filters, sorted by a column header (the server
 * sorts, so paging stays right), each row opening its sentence in the article.
 */
import { api, type EventRow, type Filters } from '../api.js';
import { FilterBar, Pager, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';

const LIMIT = 50;
const SORTABLE = ['date', 'type', 'confidence', 'published'] as const;

export function EventsView(props: { filters: Filters; params: URLSearchParams }) {
  const { t, name } = useI18n();
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  const sort = props.params.get('sort') ?? '-date';
  const key = JSON.stringify([props.filters, offset, sort]);
  const { data, error, loading } = useApi(() => api.events(props.filters, { limit: LIMIT, offset, sort }), key);
  const go = (changes: Record<string, string | number | undefined>) => navigate(href('events', null, { ...props.filters, sort: sort === '-date' ? undefined : sort, offset: offset || undefined, ...changes }));
  const header = (column: (typeof SORTABLE)[number], text: string) => {
    const state = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
    return (
      <th scope="col" aria-sort={state}>
        <button type="button" class="sort" onClick={() => go({ sort: state === 'descending' ? column : `-${column}`, offset: undefined })}>
          {text} <span aria-hidden="true">{state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}</span>
        </button>
      </th>
    );
  };
  const names = (xs: EventRow['actors']) => xs.map((x) => <a key={x.id} href={href('entity', x.id)}>{name(x.name, x.id)}</a>);
  const join = (xs: preact.JSX.Element[]) => xs.flatMap((x, i) => (i ? ['، ', x] : [x]));
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title" class="visually-hidden">{t.events}</h1>
      <FilterBar view="events" filters={props.filters} fields={['q', 'type', 'actor', 'place', 'topic', 'outlet', 'from', 'to', 'minConfidence']} exports />
      <Status loading={loading && !data} error={error} empty={data?.total === 0} emptyText={t.noEvents} />
      {data && data.total > 0 && (
        <>
          <p class="count" aria-live="polite">{t.results(data.total)}</p>
          <div class="table-wrap">
            <table class="events">
              <thead>
                <tr>
                  {header('date', t.date)}
                  {header('type', t.type)}
                  <th scope="col">{t.actor}</th>
                  <th scope="col">{t.recipient}</th>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.sentence}</th>
                  {header('published', t.source)}
                  {header('confidence', t.confidence)}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((e) => (
                  <tr key={`${e.document.id}-${e.index}`} data-type={e.type}>
                    <td><bdi dir="ltr">{e.date.value ?? '—'}</bdi></td>
                    <td><TypeBadge type={e.type} /></td>
                    <td>{join(names(e.actors))}</td>
                    <td>{join(names(e.recipients))}</td>
                    <td>{e.place ? <a href={href('entity', e.place.id)}>{name(e.place.name, e.place.id)}</a> : '—'}</td>
                    <td class="sentence-cell" lang="ar">
                      <a href={href('doc', e.document.id, { event: e.index })} title={t.openSentence}>{e.sentence.text}</a>
                    </td>
                    <td class="small">{e.document.outlet}<br /><bdi dir="ltr">{e.document.published}</bdi></td>
                    <td><bdi dir="ltr">{Math.round(e.confidence * 100)}%</bdi></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={data.total} limit={LIMIT} offset={offset} onPage={(o) => go({ offset: o || undefined })} />
        </>
      )}
    </section>
  );
}
