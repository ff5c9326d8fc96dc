/**
 * The extraction worker of `src/services/extract-worker.ts`, made to die on chosen articles,
 * for the pool's crash tests. The real worker extracts every article; when the record it is
 * about to send back holds `CRASH-ALWAYS`, the thread dies instead (an uncaught error), every
 * time; one holding `CRASH-ONCE:<path>` kills it the first time only (the file at <path> is
 * made then, and remembers it across workers). Every other record is sent as the worker sends it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { TaskResult, WorkerReady } from '../../src/services/extract-protocol.js';

const port = parentPort!;
const post = port.postMessage.bind(port);

/** Set once the thread is dying: it answers nothing more (it would go on reading the articles queued in its port until the error is thrown). */
let dying = false;

/** Dies the way a bug in extraction kills a worker: an error nothing catches. */
function die(reason: string): void {
  dying = true;
  setImmediate(() => {
    throw new Error(reason);
  });
}

port.postMessage = (message: TaskResult | WorkerReady) => {
  if (dying) return;
  if (message.type === 'result' && message.ok) {
    const text = message.record.text;
    if (text.includes('CRASH-ALWAYS')) return die('simulated crash of the worker thread');
    const once = /CRASH-ONCE:(\S+)/.exec(text);
    if (once && !existsSync(once[1]!)) {
      writeFileSync(once[1]!, 'crashed');
      return die('simulated crash, once');
    }
  }
  post(message);
};

await import('../../src/services/extract-worker.js');
