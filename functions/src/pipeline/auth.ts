import type { OrgKind, Role } from '@mcr/contract';
import { type Db, loadMembership } from '@mcr/data';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { env } from './env.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

/** Who is calling, resolved on the server from the verified token and the membership record. */
export interface Identity {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  /** null only for the SaaS operator, who sees no tenant data. */
  tenantId: string | null;
  orgKind: OrgKind;
  orgId: string;
  orgName: string;
  healthCenterId?: string;
}

/**
 * Tenant membership is carried by a Cognito group `tenant:<JIS code>`, which only an administrator API
 * can set; role and organisation live in the tenant's own partition (see docs/decisions/0002-membership.md).
 */
export const TENANT_GROUP_PREFIX = 'tenant:';
export const OPERATOR_GROUP = 'operator';

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
function keySet() {
  // Module scope: the key set is fetched once per container and refreshed by jose on an unknown `kid`.
  const e = env();
  jwks ??= createRemoteJWKSet(new URL(e.JWKS_URI ?? `${e.COGNITO_ISSUER}/.well-known/jwks.json`), { cacheMaxAge: 10 * 60_000 });
  return jwks;
}

interface AccessClaims {
  sub: string;
  username?: string;
  client_id?: string;
  token_use?: string;
  'cognito:groups'?: string[];
}

/** Verifies a Cognito access token: signature, issuer, expiry, token use and app client. */
export async function verifyAccessToken(authorization: string | undefined): Promise<AccessClaims> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw new UnauthenticatedError();
  const e = env();
  try {
    const { payload } = await jwtVerify<AccessClaims>(match[1], keySet(), {
      issuer: e.COGNITO_ISSUER,
      algorithms: ['RS256'],
      clockTolerance: 5,
      // jose checks exp only when present and iat only with maxTokenAge: a token without exp would never expire, and
      // one issued in the future would outlive its validity. Cognito always sets both; an access token lives 1 day at most.
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: '1d',
    });
    if (payload.token_use !== 'access' || payload.client_id !== e.COGNITO_CLIENT_ID || typeof payload.sub !== 'string') {
      throw new UnauthenticatedError();
    }
    return payload;
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw err;
    if (err instanceof joseErrors.JOSEError) throw new UnauthenticatedError();
    throw err;
  }
}

/** `dbOf`: the DynamoDB client of a tenant (the one the verified token names; decision 0022). */
export async function resolveIdentity(dbOf: (tenantId: string) => Db, claims: AccessClaims): Promise<Identity> {
  const groups = claims['cognito:groups'] ?? [];
  if (groups.includes(OPERATOR_GROUP)) {
    return {
      userId: claims.sub,
      // Cognito's `username` is the user's sub here (e-mail is an alias): a person reads the role instead.
      email: '',
      displayName: 'SaaS 運営者',
      role: 'operator',
      tenantId: null,
      orgKind: 'operator',
      orgId: 'operator',
      orgName: 'SaaS 運営者',
    };
  }
  const tenantGroups = groups.filter((g) => g.startsWith(TENANT_GROUP_PREFIX));
  // Exactly one tenant per user: a user in two tenant groups is a provisioning error, refused rather than guessed.
  if (tenantGroups.length !== 1) throw new ForbiddenError({ ja: '所属する都道府県が設定されていません', en: 'Your account has no prefecture' });
  const tenantId = (tenantGroups[0] as string).slice(TENANT_GROUP_PREFIX.length);
  const m = await loadMembership(dbOf(tenantId), { tenantId }, claims.sub);
  if (m?.status !== 'active') throw new ForbiddenError({ ja: 'このアカウントは利用できません', en: 'This account is not active' });
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role,
    tenantId,
    orgKind: m.orgKind,
    orgId: m.orgId,
    orgName: m.orgName,
    ...(m.healthCenterId ? { healthCenterId: m.healthCenterId } : {}),
  };
}
