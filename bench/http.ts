/**
 * GraphQL over HTTP under concurrent load: `cancu serve` in one process,
 * autocannon in this one, requests/s and latency percentiles for a `document`
 * query over random ids; then the same load on a bare node:http handler that
 * serves the same JSON from the same store (bench/bare-server.ts), and the ratio.
 * Also the server's RSS (serving target: 1M documents ≤ 1 GB).
 *
 *   node bin/run-ts.js bench/http.ts --n 100000 [--seed 1] [--oracle 1] [--connections 50] [--seconds 15]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { DOCUMENT_FIELDS } from './bare-server.ts';
import { ensureCorpus, ingestBench } from './ingest.ts';
import { BENCH_DIR, flags, report, round } from './lib.ts';
import { benchDirs } from './store-dir.ts';

const ROOT = path.resolve(BENCH_DIR, '..');
const QUERY = `query Doc($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS.join(' ')} } }`;

function start(args: string[], port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port) } });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/https?:\/\//.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

/** Resident and peak resident memory of a process, MB (Linux /proc). */
function rssOf(pid: number): { rssMB: number; peakRssMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: round(kb('VmRSS') / 1024, 0), peakRssMB: round(kb('VmHWM') / 1024, 0) };
}

async function post(url: string, id: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { id } }) });
  return res.json();
}

async function load(url: string, ids: string[], connections: number, seconds: number) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: QUERY, variables: { id: ids[i++ % ids.length] } }) }) }],
  });
  return {
    requestsPerS: round(result.requests.average, 0),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

async function main(): Promise<void> {
  const opts = flags({ n: 100_000, seed: 1, oracle: 1, connections: 50, seconds: 15, port: 4711 });
  const dirs = benchDirs(opts.n, opts.seed, opts.oracle === 1);
  if (!existsSync(path.join(dirs.store, 'cancu.db'))) {
    await ensureCorpus(dirs, opts.n, opts.seed);
    await ingestBench(dirs, opts.oracle === 1);
  }
  const db = new Database(path.join(dirs.store, 'cancu.db'), { readonly: true });
  const ids = db.prepare('SELECT id FROM documents ORDER BY random() LIMIT 1000').pluck().all() as string[];
  db.close();

  const gqlPort = opts.port;
  const barePort = opts.port + 1;
  const servers: ChildProcess[] = [];
  try {
    const gql = await start(['bin/cancu.js', 'serve', '--data', dirs.store, '--port', String(gqlPort), '--host', '127.0.0.1'], gqlPort);
    servers.push(gql);
    const bare = await start(['bin/run-ts.js', 'bench/bare-server.ts', dirs.store, String(barePort)], barePort);
    servers.push(bare);
    const gqlUrl = `http://127.0.0.1:${gqlPort}/graphql`;
    const bareUrl = `http://127.0.0.1:${barePort}/graphql`;
    const [a, b] = [await post(gqlUrl, ids[0]), await post(bareUrl, ids[0])];
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the two servers answer differently:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);

    await load(gqlUrl, ids, opts.connections, 2); // warm-up
    const graphql = { ...(await load(gqlUrl, ids, opts.connections, opts.seconds)), server: rssOf(gql.pid!) };
    await load(bareUrl, ids, opts.connections, 2);
    const bareFigures = { ...(await load(bareUrl, ids, opts.connections, opts.seconds)), server: rssOf(bare.pid!) };
    report(`http-${opts.n}`, {
      store: dirs.store,
      connections: opts.connections,
      seconds: opts.seconds,
      graphql,
      bare: bareFigures,
      ratio: round(graphql.requestsPerS / bareFigures.requestsPerS, 3),
      targets: 'GraphQL document query ≥ 3,000 req/s on 2 cores; serving 1M documents ≤ 1 GB RSS',
    }, ['load generator (autocannon) runs in the bench process, each server in its own process, all on the same machine']);
  } finally {
    for (const s of servers) s.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
