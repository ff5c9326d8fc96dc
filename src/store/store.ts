/**
 * The storage interface. Every command and the server reach storage only through it; SQLite
 * (the embedded default) implements it, and a PostgreSQL implementation must pass the same
 * contract tests (`test/store/contract.ts`) unchanged. Methods are asynchronous so that a
 * networked database can implement them.
 */
import type { DocumentRecord, Entity, Event, EventSize, Quantity, SizeCategory, Span } from '../extract/record.js';
import type { EventReview, ReviewRow, ReviewTarget, ReviewVerdict } from '../services/review-apply.js';
import type { Fingerprint } from '../text/minhash.js';
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

/**
 * What saving a record did. `unchanged` and `repeat` happen when another writer stored the
 * same document (made by the same pipeline) between `documentState` and `saveDocument`: only
 * the source is added, as `addSource` would.
 */
export type SaveOutcome = 'stored' | 'updated' | 'unchanged' | 'repeat';

/**
 * One article for {@link Store.saveArticles}: a record to store (what `saveDocument` takes), or
 * a new source of a document stored already by the running pipeline (what `addSource` takes);
 * either is then put in its near-duplicate story (what `assignStory` does) when it has a
 * fingerprint (null: a text too short to have one).
 */
export type ArticleWrite =
  | { readonly kind: 'record'; readonly record: DocumentRecord; readonly source: SourceRef; readonly fingerprint: Fingerprint | null }
  | { readonly kind: 'source'; readonly id: string; readonly source: SourceRef; readonly fingerprint: Fingerprint | null };

/** What `saveArticles` did with one article: the outcome of its save (or of its new source) and its story. */
export interface ArticleWritten {
  /** For a `source`: `repeat` when the source was new, `unchanged` when it was known. */
  readonly outcome: SaveOutcome;
  /** Its story's id; null when it has no fingerprint. */
  readonly story: string | null;
}

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
  /** `interrupted`: the process running it ended without finishing it (closed by a later run). */
  readonly status: 'running' | 'completed' | 'failed' | 'interrupted';
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

/** Search counts its matches up to this many; past it, `SearchResult.capped` says "10,000+". */
export const SEARCH_COUNT_CAP = 10_000;

/**
 * Search ranks at most this many matches: past it, only the most recently stored this many
 * (the store's document order: SQLite's rowid, PostgreSQL's `seq`, both the order documents
 * were first stored in) are ranked, and `SearchResult.ranked` says so. Ranking reads every
 * candidate (BM25 in FTS5; on PostgreSQL, `ts_rank` reads each candidate's tsvector, kept out of
 * line, about 9 µs each), so a word in 37% of 100,000 articles cost 18–25 ms on SQLite and 340 ms
 * on PostgreSQL, growing with the store. With 2,000 the whole search (count, candidates,
 * ranking, the page's texts) took 5 ms and 35 ms there, and its p95 over HTTP did not grow
 * from 10,000 articles (docs/dev-notes.md, December 2026); 2,000 is also 100 pages of 20, more than a reader pages
 * through. A word with fewer matches is ranked whole, as before. At most `SEARCH_COUNT_CAP`:
 * the capped count is what tells whether a search has more matches than this.
 */
export const SEARCH_RANK_CAP = 2_000;

