/**
 * SearchIndex on SQLite FTS5 (better-sqlite3), schema 3.
 *
 * Tables (a document keeps its rowid when upserted again; its rowid in the two
 * FTS tables, `frow`, is ftsRowid(year, province, rowid)):
 *
 *   search_doc   id, facet columns, the short fields shown in results, `sym`
 *                (foldSymbol of the symbol; covering index (sym, frow)), `frow`,
 *                `sig` (a hash of everything indexed: an unchanged document is
 *                skipped) and `seq` (write order, for FacetCache).
 *   search_text  the first SNIPPET_TEXT_LIMIT characters of an ingested text,
 *                deflated in two parts (the first TEXT_LEAD characters, the rest),
 *                so a snippet whose match is near the start inflates ~2 KB, not the
 *                whole text (see packText). ~4.5 KB per 18 K-character plan.
 *   search_head  FTS5 over the short fields, positions kept (detail=full):
 *                  head_acc   canonicalVi(kind, symbol, name, title, issuer, subject)
 *                  head_fold  foldText of the same
 *                  tags       filter tokens (see tagTokens)
 *   search_body  FTS5 over everything once, rowids only (detail=none: no positions,
 *                no phrases): the short fields and the text folded by foldText (then
 *                remove_diacritics 2 for letters foldText leaves), and one token per
 *                run of a digit-bearing symbol ("33/CT-TTg" → 33ǂctǂttg and its
 *                sub-runs, see symbolTokens) with the filter tokens.
 *
 * A query is a list of units (query.ts), words matched whole, that must all
 * match; a phrase with a digit ("33/CT-TTg") is looked up as its symbol token in
 * the body, one without ("kinh-tế") as its words. Hits come in tiers, each tier
 * newest year first, then by province, then last written (frow DESC, which FTS5
 * walks without reading the rest of the match set), each document once, in its
 * best tier:
 *
 *   1. the document's own symbol is the query ("33 CT TTg", "33/CT-TTg")
 *   2. every unit in the short fields with the query's accents ("hòa" ≠ "hoa")
 *   3. every unit in the short fields, accent-free
 *   4. every unit anywhere, accent-free
 *
 * There is no bm25: its IDF reads each phrase's whole doclist, so its cost grows
 * with the match count. Tier 1 reads the (sym, frow) index. A year filter, or a
 * year and a province, is a range of frow that FTS5 seeks to; the other filters
 * are tokens ANDed into the MATCH.
 *
 * Bounded work: the counted tiers (1 and 4) read at most countCap + 1 rows
 * (default 1 000), so totalCount and the facets are exact up to countCap
 * matches; past it totalCount is countCap + 1 with totalCountExact false and
 * the facets count the newest countCap + 1 matches (the window; facet values
 * come from FacetCache, in memory). Tiers 2 and 3 are only looked for within the
 * window's span: past countCap matches, a header match older than the window
 * ranks with the body matches. How far back the walk goes is thus countCap /
 * (share of documents matching), whatever the corpus size; only a query whose
 * words are each common but rarely together walks further. Paging reaches the
 * first MAX_WINDOW hits. Snippets are made for the returned page only.
 *
 * FTS5 settings (measured on 100k plans): leaf pages of 1 000 bytes (pgsz; default
 * 4 050) let an AND of a common word and a rare one skip pages of the common
 * word's doclist (2× faster); automerge 2 (default 4) keeps half as many segments
 * for a query to walk (2× faster, same build time). optimize() merges everything
 * into one segment after a bulk load (another 2×).
 *
 * Schema 1 (one contentless table of five columns incl. the body twice, bm25) is
 * upgraded in place by init(), from its own search_doc copy of each text:
 * batches of MIGRATE_BATCH documents, one transaction each, resumable after a
 * crash; a read-only connection refuses it with a message. Schema 2, a
 * development layout of a few hours, is converted (see DEV_SCHEMA) or, in its
 * earliest variants, dropped with a message to ingest again. Texts longer than
 * SNIPPET_TEXT_LIMIT were stored cut in schema 1, so their tail is indexed again
 * only when their file is ingested again (`cancu ingest` indexes unchanged files
 * again).
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { canonicalVi, foldSymbol, foldText } from '../../ingest/normalize.ts';
import { Highlighter } from './highlight.ts';
import { highlightTerms, parseQuery, type ParsedQuery, type QueryUnit } from './query.ts';
import { byCountThenValue, checkPage, FACETS, headText, HIGHLIGHT_FIELDS } from './result-shape.ts';
import type { SearchDoc, SearchFilter, SearchHit, SearchIndex, SearchResult } from './search-index.ts';

export interface SqliteSearchOptions {
  /** Most matching rows counted for totalCount and facets (see module comment). */
  countCap?: number;
}

export const SCHEMA_VERSION = 3;
/**
 * Schema 2 was the development layout of schema 3, for a few hours: from the commit
 * that added search_province on it differs only by the (sym) index, made covering
 * here; earlier variants are dropped (not converted).
 */
