import { describe, expect, it } from 'vitest';
import type { GoldDocument } from '../../src/eval/gold.js';
import { calibrationTable, foldForScoring, formatSummary, geocodedCorrectly, mentionVariants, scoreDocument, summarize } from '../../src/eval/score.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import { sampleRecord, spanOf } from '../helpers/records.js';

function gold(over: Partial<GoldDocument> = {}): GoldDocument {
  return { doc: 'a.txt', meta: { published: '2024-12-06' }, entities: [], dates: [], quantities: [], events: [], ...over };
}

describe('scoring normalisation', () => {
  it('folds as the contract says', () => {
    expect(foldForScoring('الإدارةُ  الذاتيّة')).toBe('الاداره الذاتيه');
    expect(foldForScoring('مصطفى')).toBe('مصطفي');
  });
  it('drops one leading و ف ب ل ك from a mention, not two', () => {
    expect(mentionVariants('وقسد')).toEqual(['وقسد', 'قسد']);
    expect(mentionVariants('وبحلب')).toEqual(['وبحلب', 'بحلب']);
    expect(mentionVariants('حلب')).toEqual(['حلب']);
  });
  it('a name written with ل + ال contracted compares with its article (annotation.md)', () => {
    // "للتحالف الدولي": the record's mention starts after the first ل.
    expect(mentionVariants('لتحالف الدولي')).toContain('التحالف الدولي');
    expect(mentionVariants('لسوريا')).toEqual(['لسوريا', 'سوريا', 'السوريا']);
    expect(mentionVariants('التحالف')).toEqual(['التحالف']);
  });
});

describe('entities', () => {
  const record = sampleRecord();
  it('match by type and a mention equal to a form; counted per type', () => {
    const g = gold({
      entities: [
        { type: 'ORG', en: 'Autonomous Administration', forms: ['الإدارة الذاتية'] },
        { type: 'LOC', en: 'Hasakah', forms: ['الحسكة'], country: 'SY', kind: 'city', geo: [36.5, 40.75] },
        { type: 'PER', en: 'Nobody', forms: ['فلان'] },
      ],
    });
    const s = scoreDocument(record, g);
    expect(s.entities).toEqual({ PER: { tp: 0, fp: 0, fn: 1 }, ORG: { tp: 1, fp: 0, fn: 0 }, LOC: { tp: 1, fp: 0, fn: 0 } });
    expect(s.geocoding).toEqual({ correct: 1, scored: 1, wrong: [] });
  });

  it('a wrong type does not match, and one prediction matches one gold entity only', () => {
    const g = gold({
      entities: [
        { type: 'LOC', en: 'AA as a place', forms: ['الإدارة الذاتية'] },
        { type: 'LOC', en: 'Hasakah', forms: ['الحسكة'] },
        { type: 'LOC', en: 'Hasakah again', forms: ['الحسكة'] },
      ],
    });
    const s = scoreDocument(record, g);
    expect(s.entities.LOC).toEqual({ tp: 1, fp: 0, fn: 2 });
    expect(s.entities.ORG).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('geocoding: 25 km for a city, 75 km for a region, country by code', () => {
    const loc = record.entities[1]!; // Hasakah at 36.5, 40.75
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'city', geo: [36.6, 40.8] })).toBe(true);
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'city', geo: [36.9, 40.75] })).toBe(false); // ~44 km
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'region', geo: [36.9, 40.75] })).toBe(true);
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'country', country: 'SY' })).toBe(true);
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'country', country: 'IQ' })).toBe(false);
    expect(geocodedCorrectly(loc, { type: 'LOC', en: 'x', forms: ['x'], kind: 'city' })).toBeNull();
    expect(geocodedCorrectly({ ...loc, geo: null }, { type: 'LOC', en: 'x', forms: ['x'], kind: 'city', geo: [36.5, 40.75] })).toBe(false);
  });
});

