import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { isMainThread } from 'node:worker_threads';

export type Log = (line: string) => void;

/** Every child we spawned and have not yet seen exit; killed if the parent goes away. */
const liveChildren = new Set<ChildProcess>();
let exitHandlersInstalled = false;

/** Synchronous clean-ups (e.g. removing scratch dirs) for when the parent dies without stop(). */
const exitCleanups = new Set<() => void>();

function killAllNow(): void {
  for (const child of liveChildren) {
    // Synchronous by necessity: inside 'exit' no async work runs any more.
    child.kill('SIGTERM');
  }
  for (const cleanup of exitCleanups) {
    exitCleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort while dying; nothing useful to do with the error.
    }
  }
}

/** Runs `cleanup` if the parent exits or is signalled first; call the returned function to cancel. */
export function onParentExit(cleanup: () => void): () => void {
  installExitHandlers();
  exitCleanups.add(cleanup);
  return () => exitCleanups.delete(cleanup);
}

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.once('exit', killAllNow);
  // Signals are only delivered to the main thread.
  if (!isMainThread) return;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllNow();
      // A listener disables Node's default "exit on signal"; if nobody else (e.g. the CLI) handles
      // the signal, restore the default so the parent still dies with the conventional status.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

function forwardLines(stream: NodeJS.ReadableStream | null, prefix: string, log: Log, tail: string[]): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = stripVTControlCharacters(buffered.slice(0, newline)).trimEnd();
      buffered = buffered.slice(newline + 1);
      if (line) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        log(`[${prefix}] ${line}`);
      }
      newline = buffered.indexOf('\n');
    }
  });
}

export interface ManagedChild {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the process has exited (immediately if it already has). */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** Last lines of stdout/stderr, for error messages when start-up fails. */
  outputTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  log: Log;
}

export function spawnManaged(opts: SpawnOptions): Promise<ManagedChild> {
  installExitHandlers();
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  forwardLines(child.stdout, opts.name, opts.log, tail);
  forwardLines(child.stderr, opts.name, opts.log, tail);

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      liveChildren.delete(child);
      opts.log(`[${opts.name}] exited (${signal ?? `code ${code}`})`);
      resolve();
    });
  });

  return new Promise((resolve, reject) => {
    // Persistent: a later 'error' (e.g. a failed kill) must not become an uncaught exception.
    child.on('error', (err) => {
      opts.log(`[${opts.name}] ${err.message}`);
      reject(new Error(`${opts.name}: cannot start ${opts.command}: ${err.message}`));
    });
    child.once('spawn', () => {
      const pid = child.pid;
      if (pid === undefined) {
        reject(new Error(`${opts.name}: spawned without a pid`));
        return;
      }
      liveChildren.add(child);
      resolve({
        name: opts.name,
        pid,
        exited: exitedPromise,
        hasExited: () => exited,
        outputTail: () => tail.join('\n'),
        async stop(graceMs = 5000) {
          if (exited) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exitedPromise;
          clearTimeout(timer);
        },
      });
    });
  });
}

/** Polls `probe` until it resolves true; fails early if the child dies, or after `timeoutMs`. */
export async function waitUntilReady(child: ManagedChild, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited()) {
      throw new Error(`${child.name} exited during start-up:\n${child.outputTail()}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${child.name} not ready after ${timeoutMs} ms:\n${child.outputTail()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ports already handed out by getFreePort in this process, so back-to-back calls never repeat. */
const handedOut = new Set<number>();

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** A port the OS considers free right now on 127.0.0.1 (racy by nature; fine for tests). */
export async function getFreePort(): Promise<number> {
  for (;;) {
    const port = await ephemeralPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * Fails with a readable message if something already listens on `port`. Without this, a stale
 * server (e.g. left over after `kill -9`) would answer our readiness probe and we would talk to it.
 */
export function assertPortFree(port: number, host: string, service: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `${service}: port ${port} is already in use (a leftover process? try: lsof -i :${port})`
            : `${service}: cannot bind ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** Closes an HTTP server we host in-process, dropping idle keep-alive sockets. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Keep-alive sockets from SDK clients would otherwise hold close() open.
    server.closeAllConnections();
  });
}
