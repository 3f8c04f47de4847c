/**
 * Ingest while serving: `cancu ingest` writes 400 plans into the data folder that a
 * running `cancu serve` reads from. Readers polling the HTTP API throughout must get
 * only well-formed answers, with counts that never go backwards, and documents once
 * seen never disappear.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from './bad-input/run-cli.ts';
import { gql, startServer, type ServerHandle } from './bad-input/server.ts';
import { variedPlans } from './bad-input/varied-plans.ts';

const PLANS = 400;
let dir: string;
let server: ServerHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cancu-serving-'));
  const ingest = await runCli(['ingest', '--data', path.join(dir, 'data'), path.join(ROOT, 'samples')], { timeoutMs: 60_000 });
  expect(ingest.code, ingest.stderr).toBe(0);
  mkdirSync(path.join(dir, 'corpus'));
  for (const p of variedPlans(PLANS, 7)) writeFileSync(path.join(dir, 'corpus', p.file), p.text);
  server = await startServer(path.join(dir, 'data'));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const QUERY = `query($d: ID!) {
  stats { documents ingested edges }
  search(query: "kế hoạch dân vận", first: 3) { totalCount edges { node { id } } }
  implementers(of: $d, transitive: true, first: 1) { totalCount }
}`;

interface Answer {
  stats: { documents: number; ingested: number; edges: number };
  search: { totalCount: number; edges: { node: { id: string } }[] };
  implementers: { totalCount: number };
}

it('readers get consistent, monotonic answers while an ingest runs', async () => {
  const found = await gql(server.url, '{ documentsBySymbol(symbol: "33/CT-TTg") { id } }');
  const directive = (found.body?.data?.documentsBySymbol as { id: string }[])[0].id;
  const ingest = runCli(['ingest', '--data', path.join(dir, 'data'), path.join(dir, 'corpus')], { timeoutMs: 120_000 });
  let done = false;
  void ingest.finally(() => (done = true));

  const seen = new Set<string>();
  let polls = 0;
  const reader = async () => {
    let last: Answer | null = null;
    while (!done) {
      const res = await gql(server.url, QUERY, { d: directive });
      expect(res.status, res.text).toBe(200);
      expect(res.body?.errors, res.text).toBeUndefined();
      const a = res.body!.data as unknown as Answer;
      expect(a.stats.ingested).toBeGreaterThanOrEqual(5);
      if (last) {
        expect(a.stats.documents, 'documents went backwards').toBeGreaterThanOrEqual(last.stats.documents);
        expect(a.stats.ingested, 'ingested went backwards').toBeGreaterThanOrEqual(last.stats.ingested);
        expect(a.stats.edges, 'edges went backwards').toBeGreaterThanOrEqual(last.stats.edges);
        expect(a.search.totalCount, 'search count went backwards').toBeGreaterThanOrEqual(last.search.totalCount);
        expect(a.implementers.totalCount, 'implementers went backwards').toBeGreaterThanOrEqual(last.implementers.totalCount);
      }
      a.search.edges.forEach((e) => seen.add(e.node.id));
      last = a;
      polls++;
    }
  };
  await Promise.all([reader(), reader(), reader(), reader()]);

  const run = await ingest;
  expect(run.code, run.stderr).toBe(0);
  expect(polls, 'readers should overlap the ingest').toBeGreaterThan(8);
  const final = await gql(server.url, '{ stats { ingested } }');
  expect((final.body?.data?.stats as { ingested: number }).ingested).toBe(5 + PLANS);
  for (const id of seen) {
    const res = await gql(server.url, 'query($id: ID!) { document(id: $id) { id } }', { id });
    expect(res.body?.data?.document, `document ${id} disappeared`).toEqual({ id });
  }
  console.log(`ingest of ${PLANS} plans while serving: ${run.ms} ms, ${polls} consistent reads by 4 readers`);
}, 180_000);
