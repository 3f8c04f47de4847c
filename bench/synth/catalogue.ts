/**
 * Central documents (State and Party) that plans implement and cite: a fixed
 * set of real ones (facts from /work/shared/reference/vietnamese-legal-references.md
 * and the seed plans) plus one synthetic "root" per topic and year, which the
 * province plans of that campaign implement.
 */
import type { TruthDocument } from './truth.ts';

export interface CentralDocument extends TruthDocument {
  /** The "về …" subject. */
  subject: string;
  /** Ways the issuer is written after "của" (first = canonical). */
  issuerForms: string[];
  /** Laws: names a plan may cite it by (first = official). */
  names: string[];
  /** Relations a plan states when it gives this document's subject (each becomes a stated relation). */
  guides?: CentralDocument;
  continues?: CentralDocument;
  implementsDoc?: CentralDocument;
  /** Laws replaced by a new law of the same name that year: later plans citing the name mean the new one. */
  supersededIn?: number;
}

function central(
  id: string,
  kind: string,
  symbol: string,
  date: string,
  issuerForms: string[],
  subject: string,
  names: string[] = [],
): CentralDocument {
  return {
    id: `central:${id}`,
    kind,
    symbol,
    name: names[0] ?? null,
    date,
    issuer: issuerForms[0],
    level: 'trung ương',
    province: null,
    district: null,
    commune: null,
    subject,
    issuerForms,
    names,
  };
}

const TTG = ['Thủ tướng Chính phủ'];
const CP = ['Chính phủ'];
const QH = ['Quốc hội'];
const party = (body: string, term: string): string[] => [
  body,
  `${body} (khóa ${term})`,
  `${body} khóa ${term}`,
];
const BCT = (term: string) => party('Bộ Chính trị', term);
const BBT = (term: string) => ['Ban Bí thư', `Ban Bí thư Trung ương Đảng khóa ${term}`, `Ban Bí thư (khóa ${term})`];
const BCH = (term: string) => [`Ban Chấp hành Trung ương Đảng khóa ${term}`, `Ban Chấp hành Trung ương (khóa ${term})`];

const law = (id: string, symbol: string, date: string, names: string[]) =>
  central(id, 'Luật', symbol, date, QH, names[0].replace(/^Luật /, '').toLowerCase(), names);

const nd04 = central('nd04', 'Nghị định', '04/2015/NĐ-CP', '2015-01-09', CP, 'thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập');

export const FIXED = {
  nd04,
  ct33: central('ct33', 'Chỉ thị', '33/CT-TTg', '2021-11-26', TTG, 'tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới'),
  ct16: central('ct16', 'Chỉ thị', '16/CT-TTg', '2016-05-16', TTG, 'tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới'),
  nq25: central('nq25', 'Nghị quyết', '25-NQ/TW', '2013-06-03', BCH('XI'), 'tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới'),
  qd23: central('qd23', 'Quyết định', '23-QĐ/TW', '2021-07-30', BCT('XIII'), 'Quy chế công tác dân vận của hệ thống chính trị'),
  kl114: central('kl114', 'Kết luận', '114-KL/TW', '2015-07-14', BBT('XI'), 'nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp'),
  qd217: central('qd217', 'Quyết định', '217-QĐ/TW', '2013-12-12', BCT('XI'), 'ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội'),
  qd218: central('qd218', 'Quyết định', '218-QĐ/TW', '2013-12-12', BCT('XI'), 'ban hành Quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và nhân dân tham gia góp ý xây dựng Đảng, xây dựng chính quyền'),
  // Same symbol, two documents: told apart by date and issuer only.
  qd124a: central('qd124-2018', 'Quy định', '124-QĐ/TW', '2018-02-02', BBT('XII'), 'giám sát của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội và Nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ chốt và cán bộ, đảng viên'),
  qd124b: central('qd124-2023', 'Quy định', '124-QĐ/TW', '2023-10-04', BCT('XIII'), 'kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị'),
  qdi08: central('qdi08', 'Quy định', '08-QĐi/TW', '2018-10-25', BCH('XII'), 'trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương'),
  nq60: central('nq60', 'Nghị quyết', '60-NQ/TW', '2025-04-12', BCH('XIII'), 'một số vấn đề về sắp xếp tổ chức bộ máy và đơn vị hành chính'),
  nd30: central('nd30', 'Nghị định', '30/2020/NĐ-CP', '2020-03-05', CP, 'công tác văn thư'),
  tt03: { ...central('tt03', 'Thông tư', '03/2016/TT-BNV', '2016-03-15', ['Bộ Nội vụ', 'Bộ trưởng Bộ Nội vụ'], 'hướng dẫn thi hành'), guides: nd04 },
  qd18: central('qd18', 'Quyết định', '18/2020/QĐ-TTg', '2020-07-10', TTG, 'thi đua, khen thưởng trong cơ quan hành chính nhà nước'),
  pl34: central('pl34', 'Pháp lệnh', '34/2007/PL-UBTVQH11', '2007-04-20', ['Ủy ban Thường vụ Quốc hội'], 'thực hiện dân chủ ở xã, phường, thị trấn'),
  luatDanChu: law('luat-dan-chu', '10/2022/QH15', '2022-11-10', ['Luật Thực hiện dân chủ ở cơ sở', 'Luật Dân chủ ở cơ sở']),
  luatTiepCan: law('luat-tiep-can', '104/2016/QH13', '2016-04-06', ['Luật Tiếp cận thông tin']),
  luatTiepCongDan: law('luat-tiep-cong-dan', '42/2013/QH13', '2013-11-25', ['Luật Tiếp công dân']),
  luatKhieuNai: law('luat-khieu-nai', '02/2011/QH13', '2011-11-11', ['Luật Khiếu nại']),
  luatToCao: law('luat-to-cao', '25/2018/QH14', '2018-06-12', ['Luật Tố cáo']),
  luatPCTN: law('luat-pctn', '36/2018/QH14', '2018-11-20', ['Luật Phòng, chống tham nhũng']),
  luatCQDP: { ...law('luat-cqdp', '77/2015/QH13', '2015-06-19', ['Luật Tổ chức chính quyền địa phương']), supersededIn: 2025 },
  luatCBCC: { ...law('luat-cbcc', '22/2008/QH12', '2008-11-13', ['Luật Cán bộ, công chức']), supersededIn: 2025 },
  luatVC: { ...law('luat-vc', '58/2010/QH12', '2010-11-15', ['Luật Viên chức']), supersededIn: 2025 },
} satisfies Record<string, CentralDocument>;

