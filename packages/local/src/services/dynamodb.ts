import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_REGION, localCredentials } from './constants.ts';
import { assertPortFree, type Log, type ManagedChild, spawnManaged, waitUntilReady } from './process.ts';

const run = promisify(execFile);

/**
 * AWS ships DynamoDB Local only as a tarball on S3 (not reachable from here); the same jar is
 * vendored in this npm package. We only `npm pack` it and pin the tarball's integrity, so no
 * Amplify code is ever installed or executed.
 */
const SIMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const SIMULATOR_INTEGRITY = 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const JAR = 'DynamoDBLocal.jar';

function sha512Integrity(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(`sha512-${hash.digest('base64')}`));
  });
}

/** Makes sure `<installDir>/DynamoDBLocal.jar` exists; downloads and extracts it once. */
export async function ensureDynamoDbLocal(installDir: string, log: Log): Promise<void> {
  if (existsSync(join(installDir, JAR))) return;
  const started = Date.now();
  log(`[dynamodb] fetching ${SIMULATOR_PACKAGE} (one-off, ~57 MB) into ${installDir}`);
  const work = await mkdtemp(join(tmpdir(), 'mcr-ddb-pack-'));
  try {
    await run('npm', ['pack', SIMULATOR_PACKAGE, '--silent', '--pack-destination', work], {
      cwd: work,
      maxBuffer: 1024 * 1024,
    });
    const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${SIMULATOR_PACKAGE} produced no tarball`);
    const integrity = await sha512Integrity(join(work, tarball));
    if (integrity !== SIMULATOR_INTEGRITY) {
      throw new Error(`${SIMULATOR_PACKAGE}: integrity mismatch (got ${integrity})`);
    }
    const staging = join(work, 'emulator');
    await mkdir(staging);
    await run('tar', ['-xzf', join(work, tarball), '-C', staging, '--strip-components=2', 'package/emulator']);
    if (!existsSync(join(staging, JAR))) throw new Error(`${SIMULATOR_PACKAGE} has no emulator/${JAR}`);
    await mkdir(join(installDir, '..'), { recursive: true });
    // rename is atomic: a concurrent start either sees the complete directory or none.
    await rename(staging, installDir).catch((err: NodeJS.ErrnoException) => {
      if (!existsSync(join(installDir, JAR))) throw err;
    });
    log(`[dynamodb] DynamoDB Local ready in ${Date.now() - started} ms`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Where the jar lives (cached across runs). */
  installDir: string;
  /** Persist tables here; in-memory when absent. */
  dataDir?: string;
  log: Log;
}

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  // DynamoDB Local binds every interface, so check the wildcard address.
  await assertPortFree(opts.port, '0.0.0.0', 'dynamodb');
  await ensureDynamoDbLocal(opts.installDir, opts.log);
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });

  // -sharedDb always: otherwise DynamoDB Local keeps a separate database per access key + region,
  // and a Lambda and a test using different dummy credentials would not see each other's tables.
  const storage = opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory'];
  const child: ManagedChild = await spawnManaged({
    name: 'dynamodb',
    command: 'java',
    args: [
      // C1 only: starts 0.5-1.5 s sooner, and for short local workloads measured no slower (C2 compiles cost more).
      '-XX:TieredStopAtLevel=1',
      `-Djava.library.path=${join(opts.installDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(opts.installDir, JAR),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(opts.port),
    ],
    cwd: opts.installDir,
    log: opts.log,
  }).catch((err: unknown) => {
    throw new Error(`${err instanceof Error ? err.message : String(err)} (DynamoDB Local needs Java 17+ on PATH)`);
  });

  const endpoint = `http://127.0.0.1:${opts.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: localCredentials(),
    maxAttempts: 1,
  });
  try {
    await waitUntilReady(
      child,
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      30_000,
    );
  } catch (err) {
    await child.stop();
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, pid: child.pid, stop: () => child.stop() };
}
