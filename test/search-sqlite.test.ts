/** The search contract on SQLite FTS5, plus what only the SQLite engine promises. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSearchIndex, searchConfigFromEnv } from '../src/search/open-index.ts';
import { parseQuery } from '../src/search/query.ts';
import type { SearchDoc, SearchFilter } from '../src/search/search-index.ts';
import { MAX_WINDOW, queryTiers, SNIPPET_TEXT_LIMIT, SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { HAND, searchContract } from './search.contract.ts';

searchContract('sqlite', async () => new SqliteSearchIndex());

/** The schema 1 tables (before the tiered index), to test the upgrade. */
const SCHEMA_V1 = `
CREATE TABLE search_doc (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  kind TEXT, province TEXT, year INTEGER, level TEXT, ingested INTEGER NOT NULL,
  symbol TEXT, name TEXT, title TEXT, issuer TEXT, subject TEXT, text TEXT
);
CREATE INDEX search_doc_kind ON search_doc(kind);
CREATE INDEX search_doc_province ON search_doc(province);
CREATE INDEX search_doc_year ON search_doc(year);
CREATE INDEX search_doc_level ON search_doc(level);
CREATE VIRTUAL TABLE search_fts USING fts5(
  sym, head_acc, head_fold, body_acc, body_fold,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
`;

function doc(id: string, title: string, year = 2020): SearchDoc {
  return {
    id, kind: 'Kế hoạch', symbol: null, name: null, title, issuer: null, subject: null, text: null,
    province: null, year, level: null, ingested: false,
  };
}

