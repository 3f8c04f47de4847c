/**
 * Crash safety of `cancu ingest`: kill it with SIGKILL at random points of a bulk
 * load, then check the stores (PRAGMA integrity_check, foreign_key_check), re-run
 * the ingest to completion and compare the graph's canonical hash and the search
 * index's counts with a clean run's.
 *
 *   node bin/run-ts.js bench/kill-test.ts [--files 3000] [--kills 20] [--seed 1]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/commands/services.ts';
import { runCli } from '../test/bad-input/run-cli.ts';
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

const QUERIES = ['kế hoạch', 'dân vận', 'chi thi 33', 'cải cách hành chính'];

/** What must be identical after recovery: the graph's canonical hash and search counts. */
async function fingerprint(dataDir: string): Promise<{ hash: string; ingested: number; search: number[] }> {
  const services = await openServices(loadConfig({}, { CANCU_DATA: dataDir }));
  try {
    const search: number[] = [];
    for (const q of QUERIES) {
      search.push((await services.search.search(q, { limit: 1, offset: 0 })).totalCount);
      search.push((await services.search.search(q, { limit: 1, offset: 0, filter: { ingested: true } })).totalCount);
    }
    return { hash: await services.graph.canonicalHash(), ingested: (await services.graph.stats()).ingested, search };
  } finally {
    await services.close();
  }
}

/** integrity_check and foreign_key_check of every SQLite file in the data folder ("ok" or the problems). */
function checkFiles(dataDir: string): string {
  const problems: string[] = [];
  for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.db'))) {
    const db = new Database(path.join(dataDir, name));
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`${name}: integrity ${String(integrity)}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length) problems.push(`${name}: ${fk.length} foreign key violations`);
    } finally {
      db.close();
    }
  }
  return problems.length ? problems.join('; ') : 'ok';
}

function rng(s: number): () => number {
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
}

console.log(`kill test: ${files} plans (${(bytes / 1e6).toFixed(1)} MB) in ${corpus}, ${kills} kills, seed ${seed}`);
const cleanDir = path.join(root, 'clean');
const clean = await runCli(['ingest', '--data', cleanDir, corpus], { timeoutMs: 3_600_000 });
if (clean.code !== 0) throw new Error(`clean ingest failed (exit ${clean.code}): ${clean.stderr.slice(-2000)}`);
const expected = await fingerprint(cleanDir);
console.log(`clean run: ${clean.ms} ms, peak RSS ${clean.maxRssMb} MB, ${expected.ingested} ingested, hash ${expected.hash.slice(0, 16)}…`);

const random = rng(seed);
let failures = 0;
let finishedBeforeKill = 0;
console.log('\n kill | at ms | ingested at kill | stores after kill | re-run exit | graph hash | search counts');
for (let k = 1; k <= kills; k++) {
  const dataDir = path.join(root, `kill-${k}`);
  const at = Math.round((0.03 + 0.94 * random()) * clean.ms);
  const killed = await runCli(['ingest', '--data', dataDir, corpus], { timeoutMs: at });
  if (!killed.timedOut) finishedBeforeKill++;
  const afterKill = readdirSync(dataDir, { withFileTypes: true }).length ? checkFiles(dataDir) : 'ok (empty)';
  const partial = afterKill.startsWith('ok') ? (await fingerprint(dataDir)).ingested : NaN;
  const rerun = await runCli(['ingest', '--data', dataDir, corpus], { timeoutMs: 3_600_000 });
  const afterRerun = checkFiles(dataDir);
  const got = await fingerprint(dataDir);
  const hashOk = got.hash === expected.hash;
  const searchOk = JSON.stringify(got.search) === JSON.stringify(expected.search);
  const ok = afterKill.startsWith('ok') && afterRerun === 'ok' && rerun.code === 0 && hashOk && searchOk;
  if (!ok) failures++;
  console.log(
    ` ${String(k).padStart(4)} | ${String(at).padStart(5)} | ${String(partial).padStart(16)} | ${afterKill.padEnd(17)} | ${String(rerun.code).padStart(11)} | ${hashOk ? 'same' : 'DIFFERENT'} | ${searchOk ? 'same' : `DIFFERENT ${JSON.stringify(got.search)} vs ${JSON.stringify(expected.search)}`}`,
  );
  rmSync(dataDir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });
console.log(`\n${kills} kills (${finishedBeforeKill} landed after the ingest had finished): ${failures} failed checks`);
console.log(`command: ${command}`);
process.exitCode = failures ? 1 : 0;
