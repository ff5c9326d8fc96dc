/**
 * From one article to one record: clean, identify, analyse, extract.
 */
import { createHash } from 'node:crypto';
import { MarsadError } from '../errors.js';
import type { ArticleInput } from '../ingest/types.js';
import { analyzeText } from '../text/analyze.js';
import { cleanArticle } from '../text/clean.js';
import { pipelineStamp, type PipelineStamp } from '../version.js';
import { PIPELINE, pipelineModel } from './pipeline.js';
import { DocumentRecordSchema, type DocumentRecord, type Iso, type Message } from './record.js';
import { emptyExtraction, type Extraction, type ExtractionInput, type Stage } from './types.js';

/** Longest article text Marsad extracts (UTF-16 units). */
export const MAX_TEXT_LENGTH = 5_000_000;

/** An article cleaned and identified, not yet extracted. */
export interface PreparedArticle {
  readonly id: string;
  readonly origin: string;
  readonly source: DocumentRecord['source'];
  readonly title: string | null;
  readonly text: string;
  readonly published: Iso | null;
  readonly messages: readonly Message[];
}

/**
 * The id of a cleaned text: the first 16 hex digits of its SHA-256. The same text from any
 * file or outlet has the same id; that is how repeats are recognised.
 */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Cleans an article and gives it its id.
 * @throws MarsadError `input-empty` when nothing but a title (or nothing) is left,
 *         `input-too-large` when the text is over {@link MAX_TEXT_LENGTH}.
 */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  // The size is checked before cleaning: cleaning a text of tens of megabytes costs seconds
  // and gigabytes only to be refused after.
  const raw = input.body.length + (input.title?.length ?? 0) + (input.lead?.length ?? 0);
  if (raw > MAX_TEXT_LENGTH) throw new MarsadError('input-too-large', input.origin, `${raw} characters of text (at most ${MAX_TEXT_LENGTH})`);
  const cleaned = cleanArticle({ title: input.title, body: input.body, lead: input.lead ?? null });
  if (cleaned.body.trim().length === 0) {
    throw new MarsadError('input-empty', input.origin, cleaned.title ? 'it has a title but no body' : 'it is empty');
  }
  if (cleaned.text.length > MAX_TEXT_LENGTH) {
    throw new MarsadError('input-too-large', input.origin, `${cleaned.text.length} characters of text`);
  }
  return {
    id: documentId(cleaned.text),
    origin: input.origin,
    source: input.source,
    title: cleaned.title,
    text: cleaned.text,
    published: input.published,
    messages: [...input.notes, ...cleaned.messages],
  };
}

/** Runs the pipeline's stages over an analysed article. */
export function runPipeline(input: ExtractionInput, stages: readonly Stage[] = PIPELINE): Extraction {
  let x = emptyExtraction();
  for (const stage of stages) {
    if (stage.kind === 'refiner') {
      x = stage.run.refine(input, x);
      continue;
    }
    const added = stage.run.extract(input, x);
    x = {
      entities: added.entities ? [...x.entities, ...added.entities] : x.entities,
      dates: added.dates ? [...x.dates, ...added.dates] : x.dates,
      quantities: added.quantities ? [...x.quantities, ...added.quantities] : x.quantities,
      events: added.events ? [...x.events, ...added.events] : x.events,
      messages: added.messages ? [...x.messages, ...added.messages] : x.messages,
    };
  }
  return x;
}

/**
 * Extracts the record of a prepared article.
 *
 * @example
 * const record = extractPrepared(prepareArticle(article));
 * record.text.slice(record.dates[0].start, record.dates[0].end) === record.dates[0].text
 */
export function extractPrepared(
  article: PreparedArticle,
  options: { stages?: readonly Stage[]; stamp?: PipelineStamp } = {},
): DocumentRecord {
  const doc = analyzeText(article.text);
  const titleEnd = article.title !== null ? article.title.length : 0;
  const x = runPipeline({ doc, published: article.published, titleEnd }, options.stages);
  const record: DocumentRecord = {
    id: article.id,
    source: article.source,
    title: article.title,
    published: article.published,
    language: 'ar',
    text: article.text,
    entities: x.entities,
    dates: x.dates,
    quantities: x.quantities,
    events: x.events,
    messages: [...article.messages, ...x.messages],
    pipeline: options.stamp ?? pipelineStamp(pipelineModel()),
  };
  return record;
}

/** Cleans, identifies and extracts one article. */
export function extractArticle(input: ArticleInput): DocumentRecord {
  return extractPrepared(prepareArticle(input));
}

/** Checks a record against the contract's schema; returns the problems (empty when valid). */
export function checkRecord(record: unknown): string[] {
  const parsed = DocumentRecordSchema.safeParse(record);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
