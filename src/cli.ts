/**
 * `cancu COMMAND [ARGS]`: one module per command in src/commands/, loaded on demand
 * so that `cancu extract` never pays for the server's imports.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  extract: { summary: 'extract header and citations from files (--json for the machine contract)', load: () => import('./commands/extract.ts') },
  ingest: { summary: 'ingest files and folders into the graph and search index', load: () => import('./commands/ingest.ts') },
  start: { summary: 'ingest the samples if the graph is empty, then serve the API (npm start)', load: () => import('./commands/start.ts') },
  serve: { summary: 'serve the GraphQL API and the web UI', load: () => import('./commands/serve.ts') },
  search: { summary: 'full-text search (accent-insensitive)', load: () => import('./commands/search.ts') },
  trace: { summary: 'legal basis of a document, with evidence', load: () => import('./commands/trace.ts') },
  implementers: { summary: 'plans implementing a document (--transitive, --province, --year)', load: () => import('./commands/implementers.ts') },
  stats: { summary: 'counts of documents, edges and unresolved references', load: () => import('./commands/stats.ts') },
  generate: { summary: 'write a synthetic national corpus of plans with ground truth (benchmarks)', load: () => import('./commands/generate.ts') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(13)}${c.summary}`);
  return `usage: cancu COMMAND [ARGS]\n\ncommands:\n${lines.join('\n')}\n\nRun "cancu COMMAND --help" for a command's options.`;
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage());
  process.exit(name ? 0 : 2);
}
const command = COMMANDS[name];
if (!command) {
  console.error(`cancu: unknown command "${name}"\n\n${usage()}`);
  process.exit(2);
}
const mod = await command.load();
process.exitCode = await mod.run(args);
