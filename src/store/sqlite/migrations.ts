/**
 * Versioned migrations of the SQLite store. Append only: a migration that has shipped is never
 * edited; a change is a new migration. `schema_migrations` records which have run.
 */
import type Database from 'better-sqlite3';
import { refoldAll } from './folds.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Work SQL cannot do, run after `sql` in the same transaction. */
  readonly run?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, extractions, runs and search',
    sql: `
CREATE TABLE ingest_runs (
  id            INTEGER PRIMARY KEY,
  command       TEXT NOT NULL,
  inputs        TEXT NOT NULL,            -- JSON array of the paths given
  pipeline      TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  stored        INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  repeats       INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE failures (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
  origin        TEXT NOT NULL,
  code          TEXT NOT NULL,
  message       TEXT NOT NULL
);
CREATE INDEX failures_run ON failures(run_id);

-- One row per distinct cleaned text. The rowid is the full-text index's key.
CREATE TABLE documents (
  id            TEXT NOT NULL UNIQUE,
  title         TEXT,
  published     TEXT,
  outlet        TEXT,
  url           TEXT,
  path          TEXT,
  text          TEXT NOT NULL,
  record        TEXT NOT NULL,            -- the whole DocumentRecord as JSON
  pipeline      TEXT NOT NULL,            -- stamp key of the pipeline that made the record
  created_run   INTEGER REFERENCES ingest_runs(id) ON DELETE SET NULL,
  updated_run   INTEGER REFERENCES ingest_runs(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE document_sources (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  origin        TEXT NOT NULL,
  url           TEXT,
  outlet        TEXT,
  published     TEXT,
  run_id        INTEGER REFERENCES ingest_runs(id) ON DELETE SET NULL,
  PRIMARY KEY (document_id, origin)
);

CREATE TABLE entities (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  entity_id     TEXT NOT NULL,
  type          TEXT NOT NULL,
  subtype       TEXT,
  name_ar       TEXT NOT NULL,
  name_en       TEXT,
  country       TEXT,
  lat           REAL,
  lon           REAL,
  geo_precision TEXT,
  pcode         TEXT,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX entities_entity ON entities(entity_id);

CREATE TABLE mentions (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_idx    INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  text          TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id, entity_idx);

CREATE TABLE dates (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  value         TEXT,
  precision     TEXT,
  relative      INTEGER NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE quantities (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  value         REAL,
  low           REAL,
  high          REAL,
  qualifier     TEXT,
  unit          TEXT,
  counted       TEXT,
  category      TEXT NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX quantities_category ON quantities(category);

CREATE TABLE events (
  document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  event_id        TEXT NOT NULL,
  type            TEXT NOT NULL,
  mode            TEXT,
  place           TEXT,
  date_value      TEXT,
  date_precision  TEXT,
  modality        TEXT NOT NULL,
  topics          TEXT NOT NULL,          -- JSON array
  contexts        TEXT NOT NULL,          -- JSON array
  quantities      TEXT NOT NULL,          -- JSON array of indices into quantities
  sentence_start  INTEGER NOT NULL,
  sentence_end    INTEGER NOT NULL,
  trigger_start   INTEGER NOT NULL,
  trigger_end     INTEGER NOT NULL,
  trigger_text    TEXT NOT NULL,
  content_start   INTEGER,
  content_end     INTEGER,
  confidence      REAL NOT NULL,
  rule            TEXT NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_value);

CREATE TABLE event_arguments (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     INTEGER NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  position      INTEGER NOT NULL,
  entity_id     TEXT NOT NULL,
  PRIMARY KEY (document_id, event_idx, role, position)
);
CREATE INDEX event_arguments_entity ON event_arguments(entity_id, role);

CREATE TABLE messages (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  code          TEXT NOT NULL,
  message       TEXT NOT NULL,
  start         INTEGER,
  end           INTEGER,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX messages_code ON messages(code);

-- Index terms are made by Marsad's text layer (normalised, clitic readings, light stems);
-- SQLite's tokenizer only splits them on spaces.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
`,
  },
  {
    version: 2,
    name: 'event topics and figures as rows; indexes for the API filters',
    sql: `
-- An event's topics and the figures it cites, one row each, so that filters use an index
-- instead of reading JSON arrays. Filled from the events already stored.
CREATE TABLE event_topics (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     INTEGER NOT NULL,
  topic         TEXT NOT NULL,
  PRIMARY KEY (document_id, event_idx, topic)
);
CREATE INDEX event_topics_topic ON event_topics(topic);
INSERT OR IGNORE INTO event_topics (document_id, event_idx, topic)
  SELECT e.document_id, e.idx, j.value FROM events e, json_each(e.topics) j;

CREATE TABLE event_quantities (
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     INTEGER NOT NULL,
  quantity_idx  INTEGER NOT NULL,
  PRIMARY KEY (document_id, quantity_idx, event_idx)
);
INSERT OR IGNORE INTO event_quantities (document_id, event_idx, quantity_idx)
  SELECT e.document_id, e.idx, j.value FROM events e, json_each(e.quantities) j;

-- The date an event is sorted and filtered by: its own, else its document's publication
-- date (kept here so that event queries need not join the documents).
ALTER TABLE events ADD COLUMN sort_date TEXT;
UPDATE events SET sort_date = coalesce(date_value, (SELECT published FROM documents d WHERE d.id = events.document_id));
CREATE INDEX events_sort_date ON events(sort_date);
CREATE INDEX events_type_date ON events(type, sort_date);
CREATE INDEX events_place ON events(place, sort_date);
CREATE INDEX entities_document_entity ON entities(document_id, entity_id);
CREATE INDEX entities_type ON entities(type, entity_id);
CREATE INDEX document_sources_outlet ON document_sources(outlet);
`,
  },
  {
    version: 3,
    name: 'what each event cost (size)',
    sql: `
-- An event's size (Event.size, JSON), for the event lists and exports; filled for the events
-- already stored from their documents' records (null where a record has none).
ALTER TABLE events ADD COLUMN size TEXT;
UPDATE events SET size = (
  SELECT json_extract(d.record, '$.events[' || events.idx || '].size') FROM documents d WHERE d.id = events.document_id
);
`,
  },
  {
    version: 4,
    name: 'runs a later run closes as interrupted; each failure recorded once',
    // Run with foreign keys off (the migration runner turns them off for every migration):
    // ingest_runs is rebuilt to allow the status 'interrupted', and dropping the old table
    // must not cascade to the failures and documents that refer to it.
    sql: `
CREATE TABLE ingest_runs_v4 (
  id            INTEGER PRIMARY KEY,
  command       TEXT NOT NULL,
  inputs        TEXT NOT NULL,            -- JSON array of the paths given
  pipeline      TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  stored        INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  repeats       INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  pid           INTEGER,                  -- the process that runs it, to tell a live run from a killed one
  host          TEXT
);
INSERT INTO ingest_runs_v4 (id, command, inputs, pipeline, started_at, finished_at, status, stored, updated, unchanged, repeats, rejected, skipped)
  SELECT id, command, inputs, pipeline, started_at, finished_at, status, stored, updated, unchanged, repeats, rejected, skipped FROM ingest_runs;
DROP TABLE ingest_runs;
ALTER TABLE ingest_runs_v4 RENAME TO ingest_runs;

-- A failure seen again by a later run is not recorded again: last_run and seen are updated.
ALTER TABLE failures ADD COLUMN last_run INTEGER;
ALTER TABLE failures ADD COLUMN seen INTEGER NOT NULL DEFAULT 1;
UPDATE failures SET
  last_run = (SELECT max(f.run_id) FROM failures f WHERE f.origin = failures.origin AND f.code = failures.code AND f.message = failures.message),
  seen = (SELECT count(*) FROM failures f WHERE f.origin = failures.origin AND f.code = failures.code AND f.message = failures.message);
DELETE FROM failures WHERE id NOT IN (SELECT min(id) FROM failures GROUP BY origin, code, message);
CREATE UNIQUE INDEX failures_unique ON failures(origin, code, message);
CREATE INDEX failures_last_run ON failures(last_run);
`,
  },
  {
    version: 5,
    name: 'one event, many reports: events of different articles folded into one',
    // The matcher (src/services/fold.ts) is code, not SQL: `run` gives the events already stored
    // what folding reads of them, from their records, and folds them all (folds.ts).
    sql: `
-- A folded event: the events of different documents that tell one act (src/services/fold.ts).
-- Every event is in exactly one fold (most folds have one event). What the fold says as a
-- whole is kept here to sort and page by; its reports are the events with its fold_id.
CREATE TABLE folds (
  id              TEXT PRIMARY KEY,        -- 16 hex digits from its earliest report
  type            TEXT NOT NULL,
  modality        TEXT NOT NULL,
  mode            TEXT,
  date_value      TEXT,                    -- the most precise date its reports give
  date_precision  TEXT,
  place           TEXT,                    -- the most specific place its reports give
  sort_date       TEXT,                    -- its date, else its earliest report's publication
  sources         INTEGER NOT NULL,        -- documents telling it
  outlets         INTEGER NOT NULL,        -- distinct outlets among them
  events          INTEGER NOT NULL,
  confidence      REAL NOT NULL,           -- the highest of its reports
  figures         TEXT NOT NULL            -- JSON array of the size categories its reports give
);
CREATE INDEX folds_sort_date ON folds(sort_date);
CREATE INDEX folds_sources ON folds(sources, sort_date);

ALTER TABLE events ADD COLUMN fold_id TEXT;
-- What the matcher reads of the event and its document (JSON), and the days the act can have
-- happened on (null: it never folds); candidates are found by type, modality and window.
ALTER TABLE events ADD COLUMN fold_event TEXT;
ALTER TABLE events ADD COLUMN fold_from TEXT;
ALTER TABLE events ADD COLUMN fold_to TEXT;
CREATE INDEX events_fold ON events(fold_id);
CREATE INDEX events_fold_window ON events(type, modality, fold_from);
`,
    run: (db) => refoldAll(db),
  },
  {
    version: 6,
    name: 'near-duplicate stories; what marsad watch has polled and read',
    sql: `
-- A document's MinHash fingerprint (src/text/minhash.ts) and the story it belongs to: the id of
-- the first document stored of the copies of one text (syndicated, re-headlined, cut, re-tailed).
CREATE TABLE fingerprints (
  document_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  signature     BLOB NOT NULL,            -- SIGNATURE_SIZE little-endian uint32
  shingles      INTEGER NOT NULL,
  story_id      TEXT NOT NULL,
  resemblance   REAL                      -- to the story's document it was matched with; null for the first
);
CREATE INDEX fingerprints_story ON fingerprints(story_id);
-- LSH band keys: two documents sharing one are candidates to compare.
CREATE TABLE fingerprint_bands (
  band_key      INTEGER NOT NULL,
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;
CREATE INDEX fingerprint_bands_document ON fingerprint_bands(document_id);

-- What marsad watch follows: a feed or a page, its validators for conditional requests, and
-- how its polls went (failures in a row set the back-off).
CREATE TABLE watch_sources (
  url             TEXT PRIMARY KEY,
  kind            TEXT CHECK (kind IN ('feed', 'page')),
  outlet          TEXT,
  language        TEXT,
  etag            TEXT,
  last_modified   TEXT,
  last_polled_at  TEXT,
  last_success_at TEXT,
  failures        INTEGER NOT NULL DEFAULT 0,
  next_poll_at    TEXT,
  last_error      TEXT
);
-- Each item of a watched feed once read: a restarted watch does not fetch it again. An item is
-- recorded only after its article is stored (or rejected for good), in that order.
CREATE TABLE watch_items (
  source_url    TEXT NOT NULL REFERENCES watch_sources(url) ON DELETE CASCADE,
  item_key      TEXT NOT NULL,            -- the item's guid, else its link
  url           TEXT,
  document_id   TEXT,
  outcome       TEXT NOT NULL,            -- stored, updated, unchanged, repeat, rejected
  seen_at       TEXT NOT NULL,
  PRIMARY KEY (source_url, item_key)
);
CREATE INDEX document_sources_url ON document_sources(url);
`,
  },
  {
    version: 7,
    name: 'reviews: an analyst accepts, rejects or corrects events and entity mentions',
    sql: `
-- Append only: a review is never changed or deleted; the latest of a target (document_id,
-- anchor_key) counts. The anchor is what a newer pipeline's record of the same text still has
-- (docs/review.md): an event's sentence start, trigger span, machine type and ordinal; a
-- mention's span. No ON DELETE: a reviewed document cannot be deleted without its reviews.
CREATE TABLE reviews (
  id            INTEGER PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id),
  target        TEXT NOT NULL CHECK (target IN ('event', 'mention')),
  anchor_key    TEXT NOT NULL,
  anchor        TEXT NOT NULL,            -- JSON
  verdict       TEXT NOT NULL CHECK (verdict IN ('accept', 'reject', 'correct')),
  correction    TEXT,                     -- JSON of the corrected fields only
  machine       TEXT,                     -- JSON: the machine's event or mention the analyst saw
  context       TEXT NOT NULL,            -- JSON: entities named and figure spans, to show it when the machine's event is gone
  reviewer      TEXT NOT NULL,
  note          TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX reviews_target ON reviews(document_id, anchor_key, id);
CREATE INDEX reviews_reviewer ON reviews(reviewer, id);
-- An event's current review as the API shows it (JSON); null when unreviewed. The event's
-- other columns hold the reviewed values; rejected events have no row.
ALTER TABLE events ADD COLUMN review TEXT;
`,
  },
  {
    version: 8,
    name: 'a generation every write raises; documents newest first from an index',
    sql: `
-- One row: the store's generation (Store.generation), raised by every write transaction, so
-- that aggregates computed at one generation are reused until the next write, by this process
-- or another (src/services/cache.ts).
CREATE TABLE store_generation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  value         INTEGER NOT NULL
);
INSERT INTO store_generation (id, value) VALUES (1, 0);
-- Documents newest first (NULLs last, which DESC gives in SQLite), ties by id: the order of
-- the document lists, read from the index instead of sorting the table.
CREATE INDEX documents_newest ON documents(published DESC, id);
`,
  },
];
