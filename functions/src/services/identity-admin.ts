import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { AlreadyExistsError } from '@mcr/data';
import { env } from '../pipeline/env.ts';
import { TENANT_GROUP_PREFIX } from '../pipeline/auth.ts';

let client: CognitoIdentityProviderClient | undefined;
function cognito(): CognitoIdentityProviderClient {
  const e = env();
  client ??= new CognitoIdentityProviderClient({
    region: e.AWS_REGION,
    ...(e.COGNITO_ENDPOINT ? { endpoint: e.COGNITO_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return client;
}

// ops: temporary passwords meet the pool's policy (13+ characters, upper, lower, digit, symbol): @mcr/domain.
export { temporaryPassword } from '@mcr/domain';

/**
 * Creates the user in the pool with a temporary password (no Cognito mail: we send our own, in Japanese)
 * and puts them in their tenant's group. The first sign-in sets a password and enrols TOTP.
 */
export async function createPoolUser(email: string, tenantId: string, password: string): Promise<string> {
  const UserPoolId = env().COGNITO_USER_POOL_ID;
  try {
    const res = await cognito().send(
      new AdminCreateUserCommand({
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
      await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId, Username: email, GroupName: `${TENANT_GROUP_PREFIX}${tenantId}` }));
    } catch (err) {
      // A user without their tenant's group could never sign in to it, and would block a retry with this e-mail.
      await deletePoolUser(email);
      throw err;
    }
    return sub;
  } catch (err) {
    if (err instanceof UsernameExistsException) throw new AlreadyExistsError('user');
    throw err;
  }
}

/** Each tenant is a group of the user pool (`tenant:<code>`); created once, with the tenant. */
export async function ensureTenantGroup(tenantId: string): Promise<void> {
  try {
    await cognito().send(
      new CreateGroupCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, GroupName: `${TENANT_GROUP_PREFIX}${tenantId}`, Description: `Tenant ${tenantId}` }),
    );
  } catch (err) {
    if (!(err instanceof GroupExistsException)) throw err;
  }
}

/** Undoes {@link createPoolUser} when the rest of an invitation fails, so that a retry can succeed. */
export async function deletePoolUser(email: string): Promise<void> {
  await cognito().send(new AdminDeleteUserCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email }));
}

export async function setPoolUserEnabled(email: string, enabled: boolean): Promise<void> {
  const input = { UserPoolId: env().COGNITO_USER_POOL_ID, Username: email };
  await cognito().send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
}

/** The pool's status of a user: `FORCE_CHANGE_PASSWORD` until the first sign-in, `CONFIRMED` after it. */
export async function poolUserStatus(email: string): Promise<string | undefined> {
  const res = await cognito().send(new AdminGetUserCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email }));
  return res.UserStatus;
}

/**
 * A new temporary password for a user who has not signed in yet (invitation resend): the pool asks for a new
 * password at the next sign-in, as after the first invitation. No Cognito mail: we send our own.
 */
export async function resetTemporaryPassword(email: string, password: string): Promise<void> {
  await cognito().send(new AdminSetUserPasswordCommand({ UserPoolId: env().COGNITO_USER_POOL_ID, Username: email, Password: password, Permanent: false }));
}
