/**
 * The time budget of the request being served, carried through async calls
 * (AsyncLocalStorage): the HTTP server opens a scope per request, and every store
 * call the request's resolvers and DataLoaders make inside it inherits the deadline,
 * without threading it through the GraphStore / SearchIndex interfaces.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ deadline: number }>();

/** Run `fn` with a deadline (epoch ms) that calls made inside it must meet. */
export function withDeadline<T>(deadline: number, fn: () => T): T {
  return scope.run({ deadline }, fn);
}

/** The deadline of the current request, or null outside one. */
export function currentDeadline(): number | null {
  return scope.getStore()?.deadline ?? null;
}
