/**
 * Builds data/ar/places/gazetteer.json (`npm run build:gazetteer`) from:
 *   - ../shared/data/countries-ocha-taxonomy: countries with their Arabic names and centroids (MIT);
 *   - ../shared/data/syria-admin-opensyria: Syria's governorates, districts and sub-districts with
 *     Arabic names, aliases, centroids and P-codes (CC BY 4.0, OpenSyria);
 *   - ../shared/data/iraq-admin-openadmindata: Iraq's governorates, districts and sub-districts
 *     with Arabic names, P-codes and points (CC BY 4.0, Open Admin Data);
 *   - data/ar/places/curated-*.json: our own lists of towns, villages, camps, prisons, crossings,
 *     regions, world capitals and common country names.
 * The product never reads ../shared: the output is committed. The script checks what it writes
 * (unique ids, parents that exist, coordinates inside the country's box, curated points near
 * their governorate) and fails naming the entry.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { geoArea, geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';
import { CuratedFileSchema, DEFAULT_RANK, type CuratedPlace } from '../src/lexicon/gazetteer-sources.js';
import { GazetteerFileSchema, distanceKm, type Place } from '../src/lexicon/gazetteer.js';
import { dataPath, packageRoot } from '../src/lexicon/resources.js';
import { normalizeForm } from '../src/text/normalize.js';
import { parseCsv } from './csv.js';

const SHARED = resolve(packageRoot(), '..', 'shared', 'data');
const OUT = dataPath('ar/places/gazetteer.json');

function fail(where: string, problem: string): never {
  console.error(`build-gazetteer: ${where}: ${problem}`);
  process.exit(1);
}

/** A normalised name, or null when it is not plain Arabic words (Kurdish letters, Latin). */
function arabicForm(s: string): string | null {
  const f = normalizeForm(s.replace(/\([^)]*\)/gu, ' ').replace(/[-_]/gu, ' ')).replace(/\s+/gu, ' ').trim();
  return /^[\u0621-\u064a]+(?: [\u0621-\u064a]+)*$/u.test(f) && f.length >= 2 ? f : null;
}

/** Display name without UN-style parentheses: "إيران (جمهورية - الإسلامية)" → "إيران". */
const plainName = (s: string) => s.replace(/\([^)]*\)/gu, '').replace(/\s+/gu, ' ').trim();

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/['’ʿʾ]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');

const places: Place[] = [];
const byId = new Map<string, Place>();
function add(place: Place, where: string) {
  if (byId.has(place.id)) fail(where, `place id "${place.id}" is used twice`);
  // The display name is a name too (curated ones may carry digits: "الفرقة 17").
  const own = arabicForm(place.ar) ?? normalizeForm(place.ar.replace(/\([^)]*\)/gu, ' ')).replace(/\s+/gu, ' ').trim();
  place.names = [...new Set([own, ...place.names].filter((n) => n.length >= 2))];
  if (place.names.length === 0) fail(where, `${place.id} has no Arabic name`);
  byId.set(place.id, place);
  places.push(place);
}

// ── countries (OCHA taxonomy) ─────────────────────────────────────────────────────────────────

const ochaRows = parseCsv(readFileSync(join(SHARED, 'countries-ocha-taxonomy', 'ocha_countries_territories_taxonomy.csv'), 'utf8'));
const header = ochaRows[0]!;
const col = (name: string) => {
  const i = header.indexOf(name);
  if (i < 0) fail('OCHA taxonomy', `no column "${name}"`);
  return i;
};
const C = {
  iso2: col('ISO 3166-1 Alpha 2-Codes'),
  iso3: col('ISO 3166-1 Alpha 3-Codes'),
  deprecated: col('Deprecated'),
  en: col('English Short'),
  ar: col('Arabic Short'),
  m49ar: col('M49 Arabic'),
  m49: col('m49 numerical code'),
  lat: col('Latitude'),
  lon: col('Longitude'),
};
let countryCount = 0;
for (const r of ochaRows.slice(1)) {
  const cc = r[C.iso2]?.trim();
  if (!cc || r[C.deprecated] === 'Y') continue;
  const ar = plainName(r[C.ar] || r[C.m49ar] || '');
  const lat = Number(r[C.lat]);
  const lon = Number(r[C.lon]);
  if (!ar || !Number.isFinite(lat) || !Number.isFinite(lon) || r[C.lat] === '') continue;
  const names = [r[C.ar], r[C.m49ar]].filter((x): x is string => !!x).map(arabicForm).filter((x): x is string => !!x);
  // Territories named only by a phrase ("الصين، منطقة هونغ كونغ الإدارية الخاصة") are left out.
  if (names.length === 0) continue;
  // Centroids past the antimeridian (Fiji 195.3) are written back into [-180, 180].
  const cc3 = r[C.iso3]?.trim();
  const m49 = /^\d{1,3}$/.test(r[C.m49]?.trim() ?? '') ? r[C.m49]!.trim().padStart(3, '0') : undefined;
  add(
    { id: `loc:${cc.toLowerCase()}`, ar, en: plainName(r[C.en]!), kind: 'country', lat, lon: lon > 180 ? lon - 360 : lon, cc, ...(cc3 ? { cc3 } : {}), ...(m49 ? { m49 } : {}), parent: null, names, rank: 5 },
    `OCHA ${cc}`,
  );
  countryCount++;
}

