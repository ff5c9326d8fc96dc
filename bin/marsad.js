#!/usr/bin/env node
// The `marsad` command. The TypeScript sources are compiled to dist/ by `npm install`
// (the "prepare" script) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('marsad: not built yet: run `npm install` (or `npm run build`) in the Marsad folder first\n');
  process.exit(1);
}
// A reader that stops early (`marsad extract … | head`) closes the pipe: end quietly, as other
// command-line tools do, instead of crashing on the write that found it closed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
