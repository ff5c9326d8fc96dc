import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRecord } from '../../src/extract/document.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { cli } from '../helpers/cli.js';
import { sampleRecord } from '../helpers/records.js';
import { tempDir } from '../helpers/tmp.js';

const root = packageRoot();
const example = join(root, 'examples', '01-sdf-raid-deir-ezzor.txt');
const examples = join(root, 'examples');

describe('marsad (in-process)', () => {
  it('prints help and exits 2 when called with nothing', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: marsad');
  });

  it('--help lists every command and exits 0; --version prints the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['extract', 'ingest', 'search', 'show', 'stats']) expect(help.stdout).toContain(c);
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown option is a usage error (exit 2)', async () => {
    const r = await cli(['extract', example, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  describe('extract', () => {
    it('--json pretty-prints one record that satisfies the contract', async () => {
      const r = await cli(['extract', example, '--json']);
      expect(r.code).toBe(0);
      const record = JSON.parse(r.stdout);
      expect(checkRecord(record)).toEqual([]);
      expect(record.published).toBe('2022-11-18');
      expect(record.messages.map((m: { code: string }) => m.code)).toEqual(['boilerplate-removed']);
      expect(r.stdout.split('\n').length).toBeGreaterThan(10);
    });

    it('prints JSON Lines for several articles, and a JSON array with --json', async () => {
      const lines = await cli(['extract', examples]);
      expect(lines.code).toBe(0);
      const records = lines.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(records).toHaveLength(12);
      expect(lines.stderr).toContain('skipped');
      const array = await cli(['extract', examples, '--json']);
      expect(JSON.parse(array.stdout)).toHaveLength(12);
    });

    it('reads standard input with -, and --published sets the date', async () => {
      const r = await cli(['extract', '-', '--published', '2024-12-06'], { stdin: 'عنوان\n\nقتل ثلاثة مدنيين.' });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ title: 'عنوان', published: '2024-12-06', source: { outlet: null } });
    });

    it('a missing file: exit 3, the message names it, no stack trace', async () => {
      const r = await cli(['extract', '/no/such.txt']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('marsad: /no/such.txt: no such file or directory');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });

    it('--debug adds the stack trace to the one-line error', async () => {
      const store = join(tempDir(), 'm.db');
      await openSqliteStore(store).close();
      const plain = await cli(['show', 'abc', '--store', store]);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
      const r = await cli(['--debug', 'show', 'abc', '--store', store]);
      expect(r.code).toBe(6);
      expect(r.stderr.split('\n')[0]).toBe(`marsad: abc: not found: no document with this id in ${store} (a shortened id needs at least 6 hex digits)`);
      expect(r.stderr).toMatch(/\n\s+at /);
    });

    it('one bad input among good ones: the good are printed, exit 5', async () => {
      const r = await cli(['extract', example, '/no/such.txt']);
      expect(r.code).toBe(5);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('/no/such.txt');
    });

    it('a bad --published is a usage error naming the option', async () => {
      const r = await cli(['extract', example, '--published', 'tomorrow']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--published: the publication date is not a date: "tomorrow"');
    });

    it('a folder with nothing to read is an input error', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'README.md'), 'x');
      const r = await cli(['extract', dir]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('no article found');
    });
  });

  describe('ingest, search, show, stats', () => {
    it('work together on one store', async () => {
      const store = join(tempDir(), 'm.db');
      const first = await cli(['ingest', examples, '--store', store]);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/12 articles read/);
      expect(first.stdout).toMatch(/12 stored/);
      expect(first.stdout).toContain('README.md');

      const again = await cli(['ingest', examples, '--store', store, '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).counts).toEqual({ stored: 0, updated: 0, unchanged: 12, repeats: 0, rejected: 0, skipped: 1 });

      const search = await cli(['search', 'مخيم', 'الهول', '--store', store, '--json', '--limit', '3']);
      expect(search.code).toBe(0);
      const hits = JSON.parse(search.stdout);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(3);
      expect(Object.keys(hits[0])).toEqual(expect.arrayContaining(['id', 'title', 'source', 'snippet', 'score']));
      expect(hits[0].title).toContain('الهول');

      const human = await cli(['search', 'مخيم', 'الهول', '--store', store]);
      expect(human.stdout).toMatch(/\[(مخيم|الهول)\]/);

      const show = await cli(['show', hits[0].id, '--store', store, '--json']);
      expect(show.code).toBe(0);
      expect(JSON.parse(show.stdout).id).toBe(hits[0].id);

      const missing = await cli(['show', '0000000000000000', '--store', store]);
      expect(missing.code).toBe(6);
      expect(missing.stderr).toContain('0000000000000000: not found');

      const stats = await cli(['stats', '--json'], { env: { MARSAD_STORE: store } });
      expect(stats.code).toBe(0);
      expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 12, sources: 12, runs: 2 });
    });

    it('a broken file in a folder is reported in the summary, the rest is stored, exit 5', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'good.txt'), 'عنوان\n\nنص الخبر.');
      writeFileSync(join(dir, 'bad.json'), '{"text": ');
      const r = await cli(['ingest', dir, '--store', join(tempDir(), 'm.db')]);
      expect(r.code).toBe(5);
      expect(r.stdout).toMatch(/1 stored/);
      expect(r.stdout).toMatch(/1 rejected/);
      expect(r.stdout).toContain('bad.json: the input is malformed: not valid JSON');
    });

    it('a missing input is no article read: it is counted and listed apart, exit 3 alone and 5 beside a good one', async () => {
      const store = join(tempDir(), 'm.db');
      const missing = join(tempDir(), 'no-such.txt');
      const alone = await cli(['ingest', missing, '--store', store]);
      expect(alone.code).toBe(3);
      expect(alone.stdout).toMatch(/^ +0 articles read$/m);
      expect(alone.stdout).toMatch(/^ +0 rejected$/m);
      expect(alone.stdout).toMatch(/^ +1 input not found$/m);
      expect(alone.stdout).toContain(`Not read:\n  input-not-found  ${missing}: no such file or directory`);
      const json = await cli(['ingest', missing, '--store', store, '--json']);
      expect(json.code).toBe(3);
      const report = JSON.parse(json.stdout);
      expect(report).toMatchObject({ articles: 0, counts: { rejected: 0 }, failures: [] });
      expect(report.unread).toEqual([{ origin: missing, code: 'input-not-found', message: `${missing}: no such file or directory` }]);

      const beside = await cli(['ingest', example, missing, '--store', store]);
      expect(beside.code).toBe(5);
      expect(beside.stdout).toMatch(/^ +1 article read$/m);
      expect(beside.stdout).toMatch(/^ +1 stored$/m);
      expect(beside.stdout).toMatch(/^ +1 input not found$/m);
      const missing2 = join(tempDir(), 'gone');
      const two = await cli(['ingest', missing, missing2, '--store', store]);
      expect(two.code).toBe(3);
      expect(two.stdout).toMatch(/^ +2 inputs not found$/m);
    });

    it('the ingest summary gives the time, the rate and the totals of what was found, in text and --json', async () => {
      const dir = tempDir();
      const files = ['01-sdf-raid-deir-ezzor.txt', '02-al-hol-iraqi-repatriation.txt'].map((f) => join(examples, f));
      for (const f of files) expect(existsSync(f), f).toBe(true);
      const records = JSON.parse((await cli(['extract', ...files, '--json'])).stdout) as { entities: unknown[]; dates: unknown[]; quantities: unknown[]; events: unknown[] }[];
      const sum = (k: 'entities' | 'dates' | 'quantities' | 'events') => records.reduce((a, r) => a + r[k].length, 0);
      const expected = { entities: sum('entities'), dates: sum('dates'), quantities: sum('quantities'), events: sum('events') };
      expect(expected.events).toBeGreaterThan(0);

      const json = await cli(['ingest', ...files, '--store', join(dir, 'a.db'), '--json']);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.found).toEqual(expected);
      expect(report.seconds).toBeGreaterThan(0);
      expect(report.articlesPerSecond).toBeCloseTo(2 / report.seconds, 0);

      const text = await cli(['ingest', ...files, '--store', join(dir, 'b.db')]);
      expect(text.stdout.split('\n')[0]).toMatch(/^Ingested into .*b\.db \(run 1\) in \d+\.\d+ s, \d+\.\d articles\/s$/);
      expect(text.stdout).toContain(
        `Found in the 2 articles extracted: ${expected.entities} entities, ${expected.dates} dates, ${expected.quantities} figures, ${expected.events} events`,
      );
      // Nothing is extracted again: nothing is found.
      const again = await cli(['ingest', ...files, '--store', join(dir, 'b.db')]);
      expect(again.stdout).toContain('Found in the 0 articles extracted: 0 entities, 0 dates, 0 figures, 0 events');
    });

    it('a bad --limit is a usage error naming the option', async () => {
      const r = await cli(['search', 'داعش', '--limit', 'ten', '--store', join(tempDir(), 'm.db')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--limit: invalid command line: "ten" is not a whole number');
    });

    it('read-only commands refuse a path where no store is (exit 4, the path named) and create nothing', async () => {
      const dir = tempDir();
      const missing = join(dir, 'mistyped', 'x.db');
      const commands = [
        ['stats'],
        ['stats', '--json'],
        ['search', 'داعش'],
        ['show', '0123456789abcdef'],
        ['export', '--format', 'csv'],
        ['export', '--format', 'jsonl'],
        ['serve', '--port', '0'],
      ];
      for (const args of commands) {
        const r = await cli([...args, '--store', missing]);
        expect(r.code, args.join(' ')).toBe(4);
        expect(r.stderr, args.join(' ')).toContain(`marsad: ${missing}: the store could not be opened: there is no store at this path`);
        expect(r.stdout, args.join(' ')).toBe('');
      }
      // The same through MARSAD_STORE.
      const env = await cli(['stats'], { env: { MARSAD_STORE: missing } });
      expect(env.code).toBe(4);
      expect(env.stderr).toContain(missing);
      expect(readdirSync(dir)).toEqual([]);
      expect(existsSync(join(dir, 'mistyped'))).toBe(false);
    });

    it('ingest makes a new store at a new path, folders included', async () => {
      const store = join(tempDir(), 'new', 'folder', 'm.db');
      const r = await cli(['ingest', example, '--store', store, '--json']);
      expect(r.code).toBe(0);
      expect(existsSync(store)).toBe(true);
      const stats = await cli(['stats', '--json', '--store', store]);
      expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 1 });
    });

    it('show takes a unique id prefix of 6 or more hex digits; an ambiguous one lists the candidates', async () => {
      const db = join(tempDir(), 'm.db');
      const store = openSqliteStore(db);
      const doc = (id: string, title: string) => ({ ...sampleRecord({ title, body: `نص خبر ${title}.` }), id });
      for (const [id, title] of [['abcdef0123456789', 'الأول'], ['abcdef9876543210', 'الثاني'], ['0123456789abcdef', 'الثالث']] as const) {
        await store.saveDocument(doc(id, title), { origin: `/${id}`, url: null, outlet: null, published: null }, null);
      }
      await store.close();

      const unique = await cli(['show', '012345', '--store', db, '--json']);
      expect(unique.code).toBe(0);
      expect(JSON.parse(unique.stdout).id).toBe('0123456789abcdef');
      const upper = await cli(['show', 'ABCDEF01', '--store', db]);
      expect(upper.code).toBe(0);
      expect(upper.stdout).toContain('id abcdef0123456789');

      const ambiguous = await cli(['show', 'abcdef', '--store', db]);
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr.split('\n')[0]).toBe(
        'marsad: abcdef: the id prefix matches more than one document: 2 documents begin with it: abcdef0123456789, abcdef9876543210',
      );
      expect(ambiguous.stdout).toBe('');

      const none = await cli(['show', 'fedcba', '--store', db]);
      expect(none.code).toBe(6);
      expect(none.stderr).toContain(`fedcba: not found: no document with an id beginning with it in ${db}`);
      const short = await cli(['show', 'abcde', '--store', db]);
      expect(short.code).toBe(6);
      expect(short.stderr).toContain('abcde: not found: no document with this id in');
      expect(short.stderr).toContain('at least 6 hex digits');
      const whole = await cli(['show', 'abcdef0123456780', '--store', db]);
      expect(whole.code).toBe(6);
    });

    it('a store path that cannot be a database: exit 4, named', async () => {
      const dir = tempDir();
      const r = await cli(['stats', '--store', dir]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`${dir}: the store could not be opened`);
    });
  });
});

describe('bin/marsad.js (a real process)', () => {
  const bin = join(root, 'bin', 'marsad.js');

  it('extracts a file and exits 0', () => {
    const out = execFileSync(process.execPath, [bin, 'extract', example], { encoding: 'utf8' });
    expect(checkRecord(JSON.parse(out))).toEqual([]);
  });

  it('ends quietly with exit 0 when the reader of its output stops early (`| head`)', async () => {
    // The twelve examples' records are ~140 KB, more than a pipe holds: writes go on after the close.
    const child = spawn(process.execPath, [bin, 'extract', join(root, 'examples')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
  });

  it('returns the catalogue exit code and a one-line error without a stack trace', () => {
    const r = spawnSync(process.execPath, [bin, 'extract', '/no/such.txt'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('marsad: /no/such.txt: no such file or directory');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