describe('dates and quantities', () => {
  const base = sampleRecord();
  it('match by overlap with the gold text where it stands; values compared', () => {
    const g = gold({
      dates: [{ text: 'أمس', value: '2024-12-05' }],
      quantities: [{ text: 'عشرات المدنيين في', value: null, low: 20, high: 90, category: 'killed' }],
    });
    const s = scoreDocument(base, g);
    expect(s.dates.detection).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.dates.valueCorrect).toBe(1);
    expect(s.quantities.detection).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.quantities.valueCorrect).toBe(1);
  });

  it('a vague amount is right within a factor of 2, wrong beyond it or with an exact value', () => {
    const q = base.quantities[0]!;
    const g = gold({ quantities: [{ text: 'عشرات المدنيين', value: null, low: 30, high: 100 }] });
    expect(scoreDocument(base, g).quantities.valueCorrect).toBe(1);
    const far = gold({ quantities: [{ text: 'عشرات المدنيين', value: null, low: 100, high: 900 }] });
    expect(scoreDocument(base, far).quantities.valueCorrect).toBe(0);
    const exact: DocumentRecord = { ...base, quantities: [{ ...q, value: 40, low: null, high: null }] };
    expect(scoreDocument(exact, g).quantities.valueCorrect).toBe(0);
  });

  it('the k-th gold item with a repeated text stands at the k-th occurrence', () => {
    const text = 'عنوان\n\nقتل 3 أمس. ثم قتل 3 أمس أيضا.';
    const record: DocumentRecord = {
      ...base,
      text,
      entities: [],
      events: [],
      messages: [],
      quantities: [],
      dates: [{ ...spanOf(text, 'أمس', 1), value: '2024-12-05', precision: 'day', relative: true }],
    };
    const s = scoreDocument(record, gold({ dates: [{ text: 'أمس', value: 'x' }, { text: 'أمس', value: '2024-12-05' }] }));
    expect(s.dates.detection).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(s.dates.valueCorrect).toBe(1);
    expect(s.dates.missed).toEqual(['أمس']);
  });

  it('scores a matched figure\'s category where gold gives one', () => {
    const right = scoreDocument(base, gold({ quantities: [{ text: 'عشرات المدنيين', value: null, low: 20, high: 90, category: 'killed' }] }));
    expect(right.quantities.category).toEqual({ scored: 1, correct: 1, wrong: [] });
    const wrong = scoreDocument(base, gold({ quantities: [{ text: 'عشرات المدنيين', value: null, low: 20, high: 90, category: 'displaced' }] }));
    expect(wrong.quantities.category).toMatchObject({ scored: 1, correct: 0 });
    const none = scoreDocument(base, gold({ quantities: [{ text: 'عشرات المدنيين', value: null, low: 20, high: 90 }] }));
    expect(none.quantities.category.scored).toBe(0);
  });

  it('reports gold text that is not in the record text', () => {
    expect(scoreDocument(base, gold({ dates: [{ text: 'غدا', value: null }] })).dates.goldNotInText).toEqual(['غدا']);
  });
});

describe('events', () => {
  const record = sampleRecord(); // REQUEST by org:aanes, no recipient, topics repatriation + camps
  const entities: GoldDocument['entities'] = [{ type: 'ORG', en: 'AA', forms: ['الإدارة الذاتية'] }, { type: 'ORG', en: 'Coalition', forms: ['التحالف'] }];

  it('type + actor through the entity matching; full when neither names a recipient; topics by Jaccard', () => {
    const s = scoreDocument(record, gold({ entities, events: [{ type: 'REQUEST', actor: 'AA', recipient: null, topics: ['repatriation'] }] }));
    expect(s.events.typeActor).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.events.full).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.events.topicJaccard).toEqual([0.5]);
  });

  it('a gold recipient the record lacks: type + actor match, full does not', () => {
    const s = scoreDocument(record, gold({ entities, events: [{ type: 'REQUEST', actor: 'AA', recipient: 'Coalition', topics: [] }] }));
    expect(s.events.typeActor.tp).toBe(1);
    expect(s.events.full).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('another type or another actor does not match', () => {
    const s = scoreDocument(record, gold({ entities, events: [{ type: 'ACCUSE', actor: 'AA', recipient: null, topics: [] }, { type: 'REQUEST', actor: 'Coalition', recipient: null, topics: [] }] }));
    expect(s.events.typeActor).toEqual({ tp: 0, fp: 1, fn: 2 });
  });
});

