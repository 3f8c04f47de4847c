/**
 * Reader figures: throughput on the real gazette texts, and time and peak memory for one huge
 * single-line file in UTF-8 and in TCVN3 (the legacy conversion path).
 *   node bin/run-ts.js bench/read.ts [--mb 100]
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcvn3 from '../ingest/data/legacy-tcvn3.json' with { type: 'json' };
import { readDocument } from '../ingest/read/index.ts';
import { REAL_CORPUS } from './corpora.ts';
import { flags, peakRssMB, report, round } from './lib.ts';

const { mb } = flags({ mb: 100 });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - t0, 0), value };
}

const figures: Record<string, unknown> = {};

const corpus = filesUnder(REAL_CORPUS).filter((f) => f.endsWith('.txt'));
const corpusBytes = corpus.reduce((n, f) => n + statSync(f).size, 0);
let failed = 0;
const { ms: corpusMs } = await timed(async () => {
  for (const f of corpus) await readDocument(f).catch(() => failed++);
});
figures.corpus = { files: corpus.length, MB: round(corpusBytes / 1e6, 1), ms: corpusMs, MBps: round(corpusBytes / 1e6 / (corpusMs / 1000), 1), failed };

const dir = mkdtempSync(path.join(tmpdir(), 'cancu-bench-read-'));
try {
  const line = 'Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về việc ban hành Quy chế giám sát; ';
  const repeat = Math.ceil((mb * 1e6) / Buffer.byteLength(line));
  const utf8File = path.join(dir, 'huge-utf8.txt');
  writeFileSync(utf8File, line.repeat(repeat));
  const utf8 = await timed(() => readDocument(utf8File));
  figures.hugeUtf8 = { MB: round(statSync(utf8File).size / 1e6, 1), chars: utf8.value.text.length, ms: utf8.ms, peakRssMB: round(peakRssMB(), 0) };
  rmSync(utf8File);

  const letters = tcvn3.letters as Record<string, string>;
  const legacyLine = Buffer.from([...line].map((c) => (letters[c] ? parseInt(letters[c], 16) : c.charCodeAt(0))));
  const legacyFile = path.join(dir, 'huge-tcvn3.txt');
  writeFileSync(legacyFile, Buffer.concat(Array.from({ length: Math.ceil((mb * 1e6) / legacyLine.length) }, () => legacyLine)));
  const legacy = await timed(() => readDocument(legacyFile));
  figures.hugeTcvn3 = { MB: round(statSync(legacyFile).size / 1e6, 1), converted: legacy.value.text.startsWith(line), ms: legacy.ms, peakRssMB: round(peakRssMB(), 0) };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

report('read', figures, ['peakRssMB is the process peak so far (includes the earlier steps)', 'one single-line file each, read whole: no streaming']);
