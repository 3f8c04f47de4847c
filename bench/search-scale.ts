/**
 * SQLite FTS5 search at scale, on its own: streams N synthetic plans (bench/synth,
 * or a generated corpus folder) into a fresh SqliteSearchIndex the way the ingest
 * pipeline does (one upsert per --batch plans, with the documents they cite; a
 * cited document is upserted again by every batch that cites it), then times
 * the query kinds of bench/queries.ts on it.
 *
 *   node bin/run-ts.js bench/search-scale.ts --n 100000 [--seed 1] [--corpus DIR/corpus] [--out FILE --keep 1] [--optimize 1]
 *
 * --optimize 1 times the queries once as built (as a pipeline leaves the index),
 * then runs SqliteSearchIndex.optimize() and times them again.
 *   node bin/run-ts.js bench/search-scale.ts --index FILE      (query an index built before, opened read-only)
 *
 * Build figures: upsert time only (generation or reading is timed apart), plans/s,
 * MB/s of plan text (UTF-8), index size by part and per 10k plans. Query figures:
 * p50/p95/p99 over --queries queries of each kind (20 hits, snippets and facets),
 * accented and accent-free, without and with a province + year filter; wall time
 * and this process's CPU time (the machine may be shared).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { foldPhrase } from '../ingest/normalize.ts';
import type { SearchDoc, SearchFilter } from '../src/search/search-index.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { flags, latencies, measure, peakRssMB, report, round, summarize, type Latency } from './lib.ts';
import { TruthReader } from './store-dir.ts';
import { TOPICS } from './synth/catalogue.ts';
import { generate, type SynthDocument } from './synth/generate.ts';
import type { TruthDocument } from './synth/truth.ts';

const opts = flags({ n: 100_000, seed: 1, corpus: '', out: '', keep: 0, index: '', queries: 1000, batch: 100, optimize: 0 });

/** The plans: a corpus folder written by `cancu generate` (truth.jsonl + texts), else the generator itself. */
function* plans(): Generator<SynthDocument> {
  if (!opts.corpus) {
    yield* generate({ n: opts.n, seed: opts.seed });
    return;
  }
  const reader = new TruthReader(path.join(opts.corpus, 'truth.jsonl'));
  try {
    for (let i = 0; i < opts.n; i++) {
      const t = reader.next();
      if (!t) break;
      yield { file: t.file, text: readFileSync(path.join(opts.corpus, t.file), 'utf8'), truth: t };
    }
  } finally {
    reader.close();
  }
}

function cited(d: TruthDocument): SearchDoc {
  return {
    id: d.id, kind: d.kind, symbol: d.symbol, name: d.name, title: null, issuer: d.issuer, subject: null, text: null,
    province: d.province, year: d.date ? Number(d.date.slice(0, 4)) : null, level: d.level, ingested: false,
  };
}

function planDoc(p: SynthDocument): SearchDoc {
  const h = p.truth.header;
  return {
    id: h.id, kind: h.kind, symbol: h.symbol, name: h.name, title: h.title, issuer: h.issuer, subject: null, text: p.text,
    province: h.province, year: h.year, level: h.level, ingested: true,
  };
}

