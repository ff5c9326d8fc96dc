/**
 * The HTTP server's application (Hono): the API routes of routes.ts, their errors mapped
 * through the catalogue (src/errors.ts: each code's `http` status), the OpenAPI document, and
 * the built web app. Routes are thin: parse the query (zod), call a service, answer JSON.
 * Answers are compressed (gzip or deflate) when the client accepts it.
 */
import { Hono, type Context } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import { join } from 'node:path';
import { ERRORS, MarsadError, isMarsadError } from '../errors.js';
import { packageRoot } from '../lexicon/resources.js';
import { IdParam, parseParams } from '../services/params.js';
import type { Store } from '../store/store.js';
import { openApiDocument } from './openapi.js';
import { ROUTES, isStreamAnswer } from './routes.js';
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

  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new MarsadError('bad-parameter', c.req.method, 'the API is read only: use GET');
    }
    await next();
    c.header('x-content-type-options', 'nosniff');
  });

  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json; charset=utf-8' }));

  for (const route of ROUTES) {
    const honoPath = route.path.replace(/\{(\w+)\}/g, ':$1');
    app.get(honoPath, async (c: Context) => {
      const path = route.pathParams ? parseParams(IdParam, { id: c.req.param('id') }) : {};
      const query = parseParams(route.query, c.req.query());
      const answer = await route.handler(store, query, path as Record<string, string>);
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
