import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { matchPath, type RouteDef, routeList } from '@mcr/contract';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface FrontDoorOptions {
  port: number;
  host?: string;
  /** Folder of the built SPA (frontend/dist); omitted → API only. */
  staticDir?: string;
  /** Runtime configuration the SPA reads from /config.json (as CloudFront serves it in AWS). */
  spaConfig: Record<string, unknown>;
  /** Folder with the handler modules (functions/src/handlers). */
  handlersDir: string;
  log?: (line: string) => void;
}

const MIME: Record<string, string> = {
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

/** The same response headers the CloudFront distribution adds in AWS. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** API Gateway and Lambda accept 6 MiB; each route's own limit is applied by the handler pipeline. */
const MAX_BODY = 6 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Builds the API Gateway HTTP API (payload 2.0) event that Lambda would receive for this request. */
export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  route: RouteDef,
  pathParameters: Record<string, string>,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || /json|text|xml|x-www-form-urlencoded/.test(contentType);
  const now = new Date();
  const routeKey = `${route.method} ${route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
}

function lambdaContext(route: RouteDef & { id: string }, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-northeast-1:000000000000:function:local-${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/local-${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...extra });
  res.end(JSON.stringify(body));
}

/**
 * A local API Gateway: turns each HTTP request into an HTTP API v2 event for the same handler modules
 * that the CDK stack deploys, found through the same route table. Also serves the SPA and its config.
 */
export function createFrontDoor(opts: FrontDoorOptions): Server {
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const load = (name: string): Promise<LambdaHandler> => {
    let p = handlers.get(name);
    if (!p) {
      const file = path.join(opts.handlersDir, `${name}.ts`);
      p = import(pathToFileURL(file).href).then((m: { handler: LambdaHandler }) => m.handler);
      handlers.set(name, p);
    }
    return p;
  };
  const log = opts.log ?? (() => undefined);

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const candidates = routeList.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter((c) => c.params);
    const hit = candidates.find((c) => c.r.method === req.method);
    if (!hit?.params) {
      const status = candidates.length ? 405 : 404;
      const code = candidates.length ? 'METHOD_NOT_ALLOWED' : 'ROUTE_NOT_FOUND';
      sendJson(res, status, { error: { code, message: { ja: 'この URL は存在しません', en: 'No such route' }, requestId: randomUUID() } });
      return;
    }
    const body = await readBody(req);
    const event = toApiGatewayEvent(req, url, hit.r, hit.params, body);
    const handler = await load(hit.r.handler);
    const result = await handler(event, lambdaContext(hit.r, 29_000));
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
    res.writeHead(result.statusCode ?? 200, headers);
    res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/config.json') {
      sendJson(res, 200, opts.spaConfig, { 'cache-control': 'no-store' });
      return;
    }
    if (!opts.staticDir) {
      sendJson(res, 404, { error: { code: 'ROUTE_NOT_FOUND' } });
      return;
    }
    const root = path.resolve(opts.staticDir);
    let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    // A path outside the folder, a folder or a missing file falls back to the SPA's index (client-side routing).
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The SPA is not built yet: run `npm run build -w frontend`.');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  return createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname.startsWith('/api/') ? handleApi(req, res, url) : Promise.resolve(handleStatic(req, res, url));
    work
      .catch((err: { status?: number }) => {
        if (!res.headersSent)
          sendJson(res, err.status ?? 500, { error: { code: err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL', requestId: randomUUID() } });
        else res.end();
      })
      .finally(() => {
        if (url.pathname.startsWith('/api/')) log(`${req.method} ${url.pathname} → ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      });
  });
}
