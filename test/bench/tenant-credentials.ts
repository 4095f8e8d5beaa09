import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npx tsx test/bench/tenant-credentials.ts`: what the tenant-scoped credentials of decision 0022 cost a cold
 * container, without AWS: each run is a fresh Node process (a cold start) that imports the credential providers,
 * assumes the tenant-access role once through a loopback STS stand-in (signing, the request, parsing the XML), and
 * then a second tenant's role as a warm container would. The real STS round trip in the region comes on top.
 * Measures, never asserts.
 */
const child = `
import http from 'node:http';
const xml = '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA:t</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/x/t</Arn></AssumedRoleUser><Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>';
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'text/xml' }); res.end(xml); }); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = 'http://127.0.0.1:' + server.address().port;
Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'x' });
const assume = (m, tenant) => m.fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::111122223333:role/x', RoleSessionName: 'tenant-' + tenant, Tags: [{ Key: 'tenant', Value: tenant }] }, clientConfig: { region: 'ap-northeast-1', endpoint } })();
const t0 = performance.now();
const m = await import('@aws-sdk/credential-providers');
const t1 = performance.now();
await assume(m, '36');
const t2 = performance.now();
await assume(m, '37');
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstAssumeMs: t2 - t1, secondTenantMs: t3 - t2 }));
server.close();
`;

const runs = Array.from({ length: 5 }, () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], {
    cwd: path.resolve(import.meta.dirname, '../../functions'),
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    encoding: 'utf8',
  });
  return JSON.parse(r.stdout.trim()) as { importMs: number; firstAssumeMs: number; secondTenantMs: number };
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log('Tenant-scoped credentials, 5 cold processes (median ms): import of @aws-sdk/credential-providers, first AssumeRole');
console.log('(STS client load, signing, loopback request, XML parse), a second tenant in the same container:');
console.log(
  JSON.stringify({
    importMs: Math.round(median(runs.map((r) => r.importMs))),
    firstAssumeMs: Math.round(median(runs.map((r) => r.firstAssumeMs))),
    secondTenantMs: Math.round(median(runs.map((r) => r.secondTenantMs))),
  }),
);
