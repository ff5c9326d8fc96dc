/**
 * Boilerplate remover: lines of a web page that are not the article.
 *
 * Two kinds of evidence, both data in `data/ar/boilerplate.json`:
 * - a list: navigation and button lines ("زر الذهاب إلى الأعلى", "اظهر المزيد") removed wherever
 *   they stand, and prompts recognised by how they start ("هل أعجبك المحتوى…");
 * - a general heuristic for the article's edges: a short line at the top made only of section
 *   labels, even fused ("الأخبارمانشيت" = الأخبار + مانشيت), and a short line at the bottom that
 *   speaks to the reader (اشترك، انضموا إلينا، تابعونا، بريدك …).
 * Lines inside the article are never judged by the heuristic, only by the exact list.
 *
 * The call-to-action heuristic never removes a line that reads as news: one that carries a
 * figure (a digit, a number word), a name cue ("قوات", "داعش") or an event trigger ("قتل",
 * "اعتقال"). The test is cheap and runs on the raw line, before any extractor (the text layer
 * cannot use their results); its word lists (`articleCues`) are a small sample of the
 * extractors' lexicons kept in the same data file.
 */
import { z } from 'zod';
import { loadResource } from '../lexicon/resources.js';
import { normalizeForm } from './normalize.js';

const BoilerplateSchema = z.object({
  description: z.string(),
  lines: z.array(z.string().min(1)),
  prefixes: z.array(z.string().min(1)),
  sectionLabels: z.array(z.string().min(1)),
  callToActionCues: z.array(z.string().min(1)),
  articleCues: z.object({
    description: z.string(),
    figureWords: z.array(z.string().min(1)),
    triggerStems: z.array(z.string().min(1)),
    nameWords: z.array(z.string().min(1)),
  }),
});

/** Why a line was judged not to be part of the article. */
export type BoilerplateKind = 'navigation' | 'prompt' | 'section-label' | 'call-to-action';

/** Lines at each edge of the article that the heuristic looks at. */
const TOP_LINES = 3;
const BOTTOM_LINES = 4;
/** Longest line (in words) that may be a section label or a call to action. */
const MAX_LABEL_WORDS = 4;
const MAX_PROMPT_WORDS = 30;

interface Compiled {
  lines: Set<string>;
  prefixes: string[];
  labels: string[];
  cues: string[];
  figureWords: Set<string>;
  triggerStems: string[];
  /** One-word name cues (a word starting with one), and phrases (found anywhere in the line). */
  nameStarts: string[];
  namePhrases: string[];
}

let compiled: Compiled | undefined;

