/**
 * GraphStore on one SQLite file (better-sqlite3): WAL, foreign keys on,
 * migrations from graph/sqlite-schema.ts, every statement prepared once and
 * parameterised, one transaction per writeBatch / writeBatches call.
 *
 * Merge of document metadata (same id written by several batches):
 * - an ingested document's own fields win; fields its header lacks are filled
 *   from citations;
 * - a cited-only node fills its nulls from each citation; when two citations
 *   disagree the smaller value is kept, so the result does not depend on the
 *   order files were ingested in.
 * Edge.stated is true when every piece of its evidence is a stated relation.
 * Document text is returned by getDocuments only (not in traversal results), unless asked not to.
 *
 * Traversals (implementers, legalBasis) walk an in-memory adjacency of the
 * derivation edges (graph/adjacency.ts), built on the first traversal and kept
 * coherent with every writer: each write transaction appends the ids of the
 * documents whose derivation edges or filter fields it may change to `graph_log`;
 * before a traversal the store checks `PRAGMA data_version` (other connections)
 * and its own writes, and applies the new log entries, or rebuilds when it is too
 * far behind. Evidence and documents are then read by key for the returned page only.
 */
import Database from 'better-sqlite3';
import { foldSymbol } from '../ingest/normalize.ts';
import type { AdminLevel } from '../ingest/model.ts';
import { CanonicalHasher } from './canonical.ts';
import type { DocumentNode, DocumentRef, Edge, EdgeType, Evidence, Locality, UnresolvedReference } from './model.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import type { EdgeReadOptions, GraphStore, ImplementerFilter, Implementer, IncomingPage, IngestBatch, Page, ProvinceCount, StoreStats, SymbolPage, TraceStep } from './store.ts';
import { Adjacency, BASIS_MASK, DERIVATION_TYPES, IMPLEMENTS_MASK, type EdgeTuple, type NodeRow, type NodeTuple } from './adjacency.ts';
import { checkFirst, clampDepth, encodeCursor, implementerAfter, sortProvinceCounts, unresolvedAfter, unresolvedPage } from './traversal.ts';

const META = ['kind', 'symbol', 'name', 'title', 'date', 'year', 'issuer', 'subject', 'level', 'province'] as const;

/** Cited-only: fill nulls, smaller value on conflict. Ingested: keep own value, fill nulls. */
const mergeCited = (c: string) =>
  `CASE WHEN documents.ingested THEN coalesce(documents.${c}, excluded.${c})
        ELSE coalesce(min(documents.${c}, excluded.${c}), documents.${c}, excluded.${c}) END`;

/** SQL: the index of an edge type in DERIVATION_TYPES (-1 for CITES). */
const typeCode = (col: string) => `CASE ${col} ${DERIVATION_TYPES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} ELSE -1 END`;

const ALL_TYPES: readonly EdgeType[] = ['IMPLEMENTS', 'BASED_ON', 'CITES', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];

/** The citing document passes the province and year filter (`d`: its documents row). */
const CITING_FILTER = '(@province IS NULL OR d.province = @province) AND (@year IS NULL OR d.year = @year)';

/** The same filter on incoming_counts, where '' and 0 stand for a citing document with no province or year. */
const COUNTS_FILTER = "(@province IS NULL OR (province = @province AND @province <> '')) AND (@year IS NULL OR (year = @year AND @year <> 0))";

/**
 * One page of a document's incoming edges, by citing document then type, optionally of citing
 * documents passing CITING_FILTER. Each type's rows come from edges_dst_type (dst, type, src)
 * already in citing-document order, so the page merges at most @n = offset + limit rows of each
 * type instead of sorting every incoming edge (a law cited by 287k plans at 1M took 1.5 s).
 * CROSS JOIN keeps edges the outer loop, so the rows stay in index order.
 */
function incomingPageSql(filtered: boolean): string {
  const perType = ALL_TYPES.map((t) => `SELECT * FROM (SELECT e.id, e.src, e.dst, e.type FROM edges e${filtered ? ' CROSS JOIN documents d ON d.id = e.src' : ''}
      WHERE e.dst = @id AND e.type = '${t}' AND (@type IS NULL OR @type = '${t}')${filtered ? ` AND ${CITING_FILTER}` : ''} ORDER BY e.src LIMIT @n)`);
  return `SELECT id, src, dst, type FROM (${perType.join('\n    UNION ALL ')}) ORDER BY src, type LIMIT @limit OFFSET @offset`;
}

/** "+e.dst": not by edges_dst_type, which would read every edge into @id once per citing document; by (src, type, dst). */
function incomingPageByCitingSql(withYear: boolean): string {
  return `SELECT e.id, e.src, e.dst, e.type FROM documents d CROSS JOIN edges e ON e.src = d.id
    WHERE d.province = @province${withYear ? ' AND d.year = @year' : ''} AND +e.dst = @id AND (@type IS NULL OR e.type = @type)
    ORDER BY d.id, e.type LIMIT @limit OFFSET @offset`;
}

