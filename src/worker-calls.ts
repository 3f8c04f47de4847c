/**
 * A worker thread answering calls by id, the plumbing shared by the ingest's threads
 * (the extraction pool, the search writer): each call is a message `{ id, ...call }`
 * answered by one reply `{ id, ... }`. A thread with calls in flight keeps the process
 * alive and an idle one does not; when the thread dies, every call in flight is
 * rejected with `stopped(reason)`.
 */
import { Worker } from 'node:worker_threads';

export class WorkerCalls<Call extends object, Reply extends { id: number }, Result> {
  readonly worker: Worker;
  private readonly calls = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /**
   * @param settle turns a reply into its call's result, or throws its error
   * @param stopped the error for the calls in flight when the thread dies
   * @param onExit told once the thread has died or been terminated
   */
  constructor(
    boot: URL,
    workerData: unknown,
    private readonly settle: (reply: Reply) => Result,
    stopped: (reason: string) => Error,
    onExit: () => void,
  ) {
    this.worker = new Worker(boot, { workerData });
    this.worker.unref();
    let failure: Error | null = null;
    this.worker.on('message', (reply: Reply) => this.answer(reply));
    this.worker.on('error', (err) => (failure ??= err));
    this.worker.on('exit', (code) => {
      const reason = failure ? failure.message : `exit code ${code}`;
      for (const call of this.calls.values()) call.reject(stopped(reason));
      this.calls.clear();
      onExit();
    });
  }

  /** Calls in flight. */
  get size(): number {
    return this.calls.size;
  }

  call(message: Call): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.calls.size === 0) this.worker.ref();
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private answer(reply: Reply): void {
    const call = this.calls.get(reply.id);
    if (!call) return;
    this.calls.delete(reply.id);
    if (this.calls.size === 0) this.worker.unref();
    try {
      call.resolve(this.settle(reply));
    } catch (err) {
      call.reject(err as Error);
    }
  }
}
