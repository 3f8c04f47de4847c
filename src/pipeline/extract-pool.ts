/**
 * Extraction off the main thread: worker threads (extract-worker.ts) read and
 * extract the files ahead of the one being written, so the main thread spends its
 * time on the store writes, which SQLite serialises anyway. Extraction is pure and
 * CPU-bound; with N workers it runs on N more cores.
 *
 * Jobs go to the worker with the fewest in flight. A worker that dies (an uncaught
 * error, out of memory) fails its jobs with the reason, and the next job starts a
 * new one: a bad file costs itself, not the batch. Workers start on first use, so
 * a process that never ingests a folder starts none.
 */
import { availableParallelism } from 'node:os';
import type { Extraction } from '../../ingest/model.ts';
import { WorkerCalls } from '../worker-calls.ts';

const BOOT = new URL('./extract-boot.mjs', import.meta.url);

export interface ExtractJob {
  id: number;
  /** the file to read */
  path: string;
  /** the name recorded on its document (Extraction.file) */
  name: string;
}

export type ExtractReply =
  | { id: number; ok: true; text: string; extraction: Extraction | null }
  | { id: number; ok: false; stage: 'read' | 'extract'; message: string; text?: string };

/** A file read and extracted; `extraction` is null when the text is over the pipeline's limit (it fails it). */
export interface Extracted {
  text: string;
  extraction: Extraction | null;
}

/** A failed job: `stage` says whether the file could not be read or its text not extracted. */
export class ExtractJobError extends Error {
  constructor(readonly stage: 'read' | 'extract', message: string) {
    super(message);
  }
}

/** Workers by default: the cores beyond the main thread's, at most 4 (past that the writes bound an ingest). */
export function defaultExtractWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

type Thread = WorkerCalls<Omit<ExtractJob, 'id'>, ExtractReply, Extracted>;

export class ExtractPool {
  private readonly threads: Thread[] = [];

  constructor(private readonly size: number) {
    if (size < 1) throw new Error('an extraction pool needs at least one worker');
  }

  /** Read `path` and extract it as `name`. */
  run(path: string, name: string): Promise<Extracted> {
    return this.pick().call({ path, name });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private pick(): Thread {
    if (this.threads.length < this.size) return this.spawn();
    return this.threads.reduce((a, b) => (b.size < a.size ? b : a));
  }

  private spawn(): Thread {
    const thread: Thread = new WorkerCalls(
      BOOT,
      null,
      (reply) => {
        if (!reply.ok) throw new ExtractJobError(reply.stage, reply.message);
        return { text: reply.text, extraction: reply.extraction };
      },
      (reason) => new ExtractJobError('extract', `the extraction worker stopped (${reason})`),
      () => {
        const i = this.threads.indexOf(thread);
        if (i >= 0) this.threads.splice(i, 1);
      },
    );
    this.threads.push(thread);
    return thread;
  }
}
