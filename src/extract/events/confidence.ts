/**
 * How sure an event is: the share of events like it that are right on the dev set.
 *
 * The extractor describes each event by a few features (how its trigger reads, where its actor
 * came from, whether it names the recipient its trigger takes, its modality, type and rule) and
 * calls {@link eventConfidence} once. The raw score ({@link rawConfidence}, the hand-set formula
 * the extractor always had) is kept for when no calibration is loaded; the calibrated one comes
 * from `data/ar/events/calibration.json`, fitted by `npm run calibrate`
 * (scripts/calibrate-events.ts) on the dev set and committed: the product never reads the dev
 * set itself.
 *
 * The fit is a chain of ever finer groups of events, each group's rate shrunk towards the rate
 * of the group above it (hierarchical smoothing: rate = (right + m·parent) / (n + m), with a
 * strength m per level), from all events down to one trigger rule. An event whose group was never seen on dev gets the rate of
 * the finest group above it that was. So "≥ 0.7" means: events of this kind were right at least
 * 70% of the time on dev.
 */
import { z } from 'zod';
import { loadResource } from '../../lexicon/resources.js';
import type { Event, EventType } from '../record.js';

/** What the calibration reads of an event. */
export interface ConfidenceFeatures {
  /** How the trigger reads: a verb ("هاجم") or a noun ("هجوم"). */
  readonly kind: 'verb' | 'noun';
  /**
   * Where the actor came from: its own subject, a speaking document or the speaker ("قال
   * البيان", "نحثكم"), the discourse (an earlier event or sentence), an unnamed subject, none.
   */
  readonly actor: 'subject' | 'speech' | 'discourse' | 'anonymous' | 'none';
  /** Whether the trigger takes a recipient (an object or a preposition). */
  readonly recipientExpected: boolean;
  /** Whether the event names one. */
  readonly recipient: boolean;
  readonly modality: Event['modality'];
  readonly type: EventType;
  /** The trigger rule ("ar/events/assault/haajama"). */
  readonly rule: string;
}

/** The hand-set score: verbs over nouns, a named subject over none, the recipient the trigger expects, asserted over not. */
export function rawConfidence(f: ConfidenceFeatures): number {
  let confidence = f.kind === 'verb' ? 0.75 : 0.55;
  if (f.actor === 'subject') confidence += 0.15;
  else if (f.actor === 'none') confidence -= 0.25;
  if (f.recipientExpected) confidence += f.recipient ? 0.05 : -0.05;
  if (f.modality !== 'asserted') confidence -= 0.05;
  return confidence;
}

const recipientState = (f: ConfidenceFeatures) => (!f.recipientExpected ? 'n/a' : f.recipient ? 'named' : 'missing');

/**
 * The levels of the chain, coarse to fine: each adds one feature to the one above. The keys are
 * what calibration.json counts.
 */
export const CALIBRATION_LEVELS: readonly { readonly name: string; readonly key: (f: ConfidenceFeatures) => string }[] = [
  { name: 'type', key: (f) => f.type },
  { name: 'type+actor', key: (f) => `${f.type}|${f.actor}` },
  { name: 'type+actor+kind+recipient', key: (f) => `${f.type}|${f.actor}|${f.kind}|${recipientState(f)}` },
  { name: 'type+actor+kind+recipient+modality', key: (f) => `${f.type}|${f.actor}|${f.kind}|${recipientState(f)}|${f.modality === 'asserted' ? 'asserted' : 'other'}` },
  { name: 'rule+actor+kind+recipient+modality', key: (f) => `${f.rule}|${f.actor}|${f.kind}|${recipientState(f)}|${f.modality === 'asserted' ? 'asserted' : 'other'}` },
];

const Counts = z.tuple([z.number().int().min(0), z.number().int().min(0)]); // [events, right]

export const CalibrationSchema = z.object({
  description: z.string(),
  /** How it was fitted: on what, when, with which extractor. */
  fitted: z.object({
    gold: z.string(),
    documents: z.number().int().min(0),
    events: z.number().int().min(0),
    right: z.number().int().min(0),
    revision: z.string(),
  }),
  /** Lowest and highest confidence given. */
  floor: z.number().min(0).max(1),
  ceiling: z.number().min(0).max(1),
  /**
   * Per level (as CALIBRATION_LEVELS names them): the smoothing strength m (chosen by
   * leave-one-document-out cross-validation), and key → [events, right] on dev.
   */
  levels: z.array(z.object({ name: z.string(), strength: z.number().min(0), counts: z.record(z.string(), Counts) })),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/**
 * The rate of events like `f` in a calibration: from the overall rate down the chain of levels,
 * each level's counts shrunk towards the level above.
 */
export function calibratedRate(cal: Calibration, f: ConfidenceFeatures): number {
  const total = cal.fitted.events;
  let rate = total === 0 ? 0.5 : (cal.fitted.right + 1) / (total + 2);
  for (const level of CALIBRATION_LEVELS) {
    const fitted = cal.levels.find((l) => l.name === level.name);
    const counts = fitted?.counts[level.key(f)];
    if (!fitted || !counts) continue;
    const [n, right] = counts;
    rate = (right + fitted.strength * rate) / (n + fitted.strength);
  }
  return Math.min(cal.ceiling, Math.max(cal.floor, rate));
}

let override: Calibration | null | undefined;

/** The committed calibration (data/ar/events/calibration.json), or the one a fit sets; null: the raw score. */
function calibration(): Calibration | null {
  if (override !== undefined) return override;
  return loadResource('ar/events/calibration.json', CalibrationSchema);
}

/**
 * For the calibration fit and tests: use this calibration (null: the raw score) instead of the
 * committed one; undefined goes back to the committed one.
 */
export function useCalibration(cal: Calibration | null | undefined): void {
  override = cal;
}

let observer: ((f: ConfidenceFeatures, at: number) => void) | null = null;

/**
 * For the calibration fit: see the features of every event the extractor scores, with where its
 * trigger starts (some are dropped after scoring, as a statement that reports an act).
 */
export function observeConfidence(fn: ((f: ConfidenceFeatures, at: number) => void) | null): void {
  observer = fn;
}

/**
 * The confidence of an event, 0.05..0.99, two decimals: calibrated on dev when a calibration
 * is loaded, else the raw score.
 *
 * @example
 * eventConfidence({ kind: 'verb', actor: 'subject', recipientExpected: true, recipient: true, modality: 'asserted', type: 'ASSAULT', rule: 'ar/events/assault/haajama' }, triggerStart)
 */
export function eventConfidence(f: ConfidenceFeatures, at = -1): number {
  observer?.(f, at);
  const cal = calibration();
  const value = cal ? calibratedRate(cal, f) : rawConfidence(f);
  return Math.round(Math.min(0.99, Math.max(0.05, value)) * 100) / 100;
}
