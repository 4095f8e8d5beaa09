import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The token check and the identity it yields (functions/src/pipeline/auth.ts), each rule on its own, against a key
 * set served over HTTP as Cognito serves its own (the integration suite attacks the same check through the front
 * door with cognito-local's tokens; this one also reaches the limits: clock tolerance, token age, the claims required).
 */

const ISSUER = 'http://127.0.0.1/unit-pool';
const CLIENT = 'unit-client';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'unit-key';

let server: Server;
let auth: typeof import('../../../functions/src/pipeline/auth.ts');
let errors: typeof import('../../../functions/src/pipeline/errors.ts');

beforeAll(async () => {
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  Object.assign(process.env, {
    TABLE_NAME: 'unit',
    AWS_REGION: 'ap-northeast-1',
    COGNITO_ISSUER: ISSUER,
    COGNITO_CLIENT_ID: CLIENT,
    COGNITO_USER_POOL_ID: 'unit-pool',
    JWKS_URI: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    MAIL_FROM: 'noreply@example.jp',
    APP_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'error',
  });
  auth = await import('../../../functions/src/pipeline/auth.ts');
  errors = await import('../../../functions/src/pipeline/errors.ts');
  // The pipeline's modules (the SDK among them) take a while to load on a busy machine.
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const now = () => Math.floor(Date.now() / 1000);

/** An access token as Cognito issues it; `claims` replaces or (with undefined) removes claims. */
async function token(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const t = now();
  const payload: Record<string, unknown> = {
    sub: 'user-1',
    token_use: 'access',
    client_id: CLIENT,
    iss: ISSUER,
    iat: t,
    exp: t + 3600,
    'cognito:groups': ['tenant:36'],
    ...claims,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'RS256', kid: KID, ...header }).sign(privateKey);
}

async function outcome(authorization: string | undefined): Promise<number | string> {
  try {
    const claims = await auth.verifyAccessToken(authorization);
    return `ok:${claims.sub}`;
  } catch (err) {
    if (err instanceof errors.HttpError) return err.status;
    throw err;
  }
}

describe('verifyAccessToken', () => {
  it('accepts a valid access token, with the Bearer scheme, surrounding blanks trimmed', async () => {
    const t = await token();
    expect(await outcome(`Bearer ${t}`)).toBe('ok:user-1');
    expect(await outcome(`  Bearer ${t}  `)).toBe('ok:user-1');
    const claims = await auth.verifyAccessToken(`Bearer ${t}`);
    expect(claims['cognito:groups']).toEqual(['tenant:36']);
  });

  it('refuses a missing header, another scheme, an empty or a malformed token (401)', async () => {
    const t = await token();
    for (const h of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${t}`,
      `bearer${t}`,
      `xBearer ${t}`,
      `Token Bearer ${t}`,
      `Bearer ${t} x`,
      'Bearer a b',
      'Bearer !!!.???.***',
    ]) {
      expect(await outcome(h), String(h)).toBe(401);
    }
  });

  it('refuses an ID token, a token of another app client, another issuer, no subject (401)', async () => {
    expect(await outcome(`Bearer ${await token({ token_use: 'id' })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ token_use: undefined })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ client_id: 'another-client' })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ client_id: undefined })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iss: 'http://127.0.0.1/another-pool' })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iss: undefined })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ sub: undefined })}`)).toBe(401);
  });

  it('refuses an expired token past the 5 s tolerance and accepts one just within it', async () => {
    expect(await outcome(`Bearer ${await token({ iat: now() - 100, exp: now() - 30 })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iat: now() - 100, exp: now() - 2 })}`)).toBe('ok:user-1');
  });

  it('refuses a token without exp or iat, issued in the future, or older than a day', async () => {
    expect(await outcome(`Bearer ${await token({ exp: undefined })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iat: undefined })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iat: now() + 600, exp: now() + 3600 })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iat: now() - 86_400 - 60, exp: now() + 3600 })}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({ iat: now() - 86_400 + 60, exp: now() + 3600 })}`)).toBe('ok:user-1');
  });

  it('refuses a signature by another key, an unknown kid and a symmetric algorithm (401)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await new SignJWT({ sub: 'user-1', token_use: 'access', client_id: CLIENT, iss: ISSUER, iat: now(), exp: now() + 60 })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .sign(other);
    expect(await outcome(`Bearer ${forged}`)).toBe(401);
    expect(await outcome(`Bearer ${await token({}, { kid: 'unknown-kid' })}`)).toBe(401);
    const hs = await new SignJWT({ sub: 'user-1', token_use: 'access', client_id: CLIENT, iss: ISSUER, iat: now(), exp: now() + 60 })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!'));
    expect(await outcome(`Bearer ${hs}`)).toBe(401);
    const [h, p] = (await token()).split('.');
    expect(await outcome(`Bearer ${h}.${p}.`)).toBe(401);
  });
});

describe('resolveIdentity', () => {
  const claims = (groups?: string[]) => ({ sub: 'user-1', ...(groups ? { 'cognito:groups': groups } : {}) });
  /** Records the tenant whose database would be read, and stops there (the membership itself is the stack's to test). */
  function probe() {
    const seen: string[] = [];
    const dbOf = (tenantId: string): never => {
      seen.push(tenantId);
      throw new Error('membership read');
    };
    return { seen, dbOf };
  }

  it('the operator group makes the operator, without a tenant and without reading any tenant', async () => {
    const { seen, dbOf } = probe();
    const id = await auth.resolveIdentity(dbOf, claims(['operator']));
    expect(id).toEqual({
      userId: 'user-1',
      email: '',
      displayName: 'SaaS 運営者',
      role: 'operator',
      tenantId: null,
      orgKind: 'operator',
      orgId: 'operator',
      orgName: 'SaaS 運営者',
    });
    expect(seen).toEqual([]);
  });

  it('refuses a user in no tenant group or in two (403), before reading any tenant', async () => {
    for (const groups of [undefined, [], ['tenant36'], ['admins'], ['tenant:36', 'tenant:37']]) {
      const { seen, dbOf } = probe();
      const err = await auth.resolveIdentity(dbOf, claims(groups)).catch((e: unknown) => e);
      expect(err, JSON.stringify(groups)).toBeInstanceOf(errors.ForbiddenError);
      expect((err as InstanceType<typeof errors.ForbiddenError>).text).toEqual({
        ja: '所属する都道府県が設定されていません',
        en: 'Your account has no prefecture',
      });
      expect(seen).toEqual([]);
    }
  });

  it('reads the membership in the one tenant the group names, other groups ignored', async () => {
    for (const [groups, tenant] of [
      [['tenant:36'], '36'],
      [['other', 'tenant:37'], '37'],
    ] as const) {
      const { seen, dbOf } = probe();
      await expect(auth.resolveIdentity(dbOf, claims([...groups]))).rejects.toThrow('membership read');
      expect(seen).toEqual([tenant]);
    }
  });
});
