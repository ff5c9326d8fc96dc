import { describe, expect, it } from 'vitest';
import { ActorFileSchema, actorFiles, loadActors, rolesAt } from '../../src/lexicon/actors.js';
import { loadResource } from '../../src/lexicon/resources.js';
import { normalizeForm } from '../../src/text/normalize.js';

describe('actor lexicon', () => {
  const { actors, byId } = loadActors();

  it('covers the domain: at least 300 actors and 1,000 aliases, people with dated roles', () => {
    expect(actors.length).toBeGreaterThanOrEqual(300);
    expect(actors.reduce((n, a) => n + a.aliases.length, 0)).toBeGreaterThanOrEqual(1000);
    expect(actors.filter((a) => a.type === 'PER').length).toBeGreaterThanOrEqual(100);
    for (const id of ['org:global-coalition', 'org:sdf', 'org:aanes', 'org:kongra-star', 'org:sna', 'org:hts', 'org:isis', 'org:pmf', 'org:peshmerga', 'org:icrc', 'org:interpol', 'org:unhcr', 'per:mazloum-abdi']) {
      expect(byId.has(id), id).toBe(true);
    }
  });

  it('has unique ids across its files', () => {
    const ids = actorFiles().flatMap((f) => loadResource(f, ActorFileSchema).actors.map((a) => a.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stores every alias, back-reference, partial name and cue already normalised', () => {
    for (const a of actors) {
      for (const form of [...a.aliases, ...a.refs, ...a.short, ...a.cued.flatMap((c) => [c.form, ...c.cues])]) {
        expect(normalizeForm(form), `${a.id}: "${form}"`).toBe(form);
      }
    }
  });

  it('gives one full name to one actor only (ambiguous names are cued or back-references)', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const a of actors) {
      for (const form of new Set([normalizeForm(a.name.ar), ...a.aliases])) {
        const other = owner.get(form);
        if (other && other !== a.id) shared.push(`${form}: ${other} / ${a.id}`);
        owner.set(form, a.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it('keeps every outlet label of the Turkish-backed factions on one actor', () => {
    const sna = byId.get('org:sna')!;
    for (const label of ['الجيش الوطني السوري', 'مرتزقة الاحتلال التركي', 'الفصائل الموالية لتركيا']) {
      expect([normalizeForm(sna.name.ar), ...sna.aliases]).toContain(normalizeForm(label));
    }
  });

  it('dates roles from–to, and answers who held one on a date', () => {
    for (const a of actors) for (const r of a.roles) if (r.from && r.to) expect(r.from <= r.to, `${a.id} ${r.title.en}`).toBe(true);
    const blinken = byId.get('per:antony-blinken')!;
    expect(rolesAt(blinken, '2022-06').map((r) => r.title.en)).toEqual(['US Secretary of State']);
    expect(rolesAt(blinken, '2019')).toEqual([]);
    const trump = byId.get('per:donald-trump')!;
    expect(rolesAt(trump, '2023-01-01')).toEqual([]);
    expect(rolesAt(trump, '2018-05').map((r) => r.title.en)).toEqual(['US President']);
  });

  it('rejects an alias that is not normalised, naming the entry', () => {
    const bad = { description: 'a file with one bad entry', actors: [{ id: 'org:x', type: 'ORG', subtype: 'GOV', country: null, name: { ar: 'س', en: 'X' }, aliases: ['الإدارة'] }] };
    const parsed = ActorFileSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain('actors.0.aliases.0');
  });
});
