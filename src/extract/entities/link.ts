/**
 * Linking: from names found in an article (lexicon matches and, when a tagger runs, its name
 * spans) to one entity per real actor or place.
 *
 * - Lexicon actors keep their id; every label an outlet used stays a mention ("قسد",
 *   "قوات سوريا الديمقراطية").
 * - A generic noun ("التنظيم", "الإدارة") is a mention of the actor the article has named that
 *   lists it, the one named last before it. A noun that is also
 *   the full name of another actor ("الائتلاف": the Syrian National Coalition) refers back only
 *   when the article itself names that actor with it ("الائتلاف العالمي" … "الائتلاف").
 * - Places are geocoded (geocode.ts), one entity per place.
 * - Tagger names the lexicon lacks become `new:<hash>` entities, merged within the article by
 *   normalised name, and by a later partial mention of a person ("عبدي" after "مظلوم عبدي").
 *   A tagger ORG span around a lexicon place is the organisation ("جامعة حلب"); any other overlap
 *   leaves the lexicon's reading. MISC spans are not entities.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../lexicon/actors.js';
import { PRECISION_OF_KIND, type Place, type PlaceKind } from '../../lexicon/gazetteer.js';
import { recordMessage } from '../../messages.js';
import type { NameSpan, NameTagger } from '../../ner/types.js';
import type { AnalyzedText } from '../../text/analyze.js';
import { analyzeClitics } from '../../text/clitics.js';
import { TokenKind } from '../../text/tokenize.js';
import type { Entity, Message, Span } from '../record.js';
import type { EntityContext } from './context.js';
import { englishPersonName } from './english.js';
import { resolvePlaces, type PlaceMention } from './geocode.js';
import { institutionRules } from './institutions.js';
import type { NameMatch } from './match.js';
import { lowerBound } from '../lookup.js';
import { findForm, type NameIndex, type NameTarget } from './name-index.js';

/** A mention as linking handles it. */
interface Mention {
  readonly firstToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  /** Normalised tokens of the name (first one without its proclitics). */
  readonly keys: readonly string[];
  readonly source: string;
}

interface ActorMention extends Mention {
  readonly actor: Actor;
  /** A full name (not a back-reference or partial name). */
  readonly full: boolean;
}

interface PlaceMentionAt extends Mention, PlaceMention {}

interface NewName extends Mention {
  type: 'PER' | 'ORG' | 'LOC';
  /** The head noun the name was widened over ("كتيبه"), if any. */
  readonly head?: string;
}

/** How linking treats a name tagger's spans. */
export interface LinkOptions {
  readonly tagger?: NameTagger | undefined;
  /** Tagger spans below this confidence are ignored. */
  readonly minConfidence: number;
}

const LEXICON = 'lexicon';
const GAZETTEER = 'gazetteer';

function keysOf(doc: AnalyzedText, firstToken: number, endToken: number, firstKey: string): string[] {
  const keys = [firstKey];
  for (let k = firstToken + 1; k < endToken; k++) keys.push(doc.tokens.norm(k));
  return keys;
}

const spanOf = (doc: AnalyzedText, m: { start: number; end: number }): Span => ({ start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) });

/**
 * Mentions by first token, for the question "which overlap tokens [from, to)?": the same
 * mentions as `all.filter((m) => m.firstToken < to && from < m.endToken)` (in another order),
 * looking only at first tokens from `from - longest + 1` to `to - 1`.
 */
export class MentionIndex<M extends { readonly firstToken: number; readonly endToken: number }> {
  private readonly byFirst = new Map<number, M[]>();
  private longest = 0;

  constructor(all: readonly M[] = []) {
    for (const m of all) this.add(m);
  }

  add(m: M): void {
    let list = this.byFirst.get(m.firstToken);
    if (!list) this.byFirst.set(m.firstToken, (list = []));
    list.push(m);
    this.longest = Math.max(this.longest, m.endToken - m.firstToken);
  }

  overlapping(from: number, to: number): M[] {
    const out: M[] = [];
    for (let first = Math.max(0, from - this.longest + 1); first < to; first++) {
      const list = this.byFirst.get(first);
      if (list) for (const m of list) if (from < m.endToken) out.push(m);
    }
    return out;
  }
}

/**
 * The distance from token `at` to the nearest usable naming of an actor (Infinity if none): a
 * naming by a form other than `form`, whose first word is `first` ("own use"), or, when
 * `anyBefore`, by any other form before `at`. Before counts as `at - n`, after as `1e6 + n - at`:
 * the minimum of that over every usable naming, found per form by binary search.
 */
