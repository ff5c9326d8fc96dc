/**
 * Scores records against gold, exactly by the rules of `shared/design/contract.md`
 * ("How a record is scored against gold"):
 *
 * 1. Text is compared after normalisation: diacritics and tatweel removed; أ إ آ ٱ → ا; ى → ي; ة → ه.
 * 2. An entity matches a gold entity when the type agrees and one of its mentions, normalised and
 *    after dropping one leading و ف ب ل ك, equals one of the gold forms.
 * 3. A matched LOC with gold `geo` is geocoded correctly within 25 km (city, village, camp,
 *    facility, crossing), 75 km (admin and region), or with the right `country` (country).
 * 4. Dates and quantities match when their span overlaps the gold text where it stands in the
 *    record's text; a date is right when `value` is equal; a quantity when `value` is equal or,
 *    for vague amounts, `low` and `high` are within a factor of 2 of gold.
 * 5. An event matches when its type is equal and one of its actors matches the gold actor; fully
 *    when the recipient matches too (or neither names one). A gold actor or recipient may be a
 *    list, one of whose names is enough; a gold actor of null accepts any actor, a gold
 *    recipient of null requires none. An unmatched record event that repeats a matched one (same
 *    type and actors) is a duplicate, counted apart and not as a false positive. Topics: set
 *    overlap (Jaccard) on fully matched events.
 *
 * Matching is one to one (each gold item is found at most once, each prediction counts once);
 * where several pairings are possible, correct values are paired first.
 */
import type { DocumentRecord, Entity } from '../extract/record.js';
import { distanceKm } from '../lexicon/gazetteer.js';
import { normalize, normalizeForm, type StepName } from '../text/normalize.js';
import { partyNames, type GoldDocument, type GoldEntity, type GoldEvent } from './gold.js';

/** The contract's comparison normalisation (rule 1), plus invisible marks. */
const SCORE_STEPS: readonly StepName[] = ['bidi-zero-width', 'diacritics', 'tatweel', 'alef', 'ya', 'ta-marbuta'];

/** Folds a string as the scorer compares text. */
export function foldForScoring(s: string): string {
  return normalizeForm(s, SCORE_STEPS).replace(/\s+/gu, ' ').trim();
}

const LEADING_CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * A mention's comparable forms: itself, and without one leading و ف ب ل ك; and, for a name
 * the text writes with ل + ال contracted ("للتحالف": the mention is "لتحالف"), the name with
 * its article, as annotation.md has gold write it ("التحالف").
 */
