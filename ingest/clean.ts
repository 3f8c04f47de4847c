/**
 * Stage 1, clean: original text → a normalised copy for matching, with a map from
 * every normalised code unit back to its span in the original.
 *
 * What changes (and only for matching; offsets always point into the original):
 * - whitespace runs become one " ", or one "\n" when they hold a line break;
 * - zero-width characters, soft hyphens and Markdown emphasis/heading markers vanish;
 * - NFD clusters are composed (NFC); Ð → Đ; dash look-alikes → "-", slash look-alikes (⁄ ∕ ／) → "/";
 * - page-number lines, gazette running headers and digital-signature lines are dropped;
 * - footnote blocks spliced into the body ("ngày ⟨footnote⟩ 17/5/2021") are moved after
 *   the body, so the sentence they interrupted reads on.
 *
 * `fold` is `norm` lower-cased with tones and diacritics removed (đ → d), same length.
 */
import { foldText } from './normalize.ts';

export interface Cleaned {
  original: string;
  norm: string;
  fold: string;
  /** the offset map, read through toOriginal (see Builder) */
  map: OffsetMap;
  /** whether NFD clusters were composed */
  composed: boolean;
  /** norm offset where moved footnote text begins (norm.length when there is none) */
  footnoteStart: number;
}

export interface OffsetMap {
  count: number;
  norm: Int32Array;
  orig: Int32Array;
  origEnd: Int32Array;
}

interface Line {
  from: number; // original offset of the first char
  to: number; // original offset after the last char (before the line break)
  brk: number; // original offset after the line break
}

function splitLines(t: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  const n = t.length;
  if (t.indexOf('\r') < 0) {
    // the common case: "\n" only, found by indexOf rather than a loop over every code unit
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', from)) {
      lines.push({ from, to: i, brk: i + 1 });
      from = i + 1;
    }
    lines.push({ from, to: n, brk: n });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13) {
      let brk = i + 1;
      if (c === 13 && t.charCodeAt(i + 1) === 10) brk++;
      lines.push({ from, to: i, brk });
      from = brk;
      i = brk - 1;
    }
  }
  lines.push({ from, to: n, brk: n });
  return lines;
}

const PAGE_NUMBER = /^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$/;
// "CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022" (no \b after "Số": "ố" is not an ASCII word character)
const RUNNING_HEADER = /^\s*CÔNG BÁO\s*\/\s*Số\s*\d/u;
/** The whole running header as the original writes it, when the text of the page goes on after it on the same line. */
const RUNNING_HEADER_THEN_TEXT = /^\s*CÔNG BÁO\s*\/\s*Số\s*\d{1,5}(?:\s*\+\s*\d{1,5})*\s*\/\s*Ngày\s*\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}\s+(?=\S)/u;
const DAY_BEFORE = /ngày\s*$/u;
/** A number with a dash after it and none before: "217-". */
const NUMBER_BROKEN_AT_DASH = /^\s*\d{1,3}\s*-\s*$/;
/** A line that opens with a symbol's type code: "QĐ/TW …", "CT-TTg …". */
const CODE_GOES_ON = /^\s*\p{Lu}[\p{Lu}\p{Ll}]{0,5}\s*[/-]\s*\p{Lu}/u;
const SIGNATURE_LINE = /^\s*(?:Người ký|Email|Cơ quan|Thời gian ký)\s*:/;
const FOOTNOTE_RULE = /^[ \t\u00a0\u200b-\u200d\u2060]{20,}$|^[\s\u200b-\u200d\u2060]*_{10,}[\s\u200b-\u200d\u2060]*$/;
const FOOTNOTE_MARK = /^\s*(?:\*{1,3}|\(\d{1,2}\)|\d{1,2}(?=\s+\p{Lu})|[¹²³⁴⁵⁶⁷⁸⁹])\s*\S/u;
const FOOTNOTE_END = /[.;]\s*$/;
/** A Markdown footnote's text: "[^1]: Theo Công văn số …". */
const MARKDOWN_FOOTNOTE = /^\s*\[\^[^\]\s]+\]:/;

