/**
 * The ingest fuzz suite (issue 16): a generator of malformed inputs of every kind Marsad has
 * been attacked with, from a fixed seed, mixed with valid articles; and a run that ingests them
 * into a fresh store and accounts for every input: stored, rejected or skipped, with crashes
 * (internal errors), inputs that took over 60 s, and the peak memory.
 *
 * `npm run fuzz -- --count 10000 [--seed N] [--json]` runs it in full (`fuzz-cli.ts`);
 * test/ingest/fuzz.test.ts runs a few hundred inputs on every `npm test`.
 * Every text written is Marsad's own (templates below); nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingest, type IngestReport } from '../services/ingest.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

/** A small, fast, seedable generator (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PLACES = ['حلب', 'إدلب', 'دير الزور', 'الرقة', 'حمص', 'درعا', 'الحسكة', 'القامشلي', 'منبج', 'عفرين', 'تدمر', 'جرابلس', 'الموصل', 'كركوك'];
const ACTORS = ['قسد', 'داعش', 'الجيش التركي', 'قوات النظام', 'هيئة تحرير الشام', 'الجيش الوطني'];
const VERBS = ['قصفت', 'هاجمت', 'اعتقلت', 'استهدفت'];

/** A valid article of Marsad's own words; `n` makes it unique. */
export function validArticle(r: Rand, n: number): { title: string; body: string } {
  const place = pick(r, PLACES);
  const actor = pick(r, ACTORS);
  const other = pick(r, ACTORS.filter((a) => a !== actor));
  const title = `${actor} ${pick(r, VERBS)} مواقع في ريف ${place} (${n})`;
  const body = `${pick(r, VERBS)} ${actor} مواقع ${other} في ريف ${place}، وقالت مصادر محلية إن ${between(r, 2, 90)} شخصا قتلوا و${between(r, 2, 40)} أصيبوا. ونزحت ${between(r, 10, 500)} عائلة من القرى القريبة. رقم الخبر ${n}.`;
  return { title, body };
}

/** Encodes text in a single-byte code page (windows-1256, iso-8859-6): '?' for what it lacks, or an error when `strict`. */
export function encodeIn(label: string, text: string, options: { strict?: boolean } = {}): Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (!table.has(ch)) table.set(ch, b);
  }
  return Buffer.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b !== undefined) return b;
      if (options.strict) throw new Error(`not in ${label}: ${ch}`);
      return 0x3f;
    }),
  );
}

const randomBytes = (r: Rand, n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));

/** What a kind of input is expected to give: stored articles, or anything but a stored one. */
export type Expectation = 'stored' | 'not-stored' | 'any';

export interface FuzzKind {
  readonly name: string;
  readonly expect: Expectation;
  /** Heavy kinds (tens of megabytes) are written at most a few times per run. */
  readonly heavy?: boolean;
  /** Writes one input named `base` (a file or a folder, any ending added) into `dir`. */
  readonly write: (dir: string, base: string, r: Rand, n: number, scale: number) => void;
}

const txt = (a: { title: string; body: string }) => `${a.title}\n\n${a.body}`;

/** A page as an outlet serves it: JSON-LD, navigation, the article in paragraphs, a footer. */
function htmlPage(r: Rand, n: number): string {
  const a = validArticle(r, n);
  const more = validArticle(r, n + 1_000_000).body;
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: a.title, datePublished: '2026-11-05T08:00:00Z', publisher: { '@type': 'Organization', name: 'مرصد الفحص' } });
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${a.title}</title><script type="application/ld+json">${ld}</script></head>` +
    `<body><nav><a href="/">الرئيسية</a> <a href="/s">سوريا</a></nav><article><h1>${a.title}</h1><p>${a.body}</p><p>${more}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