const SQL = {
  upsertIngested: `
    INSERT INTO documents (id, ${META.join(', ')}, symbol_folded, ingested, file, content_hash)
    VALUES (@id, ${META.map((c) => '@' + c).join(', ')}, @folded, 1, @file, @contentHash)
    ON CONFLICT (id) DO UPDATE SET
      ${META.map((c) => `${c} = coalesce(excluded.${c}, documents.${c})`).join(',\n      ')},
      symbol_folded = CASE WHEN excluded.symbol IS NULL THEN documents.symbol_folded ELSE excluded.symbol_folded END,
      ingested = 1, file = excluded.file, content_hash = excluded.content_hash`,
  upsertText: `INSERT INTO document_texts (id, text) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text`,
  // symbol_folded is fold(symbol): the merged symbol is the stored one or the citation's, so is its folded form.
  // The WHERE skips the row (and index) rewrite when the citation adds nothing.
  upsertCited: `
    INSERT INTO documents (id, ${META.join(', ')}, symbol_folded)
    VALUES (@id, ${META.map((c) => '@' + c).join(', ')}, @folded)
    ON CONFLICT (id) DO UPDATE SET
      ${META.map((c) => `${c} = ${mergeCited(c)}`).join(',\n      ')},
      symbol_folded = CASE WHEN ${mergeCited('symbol')} IS documents.symbol THEN documents.symbol_folded ELSE excluded.symbol_folded END
    WHERE ${META.map((c) => `(${mergeCited(c)}) IS NOT documents.${c}`).join('\n      OR ')}`,
  edgesOfSource: `SELECT DISTINCT v.edge_id AS id, e.src, e.type FROM evidence v JOIN edges e ON e.id = v.edge_id WHERE v.source = ?`,
  deleteEvidenceOfSource: `DELETE FROM evidence WHERE source = ?`,
  deleteEdgeIfBare: `DELETE FROM edges WHERE id = @id AND NOT EXISTS (SELECT 1 FROM evidence WHERE edge_id = @id)`,
  upsertEdge: `INSERT INTO edges (src, dst, type) VALUES (?, ?, ?)
    ON CONFLICT (src, type, dst) DO UPDATE SET src = excluded.src RETURNING id`,
  insertEvidence: `INSERT OR IGNORE INTO evidence (edge_id, source, start, end, section, quote, stated)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  deleteUnresolvedOfSource: `DELETE FROM unresolved WHERE source = ?`,
  insertUnresolved: `INSERT OR IGNORE INTO unresolved (source, start, end, key, symbol, name, kind, reason, detail, candidates, section)
    VALUES (@source, @start, @end, @key, @symbol, @name, @kind, @reason, @detail, @candidates, @section)`,
  upsertLocality: `INSERT INTO localities (id, name, level, parent, snapshot) VALUES (@id, @name, @level, @parent, @snapshot)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, parent = excluded.parent, snapshot = excluded.snapshot`,
  documentExists: `SELECT 1 FROM documents WHERE id = ?`,
  byContentHash: `SELECT id FROM documents WHERE content_hash = ? AND ingested = 1 ORDER BY id LIMIT 1`,
  documents: `SELECT d.* FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`,
  documentsWithText: `SELECT d.*, t.text FROM documents d LEFT JOIN document_texts t ON t.id = d.id
    WHERE d.id IN (SELECT value FROM json_each(?))`,
  // Two statements: "(@year IS NULL OR year = @year)" kept the planner from using the year column of the
  // index, so a year query read every document sharing the symbol (a plan number is reused by every unit, every year).
  // the page: ids after the cursor ('' for the first page), at most LIMIT (-1: no limit)
  bySymbol: `SELECT * FROM documents WHERE symbol_folded = ? AND id > ? ORDER BY id LIMIT ?`,
  bySymbolYear: `SELECT * FROM documents WHERE symbol_folded = ? AND year = ? AND id > ? ORDER BY id LIMIT ?`,
  bySymbolProvince: `SELECT * FROM documents WHERE symbol_folded = ? AND province = ? AND id > ? ORDER BY id LIMIT ?`,
  bySymbolProvinceYear: `SELECT * FROM documents WHERE symbol_folded = ? AND province = ? AND year = ? AND id > ? ORDER BY id LIMIT ?`,
  refsBySymbol: `SELECT id, date, year FROM documents WHERE symbol_folded = ?`,
  refsBySymbolYear: `SELECT id, date, year FROM documents WHERE symbol_folded = ? AND year = ?`,
  refsBySymbolProvince: `SELECT id, date, year FROM documents WHERE symbol_folded = ? AND province = ?`,
  refsBySymbolProvinceYear: `SELECT id, date, year FROM documents WHERE symbol_folded = ? AND province = ? AND year = ?`,
  outgoing: `SELECT id, src, dst, type FROM edges
    WHERE src IN (SELECT value FROM json_each(@ids)) AND type IN (SELECT value FROM json_each(@types)) ORDER BY src, dst, type`,
  incoming: `SELECT id, src, dst, type FROM edges
    WHERE dst IN (SELECT value FROM json_each(@ids)) AND type IN (SELECT value FROM json_each(@types)) ORDER BY src, dst, type`,
  // a document's incoming edges, by type and by the citing document's province and year (see incomingPage)
  incomingPage: incomingPageSql(false),
  incomingPageFiltered: incomingPageSql(true),
  // the same page from the citing side: the province's (and year's) documents in id order, each probed for its edge
  // to @id; read when they are fewer than the edges into @id (a law cited by 287k plans, 2,600 plans of one province
  // and year: the edges side read every edge of a type when fewer than a page of them passed the filter, 0.4-0.6 s)
  incomingPageByProvince: incomingPageByCitingSql(false),
  incomingPageByProvinceYear: incomingPageByCitingSql(true),
  citingCountProvince: `SELECT count(*) FROM documents WHERE province = @province`,
  citingCountProvinceYear: `SELECT count(*) FROM documents WHERE province = @province AND year = @year`,
  // counts from incoming_counts (migration 4), kept by triggers: at 1M, counting the index entries of a law cited by
  // 862k plans took 20-80 ms, and a filter joined every citing document (0.4-0.9 s); a document has at most a few
  // thousand rows there (types × provinces × years)
  incomingCount: `SELECT coalesce(sum(n), 0) FROM incoming_counts WHERE dst = @id`,
  incomingCountType: `SELECT coalesce(sum(n), 0) FROM incoming_counts WHERE dst = @id AND type = @type`,
  incomingCountFiltered: `SELECT coalesce(sum(n), 0) FROM incoming_counts WHERE dst = @id AND ${COUNTS_FILTER}`,
  incomingCountFilteredType: `SELECT coalesce(sum(n), 0) FROM incoming_counts WHERE dst = @id AND type = @type AND ${COUNTS_FILTER}`,
  evidenceOf: `SELECT edge_id, source, start, end, section, quote, stated FROM evidence
    WHERE edge_id IN (SELECT value FROM json_each(?)) ORDER BY edge_id, source, start, end`,
  // a bounded read (EdgeReadOptions): the first pieces of one edge, and what all of them amount to
  evidenceFirst: `SELECT edge_id, source, start, end, section, quote, stated FROM evidence WHERE edge_id = ? ORDER BY source, start, end LIMIT ?`,
  evidenceSummary: `SELECT count(*) AS n, coalesce(min(stated), 0) AS allStated FROM evidence WHERE edge_id = ?`,
  edgesByKey: `SELECT e.id, e.src, e.dst, e.type FROM json_each(?) k
    JOIN edges e ON e.src = k.value ->> 0 AND e.type = k.value ->> 1 AND e.dst = k.value ->> 2`,
  dataVersion: `PRAGMA data_version`,
  // Two subqueries: min() and max() together in one SELECT scan the table.
  logBounds: `SELECT (SELECT min(seq) FROM graph_log) AS lo, (SELECT max(seq) FROM graph_log) AS hi`,
  logSince: `SELECT docs FROM graph_log WHERE seq > ? ORDER BY seq`,
  logAppend: `INSERT INTO graph_log (docs) VALUES (?)`,
  logPrune: `DELETE FROM graph_log WHERE seq <= ?`,
  adjacencyNodes: `SELECT id, year, level, province, ingested, issuer FROM documents ORDER BY id`,
  // Type as its index in DERIVATION_TYPES; by source, so consecutive rows share it.
  adjacencyEdges: `SELECT src, dst, ${typeCode('type')} FROM edges WHERE type <> 'CITES' ORDER BY src`,
  nodesById: `SELECT id, year, level, province, ingested, issuer FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
  derivationsFrom: `SELECT src, dst, type FROM edges WHERE src IN (SELECT value FROM json_each(?)) AND type <> 'CITES'`,
  // Four page statements and two counts: "(@source IS NULL OR source = @source)" kept the planner from
  // using the primary key, so one document's ledger scanned the whole table (50 ms at 100k, per document page).
  unresolvedFirst: `SELECT * FROM unresolved ORDER BY source, start, end, key LIMIT @limit`,
  unresolvedAfter: `SELECT * FROM unresolved WHERE (source, start, end, key) > (@aSource, @aStart, @aEnd, @aKey)
    ORDER BY source, start, end, key LIMIT @limit`,
  unresolvedOfFirst: `SELECT * FROM unresolved WHERE source = @source ORDER BY source, start, end, key LIMIT @limit`,
  unresolvedOfAfter: `SELECT * FROM unresolved WHERE source = @source AND (source, start, end, key) > (@aSource, @aStart, @aEnd, @aKey)
    ORDER BY source, start, end, key LIMIT @limit`,
  unresolvedCount: `SELECT count(*) AS n FROM unresolved`,
  unresolvedCountOf: `SELECT count(*) AS n FROM unresolved WHERE source = @source`,
  stats: `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM documents WHERE ingested = 1) AS ingested,
    (SELECT count(*) FROM edges) AS edges, (SELECT count(*) FROM unresolved) AS unresolved, (SELECT count(*) FROM localities) AS localities`,
  allDocuments: `SELECT * FROM documents ORDER BY id`,
  allEvidence: `SELECT e.src, e.dst, e.type, v.source, v.start, v.end, v.section, v.quote, v.stated
    FROM edges e JOIN evidence v ON v.edge_id = e.id ORDER BY e.src, e.dst, e.type, v.source, v.start, v.end`,
  allUnresolved: `SELECT * FROM unresolved ORDER BY source, start, end, key`,
  allLocalities: `SELECT * FROM localities ORDER BY id`,
} as const;

