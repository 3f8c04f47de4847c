/**
 * The first GraphQL request of each page, computed from the route alone: the pages send
 * exactly these, and the inline boot script (boot.ts) sends the same one while the app's
 * bundle is still loading, so that the app finds its data on the way (early.ts).
 */
import { toLevel } from './format.ts';
import { DOCUMENT, IMPLEMENTERS, SEARCH, TRACE } from './queries.ts';
import { yearParam, type Page, type Route } from './route.ts';

export interface GqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** Search hits per page. */
export const SEARCH_PAGE = 20;
/** Implementers per request (the API's largest page). */
export const IMPLEMENTERS_PAGE = 200;

/** The search filters a route names (facet values as links give them). */
export function searchFilter(params: URLSearchParams) {
  return {
    kind: params.get('kind') || null,
    province: params.get('province') || null,
    year: yearParam(params),
    level: toLevel(params.get('level')),
  };
}

/** null on the search page without a query (nothing to ask). */
export function searchRequest(route: Route): GqlRequest | null {
  const q = route.params.get('q')?.trim() ?? '';
  if (!q) return null;
  return { query: SEARCH, variables: { query: q, filter: searchFilter(route.params), first: SEARCH_PAGE, after: route.params.get('after') } };
}

export function documentRequest(route: Route): GqlRequest {
  const p = route.params;
  return {
    query: DOCUMENT,
    variables: { id: route.id, province: p.get('province') || null, year: yearParam(p), citedAfter: p.get('citedAfter'), implAfter: p.get('implAfter') },
  };
}

export function implementersFilter(params: URLSearchParams) {
  return { province: params.get('province') || null, year: yearParam(params), level: toLevel(params.get('level')), issuer: params.get('issuer')?.trim() || null };
}

/** The first page also asks for the counts over all pages (coverage); later pages do not. */
export function implementersRequest(route: Route, after: string | null = null): GqlRequest {
  return { query: IMPLEMENTERS, variables: { id: route.id, filter: implementersFilter(route.params), first: IMPLEMENTERS_PAGE, after, coverage: after === null } };
}

export function traceDepth(params: URLSearchParams): number {
  return Math.min(10, Math.max(1, Number(params.get('depth')) || 5));
}

export function traceRequest(route: Route): GqlRequest {
  return { query: TRACE, variables: { id: route.id, maxDepth: traceDepth(route.params) } };
}

const FIRST: Record<Page, (route: Route) => GqlRequest | null> = {
  search: searchRequest,
  doc: documentRequest,
  implementers: (route) => implementersRequest(route),
  trace: traceRequest,
};

/** The request a page sends first. */
export function firstRequest(route: Route): GqlRequest | null {
  return FIRST[route.page](route);
}

/** Pages whose filters suggest province names (provinces.json). */
export function usesProvinces(page: Page): boolean {
  return page === 'doc' || page === 'implementers';
}
