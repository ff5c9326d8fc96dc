/**
 * One event, many reports: the events of different articles that tell the same act fold into
 * one cross-source event (as ACLED folds reports into one event, and EMM clusters stories).
 *
 * This module is the matcher, pure and deterministic: the folds are a function of the set of
 * events, never of the order articles arrived. Stores call it on write (`src/store/sqlite/
 * folds.ts` recomputes the connected parts of the store a document touches), and the
 * benchmark times it. docs/dev-notes.md ("One event, many reports") argues each rule.
 *
 * - **Blocking**: two events are compared only when they have the same type and modality and
 *   their day windows (`foldWindow`) overlap, at most a day apart. An event dated only to the
 *   year, or with neither a date nor a publication date, never folds.
 * - **Compatibility** (`relate`): different articles; actors compatible (one side unnamed, a
 *   shared entity, or a country and a state organ of that country); recipients likewise; dates
 *   that agree at the coarser precision (two day dates equal, or one day apart when the reports
 *   were published on different days by different outlets; an undated event happened on its
 *   publication day or the day before); places the same, nested in the gazetteer, or one of them
 *   vague (a country, a region); figures of a category that do not contradict hard.
 * - **Evidence**: compatibility alone folds nothing. A material act (an attack, an arrest, aid)
 *   needs two anchors among a shared actor, a shared recipient, a shared specific place and the
 *   same day; a verbal act (a statement, a demand, a meeting) needs the same named actor on the
 *   same day and a shared recipient, place or topic.
 * - **Clustering**: greedy agglomeration over the evidence edges, strongest first, where a merge
 *   must keep every pair of the fold compatible (complete linkage on compatibility). Chains
 *   (A like B, B like C, A unlike C) therefore never fold A with C.
 */
import { createHash } from 'node:crypto';
import { loadGazetteer, type Gazetteer } from '../lexicon/gazetteer.js';
import { SIZE_CATEGORIES, type DocumentRecord, type EventSize, type SizeCategory } from '../extract/record.js';

/** An actor or recipient as the matcher reads it: its id, and the country and sector the record gives it. */
export interface FoldArgument {
  readonly id: string;
  readonly country: string | null;
  readonly subtype: string | null;
}

/** One figure of an event's size, as the matcher reads it. */
export interface FoldFigure {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** An event with what folding reads of it and of its document. */
export interface FoldEvent {
  readonly document: string;
  /** Its position in the document's `events`. */
  readonly index: number;
  readonly type: string;
  readonly modality: string;
  readonly mode: string | null;
  readonly actors: readonly FoldArgument[];
  readonly recipients: readonly FoldArgument[];
  /** The place's entity id and the country its document gives it. */
  readonly place: { readonly id: string; readonly country: string | null } | null;
  readonly date: { readonly value: string | null; readonly precision: 'day' | 'month' | 'year' | null };
  readonly topics: readonly string[];
  readonly size: Partial<Record<SizeCategory, FoldFigure>>;
  readonly confidence: number;
  /** The document's publication date and outlet. */
  readonly published: string | null;
  readonly outlet: string | null;
}

/** Where one event stands: "document#index". */
export const eventKey = (e: Pick<FoldEvent, 'document' | 'index'>) => `${e.document}#${e.index}`;

/** Types whose act is words (PLOVER's verbal quads, and STATEMENT): they fold on stricter evidence. */
const VERBAL = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'STATEMENT']);

/** Sectors of a state's own organs: a country named as a doer stands for them. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG']);

/** Place kinds too vague to say where an act was: they contradict only places of another country. */
const VAGUE_KINDS = new Set(['region']);

/**
 * A toll rises as the dead are counted: figures of one category contradict only when the larger
 * is more than three times the smaller and ten more (4 and 5 agree; 10 and 35 agree; 2 and 40
 * do not).
 */
const FIGURE_FACTOR = 3;
const FIGURE_SLACK = 10;

