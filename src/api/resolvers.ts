/**
 * Thin resolvers: argument checks and paging here, data from the stores
 * through the per-request DataLoaders (context.ts).
 */
import type { DocumentNode, Edge, Evidence } from '../../graph/model.ts';
import type { ImplementerFilter } from '../../graph/store.ts';
import { foldSymbol } from '../../ingest/normalize.ts';
import { SearchSyntaxError } from '../search/search-index.ts';
import { EVIDENCE_READ, type ApiContext } from './context.ts';
import { badInput, notFound } from './errors.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { connection, pageWindow } from './paging.ts';
import { encodeCursor as encodeStoreCursor, implementerAfter } from '../../graph/traversal.ts';

const MAX_TRACE_DEPTH = 10;
/** Upper bound on one document's unresolved references listed inline. */
const MAX_INLINE_UNRESOLVED = 1000;

async function requireDocument(ctx: ApiContext, id: string): Promise<DocumentNode> {
  const doc = await ctx.documents.load(id);
  if (!doc) throw notFound(`document "${id}"`);
  return doc;
}

/**
 * Implementers page on the store's own cursors (depth, then id: the same order and cursor
 * format in both stores, graph/traversal.ts), so a later page costs what the first does and
 * the whole chain below a national directive can be walked.
 */
