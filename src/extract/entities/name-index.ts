/**
 * The name index: every form of every actor and place, in one token trie over normalised forms.
 *
 * A form is a sequence of normalised tokens ("قوات سوريا الديمقراطيه" → three keys), tokenized
 * exactly as article text is, so that matching walks the article's tokens through the trie and
 * finds every name that starts at a token, longest first. A trie node can hold several targets:
 * "حلب" is a city, a governorate and a district; "التحالف" names the Global Coalition and refers
 * back to any other coalition an article has named.
 */
import { loadActors, type Actor } from '../../lexicon/actors.js';
import { loadGazetteer, type Place } from '../../lexicon/gazetteer.js';
import { normalize, normalizeForm } from '../../text/normalize.js';
import { entityContext } from './context.js';
import { tokenize } from '../../text/tokenize.js';

/** What a form names. */
export type NameTarget =
  /** A full name of an actor: "قوات سوريا الديمقراطيه", "قسد". */
  | { readonly kind: 'actor'; readonly actor: Actor }
  /** A partial name ("بلنكن"): counts once the article has named the actor in full. */
  | { readonly kind: 'short'; readonly actor: Actor }
  /** A generic noun ("التنظيم"): refers back to the actor once the article has named it. */
  | { readonly kind: 'ref'; readonly actor: Actor }
  /** An alias that needs a cue word in its sentence. */
  | { readonly kind: 'cued'; readonly actor: Actor; readonly cues: readonly string[] }
  | { readonly kind: 'place'; readonly place: Place };

/** A node of the token trie: the next tokens, and what the form ending here names. */
export interface TrieNode {
  next: Map<string, TrieNode> | null;
  targets: NameTarget[] | null;
  /** The normalised form that ends here. */
  form: string | null;
}

/** The trie of every form of the lexicon and gazetteer. */
export interface NameIndex {
  /** First tokens of every form. */
  readonly root: ReadonlyMap<string, TrieNode>;
  /** Longest form, in tokens. */
  readonly maxTokens: number;
  /** Forms that name both an actor and a place (the data should have none). */
  readonly collisions: readonly string[];
  readonly forms: number;
}

const ARABIC_WORDS = /^[\u0621-\u064a]+(?: [\u0621-\u064a]+)*$/u;

/**
 * The normalised tokens of a form, as the tokenizer cuts article text.
 *
 * @example
 * formTokens('قوات سوريا الديمقراطية')  // ['قوات', 'سوريا', 'الديمقراطيه']
 */
export function formTokens(form: string): string[] {
  // Most forms are Arabic words: normalised, the tokenizer would cut them at the spaces.
  const normal = normalizeForm(form);
  if (ARABIC_WORDS.test(normal)) return normal.split(' ');
  const tokens = tokenize(normalize(form));
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(tokens.norm(i));
  return out;
}

/**
 * Builds a trie from (form, target) pairs.
 *
 * @example
 * buildNameIndex([['قسد', { kind: 'actor', actor: sdf }]]).forms  // 1
 */
export function buildNameIndex(entries: Iterable<[string, NameTarget]>): NameIndex {
  const root = new Map<string, TrieNode>();
  let maxTokens = 0;
  let forms = 0;
  const collisions = new Set<string>();
  for (const [form, target] of entries) {
    const keys = formTokens(form);
    if (keys.length === 0) continue;
    maxTokens = Math.max(maxTokens, keys.length);
    let level: Map<string, TrieNode> = root;
    let node: TrieNode | undefined;
    for (let k = 0; k < keys.length; k++) {
      node = level.get(keys[k]!);
      if (!node) {
        node = { next: null, targets: null, form: null };
        level.set(keys[k]!, node);
      }
      if (k < keys.length - 1) level = node.next ??= new Map();
    }
    if (!node!.targets) {
      node!.targets = [];
      node!.form = keys.join(' ');
      forms++;
    }
    const targets = node!.targets;
    const same = (t: NameTarget) =>
      t.kind === target.kind && (t.kind === 'place' ? t.place === (target as { place: Place }).place : (t as { actor: Actor }).actor === (target as { actor: Actor }).actor);
    if (targets.some(same)) continue;
    targets.push(target);
    const hasActorName = targets.some((t) => t.kind === 'actor' || t.kind === 'cued');
    if (hasActorName && targets.some((t) => t.kind === 'place')) collisions.add(node!.form!);
  }
  return { root, maxTokens, collisions: [...collisions].sort(), forms };
}

/** Walks the trie along `keys`; the node where they end, if any. */
export function findForm(index: NameIndex, keys: readonly string[]): TrieNode | undefined {
  let level: ReadonlyMap<string, TrieNode> | null = index.root;
  let node: TrieNode | undefined;
  for (const key of keys) {
    if (!level) return undefined;
    node = level.get(key);
    if (!node) return undefined;
    level = node.next;
  }
  return node;
}

/**
 * The generic nouns that refer back to an organisation, from the head nouns of its names:
 * "هيئه تحرير الشام" → "الهيئه", "الاداره الذاتيه" → "الاداره", "قوات سوريا الديمقراطيه" → "القوات".
 *
 * @example
 * headRefs(['هيئه تحرير الشام'], new Set(['هيئه']))  // ['الهيئه']
 */
export function headRefs(names: readonly string[], heads: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const space = name.indexOf(' ');
    if (space < 0) continue;
    const first = name.slice(0, space);
    if (heads.has(first)) out.add('ال' + first);
    else if (first.startsWith('ال') && heads.has(first.slice(2))) out.add(first);
  }
  return [...out];
}

/** Every (form, target) pair of the actor lexicon and the gazetteer. */
export function* lexiconEntries(actors: readonly Actor[], places: readonly Place[], refHeads: ReadonlySet<string> = new Set()): Generator<[string, NameTarget]> {
  for (const actor of actors) {
    const names = [normalizeForm(actor.name.ar), ...actor.aliases];
    for (const form of names) yield [form, { kind: 'actor', actor }];
    for (const form of actor.short) yield [form, { kind: 'short', actor }];
    const refs = actor.type === 'ORG' ? [...actor.refs, ...headRefs(names, refHeads)] : actor.refs;
    for (const form of refs) yield [form, { kind: 'ref', actor }];
    for (const c of actor.cued) yield [c.form, { kind: 'cued', actor, cues: c.cues }];
  }
  for (const place of places) for (const form of place.names) yield [form, { kind: 'place', place }];
}

let cached: NameIndex | undefined;

/**
 * The index of the shipped lexicon and gazetteer (built once per process).
 *
 * @example
 * findForm(nameIndex(), ['قسد'])!.targets![0].kind  // "actor"
 */
export function nameIndex(): NameIndex {
  return (cached ??= buildNameIndex(lexiconEntries(loadActors().actors, loadGazetteer().places, entityContext().refHeads)));
}
