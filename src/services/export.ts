/**
 * Exports for other tools, as a stream of text chunks (the CLI writes them to a file or
 * standard output, the API streams them):
 *
 * - `jsonl`: whole records, one a line (R, pandas, jq).
 * - `csv`: events, one a row, with actor and recipient names and the place's coordinates;
 *   UTF-8 with a byte-order mark, every field quoted, CRLF line ends, so a spreadsheet opens
 *   the Arabic text correctly.
 * - `geojson`: a FeatureCollection of places (kind "place") and of events located at a place
 *   with coordinates (kind "event"), for QGIS.
 * - `plover`: PLOVER JSON Lines (export-plover.ts).
 * - `acled`: events as ACLED's CSV (export-acled.ts): its columns and conventions.
 * - `polecat`: events as POLECAT's TSV (export-polecat.ts): its header.
 * - `folds`: folded events (one act, many reports), one a row, with their sources count and each
 *   outlet's figures side by side; CSV as `csv` writes it.
 * - `folds-jsonl`: folded events with their reports, one a line, as `GET /api/folds` gives them.
 */
import { SIZE_CATEGORIES, type DocumentRecord, type SizeCategory, type SizeFigure } from '../extract/record.js';
import type { EventRow, FoldFigures, FoldRow, RecordFilter, Store } from '../store/store.js';
import { ACLED_COLUMNS, acledCells } from './export-acled.js';
import { entityLabel, ploverDate, ploverEvent } from './export-plover.js';
import { POLECAT_COLUMNS, polecatCells, tsvField } from './export-polecat.js';
import { listedRecord } from './review-apply.js';
import { reviewedDocument } from './review.js';

export type ExportFormat = 'jsonl' | 'csv' | 'geojson' | 'plover' | 'folds' | 'folds-jsonl' | 'acled' | 'polecat';

