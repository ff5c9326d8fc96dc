/**
 * Turns the bytes of an input into text: UTF-8 with or without a byte order mark, UTF-16 and
 * UTF-32 with one, and the legacy Arabic code pages windows-1256 and ISO-8859-6, recognised
 * when the bytes are not UTF-8 and read as Arabic words in one of them. Anything else is
 * refused with a clear error rather than guessed: a wrong guess would store mojibake.
 *
 * JSON Lines are decoded record by record (see `read.ts`), so a feed that mixes UTF-8 and
 * windows-1256 lines is read line by line, each in its own encoding.
 */
import { MarsadError } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1256' | 'iso-8859-6';

export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1256 = new TextDecoder('windows-1256');
const iso88596 = new TextDecoder('iso-8859-6', { fatal: true });

/** Share of non-ASCII characters that must be Arabic letters for a legacy code page to be believed. */
const MIN_ARABIC_SHARE = 0.9;
/** Fewest Arabic letters a legacy-encoded text must hold: a few stray bytes are not Arabic. */
const MIN_ARABIC_LETTERS = 6;
/** Share of its Arabic letters that must stand in words of two letters or more. */
const MIN_WORD_SHARE = 0.8;

function hasBinaryControl(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return true;
  }
  return false;
}

const isArabicLetter = (u: number) => (u >= 0x0621 && u <= 0x064a && u !== 0x0640) || (u >= 0x0671 && u <= 0x06d3);
const isArabicBlock = (u: number) => u >= 0x0600 && u <= 0x06ff;
/** Latin letters and signs a legacy code page puts among its Arabic ones (à, ç, é, ×, …). */
const isLatinExtra = (u: number) => (u >= 0x00c0 && u <= 0x024f) || u === 0x00d7 || u === 0x00f7 || u === 0x0152 || u === 0x0153;

interface ArabicScore {
  readonly share: number;
  readonly letters: number;
  readonly inWords: number;
  /** Latin letters written next to an Arabic letter: the mark of a wrong code page, or of bytes that are not text. */
  readonly mixed: number;
}

function arabicScore(text: string): ArabicScore {
  let nonAscii = 0;
  let arabic = 0;
  let letters = 0;
  let inWords = 0;
  let mixed = 0;
  let run = 0;
  const endRun = () => {
    if (run >= 2) inWords += run;
    run = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0x80) {
      nonAscii++;
      if (isArabicBlock(u)) arabic++;
    }
    if (isArabicLetter(u)) {
      letters++;
      run++;
      continue;
    }
    if (u >= 0x064b && u <= 0x0652) continue; // harakat inside a word
    if (isLatinExtra(u) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a)) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (isArabicBlock(prev) || isArabicBlock(next)) mixed++;
    }
    endRun();
  }
  endRun();
  return { share: nonAscii ? arabic / nonAscii : 0, letters, inWords, mixed };
}

function readsAsArabic(s: ArabicScore): boolean {
  return s.letters >= MIN_ARABIC_LETTERS && s.share >= MIN_ARABIC_SHARE && s.inWords / s.letters >= MIN_WORD_SHARE && s.mixed <= s.letters * 0.01;
}

/** Whether a text read as windows-1256 is Arabic (kept for callers that test a decoding). */
export function looksArabic(text: string): boolean {
  return readsAsArabic(arabicScore(text));
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, origin: string): string {
  if (bytes.length % 4 !== 0) throw new MarsadError('input-encoding', origin, 'it starts with a UTF-32 byte order mark but its length is not a multiple of 4 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new MarsadError('input-encoding', origin, `it starts with a UTF-32 byte order mark but holds an invalid code point at byte ${i}`);
    }
    chunk.push(cp);
    if (chunk.length >= 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/**
 * Decodes an input's bytes.
 *
 * @example
 * decodeBytes(Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xde, 0xe3]), 'a.txt')
 * // { text: 'السلام عليكم', encoding: 'windows-1256' }
 * @throws MarsadError `input-binary` for bytes that are not text, `input-encoding` for text
 *         in an encoding Marsad does not recognise.
 */
export function decodeBytes(bytes: Uint8Array, origin: string): Decoded {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { text: decodeUtf32(bytes.subarray(4), true, origin), encoding: 'utf-32le' };
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { text: decodeUtf32(bytes.subarray(4), false, origin), encoding: 'utf-32be' };
  }
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
  const score = arabicScore(text);
  if (readsAsArabic(score)) return { text, encoding: 'windows-1256' };
  // ISO-8859-6 puts its Arabic letters where windows-1256 has Latin ones (à, ç, é): read that
  // way its text is Arabic with Latin letters inside the words.
  let iso: string | null = null;
  try {
    iso = iso88596.decode(bytes);
  } catch {
    iso = null; // a byte ISO-8859-6 does not define
  }
  if (iso !== null && readsAsArabic(arabicScore(iso))) return { text: iso, encoding: 'iso-8859-6' };
  throw new MarsadError('input-encoding', origin, 'it is not UTF-8, and does not read as Arabic in windows-1256 or ISO-8859-6');
}

/** The record note for a legacy encoding, or none. */
export function encodingNote(encoding: TextEncodingName): string | null {
  return encoding === 'windows-1256' || encoding === 'iso-8859-6' ? `decoded from ${encoding}` : null;
}

/**
 * Replaces lone UTF-16 surrogates (from JSON escapes such as "\ud800", or a broken UTF-16
 * file) with U+FFFD: SQLite would store them as invalid UTF-8 that other clients cannot read.
 *
 * @example
 * replaceLoneSurrogates('a\ud800b')  // { text: 'a\ufffdb', replaced: 1 }
 */
export function replaceLoneSurrogates(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out: string[] | null = null;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff && i + 1 < text.length) {
      const v = text.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) {
        i++;
        continue;
      }
    }
    out ??= [];
    out.push(text.slice(last, i), '\ufffd');
    last = i + 1;
    replaced++;
  }
  if (!out) return { text, replaced: 0 };
  out.push(text.slice(last));
  return { text: out.join(''), replaced };
}
