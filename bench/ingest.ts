/**
 * Bulk ingest into the embedded store (SQLite graph + FTS5) through the product's
 * pipeline (src/pipeline ingestPaths: read → extract → toBatch → writeBatches →
 * search upsert), on a generated corpus of N plans: documents/s, edges/s, MB/s of
 * plan text, DB size on disk, peak RSS; and the recovered graph against the
 * generator's truth (edge precision/recall, true documents split into several nodes).
 *
 *   node bin/run-ts.js bench/ingest.ts --n 10000 [--seed 1] [--oracle 0] [--dir DIR]
 *
 * --oracle 1 ingests the truth itself as the extraction (keys = true ids): it
 * measures the store and search alone and builds the true graph for bench/queries.ts.
 * The corpus is generated once into DIR/corpus (default bench/out/data-N-sS) and reused.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../ingest/index.ts';
import type { Extraction } from '../ingest/model.ts';
import { run as generateCommand } from '../src/commands/generate.ts';
import { openServices } from '../src/commands/services.ts';
import { defaultExtractWorkers } from '../src/pipeline/extract-pool.ts';
import { ingestPaths, type IngestOutcome } from '../src/pipeline/ingest.ts';
import { flags, peakRssMB, report, round } from './lib.ts';
import { benchDirs, diskBytes, storeConfig, TruthReader, type BenchDirs } from './store-dir.ts';
import { truthExtraction } from './synth/oracle.ts';
import { Scorer } from './synth/score.ts';
import type { Truth } from './synth/truth.ts';

/** Generate the corpus unless DIR/corpus already holds it. Returns seconds spent (0 when reused). */
export async function ensureCorpus(dirs: BenchDirs, n: number, seed: number): Promise<number> {
  if (existsSync(dirs.truth)) return 0;
  const t0 = performance.now();
  const code = await generateCommand(['--n', String(n), '--seed', String(seed), '--out', dirs.corpus]);
  if (code !== 0) throw new Error(`cancu generate failed with exit code ${code}`);
  return (performance.now() - t0) / 1000;
}

export interface IngestFigures {
  documents: number;
  failed: number;
  seconds: number;
  documentsPerS: number;
  edges: number;
  edgesPerS: number;
  textMB: number;
  mbPerS: number;
  dbMB: number;
  peakRssMB: number;
  /** Seconds in extract(), graph writes and search upserts; the rest is reading, hashing and look-ups. */
  /** extraction worker threads (0: extracted on the main thread, its time in stageSeconds.extract) */
  extractWorkers: number;
  /** whether a thread wrote the search index (its time is then not in stageSeconds.searchUpsert, which times the main thread) */
  searchWriterThread: boolean;
  stageSeconds: Record<string, number>;
}

/** Ingest DIR/corpus into a fresh DIR/store (or store-oracle) and score it against the truth. */
export async function ingestBench(dirs: BenchDirs, oracle: boolean) {
  rmSync(dirs.store, { recursive: true, force: true });
  const config = storeConfig(dirs.store);
  const services = await openServices(config);
  const truths = new TruthReader(dirs.truth);
  const scorer = new Scorer();
  const pending = new Map<string, { truth: Truth; extraction: Extraction }>();
  let textChars = 0;
  let textBytes = 0;
  // Where the time goes: each stage's seconds, measured around the pipeline's own calls.
  const stage = { extract: 0, graphWrite: 0, searchUpsert: 0 };
  const timeAsync = <A extends unknown[], R>(name: keyof typeof stage, fn: (...a: A) => Promise<R>) => async (...a: A) => {
    const t = performance.now();
    try {
      return await fn(...a);
    } finally {
      stage[name] += (performance.now() - t) / 1000;
    }
  };
  const { graph, search } = services;
  graph.writeBatches = timeAsync('graphWrite', graph.writeBatches.bind(graph));
  graph.writeBatch = timeAsync('graphWrite', graph.writeBatch.bind(graph));
  search.upsert = timeAsync('searchUpsert', search.upsert.bind(search));
  // The truth of each file, in corpus order (files that never reach the graph are skipped).
  let current: (Truth & { file: string }) | null = null;
  const truthOf = (file: string): Truth => {
    while (current?.file !== file) {
      current = truths.next();
      if (!current) throw new Error(`truth.jsonl has no entry for ${file}`);
    }
    return current;
  };
  // Extraction runs in worker threads (CANCU_EXTRACT_WORKERS, see src/pipeline/extract-pool.ts), or
  // here: with the oracle, and with CANCU_EXTRACT_WORKERS=0 (then its time is a stage of its own).
  if (oracle) delete services.deps.extractFile;
  const extractWorkers = services.deps.extractFile ? (config.extractWorkers ?? defaultExtractWorkers()) : 0;
  services.deps.extract = (src) => {
    const t = performance.now();
    const extraction = oracle ? truthExtraction(src.file, truthOf(src.file)) : extract(src);
    stage.extract += (performance.now() - t) / 1000;
    return extraction;
  };
  // score what the graph receives: the extraction after the pipeline pinned undated references
  const toBatch = services.deps.toBatch;
  services.deps.toBatch = (extraction, source) => {
    pending.set(extraction.file, { truth: truthOf(extraction.file), extraction });
    textChars += source.text.length;
    textBytes += Buffer.byteLength(source.text);
    return toBatch(extraction, source);
  };
  const progress = {
    start() {},
    done() {},
    file(o: IngestOutcome) {
      const p = pending.get(path.basename(o.file));
      if (o.status === 'ingested' && p) scorer.add(p.truth, p.extraction, o.document.id);
      pending.delete(path.basename(o.file));
    },
  };
  const t0 = performance.now();
  const summary = await ingestPaths(services.deps, [dirs.corpus], progress);
  const seconds = (performance.now() - t0) / 1000;
  const stats = await services.graph.stats();
  await services.close();
  truths.close();
  const figures: IngestFigures = {
    documents: summary.ingested,
    failed: summary.failed.length,
    seconds: round(seconds, 1),
    documentsPerS: round(summary.ingested / seconds, 1),
    edges: stats.edges,
    edgesPerS: round(stats.edges / seconds, 1),
    textMB: round(textBytes / 1e6, 1),
    mbPerS: round(textBytes / 1e6 / seconds, 2),
    dbMB: round(diskBytes(dirs.store) / 1e6, 1),
    peakRssMB: round(peakRssMB(), 0),
    extractWorkers,
    searchWriterThread: services.deps.searchWriter !== undefined,
    stageSeconds: Object.fromEntries(Object.entries(stage).map(([k, v]) => [k, round(v, 1)])),
  };
  return { figures, textChars, stats, score: scorer.result(), failures: summary.failed.slice(0, 5) };
}

async function main(): Promise<void> {
  const opts = flags({ n: 10_000, seed: 1, oracle: 0, dir: '' });
  const dirs = benchDirs(opts.n, opts.seed, opts.oracle === 1, opts.dir);
  const generateSeconds = await ensureCorpus(dirs, opts.n, opts.seed);
  const { figures, score, stats, failures } = await ingestBench(dirs, opts.oracle === 1);
  report(`ingest-${opts.n}${opts.oracle ? '-oracle' : ''}`, {
    extraction: opts.oracle ? 'oracle (truth as extraction)' : 'extract()',
    ...figures,
    nodes: stats.documents,
    unresolved: stats.unresolved,
    generateSeconds: round(generateSeconds, 1),
    score,
    failures,
    target: 'bulk ingest ≥ 20 MB/s of plan text end to end',
  }, [`store: ${dirs.store}`]);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
