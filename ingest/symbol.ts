/**
 * Document symbols ("số và ký hiệu"): parse the written form into its parts,
 * give the canonical written form, and say how the number series is scoped.
 *
 *   State:  33/CT-TTg · 1631/QĐ-UBND-HC · 692/UBND-NC (công văn: no type code)
 *           04/2015/NĐ-CP · 10/2022/QH15 · 34/2007/PL-UBTVQH11
 *   Party:  217-QĐ/TW · 05-CTr/BDVTU-BCSĐUBND · 792-CV/TU; also written 217/QĐ-TW
 */
import { kindOfTypeCode } from './kinds.ts';

export interface SymbolParts {
  number: string;
  year: number | null;
  /** Type code (QĐ, CT …) or null for a công văn. */
  type: string | null;
  /** Issuer codes after the type, in order (TTg; UBND, HC; TW; BDVTU, BCSĐUBND). */
  issuers: string[];
  party: boolean;
}

/** How the numbers of a series restart, which decides what a key needs besides the symbol. */
export type SeriesScope =
  | 'national' // year (and issuer) in the symbol: unique nationally
  | 'national-yearly' // a central body numbering per calendar year: needs the year
  | 'party-central' // central Party bodies number per committee term: needs the term (khóa)
  | 'local'; // a province/district/commune body: needs the year and the locality

const MIXED_CASE: Record<string, string> = { TTG: 'TTg', CTR: 'CTr', QĐI: 'QĐi', QYĐ: 'QyĐ' };
const TYPE_CODES = new Set([
  'CT', 'NQ', 'NQLT', 'QĐ', 'QĐI', 'QYĐ', 'KH', 'KL', 'CTR', 'CTHĐ', 'HD', 'HDLT', 'TB', 'CV', 'NĐ', 'TT', 'TTLT',
  'PL', 'CĐ', 'BC', 'TTR', 'ĐA', 'QC', 'VBHN', 'L', 'BB', 'TC', 'PA', 'DA', 'HĐ', 'GM', 'BS',
]);
const PARTY_ISSUER = /^(?:TW|TU|HU|ĐU|QU|QUTW|ĐUK|[A-ZĐ]+(?:TW|TU|HU))$/;
const CENTRAL_STATE = new Set([
  'CP', 'TTG', 'VPCP', 'TTCP', 'CTN', 'VPQH', 'TANDTC', 'VKSNDTC', 'KTNN', 'NHNN', 'BHXH', 'UBDT', 'TLĐLĐVN',
  'BNV', 'BTC', 'BTP', 'BYT', 'BGDĐT', 'BCT', 'BLĐTBXH', 'BNNPTNT', 'BNN', 'BNNMT', 'BTNMT', 'BXD', 'BGTVT', 'BKHĐT',
  'BKHCN', 'BTTTT', 'BVHTTDL', 'BQP', 'BCA', 'BNG', 'BDTTG',
]);

/**
 * Codes as text without "Đ" writes them ("QD-TTg", "ND-CP", "QD/TW"; ASCII sources, lost fonts)
 * → the code itself, unless the D-form is a code of its own (HD Hướng dẫn, DA Dự án); and "TƯ",
 * a misreading of TW ("445-KL/TƯ").
 */
/** OCR misreadings ("445-KL/TƯ", "12/KH-ƯBND") and codes typed without "Đ" ("QD", "ND"). */
const MISSPELT_CODES: Record<string, string> = { 'TƯ': 'TW', 'ƯBND': 'UBND' };
for (const code of [...TYPE_CODES, ...CENTRAL_STATE, 'ĐU', 'ĐUK']) {
  const ascii = code.replace(/Đ/g, 'D');
  if (ascii !== code && !TYPE_CODES.has(ascii) && !CENTRAL_STATE.has(ascii)) MISSPELT_CODES[ascii] = code;
}

export function canonicalCode(code: string): string {
  const up = code.replace(/&/g, '').toUpperCase(); // "BGD&ĐT" is written "BGDĐT" since
  const fixed = MISSPELT_CODES[up] ?? up;
  return MIXED_CASE[fixed] ?? fixed;
}

/**
 * Parse a symbol already stripped of whitespace ("217-QĐ/TW", "04/2015/NĐ-CP").
 * Returns null when it does not have a symbol's shape.
 */
