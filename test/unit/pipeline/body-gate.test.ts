import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The handler pipeline's body gate (issue 11): a body that is not JSON is a 415 naming the Content-Type header, a body
 * over the route's limit a 413, both before the token is looked at, so they hold in AWS as they do behind the local
 * front door. The integration suite checks the same on every route through the front door (bad-input.test.ts).
 */

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;
let isJsonContentType: (value: string | undefined) => boolean;

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'unit',
    AWS_REGION: 'ap-northeast-1',
    COGNITO_ISSUER: 'http://127.0.0.1:9/pool',
    COGNITO_CLIENT_ID: 'client',
    COGNITO_USER_POOL_ID: 'pool',
    MAIL_FROM: 'noreply@example.jp',
    APP_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'error',
  });
  ({ handler } = (await import('../../../functions/src/handlers/tenants/create.ts')) as unknown as { handler: Handler });
  ({ isJsonContentType } = await import('../../../functions/src/pipeline/define-handler.ts'));
});

const context = { awsRequestId: 'unit', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const body = JSON.stringify({ tenantId: '31', name: '鳥取県', nameEn: 'Tottori', admins: [{ email: 'a@example.jp', displayName: 'a' }] });

function event(headers: Record<string, string>, text: string | undefined, base64 = false): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /api/tenants',
    rawPath: '/api/tenants',
    rawQueryString: '',
    headers,
    requestContext: { requestId: 'unit', http: { method: 'POST', path: '/api/tenants' } },
    ...(text === undefined ? {} : { body: base64 ? Buffer.from(text).toString('base64') : text }),
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
}

async function call(headers: Record<string, string>, text: string | undefined, base64 = false) {
  const res = await handler(event(headers, text, base64), context);
  return {
    status: res.statusCode,
    body: JSON.parse(res.body ?? '{}') as { error: { code: string; message: { ja: string; en: string }; fields?: { field: string }[] } },
  };
}

describe('content type of a request body', () => {
  it('accepts application/json with or without parameters, in any case', () => {
    for (const t of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json '])
      expect(isJsonContentType(t)).toBe(true);
  });

  it('refuses everything else, and a missing header', () => {
    for (const t of [
      undefined,
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'text/json',
      'application/json-patch+json',
    ])
      expect(isJsonContentType(t)).toBe(false);
  });
});

describe('the body gate of the handler pipeline', () => {
  it('answers 415 naming the Content-Type header (ja+en) for a body that is not declared JSON, before authentication', async () => {
    for (const [headers, base64] of [
      [{}, false],
      [{ 'content-type': 'text/plain;charset=UTF-8' }, false],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, false],
      [{ 'content-type': 'multipart/form-data; boundary=----x' }, true],
    ] as const) {
      const res = await call(headers, body, base64);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.error.fields?.[0]?.field).toBe('header.content-type');
      expect(res.body.error.message.ja).toContain('Content-Type');
      expect(res.body.error.message.en).toContain('Content-Type');
    }
  });

  it('answers 413 for a JSON body one byte over the route limit, and lets one at the limit through to authentication', async () => {
    const limit = 256 * 1024;
    const padded = (size: number) => `${body.slice(0, -1)},"pad":"${'x'.repeat(size - Buffer.byteLength(body) - 9)}"}`;
    expect(Buffer.byteLength(padded(limit + 1))).toBe(limit + 1);
    expect((await call({ 'content-type': 'application/json' }, padded(limit + 1))).status).toBe(413);
    // Multi-byte characters count as bytes, not characters.
    expect((await call({ 'content-type': 'application/json' }, `"${'あ'.repeat(Math.ceil(limit / 3))}"`)).status).toBe(413);
    const atLimit = await call({ 'content-type': 'application/json; charset=utf-8' }, padded(limit));
    expect(atLimit.status).toBe(401);
  });

  it('needs no Content-Type on a request without a body', async () => {
    expect((await call({}, undefined)).status).toBe(401);
  });
});
