import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { meetsPasswordPolicy } from '@mcr/domain';
import { describe, expect, it } from 'vitest';
import { CognitoAuthFlows } from '../../packages/local/src/cognito/auth-flows.ts';
import { createOperator, OPERATOR_GROUP } from '../../packages/local/src/operators/create-operator.ts';
import { createCognitoAdminClient } from '../../packages/local/src/services/cognito.ts';
import { api } from '../support/api.ts';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The first operator of a deployed stage (`npm run operator:create`, decision 0024), against the local user pool
 * (cognito-local): the same Cognito calls the command makes in AWS, then the operator's first sign-in and an
 * operator-only route.
 */
const stamp = Date.now().toString(36);
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

function flows(): CognitoAuthFlows {
  const s = stackInfo().services;
  return new CognitoAuthFlows({ endpoint: s.cognitoEndpoint, userPoolId: s.userPoolId, clientId: s.userPoolClientId });
}

describe('operator:create', () => {
  it('invites an operator who signs in with the temporary password, enrols TOTP and may list the tenants', async () => {
    const s = stackInfo().services;
    const client = createCognitoAdminClient(s.cognitoEndpoint);
    const email = `operator-${stamp}@mcr.example.jp`;
    const temporary = 'Op-Temp-Pass-2026!';
    try {
      const created = await createOperator(client, s.userPoolId, { email: email.toUpperCase(), temporaryPassword: temporary });
      expect(created).toMatchObject({ email, outcome: 'created', status: 'FORCE_CHANGE_PASSWORD' });
      // By the internal user name (the sub): cognito-local lists a user's groups only by that one.
      const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: s.userPoolId, Username: created.sub }));
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual([OPERATOR_GROUP]);

      const f = flows();
      try {
        const { tokens } = await f.completeFirstSignIn({ email, temporaryPassword: temporary, newPassword: 'Operator-Pass-2026!' });
        const tenants = await api<{ items: { tenantId: string }[] }>('GET', '/api/tenants', { token: tokens.accessToken });
        expect(tenants.status, JSON.stringify(tenants.body)).toBe(200);
        expect(tenants.body.items.map((t) => t.tenantId)).toContain('36');
      } finally {
        f.destroy();
      }

      // Again for the same address: nobody is invited twice, the user stays a confirmed operator.
      const again = await createOperator(client, s.userPoolId, { email });
      expect(again).toMatchObject({ email, sub: created.sub, outcome: 'existing', status: 'CONFIRMED' });
    } finally {
      client.destroy();
    }
  });

  it('runs as a command: generated temporary password, exit code 0, the user in the operator group; bad input exits 2 or 1', async () => {
    const s = stackInfo().services;
    const email = `operator-cli-${stamp}@mcr.example.jp`;
    const cli = (args: string[]) =>
      run('npx', ['tsx', 'packages/local/src/cli/operator-create.ts', ...args], { cwd: REPO_ROOT, env: process.env }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const ok = await cli(['--user-pool-id', s.userPoolId, '--endpoint', s.cognitoEndpoint, '--email', email]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`invited: ${email}`);
    // The temporary password is never printed: only the invitation mail carries it.
    expect(ok.stdout).not.toMatch(/password: \S/i);
    const client = createCognitoAdminClient(s.cognitoEndpoint);
    try {
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: s.userPoolId, Username: email }));
      expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
      const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: s.userPoolId, Username: user.Username }));
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual([OPERATOR_GROUP]);
    } finally {
      client.destroy();
    }

    expect((await cli(['--email', email])).code).toBe(2); // neither --stage nor --user-pool-id
    const bad = await cli(['--user-pool-id', s.userPoolId, '--endpoint', s.cognitoEndpoint, '--email', 'not-an-address']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--email');
    const noDeploy = await cli(['--stage', `never-deployed-${stamp}`, '--email', email]);
    expect(noDeploy.code).toBe(1);
    expect(noDeploy.stderr).toContain('npm run deploy');
  });

  it('generates temporary passwords the deployed pool accepts', async () => {
    const { temporaryPassword } = await import('@mcr/domain');
    for (let i = 0; i < 50; i++) expect(meetsPasswordPolicy(temporaryPassword())).toBe(true);
  });
});
