import { describe, expect, it } from 'vitest';
import { provinceOfKey, toBatch } from '../graph/from-extraction.ts';
import { quoteAround, sentenceBounds } from '../graph/sentence.ts';
import { batch, extraction, KEYS, otherDistrictPlan, provincePlan, type PlanSpec } from './graph-fixtures.ts';

describe('sentence bounds', () => {
  const text = 'KẾ HOẠCH\nCăn cứ Luật số 10/2022/QH15;\nThực hiện Chỉ thị số 33/CT-TTg ngày \n\n26/11/2021 của Thủ tướng, UBND ban hành Kế hoạch. Sau đó.\n- Quán triệt Chỉ thị.';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;

  it('cuts at terminators and list items, not at line breaks inside a sentence', () => {
    const [s, e] = at('Chỉ thị số 33/CT-TTg');
    expect(quoteAround(text, s, e)).toBe('Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng, UBND ban hành Kế hoạch.');
    expect(quoteAround(text, ...at('Luật số 10/2022/QH15'))).toBe('KẾ HOẠCH Căn cứ Luật số 10/2022/QH15;');
    expect(quoteAround(text, ...at('Quán triệt'))).toBe('- Quán triệt Chỉ thị.');
    expect(quoteAround(text, ...at('Sau đó'))).toBe('Sau đó.');
  });

  it('quotes a Markdown heading as its own line, and ends the sentence before one', () => {
    const md = 'Số: 30 /KH-UBND\n\n## **KẾ HOẠCH**\n\n### **Tăng cường công tác dân vận theo Chỉ thị số 33/CT-TTg ngày 26/11/2021**\n\nThực hiện Công văn số 692/UBND-NC của UBND tỉnh, Ủy ban ban hành';
    const s = md.indexOf('Chỉ thị số 33');
    expect(quoteAround(md, s, s + 20)).toBe('### **Tăng cường công tác dân vận theo Chỉ thị số 33/CT-TTg ngày 26/11/2021**');
    const c = md.indexOf('Công văn');
    expect(quoteAround(md, c, c + 8)).toBe('Thực hiện Công văn số 692/UBND-NC của UBND tỉnh, Ủy ban ban hành');
  });

  it('never reaches more than a few hundred characters from the span', () => {
    const long = 'x'.repeat(5000) + ' MID ' + 'y'.repeat(5000);
    const { start, end } = sentenceBounds(long, 5001, 5004);
    expect(5001 - start).toBeLessThanOrEqual(300);
    expect(end - 5004).toBeLessThanOrEqual(300);
  });
});

