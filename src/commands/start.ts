/**
 * `cancu start` (npm start): the embedded stores in CANCU_DATA; on an empty
 * graph, ingest the sample plans first; then serve the API and print how to query it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, SERVE_HELP, SERVE_OPTIONS } from '../config.ts';
import { ingestPaths } from '../pipeline/ingest.ts';
import { formatSummary, progressReporter } from '../pipeline/progress.ts';
import { runCommand, withServices } from './args.ts';
import { serveUntilStopped } from './serve.ts';
import { DEFAULT_WEB_ROOT } from '../api/server.ts';

export const SAMPLES_DIR = path.join(PROJECT_ROOT, 'samples');

const EXAMPLE_QUERY = '{ search(query: "chi thi 33 dan van", first: 3) { totalCount edges { node { id kind symbol date issuer } } } }';

const spec = {
  name: 'start',
  usage: '[--host ADDR] [--workers N] [--queue N] [--queue-wait-ms N] [--timeout-ms N]',
  help: `Open the stores, ingest ${path.relative(process.cwd(), SAMPLES_DIR) || 'samples'}/ when the graph is empty, and serve the GraphQL API.\n  --host ADDR        interface to listen on (default: all)\n${SERVE_HELP}`,
  options: { host: { type: 'string' }, ...SERVE_OPTIONS },
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, config }) =>
    withServices(config, async (services) => {
      if ((await services.graph.stats()).ingested === 0) {
        console.log(`cancu: empty graph, ingesting the sample plans in ${SAMPLES_DIR}`);
        console.log(formatSummary(await ingestPaths(services.deps, [SAMPLES_DIR], progressReporter())));
      }
      return serveUntilStopped(services, config, values.host, (url) => {
        const body = JSON.stringify({ query: EXAMPLE_QUERY });
        console.log(
          [
            `cancu: GraphQL API at ${url}  (data: ${config.dataDir}; Ctrl-C stops)`,
            '',
            'Try:',
            `  curl -s ${url} -H 'content-type: application/json' -d '${body}'`,
            '',
            existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html'))
              ? `Web UI: ${url.replace(/graphql$/, '')}   Query editor: ${url}`
              : `Query editor: open ${url} in a browser.`,
          ].join('\n'),
        );
      });
    }),
  );
}
