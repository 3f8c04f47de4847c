/**
 * GraphStore on Neo4j (neo4j-driver 6). Same model and behaviour as the SQLite
 * store (one contract suite), parameterised Cypher only, one write transaction
 * per writeBatch / writeBatches call.
 *
 * Layout:
 * - (:Document {id, kind, symbol, symbolFolded, …, ingested, file, contentHash, text, contributed})
 *   `contributed` lists the edges the document's own text gives evidence for, as
 *   "from␟TYPE␟to", so a re-ingest finds exactly its own evidence.
 * - typed relationships (:Document)-[:IMPLEMENTS|BASED_ON|…]->(:Document) carrying the
 *   evidence as two parallel arrays: `sources` (the citing document of each piece, so
 *   Cypher can drop one source's evidence) and `evidence` (one JSON string per piece:
 *   {source, quote, start, end, section, stated}). Neo4j properties cannot hold maps,
 *   and JSON keeps each piece whole.
 * - (:Unresolved {source, start, end, key, …, candidates}), (:Locality {id, …})-[:PART_OF]->(:Locality).
 * Relationship types and depth bounds cannot be Cypher parameters: they come only
 * from the EdgeType whitelist and clampDepth, never from caller strings.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { foldSymbol } from '../ingest/normalize.ts';
import { CanonicalHasher, compareEvidence } from './canonical.ts';
import type { DocumentNode, DocumentRef, Edge, EdgeType, Evidence, Locality, UnresolvedReference } from './model.ts';
import type { EdgeReadOptions, GraphStore, ImplementerFilter, IncomingPage, IngestBatch, Page, ProvinceCount, StoreStats, SymbolPage } from './store.ts';
import {
  BASIS_TYPES, checkFirst, clampDepth, compareKeys, filterParams, issuerMatcher, pageImplementers, sortProvinceCounts, traceFrom, unresolvedAfter, unresolvedPage,
  type TraversalReads,
} from './traversal.ts';

const EDGE_TYPES: readonly EdgeType[] = ['IMPLEMENTS', 'BASED_ON', 'CITES', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];
const META = ['kind', 'symbol', 'name', 'title', 'date', 'year', 'issuer', 'subject', 'level', 'province'] as const;
const SEP = '\u001f';
/** isPlaceholder (graph/model.ts) of node `v`, in Cypher. */
const PLACEHOLDER = (v: string) => `(NOT coalesce(${v}.ingested, false) AND ${v}.id CONTAINS '?')`;
/** A walk's path `p` goes through no placeholder (its two ends may be one). */
const THROUGH_NO_PLACEHOLDER = `none(n IN nodes(p)[1..-1] WHERE ${PLACEHOLDER('n')})`;

const SCHEMA = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT locality_id IF NOT EXISTS FOR (l:Locality) REQUIRE l.id IS UNIQUE',
  'CREATE INDEX document_symbol IF NOT EXISTS FOR (d:Document) ON (d.symbolFolded)',
  'CREATE INDEX document_content_hash IF NOT EXISTS FOR (d:Document) ON (d.contentHash)',
  'CREATE INDEX document_province_year IF NOT EXISTS FOR (d:Document) ON (d.province, d.year)',
  'CREATE INDEX unresolved_source IF NOT EXISTS FOR (u:Unresolved) ON (u.source)',
];

/** Ingested document: its own fields win, nulls keep what citations filled. */
const SET_INGESTED = `
  MERGE (d:Document {id: $doc.id})
  SET ${META.map((c) => `d.${c} = coalesce($doc.${c}, d.${c})`).join(', ')},
      d.symbolFolded = coalesce($doc.symbolFolded, d.symbolFolded),
      d.ingested = true, d.file = $doc.file, d.contentHash = $doc.contentHash, d.text = coalesce($doc.text, d.text)`;

/** Cited node: fill nulls; on conflict keep the smaller value (order-independent); never touch an ingested document's fields. */
const MERGE_CITED = `
  UNWIND $cited AS c
  MERGE (d:Document {id: c.id}) ON CREATE SET d.ingested = false
  SET ${META.map((f) => `d.${f} = CASE WHEN d.${f} IS NULL THEN c.${f} WHEN c.${f} IS NULL OR d.ingested THEN d.${f}
        WHEN c.${f} < d.${f} THEN c.${f} ELSE d.${f} END`).join(',\n      ')}
  SET d.symbolFolded = CASE WHEN d.symbol = c.symbol THEN c.symbolFolded ELSE d.symbolFolded END`;

