/** `cancu stats`: what the configured stores hold. */
import { runCommand, withServices } from './args.ts';

const spec = {
  name: 'stats',
  usage: '[--json]',
  help: 'Count documents (all / ingested), edges, unresolved references and localities.',
  options: { json: { type: 'boolean' } },
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, config }) =>
    withServices(config, async ({ graph }) => {
      const stats = await graph.stats();
      if (values.json) console.log(JSON.stringify({ graph: graph.engine, ...stats }, null, 2));
      else {
        console.log(`graph: ${graph.engine} (${config.graph === 'sqlite' ? config.dataDir : config.neo4j.uri})`);
        for (const [k, v] of Object.entries(stats)) console.log(`${k.padEnd(11)} ${v}`);
      }
      return 0;
    }),
  );
}
