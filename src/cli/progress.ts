/**
 * A progress bar on standard error for long work, only on a terminal (quiet when piped or in CI).
 */
import cliProgress from 'cli-progress';
import { printable, type Io } from './io.js';

export interface Progress {
  update(done: number, total: number, current: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/** A bar when standard error is a terminal and output is for humans; otherwise nothing. */
export function progressBar(io: Io, enabled: boolean): Progress {
  if (!enabled || !io.stderr.isTTY || io.env.CI) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: ' {bar} {percentage}% | {value}/{total} files | {current}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, current) {
      const shown = printable(current);
      const name = shown.length > 48 ? '…' + shown.slice(-47) : shown;
      if (!started) {
        bar.start(total, done, { current: name });
        started = true;
      } else bar.update(done, { current: name });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
