import { describe, expect, it } from 'vitest';
import { MATCH_PROFILE, STEP_NAMES, normalize, normalizeForm, normalizationStep, type StepName } from '../../src/text/normalize.js';

/** Normalises with one step only and returns text and the original span of each output unit. */
function step(name: StepName, input: string) {
  const n = normalize(input, [name]);
  const spans = [...n.text].map((_, i) => input.slice(...n.toOriginal(i, i + 1)));
  return { text: n.text, spans, n };
}

describe('normalisation steps', () => {
  it('every step is documented and has an example in its description', () => {
    for (const name of STEP_NAMES) {
      const s = normalizationStep(name);
      expect(s.name).toBe(name);
      expect(s.description).toMatch(/→/);
    }
  });

  it('bidi-zero-width removes invisible marks and keeps offsets of what remains', () => {
    const input = 'حلب\u200f و\u200bإدلب\u202a';
    const { text, n } = step('bidi-zero-width', input);
    expect(text).toBe('حلب وإدلب');
    // "إدلب" starts after the ZWSP in the original
    const s = text.indexOf('إدلب');
    expect(n.toOriginal(s, s + 4)).toEqual([input.indexOf('إدلب'), input.indexOf('إدلب') + 4]);
  });

  it('diacritics are removed and stay inside the span of the letter they sit on', () => {
    const input = 'مُؤْتَمَرُ ستار';
    const { text, n } = step('diacritics', input);
    expect(text).toBe('مؤتمر ستار');
    // the first word's span covers its trailing damma
    expect(input.slice(...n.toOriginal(0, 5))).toBe('مُؤْتَمَرُ');
    expect(input.slice(...n.toOriginal(6, 10))).toBe('ستار');
  });

  it('tatweel is removed: "لـمعتقلي" reads "لمعتقلي"', () => {
    const input = 'لـمعتقلي';
    const { text, n } = step('tatweel', input);
    expect(text).toBe('لمعتقلي');
    expect(input.slice(...n.toOriginal(0, 1))).toBe('لـ');
    expect(input.slice(...n.toOriginal(1, 7))).toBe('معتقلي');
  });

  it('alef folding maps each variant one to one', () => {
    const { text, spans } = step('alef', 'أإآٱ');
    expect(text).toBe('اااا');
    expect(spans).toEqual(['أ', 'إ', 'آ', 'ٱ']);
  });

  it('ya and ta marbuta fold as the scoring contract does', () => {
    expect(step('ya', 'مصطفى').text).toBe('مصطفي');
    expect(step('ta-marbuta', 'الإدارة').text).toBe('الإداره');
  });

  it('hamza carriers are a separate step outside the default profile', () => {
    expect(step('hamza-carriers', 'مسؤول مسئول').text).toBe('مسوول مسيول');
    expect(MATCH_PROFILE).not.toContain('hamza-carriers');
    expect(normalizeForm('مسؤول')).toBe('مسؤول');
  });

  it('digits: Arabic-Indic and Persian digits and the Arabic decimal and thousands marks', () => {
    const input = '٣٫٥ و۲۰۲۴ و٧٬٧٠٠';
    const { text, spans } = step('digits', input);
    expect(text).toBe('3.5 و2024 و7,700');
    expect(spans.slice(0, 3)).toEqual(['٣', '٫', '٥']);
  });

  it('punctuation: Arabic marks and quote variants; "…" expands to three units of one source', () => {
    const input = '«قال»، “نعم”؛ لماذا؟ …';
    const { text, n } = step('punctuation', input);
    expect(text).toBe('"قال", "نعم"; لماذا? ...');
    const dots = text.indexOf('...');
    expect(n.toOriginal(dots, dots + 3)).toEqual([input.length - 1, input.length]);
    expect(n.toOriginal(dots + 1, dots + 2)).toEqual([input.length - 1, input.length]);
  });

  it('whitespace: no-break and other spaces become a plain space; line breaks stay', () => {
    expect(step('whitespace', 'حلب\u00a0اليوم\u2009\nغدا').text).toBe('حلب اليوم \nغدا');
  });

  it('presentation forms become the letters they show', () => {
    expect(step('presentation-forms', 'ﻻ ﺣﻠﺐ').text).toBe('لا حلب');
  });

  it('persian letters fold to Arabic ones', () => {
    expect(step('persian-letters', 'کردستان').text).toBe('كردستان');
  });

  it('hashtags read as the words they join, offsets inside the original tag', () => {
    const input = 'تطالب #الإدارة_الذاتية الدول';
    const { text, n } = step('hashtags', input);
    expect(text).toBe('تطالب الإدارة الذاتية الدول');
    const s = text.indexOf('الإدارة');
    expect(input.slice(...n.toOriginal(s, s + 'الإدارة'.length))).toBe('الإدارة');
    const e = text.indexOf('الذاتية');
    expect(input.slice(...n.toOriginal(e, e + 'الذاتية'.length))).toBe('الذاتية');
  });

  it('a tag after a tatweel-stretched prefix is read too: "لـ#الأمم_المتحدة"', () => {
    expect(step('hashtags', 'التابع لـ#الأمم_المتحدة').text).toBe('التابع لـالأمم المتحدة');
  });

  it('a "#" that does not start a tag is kept, and "_" outside a tag too', () => {
    expect(step('hashtags', 'رقم # 5 و a_b').text).toBe('رقم # 5 و a_b');
    expect(step('hashtags', 'C#').text).toBe('C#');
  });
});

describe('the matching profile', () => {
  it('composes every step and maps every span back exactly', () => {
    const input = 'أكدت #الإدارة_الذاتية، أمس، مقتل ٣٫٥ «مدنيين»\u200f.';
    const n = normalize(input);
    expect(n.text).toBe('اكدت الاداره الذاتيه, امس, مقتل 3.5 "مدنيين".');
    for (const word of ['اكدت', 'الاداره', 'الذاتيه', 'امس', 'مقتل', '3.5', 'مدنيين']) {
      const s = n.text.indexOf(word);
      const [a, b] = n.toOriginal(s, s + word.length);
      expect(normalizeForm(input.slice(a, b))).toBe(word);
    }
  });

  it('maps an empty span and the end of the text', () => {
    const n = normalize('حلب');
    expect(n.toOriginal(3, 3)).toEqual([3, 3]);
    expect(n.toOriginal(0, 3)).toEqual([0, 3]);
  });

  it('handles empty input and text needing no change', () => {
    expect(normalize('').text).toBe('');
    expect(normalize('abc 123').text).toBe('abc 123');
    expect(normalizeForm('حلب')).toBe('حلب');
  });

  it('keeps astral characters (emoji) intact with their offsets', () => {
    const input = 'حلب 😀 إدلب';
    const n = normalize(input);
    expect(n.text).toBe('حلب 😀 ادلب');
    const s = n.text.indexOf('ادلب');
    expect(input.slice(...n.toOriginal(s, s + 4))).toBe('إدلب');
  });
});
