import { createPrivateKey, createSign, type KeyObject, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CreateUserPoolClientCommand, ListUserPoolClientsCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { ErrorBody, User } from '@mcr/contract';
import { createRepositories, type MembershipRecord } from '@mcr/data';
import { type CryptoKey, decodeJwt, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows, type SignInTokens } from '../../packages/local/src/cognito/auth-flows.ts';
import { createCognitoAdminClient } from '../../packages/local/src/services/cognito.ts';
import { api } from '../support/api.ts';
import { testDb } from '../support/rows.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * Attacks on the access token (issue 12 item 1), each against real routes of the running local stack: the front
 * door → the handler pipeline → functions/src/pipeline/auth.ts (`verifyAccessToken`, `resolveIdentity`). In AWS the
 * HTTP API's JWT authorizer checks the token first; these prove the handlers' own check (defense in depth), which
 * is the only one the local stack has.
 *
 * Every attack is tried on a read route whose positive control returns known data (GET /api/users: the users of
 * this file's own organisation) and on a write route (PATCH /api/users/{victim} → disabled) whose refusal must leave
 * the victim's membership exactly as it was. Each must answer 401 (the token) or 403 (the identity) with a JSON
 * error body, never 2xx or 5xx, and the handler must never fetch a URL the token names (jku, x5u).
 *
 * cognito-local signs with a key pair shipped in its npm package (packages/local/src/services/cognito.ts), so this
 * file can mint tokens with the pool's own key: a token that is wrong in exactly one claim (expired, another
 * issuer, another client, an ID token) is refused for that claim alone, not for its signature. The positive
 * control "a token minted with the pool's key and the real claims is accepted" shows that the minting is right.
 */

const stamp = `${Date.now().toString(36)}-${randomUUID().slice(0, 6)}`;
const ORG = { orgKind: 'facility' as const, orgId: `token-attacks-${stamp}`, orgName: `トークン攻撃テスト ${stamp}` };
const PASSWORD = 'Token-Attacks-2026!';
const TENANT = '36';

interface TestUser {
  email: string;
  sub: string;
  totpSecret: string;
  tokens: SignInTokens;
}

let flows: CognitoAuthFlows;
/** facility_admin of ORG: the forged tokens are built from its real access token. */
let admin: TestUser;
/** facility_member of ORG whom every write attempt tries to disable. */
let victim: { sub: string; email: string; before: MembershipRecord };
/** cognito-local's private key: any RSA algorithm may be tried with it (a CryptoKey is bound to one). */
let poolKey: KeyObject;
let poolKid: string;
let poolPublicPem: string;
let poolPublicJwk: JWK;
let jwksBody: string;
let attacker: { privateKey: CryptoKey; publicJwk: JWK };
let attackerServer: Server;
let attackerUrl: string;
/** Requests the attacker's server received: a handler that follows jku or x5u would show up here. */
const attackerHits: string[] = [];
/** A real access token of the same user from another app client of the same pool. */
let otherClientToken: string;

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function membershipsOf(tenantId: string) {
  return createRepositories(testDb(), { tenantId }).memberships;
}

/** A user as test/support/users.ts makes one, but signed in (password + TOTP) and in the groups given. */
async function provision(label: string, role: 'facility_admin' | 'facility_member', groups: string[], tenants: string[] = [TENANT]): Promise<TestUser> {
  const email = `${label}-${stamp}@token-attacks.example.jp`;
  const { sub, totpSecret } = await flows.provisionUser({ email, password: PASSWORD, groups });
  for (const tenantId of tenants) await membershipsOf(tenantId).put({ ...ORG, userId: sub, email, displayName: `${label} ${stamp}`, role, status: 'active' });
  return { email, sub, totpSecret, tokens: await flows.signIn({ email, password: PASSWORD, totpSecret }) };
}

/** The admin's real access-token claims, freshly dated, with `over` applied and `drop` removed. */
function claims(over: Record<string, unknown> = {}, drop: string[] = []): JWTPayload {
  const t = now();
  const c: Record<string, unknown> = { ...decodeJwt(admin.tokens.accessToken), iat: t, auth_time: t, exp: t + 3600, jti: randomUUID(), ...over };
  for (const k of drop) delete c[k];
  return c;
}

/** Signed with the pool's own private key (cognito-local's); `header` adds to or replaces RS256 + the pool's kid. */
function poolSigned(payload: JWTPayload, header: Record<string, unknown> = {}, alg = 'RS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg, kid: poolKid, ...header }).sign(poolKey);
}

function attackerSigned(payload: JWTPayload, header: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', ...header }).sign(attacker.privateKey);
}

async function hs256(secret: string | Uint8Array, payload: JWTPayload = claims()): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: poolKid }).sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
}

