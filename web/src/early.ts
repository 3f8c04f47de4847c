/**
 * Requests sent before the app runs: the inline boot script (boot.ts) starts the current
 * page's first GraphQL request (and provinces.json) while the browser is still fetching and
 * evaluating the app's bundle; the app takes each response once, by its exact request body,
 * and anything it did not take is dropped after the first render (a later visit asks again).
 */

declare global {
  interface Window {
    __cancuEarly?: Map<string, Promise<Response>>;
  }
}

export function earlyKey(url: string, body?: string): string {
  return body === undefined ? url : `${url}\n${body}`;
}

/** POST `body` (JSON) to `url`, or GET `url` when there is no body. */
export function send(url: string, body?: string): Promise<Response> {
  return body === undefined
    ? fetch(url)
    : fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
}

/** Start a request now, for the app to take later (boot.ts). */
export function sendEarly(url: string, body?: string): void {
  const early = (window.__cancuEarly ??= new Map());
  const response = send(url, body);
  response.catch(() => undefined); // not an unhandled rejection if the app never takes it
  early.set(earlyKey(url, body), response);
}

/** The early response to exactly this request, once; undefined when none was sent. */
export function takeEarly(url: string, body?: string): Promise<Response> | undefined {
  const key = earlyKey(url, body);
  const response = window.__cancuEarly?.get(key);
  window.__cancuEarly?.delete(key);
  return response;
}

/** Forget the early requests the app did not take. */
export function dropEarly(): void {
  window.__cancuEarly?.clear();
}
