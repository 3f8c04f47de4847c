/**
 * Query latency on a built embedded store (bench/ingest.ts): p50/p95/p99 over
 * ≥ 1,000 queries each of document by id, documentsBySymbol, direct and
 * transitive implementers of a central directive (first page of 50), legalBasis
 * of a commune plan, search (accent-free and accented); then side by side in the
 * same run: the former recursive-CTE traversals vs the store's in-memory adjacency,
 * and SQLite FTS5 vs MiniSearch vs FlexSearch on the same plans and queries.
 * Graph details: the adjacency's build time and memory, implementers with a
 * province filter, later pages, every traversal again without the reach cache, and
 * the first page of "cited by" of the five most cited documents.
 *
 *   node bin/run-ts.js bench/queries.ts --n 100000 [--seed 1] [--oracle 1] [--queries 1000] [--engines 20000]
 *     [--store DIR] [--search 0] [--cte 200] [--pages 20] [--detail 1000]
 *
 * The store is DIR/store-oracle (the true graph) by default, built first if missing;
 * --store queries another copy (opening a store migrates its schema, a write).
 * --search 0 skips search and the engines (saved as queries-graph-N.json).
 * --detail K times the graph details (uncached walks, province filter, later pages)
 * on the first K targets only: at 1M an uncached walk reads a reach of up to
 * hundreds of thousands of plans, so 1,000 of each take tens of minutes.
 * Each phase's start is logged to stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import { foldPhrase, foldSymbol } from '../ingest/normalize.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { ensureCorpus, ingestBench } from './ingest.ts';
import { flags, measure, peakRssMB, report, round, summarize, type Latency } from './lib.ts';
import { DEFAULT_MAX_DEPTH } from '../graph/traversal.ts';
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
  provinces: string[];
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
    provinces: units,
  };
}

/**
 * The store's former traversals, recursive CTEs (kept here for the side-by-side
 * figures), with the same placeholder rule (graph/model.ts: a walk goes on only from
 * the root and from nodes that are not placeholders): legalBasis in full (reach,
 * edges with evidence, documents), and the reach + order + first page of documents
 * of implementers (paths not built).
 */
