/**
 * `marsad export --format gold --out DIR`: the reviewed documents as a test set that
 * `marsad eval --gold DIR/gold --seeds DIR/articles` scores (docs/review.md).
 *
 * Only documents in which every event has a review are written: in a document with unreviewed
 * events, the machine's right but unreviewed events would count against it. A document's gold
 * lists its accepted and corrected events (rejected ones left out), the entities of its
 * reviewed record, and no dates or figures (they are not reviewed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarsadError } from '../errors.js';
import type { GoldDocument } from '../eval/gold.js';
import type { RecordFilter, Store } from '../store/store.js';
import { isListed } from './review-apply.js';
import { reviewedDocument } from './review.js';

export interface GoldExport {
  /** Documents written, with their gold events. */
  readonly written: { id: string; events: number }[];
  /** Reviewed documents left out, with how many of their events have no review. */
  readonly incomplete: { id: string; unreviewed: number; events: number }[];
}

/** Gold plus what the file says of the review behind it (an added field; the scorer ignores it). */
export type ReviewedGold = GoldDocument & {
  review: {
    reviewers: string[];
    events: { accepted: number; corrected: number; rejected: number };
    mentions: number;
    note: string;
  };
};

const BATCH = 500;

/** The ids of documents with at least one review, in id order. */
async function reviewedIds(store: Store): Promise<string[]> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += BATCH) {
    const page = await store.reviews({ limit: BATCH, offset });
    for (const r of page.rows) ids.add(r.document);
    if (page.rows.length < BATCH) break;
  }
  return [...ids].sort();
}

/** The ids of documents matching a filter. */
async function matching(store: Store, filter: RecordFilter): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += BATCH) {
    const page = await store.documents({ filter, limit: BATCH, offset });
    for (const r of page.rows) ids.add(r.id);
    if (page.rows.length < BATCH) return ids;
  }
}

/** One reviewed document as gold, or null when some of its events have no review. */
export async function goldOf(store: Store, id: string): Promise<{ gold: ReviewedGold; text: string } | { unreviewed: number; events: number }> {
  const doc = await reviewedDocument(store, id);
  const { record } = doc;
  const unreviewed = record.events.filter((e) => !e.reviewed).length;
  if (unreviewed > 0) return { unreviewed, events: record.events.length };
  // Each entity by a name no other entity of the document has.
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of record.entities) {
    let label = e.name.en ?? e.name.ar;
    if (taken.has(label)) label = `${label} (${e.id})`;
    taken.add(label);
    labels.set(e.id, label);
  }
  const party = (ids: readonly string[]) => {
    const names = ids.map((i) => labels.get(i) ?? i);
    return names.length === 0 ? null : names.length === 1 ? names[0]! : names;
  };
  const listed = record.events.filter(isListed);
  const gold: ReviewedGold = {
    doc: `${id}.txt`,
    meta: { published: record.published, title: record.title },
    entities: record.entities.map((e) => {
      const forms = [...new Set(e.mentions.map((m) => m.text))];
      return {
        type: e.type,
        en: labels.get(e.id)!,
        forms: forms.length > 0 ? forms : [e.name.ar],
        country: e.country,
        kind: e.subtype,
        geo: e.geo ? ([e.geo.lat, e.geo.lon] as [number, number]) : null,
      };
    }),
    dates: [],
    quantities: [],
    events: listed.map((e) => ({
      type: e.type,
      actor: party(e.actor),
      recipient: party(e.recipient),
      topics: e.topics,
      trigger: e.trigger.text,
      modality: e.modality,
      mode: e.mode,
    })),
    review: {
      reviewers: [...new Set(record.events.map((e) => e.review!.reviewer))].sort(),
      events: {
        accepted: record.events.filter((e) => e.review!.verdict === 'accept').length,
        corrected: record.events.filter((e) => e.review!.verdict === 'correct').length,
        rejected: record.events.filter((e) => e.review!.verdict === 'reject').length,
      },
      mentions: doc.mentionReviews.length,
      note: 'made by marsad export --format gold from an analyst\'s review: events and entities are reviewed; dates and quantities are not listed, so their scores mean nothing here',
    },
  };
  return { gold, text: record.text };
}

/**
 * Writes `DIR/gold/<id>.json` and `DIR/articles/<id>.txt` for every reviewed document (matching
 * the filter) whose every event has a review.
 * @throws MarsadError `output-write` when the folder cannot be written.
 */
export async function exportGold(store: Store, filter: RecordFilter, dir: string): Promise<GoldExport> {
  let ids = await reviewedIds(store);
  if (Object.keys(filter).length > 0) {
    const keep = await matching(store, filter);
    ids = ids.filter((i) => keep.has(i));
  }
  const written: GoldExport['written'] = [];
  const incomplete: GoldExport['incomplete'] = [];
  const goldDir = join(dir, 'gold');
  const articles = join(dir, 'articles');
  try {
    mkdirSync(goldDir, { recursive: true });
    mkdirSync(articles, { recursive: true });
  } catch (error) {
    throw new MarsadError('output-write', dir, (error as Error).message, { cause: error });
  }
  for (const id of ids) {
    const made = await goldOf(store, id);
    if (!('gold' in made)) {
      incomplete.push({ id, ...made });
      continue;
    }
    try {
      writeFileSync(join(goldDir, `${id}.json`), JSON.stringify(made.gold, null, 2) + '\n');
      writeFileSync(join(articles, `${id}.txt`), made.text.endsWith('\n') ? made.text : made.text + '\n');
    } catch (error) {
      throw new MarsadError('output-write', join(dir, id), (error as Error).message, { cause: error });
    }
    written.push({ id, events: made.gold.events.length });
  }
  return { written, incomplete };
}
