/**
 * Crash safety of `cancu ingest`: kill it with SIGKILL at random points of a bulk
 * load, then check the stores (PRAGMA integrity_check, foreign_key_check), re-run
 * the ingest to completion and compare the graph's canonical hash and the search
 * index's counts with a clean run's.
 *
 *   node bin/run-ts.js bench/kill-test.ts [--files 3000] [--kills 20] [--seed 1]
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../test/bad-input/run-cli.ts';
import { fingerprint, killAndRecover, recovered } from '../test/bad-input/crash.ts';
import { variedPlans } from '../test/bad-input/varied-plans.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '3000' }, kills: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' } } });
const files = Number(values.files);
const kills = Number(values.kills);
const seed = Number(values.seed);
const command = `node bin/run-ts.js bench/kill-test.ts --files ${files} --kills ${kills} --seed ${seed}`;

const root = mkdtempSync(path.join(tmpdir(), 'cancu-kill-'));
const corpus = path.join(root, 'corpus');
mkdirSync(corpus);
let bytes = 0;
for (const p of variedPlans(files, seed)) {
  writeFileSync(path.join(corpus, p.file), p.text);
  bytes += Buffer.byteLength(p.text);
}

function rng(s: number): () => number {
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
}

console.log(`kill test: ${files} plans (${(bytes / 1e6).toFixed(1)} MB), ${kills} kills, seed ${seed}`);
const cleanDir = path.join(root, 'clean');
const clean = await runCli(['ingest', '--data', cleanDir, corpus], { timeoutMs: 3_600_000 });
if (clean.code !== 0) throw new Error(`clean ingest failed (exit ${clean.code}): ${clean.stderr.slice(-2000)}`);
const expected = await fingerprint(cleanDir);
console.log(`clean run: ${clean.ms} ms, peak RSS ${clean.maxRssMb} MB, ${expected.ingested} ingested, hash ${expected.hash.slice(0, 16)}…`);

const random = rng(seed);
let failures = 0;
let finishedBeforeKill = 0;
console.log('\n kill | at ms | ingested at kill | stores after kill | re-run exit | stores after | graph hash | search counts');
for (let k = 1; k <= kills; k++) {
  const dataDir = path.join(root, `kill-${k}`);
  const at = Math.round((0.03 + 0.94 * random()) * clean.ms);
  const t = await killAndRecover(corpus, dataDir, at);
  if (!t.killed) finishedBeforeKill++;
  if (!recovered(t, expected)) failures++;
  const searchOk = JSON.stringify(t.result.search) === JSON.stringify(expected.search);
  console.log(
    [
      String(k).padStart(5),
      String(at).padStart(5),
      String(t.ingestedAtKill).padStart(16),
      t.afterKill.padEnd(17),
      String(t.rerunExit).padStart(11),
      t.afterRerun.padEnd(12),
      (t.result.hash === expected.hash ? 'same' : 'DIFFERENT').padEnd(10),
      searchOk ? 'same' : `DIFFERENT ${JSON.stringify(t.result.search)} vs ${JSON.stringify(expected.search)}`,
    ].join(' | '),
  );
  rmSync(dataDir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });
console.log(`\n${kills} kills (${finishedBeforeKill} landed after the ingest had finished): ${failures} did not recover to the clean state`);
console.log(`command: ${command}`);
process.exitCode = failures ? 1 : 0;
