/**
 * Graph store at scale (SQLite): bulk load of N synthetic plans through
 * writeBatches, then latency of transitive implementers, legalBasis and
 * findBySymbol. Prints the figures; no assertions.
 *
 *   node bin/run-ts.js bench/graph-scale.ts [--n 1000000] [--chunk 1000] [--text 8000] [--file PATH]
 *
 * Synthetic shape: 2,000 central documents (popularity Zipf-like); plans are 5 %
 * province, 25 % district, 70 % commune; each implements one plan a level up in
 * its province (province plans: a central document), a third also a central
 * document, and cites 6 central documents; 2 % carry an unresolved reference.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { foldSymbol } from '../ingest/normalize.ts';
import type { AdminLevel } from '../ingest/model.ts';
import type { DocumentNode, Edge, EdgeType } from '../graph/model.ts';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import type { IngestBatch } from '../graph/store.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    chunk: { type: 'string', default: '1000' },
    text: { type: 'string', default: '8000' },
    file: { type: 'string' },
  },
});
const N = Number(values.n);
const CHUNK = Number(values.chunk);
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
const t0 = performance.now();
for (let i = 0; i < N; i += CHUNK) {
  const g = performance.now();
  const batches = Array.from({ length: Math.min(CHUNK, N - i) }, (_, k) => plan(i + k));
  genMs += performance.now() - g;
  for (const b of batches) textBytes += Buffer.byteLength(b.document.text!);
  await store.writeBatches(batches);
}
const loadMs = performance.now() - t0 - genMs;
const stats = await store.stats();
console.log(`graph bulk load: ${N} plans, ${stats.documents} documents, ${stats.edges} edges in ${(loadMs / 1000).toFixed(1)} s (generation excluded)`);
console.log(`  ${(N / (loadMs / 1000)).toFixed(0)} plans/s, ${(textBytes / 1e6 / (loadMs / 1000)).toFixed(1)} MB/s of plan text, file ${(statSync(file).size / 1e6).toFixed(0)} MB`);

async function timeIt(label: string, runs: number, fn: (k: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const s = performance.now();
    await fn(k);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  console.log(`${label}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (${runs} runs)`);
}

const popular = await store.implementers(centralId(0), { transitive: true, first: 20 });
console.log(`most popular central document: ${popular.totalCount} transitive implementers`);
await timeIt('implementers transitive (first 20, random central doc)', 500, (k) => store.implementers(centralId(zipf()), { transitive: true, first: 20 }));
await timeIt('implementers transitive + province filter', 500, (k) => store.implementers(centralId(zipf()), { transitive: true, first: 20, filter: { province: `Tỉnh ${k % PROVINCES}` } }));
await timeIt('implementers direct (first 20)', 500, () => store.implementers(centralId(zipf()), { transitive: false, first: 20 }));
await timeIt('legalBasis depth 8 (random plan)', 2000, () => store.legalBasis(`ke-hoach:${Math.floor(rand() * N)}/KH-UBND:${2015 + (Math.floor(rand() * N) % 10)}`, 8));
await timeIt('legalBasis depth 8 (existing plan)', 2000, () => { const i = Math.floor(rand() * N); return store.legalBasis(`ke-hoach:${i}/KH-UBND:${2015 + (i % 10)}`, 8); });
await timeIt('findBySymbol', 2000, () => store.findBySymbol(foldSymbol(`${Math.floor(rand() * N)}/KH UBND`)));
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
console.log(`reproduce: node bin/run-ts.js bench/graph-scale.ts --n ${N} --chunk ${CHUNK} --text ${TEXT_CHARS}`);
