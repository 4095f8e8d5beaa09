import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deployedDir, parseArgs, REPO_ROOT, run, settingsOrExit, stacksOf, synth, templatesOf } from './cdk-stage.ts';

/**
 * `npm run deploy -- --stage <stage>`: everything a prefecture's deploy needs, in order (README "Deploy";
 * docs/decisions/0023-edge-and-deploy.md). After the one-time `cdk bootstrap` of the account in ap-northeast-1
 * and us-east-1:
 *
 * 1. validates infra/stages/<stage>.json (every invalid field named; nothing is deployed from bad settings);
 * 2. type-checks the code;
 * 3. synthesizes every stack once into cdk.out/<stage>: the functions are bundled and the SPA is built there;
 * 4. deploys the stacks that must exist first (the mail stack, whose SES domain must be verified before Cognito may
 *    send from it: `npm run mail:ready` waits for that), then all of them (`cdk deploy --all` from that assembly):
 *    the us-east-1 edge stack (WAF), the main stack with its route stacks, the SPA upload with its config.json and the
 *    CloudFront invalidation;
 * 5. records the deployed templates in infra/deployed/<stage>/ (commit them: `npm run diff` compares against them
 *    offline) and prints the outputs and the next step (the first operator).
 *
 * Flags: `--yes` approves security-broadening changes without asking; arguments after `--` go to `cdk deploy`.
 */

const { stage, flags, rest } = parseArgs(process.argv.slice(2));
const settings = settingsOrExit(stage);
console.log(`Stage ${stage}${settings.real ? '' : ' (development)'}: account ${settings.account ?? '(the CLI’s current one)'}, region ${settings.region}`);
console.log(`  app: ${settings.appUrl ?? 'CloudFront’s own URL (no domain)'}; mail from ${settings.mailFrom}; alarms to ${settings.alarmEmail ?? '(nobody)'}`);

run('npx', ['tsc', '-b']);
const out = synth(stage);
const stacks = stacksOf(out);
const approval = flags.has('--yes') ? 'never' : 'broadening';
const outputsFile = path.join(out, 'outputs.json');
const deploy = (selection: string[]) =>
  run('npx', ['cdk', 'deploy', '--app', out, '--require-approval', approval, '--outputs-file', outputsFile, ...selection, ...rest]);

// The mail stack first: the main stack's user pool sends through its SES identity, which must be verified.
const first = stacks.filter((s) => /Mail$/i.test(s.id)).map((s) => s.id);
if (first.length > 0) {
  deploy(first);
  const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (scripts['mail:ready']) run('npm', ['run', 'mail:ready', '--', '--stage', stage]);
}
deploy(['--all']);

// The record of this deploy, for `npm run diff` without credentials.
const record = deployedDir(stage);
rmSync(record, { recursive: true, force: true });
mkdirSync(record, { recursive: true });
for (const file of templatesOf(out)) copyFileSync(path.join(out, file), path.join(record, file));
writeFileSync(path.join(record, 'deployed.json'), `${JSON.stringify({ stage, at: new Date().toISOString(), stacks: stacks.map((s) => s.id) }, null, 2)}\n`);

const outputs = existsSync(outputsFile) ? (JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>) : {};
console.log('\nDeployed. Outputs:');
for (const [stack, values] of Object.entries(outputs)) for (const [k, v] of Object.entries(values)) console.log(`  ${stack}.${k} = ${v}`);
const dns = Object.values(outputs).flatMap((o) => Object.entries(o).filter(([k]) => k.startsWith('Dns')));
if (dns.length > 0)
  console.log('\nCreate these DNS records if your DNS is not in Route 53 (hostedZone in the settings):\n' + dns.map(([, v]) => `  ${v}`).join('\n'));
console.log(`
Recorded the deployed templates in ${path.relative(REPO_ROOT, record)}/: commit them with the stage's settings.
Next, once: create the first operator — npm run operator:create -- --stage ${stage} --email <operator e-mail>`);
