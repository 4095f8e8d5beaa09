import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { type DemoLoginInfo, stackInfo } from './stack-info.ts';

const tokens = new Map<string, Promise<string>>();
let flows: CognitoAuthFlows | undefined;

export function login(email: string): DemoLoginInfo {
  const found = stackInfo().logins.find((l) => l.email === email);
  if (!found) throw new Error(`no demo login ${email}`);
  return found;
}

/** A real access token: password + TOTP against the local user pool, cached per test file. */
export function tokenFor(email: string): Promise<string> {
  let t = tokens.get(email);
  if (!t) {
    const s = stackInfo().services;
    flows ??= new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
    const l = login(email);
    t = flows.signIn({ email: l.email, password: l.password, totpSecret: l.totpSecret }).then((x) => x.accessToken);
    tokens.set(email, t);
  }
  return t;
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = unknown>(
  method: string,
  path: string,
  opts: { as?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const token = opts.token ?? (opts.as ? await tokenFor(opts.as) : undefined);
  const res = await fetch(`${stackInfo().url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export const USERS = {
  pref36: 'pref-admin@tokushima.example.jp',
  inspector36: 'inspector@tokushima.example.jp',
  hospitalAdmin36: 'hospital-admin@tokushima.example.jp',
  hospitalStaff36: 'hospital-staff@tokushima.example.jp',
  clinic36: 'clinic-director@tokushima.example.jp',
  vendor36: 'vendor@awa-medical.example.jp',
  vendor2_36: 'vendor@shikoku-it.example.jp',
  pref37: 'pref-admin@kagawa.example.jp',
  hospitalAdmin37: 'hospital-admin@kagawa.example.jp',
  operator: 'operator@mcr.example.jp',
} as const;

/** Waits until the local stream consumer has processed every earlier write (local stack only). */
export async function settle(): Promise<void> {
  const res = await fetch(`${stackInfo().url}/__local/settle`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`settle failed: ${res.status} ${await res.text()}`);
}
