/**
 * Reading inputs: files, folders (recursively), and `-` for standard input.
 *
 * Reading is planned first (folders walked, missing paths found) so that progress can show a
 * total; then each file is read and yields its articles, failures and skips one by one. One bad
 * file never stops the others.
 *
 * A file's kind is read from its content, its name only breaking ties: an HTML page is read as
 * a page (one article), a feed as its items (an article per item whose content holds one, a
 * `link` for each that must be fetched), and a PDF, an office document, an image or other XML
 * is refused with its kind named, never stored as text.
 */
import { constants as fsConstants, lstatSync, statSync, type Stats } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { MarsadError, isMarsadError } from '../errors.js';
import { recordMessage } from '../messages.js';
import { decodeBytes, encodingNote } from './decode.js';
import type { FormatContext, MetaOverrides } from './formats/common.js';
import { feedItemArticle, parseFeed } from './formats/feed.js';
import { pageArticle, parseHtmlPage } from './formats/html.js';
import { readJson, readJsonLine, readJsonLines } from './formats/json.js';
import { looksLikeSgml, readSgml } from './formats/sgml.js';
import { binaryKind, feedRootKind, headText, isHtmlProlog, readProlog } from './formats/sniff.js';
import { readPlainText } from './formats/text.js';
import { parsePublished } from './published.js';
import type { InputItem } from './types.js';

/** File endings a folder walk reads; other files are listed as skipped. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.json', '.jsonl', '.ndjson', '.sgml', '.sgm', '.html', '.htm', '.xhtml', '.rss', '.atom', '.xml'] as const;
/** Endings of pages: read as HTML whatever their first element. */
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
/** Endings of feeds: XML in them that is no feed is an error, not another kind of file. */
const FEED_EXTENSIONS = new Set(['.rss', '.atom']);
const SIDECAR_SUFFIX = '.meta.json';
/** Largest single file read whole, and largest decompressed gzip (JSON Lines of any size are streamed). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Largest line of JSON Lines: a longer one is rejected without being held whole. */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;
/** Largest sidecar `.meta.json`. */
const MAX_SIDECAR_BYTES = 1024 * 1024;
/** Deepest folder a walk enters, below the one named. */
const MAX_DEPTH = 64;

/** One planned input. */
export type PlannedInput =
  /**
   * `fsPath` is the path as bytes when the name is not valid UTF-8 (`path` is then for
   * display). `named`: the user named the file itself (not found in a folder): what it holds
   * is then read or refused, never skipped.
   */
  | { readonly kind: 'file'; readonly path: string; readonly fsPath?: Buffer; readonly named?: boolean }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'missing'; readonly path: string; readonly error: MarsadError }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string };

export interface ReadOptions {
  /** `--published`: the publication date of every article read, overriding their own. */
  readonly published?: string;
  /** Standard input, for `-` (tests pass their own stream). */
  readonly stdin?: NodeJS.ReadableStream;
}

function isSupported(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith(SIDECAR_SUFFIX)) return false;
  const inner = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(inner));
}

/** What a path that is not a regular file or a folder is, for the skipped list. */
function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const SEP = Buffer.from('/');

/** A path for messages: the bytes as UTF-8 (a byte that is not becomes U+FFFD). */
const display = (path: Buffer) => path.toString('utf8');
/** Whether a name's bytes are valid UTF-8 (the string form then names the file). */
const isUtf8Name = (name: Buffer) => Buffer.from(name.toString('utf8'), 'utf8').equals(name);

interface WalkState {
  /** Folders entered, by device and inode: a link back to one of them is not entered again. */
  readonly seen: Set<string>;
}

/**
 * Walks a folder: regular files only (named pipes, devices and sockets are listed as skipped,
 * never opened), each folder once however many links lead to it, at most {@link MAX_DEPTH}
 * deep. Paths are handled as bytes so that a name that is not valid UTF-8 is still read.
 */
