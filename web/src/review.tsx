/**
 * Review in the app (docs/review.md): an analyst accepts, rejects or corrects an event, and
 * accepts, rejects or relinks an entity mention. The reviewer token comes from the address
 * `marsad serve` prints (`#token=…`, a fragment the browser never sends); it is kept in
 * sessionStorage and sent as a bearer header on every write. The reviewer's name is asked once
 * (unless `serve --reviewer` gave one) and kept in localStorage.
 *
 * Without a token, or on a server that does not accept writes, the controls are shown disabled
 * with the reason: reading never depends on review.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError, type DocumentRecord } from './api.js';
import { ErrorText } from './components.js';
import { CATEGORY_LABELS, EVENT_LABELS, useI18n } from './i18n.js';
import type { EventReview, MentionReview, ReviewedEvent, ReviewVerdict } from '../../src/services/review-apply.js';

const TOKEN_KEY = 'marsad.token';
const REVIEWER_KEY = 'marsad.reviewer';

export type { EventReview, MentionReview, ReviewedEvent };

/** The event types a correction may choose (PLOVER's 16 and STATEMENT). */
export const EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT'] as const;
const SIZE_CATEGORIES = ['killed', 'injured', 'detained', 'displaced', 'returned'] as const;
type SizeCategory = (typeof SIZE_CATEGORIES)[number];

const WORDS = {
  ar: {
    review: 'المراجعة',
    accept: 'قبول',
    reject: 'رفض',
    correct: 'تصحيح',
    save: 'حفظ التصحيح',
    cancel: 'إلغاء',
    reviewer: 'اسم المراجع',
    reviewerHint: 'يُحفظ مع كل مراجعة.',
    accepted: 'مقبول',
    rejected: 'مرفوض',
    corrected: 'مصحَّح',
    by: (who: string, when: string) => `${who} · ${when}`,
    machine: 'قراءة الآلة',
    detached: 'لم يعد الاستخراج الأحدث يجده؛ أُبقي كما راجعه المحلل.',
    noToken: 'المراجعة معطّلة: افتح العنوان الذي طبعه ‎marsad serve‎ (ينتهي بـ ‎#token=…‎).',
    disabled: 'هذا الخادم لا يقبل المراجعة.',
    wrongToken: 'رمز المراجعة غير صحيح: افتح العنوان الذي طبعه ‎marsad serve‎ من جديد.',
    needName: 'اكتب اسمك أولًا.',
    none: '(لا أحد)',
    undated: 'بلا تاريخ',
    size: 'الأرقام',
    otherId: 'معرّف آخر',
    relink: 'ربط بكيان آخر',
    mentions: 'الإشارات',
    saved: 'حُفظت المراجعة.',
    note: 'ملاحظة',
    dateHint: 'سنة، أو سنة-شهر، أو سنة-شهر-يوم',
  },
  en: {
    review: 'Review',
    accept: 'Accept',
    reject: 'Reject',
    correct: 'Correct',
    save: 'Save correction',
    cancel: 'Cancel',
    reviewer: 'Reviewer name',
    reviewerHint: 'Stored with every review.',
    accepted: 'accepted',
    rejected: 'rejected',
    corrected: 'corrected',
    by: (who: string, when: string) => `${who} · ${when}`,
    machine: 'Machine reading',
    detached: 'A newer extraction no longer finds it; kept as the analyst reviewed it.',
    noToken: 'Review is off: open the address `marsad serve` printed (it ends in #token=…).',
    disabled: 'This server does not accept reviews.',
    wrongToken: 'The review token is wrong: open the address `marsad serve` printed again.',
    needName: 'Enter your name first.',
    none: '(none)',
    undated: 'undated',
    size: 'Figures',
    otherId: 'Other id',
    relink: 'Link to another entity',
    mentions: 'Mentions',
    saved: 'Review saved.',
    note: 'Note',
    dateHint: 'YYYY, YYYY-MM or YYYY-MM-DD',
  },
} as const;

