/**
 * The bad-input corpus: hostile, broken and odd files written into a temp folder,
 * each with what a correct run of `cancu extract` / `cancu ingest` must do with it.
 * Large fixtures are streamed to disk on the fly; nothing here is committed as data.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, symlink, writeFile, chmod } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { encodeTcvn3, encodeVni } from './legacy-encode.ts';
import { buildDocx, buildPdf, buildZip, writeZipBombs, zipEntry } from './containers.ts';

export interface BadInput {
  /** Kind of bad input, unique. */
  kind: string;
  /** Path to pass to the CLI, relative to the corpus folder. */
  file: string;
  /**
   * ok: must succeed; error: must fail with a message naming the file;
   * either: a clear error, or success with a correct result (mustFind holds).
   */
  expect: 'ok' | 'error' | 'either';
  /** Symbols (compared loosely, by foldSymbol) a successful extraction must contain. */
  mustFind?: string[];
  /** Symbols a successful extraction must NOT contain (hidden or hostile content). */
  mustNotFind?: string[];
  /** Large (≥ 30 MB) or slow to read: run on its own with a generous time limit. */
  heavy?: boolean;
  /** A folder to pass to `ingest` (recursive walk), not a single file. */
  folder?: boolean;
}

/** A short, well-formed district plan implementing Chỉ thị 33/CT-TTg. */
export function plan(opts: { number: number; implementsLine?: string; body?: string; nl?: string } = { number: 30 }): string {
  const lines = [
    'ỦY BAN NHÂN DÂN',
    'HUYỆN CẦU KÈ',
    `Số: ${opts.number}/KH-UBND`,
    'Cầu Kè, ngày 10 tháng 3 năm 2022',
    'KẾ HOẠCH',
    'Tăng cường công tác dân vận theo Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ',
    opts.implementsLine ??
      'Thực hiện Kế hoạch số 765/KH-UBND ngày 20/3/2022 của Ủy ban nhân dân tỉnh Trà Vinh về thực hiện công tác dân vận; Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị, Ủy ban nhân dân huyện Cầu Kè xây dựng Kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.',
    opts.body ?? '2. Thực hiện tốt Luật Thực hiện dân chủ ở cơ sở.',
    'II. NỘI DUNG THỰC HIỆN',
    '1. Các cơ quan, đơn vị tổ chức quán triệt Kế hoạch này.',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Nguyễn Văn A',
    '',
  ];
  return lines.join(opts.nl ?? '\n');
}

const GOOD_SYMBOLS = ['33/CT-TTg', '217-QĐ/TW'];

async function streamFile(file: string, chunks: () => Generator<string | Buffer>): Promise<void> {
  const ws = createWriteStream(file);
  for (const c of chunks()) if (!ws.write(c)) await once(ws, 'drain');
  ws.end();
  await once(ws, 'finish');
}

function* repeat(unit: string, bytes: number): Generator<string> {
  const block = unit.repeat(Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit))));
  const blockBytes = Buffer.byteLength(block);
  for (let written = 0; written < bytes; written += blockBytes) yield block;
}

/**
 * Write the corpus into `dir` and return its entries. `heavy: false` leaves out the
 * large files and the zip bombs; `largeMb` sizes the large files (100 for the full
 * cases: a 100 MB line, a 100 MB file, a million citations).
 */
