import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoAuthFlows } from '../cognito/auth-flows.ts';
import type { DemoLogin } from '../seed/seed.ts';
import { REPO_ROOT } from '../stack.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const HELP = `npm run tenant:create -- --code 13 --name 東京都 --name-en Tokyo --admin admin@example.jp:東京 太郎 [--admin …]

Creates a prefecture tenant and invites its first administrators (they receive an e-mail with a temporary
password). Runs as the operator through the API:
  locally   against the running \`npm start\` stack, signed in as the demo operator;
  deployed  with --api https://<your domain> --token <an operator's access token>.
`;

const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    'name-en': { type: 'string' },
    admin: { type: 'string', multiple: true },
    api: { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.code || !values.name || !values['name-en'] || !values.admin?.length) {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}

const admins = values.admin.map((a) => {
  const [email, ...name] = a.split(':');
  return { email: email ?? '', displayName: name.join(':') || (email ?? '') };
});

let url = values.api;
let token = values.token;
if (!url || !token) {
  const ready = path.join(REPO_ROOT, '.local/running.json');
  if (!existsSync(ready)) {
    console.error('The local stack is not running (start it with `npm start`), and no --api/--token was given.');
    process.exit(1);
  }
  const running = JSON.parse(readFileSync(ready, 'utf8')) as {
    url: string;
    services: { cognitoEndpoint: string; userPoolId: string; userPoolClientId: string };
    logins: DemoLogin[];
  };
  const operator = running.logins.find((l) => l.role === 'operator');
  if (!operator) throw new Error('no operator login in the running stack');
  const flows = new CognitoAuthFlows({
    endpoint: running.services.cognitoEndpoint,
    userPoolId: running.services.userPoolId,
    clientId: running.services.userPoolClientId,
  });
  token = (await flows.signIn(operator)).accessToken;
  flows.destroy();
  url = running.url;
}

const res = await fetch(`${url}/api/tenants`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ tenantId: values.code, name: values.name, nameEn: values['name-en'], admins }),
});
const body = (await res.json()) as { error?: { message: { ja: string; en: string }; fields?: { field: string; message: { ja: string } }[] } };
if (!res.ok) {
  console.error(`${res.status}: ${body.error?.message.ja} / ${body.error?.message.en}`);
  for (const f of body.error?.fields ?? []) console.error(`  ${f.field}: ${f.message.ja}`);
  process.exit(1);
}
console.log(`作成しました / created: ${values.name} (${values.code}); invitations sent to ${admins.map((a) => a.email).join(', ')}`);
