/**
 * What the read workers serve, shared by the pool (main thread) and the worker:
 * the read methods of the GraphStore and SearchIndex interfaces, the messages that
 * carry a call and its reply, and how errors cross the thread boundary.
 *
 * A call is { target, method, args }; its types come from the interfaces, so the
 * pool's `call('graph', 'implementers', [of, opts])` is checked like a direct call.
 */
import type { GraphStore } from '../../graph/store.ts';
import { SearchSyntaxError, type SearchIndex } from '../search/search-index.ts';

/** GraphStore methods that only read (the worker's connection is never asked to write). */
export const GRAPH_READS = [
  'getDocuments', 'findBySymbol', 'outgoing', 'incoming', 'incomingPage', 'implementers', 'implementerProvinces', 'legalBasis', 'unresolved', 'stats',
  'findByContentHash', 'canonicalHash',
] as const satisfies readonly (keyof GraphStore)[];

export const SEARCH_READS = ['search'] as const satisfies readonly (keyof SearchIndex)[];

export interface ReadTargets {
  graph: Pick<GraphStore, (typeof GRAPH_READS)[number]>;
  search: Pick<SearchIndex, (typeof SEARCH_READS)[number]>;
}
export type Target = keyof ReadTargets;
export type Method<T extends Target> = keyof ReadTargets[T] & string;
export type ArgsOf<T extends Target, M extends Method<T>> = ReadTargets[T][M] extends (...args: infer A) => unknown ? A : never;
export type ResultOf<T extends Target, M extends Method<T>> = ReadTargets[T][M] extends (...args: never[]) => Promise<infer R> ? R : never;

export const READ_METHODS: { readonly [T in Target]: readonly Method<T>[] } = { graph: GRAPH_READS, search: SEARCH_READS };

/** What a worker opens: the embedded databases, read-only (null: that engine is not embedded). */
export interface WorkerStores {
  graphFile: string | null;
  searchFile: string | null;
}

/** main → worker */
export interface CallMessage {
  id: number;
  target: Target;
  method: string;
  args: unknown[];
}

/** An error as it crosses the thread boundary (structured clone keeps neither class nor code). */
export interface WireError {
  name: string;
  message: string;
  code?: string;
}

/** worker → main */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed'; error: WireError }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(err) };
}

/** The error the store would have thrown in-process: the classes callers test for are rebuilt. */
export function fromWire(e: WireError): Error {
  if (e.code === 'SEARCH_SYNTAX') return new SearchSyntaxError(e.message);
  const err = e.name === 'RangeError' ? new RangeError(e.message) : e.name === 'TypeError' ? new TypeError(e.message) : new Error(e.message);
  if (e.code) Object.assign(err, { code: e.code });
  return err;
}

/**
 * Test-only hook (CANCU_TEST_READ_DELAY): make chosen read methods slow in the
 * worker, so tests can exercise the time limit and admission control
 * deterministically. "search=3000" sleeps 3 s (the thread is blocked, like a
 * synchronous query); "search=native:3000" runs a native SQLite statement of about
 * 3 s, which, like a real slow query, cannot be interrupted before it returns.
 */
export interface ReadDelay {
  ms: number;
  native: boolean;
}

export function parseReadDelays(spec: string | undefined): Map<string, ReadDelay> {
  const delays = new Map<string, ReadDelay>();
  for (const part of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\w+)=(native:)?(\d+)$/.exec(part);
    if (!m) throw new Error(`CANCU_TEST_READ_DELAY: expected METHOD=MS or METHOD=native:MS, got "${part}"`);
    delays.set(m[1], { ms: Number(m[3]), native: m[2] !== undefined });
  }
  return delays;
}