export interface SearchResult {
  /**
   * Documents matching (with search words: at least one of them; in `documents`, every one, and
   * the other filters). With search words, counted up to {@link SEARCH_COUNT_CAP}.
   */
  readonly total: number;
  /** With search words: more documents match than `total` (the cap) says. Absent otherwise. */
  readonly capped?: boolean;
  /**
   * With search words, when more documents match than {@link SEARCH_RANK_CAP}: that many, the
   * most recently stored matches, were ranked, and pages reach only them (a page past them is
   * empty). Absent otherwise: every match was ranked.
   */
  readonly ranked?: number;
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

/**
 * What the API, the web app and exports filter by. Every field is optional; given fields all
 * apply (AND). Entity fields hold entity ids ("org:sdf", "loc:sy:aleppo").
 *
 * On documents: `actor` and `place` keep documents that mention the entity; `recipient`,
 * `eventType` and `topic` keep documents with at least one such event; `from`/`to` apply to the
 * publication date. On events: `actor`/`recipient` keep events with the entity in that role,
 * `place` events located there, and `from`/`to` apply to the event's date (its document's
 * publication date when the event has none). `outlet` matches any source of the document.
 * Partial dates overlap a range: "2024-11" is within from=2024-11-15.
 */
export interface RecordFilter {
  /** Text search: one group per query word (`queryGroups`). Documents must match every word. */
  readonly groups?: QueryGroups;
  readonly actor?: string;
  readonly recipient?: string;
  readonly place?: string;
  /**
   * Any of these places (a place and the places nested in it, as the caller's gazetteer knows
   * them): on events, events located at one of them; on documents, documents mentioning one.
   */
  readonly places?: readonly string[];
  readonly eventType?: string;
  readonly topic?: string;
  readonly outlet?: string;
  /** First day (YYYY, YYYY-MM or YYYY-MM-DD) of the date range, inclusive. */
  readonly from?: string;
  /** Last day of the date range, inclusive. */
  readonly to?: string;
  /** One document's events or figures only. */
  readonly document?: string;
  /**
   * One folded event's reports (`FoldRow.id`); on documents and figures, the documents that tell
   * it.
   */
  readonly fold?: string;
  /**
   * Events at this confidence or above (0..1); on documents and figures, documents with such an
   * event (of `eventType`, when given).
   */
  readonly minConfidence?: number;
  /**
   * Events whose date (their own, else their article's publication date) is known to one of
   * these precisions: "year" for "2017", "month" for "2017-06", "day"; undated events never.
   * The timeline's bars open their events with it, so that a bar's count is what it opens. On
   * documents and figures, documents with such an event.
   */
  readonly precision?: readonly DatePrecision[];
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface DocumentQuery extends Page {
  readonly filter: RecordFilter;
}

/** A short view of a document, as lists show it. */
export interface DocumentRef {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
}

/** An entity as an event names it: its id and names, when the document defines it. */
export interface EntityRef {
  readonly id: string;
  readonly type: Entity['type'] | null;
  readonly name: { ar: string | null; en: string | null };
}

/** An event's actor or recipient: the entity, its sector and country, and its words in the event's sentence. */
export interface ArgumentRef extends EntityRef {
  /** PLOVER sector (GOV, MIL, REB, IGO, NGO …) or place kind, as the record gives it. */
  readonly subtype: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  /** The first mention inside the event's sentence, as the outlet wrote it; null when no mention of it lies inside the sentence (a speaker the article established earlier). */
  readonly mention: Span | null;
}

export interface PlaceRef extends EntityRef {
  readonly geo: Entity['geo'];
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
}

/** One event with the names of its actors and recipients and the coordinates of its place. */
export interface EventRow {
  readonly document: DocumentRef;
  /** Its position in the document's `events`. */
  readonly index: number;
  readonly id: string;
  readonly type: Event['type'];
  readonly mode: string | null;
  readonly contexts: string[];
  readonly topics: string[];
  readonly modality: Event['modality'];
  readonly date: Event['date'];
  readonly actors: ArgumentRef[];
  readonly recipients: ArgumentRef[];
  readonly place: PlaceRef | null;
  readonly quantities: number[];
  readonly sentence: Span;
  readonly trigger: Span;
  readonly content: Span | null;
  readonly confidence: number;
  readonly rule: string;
  /** What the event cost (`Event.size`); null for events stored before it was recorded. */
  readonly size: EventSize | null;
  /**
   * The folded event it is a report of (one event, many reports: `Store.folds`), and how many
   * documents tell that event (1 when no other does); null where a store does not fold.
   */
  readonly fold: { readonly id: string; readonly sources: number } | null;
  /** Whether an analyst reviewed it (docs/review.md); its fields are then the reviewed values. */
  readonly reviewed: boolean;
  /** Its current review: verdict, who and when, the machine's reading beside it; null when unreviewed. */
  readonly review: EventReview | null;
}

export const EVENT_SORTS = ['date', '-date', 'type', '-type', 'confidence', '-confidence', 'published', '-published'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventQuery extends Page {
  readonly filter: RecordFilter;
  /** A field, ascending; with a leading "-", descending. Ties go by document and position. */
  readonly sort: EventSort;
}

export interface EventPage {
  readonly total: number;
  readonly rows: EventRow[];
}

/** One outlet's figure of one category for a folded event: what its report's clause gives. */
export interface FoldFigureReport {
  readonly document: DocumentRef;
  /** The report's position in its document's `events`. */
  readonly index: number;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly qualifier: Quantity['qualifier'];
  /** The figure's words in the report ("أربعة مدنيين"), null when the store cannot give them. */
  readonly text: string | null;
}

/** A category of figures a folded event's reports give ("killed: 4 per Hawar, 5 per SOHR"). */
export interface FoldFigures {
  readonly category: SizeCategory;
  /** The lowest and highest count any report gives (a vague one by its range). */
  readonly low: number | null;
  readonly high: number | null;
  /** Each report's own figure, earliest published first. */
  readonly reports: FoldFigureReport[];
}

/**
 * A folded event: one act told by the events of several documents (src/services/fold.ts says
 * when events fold). Its date, place and figures are what its reports give; its reports are
 * per-article events, each reachable as such (`RecordFilter.fold`).
 */
export interface FoldRow {
  /** 16 hex digits, from its earliest report: it stays while later reports join. */
  readonly id: string;
  readonly type: Event['type'];
  readonly mode: string | null;
  readonly modality: Event['modality'];
  /** The most precise date its reports give (the one most give, then the earliest). */
  readonly date: Event['date'];
  /** The most specific place its reports give. */
  readonly place: PlaceRef | null;
  /** Every actor and recipient its reports name, the most named first. */
  readonly actors: EntityRef[];
  readonly recipients: EntityRef[];
  /** How many documents tell it. */
  readonly sources: number;
  /** The outlets of those documents, earliest published first (documents without an outlet not listed). */
  readonly outlets: string[];
  /** The highest confidence of its reports. */
  readonly confidence: number;
  /** Each category of figures, every report's own figure side by side. */
  readonly figures: FoldFigures[];
  /** Its reports, earliest published first. */
  readonly members: EventRow[];
}

export const FOLD_SORTS = ['date', '-date', 'sources', '-sources', 'type', '-type', 'confidence', '-confidence'] as const;
export type FoldSort = (typeof FOLD_SORTS)[number];

export interface FoldQuery extends Page {
  /** Folded events with at least one report matching the filter (as `events` filters them). */
  readonly filter: RecordFilter;
  /** A field, ascending; with a leading "-", descending. Ties go by id. */
  readonly sort: FoldSort;
  /** Only folded events told by at least this many documents. */
  readonly minSources?: number;
  /** Only folded events whose reports give figures: of this category, or of any (`true`). */
  readonly figures?: SizeCategory | true;
}

export interface FoldPage {
  readonly total: number;
  readonly rows: FoldRow[];
}

export interface EntityQuery extends Page {
  readonly type?: Entity['type'];
  /** Part of a name (Arabic, normalised the way the text layer does, or English, any case). */
  readonly name?: string;
  readonly filter?: RecordFilter;
}

/** An entity across the store: its most used names, and how often it appears. */
export interface EntitySummary {
  readonly id: string;
  readonly type: Entity['type'];
  readonly subtype: string | null;
  readonly name: { ar: string; en: string | null };
  readonly country: string | null;
  readonly geo: Entity['geo'];
  readonly documents: number;
  readonly mentions: number;
  /** Events naming it as actor or recipient, or located at it. */
  readonly events: number;
}

export interface EntityPage {
  readonly total: number;
  readonly rows: EntitySummary[];
}

/** One mention of an entity in a document. */
export interface MentionRow {
  readonly document: DocumentRef;
  readonly span: Span;
}

export interface EntityProfile extends EntitySummary {
  /** The words each outlet uses for it ("قسد", "قوات سوريا الديمقراطية"), most used first. */
  readonly labels: { outlet: string | null; label: string; count: number }[];
  /** Its mentions, newest document first (at most `mentionLimit`). */
  readonly mentionRows: MentionRow[];
  readonly asActor: number;
  readonly asRecipient: number;
  /** Events located at it (their `place` is this entity; places nested in it not counted). */
  readonly atPlace: number;
}

/** A place with coordinates, and how much happens there. */
export interface PlaceSummary {
  readonly id: string;
  readonly name: { ar: string; en: string | null };
  readonly subtype: string | null;
  readonly country: string | null;
  readonly geo: NonNullable<Entity['geo']>;
  readonly documents: number;
  readonly events: number;
}

/** One figure with where it stands and who reported it. */
export interface FigureRow {
  readonly document: DocumentRef;
  readonly index: number;
  readonly span: Span;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly qualifier: Quantity['qualifier'];
  readonly unit: string | null;
  readonly counted: string | null;
  readonly category: Quantity['category'];
  /** The date of the first event citing it, else its document's publication date. */
  readonly date: string | null;
  /** The sentence of the first event citing it, or null when no event cites it. */
  readonly sentence: Span | null;
}

export interface FigureQuery extends Page {
  readonly filter: RecordFilter;
  readonly category?: Quantity['category'];
}

export interface FigurePage {
  readonly total: number;
  readonly rows: FigureRow[];
}

/**
 * Figures summed: by month (of the figure's date), category and unit, and by outlet, category
 * and unit (`store/sums.ts` says what is added). `count` counts figures, a figure told twice in
 * one document once; `sum` adds exact values and the middle of ranges for vague amounts, and is
 * null where a sum means nothing (countries, fighters, area, percentages, "other", no unit).
 * `unit` is the figure's unit, "person" for a people category written without one.
 */
export interface FigureSeries {
  readonly byMonth: { period: string; category: Quantity['category']; unit: string | null; count: number; sum: number | null }[];
  readonly bySource: { outlet: string | null; category: Quantity['category']; unit: string | null; count: number; sum: number | null }[];
}

/** How precisely a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';
export const DATE_PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day'];

/**
 * Events per period and type: `period` is "YYYY-MM" for events whose date (else their
 * article's) gives the month, "YYYY" for events known only to the year.
 */
export interface TimelineBucket {
  readonly period: string;
  readonly type: Event['type'];
  readonly count: number;
}

/** Who acts on whom: one edge per actor, recipient and event type. */
export interface NetworkEdge {
  readonly actor: EntityRef;
  readonly recipient: EntityRef;
  readonly type: Event['type'];
  readonly count: number;
}

/** Counts of the values a filter can take, for filter menus. */
export interface Facets {
  readonly eventTypes: { value: string; count: number }[];
  readonly topics: { value: string; count: number }[];
  readonly outlets: { value: string; count: number }[];
  readonly categories: { value: string; count: number }[];
  readonly actors: { id: string; name: { ar: string; en: string | null }; count: number }[];
  readonly places: { id: string; name: { ar: string; en: string | null }; count: number }[];
}

/**
 * A story: the stored documents that are copies of one text (syndicated, re-headlined, cut or
 * given a tail), found by their MinHash fingerprints (`src/text/minhash.ts`). Each copy stays a
 * document of its own; the story lists them.
 */
export interface Story {
  /** The id of the story's first document. */
  readonly id: string;
  /** Its documents, first stored first, each with how alike it is to the copy it was matched with (null for the first). */
  readonly documents: (DocumentRef & { readonly resemblance: number | null })[];
}

/** What `marsad watch` keeps of a feed or page it follows. */
export interface WatchSource {
  readonly url: string;
  readonly kind: 'feed' | 'page' | null;
  readonly outlet: string | null;
  readonly language: string | null;
  /** Validators of the last response, for a conditional request. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Polls that failed in a row (0 after a success). */
  readonly failures: number;
  /** Not polled again before this time (ISO), after failures. */
  readonly nextPollAt: string | null;
  readonly lastError: string | null;
}

/** One item of a watched feed, once read. */
export interface WatchItem {
  readonly sourceUrl: string;
  /** The item's guid, else its link. */
  readonly key: string;
  readonly url: string | null;
  readonly documentId: string | null;
  readonly outcome: 'stored' | 'updated' | 'unchanged' | 'repeat' | 'rejected';
}

/** A review to append (docs/review.md); `Store.addReview` gives it its id and time. */
export type NewReview = Omit<ReviewRow, 'id' | 'at' | 'current'> & { readonly at?: string };

export interface ReviewQuery extends Page {
  readonly document?: string;
  readonly reviewer?: string;
  readonly verdict?: ReviewVerdict;
  readonly target?: ReviewTarget;
  /** Every review, not only the latest of each target. */
  readonly history?: boolean;
}

export interface ReviewPage {
  readonly total: number;
  /** Newest first. */
  readonly rows: ReviewRow[];
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
  /**
   * Writes several articles in one short transaction, in the order given: each as `saveDocument`
   * (a `record`) or `addSource` (a `source`), then `assignStory` with its fingerprint, would
   * write it, so the rows, their order, the outcomes and the stories are those of those calls
   * made one after another. An article of the same id as one before it in the list sees that
   * one stored (a copy read twice is stored once, then a repeat). Atomic: every article is
   * written or none is. The generation rises by the number of articles that changed anything
   * (so by the same amount however a run's articles are split into calls). Returns what was
   * done with each, in order.
   */
  saveArticles(writes: readonly ArticleWrite[], runId: number | null, storyThreshold: number): Promise<ArticleWritten[]>;
  /** Adds a source to a stored document; false if it was already known. */
  addSource(id: string, source: SourceRef, runId: number | null): Promise<boolean>;
  /** The sources of a document, first seen first. */
  sources(id: string): Promise<SourceRef[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** Ids of stored documents that begin with `prefix`, in id order, at most `limit` of them. */
  documentIdsByPrefix(prefix: string, limit: number): Promise<string[]>;
  search(request: SearchRequest): Promise<SearchResult>;
  stats(): Promise<StoreStats>;

  /**
   * Documents matching a filter. With search groups, ranked as `search` ranks (every word as
   * typed, then with synonyms) but only documents matching every word; without, newest first.
   */
  documents(query: DocumentQuery): Promise<SearchResult>;
  /** The texts of stored documents, by id (unknown ids are left out). */
  documentTexts(ids: readonly string[]): Promise<Map<string, string>>;
  /** Events matching a filter, with actor and recipient names and place coordinates. */
  events(query: EventQuery): Promise<EventPage>;
  /**
   * Folded events (one act, many reports) with a report matching the filter, with their reports
   * and each outlet's figures. Maintained on write: the folds are a function of the stored
   * events, whatever order documents were saved in.
   */
  folds(query: FoldQuery): Promise<FoldPage>;
  /** One folded event, or null for an unknown id. */
  fold(id: string): Promise<FoldRow | null>;
  /** Entities, most mentioned first. With a filter: only those in matching documents. */
  entities(query: EntityQuery): Promise<EntityPage>;
  /** One entity across the store, or null if no document names it. */
  entity(id: string, mentionLimit: number): Promise<EntityProfile | null>;
  /** Places with coordinates in documents matching a filter, most mentioned first. */
  places(filter: RecordFilter): Promise<PlaceSummary[]>;
  /** Figures matching a filter (document-level filters), newest first. */
  figures(query: FigureQuery): Promise<FigurePage>;
  figureSeries(filter: RecordFilter): Promise<FigureSeries>;
  /** Events per month (of their date) and type. */
  timeline(filter: RecordFilter): Promise<TimelineBucket[]>;
  /** Actor → recipient edges of events matching a filter, most frequent first. */
  network(filter: RecordFilter, limit: number): Promise<NetworkEdge[]>;
  /** What the filter menus offer, counted over the whole store. */
  facets(): Promise<Facets>;

  /**
   * Puts a stored document in a story: the story of the most alike stored document whose
   * resemblance reaches `threshold` (candidates found by LSH bands), else a story of its own.
   * Idempotent: a document already placed keeps its story. Returns the story id.
   */
  assignStory(id: string, fingerprint: Fingerprint, threshold: number): Promise<string>;
  /** The story of a document, or null when the document is unknown or has no fingerprint. */
  story(documentId: string): Promise<Story | null>;
  /** The id of a stored document one of whose sources has this URL, or null. */
  documentByUrl(url: string): Promise<string | null>;

  /** A followed feed or page, or null when it was never polled. */
  watchSource(url: string): Promise<WatchSource | null>;
  /** Creates or replaces what is kept of a followed feed or page. */
  saveWatchSource(source: WatchSource): Promise<void>;
  /** The keys of the items of a feed already read, among `keys`. */
  watchItemsSeen(sourceUrl: string, keys: readonly string[]): Promise<Set<string>>;
  /** Records an item as read (after its article was stored or rejected). */
  recordWatchItem(item: WatchItem): Promise<void>;

  /**
   * Appends a review of a stored document's event or mention (reviews are never changed or
   * deleted: the latest of a target counts) and applies it at once: events, figures, folds and
   * every list read the reviewed values (`applyReviews` in services/review-apply.ts), rejected
   * events leave them. `saveDocument` applies a document's reviews again when a newer pipeline
   * replaces its record, re-attaching each review by its anchor.
   * @throws MarsadError `not-found` when the document is not stored.
   */
  addReview(review: NewReview): Promise<ReviewRow>;
  /** Reviews, newest first: of one document, reviewer, verdict or target kind; the latest of each target unless `history`. */
  reviews(query: ReviewQuery): Promise<ReviewPage>;

  /**
   * The store's generation: a number every write (of any method above or below that writes)
   * raises, in the write's own transaction, so that what was computed at one generation can be
   * reused until it changes. Read from the store, not kept in memory: a write by another
   * process (a worker while `serve` answers) raises it too.
   */
  generation(): Promise<number>;

  beginRun(info: RunInfo): Promise<number>;
  recordFailure(runId: number, failure: Omit<Failure, 'runId'>): Promise<void>;
  finishRun(runId: number, counts: RunCounts, status: 'completed' | 'failed'): Promise<void>;
  runs(limit: number): Promise<IngestRun[]>;
  failures(runId: number): Promise<Failure[]>;

  close(): Promise<void>;
}
