/** Pieces the views share: the filter bar, paging, status lines, badges, snippets. */
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, exportUrl, type Filters, type StatsView } from './api.js';
import { ERROR_LABELS, EVENT_LABELS, TOPIC_LABELS, useI18n } from './i18n.js';
import { href, navigate, type View } from './router.js';
import { useApi } from './hooks.js';

/** The store's facets, loaded once for every filter menu. */
let statsPromise: Promise<StatsView> | null = null;
export function useStats() {
  return useApi(() => (statsPromise ??= api.stats()), 'stats');
}

/**
 * An API error in the app's language: what went wrong (by its code), the parameter or id it
 * names, and what to do; the server's own message (English) stays as a detail.
 */
export function ErrorText(props: { error: ApiError | string }) {
  const i18n = useI18n();
  const { lang, t } = i18n;
  const e = props.error;
  if (typeof e === 'string') return <p class="status error" role="alert">{e}</p>;
  const entry = e.code ? ERROR_LABELS[e.code] : undefined;
  if (!entry) return <p class="status error" role="alert">{e.message}</p>;
  const subject = errorSubject(e.message, entry.en);
  return (
    <div class="status error" role="alert" data-code={e.code}>
      <p>
        <strong>{lang === 'ar' ? entry.ar : capitalised(entry.en)}</strong>
        {subject && <>{lang === 'ar' ? ': ' : ': '}<bdi dir="ltr" lang="en"><code>{subject}</code></bdi></>}
        {'. '}{lang === 'ar' ? entry.hintAr : entry.hintEn}
      </p>
      {lang === 'ar' && <p class="small">{t.errorDetail}: <bdi dir="ltr" lang="en">{e.message}</bdi></p>}
    </div>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The parameter or id an API message names before its title ("from: invalid parameter: …"). */
function errorSubject(message: string, title: string): string | null {
  const at = message.indexOf(`: ${title}`);
  return at > 0 ? message.slice(0, at) : null;
}

/**
 * What to do when the store holds nothing yet: how to ingest, in the app's language (every
 * view shows it instead of "no results").
 */
export function EmptyStore() {
  const { t } = useI18n();
  return (
    <div class="status empty-store" role="status">
      <p><strong>{t.storeEmpty}</strong></p>
      <p>{t.storeEmptyHow}</p>
      <pre dir="ltr" lang="en"><code>marsad ingest FILES…</code></pre>
      <p class="small">{t.storeEmptyStart}</p>
    </div>
  );
}

export function Status(props: { loading?: boolean; error?: ApiError | string | null; empty?: boolean; emptyText?: string }) {
  const { t } = useI18n();
  const stats = useStats().data;
  if (props.error) return <ErrorText error={props.error} />;
  if (props.loading) return <p class="status" aria-live="polite">{t.loading}</p>;
  if (props.empty && stats?.documents === 0) return <EmptyStore />;
  if (props.empty) return <p class="status">{props.emptyText ?? t.noResults}</p>;
  return null;
}

/** A date (ISO, left to right whatever the text around it), or "undated" when there is none. */
export function DateText(props: { value: string | null | undefined }) {
  const { t } = useI18n();
  return props.value ? <bdi class="date" dir="ltr">{props.value}</bdi> : <span class="undated">{t.undated}</span>;
}

/**
 * The arrow from an actor to whom it acts on (or from words to what they read as): it points
 * the way the line reads, ← in Arabic, → in English.
 */
export function Arrow(props: { label?: string }) {
  const { lang, t } = useI18n();
  return <span class="arrow" role="img" aria-label={props.label ?? t.actsOn}>{lang === 'ar' ? '←' : '→'}</span>;
}

/** Arabic words inside a line of either language: isolated, right to left. */
export function Ar(props: { children: ComponentChildren }) {
  return <bdi lang="ar" dir="rtl">{props.children}</bdi>;
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
  // Article text: right to left in the English interface too.
  return <p class="snippet" lang="ar" dir="rtl">{parts}</p>;
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

/** Days in a month of the Gregorian calendar (month 1-12). */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether a filter date is written YYYY, YYYY-MM or YYYY-MM-DD and names a day the calendar has. */
export function isFilterDate(v: string): boolean {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(v);
  return m !== null && (m[3] === undefined || Number(m[3]) <= daysIn(Number(m[1]), Number(m[2])));
}

/**
 * A date filter: a text field for YYYY, YYYY-MM or YYYY-MM-DD, written left to right in either
 * language (a date input shows the browser's "mm/dd/yyyy", and takes no year or month alone).
 * A date the calendar lacks is marked and not applied.
 */
function DateField(props: { name: 'from' | 'to'; text: string; value: string | undefined; onCommit: (value: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(props.value ?? '');
  useEffect(() => setValue(props.value ?? ''), [props.value]);
  const v = value.trim();
  const bad = v !== '' && !isFilterDate(v);
  const id = `filter-${props.name}`;
  return (
    <label class="field date-field">
      <span>{props.text}</span>
      <input
        name={props.name}
        type="text"
        inputMode="numeric"
        dir="ltr"
        autoComplete="off"
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        placeholder={t.dateFormat}
        title={t.dateHelp}
        value={value}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={bad ? `${id}-error` : undefined}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        onChange={() => {
          if (!bad) props.onCommit(v);
        }}
      />
      {bad && <span id={`${id}-error`} class="field-error" role="alert">{t.badDate(v)}</span>}
    </label>
  );
}

/**
 * The filters every view shares. Changing one navigates, so the address always says what is
 * shown. `fields` picks which appear. At phone width they fold behind a button, so that a view
 * opens on its content.
 */
export function FilterBar(props: { view: View; filters: Filters; fields?: readonly (keyof Filters)[]; exports?: boolean }) {
  const { t, label, name } = useI18n();
  const stats = useStats().data;
  const fields = props.fields ?? ['q', 'type', 'actor', 'place', 'topic', 'outlet', 'from', 'to'];
  const [q, setQ] = useState(props.filters.q ?? '');
  const [open, setOpen] = useState(false);
  useEffect(() => setQ(props.filters.q ?? ''), [props.filters.q]);
  const set = (key: keyof Filters, value: string) => navigate(href(props.view, null, { ...props.filters, [key]: value || undefined }));
  const active = Object.values(props.filters).filter(Boolean).length;
  const formId = `filters-${props.view}`;
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
    <>
    <button type="button" class="filters-toggle" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
      {t.showFilters(active)}
    </button>
    <form
      id={formId}
      class={`filters${open ? '' : ' collapsed'}`}
      role="search"
      aria-label={t.filters}
      onSubmit={(e) => {
        e.preventDefault();
        // Enter in any field applies the words and the dates typed so far (valid ones only).
        const form = e.currentTarget as HTMLFormElement;
        const typed = (key: 'from' | 'to') => {
          const input = form.elements.namedItem(key) as HTMLInputElement | null;
          const v = input?.value.trim();
          return v === undefined ? props.filters[key] : v === '' ? undefined : isFilterDate(v) ? v : props.filters[key];
        };
        navigate(href(props.view, null, { ...props.filters, q: q.trim() || undefined, from: typed('from'), to: typed('to') }));
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
      {fields.includes('topic') && select('topic', t.topic, (f?.topics ?? []).map((x) => ({ value: x.value, label: `${label(TOPIC_LABELS, x.value)} (${x.count})` })))}
      {fields.includes('outlet') && select('outlet', t.outlet, (f?.outlets ?? []).map((x) => ({ value: x.value, label: `${x.value} (${x.count})` })))}
      {fields.includes('from') && <DateField name="from" text={t.from} value={props.filters.from} onCommit={(v) => set('from', v)} />}
      {fields.includes('to') && <DateField name="to" text={t.to} value={props.filters.to} onCommit={(v) => set('to', v)} />}
      {(fields.includes('precision') || props.filters.precision) &&
        select('precision', t.precision, [{ value: 'year', label: t.precisionYear }, { value: 'month,day', label: t.precisionMonthDay }])}
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
    </>
  );
}
