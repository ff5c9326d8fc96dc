/**
 * Builds the record's text from an article's parts: the title as the first line, then the body,
 * with line endings unified, boilerplate lines removed and blank lines collapsed.
 *
 * Cleaning decides what the text *is*; it does not rewrite characters inside it (that is
 * normalisation, which keeps an offset map). Every removal of a line is a message on the record.
 */
import type { Message } from '../extract/record.js';
import { recordMessage } from '../messages.js';
import { removeBoilerplate } from './boilerplate.js';
import { normalizeForm } from './normalize.js';

/** What an input gives for one article. */
export interface ArticleParts {
  /** The title from metadata, or null to take the first non-empty line of `body`. */
  readonly title: string | null;
  readonly body: string;
  /** An abstract or lead kept apart from the body (TREC `<ABSTRACT>`), if any. */
  readonly lead?: string | null;
}

export interface CleanedArticle {
  readonly title: string | null;
  /** Title, a blank line, then the body; or the body alone when there is no title. */
  readonly text: string;
  /** The body alone: empty when the article has only a title. */
  readonly body: string;
  readonly messages: Message[];
}

/** Unifies line endings and drops a byte order mark. */
export function unifyLineEndings(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Folds a line for comparing two lines as the same text. */
const sameText = (s: string) => normalizeForm(s).replace(/[\s\p{P}]+/gu, '');

/** Spaces, tabs, no-break spaces and direction marks trimmed from a line's end. */
const isTrailingSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x200f || c === 0x200e;

/**
 * A line without its trailing spaces: a loop, as `/[ \t\u00a0\u200f\u200e]+$/` is quadratic on a
 * long run of spaces followed by a letter.
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isTrailingSpace(line.charCodeAt(end - 1))) end--;
  return end === line.length ? line : line.slice(0, end);
}

function collapse(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = trimLineEnd(line).replace(/^[ \t\u00a0]+(?=\S)/u, '');
    const blank = trimmed.trim().length === 0;
    if (blank) {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else out.push(trimmed);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/**
 * Cleans one article.
 *
 * @example
 * cleanArticle({ title: null, body: 'الأخبارمانشيت\n\nعنوان الخبر\n\nنص الخبر.\nزر الذهاب إلى الأعلى' })
 * // { title: 'عنوان الخبر', text: 'عنوان الخبر\n\nنص الخبر.', messages: [two boilerplate-removed] }
 */
export function cleanArticle(parts: ArticleParts): CleanedArticle {
  const messages: Message[] = [];
  let lines = unifyLineEndings(parts.body).split('\n');

  const { kept, removed } = removeBoilerplate(lines);
  for (const r of removed) {
    messages.push(recordMessage('boilerplate-removed', `removed a line that is not part of the article (${r.kind}): "${r.line}"`));
  }
  lines = kept;

  let title = parts.title === null ? null : collapse([unifyLineEndings(parts.title).replace(/\n+/g, ' ')]) || null;
  if (title === null) {
    const first = lines.findIndex((l) => l.trim().length > 0);
    const hasMore = first >= 0 && lines.slice(first + 1).some((l) => l.trim().length > 0);
    if (first >= 0 && hasMore) {
      title = lines[first]!.trim();
      lines = lines.slice(first + 1);
    } else if (first >= 0) {
      messages.push(recordMessage('title-missing', 'the article is a single paragraph; it has no title line'));
    }
  }

  // Some pages print the title twice: once as the page heading, once above the body.
  if (title !== null) {
    const firstBody = lines.findIndex((l) => l.trim().length > 0);
    if (firstBody >= 0 && sameText(lines[firstBody]!) === sameText(title)) {
      messages.push(recordMessage('duplicate-title-removed', `removed the title repeated as the body's first line: "${lines[firstBody]!.trim()}"`));
      lines = lines.slice(firstBody + 1);
    }
  }

  let body = collapse(lines);
  const lead = parts.lead ? collapse(unifyLineEndings(parts.lead).split('\n')) : '';
  if (lead && !sameText(body).includes(sameText(lead))) {
    messages.push(recordMessage('lead-added', 'the abstract is not in the body; it was added as the first paragraph'));
    body = body ? `${lead}\n\n${body}` : lead;
  }

  const text = title !== null && body ? `${title}\n\n${body}` : (title ?? body);
  return { title, text, body, messages };
}
