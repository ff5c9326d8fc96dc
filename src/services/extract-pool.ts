/**
 * A pool of extraction worker threads for `marsad ingest --jobs N` (issue 14, item 1).
 *
 * The main thread reads, prepares and stores; each worker (`extract-worker.ts`) loads the
 * language data and the name tagger's model once and turns prepared articles into records.
 * A worker holds at most `perWorker` tasks at a time (one running, the others already queued
 * in its port, so that it does not wait on the main thread while that one writes); the rest
 * wait in the pool's queue, and the caller bounds what it submits.
 *
 * A worker that dies (an uncaught error, out of memory, `process.exit`) loses nothing: every
 * task it held is run again once, alone on a fresh worker, so an article that crashes a worker
 * twice is the one that did it; that article's promise rejects with an error that says so, and
 * the pool goes on with a new worker. Workers that die before they are loaded (a broken
 * install) three times in a row fail every task with the reason.
 */
import { Worker } from 'node:worker_threads';
import type { PreparedArticle } from '../extract/document.js';
import type { DocumentRecord } from '../extract/record.js';
import type { Fingerprint } from '../text/minhash.js';
import type { PipelineStamp } from '../version.js';
import { deserializeError, type ExtractTask, type TaskResult, type WorkerReady } from './extract-protocol.js';

/** What a worker returns for an article: its record and its near-duplicate fingerprint. */
export interface Extracted {
  readonly record: DocumentRecord;
  readonly fingerprint: Fingerprint | null;
}

export interface PoolOptions {
  /** How many worker threads (at least 1). */
  readonly size: number;
  /** Tasks a worker holds at once (default 2). */
  readonly perWorker?: number;
  /** The worker's module (default: `extract-worker.js` beside this module; `.ts` under the tests). */
  readonly module?: URL;
}

/** How long a worker took to load, and its heap once loaded. */
export interface WorkerStartup {
  readonly startupMs: number;
  readonly heapUsedBytes: number;
  readonly loadedHeapBytes: number;
}

interface Task {
  readonly id: number;
  readonly article: PreparedArticle;
  readonly stamp: PipelineStamp;
  readonly resolve: (value: Extracted) => void;
  readonly reject: (error: Error) => void;
  /** 1 once a worker died holding it: it then runs alone. */
  attempt: number;
}

interface Slot {
  readonly worker: Worker;
  readonly tasks: Map<number, Task>;
  ready: boolean;
  /** Runs a retried task alone: nothing else is given to it meanwhile. */
  isolated: boolean;
  /** The error the worker died of, when it did. */
  error?: Error;
}

/** Consecutive workers that died before loading, after which the pool gives up. */
const MAX_START_FAILURES = 3;

/**
 * The worker's module and how to start it: compiled JavaScript beside this module in the
 * product (`dist/services/extract-worker.js`); under the tests this module is TypeScript, and
 * the worker is started through tsx's loader (a devDependency), registered in the worker
 * before the module is imported (`--import tsx` in a worker's execArgv does not take on Node 20).
 */
function startWorker(module: URL): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true });
}

function defaultModule(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js', here);
}

export class ExtractionPool {
  readonly size: number;
  private readonly perWorker: number;
  private readonly module: URL;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private broken: Error | null = null;
  /** Every worker that finished loading, in the order they did. */
  readonly startups: WorkerStartup[] = [];
  /** Workers that died while running. */
  crashes = 0;

