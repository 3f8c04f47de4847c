/**
 * The per-request context: the stores, and DataLoaders that batch document and
 * edge look-ups across a request's resolvers (one store call per tick).
 */
import DataLoader from 'dataloader';
import type { DocumentNode, Edge } from '../../graph/model.ts';
import type { GraphStore } from '../../graph/store.ts';
import { MAX_PAGE_SIZE } from './paging.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { IngestOutcome } from '../pipeline/ingest.ts';

/** What the API serves from, shared by every request. */
export interface ApiServices {
  graph: GraphStore;
  search: SearchIndex;
  ingestText(name: string, text: string): Promise<IngestOutcome>;
}

export interface ApiContext extends ApiServices {
  /** Documents without their full text (most fields list documents; only Document.text needs it). */
  documents: DataLoader<string, DocumentNode | null>;
  /** Full texts, null for cited-only or unknown documents. */
  texts: DataLoader<string, string | null>;
  outgoing: DataLoader<string, Edge[]>;
  incoming: DataLoader<string, Edge[]>;
}

function groupBy(edges: readonly Edge[], ids: readonly string[], end: 'from' | 'to'): Edge[][] {
  const byId = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  for (const e of edges) byId.get(e[end])?.push(e);
  return ids.map((id) => byId.get(id)!);
}

/** Edges are read with as many pieces of evidence as `evidence(first:)` may ask for, and their count. */
export const EVIDENCE_READ = { evidence: MAX_PAGE_SIZE } as const;

export function createContext(services: ApiServices): ApiContext {
  const { graph } = services;
  return {
    ...services,
    documents: new DataLoader((ids) => graph.getDocuments(ids, { text: false })),
    texts: new DataLoader(async (ids) => (await graph.getDocuments(ids)).map((d) => (d?.ingested ? (d.text ?? null) : null))),
    outgoing: new DataLoader(async (ids) => groupBy(await graph.outgoing(ids, undefined, EVIDENCE_READ), ids, 'from')),
    incoming: new DataLoader(async (ids) => groupBy(await graph.incoming(ids, undefined, EVIDENCE_READ), ids, 'to')),
  };
}
