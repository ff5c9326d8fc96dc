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
