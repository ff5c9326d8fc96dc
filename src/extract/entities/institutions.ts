/**
 * State institutions the lexicon lacks, built by rule from `data/ar/institutions.json`: a head
 * noun of an institution and a country, in one of three shapes,
 * - the head and a nationality adjective: "الشرطة الفلبينية", "وزارة الداخلية السعودية",
 *   "الجيش الليبي", "الخارجية البحرينية" (a ministry left unsaid);
 * - an indefinite head and a country's name: "حكومة العراق", "حكومة مملكة البحرين";
 * - a local body and ب + a place: "المجلس العسكري بصبراتة".
 * Nationality adjectives are made from the gazetteer's one-word country names by pattern
 * (سوريا → السوري/السورية, الفلبين → الفلبيني/الفلبينية), plus the data's irregular ones.
 * Each institution is an ORG with its sector and country, id `org:<cc>:<kind>` (or
 * `org:<cc>:<place>:<kind>` for a local body), the same in every article; where the lexicon
 * holds it as `org:<cc>-<kind>` ("org:jo-government"), that actor.
 *
 * Then, in the gaps: a ministry named without a country ("وزارة الداخلية") is an ORG too (the
 * one of that kind the article has named with its country, if any), and a definite noun that
 * refers back ("الوزارة", "الشرطة", "الادعاء العام") is a mention of the one institution of
 * its kind the article has named before it. A noun of nationality alone ("الأسواق التركية")
 * or a head alone ("الجيش") builds nothing. A lexicon name over the same words wins.
 */
import { z } from 'zod';
import { ACTOR_SECTORS, loadActors, type Actor, type ActorSector } from '../../lexicon/actors.js';
import { NormalizedFormSchema } from '../../lexicon/forms.js';
import { loadGazetteer, type Place } from '../../lexicon/gazetteer.js';
import { loadResource } from '../../lexicon/resources.js';
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics } from '../../text/clitics.js';
import { TokenKind } from '../../text/tokenize.js';
import { lowerBound } from '../lookup.js';
import { newEntityId } from './link.js';
import type { NameMatch } from './match.js';
import type { NameIndex, TrieNode } from './name-index.js';

const Forms = z.array(NormalizedFormSchema).default([]);

/** The file of institution heads (its description says what each field is). */
export const InstitutionsSchema = z
  .object({
    description: z.string(),
    heads: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
          en: z.string().min(2),
          sector: z.enum(ACTOR_SECTORS),
          forms: z.array(NormalizedFormSchema).min(1),
          elliptic: Forms,
          plain: Forms,
          genitive: Forms,
          local: z.boolean().default(false),
          named: Forms,
          refs: Forms,
          adjectival: z.boolean().default(false),
          bare: Forms,
          complement: z.boolean().default(false),
        })
        .strict(),
    ),
    demonyms: z.object({ overrides: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(NormalizedFormSchema)), exclude: Forms }).strict(),
    modifiers: Forms,
    notAfter: Forms,
    adjectives: z.object({ exclude: Forms, also: Forms }).strict(),
    forcesOf: Forms,
  })
  .strict();
type InstitutionsFile = z.infer<typeof InstitutionsSchema>;
type Head = InstitutionsFile['heads'][number];

interface HeadForm {
  readonly tokens: readonly string[];
  readonly head: Head;
  /** A ministry left unsaid ("الخارجيه"): feminine adjective only, never after a title. */
  readonly elliptic: boolean;
  /** Takes no modifier before the adjective. */
  readonly plain: boolean;
  /** The gender its adjective must have (a one-word head, by its ending); null: either. */
  readonly feminine: boolean | null;
}

