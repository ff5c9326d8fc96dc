/**
 * Serves the built web app (web/dist): its files, and index.html for every other path that is
 * not under /api, so that the app's own routes can be reloaded.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Only the app's own scripts and styles run; nothing is fetched from elsewhere; article text is
 * text (the app never writes it as HTML, and this policy would stop a script if it did).
 */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";

export interface StaticFile {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/**
 * The file answering a path, or null when the app is not built.
 *
 * @example
 * webFile('/work/marsad/web/dist', '/assets/index-abc.js')  // { body, headers: { 'content-type': 'text/javascript…' } }
 */
export function webFile(root: string, path: string): StaticFile | null {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  let file = index;
  const decoded = (() => {
    try {
      return decodeURIComponent(path);
    } catch {
      return '/';
    }
  })();
  const candidate = normalize(join(root, decoded));
  // Never outside the folder ("/../../etc/passwd"); a missing file is the app's own route.
  if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const hashed = file.includes(`${sep}assets${sep}`);
  return {
    body: readFileSync(file),
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(type.startsWith('text/html') ? { 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' } : {}),
    },
  };
}
