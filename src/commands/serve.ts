/** `cancu serve`: serve the GraphQL API (and the web UI when built) until interrupted. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SERVE_HELP, SERVE_OPTIONS, type Config } from '../config.ts';
import { startApiServer } from '../api/server.ts';
import type { ApiServices } from '../api/context.ts';
import { PooledGraphStore, PooledSearchIndex } from '../pool/pooled-stores.ts';
import { ReadPool } from '../pool/read-pool.ts';
import type { Services } from './services.ts';
import { runCommand, withServices } from './args.ts';

const spec = {
  name: 'serve',
  usage: '[--host ADDR] [--workers N] [--queue N] [--queue-wait-ms N] [--timeout-ms N]',
  help: `Serve the GraphQL API at /graphql and the web UI (web/dist) at /, until SIGINT/SIGTERM.\n  --host ADDR        interface to listen on (default: all)\n${SERVE_HELP}`,
  options: { host: { type: 'string' }, ...SERVE_OPTIONS },
} as const;

/**
 * The services the API reads from: the embedded SQLite stores' reads go through a
 * pool of worker threads (their own connections); writes and the network engines
 * (Neo4j, Meilisearch, already asynchronous) stay as they are. No pool with 0 workers.
 */
export async function pooledServices(services: Services, config: Config): Promise<{ services: ApiServices; pool: ReadPool | null }> {
  const size = config.readWorkers ?? availableParallelism();
  const graphFile = config.graph === 'sqlite' ? path.join(config.dataDir, 'cancu.db') : null;
  const searchFile = config.search === 'sqlite' ? path.join(config.dataDir, 'search.db') : null;
  if (size === 0 || (!graphFile && !searchFile)) return { services, pool: null };
  const pool = await ReadPool.start({
    stores: { graphFile, searchFile },
    size,
    maxQueue: config.readQueue,
    maxWaitMs: config.readQueueWaitMs,
    callTimeoutMs: config.requestTimeoutMs,
    log: (message) => console.error(`cancu: ${message}`),
  });
  return {
    pool,
    services: {
      ...services,
      graph: graphFile ? new PooledGraphStore(services.graph, pool) : services.graph,
      search: searchFile ? new PooledSearchIndex(services.search, pool) : services.search,
    },
  };
}

/** Serve until SIGINT/SIGTERM, then close the server. `onListening` prints the banner. */
export async function serveUntilStopped(
  services: Services,
  config: Config,
  host: string | undefined,
  onListening: (url: string) => void,
): Promise<number> {
  const { services: api, pool } = await pooledServices(services, config);
  try {
    const server = await startApiServer(
      {
        services: api,
        introspection: config.introspection,
        corsOrigins: config.corsOrigins,
        timeoutMs: config.requestTimeoutMs,
        load: pool,
      },
      config.port,
      host,
    );
    onListening(server.url);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
  } finally {
    if (pool) {
      const s = pool.stats();
      console.error(`cancu: read pool served ${s.served} reads; ${s.timeouts} timed out (${s.abandoned} stopped running), ${s.refused} refused for load, ${s.crashes} worker crashes`);
      await pool.close();
    }
  }
  return 0;
}

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, config }) =>
    withServices(config, (services) =>
      serveUntilStopped(services, config, values.host, (url) =>
        console.log(`cancu: GraphQL API at ${url} (graph: ${config.graph}, search: ${config.search})`),
      ),
    ),
  );
}
