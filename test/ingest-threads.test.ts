import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.ts';
import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/commands/services.ts';
import { SAMPLES_DIR } from '../src/commands/start.ts';
import { ExtractJobError, ExtractPool } from '../src/pipeline/extract-pool.ts';
import { ingestPaths, WORKERS_FROM } from '../src/pipeline/ingest.ts';
import { SearchWriter } from '../src/search/search-writer.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'cancu-extract-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAMPLE = path.join(SAMPLES_DIR, '000_c800255c1df2818e.txt');

/** A pool of `size` workers for `fn`, closed after it. */
async function withPool(size: number, fn: (pool: ExtractPool) => Promise<void>): Promise<void> {
  const pool = new ExtractPool(size);
  try {
    await fn(pool);
  } finally {
    await pool.close();
  }
}

/** A folder of the samples copied over and over: enough files for the threads to be used (unchanged after the first copy). */
function samplesCorpus(name: string): string {
  const corpus = path.join(tmp, name);
  for (let i = 0; i * 5 < WORKERS_FROM; i++) cpSync(SAMPLES_DIR, path.join(corpus, `copy-${i}`), { recursive: true });
  return corpus;
}

describe('ExtractPool', () => {
  it('reads and extracts in a worker exactly as on the main thread', () =>
    withPool(2, async (pool) => {
      const got = await pool.run(SAMPLE, 'plan.txt');
      expect(got.extraction).toEqual(extract({ file: 'plan.txt', text: got.text }));
    }));

  it('says which stage failed: a file that cannot be read', () =>
    withPool(1, async (pool) => {
      const missing = path.join(tmp, 'missing.txt');
      const err = await pool.run(missing, 'missing.txt').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExtractJobError);
      expect(err).toMatchObject({ stage: 'read', message: expect.stringContaining('missing.txt') });
    }));

  it('fails the jobs of a worker that dies, and starts a new one for the next job', () =>
    withPool(1, async (pool) => {
      const big = path.join(tmp, 'big.txt');
      writeFileSync(big, 'Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị. '.repeat(60_000));
      const job = pool.run(big, 'big.txt');
      await (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads[0].worker.terminate();
      await expect(job).rejects.toThrow(/the extraction worker stopped/);
      const next = await pool.run(SAMPLE, 'plan.txt');
      expect(next.extraction?.citations.length).toBeGreaterThan(0);
    }));
});

describe('ingestPaths with extraction workers and the search writer thread', () => {
  it('builds the same graph and search index, and reports the same failures, as ingest on the main thread alone', async () => {
    const corpus = samplesCorpus('corpus');
    writeFileSync(path.join(corpus, 'empty.txt'), '');
    writeFileSync(path.join(corpus, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xff, 0xfe, 0x00]));
    const run = async (workers: string) => {
      const services = await openServices(loadConfig({ CANCU_EXTRACT_WORKERS: workers }, { CANCU_DATA: path.join(tmp, `data-${workers}`) }));
      try {
        expect(services.deps.extractFile !== undefined).toBe(workers !== '0');
        expect(services.deps.searchWriter !== undefined).toBe(workers !== '0');
        const summary = await ingestPaths(services.deps, [corpus]);
        const found = await services.search.search('dân vận', { limit: 50, offset: 0 });
        return { summary, hash: await services.graph.canonicalHash(), search: [found.totalCount, found.hits.map((h) => h.id).sort()] };
      } finally {
        await services.close();
      }
    };
    const inline = await run('0');
    const pooled = await run('2');
    expect(inline.summary).toMatchObject({ ingested: 5, unchanged: Math.ceil(WORKERS_FROM / 5) * 5 - 5 });
    expect(inline.summary.failed.map((f) => [path.basename(f.file), f.reason.slice(f.file.length + 2)])).toEqual([
      ['binary.txt', 'binary data, not text: it looks like a PDF document'],
      ['empty.txt', 'the file is empty (0 bytes)'],
    ]);
    expect(inline.search[0]).toBeGreaterThan(0);
    expect(pooled).toEqual(inline);
  });

  it('fails only the file whose search entries cannot be written; the rest of its chunk is ingested', async () => {
    const corpus = samplesCorpus('poisoned');
    writeFileSync(path.join(corpus, 'poison.txt'), 'Kế hoạch POISON\nCăn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;\n');
    const services = await openServices(loadConfig({ CANCU_EXTRACT_WORKERS: '1' }, { CANCU_DATA: path.join(tmp, 'data-poisoned') }));
    try {
      const writer = services.deps.searchWriter!;
      services.deps.searchWriter = {
        upsert: async (docs) => {
          if (docs.some((d) => d.text?.includes('POISON'))) throw new Error('disk full');
          return writer.upsert(docs);
        },
        optimize: () => writer.optimize!(),
      };
      const summary = await ingestPaths(services.deps, [corpus]);
      expect(summary.ingested).toBe(5);
      expect(summary.failed.map((f) => [path.basename(f.file), f.reason])).toEqual([['poison.txt', 'search index write failed: disk full']]);
      expect((await services.search.search('dân vận', { limit: 50, offset: 0 })).totalCount).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  });
});

describe('SearchWriter', () => {
  it('writes from its thread what the main connection then reads, and replaces a thread that died', async () => {
    const file = path.join(tmp, 'writer-search.db');
    const reader = new SqliteSearchIndex(file);
    await reader.init();
    const writer = new SearchWriter(file);
    try {
      const doc = (id: string) => ({ id, kind: 'Kế hoạch', symbol: null, name: null, title: 'dân vận', issuer: null, subject: null, text: 'công tác dân vận', province: null, year: 2024, level: null, ingested: true });
      await writer.upsert([doc('a')]);
      expect((await reader.search('dân vận', { limit: 10, offset: 0 })).hits.map((h) => h.id)).toEqual(['a']);
      // a write long enough (8 MB of text) to be under way when its thread is stopped
      const pending = writer.upsert([{ ...doc('b'), text: 'công tác dân vận năm 2024 '.repeat(320_000) }]);
      await (writer as unknown as { thread: { worker: { terminate(): Promise<number> } } }).thread.worker.terminate();
      await expect(pending).rejects.toThrow(/the search writer thread stopped/);
      await writer.upsert([doc('c')]);
      expect((await reader.search('dân vận', { limit: 10, offset: 0 })).hits.map((h) => h.id)).toContain('c');
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
