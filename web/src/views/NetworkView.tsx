/**
 * Who requests of, accuses or attacks whom: a force layout of the actors (d3-force), an arrow
 * from actor to recipient per event type (width by count), labels placed where they overlap
 * no other label and no node, and the same relations in a table beside it. Filters: event type
 * (the shared filter bar) and the fewest events a relation needs (`min` in the address).
 *
 * The layout is deterministic: nodes enter in a fixed order, d3-force's random source is its
 * own fixed-seed generator, and the simulation runs a fixed number of ticks (never animated),
 * so one answer always gives one picture (tests and screenshots are stable).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { useMemo } from 'preact/hooks';
import { api, type Filters, type NetworkEdge } from '../api.js';
import { TYPE_COLORS } from '../colors.js';
import { FilterBar, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { EVENT_LABELS, useI18n } from '../i18n.js';
import { href, navigate, useRoute } from '../router.js';

/** The label font size in the drawing's units (the drawing is shown at about its own size). */
const FONT = 13;
/** Space kept around a label, so two labels never touch. */
const PAD = 3;
const TICKS = 300;
const MIN_COUNTS = [1, 2, 3, 5, 10];

interface Node extends SimulationNodeDatum {
  id: string;
  name: string;
  weight: number;
  r: number;
}

/** A label's box, centred on (x, y). */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

let canvas: CanvasRenderingContext2D | null = null;
/** Text size in the page's own font (SVG text inherits the body's font family). */
function measure(text: string): { w: number; h: number; ascent: number } {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return { w: text.length * FONT * 0.6, h: FONT * 1.4, ascent: FONT };
  canvas.font = `${FONT}px ${getComputedStyle(document.body).fontFamily}`;
  const m = canvas.measureText(text);
  const ascent = m.fontBoundingBoxAscent || FONT;
  return { w: Math.ceil(m.width), h: Math.ceil(ascent + (m.fontBoundingBoxDescent || FONT * 0.4)), ascent };
}

export interface NetworkLayout {
  nodes: Node[];
  /** Each node's label: its box (centre, size) and where its baseline is. */
  labels: Map<string, Box & { baseline: number }>;
  /** The drawing's extent: every node and label inside it. */
  box: { x: number; y: number; w: number; h: number };
}

/**
 * Places the actors (force layout, fixed ticks) and then their labels: each label, heaviest
 * actor first, takes the first spot around its node, ring after ring outwards, that overlaps
 * no placed label and no node. The drawing then grows to hold every node and label, so nothing
 * is cut at its edges.
 */