type LineRole = 'body' | 'drop' | 'footnote';
/** A page header repeats on this many pages at least; text that two pages happen to open with the same is not one. */
const REPEATED_ON_PAGES = 3;
/** A page header is short: a code, a title. */
const PAGE_HEADER_LINE = 40;
/** Lines of the first page's header block (running header, page number, the document's header). */
const FIRST_PAGE_LINES = 30;

/** The last non-blank line before line i (at most a few lines back), or "". */
function previousText(t: string, lines: Line[], i: number): string {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const s = t.slice(lines[j].from, lines[j].to);
    if (s.trim() !== '') return s;
  }
  return '';
}

/** The first non-blank line after line i (at most a few lines on), or "". */
function nextText(t: string, lines: Line[], i: number): string {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const s = t.slice(lines[j].from, lines[j].to);
    if (s.trim() !== '') return s;
  }
  return '';
}

/** What a line's role tests must not see: combining marks, invisibles, spaces other than U+0020 (no-break …), whitespace runs, Markdown emphasis. */
const NOT_PLAIN = /[\u0300-\u036f\u200b-\u200d\u2060\ufeff\u00ad*\u00a0\u2000-\u200a\u202f\u3000]|\s\s/;
/** Markdown emphasis: asterisks against a word ("**Số 281**"), not a bullet's ("* 5"). */
const EMPHASIS = /\*+(?=\S)|(?<=\S)\*+/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * A line as the role tests read it: composed (NFC), without invisibles or Markdown emphasis,
 * whitespace runs single, so that "CÔNG  BÁO/Số …", "CÔNG BÁO/**Số 281**", "Người\u200b ký:"
 * and NFD text are recognised too.
 */
function lineForTests(s: string): string {
  return NOT_PLAIN.test(s) ? s.normalize('NFC').replace(INVISIBLE, '').replace(EMPHASIS, '').replace(/(\S)\s+(?=\S)/g, '$1 ') : s;
}

/** What the regex class \s matches, and the invisibles lineForTests removes. */
function isBlankOrInvisible(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether a line may be anything but body text, by its first visible character past any "*": a page number
 * (a digit or a dash), a running header (C), a signature line (N, E, C, T), a Markdown footnote
 * ([), a footnote rule (_, or nothing but spaces). Most lines start otherwise and are not tested.
 */
function mayHaveARole(t: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (isBlankOrInvisible(t.charCodeAt(i)) || t.charCodeAt(i) === 42 /* Markdown emphasis */)) i++;
  if (i === to) return true;
  const c = t.charCodeAt(i);
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2013 || c === 67 || c === 69 || c === 78 || c === 84 || c === 91 || c === 95;
}

/**
 * Each line's role: body, dropped (page numbers, running headers, signature lines, footnote
 * rules, a document's own page header under the running header) or footnote. A running header
 * with the page's text joined after it is cut off the line (its `from` moves past the header)
 * and the rest stays body.
 */
function classify(t: string, lines: Line[]): LineRole[] {
  const roles: LineRole[] = new Array(lines.length).fill('body');
  const underHeader: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { from, to } = lines[i];
    if (to - from > 200 || !mayHaveARole(t, from, to)) continue; // long lines are text
    const s = lineForTests(t.slice(from, to));
    const header = RUNNING_HEADER.test(s);
    if (isPageNumber(t, lines, i, s) || header || SIGNATURE_LINE.test(s)) {
      // a line joined to the running header ("CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 c) Quyết định số …"): only the header goes
      const rest = header ? RUNNING_HEADER_THEN_TEXT.exec(t.slice(from, to)) : null;
      if (rest) lines[i].from = from + rest[0].length;
      else {
        roles[i] = 'drop';
        const j = header ? firstTextLine(t, lines, i + 1) : -1;
        if (j >= 0) underHeader.push(j);
      }
      continue;
    }
    if (MARKDOWN_FOOTNOTE.test(s)) {
      roles[i] = 'footnote';
      continue;
    }
    if (FOOTNOTE_RULE.test(s)) {
      // a rule followed (after blank lines and page numbers) by a marked note: the note runs to the first line ending a sentence
      let j = i + 1;
      const line = (n: number) => lineForTests(t.slice(lines[n].from, lines[n].to));
      const pages: number[] = [];
      for (; j < lines.length && (line(j).trim() === '' || isPageNumber(t, lines, j, line(j))); j++) if (line(j).trim() !== '') pages.push(j);
      if (j >= lines.length || !FOOTNOTE_MARK.test(line(j))) continue;
      roles[i] = 'drop';
      for (const p of pages) roles[p] = 'drop';
      let k = j;
      for (; k < lines.length && k < j + 40; k++) {
        // a page number inside the note ("… Thông tư số 08/2023/TT-\n76\nBLĐTBXH …")
        roles[k] = k > j && isPageNumber(t, lines, k, line(k)) ? 'drop' : 'footnote';
        if (FOOTNOTE_END.test(line(k))) break;
      }
      i = k;
    }
  }
  // the document's own page header under the gazette's ("QTKĐ:06-2021/BLĐTBXH" on each page of a
  // procedure): the same short line under three running headers or more (text that a few pages happen
  // to open with is longer), kept on the first page, where it may be the issuer of the document
  const groups = new Map<string, number[]>();
  for (const j of underHeader) {
    const s = lineForTests(t.slice(lines[j].from, lines[j].to)).replace(/\s+/g, ' ').trim();
    if (j < FIRST_PAGE_LINES || s.length > PAGE_HEADER_LINE) continue;
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s)!.push(j);
  }
  for (const js of groups.values()) if (js.length >= REPEATED_ON_PAGES) for (const j of js) roles[j] = 'drop';
  return roles;
}

