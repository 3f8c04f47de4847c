/**
 * Query latency on a built embedded store (bench/ingest.ts): p50/p95/p99 over
 * ≥ 1,000 queries each of document by id, documentsBySymbol, direct and
 * transitive implementers of a central directive (first page of 50), legalBasis
 * of a commune plan, search (accent-free and accented); then side by side in the
 * same run: the recursive-CTE trace vs an in-memory adjacency traversal, and
 * SQLite FTS5 vs MiniSearch vs FlexSearch on the same plans and queries.
 *
 *   node bin/run-ts.js bench/queries.ts --n 100000 [--seed 1] [--oracle 1] [--queries 1000] [--engines 20000]
 *
 * The store is DIR/store-oracle (the true graph) by default, built first if missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import { foldPhrase, foldSymbol } from '../ingest/normalize.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { ensureCorpus, ingestBench } from './ingest.ts';
import { flags, latencies, peakRssMB, report, round } from './lib.ts';
import { compareEngines, roundLatency } from './search-engines.ts';
import { Rng } from './synth/random.ts';
import { TOPICS } from './synth/catalogue.ts';
import { benchDirs } from './store-dir.ts';

/** Upward edge types of legalBasis (graph/traversal.ts): every type but CITES. */
const BASIS_TYPES = ['IMPLEMENTS', 'BASED_ON', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];

interface Targets {
  documents: string[];
  symbols: { folded: string; year: number | null }[];
  centrals: string[];
  communes: string[];
  searches: { accented: string[]; plain: string[] };
}

/** Pick query targets straight from the store's tables (read-only, fixed SQL). */
function targets(db: Database.Database, count: number, rng: Rng): Targets {
  const cycle = <T>(xs: T[]): T[] => (xs.length === 0 ? [] : Array.from({ length: count }, (_, i) => xs[i % xs.length]));
  const ingested = db.prepare('SELECT id, symbol, year FROM documents WHERE ingested = 1 ORDER BY random() LIMIT ?').all(count) as
    { id: string; symbol: string | null; year: number | null }[];
  const communes = db.prepare("SELECT id FROM documents WHERE ingested = 1 AND level = 'xã' ORDER BY random() LIMIT ?").pluck().all(count) as string[];
  // "Central directives": the cited-only documents most often implemented.
  const centrals = db
    .prepare("SELECT dst FROM edges WHERE type = 'IMPLEMENTS' AND dst IN (SELECT id FROM documents WHERE ingested = 0) GROUP BY dst ORDER BY count(*) DESC LIMIT 50")
    .pluck()
    .all() as string[];
  const units = db.prepare('SELECT DISTINCT province FROM documents WHERE province IS NOT NULL LIMIT 200').pluck().all() as string[];
  const accented = Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length].subject.split(' ').slice(0, 3).join(' ');
    const symbol = ingested[i % ingested.length]?.symbol;
    switch (i % 3) {
      case 0:
        return topic;
      case 1:
        return symbol ?? topic;
      default:
        return `${topic} ${units.length ? rng.pick(units).replace(/^(Tỉnh|Thành phố) /, '') : ''}`.trim();
    }
  });
  return {
    documents: ingested.map((d) => d.id),
    symbols: ingested.filter((d) => d.symbol).map((d) => ({ folded: foldSymbol(d.symbol!), year: d.year })),
    centrals: cycle(centrals),
    communes: cycle(communes),
    searches: { accented, plain: accented.map(foldPhrase) },
  };
}

/** All upward edges in compressed adjacency (CSR) form, for the in-memory trace. */
function adjacency(db: Database.Database) {
  const ids = new Map<string, number>();
  const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
  const src: number[] = [];
  const dst: number[] = [];
  const rows = db.prepare(`SELECT src, dst FROM edges WHERE type IN (${BASIS_TYPES.map(() => '?').join(',')})`).raw().iterate(...BASIS_TYPES) as Iterable<[string, string]>;
  for (const [s, d] of rows) {
    src.push(id(s));
    dst.push(id(d));
  }
  const offsets = new Uint32Array(ids.size + 1);
  for (const s of src) offsets[s + 1]++;
  for (let i = 0; i < ids.size; i++) offsets[i + 1] += offsets[i];
  const targetsOf = new Uint32Array(src.length);
  const fill = offsets.slice(0, ids.size);
  src.forEach((s, i) => (targetsOf[fill[s]++] = dst[i]));
  /** Distinct documents reachable upward within maxDepth (BFS). */
  const trace = (from: string, maxDepth: number): number => {
    const start = ids.get(from);
    if (start === undefined) return 0;
    const seen = new Set([start]);
    let frontier = [start];
    for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
      const next: number[] = [];
      for (const n of frontier) for (let j = offsets[n]; j < offsets[n + 1]; j++) if (!seen.has(targetsOf[j])) (seen.add(targetsOf[j]), next.push(targetsOf[j]));
      frontier = next;
    }
    return seen.size - 1;
  };
  return { trace, nodes: ids.size, edges: src.length };
}

