/** Shape rules both engines share: page bounds, highlighted fields, facet order. */
import { SearchSyntaxError, type FacetValue, type SearchDoc } from './search-index.ts';

/** Fields shown as highlighted snippets, in display order. */
export const HIGHLIGHT_FIELDS = ['symbol', 'name', 'title', 'subject', 'issuer', 'text'] as const;
export const FACETS = ['kind', 'province', 'year', 'level'] as const;
export const MAX_LIMIT = 1000;

export function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    throw new SearchSyntaxError(`limit must be an integer from 0 to ${MAX_LIMIT}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new SearchSyntaxError(`offset must be a non-negative integer, got ${offset}`);
}

/** Facet values: most frequent first, then by value. */
export function byCountThenValue(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.value.localeCompare(b.value);
}

/** A document's short fields as one text (indexed above the body). */
export function headText(d: SearchDoc): string {
  return [d.kind, d.symbol, d.name, d.title, d.issuer, d.subject].filter(Boolean).join('\n');
}
