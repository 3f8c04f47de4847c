/**
 * The bad-input corpus (test/bad-input/) through the real CLI, as child processes:
 * `cancu extract --json` and `cancu ingest` must report every bad file by name and
 * go on, never crash or hang, keep memory bounded, and still ingest every good file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, createReadStream, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Extraction } from '../ingest/model.ts';
import { foldSymbol } from '../ingest/normalize.ts';
import type { GraphStore } from '../graph/store.ts';
import { openGraphStore } from '../graph/open-store.ts';
import { loadConfig } from '../src/config.ts';
import { writeBadInputs, type BadInput } from './bad-input/corpus.ts';
import { crashSigns, runCli, ROOT, type CliRun } from './bad-input/run-cli.ts';

/**
 * Size of the large inputs in MB. `npm test` uses 8 to stay fast; the full cases
 * (a 100 MB line, a 100 MB file, a million citations) run with CANCU_LARGE_MB=100.
 */
const LARGE_MB = Number(process.env.CANCU_LARGE_MB ?? 8);
/** Peak RSS allowed for one CLI process, in MB (override with CANCU_MAX_RSS_MB). */
const MAX_RSS_MB = Number(process.env.CANCU_MAX_RSS_MB ?? 1536);
/** Time allowed for one large input: generous (0.5 MB/s), proportional to its size. */
const LARGE_TIMEOUT_MS = 20_000 + LARGE_MB * 2_000;

let dir: string;
let corpus: BadInput[];
const nfc = (s: string) => s.normalize('NFC');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cancu-bad-'));
  corpus = await writeBadInputs(path.join(dir, 'corpus'), { heavy: true, largeMb: LARGE_MB });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = () => corpus.filter((c) => !c.heavy && !c.folder);

function expectNoCrash(run: CliRun, what: string): void {
  expect(crashSigns(run), `${what}\n--- stderr ---\n${run.stderr.slice(0, 3000)}`).toEqual([]);
  expect(run.maxRssMb, `${what}: peak RSS`).not.toBeNull();
  expect(run.maxRssMb!, `${what}: peak RSS (MB)`).toBeLessThan(MAX_RSS_MB);
}

/** Whether `output` (stdout + stderr) names the file (as given, or its base name). */
function names(output: string, file: string): boolean {
  const out = nfc(output);
  return out.includes(nfc(file)) || out.includes(nfc(path.basename(file)));
}

function hasSymbol(x: Extraction, symbol: string): boolean {
  return x.citations.some((c) => c.symbol !== null && foldSymbol(c.symbol) === foldSymbol(symbol));
}

/** The extraction of `file` in a batch result, if the file succeeded. */
function resultFor(results: Extraction[], file: string): Extraction | undefined {
  return results.find((x) => nfc(x.file) === nfc(file) || nfc(path.basename(x.file)) === nfc(path.basename(file)));
}

const failedIn = (x: Extraction) => x.diagnostics.some((d) => d.severity === 'error');

/** Check one corpus entry against a batch run's results and output. */
function checkOutcome(entry: BadInput, results: Extraction[], run: CliRun): void {
  const x = resultFor(results, entry.file);
  const output = run.stdout + run.stderr;
  const succeeded = x !== undefined && !failedIn(x);
  if (entry.expect === 'ok') expect(succeeded, `${entry.file} should succeed\n${run.stderr.slice(0, 2000)}`).toBe(true);
  if (entry.expect === 'error') expect(succeeded, `${entry.file} should be refused`).toBe(false);
  if (succeeded) {
    for (const s of entry.mustFind ?? []) expect(hasSymbol(x, s), `${entry.file}: ${s} not found`).toBe(true);
    for (const s of entry.mustNotFind ?? []) expect(hasSymbol(x, s), `${entry.file}: ${s} must not be extracted`).toBe(false);
  } else {
    expect(names(run.stderr, entry.file) || (x !== undefined && failedIn(x)), `${entry.file}: the error must name the file\n${output.slice(0, 2000)}`).toBe(true);
  }
}

