/**
 * The header of the document itself: symbol, kind, place-date line, issuer,
 * title, signer, province and administrative level.
 */
import type { Cleaned } from './clean.ts';
import { dateAt, type Found } from './find.ts';
import { KIND_LIST } from './kinds.ts';
import type { AdminLevel, Header } from './model.ts';
import { collapseSpace, foldPhrase, foldText } from './normalize.ts';
import { districtsNamed, placesOfCommune, provinceNamed, unitOfIssuer } from './localities.ts';
import { beforeDistrictsAbolished } from './resolve.ts';
import type { Structure } from './structure.ts';

const ABBREVIATIONS: [RegExp, string][] = [
  [/(?<!\p{L})[UƯ]BND(?!\p{L})/gu, 'Ủy ban nhân dân'], // "ƯBND": an OCR misreading
  [/\bHĐND\b/g, 'Hội đồng nhân dân'],
  [/\bBTV\b/g, 'Ban Thường vụ'],
  [/\bUBMTTQ\b/g, 'Ủy ban Mặt trận Tổ quốc'],
  [/\bMTTQ\b/g, 'Mặt trận Tổ quốc'],
];

export function expandIssuer(s: string): string {
  let out = s;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return collapseSpace(out);
}

/** Where a preamble clause opens: the words before "ban hành …" are then not the issuer's name. */
const NOT_A_BODY = /^(?:can cu|thuc hien|theo|xet|tren co so|de|nham)(?![a-z])/;

