/**
 * Records written by hand or generated, with every span computed from the text, for tests
 * that need known records whatever the extractors make of a text, and for the API benchmark's
 * load. `buildRecord`
 * turns a readable description (names and words, no offsets) into a record that satisfies
 * the contract; `syntheticRecords` makes any number of varied ones for load.
 */
import { documentId } from '../extract/document.js';
import type { DocumentRecord, Entity, Event, Quantity, Span } from '../extract/record.js';
import { seededRandom } from '../ner/train.js';
import { analyzeText } from '../text/analyze.js';

export interface EntitySpec {
  readonly id: string;
  readonly type: Entity['type'];
  readonly subtype?: string | null;
  readonly ar: string;
  readonly en?: string | null;
  readonly country?: string | null;
  readonly geo?: Entity['geo'];
  /** Surface forms: every occurrence of each in the text becomes a mention. */
  readonly forms: readonly string[];
}

export interface QuantitySpec extends Partial<Omit<Quantity, 'start' | 'end' | 'text' | 'category'>> {
  /** The words of the figure as they stand in the text (first occurrence). */
  readonly text: string;
  readonly category: Quantity['category'];
}

export interface EventSpec extends Partial<Omit<Event, 'sentence' | 'trigger' | 'content' | 'date'>> {
  readonly type: Event['type'];
  /** The trigger word as it stands in the text (its `occurrence`-th occurrence, from 0). */
  readonly trigger: string;
  readonly occurrence?: number;
  /** Look for the trigger inside the first occurrence of this passage (a sentence). */
  readonly within?: string;
  readonly content?: string;
  readonly date?: string | null;
}

export interface RecordSpec {
  readonly title: string;
  readonly body: string;
  readonly published?: string | null;
  readonly outlet?: string | null;
  readonly url?: string;
  readonly entities?: readonly EntitySpec[];
  readonly dates?: readonly { text: string; value: string | null; relative?: boolean }[];
  readonly quantities?: readonly QuantitySpec[];
  readonly events?: readonly EventSpec[];
}

function find(text: string, part: string, occurrence = 0, from = 0): Span {
  let at = from - 1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`buildRecord: "${part}" is not in the text`);
  }
  return { start: at, end: at + part.length, text: part };
}

function allOf(text: string, part: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) spans.push({ start: at, end: at + part.length, text: part });
  return spans;
}

