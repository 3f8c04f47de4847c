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
 * Document text is returned by getDocuments only (not in traversal results).
 */
import Database from 'better-sqlite3';
import { foldSymbol } from '../ingest/normalize.ts';
import type { AdminLevel } from '../ingest/model.ts';
import { CanonicalHasher } from './canonical.ts';
import type { DocumentNode, Edge, EdgeType, Evidence, Locality, UnresolvedReference } from './model.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import type { GraphStore, ImplementerFilter, IngestBatch, Page, StoreStats } from './store.ts';
import {
  BASIS_TYPES, checkFirst, clampDepth, filterParams, pageImplementers, traceFrom, unresolvedAfter, unresolvedPage,
  type Reached, type TraversalReads,
} from './traversal.ts';

const META = ['kind', 'symbol', 'name', 'title', 'date', 'year', 'issuer', 'subject', 'level', 'province'] as const;

/** Cited-only: fill nulls, smaller value on conflict. Ingested: keep own value, fill nulls. */
const mergeCited = (c: string) =>
  `CASE WHEN documents.ingested THEN coalesce(documents.${c}, excluded.${c})
        ELSE coalesce(min(documents.${c}, excluded.${c}), documents.${c}, excluded.${c}) END`;

const SQL = {
  upsertIngested: `
    INSERT INTO documents (id, ${META.join(', ')}, symbol_folded, ingested, file, content_hash)
    VALUES (@id, ${META.map((c) => '@' + c).join(', ')}, fold_symbol(@symbol), 1, @file, @contentHash)
    ON CONFLICT (id) DO UPDATE SET
      ${META.map((c) => `${c} = coalesce(excluded.${c}, documents.${c})`).join(',\n      ')},
      symbol_folded = fold_symbol(coalesce(excluded.symbol, documents.symbol)),
      ingested = 1, file = excluded.file, content_hash = excluded.content_hash`,
  upsertText: `INSERT INTO document_texts (id, text) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET text = excluded.text`,
  upsertCited: `
    INSERT INTO documents (id, ${META.join(', ')}, symbol_folded)
    VALUES (@id, ${META.map((c) => '@' + c).join(', ')}, fold_symbol(@symbol))
    ON CONFLICT (id) DO UPDATE SET
      ${META.map((c) => `${c} = ${mergeCited(c)}`).join(',\n      ')},
      symbol_folded = fold_symbol(${mergeCited('symbol')})`,
  edgesOfSource: `SELECT DISTINCT edge_id FROM evidence WHERE source = ?`,
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
  byContentHash: `SELECT id FROM documents WHERE content_hash = ? AND ingested = 1 ORDER BY id LIMIT 1`,
  documents: `SELECT d.* FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`,
  documentsWithText: `SELECT d.*, t.text FROM documents d LEFT JOIN document_texts t ON t.id = d.id
    WHERE d.id IN (SELECT value FROM json_each(?))`,
  bySymbol: `SELECT * FROM documents WHERE symbol_folded = @folded AND (@year IS NULL OR year = @year) ORDER BY id`,
  outgoing: `SELECT id, src, dst, type FROM edges
    WHERE src IN (SELECT value FROM json_each(@ids)) AND type IN (SELECT value FROM json_each(@types)) ORDER BY src, dst, type`,
  incoming: `SELECT id, src, dst, type FROM edges
    WHERE dst IN (SELECT value FROM json_each(@ids)) AND type IN (SELECT value FROM json_each(@types)) ORDER BY src, dst, type`,
  evidenceOf: `SELECT edge_id, source, start, end, section, quote, stated FROM evidence
    WHERE edge_id IN (SELECT value FROM json_each(?)) ORDER BY edge_id, source, start, end`,
  implementerDepths: `
    WITH RECURSIVE walk(id, depth) AS (
      SELECT @of, 0
      UNION
      SELECT e.src, w.depth + 1 FROM walk w JOIN edges e ON e.dst = w.id AND e.type = 'IMPLEMENTS' WHERE w.depth < @maxDepth
    ), best AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> @of GROUP BY id)
    SELECT b.id, b.depth,
      (@province IS NULL OR d.province = @province) AND (@year IS NULL OR d.year = @year) AND (@level IS NULL OR d.level = @level) AS matches
    FROM best b JOIN documents d ON d.id = b.id`,
  basisDepths: `
    WITH RECURSIVE up(id, depth) AS (
      SELECT @of, 0
      UNION
      SELECT e.dst, u.depth + 1 FROM up u JOIN edges e ON e.src = u.id
       AND e.type IN (SELECT value FROM json_each(@types)) WHERE u.depth < @maxDepth
    ) SELECT id, min(depth) AS depth FROM up GROUP BY id`,
  unresolvedPage: `SELECT * FROM unresolved
    WHERE (@source IS NULL OR source = @source)
      AND (@after IS NULL OR (source, start, end, key) > (@aSource, @aStart, @aEnd, @aKey))
    ORDER BY source, start, end, key LIMIT @limit`,
  unresolvedCount: `SELECT count(*) AS n FROM unresolved WHERE (@source IS NULL OR source = @source)`,
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

const ALL_TYPES: readonly EdgeType[] = ['IMPLEMENTS', 'BASED_ON', 'CITES', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];

export class SqliteGraphStore implements GraphStore {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private st!: Statements;
  private readonly reads: TraversalReads = {
    outgoing: (ids, types) => this.outgoing(ids, types),
    getDocuments: async (ids) => this.documents(ids, false),
  };

  /** `file`: path of the database file (created if missing), or ':memory:'. */
  constructor(readonly file: string) {
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
    this.db.transaction(() => {
      MIGRATIONS.slice(from).forEach((sql) => this.db.exec(sql));
      this.db.prepare('DELETE FROM schema_version').run();
      this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    })();
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
    this.db.transaction(() => batches.forEach((b) => this.apply(b)))();
  }

  private apply(b: IngestBatch): void {
    const doc = b.document;
    const source = doc.id;
    if (!doc.ingested) throw new Error(`writeBatch: document ${source} must have ingested = true`);
    const meta = (d: DocumentNode) => Object.fromEntries(META.map((c) => [c, d[c]]));
    this.st.upsertIngested.run({ id: source, ...meta(doc), file: doc.file, contentHash: doc.contentHash });
    if (doc.text != null) this.st.upsertText.run(source, doc.text);
    for (const c of b.cited) this.st.upsertCited.run({ id: c.id, ...meta(c) });

    const previous = (this.st.edgesOfSource.pluck().all(source) as number[]);
    this.st.deleteEvidenceOfSource.run(source);
    for (const e of b.edges) {
      const { id } = this.st.upsertEdge.get(e.from, e.to, e.type) as { id: number };
      for (const v of e.evidence) {
        if (v.source !== source) throw new Error(`writeBatch ${source}: evidence of ${e.from} → ${e.to} names another source (${v.source})`);
        this.st.insertEvidence.run(id, source, v.start, v.end, v.section, v.quote, e.stated ? 1 : 0);
      }
    }
    for (const id of previous) this.st.deleteEdgeIfBare.run({ id });

    this.st.deleteUnresolvedOfSource.run(source);
    for (const u of b.unresolved) this.st.insertUnresolved.run({ ...u, source, candidates: JSON.stringify(u.candidates) });
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

  async getDocuments(ids: readonly string[]): Promise<(DocumentNode | null)[]> {
    return this.documents(ids, true);
  }

  async findBySymbol(folded: string, year?: number | null): Promise<DocumentNode[]> {
    return (this.st.bySymbol.all({ folded: foldSymbol(folded), year: year ?? null }) as DocumentRow[]).map(toDocument);
  }

  private withEvidence(rows: EdgeRow[]): Edge[] {
    if (!rows.length) return [];
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

  private edges(stmt: Database.Statement, ids: readonly string[], types?: readonly EdgeType[]): Edge[] {
    if (!ids.length) return [];
    return this.withEvidence(stmt.all({ ids: JSON.stringify(ids), types: JSON.stringify(types ?? ALL_TYPES) }) as EdgeRow[]);
  }

  async outgoing(ids: readonly string[], types?: readonly EdgeType[]): Promise<Edge[]> {
    return this.edges(this.st.outgoing, ids, types);
  }

  async incoming(ids: readonly string[], types?: readonly EdgeType[]): Promise<Edge[]> {
    return this.edges(this.st.incoming, ids, types);
  }

  async implementers(
    of: string,
    opts: { transitive: boolean; filter?: ImplementerFilter; first: number; after?: string | null; maxDepth?: number },
  ) {
    const maxDepth = opts.transitive ? clampDepth(opts.maxDepth) : 1;
    const rows = this.st.implementerDepths.all({ of, maxDepth, ...filterParams(opts.filter) }) as
      { id: string; depth: number; matches: number }[];
    const reached: Reached[] = rows.map((r) => ({ id: r.id, depth: r.depth, matches: r.matches === 1 }));
    return pageImplementers(this.reads, of, reached, opts.first, opts.after);
  }

  async legalBasis(of: string, maxDepth: number) {
    const depth = clampDepth(maxDepth);
    const rows = this.st.basisDepths.all({ of, maxDepth: depth, types: JSON.stringify(BASIS_TYPES) }) as { id: string; depth: number }[];
    return traceFrom(this.reads, new Map(rows.map((r) => [r.id, r.depth])), depth);
  }

  async unresolved(opts: { first: number; after?: string | null; source?: string | null }): Promise<Page<UnresolvedReference>> {
    checkFirst(opts.first);
    const a = unresolvedAfter(opts.after);
    const source = opts.source ?? null;
    const rows = this.st.unresolvedPage.all({
      source, after: a ? 1 : null, aSource: a?.source ?? null, aStart: a?.start ?? null, aEnd: a?.end ?? null, aKey: a?.key ?? null,
      limit: opts.first + 1,
    }) as UnresolvedRow[];
    return unresolvedPage(rows.map(toUnresolved), opts.first, this.st.unresolvedCount.pluck().get({ source }) as number);
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
