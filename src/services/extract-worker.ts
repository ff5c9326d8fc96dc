/**
 * An extraction worker thread of {@link ExtractionPool} (`marsad ingest --jobs N`).
 *
 * It loads the language data and the name tagger's model once, at start, then answers each
 * task (a prepared article) with its record and its near-duplicate fingerprint: the pure part of
 * ingest, the very code `--jobs 1` runs in the main thread. It never touches the store.
 *
 * Messages: the pool sends {@link ExtractTask}; the worker posts one {@link WorkerReady} when
 * loaded, then one {@link TaskResult} per task, in the order the tasks came.
 */
import { parentPort } from 'node:worker_threads';
import { extractPrepared } from '../extract/document.js';
import { loadEntityResources } from '../extract/entities/index.js';
import { loadNameTagger } from '../ner/index.js';
import { fingerprint, storyText } from '../text/minhash.js';
import { serializeError, type ExtractTask, type TaskResult, type WorkerReady } from './extract-protocol.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs in a worker thread of ExtractionPool, not on its own');

const started = performance.now();
const heapBefore = process.memoryUsage().heapUsed;
// Load what every article needs now, once per worker. A failure here is not reported: the
// same error is thrown again by the first extraction and reported for that article, exactly
// as the in-process path (`--jobs 1`) reports it.
try {
  loadEntityResources();
  loadNameTagger();
  // One short article loads the rest (date and figure rules, the event lexicon).
  extractPrepared({ id: 'warm-up', origin: 'warm-up', source: {}, title: null, text: 'قالت قوات سوريا الديمقراطية أمس إن 3 عناصر من داعش قتلوا في دير الزور.', published: null, messages: [] });
} catch {
  // reported per article, see above
}
const ready: WorkerReady = {
  type: 'ready',
  startupMs: performance.now() - started,
  heapUsedBytes: process.memoryUsage().heapUsed,
  loadedHeapBytes: process.memoryUsage().heapUsed - heapBefore,
};
port.postMessage(ready);

port.on('message', (task: ExtractTask) => {
  let result: TaskResult;
  try {
    const record = extractPrepared(task.article, { stamp: task.stamp });
    result = { type: 'result', id: task.id, ok: true, record, fingerprint: fingerprint(storyText(record.text, record.title)) };
  } catch (error) {
    result = { type: 'result', id: task.id, ok: false, error: serializeError(error) };
  }
  try {
    port.postMessage(result);
  } catch (error) {
    // A record that cannot be copied to the main thread (it never holds functions or symbols):
    // the article is reported with the reason, not lost.
    port.postMessage({ type: 'result', id: task.id, ok: false, error: serializeError(error) } satisfies TaskResult);
  }
});
