/**
 * Hand-made records for store tests: every list filled, every span computed from the text,
 * so the store is tested on the whole contract before the extractors fill it.
 */
import { documentId } from '../../src/extract/document.js';
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
  if (custom) {
    return {
      id: documentId(text),
      source: { path: 'news/a.txt', outlet: 'مرصد' },
      title,
      published: '2024-12-06',
      language: 'ar',
      text,
      entities: [],
      dates: [],
      quantities: [],
      events: [],
      messages: [],
      pipeline,
    };
  }
  const sentence = spanOf(text, body.split('. ')[0]! + '.');
  return {
    id: documentId(text),
    source: { path: 'news/a.txt', outlet: 'مرصد' },
    title,
    published: '2024-12-06',
    language: 'ar',
    text,
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
    pipeline,
  };
}
