/**
 * Access to `../shared` (seeds, gold, corpora) for the suites that measure against it.
 *
 * A user's clone has no `../shared`: those suites are then skipped, and say so. Under CI
 * (`CI` set) a missing `../shared` is a failure, never a skip.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

export const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
export const hasShared = existsSync(join(SHARED, 'README.md'));

/** Path of a file under ../shared. */
export function shared(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** A describe block that needs ../shared: skipped (with a note) without it, failing under CI. */
export function describeShared(name: string, body: () => void): void {
  if (hasShared) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      throw new Error(`${SHARED} is missing: suites that measure against ../shared must run under CI`);
    });
    return;
  }
  console.warn(`[skipped] ${name}: ${SHARED} not found (suites that need ../shared are skipped outside CI)`);
  // The body is not even collected: it reads ../shared while it declares its tests.
  describe.skip(name, () => {
    it(`needs ${SHARED}`, () => expect(hasShared).toBe(true));
  });
}