/** Days an undated event may precede its report's publication: the act of the day, or of the day before. */
export const UNDATED_DAYS = 1;

// ---------------------------------------------------------------------------------------------
// Days

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

/** The YYYY-MM-DD of a day number. */
function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day of a YYYY-MM or YYYY-MM-DD date. */
function daysOf(iso: string): [number, number] | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const d = dayNumber(iso);
    return [d, d];
  }
  if (/^\d{4}-\d{2}$/.test(iso)) {
    const first = dayNumber(`${iso}-01`);
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    const next = m === 12 ? dayNumber(`${y + 1}-01-01`) : dayNumber(`${y}-${String(m + 1).padStart(2, '0')}-01`);
    return [first, next - 1];
  }
  return null; // a year: too vague to fold
}

/** The days an event can have happened on, as day numbers; null when it cannot fold. */
function interval(e: Pick<FoldEvent, 'date' | 'published'>): [number, number] | null {
  if (e.date.value !== null) return e.date.precision === 'year' ? null : daysOf(e.date.value);
  if (e.published === null) return null;
  const p = daysOf(e.published);
  if (p === null) return null;
  return p[0] === p[1] ? [p[0] - UNDATED_DAYS, p[1]] : p;
}

/**
 * The days an event can have happened on (`from`..`to`, YYYY-MM-DD), what stores index to find
 * an event's candidates; null when it never folds (dated only to a year, or no date at all).
 * No window is longer than a month.
 *
 * @example
 * foldWindow({ date: { value: null, precision: null }, published: '2024-11-13' })  // { from: '2024-11-12', to: '2024-11-13' }
 */
export function foldWindow(e: Pick<FoldEvent, 'date' | 'published'>): { from: string; to: string } | null {
  const days = interval(e);
  return days ? { from: isoDay(days[0]), to: isoDay(days[1]) } : null;
}

/** The widest window (`foldWindow`), in days: candidates of a window start at most this much before it. */
export const LONGEST_WINDOW_DAYS = 31;

/**
 * The range of window starts a store must search to find every event that can fold with one of
 * window `w`: windows that overlap `w` widened by a day.
 */
export function candidateRange(w: { from: string; to: string }): { fromStart: string; fromEnd: string; toAtLeast: string } {
  const from = dayNumber(w.from);
  const to = dayNumber(w.to);
  return { fromStart: isoDay(from - 1 - LONGEST_WINDOW_DAYS), fromEnd: isoDay(to + 1), toAtLeast: isoDay(from - 1) };
}

// ---------------------------------------------------------------------------------------------
// Places

/** What the gazetteer says of a place: its ancestors, kind, country and names. */
interface PlaceFacts {
  readonly kind: string | null;
  readonly country: string | null;
  readonly parent: string | null;
  /** Its parent, their parent …, nearest first. */
  readonly ancestors: readonly string[];
  readonly names: readonly string[];
}

/** Places as the gazetteer records them, looked up once each. */
export interface PlaceIndex {
  facts(id: string, country: string | null): PlaceFacts;
}

/**
 * The gazetteer as folding reads it. Places the gazetteer does not hold (names the tagger found,
 * `new:…`) have no ancestors: they are the same as themselves only.
 */
export function gazetteerPlaces(gazetteer: Gazetteer = loadGazetteer()): PlaceIndex {
  const cache = new Map<string, PlaceFacts>();
  return {
    facts(id, country) {
      const known = cache.get(id);
      if (known) return known;
      const place = gazetteer.byId.get(id);
      let facts: PlaceFacts;
      if (!place) {
        facts = { kind: null, country, parent: null, ancestors: [], names: [] };
      } else {
        const ancestors: string[] = [];
        for (let p = place.parent; p !== null && !ancestors.includes(p); p = gazetteer.byId.get(p)?.parent ?? null) ancestors.push(p);
        facts = { kind: place.kind, country: place.cc, parent: place.parent, ancestors, names: place.names };
      }
      cache.set(id, facts);
      return facts;
    },
  };
}

