import { marshall } from '@aws-sdk/util-dynamodb';
import { dynamoRequestsOf, LEADING_KEY_PATTERNS, refusalOf, stringLike } from '@mcr/data';
import { describe, expect, it } from 'vitest';

/** The requests IAM sees for a command, and the code guard of decision 0022 that applies the same key rule. */
describe('DynamoDB requests and the scope guard', () => {
  it('finds the partition key of every kind of command, marshalled or not', () => {
    expect(dynamoRequestsOf('GetItemCommand', { TableName: 't', Key: { PK: 'T#36#FAC#1', SK: 'PROFILE' } })).toEqual([
      { action: 'dynamodb:GetItem', tableName: 't', leadingKeys: ['T#36#FAC#1'] },
    ]);
    expect(dynamoRequestsOf('PutItemCommand', { TableName: 't', Item: marshall({ PK: 'T#36', SK: 'PROFILE' }) })[0]?.leadingKeys).toEqual(['T#36']);
    expect(
      dynamoRequestsOf('QueryCommand', {
        TableName: 't',
        IndexName: 'GSI2',
        KeyConditionExpression: '#pk = :pk AND begins_with(GSI2SK, :p)',
        ExpressionAttributeNames: { '#pk': 'GSI2PK' },
        ExpressionAttributeValues: { ':pk': 'T#36#FACNAMES', ':p': 'a' },
      }),
    ).toEqual([{ action: 'dynamodb:Query', tableName: 't', index: 'GSI2', leadingKeys: ['T#36#FACNAMES'] }]);
    // GSI3 reuses the table's partition key.
    expect(
      dynamoRequestsOf('QueryCommand', {
        TableName: 't',
        IndexName: 'GSI3',
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'T#36#CAMP#1' } },
      })[0]?.leadingKeys,
    ).toEqual(['T#36#CAMP#1']);
    expect(
      dynamoRequestsOf('TransactWriteItemsCommand', {
        TransactItems: [
          { Put: { TableName: 't', Item: { PK: 'T#36#A', SK: '1' } } },
          { Update: { TableName: 't', Key: { PK: 'T#36#B', SK: '1' } } },
          { ConditionCheck: { TableName: 't', Key: { PK: 'T#36#C', SK: '1' } } },
          { Delete: { TableName: 't', Key: { PK: 'T#36#D', SK: '1' } } },
        ],
      }).map((r) => r.action),
    ).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem']);
    expect(
      dynamoRequestsOf('BatchWriteItemCommand', {
        RequestItems: { t: [{ PutRequest: { Item: { PK: 'T#36#A', SK: '1' } } }, { DeleteRequest: { Key: { PK: 'T#37#A', SK: '1' } } }] },
      }),
    ).toEqual([{ action: 'dynamodb:BatchWriteItem', tableName: 't', leadingKeys: ['T#36#A', 'T#37#A'] }]);
    // A query whose key condition names no partition key cannot be matched to a tenant: it has an empty key.
    expect(
      dynamoRequestsOf('QueryCommand', { TableName: 't', KeyConditionExpression: 'SK = :s', ExpressionAttributeValues: { ':s': 'x' } })[0]?.leadingKeys,
    ).toEqual(['']);
  });

  it("lets a tenant's client reach only that tenant's keys, never Scan, never change the audit log", () => {
    const tenant = { kind: 'tenant', tenantId: '36' } as const;
    const get = (pk: string) => dynamoRequestsOf('GetItemCommand', { TableName: 't', Key: { PK: pk, SK: 'x' } });
    expect(refusalOf(tenant, get('T#36'))).toBeUndefined();
    expect(refusalOf(tenant, get('T#36#FAC#1'))).toBeUndefined();
    for (const pk of ['T#37', 'T#37#FAC#1', 'T#3', 'T#361#FAC#1', 'T#36X', '', 'FAC#1']) expect(refusalOf(tenant, get(pk)), pk).toBeDefined();
    expect(refusalOf(tenant, dynamoRequestsOf('ScanCommand', { TableName: 't' }))).toMatch(/Scan/);
    expect(refusalOf({ kind: 'service' }, dynamoRequestsOf('ScanCommand', { TableName: 't' }))).toMatch(/Scan/);
    expect(refusalOf(tenant, dynamoRequestsOf('ExecuteStatementCommand', { Statement: 'SELECT * FROM t' }))).toBeDefined();
    const audit = { PK: 'T#36#AUDIT#2026-12', SK: 'x' };
    expect(refusalOf(tenant, dynamoRequestsOf('PutItemCommand', { TableName: 't', Item: audit }))).toBeUndefined();
    expect(refusalOf(tenant, dynamoRequestsOf('UpdateItemCommand', { TableName: 't', Key: audit }))).toMatch(/audit/);
    expect(refusalOf(tenant, dynamoRequestsOf('DeleteItemCommand', { TableName: 't', Key: audit }))).toMatch(/audit/);
  });

  it("limits the operator's registry to the tenants' profiles", () => {
    const registry = { kind: 'registry' } as const;
    const keysOf = (...pks: string[]) => dynamoRequestsOf('BatchGetItemCommand', { RequestItems: { t: { Keys: pks.map((PK) => ({ PK, SK: 'PROFILE' })) } } });
    expect(refusalOf(registry, keysOf('T#01', 'T#36', 'T#47'))).toBeUndefined();
    for (const pk of ['T#13#USER#u', 'T#13#FAC#1', 'T#130', 'T#1']) expect(refusalOf(registry, keysOf('T#13', pk)), pk).toBeDefined();
  });

  it('matches IAM StringLike: * any run, ? one character, nothing else special', () => {
    expect(LEADING_KEY_PATTERNS.tenant('36').some((p) => stringLike(p, 'T#36#FAC#(1).x+'))).toBe(true);
    expect(stringLike('T#??', 'T#36')).toBe(true);
    expect(stringLike('T#??', 'T#361')).toBe(false);
    expect(stringLike('T#36#*', 'T#36')).toBe(false);
    expect(stringLike('a.b', 'axb')).toBe(false);
  });
});
