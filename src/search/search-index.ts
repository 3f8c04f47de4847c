/**
 * The one SearchIndex interface. SQLite FTS5 (embedded default) and
 * Meilisearch implement it and pass one contract suite.
 */
import type { AdminLevel } from '../../ingest/model.ts';

/** What is indexed for one document (ingested or only cited). */
export interface SearchDoc {
  id: string;
  kind: string | null;
  symbol: string | null;
  name: string | null;
  title: string | null;
  issuer: string | null;
  subject: string | null;
  /** Full text for ingested documents; null for cited-only ones. */
  text: string | null;
  province: string | null;
  year: number | null;
  level: AdminLevel | null;
  ingested: boolean;
}

export interface SearchFilter {
  kind?: string | null;
  province?: string | null;
  year?: number | null;
  level?: AdminLevel | null;
  ingested?: boolean | null;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Snippets with matches wrapped in <mark>…</mark> (HTML-escaped otherwise). */
  highlights: { field: string; snippet: string }[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  totalCount: number;
  /**
   * False when the engine stopped counting (huge match set): totalCount is then a
   * lower bound and facet counts describe only the rows counted. Absent means exact.
   */
  totalCountExact?: boolean;
  facets: { kind: FacetValue[]; province: FacetValue[]; year: FacetValue[]; level: FacetValue[] };
}

/** Thrown for a query the engine cannot parse; the API maps it to BAD_USER_INPUT. */
export class SearchSyntaxError extends Error {
  readonly code = 'SEARCH_SYNTAX';
}

export interface SearchIndex {
  readonly engine: 'sqlite' | 'meilisearch';
  init(): Promise<void>;
  close(): Promise<void>;
  /** Insert or replace by id. */
  upsert(docs: readonly SearchDoc[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  search(query: string, opts: { filter?: SearchFilter; limit: number; offset: number }): Promise<SearchResult>;
  /** Compact the index after a bulk load (engines that need nothing leave it out). */
  optimize?(): Promise<void>;
}