export function nearestNaming(
  forms: ReadonlyMap<string, { readonly first: string; readonly at: readonly number[] }> | undefined,
  form: string,
  first: string,
  at: number,
  anyBefore: boolean,
): number {
  let best = Infinity;
  if (!forms) return best;
  for (const [f, n] of forms) {
    if (f === form) continue;
    const ownUse = n.first === first;
    if (!ownUse && !anyBefore) continue;
    const k = lowerBound(n.at, at);
    if (k > 0) best = Math.min(best, at - n.at[k - 1]!);
    if (ownUse && k < n.at.length) best = Math.min(best, 1e6 + (n.at[k]! - at));
  }
  return best;
}

/**
 * Turns the lexicon matches into actor and place mentions, resolving back-references and
 * nouns that are both a name and a back-reference.
 */
function lexiconMentions(doc: AnalyzedText, matches: readonly NameMatch[]): { actors: ActorMention[]; places: PlaceMentionAt[] } {
  // Where each actor is named in full, and the first word of each naming (for "own use").
  // Indexed by actor, then by form, each form's positions in reading order (matches are), so
  // that a back-reference looks up the nearest naming by binary search, not by a scan.
  const namings = new Map<string, Map<string, { first: string; at: number[] }>>();
  for (const m of matches) {
    for (const t of m.targets) {
      if (t.kind !== 'actor') continue;
      let forms = namings.get(t.actor.id);
      if (!forms) namings.set(t.actor.id, (forms = new Map()));
      let f = forms.get(m.form);
      if (!f) forms.set(m.form, (f = { first: m.form.split(' ')[0]!, at: [] }));
      f.at.push(m.firstToken);
    }
  }
  const actors: ActorMention[] = [];
  const places: PlaceMentionAt[] = [];
  for (const m of matches) {
    const keys = keysOf(doc, m.firstToken, m.endToken, m.form.split(' ')[0]!);
    const base = { firstToken: m.firstToken, endToken: m.endToken, start: m.start, end: m.end, keys };
    const named = m.targets.filter((t): t is Extract<NameTarget, { kind: 'actor' }> => t.kind === 'actor');
    const refs = m.targets.filter((t): t is Extract<NameTarget, { kind: 'ref' }> => t.kind === 'ref');
    // A partial name counts for an actor the article names in full.
    const shorts = m.targets.filter((t): t is Extract<NameTarget, { kind: 'short' }> => t.kind === 'short' && namings.has(t.actor.id));
    const candidates = m.targets.flatMap((t) => (t.kind === 'place' ? [t.place] : []));
    const first = m.form.split(' ')[0]!;

    // Back-reference: to the named actor listing this noun that was named last before it, or
    // one the article itself names with this noun ("الائتلاف العالمي" … "الائتلاف"): that is the
    // article's usage, so it holds wherever the naming stands. A noun that is also another
    // actor's full name ("الائتلاف": the Syrian National Coalition) refers back only by usage.
    let referent: Actor | undefined;
    let bestDistance = Infinity;
    for (const r of refs) {
      // The namings by another form: those starting with this noun anywhere ("own use"), and
      // any before it when this match names no actor itself; the nearest before, else after.
      const distance = nearestNaming(namings.get(r.actor.id), m.form, first, m.firstToken, named.length === 0);
      if (distance < bestDistance) (bestDistance = distance), (referent = r.actor);
    }
    if (referent) {
      actors.push({ ...base, actor: referent, full: false, source: LEXICON });
      continue;
    }
    if (named.length > 0) {
      actors.push({ ...base, actor: named[0]!.actor, full: true, source: LEXICON });
      continue;
    }
    // "مدينة البغدادي" is the town even where the article has named Abu Bakr al-Baghdadi.
    if (shorts.length > 0 && !(m.cueKinds && candidates.length > 0)) {
      actors.push({ ...base, actor: shorts[0]!.actor, full: false, source: LEXICON });
      continue;
    }
    if (candidates.length > 0) places.push({ ...base, form: m.form, candidates, cueKinds: m.cueKinds, source: GAZETTEER });
  }
  return { actors, places };
}

