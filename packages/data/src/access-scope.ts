import { TABLE_DEFINITION } from './table.ts';

/**
 * Whose data a DynamoDB client may touch (docs/decisions/0022-tenant-isolation-in-iam.md).
 *
 * - `tenant`: the keys of one tenant, `T#<tenant>` and `T#<tenant>#…` (every route acting for a signed-in user, and
 *   the public calendar feed for the tenant its path names). In AWS the client signs with credentials of the route's
 *   tenant-access role, assumed with the session tag `tenant`, whose policy allows exactly these keys
 *   (`dynamodb:LeadingKeys`); in every environment the client also refuses any other key itself.
 * - `registry`: the operator's list of tenants: the tenant profiles (`T#<code>`) only. (Creating a tenant writes
 *   inside the new tenant's own partitions, with that tenant's scope.)
 * - `service`: the cross-tenant background functions (stream consumer, job worker, reminders): no key restriction.
 */
export type AccessScope = { kind: 'tenant'; tenantId: string } | { kind: 'registry' } | { kind: 'service' };

/**
 * The `dynamodb:LeadingKeys` patterns (IAM `StringLike`: `*` any run, `?` one character) of a scope. The CDK stack
 * writes the same patterns into the policies (with `${aws:PrincipalTag/tenant}` for the tenant), so the code guard
 * and IAM cannot disagree.
 */
export const LEADING_KEY_PATTERNS = {
  tenant: (tenant: string) => [`T#${tenant}`, `T#${tenant}#*`],
  // Tenant ids are two-digit JIS codes: `T#??` is a tenant's profile, never a key inside a tenant.
  registry: ['T#??'],
} as const;

/** Audit entries (`T#<tenant>#AUDIT#<yyyy-mm>`): no route's role may update or delete them (explicit Deny in IAM). */
export const AUDIT_LEADING_KEY_PATTERN = 'T#??#AUDIT#*';

/** IAM `StringLike` matching. */
export function stringLike(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

/** One authorisation request DynamoDB makes of IAM for a command: its action, the index if any, its leading keys. */
export interface DynamoRequest {
  /** IAM action, e.g. `dynamodb:PutItem` (a transaction is authorised item by item). */
  action: string;
  tableName: string;
  index?: string;
  /** Partition key values (of the index, for a query on an index). Empty for a Scan. */
  leadingKeys: string[];
}

type Attr = string | { S?: string } | undefined;
const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { S?: unknown }).S === 'string') return (v as { S: string }).S;
  return undefined;
};
const pkOf = (keyOrItem: Record<string, Attr> | undefined): string[] => {
  const v = str(keyOrItem?.[TABLE_DEFINITION.partitionKey]);
  return v === undefined ? [''] : [v];
};

/** The partition-key value a key condition fixes (`#pk = :pk AND …`), resolved through the attribute names/values. */
function queryLeadingKey(input: Record<string, unknown>, partitionKey: string): string {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  for (const clause of String(input.KeyConditionExpression ?? '').split(/\s+AND\s+/i)) {
    const m = /^\s*\(?\s*([#\w.]+)\s*=\s*(:\w+)\s*\)?\s*$/.exec(clause);
    if (!m) continue;
    const name = m[1]?.startsWith('#') ? names[m[1]] : m[1];
    if (name === partitionKey) return str(values[m[2] as string]) ?? '';
  }
  return '';
}

/** What IAM is asked for a DynamoDB command (client command names: `GetItemCommand`, `TransactWriteItemsCommand`…). */
export function dynamoRequestsOf(commandName: string, input: Record<string, unknown>): DynamoRequest[] {
  const op = commandName.replace(/Command$/, '');
  const table = String(input.TableName ?? '');
  switch (op) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return [{ action: `dynamodb:${op}`, tableName: table, leadingKeys: pkOf(input.Key as Record<string, Attr>) }];
    case 'PutItem':
      return [{ action: 'dynamodb:PutItem', tableName: table, leadingKeys: pkOf(input.Item as Record<string, Attr>) }];
    case 'Query': {
      const index = typeof input.IndexName === 'string' ? input.IndexName : undefined;
      const gsi = TABLE_DEFINITION.globalSecondaryIndexes.find((g) => g.indexName === index);
      return [
        {
          action: 'dynamodb:Query',
          tableName: table,
          ...(index ? { index } : {}),
          leadingKeys: [queryLeadingKey(input, gsi?.partitionKey ?? TABLE_DEFINITION.partitionKey)],
        },
      ];
    }
    case 'Scan':
      return [{ action: 'dynamodb:Scan', tableName: table, ...(typeof input.IndexName === 'string' ? { index: input.IndexName } : {}), leadingKeys: [] }];
    case 'BatchGetItem':
    case 'BatchWriteItem': {
      const out: DynamoRequest[] = [];
      for (const [tableName, req] of Object.entries((input.RequestItems ?? {}) as Record<string, unknown>)) {
        const leadingKeys =
          op === 'BatchGetItem'
            ? ((req as { Keys?: Record<string, Attr>[] }).Keys ?? []).flatMap(pkOf)
            : (req as { PutRequest?: { Item: Record<string, Attr> }; DeleteRequest?: { Key: Record<string, Attr> } }[]).flatMap((w) =>
                pkOf(w.PutRequest?.Item ?? w.DeleteRequest?.Key),
              );
        out.push({ action: `dynamodb:${op}`, tableName, leadingKeys: [...new Set(leadingKeys)] });
      }
      return out;
    }
    case 'TransactWriteItems':
      return ((input.TransactItems ?? []) as Record<string, { TableName: string; Key?: Record<string, Attr>; Item?: Record<string, Attr> }>[]).map((ti) => {
        const [kind, item] = Object.entries(ti)[0] as [string, { TableName: string; Key?: Record<string, Attr>; Item?: Record<string, Attr> }];
        const action = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' }[kind] ?? kind;
        return { action: `dynamodb:${action}`, tableName: item.TableName, leadingKeys: pkOf(item.Item ?? item.Key) };
      });
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as { Get: { TableName: string; Key: Record<string, Attr> } }[]).map((ti) => ({
        action: 'dynamodb:GetItem',
        tableName: ti.Get.TableName,
        leadingKeys: pkOf(ti.Get.Key),
      }));
    default:
      // Anything else (PartiQL, table management) is refused by the guard and by every policy.
      return [{ action: `dynamodb:${op}`, tableName: table, leadingKeys: [] }];
  }
}

/** The error a refused command throws: what IAM answers in AWS, raised by the client itself before sending. */
export class ScopeAccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(message: string) {
    super(message);
  }
}

