/**
 * What every benchmark script shares: the machine description, percentiles,
 * peak RSS, and printing figures together with the command that reproduces them
 * (also saved as bench/out/<name>.json, from which BENCHMARKS.md is written).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = path.join(BENCH_DIR, 'out');

export interface Machine {
  nproc: number;
  cpu: string;
  memory: string;
  node: string;
  date: string;
  /** 1/5/15-minute load averages when the figures were taken: above nproc, other work shared the CPUs. */
  loadavg: number[];
}

export function machine(): Machine {
  let memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`;
  try {
    memory = execSync('free -h', { encoding: 'utf8' }).split('\n')[1].replace(/\s+/g, ' ').trim();
  } catch {
    // free(1) missing: keep os.totalmem()
  }
  return { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', memory, node: process.version, date: new Date().toISOString(), loadavg: os.loadavg().map((l) => round(l)) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Run `fn` once per input, timing each call (ms). */
export async function latencies<T>(inputs: readonly T[], fn: (x: T) => unknown): Promise<Latency> {
  return summarize((await measure(inputs, fn)).wall);
}

/**
 * Wall time and CPU time (user + system, this process) of each call, in ms. On a shared
 * machine, waits for a core inflate the wall-time tail; the CPU time does not.
 */
export async function measure<T>(inputs: readonly T[], fn: (x: T) => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const x of inputs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(x);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** Percentiles of a list of times (not modified). */
export function summarize(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** The command line that ran this script, for the reader to paste. */
export function reproduceCommand(): string {
  const script = path.relative(process.cwd(), process.argv[1]);
  return ['node bin/run-ts.js', script, ...process.argv.slice(2)].join(' ');
}

/** Print figures and the command that reproduces them; save them to bench/out/<name>.json. */
export function report(name: string, figures: Record<string, unknown>, notes: string[] = []): void {
  const command = reproduceCommand();
  const record = { name, command, machine: machine(), figures, notes };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\n== ${name} ==`);
  console.log(JSON.stringify(figures, null, 2));
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`reproduce: ${command}`);
}

/** Parse "--key value" flags into numbers/strings with defaults. */
export function flags<T extends Record<string, string | number>>(defaults: T): T {
  const out: Record<string, string | number> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)$/.exec(argv[i]);
    if (!m || !(m[1] in defaults)) throw new Error(`unknown argument ${argv[i]}; options: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    const v = argv[++i];
    out[m[1]] = typeof defaults[m[1]] === 'number' ? Number(v) : v;
  }
  return out as T;
}
