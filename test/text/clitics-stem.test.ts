import { describe, expect, it } from 'vitest';
import { analyzeClitics, strippedLookups } from '../../src/text/clitics.js';
import { normalizeForm } from '../../src/text/normalize.js';
import { lightStem, searchTerms } from '../../src/text/stem.js';

const lookups = (w: string) => analyzeClitics(normalizeForm(w)).map((a) => a.lookup);

describe('clitic analyser', () => {
  it('returns the word itself first, then readings with proclitics taken off', () => {
    expect(lookups('وبحلب')).toEqual(['وبحلب', 'بحلب', 'حلب']);
    const last = analyzeClitics('وبحلب').at(-1)!;
    expect(last).toEqual({ proclitics: ['و', 'ب'], stem: 'حلب', lookup: 'حلب', offset: 2 });
  });

  it('reads لل as ل + ال and restores the article in the lookup form', () => {
    const readings = analyzeClitics(normalizeForm('للتحالف'));
    const withArticle = readings.find((a) => a.proclitics.join('+') === 'ل+ال')!;
    expect(withArticle).toEqual({ proclitics: ['ل', 'ال'], stem: 'تحالف', lookup: 'التحالف', offset: 1 });
  });

  it('handles conjunction + preposition + article: "وبالتحالف"', () => {
    const readings = analyzeClitics('وبالتحالف');
    expect(readings.map((a) => a.proclitics.join('+'))).toEqual(['', 'و', 'و+ب', 'و+ب+ال']);
    expect(readings.at(-1)).toMatchObject({ stem: 'تحالف', lookup: 'التحالف', offset: 2 });
  });

  it('takes the article alone off: "الحسكة" → stem "حسكه", lookup keeps the article', () => {
    expect(analyzeClitics(normalizeForm('الحسكة')).at(-1)).toMatchObject({ proclitics: ['ال'], stem: 'حسكه', lookup: 'الحسكه', offset: 0 });
  });

  it('reads the future particle only before an imperfect verb prefix', () => {
    expect(analyzeClitics('سيواصل').map((a) => a.proclitics.join('+'))).toContain('س');
    expect(analyzeClitics('سلام').map((a) => a.proclitics.join('+'))).not.toContain('س');
  });

  it('never leaves a stem shorter than two letters', () => {
    for (const w of ['ولد', 'بل', 'لك', 'وال']) {
      for (const a of analyzeClitics(w)) expect(a.stem.length).toBeGreaterThanOrEqual(2);
    }
    expect(lookups('بل')).toEqual(['بل']);
  });

  it('lists the stripped lookups for lexicon matching', () => {
    expect(strippedLookups('وقسد')).toEqual(['قسد']);
    expect(strippedLookups(normalizeForm('لقوات'))).toEqual(['قوات']);
  });
});

describe('light stemmer', () => {
  it('takes common suffixes off, keeping three letters', () => {
    expect(lightStem('معتقلين')).toBe('معتقل');
    expect(lightStem('معتقلي')).toBe('معتقل');
    expect(lightStem('مخيمات')).toBe('مخيم');
    expect(lightStem('قوات')).toBe('قوات');
    expect(lightStem('مدارسها')).toBe('مدارس');
  });

  it('gives "معتقلي", "المعتقلين" and "لـمعتقلي" a common search term', () => {
    const common = (a: string, b: string) => searchTerms(normalizeForm(a)).filter((t) => searchTerms(normalizeForm(b)).includes(t));
    expect(common('معتقلي', 'المعتقلين')).toEqual(['معتقل']);
    expect(common('لـمعتقلي', 'المعتقلين')).toEqual(['معتقل']);
    expect(common('حلب', 'وبحلب')).toEqual(['حلب']);
  });

  it('does not merge unrelated words', () => {
    const a = searchTerms(normalizeForm('مخيم'));
    const b = searchTerms(normalizeForm('محكمة'));
    expect(a.filter((t) => b.includes(t))).toEqual([]);
  });
});
