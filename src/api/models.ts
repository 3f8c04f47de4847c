/**
 * The graph-model values resolvers pass down as parents (codegen.ts `mappers`,
 * imported by the generated types with a "Model" suffix).
 */
export type { DocumentNode, Edge, Evidence, UnresolvedReference } from '../../graph/model.ts';
export type { TraceStep } from '../../graph/store.ts';
