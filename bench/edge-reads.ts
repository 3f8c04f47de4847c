/**
 * Reads of a document's edges on a big store, for documents that have much of them: its
 * outgoing edges with all their evidence and with the first 200 pieces per edge (what the API
 * reads), and the first page of its "cited by", unfiltered and with a province filter, each
 * timed over several rounds (ms).
 *
 *   node bin/run-ts.js bench/edge-reads.ts --n 1000000 --ids '3/2016/TT-BNV,4/2015/NĐ-CP' [--province 'Hà Nội'] [--rounds 5]
 */
import path from 'node:path';
import { SqliteGraphStore } from '../graph/sqlite-store.ts';
import { flags, report, round } from './lib.ts';
import { benchDirs } from './store-dir.ts';

async function main(): Promise<void> {
  const opts = flags({ n: 1_000_000, seed: 1, ids: '3/2016/TT-BNV,4/2015/NĐ-CP', province: 'Hà Nội', rounds: 5 });
  const graph = new SqliteGraphStore(path.join(benchDirs(opts.n, opts.seed, false).store, 'cancu.db'));
  await graph.init();
  const time = async <T>(fn: () => Promise<T>): Promise<{ ms: number[]; value: T }> => {
    const ms: number[] = [];
    let value!: T;
    for (let r = 0; r < opts.rounds; r++) {
      const t0 = performance.now();
      value = await fn();
      ms.push(round(performance.now() - t0, 1));
    }
    return { ms, value };
  };
  const figures: Record<string, unknown> = {};
  for (const id of opts.ids.split(',')) {
    const all = await time(() => graph.outgoing([id]));
    const first = await time(() => graph.outgoing([id], undefined, { evidence: 200 }));
    const citedBy = await time(() => graph.incomingPage(id, { offset: 0, limit: 50, evidence: 200 }));
    const inProvince = await time(() => graph.incomingPage(id, { offset: 0, limit: 50, province: opts.province, evidence: 200 }));
    figures[id] = {
      outgoingEdges: all.value.length,
      evidencePieces: all.value.reduce((s, e) => s + e.evidence.length, 0),
      outgoingAllEvidenceMs: all.ms,
      outgoingFirst200Ms: first.ms,
      citedBy: { totalCount: citedBy.value.totalCount, firstPageMs: citedBy.ms },
      citedByInProvince: { province: opts.province, totalCount: inProvince.value.totalCount, firstPageMs: inProvince.ms },
    };
  }
  await graph.close();
  report(`edge-reads-${opts.n}`, figures);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
