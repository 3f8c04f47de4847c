/**
 * Checks a ZIP archive (the container of .docx) before any parser inflates it: the central
 * directory must be well-formed, the declared sizes within limits, and every entry must
 * inflate to no more than its declared size (a lying header cannot smuggle a bomb through).
 */
import { inflateRawSync } from 'node:zlib';
import { ReadError, type ReadErrorCode } from './errors.ts';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed/compressed ratio allowed for an entry over 1 MiB. */
  maxCompressionRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_FLOOR = 1024 * 1024;

/** Validate the archive; returns its entries. Throws `docx-corrupt` or `zip-bomb`. */
export function inspectZip(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] {
  const fail = (code: ReadErrorCode, problem: string) => new ReadError(file, code, problem);
  const corrupt = (problem: string) => fail('docx-corrupt', `corrupt ZIP container: ${problem}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end-of-central-directory record (truncated or not a ZIP file)');
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw corrupt('multi-disk archives are not supported');
  if (count === 0xffff || cdOffset === 0xffffffff) throw corrupt('ZIP64 archives are not supported for documents');
  if (cdOffset + cdSize > eocd) throw corrupt(`central directory (offset ${cdOffset}, ${cdSize} bytes) runs past its end record`);

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || u32(at) !== CENTRAL) throw corrupt(`central directory entry ${i} is damaged`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > cdOffset + cdSize) throw corrupt(`central directory entry ${i} is damaged`);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);

    if (flags & 1) throw fail('docx-corrupt', `entry ${name} is encrypted (password-protected document)`);
    if (method !== 0 && method !== 8) throw corrupt(`entry ${name} uses unsupported compression method ${method}`);
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw fail('zip-bomb', `archive declares more than ${limits.maxUncompressedBytes} bytes uncompressed (at entry ${name})`);
    }
    if (size > RATIO_FLOOR && size > limits.maxCompressionRatio * Math.max(compressedSize, 1)) {
      throw fail('zip-bomb', `entry ${name} declares ${size} bytes from ${compressedSize} compressed (ratio over ${limits.maxCompressionRatio})`);
    }
    if (localOffset + 30 > cdOffset || u32(localOffset) !== LOCAL) throw corrupt(`entry ${name} has no local header at offset ${localOffset}`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) throw corrupt(`entry ${name} data runs past the central directory (truncated?)`);
    entries.push({ name, method, compressedSize, size, dataStart });
  }
  for (const entry of entries) checkInflates(bytes, entry, fail);
  return entries;
}

/** Inflate an entry with its declared size as a hard cap. */
function checkInflates(bytes: Uint8Array, e: ZipEntry, fail: (code: ReadErrorCode, problem: string) => ReadError): void {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let actual = data.length;
  if (e.method === 8) {
    try {
      actual = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) }).length;
    } catch (err) {
      if (err instanceof RangeError) throw fail('zip-bomb', `entry ${e.name} inflates beyond its declared ${e.size} bytes`);
      throw fail('docx-corrupt', `corrupt ZIP container: entry ${e.name} does not inflate (${(err as Error).message})`);
    }
  }
  if (actual !== e.size) throw fail('docx-corrupt', `corrupt ZIP container: entry ${e.name} holds ${actual} bytes, declares ${e.size}`);
}
