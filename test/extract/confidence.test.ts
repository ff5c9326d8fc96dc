/**
 * The events' confidence: the raw score, the calibration chain, and the committed calibration
 * file (data/ar/events/calibration.json, written by `npm run calibrate`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CALIBRATION_LEVELS,
  CalibrationSchema,
  calibratedRate,
  eventConfidence,
  rawConfidence,
  useCalibration,
  type Calibration,
  type ConfidenceFeatures,
} from '../../src/extract/events/confidence.js';
import { loadResource } from '../../src/lexicon/resources.js';

const attack: ConfidenceFeatures = { kind: 'verb', actor: 'subject', recipientExpected: true, recipient: true, modality: 'asserted', type: 'ASSAULT', rule: 'ar/events/assault/haajama' };

function calibration(levels: Calibration['levels'], over: Partial<Calibration> = {}): Calibration {
  return { description: 'test', fitted: { gold: 'test', documents: 1, events: 8, right: 4, revision: 'x0' }, floor: 0.05, ceiling: 0.95, levels, ...over };
}

afterEach(() => useCalibration(undefined));

describe('event confidence', () => {
  it('the raw score: verbs over nouns, a named subject, the expected recipient, asserted', () => {
    expect(rawConfidence(attack)).toBeCloseTo(0.95);
    expect(rawConfidence({ ...attack, kind: 'noun', actor: 'none', recipient: false, modality: 'negated' })).toBeCloseTo(0.2);
    useCalibration(null);
    expect(eventConfidence({ ...attack, actor: 'discourse', recipientExpected: false })).toBe(0.75);
  });

  it('shrinks each group towards the coarser one, and backs off past groups never seen', () => {
    // Overall (4 + 1) / (8 + 2) = 0.5; type ASSAULT 4 of 4: (4 + 2·0.5) / (4 + 2) = 5/6.
    const cal = calibration([{ name: 'type', strength: 2, counts: { ASSAULT: [4, 4], STATEMENT: [4, 0] } }]);
    expect(calibratedRate(cal, attack)).toBeCloseTo(5 / 6);
    expect(calibratedRate(cal, { ...attack, type: 'STATEMENT' })).toBeCloseTo(1 / 6);
    // A type dev never saw gets the overall rate.
    expect(calibratedRate(cal, { ...attack, type: 'AID' })).toBeCloseTo(0.5);
    // Then the finer level, shrunk towards 5/6: (1 + 2·5/6) / (2 + 2).
    const finer = calibration([
      { name: 'type', strength: 2, counts: { ASSAULT: [4, 4] } },
      { name: 'type+actor', strength: 2, counts: { 'ASSAULT|subject': [2, 1] } },
    ]);
    expect(calibratedRate(finer, attack)).toBeCloseTo((1 + (2 * 5) / 6) / 4);
    // Clamped to the calibration's bounds.
    expect(calibratedRate(calibration([{ name: 'type', strength: 2, counts: { ASSAULT: [1000, 1000] } }]), attack)).toBe(0.95);
    useCalibration(cal);
    expect(eventConfidence(attack)).toBe(0.83);
  });

  it('the committed calibration is valid, names the levels the code has, and is what the extractor applies', () => {
    const committed = loadResource('ar/events/calibration.json', CalibrationSchema);
    expect(committed.levels.map((l) => l.name)).toEqual(CALIBRATION_LEVELS.map((l) => l.name));
    expect(committed.fitted.events).toBeGreaterThan(0);
    for (const level of committed.levels) {
      for (const [n, right] of Object.values(level.counts)) expect(right).toBeLessThanOrEqual(n);
      expect(Object.values(level.counts).reduce((sum, [n]) => sum + n, 0)).toBe(committed.fitted.events);
    }
    expect(eventConfidence(attack)).toBe(Math.round(calibratedRate(committed, attack) * 100) / 100);
  });
});
