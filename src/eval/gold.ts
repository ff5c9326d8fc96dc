/**
 * Gold files (`shared/gold/<doc>.json`, contract.md "Gold files"): what an analyst reads in an
 * article, without character offsets. Validated on load so a malformed gold file fails loudly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MarsadError } from '../errors.js';

export const GoldEntitySchema = z.object({
  type: z.enum(['PER', 'ORG', 'LOC']),
  en: z.string(),
  forms: z.array(z.string()).min(1),
  country: z.string().nullable().optional(),
  kind: z.string().nullable().optional(),
  /** [lat, lon] */
  geo: z.tuple([z.number(), z.number()]).nullable().optional(),
});

/** A gold event's party: an entity's `en`, a list of them, or null. */
const GoldPartySchema = z.union([z.string(), z.array(z.string()).min(1)]).nullable();

export const GoldDocumentSchema = z.object({
  doc: z.string(),
  meta: z.object({ published: z.string().nullable(), title: z.string().nullable().optional() }),
  entities: z.array(GoldEntitySchema),
  dates: z.array(z.object({ text: z.string(), value: z.string().nullable() })),
  quantities: z.array(
    z.object({
      text: z.string(),
      value: z.number().nullable(),
      low: z.number().nullable().optional(),
      high: z.number().nullable().optional(),
      category: z.string().optional(),
    }),
  ),
  events: z.array(
    z.object({
      type: z.string(),
      /** The doer: one gold entity's `en`, several (one clause, several parties: any one matches), or null (unnamed: any actor matches). */
      actor: GoldPartySchema,
      /** The one acted upon: as `actor`, but null means the text names none and the record must name none. */
      recipient: GoldPartySchema,
      topics: z.array(z.string()).default([]),
      /** Optional reading aids (annotation.md): the trigger as written, modality and mode. */
      trigger: z.string().optional(),
      modality: z.string().optional(),
      mode: z.string().nullable().optional(),
    }),
  ),
});

export type GoldEntity = z.infer<typeof GoldEntitySchema>;
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;
export type GoldEvent = GoldDocument['events'][number];

/** A gold party as a list of names (empty for null). */
export function partyNames(party: string | string[] | null): string[] {
  return party === null ? [] : typeof party === 'string' ? [party] : party;
}

/** Reads one gold file. */
export function readGold(path: string): GoldDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MarsadError('input-format', path, (error as Error).message, { cause: error });
  }
  const parsed = GoldDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MarsadError('input-format', path, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads every `*.json` gold file of a folder, by name. */
export function readGoldDir(dir: string): GoldDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readGold(join(dir, f)));
}
