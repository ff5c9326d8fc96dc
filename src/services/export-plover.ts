/**
 * PLOVER JSON Lines: one event a line, with the field names of the PLOVER data-interchange
 * specification (openeventdata/PLOVER, manual draft 0.7b1, chapter "JSON Data Fields"): the
 * required `id`, `date`, `source` and `event`, and the optional `recipient`, `event_loc`,
 * `event_text`, `quad_code`, `mode`, `context`, `text_info`, `cite_info` and `coder`. Actor and
 * location objects use the manual's sub-field names, spelt as it spells them (`identifer_id`,
 * `country code`). What PLOVER has no field for (topics, modality, confidence, the rule, the
 * document id, the figures behind `size`, the folded event it is a report of) is under one `marsad` object, so that it never collides with a PLOVER name.
 *
 * Two departures, both from the record contract: `event` says REQUEST where the 0.7b1 manual
 * says DEMAND (the name POLECAT and ontology.md use), and Marsad's STATEMENT, a plain
 * declaration, has no PLOVER category (its `quad_code` is null; filter it out where a tool
 * needs the sixteen).
 *
 * Offsets in `text_info` are UTF-16 code units into the record's text (as `marsad export
 * --format jsonl` or `GET /api/documents/{id}` give it), half-open: text.slice(start, end).
 */
import { alpha3 } from '../lexicon/gazetteer.js';
import { SIZE_CATEGORIES } from '../extract/record.js';
import type { ArgumentRef, EntityRef, EventRow, PlaceRef } from '../store/store.js';
import { marsadVersion } from '../version.js';

/** A display name: English where the lexicon gives one, else Arabic, else the id. */
export function entityLabel(e: EntityRef): string {
  return e.name.en ?? e.name.ar ?? e.id;
}

/** PLOVER's quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
const QUAD_CODE: Record<string, 1 | 2 | 3 | 4> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

/** PLOVER's sector codes; the actor lexicon's subtypes are drawn from them. */
const SECTORS = new Set([
  'GOV', 'JUD', 'LEG', 'MIL', 'COP', 'OPP', 'PTY', 'REB', 'PRM', 'SPY', 'UAF', 'CVL', 'ELI', 'BUS',
  'EDU', 'MED', 'LAB', 'AGR', 'JRN', 'REF', 'REL', 'SOC', 'CRM',
]);

/** Top-level actor codes PLOVER gives to organisations that belong to no one country. */
const NON_STATE_CODES = new Set(['IGO', 'NGO']);

/**
 * A PLOVER actor object. `code` is the country's ISO alpha-3, IGO / NGO, or IMG (PLOVER's
 * international militarized group) for an armed group of no one country (ISIS, al-Qaeda);
 * `sector` the PLOVER sector; `actor_text` the words of the event's sentence that name it.
 *
 * @example
 * ploverActor(sdf)  // { code: 'SYR', sector: 'MIL', actor_text: 'قسد', identifer_id: 'org:sdf', identifer_text: 'Syrian Democratic Forces', … }
 */
export function ploverActor(a: ArgumentRef) {
  const nonState = a.subtype !== null && NON_STATE_CODES.has(a.subtype);
  return {
    code: nonState ? a.subtype : a.country ? alpha3(a.country) : a.subtype === 'REB' ? 'IMG' : null,
    sector: !nonState && a.subtype !== null && SECTORS.has(a.subtype) ? a.subtype : null,
    actor_text: a.mention?.text ?? null,
    identifer_id: a.id,
    identifer_text: entityLabel(a),
    marsad: { type: a.type, name_ar: a.name.ar, mention_start: a.mention?.start ?? null, mention_end: a.mention?.end ?? null },
  };
}

/** A PLOVER location object (geonames field names) for the event's place. */
function ploverLocation(p: PlaceRef) {
  return {
    name: entityLabel(p),
    alternatenames: p.name.ar,
    latitude: p.geo?.lat ?? null,
    longitude: p.geo?.lon ?? null,
    'country code': p.country,
    cc3: p.country ? alpha3(p.country) : null,
    marsad: { id: p.id, precision: p.geo?.precision ?? null, pcode: p.geo?.pcode ?? null },
  };
}

/**
 * PLOVER's `date` is YYYY-MM-DD. A date the text gives only to the month or the year is written
 * as its first day, as event datasets do; `marsad.date_precision` says which it was and
 * `marsad.date_value` keeps the date as the record has it.
 *
 * @example
 * ploverDate('2024-11')  // "2024-11-01"
 */
export function ploverDate(value: string | null): string | null {
  if (value === null) return null;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return value;
}

/**
 * PLOVER's `size`: what the event cost, category → count (the figure's value, else the low end
 * of a vague one, "عشرات" → 20, as ACLED counts conservatively). Only categories the event's
 * clause gives; `marsad.size` keeps the figures whole.
 *
 * @example
 * ploverSize({ killed: { value: 5, low: null, high: null, qualifier: null, quantity: 0 } })  // { killed: 5 }
 */
export function ploverSize(size: EventRow['size']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of SIZE_CATEGORIES) {
    const f = size?.[c];
    const n = f ? (f.value ?? f.low ?? f.high) : null;
    if (n !== null) out[c] = n;
  }
  return out;
}

/**
 * One event as a PLOVER record.
 *
 * @example
 * ploverEvent(row).text_info  // { start: 52, end: 107, sentence: 'طالب …', trigger: 'طالب', trigger_start: 52, … }
 */
export function ploverEvent(e: EventRow) {
  const coder = `marsad ${marsadVersion()}`;
  return {
    id: `${e.document.id}-${e.id}`,
    date: ploverDate(e.date.value ?? e.document.published),
    source: e.actors.map(ploverActor),
    recipient: e.recipients.map(ploverActor),
    event: [e.type],
    mode: e.mode,
    context: e.contexts,
    quad_code: QUAD_CODE[e.type] ?? null,
    event_loc: e.place ? ploverLocation(e.place) : null,
    size: ploverSize(e.size),
    event_text: [e.sentence.text],
    text_info: {
      start: e.sentence.start,
      end: e.sentence.end,
      sentence: e.sentence.text,
      trigger: e.trigger.text,
      trigger_start: e.trigger.start,
      trigger_end: e.trigger.end,
      content: e.content?.text ?? null,
      content_start: e.content?.start ?? null,
      content_end: e.content?.end ?? null,
      offsets: 'UTF-16 code units into the document text, half-open',
    },
    cite_info: {
      citation: e.document.id,
      url: e.document.url,
      title: e.document.title,
      language: 'ar',
      publication: e.document.outlet,
      coder,
      codebook: 'plover-0.7b1+marsad',
    },
    coder,
    marsad: {
      document_id: e.document.id,
      event_id: e.id,
      event_index: e.index,
      published: e.document.published,
      date_value: e.date.value,
      date_precision: e.date.value ? e.date.precision : e.document.published ? 'published' : null,
      modality: e.modality,
      topics: e.topics,
      confidence: e.confidence,
      rule: e.rule,
      size: e.size,
      fold_id: e.fold?.id ?? null,
      fold_sources: e.fold?.sources ?? null,
    },
  };
}
