/** `cancu search QUERY`: full-text search, accent-insensitive. */
import { intFlag, LEVELS, levelFlag, runCommand, withServices } from './args.ts';
import { describeDocument } from './format.ts';

const spec = {
  name: 'search',
  usage: 'QUERY... [--kind K] [--province P] [--year Y] [--level L] [--first N] [--json]',
  help: [
    'Search documents by symbol, name, title, issuer, subject and text ("chi thi 33 dan van" finds "Chỉ thị 33 … dân vận").',
    `  --level  one of: ${LEVELS.join(', ')}`,
    '  --first  number of hits (default 10)',
    '  --json   print the raw result as JSON',
  ].join('\n'),
  options: {
    kind: { type: 'string' },
    province: { type: 'string' },
    year: { type: 'string' },
    level: { type: 'string' },
    first: { type: 'string' },
    json: { type: 'boolean' },
  },
  minPositionals: 1,
} as const;

export function run(args: string[]): Promise<number> {
  return runCommand(spec, args, ({ values, positionals, config }) => {
    const filter = { kind: values.kind, province: values.province, year: intFlag('year', values.year), level: levelFlag(values.level) };
    const limit = intFlag('first', values.first) ?? 10;
    return withServices(config, async ({ graph, search }) => {
      const result = await search.search(positionals.join(' '), { filter, limit, offset: 0 });
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      const docs = await graph.getDocuments(result.hits.map((h) => h.id));
      console.log(`${result.totalCount} match${result.totalCount === 1 ? '' : 'es'}`);
      result.hits.forEach((hit, i) => {
        const doc = docs[i];
        console.log(`\n${i + 1}. ${doc ? describeDocument(doc) : hit.id}`);
        for (const h of hit.highlights.slice(0, 2)) {
          console.log(`   ${h.field}: ${h.snippet.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']').replace(/\s+/g, ' ')}`);
        }
      });
      return 0;
    });
  });
}