async function walk(dir: Buffer, out: PlannedInput[], state: WalkState, depth: number): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    out.push({ kind: 'missing', path: display(dir), error: new MarsadError('input-unreadable', display(dir), (error as Error).message) });
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name;
    const fsPath = Buffer.concat([dir, SEP, name]);
    const path = display(fsPath);
    const nameText = name.toString('utf8');
    if (nameText.startsWith('.')) {
      out.push({ kind: 'skipped', path, reason: 'hidden' });
      continue;
    }
    let stat: Stats | undefined;
    try {
      stat = entry.isSymbolicLink() ? statSync(fsPath) : lstatSync(fsPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.push({ kind: 'skipped', path, reason: code === 'ELOOP' ? 'a link that leads round in a loop' : code === 'ENOENT' ? 'a link to nothing' : `cannot be examined (${code ?? (error as Error).message})` });
      continue;
    }
    if (stat.isDirectory()) {
      const key = `${stat.dev}:${stat.ino}`;
      if (state.seen.has(key)) {
        out.push({ kind: 'skipped', path, reason: 'a folder already read (a link back to it)' });
      } else if (depth >= MAX_DEPTH) {
        out.push({ kind: 'skipped', path, reason: `folders deeper than ${MAX_DEPTH} levels are not read` });
      } else {
        state.seen.add(key);
        await walk(fsPath, out, state, depth + 1);
      }
    } else if (nameText.toLowerCase().endsWith(SIDECAR_SUFFIX)) {
      // metadata of the file beside it: read with that file
    } else if (!isSupported(nameText)) {
      out.push({ kind: 'skipped', path, reason: `not a supported kind of file (${SUPPORTED_EXTENSIONS.join(' ')})` });
    } else if (!stat.isFile()) {
      out.push({ kind: 'skipped', path, reason: `${specialKind(stat)}, not a regular file` });
    } else {
      out.push(isUtf8Name(fsPath) ? { kind: 'file', path } : { kind: 'file', path, fsPath });
    }
  }
}

/**
 * Expands the paths a user gave into the inputs to read.
 *
 * @example
 * await planInputs(['examples'])  // [{ kind: 'file', path: 'examples/01-….txt' }, …, { kind: 'skipped', path: 'examples/README.md', … }]
 */
export async function planInputs(paths: readonly string[]): Promise<PlannedInput[]> {
  const out: PlannedInput[] = [];
  const state: WalkState = { seen: new Set() };
  for (const path of paths) {
    if (path === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    let stat: Stats | undefined;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.push({ kind: 'missing', path, error: new MarsadError('input-unreadable', path, code === 'ELOOP' ? 'a link that leads round in a loop' : (error as Error).message) });
      continue;
    }
    if (!stat) out.push({ kind: 'missing', path, error: new MarsadError('input-not-found', path) });
    else if (stat.isDirectory()) {
      const key = `${stat.dev}:${stat.ino}`;
      if (state.seen.has(key)) continue; // named twice
      state.seen.add(key);
      await walk(Buffer.from(path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path), out, state, 0);
    } else if (!stat.isFile()) out.push({ kind: 'skipped', path, reason: `${specialKind(stat)}, not a regular file` });
    else out.push({ kind: 'file', path, named: true }); // a file named explicitly is read whatever its ending
  }
  return out;
}

/**
 * Reads a regular file whole, at most `cap` bytes, without trusting its size: the file is
 * opened without blocking (a named pipe put in its place cannot hang the read), checked to be
 * a regular file, and read until its end or the cap.
 *
 * @throws MarsadError `input-unreadable` for what is not a regular file, `input-too-large` past the cap.
 */
