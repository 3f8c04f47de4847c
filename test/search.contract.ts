/**
 * The one contract every SearchIndex passes (SQLite FTS5 always, Meilisearch
 * when MEILI_HOST is set). Corpus: the five real plans in samples/ plus small
 * hand-made documents.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchSyntaxError, type SearchDoc, type SearchFilter, type SearchIndex, type SearchResult } from '../src/search/search-index.ts';

const SAMPLES = new URL('../samples/', import.meta.url);

function doc(d: Partial<SearchDoc> & { id: string }): SearchDoc {
  return {
    kind: null, symbol: null, name: null, title: null, issuer: null, subject: null, text: null,
    province: null, year: null, level: null, ingested: false, ...d,
  };
}

function plan(file: string, province: string, year: number, level: SearchDoc['level'], symbol: string | null): SearchDoc {
  return doc({
    id: `plan:${file}`, kind: 'Kế hoạch', symbol, province, year, level, ingested: true,
    text: readFileSync(new URL(`${file}.txt`, SAMPLES), 'utf8'),
  });
}

export const PLANS = [
  plan('000_c800255c1df2818e', 'Bình Định', 2022, 'huyện', null),
  plan('001_2fbe58af0361262b', 'Đà Nẵng', 2025, 'xã', null),
  plan('002_e77f35eb2aaabe6e', 'Trà Vinh', 2022, 'huyện', '30/KH-UBND'),
  plan('003_5e30993f3c594bd5', 'Tây Ninh', 2023, 'huyện', null),
  plan('004_e1b11889f5394df2', 'Trà Vinh', 2024, 'tỉnh', null),
];

export const HAND = [
  doc({
    id: 'ct:33/CT-TTg:2021', kind: 'Chỉ thị', symbol: '33/CT-TTg', issuer: 'Thủ tướng Chính phủ', year: 2021, level: 'trung ương',
    subject: 'tiếp tục tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước',
  }),
  doc({
    id: 'qd:217-QĐ/TW:2013', kind: 'Quyết định', symbol: '217-QĐ/TW', issuer: 'Bộ Chính trị', year: 2013, level: 'trung ương',
    title: 'Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội',
  }),
  doc({ id: 'tt:old-tone', kind: 'Thỏa thuận', title: 'Thoả thuận phối hợp giữa Uỷ ban nhân dân và Ban Dân vận', year: 2020, province: 'Huế' }),
  doc({ id: 'nfd:doc', kind: 'Nghị quyết', title: 'Nghị quyết về đường điện Đắk Đoa'.normalize('NFD'), year: 2020, province: 'Huế' }),
  doc({ id: 'xss <b>&"id"', kind: 'Công văn', title: '<script>alert("x")</script> & <b>Kế hoạch</b> an toàn', year: 2019 }),
];

const CORPUS = [...PLANS, ...HAND];

/** Hit ids of a query (by default the first 100). */
async function ids(ix: SearchIndex, q: string, filter?: SearchFilter, limit = 100, offset = 0): Promise<string[]> {
  return (await ix.search(q, { filter, limit, offset })).hits.map((h) => h.id);
}

function facetCount(r: SearchResult, facet: keyof SearchResult['facets'], value: string): number {
  return r.facets[facet].find((f) => f.value === value)?.count ?? 0;
}

