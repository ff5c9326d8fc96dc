/**
 * What the HTTP API shows of file paths. A record keeps the path its article was read from
 * (`source.path`, as the user typed it) and the store keeps each source's resolved path
 * (`origin`, absolute); both stay as they are on this machine (`marsad show`, `marsad export`).
 * What leaves it through the API shows a path relative to the ingest root instead: from the
 * folder or file the user gave to `marsad ingest` on, so `/home/u/news/2024/a.txt` ingested as
 * `/home/u/news` is `news/2024/a.txt`, and `/home/u/feed.jsonl:12` is `feed.jsonl:12`. A path
 * under no known root is shown by its file name alone; the server's own folders never show.
 */
import { posix } from 'node:path';
import type { DocumentRecord } from '../extract/record.js';
import type { IngestRun, SourceRef, Store } from '../store/store.js';
import { perGeneration } from './cache.js';

/** A function from a stored path to the path the API shows. */
export type PathShower = (path: string) => string;

const trimSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.replace(/\/+$/, '') : p);

/** `a/b/..` → `a`, without the `./` and `../` a relative path may start with. */
function strip(p: string): string {
  const n = trimSlash(posix.normalize(p));
  return n.replace(/^(?:\.\.?\/)+/, '').replace(/^\.\.?$/, '');
}

/** The name of the root itself ("news" for "/home/u/news", "" for "/" or "."). */
const rootName = (root: string) => {
  const n = trimSlash(posix.normalize(root));
  return n === '/' || n === '.' || n === '..' || n.endsWith('/..') ? '' : posix.basename(n);
};

const join = (name: string, rest: string) => (name ? (rest ? `${name}/${rest}` : name) : rest);

/**
 * Shows paths relative to the roots given (the inputs of the ingest runs).
 *
 * @example
 * const show = pathShower(['/home/u/news', 'feed.jsonl']);
 * show('/home/u/news/2024/a.txt')  // 'news/2024/a.txt'
 * show('/srv/x/feed.jsonl:12')     // 'feed.jsonl:12' (a relative root found inside an absolute path)
 * show('/tmp/other/b.txt')         // 'b.txt'
 */
export function pathShower(roots: readonly string[]): PathShower {
  const byTyped = new Map<string, { typed: string; stripped: string; name: string }>();
  for (const r of roots) if (r && r !== '-') byTyped.set(trimSlash(posix.normalize(r)), { typed: trimSlash(posix.normalize(r)), stripped: strip(r), name: rootName(r) });
  // The longest root first: the most precise one names the path.
  const list = [...byTyped.values()].sort((a, b) => b.typed.length - a.typed.length);
  return (path) => {
    if (path.startsWith('<')) return path; // <stdin>
    const p = posix.normalize(path);
    for (const r of list) {
      // The path as typed under the root as typed (same run, same folder).
      if (r.typed !== '.' && (p === r.typed || p.startsWith(r.typed === '/' ? '/' : `${r.typed}/`) || p.startsWith(`${r.typed}:`))) {
        const rest = p.slice(r.typed.length).replace(/^\//, '');
        return p.startsWith(`${r.typed}:`) ? `${r.name || posix.basename(r.typed)}${rest}` : join(r.name, rest);
      }
      // A resolved (absolute) path whose run was given a relative root: find the root inside it.
      if (posix.isAbsolute(p) && !posix.isAbsolute(r.typed) && r.stripped) {
        const at = p.lastIndexOf(`/${r.stripped}`);
        const after = at >= 0 ? p.charAt(at + 1 + r.stripped.length) : 'x';
        if (at >= 0 && (after === '' || after === '/' || after === ':')) {
          const rest = p.slice(at + 1 + r.stripped.length);
          return after === ':' ? `${posix.basename(r.stripped)}${rest}` : join(r.name || posix.basename(r.stripped), rest.replace(/^\//, ''));
        }
      }
    }
    // Relative and inside the folder ingest ran in: already relative to the root the user gave.
    if (!posix.isAbsolute(p) && !p.startsWith('../') && p !== '..') return p.replace(/^\.\//, '');
    return posix.basename(p);
  };
}

/** The shower for a store: its runs' inputs are the roots. */
export async function storePathShower(store: Store): Promise<PathShower> {
  // Every run's inputs, read once per store generation (`cache.ts`): the document list and the
  // stats ask for it at each request, and runs only change by writes.
  return perGeneration(store, 'path-shower', async () => pathShower((await store.runs(100_000)).flatMap((r) => r.inputs)));
}

/** A record as the API shows it: `source.path` relative to its ingest root. */
export function publicRecord(record: DocumentRecord, show: PathShower): DocumentRecord {
  if (record.source.path === undefined) return record;
  return { ...record, source: { ...record.source, path: show(record.source.path) } };
}

export function publicSource(source: SourceRef, show: PathShower): SourceRef {
  return { ...source, origin: show(source.origin) };
}

/** A run as the API shows it: its inputs, and the command that names them, relative. */
export function publicRun(run: IngestRun, show: PathShower): IngestRun {
  let command = run.command;
  for (const input of [...run.inputs].sort((a, b) => b.length - a.length)) if (input && input !== '-') command = command.split(input).join(show(input));
  return { ...run, inputs: run.inputs.map((i) => (i === '-' ? i : show(i))), command };
}
