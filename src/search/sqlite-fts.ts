/**
 * SearchIndex on SQLite FTS5 (better-sqlite3).
 *
 * Tables: `search_doc` holds each document once (the fields, filters and the
 * original text used for snippets); `search_fts` is a contentless FTS5 index
 * (rowid = search_doc.rowid) of five columns:
 *
 *   sym        foldSymbol(symbol)                      weight 12
 *   head_acc   canonicalVi(kind, symbol, name, title, issuer, subject)   6
 *   head_fold  foldText of the same                                      3
 *   body_acc   canonicalVi(text)                                          2
 *   body_fold  foldText(text)                                            1
 *
 * FTS5's own `remove_diacritics 2` leaves đ alone, so folding is ours
 * (foldText: đ → d); the accented columns let an exact-accent match outrank a
 * folded one, and canonicalVi makes old/new tone placement and NFD input equal.
 *
 * Bounded work on huge match sets: ranking (bm25), facets and totalCount look
 * at no more than `countCap` matching rows (default 10 000), the newest first
 * (highest rowid). Up to the cap everything is exact. Past it `totalCount` is the
 * cap + 1 with `totalCountExact` false, the facets count that sample, and hits are
 * the best of the newest `countCap` matches only (older, better-scoring documents
 * of a too-broad query are missed). NOT yet enough for the 1M target: FTS5's bm25
 * computes each phrase's IDF by scanning that phrase's whole doclist, whatever the
 * LIMIT, so queries made of very common words stay slow at 1M documents
 * (bench/search-scale.ts measures it).
 *
 * Snippet source: search_doc keeps only the first SNIPPET_TEXT_LIMIT characters
 * of a text (the graph keeps the whole text; the FTS index covers all of it).
 * Reading a hit's text is the main per-hit cost (gazette texts reach 1 MB), so a
 * match found only past that point gets no text snippet, only its other fields.
 */
import Database from 'better-sqlite3';
import { canonicalVi, foldSymbol, foldText } from '../../ingest/normalize.ts';
import { highlight } from './highlight.ts';
import { highlightTerms, parseQuery, type ParsedQuery, type QueryUnit } from './query.ts';
import { byCountThenValue, checkPage, FACETS, headText, HIGHLIGHT_FIELDS } from './result-shape.ts';
import type { SearchDoc, SearchFilter, SearchHit, SearchIndex, SearchResult } from './search-index.ts';

export interface SqliteSearchOptions {
  /** Most matching rows counted for totalCount and facets (see module comment). */
  countCap?: number;
}

const FILTER_COLUMNS = ['kind', 'province', 'year', 'level', 'ingested'] as const;
export const SNIPPET_TEXT_LIMIT = 50_000;
const HEAD = '{head_fold body_fold}';
const HEAD_ACC = '{head_acc body_acc}';

