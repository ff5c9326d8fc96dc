import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { DEFAULT_MODEL, loadNameTagger } from '../../src/ner/index.js';
import { readModelFile } from '../../src/ner/model.js';
import { scoreEntities } from '../../src/ner/seqeval.js';
import { confidenceOf, fitCalibration } from '../../src/ner/tagger.js';
import { packageRoot } from '../../src/lexicon/resources.js';
import { analyzeText } from '../../src/text/analyze.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const modelPath = join(packageRoot(), DEFAULT_MODEL);

describe('the shipped name tagger model', () => {
  const tagger = loadNameTagger();

  it('loads, with its id, licence and credits', () => {
    expect(tagger.id).toBe('ner-ar-v1');
    const file = readModelFile(modelPath);
    expect(String(file.provenance.licence)).toContain('CC BY-SA 4.0');
    expect(file.stages.length).toBeGreaterThanOrEqual(1);
    expect(loadNameTagger()).toBe(tagger); // loaded once per process
  });

  it('tags a person, a place and an organisation in pre-split tokens', () => {
    const tags = tagger.tagTokens(['واعلنت', 'منظمه', 'الصحه', 'العالميه', 'في', 'جنيف', 'ان', 'الرئيس', 'جورج', 'بوش', 'سيزور', 'بغداد']);
    expect(tags).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']);
  });

  it('tags none in a sentence without names', () => {
    expect(tagger.tagTokens(['وقال', 'انه', 'سيعود', 'غدا', 'الي', 'العمل', '.'])).toEqual(['O', 'O', 'O', 'O', 'O', 'O', 'O']);
  });

  it("tags Marsad's own tokens: spans quote the text, with token ranges, types and confidences", () => {
    const text = 'وقال الرئيسُ الأمريكيّ جورج بوش في بغداد أمس إن حلف شمال الأطلسي سيجتمع.\nوغادر بوش العراق.';
    const doc = analyzeText(text);
    const spans = tagger.tag(doc);
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([
      ['PER', 'جورج بوش'],
      ['LOC', 'بغداد'],
      ['ORG', 'حلف شمال الأطلسي'],
      ['PER', 'بوش'],
      ['LOC', 'العراق'],
    ]);
    for (const s of spans) {
      expect(doc.tokens.start(s.firstToken)).toBe(s.start);
      expect(doc.tokens.end(s.endToken - 1)).toBe(s.end);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same tags to the same words whether they come as CoNLL tokens or as text', () => {
    const tokens = ['وزار', 'وزير', 'الخارجيه', 'الفرنسي', 'دمشق', 'امس'];
    const fromTokens = tagger.tagTokens(tokens);
    const doc = analyzeText(tokens.join(' '));
    const fromText = new Array<string>(tokens.length).fill('O');
    for (const s of tagger.tag(doc)) {
      for (let i = s.firstToken; i < s.endToken; i++) fromText[i] = `${i === s.firstToken ? 'B' : 'I'}-${s.type === 'PER' ? 'PERS' : s.type}`;
    }
    expect(fromText).toEqual(fromTokens);
  });
});

describe('confidence', () => {
  it('maps a margin through the fitted logistic curve', () => {
    expect(confidenceOf(0, { slope: 1, intercept: 0 })).toBe(0.5);
    expect(confidenceOf(10, { slope: 1, intercept: 0 })).toBeGreaterThan(0.99);
    expect(confidenceOf(-10, { slope: 1, intercept: 0 })).toBeLessThan(0.01);
  });

  it('is fitted so that wider margins mean surer names', () => {
    const points = [
      ...Array.from({ length: 40 }, (_, i) => ({ margin: 5 + (i % 10), correct: i % 10 !== 0 })),
      ...Array.from({ length: 40 }, (_, i) => ({ margin: i % 4, correct: i % 4 === 3 })),
    ];
    const c = fitCalibration(points);
    expect(c.slope).toBeGreaterThan(0);
    expect(confidenceOf(12, c)).toBeGreaterThan(confidenceOf(1, c));
  });
});

describe('model files', () => {
  it('a missing or damaged model is a configuration error naming the file', () => {
    const dir = tempDir();
    expect(() => loadNameTagger(join(dir, 'none.json.gz'))).toThrow(MarsadError);
    const damaged = join(dir, 'damaged.json.gz');
    writeFileSync(damaged, gzipSync('{"format": "marsad-ner"}'));
    expect(() => loadNameTagger(damaged)).toThrow(/damaged\.json\.gz: invalid configuration or language data: not a usable name tagger model/);
  });
});

describe('marsad ner-eval', () => {
  const conll = [
    'وقال O',
    'الرئيس O',
    'جورج B-PERS',
    'بوش I-PERS',
    'في O',
    'بغداد B-LOC',
    '',
    'ووصل O',
    'الوفد O',
    'الي O',
    'دمشق B-LOC',
  ].join('\n');

  it('prints P, R and F1 per type and overall, and writes token, gold and predicted per line', async () => {
    const dir = tempDir();
    const file = join(dir, 'small.txt');
    const pred = join(dir, 'pred.tsv');
    writeFileSync(file, conll);
    const r = await cli(['ner-eval', '--conll', file, '--out', pred]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 sentences, 10 tokens; model ner-ar-v1');
    expect(r.stdout).toMatch(/PERS\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d\s+1\s+\d+/);
    expect(r.stdout).toMatch(/overall\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d\s+3\s+\d+/);
    expect(r.stdout).toMatch(/[\d,]+ tokens\/s tagging/);

    // The prediction file: one line per token, a blank line between sentences; rescoring it
    // gives the F1 the command printed.
    const lines = readFileSync(pred, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^وقال\tO\t(O|[BI]-\w+)$/);
    expect(lines[6]).toBe('');
    const sentences = readFileSync(pred, 'utf8').trim().split('\n\n').map((s) => s.split('\n').map((l) => l.split('\t')));
    const rescored = scoreEntities(
      sentences.map((s) => s.map((f) => f[1]!)),
      sentences.map((s) => s.map((f) => f[2]!)),
    );
    expect(r.stdout).toContain(`entity-level micro-F1 ${(100 * rescored.overall.f1).toFixed(2)}`);
    expect(sentences.map((s) => s.map((f) => f[1]))).toEqual([
      ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC'],
      ['O', 'O', 'O', 'B-LOC'],
    ]);
  });

  it('--json prints the same figures as JSON', async () => {
    const dir = tempDir();
    const file = join(dir, 'small.txt');
    writeFileSync(file, conll);
    const r = await cli(['ner-eval', '--conll', file, '--json']);
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.stdout);
    expect(figures).toMatchObject({ sentences: 2, tokens: 10, model: 'ner-ar-v1' });
    expect(figures.overall.support).toBe(3);
    expect(Object.keys(figures.types)).toEqual(expect.arrayContaining(['LOC', 'PERS']));
  });

  it('answers PER to a file that calls persons PER', async () => {
    const dir = tempDir();
    const file = join(dir, 'per.txt');
    const pred = join(dir, 'pred.tsv');
    writeFileSync(file, conll.replace(/PERS/g, 'PER'));
    const r = await cli(['ner-eval', '--conll', file, '--out', pred]);
    expect(r.code).toBe(0);
    const predicted = readFileSync(pred, 'utf8').split('\n').map((l) => l.split('\t')[2]);
    expect(predicted).toContain('B-PER');
    expect(predicted).not.toContain('B-PERS');
  });

  it('names the line of a malformed file (exit 3), and a missing file', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.txt');
    writeFileSync(file, 'حلب B-LOC\nدمشق\n');
    const bad = await cli(['ner-eval', '--conll', file]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`${file}:2: the input is malformed: expected "token TAG", found "دمشق"`);
    const missing = await cli(['ner-eval', '--conll', join(dir, 'none.txt')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no such file or directory');
  });

  it('an output file that cannot be written is an error naming it (exit 2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'small.txt');
    writeFileSync(file, conll);
    const r = await cli(['ner-eval', '--conll', file, '--out', join(dir, 'no', 'such', 'dir', 'pred.tsv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the output file could not be written');
  });
});