// ── country points on the country's land (Natural Earth outlines, world-atlas) ──────────────
// OCHA's centroid of a country is the centroid of all its land, which can lie far from where the
// country is: the United States' (with Alaska and Hawaii) is in Montana, New Zealand's and
// Portugal's in the ocean, the Philippines' in Indonesia. A map marker of a country, and the
// coordinates exports give it, must stand on its mainland, near the middle. The check: the point
// lies on the country's land and within 15% of its largest piece's extent (the diagonal of its
// bounding box) from that piece's centroid. Where OCHA's point fails it, the centroid of the
// largest piece is used, or (for a piece whose centroid falls outside it, as Vietnam's does) the
// point inside the piece nearest to its centroid. The outlines are those the web map draws
// (world-atlas countries-50m); a country they lack keeps OCHA's point.
const atlas = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const outlines = (feature(atlas, atlas.objects.countries!) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features;
let countriesMoved = 0;
for (const place of places) {
  if (place.kind !== 'country' || !place.m49) continue;
  const pieces = outlines
    .filter((f) => String(f.id) === place.m49 && f.geometry)
    .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
    .map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  if (pieces.length === 0) continue;
  const main = pieces.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  const centre = geoCentroid(main);
  const [[x0, y0], [x1, y1]] = geoBounds(main);
  const extentKm = geoDistance([x0, y0], [x1, y1]) * 6371;
  const point: [number, number] = [place.lon, place.lat];
  const onLand = pieces.some((piece) => geoContains(piece, point));
  if (onLand && geoDistance(point, centre) * 6371 <= 0.15 * extentKm) continue;
  let best: [number, number] = centre;
  if (!geoContains(main, centre)) {
    // The point inside the piece nearest its centroid, on a 100 × 100 grid over its box.
    const east = x1 < x0 ? x1 + 360 : x1;
    let bestKm = Infinity;
    for (let i = 0; i <= 100; i++) {
      for (let j = 0; j <= 100; j++) {
        const lon = x0 + ((east - x0) * i) / 100;
        const at: [number, number] = [lon > 180 ? lon - 360 : lon, y0 + ((y1 - y0) * j) / 100];
        if (!geoContains(main, at)) continue;
        const km = geoDistance(at, centre) * 6371;
        if (km < bestKm) [best, bestKm] = [at, km];
      }
    }
  }
  place.lon = Math.round(best[0] * 1e4) / 1e4;
  place.lat = Math.round(best[1] * 1e4) / 1e4;
  countriesMoved++;
}

// ── Syria (OpenSyria) ────────────────────────────────────────────────────────────────────────

const OpenSyriaUnit = z.object({
  id: z.string(),
  governorateId: z.string().optional(),
  districtId: z.string().optional(),
  name: z.object({ en: z.string(), ar: z.string() }),
  aliases: z.array(z.object({ value: z.string(), language: z.string(), type: z.string() })),
  centroid: z.object({ latitude: z.number(), longitude: z.number() }),
  externalIds: z.object({ ochaPcode: z.string().optional() }).passthrough(),
});
const readSyria = (file: string) => z.array(OpenSyriaUnit.passthrough()).parse(JSON.parse(readFileSync(join(SHARED, 'syria-admin-opensyria', file), 'utf8')));

/** Arabic aliases of an admin unit, without the admin-word forms ("ناحية X", "مركز X": the cue words are read in context). */
function adminAliases(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const f = arabicForm(v);
    if (!f || /^(ناحيه|محافظه|منطقه|قضاء|مركز) /u.test(f)) continue;
    out.push(f);
  }
  return out;
}

