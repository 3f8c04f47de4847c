/**
 * Bytes → text for plain-text inputs (and the markup of HTML): byte-order marks, UTF-16 with
 * or without BOM, strict UTF-8, legacy Vietnamese 8-bit encodings. The text is otherwise kept
 * exactly as decoded (no normalisation, nothing stripped but a BOM): extractor offsets index it.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../model.ts';
import { ReadError } from './errors.ts';
import {
  BYTE_CANDIDATES,
  describeScores,
  detectLegacy,
  mayBeLegacyText,
  TEXT_CANDIDATES,
  type LegacyEncoding,
  type ScoredDecoding,
} from './legacy.ts';
import { latin1, sniffMagic } from './sniff.ts';

export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

export interface TextDecodeOptions {
  /** Charset the source declares (HTML `<meta charset>`); UTF-8 when absent. */
  charset?: string;
  /** Legacy encoding suggested by font names in the source. */
  hint?: LegacyEncoding;
}

type Utf16 = 'utf-16le' | 'utf-16be';

const BOMS: { bytes: number[]; encoding: 'utf-8' | Utf16 }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

export function decodeText(bytes: Uint8Array, file: string, opts: TextDecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new ReadError(file, 'empty', 'the file is empty (0 bytes)');
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  if (bom) {
    const body = bytes.subarray(bom.bytes.length);
    if (body.length === 0) throw new ReadError(file, 'empty', 'the file holds only a byte-order mark');
    const text = bom.encoding === 'utf-8' ? decodeUtf8(body, file) : decodeUtf16(body, bom.encoding, file);
    return { text, diagnostics: [info('bom-stripped', `${bom.encoding.toUpperCase()} byte-order mark stripped`)] };
  }
  const magic = sniffMagic(bytes);
  if (magic) throw new ReadError(file, 'binary', `binary data, not text: it looks like ${magic.label}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      return {
        text: decodeUtf16(bytes, utf16, file),
        diagnostics: [info('utf16-no-bom', `decoded as ${utf16.toUpperCase()} without byte-order mark (NUL-byte pattern)`)],
      };
    }
    // A few NULs in valid UTF-8 are stray characters (symbol-font glyphs lost in conversion), kept for the offsets.
    const nuls = countNuls(bytes, nul);
    if (nuls * 1000 >= bytes.length || !isUtf8(bytes)) {
      throw new ReadError(file, 'binary', `binary data, not text: ${nuls} NUL byte(s), the first at offset ${nul}`);
    }
    const text = decodeUtf8(bytes, file);
    const at = text.indexOf('\0');
    return { text, diagnostics: [{ severity: 'warning', code: 'nul-characters', message: `${nuls} NUL character(s) kept`, start: at, end: at + 1 }] };
  }
  const charset = opts.charset?.trim().toLowerCase();
  if (charset === 'windows-1258' || charset === 'cp1258') {
    const text = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
    return { text, diagnostics: [converted('Windows-1258', 'declared charset')] };
  }
  if (isUtf8(bytes)) return { text: decodeUtf8(bytes, file), diagnostics: [] };

  const verdict = detectLegacy(latin1(bytes), {
    candidates: BYTE_CANDIDATES,
    hint: opts.hint,
  });
  if (verdict.kind === 'decoded') {
    return { text: verdict.text, diagnostics: [converted(verdict.encoding, 'bytes are not UTF-8')] };
  }
  if (verdict.kind === 'uncertain') throw unknownLegacy(file, 'bytes are not UTF-8', verdict.scores);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return decodeDeclared(bytes, charset, file);
  const at = firstInvalidUtf8(bytes);
  const seen = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new ReadError(file, 'invalid-utf8', `invalid UTF-8 at byte offset ${at} (bytes ${seen}), and not a legacy Vietnamese encoding`);
}

/**
 * Text that decoded fine but holds legacy bytes shown as Latin-1 ("Uû ban nh©n d©n"), or UTF-8
 * that was read as Windows-1252 ("á»¦y"): converted, or refused when no reading clearly wins.
 */
export function repairLegacyText(text: string, file: string, hint?: LegacyEncoding): DecodedText {
  if (!mayBeLegacyText(text)) return { text, diagnostics: [] };
  const verdict = detectLegacy(text, { candidates: TEXT_CANDIDATES, hint, againstAsIs: true });
  const why = 'legacy bytes shown as Latin-1 characters';
  if (verdict.kind === 'decoded') return { text: verdict.text, diagnostics: [converted(verdict.encoding, why)] };
  if (verdict.kind === 'uncertain') throw unknownLegacy(file, why, verdict.scores);
  return { text, diagnostics: [] };
}

function unknownLegacy(file: string, why: string, scores: ScoredDecoding[]): ReadError {
  return new ReadError(
    file,
    'legacy-encoding-unknown',
    `${why}, and not clearly one legacy Vietnamese encoding (${describeScores(scores)}); convert it to Unicode first`,
  );
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (!isUtf8(bytes)) {
    throw new ReadError(file, 'invalid-utf8', `invalid UTF-8 at byte offset ${firstInvalidUtf8(bytes)} after a UTF-8 byte-order mark`);
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function decodeUtf16(bytes: Uint8Array, encoding: Utf16, file: string): string {
  if (bytes.length % 2 !== 0) throw new ReadError(file, 'invalid-utf16', `${encoding.toUpperCase()} text with an odd number of bytes`);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReadError(file, 'invalid-utf16', `invalid ${encoding.toUpperCase()} (unpaired surrogate)`);
  }
}

/** A charset the source declares other than UTF-8 (e.g. windows-1252), when no legacy encoding fits. */
function decodeDeclared(bytes: Uint8Array, charset: string, file: string): DecodedText {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ReadError(file, 'legacy-encoding-unknown', `declared charset "${charset}" is not supported`);
  }
  try {
    return { text: decoder.decode(bytes), diagnostics: [info('declared-charset', `decoded as declared charset ${decoder.encoding}`)] };
  } catch {
    throw new ReadError(file, 'legacy-encoding-unknown', `bytes are not valid in the declared charset "${charset}"`);
  }
}

/**
 * UTF-16 without BOM, only when unambiguous: NUL bytes fall on one parity only (the high byte
 * of ASCII characters) and make up at least a third of that parity in the first 64 KiB.
 */
function sniffUtf16(bytes: Uint8Array): Utf16 | null {
  if (bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 65536);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = n / 2;
  if (even === 0 && odd * 3 >= pairs) return 'utf-16le';
  if (odd === 0 && even * 3 >= pairs) return 'utf-16be';
  return null;
}

/** NUL bytes from `first` on, counted up to one per thousand bytes (enough to call it binary). */
function countNuls(bytes: Uint8Array, first: number): number {
  const limit = Math.floor(bytes.length / 1000) + 1;
  let n = 0;
  for (let at = first; at >= 0 && n < limit; at = bytes.indexOf(0, at + 1)) n++;
  return n;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k <= extra; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += extra + 1;
  }
  return -1;
}

function info(code: string, message: string): Diagnostic {
  return { severity: 'info', code, message };
}

function converted(encoding: string, why: string): Diagnostic {
  return encoding === 'UTF-8'
    ? { severity: 'warning', code: 'mojibake-repaired', message: 'UTF-8 text that had been read as Windows-1252 and saved again was repaired' }
    : { severity: 'warning', code: 'legacy-encoding-converted', message: `converted from ${encoding} to Unicode (${why})` };
}
