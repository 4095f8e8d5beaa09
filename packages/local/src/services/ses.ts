import { createRequire } from 'node:module';
import { closeServer, type Log } from './process.ts';

const HOST = '127.0.0.1';

export interface SesLocal {
  endpoint: string;
  /** GET → `{ emails: [...], templates: {...} }`; `?since=<epoch s>` filters. */
  storeUrl: string;
  stop(): Promise<void>;
}

export interface SesLocalOptions {
  port: number;
  log: Log;
}

/**
 * aws-ses-v2-local in-process. Its mail store is module-global and in memory: every server in
 * this process shares it, and it is gone when the process exits (nothing to persist for mail).
 */
export async function startSesLocal(opts: SesLocalOptions): Promise<SesLocal> {
  // CJS with `exports.default`; require() avoids ESM/CJS default-export interop differences
  // between tsx, vitest and plain node.
  const require = createRequire(import.meta.url);
  const ses = require('aws-ses-v2-local') as typeof import('aws-ses-v2-local');
  const server = await ses.default({ host: HOST, port: opts.port });
  // It resolves even when listen fails (Express 5 passes the error to the callback it ignores).
  if (!server.listening) {
    throw new Error(`ses: cannot listen on ${HOST}:${opts.port} (port already in use?)`);
  }
  const endpoint = `http://${HOST}:${opts.port}`;
  opts.log(`[ses] aws-ses-v2-local on ${endpoint}, mail viewer at ${endpoint}/`);
  return { endpoint, storeUrl: `${endpoint}/store`, stop: () => closeServer(server) };
}
