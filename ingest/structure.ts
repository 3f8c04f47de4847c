/**
 * The layout of a plan in the cleaned text: header block, kind line, title,
 * preamble, numbered sections ("II.1", "III.2.a"; "I/", "1/", and "1. MỤC ĐÍCH" or
 * "A. NỘI DUNG" in plans without Roman numerals), footnotes, and the relation cue in
 * force at every point:
 * - based_on inside a preamble clause opened by "Căn cứ";
 * - implements inside a preamble clause opened by "Thực hiện …", in the title,
 *   and in a purpose section's item whose own verb is "(Triển khai) thực hiện";
 * - cites everywhere else.
 */
import { type Cleaned, toOriginal } from './clean.ts';
import type { Relation } from './model.ts';
import { KIND_ALTERNATION } from './kinds.ts';

export interface Range {
  start: number;
  end: number;
}

export interface Structure {
  /** The all-caps kind line ("KẾ HOẠCH"), if any. */
  kindLine: Range | null;
  title: Range | null;
  preamble: Range;
  /** Section path at a norm offset. */
  sectionAt(pos: number): string;
  /** Relation cue at a norm offset. */
  cueAt(pos: number): Relation;
  /** Cue regions, for stated-relation and diagnostic use. */
  cues: { range: Range; cue: Relation }[];
}

interface NLine {
  start: number;
  end: number;
  /** offset of the first non-space char */
  textStart: number;
}

function lines(norm: string, limit: number): NLine[] {
  const out: NLine[] = [];
  let s = 0;
  while (s <= limit) {
    let e = norm.indexOf('\n', s);
    if (e < 0 || e > limit) e = limit;
    let t = s;
    while (t < e && norm.charCodeAt(t) === 32) t++;
    out.push({ start: s, end: e, textStart: t });
    if (e >= limit) break;
    s = e + 1;
  }
  return out;
}

/** The kinds a document's kind line names (folded). */
const KIND_LINE_WORDS = [
  'ke hoach', 'quyet dinh', 'chi thi', 'nghi quyet', 'nghi dinh', 'thong tu', 'chuong trinh', 'huong dan', 'bao cao', 'ket luan',
  'quy dinh', 'quy che', 'thong bao', 'cong van', 'luat', 'phap lenh', 'de an', 'cong dien', 'to trinh', 'van ban hop nhat',
];
/**
 * A kind line, folded: the kind, up to three more words ("NGHỊ QUYẾT LIÊN TỊCH") and a footnote
 * mark ("KẾ HOẠCH", "KE HOACH"). Matched on the folded line, so that a tone misplaced
 * ("KẾ HỌACH") or left out does not lose the document's layout; the line must also be in capitals.
 */
const DOC_KIND_LINE = new RegExp(String.raw`^(?:${KIND_LINE_WORDS.join('|')})(?: [a-z]+){0,3}(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹*]{1,3})?\s*:?\s*$`);
/** A kind line whose letters OCR set apart ("K É HOẠCH", "K ÉT LUẬN"): a one-letter word, then the kind's letters. */
const SPACED_KIND_LINE = new RegExp(`^(?=[a-z] )(?:${KIND_LINE_WORDS.map((k) => [...k.replace(/ /g, '')].join(' ?')).join('|')})$`);
const LOWER_CASE = /\p{Ll}/u;
/** A title line that cannot end the title. */
const TITLE_GOES_ON = /(?:[-/,]|(?<!\p{L})(?:của|về|và|số|ngày|tháng|năm|theo|tại|cho|với|giai đoạn|Bộ|Ban))[ ]*$/u;
/** A line that opens the preamble (folded), never a title's continuation ("… Luật Dân số\nCăn cứ …"). */
const PREAMBLE_START = /^[ ]*(?:can cu|thuc hien|theo|xet|tren co so|[ivx]+\.)(?![a-z])/;
/**
 * A title line ending in a verb that wants its object (folded: "Triển khai thi hành") goes on into
 * the next line when it names the document ("Luật Thực hiện dân chủ ở cơ sở"), capitalised as titles
 * are; not past a blank line (a consolidated text's title "… do Hội đồng … thực hiện", then its source).
 */
