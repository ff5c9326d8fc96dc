/**
 * English names of people the lexicon does not hold, token by token: the spelling Wikidata
 * uses most for each Arabic name token (data/ar/names/person-names-en.json, built from CC0 name
 * pairs), else a simple consistent romanisation (data/ar/names/romanisation.json).
 * "أحمد الحسن" → "Ahmed al-Hassan".
 */
import { z } from 'zod';
import { loadResource } from '../../lexicon/resources.js';

/** Pairs of strings, checked in one loop (a zod tuple schema spends a quarter second on 44,000 pairs). */
const isStringPairs = (v: unknown): v is [string, string][] =>
  Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');

const NameMapSchema = z.object({
  description: z.string(),
  source: z.object({ name: z.string(), licence: z.string(), pairs: z.number() }),
  names: z.custom<[string, string][]>(isStringPairs, { message: 'a list of [Arabic token, English spelling] pairs' }),
});

const RomanisationSchema = z.object({
  description: z.string(),
  letters: z.record(z.string().length(1), z.string()),
  vowels: z.record(z.string().length(1), z.string()),
  finalHa: z.string(),
  particles: z.record(z.string(), z.string()),
  article: z.string(),
});
type Romanisation = z.infer<typeof RomanisationSchema>;

let names: ReadonlyMap<string, string> | undefined;
let roman: Romanisation | undefined;

/** The Wikidata token map (loaded on first use: only new people need it). */
function nameMap(): ReadonlyMap<string, string> {
  return (names ??= new Map(loadResource('ar/names/person-names-en.json', NameMapSchema).names));
}

function romanisation(): Romanisation {
  return (roman ??= loadResource('ar/names/romanisation.json', RomanisationSchema));
}

const capitalise = (s: string) => s.replace(/^(['-]*)(\p{L})/u, (_, pre: string, c: string) => pre + c.toUpperCase());

/**
 * A consistent romanisation of one normalised Arabic word: long vowels between consonants are
 * read as vowels, an "a" is put between two opening consonants, a final ه (ta marbuta) is "a".
 *
 * @example
 * romanise('مظلوم')  // "mazlum"
 */
export function romanise(word: string): string {
  const r = romanisation();
  const letters = [...word];
  const isVowelAt = (i: number): boolean => {
    const c = letters[i]!;
    if (c === 'ا') return true;
    if (i === 0 && c === 'ع') return true;
    if (c !== 'و' && c !== 'ي') return false;
    const prevConsonant = i > 0 && !isVowelAt(i - 1);
    const nextConsonantOrEnd = i === letters.length - 1 || !['ا', 'و', 'ي'].includes(letters[i + 1]!);
    return prevConsonant && nextConsonantOrEnd;
  };
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!;
    if (i === letters.length - 1 && c === 'ه' && letters.length > 2) {
      out += r.finalHa;
      continue;
    }
    out += isVowelAt(i) ? (i === 0 && c === 'ع' ? 'a' : r.vowels[c] ?? r.letters[c] ?? '') : r.letters[c] ?? '';
    // Two consonants open the word: "فرهاد" → "far…".
    if (i === 0 && letters.length > 2 && !isVowelAt(0) && !isVowelAt(1)) out += 'a';
  }
  return out;
}

/** English of one normalised name token. */
function englishToken(token: string): string {
  const r = romanisation();
  const particle = r.particles[token];
  if (particle) return particle;
  const known = nameMap().get(token);
  if (known) return capitalise(known);
  if (token.startsWith('ال') && token.length > 3) {
    const rest = token.slice(2);
    return r.article + capitalise(nameMap().get(rest) ?? romanise(rest));
  }
  return capitalise(romanise(token));
}

/**
 * Whether a normalised word is a person-name token Wikidata knows ("احمد" yes, "والد" no).
 *
 * @example
 * isKnownNameWord('احمد')  // true
 */
export function isKnownNameWord(word: string): boolean {
  return nameMap().has(word);
}

/**
 * The English name of a person from the normalised tokens of their Arabic name.
 *
 * @example
 * englishPersonName(['ابو', 'علي', 'الحسن'])  // "Abu Ali al-Hassan"
 */
export function englishPersonName(tokens: readonly string[]): string {
  return tokens.map(englishToken).join(' ');
}
