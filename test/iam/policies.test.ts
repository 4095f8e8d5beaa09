import path from 'node:path';
import { routeList } from '@mcr/contract';
import { stringLike } from '@mcr/data';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { MedicalCyberStack } from '../../infra/lib/medical-cyber-stack.ts';
import type { FunctionPermissions } from '../../infra/lib/route-access.ts';
import { BACKGROUND_FUNCTIONS, BACKGROUND_PERMISSIONS, keyScopeOf, ROUTE_PERMISSIONS } from '../../infra/lib/route-permissions.ts';
import { RouteStack } from '../../infra/lib/route-stacks.ts';
import { allows, list, type RecordedCall, readRecordings, resourcesOf, type Statement, TENANT_TAG_VARIABLE } from './policy-model.ts';

/**
 * Each function's synthesized policy allows every AWS call its code made while the integration (and browser) suites
 * ran against the local stack, and nothing it never made (docs/decisions/0022-tenant-isolation-in-iam.md). The calls
 * are recorded by the test stacks (packages/local/src/sdk-recorder.ts) into MCR_SDK_RECORD_DIR (default
 * test-results/sdk-calls); `npm test` runs this file after the suites, with a recording it requires. Run alone
 * (`npm run test:iam`) it checks the last recording, and skips only when there is none.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const dir = path.resolve(REPO, process.env.MCR_SDK_RECORD_DIR ?? 'test-results/sdk-calls');
const { calls, files } = readRecordings(dir);
const required = process.env.MCR_IAM_REQUIRE_RECORDING === '1';
const routeIds = new Set<string>(routeList.map((r) => r.id));
const permissionsOf = (name: string): FunctionPermissions | undefined =>
  (ROUTE_PERMISSIONS as Record<string, FunctionPermissions>)[name] ?? (BACKGROUND_PERMISSIONS as Record<string, FunctionPermissions>)[name];

type Resource = { Type: string; Properties: Record<string, unknown> };

/** What one function may do: the statements of its own role, and those of the tenant-access role it may assume. */
interface Effective {
  name: string;
  direct: Statement[];
  tenant: Statement[];
  tenantRoleId?: string;
  managed: string[];
  env: Record<string, unknown>;
}

const functions = new Map<string, Effective>();
let policyStatements: { where: string; statement: Statement }[] = [];

