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
import { ingestPaths } from '../src/pipeline/ingest.ts';
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
