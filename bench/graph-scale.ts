/**
 * Graph store at scale (SQLite): bulk load through writeBatches, then (synthetic
 * shape) latency of transitive implementers, legalBasis and findBySymbol. Prints
 * the figures; no assertions.
 *
 *   node bin/run-ts.js bench/graph-scale.ts [--n 1000000] [--chunk 1000] [--text 8000] [--file PATH]
 *   node bin/run-ts.js bench/graph-scale.ts --corpus DIR [--n 3000] [--chunk 100] [--batches FILE.jsonl] [--file PATH]
 *
 * Synthetic shape: 2,000 central documents (popularity Zipf-like); plans are 5 %
 * province, 25 % district, 70 % commune; each implements one plan a level up in
 * its province (province plans: a central document), a third also a central
 * document, and cites 6 central documents; 2 % carry an unresolved reference.
 *
 * --corpus: the first N plans of a generated corpus (bench/generate.ts), through
 * the product's extract() and toBatch() (not timed; --batches caches the batches
 * as JSON lines for the next run), written in chunks of --chunk files (the
 * pipeline writes 100): graph-write documents/s, edges/s and MB/s of plan text.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { foldSymbol } from '../ingest/normalize.ts';
import { extract } from '../ingest/index.ts';
import type { AdminLevel } from '../ingest/model.ts';
import { toBatch } from '../graph/from-extraction.ts';
import type { DocumentNode, Edge, EdgeType } from '../graph/model.ts';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import type { IngestBatch } from '../graph/store.ts';
import { contentHash } from '../src/pipeline/ingest.ts';
import { measure } from './lib.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string' },
    chunk: { type: 'string' },
    text: { type: 'string', default: '8000' },
    file: { type: 'string' },
    corpus: { type: 'string' },
    batches: { type: 'string' },
  },
});
const N = Number(values.n ?? (values.corpus ? 3000 : 200000));
const CHUNK = Number(values.chunk ?? (values.corpus ? 100 : 1000));
const TEXT_CHARS = Number(values.text);
const CENTRAL = 2000;
const PROVINCES = 63;

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const zipf = () => Math.floor(CENTRAL * rand() ** 3); // small ids are popular

const dir = values.file ? null : mkdtempSync(path.join(tmpdir(), 'cancu-graph-bench-'));
const file = values.file ?? path.join(dir!, 'graph.db');
const store = new SqliteGraphStore(file);
await store.init();

/** Batches of the first N plans of a corpus, extracted (or read back from the --batches cache). */
async function corpusBatches(corpus: string, n: number, cache?: string): Promise<IngestBatch[]> {
  if (cache && existsSync(cache)) {
    const out: IngestBatch[] = [];
    for await (const line of createInterface({ input: createReadStream(cache) })) if (line) out.push(JSON.parse(line) as IngestBatch);
    if (out.length >= n) return out.slice(0, n);
  }
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().slice(0, n);
  const t0 = performance.now();
  const out = names.map((name) => {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    return toBatch(extract({ file: name, text }), { text, contentHash: contentHash(text) });
  });
  console.log(`extracted ${out.length} plans in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted)`);
  if (cache) writeFileSync(cache, out.map((b) => JSON.stringify(b)).join('\n') + '\n');
  return out;
}

