/**
 * A read worker (worker_threads): opens its own connections to the embedded graph
 * and search databases and answers one call at a time for the pool (read-pool.ts).
 * Only the methods listed in read-api.ts are served; writes stay on the main thread.
 *
 * The search database is opened read-only. The graph store has no read-only mode
 * (its init() checks the schema inside a write transaction), so its connection is
 * read-write but is only ever asked the read methods. WAL lets these connections
 * read while the main connection or a `cancu ingest` writes.
 *
 * Before it reports ready, a worker warms its stores with one traversal and one
 * search that match nothing: the stores build their in-memory state lazily (the
 * graph's adjacency took 3.5 s at 100k plans, the search facet columns 0.4 s).
 * Without this, the first traversal on a fresh worker pays that cost inside a
 * request's time limit; past the limit the worker is replaced by another cold
 * one, and with a 2 s limit on the 100k store nearly every request timed out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteGraphStore } from '../../graph/sqlite-store.ts';
import { SqliteSearchIndex } from '../search/sqlite-fts.ts';
import {
  parseReadDelays, READ_METHODS, toWire, type CallMessage, type ReadDelay, type ReadTargets, type Target, type WorkerMessage,
  type WorkerStores,
} from './read-api.ts';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

/** Blocks this thread for `delay.ms` (test hook, see parseReadDelays). */
function stall(delay: ReadDelay): void {
  if (!delay.native) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay.ms);
    return;
  }
  // A native statement cannot be interrupted: size one from a short calibration run.
  const db = new Database(':memory:');
  const count = db.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT ?) SELECT count(*) FROM c').pluck();
  const started = performance.now();
  count.get(200_000);
  const perMs = 200_000 / Math.max(0.1, performance.now() - started);
  count.get(Math.round(perMs * delay.ms));
  db.close();
}

/** The connections are closed by better-sqlite3's own clean-up when the pool terminates the thread. */
async function open(stores: WorkerStores): Promise<Partial<ReadTargets>> {
  const targets: Partial<ReadTargets> = {};
  if (stores.graphFile) {
    const graph = new SqliteGraphStore(stores.graphFile);
    await graph.init();
    targets.graph = graph;
  }
  if (stores.searchFile) {
    const search = new SqliteSearchIndex(new Database(stores.searchFile, { readonly: true, fileMustExist: true }));
    await search.init();
    targets.search = search;
  }
  return targets;
}

/** Build the stores' lazy in-memory state outside any request's time limit (see above). Failures only mean no warm-up. */
async function warm(targets: Partial<ReadTargets>): Promise<void> {
  await targets.graph?.legalBasis('\u0000warm-up', 1).catch(() => undefined);
  await targets.search?.search('warmup', { limit: 1, offset: 0 }).catch(() => undefined);
}

async function main(): Promise<void> {
  const delays = parseReadDelays(process.env.CANCU_TEST_READ_DELAY);
  let targets: Partial<ReadTargets>;
  try {
    targets = await open(workerData as WorkerStores);
    await warm(targets);
  } catch (err) {
    post({ type: 'failed', error: toWire(err) });
    return;
  }
  port.on('message', async (m: CallMessage) => {
    try {
      const target = targets[m.target] as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined;
      if (!target || !(READ_METHODS[m.target as Target] as readonly string[]).includes(m.method)) {
        throw new Error(`read worker: ${m.target}.${m.method} is not a read this worker serves`);
      }
      const delay = delays.get(m.method);
      if (delay) stall(delay);
      post({ type: 'reply', id: m.id, ok: true, value: await target[m.method](...m.args) });
    } catch (err) {
      post({ type: 'reply', id: m.id, ok: false, error: toWire(err) });
    }
  });
  post({ type: 'ready' });
}

await main();
