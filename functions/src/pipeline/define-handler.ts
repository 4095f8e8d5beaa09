import middy, { type MiddlewareObj } from '@middy/core';
import { fieldErrorsFromZod, type RouteDef, type RouteId, type Routes } from '@mcr/contract';
import { createOperatorRepositories, type OperatorRepositories, type RepositoriesOf, type RepositoryFactory, repositoriesOf } from '@mcr/data';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type Identity, OPERATOR_GROUP, resolveIdentity, verifyAccessToken } from './auth.ts';
import { env } from './env.ts';
import { ForbiddenError, HttpError, toHttpError, ValidationError } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';
import { RawBody } from './raw-body.ts';
// edge:begin
import { verifyOrigin } from './origin.ts';
// edge:end

// iam:begin — DynamoDB only through clients scoped to a tenant or to the registry (decision 0022).
import { registryDatabase, tenantDb } from './scoped-db.ts';
// iam:end

type R<Id extends RouteId> = Routes[Id];
type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

/** Request-scoped state the middlewares fill in, carried on the Lambda context. */
export interface AppContext extends Context {
  requestId: string;
  log: Logger;
  startedAt: number;
  caller: Identity | null;
  input: { params: unknown; query: unknown; body: unknown };
}

export interface HandlerInput<Id extends RouteId> {
  params: z.output<R<Id>['params']>;
  query: z.output<R<Id>['query']>;
  body: z.output<R<Id>['body']>;
  /** null on public routes. */
  identity: Id extends 'openapi.get' ? null : Identity;
  requestId: string;
  log: Logger;
  /**
   * The groups of the repository factories named (`repos(organisationRepositories, auditRepositories)`), bound to the
   * caller's tenant; throws 403 for a caller without one (the operator). A function bundles only the factories it
   * names (decision 0025); a group it did not name is a type error.
   */
  repos: <const F extends Factories>(...factories: F) => RepositoriesOf<F>;
  /** The operator's tools: the tenant registry, and repositories for a tenant it is creating. 403 for anyone else. */
  operator: () => { registry: OperatorRepositories; newTenant: <const F extends Factories>(tenantId: string, ...factories: F) => RepositoriesOf<F> };
  /**
   * Public routes only (the calendar feed, decision 0014): repositories of the tenant a secret in the path names.
   * The handler must then prove the secret against that tenant's own items before it reads anything else.
   */
  publicRepos: <const F extends Factories>(tenantId: string, ...factories: F) => RepositoriesOf<F>;
}

/** At least one repository factory of `@mcr/data`. */
type Factories = readonly [RepositoryFactory, ...RepositoryFactory[]];

export type HandlerImpl<Id extends RouteId> = (input: HandlerInput<Id>) => Promise<z.input<R<Id>['response']> | RawBody>;

function parsePart<S extends z.ZodMiniType>(schema: S, value: unknown, part: string): z.output<S> {
  const res = schema.safeParse(value);
  if (!res.success) throw new ValidationError(fieldErrorsFromZod(res.error.issues, part));
  return res.data;
}

// input:begin — a body is JSON or nothing (issue 11).
const UNSUPPORTED_TYPE = {
  ja: 'Content-Type ヘッダーが application/json ではありません。本文は JSON で送ってください',
  en: 'The Content-Type header is not application/json; send the body as JSON',
};
/** `application/json`, with parameters (`; charset=utf-8`) or without; any other type, or none, is refused. */
export function isJsonContentType(value: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(value?.trim() ?? '');
}
/** The request body as text (API Gateway hands over a binary type base64-encoded); undefined when there is none. */
function bodyText(event: Event): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * A body is JSON within the route's limit, checked before anything else is done for the request (before the
 * token is verified or the database read), on every route: a form, a multipart upload, text or a body without a
 * Content-Type is a 415 naming the header; a body over the route's `maxBodyKiB` is a 413. A request without a
 * body (GET, DELETE, a POST that takes none) needs no Content-Type.
 */
const bodyGate = (route: RouteDef): MiddlewareObj<Event, Result, Error, AppContext> => ({
  before: (request) => {
    const e = request.event;
    if (e.body === undefined || e.body === null || e.body === '') return;
    const h = e.headers ?? {};
    if (!isJsonContentType(h['content-type'] ?? h['Content-Type'])) {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_TYPE, [
        { field: 'header.content-type', code: 'unsupported_media_type', message: UNSUPPORTED_TYPE },
      ]);
    }
    const bytes = e.isBase64Encoded ? Buffer.byteLength(e.body, 'base64') : Buffer.byteLength(e.body);
    if (bytes > (route.maxBodyKiB ?? 256) * 1024) {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', { ja: '送信データが大きすぎます', en: 'Request body too large' });
    }
  },
});
// input:end

/** The body's JSON; its type and size were checked by `bodyGate`. */
function readBody(event: Event): unknown {
  const raw = bodyText(event);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError([{ field: 'body', code: 'invalid_json', message: { ja: 'JSON の形式が正しくありません', en: 'Body is not valid JSON' } }]);
  }
}

function json(status: number, body: unknown, requestId: string): Result {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, 'cache-control': 'no-store' },
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

