import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tcvn3Table from '../ingest/data/legacy-tcvn3.json' with { type: 'json' };
import vniTable from '../ingest/data/legacy-vni.json' with { type: 'json' };
import { extract } from '../ingest/index.ts';
import { decodeDocument, ReadError, readDocument, type ReadOptions } from '../ingest/read/index.ts';
import { decodeAs } from '../ingest/read/legacy.ts';
import { isVietnameseSyllable, VIETNAMESE_LETTERS } from '../ingest/read/syllable.ts';

/** Seed 001's opening, Vietnamese with upper-case toned letters, Đ and a Party symbol. */
const SENTENCE =
  'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nKẾ HOẠCH\nThực hiện Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị ' +
  'ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội, ' +
  'Ủy ban nhân dân tỉnh Trà Vinh xây dựng kế hoạch thực hiện như sau.';

const bytes = (s: string, enc: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(s, enc));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

async function expectReadError(work: Promise<unknown>, code: string, file: string): Promise<ReadError> {
  const err = await work.then(
    () => {
      throw new Error(`expected ReadError ${code}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReadError);
  const re = err as ReadError;
  expect(re.code).toBe(code);
  expect(re.file).toBe(file);
  expect(re.message).toContain(file);
  return re;
}

/** Encode with a legacy table (letter → hex bytes): the reverse of what the reader does. */
function legacyEncode(letters: Record<string, string>, text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const hex = letters[ch];
    if (hex) out.push(...hex.split(' ').map((h) => parseInt(h, 16)));
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`cannot encode ${ch}`);
  }
  return new Uint8Array(out);
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('plain text', () => {
  it('keeps UTF-8 without BOM byte for byte, CRLF and spacing included', async () => {
    const text = `${SENTENCE}\r\n  trailing \t\r\n`;
    const r = await decodeDocument(bytes(text), 'plan.txt');
    expect(r).toEqual({ file: 'plan.txt', format: 'txt', text, diagnostics: [] });
  });

  it('strips only a UTF-8 BOM and says so', async () => {
    const r = await decodeDocument(cat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes(SENTENCE)), 'bom.txt');
    expect(r.text).toBe(SENTENCE);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['bom-stripped']);
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const le = cat(new Uint8Array([0xff, 0xfe]), bytes(SENTENCE, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect((await decodeDocument(le, 'le.txt')).text).toBe(SENTENCE);
    expect((await decodeDocument(be, 'be.txt')).text).toBe(SENTENCE);
  });

  it('detects UTF-16 without BOM from the NUL-byte pattern', async () => {
    const r = await decodeDocument(bytes(SENTENCE, 'utf16le'), 'nobom.txt');
    expect(r.text).toBe(SENTENCE);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['utf16-no-bom']);
  });

  it('refuses invalid UTF-8 naming the byte offset, never replacement characters', async () => {
    const bad = cat(bytes('Căn cứ Quyết định số 217'), new Uint8Array([0xc3, 0x28]), bytes(' tiếp'));
    const err = await expectReadError(decodeDocument(bad, 'bad.txt'), 'invalid-utf8', 'bad.txt');
    expect(err.message).toContain(`byte offset ${Buffer.byteLength('Căn cứ Quyết định số 217')}`);
  });

  it('refuses Latin-1 French: not UTF-8 and not a Vietnamese legacy encoding', async () => {
    const french = 'Le décret du ministère précise les modalités de contrôle des entreprises étrangères.';
    await expectReadError(decodeDocument(bytes(french, 'latin1'), 'fr.txt'), 'invalid-utf8', 'fr.txt');
    expect((await decodeDocument(bytes(french), 'fr8.txt')).text).toBe(french); // same text in UTF-8 is left alone
  });

  it('refuses a PNG renamed .txt saying what it looks like', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const err = await expectReadError(decodeDocument(png, 'scan.txt'), 'binary', 'scan.txt');
    expect(err.message).toContain('PNG');
  });

  it('refuses NUL-heavy data but keeps a rare NUL inside UTF-8 text', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    await expectReadError(decodeDocument(noise, 'noise.txt'), 'binary', 'noise.txt');
    const text = `${SENTENCE.repeat(10)}\n\u0000 Đầu tư theo phương thức PPP\n`;
    const r = await decodeDocument(bytes(text), 'checkbox.txt');
    expect(r.text).toBe(text);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'nul-characters', start: text.indexOf('\0') }));
  });

  it('empty is an error; whitespace-only is text with a warning; a lone BOM is empty', async () => {
    await expectReadError(decodeDocument(new Uint8Array(0), 'empty.txt'), 'empty', 'empty.txt');
    await expectReadError(decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom-only.txt'), 'empty', 'bom-only.txt');
    const r = await decodeDocument(bytes(' \n\t\r\n'), 'blank.txt');
    expect(r.text).toBe(' \n\t\r\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['whitespace-only']);
  });

  it('keeps decomposed (NFD) text as is and warns where it starts', async () => {
    const nfd = SENTENCE.normalize('NFD');
    const r = await decodeDocument(bytes(nfd), 'nfd.md');
    expect(r.format).toBe('md');
    expect(r.text).toBe(nfd);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'nfd-text', start: nfd.search(/[\u0300-\u036f]/) }));
  });
});

describe('legacy Vietnamese encodings', () => {
  it('tables cover all 134 Vietnamese letters with distinct codes, and decode each of them', () => {
    for (const table of [tcvn3Table.letters, vniTable.letters] as Record<string, string>[]) {
      expect(Object.keys(table).sort()).toEqual([...VIETNAMESE_LETTERS].sort());
      expect(new Set(Object.values(table)).size).toBe(134);
    }
    const all = VIETNAMESE_LETTERS.join(' ');
    expect(decodeAs(latin1(legacyEncode(tcvn3Table.letters, all)), 'TCVN3')).toBe(all);
    expect(decodeAs(latin1(legacyEncode(vniTable.letters, all)), 'VNI')).toBe(all);
  });

  it('decodes the published samples (independent of the tables)', async () => {
    const tcvn = await decodeDocument(bytes('Uû ban nh©n d©n tØnh Trµ Vinh', 'latin1'), 'abc.txt');
    expect(tcvn.text).toBe('Uỷ ban nhân dân tỉnh Trà Vinh');
    const vni = await decodeDocument(bytes('Xin chaøo caùc baïn, UÛy ban nhaân daân', 'latin1'), 'vni.txt');
    expect(vni.text).toBe('Xin chào các bạn, Ủy ban nhân dân');
  });

  for (const [encoding, table] of [
    ['TCVN3', tcvn3Table.letters],
    ['VNI', vniTable.letters],
  ] as const) {
    it(`round-trips a plan sentence through ${encoding} bytes`, async () => {
      const r = await decodeDocument(legacyEncode(table, SENTENCE), `legacy-${encoding}.txt`);
      expect(r.text).toBe(SENTENCE);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'legacy-encoding-converted', message: expect.stringContaining(encoding) }));
    });

    it(`converts ${encoding} bytes that were shown as Latin-1 and saved as UTF-8`, async () => {
      const shown = latin1(legacyEncode(table, SENTENCE));
      const r = await decodeDocument(bytes(shown), `shown-${encoding}.txt`);
      expect(r.text).toBe(SENTENCE);
      expect(r.diagnostics.map((d) => d.code)).toContain('legacy-encoding-converted');
    });
  }

  it('repairs UTF-8 that was read as Windows-1252 and saved again', async () => {
    const mojibake = new TextDecoder('windows-1252').decode(bytes(SENTENCE));
    expect(mojibake).toContain('á»¦Y');
    const r = await decodeDocument(bytes(mojibake), 'mojibake.txt');
    expect(r.text).toBe(SENTENCE);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mojibake-repaired']);
  });

  it('refuses text mixing TCVN3 and VNI rather than produce mojibake', async () => {
    const mixed = cat(legacyEncode(tcvn3Table.letters, SENTENCE), bytes('\n'), legacyEncode(vniTable.letters, SENTENCE));
    const err = await expectReadError(decodeDocument(mixed, 'mixed.txt'), 'legacy-encoding-unknown', 'mixed.txt');
    expect(err.message).toMatch(/TCVN3 \d+ syllables/);
  });

  it('judges syllables', () => {
    for (const w of ['người', 'nghiêng', 'quyết', 'khuya', 'Ủy', 'hoà', 'giữ', 'ĐẢNG']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['aự', 'vieọt', 'cafộ', 'ắá', 'nh']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

/** Windows-1258 bytes for NFC Vietnamese: precomposed base letter plus a combining tone byte. */
function encodeCp1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const ch of text) {
    const tone = ch.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0];
    const base = tone ? ch.normalize('NFD').replace(tone, '').normalize('NFC') : ch;
    for (const part of tone ? [base, tone] : [base]) {
      const b = byChar.get(part);
      if (b === undefined) throw new Error(`no Windows-1258 byte for ${part}`);
      out.push(b);
    }
  }
  return new Uint8Array(out);
}

describe('HTML', () => {
  const page = (body: string, head = '<meta charset="utf-8">') => `<!doctype html><html><head>${head}<title>Tiêu đề trang</title></head><body>${body}</body></html>`;

  it('takes the body text, drops hostile and chrome elements, turns blocks into lines', async () => {
    const html = page(
      `<header>Cổng thông tin</header><nav><a href="/">Trang chủ</a></nav>
       <script>document.write("Quyết định giả")</script><style>p{color:red}</style>
       <iframe src="x"><p>khung</p></iframe><noscript>bật JavaScript</noscript><template><p>mẫu</p></template>
       <svg><text>đồ họa</text></svg>
       <h1>KẾ HOẠCH</h1><p>Thực hiện   Quyết định
         số 217-QĐ/TW &amp; Quy định số 218-QĐ/TW&nbsp;của Bộ Chính trị</p>
       <ul><li>Một</li><li>Hai<br>dòng hai</li></ul><table><tr><td>A</td><td>B</td></tr></table>
       <footer>Bản quyền</footer>`,
    );
    const r = await decodeDocument(bytes(html), 'page.html');
    expect(r.format).toBe('html');
    expect(r.text).toBe('KẾ HOẠCH\nThực hiện Quyết định số 217-QĐ/TW & Quy định số 218-QĐ/TW\u00a0của Bộ Chính trị\nMột\nHai\ndòng hai\nA\tB');
  });

  it('leaves a sidebar out (its "related documents" are not the page\'s citations)', async () => {
    const html = page('<main><p>Căn cứ Quyết định số 217-QĐ/TW của Bộ Chính trị.</p><aside><h3>Văn bản liên quan</h3><ul><li>Nghị định số 04/2015/NĐ-CP</li></ul></aside></main>');
    expect((await decodeDocument(bytes(html), 'side.html')).text).toBe('Căn cứ Quyết định số 217-QĐ/TW của Bộ Chính trị.');
  });

  it('prefers main, and keeps an article header', async () => {
    const html = page('<div>menu</div><main><article><header>Kế hoạch 49</header><p>Nội dung</p></article></main><div>quảng cáo</div>');
    expect((await decodeDocument(bytes(html), 'main.htm')).text).toBe('Kế hoạch 49\nNội dung');
  });

  it('writes a superscript number as superscript digits, so that a footnote mark does not lengthen a symbol', async () => {
    const html = page('<p>Thực hiện Quyết định số 23-QĐ/TW<sup>1</sup> và 20 m<sup> 2 </sup>; <sup>[2]</sup></p>');
    const r = await decodeDocument(bytes(html), 'sup.html');
    expect(r.text).toBe('Thực hiện Quyết định số 23-QĐ/TW¹ và 20 m²; [2]');
    expect(extract({ file: 'sup.html', text: r.text }).citations.map((c) => c.symbol)).toEqual(['23-QĐ/TW']);
  });

  it('survives 10k nested tags', async () => {
    const depth = 10_000;
    const html = page(`${'<div><span>'.repeat(depth)}sâu${'</span></div>'.repeat(depth)}<p>sau</p>`);
    expect((await decodeDocument(bytes(html), 'deep.html')).text).toBe('sâu\nsau');
  });

  it('decodes a page declared windows-1258', async () => {
    const [before, after] = page('<p>@</p>', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">').split('@');
    const html = cat(bytes(before), encodeCp1258(SENTENCE), bytes(after));
    const r = await decodeDocument(html, 'cp1258.html');
    expect(r.text).toBe(SENTENCE.replace(/\n/g, ' '));
    expect(r.diagnostics.map((d) => d.code)).toContain('legacy-encoding-converted');
  });

  it('converts a .VnTime page whose TCVN3 text arrives as Latin-1 entities and characters', async () => {
    const shown = latin1(legacyEncode(tcvn3Table.letters, SENTENCE)).replace(/©/g, '&copy;');
    const r = await decodeDocument(bytes(page(`<p style="font-family:'.VnTime'">${shown}</p>`)), 'vntime.html');
    expect(r.text).toBe(SENTENCE.replace(/\n/g, ' '));
  });

  it('an HTML page without text is empty', async () => {
    await expectReadError(decodeDocument(bytes(page('<script>x()</script>')), 'blank.html'), 'empty', 'blank.html');
  });
});

/** A minimal PDF: one Helvetica text object per page, correct xref offsets. */
function buildPdf(pages: string[], trailerExtra = ''): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((text, i) => {
    const content = text ? `BT /F1 12 Tf 72 720 Td (${text}) Tj ET` : '';
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((obj, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${obj}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(pdf, 'latin1');
}

describe('PDF', () => {
  it('takes the text layer, pages joined with a newline, without detaching the caller’s bytes', async () => {
    const pdf = buildPdf(['Quyet dinh so 217-QD/TW', 'Trang hai']);
    const r = await decodeDocument(pdf, 'plan.pdf');
    expect(r).toMatchObject({ format: 'pdf', text: 'Quyet dinh so 217-QD/TW\nTrang hai' });
    expect(pdf.byteLength).toBeGreaterThan(0);
  });

  it('refuses truncated, corrupt and encrypted PDFs', async () => {
    const pdf = buildPdf(['Quyet dinh']);
    await expectReadError(decodeDocument(pdf.slice(0, pdf.length - 40), 'cut.pdf'), 'pdf-corrupt', 'cut.pdf');
    await expectReadError(decodeDocument(bytes('%PDF-1.4\nnot really\n%%EOF\n'), 'junk.pdf'), 'pdf-corrupt', 'junk.pdf');
    await expectReadError(decodeDocument(bytes(SENTENCE), 'text.pdf'), 'pdf-corrupt', 'text.pdf');
    const encrypt = ` /Encrypt << /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -4 >> /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`;
    await expectReadError(decodeDocument(buildPdf(['secret'], encrypt), 'locked.pdf'), 'pdf-encrypted', 'locked.pdf');
  });

  it('a PDF without a text layer is empty, and the time limit holds', async () => {
    await expectReadError(decodeDocument(buildPdf(['']), 'scan.pdf'), 'empty', 'scan.pdf');
    await expectReadError(decodeDocument(buildPdf(['x']), 'slow.pdf', { pdfTimeoutMs: 0 }), 'timeout', 'slow.pdf');
  });
});

async function buildDocx(paragraphs: string[], font?: string): Promise<JSZip> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const run = font ? `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr>` : '';
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      paragraphs.map((p) => `<w:p><w:r>${run}<w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') +
      '</w:body></w:document>',
  );
  return zip;
}

const zipBytes = async (zip: JSZip) => new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

describe('DOCX', () => {
  it('takes the raw text of a Word document', async () => {
    const r = await decodeDocument(await zipBytes(await buildDocx(SENTENCE.split('\n'))), 'plan.docx');
    expect(r.format).toBe('docx');
    expect(r.text.trim().split(/\n+/)).toEqual(SENTENCE.split('\n'));
  });

  it('converts a .VnTime document typed in TCVN3', async () => {
    const shown = latin1(legacyEncode(tcvn3Table.letters, SENTENCE)).split('\n');
    const r = await decodeDocument(await zipBytes(await buildDocx(shown, '.VnTime')), 'old.docx');
    expect(r.text.trim().split(/\n+/)).toEqual(SENTENCE.split('\n'));
    expect(r.diagnostics.map((d) => d.code)).toContain('legacy-encoding-converted');
  });

  it('refuses a corrupt zip and a zip that is not a Word document', async () => {
    const good = await zipBytes(await buildDocx(['Nội dung']));
    await expectReadError(decodeDocument(good.slice(0, good.length - 30), 'cut.docx'), 'docx-corrupt', 'cut.docx');
    const damaged = good.slice();
    damaged.fill(0x41, 40, 120); // overwrite compressed data of the first entry
    await expectReadError(decodeDocument(damaged, 'damaged.docx'), 'docx-corrupt', 'damaged.docx');
    const other = new JSZip();
    other.file('data.csv', 'a,b\n');
    const err = await expectReadError(decodeDocument(await zipBytes(other), 'sheet.docx'), 'docx-corrupt', 'sheet.docx');
    expect(err.message).toContain('word/document.xml');
  });

  describe('zip bombs', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    it('refuses an entry declaring an extreme compression ratio', async () => {
      const zip = await buildDocx(['Nội dung']);
      zip.file('word/media/pad.bin', zeros);
      const err = await expectReadError(decodeDocument(await zipBytes(zip), 'bomb.docx'), 'zip-bomb', 'bomb.docx');
      expect(err.message).toContain('word/media/pad.bin');
    });

    it('refuses an archive declaring too much in total', async () => {
      const limits: ReadOptions = { maxUncompressedBytes: 1000 };
      await expectReadError(decodeDocument(await zipBytes(await buildDocx(['x'.repeat(2000)])), 'big.docx', limits), 'zip-bomb', 'big.docx');
    });

    it('refuses an entry that inflates beyond its declared size', async () => {
      // A hand-made archive whose central directory lies: 8 MiB of zeros declared as 100 bytes.
      const data = deflateRawSync(zeros);
      const name = Buffer.from('word/document.xml');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(100, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(100, 24);
      central.writeUInt16LE(name.length, 28);
      const cdOffset = 30 + name.length + data.length;
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(46 + name.length, 12);
      end.writeUInt32LE(cdOffset, 16);
      const archive = cat(local, name, data, central, name, end);
      const err = await expectReadError(decodeDocument(archive, 'liar.docx'), 'zip-bomb', 'liar.docx');
      expect(err.message).toContain('beyond its declared 100 bytes');
    });
  });
});

describe('format by content', () => {
  it('sniffs unknown extensions and says what it decided', async () => {
    const pdf = await decodeDocument(buildPdf(['So 217']), 'download.bin');
    expect(pdf.format).toBe('pdf');
    expect(pdf.diagnostics).toContainEqual(expect.objectContaining({ code: 'format-sniffed', message: expect.stringContaining('.bin') }));
    expect((await decodeDocument(await zipBytes(await buildDocx(['Nội dung'])), 'noext')).format).toBe('docx');
    expect((await decodeDocument(bytes('<!DOCTYPE html><html><body><p>Trang</p></body></html>'), 'page.asp')).text).toBe('Trang');
    expect((await decodeDocument(bytes(SENTENCE), 'plan.dat')).format).toBe('txt');
  });

  it('refuses a legacy .doc (OLE2) as unsupported', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await expectReadError(decodeDocument(ole, 'old.doc'), 'unsupported-format', 'old.doc');
    expect(err.message).toContain('.doc');
  });
});

describe('readDocument', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cancu-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a seed plan unchanged', async () => {
    const file = path.join('test', 'fixtures', 'seeds', '001_2fbe58af0361262b.txt');
    const r = await readDocument(file);
    expect(r.file).toBe(file);
    expect(r.text).toContain('217-QĐ/TW');
    expect(Buffer.from(r.text, 'utf8').equals(Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(file))))).toBe(true);
  });

  it('refuses missing files, directories and files over the size limit', async () => {
    const missing = path.join(dir, 'missing.txt');
    const err = await expectReadError(readDocument(missing), 'unreadable', missing);
    expect(err.message).toContain('ENOENT');
    await expectReadError(readDocument(dir), 'unreadable', dir);
    const big = path.join(dir, 'big.txt');
    await writeFile(big, 'x'.repeat(2048));
    await expectReadError(readDocument(big, { maxBytes: 1024 }), 'too-large', big);
    await expectReadError(decodeDocument(new Uint8Array(2048), 'mem.txt', { maxBytes: 1024 }), 'too-large', 'mem.txt');
  });
});