/** The form a tagger span names: its tokens, the first without proclitics when that reading is a known name word. */
function taggedName(doc: AnalyzedText, span: NameSpan, index: NameIndex, knownWord: (w: string) => boolean): { keys: string[]; start: number } {
  const t = doc.tokens;
  const firstWord = t.norm(span.firstToken);
  let first = firstWord;
  let start = span.start;
  if (!knownWord(firstWord)) {
    for (const a of analyzeClitics(firstWord)) {
      // A name takes no future prefix: "ستوارت" is not س + "توارت".
      if (a.proclitics.includes('س')) continue;
      const stripsPrefix = a.proclitics.some((p) => p !== 'ال');
      // ك and ف stand before a name rarely, and many foreign names begin with them ("كادو",
      // "فينفريد"): taken off only when a lexicon name is left, not any word of the name lists.
      const rareOnly = a.proclitics.every((p) => p === 'ك' || p === 'ف' || p === 'ال');
      if (stripsPrefix && ((!rareOnly && knownWord(a.lookup)) || index.root.has(a.lookup))) {
        first = a.lookup;
        start = Math.max(span.start, doc.normalized.startOf(t.nStarts[span.firstToken]! + a.offset));
        break;
      }
    }
  }
  return { keys: keysOf(doc, span.firstToken, span.endToken, first), start };
}

const contains = (outer: readonly string[], inner: readonly string[]) => {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    let all = true;
    for (let k = 0; k < inner.length && all; k++) all = outer[i + k] === inner[k];
    if (all) return true;
  }
  return false;
};

/** A tagger span as linking reads it: maybe widened over a head noun before it ("كتيبة" + a name). */
interface TaggedSpan extends NameSpan {
  /** The head noun taken in, without its proclitics: the first key of the name. */
  readonly head?: string;
  /** The first key when a proclitic is taken off ("بأبي سمير" → "ابي"). */
  readonly firstKey?: string;
}

const lookupCache = new Map<string, ReturnType<typeof analyzeClitics>>();

/** Lookup forms of a word (itself, without proclitics), no future prefix; cached. */
function lookups(word: string): ReturnType<typeof analyzeClitics> {
  let hit = lookupCache.get(word);
  if (!hit) {
    if (lookupCache.size > 100_000) lookupCache.clear();
    lookupCache.set(word, (hit = analyzeClitics(word).filter((a) => !a.proclitics.includes('س'))));
  }
  return hit;
}

/**
 * Corrects the tagger's spans by what stands around them:
 * - a name right after a head noun of organisations or sites ("كتيبة" + "طارق بن زياد",
 *   "متحف" + "باردو") is that organisation or site, head included;
 * - a person's name does not end in a nationality noun ("أبو سمير روسي": "Abu Samir, a
 *   Russian"), and a nationality noun ("بريطاني") or a kunya word ("أبي") alone is no name;
 * - a generic noun alone ("حزب", "الريف", "المملكة": a head of names or a place cue) is none.
 */
function correctSpans(doc: AnalyzedText, spans: readonly NameSpan[], ctx: EntityContext): TaggedSpan[] {
  const t = doc.tokens;
  const demonyms = institutionRules().demonyms;
  const nationality = (w: string) => lookups(w).some((a) => !a.lookup.startsWith('ال') && demonyms.has('ال' + a.lookup));
  const out: TaggedSpan[] = [];
  for (const span of spans) {
    let s: TaggedSpan = span;
    if (s.type === 'PER') {
      let end = s.endToken;
      while (end - s.firstToken > 1 && t.kinds[end - 1] === TokenKind.Word && nationality(t.norm(end - 1))) end--;
      if (end !== s.endToken) s = { ...s, endToken: end, end: t.end(end - 1) };
      if (s.endToken - s.firstToken === 1) {
        const w = t.norm(s.firstToken);
        if (nationality(w) || lookups(w).some((a) => ctx.kunyas.has(a.lookup))) continue;
      } else {
        // "بأبي سمير": the preposition is no part of the kunya.
        const k = lookups(t.norm(s.firstToken)).find((a) => a.proclitics.length > 0 && !a.proclitics.includes('ال') && ctx.kunyas.has(a.lookup));
        if (k) s = { ...s, start: doc.normalized.startOf(t.nStarts[s.firstToken]! + k.offset), firstKey: k.lookup };
      }
    }
    // A generic noun alone ("حزب", "الريف", "المملكة") is no name.
    if (
      s.endToken - s.firstToken === 1 &&
      lookups(t.norm(s.firstToken)).some((a) => {
        const noun = a.lookup.replace(/^ال/u, '');
        return ctx.nameHeads.has(noun) || ctx.refHeads.has(noun) || ctx.placeCues.has(noun);
      })
    )
      continue;
    const h = s.firstToken - 1;
    if (h >= 0 && t.kinds[h] === TokenKind.Word && !ctx.nameHeads.has(t.norm(s.firstToken))) {
      const head = lookups(t.norm(h)).find((a) => ctx.nameHeads.has(a.lookup) && !a.proclitics.includes('ال'));
      if (head) {
        s = { ...s, firstToken: h, start: doc.normalized.startOf(t.nStarts[h]! + head.offset), type: ctx.nameHeads.get(head.lookup)!, head: head.lookup };
      }
    }
    out.push(s);
  }
  return out;
}

