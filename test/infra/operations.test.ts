import { readFileSync } from 'node:fs';
import { routeList } from '@mcr/contract';
import { PASSWORD_POLICY } from '@mcr/domain';
import { App, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_RETENTION, FILE_RETENTION } from '../../infra/lib/backup.ts';
import { MailStack, mailNamesOf } from '../../infra/lib/mail.ts';
import { MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';
import { ALARM_THRESHOLDS, METRICS_PER_ALARM } from '../../infra/lib/operations.ts';
import { RouteStack, routeGroupOf } from '../../infra/lib/route-stacks.ts';
import { loadSettings } from '../../infra/lib/settings.ts';

/**
 * Issue 11 items 4–6 and the mail of item 1, read from the synthesized templates (decision 0024): the SES identity
 * and configuration set, the hardened user pool, data kept (PITR, backup plan, Object Lock), operations (alarms to a
 * topic, dashboard, tracing, log retention).
 */
type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

const example = JSON.parse(readFileSync(new URL('../../infra/stages/example.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const hostedZone = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'pref.example.lg.jp' };

let main: MedicalCyberStack;
let mail: MailStack;
let t: Template;
let m: Template;
let nested: { stack: RouteStack; template: Template }[];
let everyStack: Stack[];

beforeAll(() => {
  // A prefecture's settings (own domain, hosted zone, alarm mail) for stage `test`.
  const app = new App({
    context: { stage: 'test', 'aws:cdk:bundling-stacks': [], settings: JSON.stringify({ ...example, account: undefined, hostedZone }) },
  });
  const settings = loadSettings('test', app.node);
  const env = { region: 'ap-northeast-1' };
  mail = new MailStack(app, 'MedicalCyber-test-Mail', { env, stage: 'test', mailFrom: settings.mailFrom, hostedZone });
  main = new MedicalCyberStack(app, 'MedicalCyber-test', { env, stage: 'test', settings });
  t = Template.fromStack(main);
  m = Template.fromStack(mail);
  nested = main.node.children.filter((c): c is RouteStack => c instanceof RouteStack).map((stack) => ({ stack, template: Template.fromStack(stack) }));
  everyStack = app.node.findAll().filter((c): c is Stack => (c as Stack).templateOptions !== undefined && 'stackName' in c) as Stack[];
});

function resources(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

describe('mail (SES)', () => {
  it('verifies the sender domain with Easy DKIM (2048-bit) and writes the records into the hosted zone', () => {
    m.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'cyber.pref.example.lg.jp',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
    const records = Object.values(resources(m, 'AWS::Route53::RecordSet'));
    expect(records).toHaveLength(3);
    for (const r of records) expect(r.Properties).toMatchObject({ Type: 'CNAME', HostedZoneId: hostedZone.hostedZoneId });
    expect(Object.keys(m.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'))).toHaveLength(3);
  });

  it('suppresses bounces and complaints in the configuration set and counts them in CloudWatch', () => {
    m.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'mcr-test-mail',
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    m.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        CloudWatchDestination: { DimensionConfigurations: [Match.objectLike({ DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag' })] },
      },
    });
    const destination = Object.values(resources(m, 'AWS::SES::ConfigurationSetEventDestination'))[0]?.Properties.EventDestination as {
      MatchingEventTypes: string[];
    };
    expect(destination.MatchingEventTypes).toEqual(expect.arrayContaining(['send', 'delivery', 'bounce', 'complaint', 'reject']));
  });

  it('gives every function the configuration set, and every ses:SendEmail names the identity and the configuration set', () => {
    const names = mailNamesOf('test', 'no-reply@cyber.pref.example.lg.jp');
    const all = [t, ...nested.map((n) => n.template)];
    const functions = all.flatMap((x) => Object.values(resources(x, 'AWS::Lambda::Function')));
    const app = functions.filter((f) => JSON.stringify(f.Properties).includes('MAIL_FROM'));
    expect(app.length).toBe(routeList.length + 3);
    for (const f of app) expect(JSON.stringify(f.Properties)).toContain(`"MAIL_CONFIGURATION_SET":"${names.configurationSetName}"`);
    const statements = all
      .flatMap((x) => Object.values(resources(x, 'AWS::IAM::Policy')))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
      .filter((s) => [s.Action].flat().includes('ses:SendEmail'));
    // The stream consumer, the reminders and every `mail` route.
    expect(statements.length).toBe(routeList.filter((r) => r.uses?.includes('mail')).length + 2);
    for (const s of statements) {
      const resource = JSON.stringify(s.Resource);
      expect(resource).toContain(`:identity/${names.domain}`);
      expect(resource).toContain(`:configuration-set/${names.configurationSetName}`);
    }
  });

  it('is a stack of its own that infra/bin/app.ts deploys before the main stack', () => {
    const app = readFileSync(new URL('../../infra/bin/app.ts', import.meta.url), 'utf8');
    expect(app).toMatch(/new MailStack\(app, `MedicalCyber-\$\{stage\}-Mail`/);
    expect(app).toContain('mainStack.addStackDependency(mailStack)');
    expect(mail.stackName).toMatch(/Mail$/); // scripts/deploy.ts deploys the stacks whose id ends in Mail first
  });
});

describe('user pool (Cognito hardened)', () => {
  it('enforces threat protection on the Plus plan, with compromised credentials and high-risk sign-ins blocked', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
    t.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK' } } },
    });
  });

  it('requires a password and TOTP, the guideline 第7.0版 policy, and verification before an e-mail change', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          PasswordHistorySize: PASSWORD_POLICY.passwordHistorySize,
          TemporaryPasswordValidityDays: 7,
        },
      },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      DeletionProtection: 'ACTIVE',
    });
    expect(PASSWORD_POLICY.minLength).toBeGreaterThanOrEqual(13);
    // No forced periodic change: Cognito has no password expiry setting at all, and none is emulated.
    expect(JSON.stringify(t.toJSON())).not.toMatch(/PasswordExpir|MaxPasswordAge/i);
  });

  it('sends its own mail (invitations, codes) through the stage\u2019s SES identity and configuration set', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        ConfigurationSet: 'mcr-test-mail',
        From: Match.stringLikeRegexp('no-reply@cyber\\.pref\\.example\\.lg\\.jp>$'),
        SourceArn: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':identity/cyber.pref.example.lg.jp'])]) }),
      },
      AdminCreateUserConfig: Match.objectLike({ InviteMessageTemplate: Match.objectLike({ EmailMessage: Match.stringLikeRegexp('\\{####\\}') }) }),
    });
  });

  it('has an SPA client without OAuth: no implicit flow, no callback URL', () => {
    const clients = Object.values(resources(t, 'AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const c = clients[0]?.Properties ?? {};
    expect(c.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(c.AllowedOAuthFlows).toBeUndefined();
    expect(c.CallbackURLs).toBeUndefined();
    expect(JSON.stringify(c)).not.toMatch(/implicit|example\.com/);
    expect(c.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(c.PreventUserExistenceErrors).toBe('ENABLED');
  });
});

describe('data kept', () => {
  it('keeps the table: PITR, deletion protection, retained, and an AWS Backup plan (daily, monthly) into a vault that refuses early deletion', () => {
    t.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
    const vaults = Object.values(resources(t, 'AWS::Backup::BackupVault'));
    expect(vaults).toHaveLength(1);
    expect(vaults[0]?.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(vaults[0]?.Properties.AccessPolicy)).toContain('backup:DeleteRecoveryPoint');
    t.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: BACKUP_RETENTION.dailyDays }, ScheduleExpressionTimezone: 'Asia/Tokyo' }),
          Match.objectLike({ RuleName: 'Monthly', Lifecycle: { DeleteAfterDays: BACKUP_RETENTION.monthlyDays } }),
        ],
      },
    });
    const selections = Object.values(resources(t, 'AWS::Backup::BackupSelection'));
    expect(selections).toHaveLength(1);
    expect(JSON.stringify(selections[0]?.Properties)).toMatch(/"Fn::GetAtt":\["Table[0-9A-F]+","Arn"\]/);
  });

  it('locks the documents bucket object by object (versioned, Object Lock, no default retention so quarantine/ expires)', () => {
    const buckets = Object.values(resources(t, 'AWS::S3::Bucket')).filter((b) => b.Properties.ObjectLockEnabled === true);
    expect(buckets).toHaveLength(1);
    const documents = buckets[0] as Resource;
    expect(documents.DeletionPolicy).toBe('Retain');
    expect(documents.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(documents.Properties.ObjectLockConfiguration).toBeUndefined();
    expect(JSON.stringify(documents.Properties.LifecycleConfiguration)).toContain('"Prefix":"quarantine/","Status":"Enabled"');
    expect(FILE_RETENTION).toMatchObject({ mode: 'GOVERNANCE' });
    expect(FILE_RETENTION.days).toBeGreaterThanOrEqual(5 * 365);
  });

  it('lets every role that writes into files/ set the retention there (the copy sets it), and gives the functions the period', () => {
    const statements = nested
      .flatMap((n) => Object.values(resources(n.template, 'AWS::IAM::Policy')))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
      .filter((x) => JSON.stringify(x.Resource).includes('/files/*') && [x.Action].flat().includes('s3:PutObject'));
    expect(statements.length).toBeGreaterThanOrEqual(3); // documents.create, evidence.create, trainings.attendanceImport
    for (const x of statements) expect([x.Action].flat()).toContain('s3:PutObjectRetention');
    const env = JSON.stringify(Object.values(resources(t, 'AWS::Lambda::Function')).map((f) => f.Properties.Environment));
    expect(env).toContain(`"FILES_RETENTION_DAYS":"${FILE_RETENTION.days}"`);
  });
});

