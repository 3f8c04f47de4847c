/**
 * Load: 50 concurrent clients for 60 s of mixed GraphQL queries (search,
 * implementers, legalBasis, document) against `cancu serve` on the embedded
 * stores; reports errors, p50/p99 per query type and the server's RSS over time.
 *
 *   node bin/run-ts.js bench/load.ts --data DIR [--clients 50] [--seconds 60] [--build 100000]
 *     [--workers N] [--queue N] [--queue-wait-ms N] [--timeout-ms N]
 *
 * DIR must hold an ingested corpus (e.g. the 100k store of bench/ingest.ts); with
 * --build N and an empty DIR, N plans are generated (`cancu generate`) and ingested first.
 * --workers/--queue/--queue-wait-ms/--timeout-ms are passed to the server (CANCU_READ_WORKERS, …).
 *
 * Each answer is counted as one of: ok; TIMEOUT (the server's time limit); OVERLOADED
 * (503 + Retry-After: the client then waits that long, as a polite client would);
 * another GraphQL error; a transport error (no answer: connection refused or dropped).
 * Latency percentiles are over the ok answers. Writes bench/out/load-<clients>c-<seconds>s.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../test/bad-input/run-cli.ts';
import { gql, startServer } from '../test/bad-input/server.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    build: { type: 'string' },
    workers: { type: 'string' },
    queue: { type: 'string' },
    'queue-wait-ms': { type: 'string' },
    'timeout-ms': { type: 'string' },
  },
});
if (!values.data) {
  console.error('usage: node bin/run-ts.js bench/load.ts --data DIR [--clients 50] [--seconds 60] [--build N]');
  process.exit(2);
}
const dataDir = path.resolve(values.data);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const serverFlags = {
  workers: 'CANCU_READ_WORKERS', queue: 'CANCU_READ_QUEUE', 'queue-wait-ms': 'CANCU_READ_QUEUE_WAIT_MS', 'timeout-ms': 'CANCU_REQUEST_TIMEOUT_MS',
} as const;
const serverEnv: Record<string, string> = {};
let command = `node bin/run-ts.js bench/load.ts --data ${values.data} --clients ${clients} --seconds ${seconds}${values.build ? ` --build ${values.build}` : ''}`;
for (const [flag, env] of Object.entries(serverFlags)) {
  const v = values[flag as keyof typeof serverFlags];
  if (v !== undefined) {
    serverEnv[env] = v;
    command += ` --${flag} ${v}`;
  }
}

if (values.build && !existsSync(path.join(dataDir, 'cancu.db'))) {
  const out = mkdtempSync(path.join(tmpdir(), 'cancu-load-corpus-'));
  const gen = await runCli(['generate', '--n', values.build, '--seed', '1', '--out', out], { timeoutMs: 3_600_000 });
  if (gen.code !== 0) throw new Error(`cancu generate failed: ${gen.stderr.slice(-2000)}`);
  const ingest = await runCli(['ingest', '--data', dataDir, out], { timeoutMs: 6 * 3_600_000 });
  console.log(`built ${values.build} plans: ingest ${(ingest.ms / 1000).toFixed(0)} s, exit ${ingest.code}`);
  rmSync(out, { recursive: true, force: true });
}

const server = await startServer(dataDir, serverEnv);
// A failure before the end must not leave the server running.
process.once('exit', () => server.child.kill());
const pid = server.child.pid!;
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// Pools of ids to query, taken from the store through the API itself.
const TERMS = ['kế hoạch', 'dân vận', 'chi thi 33', 'cải cách hành chính', 'quy chế dân chủ', 'ủy ban nhân dân', 'nghi quyet', 'chuyển đổi số', 'phòng chống', 'xây dựng nông thôn mới'];
const plans = new Set<string>();
for (const q of TERMS) {
  const res = await gql(server.url, 'query($q: String!) { search(query: $q, first: 200, filter: { ingested: true }) { edges { node { id } } } }', { q });
  for (const e of (res.body?.data?.search as { edges: { node: { id: string } }[] } | undefined)?.edges ?? []) plans.add(e.node.id);
}
const targets = new Set<string>();
for (const id of [...plans].slice(0, 300)) {
  const res = await gql(server.url, 'query($id: ID!) { document(id: $id) { citations(relation: IMPLEMENTS) { to { id } } } }', { id });
  for (const c of (res.body?.data?.document as { citations: { to: { id: string } }[] } | null)?.citations ?? []) targets.add(c.to.id);
}
const planIds = [...plans];
const targetIds = [...targets];
if (!planIds.length || !targetIds.length) throw new Error(`the store in ${dataDir} has no plans with IMPLEMENTS edges; ingest a corpus first or pass --build N`);
console.log(`store ${dataDir}: ${planIds.length} plan ids and ${targetIds.length} implemented documents to query; server RSS ${rssMb().toFixed(0)} MB`);

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const OPS: Record<string, () => [string, Record<string, unknown>]> = {
  search: () => ['query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { id symbol title } highlights { snippet } } } }', { q: pick(TERMS) }],
  implementers: () => ['query($id: ID!) { implementers(of: $id, transitive: true, first: 50) { totalCount edges { depth node { id title province } } } }', { id: pick(targetIds) }],
  legalBasis: () => ['query($id: ID!) { legalBasis(of: $id, maxDepth: 5) { depth relation from { id } to { id symbol } evidence { quote } } }', { id: pick(planIds) }],
  document: () => ['query($id: ID!) { document(id: $id) { id kind symbol title date issuer citations { relation to { id symbol } evidence { quote section } } } }', { id: pick(planIds) }],
};
const MIX = ['search', 'search', 'search', 'implementers', 'implementers', 'legalBasis', 'legalBasis', 'document', 'document', 'document'];

type Outcome = 'ok' | 'timeout' | 'overloaded' | 'error' | 'transport';
const OUTCOMES: Outcome[] = ['ok', 'timeout', 'overloaded', 'error', 'transport'];
interface OpStats { ok: number[]; all: number[]; counts: Record<Outcome, number> }
const stats: Record<string, OpStats> = Object.fromEntries(
  Object.keys(OPS).map((k) => [k, { ok: [], all: [], counts: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number> }]),
);
const failures: string[] = [];
const rssTimeline: { s: number; mb: number }[] = [];
const loadBefore = loadavg();
const started = Date.now();
const end = started + seconds * 1000;
const sampler = setInterval(() => rssTimeline.push({ s: Math.round((Date.now() - started) / 1000), mb: Math.round(rssMb()) }), 1000);

function outcomeOf(status: number, codes: string[]): Outcome {
  if (status === 200 && !codes.length) return 'ok';
  if (codes.length && codes.every((c) => c === 'OVERLOADED')) return 'overloaded';
  if (codes.length && codes.every((c) => c === 'TIMEOUT' || c === 'OVERLOADED')) return 'timeout';
  return 'error';
}

async function client(): Promise<void> {
  while (Date.now() < end) {
    const op = pick(MIX);
    const [query, variables] = OPS[op]();
    const t = performance.now();
    let outcome: Outcome;
    let retryAfter = 0;
    try {
      const res = await gql(server.url, query, variables);
      outcome = outcomeOf(res.status, (res.body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'));
      if (outcome === 'error') failures.push(`${op} ${JSON.stringify(variables)}: ${res.status} ${res.text.slice(0, 200)}`);
      if (outcome === 'overloaded') retryAfter = Number(res.headers.get('retry-after') ?? 1);
    } catch (err) {
      outcome = 'transport';
      const cause = (err as Error).cause as { code?: string; message?: string } | undefined;
      failures.push(`${op}: ${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''} after ${(performance.now() - t).toFixed(0)} ms`);
    }
    const ms = performance.now() - t;
    stats[op].counts[outcome]++;
    stats[op].all.push(ms);
    if (outcome === 'ok') stats[op].ok.push(ms);
    if (retryAfter > 0) await new Promise((r) => setTimeout(r, Math.min(retryAfter * 1000, Math.max(0, end - Date.now()))));
  }
}
await Promise.all(Array.from({ length: clients }, client));
clearInterval(sampler);
const loadAfter = loadavg();
await server.stop();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const sum = (o: Outcome) => Object.values(stats).reduce((n, s) => n + s.counts[o], 0);
const total = Object.values(stats).reduce((n, s) => n + s.all.length, 0);
const fmt = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(0));
console.log(`\n${clients} clients, ${seconds} s: ${total} answers (${(total / seconds).toFixed(1)}/s), ${sum('ok')} ok (${(sum('ok') / seconds).toFixed(1)}/s);` +
  ` ${sum('timeout')} TIMEOUT, ${sum('overloaded')} OVERLOADED (503), ${sum('error')} other errors, ${sum('transport')} transport errors`);
console.log('query          ok  timeout  503  error  transport   ok p50 ms  ok p99 ms');
const rows = [...Object.entries(stats), ['all', {
  ok: Object.values(stats).flatMap((s) => s.ok),
  all: [],
  counts: Object.fromEntries(OUTCOMES.map((o) => [o, sum(o)])) as Record<Outcome, number>,
}] as const];
for (const [op, s] of rows) {
  const c = s.counts;
  console.log(`${op.padEnd(12)} ${String(c.ok).padStart(5)} ${String(c.timeout).padStart(8)} ${String(c.overloaded).padStart(4)} ${String(c.error).padStart(6)} ${String(c.transport).padStart(10)} ${fmt(pct(s.ok, 50)).padStart(11)} ${fmt(pct(s.ok, 99)).padStart(10)}`);
}
const every = Math.max(1, Math.round(rssTimeline.length / 12));
const peak = Math.max(...rssTimeline.map((r) => r.mb));
console.log(`server RSS (MB) over time: ${rssTimeline.filter((_, i) => i % every === 0).map((r) => `${r.s}s:${r.mb}`).join(' ')}; peak ${peak}`);
console.log(`load average (1, 5, 15 min): before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(1)).join(' ')}`);
for (const e of failures.slice(0, 10)) console.log(`error: ${e}`);
console.log(`command: ${command}`);

const outDir = path.resolve('bench/out');
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `load-${clients}c-${seconds}s.json`);
writeFileSync(outFile, JSON.stringify({
  command, clients, seconds, serverEnv, loadBefore, loadAfter, peakRssMb: peak, rssTimeline,
  perQuery: Object.fromEntries(Object.entries(stats).map(([op, s]) => [op, { ...s.counts, okP50: pct(s.ok, 50), okP99: pct(s.ok, 99), allP99: pct(s.all, 99) }])),
  failures: failures.slice(0, 50),
}, null, 2));
console.log(`wrote ${path.relative(process.cwd(), outFile)}`);
process.exitCode = sum('error') + sum('transport') ? 1 : 0;
