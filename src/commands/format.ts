/** Human-readable one-line forms of documents and edges for the commands' output. */
import type { DocumentNode, Edge } from '../../graph/model.ts';

export function describeDocument(d: DocumentNode): string {
  const head = [d.kind, d.symbol ?? d.name].filter(Boolean).join(' ') || d.id;
  const when = d.date ?? (d.year ? String(d.year) : null);
  const parts = [head, when && `(${when})`, d.issuer && `– ${d.issuer}`].filter(Boolean);
  return `${parts.join(' ')}  [${d.id}]`;
}

/** The shortest evidence quote of an edge (the most to the point), shortened, with its section. */
export function describeEvidence(e: Edge, width = 160): string {
  const ev = e.evidence.reduce<Edge['evidence'][number] | undefined>((best, x) => (!best || x.quote.length < best.quote.length ? x : best), undefined);
  if (!ev) return '';
  const quote = ev.quote.replace(/\s+/g, ' ').trim();
  return `§${ev.section}: “${quote.length > width ? `${quote.slice(0, width - 1)}…` : quote}”`;
}
