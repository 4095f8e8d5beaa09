import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AlreadyExistsError, scopeClient } from '@mcr/data';
import { env } from '../pipeline/env.ts';
import { TENANT_GROUP_PREFIX } from '../pipeline/auth.ts';

// lean:begin — the Cognito SDK is imported and its client created on first use, not at cold start (decision 0025).
type CognitoSdk = typeof import('@aws-sdk/client-cognito-identity-provider');
let client: CognitoIdentityProviderClient | undefined;
async function cognito(): Promise<{ client: CognitoIdentityProviderClient; sdk: CognitoSdk }> {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  const e = env();
  // iam: scopeClient lets the local stack record the calls (decision 0022).
  client ??= scopeClient(
    new sdk.CognitoIdentityProviderClient({
      region: e.AWS_REGION,
      ...(e.COGNITO_ENDPOINT ? { endpoint: e.COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
  return { client, sdk };
}
// lean:end

// ops: temporary passwords meet the pool's policy (13+ characters, upper, lower, digit, symbol): @mcr/domain.
export { temporaryPassword } from '@mcr/domain';

/**
 * Creates the user in the pool with a temporary password (no Cognito mail: we send our own, in Japanese)
 * and puts them in their tenant's group. The first sign-in sets a password and enrols TOTP.
 */
export async function createPoolUser(email: string, tenantId: string, password: string): Promise<string> {
  const UserPoolId = env().COGNITO_USER_POOL_ID;
  const { client, sdk } = await cognito(); // lean
  try {
    const res = await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const sub = res.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito returned no sub');
    try {
      await client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: `${TENANT_GROUP_PREFIX}${tenantId}` }));
    } catch (err) {
      // A user without their tenant's group could never sign in to it, and would block a retry with this e-mail.
      await deletePoolUser(email);
      throw err;
    }
    return sub;
  } catch (err) {
    if (err instanceof sdk.UsernameExistsException) throw new AlreadyExistsError('user');
    throw err;
  }
}

/** Each tenant is a group of the user pool (`tenant:<code>`); created once, with the tenant. */
export async function ensureTenantGroup(tenantId: string): Promise<void> {
  const { client, sdk } = await cognito(); // lean
  try {
    await client.send(
      new sdk.CreateGroupCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, GroupName: `${TENANT_GROUP_PREFIX}${tenantId}`, Description: `Tenant ${tenantId}` }),
    );
  } catch (err) {
    if (!(err instanceof sdk.GroupExistsException)) throw err;
  }
}

/** Undoes {@link createPoolUser} when the rest of an invitation fails, so that a retry can succeed. */
export async function deletePoolUser(email: string): Promise<void> {
  const { client, sdk } = await cognito(); // lean
  await client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email }));
}

export async function setPoolUserEnabled(email: string, enabled: boolean): Promise<void> {
  const input = { UserPoolId: env().COGNITO_USER_POOL_ID, Username: email };
  const { client, sdk } = await cognito(); // lean
  await client.send(enabled ? new sdk.AdminEnableUserCommand(input) : new sdk.AdminDisableUserCommand(input));
}

/** The pool's status of a user: `FORCE_CHANGE_PASSWORD` until the first sign-in, `CONFIRMED` after it. */
export async function poolUserStatus(email: string): Promise<string | undefined> {
  const { client, sdk } = await cognito(); // lean
  const res = await client.send(new sdk.AdminGetUserCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email }));
  return res.UserStatus;
}

/**
 * A new temporary password for a user who has not signed in yet (invitation resend): the pool asks for a new
 * password at the next sign-in, as after the first invitation. No Cognito mail: we send our own.
 */
export async function resetTemporaryPassword(email: string, password: string): Promise<void> {
  const { client, sdk } = await cognito(); // lean
  await client.send(new sdk.AdminSetUserPasswordCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email, Password: password, Permanent: false }));
}