const DEV_SCHEMA = 2;
export const SNIPPET_TEXT_LIMIT = 50_000;
/** Hits reachable by paging (offset + limit); deeper pages are empty. */
export const MAX_WINDOW = 10_000;
/** Longest run of symbol tokens indexed as one token; longer query runs are split. */
export const MAX_JOIN = 5;
const MIGRATE_BATCH = 500;
const JOIN = 'ǂ';
const DEFLATE_LEVEL = 1;
/** Characters of a stored text deflated apart from the rest (see packText). */
export const TEXT_LEAD = 2048;

const FILTER_COLUMNS = ['kind', 'province', 'year', 'level', 'ingested'] as const;
/** Filters applied as index tokens; the year is a rowid range instead, and so is the province with it (see ftsRowid). */
const TAG_COLUMNS = ['kind', 'province', 'level', 'ingested'] as const;
const TAG_LETTER: Record<(typeof TAG_COLUMNS)[number], string> = { kind: 'k', province: 'p', level: 'l', ingested: 'i' };

/** FTS rowid layout (below 2^53, exact in a JS number): year key, province code, document rowid. */
const ROWID_BITS = 2 ** 29;
const PROVINCE_CODES = 1024;
const MAX_YEAR = 9999;
/** Document rowids must stay below this (the rowid's share of an FTS rowid). */
export const MAX_DOCUMENTS = ROWID_BITS - 1;

/** The year part of FTS rowids: 0 for no year, else the year (clamped to 1..MAX_YEAR). */
function yearKey(year: number | null | undefined): number {
  return year == null ? 0 : Math.min(MAX_YEAR, Math.max(1, year));
}

/**
 * A document's rowid in the FTS tables: its year, then its province's code
 * (search_province; 0 for none), then its search_doc rowid. Rowid DESC is thus
 * newest year first, then by province, then last written; a year, or a year and
 * a province, is a rowid range that FTS5 seeks to instead of a token to intersect
 * (the province token is ANDed too: codes past PROVINCE_CODES - 1 share one).
 */
export function ftsRowid(year: number | null | undefined, provinceCode: number, rowid: number): number {
  if (rowid > MAX_DOCUMENTS) throw new Error(`search index is full: document rowid ${rowid} > ${MAX_DOCUMENTS}`);
  return (yearKey(year) * PROVINCE_CODES + Math.min(provinceCode, PROVINCE_CODES - 1)) * ROWID_BITS + rowid;
}

/** The search_doc rowid inside an FTS rowid. */
function docRowid(frow: number): number {
  return frow % ROWID_BITS;
}

