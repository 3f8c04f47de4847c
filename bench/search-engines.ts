/**
 * Three full-text engines side by side on the same plans and queries, in one
 * run: SQLite FTS5 (the project's SqliteSearchIndex, on disk, optimize()d after
 * the load), MiniSearch and FlexSearch (in memory, accent folding through
 * ingest/normalize's foldPhrase).
 * Build time, index size (FTS5: file bytes; the others: serialised export),
 * RSS growth, and query latency percentiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { foldPhrase } from '../ingest/normalize.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { diskBytes } from './store-dir.ts';
import { latencies, round, type Latency } from './lib.ts';

export interface EngineFigures {
  engine: string;
  documents: number;
  buildSeconds: number;
  indexMB: number;
  rssGrowthMB: number;
  latencyMs: Latency;
  /** Mean hits per query (sanity: the engines should find comparable amounts). */
  meanHits: number;
}

interface Doc {
  id: string;
  title: string;
  text: string;
}

const tokens = (s: string) => foldPhrase(s).split(' ').filter(Boolean);

async function measure(engine: string, docs: readonly Doc[], queries: readonly string[], build: () => Promise<{ sizeBytes: () => Promise<number>; search: (q: string) => Promise<number>; close: () => Promise<void> }>): Promise<EngineFigures> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const ix = await build();
  const buildSeconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const rssGrowthMB = (process.memoryUsage().rss - rss0) / 1e6;
  let hits = 0;
  const latencyMs = await latencies(queries, async (q) => {
    hits += await ix.search(q);
  });
  const indexMB = (await ix.sizeBytes()) / 1e6;
  await ix.close();
  return { engine, documents: docs.length, buildSeconds: round(buildSeconds, 1), indexMB: round(indexMB, 1), rssGrowthMB: round(rssGrowthMB, 0), latencyMs: roundLatency(latencyMs), meanHits: round(hits / queries.length, 1) };
}

export const roundLatency = (l: Latency): Latency => ({ n: l.n, p50: round(l.p50, 3), p95: round(l.p95, 3), p99: round(l.p99, 3) });

export async function compareEngines(docs: readonly Doc[], queries: readonly string[]): Promise<EngineFigures[]> {
  const out: EngineFigures[] = [];
  out.push(
    await measure('sqlite-fts5', docs, queries, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cancu-fts-'));
      const ix = new SqliteSearchIndex(path.join(dir, 'search.db'));
      await ix.init();
      for (let i = 0; i < docs.length; i += 500) {
        await ix.upsert(
          docs.slice(i, i + 500).map((d) => ({ id: d.id, kind: 'Kế hoạch', symbol: null, name: null, title: d.title, issuer: null, subject: null, text: d.text, province: null, year: null, level: null, ingested: true })),
        );
      }
      await ix.optimize(); // a bulk load ends with it (see SqliteSearchIndex.optimize)
      return {
        sizeBytes: async () => diskBytes(dir),
        search: async (q) => (await ix.search(q, { limit: 20, offset: 0 })).hits.length,
        close: async () => {
          await ix.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }),
  );
  out.push(
    await measure('minisearch', docs, queries, async () => {
      const ms = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: [], tokenize: tokens, processTerm: (t) => t });
      ms.addAll(docs);
      return {
        sizeBytes: async () => Buffer.byteLength(JSON.stringify(ms)),
        search: async (q) => ms.search(q, { combineWith: 'AND' }).slice(0, 20).length,
        close: async () => {},
      };
    }),
  );
  out.push(
    await measure('flexsearch', docs, queries, async () => {
      const fx = new FlexSearch.Index({ tokenize: 'strict', encode: tokens });
      docs.forEach((d, i) => fx.add(i, `${d.title} ${d.text}`));
      return {
        sizeBytes: async () => {
          let bytes = 0;
          await fx.export((_key: string, data: unknown) => {
            bytes += Buffer.byteLength(typeof data === 'string' ? data : JSON.stringify(data ?? ''));
          });
          return bytes;
        },
        search: async (q) => (fx.search(q, { limit: 20 }) as unknown[]).length,
        close: async () => {},
      };
    }),
  );
  return out;
}