type Statements = { [K in keyof typeof SQL]: Database.Statement };

interface DocumentRow {
  id: string; kind: string | null; symbol: string | null; name: string | null; title: string | null; date: string | null;
  year: number | null; issuer: string | null; subject: string | null; level: string | null; province: string | null;
  ingested: number; file: string | null; content_hash: string | null; text?: string | null;
}
interface EdgeRow { id: number; src: string; dst: string; type: EdgeType }
interface EvidenceRow { edge_id: number; source: string; start: number; end: number; section: string; quote: string; stated: number }
interface UnresolvedRow {
  source: string; start: number; end: number; key: string; symbol: string | null; name: string | null; kind: string | null;
  reason: string; detail: string; candidates: string; section: string;
}

function toDocument(r: DocumentRow): DocumentNode {
  const d: DocumentNode = {
    id: r.id, kind: r.kind, symbol: r.symbol, name: r.name, title: r.title, date: r.date, year: r.year, issuer: r.issuer,
    subject: r.subject, level: r.level as AdminLevel | null, province: r.province, ingested: r.ingested === 1,
    file: r.file, contentHash: r.content_hash,
  };
  if (r.text !== undefined) d.text = r.text;
  return d;
}

function toUnresolved(r: UnresolvedRow): UnresolvedReference {
  return { ...r, candidates: JSON.parse(r.candidates) as string[] };
}

