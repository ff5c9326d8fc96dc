/**
 * The name lists the tagger's features read, built from ../shared/data at training time and
 * stored in the model file (they must be the same at training and tagging):
 * - Person: tokens of people's names in Arabic script, from Wikidata person labels
 *   (wikidata-person-names-en-ar, CC0): "ميركل", "خوان", "حسين".
 * - Place: Syria's governorates, districts and sub-districts (syria-admin-opensyria, CC BY 4.0)
 *   and Iraq's (iraq-admin-openadmindata, CC BY 4.0), names and Arabic aliases.
 * - Country: country and territory names (countries-ocha-taxonomy, MIT; UN M49/UNTERM names).
 * Every entry is normalised (normalizeForm). Lists hold single tokens: a multi-word place name
 * gives its last word when its first word is a generic one ("ناحية الهول" → "الهول") and is
 * otherwise kept whole only when it is one token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForm } from '../../src/text/normalize.js';
import { parseCsv } from '../csv.js';

export type NameLists = Record<'Person' | 'Place' | 'Country', string[]>;

/** Admin words that precede a place's own name in the official lists. */
const ADMIN_WORDS = new Set(['ناحيه', 'منطقه', 'مركز', 'محافظه', 'قضاء', 'مدينه', 'بلده', 'قريه']);

function placeTokens(name: string): string[] {
  const words = normalizeForm(name).split(/\s+/).filter(Boolean);
  while (words.length > 1 && ADMIN_WORDS.has(words[0]!)) words.shift();
  return words.length === 1 ? words : [];
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v.length >= 2).sort();
}

/**
 * Reads the lists from `../shared/data` (`dataDir`).
 *
 * @example
 * const lists = readNameLists('../shared/data');
 * lists.Country.includes('سوريا')  // true
 */
export function readNameLists(dataDir: string): NameLists {
  const person: string[] = [];
  const names = readFileSync(join(dataDir, 'wikidata-person-names-en-ar', 'wd_arabic.normalized.aligned.tokens'), 'utf8');
  for (const line of names.split('\n')) {
    const arabic = line.split('\t')[1];
    if (!arabic) continue;
    person.push(normalizeForm(arabic.replace(/ /g, '')));
  }

  const place: string[] = [];
  for (const level of ['governorates', 'districts', 'subdistricts']) {
    const rows = JSON.parse(readFileSync(join(dataDir, 'syria-admin-opensyria', `${level}.json`), 'utf8')) as Array<{
      name: { ar: string };
      aliases?: Array<{ value: string; language: string }>;
    }>;
    for (const r of rows) {
      place.push(...placeTokens(r.name.ar));
      for (const a of r.aliases ?? []) if (a.language === 'ar') place.push(...placeTokens(a.value));
    }
  }
  const iraq = JSON.parse(readFileSync(join(dataDir, 'iraq-admin-openadmindata', 'data', 'all-flat.json'), 'utf8')) as {
    data: Array<{ name: { local: string } }>;
  };
  for (const r of iraq.data) place.push(...placeTokens(r.name.local));

  const country: string[] = [];
  const csv = readFileSync(join(dataDir, 'countries-ocha-taxonomy', 'ocha_countries_territories_taxonomy.csv'), 'utf8');
  const [header, ...rows] = parseCsv(csv);
  const columns = ['Arabic Short', 'M49 Arabic'].map((c) => header!.indexOf(c));
  for (const row of rows) {
    for (const c of columns) if (row[c]) country.push(...placeTokens(row[c]!));
  }
  return { Person: sortedUnique(person), Place: sortedUnique(place), Country: sortedUnique(country) };
}
