import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.js';
import { parsePublished } from '../../src/ingest/published.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import type { InputItem } from '../../src/ingest/types.js';
import { tempDir } from '../helpers/tmp.js';

/** Encodes text as windows-1256 (the reverse of Node's decoder). */
function encode1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    return b;
  }));
}

async function read(paths: string[], options = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(await planInputs(paths), options)) items.push(item);
  return items;
}

const articles = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const failures = (items: InputItem[]) => items.flatMap((i) => (i.kind === 'failure' ? [i] : []));

describe('decoding', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeBytes(Buffer.from('حلب', 'utf8'), 'a')).toEqual({ text: 'حلب', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('حلب')]), 'a').text).toBe('حلب');
  });

  it('recognises windows-1256 by content', () => {
    expect(decodeBytes(encode1256('قصف على حلب اليوم'), 'a')).toEqual({ text: 'قصف على حلب اليوم', encoding: 'windows-1256' });
  });

  it('reads UTF-16 with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('حلب', 'utf16le')]);
    expect(decodeBytes(bytes, 'a').text).toBe('حلب');
  });

  it('refuses binary bytes and text that is neither UTF-8 nor Arabic windows-1256', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'img.txt')).toThrow(/img\.txt: the input is not text/);
    // Latin-1 French: invalid UTF-8 and not Arabic in windows-1256
    expect(() => decodeBytes(Buffer.from('d\xe9j\xe0 vu, tr\xe8s bien', 'latin1'), 'fr.txt')).toThrow(/fr\.txt: the text encoding could not be recognised/);
  });
});

describe('publication dates', () => {
  it.each([
    ['2024-12-06', '2024-12-06'],
    ['2024-12', '2024-12'],
    ['2024', '2024'],
    ['2017-01-22T22:17:00+01:00', '2017-01-22'],
    ['2017-01-22T194300', '2017-01-22'],
    ['29/07/2016', '2016-07-29'],
    ['Fri, 06 Dec 2024 10:00:00 GMT', '2024-12-06'],
  ])('reads %s', (input, expected) => expect(parsePublished(input)).toBe(expected));

  it.each(['yesterday', '2024-13-01', '31/02/2024', '', '24-12-06'])('refuses %j', (input) => expect(parsePublished(input)).toBeNull());
});

