/**
 * The graph model: documents, authorities, localities and the typed, evidenced
 * edges between them. Both stores (SQLite, Neo4j) hold exactly this model.
 */
import type { AdminLevel, Relation, StatedRelationType } from '../ingest/model.ts';

export type EdgeType = 'IMPLEMENTS' | 'BASED_ON' | 'CITES' | 'GUIDES' | 'ISSUES' | 'CONTINUES' | 'AMENDS';

export const EDGE_OF_RELATION: Record<Relation, EdgeType> = {
  based_on: 'BASED_ON',
  implements: 'IMPLEMENTS',
  cites: 'CITES',
};

export const EDGE_OF_STATED: Record<StatedRelationType, EdgeType> = {
  implements: 'IMPLEMENTS',
  guides: 'GUIDES',
  continues: 'CONTINUES',
  issues: 'ISSUES',
  amends: 'AMENDS',
};

export type PartyOrState = 'party' | 'state';

export interface DocumentNode {
  /** Canonical key from ingest/resolve.ts. */
  id: string;
  kind: string | null;
  symbol: string | null;
  name: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  subject: string | null;
  /** Administrative level of the issuing body. */
  level: AdminLevel | null;
  /** Province (name as in the admin-unit data) the document belongs to, when known. */
  province: string | null;
  /** True when the document's own text was ingested (not only cited). */
  ingested: boolean;
  /** Ingested documents: the source file name, content hash and full text. */
  file: string | null;
  contentHash: string | null;
  text?: string | null;
}

/**
 * A placeholder: a cited-only document whose key leaves a part open (`33/CT-TTg@?`,
 * `52/KH-UBND@2022@?`, ingest/resolve.ts). It stands for whichever document each
 * citing text meant, so the documents of unrelated texts meet in it, and a path
 * through it proves nothing. The walks (implementers, legalBasis) reach a placeholder
 * but do not go through it; walked from, it shows its own edges.
 */
export function isPlaceholder(id: string, ingested: boolean): boolean {
  return !ingested && id.includes('?');
}

/** What pinning an open reference needs of a known document (src/pipeline/pin-to-known.ts). */
export type DocumentRef = Pick<DocumentNode, 'id' | 'date' | 'year'>;

/** One piece of evidence for an edge: which ingested document says it, where, and the sentence. */
export interface Evidence {
  /** Id of the ingested document whose text states the link. */
  source: string;
  quote: string;
  start: number;
  end: number;
  section: string;
}

export interface Edge {
  from: string;
  to: string;
  type: EdgeType;
  /** True for a relation stated between two other documents; false for plan → cited. */
  stated: boolean;
  evidence: Evidence[];
  /** How many pieces of evidence the edge has, when a bounded read (EdgeReadOptions) gave only the first of them. */
  evidenceCount?: number;
}

export interface Authority {
  id: string;
  name: string;
  level: AdminLevel | null;
  kind: PartyOrState | null;
}

export interface Locality {
  /** Official code from the admin-unit data, prefixed by the snapshot: "pre:84", "post:80", "pre:84/845". */
  id: string;
  name: string;
  level: AdminLevel;
  parent: string | null;
  snapshot: 'pre-2025' | 'post-2025';
}

/** A reference the resolver could not pin to one document. Kept as data, never guessed. */
export interface UnresolvedReference {
  /** The citing (ingested) document. */
  source: string;
  /** The provisional key the citation was stored under. */
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
