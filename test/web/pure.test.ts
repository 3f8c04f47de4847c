import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../../ingest/normalize.ts';
import { coverage, implementerTree } from '../../web/src/implementer-tree.ts';
import { docLabel, foldName, formatDate, isPartyDocument, provinceKey, toLevel } from '../../web/src/format.ts';
import type { DocSummary, ImplementerEdge, TraceStep } from '../../web/src/queries.ts';
import { implementersFilter } from '../../web/src/requests.ts';
import { href, parseRoute } from '../../web/src/route.ts';
import { segments } from '../../web/src/text-marks.ts';
import { traceCsv, traceJson } from '../../web/src/trace-export.ts';

function doc(id: string, over: Partial<DocSummary> = {}): DocSummary {
  return { id, kind: 'Kế hoạch', symbol: null, name: null, title: null, date: null, year: null, issuer: null, level: null, province: null, ingested: true, ...over };
}

describe('format', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDate('2024-03-07')).toBe('07/03/2024');
    expect(formatDate(null)).toBe('');
  });
  it('reads levels as enum names or Vietnamese words', () => {
    expect(toLevel('PROVINCE')).toBe('PROVINCE');
    expect(toLevel('huyện')).toBe('DISTRICT');
    expect(toLevel('nowhere')).toBeNull();
  });
  it('tells Party symbols from State ones', () => {
    expect(isPartyDocument({ symbol: '217-QĐ/TW' })).toBe(true);
    expect(isPartyDocument({ symbol: '33/CT-TTg' })).toBe(false);
  });
  it('folds names as ingest does', () => {
    const lists = JSON.parse(readFileSync(new URL('../../web/public/provinces.json', import.meta.url), 'utf8')) as Record<'pre-2025' | 'post-2025', { name: string }[]>;
    const vowels = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵdđ';
    const names = [...[...lists['pre-2025'], ...lists['post-2025']].map((p) => p.name), vowels, vowels.toUpperCase(), 'Thành phố Hồ Chí Minh', 'TP. Đà Nẵng', 'Ðắk Lắk', 'Bà Rịa – Vũng Tàu', ' Hòa  Bình\n'];
    expect(names.length).toBeGreaterThan(90);
    for (const n of names) {
      expect(foldName(n), n).toBe(foldPhrase(n));
      expect(foldName(n.normalize('NFD')), n).toBe(foldPhrase(n));
    }
  });
  it('compares province names without prefix or accents', () => {
    expect(provinceKey('Tỉnh Sơn La')).toBe(provinceKey('son la'));
    expect(provinceKey('Thành phố Hà Nội')).toBe(provinceKey('Hà Nội'));
  });
  it('labels documents by kind and symbol, else by name', () => {
    expect(docLabel(doc('x', { kind: 'Chỉ thị', symbol: '33/CT-TTg' }))).toBe('Chỉ thị 33/CT-TTg');
    expect(docLabel(doc('x', { kind: 'Luật', name: 'Luật Thực hiện dân chủ ở cơ sở' }))).toBe('Luật Thực hiện dân chủ ở cơ sở');
  });
});

describe('routes', () => {
  it('round-trips ids with slashes and parameters', () => {
    const link = href('doc', 'ct/33/CT-TTg@2024', { at: 120, province: '', year: null });
    expect(link).toBe('#/doc/ct%2F33%2FCT-TTg%402024?at=120');
    const r = parseRoute(link);
    expect(r).toMatchObject({ page: 'doc', id: 'ct/33/CT-TTg@2024' });
    expect(r.params.get('at')).toBe('120');
  });
  it('treats unknown or empty routes as the search page', () => {
    expect(parseRoute('').page).toBe('search');
    expect(parseRoute('#/doc').page).toBe('search');
    expect(parseRoute('#/search?q=chi%20thi%2033').params.get('q')).toBe('chi thi 33');
  });
});

