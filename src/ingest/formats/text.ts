/**
 * Plain text: the first non-empty line is the title, the rest is the body.
 */
import type { InputItem } from '../types.js';
import { makeArticle, type FormatContext } from './common.js';

/** @example readPlainText('عنوان\n\nنص الخبر', ctx)  // one article, title taken by cleaning */
export function readPlainText(text: string, ctx: FormatContext): InputItem[] {
  return [{ kind: 'article', article: makeArticle(ctx, ctx.origin, { title: null, body: text }) }];
}
