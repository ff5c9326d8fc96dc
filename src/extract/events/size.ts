/**
 * What an event cost: the figures of its own clause, by role (PLOVER's `size`, ACLED's
 * fatalities). "قتل مسلحون خمسة جنود واعتقلت القوات ثلاثة مشتبهين" gives the killing killed 5 and
 * the arrest detained 3, not both figures to both events.
 *
 * How a figure finds its event, within its sentence:
 *
 * 1. The sentence is cut into clauses at punctuation that ends a clause (. ; : ? ! brackets and
 *    quotes; not the comma, which Arabic news puts between the parts of one clause), before a
 *    relative pronoun or a connective that opens another statement (بينما، فيما، ثم، لكن، كما),
 *    and before و/ف + a verb of what happens to people (وأصيب، ونزح، وقتل …) or + another
 *    event's trigger ("واعتقلت"): a new clause with its own verb.
 * 2. A figure goes to the nearest event whose trigger stands before it in its clause (Arabic is
 *    verb-first: "قتل مسلحون خمسة جنود"), else to the nearest one after it in its clause
 *    ("خمسة قتلى في هجوم …" is not ours to read, but an SVO headline is).
 * 3. What is said is not the speaker's act: events of saying (STATEMENT, REQUEST, ACCUSE,
 *    REJECT, THREATEN, SUPPORT, AGREE) hold no figures ("قال المرصد إن خمسة قتلوا", "أعلنت
 *    الشرطة أنها عثرت على 36 جثة"), and a figure inside the content of an event never goes to
 *    it; it may go to an act told inside the content ("أعلنت الشرطة أنها قتلت ثلاثة متشددين").
 * 4. A clause with no act of its own keeps its figures, with one exception: a death or injury
 *    toll told in a clause of its own verb ("… وأصيب ثلاثة مدنيين", "وقتل خمسة") is the toll of
 *    the act of force (ASSAULT, COERCE) told before it in the sentence. Not a relative clause:
 *    "الهجوم الذي أسفر عن مقتل 22" tells of another attack. ("، ما أدى إلى مقتل شخصين" is no
 *    clause of its own: the comma does not cut, so rule 2 gives it to the attack.)
 *
 * 5. A count of people that stands after an act of a known role in the act's clause, with no
 *    word of another fate between them, is who the act befell, whatever category the figure's
 *    own words gave it: "اعتقلت القوات 12 شخصاً" (category `other`) and "اعتقلت قسد خمسة عناصر
 *    …، وقتلت 12" (category `killed`, from the next clause's verb) are detained. Those an arrest
 *    takes are detained, those a killing takes are killed, those a deportation drives out are
 *    displaced (ROLE_OF_RULE). "اعتقلت القوات المسؤول عن مقتل 5" keeps its 5 killed.
 *
 * Several figures of one category for one event: the largest is kept (by value, else by the
 * top of its range), the first on a tie. Parts are not summed: "قتل 12 شخصاً بينهم خمسة أطفال"
 * holds 12 deaths, not 17. Every figure stays in `event.quantities` (the sentence's figures).
 */
import { TokenKind } from '../../text/tokenize.js';
import { SIZE_CATEGORIES, type Event, type EventSize, type EventType, type Quantity, type SizeCategory, type SizeFigure } from '../record.js';
import { lowerBoundBy } from '../lookup.js';
import type { DocumentContext } from './context.js';
import { quantityLexicon } from '../quantities/lexicon.js';
import { eventLexicon } from './lexicon.js';

/** Punctuation that ends a clause for figures (normalised: ؛ → ;). The comma does not. */
const BREAK_PUNCT = new Set([';', ':', '.', '?', '!', '(', ')', '[', ']', '"', '...', '…']);
/** Words that open another statement inside a sentence. */
const BREAK_WORDS = new Set(['بينما', 'فيما', 'ثم', 'لكن', 'ولكن', 'كما', 'وكما', 'بعدما']);
/**
 * Verbs of what happens to people: after و or ف they open a clause of their own ("وأصيب ثلاثة
 * آخرون", "ونزح 300 شخص"). Normalised spelling (أ → ا, ى → ي, ة → ه).
 */
