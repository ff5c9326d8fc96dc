/**
 * Hand-made articles for the tests of issue 15's "wrong numbers" and "direction" defects
 * (test/server/figures-timeline.test.ts, test/browser/defects.test.ts): figures of many kinds
 * and units, one told twice; a statement told in two sentences that cites a figure of the
 * second; attacks dated to a year, a month, a day and by their article; an undated event.
 */
import { buildRecord } from '../../src/bench/records.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import { analyzeText } from '../../src/text/analyze.js';

const COALITION = { id: 'org:coalition', type: 'ORG', subtype: 'IGO', ar: 'التحالف', en: 'Coalition', forms: ['التحالف'] } as const;
const ISIS = { id: 'org:isis', type: 'ORG', subtype: 'REB', ar: 'داعش', en: 'ISIS', forms: ['داعش'] } as const;

/** The sentence (as the text layer splits it) that holds `part`. */
export function sentenceOf(text: string, part: string) {
  const at = text.indexOf(part);
  const s = analyzeText(text).sentences.find((x) => x.start <= at && at < x.end)!;
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

/** Figures of many kinds, one told twice (title and body), and a statement told in two sentences. */
export function figuresRecord(): DocumentRecord {
  const r = buildRecord({
    title: 'سقوط 5 قتلى في هجوم على قرية',
    body:
      'قتل 5 أشخاص في هجوم على قرية أمس. وأشاد التحالف بالقوات المحلية. وقال التحالف إن 60 دولة تدعمه، ' +
      'وإنه قدم 100 مليون دولار و50 مليون ريال. وأكد التحالف دعمه لأكثر من 1500 نازح.',
    published: '2017-06-25',
    outlet: 'رووداو',
    entities: [COALITION],
    quantities: [
      { text: '5 قتلى', value: 5, category: 'killed' },
      { text: '5 أشخاص', value: 5, unit: 'person', counted: 'أشخاص', category: 'killed' },
      { text: '60 دولة', value: 60, unit: 'country', counted: 'دولة', category: 'countries' },
      { text: '100 مليون دولار', value: 100_000_000, unit: 'USD', category: 'money' },
      { text: '50 مليون ريال', value: 50_000_000, unit: 'riyal', category: 'money' },
      { text: 'أكثر من 1500 نازح', value: 1500, qualifier: 'more_than', unit: 'person', counted: 'نازح', category: 'displaced' },
    ],
    events: [{ type: 'STATEMENT', trigger: 'أشاد', actor: [COALITION.id], quantities: [5] }],
  });
  // The statement is told again where the figure stands: merged, as merge-events makes it,
  // its own sentence is the first telling and `evidence` lists both.
  const event = r.events[0]!;
  const first = sentenceOf(r.text, 'وأشاد');
  if (event.sentence.start !== first.start) throw new Error('the statement is not where the fixture expects it');
  return { ...r, events: [{ ...event, evidence: [first, sentenceOf(r.text, 'وأكد')] }] };
}

export function secondRecord(): DocumentRecord {
  return buildRecord({
    title: 'قصف على قرية',
    body: 'قتل 7 أشخاص في قصف على قرية. وشاركت 40 دولة في المؤتمر. وارتفعت الأسعار 30 بالمئة.',
    published: '2017-07-01',
    outlet: 'رووداو',
    quantities: [
      { text: '7 أشخاص', value: 7, unit: 'person', counted: 'أشخاص', category: 'killed' },
      { text: '40 دولة', value: 40, unit: 'country', counted: 'دولة', category: 'countries' },
      { text: '30 بالمئة', value: 30, unit: 'percent', category: 'other' },
    ],
  });
}

/** Four attacks: one dated only to 2017, one to June 2017, one to a day, one by its article's date. */
export function timelineRecord(): DocumentRecord {
  return buildRecord({
    title: 'هجمات على القرى',
    body: 'هاجم داعش قرية في عام 2017. وهاجم داعش قرية في حزيران. وهاجم داعش قرية أمس. وهاجم داعش قرية اليوم.',
    published: '2017-06-20',
    outlet: 'عنب بلدي',
    entities: [ISIS],
    events: [
      { type: 'ASSAULT', trigger: 'هاجم', occurrence: 0, actor: [ISIS.id], date: '2017' },
      { type: 'ASSAULT', trigger: 'هاجم', occurrence: 1, actor: [ISIS.id], date: '2017-06' },
      { type: 'ASSAULT', trigger: 'هاجم', occurrence: 2, actor: [ISIS.id], date: '2017-06-19' },
      { type: 'ASSAULT', trigger: 'هاجم', occurrence: 3, actor: [ISIS.id], date: null },
    ],
  });
}

/** An event the article gives no date, in an article with no publication date. */
export function undatedRecord(): DocumentRecord {
  return buildRecord({
    title: 'التحالف يدعو إلى استعادة المحتجزين',
    body: 'دعا التحالف الدول إلى استعادة مواطنيها المحتجزين في المخيمات.',
    published: null,
    outlet: 'الشرق',
    entities: [COALITION],
    events: [{ type: 'REQUEST', trigger: 'دعا', actor: [COALITION.id], date: null, topics: ['repatriation', 'camps'], content: 'إلى استعادة مواطنيها المحتجزين في المخيمات' }],
  });
}
