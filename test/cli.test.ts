/** The `cancu` commands as a user runs them (child processes on a temp data dir). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, ROOT, type CliRun } from './bad-input/run-cli.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'cancu-cli-'));
const data = path.join(tmp, 'data');
const cli = (...args: string[]): Promise<CliRun> => runCli([...args, '--data', data], { timeoutMs: 60_000 });
let ingest: CliRun;

beforeAll(async () => {
  const plans = path.join(tmp, 'plans');
  cpSync(path.join(ROOT, 'samples'), plans, { recursive: true });
  writeFileSync(path.join(plans, 'zz-broken.docx'), 'PK\x03\x04 not a zip archive');
  ingest = await cli('ingest', plans);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cancu ingest', () => {
  it('ingests the good files, names the bad one with its problem, exits 1', () => {
    expect(ingest.code, ingest.stderr).toBe(1);
    expect(ingest.stdout).toMatch(/^5 ingested, 0 unchanged, 1 failed$/m);
    expect(ingest.stdout).toMatch(/zz-broken\.docx: \S/);
  });

  it('reports unchanged files on a second run, as JSON on request', async () => {
    const again = await cli('ingest', path.join(tmp, 'plans', '002_e77f35eb2aaabe6e.txt'), '--json', '--quiet');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ingested: 0, unchanged: 1, failed: [] });
    expect(again.stderr).toBe('');
  });
});

describe('cancu extract', () => {
  it('prints a readable summary: the header, then each citation once, a named law with the number it resolved to', async () => {
    const r = await runCli(['extract', path.join(ROOT, 'samples', '003_5e30993f3c594bd5.txt')], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}Kế hoạch · 2023 · Ủy ban nhân dân huyện Dương Minh Châu$/m);
    expect(r.stdout).toMatch(/^ {2}implements Kế hoạch 765\/KH-UBND \(2023-03-20, UBND tỉnh Tây Ninh\) ×1$/m);
    expect(r.stdout).toMatch(/^ {2}cites {6}Luật Thực hiện dân chủ ở cơ sở \[10\/2022\/QH15\] ×2$/m);
  });
});

describe('query commands', () => {
  it('stats --json counts the ingested plans', async () => {
    const r = await cli('stats', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ graph: 'sqlite', ingested: 5 });
  });

  it('trace by symbol reaches Chỉ thị 33/CT-TTg with the quoting sentence', async () => {
    const r = await cli('trace', '30/KH-UBND');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/IMPLEMENTS → Chỉ thị 33\/CT-TTg \(2021-11-26\)/);
    expect(r.stdout).toMatch(/“[^”]*Chỉ thị số 33\/CT-TTg/);
  });

  it('implementers --json lists the plans carrying out 33/CT-TTg', async () => {
    const r = await cli('implementers', '33/CT-TTg', '--json');
    expect(r.code, r.stderr).toBe(0);
    const files = JSON.parse(r.stdout).items.map((i: { document: { file: string | null } }) => i.document.file).filter(Boolean);
    expect(files.sort()).toEqual(['002_e77f35eb2aaabe6e.txt', '004_e1b11889f5394df2.txt']);
    const caungang = await cli('implementers', '33/CT-TTg', '--issuer', 'ubnd huyen cau ngang', '--json');
    expect(caungang.code, caungang.stderr).toBe(0);
    expect(JSON.parse(caungang.stdout).items.map((i: { document: { file: string | null } }) => i.document.file)).toEqual(['002_e77f35eb2aaabe6e.txt']);
  });

  it('search finds plans from an accent-free query', async () => {
    const r = await cli('search', 'chi', 'thi', '33', 'dan', 'van', '--first', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ match/);
    expect(r.stdout).toMatch(/\[[^\]]+\]/); // a highlighted match
  });
});

describe('usage errors exit 2 with a message', () => {
  it.each([
    [['no-such-command'], /unknown command "no-such-command"/],
    [['ingest'], /cancu ingest: missing argument\n\nusage: cancu ingest PATH/],
    [['stats', '--graph', 'postgres'], /CANCU_GRAPH must be one of sqlite, neo4j/],
    [['trace', 'no/such-symbol'], /no document with id or symbol "no\/such-symbol"/],
  ])('%j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
