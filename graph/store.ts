/**
 * The one GraphStore interface. SQLite (graph/sqlite-store.ts, embedded default)
 * and Neo4j (graph/neo4j-store.ts) implement it and pass one contract suite
 * (test/graph-store.contract.ts).
 */
import type { AdminLevel } from '../ingest/model.ts';
import type { DocumentNode, DocumentRef, Edge, EdgeType, Locality, UnresolvedReference } from './model.ts';

/** Everything one ingested file contributes, written atomically. */
export interface IngestBatch {
  /** The ingested document itself (ingested = true, with text and content hash). */
  document: DocumentNode;
  /** Documents known only because this file cites them; merged into existing nodes by id. */
  cited: DocumentNode[];
  /** Edges whose evidence comes from this file (plan → cited, and stated third-party relations). */
  edges: Edge[];
  unresolved: UnresolvedReference[];
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Opaque cursor of the last item, to pass as `after`. */
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ProvinceCount {
  value: string;
  count: number;
}

export interface ImplementerFilter {
  province?: string | null;
  year?: number | null;
  level?: AdminLevel | null;
  /** Words of the issuer's name, in a row (see issuerMatcher in graph/traversal.ts): "Cầu Ngang", "UBND huyện". */
  issuer?: string | null;
}

/** A plan reaching the queried document, with the chain of edges that leads there (first edge starts at the plan). */
export interface Implementer {
  document: DocumentNode;
  depth: number;
  path: Edge[];
}

/** One step of a legal-basis trace: `edge.from` is at depth-1, `edge.to` at depth. */
export interface TraceStep {
  depth: number;
  edge: Edge;
  document: DocumentNode;
}

/**
 * How edges are read: `evidence` bounds the pieces of evidence read per edge (the first, by
 * source and offsets; default all), and Edge.evidenceCount then says how many there are. At 1M
 * plans one stated edge has 44k pieces (the same sentence in every plan).
 */
export interface EdgeReadOptions {
  evidence?: number;
}

/** A window on the edges into one document (GraphStore.incomingPage). */
export interface IncomingPage extends EdgeReadOptions {
  type?: EdgeType | null;
  /** Of the citing document. */
  province?: string | null;
  /** Of the citing document. */
  year?: number | null;
  offset: number;
  limit: number;
}

/** A page of findBySymbol, by id: at most `first` documents whose id comes after `after` (from the start when null). */
export interface SymbolPage {
  first: number;
  after: string | null;
}

export interface StoreStats {
  documents: number;
  ingested: number;
  edges: number;
  unresolved: number;
  localities: number;
}

export interface GraphStore {
  readonly engine: 'sqlite' | 'neo4j';
  /** Create schema / constraints (idempotent). */
  init(): Promise<void>;
  close(): Promise<void>;

  /**
   * Write one ingested file atomically. Replaces every edge, evidence and
   * unresolved entry previously contributed by `batch.document.id`
   * (a changed file replaces its own outgoing edges), then merges cited nodes.
   */
  writeBatch(batch: IngestBatch): Promise<void>;
  /** Bulk load: many files in one transaction, same effect as writeBatch on each in order. */
  writeBatches(batches: readonly IngestBatch[]): Promise<void>;
  /** Id of the ingested document with this content hash, if any (idempotent ingest). */
  findByContentHash(hash: string): Promise<string | null>;
  /** Load province/district/commune nodes with PART_OF (idempotent). */
  loadLocalities(localities: Locality[]): Promise<void>;

  /**
   * Batched fetch, result in the order of `ids` (null where unknown). For DataLoader.
   * With `text: false` the ingested documents' full texts are left out (`text` undefined).
   */
  getDocuments(ids: readonly string[], opts?: { text?: boolean }): Promise<(DocumentNode | null)[]>;
  /**
   * Documents whose folded symbol (see ingest/normalize foldSymbol) equals `folded`, optionally
   * of one year and of one province (a local number is shared by every province: `15/KH-UBND`),
   * ordered by id. With `page`, at most `first` of them, those whose id comes after `after`.
   */
  findBySymbol(folded: string, year?: number | null, province?: string | null, page?: SymbolPage): Promise<DocumentNode[]>;
  /**
   * The look-up of findBySymbol reduced to id, date and year, in no particular order: what ingest
   * needs to pin an open reference. At 1M plans a local number has hundreds of documents per
   * province, and ingest asks once per open reference, so it reads no more than that.
   */
  findRefsBySymbol(folded: string, year?: number | null, province?: string | null): Promise<DocumentRef[]>;
  /** Outgoing edges of many documents at once (batched). */
  outgoing(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]>;
  /** Incoming edges of many documents at once (batched). */
  incoming(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]>;
  /**
   * One page of the edges into `id`, in `incoming`'s order (citing document, then type),
   * optionally of one type and from documents of one province and year, with the count of all
   * that match: a national directive is cited by tens of thousands of plans.
   */
  incomingPage(id: string, page: IncomingPage): Promise<{ edges: Edge[]; totalCount: number }>;
  /** Documents that implement `of` (IMPLEMENTS edges), directly or transitively, with their path. */
  implementers(
    of: string,
    opts: { transitive: boolean; filter?: ImplementerFilter; first: number; after?: string | null; maxDepth?: number } & EdgeReadOptions,
  ): Promise<Page<Implementer>>;
  /**
   * How many of all the implementers `implementers` pages through (same options) each province has,
   * most first, then by name in code-point order; implementers with no province are not counted.
   */
  implementerProvinces(
    of: string,
    opts: { transitive: boolean; filter?: ImplementerFilter; maxDepth?: number },
  ): Promise<ProvinceCount[]>;
  /** Bounded upward trace through IMPLEMENTS, BASED_ON, GUIDES, ISSUES, CONTINUES, AMENDS. */
  legalBasis(of: string, maxDepth: number, read?: EdgeReadOptions): Promise<TraceStep[]>;
  unresolved(opts: { first: number; after?: string | null; source?: string | null }): Promise<Page<UnresolvedReference>>;
  stats(): Promise<StoreStats>;
  /** A hash of the whole graph's canonical content (nodes, edges, evidence), independent of write order. */
  canonicalHash(): Promise<string>;
}
