/**
 * Puts every list of the record in reading order, so that records are stable and diffable:
 * mentions, dates and quantities by position; entities by their first mention; events by
 * their trigger. Event quantity indices are rewritten to follow the quantities they point at.
 */
import type { EventSize, Span } from '../record.js';
import type { Extraction, Refiner } from '../types.js';

const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** A size whose quantity indices follow the reordered quantities (a figure that is gone is dropped). */
function reindexSize(size: EventSize, newIndex: ReadonlyMap<number, number>): EventSize {
  const out: EventSize = {};
  for (const [category, figure] of Object.entries(size) as [keyof EventSize, NonNullable<EventSize[keyof EventSize]>][]) {
    const at = newIndex.get(figure.quantity);
    if (at !== undefined) out[category] = { ...figure, quantity: at };
  }
  return out;
}

export const orderAnnotations: Refiner = {
  name: 'refine/order',
  refine(_input, x: Extraction): Extraction {
    const entities = x.entities
      .map((e) => ({ ...e, mentions: [...e.mentions].sort(byPosition) }))
      .sort((a, b) => byPosition(a.mentions[0]!, b.mentions[0]!) || a.id.localeCompare(b.id));
    const quantityOrder = x.quantities.map((q, i) => ({ q, i })).sort((a, b) => byPosition(a.q, b.q));
    const newIndex = new Map(quantityOrder.map(({ i }, k) => [i, k]));
    const events = x.events
      .map((e) => ({
        ...e,
        quantities: e.quantities.flatMap((i) => (newIndex.has(i) ? [newIndex.get(i)!] : [])).sort((a, b) => a - b),
        ...(e.size ? { size: reindexSize(e.size, newIndex) } : {}),
      }))
      .sort((a, b) => byPosition(a.trigger, b.trigger) || a.id.localeCompare(b.id));
    return {
      entities,
      dates: [...x.dates].sort(byPosition),
      quantities: quantityOrder.map(({ q }) => q),
      events,
      messages: x.messages,
    };
  },
};