/** An RSS 2.0 feed whose items carry their whole article (four paragraphs, over 80 words) in content:encoded. */
function fullFeed(r: Rand, n: number): string {
  const items = [0, 1].map((k) => {
    const a = validArticle(r, n * 10 + k);
    const paras = [a.body, ...[3, 5, 7].map((j) => validArticle(r, n * 10 + k + j).body)].map((p) => `<p>${p}</p>`).join('');
    return `<item><title>${a.title}</title><link>https://news.example/${n}/${k}</link><guid>f-${n}-${k}</guid><pubDate>Thu, 05 Nov 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[${paras}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>مرصد الفحص</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

export const KINDS: readonly FuzzKind[] = [
  { name: 'valid-txt', expect: 'stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt`), txt(validArticle(r, n))) },
  {
    name: 'valid-jsonl',
    expect: 'stored',
    write: (d, b, r, n) => writeFileSync(join(d, `${b}.jsonl`), [0, 1, 2].map((k) => JSON.stringify({ ...validArticle(r, n * 10 + k), text: validArticle(r, n * 10 + k).body })).join('\n')),
  },
  {
    name: 'valid-sgml',
    expect: 'stored',
    write: (d, b, r, n) => {
      const a = validArticle(r, n);
      writeFileSync(join(d, `${b}.sgml`), `<DOC>\n<DOCNO>F-${n}</DOCNO>\n<TITLE>${a.title}</TITLE>\n<TEXT>\n<P>${a.body}</P>\n</TEXT>\n</DOC>\n`);
    },
  },
  {
    name: 'symlink-loop',
    expect: 'any',
    write: (d, b, r, n) => {
      const dir = join(d, b);
      mkdirSync(join(dir, 'inner'), { recursive: true });
      writeFileSync(join(dir, 'inner', 'a.txt'), txt(validArticle(r, n)));
      symlinkSync('..', join(dir, 'inner', 'up'));
      symlinkSync('.', join(dir, 'self'));
      symlinkSync('l2', join(dir, 'l1'));
      symlinkSync('l1', join(dir, 'l2'));
    },
  },
  { name: 'sgml-text-spaces', expect: 'any', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.sgml`), `<DOC>\n<TEXT>\nنص${' '.repeat(200_000 * s)}x\n</TEXT>\n</DOC>\n`) },
  { name: 'txt-brace-newlines', expect: 'any', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.txt`), '{}' + '\n'.repeat(300_000 * s)) },
  { name: 'sgml-unclosed-text', expect: 'not-stored', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.sgml`), `<DOC>\n${'<TEXT>'.repeat(200_000 * s)}`) },
  { name: 'sgml-unclosed-doc', expect: 'not-stored', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.sgml`), '<DOC>\n'.repeat(300_000 * s)) },
  { name: 'sgml-open-tags', expect: 'not-stored', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.sgml`), `<DOC>${'<TEXT <P '.repeat(100_000 * s)}</DOC>`) },
  { name: 'sgml-entities', expect: 'any', write: (d, b, r, n, s) => writeFileSync(join(d, `${b}.sgml`), `<DOC><TEXT>${validArticle(r, n).body} ${'&'.repeat(50_000 * s)}${'a'.repeat(50_000 * s)}</TEXT></DOC>`) },
  {
    name: 'fifo',
    expect: 'not-stored',
    write: (d, b) => {
      try {
        execFileSync('mkfifo', [join(d, `${b}.txt`)]);
      } catch {
        writeFileSync(join(d, `${b}.txt`), ''); // no mkfifo here: an empty file stands in
      }
    },
  },
  { name: 'dev-zero-link', expect: 'not-stored', write: (d, b) => symlinkSync('/dev/zero', join(d, `${b}.txt`)) },
  { name: 'blank-jsonl', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.jsonl`), '\n \t\n'.repeat(between(r, 1, 1000))) },
  { name: 'zero-ndjson', expect: 'not-stored', write: (d, b) => writeFileSync(join(d, `${b}.ndjson`), '') },
  { name: 'empty-jsonl-gz', expect: 'not-stored', write: (d, b) => writeFileSync(join(d, `${b}.jsonl.gz`), gzipSync(Buffer.alloc(0))) },
  { name: 'json-empty-array', expect: 'not-stored', write: (d, b) => writeFileSync(join(d, `${b}.json`), '[]') },
  {
    name: 'cp1256-in-jsonl',
    expect: 'stored',
    write: (d, b, r, n) => writeFileSync(join(d, `${b}.jsonl`), encodeIn('windows-1256', JSON.stringify({ text: validArticle(r, n).body }) + '\n')),
  },
  { name: 'iso-8859-6', expect: 'stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt`), encodeIn('iso-8859-6', txt(validArticle(r, n)).replace(/\(|\)/g, ''))) },
  {
    name: 'utf32-bom',
    expect: 'stored',
    write: (d, b, r, n) => {
      const cps = [0xfeff, ...[...txt(validArticle(r, n))].map((c) => c.codePointAt(0)!)];
      const buf = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => buf.writeUInt32LE(cp, i * 4));
      writeFileSync(join(d, `${b}.txt`), buf);
    },
  },
  {
    name: 'lone-surrogates',
    expect: 'stored',
    write: (d, b, r, n) => writeFileSync(join(d, `${b}.json`), JSON.stringify({ text: validArticle(r, n).body }).replace('،', '\\ud800')),
  },
  { name: 'random-bytes-short', expect: 'any', write: (d, b, r) => writeFileSync(join(d, `${b}.txt`), randomBytes(r, between(r, 1, 16))) },
  { name: 'random-bytes', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.txt`), randomBytes(r, between(r, 512, 4096))) },
  {
    name: 'unreadable-sidecar',
    expect: 'not-stored',
    write: (d, b, r, n) => {
      writeFileSync(join(d, `${b}.txt`), txt(validArticle(r, n)));
      mkdirSync(join(d, `${b}.txt.meta.json`));
    },
  },
  {
    name: 'sidecar-bad-date',
    expect: 'not-stored',
    write: (d, b, r, n) => {
      writeFileSync(join(d, `${b}.txt`), txt(validArticle(r, n)));
      writeFileSync(join(d, `${b}.txt.meta.json`), JSON.stringify({ published: 'x'.repeat(between(r, 1, 100_000)) }));
    },
  },
  {
    name: 'invalid-utf8-name',
    expect: 'stored',
    write: (d, b, r, n) => writeFileSync(Buffer.concat([Buffer.from(join(d, `${b}-`)), Buffer.from([0xff, 0xc3]), Buffer.from('.txt')]), txt(validArticle(r, n))),
  },
  { name: 'broken-json', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.json`), '{"text": "نص'.repeat(between(r, 1, 50))) },
  { name: 'deep-json', expect: 'not-stored', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.json`), '['.repeat(100_000 * s)) },
  { name: 'jsonl-wrong-types', expect: 'not-stored', write: (d, b) => writeFileSync(join(d, `${b}.jsonl`), '{"text":5}\n[1,2]\n"x"\nnull\n{"body":{"a":1}}\n') },
  { name: 'truncated-gzip', expect: 'not-stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt.gz`), gzipSync(txt(validArticle(r, n))).subarray(0, 20)) },
  { name: 'utf16-odd', expect: 'any', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt`), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(txt(validArticle(r, n)), 'utf16le'), Buffer.from([0x41])])) },
  { name: 'nul-bytes', expect: 'not-stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt`), Buffer.concat([Buffer.from(txt(validArticle(r, n))), Buffer.alloc(between(r, 1, 100))])) },
  { name: 'empty-txt', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.txt`), ' \n'.repeat(between(r, 0, 100))) },
  { name: 'valid-html', expect: 'stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.html`), htmlPage(r, n)) },
  { name: 'valid-rss', expect: 'stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.rss`), fullFeed(r, n)) },
  { name: 'html-page-as-txt', expect: 'stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.txt`), htmlPage(r, n)) },
  { name: 'html-no-article', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.html`), `<!doctype html><html><body><nav>${Array.from({ length: between(r, 1, 200) }, (_, i) => `<a href="/${i}">قسم ${i}</a>`).join(' ')}</nav></body></html>`) },
  { name: 'html-deep', expect: 'not-stored', write: (d, b, r, n, s) => writeFileSync(join(d, `${b}.html`), `<!doctype html><html><body>${'<div>'.repeat(Math.round(20_000 * s))}<p>${validArticle(r, n).body}</p></body></html>`) },
  { name: 'html-many-elements', expect: 'not-stored', write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.html`), `<!doctype html><html><body><p>${'<b>خبر</b>'.repeat(Math.round(400_000 * s))}</p></body></html>`) },
  { name: 'html-tag-soup', expect: 'any', write: (d, b, r) => writeFileSync(join(d, `${b}.html`), `<!doctype html><html>${Array.from({ length: between(r, 10, 2000) }, () => pick(r, ['<p', '</div>', '<script>', '"', '<!--', '<a href=', ' خبر ', '&amp', '<![CDATA[', '>'])).join('')}`) },
  { name: 'html-huge-attribute', expect: 'any', write: (d, b, r, n, s) => writeFileSync(join(d, `${b}.html`), `<!doctype html><html><body><p title="${'x'.repeat(Math.round(4_000_000 * s))}">${validArticle(r, n).body}</p></body></html>`) },
  { name: 'html-random-bytes', expect: 'not-stored', write: (d, b, r) => writeFileSync(join(d, `${b}.html`), Buffer.concat([Buffer.from('<!doctype html><html><body><p>'), randomBytes(r, between(r, 512, 4096))])) },
  { name: 'rss-links-only', expect: 'not-stored', write: (d, b, _r, n) => writeFileSync(join(d, `${b}.rss`), `<?xml version="1.0"?><rss version="2.0"><channel><title>ر</title><item><title>خبر</title><link>https://news.example/${n}</link><description>موجز قصير…</description></item></channel></rss>`) },
  { name: 'rss-truncated', expect: 'not-stored', write: (d, b, r, n) => writeFileSync(join(d, `${b}.rss`), fullFeed(r, n).slice(0, between(r, 40, 400))) },
  {
    name: 'xml-entity-bomb',
    expect: 'not-stored',
    write: (d, b) => {
      const ents = Array.from({ length: 10 }, (_, i) => `<!ENTITY e${i + 1} "${i === 0 ? 'ها' : `&e${i};`.repeat(10)}">`).join('');
      writeFileSync(join(d, `${b}.rss`), `<?xml version="1.0"?><!DOCTYPE rss [${ents}]><rss version="2.0"><channel><title>&e10;</title><item><title>&e10;</title><description>&e10;</description></item></channel></rss>`);
    },
  },
  {
    name: 'gzip-bomb',
    expect: 'not-stored',
    heavy: true,
    write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.txt.gz`), gzipSync(Buffer.alloc(Math.round(80 * 1024 * 1024 * Math.max(s, 0.85)), 0x20), { level: 1 })),
  },
  { name: 'huge-line', expect: 'not-stored', heavy: true, write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.txt`), 'خبر '.repeat(Math.round(6_500_000 * Math.max(s, 0.25)))) },
  {
    name: 'huge-jsonl-line',
    expect: 'not-stored',
    heavy: true,
    write: (d, b, _r, _n, s) => writeFileSync(join(d, `${b}.jsonl`), `{"text":"${'خبر '.repeat(Math.round(6_500_000 * Math.max(s, 0.25)))}"}\n`),
  },
];

