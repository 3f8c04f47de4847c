/**
 * `npm run bench`: a small version of every benchmark, in about two minutes:
 * extraction throughput (5 M synthetic characters + the real texts), bulk ingest
 * of 500 plans, query latencies and the engine comparison on that store, GraphQL
 * over HTTP for 5 s, then the plots. Each runs as its own process, exactly as
 * the command it prints.
 *
 * `npm run bench -- --n 1000000` is the same chain at scale, with the full-size
 * settings: the corpus is generated (or reused), ingested, queried (1,000 queries
 * each; the engine comparison on 20,000 plans) and served for 15 s to 50 clients.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR, flags } from './lib.ts';

const ROOT = path.resolve(BENCH_DIR, '..');
const { n } = flags({ n: 500 });
const RUNS: string[][] =
  n <= 500
    ? [
        ['bench/extract.ts', '--chars', '5000000'],
        ['bench/ingest.ts', '--n', String(n)],
        ['bench/queries.ts', '--n', String(n), '--oracle', '0', '--queries', '300', '--engines', String(n)],
        ['bench/http.ts', '--n', String(n), '--oracle', '0', '--seconds', '5', '--connections', '20'],
        ['bench/plot.ts'],
      ]
    : [
        ['bench/extract.ts'],
        ['bench/ingest.ts', '--n', String(n)],
        ['bench/queries.ts', '--n', String(n), '--oracle', '0', '--engines', String(Math.min(n, 20_000))],
        ['bench/http.ts', '--n', String(n), '--oracle', '0'],
        ['bench/plot.ts'],
      ];

const t0 = performance.now();
for (const args of RUNS) {
  console.log(`\n$ node bin/run-ts.js ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['bin/run-ts.js', ...args], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench/quick: ${args[0]} failed (exit ${r.status})`);
    process.exit(1);
  }
}
console.log(`\nbench/quick: all benchmarks ran in ${((performance.now() - t0) / 1000).toFixed(0)} s; figures in bench/out/*.json`);
