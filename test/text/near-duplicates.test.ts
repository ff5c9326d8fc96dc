/**
 * Near-duplicate stories (issue 13, item 5), on texts of our own: the bundled example articles,
 * copies of them made the way outlets syndicate (a new headline and a dateline, a tail added, a
 * paragraph dropped, all three), and two different stories written on the template of two of
 * them (test/fixtures/near-duplicates). Measured through the path ingest takes: fingerprints,
 * LSH band keys to find candidates, resemblance against the threshold; then end to end, through
 * `ingest` into a real SQLite store. The threshold itself was measured on real articles
 * (`test/shared/near-duplicates.test.ts`).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import {
  bandKeys,
  bestMatch,
  fingerprint,
  NEAR_DUPLICATE_THRESHOLD,
  resemblance,
  signatureFromBytes,
  signatureToBytes,
  similarity,
  storyText,
  type Fingerprint,
} from '../../src/text/minhash.js';
import { tempDir } from '../helpers/tmp.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'near-duplicates');

interface Story { name: string; title: string; paragraphs: string[] }

function readStory(path: string, name: string): Story {
  const blocks = readFileSync(path, 'utf8').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  // The examples end with a site's "back to top" line: not part of the story.
  const paragraphs = blocks.slice(1).filter((p) => p.split(/\s+/).length > 5);
  return { name, title: blocks[0]!, paragraphs };
}

const originals: Story[] = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readStory(join(EXAMPLES, f), f));
const templates: Story[] = ['raid-template.txt', 'airstrikes-template.txt'].map((f) => readStory(join(FIXTURES, f), f));

const TAIL = 'لمتابعة آخر المستجدات اشتركوا في قناتنا على تلغرام وصفحتنا على فيسبوك. جميع الحقوق محفوظة، ويمنع النقل من دون الإشارة إلى المصدر.';

/** The copies an outlet would publish of a story. */
function copies(s: Story): { kind: string; title: string; body: string }[] {
  const body = s.paragraphs.join('\n\n');
  // A paragraph from the middle, as an editor cutting for length would.
  const cut = s.paragraphs.filter((_, i) => i !== Math.floor(s.paragraphs.length / 2)).join('\n\n');
  const newTitle = `عاجل | ${s.title.split(/\s+/).slice(0, 5).join(' ')}`;
  return [
    { kind: 'new headline and dateline', title: newTitle, body: `(وكالات) – ${body}` },
    { kind: 'tail added', title: s.title, body: `${body}\n\n${TAIL}` },
    { kind: 'paragraph dropped', title: s.title, body: cut },
    { kind: 'all three', title: newTitle, body: `(وكالات) – ${cut}\n\n${TAIL}` },
  ];
}

const fp = (title: string, body: string): Fingerprint => fingerprint(storyText(`${title}\n\n${body}`, title))!;

/** Whether the ingest path calls two texts one story: a shared band key, then the threshold. */
function sameStory(a: Fingerprint, b: Fingerprint): boolean {
  const keys = new Set(bandKeys(a.signature));
  return bandKeys(b.signature).some((k) => keys.has(k)) && resemblance(a, b) >= NEAR_DUPLICATE_THRESHOLD;
}