/** The media type and file extension of each format. */
export const EXPORT_TYPES: Record<ExportFormat, { mediaType: string; extension: string }> = {
  jsonl: { mediaType: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  csv: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' },
  geojson: { mediaType: 'application/geo+json; charset=utf-8', extension: 'geojson' },
  plover: { mediaType: 'application/x-ndjson; charset=utf-8', extension: 'plover.jsonl' },
  folds: { mediaType: 'text/csv; charset=utf-8', extension: 'folds.csv' },
  'folds-jsonl': { mediaType: 'application/x-ndjson; charset=utf-8', extension: 'folds.jsonl' },
  acled: { mediaType: 'text/csv; charset=utf-8', extension: 'acled.csv' },
  polecat: { mediaType: 'text/tab-separated-values; charset=utf-8', extension: 'polecat.tsv' },
};

export interface ExportOptions {
  /** How a whole record is written (jsonl): the API shows its paths relative (paths.ts). */
  readonly mapRecord?: (record: DocumentRecord) => DocumentRecord;
  /**
   * Told of each event a format cannot hold and leaves out: `acled` one dated only to the year
   * (ACLED's coarsest date is the month), `plover` one with no date at all (PLOVER requires
   * one), with the reason.
   */
  readonly onSkip?: (event: EventRow, reason: string) => void;
}

/** Rows fetched from the store at a time. */
const BATCH = 500;

/** Every event matching the filter, in date order, fetched a batch at a time. */
async function* allEvents(store: Store, filter: RecordFilter): AsyncGenerator<EventRow> {
  for (let offset = 0; ; offset += BATCH) {
    const page = await store.events({ filter, sort: 'date', limit: BATCH, offset });
    yield* page.rows;
    if (page.rows.length < BATCH) return;
  }
}

async function* records(store: Store, filter: RecordFilter, mapRecord: (r: DocumentRecord) => DocumentRecord = (r) => r): AsyncGenerator<string> {
  for (let offset = 0; ; offset += BATCH) {
    const page = await store.documents({ filter, limit: BATCH, offset });
    for (const row of page.rows) {
      // The reviewed record (docs/review.md): corrections applied, rejected events left out,
      // each event with its `reviewed` flag and `review`.
      const reviewed = listedRecord(await reviewedDocument(store, row.id));
      yield JSON.stringify(mapRecord(reviewed as DocumentRecord)) + '\n';
    }
    if (page.rows.length < BATCH) return;
  }
}

/**
 * One CSV field, always quoted. Text that a spreadsheet would read as a formula (= + - @ at its
 * start) gets a leading apostrophe, so that opening an export never runs anything.
 *
 * @example
 * csvField('قال "نعم"')  // '"قال ""نعم"""'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export const CSV_COLUMNS = [
  // `date` is always a full date (a month or year as its first day), `date_precision` how much of
  // it the text gives, `date_value` the date as the record has it (YYYY, YYYY-MM or YYYY-MM-DD).
  'document_id', 'event_id', 'date', 'date_precision', 'date_value', 'type', 'mode', 'modality',
  'actor_ids', 'actor_names_ar', 'actor_names_en', 'recipient_ids', 'recipient_names_ar', 'recipient_names_en',
  'place_id', 'place_name_ar', 'place_name_en', 'latitude', 'longitude', 'geo_precision',
  'topics', 'contexts', 'confidence', 'trigger', 'sentence', 'sentence_start', 'sentence_end',
  'outlet', 'published', 'title', 'url', 'rule',
  // What the event cost (`size`): a count, or the low end of a vague one (ACLED's conservative count).
  'fatalities', 'injured', 'detained', 'displaced', 'returned',
  // The folded event it is a report of (the `folds` export), and how many documents tell it.
  'fold_id', 'fold_sources',
  // Whether an analyst reviewed it (the other columns then hold the reviewed values), who and when.
  'reviewed', 'reviewer', 'reviewed_at',
] as const;

/** Several values in one cell. */
const joined = (xs: readonly (string | null)[]) => xs.map((x) => x ?? '').join(' | ');

/** One figure of a size as a count: its value, else the low end of its range ("عشرات" → 20); null when none. */
export function sizeCount(f: SizeFigure | undefined): number | null {
  return f ? (f.value ?? f.low ?? f.high) : null;
}

function csvRow(e: EventRow): string {
  const cells: (string | number | null)[] = [
    e.document.id, e.id, ploverDate(e.date.value), e.date.precision, e.date.value, e.type, e.mode, e.modality,
    joined(e.actors.map((a) => a.id)), joined(e.actors.map((a) => a.name.ar)), joined(e.actors.map((a) => a.name.en)),
    joined(e.recipients.map((a) => a.id)), joined(e.recipients.map((a) => a.name.ar)), joined(e.recipients.map((a) => a.name.en)),
    e.place?.id ?? null, e.place?.name.ar ?? null, e.place?.name.en ?? null,
    e.place?.geo?.lat ?? null, e.place?.geo?.lon ?? null, e.place?.geo?.precision ?? null,
    joined(e.topics), joined(e.contexts), e.confidence, e.trigger.text, e.sentence.text, e.sentence.start, e.sentence.end,
    e.document.outlet, e.document.published, e.document.title, e.document.url, e.rule,
    sizeCount(e.size?.killed), sizeCount(e.size?.injured), sizeCount(e.size?.detained), sizeCount(e.size?.displaced), sizeCount(e.size?.returned),
    e.fold?.id ?? null, e.fold?.sources ?? null,
    e.reviewed ? 'true' : 'false', e.review?.reviewer ?? null, e.review?.at ?? null,
  ];
  return cells.map(csvField).join(',') + '\r\n';
}

async function* csv(store: Store, filter: RecordFilter): AsyncGenerator<string> {
  yield '\uFEFF' + CSV_COLUMNS.map(csvField).join(',') + '\r\n';
  for await (const e of allEvents(store, filter)) yield csvRow(e);
}

async function* geojson(store: Store, filter: RecordFilter): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  const feature = (lon: number, lat: number, properties: Record<string, unknown>) => {
    const s = (first ? '' : ',\n') + JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
    first = false;
    return s;
  };
  for (const p of await store.places(filter)) {
    yield feature(p.geo.lon, p.geo.lat, {
      kind: 'place', id: p.id, name_ar: p.name.ar, name_en: p.name.en, subtype: p.subtype, country: p.country,
      precision: p.geo.precision, pcode: p.geo.pcode ?? null, documents: p.documents, events: p.events,
    });
  }
  for await (const e of allEvents(store, filter)) {
    if (!e.place?.geo) continue;
    yield feature(e.place.geo.lon, e.place.geo.lat, {
      kind: 'event', id: `${e.document.id}-${e.id}`, document_id: e.document.id, type: e.type, mode: e.mode, date: e.date.value,
      actors: e.actors.map(entityLabel).join(' | '), recipients: e.recipients.map(entityLabel).join(' | '),
      place_id: e.place.id, place_name_ar: e.place.name.ar, place_name_en: e.place.name.en, precision: e.place.geo.precision,
      topics: e.topics.join(' | '), sentence: e.sentence.text, outlet: e.document.outlet, published: e.document.published, url: e.document.url,
      reviewed: e.reviewed,
    });
  }
  yield '\n]}\n';
}

/** Every folded event with a report matching the filter, in date order, a batch at a time. */
async function* allFolds(store: Store, filter: RecordFilter): AsyncGenerator<FoldRow> {
  for (let offset = 0; ; offset += BATCH) {
    const page = await store.folds({ filter, sort: 'date', limit: BATCH, offset });
    yield* page.rows;
    if (page.rows.length < BATCH) return;
  }
}

/** The name a category's columns take: `fatalities` for the killed, as in `csv`. */
const columnOf = (c: SizeCategory) => (c === 'killed' ? 'fatalities' : c);

export const FOLD_CSV_COLUMNS = [
  'fold_id', 'date', 'date_precision', 'date_value', 'type', 'mode', 'modality', 'sources', 'outlets',
  'actor_ids', 'actor_names_ar', 'actor_names_en', 'recipient_ids', 'recipient_names_ar', 'recipient_names_en',
  'place_id', 'place_name_ar', 'place_name_en', 'latitude', 'longitude', 'geo_precision', 'confidence',
  // Per category: the lowest and highest count any report gives, and each outlet's own.
  ...SIZE_CATEGORIES.flatMap((c) => [`${columnOf(c)}_min`, `${columnOf(c)}_max`, `${columnOf(c)}_by_outlet`]),
  'document_ids', 'event_indexes', 'first_published', 'last_published', 'sentence', 'url',
  // How many of its reports an analyst reviewed.
  'reviewed_reports',
] as const;