/** Bound on the remembered citations (cleared when full). */
const MERGED_CACHE = 200_000;

const citedKey = (d: DocumentNode) =>
  JSON.stringify([d.id, d.kind, d.symbol, d.name, d.title, d.date, d.year, d.issuer, d.subject, d.level, d.province]);

/** graph_log rows kept: a reader further behind rebuilds its adjacency. */
const LOG_KEEP = 100_000;

export interface SqliteGraphOptions {
  /** graph_log rows kept by this writer (default 100,000). */
  logKeep?: number;
  /** Rebuild the adjacency rather than apply the log when more rows than this are new (default max(1,000, nodes / 20)). */
  maxLag?: number;
  /** Rebuild the adjacency when its delta overlay holds more entries than this (default max(20,000, base nodes / 2)). */
  maxOverlay?: number;
  /** Bound of the cache of recent traversal reaches, in nodes (default 4M; 0: no cache). */
  reachCache?: number;
  /**
   * How a "cited by" page with a province filter is read (see incomingPage): 'cost' (default)
   * picks the cheaper side; 'citing' and 'edges' force one, so that tests cover both.
   */
  citedByPlan?: 'cost' | 'citing' | 'edges';
}

/** Edges per citing document, on average, for the cost of reading a province's documents (a plan cites 10-20). */
const EDGES_PER_CITING_DOCUMENT = 16;

const edgeKey = (from: string, type: string, to: string) => `${from}\u001f${type}\u001f${to}`;

function missing(what: string): never {
  throw new Error(`graph store: ${what} is in the adjacency but not in the tables (inconsistent read)`);
}


export class SqliteGraphStore implements GraphStore {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private st!: Statements;
  /** In-memory derivation adjacency (null until the first traversal), the graph_log position and data_version it reflects. */
  private adj: Adjacency | null = null;
  private adjSeq = 0;
  private adjVersion = -1;
  private adjBuilds = 0;
  /** Set by this connection's writes, which data_version does not count. */
  private ownWrites = false;
  /** Citations (id and fields) this connection merged into documents and committed: merging one again changes nothing. */
  private readonly merged = new Set<string>();

