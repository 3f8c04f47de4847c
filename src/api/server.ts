/**
 * The HTTP server: Apollo Server 5 at /graphql on plain node:http, the web UI's
 * static files at "/". Guards: body size limit, per-request time limit, graphql-armor
 * (depth, cost, aliases, tokens), max page size (paging.ts), CSRF prevention (Apollo's).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { PROJECT_ROOT } from '../config.ts';
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
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, message: string, code: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

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
    timer = setTimeout(() => reject(new HttpError(503, `request took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function startApiServer(options: ApiServerOptions, port: number, host?: string): Promise<ApiServer> {
  const { services, corsOrigins, maxBodyBytes = 10 * 1024 * 1024, timeoutMs = 30_000 } = options;
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
    // Context-agnostic plugins (typed for BaseContext): safe with any context.
    plugins: [...armor.plugins, ApolloServerPluginDrainHttpServer({ httpServer })] as ApolloServerPlugin<ApiContext>[],
  });
  await apollo.start();

  const graphql = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
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
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(services),
      }),
      timeoutMs,
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
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
      else if (err instanceof HttpError) sendJson(res, err.status, err.message, err.status === 503 ? 'TIMEOUT' : 'BAD_REQUEST');
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
