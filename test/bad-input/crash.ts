/**
 * One crash trial of `cancu ingest`: SIGKILL it after a given time, check the SQLite
 * files (integrity_check, foreign_key_check), re-run the ingest to completion and take
 * the fingerprint (graph canonical hash, search counts) to compare with a clean run's.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openServices } from '../../src/commands/services.ts';
import { runCli } from './run-cli.ts';

const QUERIES = ['kế hoạch', 'dân vận', 'chi thi 33', 'cải cách hành chính'];

export interface Fingerprint {
  hash: string;
  ingested: number;
  /** totalCount of each query, all documents then ingested only. */
  search: number[];
}

/** What must be identical after recovery: the graph's canonical hash and search counts. */
export async function fingerprint(dataDir: string): Promise<Fingerprint> {
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

/** integrity_check and foreign_key_check of every SQLite file in the data folder: "ok" or the problems. */
export function checkFiles(dataDir: string): string {
  if (!existsSync(dataDir)) return 'ok';
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

export interface Trial {
  /** True when the ingest was still running when killed. */
  killed: boolean;
  /** checkFiles right after the kill. */
  afterKill: string;
  /** Files ingested when killed (NaN when the stores were not ok). */
  ingestedAtKill: number;
  rerunExit: number | null;
  /** checkFiles after the re-run. */
  afterRerun: string;
  result: Fingerprint;
}

export async function killAndRecover(corpus: string, dataDir: string, killAfterMs: number): Promise<Trial> {
  const run = await runCli(['ingest', '--data', dataDir, corpus], { timeoutMs: killAfterMs });
  const afterKill = checkFiles(dataDir);
  const ingestedAtKill = afterKill === 'ok' ? (await fingerprint(dataDir)).ingested : NaN;
  const rerun = await runCli(['ingest', '--data', dataDir, corpus], { timeoutMs: 3_600_000 });
  return { killed: run.timedOut, afterKill, ingestedAtKill, rerunExit: rerun.code, afterRerun: checkFiles(dataDir), result: await fingerprint(dataDir) };
}

/** Whether a trial recovered to exactly the clean run's state. */
export function recovered(t: Trial, clean: Fingerprint): boolean {
  return t.afterKill === 'ok' && t.afterRerun === 'ok' && t.rerunExit === 0 && t.result.hash === clean.hash && JSON.stringify(t.result.search) === JSON.stringify(clean.search);
}
