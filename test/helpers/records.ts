/**
 * Hand-made records for store tests: every list filled, every span computed from the text,
 * so the store is tested on the whole contract before the extractors fill it.
 */
import { buildRecord } from '../../src/bench/records.js';
import { documentId, extractArticle } from '../../src/extract/document.js';
import type { DocumentRecord, Span } from '../../src/extract/record.js';

/** The span of the n-th occurrence (from 0) of `part` in `text`. */
export function spanOf(text: string, part: string, n = 0): Span {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`"${part}" is not in the text`);
  }
  return { start: at, end: at + part.length, text: part };
}

/**
 * A record of a short article about detainees with every list filled; or, given another
 * title or body, a record of that text with empty extract lists.
 */
export function sampleRecord(overrides: { title?: string; body?: string; pipelineVersion?: string } = {}): DocumentRecord {
  const custom = overrides.title !== undefined || overrides.body !== undefined;
  const title = overrides.title ?? 'الإدارة الذاتية تطالب بمحكمة دولية';
  const body =
    overrides.body ??
    'طالبت #الإدارة_الذاتية أمس الدول باستعادة المعتقلين من مخيم الهول في الحسكة. وقُتل عشرات المدنيين في هجوم لداعش.';
  const text = `${title}\n\n${body}`;
  const pipeline = { version: overrides.pipelineVersion ?? 'test+1', lexicon: 'ar-test', model: null };
  const base = {
    id: documentId(text),
    source: { path: 'news/a.txt', outlet: 'مرصد' },
    title,
    published: '2024-12-06',
    language: 'ar' as const,
    text,
    pipeline,
  };
  if (custom) return { ...base, entities: [], dates: [], quantities: [], events: [], messages: [] };
  const sentence = spanOf(text, body.split('. ')[0]! + '.');
  return {
    ...base,
    entities: [
      {
        id: 'org:aanes',
        type: 'ORG',
        subtype: 'GOV',
        name: { ar: 'الإدارة الذاتية', en: 'Autonomous Administration' },
        country: 'SY',
        geo: null,
        mentions: [spanOf(text, 'الإدارة الذاتية'), spanOf(text, 'الإدارة_الذاتية')],
      },
      {
        id: 'loc:sy:hasakah',
        type: 'LOC',
        subtype: 'city',
        name: { ar: 'الحسكة', en: 'Al-Hasakah' },
        country: 'SY',
        geo: { lat: 36.5, lon: 40.75, precision: 'point', pcode: 'SY0800' },
        mentions: [spanOf(text, 'الحسكة')],
      },
    ],
    dates: [{ ...spanOf(text, 'أمس'), value: '2024-12-05', precision: 'day', relative: true }],
    quantities: [
      { ...spanOf(text, 'عشرات المدنيين'), value: null, low: 20, high: 90, qualifier: null, unit: 'person', counted: 'المدنيين', category: 'killed' },
    ],
    events: [
      {
        id: 'ev1',
        type: 'REQUEST',
        mode: null,
        contexts: ['legal'],
        actor: ['org:aanes'],
        recipient: [],
        place: 'loc:sy:hasakah',
        date: { value: '2024-12-05', precision: 'day' },
        topics: ['repatriation', 'camps'],
        quantities: [0],
        modality: 'asserted',
        sentence,
        trigger: spanOf(text, 'طالبت'),
        content: spanOf(text, 'باستعادة المعتقلين من مخيم الهول'),
        confidence: 0.9,
        rule: 'test/hand-made',
      },
    ],
    messages: [{ code: 'test-note', message: 'a note with a span', span: spanOf(text, 'هجوم') }],
  };
}

const KONGRA = { id: 'org:kongra-star', type: 'ORG', subtype: 'NGO', ar: 'مؤتمر ستار', en: 'Kongra Star', forms: ['مؤتمر ستار'] } as const;
const COALITION = { id: 'org:coalition', type: 'ORG', subtype: 'IGO', ar: 'التحالف الدولي', en: 'Global Coalition', forms: ['التحالف الدولي'] } as const;
const TR_FORCES = { id: 'org:tr-forces', type: 'ORG', subtype: 'MIL', ar: 'القوات التركية', en: 'Turkish forces', country: 'TR', forms: ['القوات التركية'] } as const;
const ALEPPO = { id: 'loc:sy:aleppo', type: 'LOC', subtype: 'city', ar: 'حلب', en: 'Aleppo', country: 'SY', geo: { lat: 36.2021, lon: 37.1343, precision: 'point' }, forms: ['حلب'] } as const;
const ISIS = { id: 'org:isis', type: 'ORG', subtype: 'REB', ar: 'داعش', en: 'ISIS', forms: ['داعش'] } as const;
const DEIR = { id: 'loc:sy:deir-ezzor', type: 'LOC', subtype: 'city', ar: 'دير الزور', en: 'Deir ez-Zor', country: 'SY', geo: { lat: 35.3359, lon: 40.1408, precision: 'point' }, forms: ['دير الزور'] } as const;
const IRAQ = { id: 'loc:iq', type: 'LOC', subtype: 'country', ar: 'العراق', en: 'Iraq', country: 'IQ', geo: { lat: 33.2, lon: 43.7, precision: 'country' }, forms: ['العراق'] } as const;