describe('toBatch', () => {
  it('maps the header to the ingested document', () => {
    const b = batch(provincePlan);
    expect(b.document).toMatchObject({
      id: KEYS.province, ingested: true, symbol: '15/KH-UBND', kind: 'Kế hoạch', year: 2022, level: 'tỉnh', province: 'Tây Ninh',
      file: 'tay-ninh-15.txt', text: provincePlan.text, title: 'Thực hiện công tác dân vận năm 2022',
    });
    expect(b.document.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys a document without a symbol by its content hash', () => {
    const x = extraction({ ...provincePlan, key: null });
    const b = toBatch(x, { text: provincePlan.text, contentHash: 'ab'.repeat(32) });
    expect(b.document.id).toBe('doc:abababababababab');
    expect(b.edges.every((e) => e.from === 'doc:abababababababab')).toBe(true);
  });

  it('makes one cited node and one typed edge per citation, every mention as evidence', () => {
    const b = batch(provincePlan);
    expect(b.cited.map((c) => [c.id, c.kind, c.symbol, c.year, c.ingested])).toEqual([
      [KEYS.law, 'Luật', '10/2022/QH15', null, false],
      [KEYS.directive, 'Chỉ thị', '33/CT-TTg', 2021, false],
    ]);
    expect(b.cited[1]).toMatchObject({ issuer: 'Thủ tướng Chính phủ', subject: 'tăng cường hiệu quả công tác dân vận', date: '2021-11-26' });
    expect(b.edges.map((e) => `${e.type} ${e.to} ${e.evidence.length}`)).toEqual([`BASED_ON ${KEYS.law} 1`, `IMPLEMENTS ${KEYS.directive} 2`]);
    const ev = b.edges[1].evidence[1];
    expect(provincePlan.text.slice(ev.start, ev.end)).toBe('Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ');
    expect(ev).toMatchObject({ source: KEYS.province, section: 'II.1', quote: '- Quán triệt Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.' });
  });

  it('adds an edge for another strong signal, evidenced by the mentions with that cue', () => {
    const plan: PlanSpec = {
      ...provincePlan,
      cites: [{ ...provincePlan.cites[1], relation: 'based_on', cues: ['based_on', 'implements'] }],
    };
    const b = batch(plan);
    expect(b.edges.map((e) => `${e.type}:${e.evidence.map((v) => v.section).join(',')}`)).toEqual(['BASED_ON:preamble,II.1', 'IMPLEMENTS:II.1']);
    // a weaker "cites" cue adds nothing (provincePlan's directive has cues implements, cites)
    expect(batch(provincePlan).edges.filter((e) => e.to === KEYS.directive).map((e) => e.type)).toEqual(['IMPLEMENTS']);
  });

  it('records stated relations as stated edges between the cited documents', () => {
    const b = batch(otherDistrictPlan);
    const guides = b.edges.filter((e) => e.stated);
    expect(guides).toHaveLength(1);
    expect(guides[0]).toMatchObject({ from: KEYS.party218, to: KEYS.party217, type: 'GUIDES' });
    expect(guides[0].evidence[0].quote).toBe('Quyết định 218 giao Mặt trận hướng dẫn Quyết định số 217-QĐ/TW.');
    expect(b.edges.filter((e) => !e.stated).every((e) => e.from === KEYS.otherDistrict)).toBe(true);
  });

  it('drops self-citations and self-loops; records ambiguous citations as unresolved', () => {
    const text = 'Kế hoạch số 15/KH-UBND này thực hiện Công văn số 7/UBND.';
    const plan: PlanSpec = {
      file: 'self.txt', key: KEYS.province, text,
      cites: [
        { key: KEYS.province, surface: 'Kế hoạch số 15/KH-UBND', kind: 'Kế hoạch', symbol: '15/KH-UBND', relation: 'cites' },
        { key: 'cong-van:7/UBND:?', surface: 'Công văn số 7/UBND', kind: 'Công văn', symbol: '7/UBND', relation: 'implements',
          ambiguous: { reason: 'no-year', detail: 'no date given', candidates: ['a', 'b'] } },
      ],
      stated: [{ fromKey: 'x', toKey: 'x', surface: 'thực hiện', relation: 'implements' }],
    };
    const b = batch(plan);
    expect(b.edges.map((e) => `${e.from}>${e.to}`)).toEqual([`${KEYS.province}>cong-van:7/UBND:?`]);
    expect(b.cited.map((c) => c.id)).not.toContain(KEYS.province);
    expect(b.unresolved).toEqual([{
      source: KEYS.province, key: 'cong-van:7/UBND:?', symbol: '7/UBND', name: null, kind: 'Công văn', reason: 'no-year',
      detail: 'no date given', candidates: ['a', 'b'], start: text.indexOf('Công văn'), end: text.indexOf('Công văn') + 18, section: 'preamble',
    }]);
  });
});

describe('provinceOfKey', () => {
  it('reads the province of a local key, and nothing from national, Party or named-law keys', () => {
    expect(provinceOfKey('16/KH-UBND@2022@Trà Vinh/Cầu Ngang')).toBe('Trà Vinh');
    expect(provinceOfKey('05-CT/TU@2021@Sơn La')).toBe('Sơn La');
    expect(provinceOfKey('18/KH-UBND@2017@?')).toBeNull();
    expect(provinceOfKey('33/CT-TTg@2021')).toBeNull();
    expect(provinceOfKey('217-QĐ/TW@XI')).toBeNull();
    expect(provinceOfKey('04/2015/NĐ-CP')).toBeNull();
  });
});
