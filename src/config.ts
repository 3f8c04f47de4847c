/**
 * Runtime configuration: environment variables, overridden by command-line
 * flags (--port, --data, --graph, --search). Pure: callers pass env and overrides.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, schema.graphql, samples/ and web/dist/. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type GraphEngine = 'sqlite' | 'neo4j';
export type SearchEngine = 'sqlite' | 'meilisearch';

export interface Config {
  port: number;
  /** Folder holding the embedded stores (SQLite files). */
  dataDir: string;
  graph: GraphEngine;
  search: SearchEngine;
  neo4j: { uri: string | null; user: string; password: string | null };
  meili: { host: string | null; masterKey: string | null };
  /** Origins allowed by CORS; empty = same-origin only; ["*"] = any. */
  corsOrigins: string[];
  introspection: boolean;
  /** Serving: worker threads running the embedded stores' reads; null = one per core; 0 = read on the main thread. */
  readWorkers: number | null;
  /** Serving: most store reads waiting for a worker; at it new requests get 503 OVERLOADED. */
  readQueue: number;
  /** Serving: new requests also get 503 OVERLOADED while a queued read has waited longer than this (ms). */
  readQueueWaitMs: number;
  /** Serving: time limit of one GraphQL request (ms). */
  requestTimeoutMs: number;
  /** Ingest: worker threads reading and extracting files while the main thread writes; null = defaultExtractWorkers(); 0 = on the main thread. */
  extractWorkers: number | null;
}

export class ConfigError extends Error {}

/** Command-line flags (node:util parseArgs options) and the variables they override. */
export const CONFIG_OPTIONS = {
  port: { type: 'string' },
  data: { type: 'string' },
  graph: { type: 'string' },
  search: { type: 'string' },
} as const;

/** Flags of every command (CONFIG_OPTIONS) and the serving commands' own (SERVE_OPTIONS), with their variables. */
const FLAG_ENV = {
  port: 'PORT', data: 'CANCU_DATA', graph: 'CANCU_GRAPH', search: 'CANCU_SEARCH',
  workers: 'CANCU_READ_WORKERS', queue: 'CANCU_READ_QUEUE', 'queue-wait-ms': 'CANCU_READ_QUEUE_WAIT_MS',
  'timeout-ms': 'CANCU_REQUEST_TIMEOUT_MS',
} as const;

/** Flags of `cancu serve` and `cancu start` (node:util parseArgs options). */
export const SERVE_OPTIONS = {
  workers: { type: 'string' },
  queue: { type: 'string' },
  'queue-wait-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;

export const SERVE_HELP = [
  '  --workers N        read worker threads (CANCU_READ_WORKERS; default one per core; 0 reads on the main thread)',
  '  --queue N          reads that may wait for a worker; when full, requests get 503 OVERLOADED (CANCU_READ_QUEUE; default 64)',
  '  --queue-wait-ms N  503 OVERLOADED also while a read has waited longer than this (CANCU_READ_QUEUE_WAIT_MS; default 5000)',
  '  --timeout-ms N     time limit of one GraphQL request (CANCU_REQUEST_TIMEOUT_MS; default 30000)',
].join('\n');

export const CONFIG_HELP = '--port N  --data DIR  --graph sqlite|neo4j  --search sqlite|meilisearch';

/** Overrides (by variable name) from parsed flag values. */
export function flagOverrides(values: Partial<Record<keyof typeof FLAG_ENV, string | boolean | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [flag, envName] of Object.entries(FLAG_ENV)) {
    const v = values[flag as keyof typeof FLAG_ENV];
    if (typeof v === 'string') out[envName] = v;
  }
  return out;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min} (got "${value}")`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Record<string, string> = {}, cwd = process.cwd()): Config {
  const get = (name: string): string | undefined => overrides[name] ?? (env[name] || undefined);
  const portText = get('PORT') ?? '4000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be an integer 0–65535 (got "${portText}")`);
  const config: Config = {
    port,
    dataDir: path.resolve(cwd, get('CANCU_DATA') ?? 'data'),
    graph: oneOf('CANCU_GRAPH', get('CANCU_GRAPH') ?? 'sqlite', ['sqlite', 'neo4j'] as const),
    search: oneOf('CANCU_SEARCH', get('CANCU_SEARCH') ?? 'sqlite', ['sqlite', 'meilisearch'] as const),
    neo4j: { uri: get('NEO4J_URI') ?? null, user: get('NEO4J_USER') ?? 'neo4j', password: get('NEO4J_PASSWORD') ?? null },
    meili: { host: get('MEILI_HOST') ?? null, masterKey: get('MEILI_MASTER_KEY') ?? null },
    corsOrigins: (get('CANCU_CORS_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    introspection: flag('CANCU_INTROSPECTION', get('CANCU_INTROSPECTION'), true),
    readWorkers: get('CANCU_READ_WORKERS') === undefined ? null : integer('CANCU_READ_WORKERS', get('CANCU_READ_WORKERS'), 0, 0),
    readQueue: integer('CANCU_READ_QUEUE', get('CANCU_READ_QUEUE'), 64, 0),
    readQueueWaitMs: integer('CANCU_READ_QUEUE_WAIT_MS', get('CANCU_READ_QUEUE_WAIT_MS'), 5000, 0),
    requestTimeoutMs: integer('CANCU_REQUEST_TIMEOUT_MS', get('CANCU_REQUEST_TIMEOUT_MS'), 30_000, 1),
    extractWorkers: get('CANCU_EXTRACT_WORKERS') === undefined ? null : integer('CANCU_EXTRACT_WORKERS', get('CANCU_EXTRACT_WORKERS'), 0, 0),
  };
  if (config.graph === 'neo4j' && !config.neo4j.uri) throw new ConfigError('CANCU_GRAPH=neo4j needs NEO4J_URI (e.g. bolt://localhost:7687)');
  if (config.search === 'meilisearch' && !config.meili.host) throw new ConfigError('CANCU_SEARCH=meilisearch needs MEILI_HOST (e.g. http://localhost:7700)');
  return config;
}
