/**
 * CoNLL files of tagged tokens, as ANERcorp ships them: one `token TAG` per line, a blank line
 * between sentences, BIO tags (`B-PERS`, `I-LOC`, `O`).
 *
 * Other CoNLL layouts read the same way: columns may be separated by spaces or tabs, the token
 * is the first column and the tag the last (a `token POS chunk TAG` file works), a
 * `-DOCSTART-` line ends the sentence before it, and the last sentence needs no blank line
 * after it (ANERcorp's files end without one).
 */
import { MarsadError } from '../errors.js';

/** One sentence of a CoNLL file. */
export interface ConllSentence {
  readonly tokens: string[];
  readonly tags: string[];
  /** Line number (1-based) of the first token, for messages. */
  readonly line: number;
}

// "O", or B/I/E/S then "-" and a type: "B-PERS", "I-LOC", "S-ORG".
const TAG = /^(?:O|[BIES]-[^\s-][^\s]*)$/;

/**
 * Parses the text of a CoNLL file; `name` is the file's name for error messages.
 *
 * @example
 * readConll('فرانكفورت B-LOC\n(د O\n\nأعلن O', 'a.txt')
 * // [{ tokens: ['فرانكفورت', '(د'], tags: ['B-LOC', 'O'], line: 1 }, { tokens: ['أعلن'], tags: ['O'], line: 4 }]
 */
export function readConll(text: string, name: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let first = 0;
  const flush = () => {
    if (tokens.length) sentences.push({ tokens, tags, line: first });
    tokens = [];
    tags = [];
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      flush();
      continue;
    }
    const fields = line.split(/[ \t]+/);
    if (fields[0] === '-DOCSTART-') {
      flush();
      continue;
    }
    if (fields.length < 2) {
      throw new MarsadError('input-format', `${name}:${i + 1}`, `expected "token TAG", found "${clip(line)}"`);
    }
    const tag = fields[fields.length - 1]!;
    if (!TAG.test(tag)) {
      throw new MarsadError('input-format', `${name}:${i + 1}`, `"${clip(tag)}" is not a BIO tag (O, B-TYPE or I-TYPE)`);
    }
    if (tokens.length === 0) first = i + 1;
    tokens.push(fields[0]!);
    tags.push(tag);
  }
  flush();
  if (sentences.length === 0) throw new MarsadError('input-format', name, 'no tagged tokens (expected lines of "token TAG")');
  return sentences;
}

/**
 * Writes sentences as a CoNLL file in ANERcorp's layout (the inverse of {@link readConll}).
 *
 * @example
 * writeConll([{ tokens: ['حلب'], tags: ['B-LOC'], line: 1 }])  // "حلب B-LOC\n"
 */
export function writeConll(sentences: readonly ConllSentence[]): string {
  return sentences.map((s) => s.tokens.map((t, i) => `${t} ${s.tags[i]}\n`).join('')).join('\n');
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
