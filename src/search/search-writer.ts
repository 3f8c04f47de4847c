/**
 * Writing the embedded search index from a worker thread during a bulk ingest, so
 * that full-text indexing (a third of an ingest's time on one thread) runs while
 * the main thread writes the next chunk to the graph. The two stores are separate
 * SQLite files, so neither waits for the other's lock.
 *
 * Calls are answered in the order they are made. A dead thread fails its calls
 * with the reason and the next call starts a new one. The thread starts on first
 * use and closes its connection with close().
 */
import { Worker } from 'node:worker_threads';
import type { SearchDoc, SearchIndex } from './search-index.ts';

const BOOT = new URL('./search-writer-boot.mjs', import.meta.url);

export type WriterCall = { id: number } & ({ op: 'upsert'; docs: readonly SearchDoc[] } | { op: 'optimize' } | { op: 'close' });
export type WriterReply = { id: number; ok: true } | { id: number; ok: false; message: string };

/** The writes of a SearchIndex, as the ingest pipeline makes them. */
export type SearchWrites = Pick<SearchIndex, 'upsert' | 'optimize'>;

export class SearchWriter implements SearchWrites {
  private worker: Worker | null = null;
  private readonly calls = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /** `file`: the search.db the main thread's SqliteSearchIndex has opened (and initialised). */
  constructor(private readonly file: string) {}

  upsert(docs: readonly SearchDoc[]): Promise<void> {
    return this.call({ op: 'upsert', docs });
  }

  optimize(): Promise<void> {
    return this.call({ op: 'optimize' });
  }

  async close(): Promise<void> {
    if (!this.worker) return;
    await this.call({ op: 'close' }).catch(() => {});
    await this.worker?.terminate();
    this.worker = null;
  }

  private call(c: { op: 'upsert'; docs: readonly SearchDoc[] } | { op: 'optimize' } | { op: 'close' }): Promise<void> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.calls.size === 0) worker.ref(); // a thread with calls keeps the process alive
      this.calls.set(id, { resolve, reject });
      worker.postMessage({ id, ...c } satisfies WriterCall);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(BOOT, { workerData: { file: this.file } });
    worker.unref(); // an idle one does not
    let failure: Error | null = null;
    worker.on('message', (reply: WriterReply) => {
      const call = this.calls.get(reply.id);
      if (!call) return;
      this.calls.delete(reply.id);
      if (this.calls.size === 0) worker.unref();
      if (reply.ok) call.resolve();
      else call.reject(new Error(reply.message));
    });
    worker.on('error', (err) => (failure ??= err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      const reason = failure ? failure.message : `exit code ${code}`;
      for (const call of this.calls.values()) call.reject(new Error(`the search writer thread stopped (${reason})`));
      this.calls.clear();
    });
    this.worker = worker;
    return worker;
  }
}
