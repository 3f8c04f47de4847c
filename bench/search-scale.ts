/**
 * SQLite FTS5 search at scale: builds an index of N documents (default 1 000 000)
 * in a temporary file — the ~400 real gazette texts as ingested documents, the
 * rest cited-only documents whose subjects are word windows cut from those texts —
 * then prints build time, database size and search latency p50/p95 per query.
 *
 *   npx tsx bench/search-scale.ts [N]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminLevel } from '../ingest/model.ts';
import type { SearchDoc } from '../src/search/search-index.ts';
import { SqliteSearchIndex } from '../src/search/sqlite-fts.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const CORPUS = '/work/shared/data/corpora/phapluat-8chude-data/docs';
const KINDS = ['Quyết định', 'Chỉ thị', 'Nghị quyết', 'Kế hoạch', 'Thông tư', 'Công văn', 'Nghị định', 'Luật', 'Quy định'];
const SIGNS = ['QĐ-UBND', 'CT-TTg', 'NQ-CP', 'KH-UBND', 'TT-BTC', 'QĐ/TW', 'NĐ-CP', 'CV-UBND', 'NQ/TW'];
const PROVINCES = ['Hà Nội', 'Đà Nẵng', 'Trà Vinh', 'Tây Ninh', 'Bình Định', 'Huế', 'Cần Thơ', 'Hải Phòng', 'Nghệ An', 'Lâm Đồng'];
const LEVELS: AdminLevel[] = ['trung ương', 'tỉnh', 'huyện', 'xã'];
const QUERIES = [
  'chi thi 33 dan van',
  '33/CT-TTg',
  '217 QD TW',
  'kế hoạch',
  'cong tac',
  'phòng chống tham nhũng',
  'bảo hiểm xã hội',
  'uỷ ban nhân dân tỉnh',
  'thuế thu nhập cá nhân',
  'quyet dinh 1234',
];

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

function realTexts(): { file: string; text: string }[] {
  return readdirSync(CORPUS).flatMap((dir) =>
    readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(CORPUS, dir, f), 'utf8') })),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const dir = mkdtempSync(join(tmpdir(), 'cancu-search-bench-'));
const path = join(dir, 'search.db');
const ix = new SqliteSearchIndex(path);
await ix.init();

const texts = realTexts();
const words = texts.flatMap((t) => t.text.split(/\s+/).slice(0, 3000)).filter((w) => w.length > 0);
const meta = (i: number) => ({
  province: i % 7 === 0 ? null : PROVINCES[rand(PROVINCES.length)],
  year: 1990 + rand(36),
  level: LEVELS[rand(LEVELS.length)],
});

const t0 = performance.now();
await ix.upsert(texts.map((t, i): SearchDoc => ({
  id: `ingested:${t.file}`, kind: 'Kế hoạch', symbol: `${i + 1}/KH-UBND`, name: null, title: t.text.slice(0, 120),
  issuer: null, subject: null, text: t.text, ingested: true, ...meta(i),
})));
const BATCH = 10_000;
for (let start = texts.length; start < N; start += BATCH) {
  const batch: SearchDoc[] = [];
  for (let i = start; i < Math.min(N, start + BATCH); i++) {
    const k = rand(KINDS.length);
    const w = rand(words.length - 14);
    batch.push({
      id: `cited:${i}`, kind: KINDS[k], symbol: `${1 + rand(5000)}/${SIGNS[k]}`, name: null, title: null,
      issuer: 'Ủy ban nhân dân tỉnh', subject: words.slice(w, w + 8 + rand(6)).join(' '),
      text: null, ingested: false, ...meta(i),
    });
  }
  await ix.upsert(batch);
}
const buildS = (performance.now() - t0) / 1000;
console.log(`built ${N} documents (${texts.length} real texts) in ${buildS.toFixed(1)} s; db ${(statSync(path).size / 2 ** 20).toFixed(0)} MB`);

const RUNS = 30;
const all: number[] = [];
for (const filter of [{}, { province: 'Trà Vinh', year: 2022 }]) {
  for (const q of QUERIES) {
    const times: number[] = [];
    let total = 0;
    let exact = true;
    for (let r = 0; r < RUNS; r++) {
      const s = performance.now();
      const res = await ix.search(q, { filter, limit: 20, offset: 0 });
      times.push(performance.now() - s);
      total = res.totalCount;
      exact = res.totalCountExact !== false;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const f = Object.keys(filter).length ? ' [province+year]' : '';
    console.log(`${(q + f).padEnd(48)} total ${String(total).padStart(6)}${exact ? ' ' : '+'}  p50 ${percentile(times, 0.5).toFixed(1)} ms  p95 ${percentile(times, 0.95).toFixed(1)} ms`);
  }
}
all.sort((a, b) => a - b);
console.log(`all queries: p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
await ix.close();
rmSync(dir, { recursive: true });