export function useReviewWords() {
  const { lang } = useI18n();
  return WORDS[lang];
}

function session(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

const TOKEN_EVENT = 'marsad:token';

/**
 * Takes the reviewer token from the address (`#token=…`, as `marsad serve` prints it) into
 * sessionStorage and out of the address bar, so that it is neither bookmarked nor shown.
 * Called before the app renders, and again whenever the address changes (the address pasted
 * into a tab that already shows the app), before the router reads it.
 */
export function captureToken(): void {
  takeToken();
  addEventListener('hashchange', takeToken);
}

function takeToken(): void {
  const hash = location.hash.replace(/^#/, '');
  if (!hash.startsWith('token=') && !/[?&]token=/.test(hash)) return;
  const [path, query = ''] = hash.startsWith('token=') ? ['', hash] : hash.split('?', 2);
  const params = new URLSearchParams(query);
  const token = params.get('token');
  params.delete('token');
  if (token) session()?.setItem(TOKEN_KEY, token);
  const rest = path ? `#${path}${params.size ? `?${params}` : ''}` : '';
  history.replaceState(null, '', location.pathname + location.search + rest);
  // The server is asked again whether this token may write.
  statusPromise = null;
  dispatchEvent(new Event(TOKEN_EVENT));
}

function token(): string | null {
  return session()?.getItem(TOKEN_KEY) ?? null;
}

function storedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

interface ReviewStatus {
  readonly writable: boolean;
  readonly reason: string | null;
  readonly reviewer: string | null;
  readonly authorized: boolean;
}

let statusPromise: Promise<ReviewStatus> | null = null;

function loadStatus(): Promise<ReviewStatus> {
  const t = token();
  return fetch('/api/review/status', { headers: { accept: 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) } })
    .then((res) => (res.ok ? (res.json() as Promise<ReviewStatus>) : { writable: false, reason: `${res.status}`, reviewer: null, authorized: false }))
    .catch(() => ({ writable: false, reason: 'network', reviewer: null, authorized: false }));
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token() ?? ''}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const answer = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, answer?.error?.message ?? `${res.status} ${res.statusText}`, answer?.error?.code ?? null);
  }
  return (await res.json()) as T;
}

interface ReviewState {
  readonly status: ReviewStatus | null;
  readonly reviewer: string;
  setReviewer(name: string): void;
  /** Why writing is not possible now, in the app's language; null when it is. */
  readonly blocked: string | null;
}

const ReviewContext = createContext<ReviewState | null>(null);