async function implementerConnection(
  ctx: ApiContext,
  of: string,
  args: { transitive: boolean; filter?: ImplementerFilter | null; first: number; after?: string | null },
) {
  await requireDocument(ctx, of);
  const { limit } = pageWindow(args.first, null);
  try {
    implementerAfter(args.after);
  } catch {
    throw badInput(`invalid cursor "${args.after}"`);
  }
  const page = await ctx.graph.implementers(of, { transitive: args.transitive, filter: args.filter ?? undefined, first: limit, after: args.after ?? null, ...EVIDENCE_READ });
  // The page's documents are the `from` of most path steps: no second read for them.
  for (const impl of page.items) ctx.documents.prime(impl.document.id, impl.document);
  const edges = page.items.map((impl) => ({ cursor: encodeStoreCursor([impl.depth, impl.document.id]), node: impl.document, depth: impl.depth, path: impl.path }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    query: { of, transitive: args.transitive, filter: args.filter ?? undefined },
  };
}

async function loadPresent(ctx: ApiContext, ids: readonly string[]): Promise<(DocumentNode | null)[]> {
  return (await ctx.documents.loadMany(ids)).map((d) => (d instanceof Error ? null : d));
}

/** The first `first` pieces of an edge's evidence (the stores keep them by source id and offset). */
function firstEvidence(edge: Edge, first: number): Evidence[] {
  return edge.evidence.slice(0, pageWindow(first, null).limit);
}

/** How many pieces of evidence an edge has (a bounded read gives only the first of them). */
function evidenceCount(edge: Edge): number {
  return edge.evidenceCount ?? edge.evidence.length;
}

async function documentOf(ctx: ApiContext, id: string): Promise<DocumentNode> {
  // An edge endpoint always exists in a consistent graph; a missing one is a store defect.
  const doc = await ctx.documents.load(id);
  if (!doc) throw new Error(`graph inconsistency: edge endpoint "${id}" has no document node`);
  return doc;
}

export const resolvers: Resolvers = {
  Level: { CENTRAL: 'trung ương', PROVINCE: 'tỉnh', DISTRICT: 'huyện', COMMUNE: 'xã' },

  Query: {
    document: (_p, { id }, ctx) => ctx.documents.load(id),

    documentsBySymbol: async (_p, { symbol, year, province, first, after }, ctx) => {
      const folded = foldSymbol(symbol);
      if (!folded) throw badInput('symbol must contain letters or digits');
      pageWindow(first, null); // first within 0..MAX_PAGE_SIZE, else BAD_USER_INPUT
      return ctx.graph.findBySymbol(folded, year ?? null, province || null, { first, after: after ?? null });
    },

    search: async (_p, { query, filter, first, after }, ctx) => {
      const { offset, limit } = pageWindow(first, after);
      let result;
      try {
        result = await ctx.search.search(query, { filter: filter ?? undefined, limit, offset });
      } catch (err) {
        if (err instanceof SearchSyntaxError) throw badInput(`search syntax: ${err.message}`);
        throw err;
      }
      // A hit whose document left the graph (index behind the store) is dropped from the page.
      const docs = await loadPresent(ctx, result.hits.map((h) => h.id));
      const found = result.hits.flatMap((hit, i) => (docs[i] ? [{ hit, node: docs[i] }] : []));
      return {
        ...connection(found, offset, result.totalCount, ({ hit, node }) => ({ node, score: hit.score, highlights: hit.highlights })),
        facets: result.facets,
      };
    },

    implementers: (_p, { of, transitive, filter, first, after }, ctx) =>
      implementerConnection(ctx, of, { transitive: transitive ?? false, filter, first, after }),

    legalBasis: async (_p, { of, maxDepth }, ctx) => {
      if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_TRACE_DEPTH) {
        throw badInput(`maxDepth must be between 1 and ${MAX_TRACE_DEPTH} (got ${maxDepth})`);
      }
      await requireDocument(ctx, of);
      const steps = await ctx.graph.legalBasis(of, maxDepth, EVIDENCE_READ);
      // Every step's `from` is the root or an earlier step's document: no second read for them.
      for (const s of steps) ctx.documents.prime(s.document.id, s.document);
      return steps;
    },

    unresolvedReferences: async (_p, { first, after, source }, ctx) => {
      const { offset, limit } = pageWindow(first, after);
      const page = await ctx.graph.unresolved({ first: offset + limit, source: source ?? null });
      return connection(page.items.slice(offset, offset + limit), offset, page.totalCount);
    },

    stats: (_p, _a, ctx) => ctx.graph.stats(),
  },

  Mutation: {
    ingestText: async (_p, { name, text }, ctx) => {
      if (!name.trim()) throw badInput('name must not be empty');
      const outcome = await ctx.ingestText(name, text);
      if (outcome.status === 'failed') throw badInput(`${name}: ${outcome.reason}`);
      return {
        status: outcome.status === 'ingested' ? 'INGESTED' : 'UNCHANGED',
        document: outcome.document,
        citations: outcome.citations,
        unresolved: outcome.unresolved,
        diagnostics: outcome.diagnostics,
      };
    },
  },

  Document: {
    // Documents come from the loader without their text (a search page or a list would carry every hit's
    // full text across the read pool); the text is read only when asked for.
    text: async (doc, _a, ctx) => {
      if (!doc.ingested) return null;
      return doc.text !== undefined ? doc.text : ctx.texts.load(doc.id);
    },
    citations: async (doc, { relation }, ctx) => (await ctx.outgoing.load(doc.id)).filter((e) => !relation || e.type === relation),
    citedBy: async (doc, { relation, province, year, first, after }, ctx) => {
      const { offset, limit } = pageWindow(first, after);
      const page = await ctx.graph.incomingPage(doc.id, { type: relation ?? null, province: province || null, year: year ?? null, offset, limit, ...EVIDENCE_READ });
      return connection(page.edges, offset, page.totalCount);
    },
    implementedBy: (doc, { filter, first, after }, ctx) => implementerConnection(ctx, doc.id, { transitive: false, filter, first, after }),
    unresolved: async (doc, _a, ctx) => (await ctx.graph.unresolved({ first: MAX_INLINE_UNRESOLVED, source: doc.id })).items,
  },

  Citation: {
    from: (edge, _a, ctx) => documentOf(ctx, edge.from),
    to: (edge, _a, ctx) => documentOf(ctx, edge.to),
    relation: (edge) => edge.type,
    evidence: (edge, { first }) => firstEvidence(edge, first),
    evidenceCount: (edge) => evidenceCount(edge),
  },

  Evidence: {
    sourceDocument: (ev, _a, ctx) => ctx.documents.load(ev.source),
  },

  ImplementerConnection: {
    byProvince: ({ query }, _a, ctx) => ctx.graph.implementerProvinces(query.of, { transitive: query.transitive, filter: query.filter }),
  },

  TraceStep: {
    from: (step, _a, ctx) => documentOf(ctx, step.edge.from),
    to: (step) => step.document,
    relation: (step) => step.edge.type,
    evidence: (step, { first }) => firstEvidence(step.edge, first),
    evidenceCount: (step) => evidenceCount(step.edge),
  },

  UnresolvedReference: {
    source: (ref, _a, ctx) => documentOf(ctx, ref.source),
  },
};
