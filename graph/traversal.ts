/**
 * Store-independent parts of the two traversals (implementers, legalBasis):
 * ordering, cursor pagination and path reconstruction. Neo4j supplies the
 * reachability query (a variable-length path) and batched edge/document reads;
 * SQLite walks its in-memory adjacency (graph/adjacency.ts) with the same order
 * (depth, then id in code-point order), cursors and paths, so results are identical.
 */
import { expandIssuer } from '../ingest/header.ts';
import { foldPhrase } from '../ingest/normalize.ts';
import type { DocumentNode, Edge, EdgeType, UnresolvedReference } from './model.ts';
import type { EdgeReadOptions, ImplementerFilter, Implementer, Page, ProvinceCount, TraceStep } from './store.ts';

/** Edge types followed upward by legalBasis (CITES is not a basis). */
export const BASIS_TYPES: readonly EdgeType[] = ['IMPLEMENTS', 'BASED_ON', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];
export const DEFAULT_MAX_DEPTH = 8;
/** Upper bound on any requested depth (keeps variable-length queries bounded). */
export const MAX_DEPTH_LIMIT = 32;
const MAX_PAGE_SIZE = 1000;

export function clampDepth(d: number | undefined, fallback = DEFAULT_MAX_DEPTH): number {
  const n = d === undefined ? fallback : Math.trunc(d);
  if (!Number.isFinite(n) || n < 1) throw new RangeError(`maxDepth must be a positive integer, got ${d}`);
  return Math.min(n, MAX_DEPTH_LIMIT);
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // fall through
  }
  throw new RangeError(`invalid cursor: ${JSON.stringify(cursor)}`);
}

/** Code-point order of two strings (UTF-8 byte order, SQLite's BINARY collation); plain `<` is UTF-16 order. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral code points) sort above U+E000–U+FFFF in code-point order.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Per-province counts, most first, then by province in code-point order. */
export function sortProvinceCounts(counts: Iterable<[string, number]>): ProvinceCount[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compareIds(a.value, b.value));
}

/** Lexicographic comparison of sort keys (numbers before strings never mix: keys have fixed shapes); strings in code-point order. */
export function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'string' && typeof y === 'string') {
      const c = compareIds(x, y);
      if (c !== 0) return c;
    } else if (x < y) return -1;
    else if (x > y) return 1;
  }
  return a.length - b.length;
}

export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new RangeError(`first must be an integer in 0..${MAX_PAGE_SIZE}, got ${first}`);
  }
}

/** Keyset position of the unresolved ledger (order: source, start, end, key). */
export interface UnresolvedPosition { source: string; start: number; end: number; key: string }

/** Keyset position of an implementer page: (depth, id) of the last item (RangeError when malformed). */
export function implementerAfter(after: string | null | undefined): { depth: number; id: string } | null {
  if (!after) return null;
  const [depth, id, ...rest] = decodeCursor(after);
  if (typeof depth !== 'number' || typeof id !== 'string' || rest.length) throw new RangeError(`invalid cursor: ${JSON.stringify(after)}`);
  return { depth, id };
}

export function unresolvedAfter(after: string | null | undefined): UnresolvedPosition | null {
  if (!after) return null;
  const [source, start, end, key, ...rest] = decodeCursor(after);
  if (typeof source !== 'string' || typeof start !== 'number' || typeof end !== 'number' || typeof key !== 'string' || rest.length) {
    throw new RangeError(`invalid cursor: ${JSON.stringify(after)}`);
  }
  return { source, start, end, key };
}

/** Page of the unresolved ledger from the `first + 1` rows following the cursor. */
export function unresolvedPage(rows: UnresolvedReference[], first: number, totalCount: number): Page<UnresolvedReference> {
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  return {
    items,
    totalCount,
    endCursor: last ? encodeCursor([last.source, last.start, last.end, last.key]) : null,
    hasNextPage: rows.length > first,
  };
}

/** Slice a list already sorted by `keyOf` into a Relay-style page. */
export function pageOf<T>(sorted: readonly T[], keyOf: (t: T) => (string | number)[], first: number, after?: string | null): Page<T> {
  checkFirst(first);
  let from = 0;
  if (after) {
    const k = decodeCursor(after);
    from = sorted.findIndex((t) => compareKeys(keyOf(t), k) > 0);
    if (from < 0) from = sorted.length;
  }
  const items = sorted.slice(from, from + first);
  return {
    items,
    totalCount: sorted.length,
    endCursor: items.length ? encodeCursor(keyOf(items[items.length - 1])) : null,
    hasNextPage: from + first < sorted.length,
  };
}

/** A document reached by walking IMPLEMENTS edges backwards, at its shortest distance. */
export interface Reached {
  id: string;
  depth: number;
  /** Whether the document passes the implementer filter. */
  matches: boolean;
  /** A placeholder (graph/model.ts): no path goes through it. */
  placeholder: boolean;
}

export interface TraversalReads {
  outgoing(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]>;
  getDocuments(ids: readonly string[]): Promise<(DocumentNode | null)[]>;
}

