/** What `ingest-child.ts` prints (as JSON) after one ingest, read by `bench` and `bench:scale`. */
export interface IngestChildFigures {
  /** Wall time of the ingest alone. */
  seconds: number;
  jobs: number;
  articles: number;
  stored: number;
  /** Whitespace-separated words in the stored texts. */
  words: number;
  /** The child process's peak resident set, in KB. */
  maxRssKb: number;
  /** Folding: the time writes spent on it, a refold of every event at once, and what it made. */
  fold: { onWriteSeconds: number; refoldSeconds: number; folds: number; several: number; events: number };
}
