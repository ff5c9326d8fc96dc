/**
 * Issue 15: the map "puts the United States in Montana". A country's point (its map marker, and
 * the coordinates exports give it) must stand on the country's mainland near the middle, checked
 * against the outlines the web map draws (world-atlas, Natural Earth). And a place's page lists
 * the events of the places nested in it, as the gazetteer nests them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { geoArea, geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { loadGazetteer, placeAndNested } from '../../src/lexicon/gazetteer.js';

const KM = 6371;

describe('country points', () => {
  const { places, byId } = loadGazetteer();
  const atlas = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const outlines = (feature(atlas, atlas.objects.countries!) as unknown as { features: Feature<Polygon | MultiPolygon>[] }).features;
  /** A country's pieces of land, by its numeric code. */
  const pieces = (m49: string): Polygon[] =>
    outlines
      .filter((f) => String(f.id) === m49 && f.geometry)
      .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
      .map((coordinates) => ({ type: 'Polygon', coordinates }));

  it('puts every country the map draws on its own land, on its largest piece, near the middle', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const p of places.filter((x) => x.kind === 'country')) {
      const land = p.m49 ? pieces(p.m49) : [];
      if (land.length === 0) continue;
      checked++;
      const main = land.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
      const point: [number, number] = [p.lon, p.lat];
      const [[x0, y0], [x1, y1]] = geoBounds(main);
      const extent = geoDistance([x0, y0], [x1, y1]) * KM;
      const off = geoDistance(point, geoCentroid(main)) * KM;
      if (!geoContains(main, point)) problems.push(`${p.id} (${p.en}) [${p.lat}, ${p.lon}] is not on its largest piece of land`);
      else if (off > 0.15 * extent) problems.push(`${p.id} (${p.en}) is ${Math.round(off)} km from the middle of its land (${Math.round(extent)} km across)`);
    }
    // Nearly every country has an outline (world-atlas at 1:50m lacks only a few specks).
    expect(checked).toBeGreaterThan(220);
    expect(problems).toEqual([]);
  });

  it('puts the United States in the middle of the lower 48 states, not in Montana', () => {
    const us = byId.get('loc:us')!;
    // Montana lies west of 104° W and north of 44.4° N.
    expect(us.lon).toBeGreaterThan(-104);
    expect(us.lon).toBeLessThan(-90);
    expect(us.lat).toBeGreaterThan(35);
    expect(us.lat).toBeLessThan(43);
  });

  it('keeps points that were right where their source (OCHA) put them: Syria, Iraq, Turkey', () => {
    expect(byId.get('loc:sy')).toMatchObject({ m49: '760', lat: 35.01105189, lon: 38.51123805 });
    expect(byId.get('loc:iq')).toMatchObject({ m49: '368', lat: 33.04497404, lon: 43.77207391 });
    expect(byId.get('loc:tr')).toMatchObject({ m49: '792', lat: 38.91218946, lon: 35.69849765 });
  });
});

describe('places nested in a place', () => {
  it('lists a place, then every place the gazetteer nests in it at any depth', () => {
    const ninewa = placeAndNested('loc:iq:adm1:ninewa');
    expect(ninewa[0]).toBe('loc:iq:adm1:ninewa');
    expect(ninewa).toContain('loc:iq:mosul');
    expect(new Set(ninewa).size).toBe(ninewa.length);
    const iraq = placeAndNested('loc:iq');
    // The country holds its governorates and what they hold.
    expect(iraq).toContain('loc:iq:adm1:ninewa');
    expect(iraq).toContain('loc:iq:mosul');
    expect(iraq).not.toContain('loc:sy:aleppo');
    const { places } = loadGazetteer();
    expect(iraq.length).toBe(places.filter((p) => p.cc === 'IQ').length);
  });

  it('gives just the id of a place the gazetteer does not know, or of a place with nothing in it', () => {
    expect(placeAndNested('new:loc:somewhere')).toEqual(['new:loc:somewhere']);
    expect(placeAndNested('loc:iq:mosul').filter((id) => !id.startsWith('loc:iq:mosul'))).toEqual([]);
  });
});
