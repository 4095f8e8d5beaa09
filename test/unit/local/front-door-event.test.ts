import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { routes } from '@mcr/contract';
import { describe, expect, it } from 'vitest';
import { toApiGatewayEvent } from '../../../packages/local/src/front-door.ts';

function request(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = url;
  req.headers = headers;
  req.httpVersion = '1.1';
  return req;
}

describe('the local front door builds the API Gateway HTTP API (2.0) event', () => {
  it('with the route key, lower-case headers, path and query parameters, and a JSON body as text', () => {
    const route = { ...routes['responses.saveAnswers'], id: 'responses.saveAnswers' };
    const url = new URL('http://localhost/api/campaigns/c1/facilities/f001/response/answers?a=1&a=2&b=x');
    const body = Buffer.from('{"x":1}');
    const e = toApiGatewayEvent(
      request('PUT', url.pathname + url.search, { authorization: 'Bearer t', 'content-type': 'application/json' }),
      url,
      route,
      { campaignId: 'c1', facilityId: 'f001' },
      body,
    );
    expect(e.version).toBe('2.0');
    expect(e.routeKey).toBe('PUT /api/campaigns/{campaignId}/facilities/{facilityId}/response/answers');
    expect(e.rawPath).toBe('/api/campaigns/c1/facilities/f001/response/answers');
    expect(e.rawQueryString).toBe('a=1&a=2&b=x');
    expect(e.queryStringParameters).toEqual({ a: '1,2', b: 'x' });
    expect(e.pathParameters).toEqual({ campaignId: 'c1', facilityId: 'f001' });
    expect(e.headers.authorization).toBe('Bearer t');
    expect(e.body).toBe('{"x":1}');
    expect(e.isBase64Encoded).toBe(false);
    expect(e.requestContext.http.method).toBe('PUT');
    expect(e.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('base64-encodes a binary body, as API Gateway does', () => {
    const route = { ...routes['me.get'], id: 'me.get' };
    const url = new URL('http://localhost/api/me');
    const e = toApiGatewayEvent(request('GET', '/api/me', { 'content-type': 'application/octet-stream' }), url, route, {}, Buffer.from([0xff, 0x00]));
    expect(e.isBase64Encoded).toBe(true);
    expect(e.body).toBe(Buffer.from([0xff, 0x00]).toString('base64'));
    expect(e.queryStringParameters).toBeUndefined();
  });
});