let defaultPlaces: PlaceIndex | undefined;
const placesOrDefault = (places?: PlaceIndex) => places ?? (defaultPlaces ??= gazetteerPlaces());

/** How two places relate: `same`, `nested` (specific: under a country), `vague` (compatible, says nothing), or `different`. */
type PlaceRelation = 'same' | 'nested' | 'vague' | 'unknown' | 'different';

function relatePlaces(a: FoldEvent['place'], b: FoldEvent['place'], places: PlaceIndex): PlaceRelation {
  if (a === null || b === null) return 'unknown';
  if (a.id === b.id) return 'same';
  const fa = places.facts(a.id, a.country);
  const fb = places.facts(b.id, b.country);
  const specific = (f: PlaceFacts) => f.kind !== 'country' && f.kind !== null && !VAGUE_KINDS.has(f.kind);
  if (fa.ancestors.includes(b.id)) return specific(fb) ? 'nested' : 'vague';
  if (fb.ancestors.includes(a.id)) return specific(fa) ? 'nested' : 'vague';
  // A district named after its seat (the city of Qamishli, the district of al-Qamishli).
  const unit = (f: PlaceFacts) => f.kind === 'admin2' || f.kind === 'admin3';
  if (fa.parent !== null && fa.parent === fb.parent && unit(fa) !== unit(fb) && fa.names.some((n) => fb.names.includes(n))) return 'same';
  // A region or a world area has no extent in the gazetteer: it contradicts only another country.
  const vague = (f: PlaceFacts) => f.kind !== null && VAGUE_KINDS.has(f.kind);
  if (vague(fa) || vague(fb)) return fa.country === null || fb.country === null || fa.country === fb.country ? 'vague' : 'different';
  return 'different';
}

// ---------------------------------------------------------------------------------------------
// Actors, dates, figures

/** How two sides (actors, or recipients) relate: a shared entity, a country and its organ, one side unnamed, or a contradiction. */
type SideRelation = 'same' | 'equivalent' | 'unknown' | 'different';

function isCountry(a: FoldArgument): boolean {
  return /^loc:[a-z]{2}$/.test(a.id);
}

/** A country named as a doer ("تركيا تقصف") and an organ of its state (the Turkish army) are one side. */
function equivalent(a: FoldArgument, b: FoldArgument): boolean {
  const organOf = (country: FoldArgument, organ: FoldArgument) =>
    isCountry(country) && organ.country !== null && country.id === `loc:${organ.country.toLowerCase()}` && organ.subtype !== null && STATE_SECTORS.has(organ.subtype);
  return organOf(a, b) || organOf(b, a);
}

function relateSides(a: readonly FoldArgument[], b: readonly FoldArgument[]): SideRelation {
  if (a.length === 0 || b.length === 0) return 'unknown';
  if (a.some((x) => b.some((y) => x.id === y.id))) return 'same';
  if (a.some((x) => b.some((y) => equivalent(x, y)))) return 'equivalent';
  return 'different';
}

type DateRelation = 'day' | 'near' | 'overlap' | 'different';

function relateDates(a: FoldEvent, b: FoldEvent): DateRelation {
  const ia = interval(a);
  const ib = interval(b);
  if (ia === null || ib === null) return 'different';
  const dayA = a.date.value !== null && a.date.precision === 'day';
  const dayB = b.date.value !== null && b.date.precision === 'day';
  if (dayA && dayB) {
    const gap = Math.abs(ia[0] - ib[0]);
    if (gap === 0) return 'day';
    // Reports published on different days may date a night's act a day apart; an outlet dates
    // its own reports alike, so its reports of two days are two acts (daily shelling of a town).
    const sameOutlet = a.outlet !== null && a.outlet === b.outlet;
    return gap === 1 && a.published !== b.published && !sameOutlet ? 'near' : 'different';
  }
  return ia[0] <= ib[1] && ib[0] <= ia[1] ? 'overlap' : 'different';
}