function effectiveOf(stack: Stack, fn: LambdaFunction, name: string): Effective {
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  const fnId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
  const roleId = (resources[fnId]?.Properties.Role as { 'Fn::GetAtt': string[] } | undefined)?.['Fn::GetAtt']?.[0] as string;
  const role = resources[roleId] as Resource;
  const direct: Statement[] = [
    ...list(role.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement),
    ...Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(`"Ref":"${roleId}"`))
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement),
  ];
  // The tenant-access role: the one role whose trust policy names this function's role.
  const trusting = Object.entries(resources).filter(
    ([, r]) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes(`{"Fn::GetAtt":["${roleId}","Arn"]}`),
  );
  expect(trusting.length, `${name}: roles this function may assume`).toBeLessThanOrEqual(1);
  const [tenantRoleId, tenantRole] = trusting[0] ?? [];
  return {
    name,
    direct,
    tenant: list(tenantRole?.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((p) => p.PolicyDocument.Statement),
    ...(tenantRoleId ? { tenantRoleId } : {}),
    managed: list(role.Properties.ManagedPolicyArns as unknown[]).map((m) => JSON.stringify(m)),
    env: (resources[fnId]?.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {},
  };
}

beforeAll(() => {
  const app = new App({ context: { stage: 'test', 'aws:cdk:bundling-stacks': [] } });
  const stack = new MedicalCyberStack(app, 'Test', { env: { region: 'ap-northeast-1' }, stage: 'test' });
  for (const nested of stack.node.children.filter((c): c is RouteStack => c instanceof RouteStack)) {
    for (const [routeId, fn] of nested.functions) functions.set(routeId, effectiveOf(nested, fn, routeId));
  }
  for (const [name, id] of Object.entries(BACKGROUND_FUNCTIONS)) {
    functions.set(name, effectiveOf(stack, stack.node.findChild(id) as LambdaFunction, name));
  }
  policyStatements = [stack, ...stack.node.children.filter((c): c is RouteStack => c instanceof RouteStack)].flatMap((s) =>
    Object.entries(Template.fromStack(s).toJSON().Resources as Record<string, Resource>).flatMap(([id, r]) => {
      const docs =
        r.Type === 'AWS::IAM::Policy'
          ? [r.Properties.PolicyDocument]
          : r.Type === 'AWS::IAM::Role'
            ? list(r.Properties.Policies as { PolicyDocument: unknown }[]).map((p) => p.PolicyDocument)
            : [];
      return docs.flatMap((d) => (d as { Statement: Statement[] }).Statement.map((statement) => ({ where: `${s.node.id}/${id}`, statement })));
    }),
  );
});

/** Actions a function's role holds for the platform, not for its code: nothing in the recording can show them. */
function platformAllowance(e: Effective, action: string, resource: string, recorded: RecordedCall[]): boolean {
  if (action === 'xray:PutTraceSegments' || action === 'xray:PutTelemetryRecords') return true; // active tracing
  // A background function's dead-letter queue (Lambda sends a failed asynchronous event there).
  if (!routeIds.has(e.name) && /^sqs:(SendMessage|GetQueueAttributes|GetQueueUrl)$/.test(action) && /DeadLetters/.test(resource)) return true;
  // The stream consumer's event source mapping reads the table's stream.
  if (e.name === 'readModels' && /^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/.test(action)) return true;
  // Assuming its own tenant-access role, with the tenant tag, when it made tenant-scoped calls.
  if ((action === 'sts:AssumeRole' || action === 'sts:TagSession') && e.tenantRoleId && resource === `<${e.tenantRoleId}.Arn>`) {
    return recorded.some((c) => c.scope === 'tenant');
  }
  // A missing key is a 404 (not a 403) only to a caller that may list the bucket; it goes with reading objects.
  if (action === 's3:ListBucket' && resource === 'documents') return recorded.some((c) => c.action === 's3:GetObject' && c.resource?.startsWith('documents/'));
  return false;
}

const skip = calls.length === 0 && !required;
if (skip) {
  console.warn(`test/iam/policies.test.ts: no SDK-call recording in ${dir}: run the integration suite first (npm test does it in order).`);
}

describe.skipIf(skip)('IAM: every function is allowed exactly the AWS calls its code makes (recorded during the suites)', () => {
  it('has a recording of every route and background function', () => {
    expect(files.length, `recordings in ${dir}`).toBeGreaterThan(0);
    const invoked = new Set(calls.filter((c) => c.action === 'invoke').map((c) => c.fn));
    const missing = [...routeList.map((r) => r.id), ...Object.keys(BACKGROUND_FUNCTIONS)].filter((id) => !invoked.has(id));
    expect(missing, 'functions never invoked during the recorded suites').toEqual([]);
  });

  it('allows every recorded call, with the credentials the call was made with', () => {
    const problems: string[] = [];
    for (const c of calls) {
      if (c.action === 'invoke') continue;
      const e = functions.get(c.fn);
      if (!e) {
        problems.push(`${c.fn}: recorded, but no such function in the stack`);
        continue;
      }
      const req = { action: c.action, resource: c.resource ?? '', ...(c.leadingKeys ? { leadingKeys: c.leadingKeys } : {}) };
      if (c.scope === 'tenant') {
        // In AWS: the function assumes its tenant-access role with the tenant's tag, then makes the call with it.
        const assume =
          e.tenantRoleId !== undefined &&
          ['sts:AssumeRole', 'sts:TagSession'].every((a) => allows(e.direct, { action: a, resource: `<${e.tenantRoleId}.Arn>` }));
        if (!assume) problems.push(`${c.fn}: may not assume a tenant-access role for ${c.action}`);
        else if (!allows(e.tenant, { ...req, tenant: c.tenant as string }))
          problems.push(`${c.fn}: ${c.action} on ${c.resource} ${JSON.stringify(c.leadingKeys ?? [])} as tenant ${c.tenant} is not allowed`);
      } else if (!allows(e.direct, req)) {
        problems.push(`${c.fn}: ${c.action} on ${c.resource}${c.leadingKeys ? ` ${JSON.stringify(c.leadingKeys)}` : ''} (${c.scope}) is not allowed`);
      }
    }
    expect([...new Set(problems)].sort()).toEqual([]);
  });

  it('allows nothing a function never did during the suites', () => {
    const problems: string[] = [];
    for (const e of functions.values()) {
      const recorded = calls.filter((c) => c.fn === e.name);
      const check = (statements: Statement[], tenantRole: boolean) => {
        for (const s of statements.filter((x) => x.Effect === 'Allow')) {
          for (const action of list(s.Action)) {
            for (const resource of resourcesOf(s)) {
              if (!tenantRole && platformAllowance(e, action, resource, recorded)) continue;
              // A declared undo path the suites cannot take (route-permissions.ts names why).
              const untested = (permissionsOf(e.name)?.untestedCognito ?? {}) as Record<string, string>;
              if (action.startsWith('cognito-idp:') && untested[action.slice('cognito-idp:'.length)]?.trim()) continue;
              // The action on that resource (table, index, bucket prefix, identity…), and for DynamoDB with those credentials.
              const used = recorded.some(
                (c) =>
                  c.action === action && stringLike(resource, c.resource ?? '') && (!action.startsWith('dynamodb:') || (c.scope === 'tenant') === tenantRole),
              );
              if (!used) problems.push(`${e.name}: ${action} on ${resource}${tenantRole ? ' (tenant role)' : ''} was never called`);
            }
          }
        }
      };
      check(e.direct, false);
      check(e.tenant, true);
      for (const [action, why] of Object.entries(permissionsOf(e.name)?.untestedCognito ?? {}))
        console.info(`${e.name}: cognito-idp:${action} allowed unrecorded: ${why}`);
      // Only the platform's managed policies: logs (basic execution role) and tracing (X-Ray daemon write access).
      for (const m of e.managed)
        if (!/service-role\/AWSLambdaBasicExecutionRole"|policy\/AWSXRayDaemonWriteAccess"/.test(m)) problems.push(`${e.name}: managed policy ${m}`);
    }
    expect(problems.sort()).toEqual([]);
  });

  it('gives tenant data to a route only through its tenant-access role, named in its environment', () => {
    const problems: string[] = [];
    for (const r of routeList) {
      const e = functions.get(r.id) as Effective;
      const direct = e.direct.filter((s) => list(s.Action).some((a) => a.startsWith('dynamodb:')));
      const tenantCalls = calls.some((c) => c.fn === r.id && c.scope === 'tenant');
      if (keyScopeOf(r.id) === 'registry') {
        // The operator's registry: the tenants' profiles (`T#??`), on its own role, no tenant role.
        if (e.tenantRoleId) problems.push(`${r.id}: the registry needs no tenant-access role`);
        for (const s of direct.filter((x) => x.Effect === 'Allow')) {
          if (!JSON.stringify(s.Condition ?? {}).includes('"T#??"')) problems.push(`${r.id}: registry access without the registry's key patterns`);
        }
      } else {
        if (direct.length) problems.push(`${r.id}: its own role reaches the table`);
        if (tenantCalls && !e.tenantRoleId) problems.push(`${r.id}: tenant calls without a tenant-access role`);
        if (e.tenantRoleId && !JSON.stringify(e.env.TENANT_ROLE_ARN ?? '').includes(e.tenantRoleId))
          problems.push(`${r.id}: TENANT_ROLE_ARN does not name its role`);
        for (const s of e.tenant.filter((x) => x.Effect === 'Allow')) {
          const keys = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
          if (JSON.stringify(keys) !== JSON.stringify([`T#${TENANT_TAG_VARIABLE}`, `T#${TENANT_TAG_VARIABLE}#*`]))
            problems.push(`${r.id}: tenant role statement without the tenant's leading keys`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets no role Scan, and no route update or delete an audit entry (or reach another tenant)', () => {
    for (const { where, statement } of policyStatements) {
      expect(
        list(statement.Action).filter((a) => /^dynamodb:(Scan|\*)$|^\*$/.test(a)),
        where,
      ).toEqual([]);
    }
    for (const e of functions.values()) {
      for (const action of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        const audit = { action, resource: 'table', leadingKeys: ['T#36#AUDIT#…'] };
        expect(allows(e.tenant, { ...audit, tenant: '36' }), `${e.name} ${action} audit (tenant role)`).toBe(false);
        expect(allows(e.direct, audit), `${e.name} ${action} audit`).toBe(false);
      }
      // A tenant role with the tag of tenant 36 reaches nothing of tenant 37, nor a key that merely starts alike.
      for (const key of ['T#37#FAC#…', 'T#3', 'T#361#FAC#…']) {
        expect(allows(e.tenant, { action: 'dynamodb:GetItem', resource: 'table', tenant: '36', leadingKeys: [key] }), `${e.name} ${key}`).toBe(false);
      }
    }
  });
});