describe('MinHash fingerprints', () => {
  const body = originals[0]!.paragraphs.join('\n\n');

  it('gives the same text the same signature and texts with little in common a low similarity', () => {
    expect(fingerprint(body)).toEqual(fingerprint(body));
    expect(similarity(fp('', body).signature, fp('', body).signature)).toBe(1);
    const other = originals[5]!.paragraphs.join('\n\n');
    expect(similarity(fp('', body).signature, fp('', other).signature)).toBeLessThan(0.1);
  });

  it('does not fingerprint a text too short to be a story', () => {
    expect(fingerprint('قسد تعتقل خمسة')).toBeNull();
    expect(fingerprint('')).toBeNull();
  });

  it('sees spelling variants between outlets as the same words', () => {
    const a = fp('', 'أعلنت القوات اعتقال خمسة أشخاص في بلدة الشحيل بريف دير الزور الشرقي خلال عملية أمنية فجر الخميس');
    const b = fp('', 'اعلنت القوات اعتقال خمسة اشخاص في بلدة الشحيل بريف دير الزور الشرقي خلال عملية امنية فجر الخميس');
    expect(similarity(a.signature, b.signature)).toBe(1);
  });

  it('counts a cut copy as contained in the whole (containment), not only by Jaccard', () => {
    const whole = fp('', body);
    const cut = fp('', originals[0]!.paragraphs.slice(0, 2).join('\n\n'));
    expect(similarity(whole.signature, cut.signature)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(resemblance(whole, cut)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it('stores a signature as bytes and reads it back, and refuses bytes of another size', () => {
    const sig = fp('', body).signature;
    expect(signatureFromBytes(signatureToBytes(sig))).toEqual(sig);
    expect(() => signatureFromBytes(new Uint8Array(12))).toThrow(/12 bytes/);
  });

  it('leaves out the title line when it is the title, since copies are re-headlined', () => {
    expect(storyText('عنوان\nنص الخبر', 'عنوان')).toBe('نص الخبر');
    expect(storyText('سطر أول\nنص الخبر', 'عنوان آخر')).toBe('سطر أول\nنص الخبر');
    expect(storyText('نص بلا عنوان', null)).toBe('نص بلا عنوان');
  });

  it('picks the most alike candidate above the threshold, or none', () => {
    const a = fp('', body);
    const candidates = [
      { id: 'other', fingerprint: fp('', originals[3]!.paragraphs.join('\n\n')) },
      { id: 'copy', fingerprint: fp('', `${body}\n\n${TAIL}`) },
    ];
    expect(bestMatch(a, candidates, NEAR_DUPLICATE_THRESHOLD)?.candidate.id).toBe('copy');
    expect(bestMatch(a, candidates.slice(0, 1), NEAR_DUPLICATE_THRESHOLD)).toBeNull();
  });
});

describe('near-duplicate stories on pairs built for the tests', () => {
  it(`finds copies and tells different stories apart with precision and recall ≥ 0.95 (threshold ${NEAR_DUPLICATE_THRESHOLD})`, () => {
    const positives: { name: string; kind: string; same: boolean }[] = [];
    for (const s of originals) {
      const original = fp(s.title, s.paragraphs.join('\n\n'));
      for (const c of copies(s)) positives.push({ name: s.name, kind: c.kind, same: sameStory(original, fp(c.title, c.body)) });
    }
    const stories = [...originals, ...templates];
    const prints = stories.map((s) => fp(s.title, s.paragraphs.join('\n\n')));
    const negatives: { pair: string; same: boolean }[] = [];
    for (let i = 0; i < stories.length; i++) {
      for (let j = i + 1; j < stories.length; j++) {
        negatives.push({ pair: `${stories[i]!.name} / ${stories[j]!.name}`, same: sameStory(prints[i]!, prints[j]!) });
      }
    }
    const tp = positives.filter((p) => p.same).length;
    const fp_ = negatives.filter((n) => n.same).length;
    const recall = tp / positives.length;
    const precision = tp / (tp + fp_);
    console.log(
      `near-duplicates (own pairs): threshold ${NEAR_DUPLICATE_THRESHOLD}, ${positives.length} copies, ${negatives.length} different pairs: ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(positives.filter((p) => !p.same)).toEqual([]);
    expect(negatives.filter((n) => n.same)).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('stores each copy as a document of one story when ingested, and the template stories apart', async () => {
    const dir = tempDir();
    const folder = join(dir, 'news');
    mkdirSync(folder);
    const expected = new Map<string, string>(); // file → story it belongs to
    for (const s of [...originals, ...templates]) {
      writeFileSync(join(folder, `${s.name}.0.txt`), `${s.title}\n\n${s.paragraphs.join('\n\n')}\n`);
      expected.set(`${s.name}.0.txt`, s.name);
    }
    for (const s of originals.slice(0, 4)) {
      copies(s).forEach((c, i) => {
        writeFileSync(join(folder, `${s.name}.${i + 1}.txt`), `${c.title}\n\n${c.body}\n`);
        expected.set(`${s.name}.${i + 1}.txt`, s.name);
      });
    }
    const store = openSqliteStore(join(dir, 'm.db'));
    try {
      const report = await ingest(store, [folder]);
      // The cleaner drops the added tail as boilerplate, so that copy is the same text: a repeat.
      expect(report.counts.stored + report.counts.repeats).toBe(expected.size);
      expect(report.counts.rejected).toBe(0);
      const storyOf = new Map<string, string>();
      for (const [file, name] of expected) {
        const row = store.db.prepare('SELECT document_id FROM document_sources WHERE origin LIKE ?').get(`%/${file}`) as { document_id: string };
        storyOf.set(file, (await store.story(row.document_id))!.id);
      }
      // Files of one story share a story id; files of different stories never do.
      for (const [a, sa] of expected) {
        for (const [b, sb] of expected) {
          if (a < b) expect(storyOf.get(a) === storyOf.get(b), `${a} / ${b}`).toBe(sa === sb);
        }
      }
    } finally {
      await store.close();
    }
  });
});
