/**
 * The number layer's parts: digits with separators read by context, the clitic-aware word
 * index, and the validation of data/ar/numbers.json.
 */
import { describe, expect, it } from 'vitest';
import { readDigits } from '../../src/extract/numbers/digits.js';
import { NumbersSchema } from '../../src/extract/numbers/lexicon.js';
import { PhraseIndex, WordIndex, docWords } from '../../src/extract/numbers/word-index.js';
import { analyzeText } from '../../src/text/analyze.js';

describe('readDigits', () => {
  it.each([
    ['7,700,000', false, 7700000],
    ['7.700.000', false, 7700000],
    ['٧٬٧٠٠٬٠٠٠', false, 7700000],
    ['٣٫٥', false, 3.5],
    ['١٠٠٬٠٠٠٫٠', false, 100000],
    ['1,234.5', false, 1234.5],
    ['1.234,5', false, 1234.5],
    ['1.500', false, 1500],
    ['1.500', true, 1.5],
    ['0.002', false, 0.002],
    ['1.10', false, 1.1],
    ['01.10', false, 1.1],
    ['40,000', false, 40000],
    ['1,25', false, 1.25],
    ['۲۰۲۴', false, 2024],
  ])('%s (scale after: %s) → %d', (surface, scale, value) => {
    expect(readDigits(surface, scale)).toBe(value);
  });

  it.each(['15.12.2024', '1,23,4', '1٫2٫3', '1.2,3,4'])('%s is no single number', (surface) => {
    expect(readDigits(surface, false)).toBeNull();
  });
});

describe('WordIndex and PhraseIndex', () => {
  const index = new WordIndex<string>();
  index.add('ثلاثة', 'three');
  index.add('الآلاف', 'thousands');
  index.add('معتقل', 'detainee');

  it('finds a form in any spelling, with or without a clitic', () => {
    expect(index.match('ثلاثه')).toEqual({ values: ['three'], proclitics: [], offset: 0 });
    expect(index.match('وثلاثه')).toEqual({ values: ['three'], proclitics: ['و'], offset: 1 });
    expect(index.match('بالالاف')).toMatchObject({ values: ['thousands'], proclitics: ['ب'], offset: 1 });
  });

  it('compares the stem when asked (forms listed without the article)', () => {
    expect(index.match('المعتقل')).toBeNull();
    expect(index.match('المعتقل', 'stem')).toMatchObject({ values: ['detainee'], offset: 2 });
  });

  it('does not read a word as a clitic and a form it only ends like', () => {
    expect(index.match('وثلاث')).toBeNull();
    expect(index.match('مثلاثه')).toBeNull();
  });

  it('matches the longest phrase, token by token', () => {
    const phrases = new PhraseIndex<string>();
    phrases.add('أكثر من', 'more');
    phrases.add('كيلومتر مربع', 'km2');
    phrases.add('كيلومتر', 'km');
    const words = docWords(analyzeText('لأكثر من 110 كيلومتر مربع'));
    expect(phrases.matchAt(words, 0)).toMatchObject({ value: 'more', end: 2, offset: 1 });
    expect(phrases.matchAt(words, 3)).toMatchObject({ value: 'km2', end: 5 });
    expect(phrases.matchAt(words, 2)).toBeNull();
  });
});

describe('data/ar/numbers.json validation', () => {
  it('rejects a number word with a space, naming the entry', () => {
    const bad = {
      description: 'x',
      cardinals: [{ value: 3, role: 'unit', forms: ['ثلاثة عشر'] }],
      scales: [],
      fractions: [],
      decimalPoint: ['فاصلة'],
      vague: [],
      vagueRange: { low: 2, high: 9 },
      few: { low: 3, high: 9, alone: ['بضعة'], beforePower: ['عدة'] },
      ordinals: [],
    };
    const parsed = NumbersSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['cardinals', 0, 'forms', 0]);
    expect(parsed.error!.issues[0]!.message).toMatch(/one word/);
  });
});
