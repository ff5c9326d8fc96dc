/**
 * Decoding a page or a feed by the encoding it declares: the `charset` of the HTTP
 * Content-Type first, then the one the document declares (`<meta charset>`, the XML
 * declaration), then the content itself (`decode.ts`: UTF-8, else windows-1256 or ISO-8859-6
 * when the bytes read as Arabic words in it).
 *
 * Three departures from taking a declaration at its word, each for a mistake publishers make:
 * - a byte order mark wins over any declaration (as browsers do);
 * - windows-1252 and its aliases (ISO-8859-1, latin1, US-ASCII) are what servers and CMSs say
 *   when nobody set an encoding, and Arabic pages have been served under them for years: such
 *   a declaration is passed over for the next one, then the content;
 * - bytes that are valid UTF-8 with non-ASCII characters are UTF-8, whatever legacy code page
 *   is declared (a site moved to UTF-8 whose template still says windows-1256): Arabic text in
 *   windows-1256 or ISO-8859-6 is never valid UTF-8 (its letters, 0xC1–0xFE, do not follow one
 *   another in UTF-8), so this cannot misread a real legacy page. The record says so;
 * - windows-1256 and ISO-8859-6 are confused (a page in one declaring the other): when the
 *   declared one does not read as Arabic words and the other does, the other is used, and the
 *   record says so.
 *
 * A declared encoding Marsad does not know, or one it does not read (Marsad reads Arabic news:
 * UTF-8, UTF-16, windows-1256, ISO-8859-6), is an `input-encoding` error naming it, unless the
 * bytes are plain ASCII (which every such encoding reads alike).
 */
import type { Message } from '../../extract/record.js';
import { MarsadError } from '../../errors.js';
import { recordMessage } from '../../messages.js';
import { decodeBytes, encodingNote, looksArabic } from '../decode.js';

export interface DecodedMarkup {
  readonly text: string;
  /** The encoding read: "utf-8", "windows-1256", "iso-8859-6", "utf-16le"… */
  readonly encoding: string;
  readonly notes: Message[];
}

/** A declared encoding and where it was declared, for messages ("the Content-Type header"). */
export interface Declaration {
  readonly label: string;
  readonly where: string;
}

/** Encodings Marsad decodes when declared (the names TextDecoder gives them). */
const READ = new Set(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6']);

/** The charset parameter of a Content-Type value, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s{0,20}charset\s{0,5}=\s{0,5}["']?([^"';\s]{1,60})/i.exec(contentType.slice(0, 1000));
  return m ? m[1]! : null;
}

/** The encoding a label names, as TextDecoder names it, or null for a label it does not know. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

const isAscii = (bytes: Uint8Array) => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
};

const hasBom = (b: Uint8Array) =>
  (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)));

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function notesOf(encoding: string): Message[] {
  const note = encodingNote(encoding as Parameters<typeof encodingNote>[0]);
  return note ? [recordMessage('legacy-encoding', note)] : [];
}

/** Bytes in a legacy Arabic code page, or null for a byte it does not define. */
function legacy(bytes: Uint8Array, encoding: 'windows-1256' | 'iso-8859-6'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes by content alone (`decode.ts`), naming the passed-over declaration if that fails too. */
function byContent(bytes: Uint8Array, origin: string, passedOver: Declaration | null): DecodedMarkup {
  try {
    const decoded = decodeBytes(bytes, origin);
    return { text: decoded.text, encoding: decoded.encoding, notes: notesOf(decoded.encoding) };
  } catch (error) {
    if (passedOver && error instanceof MarsadError && error.code === 'input-encoding') {
      throw new MarsadError(
        'input-encoding',
        origin,
        `${passedOver.where} declares charset "${passedOver.label}", and the bytes are neither UTF-8 nor Arabic in windows-1256 or ISO-8859-6 (Marsad reads Arabic pages)`,
      );
    }
    throw error;
  }
}

/**
 * Decodes the bytes of a page or feed by the first usable declaration.
 *
 * @example
 * decodeDeclared(bytes, 'page.html', [{ label: 'ISO-8859-6', where: 'the Content-Type header' }])
 * // { text: '<html>…', encoding: 'iso-8859-6', notes: [{ code: 'legacy-encoding', … }] }
 * @throws MarsadError `input-encoding` for an unknown or unsupported declared encoding, or bytes
 *         that are not in the declared one; `input-binary` for bytes that are not text.
 */
export function decodeDeclared(bytes: Uint8Array, origin: string, declarations: readonly Declaration[]): DecodedMarkup {
  if (hasBom(bytes)) return byContent(bytes, origin, null);
  let passedOver: Declaration | null = null;
  for (const declaration of declarations) {
    const encoding = canonical(declaration.label);
    if (encoding === null) {
      throw new MarsadError('input-encoding', origin, `${declaration.where} declares charset "${declaration.label}", which is not an encoding Marsad knows`);
    }
    if (encoding === 'windows-1252') {
      passedOver ??= declaration;
      continue;
    }
    if (encoding === 'utf-8') {
      const text = validUtf8(bytes);
      if (text !== null) return { text, encoding, notes: [] };
      // Declared UTF-8 but not: a legacy Arabic page under a wrong declaration, or refused.
      return byContent(bytes, origin, declaration);
    }
    if (!READ.has(encoding)) {
      if (isAscii(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes: [] };
      throw new MarsadError(
        'input-encoding',
        origin,
        `${declaration.where} declares charset "${declaration.label}" (${encoding}); Marsad reads pages in UTF-8, UTF-16, windows-1256 or ISO-8859-6`,
      );
    }
    if (encoding === 'windows-1256' || encoding === 'iso-8859-6') {
      if (!isAscii(bytes)) {
        const utf8 = validUtf8(bytes);
        if (utf8 !== null) {
          return {
            text: utf8,
            encoding: 'utf-8',
            notes: [recordMessage('charset-corrected', `${declaration.where} declares ${encoding}, but the bytes are UTF-8; read as UTF-8`)],
          };
        }
      }
      const text = legacy(bytes, encoding);
      if (text === null || !looksArabic(text)) {
        const other = encoding === 'windows-1256' ? 'iso-8859-6' : 'windows-1256';
        const otherText = legacy(bytes, other);
        if (otherText !== null && looksArabic(otherText)) {
          return {
            text: otherText,
            encoding: other,
            notes: [...notesOf(other), recordMessage('charset-corrected', `${declaration.where} declares ${encoding}, but the bytes read as Arabic in ${other}; read as ${other}`)],
          };
        }
      }
      if (text === null) {
        throw new MarsadError('input-encoding', origin, `${declaration.where} declares charset "${declaration.label}", but the bytes hold characters ${encoding} does not have`);
      }
      return { text, encoding, notes: notesOf(encoding) };
    }
    // UTF-16 declared without a byte order mark (only a header can say so)
    return { text: new TextDecoder(encoding).decode(bytes), encoding, notes: [] };
  }
  return byContent(bytes, origin, passedOver);
}
