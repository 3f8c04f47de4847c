/**
 * Plots of the figures in bench/out/*.json against N: ingest time and query
 * latency (p95), written to bench/plots/*.png. Draws a small SVG line chart (log-scaled N) and renders it to
 * PNG with @resvg/resvg-js (its binary ships inside the npm package; no network).
 *
 *   node bin/run-ts.js bench/plot.ts
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { BENCH_DIR, OUT_DIR } from './lib.ts';

/** Tracked (bench/out is not): BENCHMARKS.md shows these. */
const PLOT_DIR = path.join(BENCH_DIR, 'plots');

export interface Series {
  label: string;
  points: [number, number][];
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A line chart: x on a log10 scale, y linear from 0. */
export function lineChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const W = 720;
  const H = 420;
  const m = { l: 70, r: 200, t: 40, b: 50 };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const y1 = Math.max(...ys) * 1.1 || 1;
  const px = (x: number) => m.l + (x1 === x0 ? 0.5 : (Math.log10(x) - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - (y / y1) * (H - m.t - m.b);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - m.r / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="black"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="black"/>`,
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 12}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text x="16" y="${(m.t + H - m.b) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(m.t + H - m.b) / 2})">${esc(yLabel)}</text>`,
  ];
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(`<text x="${px(x)}" y="${H - m.b + 16}" text-anchor="middle">${x.toLocaleString('en')}</text>`);
  }
  for (let i = 0; i <= 4; i++) {
    const y = (y1 * i) / 4;
    parts.push(`<line x1="${m.l}" y1="${py(y)}" x2="${W - m.r}" y2="${py(y)}" stroke="#ddd"/>`, `<text x="${m.l - 6}" y="${py(y) + 4}" text-anchor="end">${Number(y.toPrecision(3))}</text>`);
  }
  series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length];
    const pts = [...s.points].sort((a, b) => a[0] - b[0]);
    parts.push(`<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}"/>`);
    for (const [x, y] of pts) parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3.5" fill="${c}"/>`);
    parts.push(`<rect x="${W - m.r + 14}" y="${m.t + i * 20}" width="12" height="12" fill="${c}"/>`, `<text x="${W - m.r + 32}" y="${m.t + i * 20 + 10}">${esc(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function writePng(file: string, svg: string): void {
  writeFileSync(file, new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng());
}

interface Saved {
  name: string;
  figures: Record<string, unknown> & { documents?: number; seconds?: number; latencyMs?: Record<string, { p95: number }> };
}

function saved(pattern: RegExp): { n: number; figures: Saved['figures'] }[] {
  return readdirSync(OUT_DIR)
    .filter((f) => pattern.test(f))
    .map((f) => ({ n: Number(pattern.exec(f)![1]), figures: (JSON.parse(readFileSync(path.join(OUT_DIR, f), 'utf8')) as Saved).figures }));
}

function main(): void {
  const ingest = saved(/^ingest-(\d+)\.json$/);
  mkdirSync(PLOT_DIR, { recursive: true });
  const written: string[] = [];
  if (ingest.length) {
    // stage times are the main thread's: a stage run by another thread (extraction workers, the search writer) reads 0 and is left out
    const stages = (['extract', 'graphWrite', 'searchUpsert'] as const)
      .map((k) => ({ label: `${k} (main thread)`, points: ingest.map((r): [number, number] => [r.n, (r.figures.stageSeconds as Record<string, number>)[k]]) }))
      .filter((series) => series.points.some(([, v]) => v > 0));
    const svg = lineChart('Bulk ingest (extract + graph + FTS5)', 'plans (N)', 'seconds', [
      { label: 'total', points: ingest.map((r) => [r.n, r.figures.seconds as number]) },
      ...stages,
    ]);
    writePng(path.join(PLOT_DIR, 'ingest-time.png'), svg);
    written.push('ingest-time.png');
  }
  const queries = saved(/^queries-(\d+)\.json$/);
  if (queries.length) {
    const kinds = Object.keys(queries[0].figures.latencyMs ?? {});
    const svg = lineChart('Query latency p95', 'plans (N)', 'ms', kinds.map((k) => ({ label: k, points: queries.map((r): [number, number] => [r.n, r.figures.latencyMs![k].p95]) })));
    writePng(path.join(PLOT_DIR, 'query-latency.png'), svg);
    written.push('query-latency.png');
  }
  console.log(written.length ? `wrote ${written.map((w) => path.join('bench/plots', w)).join(', ')}` : 'no ingest-N.json / queries-N.json in bench/out yet');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
