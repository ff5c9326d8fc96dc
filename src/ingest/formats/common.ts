/**
 * What every input format shares: metadata that overrides what the input says, and the
 * construction of an article from its parts.
 */
import { resolve } from 'node:path';
import type { Iso, Message } from '../../extract/record.js';
import { recordMessage } from '../../messages.js';
import { replaceLoneSurrogates } from '../decode.js';
import { parsePublished } from '../published.js';
import type { ArticleInput } from '../types.js';

/** Metadata given beside the input (a sidecar `FILE.meta.json`, `--published`): it wins. */
export interface MetaOverrides {
  readonly published?: Iso;
  readonly outlet?: string;
  readonly url?: string;
  readonly title?: string;
}

/** Where a file's articles come from and what is known beside them. */
export interface FormatContext {
  /** For messages: the file as the user named it, or "<stdin>". */
  readonly origin: string;
  /** The file path stored in `source.path` (absent for stdin). */
  readonly path?: string;
  readonly overrides: MetaOverrides;
  /** Messages about reading the file itself (its encoding). */
  readonly notes: readonly Message[];
}

/** Fields an input format may give for one article. */
export interface ArticleFields {
  title?: string | null;
  body: string;
  lead?: string | null;
  published?: string | null;
  url?: string | null;
  outlet?: string | null;
}

/** Builds an article from a format's fields, applying the overrides. */
export function makeArticle(ctx: FormatContext, origin: string, input: ArticleFields): ArticleInput {
  const notes = [...ctx.notes];
  // Lone surrogates (JSON escapes such as "\ud800") become U+FFFD, counted on the record:
  // SQLite would store them as invalid UTF-8 that other clients cannot read.
  let replaced = 0;
  const repair = <T extends string | null | undefined>(value: T): T => {
    if (typeof value !== 'string') return value;
    const r = replaceLoneSurrogates(value);
    replaced += r.replaced;
    return r.text as T;
  };
  const fields: ArticleFields = {
    title: repair(input.title),
    body: repair(input.body),
    lead: repair(input.lead),
    published: repair(input.published),
    url: repair(input.url),
    outlet: repair(input.outlet),
  };
  if (replaced > 0) notes.push(recordMessage('characters-replaced', `${replaced} lone UTF-16 surrogate${replaced === 1 ? ' was' : 's were'} replaced with U+FFFD`));
  let published: Iso | null = ctx.overrides.published ?? null;
  if (!published && fields.published) {
    published = parsePublished(fields.published);
    if (!published) notes.push(recordMessage('published-unreadable', `the publication date "${fields.published}" is not a date Marsad reads; it was ignored`));
  }
  const url = ctx.overrides.url ?? fields.url ?? undefined;
  const outlet = ctx.overrides.outlet ?? fields.outlet ?? null;
  const source: ArticleInput['source'] = {
    ...(ctx.path !== undefined ? { path: ctx.path } : {}),
    ...(url ? { url } : {}),
    outlet,
  };
  const title = ctx.overrides.title ?? (fields.title && fields.title.trim() ? fields.title : null);
  // "feed.jsonl:12" → "/abs/feed.jsonl:12": the part after the file name says where inside it.
  const sourceKey = ctx.path !== undefined ? resolve(ctx.path) + origin.slice(ctx.origin.length) : origin;
  return { origin, sourceKey, source, title, body: fields.body, lead: fields.lead ?? null, published, notes };
}