/** FTS rowids of a year (and province code), or of everything. */
function ftsRange(year: number | null | undefined, provinceCode: number | null): [number, number] {
  if (year == null) return [0, (MAX_YEAR + 1) * PROVINCE_CODES * ROWID_BITS];
  const y = yearKey(year) * PROVINCE_CODES;
  if (provinceCode === null || provinceCode >= PROVINCE_CODES - 1) return [y * ROWID_BITS, (y + PROVINCE_CODES) * ROWID_BITS - 1];
  return [(y + provinceCode) * ROWID_BITS, (y + provinceCode + 1) * ROWID_BITS - 1];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_province (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS search_doc (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT, province TEXT, year INTEGER, level TEXT, ingested INTEGER NOT NULL,
  symbol TEXT, name TEXT, title TEXT, issuer TEXT, subject TEXT,
  sym TEXT,
  -- the document's rowid in search_head and search_body (see ftsRowid)
  frow INTEGER NOT NULL,
  sig TEXT NOT NULL,
  -- write order: readers load the facet columns of rows written since they last looked (FacetCache)
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_doc_seq ON search_doc(seq);
-- covering, in hit order: the own-symbol tier reads no table row (a plan number recurs in every province)
CREATE INDEX IF NOT EXISTS search_doc_sym ON search_doc(sym, frow) WHERE sym IS NOT NULL;
CREATE INDEX IF NOT EXISTS search_doc_browse ON search_doc(ingested, year);
CREATE INDEX IF NOT EXISTS search_doc_kind ON search_doc(kind);
CREATE INDEX IF NOT EXISTS search_doc_province ON search_doc(province);
CREATE INDEX IF NOT EXISTS search_doc_year ON search_doc(year);
CREATE INDEX IF NOT EXISTS search_doc_level ON search_doc(level);
CREATE TABLE IF NOT EXISTS search_text (rowid INTEGER PRIMARY KEY, z BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search_head USING fts5(
  head_acc, head_fold, tags,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_body USING fts5(
  head, text, extra,
  content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2'
);
`;

/** FTS5 string literal: every user token goes through here. */
function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A folded token as FTS5 (unicode61) splits it: combining marks left after NFC are separators there. */
function bodyParts(folded: string): string[] {
  return folded.split(/\p{M}+/u).filter(Boolean);
}

/** The one-token form of a run of folded symbol tokens. */
function joined(tokens: readonly string[]): string {
  return tokens.flatMap(bodyParts).join(JOIN);
}

/** A symbol-like chunk of folded text: ASCII tokens joined by / . - _, or by / or - at a line break. */
const SYMBOL_RUN = /[a-z0-9]+(?:(?:[/.\-_]|[/-][^\S\n]*\n\s*)[a-z0-9]+)+/g;

/**
 * One token for every run of 2..MAX_JOIN adjacent tokens with a digit inside a
 * symbol-like chunk of `folded` (foldText of NFC text): "quyet dinh 217-qd/tw"
 * gives 217ǂqdǂtw and 217ǂqd (qdǂtw has no digit). Queries look such phrases up
 * as one token (search_body keeps no positions).
 */
export function symbolTokens(folded: string): string[] {
  const out = new Set<string>();
  for (const m of folded.matchAll(SYMBOL_RUN)) {
    if (!/[0-9]/.test(m[0])) continue;
    const toks = m[0].match(/[a-z0-9]+/g)!;
    for (let i = 0; i < toks.length; i++) {
      let digit = false;
      for (let j = i; j < Math.min(toks.length, i + MAX_JOIN); j++) {
        digit ||= /[0-9]/.test(toks[j]);
        if (j > i && digit) out.add(toks.slice(i, j + 1).join(JOIN));
      }
    }
  }
  return [...out];
}

const tagCache = new Map<string, string>();

/** Filter tokens of a document's (or a filter's) values: a letter per column and a hash of the exact value. */
export function tagTokens(values: SearchFilter): string[] {
  return TAG_COLUMNS.flatMap((col) => {
    const v = values[col];
    if (v == null) return [];
    const key = `${TAG_LETTER[col]}${typeof v === 'boolean' ? (v ? '1' : '0') : String(v)}`;
    let tag = tagCache.get(key);
    if (tag === undefined) {
      tag = `${JOIN}${key[0]}${createHash('sha1').update(key.slice(1)).digest('hex').slice(0, 12)}`;
      if (tagCache.size < 100_000) tagCache.set(key, tag);
    }
    return [tag];
  });
}

/** One tier: a MATCH on one FTS table, or the symbol look-up; its hits score `score`. */
export type Tier = { score: number; counts: boolean } & (
  | { table: 'search_head' | 'search_body'; match: string }
  /** Documents whose foldSymbol (lower case) is `symbol`. */
  | { table: 'search_doc'; symbol: string }
);

function headUnit(u: QueryUnit, accented: boolean): string {
  if (u.kind === 'phrase') return `{head_fold} : ${quote(u.folded.join(' '))}`;
  return accented && u.term !== u.folded ? `{head_acc} : ${quote(u.term)}` : `{head_fold} : ${quote(u.folded)}`;
}

function bodyUnit(u: QueryUnit): string[] {
  if (u.kind === 'word') return bodyParts(u.folded).map(quote);
  if (!u.folded.some((t) => /\p{N}/u.test(t))) return u.folded.flatMap(bodyParts).map(quote);
  // digit phrase: its symbol tokens; runs longer than MAX_JOIN as overlapping windows
  if (u.folded.length <= MAX_JOIN) return [quote(joined(u.folded))];
  const out: string[] = [];
  for (let i = 0; i + MAX_JOIN <= u.folded.length; i++) {
    const w = u.folded.slice(i, i + MAX_JOIN);
    out.push(...(w.some((t) => /\p{N}/u.test(t)) ? [quote(joined(w))] : w.flatMap(bodyParts).map(quote)));
  }
  return out;
}

/** The tiers of a parsed query (at least one unit) under a filter, best first. */
export function queryTiers(q: ParsedQuery, filter: SearchFilter = {}): Tier[] {
  const tags = tagTokens(filter).map(quote);
  const head = (parts: string[]) => [...parts, ...tags.map((t) => `tags : ${t}`)].join(' AND ');
  const tiers: Tier[] = [];
  // counted: the symbol is in the short fields, which search_body holds too, but a symbol
  // written with spaces ("33 /CT-TTg") gives no symbol token there
  if (q.symbol) tiers.push({ table: 'search_doc', symbol: q.symbol, score: 4, counts: true });
  if (q.units.some((u) => u.kind === 'word' && u.term !== u.folded)) {
    tiers.push({ table: 'search_head', match: head(q.units.map((u) => headUnit(u, true))), score: 3, counts: false });
  }
  tiers.push({ table: 'search_head', match: head(q.units.map((u) => headUnit(u, false))), score: 2, counts: false });
  tiers.push({ table: 'search_body', match: [...new Set([...q.units.flatMap(bodyUnit), ...tags])].join(' AND '), score: 1, counts: true });
  return tiers;
}

/** A text as [part count, part byte lengths…] (uint32 LE), then its parts (lead, rest), each UTF-8 deflated. */
export function packText(text: string): Buffer {
  const parts = [text.slice(0, TEXT_LEAD), text.slice(TEXT_LEAD)]
    .filter((p) => p.length > 0)
    .map((p) => deflateRawSync(Buffer.from(p), { level: DEFLATE_LEVEL }));
  const head = Buffer.alloc(4 * (parts.length + 1));
  head.writeUInt32LE(parts.length, 0);
  parts.forEach((p, i) => head.writeUInt32LE(p.length, 4 * (i + 1)));
  return Buffer.concat([head, ...parts]);
}

/** The parts of a packed text, inflated one at a time as they are read. */
export function* unpackText(z: Buffer): Generator<string> {
  const n = z.readUInt32LE(0);
  let at = 4 * (n + 1);
  for (let i = 0; i < n; i++) {
    const len = z.readUInt32LE(4 * (i + 1));
    yield inflateRawSync(z.subarray(at, at + len)).toString('utf8');
    at += len;
  }
}

function nfc(s: string | null): string | null {
  return s === null ? null : s.normalize('NFC');
}

function checkDoc(d: SearchDoc): void {
  if (typeof d.id !== 'string' || d.id === '') throw new Error(`search document has no id: ${JSON.stringify(d).slice(0, 200)}`);
  if (d.year != null && !Number.isInteger(d.year)) throw new Error(`search document ${d.id}: year ${d.year} is not an integer`);
}

interface DocRow {
  rowid: number;
  id: string;
  symbol: string | null;
  name: string | null;
  title: string | null;
  issuer: string | null;
  subject: string | null;
}

type Statements = ReturnType<typeof prepareWrites>;

function prepareWrites(db: Database.Database) {
  return {
    find: db.prepare<[string], { rowid: number; frow: number; sig: string }>('SELECT rowid, frow, sig FROM search_doc WHERE id = ?'),
    lastSeq: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM search_doc').pluck(),
    insert: db.prepare(
      `INSERT INTO search_doc (rowid, id, kind, province, year, level, ingested, symbol, name, title, issuer, subject, sym, frow, sig, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ),
    update: db.prepare(
      `UPDATE search_doc SET kind = ?, province = ?, year = ?, level = ?, ingested = ?,
         symbol = ?, name = ?, title = ?, issuer = ?, subject = ?, sym = ?, sig = ?, seq = ? WHERE rowid = ?`,
    ),
    setFrow: db.prepare('UPDATE search_doc SET frow = ? WHERE rowid = ?'),
    provinceCode: db.prepare<[string], number>('SELECT code FROM search_province WHERE name = ?').pluck(),
    newProvince: db.prepare<[string], number>('INSERT INTO search_province (name) VALUES (?) RETURNING code').pluck(),
    putText: db.prepare('INSERT OR REPLACE INTO search_text (rowid, z) VALUES (?, ?)'),
    dropText: db.prepare('DELETE FROM search_text WHERE rowid = ?'),
    dropHead: db.prepare('DELETE FROM search_head WHERE rowid = ?'),
    dropBody: db.prepare('DELETE FROM search_body WHERE rowid = ?'),
    dropDoc: db.prepare('DELETE FROM search_doc WHERE rowid = ?'),
    putHead: db.prepare('INSERT INTO search_head (rowid, head_acc, head_fold, tags) VALUES (?, ?, ?, ?)'),
    putBody: db.prepare('INSERT INTO search_body (rowid, head, text, extra) VALUES (?, ?, ?, ?)'),
  };
}

/**
 * Index one document (in the caller's IMMEDIATE transaction, so that `seq`, the
 * write counter, follows the last committed one); `rowid` forces the row id of a
 * new document (migration).
 */
function writeDoc(st: Statements, seq: { last: number }, d: SearchDoc, rowid?: number): void {
  const shown = [nfc(d.symbol), nfc(d.name), nfc(d.title), nfc(d.issuer), nfc(d.subject)];
  const facets = [d.kind, d.province, d.year, d.level, d.ingested ? 1 : 0];
  const text = d.text === null ? null : d.text.normalize('NFC');
  const sig = createHash('sha1').update(JSON.stringify([...facets, ...shown])).update('\u0000').update(text ?? '\u0001').digest('base64');
  const old = st.find.get(d.id);
  if (old?.sig === sig) return;
  const sym = d.symbol ? foldSymbol(d.symbol).toLowerCase() || null : null;
  let id: number;
  if (old) {
    id = old.rowid;
    st.update.run(...facets, ...shown, sym, sig, ++seq.last, id);
    st.dropHead.run(old.frow);
    st.dropBody.run(old.frow);
  } else {
    id = Number(st.insert.run(rowid ?? null, d.id, ...facets, ...shown, sym, sig, ++seq.last).lastInsertRowid);
  }
  const frow = ftsRowid(d.year, d.province === null ? 0 : (st.provinceCode.get(d.province) ?? st.newProvince.get(d.province)!), id);
  if (frow !== old?.frow) st.setFrow.run(frow, id);
  if (text) st.putText.run(id, packText(text.slice(0, SNIPPET_TEXT_LIMIT)));
  else if (old) st.dropText.run(id);

  const head = canonicalVi(headText(d));
  const tags = tagTokens(d).join(' ');
  st.putHead.run(frow, head, foldText(head), tags);
  // folded here (foldText: Vietnamese letters and đ to ASCII), the text tokenises ~2× faster
  // than raw text with FTS5's own remove_diacritics, which also lacks đ → d
  const headFolded = foldText(head);
  const textFolded = text ? foldText(text) : '';
  const symbols = new Set([...symbolTokens(headFolded), ...symbolTokens(textFolded)]);
  st.putBody.run(frow, headFolded, textFolded, `${[...symbols].join(' ')} ${tags}`);
}

type Facet = (typeof FACETS)[number];
const NO_YEAR = -0x80000000;

type FacetRow = [number, string | null, string | null, number | null, string | null, number];

/**
 * Facet columns in memory (~8 bytes a document), by rowid: counting the facets
 * of a 1 000-row sample is then a few array reads instead of 1 000 table look-ups
 * (measured: 3.7 ms of CPU per query at 100k). Rows are read on demand, the first
 * time a sample holds them, so a short-lived process (one CLI search) reads no
 * more than the SQL count would; before each count, the rows written since
 * (search_doc.seq, indexed) by this connection or any other are read again.
 * Deleted documents may stay in the arrays, harmlessly: samples come from the
 * index, which no longer has them.
 */
class FacetCache {
  /** Highest search_doc.seq seen; -1 before the first use. */
  private seq = -1;
  private readonly codes = { kind: new Map<string, number>(), province: new Map<string, number>(), level: new Map<string, number>() };
  private readonly values: Record<'kind' | 'province' | 'level', string[]> = { kind: [''], province: [''], level: [''] };
  private cols = { known: new Uint8Array(0), kind: new Uint16Array(0), province: new Uint16Array(0), level: new Uint16Array(0), year: new Int32Array(0) };

  private code(f: 'kind' | 'province' | 'level', v: string | null): number {
    if (v === null) return 0;
    let c = this.codes[f].get(v);
    if (c === undefined) {
      if (this.values[f].length > 0xffff) return 0; // past 65 535 distinct values, new ones are not counted
      c = this.values[f].push(v) - 1;
      this.codes[f].set(v, c);
    }
    return c;
  }

  private room(rowid: number): void {
    if (rowid < this.cols.year.length) return;
    const n = Math.max(1024, 2 ** Math.ceil(Math.log2(rowid + 1)));
    const grow = <T extends Uint8Array | Uint16Array | Int32Array>(a: T, b: T, fill = 0): T => {
      b.fill(fill as never);
      b.set(a as never);
      return b;
    };
    const c = this.cols;
    this.cols = {
      known: grow(c.known, new Uint8Array(n)),
      kind: grow(c.kind, new Uint16Array(n)),
      province: grow(c.province, new Uint16Array(n)),
      level: grow(c.level, new Uint16Array(n)),
      year: grow(c.year, new Int32Array(n), NO_YEAR),
    };
  }

  /** Store a row; only rows read through since() move `seq` (a row read on demand may be newer than rows not read yet). */
  private put([rowid, kind, province, year, level, seq]: FacetRow, advance: boolean): void {
    this.room(rowid);
    this.cols.known[rowid] = 1;
    this.cols.kind[rowid] = this.code('kind', kind);
    this.cols.province[rowid] = this.code('province', province);
    this.cols.level[rowid] = this.code('level', level);
    this.cols.year[rowid] = year ?? NO_YEAR;
    if (advance && seq > this.seq) this.seq = seq;
  }

  /**
   * Facet counts of `sample`. `lastSeq` gives the current highest seq (first use),
   * `since` the rows written after a seq, `rows` the rows of some rowids.
   */
  count(
    sample: readonly number[],
    db: { lastSeq: () => number; since: (seq: number) => Iterable<FacetRow>; rows: (rowids: number[]) => Iterable<FacetRow> },
  ): SearchResult['facets'] {
    if (this.seq < 0) this.seq = db.lastSeq();
    else for (const row of db.since(this.seq)) this.put(row, true);
    const missing = sample.filter((r) => !(r < this.cols.known.length && this.cols.known[r]));
    if (missing.length) for (const row of db.rows(missing)) this.put(row, false);

    const out = {} as SearchResult['facets'];
    for (const f of FACETS) {
      const col = this.cols[f];
      const none = f === 'year' ? NO_YEAR : 0;
      const n = new Map<number, number>();
      for (const r of sample) {
        const c = r < col.length ? col[r] : none;
        if (c !== none) n.set(c, (n.get(c) ?? 0) + 1);
      }
      out[f] = [...n].map(([c, count]) => ({ value: f === 'year' ? String(c) : this.values[f as Exclude<Facet, 'year'>][c], count })).sort(byCountThenValue);
    }
    return out;
  }
}

export class SqliteSearchIndex implements SearchIndex {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly countCap: number;
  /** Prepared read statements by SQL (a statement keeps its pluck mode: one SQL text, one use). */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly facets = new FacetCache();

  /** `dbOrPath`: an open database (shared with the graph; not closed by close()) or a file path. */
  constructor(dbOrPath: Database.Database | string = ':memory:', opts: SqliteSearchOptions = {}) {
    this.ownsDb = typeof dbOrPath === 'string';
    this.db = typeof dbOrPath === 'string' ? new Database(dbOrPath) : dbOrPath;
    this.countCap = opts.countCap ?? 1_000;
    if (this.ownsDb && dbOrPath !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
  }

  private stmt<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st as Database.Statement<P, R>;
  }

  private has(table: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ? AND type IN ('table', 'view')").get(table) !== undefined;
  }

  async init(): Promise<void> {
    const v1 = this.has('search_fts');
    const version = this.has('search_meta')
      ? Number((this.db.prepare("SELECT value FROM search_meta WHERE key = 'schema'").pluck().get() as string | undefined) ?? 0)
      : v1 ? 1 : 0;
    if (version > SCHEMA_VERSION) {
      throw new Error(`search index schema ${version} is newer than this cancu (schema ${SCHEMA_VERSION}); upgrade cancu`);
    }
    if (version === SCHEMA_VERSION && !this.has('search_doc_v1')) return; // current: nothing to write (read-only connections stop here)
    if (this.db.readonly) {
      throw new Error(
        version === 0
          ? 'search index has no tables yet: open it read-write first (cancu ingest or cancu serve create them)'
          : `search index uses schema ${version}, this cancu needs ${SCHEMA_VERSION}: open it once read-write (cancu ingest or cancu serve) to upgrade it`,
      );
    }
    let dropped = 0;
    this.db.transaction(() => {
      if (version === DEV_SCHEMA && this.has('search_province')) {
        this.db.exec('DROP INDEX IF EXISTS search_doc_sym'); // SCHEMA makes it again, covering
      } else if (version === DEV_SCHEMA) {
        dropped = (this.has('search_doc') ? this.db.prepare('SELECT count(*) FROM search_doc').pluck().get() : 0) as number;
        for (const t of ['search_doc', 'search_text', 'search_head', 'search_body', 'search_province']) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      }
      if (v1) {
        // keep schema 1's documents (with their texts) aside for migrate(); drop its index
        for (const ix of ['search_doc_kind', 'search_doc_province', 'search_doc_year', 'search_doc_level']) this.db.exec(`DROP INDEX IF EXISTS ${ix}`);
        this.db.exec('ALTER TABLE search_doc RENAME TO search_doc_v1; DROP TABLE search_fts;');
      }
      const fresh = !this.has('search_body');
      this.db.exec(SCHEMA);
      if (fresh) {
        // see the module comment; a larger in-memory hash (default 1 MB) flushes a big transaction in fewer segments
        for (const [table, hash] of [['search_head', 8 << 20], ['search_body', 32 << 20]] as const) {
          this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('pgsz', 1000), ('automerge', 2), ('hashsize', ${hash})`);
        }
      }
      this.db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
    })();
    if (dropped > 0) {
      process.stderr.write(
        `cancu: the search index had an early development layout (schema ${DEV_SCHEMA}); its ${dropped} documents were dropped: run cancu ingest on your files again to index them (files already in the graph are indexed again)\n`,
      );
    }
    if (this.has('search_doc_v1')) this.migrate();
  }

  /** Re-index schema 1's documents into the current schema, keeping their row ids. */
  private migrate(): void {
    const total = this.db.prepare('SELECT count(*) FROM search_doc_v1').pluck().get() as number;
    if (total > 0) process.stderr.write(`cancu: upgrading the search index to schema ${SCHEMA_VERSION} (${total} documents)…\n`);
    const t0 = performance.now();
    const st = prepareWrites(this.db);
    const batch = this.db.prepare<[number], Omit<SearchDoc, 'ingested'> & { rowid: number; ingested: number }>(
      `SELECT rowid, id, kind, symbol, name, title, issuer, subject, text, province, year, level, ingested
       FROM search_doc_v1 ORDER BY rowid LIMIT ?`,
    );
    const done = this.db.prepare('DELETE FROM search_doc_v1 WHERE rowid <= ?');
    for (;;) {
      const rows = batch.all(MIGRATE_BATCH);
      if (rows.length === 0) break;
      this.db.transaction(() => {
        const seq = { last: st.lastSeq.get()! };
        for (const { rowid, ...r } of rows) writeDoc(st, seq, { ...r, ingested: r.ingested === 1 }, rowid);
        done.run(rows[rows.length - 1].rowid);
      }).immediate();
    }
    this.db.exec('DROP TABLE search_doc_v1');
    // schema 1 was ~6× larger: give the space back (only on a file of our own, not the graph's)
    if (this.ownsDb) this.db.exec('VACUUM');
    if (total > 0) process.stderr.write(`cancu: search index upgraded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }

  async close(): Promise<void> {
    if (this.ownsDb && this.db.open) this.db.close();
  }

  async upsert(docs: readonly SearchDoc[]): Promise<void> {
    docs.forEach(checkDoc);
    const st = prepareWrites(this.db);
    this.db.transaction(() => {
      const seq = { last: st.lastSeq.get()! };
      for (const d of docs) writeDoc(st, seq, d);
    }).immediate();
  }

  async remove(ids: readonly string[]): Promise<void> {
    const st = prepareWrites(this.db);
    this.db.transaction(() => {
      for (const id of ids) {
        const row = st.find.get(id);
        if (!row) continue;
        st.dropHead.run(row.frow);
        st.dropBody.run(row.frow);
        st.dropText.run(row.rowid);
        st.dropDoc.run(row.rowid);
      }
    })();
  }

  async search(query: string, opts: { filter?: SearchFilter; limit: number; offset: number }): Promise<SearchResult> {
    checkPage(opts.limit, opts.offset);
    const parsed = parseQuery(query);
    const filter = opts.filter ?? {};
    const end = Math.min(opts.offset + opts.limit, MAX_WINDOW);
    const { page, sample, exact } = parsed.units.length > 0 ? this.matchTiers(parsed, filter, end) : this.browse(filter, end);
    const hits = this.hits(page.slice(opts.offset), parsed);

    // after the index reads: every row they saw was committed before this look
    const cols = 'rowid, kind, province, year, level, seq';
    const facets = this.facets.count(sample, {
      lastSeq: () => this.stmt<[], number>('SELECT coalesce(max(seq), 0) FROM search_doc').pluck().get()!,
      since: (seq) => this.stmt<[number], FacetRow>(`SELECT ${cols} FROM search_doc WHERE seq > ?`).raw().iterate(seq),
      rows: (rowids) =>
        this.stmt<[string], FacetRow>(`SELECT ${cols} FROM search_doc WHERE rowid IN (SELECT value FROM json_each(?))`).raw().iterate(JSON.stringify(rowids)),
    });
    return { hits, totalCount: sample.length, totalCountExact: exact, facets };
  }

  /**
   * Hits up to `end`, and the counted sample. The match set M is what the counted
   * tiers (own symbol, anywhere) find; the sample W is its newest countCap + 1
   * documents (all of M when exact). Hits are: the own-symbol tier, then the
   * header tiers within W's span, then the rest of W, then the rest of M, each
   * newest first. Header tiers are only walked over W's span, so no tier reads
   * further back than the counting did.
   */
  private matchTiers(parsed: ParsedQuery, filter: SearchFilter, end: number): { page: { rowid: number; score: number }[]; sample: number[]; exact: boolean } {
    let code: number | null = null;
    if (filter.province != null) {
      code = this.stmt<[string], number>('SELECT code FROM search_province WHERE name = ?').pluck().get(filter.province) ?? null;
      if (code === null) return { page: [], sample: [], exact: true }; // no document of that province
    }
    const [lo, hi] = ftsRange(filter.year, code);
    const tiers = queryTiers(parsed, filter);
    // the bounds as BigInt: better-sqlite3 binds a number as REAL, and FTS5 seeks to an
    // INTEGER bound only (with REAL ones SQLite filters every row of the match: 50 ms at 1M)
    const fts = (match: string, from: number, to: number, limit: number, table: 'search_head' | 'search_body') =>
      this.stmt<[string, bigint, bigint, number], number>(
        `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?`,
      )
        .pluck()
        .all(match, BigInt(from), BigInt(to), limit)
        .map((f): [number, number] => [docRowid(f), f]);
    const rowsOf = (tier: Tier, from: number, to: number, limit: number) =>
      tier.table === 'search_doc' ? this.symbolRows(tier.symbol, filter, code, from, to, limit) : fts(tier.match, from, to, limit, tier.table);

    // the counted tiers: their union, newest first
    const cap = this.countCap;
    const matched = new Map<number, number>();
    const counted = new Map<Tier, [number, number][]>();
    let exact = true;
    for (const tier of tiers.filter((t) => t.counts)) {
      const rows = rowsOf(tier, lo, hi, cap + 1);
      counted.set(tier, rows);
      if (rows.length > cap) exact = false;
      for (const [r, f] of rows) matched.set(r, f);
    }
    // when a tier was cut, its newest cap + 1 rows (and all rows of the others)
    // still hold the newest cap + 1 rows of the union
    const window = [...matched].sort((a, b) => b[1] - a[1]).slice(0, exact ? undefined : cap + 1);
    if (window.length === 0) return { page: [], sample: [], exact: true };
    const windowLo = window[window.length - 1][1];

    const page: { rowid: number; score: number }[] = [];
    const seen = new Set<number>();
    const take = (rows: [number, number][], score: number) => {
      for (const [r] of rows) {
        if (page.length >= end) return;
        if (!seen.has(r)) (seen.add(r), page.push({ rowid: r, score }));
      }
    };
    for (const tier of tiers) {
      if (page.length >= end) break;
      if (tier.table === 'search_body') {
        take(window, tier.score);
        // past the window (paging beyond countCap matches): the body tier goes on
        if (!exact && page.length < end) take(fts(tier.match, lo, windowLo - 1, end - page.length + seen.size, tier.table), tier.score);
      } else {
        take(counted.get(tier) ?? rowsOf(tier, windowLo, hi, end - page.length + seen.size), tier.score);
      }
    }
    return { page, sample: window.map(([r]) => r), exact };
  }

  /**
   * The own-symbol tier, from the covering index (sym, frow): the year is the range
   * [lo, hi] of FTS rowids, the province their code part; other filters read columns.
   */
  private symbolRows(symbol: string, filter: SearchFilter, code: number | null, lo: number, hi: number, limit: number): [number, number][] {
    const shared = code !== null && code >= PROVINCE_CODES - 1;
    const { where, params } = filterSql({ ...filter, year: null, province: shared ? filter.province : null });
    if (code !== null && !shared) {
      where.push(`(frow / ${ROWID_BITS}) % ${PROVINCE_CODES} = ?`);
      params.push(code);
    }
    return this.stmt<unknown[], [number, number]>(
      `SELECT rowid, frow FROM search_doc WHERE sym = ? AND frow BETWEEN ? AND ?${where.map((w) => ` AND ${w}`).join('')}
       ORDER BY frow DESC LIMIT ?`,
    )
      .raw()
      .all(symbol, lo, hi, ...params, limit);
  }

  /** Merge each FTS index into one segment: after a bulk load, queries walk one doclist per word instead of several. */
  async optimize(): Promise<void> {
    for (const table of ['search_head', 'search_body']) this.db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  }

  /** No query: ingested documents first, newest year first; the sample is the first countCap + 1 filtered rows. */
  private browse(filter: SearchFilter, end: number): { page: { rowid: number; score: number }[]; sample: number[]; exact: boolean } {
    const { where, params } = filterSql(filter);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = this
      .stmt<unknown[], number>(`SELECT rowid FROM search_doc ${cond} ORDER BY ingested DESC, year DESC, rowid DESC LIMIT ?`)
      .pluck()
      .all(...params, end)
      .map((rowid) => ({ rowid, score: 0 }));
    const sample = this.stmt<unknown[], number>(`SELECT rowid FROM search_doc ${cond} LIMIT ?`).pluck().all(...params, this.countCap + 1);
    return { page, sample, exact: sample.length <= this.countCap };
  }

  /** The page's documents with highlighted snippets (text snippets from the stored, deflated text). */
  private hits(page: { rowid: number; score: number }[], parsed: ParsedQuery): SearchHit[] {
    if (page.length === 0) return [];
    const ids = JSON.stringify(page.map((p) => p.rowid));
    const docs = new Map(
      this
        .stmt<[string], DocRow>(`SELECT rowid, id, symbol, name, title, issuer, subject FROM search_doc WHERE rowid IN (SELECT value FROM json_each(?))`)
        .all(ids)
        .map((r) => [r.rowid, r]),
    );
    if (parsed.units.length === 0) return page.map(({ rowid, score }) => ({ id: docs.get(rowid)!.id, score, highlights: [] }));
    const texts = new Map(
      this
        .stmt<[string], { rowid: number; z: Buffer }>('SELECT rowid, z FROM search_text WHERE rowid IN (SELECT value FROM json_each(?))')
        .all(ids)
        .map((r) => [r.rowid, r.z]),
    );
    const marks = new Highlighter(highlightTerms(parsed));
    return page.map(({ rowid, score }) => {
      const r = docs.get(rowid)!;
      const z = texts.get(rowid);
      const highlights = HIGHLIGHT_FIELDS.flatMap((field) => {
        const snippet = field === 'text' ? (z ? marks.snippetParts(unpackText(z)) : null) : r[field] ? marks.snippet(r[field]!) : null;
        return snippet ? [{ field, snippet }] : [];
      });
      return { id: r.id, score, highlights };
    });
  }
}

/** Parameterised WHERE fragments for the filter (column names come from a fixed list). */
function filterSql(filter: SearchFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const col of FILTER_COLUMNS) {
    const v = filter[col];
    if (v == null) continue;
    where.push(`${col} = ?`);
    params.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  return { where, params };
}
