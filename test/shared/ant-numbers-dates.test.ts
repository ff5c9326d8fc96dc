/**
 * Robustness over the ANT corpus (never used for tuning): every article goes through the
 * numbers-and-dates stage without error, every date and quantity quotes the text it came from,
 * and every value is one the contract allows.
 */
import { expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/document.js';
import { DateMentionSchema, QuantitySchema } from '../../src/extract/record.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('numbers and dates over the ANT corpus', () => {
  it('extracts valid, quoting dates and quantities from every article', async () => {
    let articles = 0;
    let dates = 0;
    let quantities = 0;
    for await (const item of readInputs(await planInputs([shared('data', 'arabic-news-ant-v1')]))) {
      if (item.kind !== 'article') continue;
      let record;
      try {
        record = extractArticle(item.article);
      } catch (error) {
        if ((error as { code?: string }).code === 'input-empty') continue;
        throw error;
      }
      articles++;
      for (const d of record.dates) {
        expect(DateMentionSchema.safeParse(d).success, JSON.stringify(d)).toBe(true);
        expect(record.text.slice(d.start, d.end)).toBe(d.text);
        dates++;
      }
      for (const q of record.quantities) {
        expect(QuantitySchema.safeParse(q).success, JSON.stringify(q)).toBe(true);
        expect(record.text.slice(q.start, q.end)).toBe(q.text);
        if (q.value === null) expect(q.low !== null && q.high !== null && q.low <= q.high, JSON.stringify(q)).toBe(true);
        quantities++;
      }
      expect(record.messages.filter((m) => m.code === 'span-invalid')).toEqual([]);
    }
    expect(articles).toBe(1772);
    expect(dates).toBeGreaterThan(2000);
    expect(quantities).toBeGreaterThan(1500);
  });
});