/** Folds a line for comparison: normalised, lower case, without punctuation or spaces. */
function squash(line: string): string {
  return normalizeForm(line)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function load(): Compiled {
  if (compiled) return compiled;
  const data = loadResource('ar/boilerplate.json', BoilerplateSchema);
  compiled = {
    lines: new Set(data.lines.map(squash)),
    prefixes: data.prefixes.map(squash).filter((p) => p.length > 0),
    // Longest first, so that segmentation prefers "عربيودولي" over "عربي" + …
    labels: [...new Set(data.sectionLabels.map(squash))].sort((a, b) => b.length - a.length),
    cues: data.callToActionCues.map((c) => normalizeForm(c).toLowerCase()),
    figureWords: new Set(data.articleCues.figureWords.map((w) => normalizeForm(w))),
    triggerStems: data.articleCues.triggerStems.map((w) => normalizeForm(w)),
    nameStarts: data.articleCues.nameWords.filter((w) => !/\s/u.test(w.trim())).map((w) => normalizeForm(w)),
    namePhrases: data.articleCues.nameWords.filter((w) => /\s/u.test(w.trim())).map((w) => normalizeForm(w)),
  };
  return compiled;
}

/** Whether `s` is a concatenation of section labels ("الاخبارمانشيت"). */
function isLabelSequence(s: string, labels: string[]): boolean {
  if (s.length === 0) return false;
  const reachable = new Uint8Array(s.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < s.length; i++) {
    if (!reachable[i]) continue;
    for (const label of labels) if (s.startsWith(label, i)) reachable[i + label.length] = 1;
  }
  return reachable[s.length] === 1;
}

/** A word and the same word without leading clitics ("وبالقوات" → "قوات", "للقتلى" → "قتلى"). */
function readings(word: string): string[] {
  const bare = word.replace(/^[وف]/u, '');
  const stripped = bare.replace(/^(?:[بك]|لل?)?(?:ال)?/u, '');
  return [word, bare, stripped].filter((w, i, all) => w.length > 1 && all.indexOf(w) === i);
}

/**
 * Whether a line reads as news: it carries a figure, a name cue or an event trigger (see the
 * module comment). Such a line is never taken for a call to action.
 *
 * @example
 * readsAsNews('وانضموا الى صفوف قوات سوريا الديمقراطية، وإن 30 عنصرا قتلوا')  // true
 * readsAsNews('انضموا إلينا على تلغرام')                                      // false
 */
export function readsAsNews(line: string): boolean {
  if (/\p{Nd}/u.test(line)) return true;
  const { figureWords, triggerStems, nameStarts, namePhrases } = load();
  const folded = normalizeForm(line);
  if (namePhrases.some((p) => folded.includes(p))) return true;
  for (const word of folded.split(/[\s\p{P}\p{S}]+/u)) {
    if (!word) continue;
    for (const w of readings(word)) {
      if (figureWords.has(w)) return true;
      if (triggerStems.some((t) => w.startsWith(t))) return true;
      if (nameStarts.some((t) => w.startsWith(t))) return true;
    }
  }
  return false;
}

const wordCount = (line: string) => line.trim().split(/\s+/u).filter(Boolean).length;

/**
 * Judges one line. `fromTop` and `fromBottom` count the non-empty lines before and after it.
 *
 * @example
 * classifyLine('زر الذهاب إلى الأعلى', 9, 0)  // 'navigation'
 * classifyLine('الأخبارمانشيت', 0, 12)        // 'section-label'
 * classifyLine('قتل ثلاثة مدنيين', 0, 12)      // null
 */
export function classifyLine(line: string, fromTop: number, fromBottom: number): BoilerplateKind | null {
  const { lines, prefixes, labels, cues } = load();
  const squashed = squash(line);
  if (squashed.length === 0) return null;
  if (lines.has(squashed)) return 'navigation';
  // "© 2024 …": a copyright line (the sign is punctuation to squash, so test it first)
  if (/^\s*(©|\(c\)\s)/iu.test(line)) return 'prompt';
  if (prefixes.some((p) => squashed.startsWith(p))) return 'prompt';
  const words = wordCount(line);
  if ((fromTop < TOP_LINES || fromBottom < BOTTOM_LINES) && words <= MAX_LABEL_WORDS && isLabelSequence(squashed, labels)) {
    return 'section-label';
  }
  if (fromBottom < BOTTOM_LINES && words <= MAX_PROMPT_WORDS) {
    const folded = normalizeForm(line).toLowerCase();
    if (cues.some((c) => folded.includes(c)) && !readsAsNews(line)) return 'call-to-action';
  }
  return null;
}

/** A removed line and why. */
export interface RemovedLine {
  readonly line: string;
  readonly kind: BoilerplateKind;
}

/**
 * Removes boilerplate lines from the lines of an article (empty lines are kept in place so
 * that paragraph breaks survive; the caller collapses them).
 */
export function removeBoilerplate(lines: readonly string[]): { kept: string[]; removed: RemovedLine[] } {
  const nonEmpty = lines.filter((l) => l.trim().length > 0).length;
  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  let seen = 0;
  for (const line of lines) {
    if (line.trim().length === 0) {
      kept.push(line);
      continue;
    }
    const kind = classifyLine(line, seen, nonEmpty - seen - 1);
    seen++;
    if (kind) removed.push({ line: line.trim(), kind });
    else kept.push(line);
  }
  return { kept, removed };
}
