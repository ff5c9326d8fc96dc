/**
 * PLOVER JSON Lines: one event a line, with the field names of the PLOVER data-interchange
 * specification (openeventdata/PLOVER, PLOVER_MANUAL.tex, draft 0.8, chapter on JSON fields):
 * the required `id`, `date`, `source` and `event`, and the optional `recipient`, `event_loc`,
 * `event_text`, `quad_code`, `mode` and `context` (lists), `size`, `text_info`, `cite_info` and
 * `coder`. Actor, location, size, text and citation objects use the manual's sub-field names
 * (`identifier_id`, `country code`, `dead`). schema/plover.schema.json checks a line against
 * them. What PLOVER has no field for (topics, modality, confidence, the rule, the document id,
 * the figures behind `size`, the folded event it is a report of) is under one `marsad` object,
 * so that it never collides with a PLOVER name (the manual invites fields beyond its own).
 *
 * Two departures, both from the record contract: `event` says REQUEST where the manual says
 * DEMAND (the name POLECAT and ontology.md use), and Marsad's STATEMENT, a plain declaration,
 * has no PLOVER category (its `quad_code` is null; filter it out where a tool needs the sixteen).
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
export const QUAD_CODE: Record<string, 1 | 2 | 3 | 4> = {
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

/** An actor's PLOVER sector, or null when its subtype is none. */
export function ploverSector(a: ArgumentRef): string | null {
  return a.subtype !== null && !NON_STATE_CODES.has(a.subtype) && SECTORS.has(a.subtype) ? a.subtype : null;
}

/**
 * A PLOVER actor object. `code` is the country's ISO alpha-3, IGO / NGO, or IMG (PLOVER's
 * international militarized group) for an armed group of no one country (ISIS, al-Qaeda);
 * `sector` the PLOVER sector; `actor_text` (and `entity_text`) the words of the event's sentence that name it;
 * `identifier_id` and `identifier_text` Marsad's entity id and name (the manual suggests a
 * Wikidata id; Marsad's lexicon has none).
 *
 * @example
 * ploverActor(sdf)  // { code: 'SYR', sector: 'MIL', actor_text: 'قسد', identifier_id: 'org:sdf', identifier_text: 'Syrian Democratic Forces', … }
 */
export function ploverActor(a: ArgumentRef) {
  const nonState = a.subtype !== null && NON_STATE_CODES.has(a.subtype);
  return {
    code: nonState ? a.subtype : a.country ? alpha3(a.country) : a.subtype === 'REB' ? 'IMG' : null,
    sector: ploverSector(a),
    actor_text: a.mention?.text ?? null,
    // The same words under the name the issue that asked for this export gives the current
    // manual's field (draft 0.8, the newest we could read, names it actor_text).
    entity_text: a.mention?.text ?? null,
    identifier_id: a.id,
    identifier_text: entityLabel(a),
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

/** The size object's field for each of Marsad's categories: the manual's `dead`, `injured`, `arrested`, and two of Marsad's own. */
const SIZE_FIELD: Record<(typeof SIZE_CATEGORIES)[number], string> = {
  killed: 'dead',
  injured: 'injured',
  detained: 'arrested',
  displaced: 'displaced',
  returned: 'returned',
};

/**
 * PLOVER's size object: what the event cost, as counts (the figure's value, else the low end
 * of a vague one, "عشرات" → 20, as ACLED counts conservatively), under the manual's names
 * (`dead`, `injured`, `arrested`) and, for the displaced and the returned, which the manual
 * leaves to providers, Marsad's. Only categories the event's clause gives; `marsad.size`
 * keeps the figures whole.
 *
 * @example
 * ploverSize({ killed: { value: 5, low: null, high: null, qualifier: null, quantity: 0 } })  // { dead: 5 }
 */
export function ploverSize(size: EventRow['size']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of SIZE_CATEGORIES) {
    const f = size?.[c];
    const n = f ? (f.value ?? f.low ?? f.high) : null;
    if (n !== null) out[SIZE_FIELD[c]] = n;
  }
  return out;
}

/** The manual's special contexts that carry an event's modality. */
const MODALITY_CONTEXT: Record<EventRow['modality'], string | null> = {
  asserted: null,
  negated: 'negation',
  future: 'future',
  hypothetical: 'hypothetical',
};

/**
 * One event as a PLOVER record.
 *
 * @example
 * ploverEvent(row).text_info  // { start: 52, end: 107, sentence: 'طالب …', trigger: 'طالب', trigger_start: 52, … }
 */
export function ploverEvent(e: EventRow) {
  const coder = `marsad ${marsadVersion()}`;
  const actors = e.actors.map(ploverActor);
  return {
    id: `${e.document.id}-${e.id}`,
    date: ploverDate(e.date.value ?? e.document.published),
    source: actors,
    // The doers again under `actor`, the name a newer manual gives `source` (see docs/exports.md):
    // a consumer of either finds them.
    actor: actors,
    recipient: e.recipients.map(ploverActor),
    event: [e.type],
    mode: e.mode ? [e.mode] : [],
    context: MODALITY_CONTEXT[e.modality] ? [...e.contexts, MODALITY_CONTEXT[e.modality]!] : e.contexts,
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
    },
    cite_info: {
      citation: e.document.id,
      url: e.document.url,
      title: e.document.title,
      language: 'ar',
      publication: e.document.outlet,
      coder,
      codebook: 'plover-0.8+marsad',
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
      // An analyst's review (docs/review.md): the fields above are then the reviewed values.
      reviewed: e.reviewed,
      review: e.review,
    },
  };
}
