/**
 * The text stage's output for one document: normalised view, tokens and sentences, built once
 * and shared by every extractor.
 */
import { normalize, type NormalizedText } from './normalize.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tokenize, type Tokens } from './tokenize.js';

/** A text with everything the extractors read from it. */
export interface AnalyzedText {
  /** The record's text: every span indexes it. */
  readonly text: string;
  /** The text normalised with the matching profile, with its offset map. */
  readonly normalized: NormalizedText;
  readonly tokens: Tokens;
  readonly sentences: readonly Sentence[];
}

/**
 * Normalises, tokenizes and splits a text.
 *
 * @example
 * const doc = analyzeText('قتل ٣ مدنيين. ونزح الآلاف');
 * doc.sentences.length  // 2
 */
export function analyzeText(text: string): AnalyzedText {
  const normalized = normalize(text);
  const tokens = tokenize(normalized);
  const sentences = splitSentences(tokens);
  return { text, normalized, tokens, sentences };
}
