/**
 * The SQLite store's in-memory traversals (graph/adjacency.ts) against the
 * recursive-CTE definition of implementers and legalBasis, on random graphs,
 * and their coherence with writes from this connection and from another one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdminLevel } from '../ingest/model.ts';
import { compareIds } from '../graph/adjacency.ts';
import type { DocumentNode, Edge, EdgeType } from '../graph/model.ts';
import { SqliteGraphStore, type SqliteGraphOptions } from '../graph/sqlite-store.ts';
import { runCli, ROOT } from './bad-input/run-cli.ts';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import type { ImplementerFilter, IngestBatch } from '../graph/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'cancu-adjacency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `g${files++}.db`);

async function open(file: string, options?: SqliteGraphOptions): Promise<SqliteGraphStore> {
  const s = new SqliteGraphStore(file, options);
  await s.init();
  return s;
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const PROVINCES = ['Tiền Giang', 'Đồng Tháp', 'An Giang', 'Hà Nội'];
const LEVELS: AdminLevel[] = ['tỉnh', 'huyện', 'xã'];
/** Ids in several scripts, so their order checks code-point (UTF-8) order: "Đ" (U+0110), "ấ" (U+1EA5), an astral "𝔸", U+FF21 "Ａ". */
const SUFFIXES = ['', '@Đồng', '@ấp', '@𝔸', '@Ａ', '@z', '@?'];

const node = (id: string, extra: Partial<DocumentNode> = {}): DocumentNode => ({
  id, kind: null, symbol: null, name: null, title: null, date: null, year: null, issuer: null, subject: null, level: null,
  province: null, ingested: false, file: null, contentHash: null, ...extra,
});

interface Graph {
  ids: string[];
  centrals: string[];
  batch(i: number, variant?: number): IngestBatch;
}

/** A random plan graph: plans implement earlier plans or central documents (cycles possible), are based on laws, cite, and state relations. */
function randomGraph(seed: number, plans: number): Graph {
  const r = rng(seed);
  // ids with '?': ct:6@? is a placeholder (never ingested); an ingested plan's id may hold '?' too, and is not one
  const centrals = Array.from({ length: 7 }, (_, i) => `ct:${i}${SUFFIXES[i % SUFFIXES.length]}`);
  const placeholders = Array.from({ length: 4 }, (_, i) => `kh:?/${i}`);
  const laws = ['luat:a', 'luat:Đất đai', 'luat:𝔸'];
  const ids = Array.from({ length: plans }, (_, i) => `kh:${r.int(1000)}/${i}${r.pick(SUFFIXES)}`);
  const meta = ids.map(() => ({ province: r.next() < 0.1 ? null : r.pick(PROVINCES), level: r.next() < 0.1 ? null : r.pick(LEVELS), year: r.next() < 0.1 ? null : 2018 + r.int(4) }));
  const batch = (i: number, variant = 0): IngestBatch => {
    const v = rng(seed * 7919 + i * 31 + variant * 100_003);
    const id = ids[i];
    const edges: Edge[] = [];
    const cited = new Map<string, DocumentNode>();
    let at = 0;
    const link = (from: string, to: string, type: EdgeType, stated = false) => {
      if (from === id && to === id) return;
      if (edges.some((e) => e.from === from && e.to === to && e.type === type)) return;
      for (const x of [from, to]) if (x !== id && !cited.has(x)) cited.set(x, node(x));
      const start = (at += 10);
      edges.push({ from, to, type, stated, evidence: [{ source: id, quote: `câu ${start} của ${id}`, start, end: start + 5, section: 'preamble' }] });
    };
    // Plans mostly implement a plan written before them (or, rarely, after: cycles), else a central document.
    const implement = () => (i > 0 && v.next() < 0.8 ? ids[v.next() < 0.9 ? v.int(i) : v.int(plans)] : v.pick(centrals));
    link(id, implement(), 'IMPLEMENTS');
    if (v.next() < 0.3) link(id, implement(), 'IMPLEMENTS');
    link(id, v.pick(laws), 'BASED_ON');
    if (v.next() < 0.5) link(id, v.pick(centrals), 'CITES');
    if (v.next() < 0.2) link(v.pick(centrals), v.pick(laws), v.pick(['GUIDES', 'ISSUES'] as const), true);
    if (v.next() < 0.05) link(v.pick(ids), v.pick(centrals), 'IMPLEMENTS', true);
    // a local plan cited with its place open, which texts say implements some plan or directive
    if (v.next() < 0.25) link(id, v.pick(placeholders), 'IMPLEMENTS');
    if (v.next() < 0.15) link(v.pick(placeholders), v.next() < 0.5 ? v.pick(centrals) : ids[v.int(plans)], 'IMPLEMENTS', true);
    return {
      document: node(id, { ...meta[i], kind: 'Kế hoạch', ingested: true, file: `${i}.txt`, contentHash: `${i}-${variant}`, text: `kế hoạch ${i}` }),
      cited: [...cited.values()],
      edges,
      unresolved: [],
    };
  };
  return { ids, centrals, batch };
}

