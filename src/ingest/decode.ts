/**
 * Turns the bytes of an input into text: UTF-8 with or without a byte order mark, UTF-16 with
 * one, and the legacy Arabic code page windows-1256, recognised when the bytes are not UTF-8
 * and decode to Arabic. Anything else is refused with a clear error rather than guessed.
 */
import { MarsadError } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1256 = new TextDecoder('windows-1256');

/** Share of non-ASCII characters that must be Arabic letters for windows-1256 to be believed. */
const MIN_ARABIC_SHARE = 0.8;

function hasBinaryControl(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return true;
  }
  return false;
}

function looksArabic(text: string): boolean {
  let nonAscii = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) continue;
    nonAscii++;
    if (u >= 0x0600 && u <= 0x06ff) arabic++;
  }
  return arabic > 0 && arabic / nonAscii >= MIN_ARABIC_SHARE;
}

/**
 * Decodes an input's bytes.
 *
 * @example
 * decodeBytes(Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]), 'a.txt')
 * // { text: 'السلام', encoding: 'windows-1256' }
 * @throws MarsadError `input-binary` for bytes that are not text, `input-encoding` for text
 *         in an encoding Marsad does not recognise.
 */
export function decodeBytes(bytes: Uint8Array, origin: string): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (hasBinaryControl(bytes)) throw new MarsadError('input-binary', origin, 'it holds control bytes that text does not');
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(hasBom ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
  } catch {
    if (hasBom) throw new MarsadError('input-encoding', origin, 'it starts with a UTF-8 byte order mark but is not valid UTF-8');
  }
  const text = cp1256.decode(bytes);
  if (looksArabic(text)) return { text, encoding: 'windows-1256' };
  throw new MarsadError('input-encoding', origin, 'it is not UTF-8, and does not read as Arabic in windows-1256');
}
