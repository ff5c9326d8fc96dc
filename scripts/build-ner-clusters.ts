/**
 * `npm run build:ner-clusters`: learns what the name tagger knows of words from unlabeled
 * text, the 8.3M words of Arabic Wikipedia in ../shared/data/arabic-unlabeled-arwiki-cwc
 * (CC BY-SA 4.0), and writes two files:
 * - models/arwiki-clusters-v1.tsv.gz: hierarchical word clusters (scripts/ner/word-clusters.ts);
 * - models/arwiki-neighbours-v1.tsv.gz: for each word, the two words that most typically stand
 *   before it and after it ("نادي" before "سلتيك"), ranked by count × pointwise mutual
 *   information among bigrams seen at least twice.
 *
 * The text goes through Marsad's own normaliser and tokenizer, so the clustered forms are the
 * forms the tagger sees. Words seen fewer than MIN_COUNT times share one "rare word" id and
 * every number shares one id: they give context to their neighbours but get no cluster.
 * Clusters, one word a line, grouped by cluster: `bits<TAB>word<TAB>count`. Neighbours:
 * `word<TAB>before words<TAB>after words`. Deterministic: the same corpus gives the same files.
 * Takes a few minutes on one core.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { packageRoot } from '../src/lexicon/resources.js';
import { normalize } from '../src/text/normalize.js';
import { TokenKind, tokenize } from '../src/text/tokenize.js';
import { countBigrams, exchangeClusters } from './ner/word-clusters.js';

const SOURCE = join(packageRoot(), '..', 'shared', 'data', 'arabic-unlabeled-arwiki-cwc', 'arwiki-20170120-ar.paragraphs.txt.gz');
const CLUSTER_FILE = join(packageRoot(), 'models', 'arwiki-clusters-v1.tsv.gz');
const NEIGHBOUR_FILE = join(packageRoot(), 'models', 'arwiki-neighbours-v1.tsv.gz');
/** Words rarer than this have too few contexts to be placed well. */
const MIN_COUNT = 3;
/** A typical neighbour is a word seen at least this often (rarer ones say little). */
const MIN_NEIGHBOUR_COUNT = 20;
/** Typical neighbours kept on each side. */
const NEIGHBOURS = 2;
/** 2^10 = 1,024 classes at the finest level, as in the usual Brown cluster setups for NER. */
const DEPTH = 10;

const BOUNDARY = '<s>';
const RARE = '<rare>';
const NUMBER = '<num>';

