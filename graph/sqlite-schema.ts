/**
 * SQLite schema of the graph store, as an ordered list of migrations.
 * `schema_version` holds how many have been applied; never edit a shipped
 * migration, append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    kind TEXT, symbol TEXT, symbol_folded TEXT, name TEXT, title TEXT, date TEXT, year INTEGER,
    issuer TEXT, subject TEXT, level TEXT, province TEXT,
    ingested INTEGER NOT NULL DEFAULT 0, file TEXT, content_hash TEXT
  ) WITHOUT ROWID;
  CREATE INDEX documents_symbol ON documents(symbol_folded, year) WHERE symbol_folded IS NOT NULL;
  CREATE INDEX documents_province_year ON documents(province, year);
  CREATE INDEX documents_content_hash ON documents(content_hash) WHERE content_hash IS NOT NULL;

  CREATE TABLE document_texts (
    id TEXT PRIMARY KEY REFERENCES documents(id),
    text TEXT NOT NULL
  );

  CREATE TABLE edges (
    id INTEGER PRIMARY KEY,
    src TEXT NOT NULL REFERENCES documents(id),
    dst TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,
    UNIQUE (src, type, dst)
  );
  CREATE INDEX edges_dst_type ON edges(dst, type, src);

  CREATE TABLE evidence (
    edge_id INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
    source TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    stated INTEGER NOT NULL,
    PRIMARY KEY (edge_id, source, start, end)
  ) WITHOUT ROWID;
  CREATE INDEX evidence_source ON evidence(source);

  CREATE TABLE unresolved (
    source TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    key TEXT NOT NULL,
    symbol TEXT, name TEXT, kind TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    candidates TEXT NOT NULL,
    section TEXT NOT NULL,
    PRIMARY KEY (source, start, end, key)
  ) WITHOUT ROWID;

  CREATE TABLE localities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    parent TEXT REFERENCES localities(id) DEFERRABLE INITIALLY DEFERRED,
    snapshot TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX localities_parent ON localities(parent);
  `,
  // 2: graph_log, one row per written file: the ids (JSON array) of the documents whose
  // derivation edges or filter fields (year, level, province) the write may have changed.
  // Readers apply the rows after their position to their in-memory adjacency
  // (graph/adjacency.ts); writers keep the last rows only (LOG_KEEP in sqlite-store.ts).
  `
  CREATE TABLE graph_log (seq INTEGER PRIMARY KEY, docs TEXT NOT NULL);
  `,
  // 3: a local number in one province ("18/KH-UBND" of Trà Vinh): at 1M plans a symbol has
  // thousands of documents across provinces and years, and ingest looks them up per citation.
  `
  CREATE INDEX documents_symbol_province ON documents(symbol_folded, province, year) WHERE symbol_folded IS NOT NULL;
  `,
];
