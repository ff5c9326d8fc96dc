/**
 * The example corpus of numbers, dates and quantities (test/corpus/*.jsonl): each line is a
 * text, what must be found in it — every mention, with its span text and its value — and a
 * note saying what it exercises. Negative lines expect nothing. Dates are read against the
 * line's publication date (a fixed reference date, not today).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/extract/document.js';
import { readNumbers } from '../../src/extract/numbers/read.js';
import { tokenSpan } from '../../src/extract/numbers/word-index.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { analyzeText } from '../../src/text/analyze.js';

interface Line {
  note: string;
  text: string;
  published?: string | null;
  expect: Record<string, unknown>[];
  messages?: string[];
}

function corpus(name: string): Line[] {
  const path = join(packageRoot(), 'test', 'corpus', name);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const line = JSON.parse(l) as Line;
      if (!line.note || typeof line.text !== 'string' || !Array.isArray(line.expect)) throw new Error(`${name}:${i + 1}: a line needs note, text and expect`);
      return line;
    });
}

/** The fields an expectation names, taken from a found item (so every named field is compared). */
function project(found: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(wanted).map((k) => [k, found[k] === undefined ? null : found[k]]));
}

function extract(line: Line) {
  const doc = analyzeText(line.text);
  return runPipeline({ doc, published: line.published ?? null, titleEnd: 0 });
}

describe('numbers corpus (test/corpus/numbers.jsonl)', () => {
  for (const line of corpus('numbers.jsonl')) {
    it(`${line.note}: ${line.text}`, () => {
      const doc = analyzeText(line.text);
      const found = readNumbers(doc).map((m) => ({
        text: tokenSpan(doc, m.first, m.end, m.offset).text,
        value: m.value,
        low: m.low,
        high: m.high,
        kind: m.kind,
      }));
      expect(found.map((f, i) => project(f, line.expect[i] ?? f))).toEqual(line.expect);
    });
  }
});

/** Each found annotation quotes the text, and the list is the expected one, field by field. */
function expectAnnotations(line: Line, found: { start: number; end: number; text: string }[]) {
  for (const a of found) expect(line.text.slice(a.start, a.end)).toBe(a.text);
  expect(found.map((a, i) => project(a, line.expect[i] ?? a))).toEqual(line.expect);
}

describe('dates corpus (test/corpus/dates.jsonl)', () => {
  for (const line of corpus('dates.jsonl')) {
    it(`${line.note}: ${line.text}`, () => {
      const x = extract(line);
      expectAnnotations(line, x.dates);
      expect(x.messages.map((m) => m.code).filter((c) => c.startsWith('date'))).toEqual(line.messages ?? []);
    });
  }
});

describe('quantities corpus (test/corpus/quantities.jsonl)', () => {
  for (const line of corpus('quantities.jsonl')) {
    it(`${line.note}: ${line.text}`, () => expectAnnotations(line, extract(line).quantities));
  }
});