/** A real token with its payload replaced and its header and signature kept. */
function tampered(token: string, change: (p: Record<string, unknown>) => Record<string, unknown>): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  return `${h}.${b64(change(JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))))}.${s}`;
}

type Expected = 401 | 403;
interface Attack {
  name: string;
  /** The whole Authorization header (undefined: none is sent). */
  authorization: () => Promise<string | undefined> | string | undefined;
  expected: Expected;
}

const bearer = (token: () => Promise<string> | string) => async () => `Bearer ${await token()}`;

const ATTACKS: Attack[] = [
  // --- the signature and its algorithm
  { name: 'alg none, empty signature', expected: 401, authorization: bearer(() => `${b64({ alg: 'none', kid: poolKid })}.${b64(claims())}.`) },
  { name: 'alg none, no signature part', expected: 401, authorization: bearer(() => `${b64({ alg: 'none' })}.${b64(claims())}`) },
  {
    name: 'alg "None" with a real signature kept',
    expected: 401,
    authorization: bearer(() => `${b64({ alg: 'None', kid: poolKid })}.${b64(claims())}.${admin.tokens.accessToken.split('.')[2]}`),
  },
  { name: 'alg "NONE", no kid', expected: 401, authorization: bearer(() => `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(claims())}.`) },
  { name: 'HS256 signed with the pool public key (SPKI PEM) as the secret', expected: 401, authorization: bearer(() => hs256(poolPublicPem)) },
  { name: 'HS256 signed with the pool public key (PEM without the final newline)', expected: 401, authorization: bearer(() => hs256(poolPublicPem.trimEnd())) },
  {
    name: 'HS256 signed with the pool public key (DER bytes)',
    expected: 401,
    authorization: bearer(() => hs256(Buffer.from(poolPublicPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'))),
  },
  { name: 'HS256 signed with the JWKS document as the secret', expected: 401, authorization: bearer(() => hs256(jwksBody)) },
  { name: 'HS256 signed with the pool JWK (JSON) as the secret', expected: 401, authorization: bearer(() => hs256(JSON.stringify(poolPublicJwk))) },
  { name: "an attacker's RSA key with the pool's kid", expected: 401, authorization: bearer(() => attackerSigned(claims(), { kid: poolKid })) },
  { name: "an attacker's RSA key without a kid", expected: 401, authorization: bearer(() => attackerSigned(claims(), {})) },
  {
    name: "an attacker's EC key (ES256) with the pool's kid",
    expected: 401,
    authorization: bearer(async () => {
      const ec = await generateKeyPair('ES256');
      return new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: poolKid }).sign(ec.privateKey);
    }),
  },
  {
    name: 'RS512 signed with the pool key (an algorithm the check does not allow)',
    expected: 401,
    authorization: bearer(() => poolSigned(claims(), {}, 'RS512')),
  },
  { name: 'PS256 signed with the pool key', expected: 401, authorization: bearer(() => poolSigned(claims(), {}, 'PS256')) },
  {
    name: "embedded jwk header (the attacker's public key) with the pool's kid",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: poolKid, jwk: attacker.publicJwk })),
  },
  {
    name: "embedded jwk header (the attacker's public key) with its own kid",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: 'attacker', jwk: { ...attacker.publicJwk, kid: 'attacker' } })),
  },
  {
    name: "jku header pointing at the attacker's JWKS (attacker kid)",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: 'attacker', jku: `${attackerUrl}/jwks.json` })),
  },
  {
    name: "jku header pointing at the attacker's JWKS (pool kid)",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: poolKid, jku: `${attackerUrl}/pool-kid/jwks.json` })),
  },
  {
    name: "x5u header pointing at the attacker's key",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: 'attacker', x5u: `${attackerUrl}/attacker.pem` })),
  },
  {
    name: "x5u header pointing at the attacker's key (pool kid)",
    expected: 401,
    authorization: bearer(() => attackerSigned(claims(), { kid: poolKid, x5u: `${attackerUrl}/pool-kid/attacker.pem` })),
  },
  { name: 'an unknown kid (attacker key)', expected: 401, authorization: bearer(() => attackerSigned(claims(), { kid: `unknown-${stamp}` })) },
  { name: 'an unknown kid on a token signed with the pool key', expected: 401, authorization: bearer(() => poolSigned(claims(), { kid: `unknown-${stamp}` })) },
  { name: 'a path-like kid', expected: 401, authorization: bearer(() => attackerSigned(claims(), { kid: '../../../../dev/null' })) },

  // --- one wrong claim on a token signed with the pool's own key
  {
    name: 'expired an hour ago',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iat: now() - 7200, auth_time: now() - 7200, exp: now() - 3600 }))),
  },
  {
    name: 'expired 60 s ago (beyond the 5 s clock tolerance)',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iat: now() - 3660, exp: now() - 60 }))),
  },
  { name: 'no exp at all', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['exp']))) },
  { name: 'not yet valid: nbf an hour ahead', expected: 401, authorization: bearer(() => poolSigned(claims({ nbf: now() + 3600 }))) },
  {
    name: 'not yet valid: issued an hour ahead (iat in the future)',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iat: now() + 3600, auth_time: now() + 3600, exp: now() + 7200 }))),
  },
  { name: 'no iat', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['iat']))) },
  {
    name: 'issued two days ago with exp still ahead (longer than any Cognito access token lives)',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iat: now() - 2 * 86400 }))),
  },
  {
    name: 'wrong issuer: another user pool on the same host',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iss: `${new URL(stackInfo().services.issuer).origin}/ap-northeast-1_Attacker1` }))),
  },
  { name: 'wrong issuer: a trailing slash', expected: 401, authorization: bearer(() => poolSigned(claims({ iss: `${stackInfo().services.issuer}/` }))) },
  {
    name: 'wrong issuer: the AWS form of another pool',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ iss: 'https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Attacker1' }))),
  },
  { name: 'no issuer', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['iss']))) },
  { name: 'wrong client: another client_id', expected: 401, authorization: bearer(() => poolSigned(claims({ client_id: 'attackerclient0000000000000' }))) },
  { name: 'wrong client: no client_id', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['client_id']))) },
  {
    name: 'wrong client: client_id as an array holding the right one',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ client_id: [stackInfo().services.userPoolClientId] }))),
  },
  {
    name: 'wrong client: the right client only in aud (as an ID token has it)',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ aud: stackInfo().services.userPoolClientId }, ['client_id']))),
  },
  { name: 'wrong client: a real access token from another app client of the same pool', expected: 401, authorization: bearer(() => otherClientToken) },
  { name: 'the real ID token instead of the access token', expected: 401, authorization: bearer(() => admin.tokens.idToken) },
  {
    name: 'ID-token use with the right client_id (token_use "id")',
    expected: 401,
    authorization: bearer(() => poolSigned(claims({ token_use: 'id', aud: stackInfo().services.userPoolClientId }))),
  },
  { name: 'token_use missing', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['token_use']))) },
  { name: 'token_use "Access" (case)', expected: 401, authorization: bearer(() => poolSigned(claims({ token_use: 'Access' }))) },
  { name: 'token_use as an array holding "access"', expected: 401, authorization: bearer(() => poolSigned(claims({ token_use: ['access'] }))) },
  { name: 'no sub', expected: 401, authorization: bearer(() => poolSigned(claims({}, ['sub']))) },
  { name: 'sub not a string', expected: 401, authorization: bearer(() => poolSigned(claims({ sub: 12345 }))) },

  // --- a correctly signed access token whose identity does not hold (403: the token is fine, the caller is not)
  { name: 'a correctly signed token for a user with no membership', expected: 403, authorization: bearer(() => poolSigned(claims({ sub: randomUUID() }))) },
  { name: 'a correctly signed token with no group', expected: 403, authorization: bearer(() => poolSigned(claims({}, ['cognito:groups']))) },
  {
    name: 'a correctly signed token naming a tenant the user has no membership in',
    expected: 403,
    authorization: bearer(() => poolSigned(claims({ 'cognito:groups': ['tenant:37'] }))),
  },
  {
    name: 'a correctly signed token in two tenant groups',
    expected: 403,
    authorization: bearer(() => poolSigned(claims({ 'cognito:groups': [`tenant:${TENANT}`, 'tenant:37'] }))),
  },

  // --- a real token whose payload was changed, its signature kept
  {
    name: "tampered payload: the victim's sub",
    expected: 401,
    authorization: bearer(() => tampered(admin.tokens.accessToken, (p) => ({ ...p, sub: victim.sub, username: victim.sub }))),
  },
  {
    name: 'tampered payload: the operator group added',
    expected: 401,
    authorization: bearer(() => tampered(admin.tokens.accessToken, (p) => ({ ...p, 'cognito:groups': ['operator', `tenant:${TENANT}`] }))),
  },
  {
    name: 'tampered payload: another tenant group',
    expected: 401,
    authorization: bearer(() => tampered(admin.tokens.accessToken, (p) => ({ ...p, 'cognito:groups': ['tenant:37'] }))),
  },
  {
    name: 'tampered payload: exp pushed a day ahead',
    expected: 401,
    authorization: bearer(() => tampered(admin.tokens.accessToken, (p) => ({ ...p, exp: now() + 86400 }))),
  },
  {
    name: 'tampered header: kid changed, payload and signature kept',
    expected: 401,
    authorization: bearer(() => {
      const [, p, s] = admin.tokens.accessToken.split('.');
      return `${b64({ alg: 'RS256', kid: 'other' })}.${p}.${s}`;
    }),
  },
  {
    name: 'signature of another real token (the ID token) on the access token',
    expected: 401,
    authorization: bearer(() => {
      const [h, p] = admin.tokens.accessToken.split('.');
      return `${h}.${p}.${admin.tokens.idToken.split('.')[2]}`;
    }),
  },

  // --- empty and malformed
  { name: 'no Authorization header', expected: 401, authorization: () => undefined },
  { name: 'an empty Authorization header', expected: 401, authorization: () => '' },
  { name: '"Bearer" alone', expected: 401, authorization: () => 'Bearer' },
  { name: '"Bearer " with an empty token', expected: 401, authorization: () => 'Bearer ' },
  { name: 'the token without "Bearer"', expected: 401, authorization: () => admin.tokens.accessToken.replace(/\..*$/, '.x.y') },
  { name: 'Basic credentials', expected: 401, authorization: () => `Basic ${Buffer.from(`${admin.email}:${PASSWORD}`).toString('base64')}` },
  { name: 'two parts', expected: 401, authorization: bearer(() => `${b64({ alg: 'RS256', kid: poolKid })}.${b64(claims())}`) },
  { name: 'one part', expected: 401, authorization: bearer(() => b64(claims())) },
  { name: 'four parts', expected: 401, authorization: bearer(async () => `${await poolSigned(claims())}.AAAA`) },
  {
    name: 'five parts (JWE shape)',
    expected: 401,
    authorization: bearer(() => `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: poolKid })}.AAAA.AAAA.AAAA.AAAA`),
  },
  { name: 'three empty parts', expected: 401, authorization: () => 'Bearer ..' },
  {
    name: 'bad base64 (characters outside base64url)',
    expected: 401,
    authorization: bearer(() => `${b64({ alg: 'RS256', kid: poolKid })}.${b64(claims())}+/=.c2ln`),
  },
  { name: 'bad base64 (a header that is not base64url at all)', expected: 401, authorization: () => 'Bearer %%%.%%%.%%%' },
  { name: 'bad base64 (impossible length)', expected: 401, authorization: bearer(() => `${b64({ alg: 'RS256', kid: poolKid })}A.${b64(claims())}.AAAAA`) },
  {
    name: 'a header that is not JSON',
    expected: 401,
    authorization: bearer(async () => `${b64('not json')}.${(await poolSigned(claims())).split('.').slice(1).join('.')}`),
  },
  { name: 'a payload that is not JSON (signed with the pool key)', expected: 401, authorization: bearer(() => signRaw('{"sub": "x", oops')) },
  { name: 'a payload that is a JSON array (signed with the pool key)', expected: 401, authorization: bearer(() => signRaw(JSON.stringify([claims()]))) },
  { name: 'a payload that is JSON null (signed with the pool key)', expected: 401, authorization: bearer(() => signRaw('null')) },
  { name: 'two tokens in one header', expected: 401, authorization: async () => `Bearer ${admin.tokens.idToken} Bearer ${await poolSigned(claims())}` },
  {
    name: 'oversized: 11 KB, still inside the front door header limit',
    expected: 401,
    authorization: bearer(() => attackerSigned(claims({ pad: 'A'.repeat(8 * 1024) }), { kid: poolKid })),
  },
];

