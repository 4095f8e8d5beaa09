import * as z from 'zod/mini';
import { ErrorBody } from './errors.ts';
import { pathParamNames, routeList } from './routes.ts';

function schema(s: z.core.$ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** Builds the OpenAPI 3.1 document from the route table; served at GET /api/openapi.json. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routeList) {
    const parameters: unknown[] = pathParamNames(r.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const query = schema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema: s });
    }
    const op: Record<string, unknown> = {
      operationId: r.id,
      summary: r.summary.en,
      description: `${r.summary.ja}\n\nRoles: ${r.roles.join(', ') || 'public'}`,
      parameters,
      responses: {
        [String(r.successStatus)]: { description: 'OK', content: { 'application/json': { schema: schema(r.response, 'output') } } },
        '4XX': { description: 'Client error', content: { 'application/json': { schema: schema(ErrorBody, 'output') } } },
      },
      ...(r.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
    };
    if ((r.body as z.core.$ZodType)._zod.def.type !== 'undefined') {
      op.requestBody = { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } };
    }
    paths[r.path] ??= {};
    (paths[r.path] as Record<string, unknown>)[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: '医療機関サイバーセキュリティ対策 API', version: '1.0.0', description: 'Medical cyber readiness API (multi-tenant).' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito access token)' } } },
    paths,
  };
}
