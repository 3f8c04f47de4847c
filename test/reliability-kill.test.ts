/**
 * Crash safety in `npm test` (the 20-kill version is bench/kill-test.ts): SIGKILL
 * `cancu ingest` at three points of a 300-plan load; each time the SQLite files pass
 * integrity and foreign-key checks, and a re-run reaches exactly the clean state
 * (graph canonical hash and search counts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fingerprint, killAndRecover, type Fingerprint } from './bad-input/crash.ts';
import { runCli } from './bad-input/run-cli.ts';
import { variedPlans } from './bad-input/varied-plans.ts';

let dir: string;
let corpus: string;
let clean: Fingerprint;
let cleanMs: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cancu-kill-'));
  corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (const p of variedPlans(300, 11)) writeFileSync(path.join(corpus, p.file), p.text);
  const run = await runCli(['ingest', '--data', path.join(dir, 'clean'), corpus], { timeoutMs: 120_000 });
  expect(run.code, run.stderr).toBe(0);
  cleanMs = run.ms;
  clean = await fingerprint(path.join(dir, 'clean'));
  expect(clean.ingested).toBe(300);
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([0.4, 0.7, 0.9])('killed at %s of a clean run, the stores stay consistent and a re-run recovers exactly', async (fraction) => {
  const t = await killAndRecover(corpus, path.join(dir, `kill-${fraction}`), Math.round(fraction * cleanMs));
  expect(t.afterKill).toBe('ok');
  expect(t.rerunExit).toBe(0);
  expect(t.afterRerun).toBe('ok');
  expect(t.result.hash).toBe(clean.hash);
  expect(t.result.search).toEqual(clean.search);
}, 150_000);
