import { describe, expect, it } from 'vitest';
import { readConll, writeConll } from '../../src/ner/conll.js';
import { entitiesOf, scoreEntities } from '../../src/ner/seqeval.js';
import { MarsadError } from '../../src/errors.js';

describe('entities as seqeval reads BIO tags', () => {
  it('B- opens an entity and I- of the same type continues it', () => {
    expect(entitiesOf(['B-PERS', 'I-PERS', 'O', 'B-LOC'])).toEqual([
      { type: 'PERS', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
    ]);
  });

  it('an I- without a B- before it opens an entity (after O, at the start, after another type)', () => {
    expect(entitiesOf(['O', 'I-LOC', 'I-LOC'])).toEqual([{ type: 'LOC', start: 1, end: 3 }]);
    expect(entitiesOf(['I-MISC'])).toEqual([{ type: 'MISC', start: 0, end: 1 }]);
    expect(entitiesOf(['B-PERS', 'I-LOC'])).toEqual([
      { type: 'PERS', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 2 },
    ]);
  });

  it('B- right after B- of the same type starts a second entity', () => {
    expect(entitiesOf(['B-ORG', 'B-ORG', 'I-ORG'])).toEqual([
      { type: 'ORG', start: 0, end: 1 },
      { type: 'ORG', start: 1, end: 3 },
    ]);
  });

  it('reads IOBES tags too', () => {
    expect(entitiesOf(['S-LOC', 'B-PERS', 'E-PERS', 'O'])).toEqual([
      { type: 'LOC', start: 0, end: 1 },
      { type: 'PERS', start: 1, end: 3 },
    ]);
  });

  it('finds nothing in a sentence of O', () => {
    expect(entitiesOf(['O', 'O'])).toEqual([]);
  });
});

describe('entity-level scores', () => {
  it("matches seqeval's README example: F1 0.5", () => {
    const gold = [
      ['O', 'O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'O'],
      ['B-PER', 'I-PER', 'O'],
    ];
    const pred = [
      ['O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O'],
      ['B-PER', 'I-PER', 'O'],
    ];
    const r = scoreEntities(gold, pred);
    expect(r.overall).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2, correct: 1 });
    expect(r.types.get('MISC')).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.types.get('PER')).toMatchObject({ precision: 1, recall: 1, f1: 1, support: 1 });
  });

  it('an orphan I- that covers the gold span exactly is a correct entity', () => {
    const r = scoreEntities([['B-LOC', 'O']], [['I-LOC', 'O']]);
    expect(r.overall.f1).toBe(1);
  });

  it('a span one token short, or of the wrong type, counts as one false positive and one miss', () => {
    const r = scoreEntities(
      [['B-PERS', 'I-PERS', 'O', 'B-ORG']],
      [['B-PERS', 'O', 'O', 'B-LOC']],
    );
    expect(r.overall).toMatchObject({ correct: 0, predicted: 2, support: 2, f1: 0 });
    expect(r.types.get('LOC')).toMatchObject({ support: 0, predicted: 1, precision: 0 });
  });

  it('micro-averages over types: 2 of 3 found, 2 of 4 predicted right', () => {
    const r = scoreEntities(
      [['B-PERS', 'O', 'B-LOC', 'O', 'B-ORG']],
      [['B-PERS', 'B-MISC', 'B-LOC', 'B-LOC', 'O']],
    );
    expect(r.overall.precision).toBeCloseTo(0.5);
    expect(r.overall.recall).toBeCloseTo(2 / 3);
    expect(r.overall.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    expect([...r.types.keys()]).toEqual(['LOC', 'MISC', 'ORG', 'PERS']);
  });

  it('entities never run across sentences', () => {
    const r = scoreEntities([['B-LOC'], ['I-LOC']], [['B-LOC'], ['I-LOC']]);
    expect(r.overall.support).toBe(2);
  });

  it('refuses sentence lists of different shapes', () => {
    expect(() => scoreEntities([['O']], [['O', 'O']])).toThrow(/sentence 1/);
  });
});

describe('CoNLL files', () => {
  it("reads ANERcorp's layout: token TAG, blank lines between sentences, no blank line at the end", () => {
    const text = 'فرانكفورت B-LOC\n(د O\nب O\n\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG';
    const sentences = readConll(text, 'a.txt');
    expect(sentences).toEqual([
      { tokens: ['فرانكفورت', '(د', 'ب'], tags: ['B-LOC', 'O', 'O'], line: 1 },
      { tokens: ['أعلن', 'اتحاد', 'صناعة'], tags: ['O', 'B-ORG', 'I-ORG'], line: 5 },
    ]);
    expect(readConll(writeConll(sentences), 'b.txt')).toEqual(sentences);
  });

  it('reads tabs, extra columns (tag last), CRLF, a BOM, several blank lines and -DOCSTART-', () => {
    const text = '\uFEFF-DOCSTART- O\r\n\r\nحلب\tNNP\tB-LOC\r\n\r\n\r\nدمشق NNP B-LOC\r\n';
    expect(readConll(text, 'x').map((s) => s.tags)).toEqual([['B-LOC'], ['B-LOC']]);
  });

  it('names the line of a token without a tag', () => {
    const fails = () => readConll('حلب B-LOC\nدمشق\n', 'bad.txt');
    expect(fails).toThrow(MarsadError);
    expect(fails).toThrow('bad.txt:2: the input is malformed: expected "token TAG", found "دمشق"');
  });

  it('names the line of a tag that is not BIO', () => {
    expect(() => readConll('حلب LOCATION\n', 'bad.txt')).toThrow('bad.txt:1: the input is malformed: "LOCATION" is not a BIO tag');
    expect(() => readConll('حلب B-\n', 'bad.txt')).toThrow(/is not a BIO tag/);
  });

  it('refuses a file with no tagged token', () => {
    expect(() => readConll('\n\n', 'empty.txt')).toThrow('empty.txt: the input is malformed: no tagged tokens');
  });
});