describe('text marks', () => {
  it('cuts text at evidence offsets, dropping overlaps and out-of-range spans', () => {
    const text = 'Căn cứ Chỉ thị số 33/CT-TTg và Luật X.';
    const at = (s: string) => text.indexOf(s);
    const spans = [
      { start: at('Chỉ thị'), end: at(' và'), data: 'ct' },
      { start: at('33'), end: at(' và'), data: 'overlap' },
      { start: at('Luật'), end: at('.'), data: 'luat' },
      { start: 10, end: 999, data: 'outside' },
    ];
    const segs = segments(text, spans);
    expect(segs.map((s) => [s.text, s.span?.data])).toEqual([
      ['Căn cứ ', undefined],
      ['Chỉ thị số 33/CT-TTg', 'ct'],
      [' và ', undefined],
      ['Luật X', 'luat'],
      ['.', undefined],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
});

describe('implementers', () => {
  const step = (from: string, to: string) => ({ from: { id: from }, to: { id: to }, relation: 'IMPLEMENTS' as const });
  const province = doc('kh-t', { level: 'PROVINCE', province: 'Tỉnh Sơn La' });
  const district = doc('kh-h', { level: 'DISTRICT', province: 'Sơn La' });
  const commune = doc('kh-x', { level: 'COMMUNE', province: 'Tỉnh Sơn La' });
  const other = doc('kh-t2', { level: 'PROVINCE', province: 'Thành phố Hà Nội' });
  const edges: ImplementerEdge[] = [
    { depth: 3, node: commune, path: [step('kh-x', 'kh-h'), step('kh-h', 'kh-t'), step('kh-t', 'ct')] },
    { depth: 1, node: province, path: [step('kh-t', 'ct')] },
    { depth: 2, node: district, path: [step('kh-h', 'kh-t'), step('kh-t', 'ct')] },
    { depth: 1, node: other, path: [step('kh-t2', 'ct')] },
  ];
  it('sends the filters of the address, the issuer trimmed and none when blank', () => {
    expect(implementersFilter(new URLSearchParams('province=Trà+Vinh&year=2022&issuer=+ubnd+huyện+'))).toEqual({ province: 'Trà Vinh', year: 2022, level: null, issuer: 'ubnd huyện' });
    expect(implementersFilter(new URLSearchParams('issuer=+'))).toMatchObject({ issuer: null });
  });
  it('builds the tỉnh → huyện → xã tree from the paths', () => {
    const show = (ns: ReturnType<typeof implementerTree>): unknown => ns.map((n) => [n.doc.id, show(n.children)]);
    expect(show(implementerTree(edges))).toEqual([
      ['kh-t2', []],
      ['kh-t', [['kh-h', [['kh-x', []]]]]],
    ]);
  });
  it('hangs a plan under the nearest listed ancestor when a filter hid its parent', () => {
    const tree = implementerTree(edges.filter((e) => e.node.id !== 'kh-h'));
    expect(tree.find((n) => n.doc.id === 'kh-t')!.children.map((n) => n.doc.id)).toEqual(['kh-x']);
  });
  it('names the provinces with no implementing plan, from the per-province counts', () => {
    // "Sơn La" and "Tỉnh Sơn La" as documents spell them are one province; Đà Nẵng is not in the list;
    // 2 of the 12 implementers have no province
    const byProvince = [{ value: 'Tỉnh Sơn La', count: 5 }, { value: 'Thành phố Hà Nội', count: 2 }, { value: 'Sơn La', count: 2 }, { value: 'Đà Nẵng', count: 1 }];
    const c = coverage(['Thành phố Hà Nội', 'Tỉnh Sơn La', 'Tỉnh Lai Châu'], byProvince, 12);
    expect(c.missing).toEqual(['Tỉnh Lai Châu']);
    expect(c.rows).toEqual([{ province: 'Thành phố Hà Nội', count: 2 }, { province: 'Tỉnh Sơn La', count: 7 }, { province: 'Tỉnh Lai Châu', count: 0 }]);
    expect(c.unplaced).toBe(3);
  });
  it('after the 2025 reform, counts a plan of an old province for the province it joined (web/public/provinces.json)', () => {
    const lists = JSON.parse(readFileSync(new URL('../../web/public/provinces.json', import.meta.url), 'utf8')) as {
      'pre-2025': { name: string }[];
      'post-2025': { name: string }[];
      'merged-into': Record<string, string>;
    };
    const merged = lists['merged-into'];
    expect(Object.keys(merged)).toHaveLength(63);
    expect(new Set(Object.values(merged)).size).toBe(34);
    // Resolution 202/2025/QH15: Bến Tre and Trà Vinh joined Vĩnh Long; Hà Giang joined Tuyên Quang
    expect([merged['Tỉnh Trà Vinh'], merged['Tỉnh Bến Tre'], merged['Tỉnh Hà Giang']]).toEqual(['Tỉnh Vĩnh Long', 'Tỉnh Vĩnh Long', 'Tỉnh Tuyên Quang']);
    const units = lists['post-2025'].map((p) => p.name);
    const byProvince = [{ value: 'Trà Vinh', count: 4 }, { value: 'Tỉnh Vĩnh Long', count: 1 }, { value: 'Hà Giang', count: 2 }];
    const c = coverage(units, byProvince, 7, merged);
    expect(c.rows.filter((r) => r.count > 0)).toEqual([{ province: 'Tỉnh Tuyên Quang', count: 2 }, { province: 'Tỉnh Vĩnh Long', count: 5 }]);
    expect(c.missing).toHaveLength(32);
    expect(c.unplaced).toBe(0);
    // without the map, the old names are not placed
    expect(coverage(units, byProvince, 7).unplaced).toBe(6);
  });
});

describe('trace export', () => {
  const plan = doc('kh-1', { symbol: '12/KH-UBND' });
  const ct = doc('ct-33', { kind: 'Chỉ thị', symbol: '33/CT-TTg', date: '2024-10-01', ingested: false });
  const steps: TraceStep[] = [
    {
      depth: 1,
      relation: 'IMPLEMENTS',
      from: plan,
      to: ct,
      evidence: [
        { source: 'kh-1', quote: 'Thực hiện Chỉ thị số 33/CT-TTg, "đẩy mạnh", năm 2024', start: 10, end: 30, section: 'preamble' },
        { source: 'kh-1', quote: '=HYPERLINK("x")', start: 40, end: 50, section: 'I.1' },
      ],
      // the API returned the first 2 of 75 pieces
      evidenceCount: 75,
    },
    { depth: 2, relation: 'BASED_ON', from: ct, to: doc('luat', { kind: 'Luật', name: 'Luật X' }), evidence: [], evidenceCount: 0 },
  ];
  it('writes one CSV row per piece of evidence, quoted and formula-safe', () => {
    const lines = traceCsv(steps).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Thực hiện Chỉ thị số 33/CT-TTg, ""đẩy mạnh"", năm 2024"');
    expect(lines[1]).toContain('01/10/2024,75,kh-1,');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[3].startsWith('2,ct-33,Chỉ thị 33/CT-TTg,BASED_ON,Căn cứ,luat,Luật X,,0,')).toBe(true);
  });
  it('writes JSON with the document, the steps and their evidence', () => {
    const parsed = JSON.parse(traceJson(plan, steps, new Date('2025-01-02T03:04:05Z')));
    expect(parsed.document.id).toBe('kh-1');
    expect(parsed.exportedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(parsed.steps[0].evidence[1].section).toBe('I.1');
  });
});