/** The institution rules, indexed by first word. */
export interface InstitutionRules {
  /** Definite head phrases that take a nationality adjective, by first token. */
  readonly definite: ReadonlyMap<string, readonly HeadForm[]>;
  /** Indefinite heads that take a country's name. */
  readonly genitive: ReadonlyMap<string, readonly HeadForm[]>;
  /** Ministries named without a country. */
  readonly named: ReadonlyMap<string, readonly HeadForm[]>;
  /** Back-references, by first token. */
  readonly refs: ReadonlyMap<string, readonly HeadForm[]>;
  /** Forms naming the institution of the article's country when no other of the kind is named. */
  readonly bare: ReadonlyMap<string, readonly HeadForm[]>;
  /** Nationality adjective (with the article) → country and gender. */
  readonly demonyms: ReadonlyMap<string, { cc: string; feminine: boolean }>;
  readonly modifiers: ReadonlySet<string>;
  readonly notAfter: ReadonlySet<string>;
  /** Adjectives never part of a party's name, and adjectives of names that are no nisba. */
  readonly adjectiveExclude: ReadonlySet<string>;
  readonly adjectiveAlso: ReadonlySet<string>;
  /** Nouns making a government's name its armed forces ("قوات"). */
  readonly forcesOf: ReadonlySet<string>;
  /** Every word a head or reference form starts with: a word whose readings hold none starts nothing. */
  readonly starts: ReadonlySet<string>;
  /** The last three letters of every start, as one number: a quick test before any string is made. */
  readonly endings: ReadonlySet<number>;
  /** English country names by code. */
  readonly countryEn: ReadonlyMap<string, string>;
}

/**
 * The nisbas of a one-word country name, without the article: سوريا → سوري, السعوديه → سعودي,
 * الفلبين → فلبيني, فرنسا → فرنسي. A name with ال gives the nisba with and without it, since
 * the letters may be the article (العراق → عراقي) or the name's own (المانيا → الماني).
 *
 * @example
 * nisbasOf('المانيا')  // ['الماني', 'ماني']
 */
export function nisbasOf(name: string): string[] {
  if (name.includes(' ')) return [];
  const stems = name.startsWith('ال') && name.length > 4 ? [name, name.slice(2)] : [name];
  const out: string[] = [];
  for (let stem of stems) {
    if (stem.endsWith('يا') || stem.endsWith('يه')) stem = stem.slice(0, -1);
    else if (stem.endsWith('ا') || stem.endsWith('ه')) stem = stem.slice(0, -1) + 'ي';
    else if (!stem.endsWith('ي')) stem += 'ي';
    if (stem.length >= 3) out.push(stem);
  }
  return out;
}

/** The three letters of `s` before `end`, as one number (every start has at least three). */
const ending = (s: string, end: number) => (s.charCodeAt(end - 3) * 65536 + s.charCodeAt(end - 2)) * 65536 + s.charCodeAt(end - 1);

/** Whether a noun or adjective is feminine by its ending ("الشرطه", "القوات"; "الجيش" is not). */
const isFeminine = (w: string) => w.endsWith('ه') || w.endsWith('ات');

