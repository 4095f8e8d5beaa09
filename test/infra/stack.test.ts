import { type RouteId, routeList } from '@mcr/contract';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';
import { routeAlarmCount } from '../../infra/lib/operations.ts'; // ops
import { MAX_ROUTES_PER_STACK, RouteStack, routeGroupOf, routeStackIdOf } from '../../infra/lib/route-stacks.ts';
// iam:begin
import { keyScopeOf, ROUTE_PERMISSIONS } from '../../infra/lib/route-permissions.ts';
// iam:end

/** CloudFormation refuses a stack of more than 500 resources; every stack here keeps a wide margin under it. */
const MAX_RESOURCES_PER_STACK = 350;
/** Resources a route costs: function, role, policy, log group, integration, invoke permission, route (+ its tenant-access role). */
const RESOURCES_PER_ROUTE = 7;

type Resource = { Type: string; Properties: Record<string, unknown> };
// scopes:begin
type Statement = { Effect: string; Action: string | string[] };
/** Actions that read (IAM's Read and List levels): anything else in a read route's policy is a write. */
const READ_ACTION = /^(Get|BatchGet|Query|Scan|Describe|List|Head)[A-Za-z]*$|^AdminGetUser$|^AdminListGroupsForUser$/;
// scopes:end

let stack: MedicalCyberStack;
let template: Template;
let routeStacks: RouteStack[];
const nestedTemplates = new Map<string, Template>();

beforeAll(() => {
  const app = new App({ context: { stage: 'test', 'aws:cdk:bundling-stacks': [] } });
  stack = new MedicalCyberStack(app, 'Test', { env: { region: 'ap-northeast-1' }, stage: 'test' });
  template = Template.fromStack(stack);
  routeStacks = stack.node.children.filter((c): c is RouteStack => c instanceof RouteStack);
  for (const nested of routeStacks) nestedTemplates.set(nested.node.id, Template.fromStack(nested));
});

function resourcesOf(t: Template, type?: string): Record<string, Resource> {
  const all = t.toJSON().Resources as Record<string, Resource>;
  return type ? Object.fromEntries(Object.entries(all).filter(([, r]) => r.Type === type)) : all;
}

/** A route's function, its policy and the template of the nested stack that holds them, found by construct, not by name. */
function own(routeId: RouteId) {
  const nested = routeStacks.find((s) => s.node.id === routeStackIdOf(routeGroupOf(routeId)));
  const fn = nested?.functions.get(routeId);
  if (!nested || !fn) throw new Error(`no function for ${routeId}`);
  const t = nestedTemplates.get(nested.node.id) as Template;
  const fnId = nested.getLogicalId(fn.node.defaultChild as CfnElement);
  const policy = fn.role?.node.tryFindChild('DefaultPolicy')?.node.defaultChild as CfnElement | undefined;
  const resources = resourcesOf(t);
  // iam:begin — and the tenant-access role the function assumes for its tenant's items (decision 0022)
  const tenantRole = nested.node.tryFindChild(`${fn.node.id}TenantAccess`)?.node.defaultChild as CfnElement | undefined;
  // iam:end
  return {
    template: t,
    fnId,
    fn: resources[fnId] as Resource,
    policy: JSON.stringify([
      policy ? resources[nested.getLogicalId(policy)] : {},
      tenantRole ? resources[nested.getLogicalId(tenantRole)]?.Properties.Policies : [],
    ]),
  };
}