export type RootStyle = 'CT-TTg' | 'KL/TW' | 'QĐ-TTg' | 'NQ-CP';

export interface Topic {
  key: string;
  /** Title subject: "Kế hoạch thực hiện <subject> năm 2022". */
  subject: string;
  /** Subject of the yearly central root. */
  rootSubject: string;
  rootStyle: RootStyle;
  /** The ministry that guides the root ("Công văn … của Bộ Nội vụ hướng dẫn …"). */
  ministry: { code: string; name: string; unit: string };
  /** Documents cited in the body. */
  body: CentralDocument[];
  /** Laws cited by name. */
  laws: CentralDocument[];
}

const BNV = { code: 'BNV', name: 'Bộ Nội vụ', unit: 'CQĐP' };
const BTP = { code: 'BTP', name: 'Bộ Tư pháp', unit: 'PBGDPL' };
const TTCP = { code: 'TTCP', name: 'Thanh tra Chính phủ', unit: 'PC' };
const BTTTT = { code: 'BTTTT', name: 'Bộ Thông tin và Truyền thông', unit: 'CĐSQG' };
const BNNPTNT = { code: 'BNNPTNT', name: 'Bộ Nông nghiệp và Phát triển nông thôn', unit: 'VPĐP' };
const F = FIXED;

