/**
 * The review workflow's services (docs/review.md): a document with its reviews applied, and
 * the writes: a verdict on an event or on an entity mention, checked against the document and
 * the store before it is stored. The store applies reviews to its rows (review-apply.ts).
 */
import { z } from 'zod';
import { MarsadError } from '../errors.js';
import { EVENT_TYPES, QUANTITY_QUALIFIERS, SIZE_CATEGORIES, type DocumentRecord, type Event, type SizeFigure } from '../extract/record.js';
import type { ReviewPage, Store } from '../store/store.js';
import { entityId, isoDate } from './params.js';
import {
  REVIEW_TARGETS,
  REVIEW_VERDICTS,
  anchorKey,
  applyReviews,
  datePrecision,
  readingOf,
  type EntityInfo,
  type EventCorrection,
  type EventReading,
  type MentionReview,
  type ReviewContext,
  type ReviewedEvent,
  type ReviewedRecord,
  type ReviewRow,
} from './review-apply.js';

const reviewer = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const note = z.string().max(2000, 'must be at most 2000 characters').nullable();

const SizeFigureBody = z
  .strictObject({
    value: z.number().nonnegative().nullable().optional(),
    low: z.number().nonnegative().nullable().optional(),
    high: z.number().nonnegative().nullable().optional(),
    qualifier: z.enum(QUANTITY_QUALIFIERS).nullable().optional(),
    quantity: z.number().int().min(0).optional(),
  })
  .refine((f) => (f.value ?? null) !== null || ((f.low ?? null) !== null && (f.high ?? null) !== null), 'give a value, or low and high')
  .refine((f) => f.low == null || f.high == null || f.low <= f.high, 'low must not be above high');

export const EventReviewBody = z.strictObject({
  verdict: z.enum(REVIEW_VERDICTS),
  correction: z
    .strictObject({
      type: z.enum(EVENT_TYPES).optional(),
      mode: z.string().trim().min(1).max(100).nullable().optional(),
      actor: z.array(entityId).max(20).optional(),
      recipient: z.array(entityId).max(20).optional(),
      date: isoDate.nullable().optional(),
      place: entityId.nullable().optional(),
      size: z.partialRecord(z.enum(SIZE_CATEGORIES), SizeFigureBody.nullable()).optional(),
    })
    .optional(),
  reviewer: reviewer.optional(),
  note: note.optional(),
});
export type EventReviewBody = z.output<typeof EventReviewBody>;

export const MentionReviewBody = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  verdict: z.enum(REVIEW_VERDICTS),
  correction: z.strictObject({ entity: entityId }).optional(),
  reviewer: reviewer.optional(),
  note: note.optional(),
});
export type MentionReviewBody = z.output<typeof MentionReviewBody>;

export const ReviewsParams = z.strictObject({
  reviewer: reviewer.optional().meta({ description: 'reviews by this reviewer' }),
  verdict: z.enum(REVIEW_VERDICTS).optional().meta({ description: 'accept, reject or correct' }),
  target: z.enum(REVIEW_TARGETS).optional().meta({ description: 'event or mention' }),
  history: z.enum(['true', 'false']).default('false').meta({ description: 'every review, not only the latest of each target' }),
  limit: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(1, 'must be at least 1').max(500, 'must be at most 500')).default(50).meta({ description: 'how many results (1-500)' }),
  offset: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(0).max(10_000_000)).default(0).meta({ description: 'skip this many results first' }),
});

/** Parses a request body with a schema; the first problem names the field (`correction.date`). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const at = [...issue.path, ''].join('.');
    throw new MarsadError('bad-parameter', issue.keys.map((k) => at + k).join(', '), 'unknown field');
  }
  const where = issue.path.length ? issue.path.join('.') : 'body';
  const message = issue.code === 'invalid_value' && 'values' in issue ? `must be one of ${issue.values.join(', ')}` : issue.message;
  throw new MarsadError('bad-parameter', where, message);
}

/** The API's view of a stored review: what the analyst saw as a reading, not the whole event. */
export function publicReview(r: ReviewRow) {
  const machine = r.machine === null ? null : r.target === 'event' ? readingOf(r.machine as Event) : (r.machine as { entity: string; text: string });
  return {
    id: r.id, document: r.document, target: r.target, anchor: r.anchor, verdict: r.verdict, correction: r.correction, machine,
    reviewer: r.reviewer, at: r.at, note: r.note, current: r.current,
  };
}

