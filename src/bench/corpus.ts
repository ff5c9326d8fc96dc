/**
 * The benchmark corpus: ../shared/data/arabic-news-ant-v1 when it is there (the figures the
 * issues ask for), else the bundled examples (so that `npm run bench` runs anywhere).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareArticle } from '../extract/document.js';
import { planInputs, readInputs } from '../ingest/read.js';
import { packageRoot } from '../lexicon/resources.js';

export interface BenchCorpus {
  readonly name: string;
  readonly paths: string[];
  /** The cleaned texts of its articles. */
  readonly texts: string[];
}

export async function loadCorpus(): Promise<BenchCorpus> {
  const ant = resolve(packageRoot(), '..', 'shared', 'data', 'arabic-news-ant-v1');
  const useAnt = existsSync(ant);
  const paths = useAnt ? [ant] : [join(packageRoot(), 'examples')];
  const texts: string[] = [];
  for await (const item of readInputs(await planInputs(paths))) {
    if (item.kind !== 'article') continue;
    try {
      texts.push(prepareArticle(item.article).text);
    } catch {
      // empty articles are not part of the measured text
    }
  }
  return { name: useAnt ? 'ANT v1 (../shared/data/arabic-news-ant-v1)' : 'bundled examples (../shared not found)', paths, texts };
}
