/** `cancu trace ID`: the legal basis of a document, with the quoting sentences. */
import { intFlag, runCommand, withServices } from './args.ts';
import { findDocument } from './find-document.ts';
import { describeDocument, describeEvidence } from './format.ts';

const spec = {
  name: 'trace',
  usage: 'ID|SYMBOL [--depth N] [--year Y] [--json]',
  help: [
    'Trace what a document rests on: IMPLEMENTS, BASED_ON, GUIDES, ISSUES, CONTINUES, AMENDS edges upwards.',
    '  --depth  maximum number of steps (default 5)',
    '  --year   issue year, to pick one document when a symbol is ambiguous',
    '  --json   print the trace steps as JSON',
  ].join('\n'),
  options: { depth: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
  minPositionals: 1,
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, positionals, config }) => {
    const depth = intFlag('depth', values.depth) ?? 5;
    const year = intFlag('year', values.year);
    return withServices(config, async ({ graph }) => {
      const doc = await findDocument(graph, positionals[0], year);
      const steps = await graph.legalBasis(doc.id, depth);
      if (values.json) {
        console.log(JSON.stringify(steps, null, 2));
        return 0;
      }
      console.log(describeDocument(doc));
      if (!steps.length) console.log('  (no legal basis recorded)');
      for (const step of steps) {
        const indent = '  '.repeat(step.depth);
        console.log(`${indent}└─ ${step.edge.type} → ${describeDocument(step.document)}`);
        const evidence = describeEvidence(step.edge);
        if (evidence) console.log(`${indent}   ${evidence}`);
      }
      return 0;
    });
  });
}