/** The review state the controls share: the server's answer, the reviewer's name. */
export function useReviewState(): ReviewState {
  const shared = useContext(ReviewContext);
  const words = useReviewWords();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [reviewer, setName] = useState(storedReviewer);
  const [tokenVersion, setTokenVersion] = useState(0);
  useEffect(() => {
    if (shared) return;
    const on = () => setTokenVersion((v) => v + 1);
    addEventListener(TOKEN_EVENT, on);
    return () => removeEventListener(TOKEN_EVENT, on);
  }, []);
  useEffect(() => {
    if (shared) return;
    let live = true;
    (statusPromise ??= loadStatus()).then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [tokenVersion]);
  if (shared) return shared;
  const setReviewer = (name: string) => {
    setName(name);
    try {
      localStorage.setItem(REVIEWER_KEY, name.trim());
    } catch {
      /* private mode: the name lasts for this page */
    }
  };
  const blocked = !status ? null : !status.writable ? (token() ? words.disabled : words.noToken) : !token() ? words.noToken : !status.authorized ? words.wrongToken : null;
  return { status, reviewer: reviewer || status?.reviewer || '', setReviewer, blocked };
}

/** Provides one review state to the controls of a view (one status request, one name field). */
export function ReviewProvider(props: { children: preact.ComponentChildren }) {
  const state = useReviewState();
  return <ReviewContext.Provider value={state}>{props.children}</ReviewContext.Provider>;
}

/** The reviewer's name (asked once) and why review is off, if it is. */
export function ReviewBar() {
  const words = useReviewWords();
  const state = useReviewState();
  if (!state.status) return null;
  if (state.blocked) return <p class="review-bar small" role="note">{state.blocked}</p>;
  return (
    <div class="review-bar">
      <label class="field">
        <span>{words.reviewer}</span>
        <input name="reviewer" value={state.reviewer} maxLength={100} placeholder={state.status.reviewer ?? ''} onInput={(e) => state.setReviewer((e.target as HTMLInputElement).value)} />
      </label>
      <span class="small">{words.reviewerHint}</span>
    </div>
  );
}

/**
 * One write of a review: refused here when review is off or no name is given, else sent; the
 * message says what happened, in the app's language. `after` runs once the server stored it.
 */
/** What a write said: saved, or why not (an API error shown by its code, or the app's words). */
interface Message {
  readonly error: boolean;
  readonly text: ApiError | string;
}

function ReviewMessage(props: { message: Message | null }) {
  const m = props.message;
  if (!m) return null;
  if (!m.error) return <p class="small review-message" role="status">{m.text as string}</p>;
  return <div class="small review-message error">{typeof m.text === 'string' ? <p role="alert">{m.text}</p> : <ErrorText error={m.text} />}</div>;
}

function useReviewWrite() {
  const words = useReviewWords();
  const state = useReviewState();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const write = async (path: string, body: Record<string, unknown>, after: () => void): Promise<void> => {
    if (state.blocked) return setMessage({ error: true, text: state.blocked });
    if (!state.reviewer.trim()) return setMessage({ error: true, text: words.needName });
    setBusy(true);
    try {
      await post(path, { ...body, reviewer: state.reviewer.trim() });
      setMessage({ error: false, text: words.saved });
      after();
    } catch (error) {
      setMessage({ error: true, text: error instanceof ApiError ? error : (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  // Off until the server has said whether it takes reviews, and while a write is on its way.
  return { busy, message, setMessage, write, off: busy || !state.status || state.blocked !== null, blocked: state.blocked };
}

const eventPath = (document: string, index: number) => `/api/documents/${encodeURIComponent(document)}/events/${index}/review`;

/** A document's entity, as the correction form offers it. */
interface EntityChoice {
  readonly id: string;
  readonly type: string;
  readonly label: string;
}

function when(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

/** The verdict of a reviewed event, who gave it and when, and the machine's reading beside a correction. */
export function ReviewNote(props: { event: ReviewedEvent; entityName: (id: string) => string }) {
  const words = useReviewWords();
  const { label } = useI18n();
  const r = props.event.review;
  if (!r) return null;
  const m = r.machine;
  const verdict = r.verdict === 'accept' ? words.accepted : r.verdict === 'reject' ? words.rejected : words.corrected;
  return (
    <div class={`review-note verdict-${r.verdict}`}>
      <span class={`badge reviewed verdict-${r.verdict}`}>{verdict}</span> <span class="small">{words.by(r.reviewer, when(r.at))}</span>
      {r.verdict === 'correct' && m && (
        <div class="small machine">
          {words.machine}: {label(EVENT_LABELS, m.type)} · {m.actor.map(props.entityName).join('، ') || '—'}
          {m.recipient.length > 0 && <> ⟵ {m.recipient.map(props.entityName).join('، ')}</>}
          {' · '}<bdi dir="ltr">{m.date.value ?? words.undated}</bdi>
          {m.place ? <> · {props.entityName(m.place)}</> : null}
        </div>
      )}
      {r.note && <div class="small">«{r.note}»</div>}
      {r.detached && <div class="small">{words.detached}</div>}
    </div>
  );
}

/** Picks entity ids among the document's entities (several for actor and recipient). */
function EntityPicker(props: { name: string; label: string; choices: EntityChoice[]; value: string[]; multiple: boolean; onChange: (ids: string[]) => void }) {
  const words = useReviewWords();
  return (
    <label class="field">
      <span>{props.label}</span>
      <select
        name={props.name}
        multiple={props.multiple}
        size={props.multiple ? Math.min(6, props.choices.length + 1) : undefined}
        onChange={(e) => {
          const el = e.target as HTMLSelectElement;
          props.onChange([...el.selectedOptions].map((o) => o.value).filter(Boolean));
        }}
      >
        {!props.multiple && <option value="" selected={props.value.length === 0}>{words.none}</option>}
        {props.choices.map((c) => (
          <option key={c.id} value={c.id} selected={props.value.includes(c.id)}>{c.label}</option>
        ))}
      </select>
    </label>
  );
}

interface Draft {
  type: string;
  actor: string[];
  recipient: string[];
  date: string;
  place: string;
  size: Partial<Record<SizeCategory, string>>;
  note: string;
}

function sizeText(f: { value?: number | null; low?: number | null; high?: number | null } | undefined): string {
  if (!f) return '';
  if (f.value !== null && f.value !== undefined) return String(f.value);
  if (f.low !== null && f.low !== undefined && f.high !== null && f.high !== undefined) return f.low === f.high ? String(f.low) : `${f.low}-${f.high}`;
  return '';
}

function draftOf(e: ReviewedEvent): Draft {
  const size: Partial<Record<SizeCategory, string>> = {};
  const eventSize = (e as { size?: Partial<Record<SizeCategory, { value?: number | null; low?: number | null; high?: number | null }>> }).size ?? {};
  for (const c of SIZE_CATEGORIES) size[c] = sizeText(eventSize[c]);
  return { type: e.type, actor: [...e.actor], recipient: [...e.recipient], date: e.date.value ?? '', place: e.place ?? '', size, note: '' };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A figure as the API takes it: "7", or a range "20-90"; null for an empty field. */
function sizeValue(text: string): { value: number } | { low: number; high: number } | null | undefined {
  const s = text.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[–—]/g, '-');
  if (s === '') return null;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(s);
  if (range) return { low: Number(range[1]), high: Number(range[2]) };
  if (/^\d+$/.test(s)) return { value: Number(s) };
  return undefined;
}

/** The correction a draft makes: only the fields that differ from the event as it reads now. */
function correctionOf(e: ReviewedEvent, d: Draft): { correction: Record<string, unknown> } | { invalid: string } {
  const c: Record<string, unknown> = {};
  if (d.type !== e.type) c.type = d.type;
  if (!sameList(d.actor, e.actor)) c.actor = d.actor;
  if (!sameList(d.recipient, e.recipient)) c.recipient = d.recipient;
  const date = d.date.trim();
  if (date !== (e.date.value ?? '')) {
    if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) return { invalid: 'date' };
    c.date = date || null;
  }
  if ((d.place || null) !== e.place) c.place = d.place || null;
  const before = draftOf(e).size;
  const size: Record<string, unknown> = {};
  for (const cat of SIZE_CATEGORIES) {
    const text = d.size[cat] ?? '';
    if (text.trim() === (before[cat] ?? '')) continue;
    const v = sizeValue(text);
    if (v === undefined) return { invalid: cat };
    size[cat] = v;
  }
  if (Object.keys(size).length) c.size = size;
  return { correction: c };
}

/**
 * Accept, reject or correct one event of a document. `onSaved` runs after the server stored
 * the review (the caller reloads what it shows).
 */
export function EventReviewControls(props: { document: string; index: number; event: ReviewedEvent; entities: DocumentRecord['entities']; onSaved: () => void }) {
  const words = useReviewWords();
  const { t, label, name } = useI18n();
  const { busy, message, setMessage, write, off, blocked } = useReviewWrite();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.event));
  const choices: EntityChoice[] = props.entities.map((x) => ({ id: x.id, type: x.type, label: `${name(x.name, x.id)} (${x.type})` }));
  // An entity the event names that is no entity of this record (a kept event's) still shows.
  for (const id of [...props.event.actor, ...props.event.recipient, ...(props.event.place ? [props.event.place] : [])]) {
    if (!choices.some((c) => c.id === id)) choices.push({ id, type: id.startsWith('loc:') ? 'LOC' : '', label: id });
  }
  const send = async (verdict: ReviewVerdict) => {
    const body: Record<string, unknown> = { verdict };
    if (verdict === 'correct') {
      const made = correctionOf(props.event, draft);
      if ('invalid' in made) return setMessage({ error: true, text: made.invalid === 'date' ? `${t.date}: ${words.dateHint}` : `${label(CATEGORY_LABELS, made.invalid)}: 7 | 20-90` });
      if (Object.keys(made.correction).length === 0) return setEditing(false);
      body.correction = made.correction;
    }
    if (draft.note.trim()) body.note = draft.note.trim();
    await write(eventPath(props.document, props.index), body, () => {
      setEditing(false);
      props.onSaved();
    });
  };
  const verdict = props.event.review?.verdict;
  return (
    <div class="review-controls">
      <div class="review-buttons" role="group" aria-label={words.review}>
        <button type="button" class="review-accept" disabled={off} aria-pressed={verdict === 'accept'} onClick={() => send('accept')} title={blocked ?? undefined}>✓ {words.accept}</button>
        <button type="button" class="review-reject" disabled={off} aria-pressed={verdict === 'reject'} onClick={() => send('reject')} title={blocked ?? undefined}>✗ {words.reject}</button>
        <button
          type="button"
          class="review-correct"
          disabled={off}
          aria-expanded={editing}
          onClick={() => {
            setDraft(draftOf(props.event));
            setEditing(!editing);
          }}
          title={blocked ?? undefined}
        >
          ✎ {words.correct}
        </button>
      </div>
      {editing && (
        <form
          class="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('correct');
          }}
        >
          <label class="field">
            <span>{t.type}</span>
            <select name="type" onChange={(e) => setDraft({ ...draft, type: (e.target as HTMLSelectElement).value })}>
              {EVENT_TYPES.map((x) => <option key={x} value={x} selected={x === draft.type}>{label(EVENT_LABELS, x)}</option>)}
            </select>
          </label>
          <EntityPicker name="actor" label={t.actor} choices={choices} value={draft.actor} multiple onChange={(ids) => setDraft({ ...draft, actor: ids })} />
          <EntityPicker name="recipient" label={t.recipient} choices={choices} value={draft.recipient} multiple onChange={(ids) => setDraft({ ...draft, recipient: ids })} />
          <label class="field">
            <span>{t.date}</span>
            <input name="date" dir="ltr" value={draft.date} placeholder={words.dateHint} pattern="\d{4}(-\d{2}(-\d{2})?)?" onInput={(e) => setDraft({ ...draft, date: (e.target as HTMLInputElement).value })} />
          </label>
          <EntityPicker name="place" label={t.place} choices={choices.filter((c) => c.type === 'LOC')} value={draft.place ? [draft.place] : []} multiple={false} onChange={(ids) => setDraft({ ...draft, place: ids[0] ?? '' })} />
          <fieldset class="size">
            <legend>{words.size}</legend>
            {SIZE_CATEGORIES.map((cat) => (
              <label key={cat} class="field">
                <span>{label(CATEGORY_LABELS, cat)}</span>
                <input name={`size-${cat}`} dir="ltr" inputMode="numeric" value={draft.size[cat] ?? ''} onInput={(e) => setDraft({ ...draft, size: { ...draft.size, [cat]: (e.target as HTMLInputElement).value } })} />
              </label>
            ))}
          </fieldset>
          <label class="field grow">
            <span>{words.note}</span>
            <input name="note" value={draft.note} maxLength={2000} onInput={(e) => setDraft({ ...draft, note: (e.target as HTMLInputElement).value })} />
          </label>
          <div class="review-buttons">
            <button type="submit" class="review-save" disabled={busy}>{words.save}</button>
            <button type="button" onClick={() => setEditing(false)}>{words.cancel}</button>
          </div>
        </form>
      )}
      <ReviewMessage message={message} />
    </div>
  );
}


/**
 * Accept, reject or relink each mention of one entity of a document, with the current review
 * of each.
 */
export function MentionReviewControls(props: { document: string; entity: DocumentRecord['entities'][number]; entities: DocumentRecord['entities']; reviews: readonly MentionReview[]; onSaved: () => void }) {
  const words = useReviewWords();
  const { name } = useI18n();
  const { message, write, off } = useReviewWrite();
  const send = (start: number, end: number, verdict: ReviewVerdict, entity?: string) =>
    write(`/api/documents/${encodeURIComponent(props.document)}/mentions/review`, { start, end, verdict, ...(entity ? { correction: { entity } } : {}) }, props.onSaved);
  const others = props.entities.filter((x) => x.id !== props.entity.id);
  // Its mentions, and those the machine gave it that a review took away (rejected or linked to
  // another entity), so that such a review can be seen and undone here.
  const taken = props.reviews.filter((r) => r.machineEntity === props.entity.id && !props.entity.mentions.some((m) => m.start === r.start && m.end === r.end));
  const mentions = [...props.entity.mentions, ...taken.map((r) => ({ start: r.start, end: r.end, text: r.text }))].sort((a, b) => a.start - b.start);
  return (
    <details class="mention-review">
      <summary class="small">{words.mentions} · {words.review}</summary>
      <ul class="plain">
        {mentions.map((m) => {
          const r = props.reviews.find((x) => x.start === m.start && x.end === m.end);
          return (
            <li key={m.start} class="small" data-start={m.start}>
              «{m.text}» <bdi dir="ltr">{m.start}</bdi>
              {r && <span class={`badge reviewed verdict-${r.verdict}`}> {r.verdict === 'accept' ? words.accepted : r.verdict === 'reject' ? words.rejected : words.corrected}</span>}{' '}
              <button type="button" class="review-accept" disabled={off} onClick={() => send(m.start, m.end, 'accept')}>✓</button>
              <button type="button" class="review-reject" disabled={off} onClick={() => send(m.start, m.end, 'reject')}>✗</button>
              <select
                name="relink"
                aria-label={words.relink}
                disabled={off}
                onChange={(e) => {
                  const id = (e.target as HTMLSelectElement).value;
                  if (id) void send(m.start, m.end, 'correct', id);
                }}
              >
                <option value="">{words.relink}</option>
                {others.map((x) => <option key={x.id} value={x.id}>{name(x.name, x.id)} ({x.type})</option>)}
              </select>
            </li>
          );
        })}
      </ul>
      <ReviewMessage message={message} />
    </details>
  );
}

/** Accept or reject an event from a table row; corrections are made in the article view. */
export function RowReviewButtons(props: { document: string; index: number; review: EventReview | null; correctHref: string; onSaved: () => void }) {
  const words = useReviewWords();
  const { message, write, off, blocked } = useReviewWrite();
  const send = (verdict: ReviewVerdict) => write(eventPath(props.document, props.index), { verdict }, props.onSaved);
  const verdict = props.review?.verdict;
  return (
    <div class="row-review" role="group" aria-label={words.review}>
      {verdict && <span class={`badge reviewed verdict-${verdict}`}>{verdict === 'accept' ? words.accepted : verdict === 'reject' ? words.rejected : words.corrected}</span>}
      <button type="button" class="review-accept" disabled={off} aria-pressed={verdict === 'accept'} title={`${words.accept}${blocked ? ` — ${blocked}` : ''}`} aria-label={words.accept} onClick={() => send('accept')}>✓</button>
      <button type="button" class="review-reject" disabled={off} aria-pressed={verdict === 'reject'} title={`${words.reject}${blocked ? ` — ${blocked}` : ''}`} aria-label={words.reject} onClick={() => send('reject')}>✗</button>
      <a class="review-correct" href={props.correctHref} title={words.correct} aria-label={words.correct}>✎</a>
      {message?.error && <ReviewMessage message={message} />}
    </div>
  );
}
