import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { matchPath, type RouteDef, routeList, securityHeaders } from '@mcr/contract';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
// iam:begin
import { asFunction } from './sdk-recorder.ts';
// iam:end

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
  /**
   * Endpoints that exist only in the local stack (never in AWS), e.g. `POST /__local/settle`, which answers once
   * the stream consumer has processed every earlier write: tests wait on it instead of sleeping. The endpoint
   * receives the request's JSON body (`{}` when empty; 400 when it is not JSON).
   */
  localEndpoints?: Record<string, (body: Record<string, unknown>) => Promise<unknown>>;
  // edge:begin
  /** Origins the SPA connects to besides its own and the Cognito endpoint (the S3 stand-in), for the CSP's `connect-src`. */
  connectSources?: string[];
  // edge:end
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

// edge:begin
/**
 * The same security headers CloudFront's response-headers policy sends in AWS, from the one shared module
 * (@mcr/contract security-headers.ts), so the browser tests run the SPA under the production CSP. `connect-src`
 * names the origins of the local stand-ins the SPA calls (cognito-local, s3rver) instead of AWS's.
 */
function securityHeadersOf(opts: FrontDoorOptions): Record<string, string> {
  const origins = [...(opts.connectSources ?? [])];
  const cognito = opts.spaConfig.cognitoEndpoint;
  if (typeof cognito === 'string') origins.unshift(cognito);
  return securityHeaders({ connectSources: [...new Set(origins.map((o) => new URL(o).origin))] });
}
// edge:end

type Encoding = 'br' | 'gzip';

/** The encoding CloudFront would pick for this Accept-Encoding: brotli before gzip, nothing refused with q=0. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/** CloudFront compresses text-like bodies of 1,000 bytes and more. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+json)|image\/svg\+xml)/;
const MIN_COMPRESS = 1000;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Off the event loop (zlib's thread pool), so a large file does not hold up API requests. */
function compress(body: Buffer, encoding: Encoding, quality: number): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipAsync(body, { level: Math.min(9, quality + 1) });
}

/**
 * Compresses `body` when the client accepts it and the type is worth it; adds the headers that go with it.
 * `Vary: Accept-Encoding` is set on every compressible type, compressed or not, so that no cache mixes them.
 */
async function encodeBody(
  req: IncomingMessage,
  headers: Record<string, string>,
  body: Buffer,
  quality: number,
  cached?: (encoding: Encoding) => Promise<Buffer>,
): Promise<Buffer> {
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!COMPRESSIBLE.test(type) || Object.keys(headers).some((k) => k.toLowerCase() === 'content-encoding')) return body;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const encoding = body.length >= MIN_COMPRESS ? pickEncoding(req.headers['accept-encoding']) : undefined;
  if (!encoding) return body;
  headers['content-encoding'] = encoding;
  return cached ? cached(encoding) : compress(body, encoding, quality);
}

/** API Gateway and Lambda accept 6 MiB; each route's own limit is applied by the handler pipeline. */
const MAX_BODY = 6 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // input: keep reading (and dropping) the rest, so that the client gets the 413 instead of a reset connection;
        // only a sender that goes on far past the limit is cut off.
        if (!refused) {
          refused = true;
          chunks.length = 0;
          reject(Object.assign(new Error('too large'), { status: 413 }));
        }
        if (size > 4 * MAX_BODY) req.destroy();
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

function sendJson(security: Record<string, string>, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...security, ...extra });
  res.end(JSON.stringify(body));
}

