/**
 * The `marsad` command line. `run` is the whole program as a function of its arguments and
 * streams, so tests run it in-process; `bin/marsad.js` calls it with the real process.
 *
 * Errors reach the user as one line naming the input and the problem, then a hint, and the
 * exit code from the catalogue (src/errors.ts). Stack traces only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { resolveConfig, type Config } from '../config.js';
import { ExitCode, MarsadError, isMarsadError } from '../errors.js';
import { openStore, type OpenStoreOptions } from '../store/open.js';
import type { Store } from '../store/store.js';
import { marsadVersion } from '../version.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerNerEval } from './commands/ner-eval.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';
import { err, printable, processIo, styles, type Io } from './io.js';

/** What commands get from the program. */
export interface CommandContext {
  readonly io: Io;
  /** The configuration (flags over environment over defaults). */
  config(): Config;
  /**
   * Opens the store named by `--store`, `MARSAD_STORE` or the default. Only a command that
   * writes articles passes `create`; without it a path where no store is is a `store-open` error.
   */
  openStore(flag: string | undefined, options?: OpenStoreOptions): Store;
  /** Sets the exit code the command ends with. */
  setExit(code: number): void;
}

function build(io: Io, state: { exit: number; debug: boolean }): Command {
  const program = new Command();
  program
    .name('marsad')
    .description('Marsad (مرصد): Arabic news into sourced event data — who did, said and demanded what, of whom, where and when.')
    .version(marsadVersion(), '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();

  const ctx: CommandContext = {
    io,
    config: () => resolveConfig({ debug: program.opts<{ debug?: boolean }>().debug }, io.env),
    openStore: (flag, options) => openStore(resolveConfig({ store: flag }, io.env).store, options),
    setExit: (code) => {
      state.exit = code;
    },
  };
  program.hook('preAction', () => {
    state.debug = ctx.config().debug;
  });
  registerExtract(program, ctx);
  registerIngest(program, ctx);
  registerSearch(program, ctx);
  registerShow(program, ctx);
  registerStats(program, ctx);
  registerWatch(program, ctx);
  registerWorker(program, ctx);
  registerExport(program, ctx);
  registerServe(program, ctx);
  registerEval(program, ctx);
  registerNerEval(program, ctx);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

/**
 * Runs the CLI and returns its exit code.
 *
 * @example
 * const code = await run(['stats', '--json'], processIo());
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const state = { exit: ExitCode.OK as number, debug: argv.includes('--debug') || io.env.MARSAD_DEBUG === '1' };
  const program = build(io, state);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return ExitCode.USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return state.exit;
  } catch (error) {
    return report(io, error, state.debug);
  }
}

function report(io: Io, error: unknown, debug: boolean): number {
  const st = styles(io, 'stderr');
  if (error instanceof CommanderError) {
    // Help and version print and end normally; anything else is a usage error already printed.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.OK;
    return ExitCode.USAGE;
  }
  // The reader of standard output went away (`marsad export … | head`): the output it wanted
  // was written, so this ends normally, without a message.
  if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return ExitCode.OK;
  if (isMarsadError(error)) {
    err(io, `${st.red('marsad:')} ${printable(error.message)}`);
    err(io, `  ${st.dim(error.hint)}`);
    if (debug && error.stack) err(io, error.stack);
    return error.exitCode;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const internal = new MarsadError('internal', undefined, e.message);
  err(io, `${st.red('marsad:')} ${printable(internal.message)}`);
  err(io, `  ${st.dim(internal.hint)}`);
  if (debug && e.stack) err(io, e.stack);
  return ExitCode.INTERNAL;
}