describe('CDK stack generated from the route table', () => {
  it('has one HTTP API route per route in the table, with the same method and path, all in the nested route stacks', () => {
    expect(Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Route'))).toEqual([]);
    const keys = [...nestedTemplates.values()]
      .flatMap((t) => Object.values(resourcesOf(t, 'AWS::ApiGatewayV2::Route')))
      .map((r) => r.Properties.RouteKey as string)
      .sort();
    expect(keys).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(routeList.map((r) => [r.id, r] as const))("%s has its own function in its area's stack, wired to its route", (id, r) => {
    const { template: t, fnId, fn } = own(id);
    expect(fn.Type).toBe('AWS::Lambda::Function');
    const ref = JSON.stringify({ 'Fn::GetAtt': [fnId, 'Arn'] });
    const integrations = Object.entries(resourcesOf(t, 'AWS::ApiGatewayV2::Integration')).filter(
      ([, i]) => JSON.stringify(i.Properties.IntegrationUri) === ref,
    );
    expect(integrations).toHaveLength(1);
    const routes = Object.values(resourcesOf(t, 'AWS::ApiGatewayV2::Route')).filter((x) =>
      JSON.stringify(x.Properties.Target).includes(`"${integrations[0]?.[0]}"`),
    );
    expect(routes.map((x) => x.Properties.RouteKey)).toEqual([`${r.method} ${r.path}`]);
    // The API may invoke the function for this route's path only.
    const permissions = Object.values(resourcesOf(t, 'AWS::Lambda::Permission')).filter((p) => JSON.stringify(p.Properties.FunctionName) === ref);
    expect(permissions).toHaveLength(1);
    expect(JSON.stringify(permissions[0]?.Properties.SourceArn)).toContain(`/*/*${r.path}"`);
  });

  // iam:begin — the exact calls are checked against the recorded SDK calls in test/iam/policies.test.ts (decision 0022)
  it("grants read routes no write access to the table, and every authenticated route its caller's membership read", () => {
    for (const r of routeList.filter((x) => x.access === 'read')) {
      const { policy } = own(r.id);
      // The operator's routes read no membership (the operator has none).
      if (r.auth === 'user' && !r.roles.every((role) => role === 'operator')) expect(policy, r.id).toContain('dynamodb:GetItem');
      for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'ConditionCheckItem'])
        expect(policy, r.id).not.toContain(`dynamodb:${write}`);
    }
  });

  // scopes:begin — the same promise, parsed: a read route's synthesized policy exists and allows no write action
  it.each(routeList.filter((r) => r.access === 'read').map((r) => [r.id] as const))(
    '%s (a read route) may take no write action, in a policy that exists',
    (id) => {
      const [policy, tenantPolicies] = JSON.parse(own(id).policy) as [
        { Properties?: { PolicyDocument?: { Statement: Statement[] } } },
        { PolicyDocument: { Statement: Statement[] } }[] | undefined,
      ];
      const statements = [...(policy.Properties?.PolicyDocument?.Statement ?? []), ...(tenantPolicies ?? []).flatMap((p) => p.PolicyDocument.Statement)];
      const allowed = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat());
      const p = ROUTE_PERMISSIONS[id];
      // A route that declares table access must have it in a policy found here: no policy would pass vacuously.
      if (p.items?.length || p.indexes?.length)
        expect(allowed.filter((a) => a.startsWith('dynamodb:')).length, `${id}: no table grant found`).toBeGreaterThan(0);
      // The platform's tracing (xray) and assuming the tenant-access role (sts) are not writes of data.
      const writes = allowed.filter((a) => !/^(xray|sts):/.test(a) && (a.includes('*') || !READ_ACTION.test(a.split(':')[1] ?? '')));
      expect(writes, id).toEqual([]);
    },
  );
  // scopes:end

  it.each(routeList.map((r) => [r.id, r] as const))('%s reaches exactly the services its route declares', (id, r) => {
    const { policy } = own(id);
    // X-Ray is the platform's (active tracing), not the handler's.
    const services = [...new Set([...policy.matchAll(/"([a-z0-9-]+):[A-Za-z*]+"/g)].map((m) => m[1]))].filter((s) => s !== 'xray').sort();
    const p = ROUTE_PERMISSIONS[id];
    const expected: string[] = [];
    if (p.items?.length || p.indexes?.length) expected.push('dynamodb');
    // A tenant route assumes its tenant-access role (sts:AssumeRole, sts:TagSession) for its items.
    if ((p.items?.length || p.indexes?.length) && keyScopeOf(id) === 'tenant') expected.push('sts');
    if (r.uses?.includes('jobs')) expected.push('lambda');
    if (r.uses?.includes('exportFiles') || r.uses?.includes('files')) expected.push('s3');
    if (r.uses?.includes('userPoolAdmin')) expected.push('cognito-idp');
    if (r.uses?.includes('mail')) expected.push('ses');
    expect(services).toEqual(expected.sort());
  });
  // iam:end

  it('keeps every stack far below the CloudFormation limit of 500 resources, with room for at least 150 routes', () => {
    const counts = Object.fromEntries(
      [stack, ...routeStacks].map((s) => [s.node.id, Object.keys(resourcesOf(s === stack ? template : (nestedTemplates.get(s.node.id) as Template))).length]),
    );
    for (const [id, count] of Object.entries(counts)) expect(count, id).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
    // One nested stack per area; the parent grows by one resource per area, not per route.
    expect(routeStacks.map((s) => s.node.id).sort()).toEqual([...new Set(routeList.map((r) => routeStackIdOf(routeGroupOf(r.id))))].sort());
    expect(Object.keys(resourcesOf(template, 'AWS::CloudFormation::Stack'))).toHaveLength(routeStacks.length);
    // The parent's own functions: the job worker, the stream consumer and the daily reminders.
    // edge: plus CDK's providers of the SPA upload (BucketDeployment) and of the cross-region WAF reference.
    const cdkProviders = /^(CustomCDKBucketDeployment|CustomCrossRegionExportReader)/;
    const parentFunctions = Object.keys(resourcesOf(template, 'AWS::Lambda::Function'));
    expect(parentFunctions.filter((id) => !cdkProviders.test(id))).toHaveLength(3);
    expect(parentFunctions.filter((id) => cdkProviders.test(id))).toHaveLength(2);
    for (const nested of routeStacks) {
      expect(nested.functions.size, nested.node.id).toBeLessThanOrEqual(MAX_ROUTES_PER_STACK);
      // ops: plus the area's alarms, two per ten routes (infra/lib/operations.ts addRouteAlarms)
      // iam: plus a tenant-access role for each route that reads tenant data (decision 0022)
      const tenantRoles = [...nested.functions.keys()].filter((id) => nested.node.tryFindChild(`${nested.functions.get(id)?.node.id}TenantAccess`)).length;
      // ops: minus the policy of a route that calls no AWS service (openapi.get): X-Ray comes from a managed policy
      const withoutPolicy = [...nested.functions.values()].filter((fn) => !fn.role?.node.tryFindChild('DefaultPolicy')).length;
      expect(counts[nested.node.id], nested.node.id).toBe(
        RESOURCES_PER_ROUTE * nested.functions.size - withoutPolicy + tenantRoles + routeAlarmCount(nested.functions.size),
      );
    }
    expect((RESOURCES_PER_ROUTE + 1) * MAX_ROUTES_PER_STACK + routeAlarmCount(MAX_ROUTES_PER_STACK)).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
    // Room left: the existing areas up to their cap, plus new areas while the parent stays under its cap.
    const room =
      routeStacks.reduce((n, s) => n + MAX_ROUTES_PER_STACK - s.functions.size, 0) +
      (MAX_RESOURCES_PER_STACK - (counts[stack.node.id] as number)) * MAX_ROUTES_PER_STACK;
    expect(routeList.length + room).toBeGreaterThanOrEqual(150);
  });

  it('passes the nested stacks what they need and takes nothing back (no outputs of nested stacks in the parent)', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/Outputs\./);
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
    // notifications:begin
    // The outbox (decision 0015) mails on training registrations; the consumer may send mail from the one identity.
    expect(JSON.stringify(own[0]?.Properties.FilterCriteria)).toContain('TrainingRegistration');
    const consumerPolicies = JSON.stringify(Object.entries(template.findResources('AWS::IAM::Policy')).filter(([k]) => k.startsWith('FnReadModels')));
    expect(consumerPolicies).toContain('ses:SendEmail');
    // notifications:end
  });

  // scheduler:begin
  it('runs the daily reminders at 09:00 Japan time through EventBridge Scheduler, with a role that may invoke only that function', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Tokyo',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnReminders'), 'Arn'] }, RoleArn: Match.anyValue() }),
    });
    const role = Object.entries(template.findResources('AWS::IAM::Role')).find(([k]) => k.startsWith('RemindersSchedulerRole'));
    expect(JSON.stringify(role?.[1])).toContain('scheduler.amazonaws.com');
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'));
    const invoke = JSON.stringify(policies.filter(([k]) => k.startsWith('RemindersSchedulerRole')));
    expect(invoke).toContain('lambda:InvokeFunction');
    expect(invoke).toContain('FnReminders');
    expect(JSON.stringify(policies.filter(([k]) => k.startsWith('FnReminders')))).toContain('ses:SendEmail');
  });
  // scheduler:end

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
    // No route function may write anywhere in the exports bucket.
    for (const t of nestedTemplates.values()) {
      for (const p of Object.values(resourcesOf(t, 'AWS::IAM::Policy'))) {
        const statements = (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement;
        const writes = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:Put')));
        expect(JSON.stringify(writes)).not.toContain('Exports');
      }
    }
  });

  it.each(routeList.filter((r) => r.uses?.includes('jobs')).map((r) => [r.id, r] as const))(
    '%s may start the job worker asynchronously, and names it',
    (id) => {
      const { policy, fn } = own(id);
      expect(policy).toContain('lambda:InvokeFunction');
      expect(policy).toContain('referencetoTestFnJobWorker');
      expect(JSON.stringify(fn)).toContain('JOB_WORKER_FUNCTION');
    },
  );

  it.each(routeList.filter((r) => r.uses?.includes('exportFiles')).map((r) => [r.id, r] as const))(
    '%s may read exports (to presign download links) but not write them',
    (id) => {
      const { policy } = own(id);
      expect(policy).toContain('s3:GetObject');
      expect(policy).toContain('/exports/*');
      expect(policy).not.toContain('s3:PutObject');
    },
  );

  it.each(routeList.filter((r) => r.uses?.includes('files')).map((r) => [r.id, r] as const))(
    '%s reaches the files bucket: read routes only checked files, the others quarantine and files',
    (id, r) => {
      const { policy, fn } = own(id);
      // iam:begin — exactly what each route does (test/iam/policies.test.ts): a link reads files/, an upload writes
      // quarantine/, a check reads quarantine/ and copies to files/.
      if (r.access === 'read') {
        expect(policy).toContain('s3:GetObject');
        expect(policy).toContain('/files/*');
        expect(policy).not.toContain('s3:PutObject');
        expect(policy).not.toContain('/quarantine/*');
      } else {
        expect(policy).toMatch(/s3:(Get|Put)Object/);
        expect(policy).toMatch(/\/(files|quarantine)\/\*/);
      }
      // iam:end
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
