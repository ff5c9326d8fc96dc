/**
 * The contract of folding (one event, many reports) every Store passes: folds kept on write,
 * the same whatever order documents arrive in, refolded when a document is replaced, listed and
 * filtered as events are. Called from `storeContract`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecord, type EntitySpec } from '../../src/bench/records.js';
import type { DocumentRecord } from '../../src/extract/record.js';
import type { FoldQuery, FoldRow, Store } from '../../src/store/store.js';

const TR: EntitySpec = { id: 'loc:tr', type: 'LOC', subtype: 'country', ar: 'تركيا', en: 'Turkey', country: 'TR', forms: ['تركية', 'تركيا'] };
const QAMISHLI: EntitySpec = { id: 'loc:sy:qamishli', type: 'LOC', subtype: 'city', ar: 'القامشلي', en: 'Qamishli', country: 'SY', geo: { lat: 37.0522, lon: 41.2211, precision: 'point' }, forms: ['القامشلي', 'قامشلو'] };
const KOBANI: EntitySpec = { id: 'loc:sy:kobani', type: 'LOC', subtype: 'city', ar: 'كوباني', en: 'Kobani', country: 'SY', geo: { lat: 36.891, lon: 38.3537, precision: 'point' }, forms: ['كوباني'] };

const killed = (value: number, quantity = 0) => ({ value, low: null, high: null, qualifier: null, quantity });

/**
 * Five reports: one drone strike near Qamishli told by Hawar (4 killed), SOHR (5) and Enab
 * Baladi (4 killed, 2 injured, a day later), a strike near Kobani the same day, and one near
 * Qamishli a week later.
 */
export function foldRecords(): Record<'hawar' | 'sohr' | 'enab' | 'kobani' | 'later', DocumentRecord> {
  const strike = (o: { title: string; body: string; outlet: string; published: string; date: string; place: EntitySpec; figures: { text: string; value: number; category: 'killed' | 'injured' }[]; trigger: string }) =>
    buildRecord({
      title: o.title,
      body: o.body,
      outlet: o.outlet,
      published: o.published,
      url: `https://example.org/${encodeURIComponent(o.title)}`,
      entities: [TR, o.place],
      quantities: o.figures.map((f) => ({ text: f.text, value: f.value, unit: 'person', category: f.category })),
      events: [
        {
          type: 'ASSAULT',
          trigger: o.trigger,
          actor: [TR.id],
          place: o.place.id,
          date: o.date,
          mode: 'drone',
          quantities: o.figures.map((_, i) => i),
          size: Object.fromEntries(o.figures.map((f, i) => [f.category, killed(f.value, i)])),
        },
      ],
    });
  return {
    hawar: strike({
      title: 'استشهاد أربعة مدنيين بقصف مسيرة تركية في ريف قامشلو',
      body: 'استهدفت مسيرة تركية اليوم سيارة مدنية في ريف قامشلو الغربي.',
      outlet: 'وكالة هاوار',
      published: '2024-11-12',
      date: '2024-11-12',
      place: QAMISHLI,
      figures: [{ text: 'أربعة مدنيين', value: 4, category: 'killed' }],
      trigger: 'بقصف',
    }),
    sohr: strike({
      title: 'مقتل خمسة أشخاص بضربة جوية تركية قرب القامشلي',
      body: 'رصد المرصد السوري مقتل خمسة أشخاص اليوم جراء ضربة نفذتها طائرة مسيرة تركية.',
      outlet: 'المرصد السوري لحقوق الإنسان',
      published: '2024-11-12',
      date: '2024-11-12',
      place: QAMISHLI,
      figures: [{ text: 'خمسة أشخاص', value: 5, category: 'killed' }],
      trigger: 'بضربة',
    }),
    enab: strike({
      title: 'مسيرة تركية تقتل أربعة أشخاص قرب القامشلي',
      body: 'قتل أربعة أشخاص وأصيب اثنان آخران أمس بضربة طائرة مسيرة تركية.',
      outlet: 'عنب بلدي',
      published: '2024-11-13',
      date: '2024-11-12',
      place: QAMISHLI,
      figures: [
        { text: 'أربعة أشخاص', value: 4, category: 'killed' },
        { text: 'اثنان آخران', value: 2, category: 'injured' },
      ],
      trigger: 'تقتل',
    }),
    kobani: strike({
      title: 'استشهاد مدنيين اثنين بقصف مسيرة تركية جنوب كوباني',
      body: 'استهدفت مسيرة تركية مساء اليوم دراجة نارية جنوب كوباني.',
      outlet: 'وكالة هاوار',
      published: '2024-11-12',
      date: '2024-11-12',
      place: KOBANI,
      figures: [{ text: 'مدنيين اثنين', value: 2, category: 'killed' }],
      trigger: 'بقصف',
    }),
    later: strike({
      title: 'مقتل شاب بضربة جوية تركية جديدة قرب القامشلي',
      body: 'رصد المرصد السوري مقتل شاب اليوم جراء ضربة جوية تركية عند أطراف القامشلي.',
      outlet: 'المرصد السوري لحقوق الإنسان',
      published: '2024-11-19',
      date: '2024-11-19',
      place: QAMISHLI,
      figures: [],
      trigger: 'بضربة',
    }),
  };
}

