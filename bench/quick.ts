/**
 * `npm run bench`: a small version of every benchmark, in about two minutes:
 * extraction throughput (5 M synthetic characters + the real texts), bulk ingest
 * of 500 plans, query latencies and the engine comparison on that store, GraphQL
 * over HTTP for 5 s, then the plots. Each runs as its own process, exactly as
 * the command it prints.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_DIR } from './lib.ts';

const ROOT = path.resolve(BENCH_DIR, '..');
const RUNS: string[][] = [
  ['bench/extract.ts', '--chars', '5000000'],
  ['bench/ingest.ts', '--n', '500'],
  ['bench/queries.ts', '--n', '500', '--oracle', '0', '--queries', '300', '--engines', '500'],
  ['bench/http.ts', '--n', '500', '--oracle', '0', '--seconds', '5', '--connections', '20'],
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
