/**
 * The matcher of one event, many reports (src/services/fold.ts), on events written for each
 * rule: what folds, what never does, and that the answer depends on the set of events only.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/ner/train.js';
import { foldEvents, foldWindow, relate, summarizeFold, type FoldEvent } from '../../src/services/fold.js';

const TR = { id: 'loc:tr', country: 'TR', subtype: 'country' };
const TR_ARMY = { id: 'org:tr-army', country: 'TR', subtype: 'MIL' };
const PKK = { id: 'org:pkk', country: 'TR', subtype: 'REB' };
const SDF = { id: 'org:sdf', country: 'SY', subtype: 'MIL' };
const AANES = { id: 'org:aanes', country: 'SY', subtype: 'GOV' };
const COALITION = { id: 'org:coalition', country: null, subtype: 'IGO' };
const QAMISHLI = { id: 'loc:sy:qamishli', country: 'SY' };
const QAMISHLI_DISTRICT = { id: 'loc:sy:adm2:al-hasakah-al-qamishli', country: 'SY' };
const HASAKAH_GOVERNORATE = { id: 'loc:sy:adm1:al-hasakah', country: 'SY' };
const HASAKAH_CITY = { id: 'loc:sy:hasakah', country: 'SY' };
const KOBANI = { id: 'loc:sy:kobani', country: 'SY' };
const SYRIA = { id: 'loc:sy', country: 'SY' };
const NORTH_EAST = { id: 'loc:sy:north-east-syria', country: 'SY' };
const MOSUL = { id: 'loc:iq:mosul', country: 'IQ' };

/** An attack reported on 2024-11-12, with what a test changes. */
function ev(document: string, over: Partial<FoldEvent> = {}): FoldEvent {
  return {
    document,
    index: 0,
    type: 'ASSAULT',
    modality: 'asserted',
    mode: 'drone',
    actors: [TR],
    recipients: [],
    place: QAMISHLI,
    date: { value: '2024-11-12', precision: 'day' },
    topics: [],
    size: {},
    confidence: 0.8,
    published: '2024-11-12',
    outlet: `outlet of ${document}`,
    ...over,
  };
}