interface DocRow {
  rowid: number;
  id: string;
  symbol: string | null;
  name: string | null;
  title: string | null;
  issuer: string | null;
  subject: string | null;
  text: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS search_doc (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT, province TEXT, year INTEGER, level TEXT, ingested INTEGER NOT NULL,
  -- shown fields last: facet columns are read without walking a long text's overflow pages
  symbol TEXT, name TEXT, title TEXT, issuer TEXT, subject TEXT, text TEXT
);
CREATE INDEX IF NOT EXISTS search_doc_kind ON search_doc(kind);
CREATE INDEX IF NOT EXISTS search_doc_province ON search_doc(province);
CREATE INDEX IF NOT EXISTS search_doc_year ON search_doc(year);
CREATE INDEX IF NOT EXISTS search_doc_level ON search_doc(level);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  sym, head_acc, head_fold, body_acc, body_fold,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
`;

/** FTS5 string literal: every user token goes through here. */
function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function unitExpr(u: QueryUnit): string {
  if (u.kind === 'phrase') {
    const phrase = quote(u.folded.join(' '));
    return u.folded.some((t) => /\d/.test(t)) ? `(sym : ${phrase} OR ${HEAD} : ${phrase})` : `${HEAD} : ${phrase}`;
  }
  const star = u.prefix ? '*' : '';
  const folded = `${HEAD} : ${quote(u.folded)}${star}`;
  return u.term === u.folded ? folded : `(${HEAD_ACC} : ${quote(u.term)}${star} OR ${folded})`;
}

/**
 * The FTS5 MATCH expression of a parsed query: every unit must match the folded
 * columns; accented and symbol alternatives only add to the score (each matches a
 * subset of what its folded alternative matches, so they never widen the result).
 */
export function ftsExpression(q: ParsedQuery): string {
  const all = q.units.map(unitExpr).join(' AND ');
  const onePhrase = q.units.length === 1 && q.units[0].kind === 'phrase';
  return q.symbol && !onePhrase ? `sym : ${quote(q.symbol)} OR (${all})` : all;
}

function nfc(s: string | null): string | null {
  return s === null ? null : s.normalize('NFC');
}

function checkDoc(d: SearchDoc): void {
  if (typeof d.id !== 'string' || d.id === '') throw new Error(`search document has no id: ${JSON.stringify(d).slice(0, 200)}`);
  if (d.year != null && !Number.isInteger(d.year)) throw new Error(`search document ${d.id}: year ${d.year} is not an integer`);
}

export class SqliteSearchIndex implements SearchIndex {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly countCap: number;

  /** `dbOrPath`: an open database (shared with the graph; not closed by close()) or a file path. */
  constructor(dbOrPath: Database.Database | string = ':memory:', opts: SqliteSearchOptions = {}) {
    this.ownsDb = typeof dbOrPath === 'string';
    this.db = typeof dbOrPath === 'string' ? new Database(dbOrPath) : dbOrPath;
    this.countCap = opts.countCap ?? 10_000;
  }

  async init(): Promise<void> {
    this.db.exec(SCHEMA);
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }

  async upsert(docs: readonly SearchDoc[]): Promise<void> {
    docs.forEach(checkDoc);
    const putDoc = this.db.prepare<unknown[], { rowid: number }>(
      `INSERT INTO search_doc (id, kind, province, year, level, ingested, symbol, name, title, issuer, subject, text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, symbol = excluded.symbol, name = excluded.name,
         title = excluded.title, issuer = excluded.issuer, subject = excluded.subject, text = excluded.text,
         province = excluded.province, year = excluded.year, level = excluded.level, ingested = excluded.ingested
       RETURNING rowid`,
    );
    const dropFts = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const putFts = this.db.prepare(
      'INSERT INTO search_fts (rowid, sym, head_acc, head_fold, body_acc, body_fold) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const d of docs) {
        // Shown fields are stored NFC: snippets are cut from them (see highlight.ts).
        const { rowid } = putDoc.get(
          d.id, d.kind, d.province, d.year, d.level, d.ingested ? 1 : 0,
          nfc(d.symbol), nfc(d.name), nfc(d.title), nfc(d.issuer), nfc(d.subject), nfc(d.text)?.slice(0, SNIPPET_TEXT_LIMIT) ?? null,
        )!;
        const head = canonicalVi(headText(d));
        const body = canonicalVi(d.text ?? '');
        dropFts.run(rowid);
        putFts.run(rowid, d.symbol ? foldSymbol(d.symbol) : '', head, foldText(head), body, foldText(body));
      }
    })();
  }

  async remove(ids: readonly string[]): Promise<void> {
    const find = this.db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_doc WHERE id = ?');
    const dropFts = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const dropDoc = this.db.prepare('DELETE FROM search_doc WHERE rowid = ?');
    this.db.transaction(() => {
      for (const id of ids) {
        const row = find.get(id);
        if (!row) continue;
        dropFts.run(row.rowid);
        dropDoc.run(row.rowid);
      }
    })();
  }

  async search(query: string, opts: { filter?: SearchFilter; limit: number; offset: number }): Promise<SearchResult> {
    checkPage(opts.limit, opts.offset);
    const parsed = parseQuery(query);
    const { where, params } = filterSql(opts.filter ?? {});
    const matching = parsed.units.length > 0;
    const match = matching ? [ftsExpression(parsed)] : [];
    // The match set: rowids (and facet columns) of matching, filtered documents.
    const source = matching
      ? `search_fts JOIN search_doc d ON d.rowid = search_fts.rowid WHERE search_fts MATCH ?${where.map((w) => ` AND ${w}`).join('')}`
      : `search_doc d${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;

    const page = this.db
      .prepare<unknown[], { rid: number; score: number }>(
        matching
          ? `SELECT rid, score FROM (
               SELECT search_fts.rowid AS rid, bm25(search_fts, 12, 6, 3, 2, 1) AS score FROM ${source}
               ORDER BY search_fts.rowid DESC LIMIT ?)
             ORDER BY score, rid DESC LIMIT ? OFFSET ?`
          : `SELECT d.rowid AS rid, 0 AS score FROM ${source} ORDER BY d.ingested DESC, d.year DESC, d.rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...match, ...params, ...(matching ? [this.countCap] : []), opts.limit, opts.offset);
    const docs = new Map(
      this.db
        .prepare<[string], DocRow>(
          `SELECT rowid, id, symbol, name, title, issuer, subject, text FROM search_doc
           WHERE rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(page.map((p) => p.rid)))
        .map((r) => [r.rowid, r]),
    );

    const counted = this.db
      .prepare<unknown[], { facet: string; value: string | number | null; n: number }>(
        `WITH m AS MATERIALIZED (SELECT d.kind, d.province, d.year, d.level FROM ${source} LIMIT ?)
         SELECT 'total' AS facet, NULL AS value, count(*) AS n FROM m
         ${FACETS.map((f) => `UNION ALL SELECT '${f}', ${f}, count(*) FROM m WHERE ${f} IS NOT NULL GROUP BY ${f}`).join('\n')}`,
      )
      .all(...match, ...params, this.countCap + 1);

    const facets: SearchResult['facets'] = { kind: [], province: [], year: [], level: [] };
    let totalCount = 0;
    for (const r of counted) {
      if (r.facet === 'total') totalCount = r.n;
      else facets[r.facet as (typeof FACETS)[number]].push({ value: String(r.value), count: r.n });
    }
    for (const f of FACETS) facets[f].sort(byCountThenValue);

    const terms = highlightTerms(parsed);
    const hits: SearchHit[] = page.map(({ rid, score }) => {
      const r = docs.get(rid)!;
      return {
        id: r.id,
        score: -score,
        highlights: matching
          ? HIGHLIGHT_FIELDS.flatMap((field) => {
              const snippet = r[field] ? highlight(r[field]!, terms) : null;
              return snippet ? [{ field, snippet }] : [];
            })
          : [],
      };
    });
    return { hits, totalCount, totalCountExact: totalCount <= this.countCap, facets };
  }
}

/** Parameterised WHERE fragments for the filter (column names come from a fixed list). */
function filterSql(filter: SearchFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const col of FILTER_COLUMNS) {
    const v = filter[col];
    if (v == null) continue;
    where.push(`d.${col} = ?`);
    params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  return { where, params };
}