const syriaAdmin: Record<string, string> = {}; // OpenSyria id → place id
const adm1Short = new Map<string, string>(); // "sy:aleppo" → place id
let syriaCount = 0;
for (const [file, level] of [
  ['governorates.json', 1],
  ['districts.json', 2],
  ['subdistricts.json', 3],
] as const) {
  for (const u of readSyria(file)) {
    const short = u.id.replace(/^sy-/u, '');
    const id = `loc:sy:adm${level}:${short}`;
    const parent = level === 1 ? 'loc:sy' : level === 2 ? syriaAdmin[u.governorateId!] : syriaAdmin[u.districtId!];
    if (!parent) fail(`OpenSyria ${file} ${u.id}`, 'parent unit not found');
    const arAliases = u.aliases.filter((a) => a.language === 'ar').map((a) => a.value);
    add(
      {
        id,
        ar: u.name.ar,
        en: u.name.en,
        kind: `admin${level}`,
        lat: u.centroid.latitude,
        lon: u.centroid.longitude,
        cc: 'SY',
        parent,
        ...(u.externalIds.ochaPcode ? { pcode: u.externalIds.ochaPcode } : {}),
        names: /^مركز /u.test(u.name.ar) ? [normalizeForm(u.name.ar)] : adminAliases([u.name.ar, ...arAliases]),
        rank: 4 - level,
      },
      `OpenSyria ${file} ${u.id}`,
    );
    syriaAdmin[u.id] = id;
    if (level === 1) adm1Short.set(`sy:${short}`, id);
    syriaCount++;
  }
}

// ── Iraq (Open Admin Data) ───────────────────────────────────────────────────────────────────

const IraqUnit = z.object({
  id: z.string(),
  level: z.number(),
  name: z.object({ local: z.string(), en: z.string(), slug: z.string() }),
  parent: z.object({ id: z.string() }).passthrough().nullable(),
  geo: z.object({ lat: z.string(), lon: z.string() }),
});
const readIraq = (file: string) =>
  z.array(IraqUnit.passthrough()).parse(JSON.parse(readFileSync(join(SHARED, 'iraq-admin-openadmindata', 'data', file), 'utf8')));
const iraqAdmin: Record<string, string> = {};
let iraqCount = 0;
for (const file of ['all-governorate.json', 'all-district.json', 'all-subdistrict.json']) {
  for (const u of readIraq(file).sort((a, b) => a.id.localeCompare(b.id))) {
    const level = u.level as 1 | 2 | 3;
    let short = slug(u.name.en);
    if (byId.has(`loc:iq:adm${level}:${short}`)) short += '-' + u.id.toLowerCase();
    const id = `loc:iq:adm${level}:${short}`;
    const parent = level === 1 ? 'loc:iq' : iraqAdmin[u.parent!.id];
    if (!parent) fail(`Open Admin Data ${u.id}`, 'parent unit not found');
    add(
      {
        id,
        ar: u.name.local,
        en: u.name.en,
        kind: `admin${level}`,
        lat: Number(u.geo.lat),
        lon: Number(u.geo.lon),
        cc: 'IQ',
        parent,
        pcode: u.id,
        names: /^مركز/u.test(u.name.local) ? [normalizeForm(u.name.local.replace(/^مركز(?=\S)/u, 'مركز '))] : adminAliases([u.name.local]),
        rank: 4 - level,
      },
      `Open Admin Data ${u.id}`,
    );
    iraqAdmin[u.id] = id;
    if (level === 1) adm1Short.set(`iq:${slug(u.name.en)}`, id);
    iraqCount++;
  }
}

// ── our curated lists ────────────────────────────────────────────────────────────────────────

/** Rough boxes of the countries whose places we curate by the hundred: a typo in a coordinate fails the build. */
const BOXES: Record<string, [number, number, number, number]> = {
  SY: [32.3, 35.5, 37.4, 42.5],
  IQ: [29.0, 38.7, 37.5, 48.8],
};

const curatedDir = dataPath('ar/places');
const curatedFiles = readdirSync(curatedDir)
  .filter((f) => /^curated-.*\.json$/u.test(f))
  .sort();
