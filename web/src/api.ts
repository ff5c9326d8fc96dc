/**
 * The HTTP API as the app calls it: one typed function per route. The answer types are the
 * server's own (imported as types only, so nothing of the server is bundled).
 */
import type { DocumentRecord } from '../../src/extract/record.js';
import type { EntityView, Paged, StatsView } from '../../src/services/browse.js';
import type { SearchHit } from '../../src/services/search.js';
import type { EntitySummary, EventRow, FigureRow, FigureSeries, FoldRow, NetworkEdge, PlaceSummary, SourceRef, Story, TimelineBucket } from '../../src/store/store.js';

export type { DocumentRecord, EntitySummary, EntityView, EventRow, FigureRow, FigureSeries, FoldRow, NetworkEdge, Paged, PlaceSummary, SearchHit, SourceRef, StatsView, Story, TimelineBucket };

/** The filters every view shares; they live in the address (after "?"), so views can be linked. */
export const FILTER_KEYS = ['q', 'actor', 'recipient', 'place', 'type', 'topic', 'outlet', 'from', 'to', 'minConfidence', 'precision'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/**
 * An error the API answered with: its catalogue code (docs/errors.md), which the app shows in
 * its language, and its message, which names the parameter or id (in English). `network`
 * (status 0) when the server could not be reached at all.
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const url = query.size ? `${path}?${query}` : path;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, (error as Error).message, 'network');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`, body?.error?.code ?? null);
  }
  return (await res.json()) as T;
}

export const api = {
  documents: (f: Filters, page: { limit: number; offset: number }) => get<Paged<SearchHit>>('/api/documents', { ...f, ...page }),
  document: (id: string) => get<{ record: DocumentRecord; sources: SourceRef[]; story: Story | null }>(`/api/documents/${encodeURIComponent(id)}`),
  events: (f: Filters & { document?: string; fold?: string }, page: { limit: number; offset: number; sort?: string }) => get<Paged<EventRow>>('/api/events', { ...f, ...page }),
  /** Folded events (one act, many reports). */
  folds: (f: Filters & { minSources?: number; figures?: string }, page: { limit: number; offset: number; sort?: string }) => get<Paged<FoldRow>>('/api/folds', { ...f, ...page }),
  fold: (id: string) => get<FoldRow>(`/api/folds/${encodeURIComponent(id)}`),
  entity: (id: string) => get<EntityView>(`/api/entities/${encodeURIComponent(id)}`),
  places: (f: Filters) => get<{ rows: PlaceSummary[] }>('/api/places', f),
  figures: (f: Filters & { category?: string }, page: { limit: number; offset: number }) => get<Paged<FigureRow>>('/api/figures', { ...f, ...page }),
  figureSeries: (f: Filters) => get<FigureSeries>('/api/figures/series', f),
  timeline: (f: Filters) => get<{ rows: TimelineBucket[] }>('/api/timeline', f),
  network: (f: Filters, limit = 200) => get<{ edges: NetworkEdge[] }>('/api/network', { ...f, limit }),
  stats: () => get<StatsView>('/api/stats'),
};

/** The address of an export of what the filters keep. */
export function exportUrl(format: 'jsonl' | 'csv' | 'geojson' | 'plover' | 'folds', f: Filters): string {
  const query = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(f)) if (v) query.set(k, v);
  return `/api/export?${query}`;
}
