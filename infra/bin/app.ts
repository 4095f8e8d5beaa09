import { App } from 'aws-cdk-lib';
import { MedicalCyberStack } from '../lib/medical-cyber-stack.ts';
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
// Data stays in Japan: the region is explicit, never looked up.
new MedicalCyberStack(app, `MedicalCyber-${stage}`, {
  env: { region: 'ap-northeast-1', ...(account ? { account } : {}) }, // edge
  stage,
  settings, // edge
});
