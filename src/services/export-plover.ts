/**
 * PLOVER JSON Lines: one event a line, in the shape of the PLOVER event-data format
 * (openeventdata/PLOVER): `id`, `date`, `event`, `mode`, `context`, `actor`, `recipient`,
 * `location`, and the `text_info` and `cite_info` blocks that tie the event to its text and its
 * source. Marsad adds the entity ids, the modality, the topics and the confidence, and keeps its
 * STATEMENT type for plain declarations (PLOVER has none; filter it out if a tool needs the 16).
 *
 * Offsets in `text_info` are UTF-16 code units into the record's text (as `marsad export
 * --format jsonl` or `GET /api/documents/{id}` give it), half-open: text.slice(start, end).
 */
import type { EntityRef, EventRow } from '../store/store.js';
import { marsadVersion } from '../version.js';

/** A display name: English where the lexicon gives one, else Arabic, else the id. */
export function entityLabel(e: EntityRef): string {
  return e.name.en ?? e.name.ar ?? e.id;
}

/** PLOVER's four groups of categories, from cooperation to conflict (STATEMENT has none). */
const QUAD: Record<string, string> = {
  AGREE: 'verbal_cooperation',
  CONSULT: 'verbal_cooperation',
  SUPPORT: 'verbal_cooperation',
  CONCEDE: 'material_cooperation',
  COOPERATE: 'material_cooperation',
  AID: 'material_cooperation',
  RETREAT: 'material_cooperation',
  REQUEST: 'verbal_conflict',
  ACCUSE: 'verbal_conflict',
  REJECT: 'verbal_conflict',
  THREATEN: 'verbal_conflict',
  PROTEST: 'material_conflict',
  SANCTION: 'material_conflict',
  MOBILIZE: 'material_conflict',
  COERCE: 'material_conflict',
  ASSAULT: 'material_conflict',
};

/**
 * One event as a PLOVER record.
 *
 * @example
 * ploverEvent(row).text_info  // { language: 'ar', sentence: 'طالب …', sentence_start: 52, sentence_end: 107, … }
 */
export function ploverEvent(e: EventRow) {
  const names = (xs: EntityRef[]) => xs.map(entityLabel).join('; ');
  return {
    id: `${e.document.id}-${e.id}`,
    date: e.date.value ?? e.document.published,
    date_precision: e.date.value ? e.date.precision : e.document.published ? 'published' : null,
    event: e.type,
    mode: e.mode ?? '',
    context: e.contexts,
    quad_class: QUAD[e.type] ?? null,
    actor: names(e.actors),
    actor_ids: e.actors.map((a) => a.id),
    actor_names_ar: e.actors.map((a) => a.name.ar),
    recipient: names(e.recipients),
    recipient_ids: e.recipients.map((a) => a.id),
    recipient_names_ar: e.recipients.map((a) => a.name.ar),
    location: e.place
      ? [
          {
            id: e.place.id,
            name: entityLabel(e.place),
            name_ar: e.place.name.ar,
            lat: e.place.geo?.lat ?? null,
            lon: e.place.geo?.lon ?? null,
            precision: e.place.geo?.precision ?? null,
            pcode: e.place.geo?.pcode ?? null,
          },
        ]
      : [],
    modality: e.modality,
    topics: e.topics,
    confidence: e.confidence,
    text_info: {
      language: 'ar',
      sentence: e.sentence.text,
      sentence_start: e.sentence.start,
      sentence_end: e.sentence.end,
      trigger: e.trigger.text,
      trigger_start: e.trigger.start,
      trigger_end: e.trigger.end,
      content: e.content?.text ?? null,
      content_start: e.content?.start ?? null,
      content_end: e.content?.end ?? null,
      offsets: 'UTF-16 code units into the document text, half-open',
    },
    cite_info: {
      document_id: e.document.id,
      event_index: e.index,
      title: e.document.title,
      outlet: e.document.outlet,
      url: e.document.url,
      published: e.document.published,
      coder: `marsad ${marsadVersion()}`,
      rule: e.rule,
    },
  };
}
