/**
 * The messages between {@link ExtractionPool} and its worker threads (`extract-worker.ts`), and
 * how an error crosses between them: a {@link MarsadError} arrives as the same code, subject and
 * detail (so the same message); any other error as its message and stack.
 */
import { ERRORS, MarsadError, isMarsadError, type ErrorCode } from '../errors.js';
import type { PreparedArticle } from '../extract/document.js';
import type { DocumentRecord } from '../extract/record.js';
import type { Fingerprint } from '../text/minhash.js';
import type { PipelineStamp } from '../version.js';

/** One article to extract. */
export interface ExtractTask {
  readonly id: number;
  readonly article: PreparedArticle;
  readonly stamp: PipelineStamp;
}

/** Posted once by a worker when its language data and model are loaded. */
export interface WorkerReady {
  readonly type: 'ready';
  /** From the worker's first line to ready: module loading, language data, model, a warm-up article. */
  readonly startupMs: number;
  /** The worker's V8 heap in use once loaded. */
  readonly heapUsedBytes: number;
  /** What loading the language data and model added to that heap. */
  readonly loadedHeapBytes: number;
}

export type SerializedError =
  | { readonly kind: 'marsad'; readonly code: ErrorCode; readonly subject?: string; readonly detail?: string }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string };

export type TaskResult =
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly record: DocumentRecord; readonly fingerprint: Fingerprint | null }
  | { readonly type: 'result'; readonly id: number; readonly ok: false; readonly error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (isMarsadError(error)) {
    return {
      kind: 'marsad',
      code: error.code,
      ...(error.subject !== undefined ? { subject: error.subject } : {}),
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
    };
  }
  const e = error as Error | undefined;
  return { kind: 'error', message: e?.message ?? String(error), ...(e?.stack ? { stack: e.stack } : {}) };
}

/** The error a worker reported, as the in-process path would have thrown it. */
export function deserializeError(error: SerializedError): Error {
  if (error.kind === 'marsad' && error.code in ERRORS) return new MarsadError(error.code, error.subject, error.detail);
  if (error.kind === 'marsad') return new Error(`unknown error code ${error.code}`);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}
