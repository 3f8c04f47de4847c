/**
 * Minimal writers for the container formats the bad-input corpus needs:
 * a one-page PDF (optionally flagged encrypted) and ZIP archives (DOCX), including
 * a zip bomb whose headers either tell the truth or lie about the inflated size.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

/** A valid one-page PDF showing `line` in Helvetica (ASCII text only). */
export function buildPdf(line: string, opts: { encrypted?: boolean } = {}): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (opts.encrypted) {
    const hex32 = '8F'.repeat(32);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'3C'.repeat(32)}> /P -3904 >>`);
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  const encrypt = opts.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${'AB'.repeat(16)}> <${'AB'.repeat(16)}>]` : '';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface ZipEntry {
  name: string;
  /** Raw-deflated data. */
  compressed: Buffer;
  crc: number;
  size: number;
  /** Size written in the headers (a lying zip bomb declares less than `size`). */
  declaredSize?: number;
}

function localHeader(e: ZipEntry): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(8, 8); // deflate
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressed.length, 18);
  h.writeUInt32LE(e.declaredSize ?? e.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(e: ZipEntry, offset: number): Buffer {
  const name = Buffer.from(e.name);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressed.length, 20);
  h.writeUInt32LE(e.declaredSize ?? e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/** A ZIP archive of the given entries. */
export function buildZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = localHeader(e);
    central.push(centralHeader(e, offset));
    parts.push(local, e.compressed);
    offset += local.length + e.compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export function zipEntry(name: string, data: string | Buffer): ZipEntry {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return { name, compressed: zlib.deflateRawSync(buf), crc: zlib.crc32(buf), size: buf.length };
}

const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A DOCX whose document.xml holds one paragraph per line. */
export function buildDocx(lines: string[]): Buffer {
  const paras = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r></w:p>`).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paras}</w:body></w:document>`;
  return buildZip([zipEntry('[Content_Types].xml', DOCX_TYPES), zipEntry('_rels/.rels', DOCX_RELS), zipEntry('word/document.xml', doc)]);
}

/**
 * Two DOCX zip bombs sharing one payload: word/document.xml inflating to `bytes` bytes
 * of one repeated paragraph (about 1000:1). The honest one declares the real size; the
 * lying one declares 4 KB, so only a reader that caps what it inflates is safe.
 */
export async function writeZipBombs(honestPath: string, lyingPath: string, bytes: number): Promise<void> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`);
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const chunk = Buffer.alloc(1 << 20, 'a');
  const deflate = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  const feed = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await feed(head);
  const n = Math.floor((bytes - head.length - tail.length) / chunk.length);
  for (let i = 0; i < n; i++) await feed(chunk);
  await feed(tail);
  deflate.end();
  await once(deflate, 'end');
  const size = head.length + n * chunk.length + tail.length;
  const bomb: ZipEntry = { name: 'word/document.xml', compressed: Buffer.concat(out), crc, size };
  const common = [zipEntry('[Content_Types].xml', DOCX_TYPES), zipEntry('_rels/.rels', DOCX_RELS)];
  for (const [path, entry] of [
    [honestPath, bomb],
    [lyingPath, { ...bomb, declaredSize: 4096 }],
  ] as const) {
    const ws = createWriteStream(path);
    ws.end(buildZip([...common, entry]));
    await once(ws, 'finish');
  }
}
