/**
 * Finding lexicon names in an analysed article: every form of the name index that starts at a
 * token, read through the clitic analysis of its first token ("وبحلب" → "حلب", "للتحالف" →
 * "التحالف"), then the longest non-overlapping ones, so that a place inside an organisation's
 * name belongs to the organisation ("سوريا" in "قوات سوريا الديمقراطية").
 *
 * Context decides what a match may be: names that are also common words need a cue (see
 * context.ts), cued aliases need their cue in the sentence, and partial names and generic
 * back-references count only once the article has named their actor in full.
 */
import type { PlaceKind } from '../../lexicon/gazetteer.js';
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics } from '../../text/clitics.js';
import { TokenKind } from '../../text/tokenize.js';
import { sentenceAt } from '../lookup.js';
import { entityContext, type EntityContext } from './context.js';
import type { NameIndex, NameTarget, TrieNode } from './name-index.js';

/** One name found in the text. */
export interface NameMatch {
  /** Token range [firstToken, endToken). */
  readonly firstToken: number;
  readonly endToken: number;
  /** Offsets into the record text: the name without the proclitics of its first word. */
  readonly start: number;
  readonly end: number;
  /** The normalised form found. */
  readonly form: string;
  /** What the form names here, once context has ruled some readings out. */
  readonly targets: readonly NameTarget[];
  /** Kinds of place announced by the cue just before it ("مدينة" → city); null without a cue. */
  readonly cueKinds: readonly PlaceKind[] | null;
  /** Number of proclitics taken off its first word. */
  readonly proclitics: number;
}

interface Reading {
  readonly node: TrieNode;
  readonly offset: number;
  readonly proclitics: number;
}

const NO_READINGS: readonly Reading[] = [];
/** Readings of a token whose lookup form starts a name; cached by the token's normalised form. */
const readingCache = new Map<string, readonly Reading[]>();
let cacheIndex: NameIndex | undefined;
const CACHE_LIMIT = 200_000;

function readingsOf(index: NameIndex, word: string): readonly Reading[] {
  if (cacheIndex !== index) {
    readingCache.clear();
    cacheIndex = index;
  }
  const hit = readingCache.get(word);
  if (hit) return hit;
  let out: Reading[] | null = null;
  // Every lookup form the clitic analyser can give is the word less at most three letters, or
  // that with the article restored ("للتحالف" → "التحالف"): when none of those starts a name,
  // no reading can, and the analysis is not needed. A filter only: the readings are the analyser's.
  let possible = false;
  for (let k = 0; k <= 3 && k < word.length - 1 && !possible; k++) {
    const rest = word.slice(k);
    possible = index.root.has(rest) || index.root.has('ال' + rest);
  }
  for (const a of possible ? analyzeClitics(word) : []) {
    // A name takes no future prefix: "ستالين" is Stalin, not س + "تالين" (Tallinn).
    if (a.proclitics.includes('س')) continue;
    const node = index.root.get(a.lookup);
    if (node) (out ??= []).push({ node, offset: a.offset, proclitics: a.proclitics.length - (a.proclitics.at(-1) === 'ال' ? 1 : 0) });
  }
  const result = out ?? NO_READINGS;
  if (readingCache.size >= CACHE_LIMIT) readingCache.clear();
  readingCache.set(word, result);
  return result;
}

const lookupCache = new Map<string, readonly string[]>();

/** The lookup forms of a word (itself and without its proclitics), cached. */
function lookupsOf(word: string): readonly string[] {
  let hit = lookupCache.get(word);
  if (!hit) {
    if (lookupCache.size >= CACHE_LIMIT) lookupCache.clear();
    lookupCache.set(word, (hit = analyzeClitics(word).map((a) => a.lookup)));
  }
  return hit;
}

interface Candidate {
  firstToken: number;
  endToken: number;
  offset: number;
  proclitics: number;
  node: TrieNode;
}

