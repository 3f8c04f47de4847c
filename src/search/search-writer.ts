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
import { WorkerCalls } from '../worker-calls.ts';
import type { SearchDoc, SearchIndex } from './search-index.ts';

const BOOT = new URL('./search-writer-boot.mjs', import.meta.url);

type WriterOp = { op: 'upsert'; docs: readonly SearchDoc[] } | { op: 'optimize' } | { op: 'close' };
export type WriterCall = { id: number } & WriterOp;
export type WriterReply = { id: number; ok: true } | { id: number; ok: false; message: string };

/** The writes of a SearchIndex, as the ingest pipeline makes them. */
export type SearchWrites = Pick<SearchIndex, 'upsert' | 'optimize'>;

export class SearchWriter implements SearchWrites {
  private thread: WorkerCalls<WriterOp, WriterReply, void> | null = null;

  /** `file`: the search.db the main thread's SqliteSearchIndex has opened (and initialised). */
  constructor(private readonly file: string) {}

  upsert(docs: readonly SearchDoc[]): Promise<void> {
    return this.call({ op: 'upsert', docs });
  }

  optimize(): Promise<void> {
    return this.call({ op: 'optimize' });
  }

  async close(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    await thread.call({ op: 'close' }).catch(() => {});
    await thread.worker.terminate();
  }

  private call(op: WriterOp): Promise<void> {
    if (!this.thread) {
      const thread = new WorkerCalls<WriterOp, WriterReply, void>(
        BOOT,
        { file: this.file },
        (reply) => {
          if (!reply.ok) throw new Error(reply.message);
        },
        (reason) => new Error(`the search writer thread stopped (${reason})`),
        () => {
          if (this.thread === thread) this.thread = null;
        },
      );
      this.thread = thread;
    }
    return this.thread.call(op);
  }
}
