/**
 * The GraphQL API through the real HTTP server on the five sample plans:
 * the three users' questions (implementers of a directive, loose symbol look-up
 * and search, legal basis with evidence) and the error codes.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codes, startHarness, type Harness } from './api-harness.ts';

let h: Harness;
let directive: string; // id of Chỉ thị 33/CT-TTg (2021)

const DOC = 'id kind symbol date year issuer file ingested';

beforeAll(async () => {
  h = await startHarness();
  expect(h.ingested.failed).toEqual([]);
  const r = await h.gql('{ documentsBySymbol(symbol: "33/CT-TTg", year: 2021) { id } }');
  expect(r.data?.documentsBySymbol).toHaveLength(1);
  directive = r.data!.documentsBySymbol[0].id;
}, 120_000);

afterAll(() => h?.stop());

describe('staff: which plans implement a directive', () => {
  it('lists the sample plans that carry out Chỉ thị 33/CT-TTg, each with the quoting sentence', async () => {
    const r = await h.gql(
      `query($of: ID!) { implementers(of: $of) { totalCount edges { depth node { ${DOC} }
         path { relation to { id } evidence { quote section start end sourceDocument { id } } } } } }`,
      { of: directive },
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data!.implementers.edges as any[];
    const files = edges.filter((e) => e.node.ingested).map((e) => e.node.file).sort();
    // 002 (title "… theo Chỉ thị số 33/CT-TTg") and 004 ("Thực hiện Chỉ thị số 33/CT-TTg") implement it; 000, 001, 003 only cite it.
    expect(files).toEqual(['002_e77f35eb2aaabe6e.txt', '004_e1b11889f5394df2.txt']);
    for (const e of edges) {
      expect(e.depth).toBe(1);
      const last = e.path.at(-1);
      expect(last.relation).toBe('IMPLEMENTS');
      expect(last.to.id).toBe(directive);
      expect(last.evidence.length).toBeGreaterThan(0);
      expect(last.evidence[0].quote).toMatch(/33\/CT-TTg/);
    }
  });

  it('filters implementers by province and pages them with cursors', async () => {
    const traVinh = await h.gql(`query($of: ID!) { implementers(of: $of, filter: { province: "Trà Vinh" }) { edges { node { id file province } } } }`, { of: directive });
    // the ingested Cầu Ngang plan, and the district plan it says carries out the directive (cited only: no file;
    // its province comes from its key, placed by the resolver)
    expect(traVinh.data!.implementers.edges.map((e: any) => [e.node.id, e.node.file, e.node.province]).sort()).toEqual([
      ['16/KH-UBND@2022@Trà Vinh/Cầu Ngang', null, 'Trà Vinh'],
      ['30/KH-UBND@2022@Trà Vinh/Cầu Ngang', '002_e77f35eb2aaabe6e.txt', 'Trà Vinh'],
    ]);

    const all = await h.gql(`query($of: ID!) { implementers(of: $of) { totalCount edges { node { id } } } }`, { of: directive });
    const ids = all.data!.implementers.edges.map((e: any) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await h.gql(
        `query($of: ID!, $after: String) { implementers(of: $of, first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { of: directive, after },
      );
      seen.push(...page.data.implementers.edges.map((e: any) => e.node.id));
      if (!page.data.implementers.pageInfo.hasNextPage) break;
      after = page.data.implementers.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it('counts the implementers of every page per province (byProvince), on the first page already', async () => {
    const all = await h.gql(`query($of: ID!) { implementers(of: $of, transitive: true, first: 200) { totalCount edges { node { province } } } }`, { of: directive });
    const expected = new Map<string, number>();
    for (const e of all.data!.implementers.edges as { node: { province: string | null } }[]) {
      if (e.node.province) expected.set(e.node.province, (expected.get(e.node.province) ?? 0) + 1);
    }
    expect(expected.size).toBeGreaterThan(0);
    const q = `query($of: ID!, $filter: ImplementerFilter) { implementers(of: $of, transitive: true, filter: $filter, first: 1) { totalCount edges { node { id } } byProvince { value count } } }`;
    const first = (await h.gql(q, { of: directive })).data!.implementers;
    expect(first.edges).toHaveLength(1);
    expect(new Map(first.byProvince.map((c: { value: string; count: number }) => [c.value, c.count]))).toEqual(expected);
    const counts = first.byProvince.map((c: { count: number }) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const traVinh = (await h.gql(q, { of: directive, filter: { province: 'Trà Vinh' } })).data!.implementers;
    expect(traVinh.byProvince).toEqual([{ value: 'Trà Vinh', count: traVinh.totalCount }]);
  });

  it('filters implementers by the words of their issuer, typed loosely', async () => {
    const q = `query($of: ID!, $issuer: String) { implementers(of: $of, transitive: true, first: 100, filter: { issuer: $issuer }) { totalCount edges { node { id issuer } } } }`;
    const all = (await h.gql(q, { of: directive })).data!.implementers;
    const caungang = all.edges.filter((e: any) => /Cầu Ngang/.test(e.node.issuer ?? '')).map((e: any) => e.node.id);
    expect(caungang.length).toBeGreaterThan(0);
    for (const typed of ['Cầu Ngang', 'cau ngang', 'ubnd huyen cau ngang']) {
      const r = (await h.gql(q, { of: directive, issuer: typed })).data!.implementers;
      expect(r.edges.map((e: any) => e.node.id), typed).toEqual(caungang);
      expect(r.totalCount).toBe(caungang.length);
    }
    expect((await h.gql(q, { of: directive, issuer: 'Huyện ủy Hà Nội' })).data!.implementers.totalCount).toBe(0);
  });
});

describe('tools: symbol look-up and search', () => {
  it('pages documentsBySymbol by id: first, then after the last id; refuses a page size over 200', async () => {
    // the samples hold two documents numbered 128/NQ-CP: the one of 2021 and a reference left open
    const all = (await h.gql('{ documentsBySymbol(symbol: "128/NQ-CP") { id } }')).data!.documentsBySymbol.map((d: { id: string }) => d.id) as string[];
    expect(all).toEqual(['128/NQ-CP@2021', '128/NQ-CP@?']);
    expect([...all].sort()).toEqual(all);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages <= all.length; pages++) {
      const r = await h.gql('query($after: ID) { documentsBySymbol(symbol: "128/NQ-CP", first: 1, after: $after) { id } }', { after });
      const page = r.data!.documentsBySymbol.map((d: { id: string }) => d.id) as string[];
      if (!page.length) break;
      seen.push(...page);
      after = page[page.length - 1];
    }
    expect(seen).toEqual(all);
    expect((await h.gql('{ documentsBySymbol(symbol: "128/NQ-CP", first: 0) { id } }')).data!.documentsBySymbol).toEqual([]);
    const big = await h.gql('{ documentsBySymbol(symbol: "128/NQ-CP", first: 201) { id } }');
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
  it('narrows documentsBySymbol to one province', async () => {
    const all = (await h.gql('{ documentsBySymbol(symbol: "30/KH-UBND") { id province } }')).data!.documentsBySymbol as { id: string; province: string | null }[];
    const inTraVinh = all.filter((d) => d.province === 'Trà Vinh');
    expect(inTraVinh.length).toBeGreaterThan(0);
    const r = await h.gql('{ tv: documentsBySymbol(symbol: "30/KH-UBND", province: "Trà Vinh") { id } hn: documentsBySymbol(symbol: "30/KH-UBND", year: 2022, province: "Hà Nội") { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.tv.map((d: { id: string }) => d.id)).toEqual(inTraVinh.map((d) => d.id));
    expect(r.data!.hn).toEqual([]);
  });

  it('matches "217-QĐ/TW" loosely to one document, Bộ Chính trị, 2013-12-12', async () => {
    const ids = new Set<string>();
    for (const symbol of ['217-QĐ/TW', '217/QĐ-TW', '217 QD TW']) {
      const r = await h.gql(`query($s: String!) { documentsBySymbol(symbol: $s) { ${DOC} } }`, { s: symbol });
      expect(r.errors).toBeUndefined();
      expect(r.data!.documentsBySymbol, symbol).toHaveLength(1);
      const [d] = r.data!.documentsBySymbol;
      expect(d.date).toBe('2013-12-12');
      expect(d.issuer).toMatch(/^Bộ Chính trị/);
      ids.add(d.id);
    }
    expect(ids.size).toBe(1);
  });

  it('finds the plans on 33/CT-TTg and dân vận from an accent-free query, with highlights and facets', async () => {
    const r = await h.gql(`{ search(query: "chi thi 33 dan van", filter: { ingested: true }) {
      totalCount edges { score node { file text } highlights { field snippet } } facets { year { value count } level { value count } } } }`);
    expect(r.errors).toBeUndefined();
    const s = r.data!.search;
    const files = s.edges.map((e: any) => e.node.file);
    expect(files).toEqual(expect.arrayContaining(['002_e77f35eb2aaabe6e.txt', '004_e1b11889f5394df2.txt']));
    for (const e of s.edges) expect(e.node.text).toMatch(/Chỉ thị (số )?33/);
    expect(s.edges.some((e: any) => e.highlights.some((x: any) => /<mark>/.test(x.snippet)))).toBe(true);
    expect(s.totalCount).toBe(s.edges.length);
    expect(s.facets.year.reduce((n: number, f: any) => n + f.count, 0)).toBeLessThanOrEqual(s.totalCount);
  });
});

describe('auditors: legal basis with evidence', () => {
  it('traces the Cầu Ngang plan (30/KH-UBND) up to Chỉ thị 33/CT-TTg with the quoting sentence', async () => {
    const plan = await h.gql('{ documentsBySymbol(symbol: "30/KH-UBND", year: 2022) { id file } }');
    const [doc] = plan.data!.documentsBySymbol;
    expect(doc.file).toBe('002_e77f35eb2aaabe6e.txt');
    const r = await h.gql(
      `query($of: ID!) { legalBasis(of: $of) { depth relation from { id } to { id symbol } evidence { source quote section start end } } }`,
      { of: doc.id },
    );
    expect(r.errors).toBeUndefined();
    const step = (r.data!.legalBasis as any[]).find((s) => s.to.id === directive);
    expect(step).toBeDefined();
    expect(step.depth).toBe(1);
    expect(step.from.id).toBe(doc.id);
    expect(step.relation).toBe('IMPLEMENTS');
    const ev = step.evidence[0];
    expect(ev.source).toBe(doc.id);
    expect(ev.quote).toMatch(/Chỉ thị số 33\/CT-TTg/);
    const text = (await h.gql(`query($id: ID!) { document(id: $id) { text } }`, { id: doc.id })).data!.document.text as string;
    expect(text.slice(ev.start, ev.end)).toMatch(/33\/CT-TTg/);
  });

  it('bounds the evidence of each edge with `first`, and counts it all (evidenceCount)', async () => {
    const plan = (await h.gql('{ documentsBySymbol(symbol: "30/KH-UBND", year: 2022) { id } }')).data!.documentsBySymbol[0].id;
    const r = await h.gql(
      `query($id: ID!) { document(id: $id) {
          citations { to { id } evidenceCount all: evidence { start } one: evidence(first: 1) { start } none: evidence(first: 0) { start } } }
        legalBasis(of: $id, maxDepth: 1) { to { id } evidenceCount evidence(first: 1) { start } } }`,
      { id: plan },
    );
    expect(r.errors).toBeUndefined();
    const citations = r.data!.document.citations as { to: { id: string }; evidenceCount: number; all: unknown[]; one: unknown[]; none: unknown[] }[];
    // the directive is quoted more than once in the plan: a bound of 1 keeps the first
    const cited = citations.find((c) => c.to.id === directive)!;
    expect(cited.evidenceCount).toBeGreaterThan(1);
    for (const c of citations) {
      expect(c.all).toHaveLength(c.evidenceCount); // under the default bound of 50
      expect(c.one).toEqual(c.all.slice(0, 1));
      expect(c.none).toEqual([]);
    }
    const step = (r.data!.legalBasis as { to: { id: string }; evidenceCount: number; evidence: unknown[] }[]).find((s) => s.to.id === directive)!;
    expect(step.evidenceCount).toBe(cited.evidenceCount);
    expect(step.evidence).toHaveLength(1);
    expect(codes(await h.gql(`query($id: ID!) { document(id: $id) { citations { evidence(first: 201) { start } } } }`, { id: plan }))).toEqual(['BAD_USER_INPUT']);
  });

  it('reads the documents of a trace and of an implementers page once (one round trip for the root, none after the traversal)', async () => {
    const [plan] = (await h.gql('{ documentsBySymbol(symbol: "30/KH-UBND", year: 2022) { id } }')).data!.documentsBySymbol;
    const reads = vi.spyOn(h.services.graph, 'getDocuments');
    try {
      const trace = await h.gql(
        `query($of: ID!) { document(id: $of) { id } legalBasis(of: $of, maxDepth: 5) { depth from { id symbol date } to { id symbol date } } }`,
        { of: plan.id },
      );
      expect(trace.errors).toBeUndefined();
      const steps = trace.data!.legalBasis as { from: { id: string; date: string | null } }[];
      expect(steps.length).toBeGreaterThan(1);
      expect(steps.some((s) => s.from.id !== plan.id && s.from.date)).toBe(true);
      expect(reads.mock.calls.map(([ids]) => [...ids])).toEqual([[plan.id]]);

      reads.mockClear();
      const impl = await h.gql(`query($of: ID!) { implementers(of: $of, first: 10) { edges { node { id } path { from { id symbol } to { id } } } } }`, { of: directive });
      expect(impl.errors).toBeUndefined();
      expect((impl.data!.implementers.edges as unknown[]).length).toBeGreaterThan(1);
      expect(reads.mock.calls.map(([ids]) => [...ids])).toEqual([[directive]]);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('documents', () => {
  it('gives citations with evidence, citedBy filtered by relation, and enum values', async () => {
    const r = await h.gql(`query($id: ID!) { document(id: $id) { kind symbol level
        citedBy(relation: IMPLEMENTS) { totalCount edges { node { from { file level } relation } } }
        cites: citedBy { totalCount } } }`, { id: directive });
    expect(r.errors).toBeUndefined();
    const d = r.data!.document;
    expect(d.kind).toBe('Chỉ thị');
    expect(d.symbol).toBe('33/CT-TTg');
    expect(d.citedBy.edges.every((e: any) => e.node.relation === 'IMPLEMENTS')).toBe(true);
    expect(d.cites.totalCount).toBeGreaterThanOrEqual(5); // all five samples name it
    const levels = d.citedBy.edges.map((e: any) => e.node.from.level).filter(Boolean);
    for (const l of levels) expect(['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE']).toContain(l);
  });

  it('counts what the graph holds', async () => {
    const r = await h.gql('{ stats { documents ingested edges unresolved } }');
    expect(r.data!.stats.ingested).toBe(5);
    expect(r.data!.stats.edges).toBeGreaterThan(20);
  });
});

describe('serving', () => {
  it("tells the browser the server's share of each request (Server-Timing)", async () => {
    const res = await fetch(h.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
    expect(res.status).toBe(200);
    const timing = /^graphql;dur=(\d+\.\d)$/.exec(res.headers.get('server-timing') ?? '');
    expect(timing).not.toBeNull();
    expect(Number(timing![1])).toBeGreaterThanOrEqual(0);
  });
});

describe('errors', () => {
  it('returns null for an unknown document and NOT_FOUND where an id must exist', async () => {
    expect((await h.gql('{ document(id: "no-such-id") { id } }')).data!.document).toBeNull();
    expect(codes(await h.gql('{ implementers(of: "no-such-id") { totalCount } }'))).toEqual(['NOT_FOUND']);
    expect(codes(await h.gql('{ legalBasis(of: "no-such-id") { depth } }'))).toEqual(['NOT_FOUND']);
  });

  it('returns BAD_USER_INPUT for bad page sizes, cursors, depths and search syntax', async () => {
    expect(codes(await h.gql('{ search(query: "dân vận", first: 1000) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql('{ search(query: "dân vận", first: -1) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql('{ search(query: "dân vận", after: "garbage") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql('{ search(query: "!!!") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql(`{ legalBasis(of: "${directive}", maxDepth: 99) { depth } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await h.gql('{ documentsBySymbol(symbol: "//") { id } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps CSRF prevention on: a simple GET query without a preflight header is refused', async () => {
    const res = await fetch(`${h.server.url}?query=${encodeURIComponent('{ stats { documents } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${h.server.url}?query=${encodeURIComponent('{ stats { documents } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(ok.status).toBe(200);
  });
});

describe('ingestText mutation', () => {
  it('is idempotent by content hash', async () => {
    const text = 'ỦY BAN NHÂN DÂN XÃ THỬ\n\nSố: 7/KH-UBND\n\nThử, ngày 1 tháng 2 năm 2023\n\nKẾ HOẠCH\n\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường công tác dân vận.\n';
    const m = `mutation($t: String!) { ingestText(name: "thu.txt", text: $t) { status citations document { id ingested file } } }`;
    const first = await h.gql(m, { t: text });
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestText.status).toBe('INGESTED');
    expect(first.data!.ingestText.citations).toBeGreaterThan(0);
    const again = await h.gql(m, { t: text });
    expect(again.data!.ingestText.status).toBe('UNCHANGED');
    expect(again.data!.ingestText.document.id).toBe(first.data!.ingestText.document.id);
    expect(codes(await h.gql(m.replace('"thu.txt"', '" "'), { t: text }))).toEqual(['BAD_USER_INPUT']);
  });
});
