/**
 * Serves the built web app (web/dist) through the framework's static handler (`serveStatic` of
 * @hono/node-server): its files, and index.html for every other path that is not under /api,
 * so that the app's own routes can be reloaded. The handler refuses paths with `.` or `..`
 * segments, backslashes, doubled slashes and encoded separators, so nothing outside the
 * folder is ever read; what it does not find is the app's own route (index.html).
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Only the app's own scripts and styles run; nothing is fetched from elsewhere; article text is
 * text (the app never writes it as HTML, and this policy would stop a script if it did).
 */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'";

/** What a path of the app answers while the app is not built (or not served). */
export const NOT_BUILT = 'The web app is not built: run `npm run build` in the Marsad folder. The API answers under /api (see /api/openapi.json).\n';

/** Does nothing: the handlers below answer, or say they found nothing by returning nothing. */
const none = async () => undefined;

/**
 * The handler of the web app's paths for a built app in `root`; a 404 with a hint while the
 * app is not built.
 *
 * @example
 * app.get('*', webApp('/work/marsad/web/dist'));
 */
export function webApp(root: string): MiddlewareHandler {
  // Made once the app is built (serveStatic complains of a root that does not exist yet).
  let handlers: { files: MiddlewareHandler; index: MiddlewareHandler } | undefined;
  return async (c: Context) => {
    if (!existsSync(join(root, 'index.html'))) return c.text(NOT_BUILT, 404);
    handlers ??= { files: serveStatic({ root }), index: serveStatic({ root, path: 'index.html' }) };
    const file = await handlers.files(c, none);
    const res = file ?? (await handlers.index(c, none));
    if (!res) return c.text(NOT_BUILT, 404);
    const type = res.headers.get('content-type') ?? '';
    // Files under /assets carry a hash of their content in their name: a new build, a new name.
    const hashed = file !== undefined && c.req.path.startsWith('/assets/') && !type.startsWith('text/html');
    res.headers.set('x-content-type-options', 'nosniff');
    res.headers.set('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (type.startsWith('text/html')) {
      res.headers.set('content-security-policy', CSP);
      res.headers.set('referrer-policy', 'no-referrer');
    }
    return res;
  };
}
