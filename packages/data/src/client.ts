import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AccessScope, scopeClient } from './access-scope.ts';

export interface Db {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Whose keys this client may touch (docs/decisions/0022-tenant-isolation-in-iam.md); `service` when not given. */
  readonly scope: AccessScope;
}

/** One client per container (module scope in the handler), never one per request; one per tenant for tenant scopes. */
export function createDb(options: {
  tableName: string;
  region: string;
  endpoint?: string | undefined;
  scope?: AccessScope;
  /** In AWS, a tenant scope's credentials: the route's tenant-access role assumed with the tenant's session tag. */
  credentials?: DynamoDBClientConfig['credentials'];
}): Db {
  const scope = options.scope ?? { kind: 'service' };
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    ...(options.credentials && !options.endpoint ? { credentials: options.credentials } : {}),
  });
  // The scope's guard refuses keys outside it before anything is sent (the only guard locally, the first in AWS).
  scopeClient(client, scope);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: options.tableName, scope };
}