/** Request id, a child logger and one access-log line per request. */
const requestLog = (routeId: RouteId): MiddlewareObj<Event, Result, Error, AppContext> => {
  const done = (request: { context: AppContext; response: Result | null }) => {
    const c = request.context;
    c.log.info('request', {
      status: request.response?.statusCode,
      tenantId: c.caller?.tenantId,
      userId: c.caller?.userId,
      ms: Math.round(performance.now() - c.startedAt),
    });
  };
  return {
    before: (request) => {
      const c = request.context;
      c.requestId = request.event.requestContext?.requestId ?? c.awsRequestId;
      c.log = createLogger(env().LOG_LEVEL, { requestId: c.requestId, route: routeId });
      c.startedAt = performance.now();
      c.caller = null;
    },
    after: done,
    onError: done,
  };
};

/** The single error mapper: 4xx with a stable code and the field; 500 without internals. */
const errorMapper = (): MiddlewareObj<Event, Result, Error, AppContext> => ({
  onError: (request) => {
    const c = request.context;
    const requestId = c.requestId ?? c.awsRequestId;
    const mapped = toHttpError(request.error, requestId);
    if (mapped.internal) {
      const e = request.error;
      (c.log ?? createLogger('error')).error('unhandled', { error: e ? { name: e.name, message: e.message, stack: e.stack } : 'unknown' });
    }
    request.response = json(mapped.status, mapped.body, requestId);
  },
});

/** Bearer token → verified claims → membership → role allowed by the route table. */
const authenticate = (route: RouteDef): MiddlewareObj<Event, Result, Error, AppContext> => ({
  before: async (request) => {
    if (route.auth === 'public') return;
    const h = request.event.headers ?? {};
    const claims = await verifyAccessToken(h.authorization ?? h.Authorization);
    // iam: a route only the operator may call reads no tenant's membership (its role reaches no tenant data).
    if (route.roles.every((r) => r === 'operator') && !claims['cognito:groups']?.includes(OPERATOR_GROUP)) throw new ForbiddenError();
    // iam: the membership is read with the client of the tenant the verified token names.
    const identity = await resolveIdentity(tenantDb, claims);
    request.context.caller = identity;
    if (!route.roles.includes(identity.role)) throw new ForbiddenError();
  },
});

/** zod parsing of path, query and body; errors name the field (`body.changes[0].answer.targetDate`). */
const parseRequest = (route: RouteDef): MiddlewareObj<Event, Result, Error, AppContext> => ({
  before: (request) => {
    const e = request.event;
    request.context.input = {
      params: parsePart(route.params, e.pathParameters ?? {}, 'path'),
      query: parsePart(route.query, e.queryStringParameters ?? {}, 'query'),
      body: parsePart(route.body, readBody(e), 'body'),
    };
  },
});

/** Checks the handler's result against the contract (when enabled) and renders it as JSON. */
const serialize = (route: RouteDef): MiddlewareObj<Event, Result, Error, AppContext> => ({
  after: (request) => {
    const raw: unknown = request.response;
    if (raw instanceof RawBody) {
      request.response = {
        statusCode: 200,
        headers: {
          'content-type': raw.contentType,
          'content-disposition': `attachment; filename="${raw.fileName}"`,
          'x-request-id': request.context.requestId,
          'cache-control': 'no-store',
        },
        body: raw.body,
        ...(raw.base64 ? { isBase64Encoded: true } : {}),
      };
      return;
    }
    const output = env().RESPONSE_VALIDATION === 'on' ? route.response.parse(raw) : raw;
    request.response = json(route.successStatus, output, request.context.requestId);
  },
});

/**
 * The one pipeline every route runs through. Middy runs `before` in `use` order and `after`/`onError`
 * in reverse, so the access log sees the final status and the error mapper sees every failure.
 */
export function defineHandler<Id extends RouteId>(definition: Routes[Id] & { readonly id: Id }, impl: HandlerImpl<Id>) {
  // The route's own definition (`@mcr/contract/routes`), not the table: a function bundles only its route's schemas.
  const route = definition as RouteDef;
  const routeId = definition.id;
  return middy<Event, Result, Error, AppContext>()
    .use(requestLog(routeId))
    .use(errorMapper())
    .use(verifyOrigin()) // edge: only requests through CloudFront (the x-origin-verify secret); a 403 otherwise
    .use(serialize(route))
    .use(bodyGate(route)) // input: 415 for a body that is not JSON, 413 over the route's limit
    .use(authenticate(route))
    .use(parseRequest(route))
    .handler(async (_event, context) => {
      const who = context.caller;
      const result = await impl({
        ...(context.input as Pick<HandlerInput<Id>, 'params' | 'query' | 'body'>),
        identity: who as HandlerInput<Id>['identity'],
        requestId: context.requestId,
        log: context.log,
        repos: (...factories) => {
          if (!who?.tenantId) throw new ForbiddenError();
          return repositoriesOf(tenantDb(who.tenantId), { tenantId: who.tenantId }, ...factories);
        },
        publicRepos: (tenantId, ...factories) => {
          if (route.auth !== 'public' || !/^(0[1-9]|[1-3][0-9]|4[0-7])$/.test(tenantId)) throw new ForbiddenError();
          return repositoriesOf(tenantDb(tenantId), { tenantId }, ...factories);
        },
        operator: () => {
          if (who?.role !== 'operator') throw new ForbiddenError();
          return {
            registry: createOperatorRepositories(registryDatabase()),
            newTenant: (tenantId, ...factories) => repositoriesOf(tenantDb(tenantId), { tenantId }, ...factories),
          };
        },
      });
      // The serializer middleware turns this into the HTTP response.
      return result as unknown as Result;
    });
}
