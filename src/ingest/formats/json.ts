/**
 * JSON and JSON Lines: one object per article with `text` (or `body`), and optional `title`,
 * `published`, `url`, `outlet`. A JSON file may hold one object or an array of them. In JSON
 * Lines, a broken line is reported with its number and every other line is still read.
 */
import { z } from 'zod';
import { MarsadError } from '../../errors.js';
import type { InputItem } from '../types.js';
import { makeArticle, type FormatContext } from './common.js';

const nullableString = z.string().nullable().optional();

const ArticleObjectSchema = z
  .object({
    text: z.string().optional(),
    body: z.string().optional(),
    title: nullableString,
    published: nullableString,
    date: nullableString,
    url: nullableString,
    outlet: nullableString,
  })
  .refine((o) => typeof o.text === 'string' || typeof o.body === 'string', {
    message: 'an article needs "text" or "body" as a string',
  });

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.length ? `field "${issue.path.join('.')}": ` : '';
  return field + issue.message;
}

function objectToItem(value: unknown, origin: string, ctx: FormatContext): InputItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'failure', origin, error: new MarsadError('input-format', origin, 'an article must be a JSON object') };
  }
  const parsed = ArticleObjectSchema.safeParse(value);
  if (!parsed.success) return { kind: 'failure', origin, error: new MarsadError('input-format', origin, describe(parsed.error)) };
  const o = parsed.data;
  return {
    kind: 'article',
    article: makeArticle(ctx, origin, {
      title: o.title ?? null,
      body: (o.text ?? o.body)!,
      published: o.published ?? o.date ?? null,
      url: o.url ?? null,
      outlet: o.outlet ?? null,
    }),
  };
}

/** Reads one JSON document: an article object or an array of them. */
export function readJson(text: string, ctx: FormatContext): InputItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MarsadError('input-format', ctx.origin, `not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(value)) return value.map((v, i) => objectToItem(v, `${ctx.origin}[${i}]`, ctx));
  return [objectToItem(value, ctx.origin, ctx)];
}

/** Reads one line of JSON Lines (`lineNumber` from 1). Blank lines yield nothing. */
export function readJsonLine(line: string, lineNumber: number, ctx: FormatContext): InputItem | null {
  const trimmed = line.trim();
  if (!trimmed) return null;
  const origin = `${ctx.origin}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { kind: 'failure', origin, error: new MarsadError('input-format', origin, `not valid JSON (${(error as Error).message})`) };
  }
  return objectToItem(value, origin, ctx);
}

/** Reads a whole JSON Lines text. */
export function readJsonLines(text: string, ctx: FormatContext): InputItem[] {
  const items: InputItem[] = [];
  text.split('\n').forEach((line, i) => {
    const item = readJsonLine(line, i + 1, ctx);
    if (item) items.push(item);
  });
  return items;
}
