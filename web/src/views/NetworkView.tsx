/**
 * Who requests of, accuses or attacks whom: actors on a circle, an arrow from actor to
 * recipient per event type (width by count). The same relations are listed in a table.
 */
import { api, type Filters, type NetworkEdge } from '../api.js';
import { TYPE_COLORS } from '../colors.js';
import { FilterBar, Status, TypeBadge } from '../components.js';
import { useApi } from '../hooks.js';
import { EVENT_LABELS, useI18n } from '../i18n.js';
import { href } from '../router.js';

const S = 640;

export function NetworkView(props: { filters: Filters }) {
  const { t, name, label } = useI18n();
  const { data, error, loading } = useApi(() => api.network(props.filters, 80), JSON.stringify(props.filters));
  const edges = data?.edges ?? [];
  const weight = new Map<string, number>();
  const nodes = new Map<string, NetworkEdge['actor']>();
  for (const e of edges) {
    for (const n of [e.actor, e.recipient]) {
      nodes.set(n.id, n);
      weight.set(n.id, (weight.get(n.id) ?? 0) + e.count);
    }
  }
  const order = [...nodes.keys()].sort((a, b) => (weight.get(b)! - weight.get(a)!) || a.localeCompare(b));
  const R = S / 2 - 150;
  const pos = new Map(order.map((id, i) => {
    const a = (2 * Math.PI * i) / order.length - Math.PI / 2;
    return [id, [S / 2 + R * Math.cos(a), S / 2 + R * Math.sin(a)] as [number, number]];
  }));
  const max = Math.max(1, ...edges.map((e) => e.count));
  const types = [...new Set(edges.map((e) => e.type))].sort();
  // Several types between the same two actors bend apart so each stays visible.
  const seen = new Map<string, number>();
  return (
    <section aria-labelledby="network-title">
      <h1 id="network-title" class="visually-hidden">{t.network}</h1>
      <FilterBar view="network" filters={props.filters} fields={['q', 'type', 'actor', 'topic', 'outlet', 'from', 'to']} />
      <Status loading={loading && !data} error={error} empty={data?.edges.length === 0} emptyText={t.noEdges} />
      {edges.length > 0 && (
        <div class="network-wrap">
          <svg class="network" viewBox={`0 0 ${S} ${S}`} role="img" aria-label={t.network} direction="ltr">
            <defs>
              {types.map((ty) => (
                <marker key={ty} id={`arrow-${ty}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" fill={TYPE_COLORS[ty]} />
                </marker>
              ))}
            </defs>
            {edges.map((e) => {
              const [x1, y1] = pos.get(e.actor.id)!;
              const [x2, y2] = pos.get(e.recipient.id)!;
              const pair = `${e.actor.id}>${e.recipient.id}`;
              const n = seen.get(pair) ?? 0;
              seen.set(pair, n + 1);
              const mx = (x1 + x2) / 2 + (y2 - y1) * (0.12 + 0.1 * n);
              const my = (y1 + y2) / 2 - (x2 - x1) * (0.12 + 0.1 * n);
              // Stop the arrow short of the node's circle.
              const len = Math.hypot(x2 - mx, y2 - my) || 1;
              const ex = x2 - ((x2 - mx) / len) * 12;
              const ey = y2 - ((y2 - my) / len) * 12;
              return (
                <path key={`${pair}-${e.type}`} d={`M ${x1} ${y1} Q ${mx} ${my} ${ex} ${ey}`} class="edge" stroke={TYPE_COLORS[e.type]} stroke-width={1 + (4 * e.count) / max} marker-end={`url(#arrow-${e.type})`}>
                  <title>{`${name(e.actor.name, e.actor.id)} → ${name(e.recipient.name, e.recipient.id)}: ${label(EVENT_LABELS, e.type)} ×${e.count}`}</title>
                </path>
              );
            })}
            {order.map((id) => {
              const [x, y] = pos.get(id)!;
              const outside = x < S / 2 ? 'end' : 'start';
              return (
                <a key={id} href={href('entity', id)} class="node">
                  <circle cx={x} cy={y} r={5 + Math.min(10, Math.sqrt(weight.get(id)!) * 2)} />
                  <text x={x + (outside === 'end' ? -14 : 14)} y={y} dy="0.35em" text-anchor={outside}>{name(nodes.get(id)!.name, id)}</text>
                </a>
              );
            })}
          </svg>
          <table class="edges">
            <caption>{t.edges}</caption>
            <thead><tr><th scope="col">{t.actor}</th><th scope="col">{t.type}</th><th scope="col">{t.recipient}</th><th scope="col">{t.count}</th></tr></thead>
            <tbody>
              {edges.map((e) => (
                <tr key={`${e.actor.id}-${e.recipient.id}-${e.type}`}>
                  <td><a href={href('entity', e.actor.id)}>{name(e.actor.name, e.actor.id)}</a></td>
                  <td><TypeBadge type={e.type} /></td>
                  <td><a href={href('entity', e.recipient.id)}>{name(e.recipient.name, e.recipient.id)}</a></td>
                  <td><a href={href('events', null, { ...props.filters, actor: e.actor.id, recipient: e.recipient.id, type: e.type })}>{e.count}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
