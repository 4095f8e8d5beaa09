import { createDb, createRepositories, type MembershipRecord } from '@mcr/data';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { stackInfo } from './stack-info.ts';

/**
 * An invited user as the invitation flow (a later issue) will leave them: created in the user pool with a
 * temporary password and the tenant group, with a membership in the tenant; first sign-in still to do.
 */
export async function inviteUser(
  tenantId: string,
  email: string,
  temporaryPassword: string,
  membership: Omit<MembershipRecord, 'userId' | 'email' | 'status'>,
) {
  const s = stackInfo();
  const flows = new CognitoAuthFlows({ endpoint: s.services.cognitoEndpoint, userPoolId: s.services.userPoolId, clientId: s.services.userPoolClientId });
  const { sub } = await flows.createInvitedUser({ email, temporaryPassword });
  await flows.addToGroup(email, `tenant:${tenantId}`);
  flows.destroy();
  const db = createDb({ tableName: s.tableName, region: 'ap-northeast-1', endpoint: s.services.dynamodbEndpoint });
  await createRepositories(db, { tenantId }).memberships.put({ ...membership, userId: sub, email, status: 'active' });
  db.doc.destroy();
  return { sub };
}
