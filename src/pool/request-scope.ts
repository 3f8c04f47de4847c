/**
 * The request being served, carried through async calls (AsyncLocalStorage): the
 * HTTP server opens a scope per request, and every store call that the request's
 * resolvers and DataLoaders make inside it finds the request's deadline and
 * admission state, without threading them through the GraphStore / SearchIndex
 * interfaces.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  /** Epoch ms by which every call of the request must be answered. */
  readonly deadline: number;
  /** Set by the read pool at the request's first call: admitted (later calls are not refused for load) or refused. */
  admission: 'pending' | 'admitted' | 'refused';
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Run `fn` as one request with this deadline (epoch ms). */
export function withRequestScope<T>(deadline: number, fn: () => T): T {
  return storage.run({ deadline, admission: 'pending' }, fn);
}

/** The current request, or null outside one. */
export function currentRequest(): RequestScope | null {
  return storage.getStore() ?? null;
}
