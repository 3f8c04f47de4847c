/**
 * The ingest pipeline on the real readers, extractor and stores: folder walking,
 * idempotency by content hash, a changed file replacing its own edges, and a
 * batch going on past bad files.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openServices, type Services } from '../src/commands/services.ts';
import { SAMPLES_DIR } from '../src/commands/start.ts';
import { collectFiles } from '../src/pipeline/collect-files.ts';
import { ingestPaths, MAX_TEXT_CHARS } from '../src/pipeline/ingest.ts';
import { foldSymbol } from '../ingest/normalize.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'cancu-pipeline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const freshDir = (name: string) => {
  const dir = path.join(tmp, `${name}-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('collectFiles', () => {
  it('walks folders recursively in order, skips hidden entries and unknown extensions, survives symlink loops', async () => {
    const root = freshDir('walk');
    mkdirSync(path.join(root, 'b/c'), { recursive: true });
    mkdirSync(path.join(root, '.hidden'));
    writeFileSync(path.join(root, 'a.txt'), 'x');
    writeFileSync(path.join(root, 'b/c/d.md'), 'x');
    writeFileSync(path.join(root, 'b/e.PDF'), 'x');
    writeFileSync(path.join(root, 'b/notes.json'), '{}');
    writeFileSync(path.join(root, '.hidden/f.txt'), 'x');
    writeFileSync(path.join(root, '.g.txt'), 'x');
    symlinkSync(root, path.join(root, 'b/c/loop'));
    symlinkSync(path.join(root, 'a.txt'), path.join(root, 'b/same-as-a.txt'));
    const { files, errors } = await collectFiles([root, path.join(root, 'b/notes.json'), path.join(root, 'missing.txt')]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a.txt', 'b/c/d.md', 'b/e.PDF', 'b/notes.json']);
    expect(errors).toEqual([{ file: path.join(root, 'missing.txt'), reason: 'no such file or folder' }]);
  });

  it('follows links to folders and files once each, by real path, and reports a broken link', async () => {
    const root = freshDir('links');
    const outside = freshDir('links-outside');
    writeFileSync(path.join(outside, 'p.txt'), 'x');
    mkdirSync(path.join(root, 'in'));
    writeFileSync(path.join(root, 'in/q.md'), 'x');
    symlinkSync(outside, path.join(root, 'ext')); // a linked folder is walked
    symlinkSync(path.join(root, 'in'), path.join(root, 'z-again')); // a folder already walked is not
    symlinkSync(path.join(outside, 'p.txt'), path.join(root, 'in/p-link.txt')); // a file already kept is not
    symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'broken.txt'));
    const { files, errors } = await collectFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['ext/p.txt', 'in/q.md']);
    expect(errors.map((e) => [path.relative(root, e.file), e.reason.split(':')[0]])).toEqual([['broken.txt', 'ENOENT']]);
  });
});

describe('ingestPaths', () => {
  let services: Services;
  beforeEach(async () => {
    services = await openServices(loadConfig({}, { CANCU_DATA: freshDir('data') }));
  });
  afterEach(() => services.close());

  it('is idempotent: the same files twice give the same graph, the second time all unchanged', async () => {
    const first = await ingestPaths(services.deps, [SAMPLES_DIR]);
    expect(first).toEqual({ ingested: 5, unchanged: 0, failed: [] });
    const hash = await services.graph.canonicalHash();
    const second = await ingestPaths(services.deps, [SAMPLES_DIR]);
    expect(second).toEqual({ ingested: 0, unchanged: 5, failed: [] });
    expect(await services.graph.canonicalHash()).toBe(hash);
  });

  it('replaces the outgoing edges of a changed file', async () => {
    const dir = freshDir('changed');
    const file = path.join(dir, 'cau-ngang.txt');
    const original = readFileSync(path.join(SAMPLES_DIR, '002_e77f35eb2aaabe6e.txt'), 'utf8');
    writeFileSync(file, original);
    await ingestPaths(services.deps, [file]);
    const [plan] = await services.graph.findBySymbol(foldSymbol('30/KH-UBND'), 2022);
    const targets = async () => (await services.graph.outgoing([plan.id])).map((e) => e.to);
    const [cv692] = await services.graph.findBySymbol(foldSymbol('692/UBND-NC'));
    expect(await targets()).toContain(cv692.id);

    // Drop the "Thực hiện Công văn số 692/UBND-NC …" mention: its edge must go, the rest stay.
    const changed = original.replace('Công văn số 692/UBND-NC ngày 24/02/2022 của Ủy ban nhân dân tỉnh Trà Vinh về triển khai thực hiện ', '');
    expect(changed).not.toBe(original);
    writeFileSync(file, changed);
    expect(await ingestPaths(services.deps, [file])).toEqual({ ingested: 1, unchanged: 0, failed: [] });
    const after = await targets();
    expect(after).not.toContain(cv692.id);
    expect(after.length).toBeGreaterThan(5);
    expect((await services.graph.stats()).ingested).toBe(1);
  });

  it('goes on past bad files, naming each with its problem', async () => {
    const dir = freshDir('batch');
    cpSync(SAMPLES_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, '001_empty.txt'), '');
    writeFileSync(path.join(dir, '002_broken.pdf'), '%PDF-1.4\nnot really a pdf');
    const summary = await ingestPaths(services.deps, [dir]);
    expect(summary.ingested).toBe(5);
    expect(summary.failed.map((f) => path.basename(f.file)).sort()).toEqual(['001_empty.txt', '002_broken.pdf']);
    for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(5);
    expect((await services.graph.stats()).ingested).toBe(5);
  });
});

describe('search index optimised after a bulk load', () => {
  /** Fresh services whose search.optimize() is counted. */
  async function counted(name: string) {
    const services = await openServices(loadConfig({}, { CANCU_DATA: freshDir(name) }));
    const optimize = services.search.optimize!.bind(services.search);
    const counter = { calls: 0 };
    services.search.optimize = async () => {
      counter.calls++;
      await optimize();
    };
    return { services, counter };
  }

  it('ends a run that ingested optimizeAfter files or more with optimize(), and the index still answers', async () => {
    const dir = freshDir('optimize-files');
    cpSync(SAMPLES_DIR, dir, { recursive: true });
    const small = await counted('optimize-small');
    try {
      expect(await ingestPaths({ ...small.services.deps, optimizeAfter: 6 }, [dir])).toMatchObject({ ingested: 5 });
      expect(small.counter.calls).toBe(0);
    } finally {
      await small.services.close();
    }
    writeFileSync(path.join(dir, 'extra.txt'), 'ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: 40/KH-UBND\nTrà Vinh, ngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nThực hiện công tác dân vận\n');
    const bulk = await counted('optimize-bulk');
    try {
      expect(await ingestPaths({ ...bulk.services.deps, optimizeAfter: 6 }, [dir])).toMatchObject({ ingested: 6 });
      expect(bulk.counter.calls).toBe(1);
      const found = await bulk.services.search.search('dân vận', { limit: 10, offset: 0 });
      expect(found.hits.map((h) => h.id)).toContain('40/KH-UBND@2022@Trà Vinh');
    } finally {
      await bulk.services.close();
    }
  });
});

