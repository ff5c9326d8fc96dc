/**
 * The scanners and readers that replaced quadratic expressions and trusting reads (issue 16).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseBlankLines } from '../../src/ingest/formats/sgml.js';
import { hasObjectPerLine, readFileCapped } from '../../src/ingest/read.js';
import { tempDir } from '../helpers/tmp.js';

/** Runs `f`, failing if it takes longer than `ms`. */
async function within<T>(ms: number, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await f();
  expect(performance.now() - t0).toBeLessThan(ms);
  return result;
}

describe('scanners and capped reads', () => {
  it('reading does not trust the size a stat gives: a pipe is refused at once, a device stops at the cap', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'p')]);
    await expect(within(2000, () => readFileCapped(join(dir, 'p'), 'p', 1000))).rejects.toThrow(/p: the input could not be read: a named pipe/);
    await expect(within(2000, () => readFileCapped('/dev/zero', 'z', 1000))).rejects.toThrow(/z: the input could not be read: a character device/);
  });

  it('the hand-written scanners do what the expressions did', () => {
    expect(collapseBlankLines('a  \n \t\n\n  b\nc \n d')).toBe('a\n\n  b\nc \n d');
    expect(collapseBlankLines(' \n\n')).toBe('\n\n');
    expect(hasObjectPerLine('{"a":1}\n  {"b":2}')).toBe(true);
    expect(hasObjectPerLine('{"a":1}  {"b":2}')).toBe(false);
    expect(hasObjectPerLine('{}' + '\n'.repeat(10) + 'x')).toBe(false);
  });
});