describe('events: amended rule 5 (lists, null actors, duplicates)', () => {
  const entities: GoldDocument['entities'] = [
    { type: 'ORG', en: 'AA', forms: ['الإدارة الذاتية'] },
    { type: 'ORG', en: 'Coalition', forms: ['التحالف'] },
  ];
  const withRecipient = (recipient: string[]): DocumentRecord => {
    const r = sampleRecord();
    return { ...r, events: r.events.map((e) => ({ ...e, recipient })) };
  };
  const ev = (actor: string | string[] | null, recipient: string | string[] | null) => ({ type: 'REQUEST', actor, recipient, topics: [] });

  it('a gold actor list matches when one of its names is the actor', () => {
    expect(scoreDocument(sampleRecord(), gold({ entities, events: [ev(['Coalition', 'AA'], null)] })).events.typeActor.tp).toBe(1);
    expect(scoreDocument(sampleRecord(), gold({ entities, events: [ev(['Coalition'], null)] })).events.typeActor.tp).toBe(0);
  });

  it('a gold actor of null accepts any actor, but the recipient must still match', () => {
    const r = withRecipient([]);
    const none = scoreDocument(r, gold({ entities, events: [ev(null, null)] }));
    expect(none.events.full).toEqual({ tp: 1, fp: 0, fn: 0 });
    const wanted = scoreDocument(r, gold({ entities, events: [ev(null, 'Coalition')] }));
    expect(wanted.events.typeActor.tp).toBe(1);
    expect(wanted.events.full.tp).toBe(0);
    expect(wanted.events.recipients).toEqual({ named: 1, found: 1, right: 0 });
  });

  it('a gold recipient of null requires the record to name none; a list accepts any one', () => {
    const r = sampleRecord();
    const coalition = { ...r.entities[0]!, id: 'org:coalition', name: { ar: 'التحالف', en: 'Coalition' }, mentions: [{ start: 0, end: 0, text: 'التحالف' }] };
    const rec = { ...r, entities: [...r.entities, coalition], events: r.events.map((e) => ({ ...e, recipient: ['org:coalition'] })) };
    expect(scoreDocument(rec, gold({ entities, events: [ev('AA', null)] })).events.full.tp).toBe(0);
    const listed = scoreDocument(rec, gold({ entities, events: [ev('AA', ['AA', 'Coalition'])] }));
    expect(listed.events.full.tp).toBe(1);
    expect(listed.events.recipients).toEqual({ named: 1, found: 1, right: 1 });
  });

  it('a repeat of a matched event is a duplicate, not a false positive; an unmatched other event still is', () => {
    const r = sampleRecord();
    const again = { ...r.events[0]!, id: 'ev2' };
    const other = { ...r.events[0]!, id: 'ev3', type: 'ACCUSE' as const };
    const s = scoreDocument({ ...r, events: [r.events[0]!, again, other] }, gold({ entities, events: [ev('AA', null)] }));
    expect(s.events.typeActor).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.events.duplicates).toBe(1);
    expect(s.events.spurious).toHaveLength(1);
  });

  it('calibration: a matched event and its duplicate are right, an unmatched one is not, each at its confidence', () => {
    const r = sampleRecord();
    const matched = { ...r.events[0]!, confidence: 0.9 };
    const again = { ...matched, id: 'ev2', confidence: 0.6 };
    const other = { ...matched, id: 'ev3', type: 'ACCUSE' as const, confidence: 0.75 };
    const s = scoreDocument({ ...r, events: [matched, again, other] }, gold({ entities, events: [ev('AA', null)] }));
    expect(s.events.calibration).toEqual([
      { confidence: 0.9, right: true },
      { confidence: 0.6, right: true },
      { confidence: 0.75, right: false },
    ]);
    const table = summarize([s]).events.calibration;
    expect(table.buckets.map((b) => [b.low, b.events, b.right])).toEqual([[0, 0, 0], [0.3, 0, 0], [0.5, 1, 1], [0.7, 1, 0], [0.85, 1, 1]]);
    expect(table.atLeast70).toEqual({ events: 2, right: 1, precision: 0.5 });
    expect(formatSummary(summarize([s]))).toMatch(/\[0\.85, 1\.00\]\s+1 events\s+precision 100\.0/);
  });
});

describe('calibration table', () => {
  it('buckets by confidence, [low, high), the last bucket closed at 1', () => {
    const t = calibrationTable([
      { confidence: 0.05, right: false },
      { confidence: 0.3, right: true },
      { confidence: 0.85, right: true },
      { confidence: 1, right: false },
      { confidence: 0.7, right: true },
    ]);
    expect(t.buckets).toEqual([
      { low: 0, high: 0.3, events: 1, right: 0, precision: 0 },
      { low: 0.3, high: 0.5, events: 1, right: 1, precision: 1 },
      { low: 0.5, high: 0.7, events: 0, right: 0, precision: 0 },
      { low: 0.7, high: 0.85, events: 1, right: 1, precision: 1 },
      { low: 0.85, high: 1, events: 2, right: 1, precision: 0.5 },
    ]);
    expect(t.atLeast70).toEqual({ events: 3, right: 2, precision: 2 / 3 });
  });
});

describe('summary', () => {
  it('micro-averages over documents', () => {
    const g = gold({ entities: [{ type: 'ORG', en: 'AA', forms: ['الإدارة الذاتية'] }, { type: 'ORG', en: 'X', forms: ['س'] }] });
    const s = summarize([scoreDocument(sampleRecord(), g), scoreDocument(sampleRecord(), g)]);
    expect(s.entities.ORG).toMatchObject({ tp: 2, fp: 0, fn: 2, precision: 1, recall: 0.5 });
    // LOC Hasakah is a false positive in both documents: tp 2, fp 2, fn 2
    expect(s.entities.overall).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
