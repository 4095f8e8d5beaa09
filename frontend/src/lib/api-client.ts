import { ErrorBody, type FieldError, type RouteDef } from '@mcr/contract';
import type * as z from 'zod/mini';
import type { Localized } from '../i18n/i18n.tsx';
import { M } from '../i18n/messages.ts';

/** An API answer other than success: the contract's error body, or a stand-in for network and parse failures. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Localized,
    readonly requestId?: string,
    readonly fields: FieldError[] = [],
    readonly currentVersion?: number,
    /** For CELL_CONFLICT: the answer cells someone else saved first, with their value. */
    readonly cells: NonNullable<ErrorBody['error']['cells']> = [],
  ) {
    super(`${status} ${code}: ${text.en ?? text.ja}`);
    this.name = 'ApiError';
  }
}

interface ApiSetup {
  apiBase: string;
  /** A valid access token, refreshed if needed; null when nobody is signed in. */
  accessToken(): Promise<string | null>;
  /** Called on 401: the session is over, the app goes back to sign-in. */
  onUnauthenticated(): void;
}

let setup: ApiSetup | null = null;
const writeListeners = new Set<() => void>();

/** Calls `listener` after every successful call of a read-write route; the query cache refreshes itself with it. */
export function onApiWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => {
    writeListeners.delete(listener);
  };
}

export function configureApi(value: ApiSetup): void {
  setup = value;
}

/** `/api/campaigns/{campaignId}` + { campaignId: 'c1' } → `${apiBase}/campaigns/c1`. Route paths carry the `/api` prefix. */
export function routeUrl(apiBase: string, path: string, params: Record<string, string> = {}): string {
  const filled = path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
  return `${apiBase}${filled.replace(/^\/api(?=\/|$)/, '')}`;
}

/** An API path the server handed out (`/api/calendar/…`) as an absolute URL people can paste elsewhere. */
export function absoluteApiUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  const base = setup?.apiBase ?? '/api';
  return new URL(`${base}${path.replace(/^\/api(?=\/|$)/, '')}`, window.location.origin).href;
}

type Query = Record<string, string | undefined>;

interface CallOptions {
  params?: Record<string, string>;
  /** Query parameters; empty and undefined values are left out. */
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `${url}?${s}` : url;
}

/** The bearer-authenticated fetch shared by JSON calls and downloads; 401 ends the session, other errors become ApiError. */
async function send(route: RouteDef, options: CallOptions, accept: string): Promise<Response> {
  if (!setup) throw new Error('configureApi() was not called');
  const token = await setup.accessToken();
  if (!token) {
    setup.onUnauthenticated();
    throw new ApiError(401, 'UNAUTHENTICATED', M.sessionExpired);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(routeUrl(setup.apiBase, route.path, options.params), options.query), {
      method: route.method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: accept,
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', M.networkError);
  }
  if (res.status === 401) {
    setup.onUnauthenticated();
    throw new ApiError(401, 'UNAUTHENTICATED', M.sessionExpired);
  }
  if (!res.ok) {
    const json: unknown = await res.json().catch(() => undefined);
    if (res.status === 413) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', M.payloadTooLarge);
    const parsed = ErrorBody.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, 'HTTP_' + res.status, M.badResponse);
    const e = parsed.data.error;
    throw new ApiError(res.status, e.code, e.message, e.requestId, e.fields ?? [], e.currentVersion, e.cells ?? []);
  }
  if (route.access === 'read-write') for (const listener of writeListeners) listener();
  return res;
}

/** Calls one route of the contract's route table and checks the answer with the route's response schema. */
export async function callRoute<R extends RouteDef>(route: R, options: CallOptions = {}): Promise<z.infer<R['response']>> {
  const res = await send(route, options, 'application/json');
  const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${route.method} ${route.path} does not match the contract`, parsed.error.issues);
    throw new ApiError(res.status, 'BAD_RESPONSE', M.badResponse);
  }
  return parsed.data as z.infer<R['response']>;
}

/** `attachment; filename="audit-2026-04-01-2026-04-30.csv"` (or RFC 5987 `filename*=UTF-8''…`) → the file name. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || undefined;
}

/** A route that answers with a file (CSV export): the body as a Blob and the server's file name. */
export async function downloadRoute(route: RouteDef, options: Omit<CallOptions, 'body'> = {}): Promise<{ blob: Blob; fileName: string | undefined }> {
  const res = await send(route, options, '*/*');
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}
