/**
 * Reviews applied to a record (docs/review.md): pure functions, shared by every store engine
 * (the SQLite store calls `applyReviews` when it writes a document's rows) and by the services
 * that answer the API and the exports.
 *
 * A review names its target by an anchor that a newer pipeline's record of the same text still
 * has (offsets never change for a document id): an event by its sentence start, trigger span,
 * machine type and ordinal among events sharing those; a mention by its span. The latest review
 * of a target counts.
 */
import type { DocumentRecord, Entity, Event, EventSize, SizeCategory, SizeFigure, Span } from '../extract/record.js';

export const REVIEW_VERDICTS = ['accept', 'reject', 'correct'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const REVIEW_TARGETS = ['event', 'mention'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];

export interface EventAnchor {
  readonly sentenceStart: number;
  readonly triggerStart: number;
  readonly triggerEnd: number;
  /** The machine's type of the event reviewed. */
  readonly type: Event['type'];
  /** Its position among the record's events with the same sentence start, trigger and type. */
  readonly ordinal: number;
}

export interface MentionAnchor {
  readonly start: number;
  readonly end: number;
}

/** The fields of an event an analyst may correct, as stored: only those corrected are present. */
export interface EventCorrection {
  readonly type?: Event['type'];
  readonly mode?: string | null;
  readonly actor?: string[];
  readonly recipient?: string[];
  readonly date?: Event['date'];
  readonly place?: string | null;
  /** Per category: the corrected figure, or null to remove the machine's. */
  readonly size?: Partial<Record<SizeCategory, SizeFigure | null>>;
}

export interface MentionCorrection {
  /** The entity the words name. */
  readonly entity: string;
}

/** The machine's reading of the fields a review may correct. */
export interface EventReading {
  readonly type: Event['type'];
  readonly mode: string | null;
  readonly actor: string[];
  readonly recipient: string[];
  readonly date: Event['date'];
  readonly place: string | null;
  readonly size: EventSize;
}

/** An entity as a review keeps it, to name it where the document does not (its mentions left out). */
export type EntityInfo = Omit<Entity, 'mentions'>;

/**
 * What a review keeps beside its verdict so that it can still be shown when the machine's event
 * or mention is gone: the entities it names and the spans of the figures its event cites.
 */
export interface ReviewContext {
  readonly entities?: EntityInfo[];
  /** Quantity index (in the record reviewed) → its span. */
  readonly quantities?: Record<string, { start: number; end: number }>;
}

/** A stored review, as every store returns it. */
export interface ReviewRow {
  readonly id: number;
  readonly document: string;
  readonly target: ReviewTarget;
  readonly anchor: EventAnchor | MentionAnchor;
  readonly verdict: ReviewVerdict;
  readonly correction: EventCorrection | MentionCorrection | null;
  /** What the analyst saw: the machine's whole event, or `{entity, text}` of the mention; null when nothing stood there. */
  readonly machine: Event | { entity: string; text: string } | null;
  readonly context: ReviewContext;
  readonly reviewer: string;
  /** ISO 8601 time of the review. */
  readonly at: string;
  readonly note: string | null;
  /** Whether it is the latest review of its target. */
  readonly current: boolean;
}

/** How an event's review shows on the event (API `review`). */
export interface EventReview {
  readonly id: number;
  readonly verdict: ReviewVerdict;
  readonly reviewer: string;
  readonly at: string;
  readonly note: string | null;
  /** The fields the correction changed, in a fixed order. */
  readonly corrected: string[];
  /** The machine's reading: today's record's, or at review time when `detached`. */
  readonly machine: EventReading;
  /** The pipeline's record no longer has this event: the analyst's reading is kept. */
  readonly detached: boolean;
}

export type ReviewedEvent = Event & { reviewed: boolean; review: EventReview | null };

/** The current review of a mention (API `mentionReviews`). */
export interface MentionReview {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly verdict: ReviewVerdict;
  /** The entity the words name after review; null when rejected. */
  readonly entity: string | null;
  /** The entity the machine gives them today; null when it finds no mention there. */
  readonly machineEntity: string | null;
  readonly reviewer: string;
  readonly at: string;
  readonly note: string | null;
  readonly reviewId: number;
}

export interface ReviewedRecord {
  /** The record with reviews applied; rejected events stay, flagged (`review.verdict`). */
  readonly record: Omit<DocumentRecord, 'events'> & { events: ReviewedEvent[] };
  /** Per event of `record.events`, the anchor a review of it is stored against. */
  readonly anchors: EventAnchor[];
  readonly mentionReviews: MentionReview[];
}

const CORRECTABLE = ['type', 'mode', 'actor', 'recipient', 'date', 'place', 'size'] as const;

/** The key a target's reviews share: the latest of them counts. */
export function anchorKey(target: ReviewTarget, anchor: EventAnchor | MentionAnchor): string {
  if (target === 'mention') {
    const a = anchor as MentionAnchor;
    return `m:${a.start}:${a.end}`;
  }
  const a = anchor as EventAnchor;
  return `e:${a.sentenceStart}:${a.triggerStart}:${a.triggerEnd}:${a.type}:${a.ordinal}`;
}

/** The anchors of a record's (machine) events, in order. */
export function eventAnchors(events: readonly Event[]): EventAnchor[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.sentence.start}:${e.trigger.start}:${e.trigger.end}:${e.type}`;
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    return { sentenceStart: e.sentence.start, triggerStart: e.trigger.start, triggerEnd: e.trigger.end, type: e.type, ordinal };
  });
}

export function readingOf(e: Event): EventReading {
  return { type: e.type, mode: e.mode, actor: [...e.actor], recipient: [...e.recipient], date: { ...e.date }, place: e.place, size: { ...(e.size ?? {}) } };
}

/** The precision a date written YYYY, YYYY-MM or YYYY-MM-DD has. */
export function datePrecision(value: string | null): Event['date'] {
  if (value === null) return { value: null, precision: null };
  return { value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day' };
}

function corrected(event: Event, correction: EventCorrection): Event {
  const out: Event = { ...event };
  if (correction.type !== undefined) out.type = correction.type;
  if (correction.mode !== undefined) out.mode = correction.mode;
  if (correction.actor !== undefined) out.actor = [...correction.actor];
  if (correction.recipient !== undefined) out.recipient = [...correction.recipient];
  if (correction.date !== undefined) out.date = { ...correction.date };
  if (correction.place !== undefined) out.place = correction.place;
  if (correction.size !== undefined) {
    const size: Record<string, SizeFigure> = { ...(event.size ?? {}) };
    for (const [category, figure] of Object.entries(correction.size)) {
      if (figure === null || figure === undefined) delete size[category];
      else size[category] = figure;
    }
    out.size = size as EventSize;
  }
  return out;
}

function correctedFields(correction: EventCorrection | null): string[] {
  if (!correction) return [];
  return CORRECTABLE.filter((f) => correction[f] !== undefined);
}

/** The latest review of each target among `reviews` (any order). */
export function currentReviews(reviews: readonly ReviewRow[]): Map<string, ReviewRow> {
  const latest = new Map<string, ReviewRow>();
  for (const r of reviews) {
    const key = anchorKey(r.target, r.anchor);
    const had = latest.get(key);
    if (!had || had.id < r.id) latest.set(key, r);
  }
  return latest;
}

/**
 * A record with its reviews applied (docs/review.md):
 * - an event's latest review flags it (`reviewed`, `review`); a correction replaces the fields
 *   it names; a rejected event stays in the list, flagged (lists and exports leave it out:
 *   {@link listedEvents});
 * - an accepted or corrected event that the record no longer has (a newer pipeline dropped it
 *   or changed its type) is appended: the machine's event at review time, corrected, with
 *   `review.detached`;
 * - a rejected mention leaves its entity; a relinked one moves to its entity (made from the
 *   review's context when the document has none of that id); an entity left without mentions
 *   and named by no event goes;
 * - an entity a correction names that the document lacks is added without mentions, so that
 *   its names are known.
 */
export function applyReviews(record: DocumentRecord, reviews: readonly ReviewRow[]): ReviewedRecord {
  const latest = currentReviews(reviews);
  const known = new Map<string, EntityInfo>();
  for (const r of reviews) for (const e of r.context.entities ?? []) known.set(e.id, e);

  // Mentions.
  const entities: Entity[] = record.entities.map((e) => ({ ...e, mentions: [...e.mentions] }));
  const mentionAt = new Map<string, { entity: Entity; mention: Span }>();
  for (const e of entities) for (const m of e.mentions) mentionAt.set(`${m.start}:${m.end}`, { entity: e, mention: m });
  const mentionReviews: MentionReview[] = [];
  for (const r of [...latest.values()].filter((x) => x.target === 'mention').sort((a, b) => a.id - b.id)) {
    const anchor = r.anchor as MentionAnchor;
    const here = mentionAt.get(`${anchor.start}:${anchor.end}`);
    const text = record.text.slice(anchor.start, anchor.end);
    let entity: string | null = here?.entity.id ?? null;
    if (r.verdict === 'reject' || r.verdict === 'correct') {
      if (here) here.entity.mentions = here.entity.mentions.filter((m) => m !== here.mention);
      entity = null;
    }
    if (r.verdict === 'correct') {
      const to = (r.correction as MentionCorrection).entity;
      let target = entities.find((e) => e.id === to);
      if (!target) {
        const info = known.get(to);
        if (info) entities.push((target = { ...info, mentions: [] }));
      }
      if (target) {
        target.mentions.push({ start: anchor.start, end: anchor.end, text });
        target.mentions.sort((a, b) => a.start - b.start);
        entity = to;
      }
    }
    mentionReviews.push({
      start: anchor.start, end: anchor.end, text, verdict: r.verdict, entity, machineEntity: here?.entity.id ?? null,
      reviewer: r.reviewer, at: r.at, note: r.note, reviewId: r.id,
    });
  }

  // Events.
  const anchors = eventAnchors(record.events);
  const used = new Set<string>();
  const review = (r: ReviewRow, machine: EventReading, detached: boolean): EventReview => ({
    id: r.id, verdict: r.verdict, reviewer: r.reviewer, at: r.at, note: r.note,
    corrected: r.verdict === 'correct' ? correctedFields(r.correction as EventCorrection) : [], machine, detached,
  });
  const events: ReviewedEvent[] = record.events.map((e, i) => {
    const key = anchorKey('event', anchors[i]!);
    const r = latest.get(key);
    if (!r) return { ...e, reviewed: false, review: null };
    used.add(key);
    const after = r.verdict === 'correct' ? corrected(e, r.correction as EventCorrection) : e;
    return { ...after, reviewed: true, review: review(r, readingOf(e), false) };
  });
  const allAnchors = [...anchors];
  // A review whose anchor no event has may still name one the newer pipeline reads with a
  // trigger span grown or cut (a clitic taken in): same sentence, same type, overlapping trigger.
  // It attaches there unless that event has a newer review of its own.
  const unmatched = [...latest.values()].filter((x) => x.target === 'event' && !used.has(anchorKey('event', x.anchor))).sort((a, b) => a.id - b.id);
  const moved = new Set<number>();
  for (const r of unmatched) {
    const an = r.anchor as EventAnchor;
    const i = record.events.findIndex(
      (e) => e.sentence.start === an.sentenceStart && e.type === an.type && e.trigger.start < an.triggerEnd && an.triggerStart < e.trigger.end,
    );
    if (i < 0) continue;
    moved.add(r.id);
    const had = events[i]!.review;
    if (had && had.id > r.id) continue; // superseded by a review of the event as it now reads
    const e = record.events[i]!;
    const after = r.verdict === 'correct' ? corrected(e, r.correction as EventCorrection) : e;
    events[i] = { ...after, reviewed: true, review: review(r, readingOf(e), false) };
  }
  // Kept events whose machine event is gone, in the order they were first reviewed.
  const quantityAt = new Map(record.quantities.map((q, i) => [`${q.start}:${q.end}`, i]));
  for (const r of unmatched) {
    if (moved.has(r.id) || r.verdict === 'reject' || !r.machine) continue;
    const old = r.machine as Event;
    // Figures are cited by index: find each by its span in today's record.
    const remap = (i: number): number | null => {
      const span = r.context.quantities?.[String(i)];
      return span ? (quantityAt.get(`${span.start}:${span.end}`) ?? null) : null;
    };
    const machine: Event = {
      ...old,
      quantities: old.quantities.map(remap).filter((i): i is number => i !== null),
      ...(old.size
        ? { size: Object.fromEntries(Object.entries(old.size).map(([c, f]) => [c, { ...f!, quantity: remap(f!.quantity) ?? f!.quantity }])) as EventSize }
        : {}),
    };
    const after = r.verdict === 'correct' ? corrected(machine, r.correction as EventCorrection) : machine;
    events.push({ ...after, reviewed: true, review: review(r, readingOf(machine), true) });
    allAnchors.push(r.anchor as EventAnchor);
  }

  // Entities events name that the document lacks (a correction naming another document's entity).
  const have = new Set(entities.map((e) => e.id));
  for (const e of events) {
    for (const id of [...e.actor, ...e.recipient, ...(e.place ? [e.place] : [])]) {
      if (have.has(id)) continue;
      const info = known.get(id);
      if (info) {
        entities.push({ ...info, mentions: [] });
        have.add(id);
      }
    }
  }
  const named = new Set(events.filter((e) => e.review?.verdict !== 'reject').flatMap((e) => [...e.actor, ...e.recipient, ...(e.place ? [e.place] : [])]));
  const kept = entities.filter((e, i) => e.mentions.length > 0 || named.has(e.id) || (i < record.entities.length && record.entities[i]!.mentions.length === 0));

  return { record: { ...record, entities: kept, events }, anchors: allAnchors, mentionReviews };
}

/** Whether an event is listed and exported: every one but the rejected. */
export function isListed(e: ReviewedEvent): boolean {
  return e.review?.verdict !== 'reject';
}

/**
 * The reviewed record as exports write it: rejected events left out, each event with its
 * `reviewed` flag (and `review`, unless `withReview` is false).
 */
export function listedRecord(reviewed: ReviewedRecord): DocumentRecord & { events: ReviewedEvent[] } {
  return { ...reviewed.record, events: reviewed.record.events.filter(isListed) };
}
