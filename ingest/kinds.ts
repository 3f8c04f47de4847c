/**
 * Document kinds: the words that introduce a citation ("Quyết định số …") and the
 * type codes inside symbols (QĐ, CT, NQ …), both mapped to one canonical kind.
 */
import { foldPhrase } from './normalize.ts';

/** Canonical kind → written forms (longest first). Forms are matched accent- and case-insensitively. */
const KIND_FORMS: [string, string[]][] = [
  ['Chương trình', ['Chương trình phối hợp', 'Chương trình hành động', 'Chương trình công tác', 'Chương trình liên tịch', 'Chương trình']],
  ['Kế hoạch', ['Kế hoạch liên tịch', 'Kế hoạch phối hợp', 'Kế hoạch']],
  ['Nghị quyết', ['Nghị quyết liên tịch', 'Nghị quyết']],
  ['Thông tư', ['Thông tư liên tịch', 'Thông tư']],
  ['Hướng dẫn', ['Hướng dẫn liên tịch', 'Hướng dẫn']],
  ['Thông báo', ['Thông báo kết luận', 'Thông báo']],
  ['Văn bản hợp nhất', ['Văn bản hợp nhất']],
  ['Nghị định', ['Nghị định']],
  ['Quyết định', ['Quyết định']],
  ['Quy định', ['Quy định']],
  ['Chỉ thị', ['Chỉ thị']],
  ['Kết luận', ['Kết luận']],
  ['Công văn', ['Công văn', 'Văn bản']],
  ['Công điện', ['Công điện']],
  ['Thông tri', ['Thông tri']],
  ['Bộ luật', ['Bộ luật']],
  ['Luật', ['Luật']],
  ['Pháp lệnh', ['Pháp lệnh']],
  ['Lệnh', ['Lệnh']],
  ['Báo cáo', ['Báo cáo']],
  ['Tờ trình', ['Tờ trình']],
  ['Đề án', ['Đề án']],
  ['Quy chế', ['Quy chế phối hợp', 'Quy chế']],
  ['Chiến lược', ['Chiến lược']],
  ['Thông cáo', ['Thông cáo']],
];

export interface KindForm {
  kind: string;
  written: string;
  fold: string;
}

export const KIND_LIST: KindForm[] = KIND_FORMS.flatMap(([kind, forms]) =>
  forms.map((written) => ({ kind, written, fold: foldPhrase(written) })),
).sort((a, b) => b.fold.length - a.fold.length);

const KIND_BY_FOLD = new Map(KIND_LIST.map((k) => [k.fold, k]));

/** Alternation matching any kind form in folded text, words separated by any whitespace. */
export const KIND_ALTERNATION = KIND_LIST.map((k) => k.fold.split(' ').join('\\s+')).join('|');

export function kindOfFolded(foldedPhrase: string): KindForm | undefined {
  return KIND_BY_FOLD.get(foldedPhrase.replace(/\s+/g, ' '));
}

/** Type code (upper-cased, accent kept) → canonical kind. */
const TYPE_CODES: Record<string, string> = {
  CT: 'Chỉ thị',
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết',
  QĐ: 'Quyết định',
  QĐI: 'Quy định',
  QYĐ: 'Quy định',
  KH: 'Kế hoạch',
  KL: 'Kết luận',
  CTR: 'Chương trình',
  CTHĐ: 'Chương trình',
  HD: 'Hướng dẫn',
  HDLT: 'Hướng dẫn',
  TB: 'Thông báo',
  CV: 'Công văn',
  NĐ: 'Nghị định',
  ND: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư',
  PL: 'Pháp lệnh',
  CĐ: 'Công điện',
  BC: 'Báo cáo',
  TTR: 'Tờ trình',
  ĐA: 'Đề án',
  QC: 'Quy chế',
  VBHN: 'Văn bản hợp nhất',
  L: 'Lệnh',
};

export function kindOfTypeCode(code: string | null): string | null {
  if (!code) return null;
  return TYPE_CODES[code.toUpperCase()] ?? null;
}

/** Written abbreviations of kinds used in place of the kind word ("QĐ 217/218-QĐ/TW"). */
export const KIND_ABBREVIATIONS: Record<string, string> = {
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  KL: 'Kết luận',
  CV: 'Công văn',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
};
