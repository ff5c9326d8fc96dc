/**
 * The learned name tagger's interface: what the entity extractor asks of a sequence model.
 * The model finds names no lexicon holds; linking (src/extract/entities) merges them with
 * lexicon matches into entities.
 */
import type { AnalyzedText } from '../text/analyze.js';

/** Name types the tagger knows (ANERcorp's; MISC is not an entity type of the record). */
export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A name the tagger found: a token range and its span in the text. */
export interface NameSpan {
  /** Token range [firstToken, endToken) in `doc.tokens`. */
  readonly firstToken: number;
  readonly endToken: number;
  /** Offsets into `doc.text`. */
  readonly start: number;
  readonly end: number;
  readonly type: NameType;
  /** 0..1: how sure the model is of the span and type. */
  readonly confidence: number;
}

export interface NameTagger {
  /** The model's id and version, stamped on records as `pipeline.model`: "ner-ap-2026.11". */
  readonly id: string;
  /** Tags every sentence of a document. */
  tag(doc: AnalyzedText): NameSpan[];
}