/**
 * The recursive-CTE definition (the store's former queries, with the placeholder rule of
 * graph/model.ts: a walk goes on from the root and from nodes that are not placeholders),
 * read on a separate connection.
 */
function reference(file: string) {
  const db = new Database(file, { readonly: true });
  const through = (v: string) => `(${v}.depth = 0 OR NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = ${v}.id AND p.ingested = 0 AND instr(p.id, '?') > 0))`;
  const walk = db.prepare(`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT @of, 0 UNION
      SELECT e.src, w.depth + 1 FROM walk w JOIN edges e ON e.dst = w.id AND e.type = 'IMPLEMENTS' WHERE w.depth < @maxDepth AND ${through('w')}
    ) SELECT w.id, min(w.depth) AS depth, d.province, d.year, d.level FROM walk w JOIN documents d ON d.id = w.id GROUP BY w.id`);
  const up = db.prepare(`
    WITH RECURSIVE up(id, depth) AS (
      SELECT @of, 0 UNION
      SELECT e.dst, u.depth + 1 FROM up u JOIN edges e ON e.src = u.id AND e.type <> 'CITES' WHERE u.depth < @maxDepth AND ${through('u')}
    ) SELECT id, min(depth) AS depth FROM up GROUP BY id`);
  const out = db.prepare(`SELECT src, dst, type FROM edges WHERE src = ? AND type <> 'CITES'`);
  const placeholder = db.prepare(`SELECT 1 FROM documents WHERE id = ? AND ingested = 0 AND instr(id, '?') > 0`).pluck();
  const isPlaceholder = (id: string) => placeholder.get(id) !== undefined;
  return {
    implementers(of: string, maxDepth: number, f: ImplementerFilter = {}) {
      const rows = walk.all({ of, maxDepth }) as { id: string; depth: number; province: string | null; year: number | null; level: string | null }[];
      const depth = new Map(rows.map((x) => [x.id, x.depth]));
      depth.set(of, 0);
      const items = rows
        .filter((x) => x.id !== of && (f.province == null || x.province === f.province) && (f.year == null || x.year === f.year) && (f.level == null || x.level === f.level))
        .sort((a, b) => a.depth - b.depth || compareIds(a.id, b.id));
      return items.map((x) => {
        const path: string[] = [];
        for (let at = x.id, d = x.depth; d >= 1; d--) {
          const next = (out.all(at) as { dst: string; type: string }[])
            .filter((e) => e.type === 'IMPLEMENTS' && depth.get(e.dst) === d - 1 && (d === 1 || !isPlaceholder(e.dst)))
            .map((e) => e.dst)
            .sort(compareIds)[0];
          path.push(`${at}>${next}`);
          at = next;
        }
        return `${x.depth}:${x.id} ${path.join(' ')}`;
      });
    },
    legalBasis(of: string, maxDepth: number) {
      const reach = new Map((up.all({ of, maxDepth }) as { id: string; depth: number }[]).map((x) => [x.id, x.depth]));
      const steps: { depth: number; from: string; type: string; to: string }[] = [];
      for (const [id, d] of reach) {
        if (d >= maxDepth || (d > 0 && isPlaceholder(id))) continue;
        for (const e of out.all(id) as { src: string; dst: string; type: string }[]) steps.push({ depth: d + 1, from: e.src, type: e.type, to: e.dst });
      }
      return steps
        .sort((a, b) => a.depth - b.depth || compareIds(a.from, b.from) || compareIds(a.type, b.type) || compareIds(a.to, b.to))
        .map((s) => `${s.depth} ${s.from} ${s.type} ${s.to}`);
    },
    close: () => db.close(),
  };
}

