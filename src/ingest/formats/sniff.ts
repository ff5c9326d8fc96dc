/**
 * What kind of input a file holds, from its first bytes: a binary kind Marsad does not read
 * (a PDF, a zip or office document, an image…), an HTML page, an XML document (a feed or not),
 * or text. Reading by content rather than by name keeps a page saved as `.txt`, or a PDF named
 * on the command line, from being stored as its raw markup or bytes.
 *
 * Only plain searches over a bounded head of the input: no expression that could backtrack on
 * input of unbounded size.
 */

/** How much of an input's start is examined (a feed's DOCTYPE may declare entities before its root). */
export const HEAD_BYTES = 16 * 1024;

const startsWith = (bytes: Uint8Array, at: number, sig: readonly number[]) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The ASCII text at a position, for signatures such as "ftyp". */
const asciiAt = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * Names the binary kind of an input by its signature, or null when it has none Marsad knows
 * (text, or bytes that `decodeBytes` will refuse as not text).
 *
 * @example
 * binaryKind(Buffer.from('%PDF-1.7\n…'))  // 'a PDF document'
 */
export function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0, ascii('%PDF-'))) return 'a PDF document';
  if (startsWith(bytes, 0, [0x50, 0x4b]) && (startsWith(bytes, 2, [3, 4]) || startsWith(bytes, 2, [5, 6]) || startsWith(bytes, 2, [7, 8]))) return zipKind(bytes);
  if (startsWith(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'a Microsoft Office document of the old kind (.doc, .xls, .ppt)';
  if (startsWith(bytes, 0, ascii('{\\rtf'))) return 'an RTF document';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'a PNG image';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, 0, ascii('GIF87a')) || startsWith(bytes, 0, ascii('GIF89a'))) return 'a GIF image';
  if (startsWith(bytes, 0, ascii('RIFF')) && asciiAt(bytes, 8, 4) === 'WEBP') return 'a WebP image';
  if (startsWith(bytes, 0, ascii('II*\0')) || startsWith(bytes, 0, ascii('MM\0*'))) return 'a TIFF image';
  if (asciiAt(bytes, 4, 4) === 'ftyp') {
    const brand = asciiAt(bytes, 8, 4);
    return ['heic', 'heix', 'mif1', 'avif'].includes(brand) ? 'a HEIF or AVIF image' : 'a video or audio file (MP4)';
  }
  if (startsWith(bytes, 0, [0x1f, 0x8b])) return 'gzip-compressed data (name it with .gz at the end to have it unpacked)';
  if (startsWith(bytes, 0, ascii('7z')) && startsWith(bytes, 2, [0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive';
  if (startsWith(bytes, 0, ascii('Rar!'))) return 'a RAR archive';
  if (startsWith(bytes, 0, ascii('ID3')) || startsWith(bytes, 0, ascii('OggS')) || startsWith(bytes, 0, ascii('fLaC'))) return 'an audio file';
  if (startsWith(bytes, 0, [0x7f, 0x45, 0x4c, 0x46])) return 'a program (ELF)';
  if (startsWith(bytes, 0, ascii('SQLite format 3\0'))) return 'a SQLite database';
  return null;
}

/** Office and e-book files are zip archives: their first entry names say which. */
function zipKind(bytes: Uint8Array): string {
  const head = asciiAt(bytes, 0, Math.min(bytes.length, 4096));
  if (head.includes('mimetypeapplication/epub+zip')) return 'an EPUB e-book';
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'an OpenDocument file (.odt, .ods)';
  if (head.includes('word/')) return 'a Word document (.docx)';
  if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (head.includes('ppt/')) return 'a PowerPoint presentation (.pptx)';
  return 'a zip archive';
}

/**
 * The first bytes of an input as text, for finding its markup: UTF-16 by its byte order mark,
 * else one character per byte (the markup of every ASCII-compatible encoding stays readable).
 */
export function headText(bytes: Uint8Array, max = HEAD_BYTES): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, 2 + (max & ~1)));
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(bytes.length - start, max)).toString('latin1');
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
const isNameChar = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d || c === 0x5f || c === 0x2e;

/** What a markup document opens with. */
export interface Prolog {
  /** Whether it starts with an XML declaration (`<?xml …?>`). */
  readonly xmlDeclaration: boolean;
  /** The DOCTYPE's text after `<!DOCTYPE`, trimmed, or null. */
  readonly doctype: string | null;
  /** The first element's name as written ("rss", "rdf:RDF", "html"), or null when the text does not start with markup. */
  readonly root: string | null;
}

/**
 * Reads the prolog of a markup text: white space, the XML declaration, processing
 * instructions, comments and the DOCTYPE (with its internal subset), up to the first element.
 *
 * @example
 * readProlog('<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')  // { xmlDeclaration: true, doctype: null, root: 'rss' }
 */
export function readProlog(head: string): Prolog {
  let i = 0;
  let xmlDeclaration = false;
  let doctype: string | null = null;
  if (head.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    while (i < head.length && isSpace(head.charCodeAt(i))) i++;
    if (head.charCodeAt(i) !== 0x3c /* < */) return { xmlDeclaration, doctype, root: null };
    if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i + 2);
      if (end < 0) return { xmlDeclaration, doctype, root: null };
      if (head.slice(i + 2, i + 6).toLowerCase() === 'xml ' || head.slice(i + 2, i + 6) === 'xml\t') xmlDeclaration = true;
      i = end + 2;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i + 4);
      if (end < 0) return { xmlDeclaration, doctype, root: null };
      i = end + 3;
    } else if (head.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const bracket = head.indexOf('[', i);
      const gt = head.indexOf('>', i);
      if (gt < 0) return { xmlDeclaration, doctype, root: null };
      let end = gt;
      if (bracket >= 0 && bracket < gt) {
        // an internal subset: it ends at "]" then ">"
        const close = head.indexOf(']', bracket);
        if (close < 0) return { xmlDeclaration, doctype, root: null };
        end = head.indexOf('>', close);
        if (end < 0) return { xmlDeclaration, doctype, root: null };
      }
      doctype = head.slice(i + 9, end).trim();
      i = end + 1;
    } else {
      let j = i + 1;
      while (j < head.length && isNameChar(head.charCodeAt(j))) j++;
      const c = head.charCodeAt(j);
      if (j === i + 1 || !(c === 0x3e || c === 0x2f || isSpace(c) || Number.isNaN(c))) return { xmlDeclaration, doctype, root: null };
      return { xmlDeclaration, doctype, root: head.slice(i + 1, j) };
    }
  }
}

/** Elements an HTML page or a fragment of one may start with. */
const HTML_FIRST = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'base', 'div', 'article', 'section', 'main', 'header', 'nav', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'span', 'noscript',
]);

/** Whether a prolog is an HTML page's: an HTML DOCTYPE, or a first element that only HTML has. */
export function isHtmlProlog(prolog: Prolog): boolean {
  if (prolog.doctype !== null && prolog.doctype.slice(0, 4).toLowerCase() === 'html') return true;
  return prolog.root !== null && HTML_FIRST.has(prolog.root.toLowerCase());
}

/** The kind of feed a root element makes, or null. */
export function feedRootKind(root: string | null): 'rss' | 'atom' | 'rdf' | null {
  if (root === null) return null;
  const name = root.toLowerCase();
  if (name === 'rss') return 'rss';
  if (name === 'feed' || name.endsWith(':feed')) return 'atom';
  if (name === 'rdf:rdf') return 'rdf';
  return null;
}