if (values.corpus) {
  const batches = await corpusBatches(values.corpus, N, values.batches);
  const textBytes = batches.reduce((s, b) => s + Buffer.byteLength(b.document.text ?? ''), 0);
  const edges = batches.reduce((s, b) => s + b.edges.length, 0);
  const evidence = batches.reduce((s, b) => s + b.edges.reduce((k, e) => k + e.evidence.length, 0), 0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < batches.length; i += CHUNK) await store.writeBatches(batches.slice(i, i + CHUNK));
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const stats = await store.stats();
  console.log(`graph write (corpus ${values.corpus}): ${batches.length} plans, ${edges} edges, ${evidence} evidence rows in ${s.toFixed(1)} s (CPU ${(cpu.user / 1e6).toFixed(1)} s user + ${(cpu.system / 1e6).toFixed(1)} s system), chunks of ${CHUNK}`);
  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
  console.log(`  ${(batches.length / s).toFixed(0)} plans/s, ${(edges / s).toFixed(0)} edges/s, ${(textBytes / 1e6 / s).toFixed(1)} MB/s of plan text; store: ${stats.documents} documents, ${stats.edges} edges, file ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`reproduce: node bin/run-ts.js bench/graph-scale.ts ${process.argv.slice(2).join(' ')}`);
  process.exit(0);
}

const filler = 'Ủy ban nhân dân xã xây dựng kế hoạch triển khai thực hiện công tác dân vận của chính quyền năm 2024 như sau. ';
const body = filler.repeat(Math.ceil(TEXT_CHARS / filler.length)).slice(0, TEXT_CHARS);
const centralId = (i: number) => `chi-thi:${i}/CT-TTg`;
const node = (id: string, extra: Partial<DocumentNode> = {}): DocumentNode => ({
  id, kind: null, symbol: null, name: null, title: null, date: null, year: null, issuer: null, subject: null, level: null,
  province: null, ingested: false, file: null, contentHash: null, ...extra,
});
const central = (i: number) => node(centralId(i), { kind: 'Chỉ thị', symbol: `${i}/CT-TTg`, year: 2010 + (i % 15), issuer: 'Thủ tướng Chính phủ' });

const byLevel: Record<string, string[][]> = { tỉnh: [], huyện: [] };
for (const l of Object.keys(byLevel)) for (let p = 0; p < PROVINCES; p++) byLevel[l].push([]);

function plan(i: number): IngestBatch {
  const r = rand();
  const level: AdminLevel = r < 0.05 || i < PROVINCES ? 'tỉnh' : r < 0.3 ? 'huyện' : 'xã';
  const province = i % PROVINCES;
  const id = `ke-hoach:${i}/KH-UBND:${2015 + (i % 10)}`;
  const parentPool = level === 'tỉnh' ? null : byLevel[level === 'huyện' ? 'tỉnh' : 'huyện'][province];
  const cited: DocumentNode[] = [];
  const edges: Edge[] = [];
  let at = 0;
  const link = (to: string, type: EdgeType) => {
    const start = (at += 97);
    edges.push({ from: id, to, type, stated: false, evidence: [{ source: id, quote: body.slice(start, start + 120), start, end: start + 40, section: 'preamble' }] });
  };
  const implement = level === 'tỉnh' || !parentPool?.length ? centralId(zipf()) : pick(parentPool);
  if (implement.startsWith('chi-thi')) cited.push(central(Number(/:(\d+)/.exec(implement)![1])));
  else cited.push(node(implement, { kind: 'Kế hoạch' }));
  link(implement, 'IMPLEMENTS');
  const seen = new Set([implement]);
  const cite = (c: number, type: EdgeType) => {
    if (seen.has(centralId(c))) return;
    seen.add(centralId(c));
    cited.push(central(c));
    link(centralId(c), type);
  };
  if (rand() < 0.33) cite(zipf(), 'IMPLEMENTS');
  cite(zipf(), 'BASED_ON');
  for (let k = 0; k < 6; k++) cite(zipf(), 'CITES');
  if (level !== 'xã') byLevel[level][province].push(id);
  const text = `KẾ HOẠCH số ${i}\n${body}`;
  return {
    document: node(id, {
      kind: 'Kế hoạch', symbol: `${i}/KH-UBND`, year: 2015 + (i % 10), level, province: `Tỉnh ${province}`, ingested: true,
      file: `${i}.txt`, contentHash: i.toString(16).padStart(64, '0'), text,
    }),
    cited, edges,
    unresolved: rand() < 0.02 ? [{ source: id, key: `cong-van:${i}/UBND:?`, symbol: `${i}/UBND`, name: null, kind: 'Công văn', reason: 'no-year', detail: 'no date', candidates: [], start: 5, end: 20, section: 'preamble' }] : [],
  };
}

let textBytes = 0;
let genMs = 0;
const existing = (await store.stats()).ingested;
if (existing >= N) {
  // --file of an earlier run: regenerate (unwritten) to restore the generator's state.
  for (let i = 0; i < N; i++) plan(i);
  console.log(`reusing ${file}: ${existing} plans already loaded`);
} else {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i += CHUNK) {
    const g = performance.now();
    const batches = Array.from({ length: Math.min(CHUNK, N - i) }, (_, k) => plan(i + k));
    genMs += performance.now() - g;
    for (const b of batches) textBytes += Buffer.byteLength(b.document.text!);
    await store.writeBatches(batches);
  }
  const loadMs = performance.now() - t0 - genMs;
  const cpu = process.cpuUsage(cpu0);
  const stats = await store.stats();
  console.log(`graph bulk load: ${N} plans, ${stats.documents} documents, ${stats.edges} edges in ${(loadMs / 1000).toFixed(1)} s (generation excluded; CPU incl. generation ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  console.log(`  ${(N / (loadMs / 1000)).toFixed(0)} plans/s, ${(textBytes / 1e6 / (loadMs / 1000)).toFixed(1)} MB/s of plan text, file ${(statSync(file).size / 1e6).toFixed(0)} MB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/** Wall time and CPU time (user + system) of each call: on a shared machine, waits for a core inflate the wall-time tail. */
async function timeIt(label: string, runs: number, fn: (k: number) => Promise<unknown>) {
  const { wall: ms, cpu } = await measure(Array.from({ length: runs }, (_, k) => k), fn);
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)].toFixed(2);
  console.log(`${label}: p50 ${q(ms, 0.5)} ms, p95 ${q(ms, 0.95)} ms, p99 ${q(ms, 0.99)} ms, max ${q(ms, 1)} ms; CPU p50 ${q(cpu, 0.5)}, p95 ${q(cpu, 0.95)}, p99 ${q(cpu, 0.99)} ms (${runs} runs)`);
}

const existingPlan = () => {
  const i = Math.floor(rand() * N);
  return `ke-hoach:${i}/KH-UBND:${2015 + (i % 10)}`;
};
const rssMB = () => process.memoryUsage().rss / 1e6;
global.gc?.();
const rss0 = rssMB();
const b0 = performance.now();
await store.legalBasis(existingPlan(), 8);
const buildS = (performance.now() - b0) / 1000;
global.gc?.();
const adj = store.adjacencyStats()!;
console.log(`adjacency: ${adj.nodes} nodes, ${adj.edges} derivation edges, built in ${buildS.toFixed(2)} s by the first traversal; typed arrays ${(adj.bytes / 1e6).toFixed(1)} MB, RSS +${(rssMB() - rss0).toFixed(0)} MB (now ${rssMB().toFixed(0)} MB)`);

const popular = await store.implementers(centralId(0), { transitive: true, first: 20 });
console.log(`most popular central document: ${popular.totalCount} transitive implementers`);
const uncached = new SqliteGraphStore(file, { reachCache: 0 });
await uncached.init();
await uncached.legalBasis(existingPlan(), 8);
for (const [name, s] of [['', store], [' (no reach cache)', uncached]] as const) {
  await timeIt(`implementers transitive, first 20, random central doc${name}`, 500, () => s.implementers(centralId(zipf()), { transitive: true, first: 20 }));
  await timeIt(`implementers transitive + province filter${name}`, 500, (k) => s.implementers(centralId(zipf()), { transitive: true, first: 20, filter: { province: `Tỉnh ${k % PROVINCES}` } }));
  await timeIt(`implementers direct, first 20${name}`, 500, () => s.implementers(centralId(zipf()), { transitive: false, first: 20 }));
  await timeIt(`legalBasis depth 8, existing plan${name}`, 2000, () => s.legalBasis(existingPlan(), 8));
}
await timeIt('legalBasis depth 8, unknown id', 2000, () => store.legalBasis(`ke-hoach:${Math.floor(rand() * N)}/KH-UBND:${2015 + (Math.floor(rand() * N) % 10)}`, 8));
await timeIt('findBySymbol', 2000, () => store.findBySymbol(foldSymbol(`${Math.floor(rand() * N)}/KH UBND`)));
await uncached.close();

// A reader serving while a writer ingests: each 100-plan commit is applied to the
// reader's adjacency (graph_log) by its next traversal.
const ROUNDS = 50;
const reader = new SqliteGraphStore(file);
await reader.init();
await reader.implementers(centralId(0), { transitive: true, first: 20 });
const catchUp: number[] = [];
const query: number[] = [];
for (let k = 0; k < ROUNDS; k++) {
  await store.writeBatches(Array.from({ length: 100 }, (_, j) => plan(N + k * 100 + j)));
  let s = performance.now();
  await reader.legalBasis('-', 1); // applies the commit, finds nothing
  catchUp.push(performance.now() - s);
  s = performance.now();
  await reader.implementers(centralId(zipf()), { transitive: true, first: 20 });
  query.push(performance.now() - s);
}
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
const r = reader.adjacencyStats()!;
console.log(`reader while another connection commits 100 plans at a time (${ROUNDS} commits): applying a commit p50 ${mid(catchUp)} ms (max ${Math.max(...catchUp).toFixed(2)}), then transitive implementers p50 ${mid(query)} ms (max ${Math.max(...query).toFixed(2)}); builds ${r.builds}, overlay ${r.overlay} entries`);
await reader.close();
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
console.log(`reproduce: node bin/run-ts.js bench/graph-scale.ts ${process.argv.slice(2).join(' ')}`);
