/**
 * The map: places and the events located at them, on an offline basemap (country outlines
 * from world-atlas, Syria and Iraq drawn stronger; no tile server). Markers cluster by zoom
 * (supercluster); a marker's popup lists its events, each opening its sentence. Markers differ
 * by what the place covers (a spot, an area, a whole country), and a key under the map says so.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { api, type Filters, type PlaceSummary } from '../api.js';
import { DateText, FilterBar, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href } from '../router.js';

const W = 1000;
const H = 700;
/** Syria and Iraq (ISO 3166 numeric ids in world-atlas). */
const FOCUS = new Set(['760', '368']);
const NAMES: Record<string, { ar: string; en: string }> = { '760': { ar: 'سوريا', en: 'Syria' }, '368': { ar: 'العراق', en: 'Iraq' } };

type Countries = FeatureCollection<Geometry, { name: string }>;
let basemap: Promise<Countries> | null = null;
/** The outlines, loaded once, in a chunk of their own. */
function loadBasemap(): Promise<Countries> {
  basemap ??= import('world-atlas/countries-50m.json').then((m) => {
    const topology = (m.default ?? m) as unknown as Topology;
    return feature(topology, topology.objects.countries!) as unknown as Countries;
  });
  return basemap;
}

/** The projection framing Syria and Iraq (and whatever places lie outside them). */
function frame(places: PlaceSummary[]): GeoProjection {
  const lons = [34.5, 48.8, ...places.map((p) => p.geo.lon)];
  const lats = [29, 37.6, ...places.map((p) => p.geo.lat)];
  const box: Feature = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPoint', coordinates: [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]] },
  };
  return geoMercator().fitExtent([[40, 40], [W - 40, H - 40]], box);
}

/**
 * How much of the map a place covers, which its marker shows: a spot (a town, a camp), an
 * administrative area (marked at its centre), or a whole country or region (marked at the
 * middle of its land; the gazetteer keeps a country's point on its mainland).
 */
function extentOf(place: PlaceSummary): 'spot' | 'area' | 'country' {
  const p = place.geo.precision;
  return p === 'country' || p === 'region' ? 'country' : p === 'point' ? 'spot' : 'area';
}

/** The key: what each kind of marker means, drawn as the map draws it. */
function MapKey() {
  const { t } = useI18n();
  const symbol = (cls: string, text?: string, r = 9) => (
    <svg class="key-symbol" viewBox="-15 -15 30 30" width="30" height="30" aria-hidden="true">
      <g class={cls}><circle r={r} />{text && <text dy="0.35em">{text}</text>}</g>
    </svg>
  );
  const rows: [string, preact.JSX.Element][] = [
    [t.keyPoint, symbol('marker place spot', '3')],
    [t.keyArea, symbol('marker place area', '3')],
    [t.keyCountry, symbol('marker place country', '3')],
    [t.keyNoEvents, symbol('marker place spot none', undefined, 6)],
    [t.keyCluster, symbol('marker cluster', '5', 13)],
  ];
  return (
    <section class="map-key" aria-labelledby="map-key-title">
      <h2 id="map-key-title">{t.mapKey}</h2>
      <ul class="plain">
        {rows.map(([text, sym]) => <li key={text}>{sym}<span>{text}</span></li>)}
        <li><svg class="key-symbol" viewBox="0 0 30 20" width="30" height="20" aria-hidden="true"><rect class="key-focus" x="2" y="2" width="26" height="16" /></svg><span>{t.keyFocus}</span></li>
      </ul>
    </section>
  );
}

interface View {
  k: number;
  x: number;
  y: number;
}

