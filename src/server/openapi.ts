/**
 * The OpenAPI 3.1 document of the HTTP API, made from the route table and the zod schemas of
 * its parameters (served at /api/openapi.json).
 */
import { z } from 'zod';
import { ERRORS } from '../errors.js';
import { documentJsonSchema } from '../extract/record.js';
import { marsadVersion } from '../version.js';
import { ROUTES } from './routes.js';

/** The JSON Schema of one query parameter; whole numbers given as strings show as integers. */
function parameterSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  const integer = json.integer as { minimum: number; maximum: number; default: number } | undefined;
  const number = json.number as { minimum: number; maximum: number } | undefined;
  const description = json.description;
  if (integer) return { type: 'integer', ...integer, ...(description ? { description } : {}) };
  if (number) return { type: 'number', ...number, ...(description ? { description } : {}) };
  return json;
}

/** The JSON Schema of a route's answer. */
function responseSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** The body of every error answer. */
const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]).meta({ description: 'catalogue code (docs/errors.md)' }),
    message: z.string().meta({ description: 'names the parameter or id and the problem' }),
    hint: z.string(),
  }),
});

/**
 * The OpenAPI document.
 *
 * @example
 * openApiDocument().paths['/api/events'].get.parameters  // [{ name: 'q', in: 'query', … }, …]
 */
export function openApiDocument(): Record<string, unknown> {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const paths: Record<string, unknown> = {};
  for (const r of ROUTES) {
    const parameters = [
      ...(r.pathParams ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: { type: 'string' } })),
      ...Object.entries(r.query.shape).map(([name, schema]) => {
        const s = schema as z.ZodType;
        const json = parameterSchema(s);
        const { description, ...rest } = json;
        return { name, in: 'query', required: !s.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
      }),
    ];
    if (!r.mediaType && !r.response) throw new Error(`route ${r.path} answers JSON but has no response schema`);
    const schema = r.mediaType ? { type: 'string', format: 'binary' } : responseSchema(r.response!);
    const ok = { description: r.answer, content: { [r.mediaType ?? 'application/json']: { schema } } };
    const write = r.method === 'POST';
    const requestBody = r.body
      ? { required: true, content: { 'application/json': { schema: (() => { const j = z.toJSONSchema(r.body, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>; delete j.$schema; return j; })() } } }
      : undefined;
    paths[r.path] = {
      [write ? 'post' : 'get']: {
        tags: [r.tag],
        summary: r.summary,
        description: r.description,
        operationId: r.path.replace(/^\/api\//, '').replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase()),
        parameters,
        ...(requestBody ? { requestBody } : {}),
        ...(write ? { security: [{ reviewerToken: [] }] } : {}),
        responses: {
          '200': ok,
          '400': error(write ? 'a parameter or a field of the body is invalid, or no reviewer is named (`review-no-reviewer`); the message names it' : 'a parameter is invalid; the message names it'),
          ...(write ? { '401': error('no bearer token, or a wrong one (`review-token`)') } : {}),
          '403': error(
            write
              ? 'the Host header names a host this server does not answer to (`host-not-allowed`), a write from another site (`review-cross-site`), or a server that takes no reviews (`review-disabled`)'
              : 'the Host header names a host this server does not answer to (`host-not-allowed`; see `marsad serve --allow-host`)',
          ),
          ...(r.notFound ? { '404': error('no such id') } : {}),
          '500': error('the store failed, or a bug'),
        },
      },
    };
  }
  const record = documentJsonSchema();
  delete record.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marsad API',
      version: marsadVersion(),
      description:
        'Arabic news as sourced event data: documents, events, entities, places, figures and exports. Read only, except for reviews (tag `review`: docs/review.md), which need the reviewer token `marsad serve` prints. File paths are shown relative to the folder or file given to `marsad ingest`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: responseSchema(ErrorBodySchema), DocumentRecord: record },
      securitySchemes: { reviewerToken: { type: 'http', scheme: 'bearer', description: 'the token `marsad serve` prints (or MARSAD_TOKEN); docs/review.md' } },
    },
  };
}
