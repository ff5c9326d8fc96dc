/** The documentation lists every code the code can produce. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../src/errors.js';
import { packageRoot } from '../src/lexicon/resources.js';
import { MESSAGE_CODES } from '../src/messages.js';

const doc = (name: string) => readFileSync(join(packageRoot(), 'docs', name), 'utf8');

describe('docs', () => {
  it('docs/errors.md lists every error code with its exit code', () => {
    const text = doc('errors.md');
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(text).toMatch(new RegExp(`\\| \`${code}\` \\|.*\\| ${entry.exit} \\| ${entry.http} \\|`));
    }
  });

  it('docs/messages.md lists every record message code', () => {
    const text = doc('messages.md');
    for (const code of Object.keys(MESSAGE_CODES)) expect(text).toContain(`\`${code}\``);
  });

  it('the README names the test command that .ci/run calls', () => {
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8');
    const ci = readFileSync(join(packageRoot(), '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm test ');
    expect(ci).toMatch(/^npm test$/m);
  });
});