export function foldsContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract, folds (one event, many reports): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const r = foldRecords();
    const nameOf = new Map(Object.entries(r).map(([k, v]) => [v.id, k]));
    const save = async (s: Store, records: DocumentRecord[]) => {
      for (const x of records) await s.saveDocument(x, { origin: x.source.path!, outlet: x.source.outlet ?? null, url: x.source.url ?? null, published: x.published }, null);
    };
    const all = (filter: FoldQuery['filter'] = {}, more: Partial<FoldQuery> = {}) => store.folds({ filter, sort: '-sources', limit: 50, offset: 0, ...more });
    /** The folds as sorted lists of record names. */
    const groups = (rows: FoldRow[]) => rows.map((f) => f.members.map((m) => nameOf.get(m.document.id)).sort().join('+')).sort();

    it('folds the reports of one act across documents, with every outlet\'s figures side by side', async () => {
      await save(store, [r.hawar, r.sohr, r.enab, r.kobani, r.later]);
      const page = await all();
      expect(page.total).toBe(3);
      expect(groups(page.rows)).toEqual(['enab+hawar+sohr', 'kobani', 'later']);
      const [attack] = page.rows;
      expect(attack).toMatchObject({
        type: 'ASSAULT',
        modality: 'asserted',
        mode: 'drone',
        date: { value: '2024-11-12', precision: 'day' },
        place: { id: 'loc:sy:qamishli', name: { ar: 'القامشلي', en: 'Qamishli' }, geo: { lat: 37.0522, lon: 41.2211 } },
        actors: [{ id: 'loc:tr', type: 'LOC', name: { ar: 'تركيا', en: 'Turkey' } }],
        recipients: [],
        sources: 3,
      });
      // Earliest published first; Enab Baladi published a day later.
      expect(attack!.members.at(-1)!.document.outlet).toBe('عنب بلدي');
      expect([...attack!.outlets].sort()).toEqual(['المرصد السوري لحقوق الإنسان', 'عنب بلدي', 'وكالة هاوار']);
      const byOutlet = (category: string) =>
        Object.fromEntries(attack!.figures.find((f) => f.category === category)!.reports.map((x) => [x.document.outlet, [x.value, x.text]]));
      expect(attack!.figures.map((f) => [f.category, f.low, f.high])).toEqual([['killed', 4, 5], ['injured', 2, 2]]);
      expect(byOutlet('killed')).toEqual({ 'وكالة هاوار': [4, 'أربعة مدنيين'], 'المرصد السوري لحقوق الإنسان': [5, 'خمسة أشخاص'], 'عنب بلدي': [4, 'أربعة أشخاص'] });
      expect(byOutlet('injured')).toEqual({ 'عنب بلدي': [2, 'اثنان آخران'] });
      for (const m of attack!.members) {
        expect(m.fold).toEqual({ id: attack!.id, sources: 3 });
        expect(m.sentence).toEqual(Object.values(r).find((x) => x.id === m.document.id)!.events[m.index]!.sentence);
      }
      expect(await store.fold(attack!.id)).toEqual(attack);
      expect(await store.fold('0000000000000000')).toBeNull();
    });

    it('gives the same folds, with the same ids, whatever order the documents arrive in', async () => {
      await save(store, [r.hawar, r.sohr, r.enab, r.kobani, r.later]);
      const other = await open();
      try {
        await save(other, [r.later, r.enab, r.kobani, r.sohr, r.hawar]);
        const summary = async (s: Store) =>
          (await s.folds({ filter: {}, sort: 'date', limit: 50, offset: 0 })).rows.map((f) => [f.id, f.sources, f.members.map((m) => m.document.id).sort()]).sort();
        expect(await summary(other)).toEqual(await summary(store));
      } finally {
        await other.close();
      }
    });

    it('keeps every report reachable as a per-article event carrying its fold and sources count', async () => {
      await save(store, [r.hawar, r.sohr, r.enab, r.kobani, r.later]);
      const events = (await store.events({ filter: {}, sort: 'published', limit: 50, offset: 0 })).rows;
      expect(events).toHaveLength(5);
      expect(events.map((e) => [nameOf.get(e.document.id), e.fold?.sources]).sort()).toEqual([['enab', 3], ['hawar', 3], ['kobani', 1], ['later', 1], ['sohr', 3]]);
      const attack = events.find((e) => e.document.id === r.hawar.id)!.fold!.id;
      const reports = (await store.events({ filter: { fold: attack }, sort: 'published', limit: 50, offset: 0 })).rows;
      expect(reports.map((e) => nameOf.get(e.document.id)).sort()).toEqual(['enab', 'hawar', 'sohr']);
      expect((await store.documents({ filter: { fold: attack }, limit: 10, offset: 0 })).total).toBe(3);
    });

    it('filters, sorts and pages folded events as events are filtered', async () => {
      await save(store, [r.hawar, r.sohr, r.enab, r.kobani, r.later]);
      expect(groups((await all({ place: 'loc:sy:kobani' })).rows)).toEqual(['kobani']);
      expect(groups((await all({ outlet: 'عنب بلدي' })).rows)).toEqual(['enab+hawar+sohr']);
      expect(groups((await all({ actor: 'loc:tr', from: '2024-11-15' })).rows)).toEqual(['later']);
      expect(groups((await all({ eventType: 'COERCE' })).rows)).toEqual([]);
      expect(groups((await all({}, { minSources: 2 })).rows)).toEqual(['enab+hawar+sohr']);
      expect(groups((await all({}, { figures: 'injured' })).rows)).toEqual(['enab+hawar+sohr']);
      expect(groups((await all({}, { figures: true })).rows)).toEqual(['enab+hawar+sohr', 'kobani']);
      const byDate = await store.folds({ filter: {}, sort: '-date', limit: 1, offset: 0 });
      expect([byDate.total, groups(byDate.rows)]).toEqual([3, ['later']]);
      expect((await store.folds({ filter: {}, sort: '-sources', limit: 2, offset: 2 })).rows).toHaveLength(1);
    });

    it('folds again what a replaced document touched, and only that', async () => {
      await save(store, [r.hawar, r.sohr, r.enab, r.kobani, r.later]);
      const before = await all();
      // SOHR's report, extracted again, places the strike in Kobani: it leaves one fold for the other.
      const moved: DocumentRecord = {
        ...r.sohr,
        entities: r.sohr.entities.map((e) => (e.id === 'loc:sy:qamishli' ? { ...e, id: 'loc:sy:kobani', name: { ar: 'كوباني', en: 'Kobani' } } : e)),
        events: r.sohr.events.map((e) => ({ ...e, place: 'loc:sy:kobani' })),
        pipeline: { ...r.sohr.pipeline, version: 'hand-made+2' },
      };
      expect(await store.saveDocument(moved, { origin: 'again' }, null)).toBe('updated');
      expect(groups((await all()).rows)).toEqual(['enab+hawar', 'kobani+sohr', 'later']);
      expect((await store.events({ filter: { document: r.hawar.id }, sort: 'date', limit: 5, offset: 0 })).rows[0]!.fold!.sources).toBe(2);
      // Back as it was: the folds are as they were, ids included.
      await store.saveDocument({ ...r.sohr, pipeline: { ...r.sohr.pipeline, version: 'hand-made+3' } }, { origin: 'again' }, null);
      expect((await all()).rows.map((f) => [f.id, f.sources])).toEqual(before.rows.map((f) => [f.id, f.sources]));
      // A document without events leaves no fold behind.
      await store.saveDocument({ ...r.later, events: [], pipeline: { ...r.later.pipeline, version: 'hand-made+2' } }, { origin: 'again' }, null);
      expect(groups((await all()).rows)).toEqual(['enab+hawar+sohr', 'kobani']);
    });
  });
}