/** Sizes of the index's parts (MB), from dbstat. */
function partsMB(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT CASE WHEN name LIKE 'search_head%' THEN 'head' WHEN name LIKE 'search_body%' THEN 'body'
              WHEN name LIKE 'search_text%' THEN 'text' ELSE 'doc' END AS part, sum(pgsize) AS bytes
       FROM dbstat GROUP BY part`,
    )
    .all() as { part: string; bytes: number }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.part, round(r.bytes / 1e6, 1)]));
}

async function build(file: string) {
  const ix = new SqliteSearchIndex(file);
  await ix.init();
  let plansN = 0;
  let citedUpserts = 0;
  let chars = 0;
  let bytes = 0;
  let upsertMs = 0;
  const t0 = performance.now();
  let batch: SynthDocument[] = [];
  // as the pipeline indexes merged graph nodes: a cited entry never replaces an ingested plan
  const ingested = new Set<string>();
  const flush = async () => {
    for (const p of batch) ingested.add(p.truth.header.id);
    const byId = new Map<string, SearchDoc>();
    for (const p of batch) for (const c of p.truth.citations) if (!ingested.has(c.doc.id)) byId.set(c.doc.id, cited(c.doc));
    const docs = [...batch.map(planDoc), ...byId.values()];
    citedUpserts += byId.size;
    const t = performance.now();
    await ix.upsert(docs);
    upsertMs += performance.now() - t;
    batch = [];
  };
  for (const p of plans()) {
    batch.push(p);
    plansN++;
    chars += p.text.length;
    bytes += Buffer.byteLength(p.text);
    if (batch.length === opts.batch) await flush();
    if (plansN % 50_000 === 0) {
      console.error(`${plansN} plans, upsert ${(upsertMs / 1000).toFixed(0)} s of ${((performance.now() - t0) / 1000).toFixed(0)} s, ${(plansN / (upsertMs / 1000)).toFixed(0)} plans/s`);
    }
  }
  if (batch.length) await flush();
  const totalS = (performance.now() - t0) / 1000;
  await ix.close();
  const upsertS = upsertMs / 1000;
  const sizeMB = statSync(file).size / 1e6;
  const parts = partsMB(file);
  const figures: Record<string, unknown> = {
    plans: plansN,
    citedUpserts,
    textMB: round(bytes / 1e6, 0),
    meanPlanChars: Math.round(chars / plansN),
    upsertSeconds: round(upsertS, 1),
    sourceSeconds: round(totalS - upsertS, 1),
    plansPerS: Math.round(plansN / upsertS),
    textMBPerS: round(bytes / 1e6 / upsertS, 1),
    fileMB: round(sizeMB, 0),
    partsMB: parts,
    mbPer10kPlans: round((sizeMB * 10_000) / plansN, 1),
  };
  return figures;
}

async function optimize(file: string) {
  const ix = new SqliteSearchIndex(file);
  await ix.init();
  const t = performance.now();
  await ix.optimize();
  await ix.close();
  return { seconds: round((performance.now() - t) / 1000, 1), fileMB: round(statSync(file).size / 1e6, 0), partsMB: partsMB(file) };
}

interface Kind {
  name: string;
  queries: { q: string; filter: SearchFilter }[];
}

/** Query kinds of bench/queries.ts (topic words, a plan's symbol, topic + province), from the index's own documents. */
function queryKinds(file: string, count: number): Kind[] {
  const db = new Database(file, { readonly: true });
  const sample = db
    .prepare('SELECT symbol, province, year FROM search_doc WHERE ingested = 1 AND symbol IS NOT NULL AND province IS NOT NULL ORDER BY random() LIMIT ?')
    .all(count) as { symbol: string; province: string; year: number }[];
  db.close();
  const short = (p: string) => p.replace(/^(Tỉnh|Thành phố) /, '');
  const accented = Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length].subject.split(' ').slice(0, 3).join(' ');
    const s = sample[i % sample.length];
    return i % 3 === 0 ? topic : i % 3 === 1 ? s.symbol : `${topic} ${short(s.province)}`;
  });
  const filtered = accented.map((q, i) => ({ q, filter: { province: sample[i % sample.length].province, year: sample[i % sample.length].year } }));
  return [
    { name: 'accented', queries: accented.map((q) => ({ q, filter: {} })) },
    { name: 'accentFree', queries: accented.map((q) => ({ q: foldPhrase(q), filter: {} })) },
    { name: 'accentedProvinceYear', queries: filtered },
    { name: 'accentFreeProvinceYear', queries: filtered.map(({ q, filter }) => ({ q: foldPhrase(q), filter })) },
  ];
}

const EXAMPLES = ['chi thi 33 dan van', '33/CT-TTg', '217 QD TW', 'kế hoạch', 'cong tac', 'phòng, chống tham nhũng', 'uỷ ban nhân dân tỉnh', 'dân chủ ở cơ sở', 'quyet dinh 1234'];

/** Wall and CPU time of each call (CPU: this process only, less sensitive to a loaded machine). */
async function timed<T>(inputs: readonly T[], fn: (x: T) => Promise<unknown>): Promise<{ wall: Latency; cpu: Latency }> {
  const { wall, cpu } = await measure(inputs, fn);
  const r = (l: Latency): Latency => ({ n: l.n, p50: round(l.p50, 2), p95: round(l.p95, 2), p99: round(l.p99, 2) });
  return { wall: r(summarize(wall)), cpu: r(summarize(cpu)) };
}

async function query(file: string) {
  const ix = new SqliteSearchIndex(new Database(file, { readonly: true, fileMustExist: true }));
  await ix.init();
  const kinds = queryKinds(file, opts.queries);
  const latency: Record<string, Latency & { meanHits: number; countedExactShare: number }> = {};
  const cpuMs: Record<string, Latency> = {};
  for (const kind of kinds) {
    let hits = 0;
    let exact = 0;
    const { wall, cpu } = await timed(kind.queries, async ({ q, filter }) => {
      const r = await ix.search(q, { filter, limit: 20, offset: 0 });
      hits += r.hits.length;
      if (r.totalCountExact !== false) exact++;
    });
    latency[kind.name] = { ...wall, meanHits: round(hits / wall.n, 1), countedExactShare: round(exact / wall.n, 2) };
    cpuMs[kind.name] = cpu;
  }
  const examples: Record<string, { totalCount: string; p50: number }> = {};
  for (const q of EXAMPLES) {
    let total = '';
    const l = await latencies(Array(21).fill(q), async (x: string) => {
      const r = await ix.search(x, { limit: 20, offset: 0 });
      total = `${r.totalCount}${r.totalCountExact === false ? '+' : ''}`;
    });
    examples[q] = { totalCount: total, p50: round(l.p50, 2) };
  }
  await ix.close();
  return { latencyMs: latency, cpuMs, examples };
}

async function main(): Promise<void> {
  let file = opts.index;
  let dir: string | null = null;
  let buildFigures: Record<string, unknown> | null = null;
  if (!file) {
    dir = opts.out ? null : mkdtempSync(path.join(tmpdir(), 'cancu-search-scale-'));
    file = opts.out || path.join(dir!, 'search.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    buildFigures = await build(file);
  }
  const asBuilt = opts.optimize && buildFigures ? { asBuilt: await query(file) } : {};
  if (buildFigures && opts.optimize) buildFigures.optimize = await optimize(file);
  const queried = await query(file);
  report(`search-scale-${opts.index ? path.basename(opts.index, '.db') : opts.n}`, {
    index: file,
    source: opts.index ? 'existing index' : opts.corpus ? `corpus ${opts.corpus}` : `generate({ n: ${opts.n}, seed: ${opts.seed} })`,
    ...(buildFigures && { build: buildFigures }),
    ...asBuilt,
    ...(opts.optimize ? { optimized: queried } : queried),
    peakRssMB: round(peakRssMB(), 0),
    target: 'search at 1M p95 ≤ 20 ms',
  });
  if (!opts.index && !opts.keep) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
