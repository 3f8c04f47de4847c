/**
 * Stage 1, clean: original text → a normalised copy for matching, with a map from
 * every normalised code unit back to its span in the original.
 *
 * What changes (and only for matching; offsets always point into the original):
 * - whitespace runs become one " ", or one "\n" when they hold a line break;
 * - zero-width characters, soft hyphens and Markdown emphasis/heading markers vanish;
 * - NFD clusters are composed (NFC); Ð → Đ; dash look-alikes → "-";
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
  /** norm index → original start offset */
  start: Int32Array;
  /** norm index → original end offset (exclusive) */
  end: Int32Array;
  /** norm offset where moved footnote text begins (norm.length when there is none) */
  footnoteStart: number;
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
const RUNNING_HEADER = /^\s*CÔNG BÁO\s*\/\s*Số\b.*$/;
const SIGNATURE_LINE = /^\s*(?:Người ký|Email|Cơ quan|Thời gian ký)\s*:/;
const FOOTNOTE_RULE = /^[ \t\u00a0]{20,}$|^\s*_{10,}\s*$/;
const FOOTNOTE_MARK = /^\s*(?:\*{1,3}|\(\d{1,2}\)|\d{1,2}(?=\s+\p{Lu})|[¹²³⁴⁵⁶⁷⁸⁹])\s*\S/u;
const FOOTNOTE_END = /[.;]\s*$/;

type LineRole = 'body' | 'drop' | 'footnote';

function classify(t: string, lines: Line[]): LineRole[] {
  const roles: LineRole[] = new Array(lines.length).fill('body');
  for (let i = 0; i < lines.length; i++) {
    const { from, to } = lines[i];
    if (to - from > 200) continue; // long lines are text
    const s = t.slice(from, to);
    if (PAGE_NUMBER.test(s) || RUNNING_HEADER.test(s) || SIGNATURE_LINE.test(s)) {
      roles[i] = 'drop';
      continue;
    }
    if (FOOTNOTE_RULE.test(s)) {
      // a rule followed (after blank lines) by a marked note: the note runs to the first line ending a sentence
      let j = i + 1;
      while (j < lines.length && t.slice(lines[j].from, lines[j].to).trim() === '') j++;
      if (j >= lines.length || !FOOTNOTE_MARK.test(t.slice(lines[j].from, lines[j].to))) continue;
      roles[i] = 'drop';
      let k = j;
      for (; k < lines.length && k < j + 40; k++) {
        roles[k] = 'footnote';
        if (FOOTNOTE_END.test(t.slice(lines[k].from, lines[k].to))) break;
      }
      i = k;
    }
  }
  return roles;
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

class Builder {
  readonly buf: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  n = 0;
  /** pending whitespace: 0 none, 1 space, 2 line break */
  private pending = 0;
  private pendingAt = 0;
  private pendingEnd = 0;

  constructor(cap: number) {
    this.buf = new Uint16Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
  }
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
  char(c: number, s: number, e: number): void {
    if (this.pending) this.flush();
    this.put(c, s, e);
  }
  private put(c: number, s: number, e: number): void {
    const i = this.n++;
    this.buf[i] = c;
    this.start[i] = s;
    this.end[i] = e;
  }
  text(): string {
    return new TextDecoder('utf-16le').decode(this.buf.subarray(0, this.n));
  }
}

function emitRange(b: Builder, t: string, from: number, to: number, hasCombining: boolean): void {
  for (let i = from; i < to; i++) {
    let c = t.charCodeAt(i);
    if (c < 0x80 && !(hasCombining && i + 1 < to && isCombining(t.charCodeAt(i + 1)))) {
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
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2212) c = 45;
    if (hasCombining && i + 1 < to && isCombining(t.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < to && isCombining(t.charCodeAt(j))) j++;
      const composed = t.slice(i, j).normalize('NFC');
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

export function clean(original: string): Cleaned {
  const lines = splitLines(original);
  const roles = classify(original, lines);
  const hasCombining = /[\u0300-\u036f]/.test(original);
  const b = new Builder(original.length + 4);
  const emitLines = (role: LineRole) => {
    for (let i = 0; i < lines.length; i++) {
      if (roles[i] !== role) continue;
      const ln = lines[i];
      emitRange(b, original, ln.from, ln.to, hasCombining);
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
    start: b.start.subarray(0, b.n),
    end: b.end.subarray(0, b.n),
    footnoteStart: Math.min(footnoteStart, norm.length),
  };
}

/** Map a norm span [s, e) to an original span. */
export function toOriginal(c: Cleaned, s: number, e: number): { start: number; end: number } {
  if (c.norm.length === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(s, 0), c.norm.length - 1);
  const z = Math.min(Math.max(e - 1, a), c.norm.length - 1);
  return { start: c.start[a], end: c.end[z] };
}
