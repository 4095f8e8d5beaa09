import { AUDIT_LEADING_KEY_PATTERN, type IndexName, LEADING_KEY_PATTERNS } from '@mcr/data';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts'; // nag

/**
 * What one function may do in AWS, action by action (docs/decisions/0022-tenant-isolation-in-iam.md). Each route's
 * entry in route-permissions.ts lists exactly the calls its handler makes; test/iam/policies.test.ts checks the
 * synthesized policies against the SDK calls recorded while the integration suite runs.
 */
export type ItemAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'BatchWriteItem';
export type CognitoAction =
  | 'AdminCreateUser'
  | 'AdminAddUserToGroup'
  | 'AdminDeleteUser'
  | 'AdminDisableUser'
  | 'AdminEnableUser'
  | 'AdminGetUser'
  | 'AdminSetUserPassword'
  | 'CreateGroup';
export type ObjectAction = 'GetObject' | 'PutObject' | 'PutObjectRetention' | 'AbortMultipartUpload';

export interface FunctionPermissions {
  /**
   * DynamoDB actions on the table's items (`Query`: on the table itself). A tenant route acts with its tenant-access
   * role, limited to the caller's tenant's partition keys; the operator's routes with the registry's keys; the
   * background functions across tenants.
   */
  items?: readonly ItemAction[];
  /** Indexes the function queries (same key limits as `items`). */
  indexes?: readonly IndexName[];
  cognito?: readonly CognitoAction[];
  /**
   * Cognito actions on a path the suites cannot take without a mock (an undo after a failed write), each with why.
   * Granted like \`cognito\`; the IAM check accepts them unrecorded and lists them. Keep this short.
   */
  untestedCognito?: Partial<Record<CognitoAction, string>>;
  /** SES SendEmail from the one identity, with the configuration set. */
  mail?: true;
  /** Starts the job worker (asynchronous invoke). */
  jobs?: true;
  /** Object actions in the documents bucket, by prefix (`quarantine/`, `files/`). */
  documents?: Partial<Record<'quarantine' | 'files', readonly ObjectAction[]>>;
  /** Object actions under `exports/` in the exports bucket. */
  exports?: readonly ObjectAction[];
}

/** Whose keys a function's DynamoDB access is limited to. */
export type KeyScope = 'tenant' | 'registry' | 'service';

export interface AccessResources {
  table: dynamodb.ITableV2;
  userPool: cognito.IUserPool;
  files: s3.IBucket;
  exportFiles: s3.IBucket;
  jobWorker?: IFunction;
  mailIdentityArn: string;
  mailConfigurationSetArn?: string;
}

// nag:begin
/** Why the object-key wildcards of the bucket grants are acknowledged (AwsSolutions-IAM5; decision 0026). */
const OBJECT_KEYS_REASON =
  'Object keys are `<prefix>/<tenant>/<id>`, made by the server from the verified tenant and a random id, so the grant names the prefix; narrowing S3 to the tenant session tag is the follow-up named in decision 0026.';
// nag:end

/** The principal tag the pipeline sets when it assumes a tenant-access role (functions/src/pipeline/scoped-db.ts). */
export const TENANT_TAG = 'tenant';
const TAGGED_TENANT = `\${aws:PrincipalTag/${TENANT_TAG}}`;

const WRITES: readonly ItemAction[] = ['UpdateItem', 'DeleteItem', 'BatchWriteItem'];

/** The DynamoDB statements of a function: its actions on the table and indexes, under its key scope; no Scan ever. */
export function itemStatements(p: FunctionPermissions, scope: KeyScope, table: dynamodb.ITableV2): iam.PolicyStatement[] {
  const onTable = (p.items ?? []).map((a) => `dynamodb:${a}`);
  const onIndexes = (p.indexes ?? []).map((i) => `${table.tableArn}/index/${i}`);
  if (onTable.length === 0 && onIndexes.length === 0) return [];
  const patterns = scope === 'tenant' ? LEADING_KEY_PATTERNS.tenant(TAGGED_TENANT) : scope === 'registry' ? [...LEADING_KEY_PATTERNS.registry] : undefined;
  const conditions = patterns ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } } : undefined;
  const out: iam.PolicyStatement[] = [];
  if (onTable.length) out.push(new iam.PolicyStatement({ actions: onTable, resources: [table.tableArn], ...(conditions ? { conditions } : {}) }));
  if (onIndexes.length) out.push(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: onIndexes, ...(conditions ? { conditions } : {}) }));
  // The audit log is append-only: whatever else a role may write, never an update or delete of an audit entry.
  const writes = WRITES.filter((a) => p.items?.includes(a)).map((a) => `dynamodb:${a}`);
  if (writes.length) {
    out.push(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: writes,
        resources: [table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_LEADING_KEY_PATTERN] } },
      }),
    );
  }
  return out;
}