const DROP_OWN_EVIDENCE = `
  MATCH (s:Document {id: $source})
  UNWIND coalesce(s.contributed, []) AS k
  WITH split(k, $sep) AS p
  MATCH (a:Document {id: p[0]})-[r]->(b:Document {id: p[2]}) WHERE type(r) = p[1]
  WITH r, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $source] AS keep
  WITH r, [i IN keep | r.sources[i]] AS sources, [i IN keep | r.evidence[i]] AS evidence
  SET r.sources = sources, r.evidence = evidence
  WITH r, sources WHERE size(sources) = 0
  DELETE r`;

const addEvidence = (type: EdgeType) => `
  UNWIND $edges AS e
  MATCH (a:Document {id: e.from})
  MATCH (b:Document {id: e.to})
  MERGE (a)-[r:${type}]->(b) ON CREATE SET r.sources = [], r.evidence = []
  SET r.sources = r.sources + e.sources, r.evidence = r.evidence + e.evidence
  RETURN count(r) AS n`;

/** Document properties without the store's bookkeeping (and without the text unless asked). */
const docFields = (withText: boolean) => `d {.*, contributed: null, symbolFolded: null${withText ? '' : ', text: null'}}`;

interface StoredEvidence extends Evidence {
  stated: boolean;
}

function toDocument(p: Record<string, unknown>, withText: boolean): DocumentNode {
  const v = (k: string) => (p[k] ?? null) as never;
  const d: DocumentNode = {
    id: p.id as string, kind: v('kind'), symbol: v('symbol'), name: v('name'), title: v('title'), date: v('date'), year: v('year'),
    issuer: v('issuer'), subject: v('subject'), level: v('level'), province: v('province'), ingested: p.ingested === true,
    file: v('file'), contentHash: v('contentHash'),
  };
  if (withText) d.text = v('text');
  return d;
}

/** An edge with its evidence (all of it, or the first `bound` pieces and their count: EdgeReadOptions). */
function toEdge(from: string, to: string, type: EdgeType, evidence: string[], bound?: number): Edge {
  const pieces = evidence.map((j) => JSON.parse(j) as StoredEvidence).sort(compareEvidence);
  const kept = bound === undefined ? pieces : pieces.slice(0, bound);
  return {
    from, to, type,
    stated: pieces.length > 0 && pieces.every((p) => p.stated),
    evidence: kept.map(({ source, quote, start, end, section }) => ({ source, quote, start, end, section })),
    ...(bound === undefined ? {} : { evidenceCount: pieces.length }),
  };
}

function toUnresolved(p: Record<string, unknown>): UnresolvedReference {
  const v = (k: string) => (p[k] ?? null) as never;
  return {
    source: v('source'), key: v('key'), symbol: v('symbol'), name: v('name'), kind: v('kind'), reason: v('reason'), detail: v('detail'),
    candidates: (p.candidates as string[] | null) ?? [], start: v('start'), end: v('end'), section: v('section'),
  };
}

