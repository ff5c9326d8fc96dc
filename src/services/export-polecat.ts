/**
 * The POLECAT-shaped TSV: one row per event under the header of POLECAT's weekly data files
 * (Event ID … Version), so that code written for POLECAT reads Marsad's events. Several values
 * in one cell are joined by "; " as POLECAT joins them. Columns Marsad cannot fill (Event
 * Intensity, the COW codes, titles, Wikipedia ids, GeoNames ids, the story's entity lists) are
 * empty; docs/exports.md ("polecat") has the table.
 */
import type { ArgumentRef, EventRow } from '../store/store.js';
import { alpha3, loadGazetteer } from '../lexicon/gazetteer.js';
import { marsadVersion } from '../version.js';
import { adminUnits, countryName } from './export-acled.js';
import { ploverDate, ploverSector, QUAD_CODE } from './export-plover.js';

/** POLECAT's columns, in its files' order. */
export const POLECAT_COLUMNS = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Event Intensity', 'Quad Code', 'Contexts',
  'Actor Name', 'Actor Country', 'Actor COW', 'Primary Actor Sector', 'Actor Sectors', 'Actor Title', 'Actor Name Raw', 'Wikipedia Actor ID',
  'Recipient Name', 'Recipient Country', 'Recipient COW', 'Primary Recipient Sector', 'Recipient Sectors', 'Recipient Title', 'Recipient Name Raw', 'Wikipedia Recipient ID',
  'Placename', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude', 'GeoNames ID', 'Raw Placename', 'Feature Type',
  'Source', 'Publication Date', 'Story People', 'Story Organizations', 'Story Locations', 'Language', 'Version',
] as const;

/**
 * One TSV field. Tabs and line breaks become spaces (a TSV row is one line); a field with a
 * double quote is quoted, the quote doubled, as pandas, R and Python's csv read it.
 *
 * @example
 * tsvField('قال "نعم"')  // '"قال ""نعم"""'
 */
export function tsvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value).replace(/[\t\r\n]+/g, ' ');
  return s.includes('"') ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const name = (a: { name: { ar: string | null; en: string | null }; id: string }) => a.name.en ?? a.name.ar ?? a.id;
const join = (xs: readonly (string | null)[]) => xs.filter((x): x is string => x !== null && x !== '').join('; ');
const countryOf = (a: ArgumentRef) => (a.country ? alpha3(a.country) : null);

/** The kinds of place a town or village is, for POLECAT's City. */
const TOWNS = new Set(['city', 'village', 'neighbourhood', 'camp']);

/** One event's cells, in POLECAT_COLUMNS order. */
export function polecatCells(e: EventRow): (string | number | null)[] {
  const units = e.place ? adminUnits(e.place.id) : null;
  const kind = e.place ? (loadGazetteer().byId.get(e.place.id)?.kind ?? null) : null;
  const sectors = (xs: ArgumentRef[]) => xs.map(ploverSector);
  return [
    `${e.document.id}-${e.id}`,
    ploverDate(e.date.value ?? e.document.published),
    e.type,
    e.mode,
    null,
    QUAD_CODE[e.type] ?? null,
    join(e.contexts),
    join(e.actors.map(name)),
    join(e.actors.map(countryOf)),
    null,
    sectors(e.actors)[0] ?? null,
    join(sectors(e.actors)),
    null,
    join(e.actors.map((a) => a.mention?.text ?? null)),
    null,
    join(e.recipients.map(name)),
    join(e.recipients.map(countryOf)),
    null,
    sectors(e.recipients)[0] ?? null,
    join(sectors(e.recipients)),
    null,
    join(e.recipients.map((a) => a.mention?.text ?? null)),
    null,
    e.place ? name(e.place) : null,
    e.place && kind !== null && TOWNS.has(kind) ? name(e.place) : null,
    units?.admin2?.en ?? null,
    units?.admin1?.en ?? null,
    units?.country?.en ?? countryName(e.place?.country ?? null),
    e.place?.geo?.lat ?? null,
    e.place?.geo?.lon ?? null,
    null,
    e.place?.name.ar ?? null,
    kind,
    e.document.outlet,
    e.document.published,
    null,
    null,
    null,
    'ar',
    // POLECAT's header has no column for it: a reviewed event says so in Version (docs/exports.md).
    e.reviewed ? `marsad ${marsadVersion()}; reviewed` : `marsad ${marsadVersion()}`,
  ];
}
