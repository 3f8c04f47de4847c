/**
 * Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, `.VnTime` fonts), VNI (`VNI-Times` fonts)
 * and Windows-1258, plus UTF-8 that was decoded as Windows-1252 and saved again
 * ("Ã¢" for "â", "á»§" for "ủ").
 *
 * Input is a string of code units where U+0000–U+00FF stand for bytes: either raw bytes read
 * as Latin-1, or text where legacy bytes were shown as Latin-1 characters ("Uû ban nh©n d©n").
 * Detection decodes a sample every possible way and keeps the decoding that reads as
 * Vietnamese syllables (ingest/read/syllable.ts); when no decoding clearly wins it says so,
 * and the caller refuses the file rather than guess.
 */
import tcvn3Table from '../data/legacy-tcvn3.json' with { type: 'json' };
import vniTable from '../data/legacy-vni.json' with { type: 'json' };
import { scoreVietnamese, type VietnameseScore } from './syllable.ts';

export type LegacyEncoding = 'TCVN3' | 'VNI' | 'Windows-1258';
/** What a text may turn out to be: a legacy encoding, or UTF-8 shown as Windows-1252. */
export type Decoding = LegacyEncoding | 'UTF-8';

const fromHex = (h: string): number[] => h.split(' ').map((b) => parseInt(b, 16));

/** Windows-1252 characters of bytes 0x80–0x9F (the 5 undefined bytes stay C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_TO_BYTE = new Map<number, number>();
for (let i = 0; i < 32; i++) CP1252_TO_BYTE.set(CP1252_HIGH.charCodeAt(i), 0x80 + i);

/** TCVN3: one byte, one character. */
const TCVN3 = Uint16Array.from({ length: 256 }, (_, b) => b);
for (const [letter, hex] of Object.entries(tcvn3Table.letters)) TCVN3[fromHex(hex)[0]] = letter.charCodeAt(0);
for (const [hex, ch] of Object.entries(tcvn3Table.other)) TCVN3[fromHex(hex)[0]] = ch.charCodeAt(0);

/**
 * VNI: a base letter followed by an accent byte (accepted in either case), or one byte for
 * the i-family, ơ, ư, đ, ỵ. Keys of VNI_PAIRS are base * 0x10000 + accent.
 */
const VNI_PAIRS = new Map<number, number>();
const VNI_SINGLE = new Map<number, number>();
for (const [letter, hex] of Object.entries(vniTable.letters)) {
  const [base, mark] = fromHex(hex);
  const code = letter.charCodeAt(0);
  if (mark === undefined) {
    VNI_SINGLE.set(base, code);
  } else {
    const m = String.fromCharCode(mark);
    VNI_PAIRS.set(base * 0x10000 + m.toLowerCase().charCodeAt(0), code);
    VNI_PAIRS.set(base * 0x10000 + m.toUpperCase().charCodeAt(0), code);
  }
}

const utf16 = (units: Uint16Array, length: number) =>
  new TextDecoder('utf-16le').decode(units.subarray(0, length));

/** Decode 8-bit code units as TCVN3; characters above U+00FF pass through. */
function decodeTcvn3(s: string): string {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < 256 ? TCVN3[c] : c;
  }
  return utf16(out, s.length);
}

/** Decode 8-bit code units as VNI; bytes 0x80–0x9F, which VNI leaves alone, as Windows-1252. */
function decodeVni(s: string): string {
  const out = new Uint16Array(s.length);
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = i + 1 < s.length ? VNI_PAIRS.get(c * 0x10000 + s.charCodeAt(i + 1)) : undefined;
    if (pair !== undefined) {
      out[o++] = pair;
      i++;
    } else {
      out[o++] = VNI_SINGLE.get(c) ?? (c >= 0x80 && c < 0xa0 ? CP1252_HIGH.charCodeAt(c - 0x80) : c);
    }
  }
  return utf16(out, o);
}

/** The bytes behind a Latin-1/Windows-1252 rendering, or null if a character has no byte. */
function toBytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 256 ? c : CP1252_TO_BYTE.get(c);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

function decodeVia(label: string, s: string): string | null {
  const bytes = toBytes(s);
  if (bytes === null) return null;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    return null;
  }
}

/** Decode `s` as if its code units were bytes in `encoding`; null when that cannot apply. */
export function decodeAs(s: string, encoding: Decoding): string | null {
  switch (encoding) {
    case 'TCVN3':
      return decodeTcvn3(s);
    case 'VNI':
      return decodeVni(s);
    case 'Windows-1258':
      return decodeVia('windows-1258', s);
    case 'UTF-8':
      return decodeVia('utf-8', s);
  }
}