/** Every page of an implementers query, concatenated, in the reference's format. */
async function allPages(s: SqliteGraphStore, of: string, maxDepth: number, filter: ImplementerFilter, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await s.implementers(of, { transitive: true, maxDepth, filter, first, after });
    if (total < 0) total = page.totalCount;
    expect(page.totalCount).toBe(total);
    for (const it of page.items) {
      expect(it.path.every((e) => e.type === 'IMPLEMENTS' && e.evidence.length > 0)).toBe(true);
      seen.push(`${it.depth}:${it.document.id} ${it.path.map((e) => `${e.from}>${e.to}`).join(' ')}`);
    }
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  expect(seen.length).toBe(total);
  return seen;
}

async function expectSameAsReference(s: SqliteGraphStore, file: string, g: Graph, seed: number): Promise<void> {
  const ref = reference(file);
  const r = rng(seed);
  try {
    const targets = [...g.centrals, ...Array.from({ length: 8 }, () => r.pick(g.ids)), 'luat:a', 'nope'];
    for (const of of targets) {
      const maxDepth = 1 + r.int(6);
      const filter: ImplementerFilter = [{}, { province: r.pick(PROVINCES) }, { level: r.pick(LEVELS), year: 2019 }, { province: 'Nowhere' }][r.int(4)];
      const want = ref.implementers(of, maxDepth, filter);
      expect(await allPages(s, of, maxDepth, filter, 1 + r.int(7)), `implementers of ${of} depth ${maxDepth} ${JSON.stringify(filter)}`).toEqual(want);
      const one = await s.implementers(of, { transitive: true, maxDepth, filter, first: 1000 });
      expect(one.totalCount).toBe(want.length);
    }
    for (const of of [...Array.from({ length: 10 }, () => r.pick(g.ids)), g.centrals[0], 'nope']) {
      const maxDepth = 1 + r.int(8);
      const steps = await s.legalBasis(of, maxDepth);
      expect(steps.map((t) => `${t.depth} ${t.edge.from} ${t.edge.type} ${t.edge.to}`), `legalBasis of ${of}`).toEqual(ref.legalBasis(of, maxDepth));
      for (const t of steps) {
        expect(t.document.id).toBe(t.edge.to);
        expect(t.edge.evidence.length).toBeGreaterThan(0);
      }
    }
  } finally {
    ref.close();
  }
}

