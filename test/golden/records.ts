/**
 * The golden records of the bundled examples: what `marsad extract` makes of each, with the
 * pipeline stamp left out (it changes with every data edit, and is not behaviour).
 */
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/document.js';
import { planInputs, readInputs } from '../../src/ingest/read.js';
import { packageRoot } from '../../src/lexicon/resources.js';

/** File name of each golden record → the record without `pipeline` and with a relative path. */
export async function goldenRecords(): Promise<Map<string, unknown>> {
  const root = packageRoot();
  const out = new Map<string, unknown>();
  const plan = await planInputs([join(root, 'examples')]);
  for await (const item of readInputs(plan)) {
    if (item.kind !== 'article') continue;
    const record = extractArticle(item.article);
    const { pipeline: _pipeline, ...rest } = record;
    const relative = item.article.origin.slice(root.length + 1);
    const name = relative.replace(/^examples\//, '').replace(/[/:#[\]]+/g, '_') + '.json';
    out.set(name, { ...rest, source: { ...rest.source, path: relative.replace(/[:#[].*$/, '') } });
  }
  return out;
}