let curatedCount = 0;
const curatedIn = new Map<string, { file: string; place: CuratedPlace }>();
for (const file of curatedFiles) {
  const parsed = CuratedFileSchema.safeParse(JSON.parse(readFileSync(join(curatedDir, file), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(`data/ar/places/${file}`, `${issue.path.join('.')}: ${issue.message}`);
  }
  for (const c of parsed.data.countries) {
    const country = byId.get(`loc:${c.cc.toLowerCase()}`);
    if (!country) fail(`data/ar/places/${file}`, `country ${c.cc} is not in the OCHA taxonomy`);
    if (c.ar) country.ar = c.ar;
    if (c.en) country.en = c.en;
    country.names = [...new Set([arabicForm(country.ar)!, ...country.names, ...c.alt])];
  }
  for (const p of parsed.data.places) {
    const where = `data/ar/places/${file} ${p.id}`;
    const ccPart = p.id.split(':')[1]!;
    const cc = ccPart === 'world' ? null : ccPart.toUpperCase();
    if (cc && !byId.has(`loc:${ccPart}`)) fail(where, `no country "${cc}" in the gazetteer`);
    const box = cc ? BOXES[cc] : undefined;
    if (box && !(p.at[0] >= box[0] && p.at[0] <= box[2] && p.at[1] >= box[1] && p.at[1] <= box[3])) fail(where, `[${p.at}] is outside ${cc}`);
    add(
      {
        id: p.id,
        ar: p.ar,
        en: p.en,
        kind: p.kind,
        lat: p.at[0],
        lon: p.at[1],
        cc,
        parent: cc ? `loc:${ccPart}` : null,
        names: p.alt ?? [],
        rank: p.rank ?? DEFAULT_RANK[p.kind],
      },
      where,
    );
    curatedIn.set(p.id, { file, place: p });
    curatedCount++;
  }
}
// Parents last: a curated place may lie in another curated place (a camp in a town).
for (const [id, { file, place }] of curatedIn) {
  if (!place.in) continue;
  const where = `data/ar/places/${file} ${id}`;
  const cc = id.split(':')[1]!;
  const parentId = place.in.startsWith('loc:') ? place.in : adm1Short.get(`${cc}:${place.in}`);
  const parent = parentId ? byId.get(parentId) : undefined;
  if (!parent) fail(where, `"in": "${place.in}" is neither a place id nor a governorate of ${cc.toUpperCase()} (${[...adm1Short.keys()].filter((k) => k.startsWith(cc + ':')).map((k) => k.slice(3)).join(', ')})`);
  // A point more than 250 km from the centre of what it lies in is a typo in the coordinates or the parent.
  const far = distanceKm(place.at[0], place.at[1], parent.lat, parent.lon);
  if (parent.kind !== 'country' && far > 250) fail(where, `[${place.at}] is ${Math.round(far)} km from its parent ${parent.id}`);
  byId.get(id)!.parent = parent.id;
}

// A town that shares its name with an admin unit of its country is at least as prominent as the
// unit named after it: "خانقين" is the town before the district.
const unitRank = new Map<string, number>();
for (const p of places) if (p.kind.startsWith('admin')) for (const n of p.names) unitRank.set(`${p.cc}|${n}`, Math.max(unitRank.get(`${p.cc}|${n}`) ?? 0, p.rank));
for (const id of curatedIn.keys()) {
  const p = byId.get(id)!;
  if (p.kind !== 'city') continue;
  for (const n of p.names) p.rank = Math.max(p.rank, unitRank.get(`${p.cc}|${n}`) ?? 0);
}

// ── write ────────────────────────────────────────────────────────────────────────────────────

const inSyriaIraq = places.filter((p) => p.cc === 'SY' || p.cc === 'IQ').length;
const output = {
  description:
    'Built by scripts/build-gazetteer.ts (npm run build:gazetteer); do not edit by hand. Every place Marsad can geocode: ' +
    `${places.length} places, ${inSyriaIraq} in Syria and Iraq. Names are normalised forms; lat/lon in degrees; rank is the prior ` +
    'among places of the same name (0 hamlet … 5 country). Sources and licences: see README.md beside this file and NOTICE.',
  sources: [
    { name: 'OCHA Countries & Territories Taxonomy (hdx-python-country)', licence: 'MIT', url: 'https://github.com/OCHA-DAP/hdx-python-country', places: countryCount },
    { name: 'OpenSyria Data Geography: governorates, districts, sub-districts', licence: 'CC BY 4.0', url: 'https://github.com/Open-Syria/data-geography', places: syriaCount },
    { name: 'Open Admin Data: Iraq administrative divisions', licence: 'CC BY 4.0', url: 'https://github.com/open-admin-data/iraq-administrative-divisions', places: iraqCount },
    { name: 'Marsad curated places (data/ar/places/curated-*.json)', licence: 'MIT', url: 'data/ar/places/curated-*.json', places: curatedCount },
  ],
  places,
};
const checked = GazetteerFileSchema.safeParse(output);
if (!checked.success) {
  const issue = checked.error.issues[0]!;
  const at = issue.path[0] === 'places' ? places[issue.path[1] as number]?.id : '';
  fail('output', `${at} ${issue.path.join('.')}: ${issue.message}`);
}
// One place a line: small diffs when a place changes.
const json =
  '{\n' +
  `  "description": ${JSON.stringify(output.description)},\n` +
  `  "sources": [\n${output.sources.map((s) => '    ' + JSON.stringify(s)).join(',\n')}\n  ],\n` +
  `  "places": [\n${places.map((p) => '    ' + JSON.stringify(p)).join(',\n')}\n  ]\n}\n`;
writeFileSync(OUT, json);
console.log(`wrote ${places.length} places (${inSyriaIraq} in Syria and Iraq; ${curatedCount} curated; ${countriesMoved} country points moved onto their mainland) to ${OUT}`);