describe('SQLite traversals on the in-memory adjacency', () => {
  it('equal the recursive-CTE definition on random graphs (depth, id order, paths, filters, pages, cycles)', async () => {
    for (const seed of [1, 2, 3]) {
      const file = newFile();
      const g = randomGraph(seed, 300);
      const s = await open(file);
      await s.writeBatches(g.ids.map((_, i) => g.batch(i)));
      await expectSameAsReference(s, file, g, seed);
      // evidence of the path edges is the stored evidence
      const page = await s.implementers(g.centrals[0], { transitive: true, first: 20 });
      for (const it of page.items) expect(await s.outgoing([it.path[0].from], ['IMPLEMENTS'])).toContainEqual(it.path[0]);
      await s.close();
    }
  });

  it('stays coherent with this connection\'s writes, new documents and changed files', async () => {
    const file = newFile();
    const g = randomGraph(4, 240);
    const s = await open(file);
    await s.writeBatches(g.ids.slice(0, 120).map((_, i) => g.batch(i)));
    await expectSameAsReference(s, file, g, 4);
    await s.writeBatches(g.ids.slice(120).map((_, k) => g.batch(120 + k))); // new nodes
    for (let i = 0; i < 240; i += 7) await s.writeBatch(g.batch(i, 1)); // changed files replace their edges
    await expectSameAsReference(s, file, g, 5);
    expect(s.adjacencyStats()).toMatchObject({ builds: 1 });
    expect(s.adjacencyStats()!.overlay).toBeGreaterThan(0);
    await s.close();
  });

  it('follows commits of another connection (data_version), and rebuilds when the log moved past it', async () => {
    const file = newFile();
    const g = randomGraph(6, 200);
    const writer = await open(file, { logKeep: 50 });
    const reader = await open(file);
    await writer.writeBatches(g.ids.slice(0, 100).map((_, i) => g.batch(i)));
    await expectSameAsReference(reader, file, g, 6);
    expect(reader.adjacencyStats()).toMatchObject({ builds: 1 });

    for (let i = 100; i < 130; i++) await writer.writeBatch(g.batch(i)); // 30 log rows: applied as deltas
    for (let i = 0; i < 30; i += 3) await writer.writeBatch(g.batch(i, 2));
    await expectSameAsReference(reader, file, g, 7);
    expect(reader.adjacencyStats()).toMatchObject({ builds: 1 });

    await writer.writeBatches(g.ids.slice(130).map((_, k) => g.batch(130 + k))); // 70 rows, only 50 kept: rebuild
    await expectSameAsReference(reader, file, g, 8);
    expect(reader.adjacencyStats()).toMatchObject({ builds: 2 });
    await writer.close();
    await reader.close();
  });

  it('follows a `cancu ingest` running in another process', async () => {
    const data = join(dir, 'cli-data');
    const [early, late] = [join(dir, 'cli-early'), join(dir, 'cli-late')];
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).sort();
    for (const [folder, files] of [[early, samples.slice(0, 2)], [late, samples.slice(2)]] as const) {
      mkdirSync(folder, { recursive: true });
      for (const f of files) copyFileSync(join(ROOT, 'samples', f), join(folder, f));
    }
    const ingest = async (folder: string) => expect((await runCli(['ingest', '--data', data, folder], { timeoutMs: 60_000 })).code).toBe(0);
    await ingest(early);
    const file = join(data, 'cancu.db');
    const reader = await open(file);
    const snapshot = async (s: SqliteGraphStore) => {
      const out: string[] = [];
      for (const id of ['33/CT-TTg@2021', '16/CT-TTg@2016', '217-QĐ/TW@2013']) {
        const page = await s.implementers(id, { transitive: true, first: 100 });
        out.push(`${id}: ${page.items.map((i) => `${i.depth}:${i.document.id} ${i.path.map((e) => `${e.from}>${e.to}(${e.evidence.length})`).join(' ')}`).join(' | ')}`);
      }
      const plans = (await s.stats()).ingested;
      return { out, plans };
    };
    const before = await snapshot(reader);
    expect(reader.adjacencyStats()).toMatchObject({ builds: 1 });
    await ingest(late); // another process commits while the reader holds its adjacency
    const after = await snapshot(reader);
    const fresh = await open(file); // builds from the tables
    expect(after).toEqual(await snapshot(fresh));
    expect(after.plans).toBe(samples.length);
    expect(after.out).not.toEqual(before.out);
    expect(reader.adjacencyStats()).toMatchObject({ builds: 1 }); // applied as deltas
    await fresh.close();
    await reader.close();
  }, 120_000);

  it('rebuilds when the delta overlay grows past its bound, and pages stay stable across a write', async () => {
    const file = newFile();
    const g = randomGraph(9, 200);
    const s = await open(file, { maxOverlay: 30 });
    await s.writeBatches(g.ids.slice(0, 100).map((_, i) => g.batch(i)));
    const pages = await Promise.all(g.centrals.map((c) => s.implementers(c, { transitive: true, first: 5 })));
    const popular = g.centrals[pages.findIndex((p) => p.totalCount === Math.max(...pages.map((q) => q.totalCount)))];
    const first = pages[g.centrals.indexOf(popular)];
    expect(first.hasNextPage).toBe(true);
    for (let i = 100; i < 200; i++) await s.writeBatch(g.batch(i));
    await expectSameAsReference(s, file, g, 10);
    expect(s.adjacencyStats()!.builds).toBeGreaterThan(1);
    // a cursor from before the writes still points after the same (depth, id)
    const next = await s.implementers(popular, { transitive: true, first: 5, after: first.endCursor });
    const all = await s.implementers(popular, { transitive: true, first: 1000 });
    const lastBefore = first.items[first.items.length - 1];
    const at = all.items.findIndex((it) => it.depth > lastBefore.depth || (it.depth === lastBefore.depth && compareIds(it.document.id, lastBefore.document.id) > 0));
    expect(at).toBeGreaterThan(0);
    expect(next.items.map((it) => it.document.id)).toEqual(all.items.slice(at, at + 5).map((it) => it.document.id));
    await s.close();
  });

  it('orders ids by code point like SQLite (astral characters after U+FFxx)', () => {
    const ids = ['a', 'a@Ａ', 'a@𝔸', 'a@Đ', 'a@z', 'b'];
    const db = new Database(':memory:');
    const sqlite = db.prepare(`SELECT value FROM json_each(?) ORDER BY value`).pluck().all(JSON.stringify(ids));
    db.close();
    expect([...ids].sort(compareIds)).toEqual(sqlite);
  });
});

