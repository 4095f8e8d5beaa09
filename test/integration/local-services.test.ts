import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  TransactWriteItemsCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoAuthFlows, totpCode } from '../../packages/local/src/cognito/auth-flows.ts';
import { getFreePort, LOCAL_REGION, type LocalServices, localCredentials, startLocalServices } from '../../packages/local/src/services/index.ts';

const SPA_ORIGIN = 'http://localhost:8080';

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await getFreePort());
  return [...ports];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A six-digit code that is not valid in any window cognito-local accepts (now ±30 s). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((d) => totpCode(secret, now + d)));
  let candidate = 123456;
  while (valid.has(String(candidate))) candidate += 1;
  return String(candidate);
}

describe('local AWS stand-ins', () => {
  let services: LocalServices;
  let auth: CognitoAuthFlows;
  const password = 'Correct-Horse-9-Battery';
  const email = 'pref.admin@example.jp';
  let totpSecret = '';
  let sub = '';

  beforeAll(async () => {
    const [dynamodb, cognito, s3, ses] = await distinctFreePorts(4);
    services = await startLocalServices({ ports: { dynamodb, cognito, s3, ses } });
    auth = CognitoAuthFlows.fromLocalServices(services);
  }, 180_000);

  afterAll(async () => {
    auth?.destroy();
    await services?.stop();
  });

  it('provisions a TOTP user and signs in; the access token verifies against the JWKS', async () => {
    ({ sub, totpSecret } = await auth.provisionUser({ email, password, groups: ['operator'] }));
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(totpSecret).toMatch(/^[A-Z2-7]+=*$/);

    const tokens = await auth.signIn({ email, password, totpSecret });
    const jwks = createRemoteJWKSet(new URL(services.jwksUri));
    const { payload: access } = await jwtVerify(tokens.accessToken, jwks, { issuer: services.issuer });
    expect(services.issuer).toBe(`${services.cognitoEndpoint}/${services.userPoolId}`);
    expect(access).toMatchObject({
      iss: services.issuer,
      token_use: 'access',
      client_id: services.userPoolClientId,
      sub,
      username: sub,
      'cognito:groups': ['operator'],
    });

    const { payload: id } = await jwtVerify(tokens.idToken, jwks, {
      issuer: services.issuer,
      audience: services.userPoolClientId,
    });
    expect(id).toMatchObject({ token_use: 'id', email, email_verified: true, sub });
  });

  it('refuses a wrong TOTP code', async () => {
    await expect(auth.signInWithCode({ email, password, code: wrongCode(totpSecret) })).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
  });

  it('an invited user gets NEW_PASSWORD_REQUIRED, then enrols TOTP', async () => {
    const invited = 'facility.admin@example.jp';
    const { sub: invitedSub } = await auth.createInvitedUser({ email: invited, temporaryPassword: 'Temp-Pass-123' });
    const { totpSecret: secret } = await auth.completeFirstSignIn({
      email: invited,
      temporaryPassword: 'Temp-Pass-123',
      newPassword: 'Another-Long-Pass-7',
    });
    const tokens = await auth.signIn({ email: invited, password: 'Another-Long-Pass-7', totpSecret: secret });
    const jwks = createRemoteJWKSet(new URL(services.jwksUri));
    const { payload } = await jwtVerify(tokens.accessToken, jwks, { issuer: services.issuer });
    expect(payload.sub).toBe(invitedSub);
    // No groups → cognito-local omits the claim entirely.
    expect(payload['cognito:groups']).toBeUndefined();
  });

  it('lets the SPA call the Cognito JSON API from the browser (CORS, x-amz-json-1.1)', async () => {
    const preflight = await fetch(services.cognitoEndpoint, {
      method: 'OPTIONS',
      headers: {
        Origin: SPA_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-target');

    const res = await fetch(services.cognitoEndpoint, {
      method: 'POST',
      headers: {
        Origin: SPA_ORIGIN,
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: services.userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toContain('application/x-amz-json-1.1');
    const body = (await res.json()) as { ChallengeName?: string; Session?: string };
    expect(body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(body.Session).toBeTruthy();
  });

  it('stores and serves S3 objects, with CORS for the SPA', async () => {
    const s3 = new S3Client({
      endpoint: services.s3Endpoint,
      region: LOCAL_REGION,
      credentials: localCredentials(),
      forcePathStyle: true,
    });
    try {
      await s3.send(new PutObjectCommand({ Bucket: services.bucket, Key: 'evidence/a.txt', Body: '証跡', ContentType: 'text/plain' }));
      const got = await s3.send(new GetObjectCommand({ Bucket: services.bucket, Key: 'evidence/a.txt' }));
      expect(await got.Body?.transformToString()).toBe('証跡');
    } finally {
      s3.destroy();
    }
    const preflight = await fetch(`${services.s3Endpoint}/${services.bucket}/evidence/b.pdf`, {
      method: 'OPTIONS',
      headers: { Origin: SPA_ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('accepts SESv2 SendEmail and shows it at /store', async () => {
    const ses = new SESv2Client({ endpoint: services.sesEndpoint, region: LOCAL_REGION, credentials: localCredentials() });
    const subject = `点検のお知らせ ${Date.now()}`;
    try {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@example.jp',
          Destination: { ToAddresses: [email] },
          Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: '本文' } } } },
        }),
      );
    } finally {
      ses.destroy();
    }
    const store = (await (await fetch(`${services.sesEndpoint}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    };
    expect(store.emails).toContainEqual(expect.objectContaining({ subject, destination: expect.objectContaining({ to: [email] }) }));
  });

  it('runs DynamoDB transactions', async () => {
    const ddb = new DynamoDBClient({
      endpoint: services.dynamodbEndpoint,
      region: LOCAL_REGION,
      credentials: localCredentials(),
    });
    try {
      await ddb.send(
        new CreateTableCommand({
          TableName: 'it-main',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
      await waitUntilTableExists({ client: ddb, maxWaitTime: 30, minDelay: 1 }, { TableName: 'it-main' });
      await ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'it-main', Item: { pk: { S: 'TENANT#13' }, sk: { S: 'META' }, name: { S: '東京都' } } } },
            {
              Put: {
                TableName: 'it-main',
                Item: { pk: { S: 'TENANT#13' }, sk: { S: 'FACILITY#1' } },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      const item = await ddb.send(new GetItemCommand({ TableName: 'it-main', Key: { pk: { S: 'TENANT#13' }, sk: { S: 'META' } } }));
      expect(item.Item?.name?.S).toBe('東京都');
    } finally {
      ddb.destroy();
    }
  });

  it('stop() ends every child process and closes every port', async () => {
    const { pids } = services;
    expect(isAlive(pids.dynamodb)).toBe(true);
    expect(isAlive(pids.cognito)).toBe(true);
    await services.stop();
    expect(isAlive(pids.dynamodb)).toBe(false);
    expect(isAlive(pids.cognito)).toBe(false);
    for (const endpoint of [services.dynamodbEndpoint, services.cognitoEndpoint, services.s3Endpoint, services.sesEndpoint]) {
      await expect(fetch(endpoint, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    }
  });
});

describe('local AWS stand-ins with persistDir', () => {
  let persistDir = '';

  beforeAll(async () => {
    persistDir = await mkdtemp(join(tmpdir(), 'mcr-persist-it-'));
  });

  afterAll(async () => {
    if (persistDir) await rm(persistDir, { recursive: true, force: true });
  });

  it('keeps pool/client IDs, users, tables and objects across a restart', async () => {
    const email = 'persist@example.jp';
    const password = 'Persist-Pass-123';
    const [dynamodb, cognito, s3, ses] = await distinctFreePorts(4);
    const ports = { dynamodb, cognito, s3, ses };

    const first = await startLocalServices({ persistDir, ports });
    let totpSecret: string;
    try {
      const auth = CognitoAuthFlows.fromLocalServices(first);
      ({ totpSecret } = await auth.provisionUser({ email, password }));
      auth.destroy();
      const ddb = new DynamoDBClient({ endpoint: first.dynamodbEndpoint, region: LOCAL_REGION, credentials: localCredentials() });
      await ddb.send(
        new CreateTableCommand({
          TableName: 'persisted',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
      ddb.destroy();
      const s3c = new S3Client({ endpoint: first.s3Endpoint, region: LOCAL_REGION, credentials: localCredentials(), forcePathStyle: true });
      await s3c.send(new PutObjectCommand({ Bucket: first.bucket, Key: 'kept.txt', Body: 'kept' }));
      s3c.destroy();
    } finally {
      await first.stop();
    }

    const second = await startLocalServices({ persistDir, ports });
    try {
      expect(second.userPoolId).toBe(first.userPoolId);
      expect(second.userPoolClientId).toBe(first.userPoolClientId);
      const auth = CognitoAuthFlows.fromLocalServices(second);
      const tokens = await auth.signIn({ email, password, totpSecret });
      auth.destroy();
      expect(tokens.accessToken).toBeTruthy();
      const ddb = new DynamoDBClient({ endpoint: second.dynamodbEndpoint, region: LOCAL_REGION, credentials: localCredentials() });
      const table = await ddb.send(new DescribeTableCommand({ TableName: 'persisted' }));
      ddb.destroy();
      expect(table.Table?.TableStatus).toBe('ACTIVE');
      const s3c = new S3Client({ endpoint: second.s3Endpoint, region: LOCAL_REGION, credentials: localCredentials(), forcePathStyle: true });
      const got = await s3c.send(new GetObjectCommand({ Bucket: second.bucket, Key: 'kept.txt' }));
      expect(await got.Body?.transformToString()).toBe('kept');
      s3c.destroy();
    } finally {
      await second.stop();
    }
  });
});