const killed = (value: number) => ({ killed: { value, low: null, high: null } });
/** The folds as lists of "document#index", sorted, for comparing. */
const groups = (events: FoldEvent[]) =>
  foldEvents(events)
    .map((f) => f.map((e) => `${e.document}#${e.index}`))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('one event, many reports: the matcher', () => {
  const hawar = ev('hawar', { size: killed(4), outlet: 'وكالة هاوار' });
  const sohr = ev('sohr', { size: killed(5), mode: 'aerial', outlet: 'المرصد السوري' });
  const enab = ev('enab', { size: { ...killed(4), injured: { value: 2, low: null, high: null } }, published: '2024-11-13', outlet: 'عنب بلدي' });
  const kobani = ev('kobani', { place: KOBANI, size: killed(2), outlet: 'وكالة هاوار' });
  const weekLater = ev('later', { date: { value: '2024-11-19', precision: 'day' }, published: '2024-11-19', outlet: 'المرصد السوري' });

  it('folds one attack told by three outlets, and keeps apart one in another town and one a week later', () => {
    expect(groups([hawar, sohr, enab, kobani, weekLater])).toEqual([['enab#0', 'hawar#0', 'sohr#0'], ['kobani#0'], ['later#0']]);
  });

  it('gives the same folds and ids whatever order the events come in', () => {
    const events = [hawar, sohr, enab, kobani, weekLater, ev('vague', { actors: [], place: SYRIA }), ev('statement', { type: 'STATEMENT', actors: [AANES] })];
    const canonical = foldEvents(events).map((f) => summarizeFold(f).id).sort();
    const random = seededRandom(7);
    for (let round = 0; round < 30; round++) {
      const shuffled = [...events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(foldEvents(shuffled).map((f) => summarizeFold(f).id).sort()).toEqual(canonical);
    }
  });

  it('says what the fold says as a whole: the most precise date, the deepest place, every source and figure', () => {
    const vague = ev('vague-date', { date: { value: '2024-11', precision: 'month' }, place: HASAKAH_GOVERNORATE, outlet: 'رووداو' });
    const [fold] = foldEvents([hawar, sohr, enab, vague]);
    expect(fold!.map((e) => e.document)).toEqual(['enab', 'hawar', 'sohr', 'vague-date']);
    expect(summarizeFold(fold!)).toMatchObject({
      type: 'ASSAULT',
      date: { value: '2024-11-12', precision: 'day' },
      place: 'loc:sy:qamishli',
      sortDate: '2024-11-12',
      sources: 4,
      outlets: 4,
      events: 4,
      figures: ['killed', 'injured'],
    });
    // Named after its earliest report: a report published later does not change its id.
    expect(summarizeFold([hawar, sohr]).id).toBe(summarizeFold([hawar, sohr, enab]).id);
  });

  describe('never folds', () => {
    it('two events of the same article', () => {
      expect(groups([ev('a'), ev('a', { index: 1 })])).toEqual([['a#0'], ['a#1']]);
      expect(relate(ev('a'), ev('a', { index: 1 })).compatible).toBe(false);
    });

    it('places that contradict: two towns, or a region and a town of another country', () => {
      expect(relate(ev('a'), ev('b', { place: KOBANI })).compatible).toBe(false);
      expect(relate(ev('a', { place: NORTH_EAST }), ev('b', { place: MOSUL })).compatible).toBe(false);
      expect(relate(ev('a', { place: HASAKAH_CITY }), ev('b')).compatible).toBe(false);
    });

    it('different actors, or different recipients', () => {
      expect(relate(ev('a'), ev('b', { actors: [SDF] })).compatible).toBe(false);
      expect(relate(ev('a', { recipients: [SDF] }), ev('b', { recipients: [COALITION] })).compatible).toBe(false);
      // A country stands for its state's organs, not for every group of that country.
      expect(relate(ev('a'), ev('b', { actors: [PKK] })).compatible).toBe(false);
    });

    it('dates a month apart, a day apart within one outlet or one day of publication, or known only to the year', () => {
      expect(relate(ev('a'), ev('b', { date: { value: '2024-12-12', precision: 'day' }, published: '2024-12-12' })).compatible).toBe(false);
      const nextDay = { date: { value: '2024-11-13', precision: 'day' as const }, published: '2024-11-13' };
      expect(relate(ev('a', { outlet: 'هاوار' }), ev('b', { ...nextDay, outlet: 'هاوار' })).compatible).toBe(false);
      expect(relate(ev('a'), ev('b', { date: nextDay.date })).compatible).toBe(false);
      const year = { date: { value: '2024', precision: 'year' as const } };
      expect(relate(ev('a', year), ev('b', year)).compatible).toBe(false);
      expect(foldWindow(ev('a', year))).toBeNull();
      expect(foldWindow(ev('a', { date: { value: null, precision: null }, published: null }))).toBeNull();
    });

    it('figures that contradict hard, or acts of another modality or type', () => {
      expect(relate(ev('a', { size: killed(2) }), ev('b', { size: killed(40) })).compatible).toBe(false);
      expect(relate(ev('a', { size: killed(10) }), ev('b', { size: killed(35) })).edge).toBe(true);
      expect(relate(ev('a'), ev('b', { modality: 'negated' })).compatible).toBe(false);
      expect(relate(ev('a'), ev('b', { type: 'COERCE' })).compatible).toBe(false);
    });

    it('on compatibility alone: an unnamed doer in a country on the same day says too little', () => {
      const r = relate(ev('a'), ev('b', { actors: [], place: SYRIA }));
      expect(r).toMatchObject({ compatible: true, edge: false });
      expect(groups([ev('a'), ev('b', { actors: [], place: SYRIA })])).toEqual([['a#0'], ['b#0']]);
    });
  });

  describe('folds', () => {
    it('a town and its governorate, a city and the district named after it, a region and a town of its country', () => {
      expect(relate(ev('a', { actors: [] }), ev('b', { actors: [], place: HASAKAH_GOVERNORATE })).edge).toBe(true);
      expect(relate(ev('a', { actors: [] }), ev('b', { actors: [], place: QAMISHLI_DISTRICT })).edge).toBe(true);
      expect(relate(ev('a'), ev('b', { place: NORTH_EAST })).edge).toBe(true);
    });

    it('a country and its army as one doer', () => {
      expect(relate(ev('a'), ev('b', { actors: [TR_ARMY], place: null })).edge).toBe(true);
    });

    it('day dates a day apart from outlets that published on different days (a night\'s act)', () => {
      const next = ev('b', { date: { value: '2024-11-13', precision: 'day' }, published: '2024-11-13' });
      expect(relate(ev('a'), next)).toMatchObject({ compatible: true, edge: true });
    });

    it('an undated report with the act of its day of publication or the day before', () => {
      const undated = ev('b', { date: { value: null, precision: null }, published: '2024-11-13' });
      expect(foldWindow(undated)).toEqual({ from: '2024-11-12', to: '2024-11-13' });
      expect(relate(ev('a'), undated).edge).toBe(true);
      expect(relate(ev('a', { date: { value: '2024-11-10', precision: 'day' } }), undated).compatible).toBe(false);
    });

    it('a day within the month another report gives', () => {
      expect(relate(ev('a'), ev('b', { date: { value: '2024-11', precision: 'month' } })).edge).toBe(true);
      expect(relate(ev('a'), ev('b', { date: { value: '2024-10', precision: 'month' } })).compatible).toBe(false);
    });

    it('verbal acts only with the same named speaker on the same day and something more', () => {
      const statement = (doc: string, over: Partial<FoldEvent> = {}) => ev(doc, { type: 'STATEMENT', actors: [AANES], place: null, ...over });
      expect(relate(statement('a'), statement('b')).edge).toBe(false);
      expect(relate(statement('a', { topics: ['repatriation'] }), statement('b', { topics: ['repatriation', 'camps'] })).edge).toBe(true);
      expect(relate(statement('a', { recipients: [COALITION] }), statement('b', { recipients: [COALITION] })).edge).toBe(true);
      expect(relate(statement('a', { actors: [], topics: ['camps'] }), statement('b', { topics: ['camps'] })).edge).toBe(false);
    });
  });

  it('never chains: a report compatible with two that contradict each other joins one of them only', () => {
    const city = ev('city', { place: HASAKAH_CITY });
    const governorate = ev('governorate', { place: HASAKAH_GOVERNORATE });
    const qamishli = ev('qamishli');
    const folds = groups([city, governorate, qamishli]);
    expect(folds).toHaveLength(2);
    expect(folds.flat().sort()).toEqual(['city#0', 'governorate#0', 'qamishli#0']);
    expect(folds.find((f) => f.includes('city#0'))).not.toContain('qamishli#0');
  });
});
