/**
 * Building a plan's text the way real ones look: PDF-style hard line breaks with
 * blank lines (or one paragraph per line, as from .docx), NFD or NFC, old or new
 * tone placement. Offsets of marked spans are taken after every transformation,
 * so truth offsets index into the final text.
 */
import type { Rng } from './random.ts';

export interface Layout {
  /** Column at which lines wrap (Infinity: no wrapping). */
  width: number;
  /** Inserted at a wrap point (replaces the space) and between paragraphs. */
  lineBreak: string;
  paragraphBreak: string;
  nfd: boolean;
  newTones: boolean;
}

export function randomLayout(rng: Rng): Layout {
  const pdf = rng.chance(0.65);
  return {
    width: pdf ? rng.int(72, 92) : Infinity,
    lineBreak: pdf ? rng.pick([' \n\n', ' \n\n', '\n\n', ' \n \n']) : ' ',
    paragraphBreak: pdf ? ' \n\n' : '\n',
    nfd: rng.chance(0.05),
    newTones: rng.chance(0.3),
  };
}

const TONED_O: Record<string, [string, string]> = {};
const TONED_U: Record<string, [string, string]> = {};
for (const mark of ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
  for (const base of ['o', 'O']) TONED_O[(base + mark).normalize('NFC')] = [base, mark];
  for (const base of ['u', 'U']) TONED_U[(base + mark).normalize('NFC')] = [base, mark];
}
const OA_OLD = /([òóỏõọÒÓỎÕỌ])([aeAE])(?![\p{L}\p{M}])/gu;
const UY_OLD = /(?<![qQ])([ùúủũụÙÚỦŨỤ])([yY])(?![\p{L}\p{M}])/gu;

/** Old tone placement (hòa, ủy: how this generator writes) → new placement (hoà, uỷ). Same length in NFC. */
export function newTonePlacement(s: string): string {
  return s
    .replace(OA_OLD, (_m, o: string, v: string) => TONED_O[o][0] + (v + TONED_O[o][1]).normalize('NFC'))
    .replace(UY_OLD, (_m, u: string, y: string) => TONED_U[u][0] + (y + TONED_U[u][1]).normalize('NFC'));
}

export class TextBuilder {
  private out = '';
  private col = 0;

  constructor(private readonly layout: Layout) {}

  get length(): number {
    return this.out.length;
  }

  private transform(s: string): string {
    let t = this.layout.newTones ? newTonePlacement(s) : s;
    if (this.layout.nfd) t = t.normalize('NFD');
    return t;
  }

  /** Append running text, wrapping at the layout width. Embedded "\n" resets the column. */
  add(s: string): void {
    const pieces = this.transform(s).split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        this.out += '\n';
        this.col = 0;
      }
      this.wrap(piece);
    });
  }

  private wrap(s: string): void {
    const { width, lineBreak } = this.layout;
    let i = 0;
    while (s.length - i > width - this.col) {
      const limit = i + Math.max(0, width - this.col);
      let j = s.lastIndexOf(' ', limit);
      if (j < i || (j === i && this.col === 0)) j = s.indexOf(' ', Math.max(limit, i + 1));
      if (j < 0) break;
      this.out += s.slice(i, j) + lineBreak;
      this.col = 0;
      i = j + 1;
    }
    this.out += s.slice(i);
    this.col += s.length - i;
  }

  /** Append and return the span the text occupies in the output. */
  span(s: string): { start: number; end: number } {
    const start = this.out.length;
    this.add(s);
    return { start, end: this.out.length };
  }

  paragraph(): void {
    if (this.out.length === 0) return;
    this.out += this.layout.paragraphBreak;
    this.col = 0;
  }

  /** Lines appended verbatim (header blocks): no wrapping, each ends a paragraph. */
  lines(lines: string[]): void {
    for (const l of lines) {
      this.out += this.transform(l);
      this.paragraph();
    }
  }

  text(): string {
    return this.out;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An ISO date written in one of the forms plans use, with its "ngày" prefix. */
export function writeDate(iso: string, rng: Rng): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = rng.chance(0.5) ? pad2(m) : String(m);
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
    case 3:
      return `ngày ${pad2(d)}-${month}-${y}`;
    default:
      return `ngày ${pad2(d)}/${month}/${y}`;
  }
}

/** ISO date `days` after `iso`, capped at the end of its year. */
export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  const year = t.getUTCFullYear();
  t.setUTCDate(t.getUTCDate() + days);
  return t.getUTCFullYear() > year ? `${year}-12-31` : t.toISOString().slice(0, 10);
}
