/**
 * Prints the Duckling regression figures: `npm run duckling` (add `-- --details` for every
 * failure, `-- --json` for machine-readable figures). Reads ../shared/data/duckling-ar, or the
 * folder given as the first argument.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDucklingReport, runDuckling } from '../src/eval/duckling.js';
import { packageRoot } from '../src/lexicon/resources.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? resolve(packageRoot(), '..', 'shared', 'data', 'duckling-ar');
if (!existsSync(join(dir, 'numeral.jsonl'))) {
  console.error(`duckling-report: no Duckling corpus at ${dir} (expected numeral.jsonl, ordinal.jsonl, time.jsonl)`);
  process.exit(3);
}
const report = runDuckling(dir);
if (args.includes('--json')) {
  const strip = ({ failures: _f, ...rest }: { failures: unknown }) => rest;
  console.log(JSON.stringify({ numeral: strip(report.numeral), numeralEgyptian: strip(report.numeralEgyptian), ordinal: strip(report.ordinal), time: strip(report.time) }, null, 2));
} else console.log(formatDucklingReport(report, args.includes('--details')));