export async function readFileCapped(path: string | Buffer, origin: string, cap: number, what = 'files'): Promise<Buffer> {
  const handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new MarsadError('input-unreadable', origin, `${specialKind(stat)}, not a regular file`);
    if (stat.size > cap) throw new MarsadError('input-too-large', origin, `${stat.size} bytes; ${what} over ${cap} bytes are not read`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, cap + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > cap) throw new MarsadError('input-too-large', origin, `over ${cap} bytes; ${what} over ${cap} bytes are not read`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Decompresses gzip, stopping at `cap` bytes of output (a small file may unpack to gigabytes). */
export async function gunzipCapped(bytes: Uint8Array, origin: string, cap: number): Promise<Buffer> {
  const gunzip = createGunzip();
  const chunks: Buffer[] = [];
  let total = 0;
  const done = new Promise<Buffer>((resolveDone, rejectDone) => {
    gunzip.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        gunzip.destroy(new MarsadError('input-too-large', origin, `it unpacks to over ${cap} bytes; split it, or give it as JSON Lines unpacked`));
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on('end', () => resolveDone(Buffer.concat(chunks, total)));
    gunzip.on('error', (error) =>
      rejectDone(isMarsadError(error) ? error : new MarsadError('input-format', origin, `not a readable gzip file (${error.message})`)),
    );
  });
  gunzip.end(bytes);
  return done;
}

const SidecarSchema = z
  .object({
    published: z.string().optional(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
  })
  .passthrough();

async function readSidecar(path: string, fsPath: string | Buffer): Promise<MetaOverrides> {
  const sidecar = path + SIDECAR_SUFFIX;
  const sidecarFs = typeof fsPath === 'string' ? fsPath + SIDECAR_SUFFIX : Buffer.concat([fsPath, Buffer.from(SIDECAR_SUFFIX)]);
  if (!lstatSync(sidecarFs, { throwIfNoEntry: false })) return {};
  let bytes: Buffer;
  try {
    bytes = await readFileCapped(sidecarFs, sidecar, MAX_SIDECAR_BYTES, 'sidecars');
  } catch (error) {
    if (isMarsadError(error)) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return {}; // a link to nothing: there is no sidecar
    throw new MarsadError('input-unreadable', sidecar, `the sidecar could not be read (${e.code ?? e.message}); its article is not read without it`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decodeBytes(bytes, sidecar).text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (isMarsadError(error)) throw error;
    throw new MarsadError('input-format', sidecar, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = SidecarSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MarsadError('input-format', sidecar, `field "${issue.path.join('.')}": ${issue.message}`);
  }
  const meta = parsed.data;
  let published: string | undefined;
  if (meta.published !== undefined) {
    const p = parsePublished(meta.published);
    if (!p) throw new MarsadError('input-bad-date', sidecar, `"${meta.published.slice(0, 100)}"`);
    published = p;
  }
  return {
    ...(published ? { published } : {}),
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.title ? { title: meta.title } : {}),
  };
}

/** The --published value checked once: a bad one is a usage error before anything is read. */
export function checkPublishedOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const p = parsePublished(value);
  if (!p) throw new MarsadError('input-bad-date', '--published', `"${value}"`);
  return p;
}

/**
 * Whether a text holds a `}` and then a `{` with only white space, a line break among it,
 * between them: objects one per line. One pass (the regular expression `/}\s*\n\s*{/` is
 * quadratic on a long run of line breaks).
 */
export function hasObjectPerLine(text: string): boolean {
  for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) {
    let j = i + 1;
    let newline = false;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x0a) newline = true;
      else if (!(c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f)) break;
      j++;
    }
    if (newline && text.charCodeAt(j) === 0x7b /* { */) return true;
    i = j - 1;
  }
  return false;
}

/** The failure of an input that holds no article at all (it is then neither stored nor skipped silently). */
function noArticles(origin: string, why: string): InputItem {
  return { kind: 'failure', origin, error: new MarsadError('input-no-articles', origin, why) };
}