const lowOf = (f: FoldFigure) => f.value ?? f.low ?? f.high;
const highOf = (f: FoldFigure) => f.value ?? f.high ?? f.low;

/** Per category both give: -1 when they contradict hard, else how many agree exactly. */
function relateFigures(a: FoldEvent, b: FoldEvent): number {
  let agree = 0;
  for (const c of SIZE_CATEGORIES) {
    const x = a.size[c];
    const y = b.size[c];
    if (!x || !y) continue;
    const [xl, xh, yl, yh] = [lowOf(x), highOf(x), lowOf(y), highOf(y)];
    if (xl === null || xh === null || yl === null || yh === null) continue;
    if (Math.max(xl, yl) > FIGURE_FACTOR * Math.min(xh, yh) + FIGURE_SLACK) return -1;
    if (xl === yl && xh === yh) agree++;
  }
  return agree;
}

// ---------------------------------------------------------------------------------------------
// Pairs

/** How two events relate: whether they may be in one fold, whether they are evidence to fold, and how strongly. */
export interface Relation {
  /** Nothing contradicts: they may stand in one fold. */
  readonly compatible: boolean;
  /** Enough agrees to fold them (an edge of the clustering). */
  readonly edge: boolean;
  /** Higher is stronger evidence; folds are built strongest first. */
  readonly score: number;
}

const NONE: Relation = { compatible: false, edge: false, score: 0 };

/**
 * How two events relate (see the module comment for the rules).
 *
 * @example
 * relate(hawarAttack, sohrAttack)  // { compatible: true, edge: true, score: 9 }: same actor, place and day
 */
export function relate(a: FoldEvent, b: FoldEvent, places?: PlaceIndex): Relation {
  if (a.document === b.document || a.type !== b.type || a.modality !== b.modality) return NONE;
  const actors = relateSides(a.actors, b.actors);
  if (actors === 'different') return NONE;
  const recipients = relateSides(a.recipients, b.recipients);
  if (recipients === 'different') return NONE;
  const dates = relateDates(a, b);
  if (dates === 'different') return NONE;
  const place = relatePlaces(a.place, b.place, placesOrDefault(places));
  if (place === 'different') return NONE;
  const figures = relateFigures(a, b);
  if (figures < 0) return NONE;
  const topic = a.topics.some((t) => b.topics.includes(t));
  const hasActor = actors === 'same' || actors === 'equivalent';
  const hasRecipient = recipients === 'same' || recipients === 'equivalent';
  const hasPlace = place === 'same' || place === 'nested';
  const edge = VERBAL.has(a.type)
    ? hasActor && dates === 'day' && (hasRecipient || hasPlace || topic)
    : [hasActor, hasRecipient, hasPlace, dates === 'day'].filter(Boolean).length >= 2;
  const score =
    (actors === 'same' ? 3 : actors === 'equivalent' ? 2 : 0) +
    (recipients === 'same' ? 2 : recipients === 'equivalent' ? 1 : 0) +
    (place === 'same' ? 3 : place === 'nested' ? 2 : 0) +
    (dates === 'day' ? 3 : dates === 'near' ? 1 : 0) +
    figures +
    (topic ? 1 : 0) +
    (a.mode !== null && a.mode === b.mode ? 1 : 0);
  return { compatible: true, edge, score };
}

// ---------------------------------------------------------------------------------------------
// Clustering

const byKey = (a: FoldEvent, b: FoldEvent) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.index - b.index);

/**
 * The evidence edges among events, found by blocking: per type and modality, events sorted by
 * the start of their window, each compared only with those whose window starts at most a month
 * and a day before its own.
 */
