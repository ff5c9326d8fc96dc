/**
 * The web app's words (web/src/i18n.ts) against the product's catalogues: a label in both
 * languages for every topic of data/ar/events/topics.json and every error code of
 * src/errors.ts, and counts whose nouns agree in Arabic's six plural categories (issue 15).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/errors.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { ERROR_LABELS, NOUNS, TOPIC_LABELS, makeI18n, plural } from '../../web/src/i18n.js';

const arabic = /[\u0600-\u06ff]/;

describe('labels', () => {
  it('names every topic the extractor gives, in Arabic and English', () => {
    const topics = Object.keys((JSON.parse(readFileSync(join(packageRoot(), 'data/ar/events/topics.json'), 'utf8')) as { topics: Record<string, unknown> }).topics);
    expect(topics.length).toBeGreaterThan(10);
    for (const id of topics) {
      expect(TOPIC_LABELS[id], id).toBeDefined();
      expect(TOPIC_LABELS[id]!.ar, id).toMatch(arabic);
      expect(TOPIC_LABELS[id]!.en, id).toMatch(/^[A-Z]/);
    }
  });

  it('tells every error code of the catalogue in Arabic, with the English title the server sends', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      const label = ERROR_LABELS[code];
      expect(label, code).toBeDefined();
      expect(label!.ar, code).toMatch(arabic);
      expect(label!.hintAr, code).toMatch(arabic);
      // The app finds the parameter an error names by the title in the server's message.
      expect(label!.en, code).toBe(entry.title);
    }
  });
});

describe('plural', () => {
  it('agrees an Arabic count with its noun in each CLDR category', () => {
    const events = NOUNS.event.ar;
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000].map((n) => plural('ar', n, events))).toEqual([
      'لا أحداث', 'حدث واحد', 'حدثان', '3 أحداث', '10 أحداث', '11 حدثاً', '99 حدثاً', '100 حدث', '101 حدث', '102 حدث', '103 أحداث', '111 حدثاً', '1000 حدث',
    ]);
    expect(plural('ar', 72, NOUNS.marker.ar)).toBe('72 علامة');
    expect(plural('ar', 1, NOUNS.article.ar)).toBe('مقال واحد');
    expect(plural('en', 1, NOUNS.article.en)).toBe('1 article');
    expect(plural('en', 0, NOUNS.article.en)).toBe('0 articles');
  });

  it('is what the dictionaries count with', () => {
    const ar = makeI18n('ar');
    expect(ar.t.placeEvents(0)).toBe('لا أحداث هنا');
    expect(ar.t.cluster(72)).toMatch(/^72 علامة/);
    expect(ar.t.stats(1, 2)).toBe('مقال واحد · حدثان');
    expect(ar.t.sourcesCount(11)).toBe('11 مصدراً');
    expect(ar.count('mention', 5)).toBe('5 إشارات');
    expect(makeI18n('en').t.results(1)).toBe('1 result');
  });
});
