/**
 * A pool of read workers (worker_threads, read-worker.ts) that run the embedded
 * stores' synchronous SQLite reads off the event loop, so one slow query (a broad
 * search, the transitive implementers of a popular directive) no longer holds up
 * every other request.
 *
 * - Each call is { target, method, args } (read-api.ts) and is answered by one
 *   worker; a worker runs one call at a time.
 * - Queue order is earliest deadline first: a call inherits the deadline of the
 *   request that makes it (request-scope.ts), so the later calls of an older
 *   request are not queued behind requests that arrived after it.
 * - Time limit: a queued call whose deadline passes is dropped; a running one is
 *   abandoned: its worker is terminated and a fresh one takes its place at once
 *   (it takes calls once its stores are open and warm, read-worker.ts).
 *   The caller gets a ReadTimeoutError. better-sqlite3 cannot interrupt a running
 *   statement (no sqlite3_interrupt, no progress handler), so a terminated worker's
 *   thread ends only when its statement returns; at most `size` such threads are
 *   kept, after which replacements wait for them.
 * - Admission: the pool is overloaded while it is full (every worker busy and
 *   `maxQueue` calls waiting), or while a new call would wait more than
 *   `maxWaitMs`: a queued call has already waited that long, or the work ahead
 *   (each queued call's method at its recent mean service time, spread over the
 *   workers) is that long. A request is admitted or refused (OverloadedError →
 *   503 + Retry-After) at its first call; the wait bound does not apply to its
 *   later calls, so admitted requests finish. The HTTP server also asks
 *   `overloaded()` before reading a request's body.
 * - Memory: at most `size` + `maxQueue` calls are held, running or queued. A call
 *   of an admitted request arriving at a full pool displaces the queued call with
 *   the latest deadline (the newest request), or is refused if its own is the latest.
 */
import { Worker } from 'node:worker_threads';
import { currentRequest } from './request-scope.ts';
import {
  fromWire, type ArgsOf, type CallMessage, type Method, type ResultOf, type Target, type WorkerMessage, type WorkerStores,
} from './read-api.ts';

const BOOT = new URL('./boot.mjs', import.meta.url);

export class ReadTimeoutError extends Error {
  readonly code = 'TIMEOUT';
}

export class OverloadedError extends Error {
  readonly code = 'OVERLOADED';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

export interface ReadPoolOptions {
  stores: WorkerStores;
  /** Worker threads. */
  size: number;
  /** Most calls waiting for a busy worker (memory bound); 0: a call runs at once or is refused. */
  maxQueue: number;
  /** The pool is also overloaded while a queued call has waited longer than this (latency bound). */
  maxWaitMs: number;
  /** Time limit of a call made outside a request's deadline scope. */
  callTimeoutMs: number;
  /** Where to report abandoned and crashed workers. */
  log?: (message: string) => void;
}

export interface ReadPoolStats {
  workers: number;
  busy: number;
  queued: number;
  served: number;
  timeouts: number;
  refused: number;
  abandoned: number;
  crashes: number;
}

interface Job {
  id: number;
  target: Target;
  method: string;
  args: unknown[];
  deadline: number;
  queuedAt: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
  slot: Slot | null;
  startedAt: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Why it failed to start, when it did. */
  failure?: Error;
}

export class ReadPool {
  private readonly live = new Set<Slot>();
  /** Terminated workers whose thread is still finishing a native statement. */
  private readonly dying = new Set<Slot>();
  /** Waiting calls, earliest deadline first (ties: first come). */
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Recent mean service time (ms) of each `target.method`, for the wait estimate. */
  private readonly serviceMs = new Map<string, number>();
  private restartFailures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly counts = { served: 0, timeouts: 0, refused: 0, abandoned: 0, crashes: 0 };

  private constructor(private readonly options: ReadPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`read pool size must be a positive integer, got ${options.size}`);
    if (!Number.isInteger(options.maxQueue) || options.maxQueue < 0) throw new RangeError(`read queue bound must be an integer ≥ 0, got ${options.maxQueue}`);
    if (!(options.maxWaitMs >= 0)) throw new RangeError(`read queue wait bound must be ≥ 0 ms, got ${options.maxWaitMs}`);
  }

