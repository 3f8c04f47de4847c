/**
 * Hand-made extractions for the graph tests: real-looking plan texts whose
 * citation offsets are found in the text, so evidence quotes are real.
 */
import type { Citation, Extraction, Header, Relation, StatedRelation } from '../ingest/model.ts';
import { toBatch } from '../graph/from-extraction.ts';
import type { IngestBatch } from '../graph/store.ts';
import { createHash } from 'node:crypto';

export interface CiteSpec {
  key: string;
  /** Exact surface in the text; every occurrence is a mention (cue from `cues`, default: relation). */
  surface: string;
  kind: string;
  symbol?: string | null;
  name?: string | null;
  date?: string | null;
  issuer?: string | null;
  subject?: string | null;
  relation: Relation;
  /** Cue of each occurrence in order (defaults to `relation` for all). */
  cues?: Relation[];
  ambiguous?: Citation['ambiguous'];
}

export interface PlanSpec {
  file: string;
  key: string | null;
  text: string;
  header?: Partial<Header>;
  cites: CiteSpec[];
  stated?: { fromKey: string; toKey: string; surface: string; relation: StatedRelation['relation'] }[];
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) out.push(i);
  if (!out.length) throw new Error(`fixture: "${surface}" not in text`);
  return out;
}

export function extraction(p: PlanSpec): Extraction {
  const header: Header = {
    key: p.key, symbol: null, kind: 'Kế hoạch', date: null, year: null, place: null, issuer: null, title: null,
    signer: null, province: null, district: null, commune: null, level: null, ...p.header,
  };
  const citations: Citation[] = p.cites.map((c) => {
    const mentions = occurrences(p.text, c.surface).map((start, i) => ({
      start, end: start + c.surface.length, section: i === 0 ? 'preamble' : 'II.1', form: 'symbol' as const, cue: c.cues?.[i] ?? c.relation,
    }));
    return {
      key: c.key, kind: c.kind, symbol: c.symbol ?? null, name: c.name ?? null, aliases: [], date: c.date ?? null,
      issuer: c.issuer ?? null, subject: c.subject ?? null, relation: c.relation,
      signals: [...new Set(mentions.map((m) => m.cue))], mentions, ...(c.ambiguous ? { ambiguous: c.ambiguous } : {}),
    };
  });
  const statedRelations: StatedRelation[] = (p.stated ?? []).map((s) => {
    const start = occurrences(p.text, s.surface)[0];
    return { from: s.fromKey, to: s.toKey, fromKey: s.fromKey, toKey: s.toKey, relation: s.relation, start, end: start + s.surface.length, section: 'preamble' };
  });
  return { file: p.file, header, citations, statedRelations, diagnostics: [] };
}

export function batch(p: PlanSpec): IngestBatch {
  return toBatch(extraction(p), { text: p.text, contentHash: createHash('sha256').update(p.text).digest('hex') });
}

// ---- A chain: commune plan → district plan → province plan → Prime Minister's directive ----

export const KEYS = {
  directive: 'chi-thi:33/CT-TTg:2021',
  law: 'luat:10/2022/QH15',
  province: 'ke-hoach:15/KH-UBND:2022:tay-ninh',
  district: 'ke-hoach:55/KH-UBND:2022:duong-minh-chau',
  commune: 'ke-hoach:12/KH-UBND:2023:phuoc-minh',
  otherDistrict: 'ke-hoach:70/KH-UBND:2022:cao-lanh',
  party217: 'quy-dinh:217-QĐ/TW:2013',
  party218: 'quy-dinh:218-QĐ/TW:2013',
} as const;

const DIRECTIVE = 'Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ';
const LAW = 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15';
const PROVINCE_PLAN = 'Kế hoạch số 15/KH-UBND ngày 14/01/2022 của Ủy ban nhân dân tỉnh';
const DISTRICT_PLAN = 'Kế hoạch số 55/KH-UBND ngày 27/01/2022 của Ủy ban nhân dân huyện';

