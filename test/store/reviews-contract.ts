/**
 * The contract of reviews (docs/review.md), engine-neutral: reviews are appended and the latest
 * of a target counts; events, filters, folds and lists read the reviewed values; rejected
 * events leave them; a newer pipeline's record gets the reviews back by their anchors, and a
 * correction whose machine event is gone is kept. Called from `storeContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord, Event } from '../../src/extract/record.js';
import { eventAnchors, type EventCorrection, type ReviewRow } from '../../src/services/review-apply.js';
import { reviewedDocument } from '../../src/services/review.js';
import type { NewReview, Store } from '../../src/store/store.js';
import { storyRecords } from '../helpers/records.js';

export function reviewsContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract, reviews: ${name}`, () => {
    let store: Store;
    const { a, b } = storyRecords();
    beforeEach(async () => {
      store = await open();
      for (const r of [a, b]) await store.saveDocument(r, { origin: r.source.path!, outlet: r.source.outlet ?? null }, null);
    });
    afterEach(async () => {
      await store.close();
    });

    const eventReview = (record: DocumentRecord, i: number, verdict: NewReview['verdict'], correction: EventCorrection | null = null, reviewer = 'Lina'): NewReview => ({
      document: record.id,
      target: 'event',
      anchor: eventAnchors(record.events)[i]!,
      verdict,
      correction,
      machine: record.events[i]!,
      context: {},
      reviewer,
      note: null,
    });
    const docEvents = async (id: string) => (await store.events({ filter: { document: id }, sort: 'date', limit: 50, offset: 0 })).rows.sort((x, y) => x.index - y.index);

    it('a correction changes what events, filters and folds read; the machine record stays as it was', async () => {
      const stored = await store.addReview(eventReview(a, 0, 'correct', { recipient: ['org:tr-forces'], date: { value: '2024-12-04', precision: 'day' } }));
      expect(stored).toMatchObject({ document: a.id, target: 'event', verdict: 'correct', reviewer: 'Lina', current: true });
      expect(stored.id).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(stored.at))).toBe(false);

      const row = (await docEvents(a.id)).find((e) => e.index === 0)!;
      expect(row.recipients.map((r) => r.id)).toEqual(['org:tr-forces']);
      expect(row.recipients[0]!.name.en).toBe('Turkish forces');
      expect(row.date).toEqual({ value: '2024-12-04', precision: 'day' });
      expect(row.reviewed).toBe(true);
      expect(row.review).toMatchObject({ verdict: 'correct', reviewer: 'Lina', corrected: ['recipient', 'date'], detached: false });
      expect(row.review!.machine.recipient).toEqual(['org:coalition']);
      // The other event of the document is unreviewed.
      expect((await docEvents(a.id)).find((e) => e.index === 1)).toMatchObject({ reviewed: false, review: null });

      const byRecipient = async (id: string) => (await store.events({ filter: { recipient: id }, sort: 'date', limit: 50, offset: 0 })).rows.map((e) => `${e.document.id}#${e.index}`);
      expect(await byRecipient('org:tr-forces')).toEqual([`${a.id}#0`]);
      expect(await byRecipient('org:coalition')).toEqual([]);
      const inRange = await store.events({ filter: { from: '2024-12-04', to: '2024-12-04' }, sort: 'date', limit: 50, offset: 0 });
      expect(inRange.rows.map((e) => e.index)).toEqual([0]);
      expect(await store.getDocument(a.id)).toEqual(a);
    });

    it('a corrected type moves the event in type filters, the timeline and the folds', async () => {
      await store.addReview(eventReview(b, 1, 'correct', { type: 'THREATEN' }));
      const types = (await docEvents(b.id)).map((e) => e.type).sort();
      expect(types).toEqual(['COERCE', 'THREATEN']);
      expect((await store.events({ filter: { eventType: 'ACCUSE' }, sort: 'date', limit: 50, offset: 0 })).total).toBe(0);
      const timeline = await store.timeline({ document: b.id });
      expect(timeline.map((t) => t.type).sort()).toEqual(['COERCE', 'THREATEN']);
      const folds = await store.folds({ filter: { eventType: 'THREATEN' }, sort: 'date', limit: 10, offset: 0 });
      expect(folds.rows.map((f) => f.type)).toEqual(['THREATEN']);
    });

    it('a rejected event leaves lists, the network and the timeline; accepting it again brings it back', async () => {
      await store.addReview(eventReview(a, 0, 'reject'));
      expect((await docEvents(a.id)).map((e) => e.index)).toEqual([1]);
      expect((await store.network({ document: a.id }, 10)).length).toBe(0);
      expect((await store.timeline({ document: a.id, eventType: 'REQUEST' })).length).toBe(0);
      await store.addReview(eventReview(a, 0, 'accept', null, 'Omar'));
      const back = (await docEvents(a.id)).find((e) => e.index === 0)!;
      expect(back.review).toMatchObject({ verdict: 'accept', reviewer: 'Omar', corrected: [] });
      expect((await store.network({ document: a.id }, 10)).map((e) => e.recipient.id)).toEqual(['org:coalition']);
    });

    it('keeps every review; the latest of a target counts, and lists filter by reviewer, verdict and target', async () => {
      const first = await store.addReview(eventReview(a, 1, 'reject'));
      const second = await store.addReview(eventReview(a, 1, 'accept', null, 'Omar'));
      await store.addReview(eventReview(b, 0, 'accept'));
      const current = await store.reviews({ limit: 10, offset: 0 });
      expect(current.total).toBe(2);
      expect(current.rows.map((r) => r.id)).toEqual([second.id + 1, second.id]);
      expect(current.rows.every((r) => r.current)).toBe(true);
      const history = await store.reviews({ document: a.id, history: true, limit: 10, offset: 0 });
      expect(history.rows.map((r) => [r.id, r.verdict, r.current])).toEqual([[second.id, 'accept', true], [first.id, 'reject', false]]);
      expect((await store.reviews({ reviewer: 'Omar', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([second.id]);
      expect((await store.reviews({ verdict: 'reject', limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.reviews({ verdict: 'reject', history: true, limit: 10, offset: 0 })).total).toBe(1);
      expect((await store.reviews({ target: 'mention', limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.reviews({ limit: 1, offset: 1 })).rows.map((r) => r.id)).toEqual([second.id]);
      // What was stored comes back as given.
      const row = history.rows[1]! as ReviewRow;
      expect(row.anchor).toEqual(eventAnchors(a.events)[1]);
      expect(row.machine).toEqual(a.events[1]);
    });

    it('refuses a review of a document it does not hold', async () => {
      await expect(store.addReview({ ...eventReview(a, 0, 'accept'), document: '00000000000000ff' })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('a newer pipeline\'s record gets the reviews back by anchor; a correction whose event is gone is kept', async () => {
      await store.addReview(eventReview(b, 0, 'correct', { recipient: [] }));
      await store.addReview(eventReview(b, 1, 'correct', { actor: ['org:isis'], recipient: ['org:sdf'] }));
      // The newer pipeline finds a new event first (shifting the others) and drops the ACCUSE.
      const extra: Event = { ...b.events[0]!, id: 'ev-new', type: 'STATEMENT', trigger: { ...b.events[1]!.trigger }, sentence: { ...b.events[1]!.sentence } };
      const newer: DocumentRecord = { ...b, events: [extra, b.events[0]!], pipeline: { ...b.pipeline, version: 'test+2' } };
      expect(await store.saveDocument(newer, { origin: b.source.path! }, null)).toBe('updated');
      const rows = await docEvents(b.id);
      const byIndex = new Map(rows.map((e) => [e.index, e]));
      expect(byIndex.get(0)).toMatchObject({ type: 'STATEMENT', reviewed: false });
      expect(byIndex.get(1)).toMatchObject({ type: 'COERCE', recipients: [], reviewed: true, review: { verdict: 'correct', detached: false } });
      // The ACCUSE is gone from the machine's record: the analyst's reading stays, after it.
      expect(byIndex.get(2)).toMatchObject({ type: 'ACCUSE', reviewed: true, review: { verdict: 'correct', detached: true } });
      expect(byIndex.get(2)!.actors.map((x) => x.id)).toEqual(['org:isis']);
      expect(byIndex.get(2)!.recipients.map((x) => x.id)).toEqual(['org:sdf']);
      expect((await store.events({ filter: { actor: 'org:isis' }, sort: 'date', limit: 10, offset: 0 })).rows.map((e) => e.index)).toEqual([2]);
      // The service view agrees, and the machine record is the newer one.
      const doc = await reviewedDocument(store, b.id);
      expect(doc.record.events.map((e) => [e.type, e.review?.detached ?? null])).toEqual([['STATEMENT', null], ['COERCE', false], ['ACCUSE', true]]);
      expect(await store.getDocument(b.id)).toEqual(newer);
    });

    it('a review follows its event when a newer pipeline grows the trigger span; a newer review of that event wins', async () => {
      await store.addReview(eventReview(b, 0, 'correct', { recipient: [] }));
      const grown = { ...b.events[0]!, trigger: { start: b.events[0]!.trigger.start, end: b.events[0]!.trigger.end + 4, text: b.text.slice(b.events[0]!.trigger.start, b.events[0]!.trigger.end + 4) } };
      const newer: DocumentRecord = { ...b, events: [grown, b.events[1]!], pipeline: { ...b.pipeline, version: 'test+2' } };
      await store.saveDocument(newer, { origin: b.source.path! }, null);
      let rows = await docEvents(b.id);
      expect(rows.map((e) => [e.index, e.type, e.recipients.length, e.review?.detached ?? null])).toEqual([[0, 'COERCE', 0, false], [1, 'ACCUSE', 1, null]]);
      // A review of the event as it now reads (its new anchor) supersedes the old one.
      await store.addReview(eventReview(newer, 0, 'accept', null, 'Omar'));
      rows = await docEvents(b.id);
      expect(rows.map((e) => [e.index, e.recipients.length, e.review?.reviewer ?? null])).toEqual([[0, 1, 'Omar'], [1, 1, null]]);
    });

    it('a rejected mention leaves its entity and a relinked one moves to the entity named', async () => {
      const mention = a.entities.find((e) => e.id === 'org:coalition')!.mentions[0]!;
      const stored = await store.addReview({
        document: a.id, target: 'mention', anchor: { start: mention.start, end: mention.end }, verdict: 'correct',
        correction: { entity: 'org:isis' }, machine: { entity: 'org:coalition', text: mention.text },
        context: { entities: [{ id: 'org:isis', type: 'ORG', subtype: 'REB', name: { ar: 'داعش', en: 'ISIS' }, country: null, geo: null }] },
        reviewer: 'Lina', note: 'test',
      });
      expect(stored.anchor).toEqual({ start: mention.start, end: mention.end });
      const doc = await reviewedDocument(store, a.id);
      const isis = doc.record.entities.find((e) => e.id === 'org:isis')!;
      expect(isis.mentions.map((m) => m.text)).toEqual([mention.text]);
      expect(doc.mentionReviews).toEqual([expect.objectContaining({ start: mention.start, entity: 'org:isis', machineEntity: 'org:coalition', verdict: 'correct', note: 'test' })]);
      const profile = await store.entity('org:isis', 10);
      expect(profile?.mentionRows.map((m) => m.document.id)).toContain(a.id);
    });
  });
}