/** Every review of a document (history included), as the store keeps them. */
async function documentReviews(store: Store, id: string): Promise<ReviewRow[]> {
  const rows: ReviewRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.reviews({ document: id, history: true, limit: 500, offset });
    rows.push(...page.rows);
    if (page.rows.length < 500) return rows;
  }
}

/**
 * A stored document with its reviews applied: corrections in place, rejected events flagged,
 * kept events whose machine event is gone appended (review-apply.ts).
 * @throws MarsadError `not-found` for an unknown id.
 */
export async function reviewedDocument(store: Store, id: string): Promise<ReviewedRecord & { machine: DocumentRecord; reviews: ReviewRow[] }> {
  const record = await store.getDocument(id);
  if (!record) throw new MarsadError('not-found', id, 'no document with this id');
  const reviews = await documentReviews(store, id);
  return { ...applyReviews(record, reviews), machine: record, reviews };
}

/** Who writes: the body's name, else `serve --reviewer`; neither is refused. */
function reviewerOf(given: string | undefined, fallback: string | null | undefined): string {
  const name = given ?? fallback?.trim();
  if (!name) {
    throw new MarsadError('review-no-reviewer', 'reviewer', 'the request names no reviewer and the server was started without --reviewer NAME');
  }
  return name;
}

/** An entity as a review keeps it: from the document, else from the store. */
async function entityInfo(store: Store, doc: ReviewedRecord['record'], id: string): Promise<EntityInfo | null> {
  const own = doc.entities.find((e) => e.id === id);
  if (own) {
    const { mentions: _m, ...info } = own;
    return info;
  }
  const profile = await store.entity(id, 0);
  if (!profile) return null;
  return { id: profile.id, type: profile.type, subtype: profile.subtype, name: profile.name, country: profile.country, geo: profile.geo };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Records a verdict on the document's event at position `index` of its reviewed events.
 * A correction of an event already corrected adds to the earlier one; a field given its
 * machine value is no longer corrected (a correction left empty is an acceptance).
 * @throws MarsadError `not-found` (document, index), `bad-parameter` (the body), `review-no-reviewer`.
 */
export async function reviewEvent(
  store: Store,
  documentId: string,
  index: number,
  body: unknown,
  defaultReviewer?: string | null,
): Promise<{ review: ReturnType<typeof publicReview>; event: ReviewedEvent; index: number }> {
  const input = parseBody(EventReviewBody, body);
  const name = reviewerOf(input.reviewer, defaultReviewer);
  const doc = await reviewedDocument(store, documentId);
  const event = doc.record.events[index];
  if (!event) {
    throw new MarsadError('not-found', `event ${index}`, `document ${documentId} has ${doc.record.events.length} events (0 to ${doc.record.events.length - 1})`);
  }
  if (input.verdict === 'correct' && (!input.correction || Object.keys(input.correction).length === 0)) {
    throw new MarsadError('bad-parameter', 'correction', 'a correction names at least one field (type, mode, actor, recipient, date, place, size)');
  }
  if (input.verdict !== 'correct' && input.correction) {
    throw new MarsadError('bad-parameter', 'correction', `only a "correct" verdict carries a correction, not "${input.verdict}"`);
  }
  const anchor = doc.anchors[index]!;
  // Its current review (it may be stored against the anchor an older pipeline's event had).
  const previous = event.review ? doc.reviews.find((r) => r.id === event.review!.id) : undefined;
  // The machine's event: today's record's, or the one the first review kept (detached).
  const machine: Event | null = index < doc.machine.events.length ? doc.machine.events[index]! : ((previous?.machine as Event | undefined) ?? null);
  if (!machine) throw new MarsadError('not-found', `event ${index}`, 'the machine event this kept event came from is not recorded');
  const reading: EventReading = readingOf(machine);

  const entities = new Map<string, EntityInfo>();
  const need = async (id: string, field: string, loc = false) => {
    const info = await entityInfo(store, doc.record, id);
    if (!info) throw new MarsadError('bad-parameter', field, `"${id}" is no entity of this document or of the store`);
    if (loc && info.type !== 'LOC') throw new MarsadError('bad-parameter', field, `"${id}" is a ${info.type}, not a place (LOC)`);
    entities.set(id, info);
  };
  let correction: EventCorrection = {};
  if (input.verdict === 'correct') {
    const c = input.correction!;
    // Earlier corrections stand unless this one names the field again.
    const earlier = previous?.verdict === 'correct' ? (previous.correction as EventCorrection) : {};
    const next: { -readonly [K in keyof EventCorrection]: EventCorrection[K] } = { ...earlier };
    if (c.type !== undefined) next.type = c.type;
    if (c.mode !== undefined) next.mode = c.mode;
    if (c.actor !== undefined) {
      for (const [i, id] of c.actor.entries()) await need(id, `correction.actor.${i}`);
      next.actor = [...new Set(c.actor)];
    }
    if (c.recipient !== undefined) {
      for (const [i, id] of c.recipient.entries()) await need(id, `correction.recipient.${i}`);
      next.recipient = [...new Set(c.recipient)];
    }
    if (c.date !== undefined) next.date = datePrecision(c.date);
    if (c.place !== undefined) {
      if (c.place !== null) await need(c.place, 'correction.place', true);
      next.place = c.place;
    }
    if (c.size !== undefined) {
      const size: Partial<Record<string, SizeFigure | null>> = { ...(earlier.size ?? {}) };
      for (const [category, figure] of Object.entries(c.size)) {
        if (figure === undefined) continue;
        if (figure === null) {
          size[category] = null;
          continue;
        }
        const quantity = figure.quantity ?? (reading.size as Record<string, SizeFigure | undefined>)[category]?.quantity;
        if (quantity === undefined) {
          throw new MarsadError('bad-parameter', `correction.size.${category}.quantity`, `the machine gives no ${category} figure: name the figure of the text (an index into record.quantities)`);
        }
        if (quantity >= doc.record.quantities.length) {
          throw new MarsadError('bad-parameter', `correction.size.${category}.quantity`, `the document has ${doc.record.quantities.length} figures (0 to ${doc.record.quantities.length - 1}), not ${quantity}`);
        }
        size[category] = { value: figure.value ?? null, low: figure.low ?? null, high: figure.high ?? null, qualifier: figure.qualifier ?? null, quantity };
      }
      next.size = size as EventCorrection['size'];
    }
    // A field given its machine value is no correction.
    for (const key of Object.keys(next) as (keyof EventCorrection)[]) {
      if (key === 'size') {
        const size = { ...(next.size ?? {}) } as Record<string, SizeFigure | null>;
        const machineSize = reading.size as Record<string, SizeFigure | undefined>;
        for (const [category, figure] of Object.entries(size)) {
          if ((figure === null && machineSize[category] === undefined) || (figure !== null && sameJson(figure, machineSize[category]))) delete size[category];
        }
        if (Object.keys(size).length === 0) delete next.size;
        else next.size = size;
      } else if (sameJson(next[key], reading[key as keyof EventReading])) delete next[key];
    }
    correction = next;
  }
  // What the review keeps to show the event if a newer pipeline drops it.
  for (const id of [...machine.actor, ...machine.recipient, ...(machine.place ? [machine.place] : [])]) {
    if (!entities.has(id)) {
      const info = await entityInfo(store, doc.record, id);
      if (info) entities.set(id, info);
    }
  }
  const quantities: Record<string, { start: number; end: number }> = {};
  for (const i of [...machine.quantities, ...Object.values(machine.size ?? {}).map((f) => f!.quantity)]) {
    const q = doc.machine.quantities[i];
    if (q && index < doc.machine.events.length) quantities[String(i)] = { start: q.start, end: q.end };
  }
  const context: ReviewContext = { entities: [...entities.values()], quantities: index < doc.machine.events.length ? quantities : (previous?.context.quantities ?? {}) };
  const verdict = input.verdict === 'correct' && Object.keys(correction).length === 0 ? 'accept' : input.verdict;
  const stored = await store.addReview({
    document: documentId,
    target: 'event',
    anchor,
    verdict,
    correction: verdict === 'correct' ? correction : null,
    machine,
    context,
    reviewer: name,
    note: input.note ?? null,
  });
  const after = await reviewedDocument(store, documentId);
  const at = after.anchors.findIndex((a) => anchorKey('event', a) === anchorKey('event', anchor));
  return { review: publicReview(stored), event: after.record.events[at]!, index: at };
}

/**
 * Records a verdict on an entity mention (by its span): accept, reject, or correct (relink to
 * `correction.entity`).
 * @throws MarsadError `not-found` (document, a span that is no mention), `bad-parameter`, `review-no-reviewer`.
 */
export async function reviewMention(
  store: Store,
  documentId: string,
  body: unknown,
  defaultReviewer?: string | null,
): Promise<{ review: ReturnType<typeof publicReview>; mention: MentionReview }> {
  const input = parseBody(MentionReviewBody, body);
  const name = reviewerOf(input.reviewer, defaultReviewer);
  if (input.end <= input.start) throw new MarsadError('bad-parameter', 'end', `must be after start (${input.start})`);
  if (input.verdict === 'correct' && !input.correction) throw new MarsadError('bad-parameter', 'correction', 'a "correct" verdict names the entity: {"entity": "org:…"}');
  if (input.verdict !== 'correct' && input.correction) throw new MarsadError('bad-parameter', 'correction', `only a "correct" verdict carries a correction, not "${input.verdict}"`);
  const doc = await reviewedDocument(store, documentId);
  const anchor = { start: input.start, end: input.end };
  const machineEntity = doc.machine.entities.find((e) => e.mentions.some((m) => m.start === input.start && m.end === input.end)) ?? null;
  const reviewed = doc.mentionReviews.some((m) => m.start === input.start && m.end === input.end);
  if (!machineEntity && !reviewed) {
    throw new MarsadError('not-found', `mention ${input.start}-${input.end}`, `document ${documentId} has no entity mention at these offsets`);
  }
  const entities: EntityInfo[] = [];
  if (input.correction) {
    const info = await entityInfo(store, doc.record, input.correction.entity);
    if (!info) throw new MarsadError('bad-parameter', 'correction.entity', `"${input.correction.entity}" is no entity of this document or of the store`);
    entities.push(info);
  }
  if (machineEntity) {
    const { mentions: _m, ...info } = machineEntity;
    entities.push(info);
  }
  const stored = await store.addReview({
    document: documentId,
    target: 'mention',
    anchor,
    verdict: input.verdict,
    correction: input.correction ? { entity: input.correction.entity } : null,
    machine: machineEntity ? { entity: machineEntity.id, text: doc.machine.text.slice(input.start, input.end) } : null,
    context: { entities },
    reviewer: name,
    note: input.note ?? null,
  });
  const after = await reviewedDocument(store, documentId);
  return { review: publicReview(stored), mention: after.mentionReviews.find((m) => m.reviewId === stored.id)! };
}

/** Reviews as the API lists them. */
export async function listReviews(store: Store, p: z.output<typeof ReviewsParams>, document?: string) {
  const page: ReviewPage = await store.reviews({
    ...(document !== undefined ? { document, history: true } : { history: p.history === 'true' }),
    ...(p.reviewer !== undefined ? { reviewer: p.reviewer } : {}),
    ...(p.verdict !== undefined ? { verdict: p.verdict } : {}),
    ...(p.target !== undefined ? { target: p.target } : {}),
    limit: p.limit,
    offset: p.offset,
  });
  return { total: page.total, limit: p.limit, offset: p.offset, rows: page.rows.map(publicReview) };
}
