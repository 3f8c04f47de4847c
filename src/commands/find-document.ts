/** Resolve a command-line document argument: a canonical id, or a symbol matched loosely ("33/CT-TTg"). */
import type { DocumentNode } from '../../graph/model.ts';
import type { GraphStore } from '../../graph/store.ts';
import { foldSymbol } from '../../ingest/normalize.ts';
import { UsageError } from './args.ts';
import { describeDocument } from './format.ts';

export async function findDocument(graph: GraphStore, arg: string, year?: number): Promise<DocumentNode> {
  const [byId] = await graph.getDocuments([arg]);
  if (byId) return byId;
  const folded = foldSymbol(arg);
  const matches = folded ? await graph.findBySymbol(folded, year ?? null) : [];
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new UsageError(`no document with id or symbol "${arg}"`);
  throw new UsageError(
    `"${arg}" matches ${matches.length} documents; give the id (or --year):\n${matches.map((d) => `  ${describeDocument(d)}`).join('\n')}`,
  );
}