async function main(): Promise<void> {
  const t0 = Date.now();
  const lines = createInterface({ input: createReadStream(SOURCE).pipe(createGunzip()), crlfDelay: Infinity });
  const ids = new Map<string, number>();
  const forms: string[] = [];
  const counts: number[] = [];
  let sequence = new Int32Array(1 << 20);
  let length = 0;
  const push = (form: string) => {
    let id = ids.get(form);
    if (id === undefined) {
      id = forms.length;
      ids.set(form, id);
      forms.push(form);
      counts.push(0);
    }
    counts[id]!++;
    if (length === sequence.length) {
      const bigger = new Int32Array(sequence.length * 2);
      bigger.set(sequence);
      sequence = bigger;
    }
    sequence[length++] = id;
  };
  // Each paragraph is framed by a boundary token, so no bigram crosses paragraphs.
  push(BOUNDARY);
  for await (const line of lines) {
    if (!line.trim()) continue;
    const tokens = tokenize(normalize(line));
    for (let i = 0; i < tokens.count; i++) push(tokens.kind(i) === TokenKind.Number ? NUMBER : tokens.norm(i));
    push(BOUNDARY);
  }
  console.log(`read ${length.toLocaleString('en-US')} tokens, ${forms.length.toLocaleString('en-US')} forms (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // Ids for clustering: frequent forms keep their own, the rest share RARE.
  const kept: number[] = [];
  const remap = new Int32Array(forms.length);
  const rareId = 0;
  kept.push(-1); // slot 0 is RARE
  for (let id = 0; id < forms.length; id++) {
    if (counts[id]! >= MIN_COUNT || forms[id] === BOUNDARY || forms[id] === NUMBER) {
      remap[id] = kept.length;
      kept.push(id);
    } else remap[id] = rareId;
  }
  const clusteringSequence = new Int32Array(length);
  for (let i = 0; i < length; i++) clusteringSequence[i] = remap[sequence[i]!]!;
  console.log(`clustering ${kept.length - 1} forms seen at least ${MIN_COUNT} times into ${1 << DEPTH} classes`);

  const classes = exchangeClusters(
    { sequence: clusteringSequence, vocabSize: kept.length },
    {
      depth: DEPTH,
      iterations: 15,
      fullSearchDepth: 6,
      span: 4,
      minMoveShare: 0.002,
      onPass: (level, pass, moves, objective) =>
        console.log(`  level ${level} pass ${pass}: ${moves} moves, objective ${objective.toFixed(0)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`),
    },
  );

  const rows: Array<{ bits: string; form: string; count: number }> = [];
  for (let k = 1; k < kept.length; k++) {
    const form = forms[kept[k]!]!;
    if (form === BOUNDARY || form === NUMBER || form === RARE) continue;
    rows.push({ bits: classes[k]!.toString(2).padStart(DEPTH, '0'), form, count: counts[kept[k]!]! });
  }
  rows.sort((a, b) => (a.bits < b.bits ? -1 : a.bits > b.bits ? 1 : b.count - a.count || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0)));
  const text = rows.map((r) => `${r.bits}\t${r.form}\t${r.count}`).join('\n') + '\n';
  mkdirSync(join(packageRoot(), 'models'), { recursive: true });
  // mtime 0 in the gzip header keeps the file byte-identical from run to run.
  writeFileSync(CLUSTER_FILE, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  console.log(`wrote ${rows.length} words to ${CLUSTER_FILE} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  // Typical neighbours, over the same ids (rare words are one id and never a neighbour).
  const bigrams = countBigrams({ sequence: clusteringSequence, vocabSize: kept.length });
  const countOf = (k: number) => (k === rareId ? 0 : counts[kept[k]!]!);
  const isWord = (k: number) => k !== rareId && /\p{L}/u.test(forms[kept[k]!]!) && forms[kept[k]!] !== BOUNDARY && forms[kept[k]!] !== NUMBER;
  const top = (w: number, ids: Int32Array, n: Float64Array, from: number, to: number): string[] => {
    const scored: Array<{ k: number; score: number }> = [];
    for (let j = from; j < to; j++) {
      const v = ids[j]!;
      if (n[j]! < 2 || !isWord(v) || countOf(v) < MIN_NEIGHBOUR_COUNT) continue;
      const pmi = Math.log((n[j]! * length) / (countOf(v) * countOf(w)));
      if (pmi > 0) scored.push({ k: v, score: n[j]! * pmi });
    }
    scored.sort((a, b) => b.score - a.score || a.k - b.k);
    return scored.slice(0, NEIGHBOURS).map((x) => forms[kept[x.k]!]!);
  };
  const neighbourLines: string[] = [];
  for (let k = 1; k < kept.length; k++) {
    if (!isWord(k)) continue;
    const before = top(k, bigrams.pred, bigrams.predCount, bigrams.predStart[k]!, bigrams.predStart[k + 1]!);
    const after = top(k, bigrams.succ, bigrams.succCount, bigrams.succStart[k]!, bigrams.succStart[k + 1]!);
    if (before.length || after.length) neighbourLines.push(`${forms[kept[k]!]}\t${before.join(' ')}\t${after.join(' ')}`);
  }
  neighbourLines.sort();
  writeFileSync(NEIGHBOUR_FILE, gzipSync(Buffer.from(neighbourLines.join('\n') + '\n', 'utf8'), { level: 9 }));
  console.log(`wrote ${neighbourLines.length} words to ${NEIGHBOUR_FILE} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

await main();
