/**
 * The ACLED-shaped CSV: one row per event, with the column names and order of ACLED's data
 * export (event_id_cnty … timestamp) and its conventions where Marsad knows enough to follow
 * them: a full `event_date` with `time_precision` 1–3, `geo_precision` 1–3, `fatalities` as a
 * count (0 when none is reported), actors named in `actor1` / `assoc_actor_1` with `; ` between
 * several, `interaction` as the two inter codes, lowest first. docs/exports.md ("acled") has
 * the column table, the PLOVER → ACLED type table and the columns left empty.
 *
 * An event dated only to the year (or undated, in an article whose publication date is unknown or
 * only a year) has no ACLED date, ACLED's coarsest precision being the month: it is left out
 * and counted (the `onSkip` callback of exportChunks).
 */
import type { ArgumentRef, EventRow } from '../store/store.js';
import { alpha3, loadGazetteer, type Place } from '../lexicon/gazetteer.js';

/** ACLED's columns, in the order of its data export. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/**
 * An event's ACLED date: the day with time_precision 1; a month as its 15th (ACLED codes an
 * event known only to the month at the month's mid-point) with time_precision 3. An event the
 * text dates by neither takes its article's publication date (the day, or a month's 15th) with
 * time_precision 3: the act is told, not dated, so ACLED's loosest precision. Null when only a
 * year is known.
 *
 * @example
 * acledDate({ value: '2024-11', precision: 'month' }, null)  // { date: '2024-11-15', precision: 3 }
 */
export function acledDate(date: EventRow['date'], published: string | null): { date: string; precision: 1 | 2 | 3 } | null {
  const value = date.value ?? published;
  if (value === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value, precision: date.value !== null ? 1 : 3 };
  if (/^\d{4}-\d{2}$/.test(value)) return { date: `${value}-15`, precision: 3 };
  return null;
}

/** Sectors of armed actors: a strike on one of them is a battle, not violence against civilians. */
const ARMED = new Set(['MIL', 'REB', 'COP', 'PRM', 'UAF', 'SPY']);
/** Sectors of unarmed people. */
const CIVILIAN = new Set(['CVL', 'REF', 'JRN', 'MED', 'EDU', 'REL', 'LAB', 'AGR', 'BUS', 'SOC']);

export interface AcledType {
  readonly disorder: string;
  readonly type: string;
  readonly sub: string;
}

const type = (disorder: string, t: string, sub: string): AcledType => ({ disorder, type: t, sub });
const VIOLENCE = 'Political violence';
const STRATEGIC = 'Strategic developments';

/**
 * ACLED's disorder type, event type and sub-event type for a PLOVER event, where the mapping is
 * defensible (docs/exports.md, "acled", has the table); null where ACLED has no type for it
 * (statements, demands, accusations, meetings, aid …) or the event is not asserted (ACLED codes
 * only what happened: negated, future and hypothetical events get no type).
 *
 * @example
 * acledType(row)  // { disorder: 'Political violence', type: 'Explosions/Remote violence', sub: 'Air/drone strike' }
 */
export function acledType(e: Pick<EventRow, 'type' | 'mode' | 'modality' | 'recipients'>): AcledType | null {
  if (e.modality !== 'asserted') return null;
  switch (e.type) {
    case 'ASSAULT': {
      if (e.mode === 'aerial' || e.mode === 'drone') return type(VIOLENCE, 'Explosions/Remote violence', 'Air/drone strike');
      if (e.mode === 'heavy-weapons') return type(VIOLENCE, 'Explosions/Remote violence', 'Shelling/artillery/missile attack');
      if (e.mode === 'explosives') return type(VIOLENCE, 'Explosions/Remote violence', 'Remote explosive/landmine/IED');
      const sectors = e.recipients.map((r) => r.subtype);
      if (sectors.some((s) => s !== null && ARMED.has(s))) return type(VIOLENCE, 'Battles', 'Armed clash');
      if (sectors.length > 0 && sectors.every((s) => s !== null && CIVILIAN.has(s))) return type(VIOLENCE, 'Violence against civilians', 'Attack');
      return null;
    }
    case 'COERCE':
      if (e.mode === 'arrest') return type(STRATEGIC, STRATEGIC, 'Arrests');
      if (e.mode === 'abduct') return type(VIOLENCE, 'Violence against civilians', 'Abduction/forced disappearance');
      return type(STRATEGIC, STRATEGIC, 'Other');
    case 'PROTEST':
      if (e.mode === 'riot') return type('Demonstrations', 'Riots', 'Violent demonstration');
      return type('Demonstrations', 'Protests', 'Peaceful protest');
    case 'AGREE':
      return type(STRATEGIC, STRATEGIC, 'Agreement');
    case 'RETREAT':
    case 'MOBILIZE':
      return type(STRATEGIC, STRATEGIC, 'Other');
    default:
      return null;
  }
}