  /**
   * Start `size` workers, one after another, each ready (its stores open and warm) before
   * the next starts: a worker's warm-up builds the graph's adjacency, whose transient
   * memory is several times what it keeps (1M plans: +434 MB RSS while building, 128 MB
   * kept), so building them all at once raised the server's peak RSS by that much per worker.
   */
  static async start(options: ReadPoolOptions): Promise<ReadPool> {
    const pool = new ReadPool(options);
    try {
      for (let i = 0; i < options.size; i++) await pool.whenReady(pool.spawn());
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Run one read on a worker, within the current request's deadline. */
  call<T extends Target, M extends Method<T>>(target: T, method: M, args: ArgsOf<T, M>): Promise<ResultOf<T, M>> {
    return new Promise<unknown>((resolve, reject) => {
      const now = Date.now();
      const request = currentRequest();
      const deadline = request?.deadline ?? now + this.options.callTimeoutMs;
      const job: Job = { id: this.nextId++, target, method, args, deadline, queuedAt: now, resolve, reject, slot: null, startedAt: 0 };
      if (this.closed) return reject(new Error('the read pool is closed'));
      if (request?.admission === 'pending') request.admission = this.overloaded() ? 'refused' : 'admitted';
      if (request?.admission === 'refused') return this.refuse(job);
      if (deadline <= now) return this.timeOut(job, 'before it could start');
      if (!this.enqueue(job)) return;
      job.timer = setTimeout(() => this.expire(job), deadline - now);
      this.pump();
    }) as Promise<ResultOf<T, M>>;
  }

  /** Whether a new request should be refused: the queue is full, or a new call would wait too long. */
  overloaded(): boolean {
    if (this.full()) return true;
    const now = Date.now();
    if (this.queue.some((job) => now - job.queuedAt > this.options.maxWaitMs)) return true;
    return this.expectedWaitMs(now) > this.options.maxWaitMs;
  }

  /** Seconds a refused client should wait: about the time the workers need for what is queued and running. */
  retryAfterSeconds(): number {
    return Math.min(60, Math.max(1, Math.ceil(this.expectedWaitMs(Date.now()) / 1000)));
  }

  /** The wait of a call queued now: the estimated work queued and still running, spread over the workers. */
  private expectedWaitMs(now: number): number {
    let work = 0;
    for (const job of this.queue) work += this.estimateMs(job);
    for (const slot of this.live) if (slot.job) work += Math.max(0, this.estimateMs(slot.job) - (now - slot.job.startedAt));
    return work / this.options.size;
  }

  private estimateMs(job: Job): number {
    return this.serviceMs.get(`${job.target}.${job.method}`) ?? 0;
  }

  /** Fold a service time into its method's moving mean. */
  private observe(job: Job, ms: number): void {
    const key = `${job.target}.${job.method}`;
    const mean = this.serviceMs.get(key);
    this.serviceMs.set(key, mean === undefined ? ms : 0.8 * mean + 0.2 * ms);
  }

  stats(): ReadPoolStats {
    return { workers: this.live.size, busy: this.busy(), queued: this.queue.length, ...this.counts };
  }

  /** Refuse queued calls, stop every worker (a thread inside a native statement ends when it returns). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    for (const job of this.queue.splice(0)) this.settle(job, new Error('the server is shutting down'));
    const slots = [...this.live, ...this.dying];
    for (const s of slots) if (s.job) this.settle(s.job, new Error('the server is shutting down'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** No room for one more call: the workers are busy and `maxQueue` calls wait. */
  private full(): boolean {
    return this.queue.length + this.busy() >= this.options.maxQueue + this.options.size;
  }

  private busy(): number {
    let n = 0;
    for (const s of this.live) if (s.job) n++;
    return n;
  }

  /** Queue `job` (earliest deadline first) within the bound; false when it was refused. */
  private enqueue(job: Job): boolean {
    if (this.full()) {
      const latest = this.queue.at(-1);
      if (!latest || latest.deadline <= job.deadline) {
        this.refuse(job);
        return false;
      }
      this.queue.pop();
      this.refuse(latest);
    }
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].deadline > job.deadline) i--;
    this.queue.splice(i, 0, job);
    return true;
  }

  private refuse(job: Job): void {
    this.counts.refused++;
    this.settle(job, new OverloadedError('the server is overloaded; retry later', this.retryAfterSeconds()));
  }

