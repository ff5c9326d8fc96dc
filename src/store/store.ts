/**
 * The storage interface. Every command and the server reach storage only through it; SQLite
 * (the embedded default) implements it, and a PostgreSQL implementation must pass the same
 * contract tests (`test/store/contract.ts`) unchanged. Methods are asynchronous so that a
 * networked database can implement them.
 */
import type { DocumentRecord } from '../extract/record.js';
import type { QueryGroups } from '../text/search-terms.js';

/** A place an article's text was read from. One document may have several (repeats). */
export interface SourceRef {
  /** The file or item the text came from ("news/a.txt", "feed.jsonl:12", "<stdin>"). */
  readonly origin: string;
  readonly url?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
}

/** What the store knows of a document before extraction: enough to skip or re-extract it. */
export interface DocumentState {
  /** The pipeline stamp key (version.ts `stampKey`) of the stored record. */
  readonly pipeline: string;
}

export type SaveOutcome = 'stored' | 'updated';

/** Counts of one ingest run. Every article read lands in exactly one of the first five. */
export interface RunCounts {
  /** New documents. */
  stored: number;
  /** Documents stored before by an older pipeline, extracted again. */
  updated: number;
  /** The same text from the same source, already stored: nothing new. */
  unchanged: number;
  /** The text of a document already stored, from another source (recorded as a source of it). */
  repeats: number;
  /** Articles that could not be read or had no text (each one in the failures table). */
  rejected: number;
  /** Files that are not articles (README.md, LICENSE): listed, not counted as articles. */
  skipped: number;
}

export interface RunInfo {
  readonly command: string;
  readonly inputs: readonly string[];
  readonly pipeline: string;
}

export interface IngestRun extends RunCounts {
  readonly id: number;
  readonly command: string;
  readonly inputs: string[];
  readonly pipeline: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'running' | 'completed' | 'failed';
}

export interface Failure {
  readonly runId: number;
  readonly origin: string;
  readonly code: string;
  readonly message: string;
}

export interface SearchRequest {
  /** One group per query word; a document matches a group by any of its terms or synonyms. */
  readonly groups: QueryGroups;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchRow {
  readonly id: string;
  readonly title: string | null;
  readonly source: DocumentRecord['source'];
  readonly published: string | null;
  readonly text: string;
  /** Higher is better. */
  readonly score: number;
  /** Whether every query word matched, synonyms allowed (such rows come before partial ones). */
  readonly complete: boolean;
  /** Whether every query word matched as typed (such rows come first). */
  readonly exact: boolean;
}

export interface SearchResult {
  /** Documents matching at least one query word. */
  readonly total: number;
  readonly rows: readonly SearchRow[];
}

export interface StoreStats {
  documents: number;
  entities: number;
  mentions: number;
  dates: number;
  quantities: number;
  events: number;
  messages: number;
  sources: number;
  runs: number;
  failures: number;
  outlets: { outlet: string | null; documents: number }[];
  published: { first: string | null; last: string | null };
  lastRun: IngestRun | null;
}

export interface Store {
  /** "sqlite", "postgres". */
  readonly kind: string;
  /** Where it is: a file path or a connection string without its password. */
  readonly location: string;

  /** The stored state of a document, or null if it is not stored. */
  documentState(id: string): Promise<DocumentState | null>;
  /**
   * Stores a record with its first source, or replaces the stored record of the same id
   * (keeping its sources). Atomic: a record is stored whole or not at all.
   */
  saveDocument(record: DocumentRecord, source: SourceRef, runId: number | null): Promise<SaveOutcome>;
  /** Adds a source to a stored document; false if it was already known. */
  addSource(id: string, source: SourceRef, runId: number | null): Promise<boolean>;
  /** The sources of a document, first seen first. */
  sources(id: string): Promise<SourceRef[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  search(request: SearchRequest): Promise<SearchResult>;
  stats(): Promise<StoreStats>;

  beginRun(info: RunInfo): Promise<number>;
  recordFailure(runId: number, failure: Omit<Failure, 'runId'>): Promise<void>;
  finishRun(runId: number, counts: RunCounts, status: 'completed' | 'failed'): Promise<void>;
  runs(limit: number): Promise<IngestRun[]>;
  failures(runId: number): Promise<Failure[]>;

  close(): Promise<void>;
}