/** Signs `payload` (any bytes) with the pool key, as jose's SignJWT would not. */
async function signRaw(payload: string): Promise<string> {
  const head = `${b64({ alg: 'RS256', kid: poolKid })}.${b64(payload)}`;
  const signature = createSign('RSA-SHA256').update(head).sign(poolKey).toString('base64url');
  return `${head}.${signature}`;
}

function cognitoLocalKeys(): { jwk: JWK; pem: string } {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('cognito-local/package.json')), 'lib', 'keys', 'cognitoLocal.private.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { jwk: JWK; pem: string };
}

/** Sends `authorization` (or none) to the read route and the write route. */
async function attempt(authorization: string | undefined) {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  const read = await api<ErrorBody & { items?: unknown }>('GET', `/api/users`, { headers });
  const write = await api<ErrorBody & { status?: unknown }>('PATCH', `/api/users/${victim.sub}`, { headers, body: { status: 'disabled' } });
  return { read, write };
}

function expectRefused(res: Awaited<ReturnType<typeof api<ErrorBody>>>, expected: Expected) {
  expect(res.status, JSON.stringify(res.body)).toBe(expected);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body.error.code).toBe(expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  expect(res.body.error.message.ja).toBeTruthy();
  expect(res.body.error.message.en).toBeTruthy();
  // Nothing of the data: only the error.
  expect(Object.keys(res.body)).toEqual(['error']);
}