  constructor(options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a whole number of at least 1, not ${options.size}`);
    this.size = options.size;
    this.perWorker = Math.max(1, options.perWorker ?? 2);
    this.module = options.module ?? defaultModule();
  }

  /** Articles given and not yet answered: queued, or held by a worker. */
  get outstanding(): number {
    let n = this.queue.length;
    for (const slot of this.slots) n += slot.tasks.size;
    return n;
  }

  /** Extracts one prepared article on a worker. Workers start with the first call. */
  extract(article: PreparedArticle, stamp: PipelineStamp): Promise<Extracted> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, article, stamp, resolve, reject, attempt: 0 });
      this.dispatch();
    });
  }

  /**
   * Starts every worker now and resolves once all have loaded (or died trying). For
   * measurements: `extract` starts them anyway.
   */
  async start(): Promise<WorkerStartup[]> {
    while (this.slots.size < this.size) this.spawn();
    await Promise.all(
      [...this.slots].map((slot) => (slot.ready ? undefined : new Promise<void>((resolve) => {
        slot.worker.once('message', () => resolve());
        slot.worker.once('exit', () => resolve());
      }))),
    );
    return [...this.startups];
  }

  /** Stops every worker; tasks not finished reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new Error('the extraction pool was closed before the article was extracted');
    for (const task of this.queue.splice(0)) task.reject(error);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) for (const task of slot.tasks.values()) task.reject(error);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = startWorker(this.module);
    const slot: Slot = { worker, tasks: new Map(), ready: false, isolated: false };
    this.slots.add(slot);
    worker.on('message', (message: WorkerReady | TaskResult) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      slot.error = error;
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerReady | TaskResult): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.startups.push({ startupMs: message.startupMs, heapUsedBytes: message.heapUsedBytes, loadedHeapBytes: message.loadedHeapBytes });
      return;
    }
    const task = slot.tasks.get(message.id);
    if (!task) return;
    slot.tasks.delete(message.id);
    if (slot.tasks.size === 0) slot.isolated = false;
    if (message.ok) task.resolve({ record: message.record, fingerprint: message.fingerprint });
    else task.reject(deserializeError(message.error));
    this.dispatch();
  }

  private onExit(slot: Slot, code: number): void {
    if (!this.slots.delete(slot) || this.closed) return;
    const reason = slot.error
      ? `${slot.error.name === 'Error' ? '' : `${slot.error.name}: `}${slot.error.message}`
      : `it exited with code ${code}`;
    const held = [...slot.tasks.values()];
    // A result it posted before dying may still arrive: its task is in the queue again now.
    slot.tasks.clear();
    if (!slot.ready) {
      // It died loading, before reading any task: the tasks it held are not to blame.
      this.startFailures++;
      if (this.startFailures >= MAX_START_FAILURES) {
        this.broken = new Error(`the extraction workers could not start (${MAX_START_FAILURES} in a row): ${reason}`);
        for (const task of [...held, ...this.queue.splice(0)]) task.reject(this.broken);
        for (const other of this.slots) {
          for (const task of other.tasks.values()) task.reject(this.broken);
          other.tasks.clear();
          void other.worker.terminate();
        }
        this.slots.clear();
        return;
      }
      this.queue.unshift(...held);
    } else {
      this.crashes++;
      const again: Task[] = [];
      for (const task of held) {
        if (task.attempt === 0) {
          task.attempt = 1;
          again.push(task);
        } else {
          task.reject(new Error(`its extraction stopped the worker thread twice (${reason}); the other articles went on`));
        }
      }
      // Retried first, in the order they came.
      this.queue.unshift(...again);
    }
    this.dispatch();
  }

  /** Gives queued tasks to workers with room, starting workers up to the pool's size. */
  private dispatch(): void {
    if (this.closed || this.broken) return;
    while (this.queue.length > 0) {
      const task = this.queue[0]!;
      const slot = this.slotFor(task);
      if (!slot) break;
      this.queue.shift();
      slot.tasks.set(task.id, task);
      if (task.attempt > 0) slot.isolated = true;
      const message: ExtractTask = { id: task.id, article: task.article, stamp: task.stamp };
      slot.worker.postMessage(message);
    }
  }

  private slotFor(task: Task): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.isolated) continue;
      if (task.attempt > 0 ? slot.tasks.size > 0 : slot.tasks.size >= this.perWorker) continue;
      if (!best || slot.tasks.size < best.tasks.size) best = slot;
    }
    if (best && (best.tasks.size === 0 || this.slots.size >= this.size)) return best;
    if (this.slots.size < this.size) return this.spawn();
    return best;
  }
}