const GUARDED = new Set([
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
]);

/** Why a command may not run in a scope (undefined: it may). The same rule as the IAM policies, checked in code. */
export function refusalOf(scope: AccessScope, requests: readonly DynamoRequest[]): string | undefined {
  if (scope.kind === 'service') return requests.some((r) => r.action === 'dynamodb:Scan') ? 'dynamodb:Scan is never allowed' : undefined;
  const patterns: readonly string[] = scope.kind === 'tenant' ? LEADING_KEY_PATTERNS.tenant(scope.tenantId) : LEADING_KEY_PATTERNS.registry;
  for (const r of requests) {
    if (!GUARDED.has(r.action)) return `${r.action} is not allowed in a ${scope.kind} scope`;
    if (r.leadingKeys.length === 0) return `${r.action} without a partition key is not allowed in a ${scope.kind} scope`;
    const outside = r.leadingKeys.find((k) => !patterns.some((p) => stringLike(p, k)));
    if (outside !== undefined)
      return `${r.action} on partition key ${JSON.stringify(outside)} is outside the ${scope.kind === 'tenant' ? `tenant ${scope.tenantId}` : 'registry'}`;
    if (
      (r.action === 'dynamodb:UpdateItem' || r.action === 'dynamodb:DeleteItem' || r.action === 'dynamodb:BatchWriteItem') &&
      r.leadingKeys.some((k) => stringLike(AUDIT_LEADING_KEY_PATTERN, k))
    ) {
      return `${r.action} on the audit log is never allowed`;
    }
  }
  return undefined;
}

/** A call a client is about to make, as the observer (the local stack's SDK-call recording) sees it. */
export interface SdkCall {
  clientName: string;
  commandName: string;
  input: Record<string, unknown>;
  scope: AccessScope;
}

let observer: ((call: SdkCall) => void) | undefined;

/** The local stack registers one (when recording is on); never set in AWS. */
export function setSdkObserver(fn: ((call: SdkCall) => void) | undefined): void {
  observer = fn;
}

/** Reports a call that signs without sending (a presigned POST), so that the recording sees it too. */
export function reportSdkCall(call: SdkCall): void {
  observer?.(call);
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      mw: (
        next: (args: { input: object }) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: { input: object }) => Promise<unknown>,
      options: { step: 'initialize'; name: string; override?: boolean },
    ): void;
  };
}

/**
 * Every SDK client of the functions goes through this: the observer (if any) sees each command with its input and
 * the client's scope, and a DynamoDB client of a `tenant` or `registry` scope refuses any command outside it.
 */
export function scopeClient<C>(client: C, scope: AccessScope = { kind: 'service' }): C {
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      const call = { clientName: context.clientName ?? '', commandName: context.commandName ?? '', input: args.input as Record<string, unknown>, scope };
      observer?.(call);
      if (call.clientName === 'DynamoDBClient') {
        const refusal = refusalOf(scope, dynamoRequestsOf(call.commandName, call.input));
        if (refusal) throw new ScopeAccessDenied(`Refused by the ${scope.kind} scope: ${refusal}`);
      }
      return next(args);
    },
    { step: 'initialize', name: 'mcrAccessScope', override: true },
  );
  return client;
}
