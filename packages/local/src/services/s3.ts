import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { closeServer, type Log } from './process.ts';

/** The part of s3rver 3.7.1's API we use (it ships no types). */
interface S3rverInstance {
  configureBuckets(): Promise<void>;
  /** Koa request listener; s3rver documents it for mounting into other servers. */
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type S3rverConstructor = new (options: { silent: boolean; directory: string; configureBuckets: { name: string; configs: string[] }[] }) => S3rverInstance;

const HOST = '127.0.0.1';

export interface S3Local {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export interface S3LocalOptions {
  port: number;
  bucket: string;
  /** Objects are plain files under this directory. */
  dataDir: string;
  /** Browser origins allowed to GET/PUT/POST (presigned URLs and uploads from the SPA). */
  allowedOrigins: readonly string[];
  log: Log;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function corsXml(origins: readonly string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${escapeXml(o)}</AllowedOrigin>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    allowed +
    // POST: the SPA sends uploads straight to the bucket with a presigned POST (decision 0012).
    '<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>' +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>' +
    '</CORSRule></CORSConfiguration>'
  );
}

export async function startS3Local(opts: S3LocalOptions): Promise<S3Local> {
  await mkdir(opts.dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const S3rver = require('s3rver') as S3rverConstructor;
  const s3 = new S3rver({
    silent: true,
    directory: opts.dataDir,
    configureBuckets: [{ name: opts.bucket, configs: [corsXml(opts.allowedOrigins)] }],
  });
  // Creates the bucket (kept if it exists) and (re)applies CORS.
  await s3.configureBuckets();

  // Our own http.Server instead of s3rver.run(): run() never rejects on EADDRINUSE, the
  // 'error' event goes unhandled and takes the whole process down.
  const server: Server = createServer(s3.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new Error(`s3: port ${opts.port} is already in use`) : err));
    server.listen(opts.port, HOST, () => resolve());
  });
  opts.log(`[s3] s3rver on http://${HOST}:${opts.port}, bucket ${opts.bucket}, data in ${opts.dataDir}`);

  return {
    endpoint: `http://${HOST}:${opts.port}`,
    bucket: opts.bucket,
    stop: () => closeServer(server),
  };
}