export function searchContract(name: string, open: () => Promise<SearchIndex>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let ix: SearchIndex;
    beforeAll(async () => {
      ix = await open();
      await ix.init();
      await ix.remove(CORPUS.map((d) => d.id)); // a reused external index starts clean
      await ix.upsert(CORPUS);
    });
    afterAll(async () => {
      await ix?.remove(CORPUS.map((d) => d.id));
      await ix?.close();
    });

    it('finds accented text from an accent-free query', async () => {
      const hits = await ids(ix, 'chi thi 33 dan van');
      expect(hits).toContain('ct:33/CT-TTg:2021');
      // every plan cites "Chỉ thị số 33 … dân vận"
      for (const p of PLANS) expect(hits).toContain(p.id);
      expect(hits).not.toContain('qd:217-QĐ/TW:2013');
    });

    it('matches đ with d', async () => {
      const accented = await ids(ix, 'Đảng ủy');
      const plain = await ids(ix, 'dang uy');
      expect(accented.length).toBeGreaterThan(0);
      expect(plain.sort()).toEqual(accented.sort());
      expect(await ids(ix, 'duong dien dak doa')).toEqual(['nfd:doc']);
    });

    it('treats old and new tone placement and NFD as the same text', async () => {
      expect(await ids(ix, 'thỏa thuận phối hợp')).toEqual(['tt:old-tone']);
      expect(await ids(ix, 'thoả thuận phối hợp')).toEqual(['tt:old-tone']);
      expect(await ids(ix, 'ủy ban nhân dân ban dân vận thỏa')).toContain('tt:old-tone');
      expect(await ids(ix, 'uỷ ban nhân dân ban dân vận thoả')).toContain('tt:old-tone');
      expect(await ids(ix, 'đường điện Đắk Đoa')).toEqual(['nfd:doc']);
      expect(await ids(ix, 'đường điện Đắk Đoa'.normalize('NFD'))).toEqual(['nfd:doc']);
    });

    it('finds a symbol written in any of its forms, the document itself first', async () => {
      for (const q of ['33/CT-TTg', '33 CT TTg', '33/ct-ttg']) {
        expect((await ids(ix, q))[0], q).toBe('ct:33/CT-TTg:2021');
      }
      for (const q of ['217-QĐ/TW', '217/QĐ-TW', '217 QD TW', '217-qd/tw']) {
        const hits = await ids(ix, q);
        expect(hits[0], q).toBe('qd:217-QĐ/TW:2013');
        for (const p of PLANS) expect(hits, q).toContain(p.id); // every plan cites it in its text
      }
    });

    it('treats query syntax as text: quotes, stars, operators, column filters', async () => {
      const base = (await ids(ix, 'dân vận')).sort();
      expect(base.length).toBeGreaterThan(5);
      for (const q of ['"dân vận"', 'dân* vận*', '(dân) vận', 'dân: vận', '-dân vận', 'dân vận"', '^dân +vận']) {
        expect((await ids(ix, q)).sort(), q).toEqual(base);
      }
      // operator words are words, which these texts do not contain
      for (const q of ['dân OR xyzzy', 'NEAR(dân vận)', 'dân NOT vận', 'kind:Chỉ', 'title:dân', 'dân AND']) {
        await expect(ix.search(q, { limit: 10, offset: 0 }), q).resolves.toBeDefined();
      }
      expect(await ids(ix, 'dân OR xyzzy')).toEqual([]);
    });

    it('rejects queries with nothing to search and bad pages with SearchSyntaxError', async () => {
      for (const q of ['(((', '***', '"', '-', ':', 'x'.repeat(600)]) {
        await expect(ix.search(q, { limit: 10, offset: 0 }), q).rejects.toBeInstanceOf(SearchSyntaxError);
      }
      await expect(ix.search('dân', { limit: -1, offset: 0 })).rejects.toBeInstanceOf(SearchSyntaxError);
      await expect(ix.search('dân', { limit: 10, offset: 1.5 })).rejects.toBeInstanceOf(SearchSyntaxError);
    });

    it('does nothing harmful with SQL-injection strings', async () => {
      for (const q of ["'; DROP TABLE search_doc; --", '" OR 1=1 --', "dân') UNION SELECT * FROM sqlite_master --"]) {
        await ix.search(q, { limit: 10, offset: 0 }).catch((e) => expect(e).toBeInstanceOf(SearchSyntaxError));
      }
      expect((await ix.search('', { limit: 0, offset: 0 })).totalCount).toBe(CORPUS.length);
    });

    it('returns safe HTML snippets with the matches marked in the original accented text', async () => {
      const r = await ix.search('dan van chinh quyen', { limit: 10, offset: 0 });
      const text = r.hits.find((h) => h.id === PLANS[3].id)!.highlights.find((h) => h.field === 'text')!;
      expect(text.snippet).toMatch(/<mark>dân<\/mark> <mark>vận<\/mark>/i);
      expect(text.snippet).toMatch(/<mark>chính<\/mark> <mark>quyền<\/mark>/i);

      const xss = await ix.search('alert an toàn', { limit: 10, offset: 0 });
      const title = xss.hits[0].highlights.find((h) => h.field === 'title')!.snippet;
      expect(xss.hits[0].id).toBe('xss <b>&"id"');
      expect(title).toContain('&lt;script&gt;');
      expect(title).toMatch(/<mark>alert<\/mark>/);
      for (const h of [...r.hits, ...xss.hits].flatMap((x) => x.highlights)) {
        expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    });

    it('counts facets over the whole match set and filters on them', async () => {
      const all = await ix.search('dân vận', { limit: 1, offset: 0 });
      const expected = CORPUS.filter((d) => /dân vận/i.test([d.title, d.subject, d.text].join(' ')));
      expect(all.totalCount).toBe(expected.length);
      expect(facetCount(all, 'province', 'Trà Vinh')).toBe(2);
      expect(facetCount(all, 'kind', 'Kế hoạch')).toBe(5);
      expect(facetCount(all, 'level', 'huyện')).toBe(3);
      expect(facetCount(all, 'year', '2022')).toBe(2);

      const tv = await ix.search('dân vận', { filter: { province: 'Trà Vinh' }, limit: 10, offset: 0 });
      expect(tv.hits.map((h) => h.id).sort()).toEqual([PLANS[2].id, PLANS[4].id]);
      expect(tv.facets.year.map((f) => f.value).sort()).toEqual(['2022', '2024']);
      expect(await ids(ix, 'dân vận', { province: 'Trà Vinh', year: 2024 })).toEqual([PLANS[4].id]);
      expect(await ids(ix, 'dân vận', { level: 'xã' })).toEqual([PLANS[1].id]);
      expect(await ids(ix, 'dân vận', { kind: 'Chỉ thị' })).toEqual(['ct:33/CT-TTg:2021']);
      expect((await ids(ix, 'dân vận', { ingested: false })).sort()).toEqual(['ct:33/CT-TTg:2021', 'tt:old-tone']);
    });

    it('pages with limit and offset over a stable order', async () => {
      const whole = await ids(ix, 'dân vận');
      const pages = [
        ...(await ids(ix, 'dân vận', {}, 3, 0)),
        ...(await ids(ix, 'dân vận', {}, 3, 3)),
        ...(await ids(ix, 'dân vận', {}, 3, 6)),
      ];
      expect(pages).toEqual(whole);
      const empty = await ix.search('dân vận', { limit: 0, offset: 0 });
      expect(empty.hits).toEqual([]);
      expect(empty.totalCount).toBe(whole.length);
    });

    it('lists every document, with facets, for an empty query', async () => {
      const r = await ix.search('  ', { limit: 100, offset: 0 });
      expect(r.totalCount).toBe(CORPUS.length);
      expect(facetCount(r, 'province', 'Huế')).toBe(2);
      expect((await ix.search('', { filter: { ingested: true }, limit: 0, offset: 0 })).totalCount).toBe(PLANS.length);
    });

    it('replaces a document on upsert and forgets it on remove', async () => {
      const changed = { ...HAND[2], kind: 'Quy chế', title: 'Quy chế phối hợp về hòa giải ở phường Tân Định', province: 'Cần Thơ' };
      await ix.upsert([changed]);
      expect(await ids(ix, 'thoả thuận phối hợp')).toEqual([]);
      expect(await ids(ix, 'hoa giai tan dinh')).toEqual(['tt:old-tone']);
      const r = await ix.search('', { limit: 0, offset: 0 });
      expect(r.totalCount).toBe(CORPUS.length);
      expect(facetCount(r, 'province', 'Cần Thơ')).toBe(1);

      await ix.remove(['tt:old-tone', 'no-such-id']);
      expect(await ids(ix, 'hoa giai tan dinh')).toEqual([]);
      expect((await ix.search('', { limit: 0, offset: 0 })).totalCount).toBe(CORPUS.length - 1);
      await ix.upsert([HAND[2]]);
      expect(await ids(ix, 'thoả thuận phối hợp')).toEqual(['tt:old-tone']);
    });
  });
}
