/**
 * Versioned migrations of the SQLite store. Append only: a migration that has shipped is never
 * edited; a change is a new migration. `schema_migrations` records which have run.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
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
];
