/**
 * cognito-local (5.3.0) as a child process, plus an idempotently created TOTP-only user pool.
 *
 * How cognito-local is configured (read from node_modules/cognito-local/lib/server/*.js):
 * - Everything is relative to the process cwd: `./.cognito/config.json` (merged over defaults) and
 *   `./.cognito/db/<poolId>.json`, `clients.json` (StormDB JSON files, passwords in plain text).
 * - PORT and HOST env vars are read once at module load and become `ServerConfig.port/hostname`
 *   and the default `TokenConfig.IssuerDomain` (`http://HOST:PORT`). We set both env and config.
 * - It *could* run in-process (`createDefaultServer` is exported), but cwd-relative paths and
 *   load-time env reads mean one instance per process and a process-wide chdir; so it runs as a
 *   child with cwd = its data directory, which also makes it killable by PID.
 * - `DEBUG` in the env switches it to debug logging that dumps whole user records (passwords), so
 *   it is stripped from the child's env.
 *
 * Tokens (lib/services/tokenGenerator.js), all RS256 with kid "CognitoLocal":
 * - ACCESS token claims: `sub`, `username` (with email as username attribute this is the sub UUID,
 *   as in AWS), `client_id`, `token_use: "access"`, `scope: "aws.cognito.signin.user.admin"`,
 *   `auth_time`, `iat`, `exp` (client's AccessTokenValidity, default 24 h), `iss`, `jti`,
 *   `event_id`, and `cognito:groups` ONLY when the user is in at least one group. No `aud`, no
 *   `origin_jti`, no `version` (AWS has those two).
 * - ID token: `sub`, `cognito:username`, `email`, `email_verified`, custom:* attributes,
 *   `cognito:groups` (if any), `aud` = client id, `token_use: "id"`, `auth_time`, `iat`, `exp`,
 *   `iss`, `jti`, `event_id`.
 * - `iss` = `${TokenConfig.IssuerDomain}/${userPoolId}`; JWKS at `${iss}/.well-known/jwks.json`.
 *   The signing key pair is a fixed one shipped inside the npm package, identical for every pool:
 *   anyone can mint tokens for it, so the issuer must never be trusted outside local dev.
 * - `/.well-known/openid-configuration` hard-codes `http://localhost:9229` whatever the port.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD_POLICY } from '@mcr/domain';
import { LOCAL_REGION, localCredentials, USER_POOL_CLIENT_NAME, USER_POOL_NAME } from './constants.ts';
import { assertPortFree, type Log, spawnManaged, waitUntilReady } from './process.ts';

const HOST = '127.0.0.1';

export interface CognitoLocal {
  endpoint: string;
  userPoolId: string;
  userPoolClientId: string;
  issuer: string;
  jwksUri: string;
  pid: number;
  stop(): Promise<void>;
}

export interface CognitoLocalOptions {
  port: number;
  /** cognito-local's cwd; `.cognito/` inside it holds config and users. */
  dataDir: string;
  log: Log;
}

function cognitoLocalBin(): string {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
  if (!existsSync(bin)) throw new Error(`cognito-local entry point not found at ${bin}`);
  return bin;
}

function childEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    // cognito-local still bundles aws-sdk v2 (for Lambda triggers, unused here); silence its banner.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  };
  // DEBUG: see above. CODE would fix every temporary password. NODE_OPTIONS may carry the
  // parent's --inspect / loaders, which a plain CJS child must not inherit.
  for (const key of ['DEBUG', 'COGNITO_LOCAL_DEVMODE', 'CODE', 'NODE_OPTIONS']) delete env[key];
  return env;
}

export function createCognitoAdminClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: localCredentials(),
  });
}

/** Finds or creates the pool and SPA client by name, so IDs stay stable across restarts. */
async function ensurePoolAndClient(client: CognitoIdentityProviderClient): Promise<{ userPoolId: string; userPoolClientId: string }> {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === USER_POOL_NAME)?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: USER_POOL_NAME,
        // cognito-local supports email as *username* attribute (sign in with email, Username = sub)
        // but not AliasAttributes; same as the deployed pool.
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        MfaConfiguration: 'ON',
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        // Stored for parity with the deployed pool (PASSWORD_POLICY, decision 0024); cognito-local does not enforce it.
        Policies: {
          PasswordPolicy: {
            MinimumLength: PASSWORD_POLICY.minLength,
            RequireLowercase: PASSWORD_POLICY.requireLowercase,
            RequireUppercase: PASSWORD_POLICY.requireUppercase,
            RequireNumbers: PASSWORD_POLICY.requireDigits,
            RequireSymbols: PASSWORD_POLICY.requireSymbols,
            TemporaryPasswordValidityDays: PASSWORD_POLICY.tempPasswordValidityDays,
          },
        },
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local: CreateUserPool returned no Id');
  }
  // Re-applied every start so a pool from an older data dir ends up TOTP-only as well.
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );

  const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  let userPoolClientId = clients.UserPoolClients?.find((c) => c.ClientName === USER_POOL_CLIENT_NAME)?.ClientId;
  if (!userPoolClientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: USER_POOL_CLIENT_NAME,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    userPoolClientId = created.UserPoolClient?.ClientId;
    if (!userPoolClientId) throw new Error('cognito-local: CreateUserPoolClient returned no ClientId');
  }
  return { userPoolId, userPoolClientId };
}

async function assertJwksServed(jwksUri: string): Promise<void> {
  const res = await fetch(jwksUri);
  const body = (await res.json()) as { keys?: unknown[] };
  if (!res.ok || !Array.isArray(body.keys) || body.keys.length === 0) {
    throw new Error(`cognito-local: no JWKS at ${jwksUri} (HTTP ${res.status})`);
  }
}

export async function startCognitoLocal(opts: CognitoLocalOptions): Promise<CognitoLocal> {
  await assertPortFree(opts.port, HOST, 'cognito');
  const endpoint = `http://${HOST}:${opts.port}`;
  const configDir = join(opts.dataDir, '.cognito');
  await mkdir(join(configDir, 'db'), { recursive: true });
  // Rewritten every start: the port (and therefore the issuer) may differ from the last run.
  await writeFile(
    join(configDir, 'config.json'),
    `${JSON.stringify(
      {
        ServerConfig: { hostname: HOST, port: opts.port },
        TokenConfig: { IssuerDomain: endpoint },
        UserPoolDefaults: { UsernameAttributes: ['email'] },
      },
      null,
      2,
    )}\n`,
  );

  const child = await spawnManaged({
    name: 'cognito',
    command: process.execPath,
    args: [cognitoLocalBin()],
    cwd: opts.dataDir,
    env: childEnv(opts.port),
    log: opts.log,
  });
  const admin = createCognitoAdminClient(endpoint);
  try {
    await waitUntilReady(child, async () => (await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) })).ok, 20_000);
    const { userPoolId, userPoolClientId } = await ensurePoolAndClient(admin);
    const issuer = `${endpoint}/${userPoolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    await assertJwksServed(jwksUri);
    return { endpoint, userPoolId, userPoolClientId, issuer, jwksUri, pid: child.pid, stop: () => child.stop() };
  } catch (err) {
    await child.stop();
    throw err;
  } finally {
    admin.destroy();
  }
}
