/**
 * The few DOM shapes Marsad reads from linkedom's documents (the project compiles without the
 * DOM library), a walk over them that never recurses (a page nested thousands deep must not
 * overflow the stack), and the text of an element as paragraphs: a blank line between blocks,
 * a line break for `<br>`, spaces collapsed, and no text from scripts, styles, forms, frames,
 * navigation or captions.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode: DomNode | null;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

export const isElement = (n: DomNode): n is DomElement => n.nodeType === ELEMENT;

/**
 * Parses HTML into a document that has an `<html>` root with a `<body>`: linkedom builds the
 * tree the markup writes, without the elements HTML implies, so a page that omits `<html>` or
 * `<body>`, or a fragment (a feed item's content), is wrapped first.
 */
export function parseDocument(html: string): DomDocument {
  const first = parseHTML(html).document as DomDocument;
  const root = first.documentElement;
  if (root && root.localName === 'html' && first.body) return first;
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as DomDocument;
}

/**
 * Visits every node below `root` in document order, without recursion. `enter` returns
 * whether to go into the node's children; `leave` is called once a node and its children
 * are done (for every node entered, whether or not its children were visited).
 */
export function walk(root: DomNode, enter: (node: DomNode, depth: number) => boolean, leave: (node: DomNode) => void = () => undefined): void {
  let node = root.firstChild;
  let depth = 1;
  while (node) {
    if (enter(node, depth) && node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    leave(node);
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (!node || node === root) return;
      leave(node);
    }
    node = node!.nextSibling;
  }
}

/** The elements below a node: how many, and the depth of the deepest (its children are at depth 1). */
export function elementShape(root: DomNode): { elements: number; depth: number } {
  let depth = 0;
  let elements = 0;
  walk(root, (n, d) => {
    if (!isElement(n)) return false;
    elements++;
    if (d > depth) depth = d;
    return true;
  });
  return { elements, depth };
}

/** Elements whose text is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'picture', 'img',
  'button', 'input', 'select', 'option', 'textarea', 'form', 'label', 'nav', 'aside', 'footer', 'figcaption', 'head', 'title', 'meta', 'link', 'base', 'dialog', 'menu',
]);

/** Elements that stand as paragraphs of their own. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'caption', 'legend',
]);

/** Whether an element is hidden by its attributes (`hidden`, `aria-hidden`, an inline `display:none`). */
function hidden(e: DomElement): boolean {
  if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
  const style = e.getAttribute('style');
  return style !== null && style.length < 2000 && /display\s{0,5}:\s{0,5}none/i.test(style);
}

export interface ParagraphsText {
  readonly paragraphs: string[];
  /**
   * Characters of each paragraph (spaces left out) inside links or `<time>` elements, index
   * for index: a paragraph made of them is a list of links or a dateline, not article text.
   */
  readonly furniture: number[];
}

/** Characters that are not white space. */
function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0)) n++;
  }
  return n;
}

/**
 * The text of a node as paragraphs. Inline elements run together; each block element starts
 * and ends a paragraph; `<br>` breaks the line; table cells are joined by a space, one row a
 * line; white space runs become one space (kept as written inside `<pre>`).
 *
 * @example
 * paragraphsOf(parseDocument('<p>قصف <b>عنيف</b></p><p>ثم<br>هدوء</p>').body!).paragraphs  // ['قصف عنيف', 'ثم\nهدوء']
 */
export function paragraphsOf(root: DomNode): ParagraphsText {
  const paragraphs: string[] = [];
  const furniture: number[] = [];
  let parts: string[] = [];
  let furnitureChars = 0;
  let inFurniture = 0;
  let inPre = 0;
  /** Elements not entered (skipped or hidden): leaving them changes nothing. */
  const skipped = new Set<DomNode>();
  const flush = () => {
    if (parts.length === 0) return;
    const lines = parts
      .join('')
      .split('\n')
      .map((l) => l.replace(/[ \t]{2,}/g, ' ').trim())
      .filter((l) => l.length > 0);
    parts = [];
    if (lines.length) {
      paragraphs.push(lines.join('\n'));
      furniture.push(furnitureChars);
    }
    furnitureChars = 0;
  };
  walk(
    root,
    (node) => {
      if (node.nodeType === TEXT) {
        const raw = node.textContent ?? '';
        const text = inPre ? raw.replace(/[ \t\r\f\u00a0]+/g, ' ') : raw.replace(/\s+/g, ' ');
        parts.push(text);
        if (inFurniture) furnitureChars += visibleLength(text);
        return false;
      }
      if (!isElement(node)) return false;
      const tag = node.localName;
      if (SKIP.has(tag) || hidden(node)) {
        skipped.add(node);
        return false;
      }
      if (tag === 'br') parts.push('\n');
      else if (tag === 'td' || tag === 'th') parts.push(' ');
      else if (BLOCK.has(tag)) flush();
      if (tag === 'a' || tag === 'time') inFurniture++;
      if (tag === 'pre') inPre++;
      return true;
    },
    (node) => {
      if (!isElement(node)) return;
      if (skipped.delete(node)) return;
      const tag = node.localName;
      if (tag === 'a' || tag === 'time') inFurniture--;
      if (tag === 'pre') inPre--;
      if (tag === 'tr' || tag === 'td' || tag === 'th') parts.push(tag === 'tr' ? '\n' : ' ');
      if (BLOCK.has(tag)) flush();
    },
  );
  flush();
  return { paragraphs, furniture };
}

/**
 * A paragraph whose characters are this much link or `<time>` text is navigation ("اقرأ أيضاً"
 * lists, share buttons) or a dateline, not the article.
 */
const FURNITURE_SHARE = 0.7;

/**
 * The article paragraphs of a node: {@link paragraphsOf}, without the paragraphs that are
 * mostly links or dates.
 */
export function articleParagraphs(root: DomNode): string[] {
  const { paragraphs, furniture } = paragraphsOf(root);
  return paragraphs.filter((p, i) => furniture[i]! < FURNITURE_SHARE * visibleLength(p));
}

/** Words (runs of letters and digits) in a text. */
export const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