export function MapView(props: { filters: Filters }) {
  const { t, name, lang } = useI18n();
  const [countries, setCountries] = useState<Countries | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    loadBasemap().then(setCountries, (e: Error) => setFailed(e.message));
  }, []);
  const places = useApi(() => api.places(props.filters), JSON.stringify(props.filters));
  const rows = places.data?.rows ?? [];
  const projection = useMemo(() => frame(rows), [places.data]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const [open, setOpen] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ px: number; py: number; x: number; y: number; moved: boolean } | null>(null);

  const index = useMemo(() => {
    const sc = new Supercluster<{ id: string; events: number }>({ radius: 36, maxZoom: 14, extent: 256 });
    sc.load(rows.map((p) => ({ type: 'Feature', properties: { id: p.id, events: p.events }, geometry: { type: 'Point', coordinates: [p.geo.lon, p.geo.lat] } })));
    return sc;
  }, [places.data]);
  // The web-map zoom level this view shows: the world is 256·2^z pixels wide.
  const zoom = Math.max(0, Math.min(16, Math.floor(Math.log2((2 * Math.PI * projection.scale() * view.k) / 256))));
  const clusters = useMemo(() => index.getClusters([-180, -85, 180, 85], zoom), [index, zoom]);
  const byId = useMemo(() => new Map(rows.map((p) => [p.id, p])), [places.data]);

  const screen = (lon: number, lat: number): [number, number] => {
    const [px, py] = projection([lon, lat])!;
    return [px * view.k + view.x, py * view.k + view.y];
  };
  const zoomAt = (factor: number, cx = W / 2, cy = H / 2) =>
    setView((v) => {
      const k = Math.max(1, Math.min(64, v.k * factor));
      const f = k / v.k;
      return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
    });
  const toView = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = svg.current!.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * W, ((e.clientY - r.top) / r.height) * H];
  };
  const openPlace = open ? byId.get(open) : undefined;
  const events = useApi(
    () => (open ? api.events({ ...props.filters, place: open }, { limit: 20, offset: 0 }) : Promise.resolve(null)),
    JSON.stringify([open, props.filters]),
  );

  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title" class="visually-hidden">{t.map}</h1>
      <FilterBar view="map" filters={props.filters} exports />
      <Status loading={places.loading && !places.data} error={places.error ?? failed} empty={places.data?.rows.length === 0} emptyText={t.noPlaces} />
      <div class="map-wrap">
        <div class="map-tools" role="toolbar" aria-label={t.map}>
          <button type="button" onClick={() => zoomAt(2)} aria-label={t.zoomIn}>+</button>
          <button type="button" onClick={() => zoomAt(0.5)} aria-label={t.zoomOut}>−</button>
          <button type="button" onClick={() => setView({ k: 1, x: 0, y: 0 })} aria-label={t.resetView}>⤢</button>
        </div>
        <svg
          ref={svg}
          class="map"
          viewBox={`0 0 ${W} ${H}`}
          role="application"
          aria-label={t.mapHelp}
          tabIndex={0}
          onWheel={(e) => {
            e.preventDefault();
            const [cx, cy] = toView(e);
            zoomAt(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
          }}
          onPointerDown={(e) => {
            if ((e.target as Element).closest('.marker')) return;
            drag.current = { px: e.clientX, py: e.clientY, x: view.x, y: view.y, moved: false };
            (e.currentTarget as Element).setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d) return;
            const r = svg.current!.getBoundingClientRect();
            const dx = ((e.clientX - d.px) / r.width) * W;
            const dy = ((e.clientY - d.py) / r.height) * H;
            if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
            setView((v) => ({ ...v, x: d.x + dx, y: d.y + dy }));
          }}
          onPointerUp={() => {
            if (drag.current && !drag.current.moved) setOpen(null);
            drag.current = null;
          }}
          onKeyDown={(e) => {
            const step = 60;
            const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
            if (moves[e.key]) {
              e.preventDefault();
              const [dx, dy] = moves[e.key]!;
              setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
            } else if (e.key === '+' || e.key === '=') zoomAt(2);
            else if (e.key === '-') zoomAt(0.5);
            else if (e.key === 'Escape') setOpen(null);
          }}
        >
          <rect width={W} height={H} class="sea" />
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            {countries?.features.map((c) => (
              <path key={String(c.id)} d={path(c) ?? ''} class={FOCUS.has(String(c.id)) ? 'country focus' : 'country'} data-id={String(c.id)} vector-effect="non-scaling-stroke" />
            ))}
          </g>
          {countries?.features.filter((c) => FOCUS.has(String(c.id))).map((c) => {
            const [x, y] = path.centroid(c);
            return <text key={`label-${c.id}`} class="country-label" x={x * view.k + view.x} y={y * view.k + view.y}>{NAMES[String(c.id)]![lang]}</text>;
          })}
          {clusters.map((c) => {
            const [lon, lat] = c.geometry.coordinates as [number, number];
            const [x, y] = screen(lon, lat);
            const props = c.properties as { cluster?: boolean; point_count?: number; cluster_id?: number; id?: string; events?: number };
            if (props.cluster) {
              const n = props.point_count ?? 0;
              const zoomIn = () => {
                const target = index.getClusterExpansionZoom(props.cluster_id!);
                zoomAt(Math.max(2, 2 ** (target - zoom)), x, y);
              };
              return (
                <g key={`c${props.cluster_id}`} class="marker cluster" transform={`translate(${x} ${y})`} tabIndex={0} role="button" aria-label={t.cluster(n)}
                  onClick={zoomIn} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), zoomIn())}>
                  <circle r={14 + Math.min(14, Math.sqrt(n) * 3)} />
                  <text dy="0.35em">{n}</text>
                </g>
              );
            }
            const place = byId.get(props.id!);
            if (!place) return null;
            const r = 6 + Math.min(12, Math.sqrt(place.events) * 2);
            return (
              <g key={place.id} class={`marker place ${extentOf(place)}${place.events === 0 ? ' none' : ''}${open === place.id ? ' open' : ''}`} data-place={place.id} data-lon={place.geo.lon} data-lat={place.geo.lat} transform={`translate(${x} ${y})`} tabIndex={0} role="button"
                aria-label={`${name(place.name, place.id)}: ${t.placeEvents(place.events)}`}
                onClick={() => setOpen(place.id)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setOpen(place.id))}>
                <circle r={r} />
                {place.events > 0 && <text dy="0.35em">{place.events}</text>}
              </g>
            );
          })}
        </svg>
        {openPlace && (() => {
          const [x, y] = screen(openPlace.geo.lon, openPlace.geo.lat);
          return (
            <div class="popup" role="dialog" aria-label={name(openPlace.name, openPlace.id)} style={{ left: `${(x / W) * 100}%`, top: `${(y / H) * 100}%` }}>
              <button type="button" class="close" aria-label="×" onClick={() => setOpen(null)}>×</button>
              <h2><a href={href('entity', openPlace.id)}>{name(openPlace.name, openPlace.id)}</a></h2>
              <p class="small">{t.placeEvents(openPlace.events)} · {t.articlesCount(openPlace.documents)}</p>
              <ul class="plain">
                {events.data?.rows.map((e) => (
                  <li key={`${e.document.id}-${e.index}`}>
                    <TypeBadge type={e.type} /> <a href={href('doc', e.document.id, { event: e.index })}>{e.actors.map((a) => name(a.name, a.id)).join('، ') || e.trigger.text}</a>
                    <span class="small"> <DateText value={e.date.value} /></span>
                  </li>
                ))}
              </ul>
              {openPlace.events > 20 && <a href={href('events', null, { ...props.filters, place: openPlace.id })}>{t.events} <span aria-hidden="true">{lang === 'ar' ? '←' : '→'}</span></a>}
            </div>
          );
        })()}
      </div>
      <MapKey />
      <p class="small">{t.mapHelp} Natural Earth · world-atlas</p>
    </section>
  );
}
