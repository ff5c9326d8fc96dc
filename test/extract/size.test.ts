/**
 * What an event cost (`event.size`): the figures of its own clause, by role, on sentences
 * written for these tests and read by the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { mergeSizes } from '../../src/extract/events/size.js';
import type { DocumentRecord, Event } from '../../src/extract/record.js';
import { extractBody } from '../helpers/records.js';

const byTrigger = (r: DocumentRecord, trigger: string): Event => {
  const e = r.events.find((x) => x.trigger.text === trigger);
  if (!e) throw new Error(`no event «${trigger}» in ${r.events.map((x) => x.trigger.text).join(', ')}`);
  return e;
};

/** The size as category → value (or [low, high]), with the figure's text checked against its index. */
function sizeOf(r: DocumentRecord, e: Event): Record<string, number | [number | null, number | null]> {
  const out: Record<string, number | [number | null, number | null]> = {};
  for (const [category, f] of Object.entries(e.size ?? {})) {
    const q = r.quantities[f.quantity]!;
    expect(q.value).toBe(f.value);
    out[category] = f.value ?? [f.low, f.high];
  }
  return out;
}

describe('event size', () => {
  it('gives two acts of one sentence each its own figures', () => {
    const r = extractBody('قتلت خلايا داعش خمسة مدنيين في ريف دير الزور، واعتقلت قوات سوريا الديمقراطية 12 شخصاً في الحسكة.');
    expect(sizeOf(r, byTrigger(r, 'قتلت'))).toEqual({ killed: 5 });
    // "12 شخصاً" names no category: those an arrest takes are detained.
    expect(sizeOf(r, byTrigger(r, 'واعتقلت'))).toEqual({ detained: 12 });
    // event.quantities keeps its meaning: every figure of the sentence.
    expect(byTrigger(r, 'قتلت').quantities).toEqual([0, 1]);
  });

  it('tells killed from injured, and gives a toll told after a comma to the attack', () => {
    const r = extractBody('قصفت القوات التركية قرية في ريف تل تمر، ما أدى إلى مقتل 3 مدنيين وإصابة 7 آخرين.');
    expect(sizeOf(r, byTrigger(r, 'قصفت'))).toEqual({ killed: 3, injured: 7 });
  });

  it('gives a toll told in clauses of their own verbs to the attack before it', () => {
    const r = extractBody('قصفت القوات التركية قرية في ريف تل تمر وأصيب ثلاثة مدنيين.');
    expect(sizeOf(r, byTrigger(r, 'قصفت'))).toEqual({ injured: 3 });
    const both = extractBody('قصفت القوات التركية قرية في ريف تل تمر وقتل خمسة مدنيين وأصيب سبعة آخرون.');
    expect(sizeOf(both, byTrigger(both, 'قصفت'))).toEqual({ killed: 5, injured: 7 });
  });

  it('does not give an act the toll of another attack a relative clause tells', () => {
    const r = extractBody('أعلنت قوات سوريا الديمقراطية أنها قتلت ثلاثة مسلحين من داعش قرب السجن الذي شهد هجوماً أسفر عن مقتل 22 شخصاً.');
    expect(r.quantities.map((q) => q.value)).toEqual([3, 22]);
    expect(sizeOf(r, byTrigger(r, 'قتلت'))).toEqual({ killed: 3 });
    // The announcement of one's own act is that act, not a second, STATEMENT event.
    expect(r.events.map((e) => e.trigger.text)).not.toContain('أعلنت');
  });

  it('gives the people an act takes its role, whatever the next clause makes of them', () => {
    const r = extractBody('اعتقلت قوات سوريا الديمقراطية خمسة عناصر من داعش بينهم ثلاثة قادة، وقتلت 12 مسلحاً.');
    // The figure's own category comes from the next verb (وقتلت); the arrest took them.
    expect(r.quantities[0]).toMatchObject({ value: 5, category: 'killed' });
    expect(sizeOf(r, byTrigger(r, 'اعتقلت'))).toEqual({ detained: 5 });
    expect(sizeOf(r, byTrigger(r, 'وقتلت'))).toEqual({ killed: 12 });
    // Fighters an arrest takes are detained too (a headline, verb after its subject).
    const headline = extractBody('قسد تعتقل خمسة عناصر من خلية لداعش في ريف دير الزور.');
    expect(headline.quantities[0]).toMatchObject({ value: 5, category: 'fighters' });
    expect(sizeOf(headline, byTrigger(headline, 'تعتقل'))).toEqual({ detained: 5 });
    // A fate named between the act and the figure is the figure's own.
    const named = extractBody('اعتقلت قوات سوريا الديمقراطية المسؤول عن مقتل 5 مدنيين.');
    expect(sizeOf(named, byTrigger(named, 'اعتقلت'))).toEqual({ killed: 5 });
  });

  it('leaves a figure in a clause without an act to no event', () => {
    const r = extractBody('قصفت تركيا قرية في ريف تل تمر، فيما يعيش في المخيم 40 ألف نازح.');
    expect(r.quantities.map((q) => q.category)).toEqual(['displaced']);
    expect(byTrigger(r, 'قصفت').size).toEqual({});
    const camp = extractBody('اعتقلت قوات سوريا الديمقراطية 20 شخصاً في مخيم الهول الذي يؤوي 40 ألف نازح.');
    // The figure of the relative clause is on no event.
    const camps = camp.quantities.findIndex((q) => q.text.includes('40'));
    expect(camp.events.flatMap((e) => Object.values(e.size ?? {}).map((f) => f.quantity))).not.toContain(camps);
    const after = extractBody('اعتقلت قوات سوريا الديمقراطية 12 شخصاً؛ ونزح 300 شخص من القرية.');
    expect(sizeOf(after, byTrigger(after, 'اعتقلت'))).toEqual({ detained: 12 });
  });

  it('does not give what a speaker says to the speaker', () => {
    const r = extractBody('قال المرصد السوري لحقوق الإنسان إن 5 مدنيين قتلوا.');
    expect(r.quantities).toHaveLength(1);
    for (const e of r.events) expect(e.size).toEqual({});
    // Even where the record has no content span for it.
    const found = extractBody('قالت الإدارة الذاتية الجمعة إنها عثرت على 36 جثة في المقبرة.');
    expect(found.quantities.map((q) => q.category)).toEqual(['killed']);
    for (const e of found.events) expect(e.size).toEqual({});
  });

  it('keeps the larger figure of a category when an event told twice is merged', () => {
    const small = { value: 3, low: null, high: null, qualifier: null, quantity: 0 };
    const large = { value: null, low: 20, high: 90, qualifier: null, quantity: 4 };
    expect(mergeSizes({ killed: small }, { killed: large, injured: small })).toEqual({ killed: large, injured: small });
    expect(mergeSizes(undefined, undefined)).toBeUndefined();
  });
});