const TITLE_WANTS_OBJECT = /(?<![a-z])(?:thi hanh|thuc hien|trien khai|huong dan|chi tiet|bo sung|ban hanh|quan triet|pho bien|tuyen truyen|so ket|tong ket|cu the hoa)[ ]*$/;
const NAMES_A_DOCUMENT = new RegExp(`^[ ]*(?:${KIND_ALTERNATION}|hien phap|dieu le)(?![a-z])`);
// "I.", "I)", "I-", "I/" (not "V/V", về việc)
const ROMAN = /^(?:PHẦN\s+)?([IVX]{1,5})\s*(?:[.)\-]|\/(?![Vv](?!\p{L})))\s*(?=\p{Lu})/u;
const ARTICLE = /^Điều\s+(\d{1,3})\s*[.:]/u;
/** A part's heading in capitals, numbered or lettered: "1. MỤC ĐÍCH, YÊU CẦU", "A. NỘI DUNG" (nothing in lower case). */
const CAPS_HEADING = /^(?:PHẦN\s+)?([A-Z]|\d{1,2})\s*[.)]\s+(?=\p{Lu})(?!.*\p{Ll})/u;
const NUM2 = /^(\d{1,2})\.(\d{1,2})\.?\s+(?=\S)/;
// "1.", "1)", and "1/ " before a capital (not a date: "1/3/2024")
const NUM = /^(\d{1,2})\s*(?:[.)]|\/(?=\s+\p{Lu}))\s+(?=\S)/u;
const LETTER = /^([a-zđ])\s*[)/]\s+/;
const BULLET = /^[-+•–]\s*/;
const PREAMBLE_CUE =
  /^(?:[-+•]\s*)?(can cu|tren co so|(?:de |nham )?(?:tiep tuc )?(?:to chuc )?(?:trien khai )?thuc hien|thi hanh|trien khai)(?![a-z])/;
const PURPOSE_VERB = /^(?:tiep tuc )?(?:to chuc )?(?:trien khai,? )?(?:thuc hien|trien khai)(?![a-z])/;
/** A preamble line opens a clause with a capital, a number or a bullet, */
const CLAUSE_OPENS = /^[\p{Lu}\d\-+•]/u;
/** or after a line that ended one (the text before it, up to its line break). */
const CLAUSE_ENDED = /(?:^|[;:.])[ ]*\n?$/;
/** Where a clause ends: a full stop before a capital or a number, a Markdown table row, or the "Theo đề nghị" line that closes a preamble. */
const SENTENCE_END = /[.](?=[ \n]+[\p{Lu}\d])|\n(?=[ ]*\|)|;(?=[ ]*\n[ ]*(?:Theo|Xét)[ \n]+đề[ \n]+(?:nghị|xuất))/u;

/**
 * Whether the original text ends a paragraph before this line with a blank line (the cleaned text
 * drops blank lines). In text whose lines are mostly double-spaced, as PDF extractions often
 * are, one blank line ends nothing: it takes two.
 */
function blankBefore(c: Cleaned, l: NLine): boolean {
  if (l.start === 0) return false;
  const o = toOriginal(c, l.start - 1, l.textStart + 1);
  const blanks = c.original.slice(o.start, o.end).match(/\n[ \t\r\u00a0]*(?=\n)/g)?.length ?? 0;
  return blanks >= (doubleSpaced(c.original) ? 2 : 1);
}

/** Whether the text's opening has about as many blank lines as lines of text (the seeds: 0.93–1.08; gazette texts: 0.15 at the median). */
function doubleSpaced(original: string): boolean {
  const lines = original.slice(0, 20_000).split('\n');
  const blank = lines.filter((l) => /^[ \t\r\u00a0]*$/.test(l)).length;
  return blank >= 0.6 * (lines.length - blank);
}

