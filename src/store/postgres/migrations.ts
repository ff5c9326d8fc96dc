/**
 * Versioned migrations of the PostgreSQL store. Append only, like SQLite's: a migration that has
 * shipped is never edited; a change is a new migration. `schema_migrations` records which have
 * run. Version 1 is the whole schema of SQLite's seven migrations at once (a PostgreSQL store
 * starts there); its version numbers are its own, not SQLite's.
 *
 * Every statement runs with `search_path` set to the store's schema (then `public`, where
 * `pg_trgm` lives), so no name here is qualified. Text columns are `COLLATE "C"`: they sort by
 * code point, as SQLite's BINARY does, so lists come in the same order on both engines whatever
 * the database's locale.
 */

export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'documents, extractions, folds, stories, watch, reviews and search',
    sql: `
CREATE TABLE ingest_runs (
  id            bigserial PRIMARY KEY,
  command       text COLLATE "C" NOT NULL,
  inputs        jsonb NOT NULL,                 -- the paths given
  pipeline      text COLLATE "C" NOT NULL,
  started_at    text COLLATE "C" NOT NULL,
  finished_at   text COLLATE "C",
  status        text COLLATE "C" NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  stored        integer NOT NULL DEFAULT 0,
  updated       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  repeats       integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,
  skipped       integer NOT NULL DEFAULT 0,
  pid           integer,                        -- the process that runs it, to tell a live run from a killed one
  host          text COLLATE "C"
);

-- A failure seen again by a later run is not recorded again: last_run and seen are updated.
CREATE TABLE failures (
  id            bigserial PRIMARY KEY,
  run_id        bigint NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
  origin        text COLLATE "C" NOT NULL,
  code          text COLLATE "C" NOT NULL,
  message       text COLLATE "C" NOT NULL,
  last_run      bigint,
  seen          integer NOT NULL DEFAULT 1,
  UNIQUE (origin, code, message)
);
CREATE INDEX failures_run ON failures(run_id);
CREATE INDEX failures_last_run ON failures(last_run);

-- One row per distinct cleaned text. seq is the order documents were first stored in (SQLite's
-- rowid: stories list their documents by it).
CREATE TABLE documents (
  id            text COLLATE "C" PRIMARY KEY,
  seq           bigserial NOT NULL UNIQUE,
  title         text COLLATE "C",
  published     text COLLATE "C",
  outlet        text COLLATE "C",
  url           text COLLATE "C",
  path          text COLLATE "C",
  text          text NOT NULL,
  record        jsonb NOT NULL,                 -- the whole DocumentRecord
  pipeline      text COLLATE "C" NOT NULL,      -- stamp key of the pipeline that made the record
  created_run   bigint REFERENCES ingest_runs(id) ON DELETE SET NULL,
  updated_run   bigint REFERENCES ingest_runs(id) ON DELETE SET NULL,
  created_at    text NOT NULL,
  updated_at    text NOT NULL,
  -- Marsad's own search terms (src/text/search-terms.ts indexText: normalised, clitic readings,
  -- light stems) as lexemes, the title's weighted A, the body's D. No PostgreSQL dictionary
  -- touches them: a query is made of the same terms.
  search        tsvector NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE document_sources (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq           integer NOT NULL,
  origin        text COLLATE "C" NOT NULL,
  url           text COLLATE "C",
  outlet        text COLLATE "C",
  published     text COLLATE "C",
  run_id        bigint REFERENCES ingest_runs(id) ON DELETE SET NULL,
  added         bigserial NOT NULL,             -- the order sources were recorded in, store-wide
  PRIMARY KEY (document_id, origin)
);
CREATE INDEX document_sources_outlet ON document_sources(outlet);
CREATE INDEX document_sources_url ON document_sources(url);

CREATE TABLE entities (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           integer NOT NULL,
  entity_id     text COLLATE "C" NOT NULL,
  type          text COLLATE "C" NOT NULL,
  subtype       text COLLATE "C",
  name_ar       text COLLATE "C" NOT NULL,
  name_en       text COLLATE "C",
  country       text COLLATE "C",
  lat           double precision,
  lon           double precision,
  geo_precision text COLLATE "C",
  pcode         text COLLATE "C",
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX entities_entity ON entities(entity_id);
CREATE INDEX entities_document_entity ON entities(document_id, entity_id);
CREATE INDEX entities_type ON entities(type, entity_id);
-- Entity lookups by part of a name (EntityQuery.name: ILIKE '%…%') use trigram indexes.
CREATE INDEX entities_name_ar_trgm ON entities USING gin (name_ar gin_trgm_ops);
CREATE INDEX entities_name_en_trgm ON entities USING gin (name_en gin_trgm_ops);

CREATE TABLE mentions (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_idx    integer NOT NULL,
  start         integer NOT NULL,
  "end"         integer NOT NULL,
  text          text COLLATE "C" NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id, entity_idx);
CREATE INDEX mentions_text_trgm ON mentions USING gin (text gin_trgm_ops);

CREATE TABLE dates (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           integer NOT NULL,
  start         integer NOT NULL,
  "end"         integer NOT NULL,
  text          text COLLATE "C" NOT NULL,
  value         text COLLATE "C",
  precision     text COLLATE "C",
  relative      boolean NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE quantities (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           integer NOT NULL,
  start         integer NOT NULL,
  "end"         integer NOT NULL,
  text          text COLLATE "C" NOT NULL,
  value         double precision,
  low           double precision,
  high          double precision,
  qualifier     text COLLATE "C",
  unit          text COLLATE "C",
  counted       text COLLATE "C",
  category      text COLLATE "C" NOT NULL,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX quantities_category ON quantities(category);

-- A folded event: the events of different documents that tell one act (src/services/fold.ts).
CREATE TABLE folds (
  id              text COLLATE "C" PRIMARY KEY,  -- 16 hex digits from its earliest report
  type            text COLLATE "C" NOT NULL,
  modality        text COLLATE "C" NOT NULL,
  mode            text COLLATE "C",
  date_value      text COLLATE "C",
  date_precision  text COLLATE "C",
  place           text COLLATE "C",
  sort_date       text COLLATE "C",
  sources         integer NOT NULL,
  outlets         integer NOT NULL,
  events          integer NOT NULL,
  confidence      double precision NOT NULL,
  figures         jsonb NOT NULL                 -- the size categories its reports give
);
CREATE INDEX folds_sort_date ON folds(sort_date);
CREATE INDEX folds_sources ON folds(sources, sort_date);

-- Listed events only (a rejected event has no row); their columns hold the reviewed values.
CREATE TABLE events (
  document_id     text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx             integer NOT NULL,
  event_id        text COLLATE "C" NOT NULL,
  type            text COLLATE "C" NOT NULL,
  mode            text COLLATE "C",
  place           text COLLATE "C",
  date_value      text COLLATE "C",
  date_precision  text COLLATE "C",
  modality        text COLLATE "C" NOT NULL,
  topics          jsonb NOT NULL,
  contexts        jsonb NOT NULL,
  quantities      jsonb NOT NULL,                -- indices into quantities
  sentence_start  integer NOT NULL,
  sentence_end    integer NOT NULL,
  trigger_start   integer NOT NULL,
  trigger_end     integer NOT NULL,
  trigger_text    text COLLATE "C" NOT NULL,
  content_start   integer,
  content_end     integer,
  confidence      double precision NOT NULL,
  rule            text COLLATE "C" NOT NULL,
  sort_date       text COLLATE "C",              -- its date, else its document's publication date
  size            json,                          -- json, not jsonb: read back with its keys in their order
  fold_id         text COLLATE "C",
  fold_event      text,                          -- what the matcher reads of it (JSON text)
  fold_from       text COLLATE "C",
  fold_to         text COLLATE "C",
  review          json,                          -- its current review as the API shows it (keys in order)
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX events_type_date ON events(type, sort_date);
CREATE INDEX events_sort_date ON events(sort_date);
CREATE INDEX events_place ON events(place, sort_date);
CREATE INDEX events_fold ON events(fold_id);
CREATE INDEX events_fold_window ON events(type, modality, fold_from);

CREATE TABLE event_arguments (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     integer NOT NULL,
  role          text COLLATE "C" NOT NULL CHECK (role IN ('actor', 'recipient')),
  position      integer NOT NULL,
  entity_id     text COLLATE "C" NOT NULL,
  PRIMARY KEY (document_id, event_idx, role, position)
);
CREATE INDEX event_arguments_entity ON event_arguments(entity_id, role);

CREATE TABLE event_topics (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     integer NOT NULL,
  topic         text COLLATE "C" NOT NULL,
  PRIMARY KEY (document_id, event_idx, topic)
);
CREATE INDEX event_topics_topic ON event_topics(topic);

CREATE TABLE event_quantities (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  event_idx     integer NOT NULL,
  quantity_idx  integer NOT NULL,
  PRIMARY KEY (document_id, quantity_idx, event_idx)
);

CREATE TABLE messages (
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           integer NOT NULL,
  code          text COLLATE "C" NOT NULL,
  message       text NOT NULL,
  start         integer,
  "end"         integer,
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX messages_code ON messages(code);

-- A document's MinHash fingerprint and its story (src/text/minhash.ts).
CREATE TABLE fingerprints (
  document_id   text COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  signature     bytea NOT NULL,
  shingles      integer NOT NULL,
  story_id      text COLLATE "C" NOT NULL,
  resemblance   double precision
);
CREATE INDEX fingerprints_story ON fingerprints(story_id);
CREATE TABLE fingerprint_bands (
  band_key      bigint NOT NULL,
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
);
CREATE INDEX fingerprint_bands_document ON fingerprint_bands(document_id);

CREATE TABLE watch_sources (
  url             text COLLATE "C" PRIMARY KEY,
  kind            text COLLATE "C" CHECK (kind IN ('feed', 'page')),
  outlet          text COLLATE "C",
  language        text COLLATE "C",
  etag            text COLLATE "C",
  last_modified   text COLLATE "C",
  last_polled_at  text COLLATE "C",
  last_success_at text COLLATE "C",
  failures        integer NOT NULL DEFAULT 0,
  next_poll_at    text COLLATE "C",
  last_error      text
);
CREATE TABLE watch_items (
  source_url    text COLLATE "C" NOT NULL REFERENCES watch_sources(url) ON DELETE CASCADE,
  item_key      text COLLATE "C" NOT NULL,
  url           text COLLATE "C",
  document_id   text COLLATE "C",
  outcome       text COLLATE "C" NOT NULL,
  seen_at       text NOT NULL,
  PRIMARY KEY (source_url, item_key)
);

-- Append only: the latest review of a target (document_id, anchor_key) counts (docs/review.md).
CREATE TABLE reviews (
  id            bigserial PRIMARY KEY,
  document_id   text COLLATE "C" NOT NULL REFERENCES documents(id),
  target        text COLLATE "C" NOT NULL CHECK (target IN ('event', 'mention')),
  anchor_key    text COLLATE "C" NOT NULL,
  anchor        jsonb NOT NULL,
  verdict       text COLLATE "C" NOT NULL CHECK (verdict IN ('accept', 'reject', 'correct')),
  correction    jsonb,
  machine       jsonb,
  context       jsonb NOT NULL,
  reviewer      text COLLATE "C" NOT NULL,
  note          text,
  created_at    text COLLATE "C" NOT NULL
);
CREATE INDEX reviews_target ON reviews(document_id, anchor_key, id);
CREATE INDEX reviews_reviewer ON reviews(reviewer, id);
`,
  },
  {
    version: 2,
    name: 'the work queue of ingest --queue and marsad worker',
    sql: `
-- One job per article enqueued by \`marsad ingest --queue\`, taken by \`marsad worker\` with a
-- lease (src/store/postgres/queue.ts). visible_at is when the job may be taken: for a queued
-- job, now or after a retry's delay; for a leased one, the end of its lease, after which
-- another worker may take it (its worker is taken for dead).
CREATE TABLE queue_jobs (
  id            bigserial PRIMARY KEY,
  origin        text COLLATE "C" NOT NULL,      -- where the article was read, for messages
  article       text,                           -- the article as read (ArticleInput, JSON); dropped once done
  bytes         integer NOT NULL,               -- the size of that JSON
  state         text COLLATE "C" NOT NULL CHECK (state IN ('queued', 'leased', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,     -- leases taken so far
  max_attempts  integer NOT NULL,
  visible_at    timestamptz NOT NULL DEFAULT now(),
  leased_by     text COLLATE "C",               -- the worker holding (or last holding) it: host:pid:nonce
  enqueued_at   timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  outcome       text COLLATE "C",               -- done: stored, updated, unchanged or repeat
  document_id   text COLLATE "C",               -- done: the stored document
  error         text                            -- failed: why; queued again after an error: the last one
);
CREATE INDEX queue_jobs_ready ON queue_jobs (visible_at, id) WHERE state IN ('queued', 'leased');
CREATE INDEX queue_jobs_state ON queue_jobs (state);
`,
  },
  {
    version: 3,
    name: 'a generation every write raises; documents newest first from an index',
    sql: `
-- One row: the store's generation (Store.generation), raised by every write transaction, so
-- that aggregates computed at one generation are reused until the next write, by this process
-- or another (src/services/cache.ts).
CREATE TABLE store_generation (
  id            integer PRIMARY KEY CHECK (id = 1),
  value         bigint NOT NULL
);
INSERT INTO store_generation (id, value) VALUES (1, 0);
-- Documents newest first, undated last, ties by id: the order of the document lists.
CREATE INDEX documents_newest ON documents(published DESC NULLS LAST, id);
`,
  },
];
