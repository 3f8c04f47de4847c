/**
 * The graph-model values resolvers pass down as parents (codegen.ts `mappers`,
 * imported by the generated types with a "Model" suffix).
 */
import type { DocumentNode, Edge } from '../../graph/model.ts';
import type { ImplementerFilter } from '../../graph/store.ts';

export type { DocumentNode, Edge, Evidence, UnresolvedReference } from '../../graph/model.ts';
export type { TraceStep } from '../../graph/store.ts';

/** A page of implementers, with the question it answers (for the fields over the whole result: byProvince). */
export interface ImplementerConnection {
  edges: { cursor: string; node: DocumentNode; depth: number; path: Edge[] }[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  query: { of: string; transitive: boolean; filter: ImplementerFilter | undefined };
}
