import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CognitoAuthFlows, totpCode } from '../cognito/auth-flows.ts';
import type { DemoLogin } from '../seed/seed.ts';
import { REPO_ROOT } from '../stack.ts';

/**
 * Development helper: the real sign-in (password + TOTP) against the LOCAL user pool, printing an
 * access token (or, with --code, only the current TOTP code). It refuses anything but localhost.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { code: { type: 'boolean', default: false }, 'ready-file': { type: 'string' } },
});
const email = positionals[0];
if (!email) {
  console.error('usage: npm run -s token -- <email>   (one of the demo logins printed by npm start)');
  process.exit(2);
}

const readyFile = values['ready-file'] ?? path.join(REPO_ROOT, '.local/running.json');
if (!existsSync(readyFile)) {
  console.error('The local stack is not running: start it with `npm start` first.');
  process.exit(1);
}
const running = JSON.parse(readFileSync(readyFile, 'utf8')) as {
  services: { cognitoEndpoint: string; userPoolId: string; userPoolClientId: string };
  logins: DemoLogin[];
};
const endpoint = new URL(running.services.cognitoEndpoint);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(endpoint.hostname) || process.env.AWS_PROFILE || process.env.STAGE) {
  console.error(`Refusing to sign in against ${endpoint.href}: this helper works only with the local user pool.`);
  process.exit(1);
}
const login = running.logins.find((l) => l.email.toLowerCase() === email.toLowerCase());
if (!login) {
  console.error(`No demo login ${email}. Known: ${running.logins.map((l) => l.email).join(', ')}`);
  process.exit(1);
}
if (values.code) {
  console.log(totpCode(login.totpSecret));
} else {
  const auth = new CognitoAuthFlows({
    endpoint: running.services.cognitoEndpoint,
    userPoolId: running.services.userPoolId,
    clientId: running.services.userPoolClientId,
  });
  const tokens = await auth.signIn({ email: login.email, password: login.password, totpSecret: login.totpSecret });
  auth.destroy();
  console.log(tokens.accessToken);
}