export function foldEdges(events: readonly FoldEvent[], places?: PlaceIndex): { a: number; b: number; score: number }[] {
  const p = placesOrDefault(places);
  const blocks = new Map<string, { i: number; days: [number, number] }[]>();
  events.forEach((e, i) => {
    const days = interval(e);
    if (days === null) return;
    const key = `${e.type}|${e.modality}`;
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = []));
    block.push({ i, days });
  });
  const edges: { a: number; b: number; score: number }[] = [];
  for (const block of blocks.values()) {
    block.sort((x, y) => x.days[0] - y.days[0] || x.i - y.i);
    for (let j = 0; j < block.length; j++) {
      const right = block[j]!;
      for (let k = j - 1; k >= 0; k--) {
        const left = block[k]!;
        if (left.days[0] < right.days[0] - 1 - LONGEST_WINDOW_DAYS) break;
        if (left.days[1] < right.days[0] - 1) continue;
        const r = relate(events[left.i]!, events[right.i]!, p);
        if (r.edge) edges.push({ a: Math.min(left.i, right.i), b: Math.max(left.i, right.i), score: r.score });
      }
    }
  }
  return edges;
}

/**
 * The folds of a set of events: each a list of events, in key order (document, index); every
 * event is in exactly one (most are alone). The answer depends on the set only: the events are
 * put in key order first, and ties between edges of equal score go by their events' keys.
 *
 * @example
 * foldEvents([hawar, sohr, enab, kobani]).map((f) => f.length)  // [3, 1]
 */
export function foldEvents(input: readonly FoldEvent[], places?: PlaceIndex): FoldEvent[][] {
  const p = placesOrDefault(places);
  const events = [...input].sort(byKey);
  const edges = foldEdges(events, p).sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const clusterOf = events.map((_, i) => i);
  const members = events.map((_, i) => [i]);
  const compatible = new Map<number, boolean>();
  const ok = (x: number, y: number) => {
    const key = Math.min(x, y) * events.length + Math.max(x, y);
    let v = compatible.get(key);
    if (v === undefined) compatible.set(key, (v = relate(events[x]!, events[y]!, p).compatible));
    return v;
  };
  for (const { a, b } of edges) {
    const ca = clusterOf[a]!;
    const cb = clusterOf[b]!;
    if (ca === cb) continue;
    const ma = members[ca]!;
    const mb = members[cb]!;
    if (!ma.every((x) => mb.every((y) => ok(x, y)))) continue;
    const [keep, gone] = ca < cb ? [ca, cb] : [cb, ca];
    for (const x of members[gone]!) clusterOf[x] = keep;
    members[keep] = [...members[keep]!, ...members[gone]!].sort((x, y) => x - y);
    members[gone] = [];
  }
  return members.filter((m) => m.length > 0).map((m) => m.map((i) => events[i]!));
}

// ---------------------------------------------------------------------------------------------
// What a fold says

/** The report a fold is named after: the earliest published, then by key. */
export function anchorOf(members: readonly FoldEvent[]): FoldEvent {
  return [...members].sort((a, b) => {
    const pa = a.published ?? '9999';
    const pb = b.published ?? '9999';
    return pa < pb ? -1 : pa > pb ? 1 : byKey(a, b);
  })[0]!;
}

/**
 * A fold's id: 16 hex digits from its anchor report, so it stays while reports published later
 * join it.
 */
export function foldId(members: readonly FoldEvent[]): string {
  const anchor = anchorOf(members);
  return createHash('sha256').update(`fold\n${anchor.document}\n${anchor.index}`).digest('hex').slice(0, 16);
}

/** What a fold as a whole says, for the store to keep and sort by. */
export interface FoldSummary {
  readonly id: string;
  readonly type: string;
  readonly modality: string;
  readonly mode: string | null;
  /** The most precise date its reports give (the one most of them give, then the earliest). */
  readonly date: { value: string | null; precision: 'day' | 'month' | 'year' | null };
  /** The most specific place its reports give. */
  readonly place: string | null;
  /** Its date, else the earliest publication of its reports. */
  readonly sortDate: string | null;
  /** Documents telling it. */
  readonly sources: number;
  /** Distinct outlets among them (documents without an outlet not counted). */
  readonly outlets: number;
  readonly events: number;
  /** The highest confidence of its reports. */
  readonly confidence: number;
  /** The figure categories its reports give (killed, injured …). */
  readonly figures: SizeCategory[];
}