/**
 * ACLED's inter code of an actor: 1 state forces (a state's government, military, police,
 * judiciary, intelligence), 2 rebel groups, 3 political militias, 7 civilians, 8 external/other
 * forces (international organisations); null where the sector says none of these.
 */
export function acledInter(a: ArgumentRef): number | null {
  const s = a.subtype;
  if (s === null) return null;
  if (['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY'].includes(s)) return a.country ? 1 : null;
  if (s === 'REB') return 2;
  if (s === 'PRM') return 3;
  if (CIVILIAN.has(s)) return 7;
  if (s === 'IGO' || s === 'NGO') return 8;
  return null;
}

/** ACLED's interaction: the two inter codes as one number, lowest first; one actor alone: its code and 0. */
export function acledInteraction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null) return null;
  if (inter2 === null) return inter1 * 10;
  const [lo, hi] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return lo * 10 + hi;
}

/** ACLED's geo_precision: 1 a town or point, 2 a part of a region (a district or sub-district), 3 a larger region, a province or a country. */
export function acledGeoPrecision(precision: string | null | undefined): 1 | 2 | 3 | null {
  if (!precision) return null;
  if (precision === 'point') return 1;
  if (precision === 'admin3' || precision === 'admin2') return 2;
  return 3;
}

/** The admin units a place lies in (itself included, when it is one), from the gazetteer's parents. */
export function adminUnits(placeId: string): { admin1: Place | null; admin2: Place | null; admin3: Place | null; country: Place | null } {
  const out = { admin1: null as Place | null, admin2: null as Place | null, admin3: null as Place | null, country: null as Place | null };
  const { byId } = loadGazetteer();
  let p = byId.get(placeId);
  for (let guard = 0; p && guard < 10; guard++) {
    if (p.kind === 'admin1' || p.kind === 'admin2' || p.kind === 'admin3' || p.kind === 'country') out[p.kind] ??= p;
    p = p.parent ? byId.get(p.parent) : undefined;
  }
  return out;
}

/** The English name of a country (ISO alpha-2) from the gazetteer. */
export function countryName(cc: string | null): string | null {
  return cc ? (loadGazetteer().byId.get(`loc:${cc.toLowerCase()}`)?.en ?? null) : null;
}

const name = (a: { name: { ar: string | null; en: string | null }; id: string }) => a.name.en ?? a.name.ar ?? a.id;

/** One event as an ACLED row (cells in ACLED_COLUMNS order); null when it has no ACLED date. */
export function acledCells(e: EventRow): (string | number | null)[] | null {
  const when = acledDate(e.date, e.document.published);
  if (!when) return null;
  const kind = acledType(e);
  const [actor1, ...assoc1] = e.actors;
  const [actor2, ...assoc2] = e.recipients;
  const inter1 = actor1 ? acledInter(actor1) : null;
  const inter2 = actor2 ? acledInter(actor2) : null;
  const units = e.place ? adminUnits(e.place.id) : null;
  const cc = e.place?.country ?? null;
  const cc3 = cc ? alpha3(cc) : null;
  const k = e.size?.killed;
  // ACLED writes 0 where no death is reported; empty only for events stored before `size` was.
  const killed = e.size ? (k ? (k.value ?? k.low ?? k.high ?? 0) : 0) : null;
  return [
    `${cc3 ?? 'XXX'}-${e.document.id}-${e.id}`,
    when.date,
    Number(when.date.slice(0, 4)),
    when.precision,
    kind?.disorder ?? null,
    kind?.type ?? null,
    kind?.sub ?? null,
    actor1 ? name(actor1) : null,
    assoc1.map(name).join('; '),
    inter1,
    actor2 ? name(actor2) : null,
    assoc2.map(name).join('; '),
    inter2,
    acledInteraction(inter1, inter2),
    kind?.type === 'Violence against civilians' ? 'Civilian targeting' : null,
    null, // iso: ACLED's numeric country code; the gazetteer has no numeric codes
    null, // region: ACLED's own world regions
    units?.country?.en ?? countryName(cc),
    units?.admin1?.en ?? null,
    units?.admin2?.en ?? null,
    units?.admin3?.en ?? null,
    e.place ? name(e.place) : null,
    e.place?.geo?.lat ?? null,
    e.place?.geo?.lon ?? null,
    acledGeoPrecision(e.place?.geo?.precision),
    e.document.outlet,
    null, // source_scale: ACLED's judgement of the outlet's reach
    e.sentence.text,
    killed,
    // tags: ACLED's free notes on the row; "reviewed" when an analyst reviewed the event (docs/review.md).
    e.reviewed ? `reviewed by ${e.review!.reviewer}` : null,
    // timestamp: when the row last changed (ACLED: Unix seconds): the review's time.
    e.review ? Math.floor(Date.parse(e.review.at) / 1000) : null,
  ];
}
