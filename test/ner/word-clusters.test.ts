import { describe, expect, it } from 'vitest';
import { countBigrams, exchangeClusters } from '../../scripts/ner/word-clusters.js';
import { seededRandom } from '../../src/ner/train.js';

describe('bigram counts', () => {
  it('count each distinct pair once, both ways, with self pairs apart', () => {
    const b = countBigrams({ sequence: Int32Array.of(0, 1, 0, 1, 1), vocabSize: 2 });
    // 0→1 twice, 1→0 once, 1→1 once.
    expect([...b.succ.subarray(b.succStart[0], b.succStart[1])]).toEqual([1]);
    expect([...b.succCount.subarray(b.succStart[0], b.succStart[1])]).toEqual([2]);
    expect([...b.predCount.subarray(b.predStart[0], b.predStart[1])]).toEqual([1]);
    expect([...b.selfCount]).toEqual([0, 1]);
    expect([...b.outTotal]).toEqual([2, 2]);
    expect([...b.inTotal]).toEqual([1, 3]);
  });
});

describe('exchange clustering', () => {
  // Three word classes that always come in the same order: a determiner-like class (0-4),
  // then a noun-like class (5-9), then a verb-like class (10-14). Classes are recovered from
  // their neighbours alone.
  const random = seededRandom(3);
  const sequence: number[] = [];
  for (let i = 0; i < 6000; i++) {
    sequence.push(Math.floor(random() * 5), 5 + Math.floor(random() * 5), 10 + Math.floor(random() * 5));
  }
  const corpus = { sequence: Int32Array.from(sequence), vocabSize: 15 };

  it('puts words that share their neighbours in one class, and the three groups apart', () => {
    const passes: Array<{ level: number; objective: number }> = [];
    const classes = exchangeClusters(corpus, {
      depth: 2,
      iterations: 10,
      fullSearchDepth: 2,
      span: 1,
      onPass: (level, _pass, _moves, objective) => passes.push({ level, objective }),
    });
    // Coarse classes (first bit) keep each group whole.
    const coarse = (w: number) => classes[w]! >> 1;
    const group = (g: number) => new Set([0, 1, 2, 3, 4].map((k) => coarse(g * 5 + k)));
    for (const g of [0, 1, 2]) expect(group(g).size).toBe(1);
    // The finest classes never mix two groups.
    for (let a = 0; a < 15; a++) {
      for (let b = 0; b < 15; b++) if (Math.floor(a / 5) !== Math.floor(b / 5)) expect(classes[a]).not.toBe(classes[b]);
    }
    // Moves only ever raise the objective, pass after pass within a level.
    for (let i = 1; i < passes.length; i++) {
      if (passes[i]!.level === passes[i - 1]!.level) expect(passes[i]!.objective).toBeGreaterThanOrEqual(passes[i - 1]!.objective - 1e-6);
    }
    expect(passes.filter((p) => p.level === 1).length).toBeGreaterThan(1);
  });

  it('is deterministic', () => {
    const options = { depth: 3, iterations: 5, fullSearchDepth: 2, span: 1 };
    expect([...exchangeClusters(corpus, options)]).toEqual([...exchangeClusters(corpus, options)]);
  });
});
