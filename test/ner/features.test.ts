import { describe, expect, it } from 'vitest';
import { contextFeature, DEFAULT_FEATURES, Featurizer, NameList, NO_LEXICON, shapeOf } from '../../src/ner/features.js';
import { combine, hashString } from '../../src/ner/hash.js';
import { lexiconText, TextLexicon } from '../../src/ner/model.js';
import { normalizeForm } from '../../src/text/normalize.js';

const lexicon = new TextLexicon(
  lexiconText({
    clusters: new Map([
      ['بغداد', { bits: '1000000000', count: 1341 }],
      ['جورج', { bits: '0101100010', count: 1307 }],
      ['دمشق', { bits: '1000000000', count: 1493 }],
    ]),
    lists: { Person: ['ميركل', 'جورج'], Place: ['حلب'], Country: ['سوريا'] },
    neighbours: new Map([['سلتيك', { before: ['نادي', 'ضد'], after: ['الاسكتلندي', 'في'] }]]),
  }),
);
const featurizer = new Featurizer({ ...DEFAULT_FEATURES, neighbours: true }, lexicon);
const names = (form: string) => featurizer.wordFeatureNames(form);

describe('word features', () => {
  it('strip clitics: every reading, its clitic pattern, and the attested reading as the bare stem', () => {
    const f = names('وبغداد');
    expect(f.own).toEqual(expect.arrayContaining(['w=وبغداد', 'l=بغداد', 'pc=و', 'l=غداد', 'pc=وب', 'b=بغداد']));
    // "غداد" strips more but the unlabeled text never saw it: not the bare stem.
    expect(f.own).not.toContain('b=غداد');
    // With no reading attested, the one that strips most: "وطلوزه" → "طلوزه".
    expect(names('وطلوزه').own).toContain('b=طلوزه');
  });

  it('read the article as a clitic only through the clitic analyser: "للعراق" → "العراق"', () => {
    expect(names('للعراق').own).toEqual(expect.arrayContaining(['l=العراق', 'pc=لال']));
  });

  it('have affixes of the form and of the bare stem, and a length bucket', () => {
    const f = names('والامريكية'.replace('ة', 'ه'));
    expect(f.own).toEqual(expect.arrayContaining(['s1=ه', 's2=يه', 's3=كيه', 'p2=وا', 'p3=وال', 'bp2=ام', 'bs3=كيه', 'len=7-9']));
  });

  it('have a shape: Arabic, Latin, digits, punctuation', () => {
    expect(shapeOf('حلب')).toBe('A');
    expect(shapeOf('SDF')).toBe('L');
    expect(shapeOf('2006')).toBe('D');
    expect(shapeOf('(د')).toBe('PA');
    expect(names('(د').own).toContain('shape=PA');
    // Words that are not Arabic letters get no clitic readings.
    expect(names('(د').own.some((n) => n.startsWith('l='))).toBe(false);
  });

  it('have cluster prefixes of the form, or of its most frequent stripped reading, and a frequency bucket', () => {
    const own = names('جورج').own;
    expect(own).toEqual(expect.arrayContaining(['c4=0101', 'c6=010110', 'c8=01011000', 'c10=0101100010', 'f=11']));
    const stripped = names('وبغداد').own;
    expect(stripped).toEqual(expect.arrayContaining(['c=none', 'f=0', 'k4=1000', 'k10=1000000000']));
    expect(names('وبغداد').context).toEqual(expect.arrayContaining(['k6=100000', 'k10=1000000000']));
  });

  it('say which name lists hold the form, or a stripped reading of it', () => {
    expect(names('ميركل').own).toContain('list=Person');
    expect(names('وحلب').own).toContain('list~Place');
    expect(names('سوريا').context).toContain('list=Country');
    expect(names('قال').own.some((n) => n.startsWith('list'))).toBe(false);
    expect(lexicon.entry('جورج')).toEqual({ bits: '0101100010', count: 1307, lists: NameList.Person, before: [], after: [] });
    expect(lexicon.entry('حلب')?.lists).toBe(NameList.Place);
    expect(lexicon.entry('قال')).toBeUndefined();
  });

  it('list the typical neighbours of the form or of a stripped reading', () => {
    expect(names('لسلتيك').own).toEqual(expect.arrayContaining(['nb~=نادي', 'nb~=ضد', 'na~=الاسكتلندي', 'na~=في']));
    expect(names('قال').own).toContain('nb=none');
  });

  it('are the same for a CoNLL token and for the same word in Marsad\'s text: both are normalised forms', () => {
    const fromConll = featurizer.word(normalizeForm('بغدادَ'));
    const fromText = featurizer.word('بغداد');
    expect([...fromConll.own]).toEqual([...fromText.own]);
  });

  it('give every word a document key from its attested reading, none to punctuation', () => {
    expect(featurizer.word('وبغداد').key).toBe(featurizer.word('بغداد').key);
    expect(featurizer.word('بغداد').key).not.toBe(0);
    expect(featurizer.word(',').key).toBe(0);
  });
});

describe('sentence features', () => {
  const plain = new Featurizer({ ...DEFAULT_FEATURES, clusterPrefixes: [], contextClusterPrefixes: [], lists: false }, NO_LEXICON);

  it("add the neighbours' context features with their offset, and the sentence edges", () => {
    const { hashes, starts } = plain.sentence(['زار', 'ميركل']);
    const first = [...hashes.subarray(starts[0], starts[1])];
    expect(first).toContain(contextFeature(hashString('w=ميركل'), 1));
    expect(first).toContain(contextFeature(hashString('w=<s>'), -1));
    expect(first).toContain(contextFeature(hashString('w=<s>'), -2));
    expect(first).not.toContain(contextFeature(hashString('w=ميركل'), -1));
    const second = [...hashes.subarray(starts[1], starts[2])];
    expect(second).toContain(contextFeature(hashString('w=زار'), -1));
    expect(second).toContain(contextFeature(hashString('w=</s>'), 1));
  });

  it('add word pairs and, when given, document features', () => {
    const doc = { hashes: Uint32Array.of(123, 456), starts: Int32Array.of(0, 0, 2) };
    const { hashes, starts } = plain.sentence(['زار', 'ميركل'], doc);
    const second = [...hashes.subarray(starts[1], starts[2])];
    expect(second).toEqual(expect.arrayContaining([123, 456]));
    expect(second).toContain(combine(combine(hashString('pair-1'), hashString('w=زار')), hashString('w=ميركل')));
  });
});
