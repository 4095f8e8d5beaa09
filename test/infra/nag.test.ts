import { readFileSync } from 'node:fs';
import { App, Aws, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { NagPack } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MailStack } from '../../infra/lib/mail.ts';
import { MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';
import { acknowledge, acknowledgementMatches, acknowledgementsIn, addNagPacks, type FoundAcknowledgement, nagPacks, rawNagPacks } from '../../infra/lib/nag.ts';
import { loadSettings } from '../../infra/lib/settings.ts';

/**
 * cdk-nag over the whole app as infra/bin/app.ts builds it, every stack and nested stack, the us-east-1 edge stack
 * included (docs/decisions/0026-cdk-nag.md): AwsSolutions and HIPAA.Security, zero unacknowledged findings; every
 * acknowledgement has a reason and still matches a finding (none is stale). Twice: a development stage on
 * CloudFront's own domain, and a stage with the settings a prefecture deploys (own domain, hosted zone, alarm mail).
 */

interface Finding {
  rule: string;
  path: string;
  message: string;
}

/** The feature flags of cdk.json (`cdk synth` applies them; `enablePartitionLiterals`, for one, changes finding ids). */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<string, unknown>;
const example = JSON.parse(readFileSync(new URL('../../infra/stages/example.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const VARIANTS = [
  { name: 'development stage (CloudFront domain)', settings: undefined },
  {
    name: "a prefecture's settings (own domain, hosted zone, alarm mail)",
    settings: { ...example, account: undefined, hostedZone: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'pref.example.lg.jp' } },
  },
] as const;

function findingsOf(app: App, packs: NagPack[]): Finding[] {
  return packs.flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '?', message: v.description }))),
  );
}

/** The stacks of infra/bin/app.ts for stage `test`; the main stack adds the us-east-1 edge stack itself. */
function buildApp(settingsOverride: object | undefined): { app: App; main: MedicalCyberStack } {
  const app = new App({
    context: { ...cdkContext, stage: 'test', 'aws:cdk:bundling-stacks': [], ...(settingsOverride ? { settings: JSON.stringify(settingsOverride) } : {}) },
  });
  const settings = loadSettings('test', app.node);
  const env = { region: 'ap-northeast-1' };
  const mail = new MailStack(app, 'MedicalCyber-test-Mail', {
    env,
    stage: 'test',
    mailFrom: settings.mailFrom,
    ...(settings.hostedZone ? { hostedZone: settings.hostedZone } : {}),
  });
  const main = new MedicalCyberStack(app, 'MedicalCyber-test', { env, stage: 'test', settings });
  main.addStackDependency(mail);
  // Aspects and nested-stack templates are completed by synthesis; the packs then walk the finished tree.
  app.synth();
  return { app, main };
}

describe.each(VARIANTS)('cdk-nag (AwsSolutions, HIPAA.Security): $name', ({ settings }) => {
  let app: App;
  let main: MedicalCyberStack;
  let unacknowledged: Finding[];
  let raw: Finding[];
  let acknowledgements: FoundAcknowledgement[];

  beforeAll(() => {
    ({ app, main } = buildApp(settings));
    unacknowledged = findingsOf(app, nagPacks());
    raw = findingsOf(app, rawNagPacks());
    acknowledgements = acknowledgementsIn(app);
  });

  it('checks every stack: main, mail, the us-east-1 edge stack and the nested route stacks', () => {
    const stacks = app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
    expect(stacks.find((s) => s.region === 'us-east-1')).toBeDefined();
    expect(stacks.length).toBeGreaterThan(20);
    // The packs walk the whole tree: findings (acknowledged or not) come from the edge stack and the route stacks too.
    const tops = new Set(raw.map((f) => f.path.split('/').slice(0, 2).join('/')));
    expect(tops).toContain('MedicalCyber-test/RoutesFacilities');
    expect([...tops].some((t) => t.startsWith('MedicalCyber-test-Edge/'))).toBe(true);
  });

  it('has no unacknowledged finding', () => {
    expect(unacknowledged.map((f) => `${f.rule} at ${f.path}: ${f.message}`)).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    expect(acknowledgements.length).toBeGreaterThan(100);
    expect(acknowledgements.filter((a) => a.reason.trim().length < 20).map((a) => `${a.id} at ${a.path}`)).toEqual([]);
  });

  it('has no stale acknowledgement (each one still matches a finding on its resource or under it)', () => {
    const stale = acknowledgements.filter(
      (a) => !raw.some((f) => (f.path === a.path || f.path.startsWith(`${a.path}/`)) && acknowledgementMatches(a.id, f.rule)),
    );
    expect(stale.map((a) => `${a.id} at ${a.path}`)).toEqual([]);
  });

  // The packs' DynamoDB rules (PITR, backup plan, deletion protection) inspect AWS::DynamoDB::Table only; the table
  // is a TableV2 (AWS::DynamoDB::GlobalTable), so the same properties are asserted here.
  it('keeps the table, which the packs do not inspect (TableV2): PITR, deletion protection, retained, in an AWS Backup plan', () => {
    const template = Template.fromStack(main);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    const tables = Object.entries(template.findResources('AWS::DynamoDB::GlobalTable'));
    expect(tables).toHaveLength(1);
    const [tableId, table] = tables[0] as [string, { DeletionPolicy: string; Properties: { Replicas: unknown[] } }];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    ]);
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: Match.arrayWith([{ 'Fn::GetAtt': [tableId, 'Arn'] }]) }),
    });
  });
});

describe('acknowledgement ids with <*> references', () => {
  it('match a reference by logical id or nested-stack parameter, and nothing else', () => {
    const id = 'AwsSolutions-IAM5[Resource::<*>/files/*]';
    expect(acknowledgementMatches(id, 'AwsSolutions-IAM5[Resource::<DocumentsA8CF4C0A.Arn>/files/*]')).toBe(true);
    expect(acknowledgementMatches(id, 'AwsSolutions-IAM5[Resource::<referencetoMedicalCybertestDocumentsA8CF4C0AArn>/files/*]')).toBe(true);
    expect(acknowledgementMatches(id, 'AwsSolutions-IAM5[Resource::<DocumentsA8CF4C0A.Arn>/*]')).toBe(false);
    expect(acknowledgementMatches(id, 'AwsSolutions-IAM5[Resource::*]')).toBe(false);
    expect(acknowledgementMatches('AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-IAM5[Resource::*]')).toBe(true);
    expect(acknowledgementMatches('AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-IAM5[Resource::<X.Arn>]')).toBe(false);
  });

  it('registered on an app (as infra/bin/app.ts does), fail its synthesis until every finding is acknowledged', () => {
    const synth = (acknowledged: boolean) => {
      const app = new App();
      const stack = new Stack(app, 'Probe');
      const group = new logs.LogGroup(stack, 'Logs');
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::probe-${Aws.ACCOUNT_ID}/files/*`] }));
      if (acknowledged) {
        acknowledge(group, [{ id: 'HIPAA.Security-CloudWatchLogGroupEncrypted', reason: 'A probe of the wiring, not a real log group.' }]);
        acknowledge(role, [
          { id: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::probe-<*>/files/*]', reason: 'A probe of the <*> references at synthesis.' },
          { id: 'HIPAA.Security-IAMNoInlinePolicy', reason: 'A probe of the wiring, not a real role.' },
        ]);
      }
      addNagPacks(app);
      return () => app.synth();
    };
    expect(synth(false)).toThrow(/AwsSolutions-IAM5\[Resource::arn:aws:s3:::probe-<AWS::AccountId>\/files\/\*\]/);
    expect(synth(true)).not.toThrow();
  });
});
