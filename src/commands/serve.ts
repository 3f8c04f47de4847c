/** `cancu serve`: serve the GraphQL API (and the web UI when built) until interrupted. */
import type { Config } from '../config.ts';
import { startApiServer } from '../api/server.ts';
import type { Services } from './services.ts';
import { runCommand, withServices } from './args.ts';

const spec = {
  name: 'serve',
  usage: '[--host ADDR]',
  help: 'Serve the GraphQL API at /graphql and the web UI (web/dist) at /, until SIGINT/SIGTERM.\n  --host ADDR  interface to listen on (default: all)',
  options: { host: { type: 'string' } },
} as const;

/** Serve until SIGINT/SIGTERM, then close the server. `onListening` prints the banner. */
export async function serveUntilStopped(
  services: Services,
  config: Config,
  host: string | undefined,
  onListening: (url: string) => void,
): Promise<number> {
  const server = await startApiServer(
    { services, introspection: config.introspection, corsOrigins: config.corsOrigins },
    config.port,
    host,
  );
  onListening(server.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
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
