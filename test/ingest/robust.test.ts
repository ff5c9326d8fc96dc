/**
 * Ingest under hostile input (issue 16): loops, special files, quadratic patterns, inputs that
 * hold nothing, encodings, and reasons that name the real cause. Every input here is written
 * by the test into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import type { InputItem } from '../../src/ingest/types.js';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/tmp.js';
import { encodeIn as encodeInCodePage } from '../../src/bench/fuzz.js';

async function read(paths: string[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(await planInputs(paths))) items.push(item);
  return items;
}
const articles = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const failures = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'failure' ? [i] : []));
const skipped = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'skipped' ? [i] : []));
const name = (path: string) => path.split('/').at(-1);

/** Encodes text in a single-byte code page known to TextDecoder; every character must be in it. */
const encodeIn = (label: string, text: string) => encodeInCodePage(label, text, { strict: true });

const ARTICLE = 'اشتباكات في ريف دير الزور\n\nقتل ثلاثة عناصر من داعش في اشتباكات مع قسد.';

/** Runs `f`, failing if it takes longer than `ms`. */
async function within<T>(ms: number, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await f();
  expect(performance.now() - t0).toBeLessThan(ms);
  return result;
}

describe('the folder walk (items 1, 4)', () => {
  it('a link back to a parent folder is not followed round: each file once, the loop listed as skipped', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.txt'), ARTICLE);
    symlinkSync('..', join(dir, 'd', 'up'));
    symlinkSync('.', join(dir, 'd', 'self'));
    symlinkSync('loop2', join(dir, 'd', 'loop1'));
    symlinkSync('loop1', join(dir, 'd', 'loop2'));
    const items = await read([dir]);
    expect(articles(items).map((a) => name(a.origin))).toEqual(['a.txt']);
    expect(skipped(items).map((s) => [name(s.path), s.reason])).toEqual([
      ['loop1', 'a link that leads round in a loop'],
      ['loop2', 'a link that leads round in a loop'],
      ['self', 'a folder already read (a link back to it)'],
      ['up', 'a folder already read (a link back to it)'],
    ]);
  });

  it('a named pipe and a link to /dev/zero are skipped with a reason, never opened', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const items = await within(5000, () => read([dir, join(dir, 'pipe.txt'), '/dev/zero']));
    expect(articles(items).map((a) => name(a.origin))).toEqual(['a.txt']);
    expect(skipped(items).map((s) => [name(s.path), s.reason])).toEqual([
      ['pipe.txt', 'a named pipe (FIFO), not a regular file'],
      ['zero.txt', 'a character device, not a regular file'],
      ['pipe.txt', 'a named pipe (FIFO), not a regular file'],
      ['zero', 'a character device, not a regular file'],
    ]);
  });

  it('a file whose name is not valid UTF-8 is read, not "not found"', async () => {
    const dir = tempDir();
    const raw = Buffer.concat([Buffer.from(dir + '/bad-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]);
    writeFileSync(raw, ARTICLE);
    const items = await read([dir]);
    expect(failures(items)).toEqual([]);
    expect(articles(items).map((a) => a.body)).toEqual([ARTICLE]);
  });
});

describe('linear-time parsing (item 2)', () => {
  it('SGML <TEXT> with 200k spaces, 200k unclosed <TEXT>, 300k unclosed <DOC>: each read in under 2 s; the valid file beside is read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spaces.sgml'), `<DOC>\n<TEXT>\nنص${' '.repeat(200_000)}x\n</TEXT>\n</DOC>\n`);
    writeFileSync(join(dir, 'text.sgml'), `<DOC>\n${'<TEXT>'.repeat(200_000)}`);
    writeFileSync(join(dir, 'text-closed-doc.sgml'), `<DOC>\n${'<TEXT> '.repeat(200_000)}</DOC>`);
    writeFileSync(join(dir, 'doc.sgml'), '<DOC>\n'.repeat(300_000));
    writeFileSync(join(dir, 'attrs.sgml'), `<DOC>${'<TEXT <a '.repeat(100_000)}</DOC>`);
    writeFileSync(join(dir, 'valid.txt'), ARTICLE);
    const items = await within(4000, () => read([dir]));
    expect(articles(items).map((a) => name(a.origin))).toEqual(['spaces.sgml', 'valid.txt']);
    expect(articles(items)[0]!.body).toBe(`نص${' '.repeat(200_000)}x`);
    expect(failures(items).map((f) => [name(f.origin), f.error.code])).toEqual([
      ['attrs.sgml', 'input-format'],
      ['doc.sgml', 'input-format'],
      ['text-closed-doc.sgml', 'input-format'],
      ['text.sgml', 'input-format'],
    ]);
  });

  it('a .txt starting with {} then 300k line breaks is read in under 2 s', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'braces.txt'), '{}' + '\n'.repeat(300_000) + 'x');
    const items = await within(2000, () => read([dir]));
    expect(items).toHaveLength(1);
  });

  it('an article with 200k spaces inside a line is cleaned and extracted in linear time', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spaces.sgml'), `<DOC>\n<TEXT>\nقتل ثلاثة عناصر في حلب${' '.repeat(200_000)}x\n</TEXT>\n</DOC>\n`);
    const store = openSqliteStore(join(dir, 's.db'));
    const report = await within(5000, () => ingest(store, [join(dir, 'spaces.sgml')]));
    expect(report.counts.stored).toBe(1);
    await store.close();
  });

});

