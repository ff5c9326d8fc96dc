/**
 * The development set (`../shared/dev`: 48 real articles with hand-made gold for every entity,
 * date, figure and event), scored by contract.md's rules as `marsad eval` scores it.
 *
 * Entities hold issue 12's targets (ORG recall ≥ 0.80, entity F1 ≥ 0.88). Dates and figures
 * hold the levels they had before issue 12. Events do not reach issue 12's targets yet (type +
 * actor F1 0.70, full 0.55): their floors here are the levels reached, just below the measured
 * 0.600 and 0.460 (8 December 2026), so that a change that loses ground fails. The calibrated confidence must keep
 * events at 0.7 or above right at least 80% of the time. Every span quotes the text.
 */
import { expect, it } from 'vitest';
import { evaluateSeeds } from '../../src/eval/evaluate.js';
import { describeShared, shared } from '../helpers/shared.js';

describeShared('the development set against its gold', () => {
  it('entities, dates, figures and events stay at their levels; spans quote the text', async () => {
    const { summary, records } = await evaluateSeeds(shared('dev', 'gold'), shared('dev', 'articles'));
    expect(summary.documents).toBe(48);

    expect(summary.entities.ORG.recall).toBeGreaterThanOrEqual(0.8);
    expect(summary.entities.overall.f1).toBeGreaterThanOrEqual(0.88);
    expect(summary.geocoding.accuracy).toBeGreaterThanOrEqual(0.93);

    expect(summary.dates.detection.f1).toBeGreaterThanOrEqual(0.95);
    expect(summary.dates.valueAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(summary.quantities.detection.f1).toBeGreaterThanOrEqual(0.915);
    expect(summary.quantities.valueAccuracy).toBeGreaterThanOrEqual(0.97);

    expect(summary.events.typeActor.f1).toBeGreaterThanOrEqual(0.57);
    expect(summary.events.full.f1).toBeGreaterThanOrEqual(0.44);
    expect(summary.events.calibration.atLeast70.events).toBeGreaterThanOrEqual(20);
    expect(summary.events.calibration.atLeast70.precision).toBeGreaterThanOrEqual(0.8);

    for (const r of records) {
      for (const e of r.events) {
        for (const span of [e.sentence, e.trigger, ...(e.content ? [e.content] : []), ...(e.evidence ?? [])]) {
          expect(r.text.slice(span.start, span.end)).toBe(span.text);
        }
      }
    }
  });
});