describe('cancu extract on the bad-input corpus (one batch)', () => {
  let run: CliRun;
  let results: Extraction[] = [];

  beforeAll(async () => {
    run = await runCli(['extract', '--json', ...small().map((c) => c.file)], { cwd: path.join(dir, 'corpus'), timeoutMs: 90_000 });
    results = run.stdout.trim() ? (JSON.parse(run.stdout) as Extraction[]) : [];
  }, 100_000);

  it('finishes without crash or hang, in bounded memory, and exits non-zero because some files failed', () => {
    expectNoCrash(run, 'extract batch');
    expect(run.code).not.toBe(0);
    console.log(`extract batch of ${small().length} files: ${run.ms} ms, peak RSS ${run.maxRssMb} MB`);
  });

  it.each(['ok', 'error', 'either'] as const)('every "%s" entry gets its expected outcome', (expected) => {
    for (const entry of small().filter((c) => c.expect === expected)) checkOutcome(entry, results, run);
  });

  it('mention offsets index the original UTF-8 text', () => {
    for (const file of ['good-plan.txt', 'crlf.txt', 'cr.txt', 'emoji.txt', 'mixed-nfd.txt', 'bidi.txt']) {
      const text = readFileSync(path.join(dir, 'corpus', file), 'utf8');
      const x = resultFor(results, file)!;
      for (const c of x.citations.filter((c) => c.symbol)) {
        for (const m of c.mentions) {
          const number = c.symbol!.match(/\d+/)![0];
          expect(text.slice(m.start, m.end), `${file} mention of ${c.symbol}`).toContain(number);
        }
      }
    }
  });
});

describe('cancu ingest on the bad-input corpus (one batch with the samples)', () => {
  let run: CliRun;
  let store: GraphStore;
  let keys: Map<string, string | null>;
  const dataDir = () => path.join(dir, 'data-small');
  const inputs = () => [...corpus.filter((c) => !c.heavy).map((c) => c.file), path.join(ROOT, 'samples')];

  beforeAll(async () => {
    const extracted = await runCli(['extract', '--json', ...small().filter((c) => c.expect !== 'error').map((c) => c.file)], {
      cwd: path.join(dir, 'corpus'),
      timeoutMs: 60_000,
    });
    keys = new Map((JSON.parse(extracted.stdout || '[]') as Extraction[]).filter((x) => !failedIn(x)).map((x) => [path.basename(x.file), x.header.key]));
    run = await runCli(['ingest', '--data', dataDir(), ...inputs()], { cwd: path.join(dir, 'corpus'), timeoutMs: 90_000 });
    store = await openGraphStore(loadConfig({}, { CANCU_DATA: dataDir() }));
    await store.init();
  }, 200_000);
  afterAll(async () => store?.close());

  it('finishes without crash or hang, exits non-zero and names every failed file', () => {
    expectNoCrash(run, 'ingest batch');
    expect(run.code).not.toBe(0);
    for (const c of corpus.filter((c) => !c.heavy && c.expect === 'error')) {
      expect(names(run.stdout + run.stderr, c.file), `ingest output must name ${c.file}\n${run.stderr.slice(-3000)}`).toBe(true);
    }
    expect(run.stdout + run.stderr).toMatch(/fail/i);
    console.log(`ingest batch: ${run.ms} ms, peak RSS ${run.maxRssMb} MB\n${(run.stdout + run.stderr).slice(-1500)}`);
  });

  it('still ingests every file that extracts cleanly, and the five samples', async () => {
    const expected = [...keys.entries()].filter(([, key]) => key !== null);
    expect(expected.length).toBeGreaterThan(10);
    const docs = await store.getDocuments(expected.map(([, key]) => key!));
    expected.forEach(([file], i) => expect(docs[i]?.ingested, `${file} (${expected[i][1]}) not ingested`).toBe(true));
    const stats = await store.stats();
    expect(stats.ingested).toBeGreaterThanOrEqual(expected.length + 5);
  });

  it('a plan citing itself gets no self-loop', async () => {
    const key = keys.get('self-cite.txt')!;
    const edges = await store.outgoing([key]);
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.filter((e) => e.to === e.from)).toEqual([]);
  });

  it('a citation cycle across two files is stored and traversals terminate', async () => {
    const run = await runCli(['extract', '--json', 'cycle/a.txt', 'cycle/b.txt'], { cwd: path.join(dir, 'corpus') });
    const [a, b] = (JSON.parse(run.stdout) as Extraction[]).map((x) => x.header.key!);
    const out = await store.outgoing([a, b], ['IMPLEMENTS']);
    expect(out.some((e) => e.from === a && e.to === b)).toBe(true);
    expect(out.some((e) => e.from === b && e.to === a)).toBe(true);
    const trace = await store.legalBasis(a, 10);
    expect(trace.length).toBeLessThanOrEqual(20);
    const page = await store.implementers(a, { transitive: true, first: 50, maxDepth: 10 });
    expect(page.items.map((i) => i.document.id)).toContain(b);
  });

  it('re-running the same batch leaves the graph unchanged', async () => {
    const before = await store.canonicalHash();
    const again = await runCli(['ingest', '--data', dataDir(), ...inputs()], { cwd: path.join(dir, 'corpus'), timeoutMs: 90_000 });
    expectNoCrash(again, 'second ingest');
    expect(await store.canonicalHash()).toBe(before);
  }, 100_000);
});

