/**
 * The search writer thread (search-writer.ts): its own connection to search.db,
 * writing what the ingest's main thread sends, one call at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteSearchIndex } from './sqlite-fts.ts';
import type { WriterCall, WriterReply } from './search-writer.ts';

const index = new SqliteSearchIndex(workerData.file as string);
const ready = index.init();
let queue: Promise<unknown> = Promise.resolve();

parentPort!.on('message', (call: WriterCall) => {
  queue = queue.then(async () => {
    try {
      await ready;
      if (call.op === 'upsert') await index.upsert(call.docs);
      else if (call.op === 'optimize') await index.optimize();
      else await index.close();
      parentPort!.postMessage({ id: call.id, ok: true } satisfies WriterReply);
    } catch (err) {
      parentPort!.postMessage({ id: call.id, ok: false, message: (err as Error).message } satisfies WriterReply);
    }
  });
});
