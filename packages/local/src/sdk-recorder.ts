import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AccessScope, dynamoRequestsOf, type SdkCall, setSdkObserver } from '@mcr/data';

/**
 * The SDK-call recording of decision 0022. While the local stack runs with `MCR_SDK_RECORD=<file>` (the test stacks
 * do), every AWS SDK command a route handler, the job worker, the stream consumer or the reminders send is written to
 * that file as the IAM request it makes in AWS: the function, the action, the resource (symbolic: `table`,
 * `table/index/GSI1`, `documents/files/*`, `userpool`, `ses-identity`, `job-worker`), the credential scope and the
 * partition keys (shortened to their first three parts). test/iam/policies.test.ts then checks each function's
 * synthesized policy against it. Nothing here runs in AWS.
 */
export interface RecordedCall {
  /** Route id, or `jobWorker`, `readModels`, `reminders`. */
  fn: string;
  /** IAM action, or `invoke` for the invocation itself (so that a route called without any SDK call is known). */
  action: string;
  resource?: string;
  scope?: AccessScope['kind'];
  /** The tenant of a tenant scope (the session tag it would be assumed with). */
  tenant?: string;
  leadingKeys?: string[];
}

/** Which function the current call runs for: the front door and the local stack set it around each invocation. */
export const invocation = new AsyncLocalStorage<{ fn: string }>();

/** Runs `work` as function `fn` (its SDK calls are recorded as that function's). */
export function asFunction<T>(fn: string, work: () => T): T {
  if (!recording) return work();
  note({ fn, action: 'invoke' });
  return invocation.run({ fn }, work);
}

/** A call without an SDK command in the local stack (the job worker's asynchronous invoke). */
export function noteCall(action: string, resource: string): void {
  const fn = invocation.getStore()?.fn;
  if (recording && fn) note({ fn, action, resource, scope: 'service' });
}

let recording: { file: string; tableName: string; seen: Set<string> } | undefined;

/** Starts recording into `file` (truncated first) if it is given. */
export function startSdkRecording(file: string | undefined, tableName: string): void {
  if (!file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  recording = { file, tableName, seen: new Set() };
  setSdkObserver((call) => {
    const fn = invocation.getStore()?.fn;
    if (fn) for (const c of requestsOf(call)) note({ fn, ...c });
  });
}

function note(call: RecordedCall): void {
  if (!recording) return;
  const line = JSON.stringify(call);
  if (recording.seen.has(line)) return;
  recording.seen.add(line);
  appendFileSync(recording.file, `${line}\n`);
}

/** `T#36#FAC#0a1b…` → `T#36#FAC#…`: the structure a policy's key patterns see, without the ids. */
export function shortKey(key: string): string {
  const parts = key.split('#');
  return parts.length > 3 ? `${parts.slice(0, 3).join('#')}#…` : key;
}

/** The local stack keeps documents and exports in one bucket, under prefixes; in AWS they are two buckets. */
function s3Resource(bucketKey: string): string {
  const [prefix = ''] = bucketKey.split('/');
  return `${prefix === 'exports' ? 'exports' : 'documents'}/${prefix}/*`;
}

const S3_ACTIONS: Record<string, string> = {
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
};

function requestsOf(call: SdkCall): Omit<RecordedCall, 'fn'>[] {
  const op = call.commandName.replace(/Command$/, '');
  const scope = call.scope.kind;
  const tenant = call.scope.kind === 'tenant' ? { tenant: call.scope.tenantId } : {};
  switch (call.clientName) {
    case 'DynamoDBClient':
      return dynamoRequestsOf(call.commandName, call.input).map((r) => ({
        action: r.action,
        resource: `${r.tableName === recording?.tableName ? 'table' : `table:${r.tableName}`}${r.index ? `/index/${r.index}` : ''}`,
        scope,
        ...tenant,
        leadingKeys: [...new Set(r.leadingKeys.map(shortKey))].sort(),
      }));
    case 'S3Client': {
      const key = String(call.input.Key ?? '');
      // Setting an object's Object Lock retention on write needs s3:PutObjectRetention too.
      const retention =
        call.input.ObjectLockMode || call.input.ObjectLockRetainUntilDate ? [{ action: 's3:PutObjectRetention', resource: s3Resource(key), scope }] : [];
      if (op === 'CopyObject') {
        const source = decodeURIComponent(String(call.input.CopySource ?? '')).replace(/^[^/]*\//, '');
        return [{ action: 's3:GetObject', resource: s3Resource(source), scope }, { action: 's3:PutObject', resource: s3Resource(key), scope }, ...retention];
      }
      return [{ action: S3_ACTIONS[op] ?? `s3:${op}`, resource: s3Resource(key), scope }, ...retention];
    }
    case 'CognitoIdentityProviderClient':
      return [{ action: `cognito-idp:${op}`, resource: 'userpool', scope }];
    case 'SESv2Client':
      return [
        { action: `ses:${op}`, resource: 'ses-identity', scope },
        ...(call.input.ConfigurationSetName ? [{ action: `ses:${op}`, resource: 'ses-configset', scope }] : []),
      ];
    case 'LambdaClient':
      return [{ action: `lambda:${op === 'Invoke' ? 'InvokeFunction' : op}`, resource: 'job-worker', scope }];
    default:
      return [{ action: `${call.clientName}:${op}`, resource: 'unknown', scope }];
  }
}