describe('undated references pinned to the one document the graph knows', () => {
  let services: Services;
  beforeEach(async () => {
    services = await openServices(loadConfig({}, { CANCU_DATA: freshDir('pin') }));
  });
  afterEach(() => services.close());

  const plan = (n: number, year: number, body: string) =>
    `ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: ${n}/KH-UBND\nTrà Vinh, ngày 10 tháng 3 năm ${year}\nKẾ HOẠCH\nThực hiện công tác dân vận\n${body}\nI. MỤC ĐÍCH\n1. Nội dung.\n`;

  it('links "Chỉ thị số 33/CT-TTg" with no date to the only dated 33/CT-TTg, and ledgers the inference', async () => {
    const dir = freshDir('pin-files');
    writeFileSync(path.join(dir, 'a.txt'), plan(11, 2022, 'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;'));
    writeFileSync(path.join(dir, 'b.txt'), plan(12, 2023, 'Thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ;'));
    expect(await ingestPaths(services.deps, [dir])).toEqual({ ingested: 2, unchanged: 0, failed: [] });
    const implementers = await services.graph.implementers('33/CT-TTg@2021', { transitive: false, first: 10 });
    expect(implementers.items.map((i) => i.document.id).sort()).toEqual(['11/KH-UBND@2022@Trà Vinh', '12/KH-UBND@2023@Trà Vinh']);
    expect((await services.graph.getDocuments(['33/CT-TTg@?']))[0]).toBeNull();
    const ledger = (await services.graph.unresolved({ first: 10 })).items;
    expect(ledger).toEqual([expect.objectContaining({ source: '12/KH-UBND@2023@Trà Vinh', key: '33/CT-TTg@2021', reason: 'inferred', candidates: ['33/CT-TTg@2021'] })]);
  });

  it('leaves it undated when the graph knows two, or only a later one', async () => {
    const dir = freshDir('pin-two');
    writeFileSync(path.join(dir, 'a.txt'), plan(11, 2022, 'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 và Chỉ thị số 16/CT-TTg ngày 16/5/2024 của Thủ tướng Chính phủ;'));
    writeFileSync(path.join(dir, 'b.txt'), plan(13, 2022, 'Căn cứ Chỉ thị số 33/CT-TTg ngày 04/3/2019 của Thủ tướng Chính phủ;'));
    writeFileSync(path.join(dir, 'c.txt'), plan(14, 2023, 'Thực hiện Chỉ thị số 33/CT-TTg và Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ;'));
    expect(await ingestPaths(services.deps, [dir])).toMatchObject({ ingested: 3, failed: [] });
    const ledger = (await services.graph.unresolved({ first: 10 })).items.filter((u) => u.source === '14/KH-UBND@2023@Trà Vinh');
    // two 33/CT-TTg known: undecided; the only 16/CT-TTg known (2024) was issued after the 2023 plan
    expect(ledger.map((u) => [u.key, u.reason]).sort()).toEqual([
      ['16/CT-TTg@?', 'no-year'],
      ['33/CT-TTg@?', 'no-year'],
    ]);
  });
});