/** How many words a party's name may hold after its head ("التكتل الديمقراطي من أجل العمل والحريات"). */
const PARTY_NAME_WORDS = 8;
/** The confidence given to a party's name found by its head. */
const PARTY_SPAN_CONFIDENCE = 0.9;
const FOR_THE_SAKE = ['من', 'اجل'];

/**
 * Names of parties and movements the tagger misses, found by their head (`partyHeads`): "حزب
 * التكتل الديمقراطي من أجل العمل والحريات", "حراك تونس الإرادة", "حركة الشعب". The head
 * (indefinite, as a name has it) is followed by definite words, or a place of the lexicon
 * (`placeAt`), and may go on with "من أجل" and definite words joined by و. A head that is also a
 * common noun ("حركة السير") names a body only when the article refers back to it alone
 * ("الحركة"). Spans of type ORG, as the tagger gives them.
 */
function partySpans(doc: AnalyzedText, ctx: EntityContext, placeAt: (k: number) => boolean): NameSpan[] {
  const t = doc.tokens;
  const heads = ctx.partyHeads;
  // The article's words, gathered only once a head that needs them is met (most articles have none).
  let words: Set<string> | undefined;
  const referredBack = (head: string) => {
    if (!words) {
      words = new Set();
      for (let k = 0; k < t.count; k++) if (t.kinds[k] === TokenKind.Word) words.add(t.norm(k));
    }
    return words.has('ال' + head) || words.has('وال' + head);
  };
  const demonyms = institutionRules().demonyms;
  // "حزب الرئيس التركي", "حزب اليسار الذي", "حزب العمال الحاكم": titles, relative pronouns,
  // nationalities and words that describe a party are none of its name.
  const definite = (k: number) => {
    if (t.kinds[k] !== TokenKind.Word) return false;
    const w = t.norm(k);
    return w.startsWith('ال') && w.length > 3 && !NOT_OF_A_NAME.has(w) && !DESCRIBING_A_PARTY.has(w) && !ctx.personCues.has(w) && !demonyms.has(w);
  };
  const out: NameSpan[] = [];
  const headWords = [...heads.named, ...heads.referred];
  for (let h = 0; h < t.count - 1; h++) {
    // Most words hold no head at all: only those that do are analysed.
    if (t.kinds[h] !== TokenKind.Word || !headWords.some((w) => t.norm(h).includes(w))) continue;
    const head = lookups(t.norm(h)).find((a) => a.proclitics.every((p) => p === 'و') && (heads.named.has(a.lookup) || (heads.referred.has(a.lookup) && referredBack(a.lookup))));
    if (!head) continue;
    let end = h + 1;
    let chain = false;
    while (end < t.count && end - h <= PARTY_NAME_WORDS) {
      if (definite(end) || placeAt(end) || (chain && t.kinds[end] === TokenKind.Word && t.norm(end).startsWith('وال'))) {
        end++;
        continue;
      }
      // "من أجل العمل": the purpose a party's name states, with a definite word after it.
      if (end > h + 1 && t.norm(end) === FOR_THE_SAKE[0] && end + 2 < t.count && t.norm(end + 1) === FOR_THE_SAKE[1] && definite(end + 2)) {
        chain = true;
        end += 3;
        continue;
      }
      break;
    }
    if (end === h + 1 || heads.notNames.has(t.norm(h + 1))) continue;
    out.push({ firstToken: h, endToken: end, start: doc.normalized.startOf(t.nStarts[h]! + head.offset), end: t.end(end - 1), type: 'ORG', confidence: PARTY_SPAN_CONFIDENCE });
    h = end - 1;
  }
  return out;
}

/** Words that describe a party after its name ("الحاكم", "المعارض", "الحالي"), none of the name. */
const DESCRIBING_A_PARTY: ReadonlySet<string> = new Set(['الحاكم', 'الحاكمه', 'المعارض', 'المعارضه', 'الحالي', 'الحاليه', 'السابق', 'السابقه', 'الجديد', 'الجديده', 'المنعقد', 'المنحل', 'المحظور', 'الفائز']);

