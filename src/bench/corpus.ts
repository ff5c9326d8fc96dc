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

/**
 * A long article of exactly `chars` characters (issue 16, item 3), built deterministically: the
 * corpus's texts in order, separated by a blank line, repeated as often as needed, cut at `chars`.
 */
export function longArticle(texts: readonly string[], chars: number): string {
  if (texts.length === 0) throw new Error('longArticle: the corpus has no text');
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    length += t.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
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
