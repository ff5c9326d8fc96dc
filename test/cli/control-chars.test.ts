/**
 * File names reach the terminal escaped (issue 16, item 10): a name holding ESC or a line end
 * cannot recolour or clear the terminal, or fake a line of Marsad's output.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/io.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ESC = '\u001b';
/** Nothing a terminal acts on but the line ends that end Marsad's own lines. */
const raw = (s: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(s);

describe('control characters in file names', () => {
  it('printable() writes them as \\u escapes', () => {
    expect(printable(`a${ESC}[2Jb\nc\r\t.txt`)).toBe('a\\u001b[2Jb\\u000ac\\u000d\\u0009.txt');
    expect(printable('خبر عاجل.txt')).toBe('خبر عاجل.txt');
    expect(printable('line one\nline two', { lines: true })).toBe('line one\nline two');
    expect(printable('\u0085\u2028')).toBe('\\u0085\\u2028');
  });

  it('ingest and extract print them escaped in failures, skipped files and the article list', async () => {
    const dir = tempDir('marsad-names-');
    const news = join(dir, 'news');
    mkdirSync(news);
    copyFileSync(join(packageRoot(), 'examples', '01-sdf-raid-deir-ezzor.txt'), join(news, `ok${ESC}[31mred.txt`));
    writeFileSync(join(news, `empty${ESC}[2J.txt`), '');
    writeFileSync(join(news, 'fake\nstored   0123456789abcdef.txt'), '   \n');
    writeFileSync(join(news, `notes${ESC}]0;owned${'\u0007'}.md`), 'not an article');
    const store = join(dir, 'm.db');
    const r = await cli(['ingest', news, '--store', store, '--list']);
    expect(r.code).toBe(5);
    const all = r.stdout + r.stderr;
    expect(raw(all), JSON.stringify(all)).toBe(false);
    expect(all).toContain('empty\\u001b[2J.txt');
    expect(all).toContain('fake\\u000astored   0123456789abcdef.txt');
    expect(all).toContain('notes\\u001b]0;owned\\u0007.md');
    // The fake "stored" line is not a line of its own.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('stored   0123456789abcdef'))).toEqual([]);
    // --json keeps the names exact (JSON escapes them itself).
    const j = await cli(['ingest', news, '--store', store, '--json']);
    expect(raw(j.stdout)).toBe(false);
    expect(JSON.parse(j.stdout).failures.map((f: { origin: string }) => f.origin)).toContain(join(news, `empty${ESC}[2J.txt`));
    const x = await cli(['extract', news]);
    expect(raw(x.stderr), JSON.stringify(x.stderr)).toBe(false);
    expect(x.stderr).toContain('empty\\u001b[2J.txt');
  });

  it('an input that does not exist is named escaped in the error line', async () => {
    const r = await cli(['ingest', join(tempDir(), `missing${ESC}[2J\n.txt`), '--store', join(tempDir(), 'm.db')]);
    expect(r.code).toBe(3);
    const all = r.stdout + r.stderr;
    expect(raw(all), JSON.stringify(all)).toBe(false);
    expect(all).toContain('missing\\u001b[2J\\u000a.txt: no such file or directory');
  });
});
