/**
 * One article: its text with every extracted item highlighted by kind (entities by type,
 * dates, figures, event triggers), and beside it the record. Hovering or focusing a highlight
 * lights its record item and the other way round; a click scrolls the other side into view.
 * The text is rendered as text nodes only: an article can never inject markup.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type DocumentRecord } from '../api.js';
import { Ar, Arrow, DateText, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { CATEGORY_LABELS, MODALITY_LABELS, QUALIFIER_LABELS, TOPIC_LABELS, useI18n } from '../i18n.js';
import { safeHttpUrl } from '../links.js';
import { EventReviewControls, MentionReviewControls, ReviewBar, ReviewNote, ReviewProvider, type MentionReview, type ReviewedEvent } from '../review.js';
import { href } from '../router.js';

type Kind = 'PER' | 'ORG' | 'LOC' | 'date' | 'figure' | 'trigger';

/** One highlighted span; `key` names the record item it belongs to ("e0", "d1", "q0", "v2"). */
interface Annotation {
  readonly key: string;
  readonly kind: Kind;
  readonly start: number;
  readonly end: number;
}

function annotations(r: DocumentRecord): Annotation[] {
  return [
    ...r.entities.flatMap((e, i) => e.mentions.map((m) => ({ key: `e${i}`, kind: e.type, start: m.start, end: m.end }))),
    ...r.dates.map((d, i) => ({ key: `d${i}`, kind: 'date' as const, start: d.start, end: d.end })),
    ...r.quantities.map((q, i) => ({ key: `q${i}`, kind: 'figure' as const, start: q.start, end: q.end })),
    ...r.events.map((e, i) => ({ key: `v${i}`, kind: 'trigger' as const, start: e.trigger.start, end: e.trigger.end })),
  ].filter((a) => a.end > a.start);
}

interface Segment {
  readonly start: number;
  readonly end: number;
  /** Every item covering it; the shortest first (it is what a click selects). */
  readonly covering: Annotation[];
}

/** Cuts the text at every annotation boundary, so overlapping items nest cleanly. */
function segments(text: string, list: Annotation[], extra: number[]): Segment[] {
  const cuts = [...new Set([0, text.length, ...extra, ...list.flatMap((a) => [a.start, a.end])])].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = list.filter((a) => a.start <= start && a.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    out.push({ start, end, covering });
  }
  return out;
}

const scrollTo = (id: string, focus = false) => {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  if (focus) el.focus({ preventScroll: true });
};

