/**
 * The readers: any input file → the decoded original text that extractor offsets index into,
 * or a ReadError naming the file and a stable code. One module per format; this one picks the
 * format, applies the limits, and runs the checks every format shares (legacy Vietnamese
 * encodings shown as Latin-1, empty or whitespace-only text, decomposed Unicode).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.ts';
import { docxToText } from './docx.ts';
import { ReadError } from './errors.ts';
import { declaredCharset, htmlToText } from './html.ts';
import { fontHint, type LegacyEncoding } from './legacy.ts';
import { pdfToText } from './pdf.ts';
import { latin1, looksLikeHtml, sniffMagic } from './sniff.ts';
import { decodeText, repairLegacyText } from './text.ts';

export { ReadError, type ReadErrorCode } from './errors.ts';

export type ReadFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface ReadOptions {
  /** Largest input accepted, in bytes (default 200 MiB). */
  maxBytes?: number;
  /** Time allowed for PDF text extraction, in ms (default 60 s). */
  pdfTimeoutMs?: number;
  /** Largest total uncompressed size a .docx may declare (default 512 MiB). */
  maxUncompressedBytes?: number;
  /** Largest compression ratio of a .docx entry over 1 MiB (default 100). */
  maxCompressionRatio?: number;
}

export const DEFAULT_READ_OPTIONS: Required<ReadOptions> = {
  maxBytes: 200 * 1024 * 1024,
  pdfTimeoutMs: 60_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 100,
};

export interface ReadResult {
  file: string;
  format: ReadFormat;
  text: string;
  diagnostics: Diagnostic[];
}

const EXTENSIONS: Record<string, ReadFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** Decode a file's bytes; `fileName` picks the format (by extension, else by content) and names errors. */
export async function decodeDocument(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const o = { ...DEFAULT_READ_OPTIONS, ...opts };
  if (bytes.byteLength > o.maxBytes) throw tooLarge(fileName, bytes.byteLength, o.maxBytes);
  if (bytes.byteLength === 0) throw new ReadError(fileName, 'empty', 'the file is empty (0 bytes)');
  const diagnostics: Diagnostic[] = [];
  const format = formatOf(bytes, fileName, diagnostics);

  let text: string;
  let hint: LegacyEncoding | undefined;
  if (format === 'pdf') {
    text = await pdfToText(bytes, fileName, o.pdfTimeoutMs);
  } else if (format === 'docx') {
    const docx = await docxToText(bytes, fileName, o);
    text = docx.text;
    diagnostics.push(...docx.diagnostics);
  } else if (format === 'html') {
    hint = fontHint(latin1(bytes));
    const markup = decodeText(bytes, fileName, { charset: declaredCharset(bytes), hint });
    diagnostics.push(...markup.diagnostics);
    text = htmlToText(markup.text);
  } else {
    const decoded = decodeText(bytes, fileName);
    diagnostics.push(...decoded.diagnostics);
    text = decoded.text;
  }

  const repaired = repairLegacyText(text, fileName, hint);
  diagnostics.push(...repaired.diagnostics);
  text = repaired.text;

  if (!/\S/.test(text)) {
    if (format !== 'txt' && format !== 'md') {
      throw new ReadError(fileName, 'empty', format === 'pdf' ? 'the PDF has no text layer (scanned? it needs OCR)' : 'no text content');
    }
    diagnostics.push({ severity: 'warning', code: 'whitespace-only', message: 'the text holds only white space' });
  }
  const combining = text.search(/[\u0300-\u036f]/);
  if (combining >= 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'nfd-text',
      message: 'decomposed Unicode (NFD): letters and their marks are separate characters, and offsets count both',
      start: combining,
      end: combining + 1,
    });
  }
  return { file: fileName, format, text, diagnostics };
}

/** stat, size limit, read, decode. */
export async function readDocument(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_READ_OPTIONS.maxBytes;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ReadError(file, 'unreadable', 'not a regular file');
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(file, 'unreadable', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
  return decodeDocument(bytes, file, opts);
}

function tooLarge(file: string, size: number, max: number): ReadError {
  return new ReadError(file, 'too-large', `${size} bytes is over the ${max}-byte limit`);
}

/** The format named by the extension; otherwise what the content looks like (said in a diagnostic). */
function formatOf(bytes: Uint8Array, fileName: string, diagnostics: Diagnostic[]): ReadFormat {
  const ext = path.extname(fileName).toLowerCase();
  const known = EXTENSIONS[ext];
  if (known) return known;
  const magic = sniffMagic(bytes);
  if (magic && magic.magic !== 'pdf' && magic.magic !== 'zip') {
    throw new ReadError(fileName, 'unsupported-format', `unsupported format: it looks like ${magic.label}`);
  }
  const format: ReadFormat = magic?.magic === 'pdf' ? 'pdf' : magic?.magic === 'zip' ? 'docx' : looksLikeHtml(bytes) ? 'html' : 'txt';
  const said = ext ? `extension "${ext}" is not a known format` : 'no extension';
  diagnostics.push({ severity: 'info', code: 'format-sniffed', message: `${said}: the content looks like ${format}, read as ${format}` });
  return format;
}
