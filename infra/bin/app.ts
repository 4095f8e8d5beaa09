import { App } from 'aws-cdk-lib';
import { MedicalCyberStack } from '../lib/medical-cyber-stack.ts';

const app = new App();
const stage = String(app.node.tryGetContext('stage') ?? 'dev');
// Data stays in Japan: the region is explicit, never looked up.
new MedicalCyberStack(app, `MedicalCyber-${stage}`, {
  env: { region: 'ap-northeast-1', ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}) },
  stage,
});