export function ArticleView(props: { id: string; event: string | null; focus: string | null }) {
  const { t, label, name, lang } = useI18n();
  // A review saved here bumps `version`: the document is read again with the review applied.
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useApi(() => api.document(props.id), `${props.id}#${version}`);
  const reload = () => setVersion((v) => v + 1);
  const initial = props.event !== null ? `v${props.event}` : props.focus;
  const [selected, setSelected] = useState<string | null>(initial);
  const [hovered, setHovered] = useState<string | null>(null);
  useEffect(() => setSelected(initial), [props.id, initial]);
  const record = data?.record;
  const list = useMemo(() => (record ? annotations(record) : []), [record]);
  const selectedEvent = selected?.startsWith('v') ? record?.events[Number(selected.slice(1))] : undefined;
  const sentence = selectedEvent?.sentence;
  const segs = useMemo(() => (record ? segments(record.text, list, sentence ? [sentence.start, sentence.end] : []) : []), [record, list, sentence]);
  // Opening an event from the table or the map: bring its sentence into view.
  useEffect(() => {
    if (record && initial) requestAnimationFrame(() => scrollTo(`mark-${initial}`, false));
  }, [record, initial]);
  if (!record) return <Status loading={loading} error={error} />;
  const active = hovered ?? selected;
  const comma = lang === 'ar' ? '، ' : ', ';
  const entityName = (id: string) => {
    const e = record.entities.find((x) => x.id === id);
    return e ? name(e.name, id) : id;
  };
  const select = (key: string, from: 'text' | 'record') => {
    setSelected(key);
    scrollTo(from === 'text' ? `rec-${key}` : `mark-${key}`, from === 'record');
  };
  const firstOf = new Set<string>();
  const textParts: ComponentChildren[] = segs.map((s) => {
    const piece = record.text.slice(s.start, s.end);
    const inSentence = sentence && s.start >= sentence.start && s.end <= sentence.end;
    const primary = s.covering[0];
    if (!primary) return inSentence ? <span class="sentence" key={s.start}>{piece}</span> : piece;
    const keys = s.covering.map((a) => a.key);
    const first = !firstOf.has(primary.key);
    firstOf.add(primary.key);
    return (
      <mark
        key={s.start}
        id={first ? `mark-${primary.key}` : undefined}
        class={`k-${primary.kind}${keys.some((k) => k === active) ? ' active' : ''}${inSentence ? ' sentence' : ''}`}
        data-keys={keys.join(' ')}
        data-kind={primary.kind}
        tabIndex={0}
        onMouseEnter={() => setHovered(primary.key)}
        onMouseLeave={() => setHovered(null)}
        onFocus={() => setHovered(primary.key)}
        onBlur={() => setHovered(null)}
        onClick={() => select(primary.key, 'text')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            select(primary.key, 'text');
          }
        }}
      >
        {piece}
      </mark>
    );
  });
  const item = (key: string, children: ComponentChildren, extra = '') => (
    <li
      key={key}
      id={`rec-${key}`}
      class={`item${key === active ? ' active' : ''}${extra}`}
      onMouseEnter={() => setHovered(key)}
      onMouseLeave={() => setHovered(null)}
    >
      <button type="button" class="locate" aria-label={t.article} onClick={() => select(key, 'record')} onFocus={() => setHovered(key)} onBlur={() => setHovered(null)}>
        ◉
      </button>
      <div>{children}</div>
    </li>
  );
  const empty = list.length === 0;
  return (
    <ReviewProvider>
    <div class="article-view">
      <article class="article" aria-labelledby="article-title">
        <h1 id="article-title" class="visually-hidden">{record.title ?? t.untitled}</h1>
        <p class="where">
          {record.source.outlet}{record.published && <> · <bdi dir="ltr">{record.published}</bdi></>}
          {record.source.url && <> · <SourceUrl url={record.source.url} /></>}
        </p>
        <Legend />
        <div class="text" lang="ar" dir="rtl">{textParts}</div>
      </article>
      <aside class="record" aria-label={t.record}>
        <h2>{t.record}</h2>
        <ReviewBar />
        {empty && <p class="status">{t.noRecord}</p>}
        {record.events.length > 0 && (
          <section>
            <h3>{t.events} ({record.events.length})</h3>
            <ul>
              {record.events.map((e, i) =>
                item(`v${i}`, (
                  <>
                    {/* Each piece isolated: an Arabic name, a trigger or a date never reorders the line around it. */}
                    <TypeBadge type={e.type} /> <strong class="actors"><bdi>{e.actor.map(entityName).join(comma) || '—'}</bdi></strong>
                    {e.recipient.length > 0 && <> <Arrow /> <strong class="recipients"><bdi>{e.recipient.map(entityName).join(comma)}</bdi></strong></>}
                    <div class="small event-line">
                      <Ar>«{e.trigger.text}»</Ar> · <DateText value={e.date.value} />{e.place && <> · <bdi class="place">{entityName(e.place)}</bdi></>} · {label(MODALITY_LABELS, e.modality)}
                      {e.topics.length > 0 && <> · {e.topics.map((x) => label(TOPIC_LABELS, x)).join(comma)}</>}
                    </div>
                    {e.content && <div class="small quote" lang="ar">{e.content.text}</div>}
                    <ReviewNote event={e as ReviewedEvent} entityName={entityName} />
                    <EventReviewControls document={record.id} index={i} event={e as ReviewedEvent} entities={record.entities} onSaved={reload} />
                  </>
                ), (e as ReviewedEvent).review?.verdict === 'reject' ? ' rejected' : (e as ReviewedEvent).reviewed ? ' reviewed' : ''),
              )}
            </ul>
          </section>
        )}
        {record.entities.length > 0 && (
          <section>
            <h3>{t.entities} ({record.entities.length})</h3>
            <ul>
              {record.entities.map((e, i) =>
                item(`e${i}`, (
                  <>
                    <span class={`dot k-${e.type}`} aria-hidden="true" /> <a href={href('entity', e.id)}>{name(e.name, e.id)}</a>
                    <span class="small"> {lang === 'ar' ? e.name.en ?? '' : e.name.ar} · {e.type}{e.subtype ? `/${e.subtype}` : ''} · ×{e.mentions.length}</span>
                    <MentionReviewControls document={record.id} entity={e} entities={record.entities} reviews={(data as { mentionReviews?: MentionReview[] }).mentionReviews ?? []} onSaved={reload} />
                  </>
                )),
              )}
            </ul>
          </section>
        )}
        {record.dates.length > 0 && (
          <section>
            <h3>{t.dates} ({record.dates.length})</h3>
            <ul>{record.dates.map((d, i) => item(`d${i}`, <><Ar>«{d.text}»</Ar> <Arrow label={t.readsAs} /> <bdi dir="ltr">{d.value ?? '?'}</bdi></>))}</ul>
          </section>
        )}
        {record.quantities.length > 0 && (
          <section>
            <h3>{t.quantities} ({record.quantities.length})</h3>
            <ul>
              {record.quantities.map((q, i) =>
                item(`q${i}`, (
                  <>
                    <Ar>«{q.text}»</Ar> <Arrow label={t.readsAs} /> <bdi dir="ltr">{q.value ?? `${q.low ?? '?'}–${q.high ?? '?'}`}</bdi> {label(QUALIFIER_LABELS, q.qualifier)} · {label(CATEGORY_LABELS, q.category)}
                  </>
                )),
              )}
            </ul>
          </section>
        )}
        {record.messages.length > 0 && (
          <section>
            <h3>{t.messages}</h3>
            <ul class="plain">{record.messages.map((m, i) => <li key={i} class="small"><code>{m.code}</code> {m.message}</li>)}</ul>
          </section>
        )}
        {data.story && (
          <section class="story-copies">
            <h3>{t.storyCopies}</h3>
            <ul class="plain">
              {data.story.documents.filter((d) => d.id !== record.id).map((d) => (
                <li key={d.id} class="small">
                  <a href={href('doc', d.id)}>{d.title ?? t.untitled}</a>
                  {' · '}{[d.outlet, d.published].filter(Boolean).join(' · ')}
                  {d.resemblance !== null && <> · {t.resemblance} <bdi dir="ltr">{d.resemblance.toFixed(2)}</bdi></>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          <h3>{t.sources}</h3>
          <ul class="plain">{data.sources.map((s) => <li key={s.origin} class="small">{[s.outlet, s.published, s.origin].filter(Boolean).join(' · ')}</li>)}</ul>
          <p class="small"><code>{record.id}</code> · {record.pipeline.version}</p>
        </section>
      </aside>
    </div>
    </ReviewProvider>
  );
}

/**
 * An article's address: a link (to its host name) only when it is an absolute http(s) URL;
 * anything else is shown as text, left to right, and never as a link.
 */
function SourceUrl(props: { url: string }) {
  const url = safeHttpUrl(props.url);
  if (!url) return <bdi class="source-url" dir="ltr">{props.url}</bdi>;
  return <a class="source-url" href={url.href} rel="noreferrer noopener" target="_blank">{url.hostname}</a>;
}

export function Legend() {
  const { t } = useI18n();
  const kinds: [Kind, string][] = [['PER', t.kindPER], ['ORG', t.kindORG], ['LOC', t.kindLOC], ['date', t.kindDate], ['figure', t.kindFigure], ['trigger', t.kindTrigger]];
  return (
    <ul class="legend" aria-label={t.kinds}>
      {kinds.map(([k, text]) => <li key={k}><mark class={`k-${k}`}>{text}</mark></li>)}
    </ul>
  );
}