/** Definite words that follow a name but are none of it: belonging and relative pronouns ("… التابع لمديرية", "… الذي"). */
const NOT_OF_A_NAME: ReadonlySet<string> = new Set(['التابع', 'التابعه', 'التابعين', 'التابعون', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين']);

/** How many definite words may name what an agency fights ("الجريمة المنظمة", "الإرهاب والتطرف"). */
const AGENCY_OBJECT_WORDS = 3;

/**
 * Bodies named by what they fight (`agencies`): "مكتب مكافحة الجريمة", "مركز مكافحة التطرف",
 * "خلية محاربة الإرهاب": a head (a preposition fused to it left out), a mission, then the
 * definite words of what is fought (joined by و). Spans of type ORG.
 */
function agencySpans(doc: AnalyzedText, ctx: EntityContext): NameSpan[] {
  const t = doc.tokens;
  const { heads, missions } = ctx.agencies;
  const out: NameSpan[] = [];
  for (let h = 0; h + 2 < t.count; h++) {
    if (t.kinds[h] !== TokenKind.Word || !missions.has(t.norm(h + 1))) continue;
    const head = lookups(t.norm(h)).find((a) => !a.proclitics.includes('ال') && heads.has(a.lookup));
    if (!head) continue;
    let end = h + 2;
    while (end < t.count && end - (h + 2) < AGENCY_OBJECT_WORDS && t.kinds[end] === TokenKind.Word && /^و?ال/u.test(t.norm(end)) && !NOT_OF_A_NAME.has(t.norm(end))
      && (end === h + 2 ? t.norm(end).startsWith('ال') : true)) end++;
    if (end === h + 2) continue;
    out.push({ firstToken: h, endToken: end, start: doc.normalized.startOf(t.nStarts[h]! + head.offset), end: t.end(end - 1), type: 'ORG', confidence: PARTY_SPAN_CONFIDENCE });
    h = end - 1;
  }
  return out;
}

/** An entity as linking builds it: the record's entity, where its mentions came from, their keys, and their spans (as "start:end"). */
type Built = { entity: Entity; sources: Set<string>; keys: string[][]; mentionAt: Set<string> };

/** Adds a mention and its keys to an entity unless it holds that span already; whether it did. */
function addSpan(e: Built, span: Span, keys: string[]): boolean {
  const at = `${span.start}:${span.end}`;
  if (e.mentionAt.has(at)) return false;
  e.mentionAt.add(at);
  e.entity.mentions.push(span);
  e.keys.push(keys);
  return true;
}

/** A person's name compared without the article before its later words ("سلمان العبيدي" ≈ "سلمان عبيدي"). */
const bareWord = (w: string) => (w.startsWith('ال') && w.length > 4 ? w.slice(2) : w);
const personKey = (keys: readonly string[]) => keys.map((k, i) => (i > 0 ? bareWord(k) : k)).join(' ');

/** Tagger spans without overlaps (a model should not give any): the longest, then the surest, wins. In reading order. */
function nonOverlapping(spans: NameSpan[]): NameSpan[] {
  const kept: NameSpan[] = [];
  const sorted = [...spans].sort((a, b) => b.endToken - b.firstToken - (a.endToken - a.firstToken) || b.confidence - a.confidence || a.firstToken - b.firstToken);
  // The tokens kept spans cover (spans are not empty: one overlaps a kept span if it covers one of its tokens).
  const taken = new Set<number>();
  for (const s of sorted) {
    let free = true;
    for (let k = s.firstToken; k < s.endToken && free; k++) free = !taken.has(k);
    if (!free) continue;
    for (let k = s.firstToken; k < s.endToken; k++) taken.add(k);
    kept.push(s);
  }
  return kept.sort((a, b) => a.firstToken - b.firstToken);
}

/**
 * `new:` + 12 hex digits of the SHA-256 of type and normalised name: the same name gets the same
 * id in every article.
 *
 * @example
 * newEntityId('PER', 'احمد الحسن')  // "new:" + 12 hex digits
 */
export function newEntityId(type: string, normalisedName: string): string {
  return 'new:' + createHash('sha256').update(`${type}|${normalisedName}`, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Builds the entities of an article.
 *
 * @example
 * linkEntities(doc, findNames(doc, nameIndex()), nameIndex(), entityContext(), { minConfidence: 0.5 }).entities
 */
export function linkEntities(
  doc: AnalyzedText,
  matches: readonly NameMatch[],
  index: NameIndex,
  ctx: EntityContext,
  options: LinkOptions,
  knownWord: (w: string) => boolean = () => false,
): { entities: Entity[]; messages: Message[] } {
  const { actors, places } = lexiconMentions(doc, matches);
  const newNames: NewName[] = [];
  const messages: Message[] = [];

  if (options.tagger) {
    const model = `model:${options.tagger.id}`;
    // The lexicon's mentions (and those linked from earlier spans) by first token: a span looks
    // up only the few that can overlap it, not every mention of the article.
    const lexicon = new MentionIndex([...actors, ...places]);
    const lexiconAt = (from: number, to: number) => lexicon.overlapping(from, to);
    const isPlace = new Set<Mention>(places);
    const dropPlaces = new Set<Mention>();
    const tagged = options.tagger.tag(doc).filter((s) => s.type !== 'MISC' && s.confidence >= options.minConfidence && s.endToken > s.firstToken);
    const placeStarts = new Set(places.map((m) => m.firstToken));
    const spans = correctSpans(doc, nonOverlapping([...tagged, ...partySpans(doc, ctx, (k) => placeStarts.has(k)), ...agencySpans(doc, ctx)]), ctx);
    for (const span of spans) {
      const type = span.type as 'PER' | 'ORG' | 'LOC';
      const overlapping = lexiconAt(span.firstToken, span.endToken);
      if (overlapping.length > 0) {
        // "جامعة حلب": an organisation's name around a place name is the organisation.
        const inside = overlapping.every((m) => m.firstToken >= span.firstToken && m.endToken <= span.endToken);
        const longer = overlapping.every((m) => m.endToken - m.firstToken < span.endToken - span.firstToken);
        if (!(type === 'ORG' && inside && longer && overlapping.every((m) => isPlace.has(m)))) continue;
        for (const m of overlapping) dropPlaces.add(m);
      }
      const named = taggedName(doc, span, index, (w) => knownWord(w) || ctx.kunyas.has(w));
      const first = span.head ?? span.firstKey;
      const { keys, start } = first ? { keys: [first, ...named.keys.slice(1)], start: span.start } : named;
      const mention = { firstToken: span.firstToken, endToken: span.endToken, start, end: span.end, keys, source: model };
      // A name the lexicon holds, found where the lexicon's context rules held back: link it.
      const node = findForm(index, keys);
      const actorTarget = node?.targets?.find((t) => (t.kind === 'actor' || t.kind === 'cued') && t.actor.type === type);
      if (actorTarget && 'actor' in actorTarget) {
        const a = { ...mention, actor: actorTarget.actor, full: true };
        actors.push(a);
        lexicon.add(a);
        continue;
      }
      const candidates = type === 'LOC' ? (node?.targets ?? []).flatMap((t) => (t.kind === 'place' ? [t.place] : [])) : [];
      if (candidates.length > 0) {
        const before = span.firstToken > 0 ? analyzeClitics(doc.tokens.norm(span.firstToken - 1)).map((a) => ctx.placeCues.get(a.lookup)).find((k) => k) : undefined;
        const p = { ...mention, form: keys.join(' '), candidates, cueKinds: (before as PlaceKind[] | undefined) ?? null };
        places.push(p);
        isPlace.add(p);
        lexicon.add(p);
        continue;
      }
      // "جمعة" alone is Friday, unless a title stands before it.
      if (type === 'PER' && keys.length === 1 && ctx.personWords.has(keys[0]!)) {
        const cue = span.firstToken > 0 && analyzeClitics(doc.tokens.norm(span.firstToken - 1)).some((a) => ctx.personCues.has(a.lookup));
        if (!cue) continue;
      }
      newNames.push({ ...mention, type, ...(span.head ? { head: span.head } : {}) });
    }
    for (let i = places.length - 1; i >= 0; i--) if (dropPlaces.has(places[i]!)) places.splice(i, 1);
  }

  // ── places ──
  const countries = new Set<string>();
  for (const p of places) if (p.candidates.length > 0 && p.candidates.every((c) => c.kind === 'country')) countries.add(p.candidates[0]!.cc!);
  const actorCountries = new Set(actors.map((a) => a.actor.country).filter((c): c is string => !!c));
  const chosen = resolvePlaces(places, { countries, actorCountries });

  // ── entities ──
  const entities = new Map<string, Built>();
  // Persons by each word of their names, and by where each of their mentions ends: a new name
  // looks up the persons it can join there, not every entity of the article.
  const personsByWord = new Map<string, Set<Built>>();
  const personsByEnd = new Map<number, Built[]>();
  /** Entities in the order of `entities` (the order a scan of it gives). */
  const order = new Map<Built, number>();
  const inOrder = (list: Iterable<Built>) => [...list].sort((a, b) => order.get(a)! - order.get(b)!);
  const addMention = (id: string, make: () => Entity, m: Mention) => {
    let e = entities.get(id);
    if (!e) {
      entities.set(id, (e = { entity: make(), sources: new Set(), keys: [], mentionAt: new Set() }));
      order.set(e, order.size);
    }
    e.sources.add(m.source);
    const span = spanOf(doc, m);
    if (!addSpan(e, span, [...m.keys])) return;
    if (e.entity.type === 'PER') {
      for (const w of m.keys) {
        let set = personsByWord.get(w);
        if (!set) personsByWord.set(w, (set = new Set()));
        set.add(e);
      }
      const list = personsByEnd.get(span.end);
      if (!list) personsByEnd.set(span.end, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  };
  for (const a of actors) {
    addMention(
      a.actor.id,
      () => ({
        id: a.actor.id,
        type: a.actor.type,
        subtype: a.actor.subtype,
        name: { ar: a.actor.name.ar, en: a.actor.name.en },
        country: a.actor.country,
        geo: null,
        mentions: [],
      }),
      a,
    );
  }
  places.forEach((p, i) => {
    const place: Place = chosen[i]!;
    addMention(
      place.id,
      () => ({
        id: place.id,
        type: 'LOC',
        subtype: place.kind,
        name: { ar: place.ar, en: place.en },
        country: place.cc,
        geo: { lat: place.lat, lon: place.lon, precision: PRECISION_OF_KIND[place.kind], ...(place.pcode ? { pcode: place.pcode } : {}) },
        mentions: [],
      }),
      p,
    );
  });
  // An organisation named by a head noun and a name ("حركة نور الدين زنكي") is one entity
  // with every other naming of it by a head ("جماعة زنكي") and with the bare name where the
  // tagger read it as a person or place ("نور الدين زنكي", "زنكي"): the name part decides,
  // the whole of it or its end.
  const headed = newNames.filter((n) => n.head && n.type === 'ORG');
  const namePart = (n: NewName) => (n.head ? n.keys.slice(1) : n.keys).join('');
  const sameOrg = new Map<NewName, NewName>();
  // The headed names by every ending of their name part of three letters or more (the parts
  // compared are): a name looks up those its part ends, in order, not every headed name.
  const headedByEnding = new Map<string, NewName[]>();
  for (const o of headed) {
    const p = namePart(o);
    for (let k = 0; k + 3 <= p.length; k++) {
      const list = headedByEnding.get(p.slice(k));
      if (!list) headedByEnding.set(p.slice(k), [o]);
      else if (list.at(-1) !== o) list.push(o);
    }
  }
  for (const n of newNames) {
    const part = namePart(n);
    if (part.length < 3) continue;
    const org = headedByEnding.get(part)?.find((o) => o !== n && (namePart(o) === part || (namePart(o).endsWith(part) && (!n.head || n.head === o.head || n.keys.length > 1))));
    if (org) sameOrg.set(n, sameOrg.get(org) ?? org);
  }
  // New names in reading order: a partial person name joins the person named before it in full.
  const byName = new Map<string, string>();
  for (const n of newNames) {
    const root = sameOrg.get(n);
    if (root) n.type = 'ORG';
    const form = root ? root.keys.join(' ') : n.keys.join(' ');
    // "سلمان العبيدي" and "سلمان عبيدي" are one person: the article before a surname does not count.
    const key = n.type === 'PER' ? personKey(n.keys) : form;
    let id = byName.get(`${n.type}|${key}`);
    // "يوسف عوني الملقب بأبي جمال": a person's other name, right after the name and a cue.
    const cue = n.firstToken - 1;
    if (!id && n.type === 'PER' && cue > 0 && doc.tokens.kinds[cue] === TokenKind.Word && ctx.aliasCues.has(doc.tokens.norm(cue))) {
      const before = doc.tokens.end(cue - 1);
      id = inOrder(personsByEnd.get(before) ?? [])[0]?.entity.id;
    }
    if (!id && n.type === 'PER') {
      // Only persons with the name's first word in a key can hold it.
      const earlier = [...(personsByWord.get(n.keys[0]!) ?? [])].filter(
        (e) => e.entity.type === 'PER' && e.keys.some((k) => k.length > n.keys.length && contains(k, n.keys)) && e.entity.mentions.some((s) => s.start < n.start),
      );
      if (earlier.length === 1) id = earlier[0]!.entity.id;
    }
    id ??= newEntityId(n.type, form);
    byName.set(`${n.type}|${key}`, id);
    const display = doc.text.slice(n.start, n.end);
    addMention(
      id,
      () => ({
        id: id!,
        type: n.type,
        // "صحيفة الرياض", "وكالة أعماق": an outlet.
        subtype: n.type === 'ORG' && ctx.mediaHeads.has(doc.tokens.norm(n.firstToken)) ? 'MED' : null,
        name: { ar: display, en: n.type === 'PER' ? englishPersonName(n.keys) : null },
        country: null,
        geo: null,
        mentions: [],
      }),
      n,
    );
    if (n.type === 'LOC' && entities.get(id)!.entity.mentions.length === 1) {
      messages.push(recordMessage('place-not-in-gazetteer', `"${display}" is not in the gazetteer: its geo is null`, spanOf(doc, n)));
    }
  }

  // A partial name that stands before the full one (a headline's surname): it joins the one
  // person whose full name holds it, if only one does. The persons with a name of several words,
  // by each word of it (merging a one-word name adds none: this holds through the loop).
  const holdersByWord = new Map<string, Set<Built>>();
  for (const o of entities.values()) {
    if (o.entity.type !== 'PER') continue;
    for (const k of o.keys) {
      if (k.length <= 1) continue;
      for (const w of k) {
        let set = holdersByWord.get(bareWord(w));
        if (!set) holdersByWord.set(bareWord(w), (set = new Set()));
        set.add(o);
      }
    }
  }
  for (const [id, e] of entities) {
    if (!id.startsWith('new:') || e.entity.type !== 'PER' || e.keys.some((k) => k.length > 1)) continue;
    const words = new Set(e.keys.map((k) => bareWord(k[0] ?? '')));
    const holderSet = new Set<Built>();
    for (const w of words) for (const o of holdersByWord.get(w) ?? []) if (o !== e) holderSet.add(o);
    const holders = [...holderSet];
    if (holders.length !== 1) continue;
    const target = holders[0]!;
    for (let m = 0; m < e.entity.mentions.length; m++) addSpan(target, e.entity.mentions[m]!, e.keys[m] ?? []);
    target.entity.mentions.sort((a, b) => a.start - b.start);
    for (const src of e.sources) target.sources.add(src);
    entities.delete(id);
  }

  propagateSurnames(doc, ctx, entities);

  return {
    // In reading order of first mentions (the order refiner sorts the record again; this keeps the stage deterministic alone).
    entities: [...entities.values()]
      .map(({ entity, sources }) => ({ ...entity, rule: [...sources].sort().join('+') }))
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start),
    messages,
  };
}

/** Shortest surname that is sought alone in the rest of the article (letters, article included). */
const MIN_SURNAME = 5;

/**
 * One person, one name through the article: once a person is named in full ("محمد المنصف
 * المرزوقي", "نيكولا ساركوزي"), every other occurrence of their surname alone ("وقال المرزوقي",
 * "ساركوزي") is a mention of them, though the tagger left it out. Only a surname no other person
 * of the article bears, of at least MIN_SURNAME letters, no first name of anyone there ("حسين"
 * in "فؤاد حسين" may be another Hussein) and no nationality ("التونسي"); never inside another
 * name, and not as a definite adjective after a definite noun that is no title ("الشارع البغدادي").
 */
function propagateSurnames(doc: AnalyzedText, ctx: EntityContext, entities: Map<string, Built>): void {
  const bySurname = new Map<string, Built | null>();
  const firstNames = new Set<string>();
  for (const e of entities.values()) {
    if (e.entity.type !== 'PER') continue;
    for (const k of e.keys) {
      if (k.length < 2) continue;
      firstNames.add(k[0]!);
      const last = k.at(-1)!;
      if (last.length < MIN_SURNAME) continue;
      const held = bySurname.get(last);
      bySurname.set(last, held === undefined || held === e ? e : null);
    }
  }
  for (const w of firstNames) bySurname.delete(w);
  // "أبو الحسن التونسي": a surname that is a nationality ("التونسي") also describes anyone of it.
  const demonyms = institutionRules().demonyms;
  for (const w of [...bySurname.keys()]) if (demonyms.has(w) || demonyms.has('ال' + w)) bySurname.delete(w);
  if (bySurname.size === 0) return;
  const taken: { start: number; end: number }[] = [];
  for (const e of entities.values()) for (const m of e.entity.mentions) taken.push(m);
  taken.sort((a, b) => a.start - b.start);
  const ends = taken.map((m) => m.end);
  const covered = (start: number, end: number) => {
    const i = lowerBound(ends, start + 1);
    return i < taken.length && taken[i]!.start < end;
  };
  const t = doc.tokens;
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] !== TokenKind.Word) continue;
    const target = bySurname.get(t.norm(i));
    if (!target) continue;
    const start = t.start(i);
    const end = t.end(i);
    if (covered(start, end)) continue;
    // "الشارع البغدادي": a definite word after a definite noun that is no title is its adjective.
    const prev = i > 0 && t.kinds[i - 1] === TokenKind.Word ? t.norm(i - 1) : '';
    if (t.norm(i).startsWith('ال') && prev.startsWith('ال') && !ctx.personCues.has(prev)) continue;
    if (addSpan(target, spanOf(doc, { start, end }), [t.norm(i)])) target.sources.add('surname');
  }
  for (const e of new Set(bySurname.values())) e?.entity.mentions.sort((a, b) => a.start - b.start);
}
