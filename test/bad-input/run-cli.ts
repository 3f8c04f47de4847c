/**
 * Run the real CLI (`node bin/cancu.js …`) as a child process with a time limit,
 * capturing exit code, signal, output and the child's own peak RSS
 * (process.resourceUsage().maxRSS, written at exit by a preloaded hook).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/cancu.js');

// Preloaded into the child: on exit, write its peak RSS (KB) to $CANCU_RSS_FILE.
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "import {writeFileSync} from 'node:fs'; process.on('exit', () => { try { writeFileSync(process.env.CANCU_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });",
  );

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Path of the file holding stdout (kept when `stdoutFile` was asked for). */
  stdoutPath: string | null;
  /** Peak resident set size of the child in MB; null if it died before exiting normally. */
  maxRssMb: number | null;
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Send stdout to this file instead of memory (for huge outputs); `stdout` is then ''. */
  stdoutFile?: string;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'cancu-run-'));
  const rssFile = path.join(scratch, 'rss');
  const outPath = opts.stdoutFile ?? path.join(scratch, 'stdout');
  const outFd = openSync(outPath, 'w');
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env, CANCU_RSS_FILE: rssFile },
    stdio: ['ignore', outFd, 'pipe'],
  });
  closeSync(outFd);
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    if (stderr.length < 4 << 20) stderr += d;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rss: number | null = null;
      try {
        rss = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
      } catch {
        rss = null;
      }
      const stdout = opts.stdoutFile ? '' : readFileSync(outPath, 'utf8');
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, signal, timedOut, stdout, stderr, stdoutPath: opts.stdoutFile ?? null, maxRssMb: rss, ms: Date.now() - started });
    });
  });
}

/** Signs that the process crashed instead of reporting a problem. */
export function crashSigns(run: CliRun): string[] {
  const signs: string[] = [];
  if (run.timedOut) signs.push(`timed out after ${run.ms} ms`);
  else if (run.signal) signs.push(`killed by ${run.signal}`);
  if (run.code !== null && run.code > 2) signs.push(`exit code ${run.code}`);
  if (/FATAL ERROR|heap out of memory|Maximum call stack size exceeded/.test(run.stderr)) signs.push('fatal V8 error');
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(run.stderr)) signs.push('stack trace on stderr');
  return signs;
}
