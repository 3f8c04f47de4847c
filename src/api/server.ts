/**
 * The HTTP server: Apollo Server 5 at /graphql on plain node:http, the web UI's
 * static files at "/". Guards: body size limit, per-request time limit, graphql-armor
 * (depth, cost, aliases, tokens), max page size (paging.ts), CSRF prevention (Apollo's),
 * and load shedding when the read pool's queue is full.
 *
 * Time limit: each request runs in a scope with its deadline (pool/request-scope.ts). Store reads
 * on the read pool stop at the deadline (their worker is replaced) and the request
 * gets a TIMEOUT error with HTTP 503; a backstop 1 s later answers 503 TIMEOUT for
 * work that is not on the pool. Overload: 503 OVERLOADED with Retry-After, either at
 * once (before the body is read) or when a read is refused by the full queue.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { PROJECT_ROOT } from '../config.ts';
import { withRequestScope } from '../pool/request-scope.ts';
import { OverloadedError, ReadTimeoutError } from '../pool/read-pool.ts';
import { createContext, type ApiContext, type ApiServices } from './context.ts';
import { resolvers } from './resolvers.ts';
import { serveStatic } from './static-files.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');
export const DEFAULT_WEB_ROOT = path.join(PROJECT_ROOT, 'web', 'dist');

export interface ApiServerOptions {
  services: ApiServices;
  introspection: boolean;
  /** Origins allowed cross-origin; "*" allows any. */
  corsOrigins: readonly string[];
  /** Built web UI to serve at "/"; null to serve the API only. */
  webRoot?: string | null;
  /** Largest accepted request body (ingestText carries a whole plan). */
  maxBodyBytes?: number;
  /** Longest a GraphQL request may take before a TIMEOUT error is returned. */
  timeoutMs?: number;
  /** The read pool's load, for admission control (null: no pool, no shedding). */
  load?: LoadGate | null;
}

export interface LoadGate {
  overloaded(): boolean;
  retryAfterSeconds(): number;
}

/** How much later than the time limit the backstop answers for work outside the read pool. */
const BACKSTOP_MS = 1000;

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code = status === 503 ? 'TIMEOUT' : 'BAD_REQUEST') {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The read pool's own errors keep their code (TIMEOUT, OVERLOADED) instead of INTERNAL_SERVER_ERROR. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ReadTimeoutError || original instanceof OverloadedError) {
    return { ...formatted, message: original.message, extensions: { code: original.code } };
  }
  return formatted;
}

/** A response carrying a TIMEOUT or OVERLOADED error is a 503 (with Retry-After when overloaded). */
const loadStatusPlugin: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response }) {
        const originals = (errors ?? []).map((e) => unwrapResolverError(e));
        const overloaded = originals.find((e): e is OverloadedError => e instanceof OverloadedError);
        if (overloaded) response.http.headers.set('retry-after', String(overloaded.retryAfterSeconds));
        if (overloaded || originals.some((e) => e instanceof ReadTimeoutError)) response.http.status = 503;
      },
    };
  },
};

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sets CORS headers for an allowed origin; true when the request was a preflight (answered). */
function cors(req: http.IncomingMessage, res: http.ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin && (origins.includes('*') || origins.includes(origin))) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, apollo-require-preflight, x-apollo-operation-name');
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204).end();
  return true;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(503, `request took longer than ${ms} ms`)), ms + BACKSTOP_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function startApiServer(options: ApiServerOptions, port: number, host?: string): Promise<ApiServer> {
  const { services, corsOrigins, maxBodyBytes = 10 * 1024 * 1024, timeoutMs = 30_000, load = null } = options;
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const httpServer = http.createServer();
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 20 },
    // Armor's token limit throws from a plugin hook (an HTTP 500); graphql's own parser limit (parseOptions) gives a 400.
    maxTokens: { enabled: false },
    // Suggestions ("did you mean …") only hide the schema when introspection is off.
    blockFieldSuggestion: { enabled: !options.introspection },
  }).protect();
  const apollo = new ApolloServer<ApiContext>({
    typeDefs: readFileSync(SCHEMA_FILE, 'utf8'),
    resolvers,
    introspection: options.introspection,
    parseOptions: { maxTokens: 5000 },
    ...armor,
    formatError,
    // Context-agnostic plugins (typed for BaseContext): safe with any context.
    plugins: [...armor.plugins, ApolloServerPluginDrainHttpServer({ httpServer }), loadStatusPlugin] as ApolloServerPlugin<ApiContext>[],
  });
  await apollo.start();

  const graphql = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    if (load?.overloaded()) {
      const retryAfter = String(load.retryAfterSeconds());
      sendJson(res, 503, `the server is overloaded; retry in ${retryAfter} s`, 'OVERLOADED', { 'retry-after': retryAfter });
      return;
    }
    const started = performance.now();
    const deadline = Date.now() + timeoutMs;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'request body is not valid JSON');
        }
      } else body = raw;
    }
    const response = await withTimeout(
      withRequestScope(deadline, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          context: async () => createContext(services),
        }),
      ),
      deadline - Date.now(),
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // The server's share of the request (body read, execution, store reads), for browsers' resource timing and bench/ui-timing.ts.
    res.setHeader('server-timing', `graphql;dur=${(performance.now() - started).toFixed(1)}`);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handled = (async () => {
      if (url.pathname === '/graphql') {
        if (!cors(req, res, corsOrigins)) await graphql(req, res, url);
      } else if ((req.method === 'GET' || req.method === 'HEAD') && webRoot && (await serveStatic(webRoot, url.pathname, req, res))) {
        // served a UI file
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Not found. The GraphQL API is at /graphql${webRoot ? '' : ' (no web UI configured)'}.\n`);
      }
    })();
    handled.catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else if (err instanceof HttpError) sendJson(res, err.status, err.message, err.code);
      else {
        console.error(err);
        sendJson(res, 500, 'internal server error', 'INTERNAL_SERVER_ERROR');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
  return {
    url: `http://${shownHost}:${address.port}/graphql`,
    close: () => apollo.stop(),
  };
}