export interface FuzzOptions {
  readonly count: number;
  readonly seed?: number;
  /** Size of the attacker-sized inputs, 1 for those of the issue (tests use less). */
  readonly scale?: number;
  /** Most heavy inputs (tens of MB) of each kind. */
  readonly maxHeavy?: number;
}

export interface KindRow {
  kind: string;
  inputs: number;
  stored: number;
  rejected: number;
  skipped: number;
  /** Inputs that ended in none of stored, rejected, skipped. */
  unaccounted: number;
  /** Internal errors: bugs. */
  crashes: number;
  /** Inputs whose outcome is not the one their kind expects (a valid article lost, a bad one stored). */
  wrong: number;
  maxMs: number;
  over60s: number;
}

export interface FuzzResult {
  readonly rows: KindRow[];
  readonly total: KindRow;
  readonly peakRssMb: number;
  readonly seconds: number;
  readonly report: IngestReport;
  readonly problems: string[];
}

/** Writes `count` inputs into `dir` (each kind at least once), returning each input's kind by name. */
export function writeCorpus(dir: string, options: FuzzOptions): Map<string, FuzzKind> {
  const r = rng(options.seed ?? 16);
  const scale = options.scale ?? 1;
  const maxHeavy = options.maxHeavy ?? 2;
  const heavyCount = new Map<string, number>();
  const byName = new Map<string, FuzzKind>();
  for (let i = 0; i < options.count; i++) {
    let kind = i < KINDS.length ? KINDS[i]! : pick(r, KINDS);
    while (kind.heavy && (heavyCount.get(kind.name) ?? 0) >= maxHeavy) kind = pick(r, KINDS);
    if (kind.heavy) heavyCount.set(kind.name, (heavyCount.get(kind.name) ?? 0) + 1);
    const base = `${String(i).padStart(6, '0')}-${kind.name}`;
    kind.write(dir, base, r, i, scale);
    byName.set(base, kind);
  }
  return byName;
}