export function parseSymbol(written: string): SymbolParts | null {
  const m = /^(\d{1,5}(?:\.\d{1,3}(?=\/(?:19|20)\d{2})|[a-z](?=\/))?)(?:\/((?:19|20)\d{2}))?([-/])(.+)$/.exec(written);
  if (!m) return null;
  const [, num, yearStr, sep, rest] = m;
  const parts = rest.split(/[-/]/).filter(Boolean).map(canonicalCode);
  if (parts.length === 0 || parts.some((p) => !/^[A-ZĐƯ][A-ZĐƯ0-9]*[a-zđ]?[A-ZĐ0-9]*$/i.test(p))) return null;
  const year = yearStr ? Number(yearStr) : null;
  // Party form N-TYPE/ISSUER, or the swapped N/TYPE-ISSUER whose issuer is a Party body
  const last = parts[parts.length - 1];
  const party = (sep === '-' && rest.includes('/')) || (!year && parts.length >= 2 && TYPE_CODES.has(parts[0]) && PARTY_ISSUER.test(last) && !CENTRAL_STATE.has(last));
  let type: string | null = null;
  let issuers = parts;
  if ((TYPE_CODES.has(parts[0].toUpperCase()) && (parts.length > 1 || party)) || (party && sep === '-' && parts.length > 1)) {
    // a known type code; in the Party form N-TYPE/ISSUER, whatever stands before the "/"
    type = parts[0];
    issuers = parts.slice(1);
  } else if (year && parts.length === 1) {
    // 10/2022/QH15: the issuer code stands alone
    type = null;
  }
  return { number: num, year, type, issuers, party };
}

/** The canonical written symbol: Party as N-TYPE/ISSUER, State as N[/YYYY]/TYPE-ISSUER. */
export function formatSymbol(p: SymbolParts, keepNumber = true): string {
  const num = keepNumber ? p.number : p.number.replace(/^0+(?=\d)/, '');
  if (p.party) return `${num}-${p.type ?? ''}/${p.issuers.join('-')}`;
  const codes = [p.type, ...p.issuers].filter(Boolean).join('-');
  return p.year ? `${num}/${p.year}/${codes}` : `${num}/${codes}`;
}

export function seriesScope(p: SymbolParts): SeriesScope {
  const codes = p.issuers.map((c) => c.toUpperCase());
  const last = codes[codes.length - 1] ?? '';
  // the Council of State's orders ("10-LCT/HĐNN7") are numbered per legislature, which the code names
  if (codes.some((c) => /^HĐNN\d+$/.test(c))) return 'national';
  if (p.party) return /TW$/.test(last) || codes.includes('TW') ? 'party-central' : 'local';
  const central = codes.some((c) => CENTRAL_STATE.has(c) || /^(?:QH|UBTVQH)\d*$/.test(c));
  if (central) return p.year ? 'national' : 'national-yearly';
  if (/^(?:QH|UBTVQH)\d*$/.test(last)) return 'national';
  return 'local';
}

export function kindOfSymbol(p: SymbolParts): string | null {
  if (p.type) return kindOfTypeCode(p.type);
  const last = p.issuers[p.issuers.length - 1] ?? '';
  if (p.year && /^QH\d+$/.test(last)) return 'Luật';
  if (p.year && /^UBTVQH\d+$/.test(last)) return 'Pháp lệnh';
  return p.year ? null : 'Công văn';
}

/** A province's departments (Sở): "SNV" Nội vụ, "SGDĐT" Giáo dục và Đào tạo, "SKHĐT", "STNMT" … */
const PROVINCE_DEPARTMENT = /^S(?:NV|YT|TC|TP|CT|XD|NN|NNPTNT|NNMT|GDĐT|GD&ĐT|KHĐT|TNMT|LĐTBXH|VHTTDL|VHTT|VHTTTT|TTTT|GTVT|KHCN|DTTG)$/;
/** A district's offices (Phòng): "PNV" Nội vụ, "PGDĐT", "PTCKH" Tài chính - Kế hoạch … */
const DISTRICT_OFFICE = /^P(?:NV|YT|TP|KT|NN|GDĐT|GD&ĐT|TCKH|TNMT|LĐTBXH|VHTT|VHTTTT|KTHT|QLĐT)$/;

/** Type codes that imply an issuer level, for local documents without an explicit locality. */
export function levelOfCodes(p: SymbolParts): 'tỉnh' | 'huyện' | 'xã' | null {
  const codes = p.issuers.map((c) => c.toUpperCase());
  if (codes.some((c) => /(?:TU)$/.test(c) || PROVINCE_DEPARTMENT.test(c))) return 'tỉnh';
  if (codes.some((c) => /(?:HU)$/.test(c) || DISTRICT_OFFICE.test(c))) return 'huyện';
  if (codes.includes('ĐU')) return 'xã';
  return null;
}
