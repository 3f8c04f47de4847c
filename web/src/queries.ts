/**
 * Every GraphQL operation the UI sends, written against schema.graphql (test/web/queries.test.ts
 * validates them), with the TypeScript shape of what each returns.
 */

export type Relation = 'IMPLEMENTS' | 'BASED_ON' | 'CITES' | 'GUIDES' | 'ISSUES' | 'CONTINUES' | 'AMENDS';
export type Level = 'CENTRAL' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface DocSummary {
  id: string;
  kind: string | null;
  symbol: string | null;
  name: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  level: Level | null;
  province: string | null;
  ingested: boolean;
}

export interface Evidence {
  source: string;
  quote: string;
  start: number;
  end: number;
  section: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

const DOC_SUMMARY = `fragment DocSummary on Document { id kind symbol name title date year issuer level province ingested }`;
const EVIDENCE = `fragment Ev on Evidence { source quote start end section }`;

export interface FacetValue {
  value: string;
  count: number;
}
export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: PageInfo;
    facets: { kind: FacetValue[]; province: FacetValue[]; year: FacetValue[]; level: FacetValue[] };
    edges: { cursor: string; node: DocSummary; highlights: { field: string; snippet: string }[] }[];
  };
}
export const SEARCH = `query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { kind { value count } province { value count } year { value count } level { value count } }
    edges { cursor node { ...DocSummary } highlights { field snippet } }
  }
}
${DOC_SUMMARY}`;

export interface OutgoingCitation {
  relation: Relation;
  stated: boolean;
  to: DocSummary;
  evidence: Evidence[];
  evidenceCount: number;
}
export interface Unresolved {
  key: string;
  symbol: string | null;
  name: string | null;
  kind: string | null;
  reason: string;
  detail: string;
  candidates: string[];
  start: number;
  end: number;
  section: string;
}
export interface DocumentData {
  document:
    | (DocSummary & {
        subject: string | null;
        file: string | null;
        text: string | null;
        citations: OutgoingCitation[];
        citedBy: { totalCount: number; pageInfo: PageInfo; edges: { node: { relation: Relation; from: DocSummary; evidence: Evidence[]; evidenceCount: number } }[] };
        implementedBy: { totalCount: number; pageInfo: PageInfo; edges: { node: DocSummary }[] };
        unresolved: Unresolved[];
      })
    | null;
}
/** Citing and implementing documents shown per page on the document page (literal: the server's cost limit counts it). */
export const DOCUMENT_LIST_PAGE = 20;
export const DOCUMENT = `query Document($id: ID!, $province: String, $year: Int, $citedAfter: String, $implAfter: String) {
  document(id: $id) {
    ...DocSummary subject file text
    citations { relation stated to { ...DocSummary } evidence { ...Ev } evidenceCount }
    citedBy(province: $province, year: $year, first: ${DOCUMENT_LIST_PAGE}, after: $citedAfter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { relation from { ...DocSummary } evidence { ...Ev } evidenceCount } }
    }
    implementedBy(filter: { province: $province, year: $year }, first: ${DOCUMENT_LIST_PAGE}, after: $implAfter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...DocSummary } }
    }
    unresolved { key symbol name kind reason detail candidates start end section }
  }
}
${DOC_SUMMARY}
${EVIDENCE}`;

export interface ImplementerEdge {
  depth: number;
  node: DocSummary;
  path: { from: { id: string }; to: { id: string }; relation: Relation }[];
}
export interface ImplementersData {
  /** implementedBy only with $coverage (the first page). */
  document: (DocSummary & { implementedBy?: { totalCount: number } }) | null;
  /** byProvince only with $coverage (the first page). */
  implementers: { totalCount: number; pageInfo: PageInfo; edges: ImplementerEdge[]; byProvince?: FacetValue[] };
}
/** With $coverage, the counts over every page (direct implementers, implementers per province), made by the server. */
export const IMPLEMENTERS = `query Implementers($id: ID!, $filter: ImplementerFilter, $first: Int, $after: String, $coverage: Boolean!) {
  document(id: $id) { ...DocSummary implementedBy(filter: $filter, first: 0) @include(if: $coverage) { totalCount } }
  implementers(of: $id, transitive: true, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { depth node { ...DocSummary } path { from { id } to { id } relation } }
    byProvince @include(if: $coverage) { value count }
  }
}
${DOC_SUMMARY}`;

export interface TraceStep {
  depth: number;
  relation: Relation;
  from: DocSummary;
  to: DocSummary;
  evidence: Evidence[];
  evidenceCount: number;
}
export interface TraceData {
  document: DocSummary | null;
  legalBasis: TraceStep[];
}
export const TRACE = `query Trace($id: ID!, $maxDepth: Int) {
  document(id: $id) { ...DocSummary }
  legalBasis(of: $id, maxDepth: $maxDepth) { depth relation from { ...DocSummary } to { ...DocSummary } evidence { ...Ev } evidenceCount }
}
${DOC_SUMMARY}
${EVIDENCE}`;

/** Every operation, for the schema validation test. */
export const OPERATIONS = { SEARCH, DOCUMENT, IMPLEMENTERS, TRACE };
