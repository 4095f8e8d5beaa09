import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createOperator } from '../operators/create-operator.ts';
import { REPO_ROOT } from '../stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `npm run operator:create -- --stage <stage> --email <operator e-mail>

Creates a SaaS operator in the stage's deployed user pool: Cognito mails the invitation with a temporary password
(through the stage's SES identity); at the first sign-in the operator sets a password and enrols an authenticator
app. Uses your AWS credentials (AWS_PROFILE …), which need cognito-idp:AdminCreateUser, AdminAddUserToGroup,
AdminGetUser, ListGroups and CreateGroup on the pool. Running it again for the same address invites nobody twice.

The pool comes from the outputs of the last \`npm run deploy -- --stage <stage>\` (cdk.out/<stage>/outputs.json);
--user-pool-id <id> names it directly. --endpoint <url> talks to a local cognito-local instead of AWS.
`;

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    email: { type: 'string' },
    'user-pool-id': { type: 'string' },
    region: { type: 'string', default: 'ap-northeast-1' },
    endpoint: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.email || (!values.stage && !values['user-pool-id'])) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}

/** The user pool id from the deploy's outputs (`MedicalCyber-<stage>`.UserPoolId). */
function userPoolIdOf(stage: string): string {
  const file = path.join(REPO_ROOT, 'cdk.out', stage, 'outputs.json');
  if (!existsSync(file)) {
    console.error(
      `No outputs of stage "${stage}" at ${path.relative(REPO_ROOT, file)}: deploy it first (npm run deploy -- --stage ${stage}) or pass --user-pool-id.`,
    );
    process.exit(1);
  }
  const outputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  const id = outputs[`MedicalCyber-${stage}`]?.UserPoolId;
  if (!id) {
    console.error(`The outputs of stage "${stage}" name no UserPoolId (MedicalCyber-${stage}.UserPoolId).`);
    process.exit(1);
  }
  return id;
}

const userPoolId = values['user-pool-id'] ?? userPoolIdOf(values.stage as string);
const client = new CognitoIdentityProviderClient({
  region: values.region,
  ...(values.endpoint ? { endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});
try {
  const result = await createOperator(client, userPoolId, { email: values.email });
  console.log(
    result.outcome === 'created'
      ? `招待しました / invited: ${result.email} (operator). The temporary password is in the invitation mail; it is valid for 7 days.`
      : `既に存在します / already exists: ${result.email} (${result.status}); it is in the operator group.`,
  );
} catch (err) {
  console.error(`${(err as Error).name}: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  client.destroy();
}