describe('SQLite FTS5 search', () => {
  it("needs our own folding: FTS5's remove_diacritics 2 leaves đ unfolded", () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t(a) VALUES (?)').run('Đảng ủy đồng ý');
    const count = (q: string) => (db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?').get(q) as { n: number }).n;
    expect(count('uy')).toBe(1); // tone marks are removed…
    expect(count('đong')).toBe(1);
    expect(count('dang')).toBe(0); // …but đ is not d
    expect(count('dong')).toBe(0);
  });

  it('ranks an exact-accent match above an accent-free one', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    await ix.upsert([doc('plain', 'công tác hoa viên'), doc('accent', 'công tác hòa giải'), doc('other', 'công tác hoa hồng')]);
    for (const q of ['hòa', 'hoà', 'công tác hòa']) {
      expect((await ix.search(q, { limit: 10, offset: 0 })).hits[0].id, q).toBe('accent');
    }
    expect((await ix.search('hoa', { limit: 10, offset: 0 })).totalCount).toBe(3);
  });

  it('quotes every user token in the MATCH expressions it builds', () => {
    for (const q of ['dân" OR NEAR(vận) title:x *', '33/CT-TTg dân* "x" sym:1', 'a-b c_d 1.2.3.4.5.6.7 ^x']) {
      const tiers = queryTiers(parseQuery(q), { province: 'x" OR y', year: 2020 });
      for (const tier of tiers) {
        if (tier.table === 'search_doc') continue; // a bound parameter
        const bare = tier.match.replace(/"(?:[^"]|"")*"/g, 'Q');
        // outside quoted strings only our own syntax remains: column filters and AND
        expect(bare.replace(/\{head_(?:acc|fold)\}|tags|AND|[:\s]|Q/g, ''), `${q} → ${tier.match}`).toBe('');
      }
    }
    const all = queryTiers(parseQuery('dân" OR NEAR(vận) title:x *')).map((t) => ('match' in t ? t.match : t.symbol)).join(' ');
    expect(all).toContain('"near"');
    expect(all).toContain('"or"');
    expect(all).toContain('"title"');
  });

  it('bounds counting: past countCap, totalCount and facets cover the newest matches and say so; paging does not', async () => {
    const ix = new SqliteSearchIndex(':memory:', { countCap: 3 });
    await ix.init();
    await ix.upsert(['a', 'b', 'c', 'd', 'e'].map((id, i) => doc(id, `kế hoạch dân vận ${id}`, 2020 + i)));
    const capped = await ix.search('dân vận', { limit: 10, offset: 0 });
    expect(capped.totalCount).toBe(4);
    expect(capped.totalCountExact).toBe(false);
    expect(capped.facets.year.map((f) => f.value).sort()).toEqual(['2021', '2022', '2023', '2024']);
    // hits are not limited to the counted rows: every match, newest first
    expect(capped.hits.map((h) => h.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    const exact = await ix.search('dân vận e', { limit: 10, offset: 0 });
    expect([exact.totalCount, exact.totalCountExact]).toEqual([1, true]);
    // paging stops at MAX_WINDOW hits
    expect((await ix.search('dân vận', { limit: 10, offset: MAX_WINDOW })).hits).toEqual([]);
  });

  it('ranks in tiers, each newest year first: own symbol, header with the accents, header, anywhere', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    const body = (id: string, text: string, year: number) => ({ ...doc(id, 'Kế hoạch năm', year), ingested: true, text });
    await ix.upsert([
      { ...doc('ct33', 'về công tác dân vận', 2021), symbol: '33/CT-TTg' },
      body('old-body', 'Thực hiện Chỉ thị số 33/CT-TTg về công tác dân vận', 2019),
      doc('head-acc', 'Hòa giải ở cơ sở theo Chỉ thị 33', 2018),
      body('new-body', 'Căn cứ Chỉ thị 33/CT-TTg; công tác hòa giải ở cơ sở', 2024),
      doc('head-fold', 'Hoa giai o co so chi thi 33', 2017),
    ]);
    const ids = async (q: string) => (await ix.search(q, { limit: 10, offset: 0 })).hits.map((h) => h.id);
    expect(await ids('33/CT-TTg')).toEqual(['ct33', 'new-body', 'old-body']);
    expect(await ids('33 CT TTg')).toEqual(['ct33', 'new-body', 'old-body']);
    expect(await ids('hòa giải chỉ thị 33')).toEqual(['head-acc', 'head-fold', 'new-body']);
    // within a tier: newest year first (head-acc is 2018, head-fold 2017, though written last)
    expect(await ids('hoa giai chi thi 33')).toEqual(['head-acc', 'head-fold', 'new-body']);
    // scores fall with the tier
    const scores = (await ix.search('hòa giải chỉ thị 33', { limit: 10, offset: 0 })).hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // words match whole: no prefix search
    expect(await ids('hoa gia')).toEqual([]);
    // a digit-bearing symbol in a text matches as written, or broken at a line end, not as separate words
    await ix.upsert([body('broken', 'theo Quy định số 218-\n\nQĐ/TW và 3 QĐ khác', 2025), body('scattered', 'số 218 ngày 3, QĐ, TW', 2025)]);
    expect(await ids('218-QĐ/TW')).toEqual(['broken']);
    expect((await ids('218 QD TW')).sort()).toEqual(['broken', 'scattered']);
  });

  it('ranks header matches first within the counted window only: past countCap, older ones come with the body matches', async () => {
    const docs = [
      doc('old-head', 'kế hoạch thi đua', 2000),
      ...[2020, 2021, 2022].map((y) => ({ ...doc(`body-${y}`, 'Kế hoạch năm', y), ingested: true, text: 'phát động thi đua' })),
    ];
    const order = async (countCap: number) => {
      const ix = new SqliteSearchIndex(':memory:', { countCap });
      await ix.init();
      await ix.upsert(docs);
      const r = await ix.search('thi đua', { limit: 10, offset: 0 });
      return [r.hits.map((h) => h.id), r.totalCount, r.totalCountExact];
    };
    expect(await order(10)).toEqual([['old-head', 'body-2022', 'body-2021', 'body-2020'], 4, true]);
    expect(await order(2)).toEqual([['body-2022', 'body-2021', 'body-2020', 'old-head'], 3, false]);
  });

  it('filters inside the index, also on values that only differ by accents', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    await ix.upsert([
      { ...doc('a', 'kế hoạch dân vận', 2022), province: 'Hà Nam' },
      { ...doc('b', 'kế hoạch dân vận', 2022), province: 'Hà Nám' },
      { ...doc('c', 'kế hoạch dân vận', 2023), province: 'Hà Nam', level: 'xã', ingested: true, text: 'dân vận khéo' },
    ]);
    const ids = async (filter: SearchFilter, q = 'dan van') => (await ix.search(q, { filter, limit: 10, offset: 0 })).hits.map((h) => h.id);
    expect(await ids({ province: 'Hà Nam' })).toEqual(['c', 'a']);
    expect(await ids({ province: 'Hà Nám' })).toEqual(['b']);
    expect(await ids({ province: 'Hà Nam', year: 2022 })).toEqual(['a']);
    expect(await ids({ level: 'xã', ingested: true }, 'kheo')).toEqual(['c']);
    expect(await ids({ ingested: false })).toEqual(['b', 'a']);
  });

  it('skips documents upserted again unchanged, and re-indexes changed ones in place', async () => {
    const db = new Database(':memory:');
    const ix = new SqliteSearchIndex(db);
    await ix.init();
    await ix.upsert([doc('a', 'một'), doc('b', 'hai')]);
    const rowids = () => db.prepare('SELECT id, rowid FROM search_doc ORDER BY rowid').all();
    const before = rowids();
    const changes = db.prepare('SELECT total_changes()').pluck();
    const t0 = changes.get() as number;
    await ix.upsert([doc('a', 'một'), doc('b', 'hai')]);
    expect(changes.get()).toBe(t0);
    await ix.upsert([doc('a', 'ba')]);
    expect(rowids()).toEqual(before);
    expect((await ix.search('mot', { limit: 10, offset: 0 })).hits).toEqual([]);
    expect((await ix.search('ba', { limit: 10, offset: 0 })).hits.map((h) => h.id)).toEqual(['a']);
  });

  it("counts facets written by another connection since its last search", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cancu-search-2conn-'));
    try {
      const file = path.join(dir, 'search.db');
      const writer = new SqliteSearchIndex(file);
      await writer.init();
      await writer.upsert([{ ...doc('a', 'dân vận', 2020), province: 'Huế' }]);
      const reader = new SqliteSearchIndex(new Database(file, { readonly: true }));
      await reader.init();
      const provinces = async () => (await reader.search('dân vận', { limit: 10, offset: 0 })).facets.province;
      expect(await provinces()).toEqual([{ value: 'Huế', count: 1 }]);
      await writer.upsert([{ ...doc('a', 'dân vận', 2020), province: 'Cần Thơ' }, { ...doc('b', 'dân vận', 2021), province: 'Cần Thơ' }]);
      expect(await provinces()).toEqual([{ value: 'Cần Thơ', count: 2 }]);
      await writer.remove(['a']);
      expect(await provinces()).toEqual([{ value: 'Cần Thơ', count: 1 }]);
      await reader.close();
      await writer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('converts a schema 2 index (a development layout) with search_province, and drops an earlier one', async () => {
    const db = new Database(':memory:');
    const first = new SqliteSearchIndex(db);
    await first.init();
    await first.upsert([doc('a', 'dân vận')]);
    const ids = async (ix: SqliteSearchIndex) => (await ix.search('dân vận', { limit: 10, offset: 0 })).hits.map((h) => h.id);
    db.exec("UPDATE search_meta SET value = '2' WHERE key = 'schema'; DROP INDEX search_doc_sym; CREATE INDEX search_doc_sym ON search_doc(sym)");
    const converted = new SqliteSearchIndex(db);
    await converted.init();
    expect(await ids(converted)).toEqual(['a']);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_doc_sym'").pluck().get()).toMatch(/sym, frow/);

    db.exec("UPDATE search_meta SET value = '2' WHERE key = 'schema'; DROP TABLE search_province");
    const dropped = new SqliteSearchIndex(db);
    await dropped.init();
    expect(await ids(dropped)).toEqual([]);
    await dropped.upsert([doc('b', 'dân vận')]);
    expect(await ids(dropped)).toEqual(['b']);
  });

  it('upgrades a schema 1 index in place, keeping row order, and refuses a read-only one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cancu-search-v1-'));
    try {
      const file = path.join(dir, 'search.db');
      const v1 = new Database(file);
      v1.exec(SCHEMA_V1);
      const put = v1.prepare('INSERT INTO search_doc (id, kind, province, year, level, ingested, symbol, title, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      put.run('plan', 'Kế hoạch', 'Trà Vinh', 2022, 'huyện', 1, '30/KH-UBND', 'Kế hoạch dân vận', 'Thực hiện Chỉ thị số 33/CT-TTg về công tác dân vận');
      put.run('ct', 'Chỉ thị', null, 2021, 'trung ương', 0, '33/CT-TTg', 'công tác dân vận', null);
      v1.close();

      const readOnly = new SqliteSearchIndex(new Database(file, { readonly: true }));
      await expect(readOnly.init()).rejects.toThrow(/schema 1.*read-write/);

      const ix = new SqliteSearchIndex(file);
      await ix.init();
      const r = await ix.search('33/CT-TTg', { filter: {}, limit: 10, offset: 0 });
      expect(r.hits.map((h) => h.id)).toEqual(['ct', 'plan']);
      expect(r.hits[1].highlights.find((h) => h.field === 'text')?.snippet).toContain('<mark>33/CT-TTg</mark>');
      expect((await ix.search('dan van', { filter: { province: 'Trà Vinh' }, limit: 10, offset: 0 })).hits.map((h) => h.id)).toEqual(['plan']);
      expect((await ix.search('', { limit: 10, offset: 0 })).hits.map((h) => h.id)).toEqual(['plan', 'ct']);
      await ix.close();
      const db = new Database(file, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('search_fts', 'search_doc_v1')").all();
      expect(tables).toEqual([]);
      expect(db.prepare('SELECT rowid, id FROM search_doc ORDER BY rowid').all()).toEqual([{ rowid: 1, id: 'plan' }, { rowid: 2, id: 'ct' }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds words anywhere in a long text but cuts snippets from its first SNIPPET_TEXT_LIMIT characters', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    const text = `Đầu văn bản. ${'nội dung '.repeat(SNIPPET_TEXT_LIMIT / 9)} Cuối cùng là Đắk Lắk.`;
    await ix.upsert([{ ...doc('long', 'Văn bản dài'), text }]);
    const early = await ix.search('dau van ban', { limit: 1, offset: 0 });
    expect(early.hits[0].highlights.find((h) => h.field === 'text')?.snippet).toContain('<mark>Đầu</mark>');
    const late = await ix.search('dak lak', { limit: 1, offset: 0 });
    expect(late.hits.map((h) => h.id)).toEqual(['long']);
    expect(late.hits[0].highlights).toEqual([]);
  });

  it('lists an empty query ingested documents first, newest first, and pages that order', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    await ix.upsert([doc('old', 'a', 2001), { ...doc('plan', 'b', 1999), ingested: true }, doc('new', 'c', 2024), doc('mid', 'd', 2010)]);
    const order = (await ix.search('', { limit: 10, offset: 0 })).hits.map((h) => h.id);
    expect(order).toEqual(['plan', 'new', 'mid', 'old']);
    expect((await ix.search('', { limit: 2, offset: 2 })).hits.map((h) => h.id)).toEqual(['mid', 'old']);
  });

  it("shares the graph's database without closing it", async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE other (x INTEGER)');
    const ix = new SqliteSearchIndex(db);
    await ix.init();
    await ix.init(); // idempotent
    await ix.upsert(HAND);
    await ix.close();
    expect(db.open).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM search_doc').get() as { n: number }).n).toBe(HAND.length);
  });

  it('names the document when one cannot be indexed, and writes nothing of the batch', async () => {
    const ix = new SqliteSearchIndex();
    await ix.init();
    await expect(ix.upsert([doc('ok', 'một'), { ...doc('bad', 'hai'), year: 20.5 }])).rejects.toThrow(/bad.*year/);
    await expect(ix.upsert([{ ...doc('', 'ba') }])).rejects.toThrow(/no id/);
    expect((await ix.search('', { limit: 0, offset: 0 })).totalCount).toBe(0);
  });

  it('is the engine openSearchIndex picks unless MEILI_HOST is set', () => {
    expect(openSearchIndex(searchConfigFromEnv({})).engine).toBe('sqlite');
    const meili = searchConfigFromEnv({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'k' });
    expect(meili).toEqual({ meiliHost: 'http://127.0.0.1:7700', meiliKey: 'k' });
    expect(openSearchIndex(meili).engine).toBe('meilisearch');
  });
});
