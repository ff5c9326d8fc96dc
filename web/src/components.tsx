/** Pieces the views share: the filter bar, paging, status lines, badges, snippets. */
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, exportUrl, type Filters, type StatsView } from './api.js';
import { EVENT_LABELS, useI18n } from './i18n.js';
import { href, navigate, type View } from './router.js';
import { useApi } from './hooks.js';

/** The store's facets, loaded once for every filter menu. */
let statsPromise: Promise<StatsView> | null = null;
export function useStats() {
  return useApi(() => (statsPromise ??= api.stats()), 'stats');
}

export function Status(props: { loading?: boolean; error?: string | null; empty?: boolean; emptyText?: string }) {
  const { t } = useI18n();
  if (props.error) return <p class="status error" role="alert">{props.error}</p>;
  if (props.loading) return <p class="status" aria-live="polite">{t.loading}</p>;
  if (props.empty) return <p class="status">{props.emptyText ?? t.noResults}</p>;
  return null;
}

/**
 * Keeps a view's failure inside the view: a record that breaks rendering shows an error line
 * instead of blanking the page (the header and the other views keep working).
 */
export class ViewBoundary extends Component<{ children?: ComponentChildren }, { failed: string | null }> {
  override state = { failed: null as string | null };
  static override getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override componentDidCatch(error: unknown) {
    console.error('marsad: a view failed to render', error);
  }
  override render() {
    if (this.state.failed !== null) return <p class="status error" role="alert">{this.state.failed}</p>;
    return this.props.children;
  }
}

export function TypeBadge(props: { type: string }) {
  const { label } = useI18n();
  return <span class={`badge type-${props.type}`} title={props.type}>{label(EVENT_LABELS, props.type)}</span>;
}

/** A snippet with its matches marked (as text: the snippet is never read as HTML). */
export function Snippet(props: { text: string; highlights: [number, number][] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  props.highlights.forEach(([a, b], i) => {
    parts.push(props.text.slice(at, a), <mark key={i}>{props.text.slice(a, b)}</mark>);
    at = b;
  });
  parts.push(props.text.slice(at));
  return <p class="snippet">{parts}</p>;
}

export function Pager(props: { total: number; limit: number; offset: number; onPage: (offset: number) => void }) {
  const { t } = useI18n();
  if (props.total <= props.limit) return null;
  const last = Math.min(props.offset + props.limit, props.total);
  return (
    <nav class="pager" aria-label="pages">
      <button type="button" disabled={props.offset === 0} onClick={() => props.onPage(Math.max(0, props.offset - props.limit))}>{t.previous}</button>
      <span>{t.page(props.offset + 1, last, props.total)}</span>
      <button type="button" disabled={last >= props.total} onClick={() => props.onPage(props.offset + props.limit)}>{t.next}</button>
    </nav>
  );
}

/**
 * The filters every view shares. Changing one navigates, so the address always says what is
 * shown. `fields` picks which appear.
 */
export function FilterBar(props: { view: View; filters: Filters; fields?: readonly (keyof Filters)[]; exports?: boolean }) {
  const { t, label, name } = useI18n();
  const stats = useStats().data;
  const fields = props.fields ?? ['q', 'type', 'actor', 'place', 'topic', 'outlet', 'from', 'to'];
  const [q, setQ] = useState(props.filters.q ?? '');
  useEffect(() => setQ(props.filters.q ?? ''), [props.filters.q]);
  const set = (key: keyof Filters, value: string) => navigate(href(props.view, null, { ...props.filters, [key]: value || undefined }));
  const select = (key: keyof Filters, text: string, options: { value: string; label: string }[]) => (
    <label class="field">
      <span>{text}</span>
      <select name={key} value={props.filters[key] ?? ''} onChange={(e) => set(key, (e.target as HTMLSelectElement).value)}>
        <option value="">{t.any}</option>
        {props.filters[key] && !options.some((o) => o.value === props.filters[key]) && <option value={props.filters[key]}>{props.filters[key]}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
  const f = stats?.facets;
  return (
    <form
      class="filters"
      role="search"
      aria-label={t.filters}
      onSubmit={(e) => {
        e.preventDefault();
        set('q', q.trim());
      }}
    >
      {fields.includes('q') && (
        <label class="field grow">
          <span>{t.query}</span>
          <span class="query">
            <input name="q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} placeholder="داعش، معتقلي الهول…" />
            <button type="submit">{t.searchButton}</button>
          </span>
        </label>
      )}
      {fields.includes('type') && select('type', t.type, (f?.eventTypes ?? Object.keys(EVENT_LABELS).map((value) => ({ value, count: 0 }))).map((x) => ({ value: x.value, label: label(EVENT_LABELS, x.value) + (x.count ? ` (${x.count})` : '') })))}
      {fields.includes('actor') && select('actor', t.actor, (f?.actors ?? []).map((x) => ({ value: x.id, label: `${name(x.name, x.id)} (${x.count})` })))}
      {fields.includes('place') && select('place', t.place, (f?.places ?? []).map((x) => ({ value: x.id, label: `${name(x.name, x.id)} (${x.count})` })))}
      {fields.includes('topic') && select('topic', t.topic, (f?.topics ?? []).map((x) => ({ value: x.value, label: `${x.value} (${x.count})` })))}
      {fields.includes('outlet') && select('outlet', t.outlet, (f?.outlets ?? []).map((x) => ({ value: x.value, label: `${x.value} (${x.count})` })))}
      {fields.includes('from') && (
        <label class="field">
          <span>{t.from}</span>
          <input name="from" type="date" value={props.filters.from ?? ''} onChange={(e) => set('from', (e.target as HTMLInputElement).value)} />
        </label>
      )}
      {fields.includes('to') && (
        <label class="field">
          <span>{t.to}</span>
          <input name="to" type="date" value={props.filters.to ?? ''} onChange={(e) => set('to', (e.target as HTMLInputElement).value)} />
        </label>
      )}
      {fields.includes('minConfidence') &&
        select('minConfidence', t.minConfidence, ['0.3', '0.5', '0.7', '0.85'].map((value) => ({ value, label: `${Math.round(Number(value) * 100)}%` })))}
      <div class="field actions">
        <a class="button" href={href(props.view)}>{t.clear}</a>
        {props.exports && (
          <details class="export">
            <summary title={t.exportHint}>{t.export}</summary>
            <ul>
              {(['csv', 'folds', 'geojson', 'plover', 'jsonl'] as const).map((fmt) => (
                <li key={fmt}><a href={exportUrl(fmt, props.filters)} download>{fmt}</a></li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </form>
  );
}
