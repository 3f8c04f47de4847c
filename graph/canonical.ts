/**
 * Canonical rows of a graph for GraphStore.canonicalHash(): both stores read
 * their content in the same order (documents by id; edges by from, to, type;
 * evidence by edge then source, start, end; unresolved by source, start, end,
 * key; localities by id), serialise each row here and feed one sha256, so equal
 * graphs give equal hashes whatever the engine or the write order.
 * Document text is represented by its content hash.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DocumentNode, Edge, Evidence, Locality, UnresolvedReference } from './model.ts';

export class CanonicalHasher {
  private readonly hash: Hash = createHash('sha256');

  private row(tag: string, values: unknown[]): void {
    this.hash.update(`${tag}\t${JSON.stringify(values)}\n`);
  }

  document(d: DocumentNode): void {
    this.row('D', [d.id, d.kind, d.symbol, d.name, d.title, d.date, d.year, d.issuer, d.subject, d.level, d.province,
      d.ingested, d.file, d.contentHash]);
  }

  /** An edge with its evidence already sorted by source, start, end. */
  edge(e: Edge): void {
    this.row('E', [e.from, e.to, e.type, e.stated]);
    for (const v of e.evidence) this.row('V', [v.source, v.start, v.end, v.section, v.quote]);
  }

  unresolved(u: UnresolvedReference): void {
    this.row('U', [u.source, u.start, u.end, u.key, u.symbol, u.name, u.kind, u.reason, u.detail, u.candidates]);
  }

  locality(l: Locality): void {
    this.row('L', [l.id, l.name, l.level, l.parent, l.snapshot]);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start || a.end - b.end;
}