export async function writeBadInputs(dir: string, opts: { heavy: boolean; largeMb?: number }): Promise<BadInput[]> {
  await mkdir(dir, { recursive: true });
  const out: BadInput[] = [];
  const add = async (entry: BadInput, data?: string | Buffer) => {
    if (data !== undefined) await writeFile(path.join(dir, entry.file), data);
    out.push(entry);
  };
  // Every plan gets its own number, so each ingested file is its own graph node.
  let number = 100;
  const nextPlan = (o: Omit<Parameters<typeof plan>[0], 'number'> = {}) => plan({ ...o, number: number++ });
  const good = plan({ number: 30 });
  const sentence = 'Ủy ban nhân dân tỉnh Trà Vinh thực hiện Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.';

  // Positive controls: must be ingested whatever else is in the batch.
  await add({ kind: 'good plan (control)', file: 'good-plan.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan());
  await add({ kind: 'good DOCX (control)', file: 'good.docx', expect: 'ok', mustFind: GOOD_SYMBOLS }, buildDocx(nextPlan().split('\n')));
  await add({ kind: 'good PDF (control)', file: 'good.pdf', expect: 'ok' }, buildPdf('Thuc hien Chi thi so 33/CT-TTg ngay 26/11/2021 cua Thu tuong Chinh phu'));

  // Empty and near-empty.
  await add({ kind: 'empty file', file: 'empty.txt', expect: 'error' }, '');
  await add({ kind: 'whitespace only', file: 'whitespace.txt', expect: 'either' }, ' \n\t \r\n   \n');
  await add({ kind: 'BOM only', file: 'bom-only.txt', expect: 'either' }, Buffer.from([0xef, 0xbb, 0xbf]));

  // Binary and mislabelled files.
  const rnd = Buffer.alloc(64 * 1024);
  for (let i = 0, x = 12345; i < rnd.length; i++) rnd[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  await add({ kind: 'binary noise', file: 'binary.txt', expect: 'error' }, rnd);
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), rnd.subarray(0, 2048)]);
  await add({ kind: 'PNG renamed .txt', file: 'image.txt', expect: 'error' }, png);
  await add({ kind: 'gzip renamed .txt', file: 'archive.txt', expect: 'error' }, gzipSync(good));
  await add({ kind: 'NUL bytes in the middle', file: 'nul-inside.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, nextPlan().replace('I. MỤC ĐÍCH', '\0\0\0\0I. MỤC ĐÍCH'));

  // Encodings.
  const invalid = Buffer.concat([Buffer.from(good.slice(0, 200)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(good.slice(200))]);
  await add({ kind: 'invalid UTF-8', file: 'invalid-utf8.txt', expect: 'error' }, invalid);
  await add({ kind: 'UTF-8 encoded surrogate (CESU-8)', file: 'cesu8.txt', expect: 'error' }, Buffer.concat([Buffer.from(good), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80])]));
  await add({ kind: 'overlong UTF-8', file: 'overlong.txt', expect: 'error' }, Buffer.concat([Buffer.from(good), Buffer.from([0xc0, 0xaf])]));
  await add({ kind: 'UTF-8 with BOM', file: 'utf8-bom.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(nextPlan())]));
  const utf16 = (big: boolean) => {
    const b = Buffer.from(nextPlan(), 'utf16le');
    return big ? b.swap16() : b;
  };
  await add({ kind: 'UTF-16 LE with BOM', file: 'utf16le-bom.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(false)]));
  await add({ kind: 'UTF-16 BE with BOM', file: 'utf16be-bom.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(true)]));
  await add({ kind: 'UTF-16 LE without BOM', file: 'utf16le-nobom.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, utf16(false));
  await add({ kind: 'UTF-16 BE without BOM', file: 'utf16be-nobom.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, utf16(true));
  const legacyText = `${sentence}\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới.\n`;
  await add({ kind: 'TCVN3 (ABC) bytes', file: 'tcvn3.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, encodeTcvn3(legacyText.repeat(3)));
  await add({ kind: 'VNI bytes', file: 'vni.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, encodeVni(legacyText.repeat(3)));
  await add({ kind: 'TCVN3 text decoded as Latin-1 and saved as UTF-8', file: 'tcvn3-mojibake-utf8.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, Buffer.from(encodeTcvn3(legacyText.repeat(3)).toString('latin1'), 'utf8'));
  await add({ kind: 'UTF-8 decoded as Latin-1 and saved as UTF-8 (double encoding)', file: 'double-utf8.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, Buffer.from(Buffer.from(good).toString('latin1'), 'utf8'));
  const mixed = nextPlan().split('\n').map((l, i) => (i % 2 ? l.normalize('NFD') : l)).join('\n');
  await add({ kind: 'mixed NFD/NFC', file: 'mixed-nfd.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, mixed);

  // Line ends, invisible and astral characters.
  await add({ kind: 'CRLF line ends', file: 'crlf.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan({ nl: '\r\n' }));
  await add({ kind: 'CR-only line ends', file: 'cr.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan({ nl: '\r' }));
  await add({ kind: 'zero-width characters inside symbols', file: 'zero-width.txt', expect: 'either' }, nextPlan().replace('33/CT-TTg', '33/CT\u200b-TTg').replace('217-QĐ/TW', '217\u200d-QĐ/\ufeffTW'));
  await add({ kind: 'astral characters before citations (offsets in UTF-16 units)', file: 'emoji.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan().replace('KẾ HOẠCH', '📄𝐊𝐄̂́ 𝐇𝐎𝐀̣𝐂𝐇 KẾ HOẠCH'));
  await add({ kind: 'RTL and bidi control characters', file: 'bidi.txt', expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan().replace('II. NỘI DUNG', '\u202e\u2067مرحبا\u2069\u202c II. NỘI DUNG'));

  // Pathological structure (regex backtracking, recursion).
  await add({ kind: '1 MB run of digits and slashes', file: 'digits-slashes.txt', expect: 'either' }, `Căn cứ Quyết định số ${'12/34-'.repeat(175_000)}QĐ/TW`);
  await add({ kind: '1 MB line of "Căn cứ"', file: 'can-cu-line.txt', expect: 'either' }, 'Căn cứ '.repeat(150_000));
  await add({ kind: '"Căn cứ Quyết định số" 50k times without a symbol', file: 'can-cu-no-symbol.txt', expect: 'either' }, 'Căn cứ Quyết định số ngày của '.repeat(50_000));
  await add({ kind: 'deeply nested Markdown (10k quote levels, 10k list levels)', file: 'nested.md', expect: 'either', mustFind: GOOD_SYMBOLS }, `${'>'.repeat(10_000)} ${'  '.repeat(10_000)}- ${'*'.repeat(50_000)}\n\n${nextPlan()}\n${'['.repeat(20_000)}`);
  const nestedDivs = '<div>'.repeat(10_000) + nextPlan().replace(/\n/g, '<br>') + '</div>'.repeat(10_000);
  await add({ kind: 'HTML with 10k nested tags', file: 'nested.html', expect: 'either', mustFind: GOOD_SYMBOLS }, `<!doctype html><html><body>${nestedDivs}</body></html>`);
  const hostile =
    '<!doctype html><html><head><meta charset="utf-8"><script>alert(1); var s = "Chỉ thị số 99/CT-TTg";</script>' +
    '<style>body{background:url("javascript:alert(1)")}</style></head><body onload="alert(1)">' +
    '<iframe src="https://evil.example/" srcdoc="Chỉ thị số 98/CT-TTg"></iframe><noscript>Chỉ thị số 97/CT-TTg</noscript>' +
    `<p>${nextPlan().replace(/\n/g, '</p><p>')}</p><img src=x onerror="alert(1)"><svg><text>Chỉ thị số 96/CT-TTg</text></svg></body></html>`;
  await add({ kind: 'hostile HTML (script, iframe, style, svg, handlers)', file: 'hostile.html', expect: 'ok', mustFind: GOOD_SYMBOLS, mustNotFind: ['99/CT-TTg', '98/CT-TTg'] }, hostile);

  // Broken containers.
  const pdf = buildPdf('Chi thi so 33/CT-TTg');
  await add({ kind: 'truncated PDF', file: 'truncated.pdf', expect: 'error' }, pdf.subarray(0, Math.floor(pdf.length * 0.4)));
  await add({ kind: 'encrypted PDF', file: 'encrypted.pdf', expect: 'error' }, buildPdf('Chi thi so 33/CT-TTg', { encrypted: true }));
  await add({ kind: 'PDF header, then garbage', file: 'garbage.pdf', expect: 'error' }, Buffer.concat([Buffer.from('%PDF-1.7\n'), rnd.subarray(0, 4096)]));
  const docx = buildDocx(['Chỉ thị số 33/CT-TTg']);
  await add({ kind: 'corrupt DOCX (truncated zip)', file: 'corrupt.docx', expect: 'error' }, docx.subarray(0, Math.floor(docx.length / 2)));
  await add({ kind: 'DOCX that is a zip without word/document.xml', file: 'not-word.docx', expect: 'error' }, buildZip([zipEntry('hello.txt', 'hello')]));
  await add({ kind: 'unknown extension holding a plan', file: 'plan.xyz', expect: 'either', mustFind: GOOD_SYMBOLS }, nextPlan());
  await add({ kind: 'file name with spaces, Unicode (NFD) and quotes', file: "Kế hoạch số 30 (bản 'cuối').txt".normalize('NFD'), expect: 'ok', mustFind: GOOD_SYMBOLS }, nextPlan());

  // Files that cannot be read as regular files (root can read chmod 000, so use real read errors).
  await mkdir(path.join(dir, 'folder-named.txt'));
  await add({ kind: 'directory named x.txt', file: 'folder-named.txt', expect: 'either' });
  execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
  await add({ kind: 'FIFO named .txt (a read would block forever)', file: 'fifo.txt', expect: 'error' });
  await add({ kind: 'chmod 000 file', file: 'no-permission.txt', expect: 'either', mustFind: GOOD_SYMBOLS }, nextPlan());
  await chmod(path.join(dir, 'no-permission.txt'), 0o000);
  await symlink('does-not-exist.txt', path.join(dir, 'dangling-link.txt'));
  await add({ kind: 'dangling symlink', file: 'dangling-link.txt', expect: 'error' });

  // Graph-level oddities.
  await add({ kind: 'plan citing itself', file: 'self-cite.txt', expect: 'ok', mustFind: ['33/CT-TTg'] }, plan({ number: 44, body: '2. Các đơn vị triển khai thực hiện Kế hoạch số 44/KH-UBND ngày 10/3/2022 của Ủy ban nhân dân huyện Cầu Kè.' }));
  await mkdir(path.join(dir, 'cycle'));
  await writeFile(path.join(dir, 'cycle', 'a.txt'), plan({ number: 51, implementsLine: 'Thực hiện Kế hoạch số 52/KH-UBND ngày 10/3/2022 của Ủy ban nhân dân huyện Cầu Kè, Ủy ban nhân dân huyện Cầu Kè xây dựng Kế hoạch như sau:' }));
  await writeFile(path.join(dir, 'cycle', 'b.txt'), plan({ number: 52, implementsLine: 'Thực hiện Kế hoạch số 51/KH-UBND ngày 10/3/2022 của Ủy ban nhân dân huyện Cầu Kè, Ủy ban nhân dân huyện Cầu Kè xây dựng Kế hoạch như sau:' }));
  await add({ kind: 'citation cycle across two files (A implements B implements A)', file: 'cycle', expect: 'ok', folder: true });
  await mkdir(path.join(dir, 'loop', 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'loop', 'sub', 'inside.txt'), nextPlan());
  await symlink('..', path.join(dir, 'loop', 'sub', 'up'));
  await symlink('.', path.join(dir, 'loop', 'self'));
  await add({ kind: 'folder with a symlink loop', file: 'loop', expect: 'ok', folder: true });

  if (!opts.heavy) return out;

  // Large inputs, streamed to disk.
  const mb = opts.largeMb ?? 100;
  const citations = mb * 10_000;
  await streamFile(path.join(dir, 'one-line-large.txt'), () => repeat('Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị; ', mb << 20));
  await add({ kind: `a single ${mb} MB line`, file: 'one-line-large.txt', expect: 'either', heavy: true, mustFind: ['217-QĐ/TW'] });
  await streamFile(path.join(dir, 'large.txt'), function* () {
    yield good;
    yield* repeat('Các cơ quan, đơn vị tổ chức quán triệt, triển khai thực hiện nghiêm túc các nội dung của Kế hoạch này.\n', mb << 20);
  });
  await add({ kind: `a ${mb} MB file`, file: 'large.txt', expect: 'either', heavy: true, mustFind: GOOD_SYMBOLS });
  await streamFile(path.join(dir, 'many-citations.txt'), function* () {
    yield good;
    for (let b = 0; b < citations / 1000; b++) {
      let s = '';
      for (let i = 1; i <= 1000; i++) s += `Quyết định số ${b * 1000 + i}/QĐ-UBND ngày 01/02/2020 của Ủy ban nhân dân tỉnh Trà Vinh;\n`;
      yield s;
    }
  });
  await add({ kind: `${citations.toLocaleString('en')} citations in one file`, file: 'many-citations.txt', expect: 'either', heavy: true, mustFind: GOOD_SYMBOLS });
  await writeZipBombs(path.join(dir, 'zip-bomb.docx'), path.join(dir, 'zip-bomb-lying.docx'), 1 << 30);
  await add({ kind: 'zip bomb (1 GB inflated, honest headers)', file: 'zip-bomb.docx', expect: 'error', heavy: true });
  await add({ kind: 'zip bomb (1 GB inflated, headers claim 4 KB)', file: 'zip-bomb-lying.docx', expect: 'error', heavy: true });
  return out;
}