export class Neo4jGraphStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly reads: TraversalReads = {
    outgoing: (ids, types, read) => this.outgoing(ids, types, read),
    getDocuments: (ids) => this.documents(ids, false),
  };

  constructor(uri: string, user: string, password: string, private readonly database?: string) {
    this.driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
  }

  private async read(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.executeRead((tx) => tx.run(query, params));
      return res.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async init(): Promise<void> {
    await this.driver.verifyConnectivity();
    for (const q of SCHEMA) await this.write((tx) => tx.run(q));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async writeBatch(batch: IngestBatch): Promise<void> {
    await this.writeBatches([batch]);
  }

  async writeBatches(batches: readonly IngestBatch[]): Promise<void> {
    await this.write(async (tx) => {
      for (const b of batches) await this.apply(tx, b);
    });
  }

  private async apply(tx: ManagedTransaction, b: IngestBatch): Promise<void> {
    const source = b.document.id;
    if (!b.document.ingested) throw new Error(`writeBatch: document ${source} must have ingested = true`);
    const props = (d: DocumentNode) => ({
      id: d.id, ...Object.fromEntries(META.map((c) => [c, d[c]])), symbolFolded: d.symbol === null ? null : foldSymbol(d.symbol),
    });
    await tx.run(SET_INGESTED, { doc: { ...props(b.document), file: b.document.file, contentHash: b.document.contentHash, text: b.document.text ?? null } });
    if (b.cited.length) await tx.run(MERGE_CITED, { cited: b.cited.map(props) });
    await tx.run(DROP_OWN_EVIDENCE, { source, sep: SEP });

    for (const type of EDGE_TYPES) {
      const edges = b.edges.filter((e) => e.type === type).map((e) => {
        for (const v of e.evidence) {
          if (v.source !== source) throw new Error(`writeBatch ${source}: evidence of ${e.from} → ${e.to} names another source (${v.source})`);
        }
        return {
          from: e.from, to: e.to,
          sources: e.evidence.map(() => source),
          evidence: e.evidence.map((v) => JSON.stringify({ ...v, stated: e.stated })),
        };
      });
      if (!edges.length) continue;
      const res = await tx.run(addEvidence(type), { edges });
      const n = res.records[0]?.get('n') as number;
      if (n !== edges.length) throw new Error(`writeBatch ${source}: ${edges.length - n} ${type} edge(s) point at unknown documents`);
    }
    const contributed = [...new Set(b.edges.map((e) => [e.from, e.type, e.to].join(SEP)))];
    await tx.run('MATCH (s:Document {id: $source}) SET s.contributed = $contributed', { source, contributed });

    await tx.run('MATCH (u:Unresolved {source: $source}) DELETE u', { source });
    const seen = new Set<string>();
    const unresolved = b.unresolved
      .map((u) => ({ ...u, source }))
      .filter((u) => !seen.has(`${u.start}:${u.end}:${u.key}`) && seen.add(`${u.start}:${u.end}:${u.key}`));
    if (unresolved.length) await tx.run('UNWIND $rows AS u CREATE (x:Unresolved) SET x = u', { rows: unresolved });
  }

  async findByContentHash(hash: string): Promise<string | null> {
    const rows = await this.read('MATCH (d:Document {contentHash: $hash}) WHERE d.ingested RETURN d.id AS id ORDER BY id LIMIT 1', { hash });
    return (rows[0]?.id as string | undefined) ?? null;
  }

  async loadLocalities(localities: Locality[]): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < localities.length; i += CHUNK) {
      const rows = localities.slice(i, i + CHUNK);
      await this.write(async (tx) => {
        await tx.run(`UNWIND $rows AS l MERGE (x:Locality {id: l.id})
          SET x.name = l.name, x.level = l.level, x.parent = l.parent, x.snapshot = l.snapshot
          WITH x OPTIONAL MATCH (x)-[old:PART_OF]->() DELETE old`, { rows });
        await tx.run(`UNWIND $rows AS l MATCH (x:Locality {id: l.id}) MATCH (p:Locality {id: l.parent}) MERGE (x)-[:PART_OF]->(p)`, { rows });
      });
    }
  }

  private async documents(ids: readonly string[], withText: boolean): Promise<(DocumentNode | null)[]> {
    if (!ids.length) return [];
    const rows = await this.read(`UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN ${docFields(withText)} AS d`, { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => { const p = r.d as Record<string, unknown>; return [p.id as string, toDocument(p, withText)]; }));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getDocuments(ids: readonly string[], opts?: { text?: boolean }): Promise<(DocumentNode | null)[]> {
    return this.documents(ids, opts?.text ?? true);
  }

  async findBySymbol(folded: string, year?: number | null, province?: string | null, page?: SymbolPage): Promise<DocumentNode[]> {
    const rows = await this.read(
      `MATCH (d:Document {symbolFolded: $folded}) WHERE ($year IS NULL OR d.year = $year) AND ($province IS NULL OR d.province = $province)
        AND ($after IS NULL OR d.id > $after)
      RETURN ${docFields(false)} AS d ORDER BY d.id ${page ? 'LIMIT $first' : ''}`,
      { folded: foldSymbol(folded), year: year ?? null, province: province ?? null, after: page?.after ?? null, first: neo4j.int(page?.first ?? 0) },
    );
    return rows.map((r) => toDocument(r.d as Record<string, unknown>, false));
  }

  async findRefsBySymbol(folded: string, year?: number | null, province?: string | null): Promise<DocumentRef[]> {
    const rows = await this.read(
      `MATCH (d:Document {symbolFolded: $folded}) WHERE ($year IS NULL OR d.year = $year) AND ($province IS NULL OR d.province = $province)
      RETURN d.id AS id, d.date AS date, d.year AS year`,
      { folded: foldSymbol(folded), year: year ?? null, province: province ?? null },
    );
    return rows.map((r) => ({ id: r.id as string, date: (r.date ?? null) as string | null, year: (r.year ?? null) as number | null }));
  }

  private async edges(direction: 'out' | 'in', ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]> {
    if (!ids.length) return [];
    const pattern = direction === 'out' ? '(a:Document {id: id})-[r]->(b:Document)' : '(a:Document)-[r]->(b:Document {id: id})';
    const rows = await this.read(`UNWIND $ids AS id MATCH ${pattern} WHERE type(r) IN $types
      RETURN a.id AS from, b.id AS to, type(r) AS type, r.evidence AS evidence`, { ids: [...new Set(ids)], types: types ?? EDGE_TYPES });
    return rows
      .map((r) => toEdge(r.from as string, r.to as string, r.type as EdgeType, r.evidence as string[], read?.evidence))
      .sort((x, y) => compareKeys([x.from, x.to, x.type], [y.from, y.to, y.type]));
  }

  async outgoing(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]> {
    return this.edges('out', ids, types, read);
  }

  async incoming(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]> {
    return this.edges('in', ids, types, read);
  }

  async incomingPage(id: string, page: IncomingPage): Promise<{ edges: Edge[]; totalCount: number }> {
    const match = `MATCH (a:Document)-[r]->(b:Document {id: $id})
      WHERE ($type IS NULL OR type(r) = $type) AND ($province IS NULL OR a.province = $province) AND ($year IS NULL OR a.year = $year)`;
    const params = { id, type: page.type ?? null, province: page.province ?? null, year: page.year ?? null };
    const [rows, counts] = await Promise.all([
      this.read(`${match} RETURN a.id AS from, b.id AS to, type(r) AS type, r.evidence AS evidence ORDER BY a.id, type(r) SKIP $offset LIMIT $limit`, {
        ...params,
        offset: neo4j.int(page.offset),
        limit: neo4j.int(page.limit),
      }),
      this.read(`${match} RETURN count(r) AS n`, params),
    ]);
    return {
      edges: rows.map((r) => toEdge(r.from as string, r.to as string, r.type as EdgeType, r.evidence as string[], page.evidence)),
      totalCount: Number(counts[0]?.n ?? 0),
    };
  }

  async implementers(
    of: string,
    opts: { transitive: boolean; filter?: ImplementerFilter; first: number; after?: string | null; maxDepth?: number } & EdgeReadOptions,
  ): Promise<Page<Awaited<ReturnType<GraphStore['implementers']>>['items'][number]>> {
    const maxDepth = opts.transitive ? clampDepth(opts.maxDepth) : 1;
    const rows = await this.read(`
      MATCH (t:Document {id: $of})
      MATCH p = (d:Document)-[:IMPLEMENTS*1..${maxDepth}]->(t)
      WHERE d.id <> $of AND ${THROUGH_NO_PLACEHOLDER}
      WITH d, min(length(p)) AS depth
      RETURN d.id AS id, depth, ${PLACEHOLDER('d')} AS placeholder,
        ($province IS NULL OR d.province = $province) AND ($year IS NULL OR d.year = $year) AND ($level IS NULL OR d.level = $level) AS matches,
        d.issuer AS issuer`,
      { of, ...filterParams(opts.filter) });
    // the issuer filter folds tone marks and abbreviations, which Cypher cannot: it is applied here
    const issuerOk = issuerMatcher(opts.filter?.issuer);
    const reached = rows.map((r) => ({
      id: r.id as string, depth: r.depth as number, matches: r.matches === true && issuerOk((r.issuer as string | null) ?? null), placeholder: r.placeholder === true,
    }));
    return pageImplementers(this.reads, of, reached, opts.first, opts.after, opts);
  }

  async implementerProvinces(of: string, opts: { transitive: boolean; filter?: ImplementerFilter; maxDepth?: number }): Promise<ProvinceCount[]> {
    const maxDepth = opts.transitive ? clampDepth(opts.maxDepth) : 1;
    const rows = await this.read(`
      MATCH (t:Document {id: $of})
      MATCH p = (d:Document)-[:IMPLEMENTS*1..${maxDepth}]->(t)
      WHERE d.id <> $of AND ${THROUGH_NO_PLACEHOLDER}
      WITH DISTINCT d
      WHERE d.province IS NOT NULL
        AND ($province IS NULL OR d.province = $province) AND ($year IS NULL OR d.year = $year) AND ($level IS NULL OR d.level = $level)
      RETURN d.province AS value, d.issuer AS issuer, count(d) AS count`,
      { of, ...filterParams(opts.filter) });
    const issuerOk = issuerMatcher(opts.filter?.issuer);
    const counts = new Map<string, number>();
    for (const r of rows) if (issuerOk((r.issuer as string | null) ?? null)) counts.set(r.value as string, (counts.get(r.value as string) ?? 0) + Number(r.count));
    return sortProvinceCounts([...counts]);
  }

  async legalBasis(of: string, maxDepth: number, read?: EdgeReadOptions) {
    const depth = clampDepth(maxDepth);
    const rows = await this.read(`
      MATCH (s:Document {id: $of})
      MATCH p = (s)-[:${BASIS_TYPES.join('|')}*1..${depth}]->(x:Document)
      WHERE x.id <> $of AND ${THROUGH_NO_PLACEHOLDER}
      RETURN x.id AS id, min(length(p)) AS depth, ${PLACEHOLDER('x')} AS placeholder`, { of });
    const reach = new Map<string, number>([[of, 0]]);
    const placeholders = new Set<string>();
    for (const r of rows) {
      reach.set(r.id as string, r.depth as number);
      if (r.placeholder === true) placeholders.add(r.id as string);
    }
    return traceFrom(this.reads, reach, placeholders, depth, read);
  }

  async unresolved(opts: { first: number; after?: string | null; source?: string | null }): Promise<Page<UnresolvedReference>> {
    checkFirst(opts.first);
    const a = unresolvedAfter(opts.after);
    const source = opts.source ?? null;
    const rows = await this.read(`
      MATCH (u:Unresolved) WHERE ($source IS NULL OR u.source = $source)
        AND ($a IS NULL OR u.source > $a.source OR (u.source = $a.source AND (u.start > $a.start
          OR (u.start = $a.start AND (u.end > $a.end OR (u.end = $a.end AND u.key > $a.key))))))
      RETURN u {.*} AS u ORDER BY u.source, u.start, u.end, u.key LIMIT $limit`, { source, a, limit: neo4j.int(opts.first + 1) });
    const [count] = await this.read('MATCH (u:Unresolved) WHERE $source IS NULL OR u.source = $source RETURN count(u) AS n', { source });
    return unresolvedPage(rows.map((r) => toUnresolved(r.u as Record<string, unknown>)), opts.first, count.n as number);
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.read(`
      CALL { MATCH (d:Document) RETURN count(d) AS documents, count(CASE WHEN d.ingested THEN 1 END) AS ingested }
      CALL { MATCH (:Document)-[r]->(:Document) RETURN count(r) AS edges }
      CALL { MATCH (u:Unresolved) RETURN count(u) AS unresolved }
      CALL { MATCH (l:Locality) RETURN count(l) AS localities }
      RETURN documents, ingested, edges, unresolved, localities`);
    return r as unknown as StoreStats;
  }

  async canonicalHash(): Promise<string> {
    const h = new CanonicalHasher();
    for (const r of await this.read(`MATCH (d:Document) RETURN ${docFields(false)} AS d ORDER BY d.id`)) {
      h.document(toDocument(r.d as Record<string, unknown>, false));
    }
    const edges = await this.read(`MATCH (a:Document)-[r]->(b:Document)
      RETURN a.id AS from, b.id AS to, type(r) AS type, r.evidence AS evidence ORDER BY from, to, type`);
    for (const r of edges) h.edge(toEdge(r.from as string, r.to as string, r.type as EdgeType, r.evidence as string[]));
    for (const r of await this.read('MATCH (u:Unresolved) RETURN u {.*} AS u ORDER BY u.source, u.start, u.end, u.key')) {
      h.unresolved(toUnresolved(r.u as Record<string, unknown>));
    }
    for (const r of await this.read('MATCH (l:Locality) RETURN l {.id, .name, .level, .parent, .snapshot} AS l ORDER BY l.id')) {
      const l = r.l as Locality;
      h.locality({ ...l, parent: l.parent ?? null });
    }
    return h.digest();
  }
}