export const TOPICS: Topic[] = [
  { key: 'dan-van', subject: 'công tác dân vận chính quyền', rootSubject: 'đẩy mạnh công tác dân vận của cơ quan hành chính nhà nước', rootStyle: 'CT-TTg', ministry: BNV, body: [F.nq25, F.qd23, F.kl114, F.qd217, F.qd218, F.ct16, F.ct33], laws: [F.luatDanChu, F.luatTiepCan] },
  { key: 'dan-chu', subject: 'Quy chế dân chủ ở cơ sở', rootSubject: 'tăng cường thực hiện dân chủ ở cơ sở', rootStyle: 'KL/TW', ministry: BNV, body: [F.nd04, F.tt03, F.qd217, F.qd218, F.pl34], laws: [F.luatDanChu, F.luatCQDP] },
  { key: 'cai-cach', subject: 'công tác cải cách hành chính', rootSubject: 'đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh', rootStyle: 'NQ-CP', ministry: BNV, body: [F.nd30, F.qd18, F.qd124b], laws: [F.luatCBCC, F.luatVC] },
  { key: 'pctn', subject: 'công tác phòng, chống tham nhũng, tiêu cực', rootSubject: 'tăng cường công tác phòng, chống tham nhũng, tiêu cực', rootStyle: 'KL/TW', ministry: TTCP, body: [F.qdi08, F.qd124a, F.qd124b], laws: [F.luatPCTN, F.luatToCao] },
  { key: 'tiep-dan', subject: 'công tác tiếp công dân, giải quyết khiếu nại, tố cáo', rootSubject: 'chấn chỉnh và nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo', rootStyle: 'CT-TTg', ministry: TTCP, body: [F.nq25, F.kl114], laws: [F.luatTiepCongDan, F.luatKhieuNai, F.luatToCao] },
  { key: 'pbgdpl', subject: 'công tác phổ biến, giáo dục pháp luật', rootSubject: 'tăng cường hiệu quả công tác phổ biến, giáo dục pháp luật', rootStyle: 'QĐ-TTg', ministry: BTP, body: [F.nd04, F.qd23], laws: [F.luatTiepCan, F.luatCQDP] },
  { key: 'chuyen-doi-so', subject: 'chuyển đổi số và xây dựng chính quyền số', rootSubject: 'đẩy mạnh chuyển đổi số quốc gia', rootStyle: 'QĐ-TTg', ministry: BTTTT, body: [F.nd30, F.nq60], laws: [F.luatTiepCan] },
  { key: 'nong-thon-moi', subject: 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới', rootSubject: 'tập trung thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới', rootStyle: 'NQ-CP', ministry: BNNPTNT, body: [F.qd217, F.qd23], laws: [F.luatDanChu] },
  { key: 'thi-dua', subject: 'công tác thi đua, khen thưởng', rootSubject: 'đổi mới công tác thi đua, khen thưởng', rootStyle: 'CT-TTg', ministry: BNV, body: [F.qd18, F.qdi08, F.kl114], laws: [F.luatCBCC] },
  { key: 'nep-song', subject: 'cuộc vận động toàn dân đoàn kết xây dựng đời sống văn hóa', rootSubject: 'tiếp tục đẩy mạnh phong trào toàn dân đoàn kết xây dựng đời sống văn hóa', rootStyle: 'KL/TW', ministry: BNV, body: [F.nq25, F.qd218, F.qd217], laws: [F.luatDanChu, F.luatCQDP] },
];

const PARTY_TERMS: { term: string; from: number }[] = [
  { term: 'XI', from: 2011 },
  { term: 'XII', from: 2016 },
  { term: 'XIII', from: 2021 },
  { term: 'XIV', from: 2026 },
];

/** The Party term (khóa) in force in a year, with its first year. */
export function partyTerm(year: number): { term: string; from: number } {
  return PARTY_TERMS.filter((t) => t.from <= year).at(-1)!;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The central document the province plans of (topic, year) implement. Numbers are unique
 * per kind within a year (State) or term (Party), and repeat across years as real ones do.
 */
export function rootOf(t: number, year: number): CentralDocument {
  const root = bareRoot(t, year);
  const previous = year > 2016 ? bareRoot(t, year - 1) : null;
  return previous && previous.id !== root.id ? { ...root, continues: previous } : root;
}

function bareRoot(t: number, year: number): CentralDocument {
  const topic = TOPICS[t];
  if (topic.key === 'dan-van') return year >= 2022 ? F.ct33 : F.ct16;
  const date = `${year}-${pad2(1 + ((t + year) % 3))}-${pad2(2 + ((t * 7 + year) % 26))}`;
  const subject = topic.rootSubject;
  switch (topic.rootStyle) {
    case 'CT-TTg':
      return central(`ct-${t}-${year}`, 'Chỉ thị', `${3 + t * 5 + (year % 5)}/CT-TTg`, date, TTG, subject);
    case 'QĐ-TTg':
      return central(`qd-${t}-${year}`, 'Quyết định', `${100 + t * 40 + (year % 7) * 3}/QĐ-TTg`, date, TTG, subject);
    case 'NQ-CP':
      return central(`nq-${t}-${year}`, 'Nghị quyết', `${10 + t * 9 + (year % 4)}/NQ-CP`, date, CP, subject);
    case 'KL/TW': {
      const { term, from } = partyTerm(year);
      return central(`kl-${t}-${year}`, 'Kết luận', `${20 + (year - from) * 50 + t * 5}-KL/TW`, date, BBT(term), subject);
    }
  }
}

/** The ministry's guidance on a root: "Công văn số 812/BNV-CQĐP … hướng dẫn thực hiện <root>". */
export function guidanceOf(t: number, year: number): CentralDocument {
  const m = TOPICS[t].ministry;
  const date = `${year}-${pad2(4 + (t % 3))}-${pad2(5 + ((t * 3 + year) % 20))}`;
  const doc = central(`cv-${t}-${year}`, 'Công văn', `${500 + t * 150 + (year % 5) * 20}/${m.code}-${m.unit}`, date, [m.name], 'hướng dẫn thực hiện');
  return { ...doc, guides: rootOf(t, year) };
}