/** Writes a whole body with its length (none on 204 and 304); HEAD gets the headers only. */
function sendBody(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) {
  if (status !== 204 && status !== 304) headers['content-length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
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
  // edge:begin
  const SECURITY_HEADERS = securityHeadersOf(opts);
  // edge:end
  // Static files compressed once per version of the file (hashed assets never change; brotli 11 as a CDN would).
  const compressedFiles = new Map<string, Promise<Buffer>>();
  const compressedFile = (file: string, version: string, body: Buffer) => (encoding: Encoding) => {
    const key = `${encoding} ${file} ${version}`;
    let out = compressedFiles.get(key);
    if (!out) {
      out = compress(body, encoding, 11);
      compressedFiles.set(key, out);
      out.catch(() => compressedFiles.delete(key));
    }
    return out;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const candidates = routeList.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter((c) => c.params);
    const hit = candidates.find((c) => c.r.method === req.method);
    if (!hit?.params) {
      const status = candidates.length ? 405 : 404;
      const code = candidates.length ? 'METHOD_NOT_ALLOWED' : 'ROUTE_NOT_FOUND';
      sendJson(SECURITY_HEADERS, res, status, { error: { code, message: { ja: 'この URL は存在しません', en: 'No such route' }, requestId: randomUUID() } });
      return;
    }
    const body = await readBody(req);
    const event = toApiGatewayEvent(req, url, hit.r, hit.params, body);
    const handler = await load(hit.r.handler);
    // iam:begin — the SDK calls the handler sends are recorded as this route's (decision 0022).
    const result = await asFunction(hit.r.id, () => handler(event, lambdaContext(hit.r, 29_000)));
    // iam:end
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
    const raw = result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : Buffer.from(result.body ?? '', 'utf8');
    // API Gateway does not compress; CloudFront in front of it does. A fast brotli level: this is per request.
    sendBody(req, res, result.statusCode ?? 200, headers, await encodeBody(req, headers, raw, 4));
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/config.json') {
      const headers = { 'content-type': MIME['.json'] as string, 'cache-control': 'no-cache', ...SECURITY_HEADERS };
      sendBody(req, res, 200, headers, await encodeBody(req, headers, Buffer.from(JSON.stringify(opts.spaConfig)), 4));
      return;
    }
    if (!opts.staticDir) {
      sendJson(SECURITY_HEADERS, res, 404, { error: { code: 'ROUTE_NOT_FOUND' } });
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
    const headers: Record<string, string> = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      // Hashed file names under /assets change with their content; index.html must be asked for every time.
      'cache-control': file.startsWith(path.join(root, 'assets') + path.sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    };
    const { mtimeMs, size } = statSync(file);
    const body = readFileSync(file);
    sendBody(req, res, 200, headers, await encodeBody(req, headers, body, 11, compressedFile(file, `${mtimeMs}:${size}`, body)));
  };

  return createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    // A path with broken percent-encoding (`/api/facilities/%ZZ`) names nothing: a 400 naming the path, never a 500
    // from decoding it later.
    if (!decodable(url.pathname)) {
      const message = { ja: 'URL のパスの % エンコードが正しくありません', en: 'The URL path has broken percent-encoding' };
      sendJson(SECURITY_HEADERS, res, 400, {
        error: { code: 'VALIDATION_FAILED', message, requestId: randomUUID(), fields: [{ field: 'path', code: 'encoding', message }] },
      });
      return;
    }
    const local = req.method === 'POST' ? opts.localEndpoints?.[url.pathname] : undefined;
    const work = local
      ? readBody(req)
          .then((raw) => {
            try {
              const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
              return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
            } catch {
              throw Object.assign(new Error('body is not JSON'), { status: 400 });
            }
          })
          .then((input) => local(input))
          .then((body) => sendJson(SECURITY_HEADERS, res, 200, body ?? {}))
      : url.pathname.startsWith('/api/')
        ? handleApi(req, res, url)
        : handleStatic(req, res, url);
    work
      .catch((err: { status?: number }) => {
        // input: the same error body as the handlers' (code, message in Japanese and English, request id).
        const [code, message] =
          err.status === 413
            ? (['PAYLOAD_TOO_LARGE', { ja: '送信データが大きすぎます', en: 'Request body too large' }] as const)
            : err.status === 400
              ? (['VALIDATION_FAILED', { ja: '本文が JSON ではありません', en: 'The body is not JSON' }] as const)
              : ([
                  'INTERNAL',
                  { ja: 'システムエラーが発生しました。時間をおいて再度お試しください。', en: 'Something went wrong on our side. Please try again later.' },
                ] as const);
        if (!res.headersSent) sendJson(SECURITY_HEADERS, res, err.status ?? 500, { error: { code, message, requestId: randomUUID() } });
        else res.end();
      })
      .finally(() => {
        if (url.pathname.startsWith('/api/')) log(`${req.method} ${url.pathname} → ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      });
  });
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
