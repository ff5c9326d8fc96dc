/**
 * Routes live in the address after "#": `#/events?type=ASSAULT`, `#/doc/ID?event=2`,
 * `#/entity/org:sdf`. Every view can be bookmarked and reloaded, and Back works.
 */
import { useEffect, useState } from 'preact/hooks';
import { FILTER_KEYS, type Filters } from './api.js';

export const VIEWS = ['search', 'events', 'map', 'timeline', 'network', 'figures', 'doc', 'entity'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  readonly view: View;
  /** The document or entity id of `doc` and `entity`. */
  readonly id: string | null;
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const [, view = 'search', ...rest] = path.split('/');
  const known = (VIEWS as readonly string[]).includes(view) ? (view as View) : 'search';
  return { view: known, id: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(query) };
}

/** The address of a view. */
export function href(view: View, id: string | null = null, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const path = `#/${view}${id !== null ? '/' + encodeURIComponent(id) : ''}`;
  return q.size ? `${path}?${q}` : path;
}

export function navigate(to: string): void {
  if (location.hash !== to) location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** The shared filters in a route's parameters. */
export function filtersOf(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}