/** The kind of each input of a corpus written before (by another process), from its names. */
export function readCorpusKinds(dir: string): Map<string, FuzzKind> {
  const byName = new Map<string, FuzzKind>();
  const kinds = [...KINDS].sort((a, b) => b.name.length - a.name.length);
  for (const entry of readdirSync(dir, { encoding: 'buffer' })) {
    const name = entry.toString('utf8');
    const digits = /^\d{6}-/.exec(name)?.[0];
    if (!digits) continue;
    const kind = kinds.find((k) => name.startsWith(digits + k.name) && /^(?:[.-]|$)/.test(name.slice(digits.length + k.name.length)));
    if (kind) byName.set(digits + kind.name, kind);
  }
  return byName;
}

/** The input an origin belongs to: the first path part under the corpus folder, without its endings. */
function inputOf(root: string, origin: string): string | null {
  if (!origin.startsWith(root + '/')) return null;
  const first = origin.slice(root.length + 1).split('/')[0]!;
  const m = /^(\d{6}-[a-z0-9-]+?)(?:-\ufffd+)?(?:\.|$|[:#[])/.exec(first);
  return m ? m[1]! : null;
}

/** Writes a corpus into `dir` and ingests it into a fresh store there. */
export async function runFuzz(dir: string, options: FuzzOptions): Promise<FuzzResult> {
  const corpus = join(dir, 'corpus');
  // A corpus written before (by a separate process, so that writing it does not count in the
  // peak memory of the ingest) is read as it is.
  const kinds = existsSync(corpus) ? readCorpusKinds(corpus) : (mkdirSync(corpus, { recursive: true }), writeCorpus(corpus, options));
  const store = openSqliteStore(join(dir, 'fuzz.db'));
  const outcome = new Map<string, { stored: number; rejected: number; skipped: number; crashes: number; ms: number }>();
  const of = (input: string) => {
    let o = outcome.get(input);
    if (!o) outcome.set(input, (o = { stored: 0, rejected: 0, skipped: 0, crashes: 0, ms: 0 }));
    return o;
  };
  let current: { input: string | null; t0: number } | null = null;
  const closeCurrent = () => {
    if (current?.input) of(current.input).ms += performance.now() - current.t0;
    current = null;
  };
  const t0 = performance.now();
  let report: IngestReport;
  try {
    report = await ingest(store, [corpus], {
      onProgress: (p) => {
        closeCurrent();
        if (p.current) current = { input: inputOf(corpus, p.current), t0: performance.now() };
      },
      onArticle: (a) => {
        const input = inputOf(corpus, a.origin);
        if (input) of(input).stored++;
      },
    });
  } finally {
    closeCurrent();
    await store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const problems: string[] = [];
  for (const f of report.failures) {
    const input = inputOf(corpus, f.origin);
    if (!input) {
      problems.push(`failure outside the corpus: ${f.origin}`);
      continue;
    }
    of(input).rejected++;
    if (f.code === 'internal') {
      of(input).crashes++;
      problems.push(`crash: ${f.message}`);
    }
  }
  for (const s of report.skipped) {
    const input = inputOf(corpus, s.path);
    if (input) of(input).skipped++;
    else problems.push(`skipped outside the corpus: ${s.path}`);
  }
  const rows = new Map<string, KindRow>();
  const row = (kind: string) => {
    let r = rows.get(kind);
    if (!r) rows.set(kind, (r = { kind, inputs: 0, stored: 0, rejected: 0, skipped: 0, unaccounted: 0, crashes: 0, wrong: 0, maxMs: 0, over60s: 0 }));
    return r;
  };
  for (const k of KINDS) row(k.name);
  for (const [input, kind] of kinds) {
    const o = outcome.get(input) ?? { stored: 0, rejected: 0, skipped: 0, crashes: 0, ms: 0 };
    const r = row(kind.name);
    r.inputs++;
    r.stored += o.stored;
    r.rejected += o.rejected;
    r.skipped += o.skipped;
    r.crashes += o.crashes;
    r.maxMs = Math.max(r.maxMs, Math.round(o.ms));
    if (o.ms > 60_000) r.over60s++;
    if (o.stored + o.rejected + o.skipped === 0) {
      r.unaccounted++;
      problems.push(`unaccounted: ${input}`);
    }
    const wrong = (kind.expect === 'stored' && (o.stored === 0 || o.rejected > 0)) || (kind.expect === 'not-stored' && o.stored > 0);
    if (wrong) {
      r.wrong++;
      problems.push(`${kind.expect === 'stored' ? 'valid input not stored' : 'bad input stored'}: ${input}`);
    }
  }
  const list = [...rows.values()];
  const total = list.reduce<KindRow>(
    (t, r) => ({
      kind: 'total',
      inputs: t.inputs + r.inputs,
      stored: t.stored + r.stored,
      rejected: t.rejected + r.rejected,
      skipped: t.skipped + r.skipped,
      unaccounted: t.unaccounted + r.unaccounted,
      crashes: t.crashes + r.crashes,
      wrong: t.wrong + r.wrong,
      maxMs: Math.max(t.maxMs, r.maxMs),
      over60s: t.over60s + r.over60s,
    }),
    { kind: 'total', inputs: 0, stored: 0, rejected: 0, skipped: 0, unaccounted: 0, crashes: 0, wrong: 0, maxMs: 0, over60s: 0 },
  );
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return { rows: list, total, peakRssMb, seconds, report, problems };
}

/** The result as a table. */
export function formatTable(result: FuzzResult): string {
  const cols: (keyof KindRow)[] = ['kind', 'inputs', 'stored', 'rejected', 'skipped', 'unaccounted', 'crashes', 'wrong', 'maxMs', 'over60s'];
  const cells = [...result.rows, result.total].map((r) => cols.map((c) => String(r[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [
    line(cols.map(String)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(0, -1).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(cells.at(-1)!),
    '',
    `stored, rejected, skipped: articles and files; maxMs: the slowest input of the kind; wrong: an outcome the kind does not allow`,
    `${result.total.inputs} inputs in ${result.seconds.toFixed(1)} s; crashes ${result.total.crashes}; over 60 s ${result.total.over60s}; unaccounted ${result.total.unaccounted}; peak memory ${result.peakRssMb} MB`,
  ].join('\n');
}
