import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord, documentId, extractArticle, prepareArticle, runPipeline } from '../../src/extract/document.js';
import { DocumentRecordSchema, documentJsonSchema } from '../../src/extract/record.js';
import type { Extractor } from '../../src/extract/types.js';
import { PIPELINE } from '../../src/extract/pipeline.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { analyzeText } from '../../src/text/analyze.js';
import { sampleRecord } from '../helpers/records.js';

const committed = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'document.schema.json'), 'utf8'));

describe('the record schema', () => {
  it('schema/document.schema.json is in step with the TypeScript types (run `npm run schema`)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(documentJsonSchema())));
  });

  it('names every field of the contract as required', () => {
    expect(committed.required.sort()).toEqual(
      ['id', 'source', 'title', 'published', 'language', 'text', 'entities', 'dates', 'quantities', 'events', 'messages', 'pipeline'].sort(),
    );
    const event = committed.properties.events.items;
    expect(event.required.sort()).toEqual(
      ['id', 'type', 'mode', 'contexts', 'actor', 'recipient', 'place', 'date', 'topics', 'quantities', 'modality', 'sentence', 'trigger', 'content', 'confidence', 'rule'].sort(),
    );
  });

  it('accepts a full record and rejects broken ones, in zod and in the JSON Schema alike', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    const good = sampleRecord();
    expect(validate(good)).toBe(true);
    expect(DocumentRecordSchema.safeParse(good).success).toBe(true);
    const bad = [
      { ...good, language: 'en' },
      { ...good, published: '06/12/2024' },
      { ...good, entities: [{ ...good.entities[0]!, type: 'GPE' }] },
      { ...good, quantities: [{ ...good.quantities[0]!, category: 'many' }] },
      { ...good, events: [{ ...good.events[0]!, modality: 'maybe' }] },
      (({ messages: _m, ...rest }) => rest)(good),
    ];
    for (const record of bad) {
      expect(validate(record)).toBe(false);
      expect(checkRecord(record)).not.toEqual([]);
    }
  });
});

describe('from article to record', () => {
  const article = {
    origin: 'a.txt',
    sourceKey: '/abs/a.txt',
    source: { path: 'a.txt', outlet: null },
    title: null,
    body: 'عنوان الخبر\n\nقتل ثلاثة مدنيين في قصف.\nزر الذهاب إلى الأعلى',
    published: '2024-12-06',
    notes: [],
  };

  it('prints every field of the contract; the id derives from the cleaned text', () => {
    const record = extractArticle(article);
    expect(Object.keys(record).sort()).toEqual(Object.keys(DocumentRecordSchema.shape).sort());
    expect(record.text).toBe('عنوان الخبر\n\nقتل ثلاثة مدنيين في قصف.');
    expect(record.id).toBe(documentId(record.text));
    expect(record.messages.map((m) => m.code)).toEqual(['boilerplate-removed']);
    expect(checkRecord(record)).toEqual([]);
    // another file with the same text has the same id
    expect(extractArticle({ ...article, origin: 'b.txt', body: article.body + '\n\n' }).id).toBe(record.id);
  });

  it('refuses an article with a title and no body', () => {
    expect(() => prepareArticle({ ...article, title: 'عنوان', body: ' \n ' })).toThrow(/a\.txt: the article has no text: it has a title but no body/);
  });
});

describe('the pipeline machinery', () => {
  const doc = analyzeText('عنوان\n\nقتل 3 مدنيين. ونزح 40 آخرون.');
  const input = { doc, published: '2024-12-06', titleEnd: 5 };

  it('runs extractors in order, each seeing what came before, then the refiners', () => {
    const calls: string[] = [];
    const first: Extractor = {
      name: 'test/first',
      produces: ['quantities'],
      extract() {
        calls.push('first');
        const at = doc.text.indexOf('40');
        return { quantities: [{ start: at, end: at + 2, text: '40', value: 40, low: null, high: null, qualifier: null, unit: null, counted: null, category: 'other' }] };
      },
    };
    const second: Extractor = {
      name: 'test/second',
      produces: ['quantities'],
      extract(_input, sofar) {
        calls.push(`second saw ${sofar.quantities.length}`);
        const at = doc.text.indexOf('3 ');
        return { quantities: [{ start: at, end: at + 1, text: '3', value: 3, low: null, high: null, qualifier: null, unit: null, counted: null, category: 'killed' }] };
      },
    };
    const refiners = PIPELINE.filter((s) => s.kind === 'refiner');
    const x = runPipeline(input, [{ kind: 'extractor', run: first }, { kind: 'extractor', run: second }, ...refiners]);
    expect(calls).toEqual(['first', 'second saw 1']);
    // the ordering refiner put them in reading order
    expect(x.quantities.map((q) => q.value)).toEqual([3, 40]);
  });

  it('drops an annotation whose span does not match the text and leaves a message', () => {
    const liar: Extractor = {
      name: 'test/liar',
      produces: ['dates'],
      extract: () => ({
        dates: [
          { start: 0, end: 5, text: 'أمس', value: null, precision: null, relative: true },
          { start: 0, end: 5, text: 'عنوان', value: null, precision: null, relative: false },
        ],
      }),
    };
    const x = runPipeline(input, [{ kind: 'extractor', run: liar }, ...PIPELINE]);
    expect(x.dates.map((d) => d.text)).toEqual(['عنوان']);
    expect(x.messages).toEqual([{ code: 'span-invalid', message: 'dropped a date whose span [0, 5) does not match the text: "أمس"' }]);
  });
});
