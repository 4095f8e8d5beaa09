import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontDoor, pickEncoding } from '../../../packages/local/src/front-door.ts';

describe('the front door picks the encoding CloudFront would', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    [undefined, undefined],
  ])('%s → %s', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected);
  });
});

describe('the front door serves the SPA compressed, with cache headers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'front-door-'));
  const js = `export const x = ${JSON.stringify('あ'.repeat(2000))};`;
  const server = createFrontDoor({ port: 0, staticDir: dir, spaConfig: { stage: 'test' }, handlersDir: dir });
  let base = '';

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>x</p>'.repeat(200)}`);
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), js);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  // node:http, not fetch: fetch would decompress and hide the bytes on the wire.
  function get(p: string, acceptEncoding?: string) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request(`${base}${p}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('brotli when accepted, immutable for hashed assets', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).toString('utf8')).toBe(js);
  });

  it('gzip when only gzip is accepted, nothing when nothing is', async () => {
    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(js);
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString('utf8')).toBe(js);
  });

  it('index.html (also for an app path) and /config.json are revalidated every time', async () => {
    const page = await get('/campaigns/c1/progress', 'br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('<title>t</title>');
    const config = await get('/config.json', 'br');
    expect(config.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(config.body.toString('utf8'))).toEqual({ stage: 'test' });
  });
});
