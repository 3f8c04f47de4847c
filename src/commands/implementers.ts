/** `cancu implementers ID`: the plans that carry out a document. */
import { intFlag, LEVELS, levelFlag, runCommand, withServices } from './args.ts';
import { findDocument } from './find-document.ts';
import { describeDocument, describeEvidence } from './format.ts';

const spec = {
  name: 'implementers',
  usage: 'ID|SYMBOL [--transitive] [--province P] [--year Y] [--level L] [--issuer WORDS] [--of-year Y] [--first N] [--json]',
  help: [
    'List documents that implement ID (IMPLEMENTS edges).',
    '  --transitive  also implementers of implementers, with the path',
    `  --province, --year, --level (${LEVELS.join(', ')})  filter the implementing plans`,
    '  --issuer      words of the issuing body\'s name, with or without tone marks ("ubnd huyen cau ngang")',
    '  --of-year     issue year of the queried document, when its symbol is ambiguous',
    '  --first       maximum number listed (default 50)',
  ].join('\n'),
  options: {
    transitive: { type: 'boolean' },
    province: { type: 'string' },
    year: { type: 'string' },
    level: { type: 'string' },
    issuer: { type: 'string' },
    'of-year': { type: 'string' },
    first: { type: 'string' },
    json: { type: 'boolean' },
  },
  minPositionals: 1,
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, positionals, config }) => {
    const filter = { province: values.province, year: intFlag('year', values.year), level: levelFlag(values.level), issuer: values.issuer };
    const first = intFlag('first', values.first) ?? 50;
    const ofYear = intFlag('of-year', values['of-year']);
    return withServices(config, async ({ graph }) => {
      const doc = await findDocument(graph, positionals[0], ofYear);
      const page = await graph.implementers(doc.id, { transitive: values.transitive ?? false, filter, first });
      if (values.json) {
        console.log(JSON.stringify(page, null, 2));
        return 0;
      }
      console.log(`${describeDocument(doc)}\n${page.totalCount} implementer${page.totalCount === 1 ? '' : 's'}`);
      for (const impl of page.items) {
        console.log(`\n${'  '.repeat(impl.depth - 1)}• ${describeDocument(impl.document)}${impl.depth > 1 ? ` (depth ${impl.depth})` : ''}`);
        const evidence = describeEvidence(impl.path[0]);
        if (evidence) console.log(`${'  '.repeat(impl.depth)}${evidence}`);
      }
      if (page.hasNextPage) console.log(`\n… ${page.totalCount - page.items.length} more (use --first)`);
      return 0;
    });
  });
}
