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

/** Decodes the XML entities, `&nbsp;` and numeric references; other named entities stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{1,10});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text in lower case for the ASCII letters only, so that its indices stay those of the text. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * The next index of a character at or after a position, for positions that only grow: each
 * search resumes where the last ended, so a text full of `<` never closed by `>` is read once.
 */
class NextIndex {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}
  from(position: number): number {
    if (this.at === -1) return -1;
    if (this.at < position) this.at = this.text.indexOf(this.ch, position);
    return this.at;
  }
}

/** Longest attribute list read in an opening tag: a `<DOC` never closed by `>` ends the scan. */
const MAX_TAG_LENGTH = 4096;

interface Element {
  /** The attributes of the opening tag (after its name). */
  readonly attrs: string;
  /** Where the content starts and ends in the text. */
  readonly start: number;
  readonly end: number;
  /** Just after the closing tag. */
  readonly next: number;
}

/**
 * Finds the next `<tag …>…</tag>` from `from`, by plain searches (no regular expression that
 * could backtrack on attacker-sized input): linear in the length of the text. `lower` is the
 * text in lower case (same length). Returns null when there is none (an element never closed
 * stops the search: no later one can close either).
 */
function nextElement(text: string, lower: string, tag: string, from: number, gts = new NextIndex(lower, '>')): Element | null {
  const open = '<' + tag;
  const close = '</' + tag + '>';
  let i = from;
  for (;;) {
    i = lower.indexOf(open, i);
    if (i < 0) return null;
    const after = i + open.length;
    const c = text.charCodeAt(after);
    if (c === 0x3e /* > */ || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
      const gt = c === 0x3e ? after : gts.from(after);
      if (gt < 0) return null;
      if (gt - after > MAX_TAG_LENGTH) {
        i = after;
        continue;
      }
      const end = lower.indexOf(close, gt + 1);
      if (end < 0) return null;
      return { attrs: text.slice(after, gt), start: gt + 1, end, next: end + close.length };
    }
    i = after;
  }
}

function field(block: string, ...tags: string[]): string | null {
  const lower = asciiLower(block);
  for (const tag of tags) {
    const e = nextElement(block, lower, tag.toLowerCase(), 0);
    if (e) return block.slice(e.start, e.end);
  }
  return null;
}

const isTagNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isTagNameChar = (c: number) => isTagNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;

/**
 * Removes markup tags, `<P>` and `</P>` becoming paragraph breaks, in one pass. A `<` that does
 * not start a tag closed by `>` within {@link MAX_TAG_LENGTH} characters is kept as text.
 */
function stripTags(raw: string): string {
  const out: string[] = [];
  const gts = new NextIndex(raw, '>');
  let last = 0;
  let i = raw.indexOf('<');
  while (i >= 0) {
    let j = i + 1;
    if (raw.charCodeAt(j) === 0x2f /* / */) j++;
    if (isTagNameStart(raw.charCodeAt(j))) {
      const nameStart = j;
      while (j < raw.length && isTagNameChar(raw.charCodeAt(j))) j++;
      const name = raw.slice(nameStart, j);
      const c = raw.charCodeAt(j);
      let gt = -1;
      if (c === 0x3e) gt = j;
      else if (isSpace(c)) {
        const k = gts.from(j);
        if (k >= 0 && k - j <= MAX_TAG_LENGTH) gt = k;
      }
      if (gt >= 0) {
        out.push(raw.slice(last, i));
        if (name === 'P' || name === 'p') out.push('\n\n');
        last = gt + 1;
        i = raw.indexOf('<', last);
        continue;
      }
    }
    i = raw.indexOf('<', i + 1);
  }
  out.push(raw.slice(last));
  return out.join('');
}

/**
 * Blank lines (a line break, then only spaces, tabs and line breaks up to another line break)
 * become one blank line, with the spaces before them: what `/[ \t]*\n[ \t\n]*\n/g → '\n\n'`
 * does, in one linear pass (that expression is quadratic on a long run of spaces).
 */
export function collapseBlankLines(s: string): string {
  const out: string[] = [];
  let last = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a) {
      i++;
      continue;
    }
    // a run of spaces, tabs and line breaks: [i, j)
    let j = i;
    let newlines = 0;
    let lastNewline = -1;
    let firstNewline = -1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d === 0x0a) {
        newlines++;
        lastNewline = j;
        if (firstNewline < 0) firstNewline = j;
      } else if (d !== 0x20 && d !== 0x09) break;
      j++;
    }
    if (newlines >= 2) {
      out.push(s.slice(last, i), '\n\n');
      last = lastNewline + 1;
    }
    i = j;
  }
  out.push(s.slice(last));
  return out.join('');
}

function textOf(raw: string): string {
  // Paragraph breaks made from <P> tags and the blank lines around them become one blank line.
  return collapseBlankLines(decodeEntities(stripTags(raw))).trim();
}

/** A Gigaword id carries the date: "AFP_ARB_20050101.0001". */
function dateFromId(id: string | null): string | null {
  const m = id ? /_(\d{4})(\d{2})(\d{2})\./.exec(id) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Reads every `<DOC>` of an SGML text. */
export function readSgml(text: string, ctx: FormatContext): InputItem[] {
  const lower = asciiLower(text);
  const gts = new NextIndex(lower, '>');
  const blocks: Element[] = [];
  for (let e = nextElement(text, lower, 'doc', 0, gts); e; e = nextElement(text, lower, 'doc', e.next, gts)) blocks.push(e);
  let opened = 0;
  for (let i = lower.indexOf('<doc'); i >= 0; i = lower.indexOf('<doc', i + 4)) {
    const c = text.charCodeAt(i + 4);
    if (c === 0x3e || isSpace(c)) opened++;
  }
  const items: InputItem[] = [];
  if (opened > blocks.length) {
    items.push({
      kind: 'failure',
      origin: ctx.origin,
      error: new MarsadError('input-format', ctx.origin, `${opened - blocks.length} <DOC> element(s) are never closed with </DOC>`),
    });
  }
  blocks.forEach((m, i) => {
    const attrs = m.attrs;
    const block = text.slice(m.start, m.end);
    const id = /\bid\s*=\s*"([^"]{0,200})"/i.exec(attrs)?.[1] ?? field(block, 'DOCNO')?.trim() ?? null;
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