  /** `file`: path of the database file (created if missing), or ':memory:'. */
  constructor(readonly file: string, private readonly options: SqliteGraphOptions = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    // Random-key index writes and traversals need the hot pages in memory (the default cache is 2 MB).
    this.db.pragma('cache_size = -131072');
    this.db.pragma('temp_store = MEMORY');
    this.db.function('fold_symbol', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldSymbol(s) : null));
  }

  async init(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const from = row?.version ?? 0;
    if (from > MIGRATIONS.length) {
      throw new Error(`${this.file}: graph schema version ${from} is newer than this cancu supports (${MIGRATIONS.length})`);
    }
    // Nothing is written to an up-to-date store (a read-only copy stays byte-identical). The version is read
    // again under the write lock: another process (a read worker) may have migrated the store in between.
    if (from < MIGRATIONS.length) {
      this.db.transaction(() => {
        const now = (this.db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined)?.version ?? 0;
        MIGRATIONS.slice(now).forEach((sql) => this.db.exec(sql));
        this.db.prepare('DELETE FROM schema_version').run();
        this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
      }).immediate();
    }
    this.st = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, this.db.prepare(sql)])) as Statements;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async writeBatch(batch: IngestBatch): Promise<void> {
    await this.writeBatches([batch]);
  }

  /** Many files in one transaction (bulk load); same effect as writing them one by one. */
  async writeBatches(batches: readonly IngestBatch[]): Promise<void> {
    const pending = new Set<string>();
    // Foreign keys are checked here instead of by SQLite (apply() checks every edge's ends; every
    // other reference is to the batch's own document or to an edge it just wrote): 15-20 % of the
    // write's CPU. The pragma cannot change inside a transaction, so it is set around it.
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => {
        let seq = 0;
        for (const b of batches) seq = this.apply(b, pending);
        const keep = this.options.logKeep ?? LOG_KEEP;
        if (seq > keep) this.st.logPrune.run(seq - keep);
      })();
      // Only committed merges are remembered (a rolled-back one must be written again).
      if (this.merged.size + pending.size > MERGED_CACHE) this.merged.clear();
      for (const k of pending) this.merged.add(k);
    } finally {
      this.db.pragma('foreign_keys = ON');
      // data_version does not count this connection's own commits.
      this.ownWrites = true;
    }
  }

  /** Write one file; returns the sequence number of its graph_log entry. `pending`: citations merged in this transaction. */
  private apply(b: IngestBatch, pending: Set<string>): number {
    const doc = b.document;
    const source = doc.id;
    if (!doc.ingested) throw new Error(`writeBatch: document ${source} must have ingested = true`);
    const meta = (d: DocumentNode) => ({
      kind: d.kind, symbol: d.symbol, name: d.name, title: d.title, date: d.date, year: d.year, issuer: d.issuer, subject: d.subject,
      level: d.level, province: d.province, folded: d.symbol === null ? null : foldSymbol(d.symbol),
    });
    // Documents this file adds, or whose fields or derivation edges it changes (graph_log, for every reader's adjacency).
    const touched = new Set<string>([source]);
    this.st.upsertIngested.run({ id: source, ...meta(doc), file: doc.file, contentHash: doc.contentHash });
    if (doc.text != null) this.st.upsertText.run(source, doc.text);
    for (const c of b.cited) {
      // Merging a citation is idempotent: one already merged (and committed) cannot change the node again.
      const key = citedKey(c);
      if (this.merged.has(key) || pending.has(key)) continue;
      if (this.st.upsertCited.run({ id: c.id, ...meta(c) }).changes > 0) touched.add(c.id);
      pending.add(key);
    }

    const known = new Set<string>([source, ...b.cited.map((c) => c.id)]);
    for (const e of b.edges) {
      for (const end of [e.from, e.to]) {
        if (known.has(end)) continue;
        if (this.st.documentExists.get(end) === undefined) throw new Error(`writeBatch ${source}: edge ${e.from} → ${e.to} names an unknown document (${end})`);
        known.add(end);
      }
    }

    const previous = this.st.edgesOfSource.all(source) as { id: number; src: string; type: EdgeType }[];
    for (const p of previous) if (p.type !== 'CITES') touched.add(p.src);
    this.st.deleteEvidenceOfSource.run(source);
    for (const e of b.edges) {
      if (e.type !== 'CITES') touched.add(e.from);
      const { id } = this.st.upsertEdge.get(e.from, e.to, e.type) as { id: number };
      for (const v of e.evidence) {
        if (v.source !== source) throw new Error(`writeBatch ${source}: evidence of ${e.from} → ${e.to} names another source (${v.source})`);
        this.st.insertEvidence.run(id, source, v.start, v.end, v.section, v.quote, e.stated ? 1 : 0);
      }
    }
    for (const p of previous) this.st.deleteEdgeIfBare.run({ id: p.id });

    this.st.deleteUnresolvedOfSource.run(source);
    for (const u of b.unresolved) this.st.insertUnresolved.run({ ...u, source, candidates: JSON.stringify(u.candidates) });
    return Number(this.st.logAppend.run(JSON.stringify([...touched])).lastInsertRowid);
  }

  async findByContentHash(hash: string): Promise<string | null> {
    return (this.st.byContentHash.pluck().get(hash) as string | undefined) ?? null;
  }

  async loadLocalities(localities: Locality[]): Promise<void> {
    this.db.transaction(() => localities.forEach((l) => this.st.upsertLocality.run(l)))();
  }

  private documents(ids: readonly string[], withText: boolean): (DocumentNode | null)[] {
    const rows = (withText ? this.st.documentsWithText : this.st.documents).all(JSON.stringify(ids)) as DocumentRow[];
    const byId = new Map(rows.map((r) => [r.id, toDocument(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async getDocuments(ids: readonly string[], opts?: { text?: boolean }): Promise<(DocumentNode | null)[]> {
    return this.documents(ids, opts?.text ?? true);
  }

  async findBySymbol(folded: string, year?: number | null, province?: string | null, page?: SymbolPage): Promise<DocumentNode[]> {
    const rows = this.symbolRows('bySymbol', folded, year, province, [page?.after ?? '', page ? page.first : -1]);
    return (rows as DocumentRow[]).map(toDocument);
  }

  async findRefsBySymbol(folded: string, year?: number | null, province?: string | null): Promise<DocumentRef[]> {
    return this.symbolRows('refsBySymbol', folded, year, province) as DocumentRef[];
  }

  /** Rows of a folded symbol, narrowed by province and year when given: the statement `<family>[Province][Year]`. */
  private symbolRows(family: 'bySymbol' | 'refsBySymbol', folded: string, year?: number | null, province?: string | null, more: (string | number)[] = []): unknown[] {
    const args: (string | number)[] = [foldSymbol(folded)];
    if (province != null) args.push(province);
    if (year != null) args.push(year);
    args.push(...more);
    const name = `${family}${province != null ? 'Province' : ''}${year != null ? 'Year' : ''}` as keyof typeof SQL;
    return this.st[name].all(...args);
  }

  private withEvidence(rows: EdgeRow[], bound?: number): Edge[] {
    if (!rows.length) return [];
    if (bound !== undefined) {
      return rows.map((r) => {
        const { n, allStated } = this.st.evidenceSummary.get(r.id) as { n: number; allStated: number };
        const first = (bound > 0 ? this.st.evidenceFirst.all(r.id, bound) : []) as EvidenceRow[];
        const evidence: Evidence[] = first.map(({ source, quote, start, end, section }) => ({ source, quote, start, end, section }));
        return { from: r.src, to: r.dst, type: r.type, stated: n > 0 && allStated === 1, evidence, evidenceCount: n };
      });
    }
    const ev = new Map<number, EvidenceRow[]>();
    for (const v of this.st.evidenceOf.all(JSON.stringify(rows.map((r) => r.id))) as EvidenceRow[]) {
      const list = ev.get(v.edge_id) ?? [];
      list.push(v);
      ev.set(v.edge_id, list);
    }
    return rows.map((r) => {
      const list = ev.get(r.id) ?? [];
      const evidence: Evidence[] = list.map(({ source, quote, start, end, section }) => ({ source, quote, start, end, section }));
      return { from: r.src, to: r.dst, type: r.type, stated: list.length > 0 && list.every((v) => v.stated === 1), evidence };
    });
  }

  private edges(stmt: Database.Statement, ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Edge[] {
    if (!ids.length) return [];
    return this.withEvidence(stmt.all({ ids: JSON.stringify(ids), types: JSON.stringify(types ?? ALL_TYPES) }) as EdgeRow[], read?.evidence);
  }

  async outgoing(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]> {
    return this.edges(this.st.outgoing, ids, types, read);
  }

  async incoming(ids: readonly string[], types?: readonly EdgeType[], read?: EdgeReadOptions): Promise<Edge[]> {
    return this.edges(this.st.incoming, ids, types, read);
  }

  async incomingPage(id: string, page: IncomingPage): Promise<{ edges: Edge[]; totalCount: number }> {
    const type = page.type ?? null;
    const filter = { province: page.province ?? null, year: page.year ?? null };
    const filtered = filter.province !== null || filter.year !== null;
    const count = this.st[`incomingCount${filtered ? 'Filtered' : ''}${type !== null ? 'Type' : ''}`];
    const totalCount = count.pluck().get({ id, ...(type !== null ? { type } : {}), ...(filtered ? filter : {}) }) as number;
    const window = { limit: page.limit, offset: page.offset };
    const rows = (
      filter.province !== null && this.citingSideIsCheaper(id, type, filter.province, filter.year, totalCount, page.offset + page.limit)
        ? (filter.year !== null ? this.st.incomingPageByProvinceYear : this.st.incomingPageByProvince).all({ id, type, ...filter, ...window })
        : (filtered ? this.st.incomingPageFiltered : this.st.incomingPage).all({ id, type, ...(filtered ? filter : {}), n: page.offset + page.limit, ...window })
    ) as EdgeRow[];
    return { edges: this.withEvidence(rows, page.evidence), totalCount };
  }

  /**
   * Whether a "cited by" page with a province filter, `passing` of whose edges pass the filter,
   * is cheaper read from the citing documents (those of the province, and year, each probed for
   * its edge into `id`) than from the edges into `id` (each joined to its citing document). Both
   * give the same rows in the same order; what each reads until it has `need` of them:
   * - the edges side: edges in citing-document order, `need` of every into / passing, or all
   *   of them when fewer than `need` pass;
   * - the citing side: about EDGES_PER_CITING_DOCUMENT index entries per document, all the
   *   province's documents (they come by year, then id, and are sorted), or, with a year too,
   *   those in id order up to the page.
   */
  private citingSideIsCheaper(id: string, type: EdgeType | null, province: string, year: number | null, passing: number, need: number): boolean {
    const plan = this.options.citedByPlan ?? 'cost';
    if (plan !== 'cost') return plan === 'citing';
    const into = (type !== null ? this.st.incomingCountType : this.st.incomingCount).pluck().get({ id, ...(type !== null ? { type } : {}) }) as number;
    const citing = (year !== null ? this.st.citingCountProvinceYear : this.st.citingCountProvince).pluck().get({ province, ...(year !== null ? { year } : {}) }) as number;
    const share = passing >= need ? need / passing : 1;
    return citing * EDGES_PER_CITING_DOCUMENT * (year !== null ? share : 1) < into * share;
  }

  /**
   * The adjacency, up to date with every committed write: built on first use;
   * then, when this connection wrote or another one committed (data_version), the
   * new graph_log entries are applied, or it is rebuilt when too far behind.
   */
  private adjacency(): Adjacency {
    const version = this.st.dataVersion.pluck().get() as number;
    if (this.adj && version === this.adjVersion && !this.ownWrites) return this.adj;
    this.adjVersion = version;
    this.ownWrites = false;
    // One read transaction: the log position and the rows read belong to the same snapshot.
    this.db.transaction(() => {
      const { lo, hi } = this.st.logBounds.get() as { lo: number | null; hi: number | null };
      const adj = this.adj;
      if (adj && (hi === null || hi <= this.adjSeq)) return;
      const behind = (hi ?? 0) - this.adjSeq;
      if (!adj || (lo !== null && lo > this.adjSeq + 1) || behind > (this.options.maxLag ?? Math.max(1000, adj.nodeCount / 20))) {
        this.rebuild(hi ?? 0);
        return;
      }
      const ids = new Set<string>();
      for (const docs of this.st.logSince.pluck().iterate(this.adjSeq) as IterableIterator<string>) {
        for (const id of JSON.parse(docs) as string[]) ids.add(id);
      }
      this.applyChanges(adj, [...ids]);
      this.adjSeq = hi!;
      if (adj.overlaySize > (this.options.maxOverlay ?? Math.max(20_000, adj.baseCount / 2))) this.rebuild(hi!);
    })();
    return this.adj!;
  }

  private rebuild(seq: number): void {
    this.adj = null; // let the old one go before building the new one
    this.adj = new Adjacency(
      this.st.adjacencyNodes.raw().iterate() as IterableIterator<NodeTuple>,
      this.st.adjacencyEdges.raw().iterate() as IterableIterator<EdgeTuple>,
      this.options.reachCache,
    );
    this.adjSeq = seq;
    this.adjBuilds++;
  }

  /** Re-read the fields and derivation edges of `ids` into the adjacency. */
  private applyChanges(adj: Adjacency, ids: string[]): void {
    const CHUNK = 5000;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const fresh: string[] = [];
      for (const r of this.st.nodesById.all(JSON.stringify(chunk)) as NodeRow[]) adj.setMeta(adj.ensure(r.id), r);
      const out = new Map<string, { dst: number; type: string }[]>(chunk.map((id) => [id, []]));
      for (const e of this.st.derivationsFrom.all(JSON.stringify(chunk)) as { src: string; dst: string; type: string }[]) {
        if (adj.node(e.dst) < 0) fresh.push(e.dst);
        out.get(e.src)?.push({ dst: adj.ensure(e.dst), type: e.type });
      }
      // Edge targets new to the adjacency but not in the log (defensive): read their fields too.
      for (const r of this.st.nodesById.all(JSON.stringify(fresh)) as NodeRow[]) adj.setMeta(adj.ensure(r.id), r);
      for (const [id, edges] of out) {
        const n = adj.node(id);
        if (n >= 0) adj.setOutgoing(n, edges);
      }
    }
  }

  /** Edges by (src, type, dst), with their evidence. */
  private edgesByKey(keys: readonly (readonly [string, string, string])[], bound?: number): Map<string, Edge> {
    const out = new Map<string, Edge>();
    if (!keys.length) return out;
    for (const e of this.withEvidence(this.st.edgesByKey.all(JSON.stringify(keys)) as EdgeRow[], bound)) out.set(edgeKey(e.from, e.type, e.to), e);
    return out;
  }

  async implementers(
    of: string,
    opts: { transitive: boolean; filter?: ImplementerFilter; first: number; after?: string | null; maxDepth?: number } & EdgeReadOptions,
  ): Promise<Page<Implementer>> {
    checkFirst(opts.first);
    const maxDepth = opts.transitive ? clampDepth(opts.maxDepth) : 1;
    const after = implementerAfter(opts.after);
    const adj = this.adjacency();
    const root = adj.node(of);
    if (root < 0) return { items: [], totalCount: 0, endCursor: null, hasNextPage: false };
    const reach = adj.reach(root, 'in', IMPLEMENTS_MASK, maxDepth);
    const page = adj.page(reach, opts.filter, opts.first, after);
    const paths = page.items.map((it) => adj.pathOf(reach, it.node, it.depth, IMPLEMENTS_MASK));
    const keys = new Map<string, [string, string, string]>();
    for (const path of paths) {
      for (const step of path) {
        const key: [string, string, string] = [adj.idOf(step.from), step.type, adj.idOf(step.to)];
        keys.set(edgeKey(...key), key);
      }
    }
    const edges = this.edgesByKey([...keys.values()], opts.evidence);
    const ids = page.items.map((it) => adj.idOf(it.node));
    const docs = this.documents(ids, false);
    const items = page.items.map((it, i) => ({
      document: docs[i] ?? missing(ids[i]),
      depth: it.depth,
      path: paths[i].map((step) => edges.get(edgeKey(adj.idOf(step.from), step.type, adj.idOf(step.to))) ?? missing(`${adj.idOf(step.from)} → ${adj.idOf(step.to)}`)),
    }));
    const last = items[items.length - 1];
    return { items, totalCount: page.totalCount, endCursor: last ? encodeCursor([last.depth, last.document.id]) : null, hasNextPage: page.hasNextPage };
  }

  async implementerProvinces(of: string, opts: { transitive: boolean; filter?: ImplementerFilter; maxDepth?: number }): Promise<ProvinceCount[]> {
    const maxDepth = opts.transitive ? clampDepth(opts.maxDepth) : 1;
    const adj = this.adjacency();
    const root = adj.node(of);
    if (root < 0) return [];
    return sortProvinceCounts(adj.provinceCounts(adj.reach(root, 'in', IMPLEMENTS_MASK, maxDepth), opts.filter));
  }

  async legalBasis(of: string, maxDepth: number, read?: EdgeReadOptions): Promise<TraceStep[]> {
    const depth = clampDepth(maxDepth);
    const adj = this.adjacency();
    const root = adj.node(of);
    if (root < 0) return [];
    const steps = adj.trace(root, BASIS_MASK, depth).map((s) => ({ depth: s.depth, key: [adj.idOf(s.from), s.type, adj.idOf(s.to)] as const }));
    const edges = this.edgesByKey(steps.map((s) => s.key), read?.evidence);
    const docs = this.documents(steps.map((s) => s.key[2]), false);
    return steps.map((s, i) => ({
      depth: s.depth,
      edge: edges.get(edgeKey(...s.key)) ?? missing(`${s.key[0]} → ${s.key[2]}`),
      document: docs[i] ?? missing(s.key[2]),
    }));
  }

  /** Figures of the in-memory adjacency (for benchmarks): null before the first traversal. */
  adjacencyStats(): { nodes: number; edges: number; bytes: number; overlay: number; builds: number } | null {
    const a = this.adj;
    return a && { nodes: a.nodeCount, edges: a.edgeCount, bytes: a.bytes, overlay: a.overlaySize, builds: this.adjBuilds };
  }

  async unresolved(opts: { first: number; after?: string | null; source?: string | null }): Promise<Page<UnresolvedReference>> {
    checkFirst(opts.first);
    const a = unresolvedAfter(opts.after);
    const source = opts.source ?? null;
    const page = source === null ? (a ? this.st.unresolvedAfter : this.st.unresolvedFirst) : a ? this.st.unresolvedOfAfter : this.st.unresolvedOfFirst;
    const rows = page.all({
      ...(source === null ? {} : { source }),
      ...(a ? { aSource: a.source, aStart: a.start, aEnd: a.end, aKey: a.key } : {}),
      limit: opts.first + 1,
    }) as UnresolvedRow[];
    const count = source === null ? this.st.unresolvedCount.pluck().get() : this.st.unresolvedCountOf.pluck().get({ source });
    return unresolvedPage(rows.map(toUnresolved), opts.first, count as number);
  }

  async stats(): Promise<StoreStats> {
    return this.st.stats.get() as StoreStats;
  }

  async canonicalHash(): Promise<string> {
    const h = new CanonicalHasher();
    for (const r of this.st.allDocuments.iterate() as IterableIterator<DocumentRow>) h.document(toDocument(r));
    let edge: Edge | null = null;
    let allStated = true;
    const flush = () => {
      if (edge) h.edge({ ...edge, stated: allStated });
    };
    for (const r of this.st.allEvidence.iterate() as IterableIterator<EvidenceRow & { src: string; dst: string; type: EdgeType }>) {
      if (!edge || edge.from !== r.src || edge.to !== r.dst || edge.type !== r.type) {
        flush();
        edge = { from: r.src, to: r.dst, type: r.type, stated: false, evidence: [] };
        allStated = true;
      }
      edge.evidence.push({ source: r.source, quote: r.quote, start: r.start, end: r.end, section: r.section });
      allStated &&= r.stated === 1;
    }
    flush();
    for (const r of this.st.allUnresolved.iterate() as IterableIterator<UnresolvedRow>) h.unresolved(toUnresolved(r));
    for (const l of this.st.allLocalities.iterate() as IterableIterator<Locality>) h.locality(l);
    return h.digest();
  }
}
