/**
 * Writes the golden records of the bundled examples to test/golden/examples/, one JSON file per
 * article. When extraction changes on purpose, run `npm run golden` and review the diff: it
 * shows exactly what the change did to every record. `test/golden/golden.test.ts` compares.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenRecords } from '../test/golden/records.js';
import { packageRoot } from '../src/lexicon/resources.js';

const dir = join(packageRoot(), 'test', 'golden', 'examples');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.json')) rmSync(join(dir, f));
const records = await goldenRecords();
for (const [name, record] of records) writeFileSync(join(dir, name), JSON.stringify(record, null, 2) + '\n');
console.log(`wrote ${records.size} golden records to ${dir}`);
