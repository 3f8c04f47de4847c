/**
 * The one behavioural contract of GraphStore, run on every engine
 * (test/graph-sqlite.test.ts, test/graph-neo4j.test.ts).
 * `open` must return a fresh, empty, initialised store on every call; it may
 * reset shared storage (Neo4j), so a test is done with one store before it opens the next.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { foldSymbol } from '../ingest/normalize.ts';
import type { GraphStore, IngestBatch } from '../graph/store.ts';
import type { Edge, Locality } from '../graph/model.ts';
import {
  batch, chain, communePlan, districtPlan, KEYS, otherDistrictPlan, PLACEHOLDER_KEYS, placeholderCommunePlan, placeholderElsewherePlan, provincePlan, type PlanSpec,
} from './graph-fixtures.ts';

const ids = (p: { items: { document: { id: string }; depth: number }[] }) => p.items.map((i) => `${i.depth}:${i.document.id}`);

export function graphStoreContract(open: () => Promise<GraphStore>): void {
  let stores: GraphStore[] = [];
  const fresh = async () => {
    const s = await open();
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of stores) await s.close();
    stores = [];
  });
  const loaded = async (plans: PlanSpec[] = chain) => {
    const s = await fresh();
    for (const p of plans) await s.writeBatch(batch(p));
    return s;
  };

  describe('write and read', () => {
    it('stores the ingested document with its text and the cited documents', async () => {
      const s = await loaded([provincePlan]);
      const [plan, directive, unknown] = await s.getDocuments([KEYS.province, KEYS.directive, 'nope']);
      expect(plan).toMatchObject({ id: KEYS.province, ingested: true, province: 'Tây Ninh', level: 'tỉnh', year: 2022, file: 'tay-ninh-15.txt' });
      expect(plan!.text).toBe(provincePlan.text);
      const [bare] = await s.getDocuments([KEYS.province], { text: false });
      expect(bare).toEqual({ ...plan, text: undefined });
      expect(bare).not.toHaveProperty('text');
      expect(await s.findByContentHash(plan!.contentHash!)).toBe(KEYS.province);
      expect(await s.findByContentHash('0'.repeat(64))).toBeNull();
      expect(directive).toMatchObject({ ingested: false, symbol: '33/CT-TTg', year: 2021, issuer: 'Thủ tướng Chính phủ', text: null });
      expect(unknown).toBeNull();
      expect(await s.stats()).toEqual({ documents: 3, ingested: 1, edges: 2, unresolved: 0, localities: 0 });
    });

    it('returns outgoing and incoming edges with their evidence, batched', async () => {
      const s = await loaded();
      const out = await s.outgoing([KEYS.province, KEYS.district]);
      expect(out.map((e) => `${e.from} ${e.type} ${e.to}`)).toEqual([
        `${KEYS.district} CITES ${KEYS.directive}`,
        `${KEYS.district} IMPLEMENTS ${KEYS.province}`,
        `${KEYS.province} IMPLEMENTS ${KEYS.directive}`,
        `${KEYS.province} BASED_ON ${KEYS.law}`,
      ].sort((a, b) => (a.split(' ')[0] + a.split(' ')[2] < b.split(' ')[0] + b.split(' ')[2] ? -1 : 1)));
      const impl = out.find((e) => e.from === KEYS.province && e.type === 'IMPLEMENTS')!;
      expect(impl.stated).toBe(false);
      // every mention is evidence of the primary relation, the sentence is quoted
      expect(impl.evidence.map((v) => v.section)).toEqual(['preamble', 'II.1']);
      expect(impl.evidence[0].quote).toMatch(/^Thực hiện Chỉ thị số 33\/CT-TTg .* ban hành Kế hoạch như sau\.$/);
      expect(provincePlan.text.slice(impl.evidence[0].start, impl.evidence[0].end)).toMatch(/^Chỉ thị số 33\/CT-TTg/);
      const into = await s.incoming([KEYS.directive], ['IMPLEMENTS']);
      expect(into.map((e) => e.from)).toEqual([KEYS.province, KEYS.otherDistrict]);
      const stated = await s.incoming([KEYS.party217], ['GUIDES']);
      expect(stated).toHaveLength(1);
      expect(stated[0]).toMatchObject({ from: KEYS.party218, stated: true, evidence: [{ source: KEYS.otherDistrict }] });
      expect(await s.outgoing([])).toEqual([]);
    });

    it('reads the first pieces of evidence of each edge with their count, when asked, the edges being otherwise the same', async () => {
      const s = await loaded();
      const bounded = (full: Edge[], k: number) => full.map((e) => ({ ...e, evidence: e.evidence.slice(0, k), evidenceCount: e.evidence.length }));
      const full = await s.outgoing([KEYS.province, KEYS.otherDistrict]);
      expect(full.some((e) => e.evidence.length > 1)).toBe(true);
      for (const k of [0, 1]) {
        expect(await s.outgoing([KEYS.province, KEYS.otherDistrict], undefined, { evidence: k }), `outgoing ${k}`).toEqual(bounded(full, k));
        expect(await s.incoming([KEYS.directive, KEYS.party217], undefined, { evidence: k }), `incoming ${k}`).toEqual(bounded(await s.incoming([KEYS.directive, KEYS.party217]), k));
        const page = await s.incomingPage(KEYS.directive, { offset: 0, limit: 10, evidence: k });
        expect(page.edges).toEqual(bounded((await s.incomingPage(KEYS.directive, { offset: 0, limit: 10 })).edges, k));
        const trace = await s.legalBasis(KEYS.commune, 5, { evidence: k });
        expect(trace.map((t) => t.edge)).toEqual(bounded((await s.legalBasis(KEYS.commune, 5)).map((t) => t.edge), k));
        const impl = await s.implementers(KEYS.directive, { transitive: true, first: 10, evidence: k });
        expect(impl.items.flatMap((i) => i.path)).toEqual(bounded((await s.implementers(KEYS.directive, { transitive: true, first: 10 })).items.flatMap((i) => i.path), k));
      }
      // a stated edge stays stated when none of its evidence is read
      expect((await s.incoming([KEYS.party217], ['GUIDES'], { evidence: 0 }))[0]).toMatchObject({ stated: true, evidence: [], evidenceCount: 1 });
    });

    it('pages the edges into a document, filtered by type and the citing document\'s province and year, with their count', async () => {
      const s = await loaded();
      const all = await s.incoming([KEYS.directive]);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const citing = new Map((await s.getDocuments(all.map((e) => e.from), { text: false })).map((d) => [d!.id, d!]));
      const cases = [{}, { type: 'IMPLEMENTS' as const }, { province: 'Tây Ninh' }, { year: 2022, type: 'CITES' as const }, { province: 'Đồng Tháp', year: 2021 }];
      const sizes: number[] = [];
      for (const f of cases) {
        const expected = all.filter((e) => {
          const d = citing.get(e.from)!;
          return (!('type' in f) || e.type === f.type) && (!('province' in f) || d.province === f.province) && (!('year' in f) || d.year === f.year);
        });
        sizes.push(expected.length);
        expect(await s.incomingPage(KEYS.directive, { ...f, offset: 0, limit: 50 }), JSON.stringify(f)).toEqual({ edges: expected, totalCount: expected.length });
        expect(await s.incomingPage(KEYS.directive, { ...f, offset: 1, limit: 1 }), JSON.stringify(f)).toEqual({ edges: expected.slice(1, 2), totalCount: expected.length });
        // every later page too: each type's rows must reach past the offset
        for (let offset = 0; offset <= expected.length; offset++) {
          const page = await s.incomingPage(KEYS.directive, { ...f, offset, limit: 2 });
          expect(page.edges, `${JSON.stringify(f)} at ${offset}`).toEqual(expected.slice(offset, offset + 2));
        }
      }
      // the filters select: all, two implementers, Tây Ninh's plans, one citation of 2022, none
      expect(sizes).toEqual([all.length, 2, sizes[2], 1, 0]);
      expect(sizes[2]).toBeGreaterThan(0);
      expect(sizes[2]).toBeLessThan(all.length);
    });

    it('keeps every "cited by" count right as edges go and citing documents change province or year', async () => {
      const s = await loaded([communePlan, otherDistrictPlan, provincePlan]);
      const targets = Object.values(KEYS);
      // every province and year a citing document has at some step, and one that none has
      const provinces = ['Tây Ninh', 'Đồng Tháp', 'Hà Nội', 'Nowhere'];
      const years = [2013, 2014, 2021, 2022, 2023, 1999];
      const check = async (step: string) => {
        for (const id of targets) {
          const all = await s.incoming([id]);
          const citing = new Map((await s.getDocuments(all.map((e) => e.from), { text: false })).map((d) => [d!.id, d!]));
          const types = [undefined, ...new Set(all.map((e) => e.type))];
          for (const type of types) {
            for (const f of [{}, ...provinces.map((province) => ({ province })), ...years.map((year) => ({ year })), ...provinces.flatMap((province) => years.map((year) => ({ province, year })))]) {
              const expected = all.filter((e) => {
                const d = citing.get(e.from)!;
                return (type === undefined || e.type === type) && (!('province' in f) || d.province === f.province) && (!('year' in f) || d.year === f.year);
              });
              const page = await s.incomingPage(id, { ...f, type, offset: 0, limit: 50 });
              expect(page, `${step}: ${id} ${type} ${JSON.stringify(f)}`).toEqual({ edges: expected, totalCount: expected.length });
            }
          }
        }
      };
      await check('loaded');
      // the source of a stated relation (218 guides 217), cited only, is ingested: it gains a province and another year
      const party218: PlanSpec = {
        file: 'qd-218.txt', key: KEYS.party218, header: { symbol: '218-QĐ/TW', kind: 'Quy định', year: 2014, province: 'Hà Nội', level: 'tỉnh' },
        text: 'QUY ĐỊNH\nVề việc Mặt trận tham gia góp ý xây dựng Đảng\n', cites: [],
      };
      await s.writeBatch(batch(party218));
      expect((await s.getDocuments([KEYS.party218]))[0]).toMatchObject({ province: 'Hà Nội', year: 2014 });
      await check('218 ingested');
      // a plan re-issued citing less: its other edges go
      await s.writeBatch(batch({ ...otherDistrictPlan, text: otherDistrictPlan.text.split('\n')[0] + '\n', cites: [otherDistrictPlan.cites[0]], stated: [] }));
      await check('70/KH-UBND re-issued');
      await s.writeBatch(batch(districtPlan));
      await check('district plan ingested');
    });

    it('writes a batch atomically: a bad edge leaves the store as it was', async () => {
      const s = await loaded([provincePlan]);
      const before = await s.canonicalHash();
      const bad: IngestBatch = batch(communePlan);
      bad.cited = []; // its edge now points at a document unknown to the store
      await expect(s.writeBatch(bad)).rejects.toThrow();
      expect(await s.canonicalHash()).toBe(before);
      expect(await s.getDocuments([KEYS.commune, KEYS.district])).toEqual([null, null]);
    });

    it('writeBatches equals writing the batches one by one', async () => {
      const one = await (await loaded()).canonicalHash();
      const bulk = await fresh();
      await bulk.writeBatches(chain.map(batch));
      expect(await bulk.canonicalHash()).toBe(one);
    });
  });

  describe('re-ingest', () => {
    it('re-writing the same batch changes nothing', async () => {
      const s = await loaded();
      const hash = await s.canonicalHash();
      const stats = await s.stats();
      await s.writeBatch(batch(districtPlan));
      await s.writeBatch(batch(otherDistrictPlan));
      expect(await s.canonicalHash()).toBe(hash);
      expect(await s.stats()).toEqual(stats);
    });

    it('a changed batch replaces its own edges, evidence and unresolved entries only', async () => {
      const stater: PlanSpec = {
        file: 'stater.txt', key: 'ke-hoach:9/KH-MTTQ:2022', header: { province: 'Đồng Tháp', level: 'huyện', year: 2022 },
        text: 'Thực hiện Quyết định số 217-QĐ/TW; Quyết định 218 giao Mặt trận hướng dẫn thực hiện.\nThực hiện Kế hoạch số 3/KH-UBND.\n',
        cites: [
          { key: KEYS.party217, surface: 'Quyết định số 217-QĐ/TW', kind: 'Quy định', symbol: '217-QĐ/TW', relation: 'implements' },
          { key: 'ke-hoach:3/KH-UBND:?', surface: 'Kế hoạch số 3/KH-UBND', kind: 'Kế hoạch', symbol: '3/KH-UBND', relation: 'implements',
            ambiguous: { reason: 'no-year', detail: 'no date', candidates: [] } },
        ],
        stated: [{ fromKey: KEYS.party218, toKey: KEYS.party217, surface: 'Quyết định 218 giao Mặt trận hướng dẫn', relation: 'guides' }],
      };
      const s = await loaded([...chain, stater]);
      const guides = async () => (await s.incoming([KEYS.party217], ['GUIDES']))[0];
      expect((await guides()).evidence.map((v) => v.source).sort()).toEqual([KEYS.otherDistrict, stater.key].sort());

      // the other district plan is re-issued citing only the directive
      const changed: PlanSpec = { ...otherDistrictPlan, text: otherDistrictPlan.text.split('\n')[0] + '\n', cites: [otherDistrictPlan.cites[0]], stated: [] };
      await s.writeBatch(batch(changed));
      expect((await s.outgoing([KEYS.otherDistrict])).map((e) => e.to)).toEqual([KEYS.directive]);
      expect((await guides()).evidence.map((v) => v.source)).toEqual([stater.key]); // the other source's evidence stays
      expect((await s.incoming([KEYS.party217])).map((e) => e.from)).toEqual([stater.key, KEYS.party218]);
      expect((await s.outgoing([KEYS.province])).length).toBe(2); // other plans untouched

      const withUnresolved = await s.unresolved({ first: 10 });
      expect(withUnresolved.items.map((u) => u.source)).toEqual([stater.key]);
      await s.writeBatch(batch({ ...stater, cites: [stater.cites[0]], stated: [] }));
      expect(await guides()).toBeUndefined(); // its last evidence is gone, so is the edge
      expect((await s.unresolved({ first: 10 })).totalCount).toBe(0);
    });
  });

  describe('metadata merge', () => {
    const directivePlan: PlanSpec = {
      file: 'ct-33.txt', key: KEYS.directive,
      header: { symbol: '33/CT-TTg', kind: 'Chỉ thị', date: '2021-11-26', year: 2021, issuer: 'Thủ tướng', level: 'trung ương', title: 'Về tăng cường công tác dân vận' },
      text: 'CHỈ THỊ\nVề tăng cường công tác dân vận\n', cites: [],
    };

    it('never overwrites an ingested document with a citation, fills its nulls', async () => {
      for (const order of [[directivePlan, provincePlan], [provincePlan, directivePlan]]) {
        const s = await loaded(order);
        const [d] = await s.getDocuments([KEYS.directive]);
        expect(d).toMatchObject({ ingested: true, issuer: 'Thủ tướng', title: 'Về tăng cường công tác dân vận', file: 'ct-33.txt' });
        expect(d!.subject).toBe('tăng cường hiệu quả công tác dân vận'); // only the citation knew it
        expect(d!.text).toBe(directivePlan.text);
      }
    });

    it('fills a cited-only node from several citations, whatever the order', async () => {
      const a: PlanSpec = { ...communePlan, key: 'a', file: 'a.txt', cites: [{ ...communePlan.cites[0], date: null, issuer: 'UBND huyện' }] };
      const b: PlanSpec = { ...communePlan, key: 'b', file: 'b.txt', cites: [{ ...communePlan.cites[0], issuer: 'Ủy ban nhân dân huyện', subject: 'dân vận' }] };
      const [d] = await (await loaded([a, b])).getDocuments([KEYS.district]);
      expect(d).toMatchObject({ date: '2022-01-27', year: 2022, subject: 'dân vận', ingested: false });
      expect(['UBND huyện', 'Ủy ban nhân dân huyện']).toContain(d!.issuer);
      expect(await (await loaded([b, a])).getDocuments([KEYS.district])).toEqual([d]);
    });
  });

  it('finds documents by loosely matched symbol, optionally by year', async () => {
    const s = await loaded();
    for (const q of ['217-QĐ/TW', '217/QĐ-TW', '217 QD TW', '217 - qđ / tw']) {
      expect((await s.findBySymbol(foldSymbol(q))).map((d) => d.id)).toEqual([KEYS.party217]);
    }
    expect((await s.findBySymbol(foldSymbol('217-QĐ/TW'), 2013)).map((d) => d.id)).toEqual([KEYS.party217]);
    expect(await s.findBySymbol(foldSymbol('217-QĐ/TW'), 2014)).toEqual([]);
    expect((await s.findBySymbol(foldSymbol('15/KH-UBND'))).map((d) => d.id)).toEqual([KEYS.province]);
    // a local number, narrowed to one province (with and without a year)
    expect((await s.findBySymbol(foldSymbol('15/KH-UBND'), null, 'Tây Ninh')).map((d) => d.id)).toEqual([KEYS.province]);
    expect((await s.findBySymbol(foldSymbol('15/KH-UBND'), 2022, 'Tây Ninh')).map((d) => d.id)).toEqual([KEYS.province]);
    expect(await s.findBySymbol(foldSymbol('15/KH-UBND'), null, 'Đồng Tháp')).toEqual([]);
    expect(await s.findBySymbol(foldSymbol('15/KH-UBND'), 2021, 'Tây Ninh')).toEqual([]);
  });

  it('pages the documents of one symbol by id (findBySymbol with a page)', async () => {
    const provinces = ['Long An', 'An Giang', 'Đồng Tháp', 'Bến Tre', 'Cà Mau'];
    const plans = provinces.map((province, i): PlanSpec => ({
      file: `p${i}.txt`, key: `15/KH-UBND@${2021 + (i % 2)}@${province}`, text: `Kế hoạch số 15/KH-UBND của ${province}`,
      header: { symbol: '15/KH-UBND', year: 2021 + (i % 2), province, level: 'tỉnh' }, cites: [],
    }));
    const s = await loaded(plans);
    const folded = foldSymbol('15/KH-UBND');
    const all = (await s.findBySymbol(folded)).map((d) => d.id);
    expect(all).toEqual(plans.map((p) => p.key!).sort());
    const read = async (first: number, year: number | null = null) => {
      const out: string[] = [];
      for (let after: string | null = null, n = 0; n < 10; n++) {
        const page: string[] = (await s.findBySymbol(folded, year, null, { first, after })).map((d) => d.id);
        expect(page.length).toBeLessThanOrEqual(first);
        out.push(...page);
        if (page.length < first) break;
        after = page[page.length - 1];
      }
      return out;
    };
    expect(await read(2)).toEqual(all);
    expect(await read(5)).toEqual(all);
    expect(await read(2, 2022)).toEqual(all.filter((id) => id.includes('@2022@')));
    expect(await s.findBySymbol(folded, null, null, { first: 0, after: null })).toEqual([]);
    expect(await s.findBySymbol(folded, null, null, { first: 3, after: all[all.length - 1] })).toEqual([]);
    expect((await s.findBySymbol(folded, null, 'Cà Mau', { first: 3, after: null })).map((d) => d.id)).toEqual(['15/KH-UBND@2021@Cà Mau']);
  });

  it('finds the id, date and year of the same documents for pinning (findRefsBySymbol)', async () => {
    const s = await loaded();
    const refs = async (q: string, year: number | null = null, province: string | null = null) => {
      const full = (await s.findBySymbol(foldSymbol(q), year, province)).map(({ id, date, year: y }) => ({ id, date, year: y }));
      const lean = await s.findRefsBySymbol(foldSymbol(q), year, province);
      expect([...lean].sort((a, b) => a.id.localeCompare(b.id))).toEqual(full);
      return lean;
    };
    expect(await refs('217 qd tw')).toEqual([{ id: KEYS.party217, date: '2013-12-12', year: 2013 }]);
    expect(await refs('15/KH-UBND', 2022, 'Tây Ninh')).toHaveLength(1);
    expect(await refs('15/KH-UBND', null, 'Đồng Tháp')).toEqual([]);
    expect(await refs('217-QĐ/TW', 2014)).toEqual([]);
  });

  describe('implementers', () => {

    it('direct and transitive, ordered by depth then id, each with its path', async () => {
      const s = await loaded();
      const direct = await s.implementers(KEYS.directive, { transitive: false, first: 10 });
      expect(ids(direct)).toEqual([`1:${KEYS.province}`, `1:${KEYS.otherDistrict}`]);
      const all = await s.implementers(KEYS.directive, { transitive: true, first: 10 });
      expect(ids(all)).toEqual([`1:${KEYS.province}`, `1:${KEYS.otherDistrict}`, `2:${KEYS.district}`, `3:${KEYS.commune}`]);
      expect(all.totalCount).toBe(4);
      const commune = all.items[3];
      expect(commune.path.map((e) => `${e.from}>${e.to}`)).toEqual([
        `${KEYS.commune}>${KEYS.district}`, `${KEYS.district}>${KEYS.province}`, `${KEYS.province}>${KEYS.directive}`,
      ]);
      expect(commune.path.every((e) => e.type === 'IMPLEMENTS' && e.evidence.length > 0)).toBe(true);
      expect(commune.document).toMatchObject({ level: 'xã', year: 2023 });
      // the district plan only cites the directive: it is not a direct implementer
      expect(ids(await s.implementers(KEYS.province, { transitive: false, first: 10 }))).toEqual([`1:${KEYS.district}`]);
      // a document that signals implements besides its primary relation is an implementer too
      expect(ids(await s.implementers(KEYS.party217, { transitive: false, first: 10 }))).toEqual([`1:${KEYS.otherDistrict}`]);
    });

    it('filters by province, year and level, bounds depth', async () => {
      const s = await loaded();
      const q = (filter: object, maxDepth?: number) => s.implementers(KEYS.directive, { transitive: true, filter, first: 10, maxDepth }).then(ids);
      expect(await q({ province: 'Tây Ninh' })).toEqual([`1:${KEYS.province}`, `2:${KEYS.district}`, `3:${KEYS.commune}`]);
      expect(await q({ year: 2023 })).toEqual([`3:${KEYS.commune}`]);
      expect(await q({ level: 'huyện' })).toEqual([`1:${KEYS.otherDistrict}`, `2:${KEYS.district}`]);
      expect(await q({ level: 'huyện', province: 'Đồng Tháp' })).toEqual([`1:${KEYS.otherDistrict}`]);
      expect(await q({}, 2)).toEqual([`1:${KEYS.province}`, `1:${KEYS.otherDistrict}`, `2:${KEYS.district}`]);
      expect(await q({ province: 'Hà Nội' })).toEqual([]);
      // the issuer: words of its name in a row, any case or tone marks, abbreviations in full
      expect(await q({ issuer: 'ubnd huyen' })).toEqual([`1:${KEYS.otherDistrict}`, `2:${KEYS.district}`]);
      expect(await q({ issuer: 'Dương Minh Châu' })).toEqual([`2:${KEYS.district}`]);
      expect(await q({ issuer: 'Ủy ban nhân dân', province: 'Tây Ninh', year: 2022 })).toEqual([`1:${KEYS.province}`, `2:${KEYS.district}`]);
      expect(await q({ issuer: 'Huyện ủy' })).toEqual([]);
      expect(await q({ issuer: 'Dương Minh' }, 1)).toEqual([]);
    });

    it('counts all the implementers per province, with the same options as the pages', async () => {
      // a direct implementer with no province: counted in totalCount, not per province
      const nowhere: PlanSpec = { ...otherDistrictPlan, file: 'nowhere.txt', key: 'ke-hoach:9/KH-BCD:2022:?', header: { symbol: '9/KH-BCD', year: 2022, province: null, level: null } };
      const s = await loaded([...chain, nowhere]);
      const counts = (opts: { transitive: boolean; filter?: object; maxDepth?: number }) =>
        s.implementerProvinces(KEYS.directive, opts).then((cs) => cs.map((c) => `${c.value}:${c.count}`));
      expect((await s.implementers(KEYS.directive, { transitive: true, first: 10 })).totalCount).toBe(5);
      expect(await counts({ transitive: true })).toEqual(['Tây Ninh:3', 'Đồng Tháp:1']);
      // ties by province in code-point order ("T" < "Đ")
      expect(await counts({ transitive: false })).toEqual(['Tây Ninh:1', 'Đồng Tháp:1']);
      expect(await counts({ transitive: true, maxDepth: 2 })).toEqual(['Tây Ninh:2', 'Đồng Tháp:1']);
      expect(await counts({ transitive: true, filter: { level: 'huyện' } })).toEqual(['Tây Ninh:1', 'Đồng Tháp:1']);
      expect(await counts({ transitive: true, filter: { year: 2023 } })).toEqual(['Tây Ninh:1']);
      expect(await counts({ transitive: true, filter: { province: 'Đồng Tháp' } })).toEqual(['Đồng Tháp:1']);
      expect(await counts({ transitive: true, filter: { province: 'Hà Nội' } })).toEqual([]);
      expect(await counts({ transitive: true, filter: { issuer: 'UBND huyện' } })).toEqual(['Tây Ninh:1', 'Đồng Tháp:1']);
      expect(await s.implementerProvinces('no-such-id', { transitive: true })).toEqual([]);
    });

    it('do not go through a placeholder: it is reached, and walked from only as the root', async () => {
      const K = PLACEHOLDER_KEYS;
      const s = await loaded([placeholderCommunePlan, placeholderElsewherePlan]);
      const all = await s.implementers(K.district, { transitive: true, first: 10 });
      // the plan elsewhere cites the same open key, but not the district plan
      expect(ids(all)).toEqual([`1:${K.placeholder}`, `1:${K.known}`, `2:${K.commune}`]);
      expect(all.totalCount).toBe(3);
      // the path goes through the known plan, though the placeholder's id sorts first
      expect(all.items[2].path.map((e) => `${e.from}>${e.to}`)).toEqual([`${K.commune}>${K.known}`, `${K.known}>${K.district}`]);
      expect(await s.implementerProvinces(K.district, { transitive: true }).then((cs) => cs.map((c) => c.value))).not.toContain('Đồng Tháp');
      expect(ids(await s.implementers(K.placeholder, { transitive: true, first: 10 }))).toEqual([`1:${K.commune}`, `1:${K.elsewhere}`]);
    });

    it('paginates with stable cursors', async () => {
      const s = await loaded();
      const full = ids(await s.implementers(KEYS.directive, { transitive: true, first: 100 }));
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await s.implementers(KEYS.directive, { transitive: true, first: 3, after });
        expect(page.totalCount).toBe(4);
        seen.push(...ids(page));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      expect(seen).toEqual(full);
      await expect(s.implementers(KEYS.directive, { transitive: true, first: 3, after: 'garbage' })).rejects.toThrow(/cursor/);
    });
  });

  describe('legal basis', () => {
    it('traces upward with edges and evidence, bounded by depth', async () => {
      const s = await loaded();
      const steps = await s.legalBasis(KEYS.commune, 8);
      expect(steps.map((t) => `${t.depth} ${t.edge.type} ${t.document.id}`)).toEqual([
        `1 IMPLEMENTS ${KEYS.district}`,
        `2 IMPLEMENTS ${KEYS.province}`,
        `3 BASED_ON ${KEYS.law}`,
        `3 IMPLEMENTS ${KEYS.directive}`,
      ]);
      expect(steps[0].edge.evidence[0]).toMatchObject({ source: KEYS.commune, section: 'preamble' });
      expect(steps[0].edge.evidence[0].quote).toMatch(/^Thực hiện Kế hoạch số 55\/KH-UBND/);
      expect((await s.legalBasis(KEYS.commune, 2)).map((t) => t.depth)).toEqual([1, 2]);
      expect(await s.legalBasis('unknown', 5)).toEqual([]);
    });

    it('does not go through a placeholder, and traces one from itself', async () => {
      const K = PLACEHOLDER_KEYS;
      const s = await loaded([placeholderCommunePlan, placeholderElsewherePlan]);
      const trace = async (of: string) => (await s.legalBasis(of, 8)).map((t) => `${t.depth} ${t.edge.from}>${t.edge.to}`);
      expect(await trace(K.commune)).toEqual([`1 ${K.commune}>${K.placeholder}`, `1 ${K.commune}>${K.known}`, `2 ${K.known}>${K.district}`]);
      expect(await trace(K.elsewhere)).toEqual([`1 ${K.elsewhere}>${K.placeholder}`]);
      expect(await trace(K.placeholder)).toEqual([`1 ${K.placeholder}>${K.district}`]);
    });

    it('terminates on cycles (A implements B implements A)', async () => {
      const a: PlanSpec = { file: 'a.txt', key: 'A', text: 'Thực hiện Kế hoạch B.\n', cites: [{ key: 'B', surface: 'Kế hoạch B', kind: 'Kế hoạch', relation: 'implements' }] };
      const b: PlanSpec = { file: 'b.txt', key: 'B', text: 'Thực hiện Kế hoạch A.\n', cites: [{ key: 'A', surface: 'Kế hoạch A', kind: 'Kế hoạch', relation: 'implements' }] };
      const s = await loaded([a, b]);
      expect(ids(await s.implementers('A', { transitive: true, first: 10, maxDepth: 20 }))).toEqual(['1:B']);
      expect((await s.legalBasis('A', 20)).map((t) => `${t.depth} ${t.edge.from}>${t.edge.to}`)).toEqual(['1 A>B', '2 B>A']);
    });
  });

  it('pages the unresolved ledger, optionally by source', async () => {
    const amb = (n: number) => ({ reason: 'no-year', detail: `no year for ${n}`, candidates: [`k${n}:2020`, `k${n}:2021`] });
    const plan = (key: string, nums: number[]): PlanSpec => ({
      file: `${key}.txt`, key,
      text: nums.map((n) => `Căn cứ Công văn số ${n}/UBND.`).join('\n'),
      cites: nums.map((n) => ({ key: `cong-van:${n}/UBND:?`, surface: `Công văn số ${n}/UBND`, kind: 'Công văn', symbol: `${n}/UBND`, relation: 'based_on' as const, ambiguous: amb(n) })),
    });
    const s = await loaded([plan('y', [4, 5]), plan('x', [1, 2, 3])]);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<GraphStore['unresolved']>> = await s.unresolved({ first: 2, after });
      expect(page.totalCount).toBe(5);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => `${u.source}:${u.symbol}`));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen).toEqual(['x:1/UBND', 'x:2/UBND', 'x:3/UBND', 'y:4/UBND', 'y:5/UBND']);
    const y = await s.unresolved({ first: 10, source: 'y' });
    expect(y.totalCount).toBe(2);
    expect(y.items[0]).toMatchObject({ reason: 'no-year', candidates: ['k4:2020', 'k4:2021'], section: 'preamble', key: 'cong-van:4/UBND:?' });
    // one source's ledger, page by page: the cursor stays within that source
    const x1 = await s.unresolved({ first: 2, source: 'x' });
    expect([x1.totalCount, x1.hasNextPage, x1.items.map((u) => u.symbol)]).toEqual([3, true, ['1/UBND', '2/UBND']]);
    const x2 = await s.unresolved({ first: 2, source: 'x', after: x1.endCursor });
    expect([x2.totalCount, x2.hasNextPage, x2.items.map((u) => u.symbol)]).toEqual([3, false, ['3/UBND']]);
    expect((await s.unresolved({ first: 2, source: 'y', after: x1.endCursor })).items.map((u) => u.symbol)).toEqual(['4/UBND', '5/UBND']);
    expect((await s.unresolved({ first: 2, source: 'x', after: (await s.unresolved({ first: 1, source: 'y' })).endCursor })).items).toEqual([]);
  });

  it('loads localities idempotently', async () => {
    const s = await fresh();
    const locs: Locality[] = [
      { id: 'pre:72/711/25480', name: 'Xã Phước Minh', level: 'xã', parent: 'pre:72/711', snapshot: 'pre-2025' },
      { id: 'pre:72', name: 'Tỉnh Tây Ninh', level: 'tỉnh', parent: null, snapshot: 'pre-2025' },
      { id: 'pre:72/711', name: 'Huyện Dương Minh Châu', level: 'huyện', parent: 'pre:72', snapshot: 'pre-2025' },
    ];
    await s.loadLocalities(locs);
    const hash = await s.canonicalHash();
    await s.loadLocalities(locs);
    expect((await s.stats()).localities).toBe(3);
    expect(await s.canonicalHash()).toBe(hash);
  });

  it('canonicalHash is independent of write order and changes with content', async () => {
    const h = await (await loaded([...chain])).canonicalHash();
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await (await loaded([...chain].reverse())).canonicalHash()).toBe(h);
    expect(await (await loaded(chain.slice(1))).canonicalHash()).not.toBe(h);
  });
}
