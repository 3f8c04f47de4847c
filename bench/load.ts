/**
 * Load: 50 concurrent clients for 60 s of mixed GraphQL queries (search,
 * implementers, legalBasis, document) against `cancu serve` on the embedded
 * stores; reports errors, p50/p99 per query type and the server's RSS over time.
 *
 *   node bin/run-ts.js bench/load.ts --data DIR [--clients 50] [--seconds 60] [--build 100000]
 *
 * DIR must hold an ingested corpus (e.g. the 100k store of bench/ingest.ts); with
 * --build N and an empty DIR, N plans are generated (`cancu generate`) and ingested first.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  },
});
if (!values.data) {
  console.error('usage: node bin/run-ts.js bench/load.ts --data DIR [--clients 50] [--seconds 60] [--build N]');
  process.exit(2);
}
const dataDir = path.resolve(values.data);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const command = `node bin/run-ts.js bench/load.ts --data ${values.data} --clients ${clients} --seconds ${seconds}${values.build ? ` --build ${values.build}` : ''}`;

if (values.build && !existsSync(path.join(dataDir, 'cancu.db'))) {
  const out = mkdtempSync(path.join(tmpdir(), 'cancu-load-corpus-'));
  const gen = await runCli(['generate', '--n', values.build, '--seed', '1', '--out', out], { timeoutMs: 3_600_000 });
  if (gen.code !== 0) throw new Error(`cancu generate failed: ${gen.stderr.slice(-2000)}`);
  const ingest = await runCli(['ingest', '--data', dataDir, out], { timeoutMs: 6 * 3_600_000 });
  console.log(`built ${values.build} plans: ingest ${(ingest.ms / 1000).toFixed(0)} s, exit ${ingest.code}`);
  rmSync(out, { recursive: true, force: true });
}

const server = await startServer(dataDir);
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

const latencies: Record<string, number[]> = Object.fromEntries(Object.keys(OPS).map((k) => [k, []]));
const errors: string[] = [];
const rssTimeline: { s: number; mb: number }[] = [];
const started = Date.now();
const end = started + seconds * 1000;
const sampler = setInterval(() => rssTimeline.push({ s: Math.round((Date.now() - started) / 1000), mb: Math.round(rssMb()) }), 1000);

async function client(): Promise<void> {
  while (Date.now() < end) {
    const op = pick(MIX);
    const [query, variables] = OPS[op]();
    const t = performance.now();
    try {
      const res = await gql(server.url, query, variables);
      if (res.status !== 200 || res.body?.errors) errors.push(`${op} ${JSON.stringify(variables)}: ${res.status} ${res.text.slice(0, 200)}`);
    } catch (err) {
      const cause = (err as Error).cause as { code?: string; message?: string } | undefined;
      errors.push(`${op}: ${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''} after ${(performance.now() - t).toFixed(0)} ms`);
    }
    latencies[op].push(performance.now() - t);
  }
}
await Promise.all(Array.from({ length: clients }, client));
clearInterval(sampler);
await server.stop();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const total = Object.values(latencies).reduce((n, xs) => n + xs.length, 0);
console.log(`\n${clients} clients, ${seconds} s: ${total} requests (${(total / seconds).toFixed(0)} req/s), ${errors.length} errors`);
console.log('query         count    p50 ms   p99 ms');
for (const [op, xs] of Object.entries(latencies)) {
  console.log(`${op.padEnd(12)} ${String(xs.length).padStart(6)} ${pct(xs, 50).toFixed(1).padStart(9)} ${pct(xs, 99).toFixed(1).padStart(8)}`);
}
const all = Object.values(latencies).flat();
console.log(`${'all'.padEnd(12)} ${String(all.length).padStart(6)} ${pct(all, 50).toFixed(1).padStart(9)} ${pct(all, 99).toFixed(1).padStart(8)}`);
const every = Math.max(1, Math.round(rssTimeline.length / 12));
console.log(`server RSS (MB) over time: ${rssTimeline.filter((_, i) => i % every === 0).map((r) => `${r.s}s:${r.mb}`).join(' ')}; peak ${Math.max(...rssTimeline.map((r) => r.mb))}`);
for (const e of errors.slice(0, 10)) console.log(`error: ${e}`);
console.log(`command: ${command}`);
process.exitCode = errors.length ? 1 : 0;