/**
 * A number alone on its line (`s`, as the role tests read it) is a page number, unless it is the
 * day after a line ending in "ngày", or a symbol's number broken at its dash ("217-\nQĐ/TW").
 */
function isPageNumber(t: string, lines: Line[], i: number, s: string): boolean {
  return PAGE_NUMBER.test(s) && !DAY_BEFORE.test(previousText(t, lines, i)) && !(NUMBER_BROKEN_AT_DASH.test(s) && CODE_GOES_ON.test(nextText(t, lines, i)));
}

/** The first line from line i on that is neither blank nor a page number, or -1. */
function firstTextLine(t: string, lines: Line[], i: number): number {
  for (let j = i; j < lines.length && j <= i + 6; j++) {
    const s = lineForTests(t.slice(lines[j].from, lines[j].to));
    if (s.trim() !== '' && !isPageNumber(t, lines, j, s)) return j;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 12 || c === 11;
}
function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0xad || c === 0x2060;
}
function isCombining(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

/**
 * The offset map is a list of segments rather than one entry per code unit, so
 * its size follows the number of edits, not the length of the text:
 * - a copy segment maps norm[n + k] to original[o + k] (one to one);
 * - a span segment maps each of its norm code units to the original span [o, oe)
 *   (a collapsed whitespace run, a composed NFD cluster, a replaced character).
 */
class Builder {
  private readonly parts: string[] = [];
  private slow = '';
  n = 0;
  segs = 0;
  segNorm = new Int32Array(64);
  segOrig = new Int32Array(64);
  /** original end of a span segment; -1 marks a copy segment */
  segEnd = new Int32Array(64);
  /** pending whitespace: 0 none, 1 space, 2 line break */
  private pending = 0;
  private pendingAt = 0;
  private pendingEnd = 0;
  /** set when an NFD cluster was composed */
  composed = false;

  constructor(private readonly t: string) {}

  space(kind: 1 | 2, at: number, end: number): void {
    if (this.pending === 0) {
      this.pendingAt = at;
      this.pendingEnd = end;
    }
    if (kind > this.pending) this.pending = kind;
  }
  private flush(): void {
    if (this.pending && this.n > 0) this.put(this.pending === 2 ? 10 : 32, this.pendingAt, this.pendingEnd);
    this.pending = 0;
  }
  /** One code unit standing for original[s, e). */
  char(c: number, s: number, e: number): void {
    if (this.pending) this.flush();
    this.put(c, s, e);
  }
  /** original[from, to) unchanged. */
  copy(from: number, to: number): void {
    if (from >= to) return;
    if (this.pending) this.flush();
    if (this.slow) {
      this.parts.push(this.slow);
      this.slow = '';
    }
    this.parts.push(this.t.slice(from, to));
    const k = this.segs - 1;
    if (!(k >= 0 && this.segEnd[k] === -1 && from - this.segOrig[k] === this.n - this.segNorm[k])) this.segment(from, -1);
    this.n += to - from;
  }
  private put(c: number, s: number, e: number): void {
    this.slow += String.fromCharCode(c);
    const k = this.segs - 1;
    if (e === s + 1 && this.t.charCodeAt(s) === c) {
      // an unchanged code unit: extend the last copy segment when it is the next one
      if (!(k >= 0 && this.segEnd[k] === -1 && s - this.segOrig[k] === this.n - this.segNorm[k])) this.segment(s, -1);
    } else if (!(k >= 0 && this.segEnd[k] === e && this.segOrig[k] === s)) {
      this.segment(s, e); // units of one composed cluster share their segment
    }
    this.n++;
  }
  private segment(o: number, end: number): void {
    if (this.segs === this.segNorm.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.segNorm = grow(this.segNorm);
      this.segOrig = grow(this.segOrig);
      this.segEnd = grow(this.segEnd);
    }
    this.segNorm[this.segs] = this.n;
    this.segOrig[this.segs] = o;
    this.segEnd[this.segs] = end;
    this.segs++;
  }
  text(): string {
    if (this.slow) this.parts.push(this.slow);
    this.slow = '';
    return this.parts.join('');
  }
}

/** The exact, code unit by code unit path (see SPECIAL for when it runs). */
function emitRange(b: Builder, t: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    let c = t.charCodeAt(i);
    if (c < 0x80 && !(i + 1 < to && isCombining(t.charCodeAt(i + 1)))) {
      if (c === 32 || c === 9) {
        b.space(1, i, i + 1);
        continue;
      }
      if (c === 42 /* * */ || (c === 35 /* # */ && isMarkdownHeading(t, from, i))) continue;
      b.char(c, i, i + 1);
      continue;
    }
    if (isSpace(c)) {
      b.space(1, i, i + 1);
      continue;
    }
    if (isInvisible(c)) continue;
    if (c === 0xd0) c = 0x110;
    else if (c === 0xf0) c = 0x111;
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2212 || c === 0xff0d) c = 45;
    else if (c === 0x2044 || c === 0x2215 || c === 0xff0f) c = 47; // slash look-alikes: fraction, division, fullwidth
    else if (c >= 0x400 && c <= 0x4ff) c = CYRILLIC_LOOK_ALIKES.get(c) ?? c; // "NĐ-СР" typed in Cyrillic
    if (i + 1 < to && isCombining(t.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < to && isCombining(t.charCodeAt(j))) j++;
      const composed = t.slice(i, j).normalize('NFC');
      b.composed = true;
      for (let k = 0; k < composed.length; k++) b.char(composed.charCodeAt(k), i, j);
      i = j - 1;
      continue;
    }
    if (isCombining(c)) continue; // a stray mark with no base
    b.char(c, i, i + 1);
  }
}

