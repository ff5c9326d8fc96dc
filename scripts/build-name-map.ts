/**
 * Builds data/ar/names/person-names-en.json (`npm run build:names`): an Arabic → English map of
 * person-name tokens, from the Wikidata name pairs in ../shared/data/wikidata-person-names-en-ar
 * (CC0). For each normalised Arabic token the English spelling seen most often wins
 * ("محمد" → "mohamed"). Tokens with the article ("الحسن") are left out: the English of a new
 * person's name writes the article as "al-" before the English of the rest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataPath, packageRoot } from '../src/lexicon/resources.js';
import { normalizeForm } from '../src/text/normalize.js';

const SOURCE = resolve(packageRoot(), '..', 'shared', 'data', 'wikidata-person-names-en-ar', 'wd_arabic.normalized.aligned.tokens');
const best = new Map<string, { en: string; count: number }>();
let read = 0;
for (const line of readFileSync(SOURCE, 'utf8').split('\n')) {
  if (!line) continue;
  const [en, arLetters, countText] = line.split('\t');
  read++;
  // English tokens of letters only (some pairs carry dots, digits or accents that are not names).
  if (!en || !arLetters || !/^[a-z][a-z'-]*[a-z]$/u.test(en)) continue;
  const ar = normalizeForm(arLetters.replace(/ /gu, ''));
  if (!/^[\u0621-\u064a]{2,}$/u.test(ar) || ar.startsWith('ال')) continue;
  const count = Number(countText);
  const seen = best.get(ar);
  if (!seen || count > seen.count || (count === seen.count && en < seen.en)) best.set(ar, { en, count });
}
const entries = [...best.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const description =
  'Built by scripts/build-name-map.ts (npm run build:names); do not edit by hand. English spellings of Arabic person-name tokens ' +
  '(pairs of normalised Arabic and the English spelling Wikidata uses most for it, lower case). Source: Wikidata person-name token pairs ' +
  'mined by Amazon (steveash/NETransliteration-COLING2018), CC0 1.0. See README.md beside this file.';
const source = { name: 'Wikidata person-name token pairs (NETransliteration-COLING2018)', licence: 'CC0-1.0', pairs: read };
// One pair a line: small diffs when the source changes. Pairs, not an object: JSON.parse builds
// 44,000 two-string arrays several times faster than an object of 44,000 keys.
const json =
  `{\n  "description": ${JSON.stringify(description)},\n  "source": ${JSON.stringify(source)},\n  "names": [\n` +
  entries.map(([ar, v]) => `[${JSON.stringify(ar)},${JSON.stringify(v.en)}]`).join(',\n') +
  '\n  ]\n}\n';
const file = dataPath(join('ar', 'names', 'person-names-en.json'));
writeFileSync(file, json);
console.log(`wrote ${best.size} name tokens (from ${read} pairs) to ${file}`);