/** Both routes refuse `authorization`; the victim is checked (and put right) even when a refusal failed. */
async function expectRefusedEverywhere(authorization: string | undefined, expected: Expected) {
  const { read, write } = await attempt(authorization);
  try {
    expectRefused(read, expected);
    expectRefused(write, expected);
  } finally {
    await expectVictimUntouched();
  }
}

async function expectVictimUntouched() {
  const now = await membershipsOf(TENANT).get(victim.sub);
  // An attack that got through is put right again, so that it fails its own test and not every later one.
  if (JSON.stringify(now) !== JSON.stringify(victim.before)) await membershipsOf(TENANT).put(victim.before);
  expect(now).toEqual(victim.before);
}

beforeAll(async () => {
  const s = stackInfo().services;
  flows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });

  const keys = cognitoLocalKeys();
  poolKey = createPrivateKey(keys.pem);
  jwksBody = await (await fetch(s.jwksUri)).text();
  const served = (JSON.parse(jwksBody) as { keys: JWK[] }).keys;
  expect(served).toHaveLength(1);
  poolPublicJwk = served[0] as JWK;
  poolKid = poolPublicJwk.kid as string;
  // The key this file signs with is the one the pool serves.
  expect(poolPublicJwk.n).toBe(keys.jwk.n);
  poolPublicPem = await exportSPKI((await importJWK(poolPublicJwk, 'RS256')) as CryptoKey);

  const pair = await generateKeyPair('RS256', { extractable: true });
  attacker = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), alg: 'RS256', use: 'sig' } };
  attackerServer = createServer((req, res) => {
    attackerHits.push(req.url ?? '');
    const kid = req.url?.startsWith('/pool-kid/') ? poolKid : 'attacker';
    if (req.url?.endsWith('.pem')) {
      void exportSPKI(pair.publicKey).then((pem) => res.end(pem));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [{ ...attacker.publicJwk, kid }] }));
  });
  await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attackerServer.address() as AddressInfo).port}`;
  // The attacker's server works: a verifier that followed jku would find the key.
  expect((await (await fetch(`${attackerUrl}/jwks.json`)).json()) as unknown).toMatchObject({ keys: [{ kid: 'attacker' }] });
  attackerHits.length = 0;

  admin = await provision('admin', 'facility_admin', [`tenant:${TENANT}`]);
  const v = await provision('victim', 'facility_member', [`tenant:${TENANT}`]);
  victim = { sub: v.sub, email: v.email, before: (await membershipsOf(TENANT).get(v.sub)) as MembershipRecord };
  expect(victim.before.status).toBe('active');

  // A second app client of the same pool, as another application registered with it would be.
  const cognito = createCognitoAdminClient(s.cognitoEndpoint);
  const clientName = 'token-attacks-other-app';
  const listed = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: s.userPoolId, MaxResults: 60 }));
  let otherClientId = listed.UserPoolClients?.find((c) => c.ClientName === clientName)?.ClientId;
  if (!otherClientId) {
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: s.userPoolId,
        ClientName: clientName,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    otherClientId = created.UserPoolClient?.ClientId;
  }
  cognito.destroy();
  expect(otherClientId).toBeTruthy();
  expect(otherClientId).not.toBe(s.userPoolClientId);
  const otherFlows = new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: otherClientId as string });
  otherClientToken = (await otherFlows.signIn({ email: admin.email, password: PASSWORD, totpSecret: admin.totpSecret })).accessToken;
  otherFlows.destroy();
  expect(decodeJwt(otherClientToken)).toMatchObject({ client_id: otherClientId, token_use: 'access', sub: admin.sub });
}, 180_000);

afterAll(async () => {
  flows?.destroy();
  await new Promise<void>((resolve) => (attackerServer ? attackerServer.close(() => resolve()) : resolve()));
});

/** GET /api/users as `authorization` must list this file's organisation: its admin and the victim. */
async function expectReadsOwnUsers(authorization: string) {
  const res = await api<{ items: User[] }>('GET', '/api/users', { headers: { authorization } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.items.map((u) => u.email)).toEqual(expect.arrayContaining([admin.email, victim.email]));
  expect(res.body.items.every((u) => u.orgId === ORG.orgId)).toBe(true);
}

describe('attacks on the access token', () => {
  it('positive control: the real access token reads the organisation and reaches the write route', async () => {
    await expectReadsOwnUsers(`Bearer ${admin.tokens.accessToken}`);
    // Re-enabling an active user is a no-op: it proves the route answers this caller without changing anything.
    const noop = await api<User>('PATCH', `/api/users/${victim.sub}`, { token: admin.tokens.accessToken, body: { status: 'active' } });
    expect(noop.status, JSON.stringify(noop.body)).toBe(200);
    await expectVictimUntouched();
  });

  it("positive control: a token minted with the pool's key and the real claims is accepted (so each refusal below is for its one wrong part)", async () => {
    const minted = await poolSigned(claims());
    await expectReadsOwnUsers(`Bearer ${minted}`);
    const noop = await api<User>('PATCH', `/api/users/${victim.sub}`, { token: minted, body: { status: 'active' } });
    expect(noop.status, JSON.stringify(noop.body)).toBe(200);
    await expectVictimUntouched();
  });

  it.each(ATTACKS)('refuses $name with $expected', async ({ authorization, expected }) => {
    await expectRefusedEverywhere(await authorization(), expected);
    expect(attackerHits).toEqual([]);
  });

  // Locally Node's 16 KB header limit answers 431 (no JSON: no handler ran); in AWS CloudFront and API Gateway (10 KB of
  // headers) refuse it before any function as well.
  it('refuses a 100 KB token before any handler runs', async () => {
    const huge = await attackerSigned(claims({ pad: 'A'.repeat(100 * 1024) }), { kid: poolKid });
    const { read, write } = await attempt(`Bearer ${huge}`);
    for (const res of [read, write]) {
      expect(res.status).toBe(431);
    }
    await expectVictimUntouched();
  });
});

describe('real users whose identity does not hold', () => {
  it("refuses a disabled user's still-valid token once the product's own route disabled the membership", async () => {
    const user = await provision('disabled', 'facility_admin', [`tenant:${TENANT}`]);
    const authorization = `Bearer ${user.tokens.accessToken}`;
    await expectReadsOwnUsers(authorization);
    const off = await api<User>('PATCH', `/api/users/${user.sub}`, { token: admin.tokens.accessToken, body: { status: 'disabled' } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.status).toBe('disabled');
    await expectRefusedEverywhere(authorization, 403);
    expectRefused(await api<ErrorBody>('GET', '/api/me', { headers: { authorization } }), 403);
  });

  it('refuses a user in no tenant group even with an active membership', async () => {
    const user = await provision('nogroup', 'facility_admin', []);
    expect(decodeJwt(user.tokens.accessToken)['cognito:groups']).toBeUndefined();
    const authorization = `Bearer ${user.tokens.accessToken}`;
    await expectRefusedEverywhere(authorization, 403);
    expectRefused(await api<ErrorBody>('GET', '/api/me', { headers: { authorization } }), 403);
  });

  it('refuses a user in two tenant groups even with an active membership in both', async () => {
    const user = await provision('twogroups', 'facility_admin', [`tenant:${TENANT}`, 'tenant:37'], [TENANT, '37']);
    expect(decodeJwt(user.tokens.accessToken)['cognito:groups']).toEqual(expect.arrayContaining([`tenant:${TENANT}`, 'tenant:37']));
    const authorization = `Bearer ${user.tokens.accessToken}`;
    await expectRefusedEverywhere(authorization, 403);
    expectRefused(await api<ErrorBody>('GET', '/api/me', { headers: { authorization } }), 403);
  });
});