/** "#" counts as a Markdown heading marker only in the run of "#" at the start of a line. */
function isMarkdownHeading(t: string, lineFrom: number, i: number): boolean {
  for (let k = lineFrom; k < i; k++) {
    const c = t.charCodeAt(k);
    if (c !== 35 && c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Code units the fast path cannot copy as they are: every whitespace character but a
 * lone space, a run of two or more spaces, invisibles or "*" (so that "a * b" still
 * reads "a b"), invisibles, Markdown "*",
 * replaced look-alikes (Ð, ð, dashes, slashes, Cyrillic letters), and combining marks (emitLine adds their base letter).
 */
const SPECIAL =
  /[\u0300-\u036f]+|[ \t\v\f\u00a0\u00ad\u2000-\u200d\u202f\u2060\u3000\ufeff*]{2,}|[\t\v\f\u00a0\u00ad\u2000-\u200d\u202f\u2060\u3000\ufeff*\u00d0\u00f0\u2010-\u2013\u2212\u2044\u2215\uff0d\uff0f\u0400-\u04ff]/g;

/** Cyrillic letters drawn like Latin ones, as they turn up in symbols ("40/2026/NĐ-СР", "TT-BТС"): read as the Latin letter. */
const CYRILLIC_LOOK_ALIKES = new Map([...'АAВBЕEКKМMНHОOРPСCТTХXІIаaеeоoрpсcуyхxіi'.matchAll(/(.)(.)/gu)].map((m) => [m[1].charCodeAt(0), m[2].charCodeAt(0)]));

/**
 * Emit one line: runs with nothing special are copied as slices; the special spots, a
 * leading or trailing space and a leading Markdown heading go through emitRange. `next`
 * caches the next special match, so the text is scanned once however many lines it has.
 */
function emitLine(b: Builder, t: string, from: number, to: number, next: { at: number; end: number }): void {
  let i = from;
  let lead = from;
  while (lead < to) {
    const c = t.charCodeAt(lead);
    const mark = isCombining(c); // a stray mark with no base letter
    if ((!mark && c !== 32 && c !== 9 && c !== 35 /* # */ && c !== 42) /* * */ || (!mark && isCombining(t.charCodeAt(lead + 1)))) break;
    lead++;
  }
  if (lead > from) {
    emitRange(b, t, from, lead);
    i = lead;
  }
  let last = to;
  if (last > i && t.charCodeAt(last - 1) === 32) last--;
  while (i < last) {
    if (next.at < i) {
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(t);
      next.at = m ? m.index : Infinity;
      next.end = m ? m.index + m[0].length : Infinity;
    }
    if (next.at >= last) {
      b.copy(i, last);
      break;
    }
    // combining marks compose with the base letter before them
    const at = next.at > i && isCombining(t.charCodeAt(next.at)) ? next.at - 1 : next.at;
    b.copy(i, at);
    let e = Math.min(next.end, to);
    while (e < to && isCombining(t.charCodeAt(e))) e++; // and with a special base after it
    emitRange(b, t, at, e);
    i = e;
  }
  if (i < to) emitRange(b, t, Math.max(i, last), to);
}

export function clean(original: string): Cleaned {
  const lines = splitLines(original);
  const roles = classify(original, lines);
  const b = new Builder(original);
  const emitLines = (role: LineRole) => {
    const next = { at: -1, end: -1 };
    for (let i = 0; i < lines.length; i++) {
      if (roles[i] !== role) continue;
      const ln = lines[i];
      emitLine(b, original, ln.from, ln.to, next);
      if (ln.brk > ln.to) b.space(2, ln.to, ln.brk);
    }
  };
  emitLines('body');
  let footnoteStart = b.n;
  if (roles.includes('footnote')) {
    b.space(2, original.length, original.length);
    b.char(10, original.length, original.length); // a hard boundary: footnotes never continue a body sentence
    footnoteStart = b.n;
    emitLines('footnote');
  }
  const norm = b.text();
  return {
    original,
    norm,
    fold: foldText(norm),
    map: { count: b.segs, norm: b.segNorm, orig: b.segOrig, origEnd: b.segEnd },
    composed: b.composed,
    footnoteStart: Math.min(footnoteStart, norm.length),
  };
}

/** Original offsets of norm position p: [start, end). */
function originalAt(m: OffsetMap, p: number): [number, number] {
  let lo = 0;
  let hi = m.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.norm[mid] <= p) lo = mid;
    else hi = mid - 1;
  }
  if (m.origEnd[lo] === -1) {
    const o = m.orig[lo] + (p - m.norm[lo]);
    return [o, o + 1];
  }
  return [m.orig[lo], m.origEnd[lo]];
}

/** Map a norm span [s, e) to an original span. */
export function toOriginal(c: Cleaned, s: number, e: number): { start: number; end: number } {
  if (c.norm.length === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(s, 0), c.norm.length - 1);
  const z = Math.min(Math.max(e - 1, a), c.norm.length - 1);
  return { start: originalAt(c.map, a)[0], end: originalAt(c.map, z)[1] };
}
