import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createRepositories, keys, loadMembership } from '@mcr/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackInfo } from '../support/stack-info.ts';

/**
 * The DynamoDB client a route gets is scoped to its caller's tenant (docs/decisions/0022-tenant-isolation-in-iam.md):
 * a handler bug that builds a key of another tenant is refused before anything is sent. Locally this guard is the
 * only one (no STS, DynamoDB Local checks no IAM); in AWS the route's tenant-access role refuses the same keys again.
 * These run the pipeline's own clients (functions/src/pipeline/scoped-db.ts) against the test stack's DynamoDB.
 */
let scoped: typeof import('../../functions/src/pipeline/scoped-db.ts');
const info = () => stackInfo();

beforeAll(async () => {
  const s = info();
  // The pipeline reads its configuration from the environment, as in Lambda: point it at the test stack.
  Object.assign(process.env, {
    TABLE_NAME: s.tableName,
    AWS_REGION: 'ap-northeast-1',
    COGNITO_ISSUER: s.services.issuer,
    COGNITO_CLIENT_ID: s.services.userPoolClientId,
    COGNITO_USER_POOL_ID: s.services.userPoolId,
    DYNAMODB_ENDPOINT: s.services.dynamodbEndpoint,
    MAIL_FROM: 'no-reply@mcr.example.jp',
    APP_URL: s.url,
  });
  scoped = await import('../../functions/src/pipeline/scoped-db.ts');
});

// The demo logins name their tenant (徳島県 is 36, 香川県 37).
const tokushimaAdmin = () => info().logins.find((l) => l.tenant === '徳島県' && l.role === 'pref_admin');
const kagawaAdmin = () => info().logins.find((l) => l.tenant === '香川県' && l.role === 'pref_admin');

describe('tenant-scoped DynamoDB clients', () => {
  it("reads the caller's own tenant (positive control)", async () => {
    const own = tokushimaAdmin();
    expect(own).toBeDefined();
    const m = await loadMembership(scoped.tenantDb('36'), { tenantId: '36' }, own?.userId as string);
    expect(m?.role).toBe('pref_admin');
    expect(await createRepositories(scoped.tenantDb('36'), { tenantId: '36' }).tenant.get()).toMatchObject({ tenantId: '36' });
  });

  it("refuses a handler bug that binds repositories to another tenant: the key of tenant 37 never leaves tenant 36's client", async () => {
    const other = kagawaAdmin();
    // Exactly the bug: repositories built for tenant 37 on the client of a tenant-36 caller.
    const wrong = createRepositories(scoped.tenantDb('36'), { tenantId: '37' });
    await expect(wrong.tenant.get()).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('"T#37"') });
    await expect(loadMembership(scoped.tenantDb('36'), { tenantId: '37' }, other?.userId as string)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    // The same read with tenant 37's own client works: the item is there, only the scope refused it.
    expect(await loadMembership(scoped.tenantDb('37'), { tenantId: '37' }, other?.userId as string)).toMatchObject({ role: 'pref_admin' });
  });

  it('refuses other tenants in every kind of command: query on an index, transactions, prefix look-alikes, and any Scan', async () => {
    const db = scoped.tenantDb('36');
    const denied = { name: 'AccessDeniedException' };
    await expect(
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.facilitiesPartition({ tenantId: '37' }) },
        }),
      ),
    ).rejects.toMatchObject(denied);
    // `T#3`, `T#361#…` start like tenant 36's keys but are not its keys.
    for (const PK of ['T#3', 'T#361#FAC#x', 'T#37#FAC#x', 'X#36#FAC#x']) {
      await expect(db.doc.send(new GetCommand({ TableName: db.tableName, Key: { PK, SK: 'PROFILE' } })), PK).rejects.toMatchObject(denied);
    }
    // One foreign item spoils a whole transaction, which then writes nothing.
    const ownKey = { PK: 'T#36#SCOPE-TEST', SK: `T#${Date.now()}` };
    await expect(
      db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: db.tableName, Item: { ...ownKey, type: 'ScopeTest' } } },
            { Put: { TableName: db.tableName, Item: { PK: 'T#37#SCOPE-TEST', SK: ownKey.SK, type: 'ScopeTest' } } },
          ],
        }),
      ),
    ).rejects.toMatchObject(denied);
    expect((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: ownKey }))).Item).toBeUndefined();
    await expect(db.doc.send(new ScanCommand({ TableName: db.tableName, Limit: 1 }))).rejects.toMatchObject(denied);
  });

  it("refuses to update or delete an audit entry, even the caller's own tenant's", async () => {
    const db = scoped.tenantDb('36');
    const key = keys.audit({ tenantId: '36' }, '2026-12-06T00:00:00.000Z', 'scope-test', 0);
    await expect(
      db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: key,
          UpdateExpression: 'SET #a = :a',
          ExpressionAttributeNames: { '#a': 'action' },
          ExpressionAttributeValues: { ':a': 'x' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('audit') });
  });

  it("gives the operator's registry the tenants' profiles, nothing inside a tenant", async () => {
    const db = scoped.registryDatabase();
    expect((await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.tenant({ tenantId: '36' }) }))).Item).toMatchObject({ tenantId: '36' });
    const facility = keys.facility({ tenantId: '36' }, 'x');
    await expect(db.doc.send(new GetCommand({ TableName: db.tableName, Key: facility }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...facility, type: 'Facility' } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
