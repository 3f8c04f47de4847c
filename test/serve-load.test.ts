/**
 * The read pool through the real HTTP server (`cancu serve` as a child process, on
 * the five samples): a slow read does not hold up a fast one, a read over the time
 * limit gets TIMEOUT and the server keeps answering, and a full queue (or one that
 * is not draining) gets a fast 503 OVERLOADED with Retry-After.
 *
 * Slowness is made deterministic with the worker's test-only hook
 * (CANCU_TEST_READ_DELAY, src/pool/read-api.ts): the named read method blocks its
 * worker thread for a fixed time, by sleeping or inside a native SQLite statement
 * (which, like a real slow query, cannot be interrupted). The assertions are about
 * order and error codes; the only time bounds are several times the limits involved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from './bad-input/run-cli.ts';
import { codes, gql, startServer, type GqlResponse, type ServerHandle } from './bad-input/server.ts';

let dir: string;
/** Every server started, so that one left running by a failed test is still stopped. */
const servers: ServerHandle[] = [];

const SEARCH = '{ search(query: "kế hoạch dân vận", first: 3) { totalCount edges { node { id } } } }';
const DOCUMENT = 'query($id: ID!) { document(id: $id) { id symbol citations { relation to { id symbol } } } }';
const DIRECTIVE = '33/CT-TTg@2021';

async function serve(env: Record<string, string>): Promise<ServerHandle> {
  const server = await startServer(dir, env);
  servers.push(server);
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cancu-serve-load-'));
  const ingest = await runCli(['ingest', '--data', dir, path.join(ROOT, 'samples')], { timeoutMs: 60_000 });
  expect(ingest.code, ingest.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function expectOk(res: GqlResponse, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(200);
  expect(res.body?.errors, `${what}: ${res.text.slice(0, 300)}`).toBeUndefined();
}

describe('read pool', () => {
  it('answers fast reads while another worker is stuck in a slow one', async () => {
    const s = await serve({ CANCU_READ_WORKERS: '2', CANCU_TEST_READ_DELAY: 'search=4000' });
    let searchDone = false;
    const slow = gql(s.url, SEARCH).finally(() => (searchDone = true));
    for (let i = 0; i < 5; i++) {
      const res = await gql(s.url, DOCUMENT, { id: DIRECTIVE });
      expectOk(res, 'document');
      expect(res.body?.data?.document).toMatchObject({ id: DIRECTIVE, symbol: '33/CT-TTg' });
      expectOk(await gql(s.url, '{ stats { documents edges } }'), 'stats');
    }
    expect(searchDone, 'the fast reads should all be answered while the search is still running').toBe(false);
    const res = await slow;
    expectOk(res, 'slow search');
    expect((res.body?.data?.search as { totalCount: number }).totalCount).toBeGreaterThan(0);
    await s.stop();
  }, 60_000);

  it('stops a read at the time limit with TIMEOUT, replaces the worker and keeps answering', async () => {
    // One worker, held by a native statement of ~10 s; the limit is 2 s (ample for a replacement worker to start).
    const s = await serve({ CANCU_READ_WORKERS: '1', CANCU_REQUEST_TIMEOUT_MS: '2000', CANCU_TEST_READ_DELAY: 'search=native:10000' });
    const res = await gql(s.url, SEARCH);
    expect(res.status, res.text).toBe(503);
    expect(codes(res)).toEqual(['TIMEOUT']);
    expect(res.body?.errors?.[0].message).toMatch(/search\.search ran out of the request's time limit after running \d+ ms/);
    expect(res.ms, 'answered at the limit, not when the statement ends').toBeLessThan(7000);

    // The stuck thread is still inside its statement; a fresh worker answers meanwhile.
    const doc = await gql(s.url, DOCUMENT, { id: DIRECTIVE });
    expectOk(doc, 'document after a timeout');
    expect(doc.body?.data?.document).toMatchObject({ id: DIRECTIVE });
    expectOk(await gql(s.url, '{ stats { documents } }'), 'stats after a timeout');
    expect(s.stderr()).toMatch(/search\.search exceeded the time limit after \d+ ms; worker stopped and replaced/);
    await s.stop();
  }, 60_000);

  it('refuses work beyond the queue bound at once with 503 OVERLOADED and Retry-After', async () => {
    // One worker, one queued read: of five concurrent searches, one runs, one waits, three are refused.
    const s = await serve({ CANCU_READ_WORKERS: '1', CANCU_READ_QUEUE: '1', CANCU_TEST_READ_DELAY: 'search=3000' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => gql(s.url, SEARCH).then((res) => ({ res, at: Date.now() }))),
    );
    const refused = answers.filter((a) => a.res.status === 503);
    const served = answers.filter((a) => a.res.status === 200);
    expect(refused.length, answers.map((a) => a.res.text.slice(0, 200)).join('\n')).toBe(3);
    expect(served.length).toBe(2);
    for (const { res } of refused) {
      expect(codes(res)).toEqual(['OVERLOADED']);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    for (const { res } of served) expectOk(res, 'admitted search');
    expect(Math.max(...refused.map((a) => a.at)), 'refusals come before the admitted searches finish').toBeLessThan(
      Math.min(...served.map((a) => a.at)),
    );
    expectOk(await gql(s.url, '{ stats { documents } }'), 'stats once the queue has drained');
    await s.stop();
  }, 60_000);

  it('refuses new requests while a queued read has waited longer than the wait bound', async () => {
    // One worker held 5 s by a search; a second search waits behind it. Once it has waited
    // past 300 ms, a new request is refused at once, although the queue is far from full.
    const s = await serve({ CANCU_READ_WORKERS: '1', CANCU_READ_QUEUE: '100', CANCU_READ_QUEUE_WAIT_MS: '300', CANCU_TEST_READ_DELAY: 'search=5000' });
    const first = gql(s.url, SEARCH);
    await new Promise((r) => setTimeout(r, 200));
    const second = gql(s.url, SEARCH);
    await new Promise((r) => setTimeout(r, 2000));
    const refused = await gql(s.url, '{ stats { documents } }');
    expect(refused.status, refused.text).toBe(503);
    expect(codes(refused)).toEqual(['OVERLOADED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    for (const res of await Promise.all([first, second])) expectOk(res, 'queued search');
    expectOk(await gql(s.url, '{ stats { documents } }'), 'stats once the queue has drained');
    await s.stop();
  }, 60_000);
});