const directiveCite = (relation: Relation): CiteSpec => ({
  key: KEYS.directive, surface: DIRECTIVE, kind: 'Chỉ thị', symbol: '33/CT-TTg', date: '2021-11-26', issuer: 'Thủ tướng Chính phủ', relation,
});

export const provincePlan: PlanSpec = {
  file: 'tay-ninh-15.txt',
  key: KEYS.province,
  header: { symbol: '15/KH-UBND', date: '2022-01-14', year: 2022, issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', province: 'Tây Ninh', level: 'tỉnh', title: 'Thực hiện công tác dân vận năm 2022' },
  text: `KẾ HOẠCH\nThực hiện công tác dân vận năm 2022\n\nCăn cứ ${LAW};\nThực hiện ${DIRECTIVE} về tăng cường hiệu quả công tác dân vận, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau.\nI. MỤC ĐÍCH\n- Quán triệt ${DIRECTIVE}.\n`,
  cites: [
    { key: KEYS.law, surface: LAW, kind: 'Luật', symbol: '10/2022/QH15', name: 'Luật Thực hiện dân chủ ở cơ sở', relation: 'based_on' },
    { ...directiveCite('implements'), cues: ['implements', 'cites'], subject: 'tăng cường hiệu quả công tác dân vận' },
  ],
};

export const districtPlan: PlanSpec = {
  file: 'duong-minh-chau-55.txt',
  key: KEYS.district,
  header: { symbol: '55/KH-UBND', date: '2022-01-27', year: 2022, issuer: 'Ủy ban nhân dân huyện Dương Minh Châu', province: 'Tây Ninh', level: 'huyện' },
  text: `Thực hiện ${PROVINCE_PLAN} về công tác dân vận năm 2022;\nỦy ban nhân dân huyện ban hành Kế hoạch.\nII. NHIỆM VỤ\n1. Tiếp tục thực hiện tốt ${DIRECTIVE}.\n`,
  cites: [
    { key: KEYS.province, surface: PROVINCE_PLAN, kind: 'Kế hoạch', symbol: '15/KH-UBND', date: '2022-01-14', issuer: 'Ủy ban nhân dân tỉnh', relation: 'implements' },
    directiveCite('cites'),
  ],
};

export const communePlan: PlanSpec = {
  file: 'phuoc-minh-12.txt',
  key: KEYS.commune,
  header: { symbol: '12/KH-UBND', date: '2023-02-01', year: 2023, issuer: 'Ủy ban nhân dân xã Phước Minh', province: 'Tây Ninh', level: 'xã' },
  text: `Thực hiện ${DISTRICT_PLAN};\nỦy ban nhân dân xã ban hành Kế hoạch thực hiện công tác dân vận.\n`,
  cites: [{ key: KEYS.district, surface: DISTRICT_PLAN, kind: 'Kế hoạch', symbol: '55/KH-UBND', date: '2022-01-27', relation: 'implements' }],
};

export const otherDistrictPlan: PlanSpec = {
  file: 'cao-lanh-70.txt',
  key: KEYS.otherDistrict,
  header: { symbol: '70/KH-UBND', year: 2022, issuer: 'Ủy ban nhân dân huyện Cao Lãnh', province: 'Đồng Tháp', level: 'huyện' },
  text: `Thực hiện ${DIRECTIVE};\nThực hiện Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về giám sát xã hội, ban hành Kế hoạch.\nQuyết định 218 giao Mặt trận hướng dẫn Quyết định số 217-QĐ/TW.\n`,
  cites: [
    directiveCite('implements'),
    { key: KEYS.party217, surface: 'Quyết định số 217-QĐ/TW', kind: 'Quy định', symbol: '217-QĐ/TW', date: '2013-12-12', issuer: 'Bộ Chính trị', relation: 'implements', cues: ['implements', 'cites'] },
    { key: KEYS.party218, surface: 'Quyết định số 218-QĐ/TW', kind: 'Quy định', symbol: '218-QĐ/TW', date: '2013-12-12', issuer: 'Bộ Chính trị', relation: 'implements' },
  ],
  stated: [{ fromKey: KEYS.party218, toKey: KEYS.party217, surface: 'Quyết định 218 giao Mặt trận hướng dẫn', relation: 'guides' }],
};

export const chain = [provincePlan, districtPlan, communePlan, otherDistrictPlan];

// ---- A placeholder: a local plan cited with no issuer, so its place is open (`@?`) ----

export const PLACEHOLDER_KEYS = {
  placeholder: '52/KH-UBND@2022@?',
  known: '60/KH-UBND@2022@Tây Ninh/Dương Minh Châu',
  district: '21/KH-UBND@2022@Tây Ninh/Dương Minh Châu',
  commune: '7/KH-UBND@2023@Tây Ninh/Dương Minh Châu/Phước Minh',
  elsewhere: '9/KH-UBND@2023@Đồng Tháp/Cao Lãnh/Mỹ Long',
} as const;

const P52 = 'Kế hoạch số 52/KH-UBND ngày 25/3/2022';
const P60 = 'Kế hoạch số 60/KH-UBND ngày 02/4/2022 của Ủy ban nhân dân xã';
const P21 = 'Kế hoạch số 21/KH-UBND ngày 01/3/2022 của Ủy ban nhân dân huyện';

/** Cites the placeholder and a known plan, and states that each of them implements the district plan. */
export const placeholderCommunePlan: PlanSpec = {
  file: 'phuoc-minh-7.txt',
  key: PLACEHOLDER_KEYS.commune,
  header: { symbol: '7/KH-UBND', date: '2023-01-10', year: 2023, issuer: 'Ủy ban nhân dân xã Phước Minh', province: 'Tây Ninh', level: 'xã' },
  text: `Trên cơ sở kết quả thực hiện ${P52} về triển khai ${P21};\nThực hiện ${P60} về triển khai Kế hoạch 21/KH-UBND, ban hành Kế hoạch.\n`,
  cites: [
    { key: PLACEHOLDER_KEYS.placeholder, surface: P52, kind: 'Kế hoạch', symbol: '52/KH-UBND', date: '2022-03-25', relation: 'implements' },
    { key: PLACEHOLDER_KEYS.known, surface: P60, kind: 'Kế hoạch', symbol: '60/KH-UBND', date: '2022-04-02', relation: 'implements' },
    { key: PLACEHOLDER_KEYS.district, surface: P21, kind: 'Kế hoạch', symbol: '21/KH-UBND', date: '2022-03-01', relation: 'cites' },
  ],
  stated: [
    { fromKey: PLACEHOLDER_KEYS.placeholder, toKey: PLACEHOLDER_KEYS.district, surface: `${P52} về triển khai`, relation: 'implements' },
    { fromKey: PLACEHOLDER_KEYS.known, toKey: PLACEHOLDER_KEYS.district, surface: `${P60} về triển khai`, relation: 'implements' },
  ],
};

/** A plan in another province citing the same open key: its own, different 52/KH-UBND. */
export const placeholderElsewherePlan: PlanSpec = {
  file: 'my-long-9.txt',
  key: PLACEHOLDER_KEYS.elsewhere,
  header: { symbol: '9/KH-UBND', date: '2023-02-10', year: 2023, issuer: 'Ủy ban nhân dân xã Mỹ Long', province: 'Đồng Tháp', level: 'xã' },
  text: `Trên cơ sở kết quả thực hiện ${P52}, ban hành Kế hoạch.\n`,
  cites: [{ key: PLACEHOLDER_KEYS.placeholder, surface: P52, kind: 'Kế hoạch', symbol: '52/KH-UBND', date: '2022-03-25', relation: 'implements' }],
};
