/**
 * Re-dated, re-identified copies of stored records, for `bench:scale` (issue 14, item 5): a store
 * of 100,000 articles built from ANT's 1,774 without extracting any of them again. Copy K of a
 * record has a new id (a hash of the original's id and K), a source of its own (`copy-K/…`, a
 * URL with a `#copy-K` fragment) and every date (publication, date mentions, event dates) moved
 * K months later: it never deduplicates with its original or another copy, and none of its
 * events folds with its original's (a fold needs the same day, give or take one; an event known
 * only to its month moves to another month). Texts and spans are the original's.
 */
import { documentId } from '../extract/document.js';
import type { DocumentRecord } from '../extract/record.js';
import type { SourceRef } from '../store/store.js';

/** A record as stored, with the source it was first read from. */
export interface Stored {
  readonly record: DocumentRecord;
  readonly source: SourceRef;
}

export const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date (YYYY, YYYY-MM, YYYY-MM-DD, or text that begins with YYYY-MM-DD) moved `months`
 * later; a day past the new month's end becomes its last day, a year moves by whole years.
 *
 * @example
 * shiftDate('2017-01-31', 1)  // '2017-02-28'
 */
export function shiftDate(value: string, months: number): string {
  if (/^\d{4}$/.test(value)) return String(Number(value) + Math.floor(months / 12));
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (m[3] === undefined) return `${year}-${pad(month)}${value.slice(7)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(Number(m[3]), last))}${value.slice(10)}`;
}

/** Copy `k` of a stored record (k = 0: the record itself): a new id and source, every date `k` months later. */
export function copyOf(base: Stored, k: number): Stored {
  if (k === 0) return base;
  const shift = <T extends string | null | undefined>(v: T): T => (typeof v === 'string' ? (shiftDate(v, k) as T) : v);
  const r = base.record;
  const tag = `copy-${k}`;
  const record: DocumentRecord = {
    ...r,
    id: documentId(`${r.id}\u0000${tag}`),
    source: { ...r.source, ...(r.source.path !== undefined ? { path: `${tag}/${r.source.path}` } : {}), ...(r.source.url !== undefined ? { url: `${r.source.url}#${tag}` } : {}) },
    published: shift(r.published),
    dates: r.dates.map((d) => ({ ...d, value: shift(d.value) })),
    events: r.events.map((e) => ({ ...e, date: { ...e.date, value: shift(e.date.value) } })),
  };
  const s = base.source;
  return {
    record,
    source: { origin: `${tag}/${s.origin}`, url: s.url ? `${s.url}#${tag}` : null, outlet: s.outlet ?? null, published: shift(s.published ?? null) },
  };
}
