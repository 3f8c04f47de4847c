/** The search contract on SQLite FTS5, plus what only the SQLite engine promises. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSearchIndex, searchConfigFromEnv } from '../src/search/open-index.ts';
import { parseQuery } from '../src/search/query.ts';
import type { SearchDoc } from '../src/search/search-index.ts';
import { ftsExpression, SNIPPET_TEXT_LIMIT, SqliteSearchIndex } from '../src/search/sqlite-fts.ts';
import { HAND, searchContract } from './search.contract.ts';

searchContract('sqlite', async () => new SqliteSearchIndex());

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

  it('quotes every user token in the MATCH expression it builds', () => {
    const expr = ftsExpression(parseQuery('dân" OR NEAR(vận) title:x *'));
    const bare = expr.replace(/"(?:[^"]|"")*"/g, 'Q');
    // outside quoted strings only our own syntax remains: column sets, AND/OR, parentheses, prefix stars
    expect(bare.replace(/\{head_(?:acc|fold) body_(?:acc|fold)\}|sym|AND|OR|[():*\s]|Q/g, '')).toBe('');
    expect(expr).toContain('"near"');
    expect(expr).toContain('"or"');
    expect(expr).toContain('"title"');
  });

  it('bounds work: past countCap, ranking, facets and totalCount cover the newest matches and say so', async () => {
    const ix = new SqliteSearchIndex(':memory:', { countCap: 3 });
    await ix.init();
    await ix.upsert(['a', 'b', 'c', 'd', 'e'].map((id, i) => doc(id, `kế hoạch dân vận ${id}`, 2020 + i)));
    const capped = await ix.search('dân vận', { limit: 10, offset: 0 });
    expect(capped.totalCount).toBe(4);
    expect(capped.totalCountExact).toBe(false);
    // ranking and paging see only the newest countCap matches
    expect(capped.hits.map((h) => h.id).sort()).toEqual(['c', 'd', 'e']);
    expect(capped.facets.year.reduce((n, f) => n + f.count, 0)).toBe(4);
    const exact = await ix.search('dân vận e', { limit: 10, offset: 0 });
    expect([exact.totalCount, exact.totalCountExact]).toEqual([1, true]);
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