function byFirst(forms: Iterable<HeadForm>): Map<string, HeadForm[]> {
  const out = new Map<string, HeadForm[]>();
  for (const f of forms) {
    const list = out.get(f.tokens[0]!) ?? [];
    list.push(f);
    out.set(f.tokens[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return out;
}

/**
 * Builds the rules from the data and the gazetteer's countries.
 *
 * @example
 * compileInstitutions(data, places).demonyms.get('الفلبينيه')  // { cc: 'PH', feminine: true }
 */
export function compileInstitutions(data: InstitutionsFile, places: readonly Place[]): InstitutionRules {
  const nisbas = new Map<string, string | null>();
  const add = (nisba: string, cc: string) => {
    const seen = nisbas.get(nisba);
    nisbas.set(nisba, seen === undefined || seen === cc ? cc : null); // two countries: ambiguous
  };
  const countryEn = new Map<string, string>();
  const exclude = new Set(data.demonyms.exclude);
  for (const p of places) {
    if (p.kind !== 'country' || !p.cc) continue;
    countryEn.set(p.cc, p.en);
    for (const name of p.names) {
      for (const n of nisbasOf(name)) if (!exclude.has(n)) add(n, p.cc);
    }
  }
  for (const [cc, list] of Object.entries(data.demonyms.overrides)) for (const n of list) add(n, cc);
  const demonyms = new Map<string, { cc: string; feminine: boolean }>();
  for (const [n, cc] of nisbas) {
    if (!cc) continue;
    demonyms.set('ال' + n, { cc, feminine: false });
    demonyms.set('ال' + n + 'ه', { cc, feminine: true });
  }
  const formsOf = (pick: (h: Head) => readonly string[], elliptic = false) =>
    data.heads.flatMap((head) => pick(head).map((f) => ({ tokens: f.split(' '), head, elliptic: elliptic || head.elliptic.includes(f), plain: head.plain.includes(f), feminine: f.includes(' ') ? null : isFeminine(f) })));
  const starts = new Set<string>();
  for (const head of data.heads) for (const f of [...head.forms, ...head.genitive, ...head.named, ...head.refs, ...head.bare]) starts.add(f.split(' ')[0]!);
  const endings = new Set<number>();
  for (const w of starts) endings.add(ending(w, w.length));
  return {
    starts,
    endings,
    definite: byFirst(formsOf((h) => h.forms)),
    genitive: byFirst(formsOf((h) => h.genitive)),
    named: byFirst(formsOf((h) => h.named)),
    refs: byFirst(formsOf((h) => h.refs)),
    bare: byFirst(formsOf((h) => h.bare)),
    demonyms,
    modifiers: new Set(data.modifiers),
    notAfter: new Set(data.notAfter),
    adjectiveExclude: new Set(data.adjectives.exclude),
    adjectiveAlso: new Set(data.adjectives.also),
    forcesOf: new Set(data.forcesOf),
    countryEn,
  };
}

let cached: InstitutionRules | undefined;

/** The shipped rules (built once). */
export function institutionRules(): InstitutionRules {
  return (cached ??= compileInstitutions(loadResource('ar/institutions.json', InstitutionsSchema), loadGazetteer().places));
}

const isWord = (doc: AnalyzedText, i: number) => i < doc.tokens.count && doc.tokens.kinds[i] === TokenKind.Word;

const NONE: readonly { lookup: string; offset: number; proclitics: string[] }[] = [];
const startCache = new Map<string, readonly { lookup: string; offset: number; proclitics: string[] }[]>();

/**
 * The readings of a word that start a head or reference form; none for most words, found
 * without the clitic analysis when no ending of the word (less at most three letters, or that
 * with the article) is such a start. Cached.
 */
function startReadings(word: string, rules: InstitutionRules) {
  let hit = startCache.get(word);
  if (hit) return hit;
  let possible = false;
  for (let k = 0; k <= 3 && k < word.length - 1 && !possible; k++) {
    const rest = word.slice(k);
    possible = rules.starts.has(rest) || rules.starts.has('ال' + rest);
  }
  hit = possible ? readings(word).filter((r) => rules.starts.has(r.lookup)) : NONE;
  if (hit.length === 0) hit = NONE;
  if (startCache.size > 200_000) startCache.clear();
  startCache.set(word, hit);
  return hit;
}

/** Readings of a word without a future prefix (lookup form and offset of the stem), cached. */
const readingCache = new Map<string, { lookup: string; offset: number; proclitics: string[] }[]>();
function readings(word: string) {
  let hit = readingCache.get(word);
  if (!hit) {
    if (readingCache.size > 100_000) readingCache.clear();
    hit = analyzeClitics(word)
      .filter((a) => !a.proclitics.includes('س'))
      .map((a) => ({ lookup: a.lookup, offset: a.offset, proclitics: [...a.proclitics] }));
    readingCache.set(word, hit);
  }
  return hit;
}

/** Whether tokens from `i` spell `tokens` (the first through its clitic readings); the reading used. */
function spells(doc: AnalyzedText, i: number, tokens: readonly string[], first: { lookup: string }): boolean {
  if (first.lookup !== tokens[0]) return false;
  for (let k = 1; k < tokens.length; k++) if (!isWord(doc, i + k) || doc.tokens.norm(i + k) !== tokens[k]) return false;
  return true;
}

/** The longest place form of the index starting at token `i` (first word given), with its places. */
function placeAt(doc: AnalyzedText, index: NameIndex, i: number, firstWord: string, kinds: (p: Place) => boolean): { end: number; places: Place[] } | null {
  let node: TrieNode | undefined = index.root.get(firstWord);
  let j = i;
  let best: { end: number; places: Place[] } | null = null;
  while (node) {
    const places = (node.targets ?? []).flatMap((t) => (t.kind === 'place' && kinds(t.place) ? [t.place] : []));
    const actor = (node.targets ?? []).some((t) => t.kind === 'actor');
    if (places.length > 0 && !actor) best = { end: j + 1, places };
    j++;
    if (!node.next || !isWord(doc, j)) break;
    node = node.next.get(doc.tokens.norm(j));
  }
  return best;
}

interface Found {
  firstToken: number;
  endToken: number;
  offset: number;
  proclitics: number;
  head: Head;
  cc: string | null;
  /** A local body's place. */
  place: Place | null;
  kind: 'full' | 'named' | 'ref';
  /** The head form of a ministry named without a country; a party's whole name. */
  form?: string;
}

const slug = (place: Place) => place.id.split(':').at(-1)!;

function idOf(f: { head: Head; cc: string | null; place: Place | null; form?: string }): string {
  // A body known by its own name (a party, "المرصد العراقي للحريات الصحفية"): an id of its name, as for new names.
  if ((f.head.adjectival || f.head.complement) && f.form) return newEntityId('ORG', f.form);
  if (f.place) return `org:${(f.place.cc ?? 'xx').toLowerCase()}:${slug(f.place)}:${f.head.id}`;
  return f.cc ? `org:${f.cc.toLowerCase()}:${f.head.id}` : `org:${f.head.id}`;
}

/**
 * The institutions of an article, as name matches with actors made for them, to join the
 * lexicon matches (`matches`, whose actor names win over an institution on the same words).
 * Place matches inside an institution ("العراق" of "حكومة العراق") are dropped from the result.
 *
 * @example
 * findInstitutions(analyzeText('قالت الشرطة الفلبينية إن ...'), [], nameIndex()).map(m => m.targets[0].actor.id)  // ['org:ph:police']
 */
export function findInstitutions(doc: AnalyzedText, matches: readonly NameMatch[], index: NameIndex, rules: InstitutionRules = institutionRules()): NameMatch[] {
  const t = doc.tokens;
  // The words that may start a head or a reference (one look per token; the loops below visit only these).
  const starters: number[] = [];
  const startsAt: (readonly { lookup: string; offset: number; proclitics: string[] }[])[] = [];
  const text = t.source.text;
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] !== TokenKind.Word) continue;
    // A proclitic only comes before a word: a start ends the token, so its last three letters do.
    const end = t.nEnds[i]!;
    if (end - t.nStarts[i]! < 3 || !rules.endings.has(ending(text, end))) continue;
    const rs = startReadings(t.norm(i), rules);
    if (rs.length > 0) starters.push(i), startsAt.push(rs);
  }
  if (starters.length === 0) return [];

  const taken = new Uint8Array(t.count);
  for (const m of matches) if (m.targets.some((x) => x.kind !== 'place')) for (let k = m.firstToken; k < m.endToken; k++) taken[k] = 1;
  const free = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (taken[k] || !isWord(doc, k)) return false;
    return true;
  };
  const after = (i: number) => (i > 0 && isWord(doc, i - 1) ? readings(t.norm(i - 1)).some((r) => rules.notAfter.has(r.lookup)) : false);

  const found: Found[] = [];
  // ── full names: head + nationality, head + country, local body + ب + place ──
  for (let s = 0; s < starters.length; s++) {
    const i = starters[s]!;
    if (taken[i]) continue;
    let best: Found | null = null;
    for (const r of startsAt[s]!) {
      const consider = (f: Found) => {
        if (free(f.firstToken, f.endToken) && (!best || f.endToken > best.endToken)) best = f;
      };
      const base = { firstToken: i, offset: r.offset, proclitics: r.proclitics.filter((p) => p !== 'ال').length, place: null, kind: 'full' as const };
      for (const hf of rules.definite.get(r.lookup) ?? []) {
        if (!spells(doc, i, hf.tokens, r)) continue;
        if (hf.head.adjectival) {
          // "الحزب الاشتراكي", "الجبهه الشعبيه": the head and its nisba adjectives name a party.
          let j = i + hf.tokens.length;
          let own = false;
          for (; j < i + hf.tokens.length + 3 && isWord(doc, j); j++) {
            const w = t.norm(j);
            const adjective = w.startsWith('ال') && ((w.length > 4 && /يه?$/u.test(w)) || rules.adjectiveAlso.has(w)) && !rules.adjectiveExclude.has(w);
            if (!adjective || (hf.feminine !== null && w !== 'الحر' && isFeminine(w) !== hf.feminine)) break;
            own ||= !rules.demonyms.has(w);
          }
          if (own) {
            const keys: string[] = [r.lookup];
            for (let k = i + 1; k < j; k++) keys.push(t.norm(k));
            consider({ ...base, endToken: j, head: hf.head, cc: null, kind: 'named', form: keys.join(' ') });
          }
          continue;
        }
        let j = i + hf.tokens.length;
        for (let m = 0; m < (hf.plain ? 0 : 2) && isWord(doc, j) && rules.modifiers.has(t.norm(j)); m++) j++;
        if (!isWord(doc, j)) continue;
        const d = rules.demonyms.get(t.norm(j));
        if (d && hf.head.complement) {
          // "المرصد العراقي للحريات الصحفية": ل + the body's field, and the words of it that follow.
          const field = isWord(doc, j + 1) ? readings(t.norm(j + 1)).find((x) => x.proclitics[0] === 'ل' && x.lookup.length > 2) : undefined;
          if (field) {
            let end = j + 2;
            while (end < j + 5 && isWord(doc, end) && /^و?ال/u.test(t.norm(end))) end++;
            const keys = [r.lookup];
            for (let k = i + 1; k < end; k++) keys.push(t.norm(k));
            consider({ ...base, endToken: end, head: hf.head, cc: d.cc, kind: 'named', form: keys.join(' ') });
          }
          continue;
        }
        const agrees = d && (hf.elliptic ? d.feminine && !after(i) : hf.feminine === null || hf.feminine === d.feminine);
        if (d && agrees) consider({ ...base, endToken: j + 1, head: hf.head, cc: d.cc });
        if (hf.head.local && !d) {
          // "المجلس العسكري بصبراتة": ب + a place that is no country.
          for (const pr of readings(t.norm(j))) {
            if (pr.proclitics.length !== 1 || pr.proclitics[0] !== 'ب') continue;
            const at = placeAt(doc, index, j, pr.lookup, (p) => p.kind !== 'country' && p.kind !== 'region');
            if (!at) continue;
            const place = [...at.places].sort((a, b) => b.rank - a.rank)[0]!;
            consider({ ...base, endToken: at.end, head: hf.head, cc: place.cc, place });
          }
        }
      }
      if (r.proclitics.includes('ال')) continue;
      for (const hf of rules.genitive.get(r.lookup) ?? []) {
        if (!spells(doc, i, hf.tokens, r)) continue;
        const j = i + hf.tokens.length;
        if (!isWord(doc, j)) continue;
        const at = placeAt(doc, index, j, t.norm(j), (p) => p.kind === 'country');
        if (at) consider({ ...base, endToken: at.end, head: hf.head, cc: at.places[0]!.cc });
      }
    }
    if (best) {
      const b: Found = best;
      found.push(b);
      for (let k = b.firstToken; k < b.endToken; k++) taken[k] = 1;
    }
  }
  const fullIds = new Map<string, Found[]>(); // head id → institutions of that kind named
  for (const f of found) {
    const list = fullIds.get(f.head.id) ?? [];
    if (!list.some((g) => idOf(g) === idOf(f))) list.push(f);
    fullIds.set(f.head.id, list);
  }

  // The article's country: the one most of its place names lie in, clearly ahead of any other
  // (computed when a bare head asks for it).
  let homeMemo: string | null | undefined;
  const homeCountry = (): string | null => {
    if (homeMemo !== undefined) return homeMemo;
    const perCountry = new Map<string, number>();
    for (const m of matches) {
      // Only names of one country count: "سان خوسيه" could be in several.
      const places = m.targets.flatMap((x) => (x.kind === 'place' ? [x.place] : []));
      const cc = places[0]?.cc;
      if (!cc || places.some((p) => p.cc !== cc)) continue;
      perCountry.set(cc, (perCountry.get(cc) ?? 0) + 1);
    }
    const ranked = [...perCountry].sort((a, b) => b[1] - a[1]);
    return (homeMemo = ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] >= 2 * ranked[1]![1]) ? ranked[0]![0] : null);
  };

  // ── ministries named without a country, and back-references, in the gaps ──
  const lexiconRefs = new Set<string>(); // ref forms of lexicon organisations the article names
  for (const m of matches) if (m.targets.some((x) => x.kind === 'ref')) lexiconRefs.add(m.form);
  // Per reference form, the institutions named in full that it may refer to, in reading order
  // (as `found` is), with the count of distinct ids among the first k: looked up by binary
  // search for each reference instead of a filter of every institution of the article.
  const referable = new Map<string, { found: Found[]; at: number[]; distinct: number[] }>();
  const referableBy = (form: string) => {
    let r = referable.get(form);
    if (!r) {
      r = { found: [], at: [], distinct: [] };
      const ids = new Set<string>();
      for (const f of found) {
        if (!f.head.refs.includes(form)) continue;
        ids.add(idOf(f));
        r.found.push(f);
        r.at.push(f.firstToken);
        r.distinct.push(ids.size);
      }
      referable.set(form, r);
    }
    return r;
  };
  const later: Found[] = [];
  for (let s = 0; s < starters.length; s++) {
    const i = starters[s]!;
    if (taken[i]) continue;
    let best: Found | null = null;
    for (const r of startsAt[s]!) {
      const base = { firstToken: i, offset: r.offset, proclitics: r.proclitics.filter((p) => p !== 'ال').length, place: null };
      for (const hf of rules.named.get(r.lookup) ?? []) {
        if (!spells(doc, i, hf.tokens, r) || !free(i, i + hf.tokens.length)) continue;
        if (best && best.endToken >= i + hf.tokens.length) continue;
        const same = fullIds.get(hf.head.id) ?? [];
        // The one ministry of that kind the article names with its country; or one without a country.
        if (same.length > 1) continue;
        best = { ...base, endToken: i + hf.tokens.length, head: hf.head, cc: same[0]?.cc ?? null, place: same[0]?.place ?? null, kind: 'named', form: hf.tokens.join(' ') };
      }
      for (const hf of rules.bare.get(r.lookup) ?? []) {
        if (!spells(doc, i, hf.tokens, r) || !free(i, i + hf.tokens.length)) continue;
        if (best && best.endToken >= i + hf.tokens.length) continue;
        if (lexiconRefs.has(hf.tokens.join(' ')) || (fullIds.get(hf.head.id) ?? []).length > 0) continue;
        const home = homeCountry();
        if (home) best = { ...base, endToken: i + hf.tokens.length, head: hf.head, cc: home, place: null, kind: 'ref' };
      }
      for (const hf of rules.refs.get(r.lookup) ?? []) {
        if (!spells(doc, i, hf.tokens, r) || !free(i, i + hf.tokens.length)) continue;
        if (best && best.endToken >= i + hf.tokens.length) continue;
        if (lexiconRefs.has(hf.tokens.join(' '))) continue;
        // The one institution that this noun can refer to, named before it.
        const form = hf.tokens.join(' ');
        // found.filter((f) => f.firstToken < i && f.head.refs.includes(form)): its distinct ids and first, indexed.
        const referable = referableBy(form);
        const n = lowerBound(referable.at, i);
        if (n === 0 || referable.distinct[n - 1] !== 1) continue;
        const f = referable.found[0]!;
        best = { ...base, endToken: i + hf.tokens.length, head: f.head, cc: f.cc, place: f.place, kind: 'ref', ...(f.form ? { form: f.form } : {}) };
      }
    }
    if (best) {
      const b: Found = best;
      later.push(b);
      for (let k = b.firstToken; k < b.endToken; k++) taken[k] = 1;
    }
  }

  // ── actors and matches ──
  const all = [...found, ...later].sort((a, b) => a.firstToken - b.firstToken);
  const actors = new Map<string, Actor>();
  const out: NameMatch[] = [];
  // "قوات حكومة الوفاق": the forces of a government the lexicon names are one ORG of their own.
  const forcesAt = new Set(starters.filter((_, k) => startsAt[k]!.some((r) => rules.forcesOf.has(r.lookup))));
  for (const m of forcesAt.size > 0 ? matches : []) {
    if (!forcesAt.has(m.firstToken - 1)) continue;
    const gov = m.targets.find((x) => x.kind === 'actor' && x.actor.type === 'ORG' && x.actor.subtype === 'GOV');
    const h = m.firstToken - 1;
    if (!gov || gov.kind !== 'actor' || m.proclitics > 0 || h < 0 || !isWord(doc, h) || taken[h]) continue;
    if (matches.some((x) => x.firstToken <= h && h < x.endToken)) continue;
    const r = readings(t.norm(h)).find((x) => rules.forcesOf.has(x.lookup) && !x.proclitics.includes('ال'));
    if (!r) continue;
    const id = `${gov.actor.id}:forces`;
    const actor: Actor = actors.get(id) ?? {
      id,
      type: 'ORG',
      subtype: 'MIL',
      country: gov.actor.country,
      name: { ar: `${t.norm(h).slice(r.offset)} ${gov.actor.name.ar}`, en: `${gov.actor.name.en} forces` },
      aliases: [],
      refs: [],
      short: [],
      cued: [],
      parent: gov.actor.id,
      roles: [],
    };
    actors.set(id, actor);
    out.push({ ...m, firstToken: h, start: doc.normalized.startOf(t.nStarts[h]! + r.offset), form: `${r.lookup} ${m.form}`, targets: [{ kind: 'actor', actor }], proclitics: r.proclitics.length });
  }
  for (const f of all) {
    // A ministry named without a country is the article's own: an id of its name, as for new names.
    const id = f.kind === 'named' && !f.cc && f.form ? newEntityId('ORG', f.form) : idOf(f);
    const start = doc.normalized.startOf(t.nStarts[f.firstToken]! + f.offset);
    const end = t.end(f.endToken - 1);
    // The lexicon's own actor for it, where the lexicon names it by the same convention ("org:jo-government").
    let actor = actors.get(id) ?? (f.cc && !f.place ? loadActors().byId.get(`org:${f.cc.toLowerCase()}-${f.head.id}`) : undefined);
    if (!actor) {
      const where = f.place ? f.place.en : f.cc ? (rules.countryEn.get(f.cc) ?? f.cc) : null;
      actor = {
        id,
        type: 'ORG',
        subtype: f.head.sector as ActorSector,
        country: f.cc,
        name: { ar: doc.text.slice(start, end), en: where ? `${where} ${f.head.en}` : f.head.en },
        aliases: [],
        refs: [],
        short: [],
        cued: [],
        roles: [],
      };
      actors.set(id, actor);
    }
    const keys: string[] = [];
    for (let k = f.firstToken; k < f.endToken; k++) keys.push(t.norm(k));
    out.push({
      firstToken: f.firstToken,
      endToken: f.endToken,
      start,
      end,
      form: keys.join(' '),
      targets: [{ kind: 'actor', actor }],
      cueKinds: null,
      proclitics: f.proclitics,
    });
  }
  return out;
}

/**
 * The lexicon matches with the institutions added, places inside an institution dropped.
 *
 * @example
 * withInstitutions(doc, findNames(doc, nameIndex()), nameIndex())
 */
export function withInstitutions(doc: AnalyzedText, matches: readonly NameMatch[], index: NameIndex, rules?: InstitutionRules): NameMatch[] {
  const extra = findInstitutions(doc, matches, index, rules);
  if (extra.length === 0) return matches as NameMatch[];
  const covered = new Uint8Array(doc.tokens.count);
  for (const m of extra) for (let k = m.firstToken; k < m.endToken; k++) covered[k] = 1;
  const kept = matches.filter((m) => {
    for (let k = m.firstToken; k < m.endToken; k++) if (covered[k]) return false;
    return true;
  });
  return [...kept, ...extra].sort((a, b) => a.firstToken - b.firstToken);
}