/** A figure as one cell: its value, or its range ("20–90"). */
function figureText(r: { value: number | null; low: number | null; high: number | null }): string {
  if (r.value !== null) return String(r.value);
  if (r.low !== null && r.high !== null && r.low !== r.high) return `${r.low}–${r.high}`;
  return String(r.low ?? r.high ?? '');
}

/** Each report's figure of a category, by outlet: "هاوار: 4 | المرصد السوري: 5". */
export function figuresByOutlet(f: FoldFigures | undefined): string | null {
  if (!f) return null;
  return f.reports.map((r) => `${r.document.outlet ?? r.document.id}: ${figureText(r)}`).join(' | ');
}

function foldCsvRow(f: FoldRow): string {
  const first = f.members[0];
  const published = f.members.map((m) => m.document.published).filter((x): x is string => x !== null).sort();
  const cells: (string | number | null)[] = [
    f.id, ploverDate(f.date.value), f.date.precision, f.date.value, f.type, f.mode, f.modality, f.sources, joined(f.outlets),
    joined(f.actors.map((a) => a.id)), joined(f.actors.map((a) => a.name.ar)), joined(f.actors.map((a) => a.name.en)),
    joined(f.recipients.map((a) => a.id)), joined(f.recipients.map((a) => a.name.ar)), joined(f.recipients.map((a) => a.name.en)),
    f.place?.id ?? null, f.place?.name.ar ?? null, f.place?.name.en ?? null,
    f.place?.geo?.lat ?? null, f.place?.geo?.lon ?? null, f.place?.geo?.precision ?? null, f.confidence,
    ...SIZE_CATEGORIES.flatMap((c) => {
      const figures = f.figures.find((x) => x.category === c);
      return [figures?.low ?? null, figures?.high ?? null, figuresByOutlet(figures)];
    }),
    joined(f.members.map((m) => m.document.id)), joined(f.members.map((m) => String(m.index))),
    published[0] ?? null, published.at(-1) ?? null, first?.sentence.text ?? null, first?.document.url ?? null,
    f.members.filter((m) => m.reviewed).length,
  ];
  return cells.map(csvField).join(',') + '\r\n';
}

async function* foldsCsv(store: Store, filter: RecordFilter): AsyncGenerator<string> {
  yield '\uFEFF' + FOLD_CSV_COLUMNS.map(csvField).join(',') + '\r\n';
  for await (const f of allFolds(store, filter)) yield foldCsvRow(f);
}

async function* foldsJsonl(store: Store, filter: RecordFilter): AsyncGenerator<string> {
  for await (const f of allFolds(store, filter)) yield JSON.stringify(f) + '\n';
}

async function* plover(store: Store, filter: RecordFilter, onSkip: ExportOptions['onSkip']): AsyncGenerator<string> {
  for await (const e of allEvents(store, filter)) {
    const line = ploverEvent(e);
    if (line.date === null) onSkip?.(e, 'no date, and its article has no publication date');
    else yield JSON.stringify(line) + '\n';
  }
}

async function* acled(store: Store, filter: RecordFilter, onSkip: ExportOptions['onSkip']): AsyncGenerator<string> {
  yield '\uFEFF' + ACLED_COLUMNS.map(csvField).join(',') + '\r\n';
  for await (const e of allEvents(store, filter)) {
    const cells = acledCells(e);
    if (cells) yield cells.map(csvField).join(',') + '\r\n';
    else onSkip?.(e, e.date.value ? 'dated only to the year' : 'no date, and its article has no publication date to the month');
  }
}

async function* polecat(store: Store, filter: RecordFilter): AsyncGenerator<string> {
  yield POLECAT_COLUMNS.join('\t') + '\n';
  for await (const e of allEvents(store, filter)) yield polecatCells(e).map(tsvField).join('\t') + '\n';
}

/**
 * The export of what matches a filter, as text chunks.
 *
 * @example
 * for await (const chunk of exportChunks(store, 'geojson', { outlet: 'هاوار' })) out.write(chunk);
 */
export function exportChunks(store: Store, format: ExportFormat, filter: RecordFilter, options: ExportOptions = {}): AsyncGenerator<string> {
  switch (format) {
    case 'jsonl':
      return records(store, filter, options.mapRecord);
    case 'csv':
      return csv(store, filter);
    case 'geojson':
      return geojson(store, filter);
    case 'plover':
      return plover(store, filter, options.onSkip);
    case 'acled':
      return acled(store, filter, options.onSkip);
    case 'polecat':
      return polecat(store, filter);
    case 'folds':
      return foldsCsv(store, filter);
    case 'folds-jsonl':
      return foldsJsonl(store, filter);
  }
}
