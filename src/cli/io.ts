/**
 * Where the CLI writes, and how: standard output for results, standard error for progress and
 * messages. Colour only on a terminal, and never when NO_COLOR is set.
 */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

export function out(io: Io, text: string): void {
  io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function err(io: Io, text: string): void {
  io.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_BUT_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from input (a file name, a title, a message naming a file) made safe to print: control
 * characters (C0 with tab and line ends, DEL, C1, the Unicode line separators) are written as
 * `\u001b`, so a name cannot move the cursor, recolour or clear the terminal, or fake a line of
 * output. With `lines`, line ends are kept (an article's text).
 *
 * @example
 * printable('a\u001b[2Jb\n.txt')  // 'a\\u001b[2Jb\\u000a.txt'
 */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(options.lines ? CONTROL_BUT_LINES : CONTROL, escapeChar);
}

/** ANSI styles for a stream, or identity functions when colour is off. */
export function styles(io: Io, stream: 'stdout' | 'stderr') {
  const on = Boolean(io[stream].isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    on,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    /** Marks a highlighted passage: colour on a terminal, [brackets] elsewhere. */
    mark: (s: string) => (on ? `\u001b[1;33m${s}\u001b[22;39m` : `[${s}]`),
  };
}

/** Prints JSON: pretty with two spaces, or one line. */
export function json(value: unknown, pretty: boolean): string {
  return pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}