/** Reads the articles of a decoded text, choosing the format by content (and the ending as a hint). */
export function readText(text: string, ext: string, ctx: FormatContext): InputItem[] {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (looksLikeSgml(head)) return readSgml(text, ctx);
  if (ext === '.jsonl' || ext === '.ndjson') {
    const items = readJsonLines(text.replace(/^\uFEFF/, ''), ctx);
    return items.length ? items : [noArticles(ctx.origin, head ? 'it holds only blank lines' : 'it is empty')];
  }
  if (ext === '.json' || head.startsWith('{') || head.startsWith('[')) {
    try {
      const items = readJson(head, ctx);
      return items.length ? items : [noArticles(ctx.origin, 'the JSON array is empty')];
    } catch (error) {
      // Several objects, one per line, in a file not called .jsonl
      if (head.startsWith('{') && hasObjectPerLine(head)) return readJsonLines(head, ctx);
      if (ext === '.json') throw error;
    }
  }
  return readPlainText(text, ctx);
}

/** Where a file's bytes came from, for choosing how to read them. */
interface BytesContext {
  readonly origin: string;
  readonly path?: string;
  readonly overrides: MetaOverrides;
  /** The file's ending ("" for standard input), after `.gz`. */
  readonly ext: string;
  /** Whether the user named the file itself (or it is standard input), rather than a folder holding it. */
  readonly named: boolean;
}

/**
 * Reads the articles of a file's bytes, by what they hold: a binary kind Marsad does not read
 * is refused with its name; TREC SGML, an HTML page, a feed, other XML, else text (JSON, JSON
 * Lines or plain). Other XML found in a folder as `.xml` is skipped (a folder of feeds holds
 * other XML files); named, or as `.rss`/`.atom`, it is refused.
 */
export function readBytes(bytes: Uint8Array, bc: BytesContext): InputItem[] {
  const { origin, ext } = bc;
  const binary = binaryKind(bytes);
  if (binary) {
    return [{ kind: 'failure', origin, error: new MarsadError('input-unsupported', origin, `it is ${binary}; Marsad reads text, JSON, JSON Lines, SGML, HTML pages and RSS or Atom feeds`) }];
  }
  const head = headText(bytes);
  if (!looksLikeSgml(head)) {
    const prolog = readProlog(head);
    if (PAGE_EXTENSIONS.has(ext) || isHtmlProlog(prolog)) return [readPage(bytes, bc)];
    if (feedRootKind(prolog.root) !== null || FEED_EXTENSIONS.has(ext)) return readFeedItems(bytes, bc);
    if (prolog.xmlDeclaration || ext === '.xml') {
      const what = prolog.root ? `XML whose root element is <${prolog.root}>` : 'XML with no element';
      if (ext === '.xml' && !bc.named) return [{ kind: 'skipped', path: origin, reason: `${what}, not an RSS or Atom feed` }];
      return [{ kind: 'failure', origin, error: new MarsadError('input-not-feed', origin, `it is ${what}, not an RSS or Atom feed`) }];
    }
  }
  const decoded = decodeBytes(bytes, origin);
  const ctx: FormatContext = { origin, ...(bc.path !== undefined ? { path: bc.path } : {}), overrides: bc.overrides, notes: notesFor(decoded.encoding) };
  return readText(decoded.text, ext, ctx);
}

/** An HTML page: one article, its URL the canonical one (relative links resolved against a sidecar's `url`). */
function readPage(bytes: Uint8Array, bc: BytesContext): InputItem {
  const page = parseHtmlPage(bytes, { origin: bc.origin, url: bc.overrides.url ?? null });
  return { kind: 'article', article: pageArticle(page, bc.origin, { ...(bc.path !== undefined ? { path: bc.path } : {}), overrides: bc.overrides }) };
}

/**
 * A feed: an article for each item whose content holds it, a `link` for each item whose page
 * must be fetched. An item is named by its guid (or Atom id), else its link, else its number,
 * after `#`: "feeds/hawar.rss#https://hawarnews.com/ar/…". A sidecar's date and outlet apply
 * to every item; its title and URL, which name one article, do not.
 */
