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
  // 4: how many edges of each type come into a document from citing documents of each province
  // and year, so that "cited by, in this province" counts without reading every citing document
  // (a law cited by 287k plans at 1M: 0.4-0.9 s). Kept by triggers in the same transaction as the
  // write, so it always equals the GROUP BY below: an edge counts under its source's current
  // province and year, and moves when they change. A missing province is stored as '', a missing year as 0.
  `
  CREATE TABLE incoming_counts (
    dst TEXT NOT NULL,
    type TEXT NOT NULL,
    province TEXT NOT NULL,
    year INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (dst, type, province, year)
  ) WITHOUT ROWID;
  INSERT INTO incoming_counts (dst, type, province, year, n)
    SELECT e.dst, e.type, coalesce(d.province, ''), coalesce(d.year, 0), count(*)
    FROM edges e JOIN documents d ON d.id = e.src GROUP BY 1, 2, 3, 4;

  CREATE TRIGGER incoming_counts_edge_insert AFTER INSERT ON edges BEGIN
    INSERT INTO incoming_counts (dst, type, province, year, n)
      SELECT NEW.dst, NEW.type, coalesce(province, ''), coalesce(year, 0), 1 FROM documents WHERE id = NEW.src
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER incoming_counts_edge_delete AFTER DELETE ON edges BEGIN
    UPDATE incoming_counts SET n = n - 1
      WHERE dst = OLD.dst AND type = OLD.type
        AND (province, year) = (SELECT coalesce(province, ''), coalesce(year, 0) FROM documents WHERE id = OLD.src);
    DELETE FROM incoming_counts WHERE dst = OLD.dst AND type = OLD.type AND n = 0;
  END;
  -- an edge's src, dst and type are its identity (the upsert rewrites src with itself); should one change, it moves
  CREATE TRIGGER incoming_counts_edge_update AFTER UPDATE OF src, dst, type ON edges
    WHEN OLD.src IS NOT NEW.src OR OLD.dst IS NOT NEW.dst OR OLD.type IS NOT NEW.type BEGIN
    UPDATE incoming_counts SET n = n - 1
      WHERE dst = OLD.dst AND type = OLD.type
        AND (province, year) = (SELECT coalesce(province, ''), coalesce(year, 0) FROM documents WHERE id = OLD.src);
    DELETE FROM incoming_counts WHERE dst = OLD.dst AND type = OLD.type AND n = 0;
    INSERT INTO incoming_counts (dst, type, province, year, n)
      SELECT NEW.dst, NEW.type, coalesce(province, ''), coalesce(year, 0), 1 FROM documents WHERE id = NEW.src
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER incoming_counts_citing_document AFTER UPDATE OF province, year ON documents
    WHEN coalesce(OLD.province, '') <> coalesce(NEW.province, '') OR coalesce(OLD.year, 0) <> coalesce(NEW.year, 0) BEGIN
    UPDATE incoming_counts SET n = n - 1
      WHERE province = coalesce(OLD.province, '') AND year = coalesce(OLD.year, 0)
        AND (dst, type) IN (SELECT dst, type FROM edges WHERE src = NEW.id);
    DELETE FROM incoming_counts WHERE province = coalesce(OLD.province, '') AND year = coalesce(OLD.year, 0) AND n = 0
        AND (dst, type) IN (SELECT dst, type FROM edges WHERE src = NEW.id);
    INSERT INTO incoming_counts (dst, type, province, year, n)
      SELECT dst, type, coalesce(NEW.province, ''), coalesce(NEW.year, 0), 1 FROM edges WHERE src = NEW.id
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  `,
];