describe('input formats', () => {
  it('plain text: UTF-8, CRLF, title from the first line, with a sidecar giving the date', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'العنوان\r\n\r\nالنص.\r\n');
    writeFileSync(file + '.meta.json', JSON.stringify({ published: '2024-12-06', outlet: 'مرصد' }));
    const [a] = articles(await read([file]));
    expect(a).toMatchObject({ origin: file, title: null, published: '2024-12-06', source: { path: file, outlet: 'مرصد' } });
    expect(a!.body).toBe('العنوان\r\n\r\nالنص.\r\n');
  });

  it('a windows-1256 file is decoded and says so on the record', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'legacy.txt'), encode1256('عنوان الخبر\r\n\r\nقصف على حلب.'));
    const [a] = articles(await read([dir]));
    expect(a!.body).toContain('قصف على حلب');
    expect(a!.notes.map((n) => n.code)).toEqual(['legacy-encoding']);
  });

  it('JSON: one object or an array; "text" or "body"; metadata fields', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ title: 'ع', body: 'نص', published: '2024-01-02', url: 'https://example.org/1', outlet: 'X' }));
    writeFileSync(join(dir, 'many.json'), JSON.stringify([{ text: 'أ' }, { text: 'ب', title: 'ب' }]));
    const items = await read([dir]);
    expect(articles(items).map((a) => [a.origin.split('/').at(-1), a.title, a.body, a.published])).toEqual([
      ['many.json[0]', null, 'أ', null],
      ['many.json[1]', 'ب', 'ب', null],
      ['one.json', 'ع', 'نص', '2024-01-02'],
    ]);
    expect(articles(items)[2]!.source).toEqual({ path: join(dir, 'one.json'), url: 'https://example.org/1', outlet: 'X' });
  });

  it('JSON Lines: a broken line is reported with its number and the others are read', async () => {
    const dir = tempDir();
    const file = join(dir, 'feed.jsonl');
    writeFileSync(file, ['{"text":"الأول"}', '{"text": broken', '', '{"title":"بلا نص"}', '{"text":"الرابع","published":"not a date"}'].join('\n'));
    const items = await read([file]);
    expect(articles(items).map((a) => a.origin)).toEqual([`${file}:1`, `${file}:5`]);
    expect(failures(items).map((f) => [f.origin, f.error.code])).toEqual([
      [`${file}:2`, 'input-format'],
      [`${file}:4`, 'input-format'],
    ]);
    expect(failures(items)[1]!.error.message).toContain('an article needs "text" or "body"');
    const fourth = articles(items)[1]!;
    expect(fourth.published).toBeNull();
    expect(fourth.notes.map((n) => n.code)).toEqual(['published-unreadable']);
  });

  it('SGML in a .txt file is detected by content; ABSTRACT is the lead; TIME the date', async () => {
    const dir = tempDir();
    const file = join(dir, 'ant.txt');
    writeFileSync(
      file,
      '<DOC>\n<DOCNO>X-1</DOCNO>\n<URL>http://example.org/a</URL>\n<SRC>Radio</SRC>\n<TITLE>عنوان &amp; آخر</TITLE>\n<TIME>29/07/2016</TIME>\n<ABSTRACT>\nملخص\n</ABSTRACT>\n<TEXT>\nالنص هنا.\n</TEXT>\n</DOC>\n',
    );
    const [a] = articles(await read([file]));
    expect(a).toMatchObject({ title: 'عنوان & آخر', body: 'النص هنا.', lead: 'ملخص', published: '2016-07-29', source: { url: 'http://example.org/a', outlet: 'Radio' } });
  });

  it('Gigaword-style SGML: several DOCs, <P> paragraphs, the date from the id', async () => {
    const dir = tempDir();
    const file = join(dir, 'afp.sgml');
    writeFileSync(
      file,
      '<DOC id="AFP_ARB_20050101.0001" type="story">\n<HEADLINE>عنوان</HEADLINE>\n<TEXT>\n<P>فقرة أولى.</P>\n<P>فقرة ثانية.</P>\n</TEXT>\n</DOC>\n<DOC id="AFP_ARB_20050101.0002"><TEXT>نص</TEXT></DOC>\n<DOC id="AFP_ARB_20050101.0003"><HEADLINE>بلا نص</HEADLINE></DOC>\n<DOC id="broken">',
    );
    const items = await read([file]);
    const [a, b] = articles(items);
    expect(a!.origin).toBe(`${file}#AFP_ARB_20050101.0001`);
    expect(a!.body).toBe('فقرة أولى.\n\nفقرة ثانية.');
    expect(a!.published).toBe('2005-01-01');
    expect(b!.body).toBe('نص');
    expect(failures(items).map((f) => f.error.message)).toEqual([
      `${file}: the input is malformed: 1 <DOC> element(s) are never closed with </DOC>`,
      `${file}#AFP_ARB_20050101.0003: the input is malformed: the <DOC> has no <TEXT> element`,
    ]);
  });

  it('gzip files are read through', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync('{"text":"نص مضغوط"}\n'));
    expect(articles(await read([dir])).map((a) => a.body)).toEqual(['نص مضغوط']);
  });

  it('standard input with -, format by content', async () => {
    const items = await read(['-'], { stdin: Readable.from([Buffer.from('{"text":"من الدخل"}')]) });
    expect(articles(items).map((a) => [a.origin, a.body])).toEqual([['<stdin>', 'من الدخل']]);
  });

  it('--published overrides the sidecar and the input', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ text: 'نص', published: '2020-01-01' }));
    writeFileSync(join(dir, 'a.json.meta.json'), JSON.stringify({ published: '2021-01-01' }));
    expect(articles(await read([dir])).map((a) => a.published)).toEqual(['2021-01-01']);
    expect(articles(await read([dir], { published: '2022-02-02' })).map((a) => a.published)).toEqual(['2022-02-02']);
    await expect(read([dir], { published: 'soon' })).rejects.toThrow(/--published: the publication date is not a date: "soon"/);
  });
});

describe('folders', () => {
  it('walks recursively, lists unsupported and hidden files as skipped, reads sidecars with their file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'README.md'), '# readme');
    writeFileSync(join(dir, 'LICENSE'), 'MIT');
    writeFileSync(join(dir, 'b.txt'), 'ب\n\nنص');
    writeFileSync(join(dir, 'b.txt.meta.json'), '{"published":"2024-01-01"}');
    writeFileSync(join(dir, 'sub', 'deeper', 'a.txt'), 'أ\n\nنص');
    const plan = await planInputs([dir]);
    expect(plan.map((p) => [p.kind, 'path' in p ? p.path.slice(dir.length + 1) : ''])).toEqual([
      ['skipped', '.git'],
      ['skipped', 'LICENSE'],
      ['skipped', 'README.md'],
      ['file', 'b.txt'],
      ['file', 'sub/deeper/a.txt'],
    ]);
  });

  it('one corrupt file is reported and every other file is still read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'أ\n\nنص');
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(dir, 'c.json'), '{"text": ');
    writeFileSync(join(dir, 'd.txt.meta.json'), '{"published": "later"}');
    writeFileSync(join(dir, 'd.txt'), 'د\n\nنص');
    writeFileSync(join(dir, 'e.txt'), 'هـ\n\nنص');
    const items = await read([dir]);
    expect(articles(items).map((a) => a.origin.slice(dir.length + 1))).toEqual(['a.txt', 'e.txt']);
    expect(failures(items).map((f) => [f.origin.slice(dir.length + 1), f.error.code])).toEqual([
      ['b.txt', 'input-binary'],
      ['c.json', 'input-format'],
      ['d.txt', 'input-bad-date'],
    ]);
    expect(failures(items)[2]!.error.message).toContain('d.txt.meta.json');
  });

  it('a missing path is a failure that names it', async () => {
    const items = await read(['/no/such/file.txt']);
    expect(failures(items).map((f) => f.error.message)).toEqual(['/no/such/file.txt: no such file or directory']);
  });
});