describe('operations', () => {
  const alarmsOf = (template: Template) => Object.values(resources(template, 'AWS::CloudWatch::Alarm'));

  it('sends every alarm, and its recovery, to one encrypted topic with the settings\u2019 alarm address', () => {
    const topics = Object.entries(resources(t, 'AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    const [topicId, topic] = topics[0] as [string, Resource];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'cyber-ops@pref.example.lg.jp', TopicArn: { Ref: topicId } });
    // The alarms of infra/lib/operations.ts: those of the Operations construct and the route stacks' RouteErrors/RouteDuration.
    const own = Object.entries(resources(t, 'AWS::CloudWatch::Alarm'))
      .filter(([id]) => id.startsWith('Operations'))
      .map(([, a]) => a);
    const all = [...own, ...nested.flatMap((n) => alarmsOf(n.template))];
    expect(all.length).toBeGreaterThan(10);
    for (const a of all) {
      expect(a.Properties.AlarmActions, String(a.Properties.AlarmDescription)).toHaveLength(1);
      expect(a.Properties.OKActions).toEqual(a.Properties.AlarmActions);
    }
    for (const a of own) expect(a.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('alarms on API 5xx and 429s, Lambda throttles, the stream consumer\u2019s iterator age, worker and reminder errors, the schedule\u2019s dead letters, bounce and complaint rates', () => {
    const metric = (name: string, namespace: string) => alarmsOf(t).filter((a) => a.Properties.MetricName === name && a.Properties.Namespace === namespace);
    expect(metric('5xx', 'AWS/ApiGateway')).toHaveLength(1);
    expect(metric('ApiThrottled', 'MedicalCyber/test')).toHaveLength(1);
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [Match.objectLike({ MetricName: 'ApiThrottled' })],
    });
    expect(metric('Throttles', 'AWS/Lambda')).toHaveLength(1);
    const iterator = metric('IteratorAge', 'AWS/Lambda');
    expect(iterator).toHaveLength(1);
    expect(iterator[0]?.Properties.Threshold).toBe(ALARM_THRESHOLDS.iteratorAgeMs);
    expect(JSON.stringify(iterator[0]?.Properties.Dimensions)).toContain('FnReadModels');
    const errors = metric('Errors', 'AWS/Lambda').map((a) => JSON.stringify(a.Properties.Dimensions));
    for (const fn of ['FnReadModels', 'FnJobWorker', 'FnReminders'])
      expect(
        errors.some((d) => d.includes(fn)),
        fn,
      ).toBe(true);
    expect(JSON.stringify(metric('ApproximateNumberOfMessagesVisible', 'AWS/SQS'))).toContain('RemindersDeadLetters');
    expect(metric('Reputation.BounceRate', 'AWS/SES')[0]?.Properties.Threshold).toBe(ALARM_THRESHOLDS.bounceRate);
    expect(metric('Reputation.ComplaintRate', 'AWS/SES')[0]?.Properties.Threshold).toBe(ALARM_THRESHOLDS.complaintRate);
  });

  it('puts the schedule\u2019s undeliverable invocations into the alarmed queue', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersDeadLetters'), 'Arn'] } } }),
    });
  });

  it('watches every route function\u2019s errors and p99 duration, at most ten functions per alarm, in its own nested stack', () => {
    for (const { stack, template } of nested) {
      const alarms = alarmsOf(template);
      const watched = (kind: 'Errors' | 'Duration') =>
        alarms
          .flatMap((a) => (a.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string; Dimensions: { Value: unknown }[] }; Stat: string } }[]) ?? [])
          .filter((q) => q.MetricStat?.Metric.MetricName === kind);
      for (const kind of ['Errors', 'Duration'] as const) {
        const queries = watched(kind);
        const fnIds = queries.map((q) => JSON.stringify(q.MetricStat?.Metric.Dimensions[0]?.Value)).sort();
        const expected = [...stack.functions.values()].map((fn) => JSON.stringify({ Ref: stack.getLogicalId(fn.node.defaultChild as never) })).sort();
        expect(fnIds, `${stack.node.id} ${kind}`).toEqual(expected);
        if (kind === 'Duration') for (const q of queries) expect(q.MetricStat?.Stat).toBe('p99');
      }
      for (const a of alarms) {
        expect((a.Properties.Metrics as { MetricStat?: unknown }[]).filter((q) => q.MetricStat).length).toBeLessThanOrEqual(METRICS_PER_ALARM);
        if (String(a.Properties.AlarmDescription).includes('timeout')) expect(a.Properties.Threshold).toBe(ALARM_THRESHOLDS.routeP99Ms);
      }
      expect(new Set([...stack.functions.keys()].map(routeGroupOf)).size).toBe(1);
    }
  });

  it('has a dashboard of the API, the functions, the stream, the table and the mail', () => {
    const dashboards = Object.values(resources(t, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.Properties.DashboardName).toBe('MedicalCyber-test');
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const text of ['IteratorAge', 'ThrottledRequests', 'Reputation.BounceRate', 'ses:configuration-set', 'SEARCH(', '5xx', 'ApiThrottled']) {
      expect(body, text).toContain(text);
    }
  });

  it('traces every function with X-Ray and keeps every log group for a set time', () => {
    const templates = [t, ...nested.map((n) => n.template)];
    const functions = templates.flatMap((x) => Object.values(resources(x, 'AWS::Lambda::Function')));
    const ours = functions.filter((f) => JSON.stringify(f.Properties).includes('MAIL_FROM'));
    expect(ours.length).toBe(routeList.length + 3);
    for (const f of ours) expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    const roles = templates.flatMap((x) => Object.values(resources(x, 'AWS::IAM::Role')));
    const traced = roles.filter((r) => JSON.stringify(r.Properties.ManagedPolicyArns ?? []).includes('AWSXRayDaemonWriteAccess'));
    expect(traced.length).toBe(routeList.length + 3);
    expect(everyStack.length).toBeGreaterThanOrEqual(nested.length + 2); // main, mail (and the edge stack), the route stacks
    for (const stack of everyStack) {
      for (const [id, g] of Object.entries(resources(Template.fromStack(stack), 'AWS::Logs::LogGroup'))) {
        expect(g.Properties.RetentionInDays, `${stack.stackName}/${id}`).toBeGreaterThan(0);
      }
    }
  });
});