/** Every form of the index found in the text, overlapping ones included. */
function candidates(doc: AnalyzedText, index: NameIndex): Candidate[] {
  const t = doc.tokens;
  const out: Candidate[] = [];
  for (let i = 0; i < t.count; i++) {
    const kind = t.kinds[i];
    if (kind !== TokenKind.Word && kind !== TokenKind.Latin) continue;
    const readings = readingsOf(index, t.norm(i));
    for (const r of readings) {
      let node: TrieNode | undefined = r.node;
      let j = i;
      while (node) {
        if (node.targets) out.push({ firstToken: i, endToken: j + 1, offset: r.offset, proclitics: r.proclitics, node });
        j++;
        if (!node.next || j >= t.count) break;
        node = node.next.get(t.norm(j));
      }
    }
  }
  return out;
}

/** What stands just before token `i`: place cue kinds, and whether it is a person cue or a locative. */
function before(doc: AnalyzedText, i: number, ctx: EntityContext): { cueKinds: readonly PlaceKind[] | null; personCue: boolean; locative: boolean } {
  const t = doc.tokens;
  if (i === 0 || (t.kinds[i - 1] !== TokenKind.Word && t.kinds[i - 1] !== TokenKind.Latin)) return { cueKinds: null, personCue: false, locative: false };
  let cueKinds: readonly PlaceKind[] | null = null;
  let personCue = false;
  let locative = false;
  for (const form of lookupsOf(t.norm(i - 1))) {
    cueKinds ??= ctx.placeCues.get(form) ?? null;
    personCue ||= ctx.personCues.has(form);
    locative ||= ctx.locatives.has(form);
  }
  return { cueKinds, personCue, locative };
}

/** Whether the sentence holding token `i` has one of `cues` (any clitic reading). */
function sentenceHasCue(doc: AnalyzedText, i: number, cues: readonly string[]): boolean {
  const sentence = sentenceAt(doc.sentences, i);
  const [from, to] = sentence ? [sentence.firstToken, sentence.endToken] : [0, doc.tokens.count];
  for (let k = from; k < to; k++) {
    if (doc.tokens.kinds[k] !== TokenKind.Word) continue;
    for (const form of lookupsOf(doc.tokens.norm(k))) if (cues.includes(form)) return true;
  }
  return false;
}

const length = (c: { firstToken: number; endToken: number }) => c.endToken - c.firstToken;

/** Greedy choice of non-overlapping spans: longest first, then leftmost, then fewest proclitics. */
function chooseLongest<C extends { firstToken: number; endToken: number; proclitics: number }>(all: C[], taken: Uint8Array): C[] {
  const sorted = [...all].sort((a, b) => length(b) - length(a) || a.firstToken - b.firstToken || a.proclitics - b.proclitics);
  const chosen: C[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.firstToken; k < c.endToken; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.firstToken; k < c.endToken; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.firstToken - b.firstToken);
}

/**
 * The names of an article: full names first (longest non-overlapping), then the partial names
 * and back-references whose actor a full name has introduced, in the gaps.
 *
 * @example
 * findNames(analyzeText('قصفت تركيا قرى في ريف حلب'), nameIndex()).map(m => m.form)  // ['تركيا', 'حلب']
 */
