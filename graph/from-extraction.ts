/**
 * Extraction (ingest/model.ts) → IngestBatch (graph/store.ts). Pure.
 *
 * Edges from the plan to each cited document:
 * - one edge typed by the citation's relation (EDGE_OF_RELATION), whose
 *   evidence is every mention of the document;
 * - one more edge for each other strong signal (`based_on`, `implements`) seen
 *   at some mention, whose evidence is the mentions carrying that cue. So a
 *   document in a "Căn cứ" paragraph and again under "Thực hiện" is both
 *   BASED_ON and IMPLEMENTS (and the plan shows up among its implementers).
 *   A weaker `cites` signal adds no edge: any stronger edge already says the
 *   plan cites the document.
 * Stated relations become edges between the two cited documents, stated=true,
 * evidenced by the sentence that states them. A citation of the plan itself
 * (key == document id) and a stated relation from a document to itself make
 * no edge. Every citation with `ambiguous` is also an UnresolvedReference.
 */
import type { Citation, Extraction, Mention, Relation } from '../ingest/model.ts';
import { EDGE_OF_RELATION, EDGE_OF_STATED, type DocumentNode, type Edge, type Evidence } from './model.ts';
import type { IngestBatch } from './store.ts';
import { quoteAround } from './sentence.ts';
import { provinceNamed } from '../ingest/localities.ts';

export interface SourceInfo {
  /** The decoded original text the extraction's offsets index into. */
  text: string;
  /** Hex sha256 of the file's content. */
  contentHash: string;
}

const STRONG_SIGNALS: readonly Relation[] = ['based_on', 'implements'];

export function documentIdOf(extraction: Extraction, contentHash: string): string {
  return extraction.header.key ?? `doc:${contentHash.slice(0, 16)}`;
}

function yearOf(date: string | null): number | null {
  const m = date ? /^(\d{4})-/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

/**
 * The province a local document's key places it in ("16/KH-UBND@2022@Trà Vinh/Cầu Ngang"
 * → Trà Vinh), when the text itself does not name it: the resolver placed it from the
 * district or commune it names, or from the citing plan.
 */
export function provinceOfKey(key: string): string | null {
  const path = key.replace(/#[0-9a-f]{8}$/, '').split('@').pop()!;
  return key.includes('@') ? provinceNamed(path.split('/')[0]) : null;
}

function blankNode(id: string): DocumentNode {
  return {
    id, kind: null, symbol: null, name: null, title: null, date: null, year: null, issuer: null,
    subject: null, level: null, province: null, ingested: false, file: null, contentHash: null,
  };
}

function citedNode(c: Citation): DocumentNode {
  return {
    ...blankNode(c.key),
    province: provinceOfKey(c.key),
    kind: c.kind, symbol: c.symbol, name: c.name, date: c.date, year: yearOf(c.date), issuer: c.issuer, subject: c.subject,
  };
}

/** Fill the null fields of `a` from `b` (same document cited twice in one file). */
function fillNulls(a: DocumentNode, b: DocumentNode): DocumentNode {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) if (out[k] === null || out[k] === undefined) out[k] = v;
  return out as unknown as DocumentNode;
}

export function toBatch(extraction: Extraction, src: SourceInfo): IngestBatch {
  const { header } = extraction;
  const id = documentIdOf(extraction, src.contentHash);
  const document: DocumentNode = {
    id, kind: header.kind, symbol: header.symbol, name: null, title: header.title, date: header.date,
    year: header.year ?? yearOf(header.date), issuer: header.issuer, subject: null, level: header.level,
    province: header.province ?? provinceOfKey(id), ingested: true, file: extraction.file, contentHash: src.contentHash, text: src.text,
  };

  const cited = new Map<string, DocumentNode>();
  const edges = new Map<string, Edge>();
  /** "start:end" of each edge's evidence, so a text citing one document 100k times stays linear */
  const seen = new Map<string, Set<string>>();
  const evidenceOf = (m: { start: number; end: number; section: string }): Evidence => ({
    source: id, quote: quoteAround(src.text, m.start, m.end), start: m.start, end: m.end, section: m.section,
  });
  const addEdge = (e: Omit<Edge, 'evidence'>, mentions: readonly Pick<Mention, 'start' | 'end' | 'section'>[]) => {
    if (e.from === e.to || mentions.length === 0) return;
    const k = `${e.from}\u0000${e.to}\u0000${e.type}`;
    const edge = edges.get(k) ?? { ...e, evidence: [] };
    edges.set(k, edge);
    const spans = seen.get(k) ?? new Set<string>();
    seen.set(k, spans);
    for (const m of mentions) {
      const span = `${m.start}:${m.end}`;
      if (spans.has(span)) continue;
      spans.add(span);
      edge.evidence.push(evidenceOf(m));
    }
  };
  const addNode = (n: DocumentNode) => {
    if (n.id === id) return;
    const prev = cited.get(n.id);
    cited.set(n.id, prev ? fillNulls(prev, n) : n);
  };

  for (const c of extraction.citations) {
    addNode(citedNode(c));
    addEdge({ from: id, to: c.key, type: EDGE_OF_RELATION[c.relation], stated: false }, c.mentions);
    for (const s of STRONG_SIGNALS) {
      if (s !== c.relation && c.signals.includes(s)) {
        addEdge({ from: id, to: c.key, type: EDGE_OF_RELATION[s], stated: false }, c.mentions.filter((m) => m.cue === s));
      }
    }
  }
  for (const r of extraction.statedRelations) {
    addNode(blankNode(r.fromKey));
    addNode(blankNode(r.toKey));
    addEdge({ from: r.fromKey, to: r.toKey, type: EDGE_OF_STATED[r.relation], stated: true }, [r]);
  }

  const unresolved = extraction.citations.flatMap((c) => {
    if (!c.ambiguous) return [];
    const first = c.mentions[0];
    return [{
      source: id, key: c.key, symbol: c.symbol, name: c.name, kind: c.kind,
      reason: c.ambiguous.reason, detail: c.ambiguous.detail, candidates: [...c.ambiguous.candidates],
      start: first?.start ?? 0, end: first?.end ?? 0, section: first?.section ?? '',
    }];
  });

  return { document, cited: [...cited.values()], edges: [...edges.values()], unresolved };
}