function readFeedItems(bytes: Uint8Array, bc: BytesContext): InputItem[] {
  const feed = parseFeed(bytes, { origin: bc.origin, url: bc.overrides.url ?? null });
  if (feed.items.length === 0) return [noArticles(bc.origin, 'the feed has no items')];
  const overrides: MetaOverrides = {
    ...(bc.overrides.published ? { published: bc.overrides.published } : {}),
    ...(bc.overrides.outlet ? { outlet: bc.overrides.outlet } : {}),
  };
  const ctx: FormatContext = { origin: bc.origin, ...(bc.path !== undefined ? { path: bc.path } : {}), overrides, notes: feed.notes ?? [] };
  return feed.items.map((item, i): InputItem => {
    const origin = `${bc.origin}#${item.id ?? item.link ?? i + 1}`;
    const article = feedItemArticle(item, feed, origin, ctx);
    if (article) return { kind: 'article', article };
    if (item.link) {
      return { kind: 'link', origin, url: item.link, title: item.title, published: overrides.published ?? item.published, outlet: overrides.outlet ?? feed.title };
    }
    return { kind: 'failure', origin, error: new MarsadError('input-empty', origin, 'the feed item has neither its article nor a link to it') };
  });
}

/** Notes on the record for the encoding a text was decoded from. */
function notesFor(encoding: Parameters<typeof encodingNote>[0]) {
  const note = encodingNote(encoding);
  return note ? [recordMessage('legacy-encoding', note)] : [];
}

/**
 * Splits a stream of bytes into lines (at LF), without holding a line longer than
 * {@link MAX_LINE_BYTES}: such a line is passed on as null, with its number, once its end is found.
 */
async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ n: number; line: Buffer | null }> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let n = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong) {
        if (length + (end - start) > MAX_LINE_BYTES) {
          tooLong = true;
          parts = [];
          length = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          length += end - start;
        }
      }
      if (nl < 0) break;
      n++;
      yield { n, line: tooLong ? null : Buffer.concat(parts, length) };
      parts = [];
      length = 0;
      tooLong = false;
      start = nl + 1;
    }
  }
  if (tooLong || length > 0) {
    n++;
    yield { n, line: tooLong ? null : Buffer.concat(parts, length) };
  }
}

async function* fileChunks(path: string | Buffer, origin: string): AsyncGenerator<Buffer> {
  const handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new MarsadError('input-unreadable', origin, `${specialKind(stat)}, not a regular file`);
    for (;;) {
      const buffer = Buffer.allocUnsafe(1 << 20);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

const hasWideBom = (b: Buffer) => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff));

/**
 * Reads JSON Lines from bytes, line by line: each line is decoded on its own (a feed may mix
 * UTF-8 and windows-1256 records), a line over {@link MAX_LINE_BYTES} is rejected without being
 * held, and a file with no record at all is reported as such.
 */
async function* readJsonLinesBytes(chunks: AsyncIterable<Buffer>, ctx: FormatContext): AsyncGenerator<InputItem> {
  let any = false;
  let blankOnly = false;
  for await (const { n, line } of byteLines(chunks)) {
    const origin = `${ctx.origin}:${n}`;
    if (line === null) {
      any = true;
      yield { kind: 'failure', origin, error: new MarsadError('input-too-large', origin, `a line over ${MAX_LINE_BYTES} bytes`) };
      continue;
    }
    let bytes = line;
    if (n === 1 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    let blank = true;
    for (let i = 0; i < bytes.length && blank; i++) {
      const b = bytes[i]!;
      if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0b && b !== 0x0c) blank = false;
    }
    if (blank) {
      blankOnly = true;
      continue;
    }
    let decoded;
    try {
      decoded = decodeBytes(bytes, origin);
    } catch (error) {
      any = true;
      yield failure(origin, error);
      continue;
    }
    const item = readJsonLine(decoded.text, n, { ...ctx, notes: [...ctx.notes, ...notesFor(decoded.encoding)] });
    if (item) {
      any = true;
      yield item;
    }
  }
  if (!any) yield noArticles(ctx.origin, blankOnly ? 'it holds only blank lines' : 'it is empty');
}

