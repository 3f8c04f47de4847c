import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAhead } from '../src/pipeline/read-ahead.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cancu-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of the given sizes in bytes. */
function files(sizes: number[]): string[] {
  return sizes.map((n, i) => {
    const f = path.join(dir, `${String(i).padStart(3, '0')}-${n}.txt`);
    writeFileSync(f, 'x'.repeat(n));
    return f;
  });
}

/** A read taking 20 ms that records the most reads, and bytes, in flight at once. */
function trackedRead() {
  let inFlight = 0;
  let bytes = 0;
  const peaks = { reads: 0, bytes: 0 };
  const read = async (file: string) => {
    const size = Number(/-(\d+)\.txt$/.exec(file)![1]);
    inFlight++;
    bytes += size;
    peaks.reads = Math.max(peaks.reads, inFlight);
    peaks.bytes = Math.max(peaks.bytes, bytes);
    await new Promise((r) => setTimeout(r, 20));
    inFlight--;
    bytes -= size;
    if (file.includes('-13.txt')) throw new Error(`cannot read ${path.basename(file)}`);
    return path.basename(file);
  };
  return { read, peaks };
}

describe('readAhead', () => {
  it('yields every file in order, failures in their place, with reads overlapping', async () => {
    const list = files([10, 20, 13, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    const { read, peaks } = trackedRead();
    const out: string[] = [];
    for await (const r of readAhead(list, read, { ahead: 4 })) out.push(r.ok ? `ok ${r.value}` : `failed ${(r.error as Error).message}`);
    expect(out).toEqual(list.map((f) => (f.endsWith('-13.txt') ? `failed cannot read ${path.basename(f)}` : `ok ${path.basename(f)}`)));
    expect(peaks.reads).toBe(4);
  });

  it('keeps the bytes in flight under the budget, and reads a file over it alone', async () => {
    const list = files([400, 400, 400, 5000, 400, 400]);
    const { read, peaks } = trackedRead();
    const out: string[] = [];
    for await (const r of readAhead(list, read, { ahead: 8, budgetBytes: 1000 })) if (r.ok) out.push(r.value);
    expect(out).toHaveLength(6);
    expect(peaks.reads).toBe(2);
    expect(peaks.bytes).toBe(5000);
  });

  it('reads a missing file through read(), which reports it', async () => {
    const missing = path.join(dir, 'missing-1.txt');
    const results = [];
    for await (const r of readAhead([missing], async (f) => Promise.reject(new Error(`no such file: ${f}`)))) results.push(r);
    expect(results).toEqual([{ file: missing, ok: false, error: new Error(`no such file: ${missing}`) }]);
  });
});
