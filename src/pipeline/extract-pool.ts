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
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../../ingest/model.ts';

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

interface Slot {
  worker: Worker;
  jobs: Map<number, { resolve: (r: Extracted) => void; reject: (e: Error) => void }>;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {
    if (size < 1) throw new Error('an extraction pool needs at least one worker');
  }

  /** Read `path` and extract it as `name`. */
  run(path: string, name: string): Promise<Extracted> {
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (slot.jobs.size === 0) slot.worker.ref(); // a worker with jobs keeps the process alive
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path, name } satisfies ExtractJob);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pick(): Slot {
    if (this.slots.length < this.size) return this.spawn();
    return this.slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT);
    worker.unref(); // an idle one does not
    const slot: Slot = { worker, jobs: new Map() };
    worker.on('message', (reply: ExtractReply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if (slot.jobs.size === 0) worker.unref();
      if (reply.ok) job.resolve({ text: reply.text, extraction: reply.extraction });
      else job.reject(new ExtractJobError(reply.stage, reply.message));
    });
    let failure: Error | null = null;
    worker.on('error', (err) => (failure ??= err));
    worker.on('exit', (code) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const reason = failure ? failure.message : `exit code ${code}`;
      for (const job of slot.jobs.values()) job.reject(new ExtractJobError('extract', `the extraction worker stopped (${reason})`));
      slot.jobs.clear();
    });
    this.slots.push(slot);
    return slot;
  }
}
