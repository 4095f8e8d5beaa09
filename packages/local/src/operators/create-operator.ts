import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  ListGroupsCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { temporaryPassword } from '@mcr/domain';

/** The Cognito group of the SaaS operators (functions/src/pipeline/auth.ts OPERATOR_GROUP). */
export const OPERATOR_GROUP = 'operator';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface CreateOperatorInput {
  email: string;
  /** Tests only: a known temporary password (otherwise a random one that only the invitation mail carries). */
  temporaryPassword?: string;
}

export interface CreateOperatorResult {
  email: string;
  sub: string;
  /** `created`: invited now (Cognito mailed the temporary password); `existing`: the user was there and is now an operator. */
  outcome: 'created' | 'existing';
  status: string;
}

/**
 * Creates an operator in a user pool (docs/decisions/0024): AdminCreateUser with a temporary password that meets the
 * pool's policy, which Cognito mails with the pool's invitation (through the stage's SES identity; the command never
 * prints it), then the operator group (created if the pool has none yet). At the first sign-in the operator sets a
 * password and enrols TOTP, as every user does. Running it again for the same address invites nobody twice: it only
 * makes sure the user is in the group.
 */
export async function createOperator(client: CognitoIdentityProviderClient, userPoolId: string, input: CreateOperatorInput): Promise<CreateOperatorResult> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new Error(`--email: "${input.email}" is not an e-mail address / メールアドレスではありません`);
  await ensureOperatorGroup(client, userPoolId);
  let outcome: CreateOperatorResult['outcome'] = 'created';
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        TemporaryPassword: input.temporaryPassword ?? temporaryPassword(),
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof UsernameExistsException)) throw err;
    outcome = 'existing';
  }
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: OPERATOR_GROUP }));
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned no sub for the operator');
  return { email, sub, outcome, status: user.UserStatus ?? 'UNKNOWN' };
}

/**
 * The operator group, created when the pool has none yet (a fresh deploy). Looked up first: cognito-local's CreateGroup
 * does not refuse an existing group the way Cognito does (GroupExistsException).
 */
async function ensureOperatorGroup(client: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, NextToken }));
    if (page.Groups?.some((g) => g.GroupName === OPERATOR_GROUP)) return;
    NextToken = page.NextToken;
  } while (NextToken);
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: OPERATOR_GROUP, Description: 'SaaS operators (tenants, registry)' }));
  } catch (err) {
    if (!(err instanceof GroupExistsException)) throw err;
  }
}
