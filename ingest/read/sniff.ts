/** What a file's first bytes say it is, whatever its name. */

export type Magic = 'pdf' | 'zip' | 'ole2' | 'image' | 'archive' | 'executable';

const SIGNATURES: { bytes: number[] | string; magic: Magic; label: string }[] = [
  { bytes: '%PDF-', magic: 'pdf', label: 'a PDF document' },
  { bytes: 'PK\x03\x04', magic: 'zip', label: 'a ZIP archive (DOCX, XLSX …)' },
  { bytes: 'PK\x05\x06', magic: 'zip', label: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], magic: 'ole2', label: 'an OLE2 compound file (legacy Word .doc, Excel .xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], magic: 'image', label: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], magic: 'image', label: 'a JPEG image' },
  { bytes: 'GIF8', magic: 'image', label: 'a GIF image' },
  { bytes: 'II*\x00', magic: 'image', label: 'a TIFF image' },
  { bytes: 'MM\x00*', magic: 'image', label: 'a TIFF image' },
  { bytes: [0x1f, 0x8b], magic: 'archive', label: 'a gzip archive' },
  { bytes: 'Rar!\x1a\x07', magic: 'archive', label: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], magic: 'archive', label: 'a 7-Zip archive' },
  { bytes: '\x7fELF', magic: 'executable', label: 'an ELF executable' },
];

export interface Sniffed {
  magic: Magic;
  label: string;
}

/** The known binary format `bytes` start with, if any. */
export function sniffMagic(bytes: Uint8Array): Sniffed | null {
  for (const { bytes: sig, magic, label } of SIGNATURES) {
    const codes = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig;
    if (codes.length <= bytes.length && codes.every((b, i) => bytes[i] === b)) return { magic, label };
  }
  return null;
}

/** The first `max` bytes as a string, one character per byte. */
export function latin1(bytes: Uint8Array, max = bytes.byteLength): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, max)).toString('latin1');
}

/** True when the start of a text file looks like an HTML document. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes, 1024);
  return /^(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head);
}
