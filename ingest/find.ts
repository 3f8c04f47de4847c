/**
 * Stage 2, find: every mention of a document in the cleaned text, with the parts
 * written around it (kind word, "số", symbol, date, "của <issuer>", "về <subject>").
 * Works on norm/fold offsets; the assembler maps them back to the original.
 */
import type { Cleaned } from './clean.ts';
import { KIND_ABBREVIATIONS, KIND_ALTERNATION, kindOfFolded } from './kinds.ts';
import { type NamedLawMatch, matchNamedLaw } from './named-laws.ts';
import { type SymbolParts, formatSymbol, kindOfSymbol, parseSymbol } from './symbol.ts';

export interface Found {
  /** norm span of the whole mention: kind word → symbol → date → "của" issuer */
  start: number;
  end: number;
  /** norm span of the symbol or name itself */
  coreStart: number;
  coreEnd: number;
  form: 'symbol' | 'name';
  kind: string;
  kindAsWritten: string | null;
  /** symbol as written, whitespace removed */
  symbol: string | null;
  parts: SymbolParts | null;
  name: string | null;
  law: NamedLawMatch | null;
  date: string | null;
  /** the date came from the next document of a joined citation (see shareJoined) */
  dateShared?: boolean;
  /** a year written after a name ("Luật Đất đai năm 2013") */
  year: number | null;
  /** the year of an amendment written after a name ("Luật … (sửa đổi, bổ sung năm 2019)"): the law in force then */
  amendedIn?: number;
  issuer: string | null;
  subject: string | null;
  /** norm offset where the "về …" subject starts (for stated relations), or null */
  subjectStart: number | null;
  /** end of symbol/date/issuer before any subject: where a joined citation may follow */
  trailerEnd: number;
  /** the laws an amending law names ("Luật sửa đổi, bổ sung một số điều của Luật A và Luật B") */
  amends?: Found[];
}