const SAMPLE_CHARS = 256 * 1024;

/** A window of `s` that starts just before its first non-ASCII character. */
function sampleOf(s: string): string {
  const first = s.search(/[^\x00-\x7f]/);
  const start = Math.max(0, first - 1024);
  return s.slice(start, start + SAMPLE_CHARS);
}

export interface ScoredDecoding extends VietnameseScore {
  encoding: Decoding;
}

export type Verdict =
  | { kind: 'decoded'; encoding: Decoding; text: string }
  /** Some decoding reads as Vietnamese but none clearly: refuse. */
  | { kind: 'uncertain'; scores: ScoredDecoding[] }
  /** No sign of a legacy encoding. */
  | { kind: 'none'; scores: ScoredDecoding[] };

const net = (s: VietnameseScore) => s.good - s.bad;
/** Enough syllables, and at most one suspicious word in six. */
const readsAsVietnamese = (s: VietnameseScore) => s.good >= 3 && s.bad * 5 <= s.good;

export interface DetectOptions {
  /** Which decodings to try. */
  candidates: readonly Decoding[];
  /** The encoding named by the source (a `.VnTime` or `VNI-Times` font): wins when it reads well. */
  hint?: LegacyEncoding;
  /** The input is already text: a decoding must read clearly better than the text as it stands. */
  againstAsIs?: boolean;
}

/** Choose the decoding of `s` that reads as Vietnamese, if one clearly does. */
export function detectLegacy(s: string, opts: DetectOptions): Verdict {
  const sample = sampleOf(s);
  const scores: ScoredDecoding[] = [];
  for (const encoding of opts.candidates) {
    const decoded = decodeAs(sample, encoding);
    if (decoded !== null) scores.push({ encoding, ...scoreVietnamese(decoded) });
  }
  scores.sort((a, b) => net(b) - net(a));
  const asIs = opts.againstAsIs ? scoreVietnamese(sample) : undefined;
  const beatsAsIs = (s: ScoredDecoding) => !asIs || (s.good > asIs.good && net(s) >= net(asIs) + 3);
  const hinted = scores.find((s) => s.encoding === opts.hint);
  const [best, second] = scores;
  let chosen: ScoredDecoding | undefined;
  if (hinted && readsAsVietnamese(hinted) && beatsAsIs(hinted)) chosen = hinted;
  else if (best && readsAsVietnamese(best) && beatsAsIs(best) && (!second || net(second) * 2 <= net(best))) chosen = best;
  if (chosen) {
    const text = decodeAs(s, chosen.encoding);
    if (text !== null) return { kind: 'decoded', encoding: chosen.encoding, text };
  }
  const signal = scores.some((x) => x.good >= 3 && net(x) > 0 && beatsAsIs(x));
  return { kind: signal ? 'uncertain' : 'none', scores };
}

/** Unicode letters that only genuine Vietnamese text has (beyond Latin-1): ă đ ơ ư ạ ả … */
const VIETNAMESE_BEYOND_LATIN1 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9]/;

/**
 * Whether decoded Unicode text may be legacy bytes shown as Latin-1/Windows-1252: it has
 * Latin-1 letters or symbols but no Vietnamese letter beyond Latin-1.
 */
export function mayBeLegacyText(text: string): boolean {
  return /[\u0080-\u00ff]/.test(text) && !VIETNAMESE_BEYOND_LATIN1.test(text);
}

export const BYTE_CANDIDATES: readonly Decoding[] = ['TCVN3', 'VNI', 'Windows-1258'];
export const TEXT_CANDIDATES: readonly Decoding[] = ['TCVN3', 'VNI', 'Windows-1258', 'UTF-8'];

/** Legacy font names in markup or styles: `.VnTime`, `.VnArialH` → TCVN3; `VNI-Times` → VNI. */
export function fontHint(markup: string): LegacyEncoding | undefined {
  const tcvn = /['"\s,:=]\.Vn[A-Z]/.test(markup);
  const vni = /\bVNI[- ][A-Z]/.test(markup);
  return tcvn === vni ? undefined : tcvn ? 'TCVN3' : 'VNI';
}

export function describeScores(scores: ScoredDecoding[]): string {
  return scores.map((s) => `${s.encoding} ${s.good} syllables/${s.bad} odd`).join(', ');
}
