/** `cancu ingest PATH...`: ingest files and folders into the configured stores. */
import { ingestPaths } from '../pipeline/ingest.ts';
import { formatSummary, progressReporter } from '../pipeline/progress.ts';
import { runCommand, withServices } from './args.ts';

const spec = {
  name: 'ingest',
  usage: 'PATH... [--json] [--quiet]',
  help: [
    'Ingest plan texts (.txt .md .html .docx .pdf); folders are walked recursively, hidden entries skipped.',
    'A text already ingested (same content hash) is left unchanged. Exit code 1 when any file failed.',
    '  --json   print the summary as JSON on stdout',
    '  --quiet  no progress on stderr',
  ].join('\n'),
  options: { json: { type: 'boolean' }, quiet: { type: 'boolean' } },
  minPositionals: 1,
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, positionals, config }) =>
    withServices(config, async ({ deps }) => {
      const summary = await ingestPaths(deps, positionals, values.quiet ? undefined : progressReporter());
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(formatSummary(summary));
      return summary.failed.length ? 1 : 0;
    }),
  );
}
