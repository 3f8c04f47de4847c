/** Hash routes: the URL holds all of a page's state, so any view can be shared as a link. */

export type Page = 'search' | 'doc' | 'implementers' | 'trace';
const PAGES: readonly Page[] = ['search', 'doc', 'implementers', 'trace'];

export interface Route {
  page: Page;
  /** Document id for doc / implementers / trace; "" for search. */
  id: string;
  params: URLSearchParams;
}

/** "#/doc/ct%3A33?at=120" → { page: 'doc', id: 'ct:33', params: at=120 }. Unknown routes are the search page. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [page, ...rest] = path.split('/');
  const id = rest.length ? decodeURIComponent(rest.join('/')) : '';
  if ((PAGES as readonly string[]).includes(page) && (page === 'search' || id)) {
    return { page: page as Page, id, params: new URLSearchParams(query) };
  }
  return { page: 'search', id: '', params: new URLSearchParams(page === 'search' ? query : '') };
}

export type Params = Record<string, string | number | boolean | null | undefined>;

/** The link to a page; empty, null and false parameters are left out. */
export function href(page: Page, id = '', params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null && v !== false) qs.set(k, String(v));
  const q = qs.toString();
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${q ? `?${q}` : ''}`;
}

/** The `year` parameter as a year number, or null when absent or not a year. */
export function yearParam(params: URLSearchParams): number | null {
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year > 0 ? year : null;
}