/** "Cầu Ngang, ngày 10 tháng 3 năm 2022", also written without diacritics ("Cau Ngang, ngay …"). */
const PLACE_DATE_RE = /(?:^|\n)[ ]*([^\n,]{2,50}?),[ ]*ng(?:ày|ay)\b([^\n]{0,40})/u;
const CERTIFIED_BEFORE = /XÁC THỰC VĂN BẢN HỢP NHẤT[ \n]*Số[ \n]*:?[ \n]*$/u;
const NUMBERED_PLACE = /^(?:Phường|Quận)\s+\d{1,2}$/u;
const PLACE_PREFIX = /^(?:Huyện|Tỉnh|Thành phố|TP\.?|Thị xã|Quận|Xã|Phường|Thị trấn)\s+/iu;
/** "<issuer> xây dựng Kế hoạch" (folded: a misplaced or missing tone, "Kế họach", still reads). */
const SELF_RE = new RegExp(
  String.raw`(?:xay dung|ban hanh|trien khai xay dung) (?:ke hoach|chuong trinh|huong dan|quy che|de an|ke hoach lien tich)`.replaceAll(' ', String.raw`[ \n]+`),
);
const SIGNATURE_TITLE = /(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|THỦ TƯỚNG|BỘ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|PHÓ BAN|TỔNG GIÁM ĐỐC|THỨ TRƯỞNG)\s*$/u;
const PERSON = /^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,5}$/u;
/** A header line that is itself an issuing body (the line above it is then its superior). */
const BODY_LINE = /^(?:ĐẢNG [UỦ]Y|ĐẢNG BỘ|CHI BỘ|[UỦ]Y BAN|[UƯ]BND|BAN |(?:HUYỆN|TỈNH|THÀNH|QUẬN|THỊ) (?:[UỦ]Y|ĐOÀN)|HỘI ĐỒNG|SỞ |PHÒNG |VĂN PHÒNG|MẶT TRẬN|CÔNG AN|ĐOÀN |HỘI )/u;
// not a line that goes on a symbol broken at its dash or slash ("Số: 30/KH-\nUBND"; "HỢP NHẤT -\nBỘ …" is a body)
const ISSUER_BODY = /(?:^|(?<![\p{Lu}\d][-/])\n)((?:ỦY|UỶ|UBND|ƯBND|HỘI|BAN|ĐẢNG|(?:HUYỆN|TỈNH|THÀNH|QUẬN|THỊ) (?:ỦY|UỶ|ĐOÀN)|ĐOÀN|MẶT TRẬN|CÔNG AN|SỞ|BỘ|PHÒNG|VĂN PHÒNG|THƯỜNG TRỰC)[^\n]*(?:\n[A-ZĐÂĂÊÔƠƯ][A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0-9 '’\-]*){0,2})\n/u;

/** A province named in the text: "tỉnh Trà Vinh", "thành phố Cần Thơ", its Party committee "Tỉnh ủy Cà Mau", "Thành ủy Hà Nội", its Youth Union "Tỉnh đoàn Bến Tre". */
const PROVINCE_NAMED =
  /(?<![\p{L}])(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|(?:Tỉnh|Thành)[ ](?:ủy|uỷ|đoàn|Đoàn))[ \n]+(\p{Lu}[\p{Ll}\p{M}]*(?:[ \n]+\p{Lu}[\p{Ll}\p{M}]*){0,3})/gu;

/** Abbreviations of bodies, written in full as the issuer is ("UBND HUYỆN X" → "Ủy ban nhân dân huyện X"). */
const IN_FULL: Record<string, string> = { ubnd: 'Ủy ban nhân dân', ưbnd: 'Ủy ban nhân dân', hđnd: 'Hội đồng nhân dân' };
/** Other abbreviations stay in capitals ("ỦY BAN MTTQ" → "Ủy ban MTTQ", not "Ủy ban mttq"). */
const ACRONYMS = new Set(['ubmttq', 'mttq', 'bch', 'btv', 'bcđ', 'bql', 'ubkt', 'tw', 'bcs', 'lđlđ', 'cđcs']);
/** Proper names inside body names ("MẶT TRẬN TỔ QUỐC VIỆT NAM" → "Mặt trận Tổ quốc Việt Nam"). */
const PROPER_NAMES_RE = /(?<!\p{L})(tổ quốc|việt nam|hồ chí minh|cộng sản|đảng)(?!\p{L})/gu;
/** Bodies whose own name follows, capitalised: "Sở Nội vụ", "Ban Thường vụ", "Phòng Tư pháp" (not "Ủy ban nhân dân"). */
const NAMED_BODIES = new Set(['sở', 'phòng', 'ban']);
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function sentenceCaseBody(upper: string): string {
  // "ỦY BAN NHÂN DÂN\nHUYỆN CẦU NGANG" → "Ủy ban nhân dân huyện Cầu Ngang"
  const words = collapseSpace(upper).toLowerCase().split(' ');
  // a ministry: each part of its name capitalised ("Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch")
  if (words[0] === 'bộ' && words.length > 1) return words.map((w, i) => (i <= 1 || /^(?:-|và|bộ|.*,)$/.test(words[i - 1]) ? capitalise(w) : w)).join(' ');
  const levelWords = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'thị', 'trấn', 'thành', 'phố']);
  // "huyện ủy", "tỉnh ủy", "tỉnh đoàn": the Party committee or Youth Union of the unit; its name follows
  const isLevel = words.map((w, i) => levelWords.has(w) || (i > 0 && (w === 'ủy' || w === 'uỷ' ? levelWords.has(words[i - 1]) : w === 'đoàn' && /^(?:tỉnh|thành|huyện|quận)$/.test(words[i - 1]))));
  let inName = false;
  return words
    .map((w, i) => {
      if (IN_FULL[w]) return IN_FULL[w];
      if (ACRONYMS.has(w)) return w.toUpperCase();
      if (i === 0) return capitalise(w);
      if (NAMED_BODIES.has(words[i - 1]) && !isLevel[i] && !(words[i - 1] === 'ban' && /^(?:ủy|uỷ)$/.test(words[i - 2] ?? ''))) return capitalise(w);
      if (isLevel[i] && !inName) return w;
      if (isLevel[i - 1] && !isLevel[i]) inName = true;
      return inName ? capitalise(w) : w;
    })
    .join(' ')
    .replace(PROPER_NAMES_RE, (name) => name.split(' ').map(capitalise).join(' '));
}

/**
 * A department the header names with no place of its own is its superior's, and is named in full
 * with it: "BAN DÂN VẬN" under "HUYỆN ỦY ĐỨC TRỌNG" is "Ban Dân vận Huyện ủy Đức Trọng", and a
 * people's committee's department takes the committee's unit ("Sở Nội vụ tỉnh Quảng Ngãi").
 */
function departmentOf(issuer: string, superior: string): string {
  const above = unitOfIssuer(superior);
  if (unitOfIssuer(issuer)?.name || !above?.name) return issuer;
  const committee = /^Ủy ban nhân dân (.+)$/u.exec(superior);
  return `${issuer} ${committee && !/^Văn phòng/u.test(issuer) ? committee[1] : superior}`;
}

function levelOf(issuer: string | null): AdminLevel | null {
  if (!issuer) return null;
  const f = foldPhrase(issuer);
  if (/^(?:bo |chinh phu|thu tuong|quoc hoi|ban chap hanh trung uong|bo chinh tri|ban bi thu)/.test(f)) return 'trung ương';
  return unitOfIssuer(issuer)?.level ?? null;
}

/**
 * A Markdown header table, as converters write a plan's two header columns
 * ("| ỦY BAN NHÂN DÂN<br>XÃ HÒA BÌNH | CỘNG HÒA … |"), read as the lines it shows:
 * each cell and each <br> starts a line. Text without a table or <br> is returned as it is.
 */
function tableAsLines(s: string): string {
  if (!s.includes('|') && !/<br/i.test(s)) return s;
  return s
    .replace(/[ ]*<br[ ]*\/?>[ ]*/giu, '\n')
    .replace(/^[ ]*\|[ :|-]*$/gmu, '') // the delimiter row "|---|---|"
    .replace(/^[ ]*\|[ ]*|[ ]*\|[ ]*$/gmu, '')
    .replace(/[ ]*\|[ ]*/gu, '\n');
}

export function extractHeader(c: Cleaned, s: Structure, found: Found[]): Header {
  const { norm } = c;
  const headEnd = s.kindLine ? s.kindLine.start : Math.min(norm.length, 1500);
  const head = tableAsLines(norm.slice(0, Math.max(headEnd, s.title ? s.title.start : 0)));
  // offsets into `top` are offsets into norm only when no table was read
  const topRaw = norm.slice(0, Math.min(norm.length, (s.title?.end ?? 1500) + 400));
  const top = tableAsLines(topRaw);

  // symbol: "Số: 30 /KH-UBND" before the kind line
  const own =
    found.find((f) => f.form === 'symbol' && f.coreStart < headEnd && /(?:Số|So)[ \n]*:?[ \n]*$/u.test(norm.slice(Math.max(0, f.coreStart - 8), f.coreStart))) ??
    // a consolidated text's own number is in its certification at the end ("XÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025")
    found.find((f) => f.form === 'symbol' && CERTIFIED_BEFORE.test(norm.slice(Math.max(0, f.coreStart - 50), f.coreStart)));
  const kindText = s.kindLine ? foldPhrase(norm.slice(s.kindLine.start, s.kindLine.end)).replace(/\d{1,2}$/, '') : null; // "NGHỊ ĐỊNH1": a footnote mark
  const tight = kindText?.replace(/ /g, ''); // letters set apart by OCR: "K É HOẠCH"
  const kind = kindText ? (KIND_LIST.find((k) => kindText === k.fold || kindText.startsWith(k.fold + ' ') || tight === k.fold.replace(/ /g, ''))?.kind ?? null) : null;

  // place and date line
  let place: string | null = null;
  let date: string | null = null;
  let year: number | null = null;
  const pd = PLACE_DATE_RE.exec(top);
  if (pd && own && top === topRaw && own.start >= pd.index && own.end < pd.index + pd[0].indexOf(',')) {
    // two header columns flattened onto one line: "Số: 01/KH-UBND   Sơn La, ngày 14 tháng 2 năm 2017"
    pd[1] = norm.slice(own.end, pd.index + pd[0].indexOf(','));
  }
  // a place has no digits, but for a numbered ward or district ("Phường 5", "Quận 3")
  if (pd && (!/\d/.test(pd[1]) || NUMBERED_PLACE.test(pd[1].trim())) && !/^(?:Số|Căn cứ)/u.test(pd[1].trim())) {
    place = pd[1].trim().replace(/^[*#\s]+/, '');
    if (!NUMBERED_PLACE.test(place)) place = place.replace(PLACE_PREFIX, '');
    const d = dateAt(top === topRaw ? c.fold : foldText(top), pd.index + pd[0].search(/ng[aà]y/u));
    if (d?.date) date = d.date;
    const y = /n(?:ă|a)m[ ]*(\d{4})/u.exec(pd[2]);
    year = date ? Number(date.slice(0, 4)) : y ? Number(y[1]) : null;
  }

  // a consolidated text's date is its certification's ("Số: 462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025")
  if (!date && own && own.coreStart >= headEnd) {
    const at = norm.indexOf('ngày', own.coreEnd);
    const d = at >= 0 && at - own.coreEnd < 80 ? dateAt(c.fold, at) : null;
    if (d?.date) [date, year] = [d.date, Number(d.date.slice(0, 4))];
  }

  // a symbol broken at its dash across lines ("NQLT-CP-\nUBTWMTTQVN") is written whole
  const title = s.title ? collapseSpace(norm.slice(s.title.start, s.title.end).replace(/(?<=[\p{Lu}\d]-)\n(?=\p{Lu})/gu, '')) : null;
  if (year === null && title) {
    const ty = [...title.matchAll(/năm[ ]+((?:19|20)\d{2})(?![\d-])/gu)].pop();
    const latestCited = found.reduce((mx, f) => (f.date && f.date > mx ? f.date : mx), '');
    if (ty && (!latestCited || Number(latestCited.slice(0, 4)) <= Number(ty[1]))) year = Number(ty[1]);
  }

  // issuer: the header block, else "<issuer> xây dựng Kế hoạch" in the preamble
  let issuer: string | null = null;
  // the body above the issuer ("ĐẢNG BỘ HUYỆN CẦU NGANG" over "ĐẢNG ỦY XÃ HIỆP MỸ TÂY")
  let superior: string | null = null;
  const hb = ISSUER_BODY.exec(head);
  if (hb && s.kindLine) {
    let lines = hb[1].split('\n').filter((l) => !/CỘNG HÒA|CỘNG HOÀ|Độc lập|Số/u.test(l));
    // a third line only when it is a body of its own ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSỞ NỘI VỤ")
    if (lines.length === 3 && !BODY_LINE.test(lines[2].trim())) lines = lines.slice(0, 2);
    // the body written twice (a gazette's section title over the document's own header): once
    const again = collapseSpace(lines.slice(1).join(' '));
    if (lines.length >= 2 && again && collapseSpace(lines[0]).startsWith(again)) lines = [lines[0]];
    const last = lines.length - 1;
    if (last > 0 && BODY_LINE.test(lines[last].trim())) {
      superior = sentenceCaseBody(lines.slice(0, last).join(' '));
      issuer = departmentOf(sentenceCaseBody(lines[last]), superior);
    } else if (lines.length) issuer = sentenceCaseBody(lines.join(' '));
  }
  if (!issuer) {
    const preEnd = Math.min(norm.length, s.preamble.end + 200);
    const pre = norm.slice(s.preamble.start, preEnd);
    const m = SELF_RE.exec(c.fold.slice(s.preamble.start, preEnd));
    if (m) {
      const before = pre.slice(0, m.index);
      let cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf(';'));
      // a line break ends the clause before the issuer only when a capital opens the next line:
      // "…;\nỦy ban nhân dân huyện X xây dựng", but "Ủy ban nhân dân\nhuyện X xây dựng" is one name
      for (let nl = before.lastIndexOf('\n'); nl > cut; nl = before.lastIndexOf('\n', nl - 1)) {
        if (/^[ ]*\p{Lu}/u.test(before.slice(nl + 1, nl + 4))) {
          cut = nl;
          break;
        }
      }
      const cand = collapseSpace(before.slice(cut + 1));
      // a body's name, not the clause before it ("Căn cứ Nghị định số 39/2022/NĐ-CP … của Chính phủ\nban hành quy chế …")
      if (/^\p{Lu}/u.test(cand) && cand.length < 90 && !cand.includes('/') && !NOT_A_BODY.test(foldPhrase(cand))) issuer = expandIssuer(cand);
    }
  }

  // signer: the first name-like line after the last signature title
  let signer: string | null = null;
  const tailStart = Math.max(0, c.footnoteStart - 1500);
  const tailLines = norm.slice(tailStart, c.footnoteStart).split('\n');
  let sig = -1;
  tailLines.forEach((l, i) => {
    if (SIGNATURE_TITLE.test(l.trim())) sig = i;
  });
  if (sig >= 0) {
    for (const l of tailLines.slice(sig + 1)) {
      const t = l.trim();
      if (PERSON.test(t)) {
        signer = t;
        break;
      }
    }
  }

  // province: the province the text names most often ("tỉnh Trà Vinh", "Tỉnh ủy Cà Mau")
  const counts = new Map<string, number>();
  for (const m of norm.matchAll(PROVINCE_NAMED)) {
    const words = m[1].split(/[ \n]+/);
    for (let n = words.length; n >= 1; n--) {
      const p = provinceNamed(words.slice(0, n).join(' '));
      if (p) {
        counts.set(p, (counts.get(p) ?? 0) + 1);
        break;
      }
    }
  }
  let province: string | null = null;
  let best = 0;
  for (const [p, n] of counts) if (n > best) [province, best] = [p, n];

  const unit = issuer ? unitOfIssuer(issuer) : null;
  const above = superior ? unitOfIssuer(superior) : null;
  const level = levelOf(issuer);
  const aboveName = (l: 'tỉnh' | 'huyện') => (above?.level === l && above.name ? above.name : null);
  const aboveProvince = aboveName('tỉnh');
  // a commune's district: the header's line above it, else the one district the opening of the
  // text names that has a commune of this name ("xã Tân Minh" is in Sóc Sơn and in Thường Tín)
  const communeDistrict = (): string | null => {
    if (unit?.level !== 'xã' || !unit.name) return null;
    const above = aboveName('huyện');
    if (above || !beforeDistrictsAbolished(date, year)) return above;
    const fits = new Set(
      districtsNamed(norm.slice(0, 6000)).filter((d) => placesOfCommune(unit.name!, unit.type, d).some((p) => p.district !== null && foldPhrase(p.district) === foldPhrase(d))),
    );
    return fits.size === 1 ? [...fits][0] : null;
  };
  return {
    key: null,
    symbol: own?.symbol ?? null,
    // a consolidated text keeps the layout of the text it consolidates ("THÔNG TƯ"), and is one by its number
    kind: own?.parts?.type === 'VBHN' ? 'Văn bản hợp nhất' : kind,
    date,
    year: year ?? (own?.date ? Number(own.date.slice(0, 4)) : null),
    place,
    issuer,
    title: title ? title.replace(/^V\/v\s*/u, '') : null,
    signer,
    province: unit?.level === 'tỉnh' && unit.name ? (provinceNamed(unit.name) ?? province) : ((aboveProvince && provinceNamed(aboveProvince)) ?? province),
    district: unit?.level === 'huyện' ? unit.name : communeDistrict(),
    commune: unit?.level === 'xã' ? unit.name : null,
    level,
  };
}

