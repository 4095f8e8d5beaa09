import { createDb, type Db } from '@mcr/data';
import { env } from './env.ts';

/**
 * DynamoDB clients by access scope (docs/decisions/0022-tenant-isolation-in-iam.md), one per scope per container.
 *
 * A tenant's client refuses, before sending, any key outside `T#<tenant>` / `T#<tenant>#…`; in AWS it also signs with
 * credentials of the route's tenant-access role (`TENANT_ROLE_ARN`) assumed with the session tag `tenant=<tenant>`,
 * whose policy allows only those partition keys (`dynamodb:LeadingKeys`), so a key of another tenant is refused by
 * IAM even if the code's guard were wrong. The tenant always comes from the verified identity (or, for the public
 * calendar feed, from the path whose secret the handler proves); never from input the caller chose freely.
 */
const tenantDbs = new Map<string, Db>();
let registryDb: Db | undefined;

/** STS credentials for the tenant, assumed on first use and refreshed by the SDK before they expire. */
function tenantCredentials(roleArn: string, tenantId: string, region: string) {
  let provider: (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>) | undefined;
  return async () => {
    // Loaded on the first tenant request of a container only (never locally): the STS client is not in the bundle.
    provider ??= (await import('@aws-sdk/credential-providers')).fromTemporaryCredentials({
      params: { RoleArn: roleArn, RoleSessionName: `tenant-${tenantId}`, Tags: [{ Key: 'tenant', Value: tenantId }], DurationSeconds: 3600 },
      clientConfig: { region },
    });
    return provider();
  };
}

/** The caller's tenant's DynamoDB, cached per tenant for the life of the container. */
export function tenantDb(tenantId: string): Db {
  let db = tenantDbs.get(tenantId);
  if (!db) {
    const e = env();
    db = createDb({
      tableName: e.TABLE_NAME,
      region: e.AWS_REGION,
      endpoint: e.DYNAMODB_ENDPOINT,
      scope: { kind: 'tenant', tenantId },
      credentials: e.TENANT_ROLE_ARN ? tenantCredentials(e.TENANT_ROLE_ARN, tenantId, e.AWS_REGION) : undefined,
    });
    tenantDbs.set(tenantId, db);
  }
  return db;
}

/** The operator's registry: the tenants' profiles (`T#<code>`), nothing inside a tenant. */
export function registryDatabase(): Db {
  const e = env();
  registryDb ??= createDb({ tableName: e.TABLE_NAME, region: e.AWS_REGION, endpoint: e.DYNAMODB_ENDPOINT, scope: { kind: 'registry' } });
  return registryDb;
}