/** Everything but DynamoDB, on the function's own role; environment variables naming what it reaches. */
function grantServices(fn: LambdaFunction, p: FunctionPermissions, r: AccessResources): void {
  const cognitoActions = [...new Set([...(p.cognito ?? []), ...(Object.keys(p.untestedCognito ?? {}) as CognitoAction[])])];
  if (cognitoActions.length) r.userPool.grant(fn, ...cognitoActions.map((a) => `cognito-idp:${a}`));
  if (p.mail) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [r.mailIdentityArn, ...(r.mailConfigurationSetArn ? [r.mailConfigurationSetArn] : [])],
      }),
    );
  }
  if (p.jobs) {
    if (!r.jobWorker) throw new Error(`${fn.node.path}: jobs without a job worker`);
    fn.addEnvironment('JOB_WORKER_FUNCTION', r.jobWorker.functionName);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [r.jobWorker.functionArn] }));
  }
  if (p.documents) {
    fn.addEnvironment('FILES_BUCKET', r.files.bucketName);
    for (const [prefix, actions] of Object.entries(p.documents)) {
      if (actions?.length)
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: actions.map((a) => `s3:${a}`), resources: [r.files.arnForObjects(`${prefix}/*`)] }));
      // nag:begin
      if (actions?.length) acknowledge(fn, [{ id: `AwsSolutions-IAM5[Resource::<*>/${prefix}/*]`, reason: OBJECT_KEYS_REASON }]);
      // nag:end
    }
    // S3 answers a missing key with 404 only to a caller that may list the bucket (else 403): the upload checks
    // tell "not uploaded yet" from a failure by it.
    if (Object.values(p.documents).some((actions) => actions?.includes('GetObject'))) {
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [r.files.bucketArn] }));
    }
  }
  if (p.exports?.length) {
    fn.addEnvironment('EXPORTS_BUCKET', r.exportFiles.bucketName);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: p.exports.map((a) => `s3:${a}`), resources: [r.exportFiles.arnForObjects('exports/*')] }));
    acknowledge(fn, [{ id: 'AwsSolutions-IAM5[Resource::<*>/exports/*]', reason: OBJECT_KEYS_REASON }]); // nag
  }
}

/**
 * Grants a route function exactly its permissions. A tenant route's DynamoDB access lives on a role of its own (the
 * tenant-access role), which only this function may assume, only with the session tag `tenant`; the function's
 * role itself reaches no table. Returns that role (undefined when the route touches no tenant data).
 */
export function grantRouteAccess(
  scope: Construct,
  fnId: string,
  fn: LambdaFunction,
  p: FunctionPermissions,
  keyScope: KeyScope,
  r: AccessResources,
): iam.Role | undefined {
  grantServices(fn, p, r);
  const statements = itemStatements(p, keyScope, r.table);
  if (statements.length === 0) return undefined;
  if (keyScope !== 'tenant') {
    for (const s of statements) fn.addToRolePolicy(s);
    return undefined;
  }
  const execution = fn.role as iam.IRole;
  const role = new iam.Role(scope, `${fnId}TenantAccess`, {
    description: `Tenant-scoped DynamoDB access of one route (${fnId}); assumed per tenant with the session tag "${TENANT_TAG}"`,
    assumedBy: new iam.PrincipalWithConditions(new iam.ArnPrincipal(execution.roleArn).withSessionTags(), {
      // JIS prefecture codes are two characters; the tag is the only one the session may carry.
      StringLike: { [`aws:RequestTag/${TENANT_TAG}`]: '??' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': [TENANT_TAG] },
    }),
    // One resource per route (an inline policy), not two: the nested stacks' resource budget (decision 0013).
    inlinePolicies: { TenantItems: new iam.PolicyDocument({ statements }) },
  });
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [role.roleArn] }));
  // nag:begin
  acknowledge(role, [
    {
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "The tenant-access role's one policy belongs to this role only (one route, tenant-scoped keys); inline keeps it unattachable elsewhere and costs one resource, not two (decision 0013).",
    },
  ]);
  // nag:end
  fn.addEnvironment('TENANT_ROLE_ARN', role.roleArn);
  return role;
}

/** The background functions (stream consumer, job worker, reminders): their exact actions, across tenants. */
export function grantBackgroundAccess(fn: LambdaFunction, p: FunctionPermissions, r: AccessResources): void {
  grantServices(fn, p, r);
  for (const s of itemStatements(p, 'service', r.table)) fn.addToRolePolicy(s);
}
