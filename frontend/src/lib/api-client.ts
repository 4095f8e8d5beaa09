import { ErrorBody, type FieldError, type RouteDef } from '@mcr/contract';
import type * as z from 'zod';
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

/** Calls one route of the contract's route table and checks the answer with the route's response schema. */
export async function callRoute<R extends RouteDef>(
  route: R,
  options: { params?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.infer<R['response']>> {
  if (!setup) throw new Error('configureApi() was not called');
  const token = await setup.accessToken();
  if (!token) {
    setup.onUnauthenticated();
    throw new ApiError(401, 'UNAUTHENTICATED', M.sessionExpired);
  }
  let res: Response;
  try {
    res = await fetch(routeUrl(setup.apiBase, route.path, options.params), {
      method: route.method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', M.networkError);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.status === 401) {
    setup.onUnauthenticated();
    throw new ApiError(401, 'UNAUTHENTICATED', M.sessionExpired);
  }
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, 'HTTP_' + res.status, M.badResponse);
    const e = parsed.data.error;
    throw new ApiError(res.status, e.code, e.message, e.requestId, e.fields ?? [], e.currentVersion);
  }
  const parsed = route.response.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${route.method} ${route.path} does not match the contract`, parsed.error.issues);
    throw new ApiError(res.status, 'BAD_RESPONSE', M.badResponse);
  }
  return parsed.data as z.infer<R['response']>;
}