async function main(): Promise<void> {
  const opts = flags({ n: 100_000, seed: 1, oracle: 1, queries: 1000, engines: 20_000, depth: 6 });
  const dirs = benchDirs(opts.n, opts.seed, opts.oracle === 1);
  if (!existsSync(path.join(dirs.store, 'cancu.db'))) {
    await ensureCorpus(dirs, opts.n, opts.seed);
    await ingestBench(dirs, opts.oracle === 1);
  }
  const graphFile = path.join(dirs.store, 'cancu.db');
  const db = new Database(graphFile, { readonly: true });
  const t = targets(db, opts.queries, new Rng(opts.seed));
  const graph = new SqliteGraphStore(graphFile);
  await graph.init();
  const search = new SqliteSearchIndex(path.join(dirs.store, 'search.db'));
  await search.init();
  const rssBefore = process.memoryUsage().rss;

  const store = {
    documentById: await latencies(t.documents, (id) => graph.getDocuments([id])),
    documentsBySymbol: await latencies(t.symbols, (s) => graph.findBySymbol(s.folded, s.year)),
    implementersDirect: await latencies(t.centrals, (id) => graph.implementers(id, { transitive: false, first: 50 })),
    implementersTransitive: await latencies(t.centrals, (id) => graph.implementers(id, { transitive: true, first: 50 })),
    legalBasisCommune: await latencies(t.communes, (id) => graph.legalBasis(id, opts.depth)),
    searchAccented: await latencies(t.searches.accented, (q) => search.search(q, { limit: 20, offset: 0 })),
    searchAccentFree: await latencies(t.searches.plain, (q) => search.search(q, { limit: 20, offset: 0 })),
  };

  const t0 = performance.now();
  const adj = adjacency(db);
  const adjacencyBuildS = (performance.now() - t0) / 1000;
  const traceCompare = {
    recursiveCte: store.legalBasisCommune,
    inMemoryAdjacency: await latencies(t.communes, (id) => adj.trace(id, opts.depth)),
    adjacencyBuildSeconds: round(adjacencyBuildS, 1),
    adjacencyNodes: adj.nodes,
    adjacencyEdges: adj.edges,
  };

  // Engines: the first --engines ingested plans of the corpus, same queries.
  const files = readFileSync(dirs.truth, 'utf8').split('\n', opts.engines).filter(Boolean).map((l) => (JSON.parse(l) as { file: string; header: { id: string; title: string } }));
  const docs = files.map((f) => ({ id: f.header.id, title: f.header.title, text: readFileSync(path.join(dirs.corpus, f.file), 'utf8') }));
  const half = Math.min(500, Math.ceil(opts.queries / 2));
  const engines = await compareEngines(docs, [...t.searches.accented.slice(0, half), ...t.searches.plain.slice(0, half)]);

  const [{ documents }, { edges }] = [db.prepare('SELECT count(*) AS documents FROM documents').get() as { documents: number }, db.prepare('SELECT count(*) AS edges FROM edges').get() as { edges: number }];
  db.close();
  await graph.close();
  await search.close();
  report(`queries-${opts.n}`, {
    graph: opts.oracle ? 'oracle (the true graph)' : 'extracted by extract()',
    store: dirs.store,
    nodes: documents,
    edges,
    latencyMs: Object.fromEntries(Object.entries(store).map(([k, v]) => [k, roundLatency(v)])),
    traceCompare: { ...traceCompare, recursiveCte: roundLatency(traceCompare.recursiveCte), inMemoryAdjacency: roundLatency(traceCompare.inMemoryAdjacency) },
    engines,
    rssGrowthMB: round((process.memoryUsage().rss - rssBefore) / 1e6, 0),
    peakRssMB: round(peakRssMB(), 0),
    targets: 'trace at 1M p99 ≤ 2 ms; transitive implementers at 1M p95 ≤ 20 ms; search at 1M p95 ≤ 20 ms',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
