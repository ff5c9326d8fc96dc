/**
 * Reading inputs: files, folders (recursively), and `-` for standard input.
 *
 * Reading is planned first (folders walked, missing paths found) so that progress can show a
 * total; then each file is read and yields its articles, failures and skips one by one. One bad
 * file never stops the others.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { MarsadError, isMarsadError } from '../errors.js';
import { recordMessage } from '../messages.js';
import { decodeBytes } from './decode.js';
import type { FormatContext, MetaOverrides } from './formats/common.js';
import { readJson, readJsonLine, readJsonLines } from './formats/json.js';
import { looksLikeSgml, readSgml } from './formats/sgml.js';
import { readPlainText } from './formats/text.js';
import { parsePublished } from './published.js';
import type { InputItem } from './types.js';

/** File endings a folder walk reads; other files are listed as skipped. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.json', '.jsonl', '.ndjson', '.sgml', '.sgm'] as const;
const SIDECAR_SUFFIX = '.meta.json';
/** Largest single file read whole (JSON Lines of any size are streamed). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** One planned input. */
export type PlannedInput =
  | { readonly kind: 'file'; readonly path: string }
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

async function walk(dir: string, out: PlannedInput[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ kind: 'missing', path: dir, error: new MarsadError('input-unreadable', dir, (error as Error).message) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) {
      out.push({ kind: 'skipped', path, reason: 'hidden' });
    } else if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory())) {
      await walk(path, out);
    } else if (entry.name.toLowerCase().endsWith(SIDECAR_SUFFIX)) {
      // metadata of the file beside it: read with that file
    } else if (isSupported(entry.name)) {
      out.push({ kind: 'file', path });
    } else {
      out.push({ kind: 'skipped', path, reason: `not a supported kind of file (${SUPPORTED_EXTENSIONS.join(' ')})` });
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
  for (const path of paths) {
    if (path === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) out.push({ kind: 'missing', path, error: new MarsadError('input-not-found', path) });
    else if (stat.isDirectory()) await walk(path, out);
    else out.push({ kind: 'file', path }); // a file named explicitly is read whatever its ending
  }
  return out;
}

const SidecarSchema = z
  .object({
    published: z.string().optional(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
  })
  .passthrough();

function readSidecar(path: string): MetaOverrides {
  const sidecar = path + SIDECAR_SUFFIX;
  if (!existsSync(sidecar)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(sidecar, 'utf8'));
  } catch (error) {
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
    if (!p) throw new MarsadError('input-bad-date', sidecar, `"${meta.published}"`);
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

/** Reads the articles of a decoded text, choosing the format by content (and the ending as a hint). */
export function readText(text: string, ext: string, ctx: FormatContext): InputItem[] {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (looksLikeSgml(head)) return readSgml(text, ctx);
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonLines(text.replace(/^\uFEFF/, ''), ctx);
  if (ext === '.json' || head.startsWith('{') || head.startsWith('[')) {
    try {
      return readJson(head, ctx);
    } catch (error) {
      // Several objects, one per line, in a file not called .jsonl
      if (head.startsWith('{') && /}\s*\n\s*{/.test(head)) return readJsonLines(head, ctx);
      if (ext === '.json') throw error;
    }
  }
  return readPlainText(text, ctx);
}

async function* readJsonLinesFile(path: string, ctx: FormatContext): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    const item = readJsonLine(n === 1 ? line.replace(/^\uFEFF/, '') : line, n, ctx);
    if (item) yield item;
  }
}

function failure(origin: string, error: unknown): InputItem {
  if (isMarsadError(error)) return { kind: 'failure', origin, error };
  const e = error as NodeJS.ErrnoException;
  const code = e.code === 'ENOENT' ? 'input-not-found' : 'input-unreadable';
  return { kind: 'failure', origin, error: new MarsadError(code, origin, e.code === 'ENOENT' ? undefined : e.message, { cause: error }) };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
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
      const bytes = await readStream(options.stdin ?? process.stdin);
      const decoded = decodeBytes(bytes, origin);
      const notes = decoded.encoding === 'windows-1256' ? [recordMessage('legacy-encoding', 'decoded from windows-1256')] : [];
      yield* readText(decoded.text, '', { origin, overrides: published ? { published } : {}, notes });
    } catch (error) {
      yield failure(origin, error);
    }
    return;
  }

  const path = input.path;
  try {
    const sidecar = readSidecar(path);
    const overrides: MetaOverrides = { ...sidecar, ...(published ? { published } : {}) };
    const lower = path.toLowerCase();
    const gz = lower.endsWith('.gz');
    const ext = extname(gz ? lower.slice(0, -3) : lower);
    const ctxBase = { origin: path, path, overrides };
    if (!gz && (ext === '.jsonl' || ext === '.ndjson')) {
      yield* readJsonLinesFile(path, { ...ctxBase, notes: [] });
      return;
    }
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new MarsadError('input-too-large', path, `${size} bytes; files over ${MAX_FILE_BYTES} bytes must be JSON Lines`);
    let bytes: Uint8Array = await readFile(path);
    if (gz) {
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
      } catch (error) {
        throw new MarsadError('input-format', path, `not a readable gzip file (${(error as Error).message})`);
      }
    }
    const decoded = decodeBytes(bytes, path);
    const notes = decoded.encoding === 'windows-1256' ? [recordMessage('legacy-encoding', 'decoded from windows-1256')] : [];
    yield* readText(decoded.text, ext, { ...ctxBase, notes });
  } catch (error) {
    yield failure(path, error);
  }
}

/** Reads every planned input in order. */
export async function* readInputs(plan: readonly PlannedInput[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const input of plan) yield* readPlanned(input, options);
}
