import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityContext } from '../../src/extract/entities/context.js';
import { nameIndex } from '../../src/extract/entities/name-index.js';
import { CuratedFileSchema } from '../../src/lexicon/gazetteer-sources.js';
import { PRECISION_OF_KIND, distanceKm, loadGazetteer } from '../../src/lexicon/gazetteer.js';
import { dataPath, loadResource } from '../../src/lexicon/resources.js';
import { normalizeForm } from '../../src/text/normalize.js';

describe('gazetteer', () => {
  const { places, byId } = loadGazetteer();

  it('holds at least 1,500 places in Syria and Iraq, and the world\'s countries and capitals', () => {
    expect(places.filter((p) => p.cc === 'SY' || p.cc === 'IQ').length).toBeGreaterThanOrEqual(1500);
    expect(places.filter((p) => p.kind === 'country').length).toBeGreaterThanOrEqual(190);
    expect(places.filter((p) => p.kind === 'city' && p.rank >= 4).length).toBeGreaterThanOrEqual(100);
  });

  it('gives every place coordinates, a precision, a country (or a world region) and a parent that exists', () => {
    for (const p of places) {
      expect(Number.isFinite(p.lat) && Number.isFinite(p.lon), p.id).toBe(true);
      expect(PRECISION_OF_KIND[p.kind], p.id).toBeDefined();
      if (p.kind !== 'country' && !p.id.startsWith('loc:world:')) {
        expect(p.cc, p.id).toMatch(/^[A-Z]{2}$/);
        expect(p.parent && byId.has(p.parent), p.id).toBe(true);
      }
    }
  });

  it('stores every name normalised', () => {
    for (const p of places) for (const n of p.names) expect(normalizeForm(n), `${p.id}: ${n}`).toBe(n);
  });

  it('puts admin units where their source says, with P-codes', () => {
    const hasakah = byId.get('loc:sy:adm1:al-hasakah')!;
    expect(hasakah.pcode).toBe('SY08');
    expect(distanceKm(hasakah.lat, hasakah.lon, 36.5, 40.75)).toBeLessThan(50);
    const mosul = places.find((p) => p.cc === 'IQ' && p.kind === 'admin2' && p.names.includes('الموصل'))!;
    expect(mosul.pcode).toMatch(/^IQG15Q/);
  });

  it('has curated files that validate and carry the facts the domain needs', () => {
    const files = readdirSync(dataPath('ar/places')).filter((f) => f.startsWith('curated-'));
    expect(files.length).toBe(3);
    for (const f of files) expect(() => loadResource(`ar/places/${f}`, CuratedFileSchema)).not.toThrow();
    const crossing = byId.get('loc:sy:yarubiyah-crossing')!;
    expect(crossing.names).toContain('معبر تل كوجر');
    expect(byId.get('loc:sy:al-hol-camp')!.kind).toBe('camp');
    expect(byId.get('loc:sy:sinaa-prison')!.kind).toBe('facility');
  });

  it('lists as common words only names the gazetteer holds', () => {
    const names = new Set(places.flatMap((p) => p.names));
    for (const w of entityContext().placeWords) expect(names.has(w), w).toBe(true);
  });

  it('has no form that names both an actor and a place', () => {
    expect(nameIndex().collisions).toEqual([]);
  });
});