export function mentionVariants(text: string): string[] {
  const f = foldForScoring(text);
  if (!(f.length > 1 && LEADING_CLITICS.has(f[0]!))) return [f];
  return f[0] === 'ل' && f[1] !== 'ل' && !f.startsWith('ال') ? [f, f.slice(1), 'ا' + f] : [f, f.slice(1)];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/**
 * One-to-one pairing: candidate pairs are taken in order of `weight` (higher first), each side
 * used once. Returns the chosen pairs.
 */
function pair<E>(edges: { p: number; g: number; weight: number; data: E }[]): { p: number; g: number; data: E }[] {
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const chosen: { p: number; g: number; data: E }[] = [];
  for (const e of [...edges].sort((a, b) => b.weight - a.weight || a.p - b.p || a.g - b.g)) {
    if (usedP.has(e.p) || usedG.has(e.g)) continue;
    usedP.add(e.p);
    usedG.add(e.g);
    chosen.push(e);
  }
  return chosen;
}

const POINT_KINDS = new Set(['city', 'village', 'camp', 'facility', 'crossing']);

/** Whether a predicted LOC is geocoded as the gold entity wants (rule 3); null when not scored. */
export function geocodedCorrectly(pred: Entity, gold: GoldEntity): boolean | null {
  if (gold.kind === 'country') {
    if (!gold.country) return null;
    return pred.country === gold.country;
  }
  if (!gold.geo) return null;
  if (!pred.geo) return false;
  const limit = POINT_KINDS.has(gold.kind ?? '') ? 25 : 75;
  return distanceKm(pred.geo.lat, pred.geo.lon, gold.geo[0], gold.geo[1]) <= limit;
}

/** Where each gold text stands in the record text: the k-th gold item with a text takes its k-th occurrence. */
function locate(text: string, goldTexts: string[]): ({ start: number; end: number } | null)[] {
  const n = normalize(text, SCORE_STEPS);
  const seen = new Map<string, number>();
  return goldTexts.map((g) => {
    const needle = normalizeForm(g, SCORE_STEPS).trim();
    const k = seen.get(needle) ?? 0;
    seen.set(needle, k + 1);
    const hits: number[] = [];
    for (let at = n.text.indexOf(needle); at >= 0; at = n.text.indexOf(needle, at + 1)) hits.push(at);
    if (hits.length === 0 || needle.length === 0) return null;
    const at = hits[Math.min(k, hits.length - 1)]!;
    const [start, end] = n.toOriginal(at, at + needle.length);
    return { start, end };
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const withinFactor2 = (pred: number | null, gold: number | null | undefined) =>
  pred !== null && gold !== null && gold !== undefined && pred >= gold / 2 && pred <= gold * 2;

export interface SpanScore {
  detection: Counts;
  /** Matched items whose value is right. */
  valueCorrect: number;
  /** Gold items whose text is nowhere in the record's text (cleaning removed it, or gold is off). */
  goldNotInText: string[];
  missed: string[];
  spurious: string[];
  wrongValue: { text: string; predicted: unknown; gold: unknown }[];
  /** Matched items whose gold gives a category (quantities): how many, and how many agree. */
  category: { scored: number; correct: number; wrong: { text: string; predicted: string; gold: string }[] };
}

export interface DocumentScore {
  doc: string;
  entities: Record<'PER' | 'ORG' | 'LOC', Counts>;
  geocoding: { correct: number; scored: number; wrong: string[] };
  entityMisses: { missed: string[]; spurious: string[] };
  dates: SpanScore;
  quantities: SpanScore;
  events: {
    typeActor: Counts;
    full: Counts;
    /** Record events that repeat a matched one (same type and actors): neither true nor false positives. */
    duplicates: number;
    /** Gold events naming a recipient; of them, found at type + actor; of those, with the recipient right. */
    recipients: { named: number; found: number; right: number };
    topicJaccard: number[];
    missed: string[];
    /** Found at type + actor, but the recipient is wrong. */
    wrongRecipient: string[];
    spurious: string[];
    /**
     * Every record event's confidence, and whether it is right: matched at type + actor, or a
     * duplicate of a matched one (the calibration table).
     */
    calibration: EventOutcome[];
  };
}

/** One record event for the calibration table. */
export interface EventOutcome {
  confidence: number;
  right: boolean;
}

/** Confidence buckets of the calibration table: [low, high), the last one closed. */
export const CALIBRATION_BUCKETS: readonly (readonly [number, number])[] = [
  [0, 0.3],
  [0.3, 0.5],
  [0.5, 0.7],
  [0.7, 0.85],
  [0.85, 1],
];

export interface CalibrationBucket {
  low: number;
  high: number;
  /** Record events in the bucket; of them, right (matched at type + actor, or duplicates of a matched one). */
  events: number;
  right: number;
  precision: number;
}

export interface Calibration {
  buckets: CalibrationBucket[];
  /** Events at 0.7 or above, and the share of them that is right (the issue's target: at least 0.8). */
  atLeast70: { events: number; right: number; precision: number };
}

/**
 * Confidence bucket → how many record events, and the share of them that is right.
 *
 * @example
 * calibrationTable([{ confidence: 0.9, right: true }, { confidence: 0.2, right: false }]).buckets[4]
 * // { low: 0.85, high: 1, events: 1, right: 1, precision: 1 }
 */
export function calibrationTable(outcomes: readonly EventOutcome[]): Calibration {
  const last = CALIBRATION_BUCKETS.length - 1;
  const buckets = CALIBRATION_BUCKETS.map(([low, high], i) => {
    const inside = outcomes.filter((o) => o.confidence >= low && (o.confidence < high || (i === last && o.confidence <= high)));
    const right = inside.filter((o) => o.right).length;
    return { low, high, events: inside.length, right, precision: inside.length === 0 ? 0 : right / inside.length };
  });
  const sure = outcomes.filter((o) => o.confidence >= 0.7);
  const sureRight = sure.filter((o) => o.right).length;
  return { buckets, atLeast70: { events: sure.length, right: sureRight, precision: sure.length === 0 ? 0 : sureRight / sure.length } };
}

function scoreSpans<P extends { start: number; end: number; text: string }, G extends { text: string }>(
  record: DocumentRecord,
  predicted: P[],
  gold: G[],
  isRight: (p: P, g: G) => boolean,
  describe: (p: P) => unknown,
  describeGold: (g: G) => unknown,
  categories?: { predicted: (p: P) => string; gold: (g: G) => string | undefined },
): SpanScore {
  const places = locate(record.text, gold.map((g) => g.text));
  const edges: { p: number; g: number; weight: number; data: boolean }[] = [];
  predicted.forEach((p, pi) =>
    gold.forEach((g, gi) => {
      const at = places[gi];
      if (at && overlaps(p, at)) {
        const right = isRight(p, g);
        edges.push({ p: pi, g: gi, weight: right ? 2 : 1, data: right });
      }
    }),
  );
  const pairs = pair(edges);
  const matchedP = new Set(pairs.map((x) => x.p));
  const matchedG = new Set(pairs.map((x) => x.g));
  return {
    detection: { tp: pairs.length, fp: predicted.length - pairs.length, fn: gold.length - pairs.length },
    valueCorrect: pairs.filter((x) => x.data).length,
    goldNotInText: gold.filter((_, i) => !places[i]).map((g) => g.text),
    missed: gold.filter((_, i) => !matchedG.has(i)).map((g) => g.text),
    spurious: predicted.filter((_, i) => !matchedP.has(i)).map((p) => p.text),
    wrongValue: pairs
      .filter((x) => !x.data)
      .map((x) => ({ text: predicted[x.p]!.text, predicted: describe(predicted[x.p]!), gold: describeGold(gold[x.g]!) })),
    category: scoreCategories(pairs, predicted, gold, categories),
  };
}

function scoreCategories<P extends { text: string }, G>(
  pairs: { p: number; g: number }[],
  predicted: P[],
  gold: G[],
  categories?: { predicted: (p: P) => string; gold: (g: G) => string | undefined },
): SpanScore['category'] {
  const out: SpanScore['category'] = { scored: 0, correct: 0, wrong: [] };
  if (!categories) return out;
  for (const x of pairs) {
    const want = categories.gold(gold[x.g]!);
    if (want === undefined) continue;
    const got = categories.predicted(predicted[x.p]!);
    out.scored++;
    if (got === want) out.correct++;
    else out.wrong.push({ text: predicted[x.p]!.text, predicted: got, gold: want });
  }
  return out;
}

/**
 * Scores one record against its gold document.
 *
 * @example
 * const s = scoreDocument(record, readGold('gold/000_….json'));
 * s.dates.detection  // { tp: 6, fp: 0, fn: 0 }
 */
export function scoreDocument(record: DocumentRecord, gold: GoldDocument): DocumentScore {
  // ── entities (rule 2) ──
  const goldForms = gold.entities.map((g) => new Set(g.forms.map(foldForScoring)));
  const entityEdges: { p: number; g: number; weight: number; data: null }[] = [];
  record.entities.forEach((e, pi) => {
    const variants = e.mentions.flatMap((m) => mentionVariants(m.text));
    gold.entities.forEach((g, gi) => {
      if (g.type === e.type && variants.some((v) => goldForms[gi]!.has(v))) entityEdges.push({ p: pi, g: gi, weight: 1, data: null });
    });
  });
  const entityPairs = pair(entityEdges);
  const entities = { PER: zero(), ORG: zero(), LOC: zero() };
  for (const x of entityPairs) entities[gold.entities[x.g]!.type].tp++;
  const matchedP = new Set(entityPairs.map((x) => x.p));
  const matchedG = new Set(entityPairs.map((x) => x.g));
  record.entities.forEach((e, i) => {
    if (!matchedP.has(i)) entities[e.type].fp++;
  });
  gold.entities.forEach((g, i) => {
    if (!matchedG.has(i)) entities[g.type].fn++;
  });

  // ── geocoding (rule 3) ──
  const geocoding = { correct: 0, scored: 0, wrong: [] as string[] };
  for (const x of entityPairs) {
    const g = gold.entities[x.g]!;
    if (g.type !== 'LOC') continue;
    const right = geocodedCorrectly(record.entities[x.p]!, g);
    if (right === null) continue;
    geocoding.scored++;
    if (right) geocoding.correct++;
    else geocoding.wrong.push(g.en);
  }

  // ── dates and quantities (rule 4) ──
  const dates = scoreSpans(
    record,
    record.dates,
    gold.dates,
    (p, g) => p.value === g.value,
    (p) => p.value,
    (g) => g.value,
  );
  const quantities = scoreSpans(
    record,
    record.quantities,
    gold.quantities,
    (p, g) => (g.value !== null ? p.value === g.value : p.value === null && withinFactor2(p.low, g.low) && withinFactor2(p.high, g.high)),
    (p) => (p.value !== null ? p.value : [p.low, p.high]),
    (g) => (g.value !== null ? g.value : [g.low, g.high]),
    { predicted: (p) => p.category, gold: (g) => g.category },
  );

  // ── events (rule 5) ──
  const goldName = new Map<string, string>(); // predicted entity id → gold entity en
  for (const x of entityPairs) goldName.set(record.entities[x.p]!.id, gold.entities[x.g]!.en);
  const names = (ids: string[]) => ids.map((id) => goldName.get(id)).filter((n): n is string => n !== undefined);
  // A gold actor of null (unnamed doer) accepts any actor; a list accepts any one of its names.
  const actorMatches = (ids: string[], want: string | string[] | null) =>
    want === null || names(ids).some((n) => partyNames(want).includes(n));
  // A gold recipient of null means the text names none: the record must name none.
  const recipientMatches = (ids: string[], want: string | string[] | null) =>
    want === null ? ids.length === 0 : names(ids).some((n) => partyNames(want).includes(n));
  const typeActorEdges: { p: number; g: number; weight: number; data: null }[] = [];
  const fullEdges: { p: number; g: number; weight: number; data: number }[] = [];
  record.events.forEach((e, pi) =>
    gold.events.forEach((g, gi) => {
      if (e.type !== g.type || !actorMatches(e.actor, g.actor)) return;
      const full = recipientMatches(e.recipient, g.recipient);
      // Prefer pairings that also get the recipient right, so that type + actor and full agree.
      typeActorEdges.push({ p: pi, g: gi, weight: full ? 2 : 1, data: null });
      if (full) {
        const a = new Set(e.topics);
        const b = new Set(g.topics);
        const union = new Set([...a, ...b]).size;
        const jaccard = union === 0 ? 1 : [...a].filter((t) => b.has(t)).length / union;
        fullEdges.push({ p: pi, g: gi, weight: 1 + jaccard, data: jaccard });
      }
    }),
  );
  const typeActorPairs = pair(typeActorEdges);
  const fullPairs = pair(fullEdges);
  const eventKey = (i: number) => {
    const e = record.events[i]!;
    return `${e.type}|${[...e.actor].sort().join(',')}`;
  };
  /** Unmatched events that repeat a matched one (same type and actors): duplicates, not false positives. */
  const duplicatesOf = (pairs: { p: number }[]) => {
    const matched = new Set(pairs.map((x) => x.p));
    const keys = new Set([...matched].map(eventKey));
    return new Set(record.events.map((_, i) => i).filter((i) => !matched.has(i) && keys.has(eventKey(i))));
  };
  const typeActorDuplicates = duplicatesOf(typeActorPairs);
  const fullDuplicates = duplicatesOf(fullPairs);
  const counts = (pairs: { p: number }[], duplicates: Set<number>): Counts => ({
    tp: pairs.length,
    fp: record.events.length - pairs.length - duplicates.size,
    fn: gold.events.length - pairs.length,
  });
  const matchedEventsP = new Set(typeActorPairs.map((x) => x.p));
  const matchedEventsG = new Set(typeActorPairs.map((x) => x.g));
  const fullyMatchedG = new Set(fullPairs.map((x) => x.g));
  const party = (p: string | string[] | null) => (p === null ? null : partyNames(p).join(' + '));
  const describeGold = (g: GoldEvent) =>
    `${g.type} ${party(g.actor) ?? '?'} → ${party(g.recipient) ?? '—'}${g.trigger ? `  «${g.trigger}»` : ''}`;
  const describePredicted = (i: number) => {
    const e = record.events[i]!;
    const who = (ids: string[]) => (ids.length === 0 ? null : ids.map((id) => goldName.get(id) ?? id).join(' + '));
    return `${e.type} ${who(e.actor) ?? '?'} → ${who(e.recipient) ?? '—'}  «${e.trigger.text}» ${e.confidence.toFixed(2)}`;
  };
  // Recipients: of the gold events that name one and are found (type + actor), how many get it right.
  const withRecipient = typeActorPairs.filter((x) => gold.events[x.g]!.recipient !== null);
  return {
    doc: gold.doc,
    entities,
    geocoding,
    entityMisses: {
      missed: gold.entities.filter((_, i) => !matchedG.has(i)).map((g) => `${g.type} ${g.en}`),
      spurious: record.entities.filter((_, i) => !matchedP.has(i)).map((e) => `${e.type} ${e.name.ar}`),
    },
    dates,
    quantities,
    events: {
      typeActor: counts(typeActorPairs, typeActorDuplicates),
      full: counts(fullPairs, fullDuplicates),
      duplicates: typeActorDuplicates.size,
      recipients: {
        named: gold.events.filter((g) => g.recipient !== null).length,
        found: withRecipient.length,
        right: withRecipient.filter((x) => recipientMatches(record.events[x.p]!.recipient, gold.events[x.g]!.recipient)).length,
      },
      topicJaccard: fullPairs.map((x) => x.data),
      missed: gold.events.filter((_, i) => !matchedEventsG.has(i)).map(describeGold),
      wrongRecipient: typeActorPairs
        .filter((x) => !fullyMatchedG.has(x.g))
        .map((x) => `${describeGold(gold.events[x.g]!)}  ⇐ ${describePredicted(x.p)}`),
      spurious: record.events.map((_, i) => i).filter((i) => !matchedEventsP.has(i) && !typeActorDuplicates.has(i)).map(describePredicted),
      calibration: record.events.map((e, i) => ({ confidence: e.confidence, right: matchedEventsP.has(i) || typeActorDuplicates.has(i) })),
    },
  };
}

/** Scores over several documents, micro-averaged. */
export interface Summary {
  documents: number;
  entities: { PER: PRF; ORG: PRF; LOC: PRF; overall: PRF };
  geocoding: { accuracy: number; correct: number; scored: number };
  dates: { detection: PRF; valueAccuracy: number; valueCorrect: number };
  quantities: { detection: PRF; valueAccuracy: number; valueCorrect: number; category: { accuracy: number; correct: number; scored: number } };
  events: {
    typeActor: PRF;
    full: PRF;
    duplicates: number;
    /** Recipients of the found gold events that name one: right / found; `recall` is right / named. */
    recipients: { named: number; found: number; right: number; accuracy: number; recall: number };
    topicJaccard: number;
    fullyMatched: number;
    /** Confidence bucket → record events and the share right (matched at type + actor, or duplicates of a matched one). */
    calibration: Calibration;
  };
}

export function summarize(scores: DocumentScore[]): Summary {
  const sum = (f: (s: DocumentScore) => Counts) => scores.reduce((acc, s) => add(acc, f(s)), zero());
  const per = { PER: sum((s) => s.entities.PER), ORG: sum((s) => s.entities.ORG), LOC: sum((s) => s.entities.LOC) };
  const overall = add(add(per.PER, per.ORG), per.LOC);
  const geoCorrect = scores.reduce((n, s) => n + s.geocoding.correct, 0);
  const geoScored = scores.reduce((n, s) => n + s.geocoding.scored, 0);
  const span = (f: (s: DocumentScore) => SpanScore) => {
    const detection = sum((s) => f(s).detection);
    const valueCorrect = scores.reduce((n, s) => n + f(s).valueCorrect, 0);
    return { detection: prf(detection), valueCorrect, valueAccuracy: detection.tp === 0 ? 0 : valueCorrect / detection.tp };
  };
  const jaccards = scores.flatMap((s) => s.events.topicJaccard);
  return {
    documents: scores.length,
    entities: { PER: prf(per.PER), ORG: prf(per.ORG), LOC: prf(per.LOC), overall: prf(overall) },
    geocoding: { accuracy: geoScored === 0 ? 0 : geoCorrect / geoScored, correct: geoCorrect, scored: geoScored },
    dates: span((s) => s.dates),
    quantities: {
      ...span((s) => s.quantities),
      category: (() => {
        const scored = scores.reduce((n, s) => n + s.quantities.category.scored, 0);
        const correct = scores.reduce((n, s) => n + s.quantities.category.correct, 0);
        return { accuracy: scored === 0 ? 0 : correct / scored, correct, scored };
      })(),
    },
    events: {
      typeActor: prf(sum((s) => s.events.typeActor)),
      full: prf(sum((s) => s.events.full)),
      duplicates: scores.reduce((n, s) => n + s.events.duplicates, 0),
      recipients: recipientSummary(scores),
      topicJaccard: jaccards.length === 0 ? 0 : jaccards.reduce((a, b) => a + b, 0) / jaccards.length,
      fullyMatched: jaccards.length,
      calibration: calibrationTable(scores.flatMap((s) => s.events.calibration)),
    },
  };
}

function recipientSummary(scores: DocumentScore[]): Summary['events']['recipients'] {
  const named = scores.reduce((n, s) => n + s.events.recipients.named, 0);
  const found = scores.reduce((n, s) => n + s.events.recipients.found, 0);
  const right = scores.reduce((n, s) => n + s.events.recipients.right, 0);
  return { named, found, right, accuracy: found === 0 ? 0 : right / found, recall: named === 0 ? 0 : right / named };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const row = (name: string, p: PRF) =>
  `  ${name.padEnd(22)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

/** A readable table of a summary. */
export function formatSummary(s: Summary): string {
  return [
    `Scored ${s.documents} documents (contract.md rules)`,
    'Entities',
    row('PER', s.entities.PER),
    row('ORG', s.entities.ORG),
    row('LOC', s.entities.LOC),
    row('overall', s.entities.overall),
    `  geocoding accuracy     ${pct(s.geocoding.accuracy)}   (${s.geocoding.correct}/${s.geocoding.scored})`,
    'Dates',
    row('detection', s.dates.detection),
    `  value accuracy         ${pct(s.dates.valueAccuracy)}   (${s.dates.valueCorrect}/${s.dates.detection.tp})`,
    'Quantities',
    row('detection', s.quantities.detection),
    `  value accuracy         ${pct(s.quantities.valueAccuracy)}   (${s.quantities.valueCorrect}/${s.quantities.detection.tp})`,
    `  category accuracy      ${pct(s.quantities.category.accuracy)}   (${s.quantities.category.correct}/${s.quantities.category.scored} matched figures whose gold gives one)`,
    'Events',
    row('type + actor', s.events.typeActor),
    row('full (+ recipient)', s.events.full),
    `  duplicates             ${String(s.events.duplicates).padStart(5)}   (repeats of a matched event, not counted as false positives)`,
    `  recipients right       ${pct(s.events.recipients.accuracy)}   (${s.events.recipients.right} of ${s.events.recipients.found} found events that name one; ${pct(s.events.recipients.recall)}% of all ${s.events.recipients.named})`,
    `  topic Jaccard          ${pct(s.events.topicJaccard)}   (over ${s.events.fullyMatched} fully matched)`,
    'Confidence (record events right at type + actor, duplicates of a matched one included)',
    ...s.events.calibration.buckets.map(
      (b, i, all) =>
        `  ${`[${b.low.toFixed(2)}, ${b.high.toFixed(2)}${i === all.length - 1 ? ']' : ')'}`.padEnd(22)} ${String(b.events).padStart(5)} events   precision ${b.events ? pct(b.precision) : '    —'}   (${b.right} right)`,
    ),
    `  ≥ 0.70                 ${String(s.events.calibration.atLeast70.events).padStart(5)} events   precision ${s.events.calibration.atLeast70.events ? pct(s.events.calibration.atLeast70.precision) : '    —'}   (${s.events.calibration.atLeast70.right} right)`,
  ].join('\n');
}