/**
 * Three hand-made articles from two outlets with every list filled: (a) a demand and an
 * attack in Aleppo, (b) an SDF arrest and accusation in Deir ez-Zor, (c) a handover to Iraq
 * with a figure no event cites. The attack's size is its three dead; the accusation is the one
 * event below 0.7 confidence. Newest first: a (2024-12-06), b (2024-11-20), c (2023-05-01).
 */
export function storyRecords(): { a: DocumentRecord; b: DocumentRecord; c: DocumentRecord } {
  const a = buildRecord({
    title: 'مؤتمر ستار يطالب التحالف الدولي بحماية المدنيين',
    body: 'طالب مؤتمر ستار التحالف الدولي بحماية المدنيين في حلب. وقصفت القوات التركية قرية في ريف حلب أمس وقتلت ثلاثة مدنيين.',
    published: '2024-12-06',
    outlet: 'هاوار',
    url: 'https://example.org/a',
    entities: [KONGRA, COALITION, TR_FORCES, ALEPPO],
    dates: [{ text: 'أمس', value: '2024-12-05', relative: true }],
    quantities: [{ text: 'ثلاثة مدنيين', value: 3, unit: 'person', counted: 'مدنيين', category: 'killed' }],
    events: [
      { type: 'REQUEST', trigger: 'طالب', within: 'طالب مؤتمر', actor: [KONGRA.id], recipient: [COALITION.id], place: ALEPPO.id, topics: ['civilian-protection'], content: 'بحماية المدنيين في حلب', contexts: ['human_rights'], mode: 'assist' },
      { type: 'ASSAULT', trigger: 'قصفت', actor: [TR_FORCES.id], place: ALEPPO.id, date: '2024-12-05', quantities: [0], mode: 'heavy-weapons', contexts: ['military'], size: { killed: { value: 3, low: null, high: null, qualifier: null, quantity: 0 } } },
    ],
  });
  const b = buildRecord({
    title: 'قسد تعتقل خلية لداعش في دير الزور',
    body: 'اعتقلت قسد خمسة عناصر من داعش في دير الزور. واتهمت قوات سوريا الديمقراطية تنظيم داعش بتنفيذ الهجوم.',
    published: '2024-11-20',
    outlet: 'عنب بلدي',
    entities: [{ id: 'org:sdf', type: 'ORG', subtype: 'MIL', ar: 'قوات سوريا الديمقراطية', en: 'SDF', country: 'SY', forms: ['قسد', 'قوات سوريا الديمقراطية'] }, ISIS, DEIR],
    quantities: [{ text: 'خمسة عناصر', value: 5, counted: 'عناصر', category: 'detained' }],
    events: [
      { type: 'COERCE', trigger: 'اعتقلت', actor: ['org:sdf'], recipient: [ISIS.id], place: DEIR.id, date: '2024-11-19', quantities: [0], topics: ['counter-isis'], mode: 'arrest' },
      { type: 'ACCUSE', trigger: 'اتهمت', actor: ['org:sdf'], recipient: [ISIS.id], date: '2024-11', topics: ['counter-isis'], content: 'بتنفيذ الهجوم', confidence: 0.55 },
    ],
  });
  const c = buildRecord({
    title: 'قسد تسلم أطفالا إلى العراق',
    body: 'سلمت قسد عشرين طفلا إلى العراق.',
    published: '2023-05-01',
    outlet: 'هاوار',
    entities: [{ id: 'org:sdf', type: 'ORG', subtype: 'MIL', ar: 'قوات سوريا الديمقراطية', en: 'SDF', country: 'SY', forms: ['قسد'] }, IRAQ],
    quantities: [{ text: 'عشرين طفلا', value: 20, counted: 'طفلا', category: 'returned' }],
  });
  return { a, b, c };
}

/** The record the whole pipeline extracts from a body written for a test (title "خبر", published 2024-12-06). */
export function extractBody(body: string): DocumentRecord {
  return extractArticle({ origin: 'test', sourceKey: 'test', source: {}, title: 'خبر', body, published: '2024-12-06', notes: [] });
}