// one lower-case letter inside ("TTg", "QĐi", "CTr"), and the casings "Ttg", "Ctr", "Ttr" (Chương trình, Tờ trình)
// and an old code joined by "&" ("QĐ-BGD&ĐT", "BNN&PTNT")
const CODE = String.raw`(?:[A-ZĐƯ][A-ZĐƯ0-9]*(?:&[A-ZĐƯ][A-ZĐƯ0-9]*)?(?:[a-zđ][A-ZĐ0-9]*)?|Ttg|Ctr|Ttr)`;
/** A Party issuer typed in lower case: "15- Nq/tw". */
const LOWER_PARTY_ISSUER = 'tw|tu|hu';
/** Type codes that, followed by "/", make a space enough between them and the number: "84 QĐ/TWĐTN". */
const SPACED_TYPE = 'QĐ|QD|NQ|CT|KL|HD|KH|TB|BC|CTr|QĐi';
const WS = String.raw`[ \n]?`;
const SYMBOL_RE = new RegExp(
  // a dotted number only before a year: "66.16/2026/NQ-CP" (the 2026 resolutions of the Government);
  // a letter after the number before its "/": "30a/2008/NQ-CP"; "O" read for a leading zero: "O4 /2015/NĐ-CP"
  String.raw`(?<![\p{L}\p{N}/.,\-])((?:\d|O(?=\d))\d{0,4}(?:\.\d{1,3}(?=${WS}\/${WS}(?:19|20)\d{2})|[a-z](?=${WS}\/))?)((?:${WS}(?:,|và)${WS}\d{1,5})*(?:\/\d{1,5}(?=${WS}-))?)` +
    String.raw`(?:${WS}\/${WS}((?:19|20)\d{2}))?(?:${WS}([-/])${WS}|[ ](?=(?:${SPACED_TYPE})\/))(${CODE})((?:${WS}[-/]${WS}(?:${CODE}|${LOWER_PARTY_ISSUER}))*)` +
    // the legislature written apart, in Roman numerals: "34/2007/PL-UBTVQH XI"
    // and it ends where a word begins, or at "ngày"/"của" glued to it by a PDF that lost the space ("NĐ-CPngày 12/6/2025")
    String.raw`(?:(?<=QH)[ ]?([IVX]{1,5})(?![\p{L}\p{Nd}]))?(?:(?![\p{L}\p{Nd}])|(?=(?:ngày|của)(?![\p{L}])))`,
  'gu',
);
const KIND_BEFORE_RE = new RegExp(String.raw`(?:^|[^a-z0-9])(${KIND_ALTERNATION})(?:[ \n]+so)?[ \n]*:?[ \n]*$`);
const ABBREV_BEFORE_RE = /(?:^|[^\p{L}])(QĐ|QD|NQ|CT|KH|NĐ|ND|TT|KL|CV|HD|TB)(?:[ \n]+số)?[ \n]*$/u;
// forms, annexes, accounts, phones: with or without "số"; articles, clauses, items, pages only
// without it ("Điều 5", but "Luật Đê điều số 79/2006/QH11", "Luật Chứng khoán số 70/2006/QH11")
const EXCLUDED_BEFORE_RE = /(?:^|[^a-z])(?:mau|bieu|to khai|phu luc|tieu chuan|ma so|so hieu|tai khoan|dien thoai|fax)(?:[ \n]+so)?[ \n]*:?[ \n]*[<"“'(]?$/;
/** The same for articles, clauses, items and pages, read accented: "khoản 2" is a clause, "Luật Chứng khoán 70/2006/QH11" a law. */
const ARTICLE_BEFORE_RE = /(?:^|[^\p{L}])(?:điều|khoản|mục|trang|dieu|khoan|muc)[ \n]*:?[ \n]*[<"“'(]?$/iu;
// the date after a symbol, also in parentheses: "Kế hoạch số 99/KH-UBND (ngày 05/01/2022) của UBND tỉnh"
const DATE_RE =
  /[ \n]*,?[ \n]*(\(?)[ \n]*(?:ban hanh[ \n]+)?ngay[ \n]*(\d{1,2})[ \n]*(?:([/.-])[ \n]*(\d{1,2})[ \n]*[/.-][ \n]*(\d{4})|thang[ \n]*(\d{1,2})[ \n]*nam[ \n]*(\d{4}))/y;
const CLOSE_RE = /[ \n]*\)/y;
const ISSUER_INTRO_RE = /[ \n]*,?[ \n]*(?:cua|giua)[ \n]+/y;
const SUBJECT_INTRO_RE = /[ \n]*,?[ \n]*(?:ve viec|ve|v\/v)[ \n:]+/y;
/** Words that end an issuer phrase (matched on norm, case-insensitively, as whole words). */
const ISSUER_STOP_WORDS = [
  'về', 'V/v', 'ban hành', 'hướng dẫn', 'triển khai', 'thực hiện', 'phê duyệt', 'quy định', 'sửa đổi', 'tiếp tục', 'nhằm',
  'với', 'tại', 'theo', 'trong', 'gắn', 'để', 'ngày', 'số', 'kèm theo', 'đã', 'được', 'và', 'là', 'thì', 'trên', 'đến', 'cho',
  // the next basis clause, when a line break is all that ends this one
  'căn cứ',
  // the same clauses in text written without diacritics
  'can cu', 'thuc hien',
];
const ISSUER_STOP_RE = new RegExp(
  // also a rule or a bullet on the next line ("… của Ban Bí thư\n-----"); a "- " there may go on a
  // name ("Bộ Lao động\n- Thương binh và Xã hội"), so it ends one only before an article or a clause
  String.raw`[;,.:“”"[\]|]|[()]|\n(?=[-_*=]{2,}|[•+] |- (?:Căn cứ|Điều|Khoản|Điểm|Chương|Mục|Chưa)(?!\p{L}))|[ \n](?:${ISSUER_STOP_WORDS.map((w) => w.replace('/', '\\/').split(' ').join('[ \\n]+')).join('|')})(?=[ \n,;.]|$)`,
  'giu',
);
const MAX_ISSUER = 160;
const MAX_SUBJECT = 400;

export function isoDate(d: number, m: number, y: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1945 || y > 2100) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parse "ngày dd/mm/yyyy" or "ngày dd tháng mm năm yyyy" starting at `pos` (sticky, leading space/comma allowed). */
export function dateAt(fold: string, pos: number): { date: string | null; end: number } | null {
  DATE_RE.lastIndex = pos;
  const m = DATE_RE.exec(fold);
  if (!m) return null;
  let end = DATE_RE.lastIndex;
  if (m[1]) {
    // "(ngày …)": the closing parenthesis goes with the date when it follows at once
    CLOSE_RE.lastIndex = end;
    if (CLOSE_RE.test(fold)) end = CLOSE_RE.lastIndex;
  }
  const d = Number(m[2]);
  const mo = Number(m[4] ?? m[6]);
  const y = Number(m[5] ?? m[7]);
  return { date: isoDate(d, mo, y), end };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The issuer after "của"/"giữa", ending at the first stop word, keeping "(khóa XI)". */
function issuerAt(c: Cleaned, pos: number): { issuer: string; start: number; end: number } | null {
  ISSUER_INTRO_RE.lastIndex = pos;
  if (!ISSUER_INTRO_RE.exec(c.fold)) return null;
  const start = ISSUER_INTRO_RE.lastIndex;
  const limit = Math.min(c.norm.length, start + MAX_ISSUER);
  let end = limit;
  ISSUER_STOP_RE.lastIndex = start;
  for (let m = ISSUER_STOP_RE.exec(c.norm); m && m.index < limit; m = ISSUER_STOP_RE.exec(c.norm)) {
    const word = m[0].trim().toLowerCase();
    if (word === '(') {
      const close = c.norm.indexOf(')', m.index);
      if (/^\(\s*kho[áa]/i.test(c.fold.slice(m.index, m.index + 8)) && close > 0 && close - m.index < 20) {
        ISSUER_STOP_RE.lastIndex = close + 1;
        continue;
      }
    }
    if (word === 'và') {
      // "và" joins two issuing bodies, unless another document or a generic phrase follows
      const after = c.fold.slice(m.index + m[0].length, m.index + m[0].length + 40).trimStart();
      if (!/^(?:cac|nhung|\d)/.test(after) && !startsWithKind(after)) continue;
    }
    end = m.index;
    break;
  }
  const issuer = collapse(c.norm.slice(start, end)).replace(/[\s,]+$/, '');
  if (!issuer || !/^[\p{Lu}]/u.test(issuer)) return null;
  return { issuer, start, end: start + c.norm.slice(start, end).trimEnd().length };
}

const KIND_START_RE = new RegExp(String.raw`^(?:${KIND_ALTERNATION})(?![a-z])`);
function startsWithKind(foldAfter: string): boolean {
  return KIND_START_RE.test(foldAfter);
}

function subjectAt(c: Cleaned, pos: number): { subject: string; start: number } | null {
  SUBJECT_INTRO_RE.lastIndex = pos;
  if (!SUBJECT_INTRO_RE.exec(c.fold)) return null;
  const start = SUBJECT_INTRO_RE.lastIndex;
  const limit = Math.min(c.norm.length, start + MAX_SUBJECT);
  const window = c.norm.slice(start, limit);
  const stop = window.search(/;|\.(?=[ \n]|$)|\n(?=[-+•]|\d{1,2}[.)][ \n]|[IVX]+\.)/);
  const text = collapse(stop >= 0 ? window.slice(0, stop) : window).replace(/^["“]|["”]$/g, '').replace(/[“”"]/g, '');
  return text ? { subject: text, start } : null;
}

/** The kind word written just before `pos` (up to 60 chars back), with its norm start. */
function kindBefore(c: Cleaned, pos: number): { kind: string; written: string; start: number } | null {
  const from = Math.max(0, pos - 60);
  const windowFold = c.fold.slice(from, pos);
  const m = KIND_BEFORE_RE.exec(windowFold);
  if (m) {
    const k = kindOfFolded(m[1]);
    if (k) {
      const start = from + m.index + m[0].indexOf(m[1]);
      return { kind: k.kind, written: collapse(c.norm.slice(start, start + m[1].length)), start };
    }
  }
  const a = ABBREV_BEFORE_RE.exec(c.norm.slice(from, pos));
  if (a) return { kind: KIND_ABBREVIATIONS[a[1]], written: a[1], start: from + a.index + a[0].indexOf(a[1]) };
  return null;
}

function trailer(c: Cleaned, pos: number) {
  let d = dateAt(c.fold, pos);
  let end = d ? d.end : pos;
  const iss = issuerAt(c, end);
  if (iss) end = iss.end;
  // the issuer before the date: "Quyết định số 124/2004/QĐ-TTg của Thủ tướng Chính phủ ngày 07/8/2004"
  if (!d && iss) {
    d = dateAt(c.fold, end);
    if (d) end = d.end;
  }
  const subj = subjectAt(c, end);
  return { date: d?.date ?? null, issuer: iss?.issuer ?? null, trailerEnd: end, subject: subj?.subject ?? null, subjectStart: subj?.start ?? null };
}

/**
 * Whether norm[start, end) sits in a link: the run of non-space characters around it holds a
 * URL's marks ("https://vbpl.vn/…&Keyword=\n14/2007/TT-BL%C4%90TBXH", cut at the "%" of an encoded "Đ").
 */
function inLink(norm: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 200 && !/\s/.test(norm[a - 1])) a--;
  let b = end;
  while (b < norm.length && b - end < 200 && !/\s/.test(norm[b])) b++;
  return /:\/\/|%[0-9A-F]{2}|^www\.|[?=]/i.test(norm.slice(a, b));
}

/** Numbered citations, in reading order; at most about `limit` (memory stays bounded on absurd inputs). */
export function findSymbols(c: Cleaned, limit = Infinity): Found[] {
  const out: Found[] = [];
  SYMBOL_RE.lastIndex = 0;
  for (let m = SYMBOL_RE.exec(c.norm); m && out.length < limit; m = SYMBOL_RE.exec(c.norm)) {
    const [all, firstNum, listPart, year, sep, code, rest, legislature] = m;
    const numStart = m.index;
    const symEnd = m.index + all.length;
    if (inLink(c.norm, numStart, symEnd)) continue;
    const kb = kindBefore(c, numStart);
    if (!kb && (EXCLUDED_BEFORE_RE.test(c.fold.slice(Math.max(0, numStart - 30), numStart)) || ARTICLE_BEFORE_RE.test(c.norm.slice(Math.max(0, numStart - 12), numStart)))) continue;
    // the looser forms ("O4", a space for the "-") only after a kind word
    if (!kb && (sep === undefined || firstNum[0] === 'O')) continue;
    const khoa = legislature ? romanNumber(legislature) : null;
    const tail = (year ? `/${year}` : '') + (sep ?? '-') + code + rest.replace(/\s+/g, '') + (khoa ?? '');
    // every number of a list ("217, 218-QĐ/TW", "217/218-QĐ/TW") with its norm offset
    const numbers = [...(firstNum.replace(/^O/, '0') + listPart).matchAll(/\d{1,5}(?:\.\d{1,3}|[a-z])?/g)].map((n) => ({ text: n[0], at: numStart + n.index }));
    const lastNum = numbers[numbers.length - 1];
    const lastSymbol = lastNum.text + tail;
    const parts = parseSymbol(lastSymbol);
    if (!parts) continue;
    // a bare "N/CODE" with one code and no kind word is too weak (e.g. "3/HC"), and so is a number with
    // dashes only: documents since 1990 carry a "/" ("87-CT" of 1985 comes after "Quyết định số"; "01-ĐK-TCT" is a form)
    if (!kb && !parts.party && !parts.year && parts.issuers.length + (parts.type ? 1 : 0) < 2) continue;
    if (!kb && !tail.includes('/')) continue;
    // a comma/"và" list of numbers is trusted only after a kind word or "số"
    const trustedList = numbers.length > 1 && (kb !== null || /số[ \n]*$/.test(c.norm.slice(Math.max(0, numStart - 6), numStart)));
    const nums = trustedList ? numbers : [lastNum];
    const tr = trailer(c, symEnd);
    const kindFromCode = kindOfSymbol(parts);
    for (let i = 0; i < nums.length; i++) {
      const isLast = i === nums.length - 1;
      const symbol = nums[i].text + tail;
      const p = isLast ? parts : parseSymbol(symbol);
      if (!p) continue;
      const coreStart = nums.length === 1 ? numStart : nums[i].at;
      const start = i === 0 && kb ? kb.start : coreStart;
      const coreEnd = isLast ? symEnd : coreStart + nums[i].text.length;
      out.push({
        start,
        end: Math.max(coreEnd, isLast ? tr.trailerEnd : coreEnd),
        coreStart,
        coreEnd,
        form: 'symbol',
        kind: resolveKind(kb?.kind ?? null, kindFromCode, p),
        kindAsWritten: kb && kb.written.toLowerCase() !== (kb.kind).toLowerCase() ? kb.written : null,
        symbol: formatWritten(symbol),
        parts: p,
        name: null,
        law: null,
        date: tr.date,
        year: null,
        issuer: tr.issuer,
        subject: tr.subject,
        subjectStart: tr.subjectStart,
        trailerEnd: isLast ? tr.trailerEnd : coreEnd,
      });
    }
    SYMBOL_RE.lastIndex = symEnd;
  }
  return out;
}

/** "XI" → 11: a legislature (khóa) written in Roman numerals; null when it is not one. */
function romanNumber(s: string): number | null {
  const value: Record<string, number> = { I: 1, V: 5, X: 10 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = value[s[i]];
    n += i + 1 < s.length && v < value[s[i + 1]] ? -v : v;
  }
  return n >= 1 && n <= 20 ? n : null;
}

/** The written symbol with whitespace removed and separator typos fixed ("30 /KH-UBND" → "30/KH-UBND"). */
function formatWritten(symbol: string): string {
  return symbol.replace(/\s+/g, '');
}

/** The kind word wins, except that "Quyết định" written for a Quy định code (QĐi) keeps the word. */
function resolveKind(written: string | null, fromCode: string | null, p: SymbolParts): string {
  if (written) return written;
  if (fromCode) return fromCode;
  return p.party ? 'Văn bản' : 'Công văn';
}

const LAW_WORD_RE = /(?<![a-z0-9])(bo[ \n]luat|luat|phap[ \n]lenh|hien[ \n]phap|dieu[ \n]le)(?=[ \n])/g;

/** "(sửa đổi, bổ sung năm 2019)", ", đã được sửa đổi năm 2017" after a law's name (folded). */
const AMENDED_IN_RE = /[ \n]*[(,][ \n]*(?:da[ \n]+duoc[ \n]+)?sua[ \n]+doi(?:,?[ \n]+bo[ \n]+sung)?(?:[ \n]+mot[ \n]+so[ \n]+dieu)?[ \n]+nam[ \n]+((?:19|20)\d{2})(?![\d/])(?:[ \n]*\))?/y;

/** Laws, codes, ordinances, the Constitution and the Party Statute cited by name. */
export function findNamedLaws(c: Cleaned, symbols: Found[], limit = Infinity): Found[] {
  const out: Found[] = [];
  const covered = (i: number) => symbols.some((s) => i >= s.start && i < s.coreEnd);
  LAW_WORD_RE.lastIndex = 0;
  for (let m = LAW_WORD_RE.exec(c.fold); m && out.length < limit; m = LAW_WORD_RE.exec(c.fold)) {
    const at = m.index;
    const first = c.norm.charCodeAt(at);
    const second = c.norm.charCodeAt(at + 1);
    // capitalised as a proper name ("Luật", "Bộ luật"), not "LUẬT" (a title) or "luật"
    if (!(first >= 65 && first <= 90) && first !== 0x110) continue;
    if (second >= 65 && second <= 90) continue;
    if (covered(at)) continue;
    const law = matchNamedLaw(c, at);
    if (!law) continue;
    let end = law.end;
    let year: number | null = null;
    let date: string | null = null;
    const d = dateAt(c.fold, end);
    if (d) {
      date = d.date;
      end = d.end;
    } else {
      const y = /[ \n]*(?:nam[ \n]*)?((?:19|20)\d{2})(?![\d/])/y;
      y.lastIndex = end;
      const ym = y.exec(c.fold);
      if (ym) {
        year = Number(ym[1]);
        end = y.lastIndex;
      }
    }
    AMENDED_IN_RE.lastIndex = end;
    const am = AMENDED_IN_RE.exec(c.fold);
    if (am) end = AMENDED_IN_RE.lastIndex;
    const subj = subjectAt(c, end);
    const found = nameFound(law, at, end, date, year);
    if (am) found.amendedIn = Number(am[1]);
    found.subject = subj?.subject ?? null;
    found.subjectStart = subj?.start ?? null;
    out.push(found);
    // the laws an amending law names are mentions of their own (undated: the date is the amending law's)
    if (law.amended) {
      found.amends = law.amended.map((a) => nameFound(a.law, a.at, a.law.end, null, null));
      out.push(...found.amends);
    }
    LAW_WORD_RE.lastIndex = law.end;
  }
  return out;
}

function nameFound(law: NamedLawMatch, at: number, end: number, date: string | null, year: number | null): Found {
  return {
    start: at,
    end,
    coreStart: at,
    coreEnd: law.end,
    form: 'name',
    kind: law.kind,
    kindAsWritten: null,
    symbol: null,
    parts: null,
    name: law.name,
    law,
    date,
    year,
    issuer: null,
    subject: null,
    subjectStart: null,
    trailerEnd: end,
  };
}

/**
 * Joined citations share what is written once for all: "Quyết định số 217-QĐ/TW và
 * Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị" gives both the date and
 * issuer; "99-QĐ/TW, ngày 03/10/2017 và … 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư"
 * shares only the issuer. Found must be sorted by start.
 */
export function shareJoined(c: Cleaned, found: Found[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i];
    const b = found[i + 1];
    if (a.form !== 'symbol' || b.form !== 'symbol' || a.issuer) continue;
    const gap = c.fold.slice(a.trailerEnd, b.start);
    // "Nghị quyết số 43/NQ-CP và (số) 44/NQ-CP ngày …", "217, 218-QĐ/TW ngày …", "217/218-QĐ/TW"
    if (!/^[ \n]*(?:,|va|\/)?[ \n]*(?:so[ \n]*)?$/.test(gap)) continue;
    // the date goes to a document of the same kind only: in "QĐ 217/218-QĐ/TW và Quy định
    // 124-QĐ/TW ngày 2/2/2018" it is the Quy định's; nor to a symbol of another year
    // ("12/2019/NĐ-CP và … 34/2020/NĐ-CP ngày 5/3/2020"); the issuer is shared either way
    if (!a.date && b.date && a.kind === b.kind && (!a.parts?.year || String(a.parts.year) === b.date.slice(0, 4))) {
      a.date = b.date;
      a.dateShared = true;
    }
    a.issuer = b.issuer;
    if (!a.subject) a.subject = b.subject;
  }
}