export function analyse(c: Cleaned): Structure {
  const { norm, fold } = c;
  const bodyEnd = c.footnoteStart;
  const ls = lines(norm, bodyEnd);
  const text = (l: NLine) => norm.slice(l.textStart, l.end);

  // kind line and title
  let kindLine: Range | null = null;
  let title: Range | null = null;
  let titleLastLine = -1;
  for (let i = 0; i < Math.min(ls.length, 60); i++) {
    const folded = fold.slice(ls[i].textStart, ls[i].end).trim();
    if ((DOC_KIND_LINE.test(folded) || SPACED_KIND_LINE.test(folded)) && !LOWER_CASE.test(text(ls[i]))) {
      kindLine = { start: ls[i].textStart, end: ls[i].end };
      let j = i + 1;
      while (j < ls.length && text(ls[j]).trim() === '') j++;
      // the first line after the kind line is the title, unless the preamble or section I starts right away
      if (j < ls.length && !ROMAN.test(text(ls[j])) && !/^(?:can cu|tren co so)(?![a-z])/.test(fold.slice(ls[j].textStart, ls[j].end))) {
        title = { start: ls[j].textStart, end: ls[j].end };
        titleLastLine = j;
        // continuation lines start in lower case ("… chính quyền\ntrên địa bàn xã …"), or follow a
        // line that cannot end there: a symbol broken at its dash ("NQLT-CP-\nUBTWMTTQVN"), "của", "số" …
        for (let k = j + 1; k < ls.length && k < j + 12; k++) {
          const t = text(ls[k]);
          if (!t.trim()) continue;
          const sofar = norm.slice(title.start, title.end);
          const line = fold.slice(ls[k].textStart, ls[k].end);
          const goesOn =
            // a lower-case word or parenthesis ("(đã được sửa đổi, …)"), the ministry's name broken at its dash ("Bộ Lao động\n- Thương binh và Xã hội")
            /^\(?\p{Ll}/u.test(t) ||
            (/Lao động$/u.test(sofar.trimEnd()) && /^- Thương binh/u.test(t)) ||
            (TITLE_GOES_ON.test(sofar) && !PREAMBLE_START.test(line)) ||
            (TITLE_WANTS_OBJECT.test(fold.slice(title.start, title.end)) && /^\p{Lu}/u.test(t) && NAMES_A_DOCUMENT.test(line) && !blankBefore(c, ls[k]));
          if (!goesOn || /[.:;]\s*$/.test(sofar)) break;
          title.end = ls[k].end;
          titleLastLine = k;
        }
      }
      break;
    }
  }
  const afterTitle = title ? title.end : kindLine ? kindLine.end : 0;

  // sections
  const sectionStarts: { pos: number; path: string }[] = [];
  let roman = '';
  let num = '';
  let sub = '';
  let firstHeading = -1;
  let purpose: Range | null = null;
  const purposeItems: Range[] = [];
  // a plan with no Roman or article headings may head its parts "1. MỤC ĐÍCH, YÊU CẦU" or "A. NỘI DUNG"
  const capsHeadings = !ls.some((l) => l.textStart >= afterTitle && (ROMAN.test(text(l)) || ARTICLE.test(text(l))));
  for (let i = Math.max(titleLastLine + 1, 0); i < ls.length; i++) {
    const l = ls[i];
    if (l.textStart < afterTitle) continue;
    const t = text(l);
    let m: RegExpExecArray | null;
    let path: string | null = null;
    let itemStart = false;
    if ((m = ROMAN.exec(t)) || (capsHeadings && (m = CAPS_HEADING.exec(t)))) {
      roman = m[1];
      num = sub = '';
      path = roman;
      if (purpose && purpose.end === -1) purpose.end = l.start;
      if (!purpose && (roman === 'I' || /muc dich/.test(fold.slice(l.textStart, l.end)))) purpose = { start: l.start, end: -1 };
    } else if ((m = ARTICLE.exec(t))) {
      roman = `Điều ${m[1]}`;
      num = sub = '';
      path = roman;
      if (purpose && purpose.end === -1) purpose.end = l.start;
    } else if (firstHeading >= 0 && (m = NUM2.exec(t))) {
      num = m[1];
      sub = m[2];
      path = [roman, num, sub].filter(Boolean).join('.');
      itemStart = true;
    } else if (firstHeading >= 0 && (m = NUM.exec(t))) {
      num = m[1];
      sub = '';
      path = [roman, num].filter(Boolean).join('.');
      itemStart = true;
    } else if (firstHeading >= 0 && num && (m = LETTER.exec(t))) {
      sub = m[1];
      path = [roman, num, sub].filter(Boolean).join('.');
      itemStart = true;
    } else if (firstHeading >= 0 && BULLET.test(t)) {
      itemStart = true;
    }
    if (path !== null) {
      if (firstHeading < 0) firstHeading = l.start;
      sectionStarts.push({ pos: l.start, path });
    }
    if (itemStart && purpose && purpose.end === -1) {
      const marker = t.match(NUM2) ?? t.match(NUM) ?? t.match(LETTER) ?? t.match(BULLET);
      const from = l.textStart + (marker ? marker[0].length : 0);
      if (PURPOSE_VERB.test(fold.slice(from, from + 60))) purposeItems.push({ start: from, end: -1 });
      else purposeItems.push({ start: from, end: from }); // an item that ends the previous one
    }
  }
  if (purpose && purpose.end === -1) purpose.end = bodyEnd;
  const preamble: Range = { start: afterTitle, end: firstHeading >= 0 ? firstHeading : Math.min(bodyEnd, afterTitle + 4000) };

  // cue regions
  const cues: { range: Range; cue: Relation }[] = [];
  if (title) cues.push({ range: title, cue: 'implements' });
  const clauseStarts: { pos: number; cue: Relation }[] = [];
  for (const l of ls) {
    if (l.textStart < preamble.start || l.textStart >= preamble.end) continue;
    // a clause opens a line with a capital or a bullet, or after a line that ends one; a line that
    // goes on a sentence wrapped in the PDF ("… quy định\nthực hiện …") opens none
    if (!CLAUSE_OPENS.test(norm.slice(l.textStart, l.textStart + 1)) && !CLAUSE_ENDED.test(norm.slice(Math.max(0, l.start - 3), l.start))) continue;
    const m = PREAMBLE_CUE.exec(fold.slice(l.textStart, l.end));
    if (m) clauseStarts.push({ pos: l.textStart, cue: /^(?:can cu|tren co so)/.test(m[1]) ? 'based_on' : 'implements' });
  }
  // clauses opened after "; " inside a line
  const semi = /;[ \n]+(?=can cu|thuc hien|trien khai thuc hien)/g;
  for (let m = semi.exec(fold.slice(preamble.start, preamble.end)); m; m = semi.exec(fold.slice(preamble.start, preamble.end))) {
    const pos = preamble.start + m.index + m[0].length;
    if (!clauseStarts.some((s) => s.pos === pos)) clauseStarts.push({ pos, cue: fold.startsWith('can cu', pos) ? 'based_on' : 'implements' });
  }
  clauseStarts.sort((a, b) => a.pos - b.pos);
  for (let i = 0; i < clauseStarts.length; i++) {
    const s = clauseStarts[i];
    const limit = i + 1 < clauseStarts.length ? clauseStarts[i + 1].pos : preamble.end;
    const seg = norm.slice(s.pos, limit);
    const stop = seg.search(SENTENCE_END);
    cues.push({ range: { start: s.pos, end: stop >= 0 ? s.pos + stop + 1 : limit }, cue: s.cue });
  }
  // purpose items: from the verb to the sentence end or the next item
  for (let i = 0; i < purposeItems.length; i++) {
    const it = purposeItems[i];
    if (it.end !== -1 || !purpose) continue;
    const limit = Math.min(i + 1 < purposeItems.length ? purposeItems[i + 1].start : purpose.end, purpose.end);
    const stop = norm.slice(it.start, limit).search(SENTENCE_END);
    cues.push({ range: { start: it.start, end: stop >= 0 ? it.start + stop + 1 : limit }, cue: 'implements' });
  }

  const RANK: Record<Relation, number> = { based_on: 0, implements: 1, cites: 2 };
  return {
    kindLine,
    title,
    preamble,
    cues,
    sectionAt(pos: number): string {
      if (pos >= c.footnoteStart) return 'footnote';
      if (title && pos >= title.start && pos < title.end) return 'title';
      if (pos < afterTitle) return 'header';
      let lo = 0;
      let hi = sectionStarts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sectionStarts[mid].pos <= pos) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found < 0 ? 'preamble' : sectionStarts[found].path;
    },
    cueAt(pos: number): Relation {
      let best: Relation = 'cites';
      if (pos >= c.footnoteStart) return best;
      for (const r of cues) if (pos >= r.range.start && pos < r.range.end && RANK[r.cue] < RANK[best]) best = r.cue;
      return best;
    },
  };
}