export function findNames(doc: AnalyzedText, index: NameIndex, ctx: EntityContext = entityContext()): NameMatch[] {
  const t = doc.tokens;
  const all = candidates(doc, index);
  if (all.length === 0) return [];

  interface Judged extends Candidate {
    primary: NameTarget[];
    secondary: NameTarget[];
    cueKinds: readonly PlaceKind[] | null;
    pendingPlaces: NameTarget[];
  }
  const cuedPlaceForms = new Set<string>();
  const judged: Judged[] = [];
  for (const c of all) {
    const ctxBefore = before(doc, c.firstToken, ctx);
    const form = c.node.form!;
    const single = length(c) === 1;
    const primary: NameTarget[] = [];
    const secondary: NameTarget[] = [];
    const pendingPlaces: NameTarget[] = [];
    for (const target of c.node.targets!) {
      switch (target.kind) {
        case 'place':
          // "فتح الباب أمام ..." is not the town of al-Bab; "مدينة الباب" is.
          if (!ctx.placeWords.has(form) || ctxBefore.cueKinds) primary.push(target);
          else if (ctxBefore.locative) pendingPlaces.push(target);
          break;
        case 'actor':
          // A one-word person alias that is a common word ("جمعه") needs a title before it.
          if (target.actor.type === 'PER' && single && ctx.personWords.has(form) && !ctxBefore.personCue) break;
          primary.push(target);
          break;
        case 'cued':
          if (sentenceHasCue(doc, c.firstToken, target.cues)) primary.push({ kind: 'actor', actor: target.actor });
          break;
        default:
          secondary.push(target);
      }
    }
    if (ctxBefore.cueKinds && primary.some((p) => p.kind === 'place')) cuedPlaceForms.add(form);
    judged.push({ ...c, primary, secondary, cueKinds: ctxBefore.cueKinds, pendingPlaces });
  }
  // A place name that is a common word counts after a locative once the article has named it after a cue.
  for (const j of judged) if (j.pendingPlaces.length && cuedPlaceForms.has(j.node.form!)) j.primary.push(...j.pendingPlaces);

  const taken = new Uint8Array(t.count);
  const full = chooseLongest(
    judged.filter((j) => j.primary.length > 0),
    taken,
  );
  const named = new Set<string>();
  for (const m of full) for (const target of m.primary) if (target.kind === 'actor') named.add(target.actor.id);

  // Partial names and back-references, in the gaps the full names leave: a partial name once
  // the article names the actor anywhere (a headline may use the surname first), a
  // back-reference once a full name stands before it, or anywhere when that name starts with
  // the noun itself ("الائتلاف العالمي" makes "الائتلاف" the article's word for the Coalition).
  // Indexed once (not a scan of every full name for every candidate: linear in the article's
  // length): where each actor is first named in full, and the first words of its full names.
  const firstNamed = new Map<string, number>();
  const firstWords = new Map<string, Set<string>>();
  for (const m of full) {
    for (const target of m.primary) {
      if (target.kind !== 'actor') continue;
      const id = target.actor.id;
      if (!(firstNamed.get(id)! <= m.firstToken)) firstNamed.set(id, m.firstToken);
      let words = firstWords.get(id);
      if (!words) firstWords.set(id, (words = new Set()));
      words.add(m.node.form!.split(' ')[0]!);
    }
  }
  const usable = (s: NameTarget, j: Judged) =>
    s.kind === 'short'
      ? named.has(s.actor.id)
      : s.kind === 'ref' && (firstNamed.get(s.actor.id)! < j.firstToken || firstWords.get(s.actor.id)?.has(j.node.form!) === true);
  const second = judged
    .filter((j) => j.primary.length === 0 && j.secondary.some((s) => usable(s, j)))
    .map((j) => ({ ...j, secondary: j.secondary.filter((s) => usable(s, j)) }));
  const rest = chooseLongest(second, taken);

  const toMatch = (c: Judged, targets: NameTarget[]): NameMatch => ({
    firstToken: c.firstToken,
    endToken: c.endToken,
    start: doc.normalized.startOf(t.nStarts[c.firstToken]! + c.offset),
    end: t.end(c.endToken - 1),
    form: c.node.form!,
    // A form that is a full name here may also refer back to another actor ("التحالف"): keep both readings for linking.
    targets,
    cueKinds: c.cueKinds,
    proclitics: c.proclitics,
  });
  return [...full.map((c) => toMatch(c, [...c.primary, ...c.secondary])), ...rest.map((c) => toMatch(c, c.secondary))].sort(
    (a, b) => a.firstToken - b.firstToken,
  );
}