const precisionOf = (iso: string | null) => (iso === null ? null : iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day');

/**
 * A record from a description: mentions, figures, triggers and sentences located in the text.
 *
 * @example
 * buildRecord({ title: 'قسد تعتقل', body: 'اعتقلت قسد خمسة عناصر.',
 *   entities: [{ id: 'org:sdf', type: 'ORG', ar: 'قوات سوريا الديمقراطية', forms: ['قسد'] }],
 *   events: [{ type: 'COERCE', trigger: 'اعتقلت', actor: ['org:sdf'] }] })
 */
export function buildRecord(spec: RecordSpec): DocumentRecord {
  const text = `${spec.title}\n\n${spec.body}`;
  const sentences = analyzeText(text).sentences;
  const sentenceAt = (offset: number): Span => {
    const s = sentences.find((x) => x.start <= offset && offset < x.end) ?? { start: 0, end: text.length };
    return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
  };
  const published = spec.published === undefined ? '2024-12-06' : spec.published;
  const mentionsOf = (forms: readonly string[]) => {
    // A longer form wins over a shorter one inside it ("قوات سوريا الديمقراطية" over "سوريا").
    const spans = [...forms].sort((a, b) => b.length - a.length).flatMap((f) => allOf(text, f));
    const kept: Span[] = [];
    for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    return kept.sort((a, b) => a.start - b.start);
  };
  return {
    id: documentId(text),
    source: { path: `hand-made/${documentId(text)}.txt`, ...(spec.url ? { url: spec.url } : {}), outlet: spec.outlet ?? null },
    title: spec.title,
    published,
    language: 'ar',
    text,
    entities: (spec.entities ?? []).map((e) => ({
      id: e.id,
      type: e.type,
      subtype: e.subtype ?? null,
      name: { ar: e.ar, en: e.en ?? null },
      country: e.country ?? null,
      geo: e.geo ?? null,
      mentions: mentionsOf(e.forms),
      rule: 'hand-made',
    })),
    dates: (spec.dates ?? []).map((d) => ({ ...find(text, d.text), value: d.value, precision: precisionOf(d.value), relative: d.relative ?? false, rule: 'hand-made' })),
    quantities: (spec.quantities ?? []).map((q) => ({
      ...find(text, q.text),
      value: q.value ?? null,
      low: q.low ?? null,
      high: q.high ?? null,
      qualifier: q.qualifier ?? null,
      unit: q.unit ?? null,
      counted: q.counted ?? null,
      category: q.category,
      rule: 'hand-made',
    })),
    events: (spec.events ?? []).map((e, i) => {
      const trigger = find(text, e.trigger, e.occurrence ?? 0, e.within ? find(text, e.within).start : 0);
      const sentence = sentenceAt(trigger.start);
      const date = e.date === undefined ? published : e.date;
      return {
        id: `ev${i + 1}`,
        type: e.type,
        mode: e.mode ?? null,
        contexts: e.contexts ?? [],
        actor: e.actor ?? [],
        recipient: e.recipient ?? [],
        place: e.place ?? null,
        date: { value: date, precision: precisionOf(date) },
        topics: e.topics ?? [],
        quantities: e.quantities ?? [],
        modality: e.modality ?? 'asserted',
        sentence,
        trigger,
        content: e.content ? find(text, e.content, 0, trigger.start) : null,
        confidence: e.confidence ?? 0.8,
        rule: e.rule ?? 'hand-made',
        ...(e.size ? { size: e.size } : {}),
      };
    }),
    messages: [],
    pipeline: { version: 'hand-made', lexicon: 'hand-made', model: null },
  };
}

const ACTORS: readonly EntitySpec[] = [
  { id: 'org:sdf', type: 'ORG', subtype: 'MIL', ar: 'قوات سوريا الديمقراطية', en: 'SDF', country: 'SY', forms: ['قوات سوريا الديمقراطية'] },
  { id: 'org:isis', type: 'ORG', subtype: 'REB', ar: 'داعش', en: 'ISIS', forms: ['داعش'] },
  { id: 'org:coalition', type: 'ORG', subtype: 'IGO', ar: 'التحالف الدولي', en: 'Global Coalition', forms: ['التحالف الدولي'] },
  { id: 'org:aanes', type: 'ORG', subtype: 'GOV', ar: 'الإدارة الذاتية', en: 'Autonomous Administration', country: 'SY', forms: ['الإدارة الذاتية'] },
  { id: 'org:iraqi-army', type: 'ORG', subtype: 'MIL', ar: 'الجيش العراقي', en: 'Iraqi Army', country: 'IQ', forms: ['الجيش العراقي'] },
  { id: 'org:un', type: 'ORG', subtype: 'IGO', ar: 'الأمم المتحدة', en: 'United Nations', forms: ['الأمم المتحدة'] },
  { id: 'org:kongra-star', type: 'ORG', subtype: 'NGO', ar: 'مؤتمر ستار', en: 'Kongra Star', country: 'SY', forms: ['مؤتمر ستار'] },
  { id: 'org:tr-factions', type: 'ORG', subtype: 'MIL', ar: 'الفصائل الموالية لتركيا', en: 'Turkish-backed factions', forms: ['الفصائل الموالية لتركيا'] },
];

const PLACES: readonly EntitySpec[] = [
  { id: 'loc:sy:aleppo', type: 'LOC', subtype: 'city', ar: 'حلب', en: 'Aleppo', country: 'SY', geo: { lat: 36.2021, lon: 37.1343, precision: 'point' }, forms: ['حلب'] },
  { id: 'loc:sy:deir-ezzor', type: 'LOC', subtype: 'city', ar: 'دير الزور', en: 'Deir ez-Zor', country: 'SY', geo: { lat: 35.3359, lon: 40.1408, precision: 'point' }, forms: ['دير الزور'] },
  { id: 'loc:sy:hasakah', type: 'LOC', subtype: 'city', ar: 'الحسكة', en: 'Al-Hasakah', country: 'SY', geo: { lat: 36.5024, lon: 40.7477, precision: 'point' }, forms: ['الحسكة'] },
  { id: 'loc:sy:raqqa', type: 'LOC', subtype: 'city', ar: 'الرقة', en: 'Raqqa', country: 'SY', geo: { lat: 35.9528, lon: 39.0079, precision: 'point' }, forms: ['الرقة'] },
  { id: 'loc:sy:al-hol', type: 'LOC', subtype: 'camp', ar: 'مخيم الهول', en: 'Al-Hol camp', country: 'SY', geo: { lat: 36.3786, lon: 41.1488, precision: 'point' }, forms: ['مخيم الهول'] },
  { id: 'loc:iq:mosul', type: 'LOC', subtype: 'city', ar: 'الموصل', en: 'Mosul', country: 'IQ', geo: { lat: 36.34, lon: 43.13, precision: 'point' }, forms: ['الموصل'] },
  { id: 'loc:iq:kirkuk', type: 'LOC', subtype: 'city', ar: 'كركوك', en: 'Kirkuk', country: 'IQ', geo: { lat: 35.4681, lon: 44.3922, precision: 'point' }, forms: ['كركوك'] },
  { id: 'loc:iq:anbar', type: 'LOC', subtype: 'admin1', ar: 'الأنبار', en: 'Al Anbar', country: 'IQ', geo: { lat: 33.35, lon: 42.3, precision: 'admin1' }, forms: ['الأنبار'] },
];

/** Sentence patterns: {A} actor, {R} recipient, {P} place, {N} a figure. */
const PATTERNS: readonly { type: Event['type']; trigger: string; sentence: string; topics: string[]; category?: Quantity['category']; counted?: string }[] = [
  { type: 'ASSAULT', trigger: 'هاجم', sentence: 'هاجم {A} مواقع {R} قرب {P} ما أسفر عن مقتل {N} شخصا.', topics: ['counter-isis'], category: 'killed', counted: 'شخصا' },
  { type: 'REQUEST', trigger: 'طالب', sentence: 'طالب {A} {R} باستعادة المعتقلين المحتجزين في {P}.', topics: ['repatriation', 'detainees'] },
  { type: 'ACCUSE', trigger: 'اتهم', sentence: 'اتهم {A} {R} بقصف الأحياء السكنية في {P}.', topics: ['civilian-protection'] },
  { type: 'COERCE', trigger: 'اعتقل', sentence: 'اعتقل {A} {N} عنصرا من {R} في {P}.', topics: ['counter-isis'], category: 'detained', counted: 'عنصرا' },
  { type: 'AID', trigger: 'قدم', sentence: 'قدم {A} مساعدات إنسانية إلى {R} لنحو {N} نازح في {P}.', topics: ['humanitarian-aid'], category: 'displaced', counted: 'نازح' },
  { type: 'CONSULT', trigger: 'التقى', sentence: 'التقى وفد من {A} ممثلين عن {R} في {P} لبحث التنسيق الأمني.', topics: ['security-cooperation'] },
  { type: 'STATEMENT', trigger: 'أعلن', sentence: 'أعلن {A} أن {R} يواصل عملياته في {P}.', topics: [] },
];

const OUTLETS = ['هاوار', 'عنب بلدي', 'الشرق الأوسط', 'رووداو', 'السومرية'];

/**
 * `count` varied records for load: two to five events each, between actors, recipients and
 * places drawn from a fixed cast, with figures and dates over 2019-2024. Deterministic.
 *
 * @example
 * const records = syntheticRecords(10_000);
 */
export function syntheticRecords(count: number, seed = 7): DocumentRecord[] {
  const rnd = seededRandom(seed); // the same seed gives the same corpus
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const records: DocumentRecord[] = [];
  for (let n = 0; n < count; n++) {
    const year = 2019 + Math.floor(rnd() * 6);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const sentences: string[] = [];
    const events: EventSpec[] = [];
    const quantities: QuantitySpec[] = [];
    const cast = new Set<EntitySpec>();
    const k = 2 + Math.floor(rnd() * 4);
    for (let i = 0; i < k; i++) {
      const pattern = pick(PATTERNS);
      const actor = pick(ACTORS);
      let recipient = pick(ACTORS);
      if (recipient === actor) recipient = ACTORS[(ACTORS.indexOf(actor) + 1) % ACTORS.length]!;
      const place = pick(PLACES);
      const figure = String(3 + Math.floor(rnd() * 400));
      // A number and a serial make each sentence distinct, so each trigger is found once.
      const sentence = `${pattern.sentence.replace('{A}', actor.forms[0]!).replace('{R}', recipient.forms[0]!).replace('{P}', place.forms[0]!).replace('{N}', figure)} (${n}-${i})`;
      sentences.push(sentence);
      for (const e of [actor, recipient, place]) cast.add(e);
      const cites: number[] = [];
      if (pattern.category) {
        cites.push(quantities.length);
        quantities.push({ text: `${figure} ${pattern.counted}`, value: Number(figure), category: pattern.category, counted: pattern.counted ?? null, unit: 'person' });
      }
      events.push({
        type: pattern.type,
        trigger: pattern.trigger,
        within: sentence,
        actor: [actor.id],
        recipient: [recipient.id],
        place: place.id,
        topics: pattern.topics,
        quantities: cites,
        date: published,
        confidence: Math.round((0.5 + rnd() * 0.5) * 100) / 100,
        rule: 'synthetic',
      });
    }
    const first = events[0]!;
    const title = `${ACTORS.find((a) => a.id === first.actor![0])!.forms[0]} في ${PLACES.find((p) => p.id === first.place)!.forms[0]}: تطورات ميدانية (${n})`;
    const record = buildRecord({
      title,
      body: sentences.join(' '),
      published,
      outlet: pick(OUTLETS),
      entities: [...cast],
      quantities,
      events,
    });
    records.push({ ...record, source: { path: `synthetic/${n}.txt`, outlet: record.source.outlet ?? null }, pipeline: { version: 'synthetic', lexicon: 'synthetic', model: null } });
  }
  return records;
}