/** Whether a (possibly huge) file contains `needle`, read in chunks. */
async function fileContains(file: string, needle: string): Promise<boolean> {
  let tail = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const s = tail + (chunk as string);
    if (s.includes(needle)) return true;
    tail = s.slice(-needle.length);
  }
  return false;
}

describe('large and explosive inputs, one process each', () => {
  const heavy = () => corpus.filter((c) => c.heavy);
  const heavyFiles = ['one-line-large.txt', 'large.txt', 'many-citations.txt', 'zip-bomb.docx', 'zip-bomb-lying.docx'];

  it.each(heavyFiles)('extract %s', async (file) => {
    const entry = heavy().find((c) => c.file === file)!;
    const outFile = path.join(dir, `${file}.json`);
    const run = await runCli(['extract', '--json', file], { cwd: path.join(dir, 'corpus'), timeoutMs: LARGE_TIMEOUT_MS, stdoutFile: outFile });
    console.log(`extract ${file}: exit ${run.code}, ${run.ms} ms, peak RSS ${run.maxRssMb} MB; ${run.stderr.trim().slice(0, 300)}`);
    expectNoCrash(run, `extract ${file}`);
    const ok = run.code === 0;
    if (entry.expect === 'error') expect(ok, `${file} should be refused`).toBe(false);
    if (ok) {
      for (const s of entry.mustFind ?? []) expect(await fileContains(outFile, `"${s}"`), `${file}: ${s}`).toBe(true);
    } else {
      expect(names(run.stderr, file), `${file}: error must name the file: ${run.stderr.slice(0, 500)}`).toBe(true);
    }
    rmSync(outFile, { force: true });
  }, LARGE_TIMEOUT_MS + 10_000);

  it('ingest of all large inputs with one good plan: the good plan is ingested, the rest reported', async () => {
    const dataDir = path.join(dir, 'data-heavy');
    const run = await runCli(['ingest', '--data', dataDir, 'good-plan.txt', ...heavy().map((c) => c.file)], {
      cwd: path.join(dir, 'corpus'),
      timeoutMs: 3 * LARGE_TIMEOUT_MS,
    });
    console.log(`ingest heavy batch: exit ${run.code}, ${run.ms} ms, peak RSS ${run.maxRssMb} MB\n${(run.stdout + run.stderr).slice(-1500)}`);
    expectNoCrash(run, 'ingest heavy batch');
    const output = run.stdout + run.stderr;
    for (const c of heavy().filter((c) => c.expect === 'error')) expect(output).toContain(c.file);
    const extracted = await runCli(['extract', '--json', 'good-plan.txt'], { cwd: path.join(dir, 'corpus') });
    const [{ header }] = JSON.parse(extracted.stdout) as Extraction[];
    const store = await openGraphStore(loadConfig({}, { CANCU_DATA: dataDir }));
    await store.init();
    try {
      const [doc] = await store.getDocuments([header.key!]);
      expect(doc?.ingested, `good-plan.txt (${header.key}) not ingested`).toBe(true);
    } finally {
      await store.close();
    }
  }, 3 * LARGE_TIMEOUT_MS + 10_000);
});
