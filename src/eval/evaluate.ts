/**
 * Evaluation runs: extract each gold document's article (or read records made elsewhere) and
 * score them. Used by `marsad eval` and by the test suites that hold the accuracy targets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MarsadError } from '../errors.js';
import { extractArticle } from '../extract/document.js';
import type { DocumentRecord } from '../extract/record.js';
import { planInputs, readInputs } from '../ingest/read.js';
import { readGoldDir, type GoldDocument } from './gold.js';
import { scoreDocument, summarize, type DocumentScore, type Summary } from './score.js';

export interface Evaluation {
  summary: Summary;
  documents: DocumentScore[];
  records: DocumentRecord[];
}

/** Extracts the article of every gold document from `seedsDir`, with the gold's publication date. */
export async function extractForGold(gold: GoldDocument[], seedsDir: string): Promise<DocumentRecord[]> {
  const records: DocumentRecord[] = [];
  for (const g of gold) {
    const path = join(seedsDir, g.doc);
    if (!existsSync(path)) throw new MarsadError('input-not-found', path, `the article of gold document ${g.doc}`);
    const published = g.meta.published ?? undefined;
    for await (const item of readInputs(await planInputs([path]), published ? { published } : {})) {
      if (item.kind === 'failure') throw item.error;
      if (item.kind === 'article') records.push(extractArticle(item.article));
    }
  }
  return records;
}

/** Reads records from a JSON Lines file (as `marsad extract` prints them). */
export function readRecords(path: string): DocumentRecord[] {
  if (!existsSync(path)) throw new MarsadError('input-not-found', path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as DocumentRecord;
      } catch (error) {
        throw new MarsadError('input-format', `${path}:${i + 1}`, (error as Error).message);
      }
    });
}

/** Scores records against gold documents, pairing them by file name (`gold.doc` = basename of `source.path`). */
export function evaluateRecords(records: DocumentRecord[], gold: GoldDocument[]): Evaluation {
  const byName = new Map(records.map((r) => [r.source.path ? basename(r.source.path) : r.id, r]));
  const documents = gold.map((g) => {
    const record = byName.get(g.doc);
    if (!record) throw new MarsadError('not-found', g.doc, 'no record for this gold document');
    return scoreDocument(record, g);
  });
  return { summary: summarize(documents), documents, records };
}

/** Extracts and scores every gold document. */
export async function evaluateSeeds(goldDir: string, seedsDir: string): Promise<Evaluation> {
  const gold = readGoldDir(goldDir);
  return evaluateRecords(await extractForGold(gold, seedsDir), gold);
}
