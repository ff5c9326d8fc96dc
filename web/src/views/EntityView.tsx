/**
 * One entity: its names, what each outlet calls it, its mentions, its events in both roles, and
 * for a place the events located there or in the places the gazetteer nests in it.
 */
import { api, type EventRow } from '../api.js';
import { DateText, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href } from '../router.js';

export function EntityView(props: { id: string }) {
  const { t, name, lang } = useI18n();
  const { data, error, loading } = useApi(() => api.entity(props.id), props.id);
  if (!data) return <Status loading={loading} error={error} />;
  const events = (rows: EventRow[], title: string, extra?: { cls: string; total: number; note?: string }) => (
    <section class={extra?.cls}>
      <h2>{title} ({extra?.total ?? rows.length}){extra?.note && <span class="small"> · {extra.note}</span>}</h2>
      {extra && extra.total > rows.length && <p class="small">{t.shownOf(rows.length, extra.total)}</p>}
      {rows.length === 0 ? <p class="status">—</p> : (
        <ul class="plain">
          {rows.map((e) => (
            <li key={`${e.document.id}-${e.index}`}>
              <TypeBadge type={e.type} /> <DateText value={e.date.value} />{' '}
              {/* An event in a place nested in this one says where. */}
              {e.place && e.place.id !== data.id && <span class="small place-name">{name(e.place.name, e.place.id)} · </span>}
              <a href={href('doc', e.document.id, { event: e.index })} lang="ar">{e.sentence.text}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  const isPlace = data.type === 'LOC';
  return (
    <div class="entity-view">
      <header>
        <h1>{name(data.name, data.id)} <span class="small">{lang === 'ar' ? data.name.en ?? '' : data.name.ar}</span></h1>
        <p class="small"><code>{data.id}</code> · {data.type}{data.subtype ? `/${data.subtype}` : ''}{data.country ? ` · ${data.country}` : ''}
          {data.geo && <> · <bdi dir="ltr">{data.geo.lat.toFixed(4)}, {data.geo.lon.toFixed(4)}</bdi> ({data.geo.precision})</>}</p>
        <p>{t.articlesCount(data.documents)} · {t.mentionsCount(data.mentions)} · <a href={href('events', null, { actor: data.id })}>{t.asActor}: {data.asActor}</a> · <a href={href('events', null, { recipient: data.id })}>{t.asRecipient}: {data.asRecipient}</a>
          {isPlace && <> · <a href={href('events', null, { place: data.id })}>{t.eventsHere}: {data.atPlace}</a></>}</p>
      </header>
      {/* A place's page opens with what happened there. */}
      {isPlace && events(data.eventsAtPlace, t.eventsHere, { cls: 'events-here', total: data.eventsAtPlaceTotal, note: t.eventsHereNested })}
      <section>
        <h2>{t.labelsByOutlet}</h2>
        <table>
          <thead><tr><th scope="col">{t.outlet}</th><th scope="col">{t.label}</th><th scope="col">{t.count}</th></tr></thead>
          <tbody>{data.labels.map((l) => <tr key={`${l.outlet}-${l.label}`}><td>{l.outlet ?? '—'}</td><td lang="ar">{l.label}</td><td>{l.count}</td></tr>)}</tbody>
        </table>
      </section>
      {events(data.eventsAsActor, t.asActor)}
      {events(data.eventsAsRecipient, t.asRecipient)}
      <section>
        <h2>{t.mentions}</h2>
        <ul class="plain">
          {data.mentionRows.map((m) => (
            <li key={`${m.document.id}-${m.span.start}`}>
              <a href={href('doc', m.document.id)}>{m.document.title ?? t.untitled}</a> <span class="small">«{m.span.text}» · {[m.document.outlet, m.document.published].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
