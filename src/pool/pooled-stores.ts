/**
 * The GraphStore and SearchIndex interfaces over a read pool: reads are posted to
 * a worker (read-pool.ts), writes go to the main thread's own store. Resolvers and
 * DataLoaders use these exactly like the stores they wrap.
 */
import type { GraphStore, IngestBatch } from '../../graph/store.ts';
import type { Locality } from '../../graph/model.ts';
import type { SearchDoc, SearchIndex } from '../search/search-index.ts';
import type { ArgsOf, Method, ReadTargets, Target } from './read-api.ts';
import type { ReadPool } from './read-pool.ts';

/** A function with the signature of `target.method` that runs it on the pool. */
function remote<T extends Target, M extends Method<T>>(pool: ReadPool, target: T, method: M): ReadTargets[T][M] {
  return ((...args: ArgsOf<T, M>) => pool.call(target, method, args)) as ReadTargets[T][M];
}

export class PooledGraphStore implements GraphStore {
  readonly engine: GraphStore['engine'];

  constructor(private readonly main: GraphStore, pool: ReadPool) {
    this.engine = main.engine;
    this.getDocuments = remote(pool, 'graph', 'getDocuments');
    this.findBySymbol = remote(pool, 'graph', 'findBySymbol');
    this.outgoing = remote(pool, 'graph', 'outgoing');
    this.incoming = remote(pool, 'graph', 'incoming');
    this.incomingPage = remote(pool, 'graph', 'incomingPage');
    this.implementers = remote(pool, 'graph', 'implementers');
    this.implementerProvinces = remote(pool, 'graph', 'implementerProvinces');
    this.legalBasis = remote(pool, 'graph', 'legalBasis');
    this.unresolved = remote(pool, 'graph', 'unresolved');
    this.stats = remote(pool, 'graph', 'stats');
    this.findByContentHash = remote(pool, 'graph', 'findByContentHash');
    this.canonicalHash = remote(pool, 'graph', 'canonicalHash');
  }

  readonly getDocuments: GraphStore['getDocuments'];
  readonly findBySymbol: GraphStore['findBySymbol'];
  readonly outgoing: GraphStore['outgoing'];
  readonly incoming: GraphStore['incoming'];
  readonly incomingPage: GraphStore['incomingPage'];
  readonly implementers: GraphStore['implementers'];
  readonly implementerProvinces: GraphStore['implementerProvinces'];
  readonly legalBasis: GraphStore['legalBasis'];
  readonly unresolved: GraphStore['unresolved'];
  readonly stats: GraphStore['stats'];
  readonly findByContentHash: GraphStore['findByContentHash'];
  readonly canonicalHash: GraphStore['canonicalHash'];

  init(): Promise<void> {
    return this.main.init();
  }

  close(): Promise<void> {
    return this.main.close();
  }

  /** A writer's look-up (ingest pins references with it): the main thread's own store answers. */
  findRefsBySymbol(folded: string, year?: number | null, province?: string | null) {
    return this.main.findRefsBySymbol(folded, year, province);
  }

  writeBatch(batch: IngestBatch): Promise<void> {
    return this.main.writeBatch(batch);
  }

  writeBatches(batches: readonly IngestBatch[]): Promise<void> {
    return this.main.writeBatches(batches);
  }

  loadLocalities(localities: Locality[]): Promise<void> {
    return this.main.loadLocalities(localities);
  }
}

export class PooledSearchIndex implements SearchIndex {
  readonly engine: SearchIndex['engine'];
  readonly search: SearchIndex['search'];

  constructor(private readonly main: SearchIndex, pool: ReadPool) {
    this.engine = main.engine;
    this.search = remote(pool, 'search', 'search');
  }

  init(): Promise<void> {
    return this.main.init();
  }

  close(): Promise<void> {
    return this.main.close();
  }

  upsert(docs: readonly SearchDoc[]): Promise<void> {
    return this.main.upsert(docs);
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.main.remove(ids);
  }
}
