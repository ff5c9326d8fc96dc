/**
 * The HTTP server's application (Hono): the API routes of routes.ts, their errors mapped
 * through the catalogue (src/errors.ts: each code's `http` status), the OpenAPI document, and
 * the built web app. Routes are thin: parse the query (zod), call a service, answer JSON.
 * Answers are compressed (gzip or deflate) when the client accepts it.
 */
import { Hono, type Context } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { ERRORS, MarsadError, isMarsadError } from '../errors.js';
import { packageRoot } from '../lexicon/resources.js';
import { IdParam, parseParams } from '../services/params.js';
import type { Store } from '../store/store.js';
import { openApiDocument } from './openapi.js';
import { ROUTES, isStreamAnswer, type ReviewAccess } from './routes.js';
import { NOT_BUILT, webApp } from './static.js';

export interface AppOptions {
  /** The built web app; default web/dist in the package. null serves the API only. */
  readonly webRoot?: string | null;
  /** Told about internal errors (a bug), which the client sees only as their code. */
  readonly onInternalError?: (error: unknown) => void;
  /**
   * Whether to answer a request with this `Host` header (hosts.ts); others get 403
   * `host-not-allowed`. Absent: every host (the app called in-process, as in tests).
   */
  readonly allowHost?: (host: string | undefined) => boolean;
  /**
   * Who may write reviews (docs/review.md): the bearer token writes need, or null when this
   * server takes none (with `reason`); `reviewer` names writes that carry no name. Absent:
   * no writes.
   */
  readonly review?: { readonly token: string | null; readonly reviewer?: string | null; readonly reason?: string | null };
}

/** Whether a bearer header carries the token (compared in constant time). */
function tokenMatches(header: string | undefined, token: string | null): boolean {
  if (!token || !header) return false;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Where `npm run build` puts the web app. */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'web', 'dist');
}

function errorBody(error: MarsadError) {
  return { error: { code: error.code, message: error.message, hint: error.hint } };
}

/** A stream of text chunks as a web stream of UTF-8 bytes. */
function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * The application for a store.
 *
 * @example
 * const app = createApp(openStore('marsad.db'));
 * const res = await app.request('/api/events?type=ASSAULT');
 */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const openapi = JSON.stringify(openApiDocument());

  app.onError((error, c) => {
    if (isMarsadError(error)) return c.json(errorBody(error), error.httpStatus as 400);
    options.onInternalError?.(error);
    const internal = new MarsadError('internal', c.req.path, 'the request failed');
    return c.json(errorBody(internal), ERRORS.internal.http);
  });

  // Text of 1 KB or more (JSON, the app's files, exports) goes gzipped to a client that accepts
  // it; JSON Lines exports count as text too.
  app.use(
    '*',
    compress({ contentTypeFilter: (type) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /^application\/x-ndjson(;|$)/.test(type) }),
  );

  if (options.allowHost) {
    const allowHost = options.allowHost;
    app.use('*', async (c, next) => {
      const host = c.req.header('host');
      if (!allowHost(host)) {
        throw new MarsadError('host-not-allowed', host === undefined ? 'no Host header' : `Host ${JSON.stringify(host).slice(1, -1)}`);
      }
      await next();
    });
  }

  const writes = ROUTES.filter((r) => r.method === 'POST').map((r) => new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`));
  app.use('/api/*', async (c, next) => {
    const write = c.req.method === 'POST' && writes.some((w) => w.test(c.req.path));
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !write) {
      throw new MarsadError('bad-parameter', c.req.method, 'the API is read only except for reviews (docs/review.md): use GET');
    }
    await next();
    c.header('x-content-type-options', 'nosniff');
  });

  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }));

  const token = options.review?.token ?? null;
  const access = (c: Context): ReviewAccess => ({
    writable: token !== null,
    reason: token !== null ? null : (options.review?.reason ?? 'this server was started without a reviewer token'),
    reviewer: options.review?.reviewer ?? null,
    authorized: tokenMatches(c.req.header('authorization'), token),
  });
  /** A write's checks, in order: writing on, same site, the token, a JSON body. */
  const writeBody = async (c: Context, review: ReviewAccess): Promise<unknown> => {
    if (!review.writable) throw new MarsadError('review-disabled', c.req.path, review.reason!);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      throw new MarsadError('review-cross-site', `Origin ${JSON.stringify(origin).slice(1, -1)}`, 'a write must come from the page this server serves');
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new MarsadError('review-cross-site', 'Sec-Fetch-Site: cross-site', 'a write must come from the page this server serves');
    if (!review.authorized) {
      throw new MarsadError('review-token', 'Authorization', c.req.header('authorization') ? 'the bearer token is not the one marsad serve printed' : 'no Authorization: Bearer header');
    }
    if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      throw new MarsadError('bad-parameter', 'Content-Type', 'a write sends its body as application/json');
    }
    try {
      return JSON.parse(await c.req.text());
    } catch (error) {
      throw new MarsadError('bad-parameter', 'body', `not JSON: ${(error as Error).message}`);
    }
  };

  for (const route of ROUTES) {
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(route.method ?? 'GET', honoPath, async (c: Context) => {
      const path: Record<string, string> = {};
      for (const p of route.pathParams ?? []) {
        const value = c.req.param(p.name) ?? '';
        if (p.name === 'id') path.id = parseParams(IdParam, { id: value }).id;
        else if (/^\d{1,9}$/.test(value)) path[p.name] = value;
        else throw new MarsadError('bad-parameter', p.name, `must be a whole number: "${value}"`);
      }
      const query = parseParams(route.query, c.req.query());
      const review = access(c);
      const body = route.method === 'POST' ? await writeBody(c, review) : undefined;
      const answer = await route.handler(store, query, path, { body, review });
      if (isStreamAnswer(answer)) {
        return c.body(byteStream(answer.stream), 200, {
          'content-type': answer.mediaType,
          'content-disposition': `attachment; filename="${answer.filename}"`,
        });
      }
      return c.json(answer as object);
    });
  }

  app.all('/api/*', (c) => {
    throw new MarsadError('not-found', c.req.path, 'no such API route; see /api/openapi.json');
  });

  if (webRoot) app.get('*', webApp(webRoot));
  else app.get('*', (c) => c.text(NOT_BUILT, 404));

  return app;
}