const CLAUSE_VERBS = new Set([
  'قتل', 'قتلوا', 'قتلت', 'اعتقلت', 'احتجزت', 'اختطفت', 'هجرت', 'اصيب', 'اصيبوا', 'اصيبت', 'جرح', 'جرحوا', 'قضي', 'قضوا', 'لقي', 'لقوا', 'توفي', 'استشهد',
  'نزح', 'نزحوا', 'نزحت', 'فر', 'فروا', 'هجر', 'تهجر', 'اعتقل', 'اعتقلوا', 'احتجز', 'احتجزوا', 'اختطف', 'عاد', 'عادوا',
  'عادت', 'يعيش', 'يقيم', 'يوجد', 'تضم', 'يضم', 'يؤوي', 'يوي', 'ارتفع', 'بلغ', 'وصل', 'تجاوز',
]);
/** Events of saying: what they tell is not what they cost (rule 3). */
const SAID_TYPES: ReadonlySet<EventType> = new Set(['STATEMENT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'AGREE']);
/** Acts of force whose toll a following clause may tell on its own (rule 4). */
const FORCE_TYPES: ReadonlySet<EventType> = new Set(['ASSAULT', 'COERCE']);
const TOLL_CATEGORIES: ReadonlySet<string> = new Set(['killed', 'injured']);
const SIZED: ReadonlySet<string> = new Set(SIZE_CATEGORIES);
/** The role of the people an act counts, by trigger rule id (the end of `event.rule`). */
const ROLE_OF_RULE: ReadonlyMap<string, SizeCategory> = new Map([
  ['assault/qatala', 'killed'],
  ['assault/ightaala', 'killed'],
  ['coerce/itaqala', 'detained'],
  ['coerce/ihtajaza', 'detained'],
  ['coerce/alqa-alqabd', 'detained'],
  ['assault/ikhtatafa', 'detained'],
  ['coerce/hajjara', 'displaced'],
]);
/** Categories a count of people may have before its act gives it a role (rule 5). */
const PEOPLE: ReadonlySet<string> = new Set(['killed', 'injured', 'detained', 'displaced', 'fighters', 'other']);
const roleOf = (rule: string): SizeCategory | undefined => ROLE_OF_RULE.get(rule.split('/').slice(-2).join('/'));

/** The figure of `quantities[index]` as `size` holds it. */
export function sizeFigure(quantities: readonly Quantity[], index: number): SizeFigure {
  const q = quantities[index]!;
  return { value: q.value, low: q.low, high: q.high, qualifier: q.qualifier, quantity: index };
}

/** How large a figure is, to keep the largest of one category: its value, else the top of its range. */
const magnitude = (f: SizeFigure) => f.value ?? f.high ?? f.low ?? 0;

/** Adds a figure to a size, keeping the largest of its category (the first on a tie). */
export function addToSize(size: EventSize, category: SizeCategory, figure: SizeFigure): void {
  const held = size[category];
  if (!held || magnitude(figure) > magnitude(held)) size[category] = figure;
}

/** Two sizes of one event told twice (merge-events): per category, the larger figure. */
export function mergeSizes(a: EventSize | undefined, b: EventSize | undefined): EventSize | undefined {
  if (!a && !b) return undefined;
  const out: EventSize = { ...(a ?? {}) };
  for (const c of SIZE_CATEGORIES) {
    const f = b?.[c];
    if (f) addToSize(out, c, f);
  }
  return out;
}

/**
 * Gives every event its `size`: the figures of its own clause, by category. `events` are the
 * extractor's, in the order found; `quantities` the record's (indices into them are kept).
 *
 * @example
 * withSizes(ctx, events, sofar.quantities)[0].size  // { killed: { value: 5, …, quantity: 0 } }
 */
export function withSizes(ctx: DocumentContext, events: readonly Event[], quantities: readonly Quantity[]): Event[] {
  const sized = events.map((e) => ({ ...e, size: {} as EventSize }));
  const bySentence = new Map<number, number[]>();
  sized.forEach((e, i) => {
    const list = bySentence.get(e.sentence.start);
    if (list) list.push(i);
    else bySentence.set(e.sentence.start, [i]);
  });
  // The figures by start, looked up per sentence by binary search (not scanned for each sentence).
  const byStart = quantities.flatMap((q, i) => (SIZED.has(q.category) || PEOPLE.has(q.category) ? [i] : [])).sort((a, b) => quantities[a]!.start - quantities[b]!.start || a - b);
  for (const members of bySentence.values()) {
    const sentence = sized[members[0]!]!.sentence;
    const figures: number[] = [];
    for (let k = lowerBoundBy(byStart, sentence.start, (i) => quantities[i]!.start); k < byStart.length && quantities[byStart[k]!]!.start <= sentence.end; k++) {
      if (quantities[byStart[k]!]!.end <= sentence.end) figures.push(byStart[k]!);
    }
    figures.sort((a, b) => a - b);
    if (figures.length === 0) continue;
    const clauses = clauseIndex(ctx, sentence.start, sentence.end, new Set(members.map((i) => sized[i]!.trigger.start)));
    const clauseOf = clauses.at;
    const acts = members
      .filter((i) => !SAID_TYPES.has(sized[i]!.type))
      .map((i) => ({ i, at: sized[i]!.trigger.start, clause: clauseOf(sized[i]!.trigger.start) }))
      .sort((a, b) => a.at - b.at);
    for (const qi of figures) {
      const q = quantities[qi]!;
      const clause = clauseOf(q.start);
      // What is said is not the speaker's act (rule 3).
      const eligible = acts.filter((a) => {
        const content = sized[a.i]!.content;
        return !(content && q.start >= content.start && q.end <= content.end);
      });
      const own = eligible.filter((a) => a.clause === clause);
      const before = own.filter((a) => a.at < q.start).at(-1);
      const after = own.find((a) => a.at >= q.end);
      // Rule 5: a count of people right after an act of a known role is who the act befell.
      const role = before && q.counted !== null && (q.unit === 'person' || q.unit === null) && PEOPLE.has(q.category) ? roleOf(sized[before.i]!.rule) : undefined;
      if (role && nameNoFate(ctx, sized[before!.i]!.trigger.end, q.start)) {
        addToSize(sized[before!.i]!.size, role, sizeFigure(quantities, qi));
        continue;
      }
      if (!SIZED.has(q.category)) continue;
      let owner = before ?? after;
      if (!owner && TOLL_CATEGORIES.has(q.category) && clauses.opensWithVerb(clause) && !acts.some((a) => a.clause === clause)) {
        owner = eligible.filter((a) => a.at < q.start && FORCE_TYPES.has(sized[a.i]!.type)).at(-1);
      }
      if (owner) addToSize(sized[owner.i]!.size, q.category as SizeCategory, sizeFigure(quantities, qi));
    }
  }
  return sized;
}

/** Whether the words between two offsets name no fate (no category cue of what happened to people: مقتل، نزوح …). */
function nameNoFate(ctx: DocumentContext, from: number, to: number): boolean {
  const tokens = ctx.doc.tokens;
  const lexicon = quantityLexicon();
  for (let t = tokens.indexAt(from); t < tokens.count && tokens.start(t) < to; t++) {
    if (tokens.kind(t) === TokenKind.Word && lexicon.cueOf(ctx.norms[t]!)?.kind === 'event') return false;
  }
  return true;
}

/**
 * The clauses of a sentence [start, end): `at` numbers the clause of a character offset;
 * `opensWithVerb` says whether a clause begins with و/ف + a verb of its own ("وأصيب").
 */
function clauseIndex(
  ctx: DocumentContext,
  start: number,
  end: number,
  triggerStarts: ReadonlySet<number>,
): { at: (offset: number) => number; opensWithVerb: (clause: number) => boolean } {
  const tokens = ctx.doc.tokens;
  const relatives = eventLexicon().relativePronouns;
  const breaks: number[] = []; // character offsets where a new clause begins
  const verbOpened = new Set<number>(); // clause numbers opened by و/ف + a verb
  for (let t = tokens.indexAt(start); t < tokens.count && tokens.start(t) < end; t++) {
    const norm = ctx.norms[t]!;
    if (tokens.kind(t) === TokenKind.Punct) {
      if (BREAK_PUNCT.has(norm)) breaks.push(tokens.end(t));
      continue;
    }
    if (tokens.kind(t) !== TokenKind.Word) continue;
    // و/ف + a verb of what happens to people, or + another event's trigger ("واعتقلت").
    const joined = norm.startsWith('و') || norm.startsWith('ف');
    const bare = joined ? norm.slice(1) : norm;
    const conjoined = joined && (CLAUSE_VERBS.has(bare) || triggerStarts.has(tokens.start(t)));
    // "الذي", "والذي"; "فيما", "وفيما".
    const opener = relatives.has(norm) || relatives.has(bare) || BREAK_WORDS.has(norm) || BREAK_WORDS.has(bare);
    if (opener || conjoined) {
      breaks.push(tokens.start(t));
      if (conjoined && !opener) verbOpened.add(breaks.length);
    }
  }
  const at = (offset: number) => {
    let n = 0;
    while (n < breaks.length && breaks[n]! <= offset) n++;
    return n;
  };
  return { at, opensWithVerb: (clause) => verbOpened.has(clause) };
}
