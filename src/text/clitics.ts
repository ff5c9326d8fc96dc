/**
 * The clitic analyser: the one place Marsad takes Arabic proclitics off a word.
 *
 * Arabic writes conjunctions, prepositions, the future particle and the article fused to the
 * word they govern: "وبحلب" is و + ب + حلب, "للتحالف" is ل + ال + تحالف (the article's alef
 * drops after ل). A word is ambiguous on its own ("ولد" is a word, not و + لد), so the analyser
 * returns every candidate; the lexicon or the model that consumes them decides which is real.
 *
 * Proclitic order: [و|ف] [ب|ل|ك|س] [ال]. Works on normalised words (see normalize.ts).
 */

/** A proclitic Marsad recognises. */
export type Proclitic = 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س' | 'ال';

/** One way to read a word. */
export interface CliticAnalysis {
  /** The proclitics taken off, in order: ["و", "ب"] for "وبحلب", ["ل", "ال"] for "للتحالف". */
  readonly proclitics: readonly Proclitic[];
  /** The word without any proclitic: "حلب", "تحالف". */
  readonly stem: string;
  /**
   * The form a lexicon holds: the stem with its article when it had one ("التحالف" for
   * "للتحالف", "حلب" for "وبحلب"). Names are listed with their article, so this is the key
   * to look up.
   */
  readonly lookup: string;
  /**
   * Where `lookup` begins in the word: the length of the conjunction and preposition part.
   * For "وبحلب" it is 2; for "للتحالف" it is 1 (what follows, "لتحالف", is the article's
   * remnant and the stem, the nearest surface the word has for "التحالف").
   */
  readonly offset: number;
}

const CONJUNCTIONS = ['و', 'ف'] as const;
const PARTICLES = ['ب', 'ل', 'ك', 'س'] as const;
/** The shortest stem a candidate may leave: one-letter stems are never words of interest. */
const MIN_STEM = 2;

/**
 * All readings of a normalised word, the word itself first, then by the number of
 * proclitics taken off.
 *
 * @example
 * analyzeClitics('وبحلب').map(a => a.lookup)     // ['وبحلب', 'بحلب', 'حلب']
 * analyzeClitics('للتحالف').map(a => a.lookup)  // ['للتحالف', 'لتحالف', 'التحالف']
 */
export function analyzeClitics(word: string): CliticAnalysis[] {
  const out: CliticAnalysis[] = [{ proclitics: [], stem: word, lookup: word, offset: 0 }];
  const seen = new Set<string>([keyOf([], word)]);
  const add = (proclitics: Proclitic[], stem: string, lookup: string, offset: number) => {
    if (stem.length < MIN_STEM) return;
    const key = keyOf(proclitics, lookup);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ proclitics, stem, lookup, offset });
  };

  const conjOptions: Array<[Proclitic[], number]> = [[[], 0]];
  for (const c of CONJUNCTIONS) if (word.startsWith(c) && word.length > 1 + MIN_STEM - 1) conjOptions.push([[c], 1]);

  for (const [conj, afterConj] of conjOptions) {
    const rest = word.slice(afterConj);
    // The word after the conjunction, with no other proclitic.
    if (afterConj > 0) add(conj, rest, rest, afterConj);
    // The article alone: "التحالف" → ال + تحالف ("والتحالف" → و + ال + تحالف).
    if (rest.startsWith('ال')) add([...conj, 'ال'], rest.slice(2), rest, afterConj);
    for (const p of PARTICLES) {
      if (!rest.startsWith(p) || rest.length <= MIN_STEM) continue;
      const afterParticle = rest.slice(1);
      const withParticle: Proclitic[] = [...conj, p];
      const offset = afterConj + 1;
      // The future particle only comes before an imperfect verb prefix: "سيواصل", "ستبدأ".
      if (p === 'س' && !/^[يتنا]/.test(afterParticle)) continue;
      add(withParticle, afterParticle, afterParticle, offset);
      if (p === 'س') continue;
      if (p === 'ل' && afterParticle.startsWith('ل') && !afterParticle.startsWith('ال')) {
        // "للتحالف": ل + (ا)ل + تحالف
        const stem = afterParticle.slice(1);
        add([...withParticle, 'ال'], stem, 'ال' + stem, offset);
      } else if (afterParticle.startsWith('ال')) {
        // "بالتحالف", "كالعادة": particle + ال + stem
        add([...withParticle, 'ال'], afterParticle.slice(2), afterParticle, offset);
      }
    }
  }
  return out;
}

function keyOf(proclitics: readonly string[], lookup: string): string {
  return proclitics.join('+') + '|' + lookup;
}

/**
 * The readings of a word that keep at least `minLength` letters in their lookup form, without
 * the reading that strips nothing. Convenience for lexicon matching.
 *
 * @example
 * strippedLookups('وقسد')  // ['قسد']
 */
export function strippedLookups(word: string, minLength = MIN_STEM): string[] {
  const result: string[] = [];
  for (const a of analyzeClitics(word)) {
    if (a.proclitics.length === 0 || a.lookup.length < minLength) continue;
    if (!result.includes(a.lookup)) result.push(a.lookup);
  }
  return result;
}

/**
 * Enclitic (attached object or possessive) pronouns, longest first, normalised:
 * "ندعوكم" = ندعو + كم, "طالبته" = طالبت + ه, "دعمها" = دعم + ها.
 */
const ENCLITICS = ['كما', 'هما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ني', 'ه', 'ك', 'ي'] as const;
export type Enclitic = (typeof ENCLITICS)[number];

/** One reading of a word's end: the word without an attached pronoun. */
export interface EncliticAnalysis {
  readonly stem: string;
  readonly enclitic: Enclitic | null;
}

/**
 * The readings of a normalised word with and without one attached pronoun, the word itself
 * first. Like proclitics, a reading is a candidate: "علي" is a name, not على + ي.
 *
 * @example
 * analyzeEnclitics('ندعوكم')  // [{ stem: 'ندعوكم', enclitic: null }, { stem: 'ندعو', enclitic: 'كم' }]
 */
export function analyzeEnclitics(word: string): EncliticAnalysis[] {
  const out: EncliticAnalysis[] = [{ stem: word, enclitic: null }];
  for (const e of ENCLITICS) {
    if (word.length - e.length >= MIN_STEM + 1 && word.endsWith(e)) out.push({ stem: word.slice(0, -e.length), enclitic: e });
  }
  return out;
}
