/** Search with filters; each result with its snippet, opening the article. */
import { api, type Filters } from '../api.js';
import { FilterBar, Pager, Snippet, Status } from '../components.js';
import { useApi } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';

const LIMIT = 20;

export function SearchView(props: { filters: Filters; params: URLSearchParams }) {
  const { t } = useI18n();
  const offset = Number(props.params.get('offset') ?? 0) || 0;
  const key = JSON.stringify([props.filters, offset]);
  const { data, error, loading } = useApi(() => api.documents(props.filters, { limit: LIMIT, offset }), key);
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title" class="visually-hidden">{t.search}</h1>
      <FilterBar view="search" filters={props.filters} exports />
      <Status loading={loading && !data} error={error} empty={data?.total === 0} />
      {data && data.total > 0 && (
        <>
          <p class="count" aria-live="polite">{data.capped ? t.results(data.total).replace(String(data.total), `${data.total}+`) : t.results(data.total)}</p>
          <ol class="results" start={offset + 1}>
            {data.rows.map((hit) => (
              <li key={hit.id} class="result">
                <h2 dir={hit.title ? 'auto' : undefined}><a href={href('doc', hit.id)}>{hit.title ?? t.untitled}</a></h2>
                <p class="where"><bdi>{hit.source.outlet}</bdi>{hit.published && <> · <bdi dir="ltr">{hit.published}</bdi></>}</p>
                <Snippet text={hit.snippet} highlights={hit.highlights} />
              </li>
            ))}
          </ol>
          <Pager total={data.ranked ?? data.total} limit={LIMIT} offset={offset} onPage={(o) => navigate(href('search', null, { ...props.filters, offset: o || undefined }))} />
        </>
      )}
    </section>
  );
}