  private timeOut(job: Job, when: string): void {
    this.counts.timeouts++;
    this.settle(job, new ReadTimeoutError(`${job.target}.${job.method} ran out of the request's time limit ${when}`));
  }

  private settle(job: Job, err: Error | null, value?: unknown): void {
    if (job.timer) clearTimeout(job.timer);
    if (err) job.reject(err);
    else job.resolve(value);
  }

  private pump(): void {
    for (const slot of this.live) {
      if (!this.queue.length) return;
      if (slot.ready && !slot.job) this.run(slot, this.queue.shift()!);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    job.startedAt = Date.now();
    const message: CallMessage = { id: job.id, target: job.target, method: job.method, args: job.args };
    try {
      slot.worker.postMessage(message);
    } catch (err) {
      // Arguments that cannot be cloned: the caller's error, the worker is untouched.
      slot.job = null;
      this.settle(job, err as Error);
    }
  }

  private expire(job: Job): void {
    const slot = job.slot;
    if (!slot) {
      const i = this.queue.indexOf(job);
      if (i >= 0) this.queue.splice(i, 1);
      this.timeOut(job, 'while waiting for a worker');
      return;
    }
    const ms = Date.now() - job.startedAt;
    slot.job = null;
    this.observe(job, ms); // at least this long: later estimates must not forget it
    this.timeOut(job, `after running ${ms} ms; its worker was stopped`);
    this.counts.abandoned++;
    this.options.log?.(`read pool: ${job.target}.${job.method} exceeded the time limit after ${ms} ms; worker stopped and replaced`);
    this.live.delete(slot);
    this.dying.add(slot);
    void slot.worker.terminate();
    this.fill();
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.restartFailures = 0;
      this.pump();
    } else if (m.type === 'failed') {
      slot.failure = fromWire(m.error);
      void slot.worker.terminate();
    } else {
      const job = slot.job;
      if (!job || job.id !== m.id) return; // the reply of a call that already timed out
      slot.job = null;
      this.observe(job, Date.now() - job.startedAt);
      this.counts.served++;
      if (m.ok) this.settle(job, null, m.value);
      else this.settle(job, fromWire(m.error));
      this.pump();
    }
  }

  private onExit(slot: Slot, code: number): void {
    if (this.dying.delete(slot)) {
      this.fill();
      return;
    }
    if (!this.live.delete(slot)) return;
    const why = slot.failure ?? new Error(`exit code ${code}`);
    if (slot.job) {
      this.settle(slot.job, new Error(`read worker stopped unexpectedly: ${why.message}`));
      slot.job = null;
    }
    if (this.closed) return;
    this.counts.crashes++;
    this.options.log?.(`read pool: worker ${slot.ready ? 'stopped' : 'failed to start'}: ${why.message}`);
    // A worker that cannot even open the stores will fail again: retry with backoff (1 s, 2 s, … 30 s).
    if (!slot.ready) this.restartFailures++;
    const delay = this.restartFailures ? Math.min(30_000, 1000 * 2 ** (this.restartFailures - 1)) : 0;
    if (delay === 0) this.fill();
    else if (!this.restartTimer) {
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.fill();
      }, delay);
      this.restartTimer.unref();
    }
  }

  /** Bring the live workers back to `size`, keeping at most `size` terminated threads still finishing. */
  private fill(): void {
    while (!this.closed && this.live.size < this.options.size && this.live.size + this.dying.size < 2 * this.options.size) this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, { workerData: this.options.stores });
    const slot: Slot = { worker, ready: false, job: null };
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (err) => (slot.failure ??= err)); // an uncaught exception; 'exit' follows
    worker.on('exit', (code) => this.onExit(slot, code));
    this.live.add(slot);
    return slot;
  }

  private whenReady(slot: Slot): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'ready') done(null);
        else if (m.type === 'failed') done(fromWire(m.error));
      };
      const onExit = (code: number) => done(slot.failure ?? new Error(`read worker exited with code ${code} before it was ready`));
      const done = (err: Error | null) => {
        slot.worker.off('message', onMessage).off('exit', onExit);
        if (err) reject(new Error(`read worker could not open the stores: ${err.message}`));
        else resolve();
      };
      slot.worker.on('message', onMessage).on('exit', onExit);
    });
  }
}