export function filterParams(f: ImplementerFilter | undefined): { province: string | null; year: number | null; level: string | null } {
  return { province: f?.province ?? null, year: f?.year ?? null, level: f?.level ?? null };
}

/** Abbreviations of bodies as people type them ("ubnd", "UBND", "hdnd"): written in full before matching. */
const TYPED_ABBREVIATION = /(?<![\p{L}\d])(?:ubnd|hđnd|hdnd|btv|ubmttq|mttq)(?![\p{L}\d])/giu;

/**
 * The issuer filter: an issuer passes when its name holds the query's words in a row, whatever
 * the case, tone marks and tone placement, with abbreviations written in full: "Cầu Ngang",
 * "ubnd huyen" and "Ủy ban nhân dân huyện Cầu Ngang" all pass "Ủy ban nhân dân huyện Cầu Ngang".
 * No query, or one with no letter or digit, passes every issuer.
 */
export function issuerMatcher(query: string | null | undefined): (issuer: string | null) => boolean {
  const q = query == null ? '' : foldIssuer(query);
  if (!q) return () => true;
  return (issuer) => issuer !== null && holdsIssuerWords(foldIssuer(issuer), q);
}

/** Whether a folded issuer holds the folded query's words in a row. */
export function holdsIssuerWords(foldedIssuer: string, foldedQuery: string): boolean {
  return ` ${foldedIssuer} `.includes(` ${foldedQuery} `);
}

/** An issuer's name, or a query, folded with its abbreviations in full (a citation's issuer is stored as written: "UBND huyện"). */
export function foldIssuer(s: string): string {
  return foldPhrase(expandIssuer(s.replace(TYPED_ABBREVIATION, (m) => m.toUpperCase().replace('HDND', 'HĐND'))));
}

/**
 * Page the implementers found by a store's reachability query. Order: depth, then id.
 * Path of each item: from the item, at every step the IMPLEMENTS edge to the
 * smallest-id document one step closer to `of` (a shortest path, chosen deterministically).
 */
export async function pageImplementers(
  reads: TraversalReads,
  of: string,
  reached: readonly Reached[],
  first: number,
  after?: string | null,
  read?: EdgeReadOptions,
): Promise<Page<Implementer>> {
  // the documents a path may go through, by depth
  const depthOf = new Map<string, number>([[of, 0]]);
  for (const r of reached) if (!r.placeholder) depthOf.set(r.id, r.depth);
  const sorted = reached.filter((r) => r.matches && r.id !== of).sort((a, b) => a.depth - b.depth || compareIds(a.id, b.id));
  const page = pageOf(sorted, (r) => [r.depth, r.id], first, after);

  const paths = new Map<string, Edge[]>(page.items.map((r) => [r.id, []]));
  let heads = page.items.map((r) => ({ item: r.id, at: r.id, depth: r.depth }));
  while (heads.length) {
    const edges = await reads.outgoing([...new Set(heads.map((h) => h.at))], ['IMPLEMENTS'], read);
    const next: typeof heads = [];
    for (const h of heads) {
      const step = edges
        .filter((e) => e.from === h.at && depthOf.get(e.to) === h.depth - 1)
        .sort((a, b) => compareIds(a.to, b.to))[0];
      if (!step) throw new Error(`implementers: no path from ${h.item} to ${of} (graph changed during the query?)`);
      paths.get(h.item)!.push(step);
      if (h.depth > 1) next.push({ item: h.item, at: step.to, depth: h.depth - 1 });
    }
    heads = next;
  }
  const docs = await reads.getDocuments(page.items.map((r) => r.id));
  return {
    ...page,
    items: page.items.map((r, i) => ({ document: docs[i]!, depth: r.depth, path: paths.get(r.id)! })),
  };
}

/**
 * Assemble a legal-basis trace from the upward reach (id → shortest depth, `of` at 0):
 * every basis edge leaving a document at depth < maxDepth that is the root or not one
 * of the `placeholders` reached, once, at depth(from) + 1. Order: depth, from, type, to.
 */
export async function traceFrom(
  reads: TraversalReads, reach: ReadonlyMap<string, number>, placeholders: ReadonlySet<string>, maxDepth: number, read?: EdgeReadOptions,
): Promise<TraceStep[]> {
  const inner = [...reach].filter(([id, d]) => d < maxDepth && (d === 0 || !placeholders.has(id))).map(([id]) => id);
  if (!inner.length) return [];
  const edges = (await reads.outgoing(inner, BASIS_TYPES, read))
    .map((edge) => ({ depth: reach.get(edge.from)! + 1, edge }))
    .sort((a, b) => a.depth - b.depth || compareKeys([a.edge.from, a.edge.type, a.edge.to], [b.edge.from, b.edge.type, b.edge.to]));
  const docs = await reads.getDocuments(edges.map((s) => s.edge.to));
  return edges.map((s, i) => ({ ...s, document: docs[i]! }));
}