export function layoutNetwork(edges: NetworkEdge[], nameOf: (e: NetworkEdge['actor']) => string): NetworkLayout {
  const byId = new Map<string, Node>();
  const pairs = new Map<string, SimulationLinkDatum<Node> & { count: number }>();
  for (const e of edges) {
    for (const n of [e.actor, e.recipient]) {
      const node = byId.get(n.id) ?? { id: n.id, name: nameOf(n), weight: 0, r: 0 };
      node.weight += e.count;
      byId.set(n.id, node);
    }
    const key = [e.actor.id, e.recipient.id].sort().join('|');
    const pair = pairs.get(key);
    if (pair) pair.count += e.count;
    else pairs.set(key, { source: e.actor.id, target: e.recipient.id, count: e.count });
  }
  const nodes = [...byId.values()].sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  for (const n of nodes) n.r = 5 + Math.min(10, Math.sqrt(n.weight) * 2);
  const links = [...pairs.values()].filter((l) => l.source !== l.target);
  const simulation = forceSimulation(nodes)
    .force('link', forceLink<Node, SimulationLinkDatum<Node>>(links).id((n) => n.id).distance(70))
    .force('charge', forceManyBody<Node>().strength(-280).distanceMax(400))
    .force('collide', forceCollide<Node>((n) => n.r + 12))
    // Wider than tall, as labels are wide; also pulls apart groups in towards the middle.
    .force('x', forceX<Node>(0).strength(0.07))
    .force('y', forceY<Node>(0).strength(0.14))
    .stop();
  simulation.tick(TICKS);

  const obstacles: Box[] = nodes.map((n) => ({ x: n.x!, y: n.y!, w: 2 * n.r + 2, h: 2 * n.r + 2 }));
  const placed: Box[] = [];
  const labels = new Map<string, Box & { baseline: number }>();
  for (const n of nodes) {
    const size = measure(n.name);
    const w = size.w + 2 * PAD;
    const h = size.h + 2 * PAD;
    let spot: Box | null = null;
    for (let ring = 0; !spot && ring < 60; ring++) {
      const gap = 3 + ring * 8;
      // Beside, below, above, then around the node.
      const candidates: [number, number][] = [
        [n.r + gap + w / 2, 0], [-(n.r + gap + w / 2), 0], [0, n.r + gap + h / 2], [0, -(n.r + gap + h / 2)],
      ];
      for (let k = 0; k < 12; k++) {
        const a = (Math.PI * (2 * k + 1)) / 12;
        candidates.push([Math.cos(a) * (n.r + gap + w / 2), Math.sin(a) * (n.r + gap + h / 2)]);
      }
      for (const [dx, dy] of candidates) {
        const box = { x: n.x! + dx, y: n.y! + dy, w, h };
        if (!placed.some((b) => overlaps(b, box)) && !obstacles.some((b) => overlaps(b, box))) {
          spot = box;
          break;
        }
      }
    }
    // After 60 rings (never met so far), the label goes below everything drawn.
    spot ??= { x: n.x!, y: Math.max(...placed.map((b) => b.y + b.h / 2), ...obstacles.map((b) => b.y + b.h / 2)) + h / 2, w, h };
    placed.push(spot);
    labels.set(n.id, { ...spot, baseline: spot.y - size.h / 2 + size.ascent });
  }
  const all = [...placed, ...obstacles];
  const x0 = Math.min(...all.map((b) => b.x - b.w / 2)) - 4;
  const y0 = Math.min(...all.map((b) => b.y - b.h / 2)) - 4;
  const x1 = Math.max(...all.map((b) => b.x + b.w / 2)) + 4;
  const y1 = Math.max(...all.map((b) => b.y + b.h / 2)) + 4;
  return { nodes, labels, box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
}

export function NetworkView(props: { filters: Filters }) {
  const { t, name, label, lang } = useI18n();
  const route = useRoute();
  const min = Math.max(1, Number(route.params.get('min')) || 1);
  const { data, error, loading } = useApi(() => api.network(props.filters, 150), JSON.stringify(props.filters));
  const edges = useMemo(() => (data?.edges ?? []).filter((e) => e.count >= min), [data, min]);
  const layout = useMemo(() => (edges.length ? layoutNetwork(edges, (n) => name(n.name, n.id)) : null), [edges, lang]);
  const max = Math.max(1, ...edges.map((e) => e.count));
  const types = [...new Set(edges.map((e) => e.type))].sort();
  const at = new Map(layout?.nodes.map((n) => [n.id, n]) ?? []);
  // Several types between the same two actors bend apart so each stays visible.
  const seen = new Map<string, number>();
  return (
    <section aria-labelledby="network-title">
      <h1 id="network-title" class="visually-hidden">{t.network}</h1>
      <FilterBar view="network" filters={props.filters} fields={['q', 'type', 'actor', 'topic', 'outlet', 'from', 'to']} />
      <div class="network-controls">
        <label class="field">
          <span>{t.minCount}</span>
          <select name="min" value={String(min)} onChange={(e) => navigate(href('network', null, { ...props.filters, min: Number((e.target as HTMLSelectElement).value) > 1 ? (e.target as HTMLSelectElement).value : undefined }))}>
            {MIN_COUNTS.map((n) => <option key={n} value={String(n)}>≥ {n}</option>)}
          </select>
        </label>
        {layout && <p class="small network-count">{t.networkShown(layout.nodes.length, edges.length)}</p>}
      </div>
      <Status loading={loading && !data} error={error} empty={data !== null && edges.length === 0} emptyText={t.noEdges} />
      {layout && (
        <div class="network-wrap">
          <div class="network-figure">
            <p class="small">{t.networkHint}</p>
            <ul class="legend" aria-label={t.type}>
              {types.map((ty) => <li key={ty}><span class="swatch" style={{ background: TYPE_COLORS[ty] }} /> {label(EVENT_LABELS, ty)}</li>)}
            </ul>
            <div class="network-canvas">
              <svg class="network" viewBox={`${layout.box.x} ${layout.box.y} ${layout.box.w} ${layout.box.h}`} width={layout.box.w} role="img" aria-label={t.network} direction="ltr">
                <defs>
                  {types.map((ty) => (
                    <marker key={ty} id={`arrow-${ty}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                      <path d="M 0 0 L 10 5 L 0 10 z" fill={TYPE_COLORS[ty]} />
                    </marker>
                  ))}
                </defs>
                {edges.map((e) => {
                  const a = at.get(e.actor.id)!;
                  const b = at.get(e.recipient.id)!;
                  const pair = `${e.actor.id}>${e.recipient.id}`;
                  const n = seen.get(pair) ?? 0;
                  seen.set(pair, n + 1);
                  const [x1, y1, x2, y2] = [a.x!, a.y!, b.x!, b.y!];
                  const mx = (x1 + x2) / 2 + (y2 - y1) * (0.12 + 0.1 * n);
                  const my = (y1 + y2) / 2 - (x2 - x1) * (0.12 + 0.1 * n);
                  // Leave the first node's circle and stop short of the second's.
                  const l1 = Math.hypot(mx - x1, my - y1) || 1;
                  const sx = x1 + ((mx - x1) / l1) * a.r;
                  const sy = y1 + ((my - y1) / l1) * a.r;
                  const l2 = Math.hypot(x2 - mx, y2 - my) || 1;
                  const ex = x2 - ((x2 - mx) / l2) * (b.r + 3);
                  const ey = y2 - ((y2 - my) / l2) * (b.r + 3);
                  return (
                    <path key={`${pair}-${e.type}`} d={`M ${sx} ${sy} Q ${mx} ${my} ${ex} ${ey}`} class="edge" data-type={e.type} stroke={TYPE_COLORS[e.type]} stroke-width={1 + (4 * e.count) / max} marker-end={`url(#arrow-${e.type})`}>
                      <title>{`${name(e.actor.name, e.actor.id)} → ${name(e.recipient.name, e.recipient.id)}: ${label(EVENT_LABELS, e.type)} ×${e.count}`}</title>
                    </path>
                  );
                })}
                {layout.nodes.map((n) => {
                  const l = layout.labels.get(n.id)!;
                  // A label set away from its node is tied to it by a thin line.
                  const far = Math.hypot(l.x - n.x!, l.y - n.y!) > n.r + l.w / 2 + 12;
                  return (
                    <a key={n.id} href={href('entity', n.id)} class="node" data-id={n.id}>
                      {far && <line class="leader" x1={n.x} y1={n.y} x2={l.x} y2={l.y} />}
                      <circle cx={n.x} cy={n.y} r={n.r} />
                      <text class="label" x={l.x} y={l.baseline} text-anchor="middle" font-size={FONT}>{n.name}</text>
                    </a>
                  );
                })}
              </svg>
            </div>
          </div>
          <div class="table-wrap edges-wrap">
          <table class="edges">
            <caption>{t.edges}</caption>
            <thead><tr><th scope="col">{t.actor}</th><th scope="col">{t.type}</th><th scope="col">{t.recipient}</th><th scope="col">{t.count}</th></tr></thead>
            <tbody>
              {edges.map((e) => (
                <tr key={`${e.actor.id}-${e.recipient.id}-${e.type}`} data-type={e.type} data-count={e.count}>
                  <td><a href={href('entity', e.actor.id)}>{name(e.actor.name, e.actor.id)}</a></td>
                  <td><TypeBadge type={e.type} /></td>
                  <td><a href={href('entity', e.recipient.id)}>{name(e.recipient.name, e.recipient.id)}</a></td>
                  <td><a href={href('events', null, { ...props.filters, actor: e.actor.id, recipient: e.recipient.id, type: e.type })}>{e.count}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
      )}
    </section>
  );
}