describe('Adjacency (unit)', () => {
  it('builds from rows in any order and walks both directions', async () => {
    const { Adjacency, IMPLEMENTS_MASK, BASIS_MASK, DERIVATION_TYPES } = await import('../graph/adjacency.ts');
    const code = (t: EdgeType) => DERIVATION_TYPES.indexOf(t);
    const a = new Adjacency(
      [['c', 2020, 'xã', 'P', 1, 'Ủy ban nhân dân xã Tân Hòa'], ['a', null, null, null, 0, null], ['b', 2019, 'huyện', 'P', 1, 'UBND huyện X'], ['d', 2020, 'xã', 'Q', 1, 'Đảng ủy xã Tân Hoà']],
      [['b', 'a', code('IMPLEMENTS')], ['c', 'b', code('IMPLEMENTS')], ['d', 'b', code('IMPLEMENTS')], ['c', 'a', code('BASED_ON')], ['x', 'a', code('IMPLEMENTS')]],
    );
    expect([a.node('a'), a.node('b'), a.node('c'), a.node('d'), a.node('x')]).toEqual([0, 1, 2, 3, -1]);
    const reach = a.reach(a.node('a'), 'in', IMPLEMENTS_MASK, 5);
    expect(a.page(reach, undefined, 10, null).items.map((i) => `${i.depth}:${a.idOf(i.node)}`)).toEqual(['1:b', '2:c', '2:d']);
    expect(a.page(reach, { province: 'Q' }, 10, null).totalCount).toBe(1);
    // the issuer filter: words in a row, any case, tone marks or placement, abbreviations written in full
    const byIssuer = (issuer: string) => a.page(reach, { issuer }, 10, null).items.map((i) => a.idOf(i.node));
    expect(byIssuer('tân hòa')).toEqual(['c', 'd']);
    expect(byIssuer('ubnd xa')).toEqual(['c']);
    expect(byIssuer('Ủy ban nhân dân')).toEqual(['b', 'c']);
    expect(byIssuer('Tân')).toEqual(['c', 'd']);
    expect(byIssuer('Tâ')).toEqual([]);
    expect(a.page(reach, { issuer: 'huyện', province: 'P' }, 10, null).totalCount).toBe(1);
    a.setMeta(a.node('d'), { id: 'd', year: 2020, level: 'xã', province: 'Q', ingested: 1, issuer: 'Ủy ban nhân dân xã Tân Hòa' });
    expect(byIssuer('ubnd xa')).toEqual(['c', 'd']);
    expect(a.page(reach, undefined, 1, { depth: 2, id: 'c' }).items.map((i) => a.idOf(i.node))).toEqual(['d']);
    expect(a.trace(a.node('c'), BASIS_MASK, 5).map((s) => `${s.depth} ${a.idOf(s.from)} ${s.type} ${a.idOf(s.to)}`)).toEqual([
      '1 c BASED_ON a', '1 c IMPLEMENTS b', '2 b IMPLEMENTS a',
    ]);
  });
});
