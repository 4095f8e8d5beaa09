import { App } from 'aws-cdk-lib';
import { MedicalCyberStack } from '../lib/medical-cyber-stack.ts';
import { addNagPacks } from '../lib/nag.ts'; // nag
import { MailStack } from '../lib/mail.ts'; // ops
// edge:begin
import { loadSettings, SettingsError, type StageSettings } from '../lib/settings.ts';
// edge:end

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
// edge:begin — the stage's settings (infra/stages/<stage>.json) are validated before anything is synthesized:
// every invalid field is named and the synth stops (docs/decisions/0023-edge-and-deploy.md).
let settings: StageSettings;
try {
  settings = loadSettings(stage, app.node);
} catch (err) {
  if (!(err instanceof SettingsError)) throw err;
  console.error(err.message);
  process.exit(1);
}
// A real stage names its account: deploying it with another account's credentials fails instead of landing there.
const account = settings.account ?? process.env.CDK_DEFAULT_ACCOUNT;
// edge:end
// ops:begin — the stage's mail (SES identity with DKIM, configuration set; infra/lib/mail.ts) is a stack of its own,
// deployed and verified before the main stack, whose user pool refuses an unverified identity (decision 0024).
const mailStack = new MailStack(app, `MedicalCyber-${stage}-Mail`, {
  env: { region: 'ap-northeast-1', ...(account ? { account } : {}) },
  stage,
  mailFrom: settings.mailFrom,
  ...(settings.hostedZone ? { hostedZone: settings.hostedZone } : {}),
});
// ops:end
// Data stays in Japan: the region is explicit, never looked up.
const mainStack = new MedicalCyberStack(app, `MedicalCyber-${stage}`, {
  env: { region: 'ap-northeast-1', ...(account ? { account } : {}) }, // edge
  stage,
  settings, // edge
});
mainStack.addStackDependency(mailStack); // ops
// nag:begin — AwsSolutions and HIPAA.Security at every synth: an unacknowledged finding stops it (decision 0026)
addNagPacks(app);
// nag:end