function cteTraversals(db: Database.Database) {
  const types = JSON.stringify(BASIS_TYPES);
  const through = (v: string) => `(${v}.depth = 0 OR NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = ${v}.id AND p.ingested = 0 AND instr(p.id, '?') > 0))`;
  const basis = db.prepare(`
    WITH RECURSIVE up(id, depth) AS (
      SELECT @of, 0 UNION
      SELECT e.dst, u.depth + 1 FROM up u JOIN edges e ON e.src = u.id AND e.type IN (SELECT value FROM json_each(@types)) WHERE u.depth < @maxDepth AND ${through('u')}
    ) SELECT id, min(depth) AS depth FROM up GROUP BY id`);
  const implementers = db.prepare(`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT @of, 0 UNION
      SELECT e.src, w.depth + 1 FROM walk w JOIN edges e ON e.dst = w.id AND e.type = 'IMPLEMENTS' WHERE w.depth < @maxDepth AND ${through('w')}
    ) SELECT id, min(depth) AS depth FROM walk WHERE id <> @of GROUP BY id`);
  const placeholder = db.prepare(`SELECT 1 FROM documents WHERE id = ? AND ingested = 0 AND instr(id, '?') > 0`).pluck();
  const outgoing = db.prepare(`SELECT id, src, dst, type FROM edges
    WHERE src IN (SELECT value FROM json_each(@ids)) AND type IN (SELECT value FROM json_each(@types)) ORDER BY src, dst, type`);
  const evidence = db.prepare(`SELECT edge_id, source, start, end, section, quote, stated FROM evidence
    WHERE edge_id IN (SELECT value FROM json_each(?)) ORDER BY edge_id, source, start, end`);
  const documents = db.prepare(`SELECT * FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
  return {
    legalBasis(of: string, maxDepth: number): number {
      const reach = new Map((basis.all({ of, maxDepth, types }) as { id: string; depth: number }[]).map((r) => [r.id, r.depth]));
      const inner = [...reach].filter(([id, d]) => d < maxDepth && (d === 0 || placeholder.get(id) === undefined)).map(([id]) => id);
      const edges = outgoing.all({ ids: JSON.stringify(inner), types }) as { id: number; dst: string }[];
      evidence.all(JSON.stringify(edges.map((e) => e.id)));
      documents.all(JSON.stringify(edges.map((e) => e.dst)));
      return edges.length;
    },
    implementersPage(of: string, maxDepth: number, first: number): number {
      const rows = (implementers.all({ of, maxDepth }) as { id: string; depth: number }[]).sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1));
      documents.all(JSON.stringify(rows.slice(0, first).map((r) => r.id)));
      return rows.length;
    },
  };
}

const started = performance.now();
const phase = (name: string) => process.stderr.write(`[${round((performance.now() - started) / 1000, 1)} s] ${name}\n`);
const rssMB = () => round(process.memoryUsage().rss / 1e6, 0);

/** The CPU time of each timed query kind, beside the wall time `timed` returns. */
const cpuMs: Record<string, Latency> = {};
async function timed<T>(name: string, inputs: readonly T[], fn: (x: T) => unknown): Promise<Latency> {
  phase(`  ${name} ×${inputs.length}`);
  const { wall, cpu } = await measure(inputs, fn);
  cpuMs[name] = summarize(cpu);
  return summarize(wall);
}

async function main(): Promise<void> {
  const opts = flags({ n: 100_000, seed: 1, oracle: 1, queries: 1000, engines: 20_000, depth: 6, store: '', search: 1, cte: 200, pages: 20, detail: 1000 });
  const dirs = benchDirs(opts.n, opts.seed, opts.oracle === 1);
  // --store DIR: query a copy (opening a store applies pending schema migrations, a write).
  if (opts.store) dirs.store = path.resolve(opts.store);
  else if (!existsSync(path.join(dirs.store, 'cancu.db'))) {
    await ensureCorpus(dirs, opts.n, opts.seed);
    await ingestBench(dirs, opts.oracle === 1);
  }
  const graphFile = path.join(dirs.store, 'cancu.db');
  const graph = new SqliteGraphStore(graphFile);
  await graph.init();
  const db = new Database(graphFile, { readonly: true });
  phase('picking targets');
  const t = targets(db, opts.queries, new Rng(opts.seed));
  // --search 0: graph queries only (no search.db needed).
  const search = opts.search ? new SqliteSearchIndex(path.join(dirs.store, 'search.db')) : null;
  await search?.init();
  const rssBefore = process.memoryUsage().rss;

  // The first traversal builds the in-memory adjacency (graph/adjacency.ts).
  phase('building the adjacency');
  global.gc?.();
  const rssBeforeBuild = process.memoryUsage().rss;
  const b0 = performance.now();
  await graph.legalBasis(t.communes[0], opts.depth);
  const adjacencyBuildSeconds = round((performance.now() - b0) / 1000, 2);
  global.gc?.();
  const adjacency = { ...graph.adjacencyStats()!, buildSeconds: adjacencyBuildSeconds, rssAddedMB: rssMB() - round(rssBeforeBuild / 1e6, 0) };

  const withYear = t.symbols.filter((s) => s.year !== null);
  const noYear = t.symbols.filter((s) => s.year === null);
  phase('required query kinds');
  const store = {
    documentById: await timed('documentById', t.documents, (id) => graph.getDocuments([id])),
    documentsBySymbol: await timed('documentsBySymbol', t.symbols, (s) => graph.findBySymbol(s.folded, s.year)),
    implementersDirect: await timed('implementersDirect', t.centrals, (id) => graph.implementers(id, { transitive: false, first: 50 })),
    implementersTransitive: await timed('implementersTransitive', t.centrals, (id) => graph.implementers(id, { transitive: true, first: 50 })),
    legalBasisCommune: await timed('legalBasisCommune', t.communes, (id) => graph.legalBasis(id, opts.depth)),
    ...(search && {
      searchAccented: await timed('searchAccented', t.searches.accented, (q) => search.search(q, { limit: 20, offset: 0 })),
      searchAccentFree: await timed('searchAccentFree', t.searches.plain, (q) => search.search(q, { limit: 20, offset: 0 })),
    }),
  };

  // The same traversals without the reach cache (every query walks and sorts), on a second store.
  phase(`graph details on ${opts.detail} targets each`);
  const k = opts.detail;
  const mostCited = db.prepare('SELECT dst AS id, count(*) AS n FROM edges GROUP BY dst ORDER BY n DESC LIMIT 5').all() as { id: string; n: number }[];
  const [centrals, communes] = [t.centrals.slice(0, k), t.communes.slice(0, k)];
  const uncachedGraph = new SqliteGraphStore(graphFile, { reachCache: 0 });
  await uncachedGraph.init();
  await uncachedGraph.legalBasis(t.communes[0], opts.depth);
  const provinces = t.provinces;
  /** Issuer filters as staff type them: a body type, a district's committee, a Party committee. */
  const ISSUERS = ['ubnd huyen', 'Ủy ban nhân dân xã', 'huyen uy', 'Sở Nội vụ'];
  // the six latest years that plans carry
  const years = db.prepare('SELECT DISTINCT year FROM documents WHERE ingested = 1 AND year IS NOT NULL ORDER BY year DESC LIMIT 6').pluck().all() as number[];
  let pageNo = 0;
  const detail = {
    documentsBySymbolWithYear: await timed('documentsBySymbolWithYear', withYear, (s) => graph.findBySymbol(s.folded, s.year)),
    documentsBySymbolNoYear: await timed('documentsBySymbolNoYear', noYear, (s) => graph.findBySymbol(s.folded, null)),
    meanDocumentsBySymbol: { withYear: meanOf(withYear.map((s) => db.prepare('SELECT count(*) FROM documents WHERE symbol_folded = ? AND year = ?').pluck().get(s.folded, s.year) as number)), noYear: meanOf(noYear.map((s) => db.prepare('SELECT count(*) FROM documents WHERE symbol_folded = ?').pluck().get(s.folded) as number)) },
    implementersTransitiveUncached: await timed('implementersTransitiveUncached', centrals, (id) => uncachedGraph.implementers(id, { transitive: true, first: 50 })),
    implementersTransitiveProvince: await timed('implementersTransitiveProvince', centrals, (id) => graph.implementers(id, { transitive: true, first: 50, filter: { province: provinces[pageNo++ % provinces.length] } })),
    implementersTransitiveIssuer: await timed('implementersTransitiveIssuer', centrals, (id) => graph.implementers(id, { transitive: true, first: 50, filter: { issuer: ISSUERS[pageNo++ % ISSUERS.length] } })),
    implementersTransitiveProvinceUncached: await timed('implementersTransitiveProvinceUncached', centrals, (id) => uncachedGraph.implementers(id, { transitive: true, first: 50, filter: { province: provinces[pageNo++ % provinces.length] } })),
    implementersTransitiveLaterPages: await laterPages(graph, centrals.slice(0, 50), opts.pages),
    implementersTransitiveLaterPagesUncached: await laterPages(uncachedGraph, centrals.slice(0, 50), opts.pages),
    legalBasisCommuneUncached: await timed('legalBasisCommuneUncached', communes, (id) => uncachedGraph.legalBasis(id, opts.depth)),
    meanTraceSteps: meanOf(await Promise.all(communes.slice(0, 200).map(async (id) => (await graph.legalBasis(id, opts.depth)).length))),
    popularTargets: await Promise.all(t.centrals.slice(0, 3).map(async (id) => ({ id, transitiveImplementers: (await graph.implementers(id, { transitive: true, first: 0 })).totalCount }))),
    // a document page's "cited by" (first page of 50, and its count), for the most cited documents
    mostCited: mostCited.map((m) => `${m.id} (${m.n})`),
    citedByFirstPage: await timed('citedByFirstPage', repeat(mostCited, 20), (m) => graph.incomingPage(m.id, { limit: 50, offset: 0 })),
    citedByFirstPageProvince: await timed('citedByFirstPageProvince', repeat(mostCited, 20), (m) => graph.incomingPage(m.id, { limit: 50, offset: 0, province: provinces[pageNo++ % provinces.length] })),
    citedByFirstPageYear: await timed('citedByFirstPageYear', repeat(mostCited, 20), (m) => graph.incomingPage(m.id, { limit: 50, offset: 0, year: years[pageNo++ % years.length] })),
    citedByFirstPageProvinceYear: await timed('citedByFirstPageProvinceYear', repeat(mostCited, 20), (m) => graph.incomingPage(m.id, { limit: 50, offset: 0, province: provinces[pageNo++ % provinces.length], year: years[pageNo % years.length] })),
  };

  // Side by side on the same queries: the former recursive CTEs vs the store's in-memory traversals.
  phase(`recursive CTEs vs in-memory adjacency on ${opts.cte} targets`);
  const cte = cteTraversals(db);
  const cteCommunes = t.communes.slice(0, opts.cte);
  const cteCentrals = t.centrals.slice(0, Math.min(opts.cte, 100));
  const traceCompare = {
    queries: cteCommunes.length,
    recursiveCte: await timed('recursiveCte', cteCommunes, (id) => cte.legalBasis(id, opts.depth)),
    inMemoryAdjacency: await timed('inMemoryAdjacency', cteCommunes, (id) => graph.legalBasis(id, opts.depth)),
    implementersQueries: cteCentrals.length,
    implementersRecursiveCte: await timed('implementersRecursiveCte', cteCentrals, (id) => cte.implementersPage(id, DEFAULT_MAX_DEPTH, 50)),
    implementersInMemoryAdjacency: await timed('implementersInMemoryAdjacency', cteCentrals, (id) => uncachedGraph.implementers(id, { transitive: true, first: 50 })),
  };
  await uncachedGraph.close();

  // Engines: the first --engines ingested plans of the corpus, same queries.
  phase(`search engines on ${opts.engines} plans`);
  const files = !search || !opts.engines ? [] : readFileSync(dirs.truth, 'utf8').split('\n', opts.engines).filter(Boolean).map((l) => (JSON.parse(l) as { file: string; header: { id: string; title: string } }));
  const docs = files.map((f) => ({ id: f.header.id, title: f.header.title, text: readFileSync(path.join(dirs.corpus, f.file), 'utf8') }));
  const half = Math.min(500, Math.ceil(opts.queries / 2));
  const engines = !files.length ? [] : await compareEngines(docs, [...t.searches.accented.slice(0, half), ...t.searches.plain.slice(0, half)]);

  const [{ documents }, { edges }] = [db.prepare('SELECT count(*) AS documents FROM documents').get() as { documents: number }, db.prepare('SELECT count(*) AS edges FROM edges').get() as { edges: number }];
  db.close();
  await graph.close();
  await search?.close();
  const r = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, isLatency(v) ? roundLatency(v) : v]));
  report(search ? `queries-${opts.n}` : `queries-graph-${opts.n}${opts.oracle ? '-oracle' : ''}`, {
    graph: opts.oracle ? 'oracle (the true graph)' : 'extracted by extract()',
    store: dirs.store,
    nodes: documents,
    edges,
    latencyMs: r(store),
    graphDetailTargets: opts.detail,
    graphDetailMs: r(detail),
    cpuMs: r(cpuMs),
    adjacency: { ...adjacency, bytesMB: round(adjacency.bytes / 1e6, 1) },
    traceCompare: r(traceCompare),
    engines,
    rssGrowthMB: round((process.memoryUsage().rss - rssBefore) / 1e6, 0),
    peakRssMB: round(peakRssMB(), 0),
    targets: 'trace at 1M p99 ≤ 2 ms; transitive implementers at 1M p95 ≤ 20 ms; search at 1M p95 ≤ 20 ms',
  }, [
    'implementers: first page of 50 (later pages: pages 2..--pages through endCursor); "Uncached": a second store with reachCache 0, so every query walks and sorts its whole reach',
    'implementersRecursiveCte: reach + order + page documents only (no paths); implementersInMemoryAdjacency: the full store call without the reach cache',
  ]);
}

/** Latency of pages 2..`pages` of transitive implementers, following endCursor. */
async function laterPages(graph: SqliteGraphStore, ids: readonly string[], pages: number): Promise<Latency> {
  const ms: number[] = [];
  for (const id of new Set(ids)) {
    let after = (await graph.implementers(id, { transitive: true, first: 50 })).endCursor;
    for (let p = 2; p <= pages && after; p++) {
      const t0 = performance.now();
      const page = await graph.implementers(id, { transitive: true, first: 50, after });
      ms.push(performance.now() - t0);
      after = page.hasNextPage ? page.endCursor : null;
    }
  }
  return summarize(ms);
}

const repeat = <T>(xs: readonly T[], times: number): T[] => Array.from({ length: times }, () => xs).flat();
const meanOf = (xs: number[]) => round(xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length), 1);
const isLatency = (v: unknown): v is Latency => typeof v === 'object' && v !== null && 'p95' in v;

if (import.meta.url === `file://${process.argv[1]}`) await main();
