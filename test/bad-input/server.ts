/**
 * Start the real `cancu serve` as a child process on a free port and talk to it
 * over HTTP, for the abuse and ingest-while-serving tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './run-cli.ts';

export interface ServerHandle {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Start `cancu serve --data DATA --port P` and wait until /graphql answers. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerHandle> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/cancu.js'), 'serve', '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}/graphql`;
  const handle: ServerHandle = {
    url,
    child,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cancu serve exited with ${child.exitCode}: ${err}`);
    try {
      const res = await gql(url, '{ __typename }');
      if (res.status === 200) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await handle.stop();
  throw new Error(`cancu serve did not answer within 30 s: ${err}`);
}

export interface GqlResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or null when the body is not JSON. */
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  text: string;
  ms: number;
}

/** POST a GraphQL operation as JSON (what a well-behaved client sends). */
export async function gql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlResponse> {
  return request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

export async function request(url: string, init: RequestInit): Promise<GqlResponse> {
  const started = Date.now();
  const res = await fetch(url, init);
  const text = await res.text();
  let body: GqlResponse['body'] = null;
  try {
    body = JSON.parse(text) as GqlResponse['body'];
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text, ms: Date.now() - started };
}

/** Error codes in a response. */
export function codes(res: GqlResponse): string[] {
  return (res.body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
}
