/**
 * TREC / Gigaword-style SGML: `<DOC>…</DOC>` blocks with fields such as DOCNO, URL, SRC,
 * TITLE or HEADLINE, TIME or DATE, ABSTRACT and TEXT (whose `<P>` paragraphs become
 * paragraphs). Recognised by content, whatever the file is called: ANT's `.txt` files are SGML.
 */
import { MarsadError } from '../../errors.js';
import type { InputItem } from '../types.js';
import { makeArticle, type FormatContext } from './common.js';

/** Whether a text is TREC-style SGML: its first tag is `<DOC>` (after an XML declaration). */
export function looksLikeSgml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<DOC[\s>]/i.test(text.slice(0, 2048));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function field(block: string, ...tags: string[]): string | null {
  for (const tag of tags) {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(block);
    if (m) return m[1]!;
  }
  return null;
}

function textOf(raw: string): string {
  const paragraphs = raw.replace(/<P(?:\s[^>]*)?>/gi, '\n\n').replace(/<\/P>/gi, '\n\n');
  const withoutTags = paragraphs.replace(/<\/?[A-Za-z][A-Za-z0-9_]*(?:\s[^>]*)?>/g, '');
  // Paragraph breaks made from <P> tags and the blank lines around them become one blank line.
  return decodeEntities(withoutTags).replace(/[ \t]*\n[ \t\n]*\n/g, '\n\n').trim();
}

/** A Gigaword id carries the date: "AFP_ARB_20050101.0001". */
function dateFromId(id: string | null): string | null {
  const m = id ? /_(\d{4})(\d{2})(\d{2})\./.exec(id) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Reads every `<DOC>` of an SGML text. */
export function readSgml(text: string, ctx: FormatContext): InputItem[] {
  const blocks = [...text.matchAll(/<DOC(\s[^>]*)?>([\s\S]*?)<\/DOC>/gi)];
  const opened = (text.match(/<DOC[\s>]/gi) ?? []).length;
  const items: InputItem[] = [];
  if (opened > blocks.length) {
    items.push({
      kind: 'failure',
      origin: ctx.origin,
      error: new MarsadError('input-format', ctx.origin, `${opened - blocks.length} <DOC> element(s) are never closed with </DOC>`),
    });
  }
  blocks.forEach((m, i) => {
    const attrs = m[1] ?? '';
    const block = m[2]!;
    const id = /\bid\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? field(block, 'DOCNO')?.trim() ?? null;
    const origin = blocks.length > 1 ? `${ctx.origin}#${id ?? i + 1}` : ctx.origin;
    const body = field(block, 'TEXT', 'BODY');
    if (body === null) {
      items.push({ kind: 'failure', origin, error: new MarsadError('input-format', origin, 'the <DOC> has no <TEXT> element') });
      return;
    }
    const title = field(block, 'TITLE', 'HEADLINE');
    const time = field(block, 'TIME', 'DATE_TIME', 'DATE');
    items.push({
      kind: 'article',
      article: makeArticle(ctx, origin, {
        title: title === null ? null : textOf(title).replace(/\s+/g, ' '),
        body: textOf(body),
        lead: (() => {
          const a = field(block, 'ABSTRACT');
          return a === null ? null : textOf(a);
        })(),
        published: time !== null ? textOf(time) : dateFromId(id),
        url: field(block, 'URL')?.trim() || null,
        outlet: field(block, 'SRC', 'SOURCE')?.trim() || null,
      }),
    });
  });
  if (blocks.length === 0 && opened === 0) {
    throw new MarsadError('input-format', ctx.origin, 'no <DOC> element found');
  }
  return items;
}
