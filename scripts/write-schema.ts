/**
 * Writes schema/document.schema.json from the zod schema of the record (src/extract/record.ts).
 * A test fails when the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJsonSchema } from '../src/extract/record.js';
import { packageRoot } from '../src/lexicon/resources.js';

const path = join(packageRoot(), 'schema', 'document.schema.json');
writeFileSync(path, JSON.stringify(documentJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
