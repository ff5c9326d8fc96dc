/**
 * Codes of the messages a record carries (`DocumentRecord.messages`): problems or decisions
 * found in one article that a reader may want to check. They are not errors: the article is
 * still extracted. Each code has one meaning, listed here and in docs/messages.md.
 */
import type { Message, Span } from './extract/record.js';

export const MESSAGE_CODES = {
  'boilerplate-removed': 'a line that is not part of the article (navigation, newsletter prompt, section label) was removed',
  'charset-corrected': 'a page or feed declared one encoding but its bytes are in another (UTF-8 declared as windows-1256 or ISO-8859-6, or those two confused); it was read in the one its bytes are',
  'characters-replaced': 'the input held lone UTF-16 surrogates (from JSON escapes such as \\ud800, or broken UTF-16), which are not text; each was replaced with U+FFFD',
  'date-conflict': 'the cues of one date disagreed (a weekday and its day number, a relative day and a weekday, two calendars); the value follows the cues that agree, then the more reliable one',
  'date-unanchored': 'relative dates (اليوم, أمس, a weekday, الشهر الماضي) were left without a value because the article has no publication date',
  'duplicate-title-removed': 'the body repeated the title as its first line; the repeat was removed',
  'lead-added': 'the input\'s abstract was not in its body and was added as the first paragraph',
  'legacy-encoding': 'the input was not UTF-8 and was decoded as windows-1256 or ISO-8859-6 (the message says which)',
  'metadata-unreadable': 'a block of a page\'s metadata (JSON-LD) was not valid JSON and was ignored; the page\'s other metadata was read',
  'place-not-in-gazetteer': 'a place name found by the name tagger is not in the gazetteer; its entity has no geo',
  'published-unreadable': 'the publication date given with the article could not be read and was ignored',
  'span-invalid': 'an annotation whose span did not match the text was dropped (a bug in an extractor)',
  'title-missing': 'the article had no title line; the first sentence stands as the title',
} as const;

export type MessageCode = keyof typeof MESSAGE_CODES | (string & {});

/**
 * Builds a record message.
 *
 * @example
 * recordMessage('boilerplate-removed', 'removed "زر الذهاب إلى الأعلى" (navigation)')
 */
export function recordMessage(code: MessageCode, message: string, span?: Span): Message {
  return span ? { code, message, span } : { code, message };
}