function failure(origin: string, error: unknown): InputItem {
  if (isMarsadError(error)) return { kind: 'failure', origin, error };
  const e = error as NodeJS.ErrnoException;
  const code = e.code === 'ENOENT' ? 'input-not-found' : 'input-unreadable';
  return { kind: 'failure', origin, error: new MarsadError(code, origin, e.code === 'ENOENT' ? undefined : e.message, { cause: error }) };
}

async function readStream(stream: NodeJS.ReadableStream, origin: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > MAX_FILE_BYTES) throw new MarsadError('input-too-large', origin, `over ${MAX_FILE_BYTES} bytes; split it, or give a file of JSON Lines`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads one planned input and yields its items.
 */
export async function* readPlanned(input: PlannedInput, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  if (input.kind === 'missing') {
    yield { kind: 'failure', origin: input.path, error: input.error };
    return;
  }
  if (input.kind === 'skipped') {
    yield { kind: 'skipped', path: input.path, reason: input.reason };
    return;
  }
  const published = checkPublishedOption(options.published);
  if (input.kind === 'stdin') {
    const origin = '<stdin>';
    try {
      const bytes = await readStream(options.stdin ?? process.stdin, origin);
      yield* readBytes(bytes, { origin, overrides: published ? { published } : {}, ext: '', named: true });
    } catch (error) {
      yield failure(origin, error);
    }
    return;
  }

  const path = input.path;
  const fsPath = input.fsPath ?? path;
  try {
    const sidecar = await readSidecar(path, fsPath);
    const overrides: MetaOverrides = { ...sidecar, ...(published ? { published } : {}) };
    const lower = path.toLowerCase();
    const gz = lower.endsWith('.gz');
    const ext = extname(gz ? lower.slice(0, -3) : lower);
    const ctxBase = { origin: path, path, overrides };
    const jsonLines = ext === '.jsonl' || ext === '.ndjson';
    if (!gz && jsonLines) {
      // Streamed, unless UTF-16 or UTF-32 (whose line breaks are not one byte)
      const first: Buffer[] = [];
      const chunks = fileChunks(fsPath, path);
      const head = await chunks.next();
      if (!head.done) first.push(head.value);
      if (first.length && hasWideBom(first[0]!)) {
        await chunks.return(undefined);
        const decoded = decodeBytes(await readFileCapped(fsPath, path, MAX_FILE_BYTES), path);
        yield* readText(decoded.text, ext, { ...ctxBase, notes: notesFor(decoded.encoding) });
        return;
      }
      const all = (async function* () {
        yield* first;
        yield* chunks;
      })();
      yield* readJsonLinesBytes(all, { ...ctxBase, notes: [] });
      return;
    }
    let bytes: Buffer = await readFileCapped(fsPath, path, MAX_FILE_BYTES, 'files other than JSON Lines');
    if (gz && bytes.length > 0) bytes = await gunzipCapped(bytes, path, MAX_FILE_BYTES);
    if (gz && jsonLines && !hasWideBom(bytes)) {
      yield* readJsonLinesBytes(once(bytes), { ...ctxBase, notes: [] });
      return;
    }
    if (bytes.length === 0 && (jsonLines || ext === '.json')) {
      yield noArticles(path, 'it is empty');
      return;
    }
    yield* readBytes(bytes, { ...ctxBase, ext, named: input.named === true });
  } catch (error) {
    yield failure(path, error);
  }
}

/** Reads every planned input in order. */
export async function* readInputs(plan: readonly PlannedInput[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const input of plan) yield* readPlanned(input, options);
}