describe('local references with no issuing place pinned within the citing plan\'s province', () => {
  let services: Services;
  beforeEach(async () => {
    services = await openServices(loadConfig({}, { CANCU_DATA: freshDir('pin-local') }));
  });
  afterEach(() => services.close());

  const plan = (unit: string, place: string, n: number, body: string) =>
    `ỦY BAN NHÂN DÂN\n${unit}\nSố: ${n}/KH-UBND\n${place}, ngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nThực hiện công tác dân vận\n${body}\nI. MỤC ĐÍCH\n1. Nội dung.\n`;
  const ledgerOf = async (source: string) => (await services.graph.unresolved({ first: 50 })).items.filter((u) => u.source === source).map((u) => [u.key, u.reason]);

  it('links "Kế hoạch số 18/KH-UBND" with no issuer to the only one known in the province, not another province\'s', async () => {
    const dir = freshDir('pin-local-one');
    writeFileSync(path.join(dir, 'a.txt'), plan('TỈNH TRÀ VINH', 'Trà Vinh', 20, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022 của Ủy ban nhân dân tỉnh Trà Vinh;'));
    writeFileSync(path.join(dir, 'b.txt'), plan('TỈNH VĨNH LONG', 'Vĩnh Long', 21, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 05/02/2022 của Ủy ban nhân dân tỉnh Vĩnh Long;'));
    writeFileSync(path.join(dir, 'c.txt'), plan('HUYỆN CẦU NGANG', 'Cầu Ngang', 22, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022;'));
    expect(await ingestPaths(services.deps, [dir])).toEqual({ ingested: 3, unchanged: 0, failed: [] });
    const implementers = await services.graph.implementers('18/KH-UBND@2022@Trà Vinh', { transitive: false, first: 10 });
    expect(implementers.items.map((i) => i.document.id).sort()).toEqual(['20/KH-UBND@2022@Trà Vinh', '22/KH-UBND@2022@Trà Vinh/Cầu Ngang']);
    expect((await services.graph.getDocuments(['18/KH-UBND@2022@?']))[0]).toBeNull();
    const [entry] = (await services.graph.unresolved({ first: 50 })).items.filter((u) => u.source === '22/KH-UBND@2022@Trà Vinh/Cầu Ngang');
    expect(entry).toMatchObject({ key: '18/KH-UBND@2022@Trà Vinh', reason: 'inferred', candidates: ['18/KH-UBND@2022@Trà Vinh'] });
    expect(entry.detail).toMatch(/only 18\/KH-UBND the graph knows in Trà Vinh issued by 2022-03-10/);
  });

  it('takes the one on the citing plan\'s own chain, and leaves it open when the chain has two or the plan has no province', async () => {
    const dir = freshDir('pin-local-chain');
    // known: the province's 18/KH-UBND and another district's (Duyên Hải), both of 2022
    writeFileSync(path.join(dir, 'a.txt'), plan('TỈNH TRÀ VINH', 'Trà Vinh', 20, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022 của Ủy ban nhân dân tỉnh Trà Vinh và Kế hoạch số 18/KH-UBND ngày 04/02/2022 của Ủy ban nhân dân huyện Duyên Hải;'));
    writeFileSync(path.join(dir, 'b.txt'), plan('HUYỆN CẦU NGANG', 'Cầu Ngang', 22, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022;'));
    expect(await ingestPaths(services.deps, [dir])).toMatchObject({ ingested: 2, failed: [] });
    expect(await ledgerOf('22/KH-UBND@2022@Trà Vinh/Cầu Ngang')).toEqual([['18/KH-UBND@2022@Trà Vinh', 'inferred']]);

    // Cầu Ngang's own 18/KH-UBND makes two on its chain; a plan with no province has no chain at all
    writeFileSync(path.join(dir, 'c.txt'), plan('TỈNH TRÀ VINH', 'Trà Vinh', 23, 'Căn cứ Kế hoạch số 18/KH-UBND ngày 01/02/2022 của Ủy ban nhân dân huyện Cầu Ngang;'));
    writeFileSync(path.join(dir, 'd.txt'), plan('HUYỆN CẦU NGANG', 'Cầu Ngang', 24, 'Thực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022;'));
    writeFileSync(path.join(dir, 'e.txt'), `ỦY BAN NHÂN DÂN\nSố: 25/KH-UBND\nngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nThực hiện công tác dân vận\nThực hiện Kế hoạch số 18/KH-UBND ngày 03/02/2022;\nI. MỤC ĐÍCH\n`);
    expect(await ingestPaths(services.deps, [dir])).toMatchObject({ ingested: 3, failed: [] });
    const open = (await services.graph.unresolved({ first: 50 })).items.filter((u) => u.key === '18/KH-UBND@2022@?');
    expect(open.map((u) => u.reason)).toEqual(['unnamed-locality', 'unnamed-locality']);
    const files = (await services.graph.getDocuments(open.map((u) => u.source))).map((d) => d?.file).sort();
    expect(files).toEqual(['d.txt', 'e.txt']);
  });
});

describe('text size limit', () => {
  it('fails a text over MAX_TEXT_CHARS with its size, and the batch goes on', async () => {
    const services = await openServices(loadConfig({}, { CANCU_DATA: freshDir('limit') }));
    try {
      const dir = freshDir('limit-files');
      writeFileSync(path.join(dir, 'huge.txt'), 'Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013. '.repeat(Math.ceil((MAX_TEXT_CHARS + 1) / 48)));
      cpSync(path.join(SAMPLES_DIR, '002_e77f35eb2aaabe6e.txt'), path.join(dir, 'plan.txt'));
      const summary = await ingestPaths(services.deps, [dir]);
      expect(summary.ingested).toBe(1);
      expect(summary.failed).toEqual([{ file: path.join(dir, 'huge.txt'), reason: expect.stringMatching(/^text too large: 32\.\d Mi characters, over the limit of 32 Mi/) }]);
    } finally {
      await services.close();
    }
  });
});

describe('two files with the same key', () => {
  it('keeps the second apart (key#hash) with a warning, and a re-run of the batch changes nothing', async () => {
    const services = await openServices(loadConfig({}, { CANCU_DATA: freshDir('taken') }));
    try {
      const dir = freshDir('taken-files');
      const plan = (body: string) => `ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: 23/KH-UBND\nTrà Vinh, ngày 10 tháng 3 năm 2017\nKẾ HOẠCH\n${body}\nI. MỤC ĐÍCH\n1. Nội dung.\n`;
      writeFileSync(path.join(dir, 'a.txt'), plan('Thực hiện Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ;'));
      writeFileSync(path.join(dir, 'b.txt'), plan('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;'));
      expect(await ingestPaths(services.deps, [dir])).toEqual({ ingested: 2, unchanged: 0, failed: [] });
      const ids = (await services.graph.findBySymbol(foldSymbol('23/KH-UBND'))).map((d) => [d.id.replace(/#[0-9a-f]{8}$/, '#…'), d.file]).sort();
      expect(ids).toEqual([['23/KH-UBND@2017@Trà Vinh#…', 'b.txt'], ['23/KH-UBND@2017@Trà Vinh', 'a.txt']]);
      const hash = await services.graph.canonicalHash();
      expect(await ingestPaths(services.deps, [dir])).toEqual({ ingested: 0, unchanged: 2, failed: [] });
      expect(await services.graph.canonicalHash()).toBe(hash);
      // a new version of a.txt is still a.txt: it replaces its own document
      writeFileSync(path.join(dir, 'a.txt'), plan('Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;'));
      expect(await ingestPaths(services.deps, [dir])).toEqual({ ingested: 1, unchanged: 1, failed: [] });
      const out = await services.graph.outgoing(['23/KH-UBND@2017@Trà Vinh']);
      expect(out.map((e) => e.to)).toEqual(['33/CT-TTg@2021']);
    } finally {
      await services.close();
    }
  });
});
