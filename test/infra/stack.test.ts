import { routeList } from '@mcr/contract';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionIdOf, MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';

let template: Template;

beforeAll(() => {
  const app = new App({ context: { stage: 'test' } });
  const stack = new MedicalCyberStack(app, 'Test', { env: { region: 'ap-northeast-1' }, stage: 'test' });
  template = Template.fromStack(stack);
});

describe('CDK stack generated from the route table', () => {
  it('has one HTTP API route per route in the table, with the same method and path', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const keys = Object.values(routes)
      .map((r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey)
      .sort();
    expect(keys).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(routeList.map((r) => [r.id, r] as const))('%s has its own function, wired to its route', (_id, r) => {
    const fns = template.findResources('AWS::Lambda::Function');
    const fnId = Object.keys(fns).find((k) => k.startsWith(functionIdOf(r.id)) && !k.includes('Logs'));
    expect(fnId, `function for ${r.id}`).toBeDefined();
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const wired = Object.values(integrations).some((i) => JSON.stringify(i).includes(fnId as string));
    expect(wired).toBe(true);
  });

  it('grants read routes no write access to the table', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    for (const r of routeList.filter((x) => x.access === 'read')) {
      const own = Object.entries(policies).filter(([k]) => k.startsWith(functionIdOf(r.id)));
      const text = JSON.stringify(own);
      expect(text, r.id).not.toContain('dynamodb:PutItem');
      expect(text, r.id).not.toContain('dynamodb:UpdateItem');
    }
  });

  it('keeps the table safe: point-in-time recovery, deletion protection, retained', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      // TableV2 sets both per replica.
      Properties: Match.objectLike({
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });

  it('keeps the read models with a consumer of the table stream: old and new images, batches retried whole, never bisected', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    const fns = template.findResources('AWS::Lambda::Function');
    const consumer = Object.keys(fns).find((k) => k.startsWith('FnReadModels') && !k.includes('Logs'));
    expect(consumer).toBeDefined();
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as { Properties: Record<string, unknown> }[];
    const own = mappings.filter((m) => JSON.stringify(m.Properties.FunctionName).includes(consumer as string));
    expect(own).toHaveLength(1);
    expect(own[0]?.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: false,
      MaximumRetryAttempts: -1,
      ParallelizationFactor: 1,
    });
    expect(JSON.stringify(own[0]?.Properties.EventSourceArn)).toContain('StreamArn');
    expect(JSON.stringify(own[0]?.Properties.FilterCriteria)).toContain('Response');
    // The cross-checks (decision 0012) re-check on contracts, vendors' answers and documents, and count discrepancies.
    for (const type of ['Contract', 'VendorAssignment', 'VendorProfile', 'VendorResponse', 'VendorDocument', 'Discrepancy']) {
      expect(JSON.stringify(own[0]?.Properties.FilterCriteria)).toContain(type);
    }
  });

  it('requires TOTP MFA for every user of the user pool', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('deletes exports after a day and lets only the worker write them', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 1, Status: 'Enabled' })]) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 300, MemorySize: 1024, Handler: 'index.handler' });
    const policies = template.findResources('AWS::IAM::Policy');
    const worker = JSON.stringify(Object.entries(policies).filter(([k]) => k.startsWith('FnJobWorker')));
    expect(worker).toContain('s3:PutObject');
    expect(worker).toContain('/exports/*');
  });

  it.each(routeList.filter((r) => r.uses?.includes('jobs')).map((r) => [r.id, r] as const))(
    '%s may start the job worker asynchronously, and names it',
    (_id, r) => {
      const own = JSON.stringify(Object.entries(template.findResources('AWS::IAM::Policy')).filter(([k]) => k.startsWith(functionIdOf(r.id))));
      expect(own).toContain('lambda:InvokeFunction');
      const fns = template.findResources('AWS::Lambda::Function');
      const fn = Object.entries(fns).find(([k]) => k.startsWith(functionIdOf(r.id)) && !k.includes('Logs'))?.[1];
      expect(JSON.stringify(fn)).toContain('JOB_WORKER_FUNCTION');
    },
  );

  it.each(routeList.filter((r) => r.uses?.includes('exportFiles')).map((r) => [r.id, r] as const))(
    '%s may read exports (to presign download links) but not write them',
    (_id, r) => {
      const own = JSON.stringify(Object.entries(template.findResources('AWS::IAM::Policy')).filter(([k]) => k.startsWith(functionIdOf(r.id))));
      expect(own).toContain('s3:GetObject');
      expect(own).not.toContain('s3:PutObject');
    },
  );

  it.each(routeList.filter((r) => r.uses?.includes('files')).map((r) => [r.id, r] as const))(
    '%s reaches the files bucket: read routes only checked files, the others quarantine and files',
    (_id, r) => {
      const own = JSON.stringify(Object.entries(template.findResources('AWS::IAM::Policy')).filter(([k]) => k.startsWith(functionIdOf(r.id))));
      expect(own).toContain('s3:GetObject');
      expect(own).toContain('/files/*');
      if (r.access === 'read') {
        expect(own).not.toContain('s3:PutObject');
        expect(own).not.toContain('/quarantine/*');
      } else {
        expect(own).toContain('s3:PutObject');
        expect(own).toContain('/quarantine/*');
      }
      const fns = template.findResources('AWS::Lambda::Function');
      const fn = Object.entries(fns).find(([k]) => k.startsWith(functionIdOf(r.id)) && !k.includes('Logs'))?.[1];
      expect(JSON.stringify(fn)).toContain('FILES_BUCKET');
    },
  );

  it('empties the quarantine after two days and lets the SPA post files to the bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: 2, Status: 'Enabled' })]) },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['POST']), AllowedOrigins: Match.arrayWith(['http://localhost:8080']) })],
      },
    });
  });

  it('versions the documents bucket and blocks public access', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
  });
});