describe('inputs that hold nothing are accounted for (item 5)', () => {
  it('blank and zero-length JSON Lines, an empty .jsonl.gz, and JSON [] are each rejected with a reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.jsonl'), '\n  \n\t\n');
    writeFileSync(join(dir, 'zero.ndjson'), '');
    writeFileSync(join(dir, 'empty.jsonl.gz'), gzipSync(Buffer.alloc(0)));
    writeFileSync(join(dir, 'zero.jsonl.gz'), '');
    writeFileSync(join(dir, 'array.json'), '[]');
    const items = await read([dir]);
    expect(failures(items).map((f) => [name(f.origin), f.error.code, f.error.detail])).toEqual([
      ['array.json', 'input-no-articles', 'the JSON array is empty'],
      ['blank.jsonl', 'input-no-articles', 'it holds only blank lines'],
      ['empty.jsonl.gz', 'input-no-articles', 'it is empty'],
      ['zero.jsonl.gz', 'input-no-articles', 'it is empty'],
      ['zero.ndjson', 'input-no-articles', 'it is empty'],
    ]);
  });
});

describe('decoding refuses rather than corrupts (item 7)', () => {
  it('JSON Lines are decoded record by record: a windows-1256 line beside UTF-8 ones', async () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, Buffer.concat([
      Buffer.from('{"text":"قصف على حلب اليوم"}\n'),
      encodeIn('windows-1256', '{"text":"نزوح من تل تمر بعد القصف"}\n'),
      Buffer.from('{"text":"الثالث"}\n'),
    ]));
    const items = await read([file]);
    expect(failures(items)).toEqual([]);
    expect(articles(items).map((a) => [a.body, a.notes.map((n) => n.message)])).toEqual([
      ['قصف على حلب اليوم', []],
      ['نزوح من تل تمر بعد القصف', ['decoded from windows-1256']],
      ['الثالث', []],
    ]);
  });

  it('ISO-8859-6 Arabic is told apart from windows-1256', () => {
    const text = 'قتل ثلاثة عناصر في قصف على القرية، وقالت مصادر محلية إن الوضع هادئ';
    expect(decodeBytes(encodeIn('iso-8859-6', text), 'a')).toEqual({ text, encoding: 'iso-8859-6' });
    expect(decodeBytes(encodeIn('windows-1256', text), 'a')).toEqual({ text, encoding: 'windows-1256' });
  });

  it('UTF-32 with a byte order mark, little- and big-endian', () => {
    const text = 'حلب 2024';
    const cps = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
    const le = Buffer.alloc(cps.length * 4);
    const be = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => {
      le.writeUInt32LE(cp, i * 4);
      be.writeUInt32BE(cp, i * 4);
    });
    expect(decodeBytes(le, 'a')).toEqual({ text, encoding: 'utf-32le' });
    expect(decodeBytes(be, 'a')).toEqual({ text, encoding: 'utf-32be' });
  });

  it('lone surrogates are replaced, counted on the record, and stored as valid UTF-8', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '{"title":"عنوان \\udc00","text":"قتل ثلاثة عناصر \\ud800 في اشتباكات مع قسد."}');
    const [a] = articles(await read([dir]));
    expect(a!.body).toBe('قتل ثلاثة عناصر \ufffd في اشتباكات مع قسد.');
    expect(a!.notes.map((n) => [n.code, n.message])).toEqual([['characters-replaced', '2 lone UTF-16 surrogates were replaced with U+FFFD']]);
    const store = openSqliteStore(join(dir, 's.db'));
    await ingest(store, [join(dir, 'a.json')]);
    const row = store.db.prepare("SELECT CAST(text AS BLOB) AS b FROM documents").get() as { b: Buffer };
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(row.b)).not.toThrow();
    await store.close();
  });

  it('1 to 16 random bytes never pass as Arabic', () => {
    let seed = 16;
    const random = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) & 0xff;
    };
    const legacy: string[] = [];
    for (let k = 0; k < 20000; k++) {
      const bytes = Buffer.from(Array.from({ length: 1 + (k % 16) }, random));
      try {
        const d = decodeBytes(bytes, 'r');
        if (d.encoding !== 'utf-8') legacy.push(`${bytes.toString('hex')} as ${d.encoding}`);
      } catch {
        // refused: right
      }
    }
    expect(legacy).toEqual([]);
  });
});

describe('reasons that name the real cause (item 9)', () => {
  it('an unreadable sidecar rejects its article as unreadable, naming the sidecar', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    mkdirSync(join(dir, 'a.txt.meta.json'));
    const [f] = failures(await read([join(dir, 'a.txt')]));
    expect(f!.error.code).toBe('input-unreadable');
    expect(f!.error.message).toContain('a.txt.meta.json: the input could not be read');
    expect(f!.error.message).not.toContain('JSON');
  });

  it('a gzip bomb is input-too-large, found while unpacking', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)));
    const [f] = failures(await within(5000, () => read([dir])));
    expect([f!.error.code, f!.error.message]).toEqual(['input-too-large', expect.stringMatching(/bomb\.txt\.gz: the input is too large: it unpacks to over/)]);
  });

  it('a 50 MB line is rejected in under 2 s', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), 'خبر '.repeat(6_500_000)); // 50 MB of UTF-8
    const store = openSqliteStore(join(dir, 's.db'));
    const report = await within(2000, () => ingest(store, [join(dir, 'big.txt')]));
    expect(report.failures.map((f) => f.code)).toEqual(['input-too-large']);
    await store.close();
  });
});
