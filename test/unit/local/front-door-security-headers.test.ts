import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@mcr/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor } from '../../../packages/local/src/front-door.ts';

/**
 * The local front door sends CloudFront's security headers from the shared module, with the local stand-ins'
 * origins (cognito-local from the SPA config, s3rver from `connectSources`) in connect-src (decision 0023).
 */
describe('the front door sends the production security headers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'front-door-csp-'));
  const server = createFrontDoor({
    port: 0,
    staticDir: dir,
    spaConfig: { stage: 'test', cognitoEndpoint: 'http://127.0.0.1:9229/' },
    connectSources: ['http://127.0.0.1:4569/some-bucket', 'http://127.0.0.1:9229'],
    handlersDir: dir,
  });
  let base = '';

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/facilities/deep/link', '/config.json', '/api/no-such-route', '/api/facilities/%ZZ'])('%s', async (p) => {
    const res = await fetch(`${base}${p}`);
    // Origins only, each once, Cognito first.
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ connectSources: ['http://127.0.0.1:9229', 'http://127.0.0.1:4569'] }));
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  });
});