/** The value most members give, then the smallest. */
function commonest(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}

const PRECISION_RANK = { day: 3, month: 2, year: 1 } as const;

/**
 * What a fold says as a whole.
 *
 * @example
 * summarizeFold([hawar, sohr]).sources  // 2
 */
export function summarizeFold(members: readonly FoldEvent[], places?: PlaceIndex): FoldSummary {
  const p = placesOrDefault(places);
  const first = members[0]!;
  const dated = members.filter((m) => m.date.value !== null && m.date.precision !== null);
  const best = Math.max(0, ...dated.map((m) => PRECISION_RANK[m.date.precision!]));
  const precise = dated.filter((m) => PRECISION_RANK[m.date.precision!] === best);
  const dateValue = commonest(precise.map((m) => m.date.value!));
  const date = dateValue === null ? { value: null, precision: null } : { value: dateValue, precision: precise[0]!.date.precision };
  // The deepest place: members' places are the same or nested, so the one with the most ancestors is inside the others.
  const placed = members.filter((m) => m.place !== null).map((m) => m.place!);
  const depth = (pl: NonNullable<FoldEvent['place']>) => {
    const f = p.facts(pl.id, pl.country);
    return f.kind !== null && VAGUE_KINDS.has(f.kind) ? -1 : f.ancestors.length;
  };
  const deepest = Math.max(-2, ...placed.map(depth));
  const place = commonest(placed.filter((pl) => depth(pl) === deepest).map((pl) => pl.id));
  const published = members.map((m) => m.published).filter((x): x is string => x !== null).sort();
  const figures = SIZE_CATEGORIES.filter((c) => members.some((m) => m.size[c] !== undefined));
  return {
    id: foldId(members),
    type: first.type,
    modality: first.modality,
    mode: commonest(members.map((m) => m.mode).filter((x): x is string => x !== null)),
    date,
    place,
    sortDate: date.value ?? published[0] ?? null,
    sources: new Set(members.map((m) => m.document)).size,
    outlets: new Set(members.map((m) => m.outlet).filter((x) => x !== null)).size,
    events: members.length,
    confidence: Math.max(...members.map((m) => m.confidence)),
    figures,
  };
}

// ---------------------------------------------------------------------------------------------
// From records

/** A size as the matcher reads it (value and range of each category). */
export function foldSize(size: EventSize | null | undefined): FoldEvent['size'] {
  const out: Partial<Record<SizeCategory, FoldFigure>> = {};
  for (const c of SIZE_CATEGORIES) {
    const f = size?.[c];
    if (f) out[c] = { value: f.value, low: f.low, high: f.high };
  }
  return out;
}

/**
 * The events of a record as the matcher reads them, with the outlet that published it.
 *
 * @example
 * foldEventsOf(record, 'وكالة هاوار')[0]!.actors  // [{ id: 'loc:tr', country: 'TR', subtype: 'country' }]
 */
export function foldEventsOf(record: DocumentRecord, outlet: string | null = record.source.outlet ?? null): FoldEvent[] {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const argument = (id: string): FoldArgument => {
    const e = entities.get(id);
    return { id, country: e?.country ?? null, subtype: e?.subtype ?? null };
  };
  return record.events.map((e, index) => ({
    document: record.id,
    index,
    type: e.type,
    modality: e.modality,
    mode: e.mode,
    actors: e.actor.map(argument),
    recipients: e.recipient.map(argument),
    place: e.place === null ? null : { id: e.place, country: entities.get(e.place)?.country ?? null },
    date: { value: e.date.value, precision: e.date.precision },
    topics: e.topics,
    size: foldSize(e.size),
    confidence: e.confidence,
    published: record.published,
    outlet,
  }));
}
