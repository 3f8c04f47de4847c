/**
 * In-memory adjacency of the derivation edges (every edge type but CITES), in
 * both directions, for the traversals of the embedded store (implementers,
 * legalBasis). Pure: the SQLite store feeds it rows and applies its deltas.
 *
 * Layout (no per-edge or per-node JS objects, so 1M nodes / millions of edges fit
 * in tens of MB):
 * - nodes are integers. The `base` nodes are the documents at build time, numbered
 *   in id order (UTF-8 byte order, the order of SQLite's BINARY collation); their
 *   ids are kept as one UTF-8 buffer with offsets, found by binary search.
 *   Nodes added later (deltas) are numbered after them and kept in a Map.
 * - per node: year, level, province and issuer codes (typed arrays), for the implementer filter,
 *   and whether it is a placeholder (graph/model.ts), which the walks do not go through;
 * - edges: compressed sparse rows (offsets + targets + type codes), out and in;
 *   nodes whose edges changed since the build keep their whole list in an overlay
 *   (packed as node * 8 + type), which the store folds back by rebuilding when it grows.
 *
 * Order of results: nodes compare by id (code-point order). Base nodes compare by
 * number; a node added later sorts between the base nodes around its id.
 */
import { isPlaceholder, type EdgeType } from './model.ts';
import { compareIds, foldIssuer, holdsIssuerWords } from './traversal.ts';

export { compareIds };

/** Edge types held in memory: every derivation type (the upward types of legalBasis), not CITES. */
export const DERIVATION_TYPES: readonly EdgeType[] = ['IMPLEMENTS', 'BASED_ON', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS'];
const TYPE_CODE = new Map<string, number>(DERIVATION_TYPES.map((t, i) => [t, i]));
/** Type mask of the implementers walk, and of the legal-basis walk. */
export const IMPLEMENTS_MASK = 1 << TYPE_CODE.get('IMPLEMENTS')!;
export const BASIS_MASK = (1 << DERIVATION_TYPES.length) - 1;

export interface NodeRow {
  id: string;
  year: number | null;
  level: string | null;
  province: string | null;
  /** SQLite's 0/1 or a boolean */
  ingested: number | boolean;
  issuer: string | null;
}

/** A document as the build reads it: [id, year, level, province, ingested, issuer]. */
export type NodeTuple = readonly [string, number | null, string | null, string | null, number | boolean, string | null];
/** A derivation edge as the build reads it: [src, dst, index of its type in DERIVATION_TYPES]. */
export type EdgeTuple = readonly [string, string, number];

export interface AdjacencyFilter {
  province?: string | null;
  year?: number | null;
  level?: string | null;
  /** Words of the issuer's name (see issuerMatcher in traversal.ts). */
  issuer?: string | null;
}

/** A filter as a cache key. */
const filterKey = (f: AdjacencyFilter | undefined) => JSON.stringify([f?.province ?? null, f?.year ?? null, f?.level ?? null, f?.issuer ?? null]);
const hasFilter = (f: AdjacencyFilter | undefined): f is AdjacencyFilter =>
  f !== undefined && (f.province != null || f.year != null || f.level != null || f.issuer != null);

/**
 * The nodes reached from a root, by shortest distance: level k is order[levelStart[k] .. levelStart[k+1]),
 * sorted by id once a page or a path needs it (`sorted[k]`).
 */
export interface Reach {
  root: number;
  order: Int32Array;
  /** levelStart[0] = 0 holds the root (level 0); length maxDepth + 2. */
  levelStart: Int32Array;
  sorted: Uint8Array;
  /** Whether the reach holds nodes added after the build (sorted by key, then id). */
  extra: boolean;
  /** Match counts per filter (cache). */
  counts: Map<string, number>;
  /** Per-province counts per filter (cache, made on first use). */
  provinceCounts?: Map<string, Map<string, number>>;
}

export interface PageOfReach {
  items: { node: number; depth: number }[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface Step {
  depth: number;
  from: number;
  type: EdgeType;
  to: number;
}

/** Interned strings (provinces, levels): code 0 is null. */
class Codes {
  private readonly byValue = new Map<string, number>();
  /** value of code c at c - 1 */
  private readonly values: string[] = [];
  get(v: string | null): number {
    if (v === null) return 0;
    let c = this.byValue.get(v);
    if (c === undefined) {
      this.byValue.set(v, (c = this.byValue.size + 1));
      this.values.push(v);
    }
    return c;
  }
  /** The value of a code (null for 0). */
  value(c: number): string | null {
    return c === 0 ? null : this.values[c - 1];
  }
  /** How many values have a code. */
  get size(): number {
    return this.values.length;
  }
  /** Code of a filter value: -1 when no node has it. */
  find(v: string): number {
    return this.byValue.get(v) ?? -1;
  }
}

const grow = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, size: number): T => {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
};

/** Default bound of the reach cache, in node numbers held (16 MB). */
export const REACH_CACHE_INTS = 4_000_000;

export class Adjacency {
  /** Number of base nodes (numbered in id order). */
  readonly baseCount: number;
  private readonly idBytes: Buffer;
  private readonly idOffsets: Int32Array;
  /** Open-addressing hash index of the base ids: slot → node + 1 (0: empty), with each node's id hash. */
  private readonly slots: Int32Array;
  private readonly idHash: Int32Array;
  private readonly extraIds: string[] = [];
  private readonly extraIndex = new Map<string, number>();
  /** Sort key of the extra nodes: 2 × (number of base ids below it). Base node i has key 2i + 1. */
  private readonly extraKey: number[] = [];

  private year: Int32Array;
  private level: Uint16Array;
  private province: Int32Array;
  /** Issuer as written, interned: a filter compares each distinct issuer once, not each node. */
  private issuer: Int32Array;
  /** 1: a placeholder (graph/model.ts): reached, never walked through. */
  private placeholder: Uint8Array;
  private readonly levels = new Codes();
  private readonly provinces = new Codes();
  private readonly issuers = new Codes();
  /** Per issuer filter: whether each issuer code passes it (computed up to the codes known then). */
  private readonly issuerPasses = new Map<string, Uint8Array>();
  /** Each issuer code's name folded (foldIssuer), made on the first issuer filter: a new filter then costs a substring test per issuer. */
  private readonly issuerFolded: string[] = [];

  private readonly outOff: Int32Array;
  private readonly outDst: Int32Array;
  private readonly outType: Uint8Array;
  private readonly inOff: Int32Array;
  private readonly inSrc: Int32Array;
  private readonly inType: Uint8Array;
  /** End of each node's incoming IMPLEMENTS edges (they come first in its row). */
  private readonly inImplEnd: Int32Array;
  /** Replaced edge lists (node * 8 + type code) of nodes whose edges changed since the build. */
  private readonly outOver = new Map<number, number[]>();
  private readonly inOver = new Map<number, number[]>();

  /** Scratch bitset of the nodes reached by the current walk (all zero between walks). */
  private seen: Int32Array;
  /** Scratch list of a walk (every node at most once). */
  private scratch: Int32Array;
  private readonly cache = new Map<string, Reach>();
  private cachedInts = 0;

  /**
   * `nodes`: every document, in id order (ORDER BY id); `edges`: every derivation
   * edge (type codes outside DERIVATION_TYPES and unknown ends are skipped). `cacheInts`:
   * bound of the cache of recent reaches (0: none), cleared by every change.
   * Rows are tuples (better-sqlite3 raw rows): no object per row.
   */
  constructor(nodes: Iterable<NodeTuple>, edges: Iterable<EdgeTuple>, private readonly cacheInts = REACH_CACHE_INTS) {
    const ids: string[] = [];
    let year = new Int32Array(1024);
    let level = new Uint16Array(1024);
    let province = new Int32Array(1024);
    let issuer = new Int32Array(1024);
    let placeholder = new Uint8Array(1024);
    let bytes = 0;
    let sorted = true;
    for (const [id, y, l, p, ingested, iss] of nodes) {
      const i = ids.length;
      if (i > 0 && sorted && compareIds(ids[i - 1], id) >= 0) sorted = false;
      ids.push(id);
      bytes += Buffer.byteLength(id);
      if (i === year.length) {
        year = grow(year, i + 1);
        level = grow(level, i + 1);
        province = grow(province, i + 1);
        issuer = grow(issuer, i + 1);
        placeholder = grow(placeholder, i + 1);
      }
      year[i] = y ?? 0;
      level[i] = this.levels.get(l);
      province[i] = this.provinces.get(p);
      issuer[i] = this.issuers.get(iss ?? null);
      placeholder[i] = isPlaceholder(id, Boolean(ingested)) ? 1 : 0;
    }
    const n = ids.length;
    let perm: number[] | null = null;
    if (!sorted) {
      // Not in code-point order (the caller's collation differs): sort here, drop duplicates.
      perm = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a], ids[b]));
      perm = perm.filter((p, k) => k === 0 || ids[perm![k - 1]] !== ids[p]);
    }
    const count = perm ? perm.length : n;
    if (count >= 2 ** 27) throw new RangeError(`adjacency: ${count} nodes is more than edge packing (node * 8 + type) allows`);
    this.baseCount = count;
    this.idBytes = Buffer.allocUnsafe(bytes);
    this.idOffsets = new Int32Array(count + 1);
    this.year = new Int32Array(count + 1024);
    this.level = new Uint16Array(count + 1024);
    this.province = new Int32Array(count + 1024);
    this.issuer = new Int32Array(count + 1024);
    this.placeholder = new Uint8Array(count + 1024);
    const sortedIds = perm ? perm.map((p) => ids[p]) : ids;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.idHash = new Int32Array(count);
    let at = 0;
    for (let k = 0; k < count; k++) {
      const src = perm ? perm[k] : k;
      this.idOffsets[k] = at;
      at += this.idBytes.write(sortedIds[k], at, 'utf8');
      const h = hashId(sortedIds[k]);
      this.idHash[k] = h;
      let slot = h & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = k + 1;
      this.year[k] = year[src];
      this.level[k] = level[src];
      this.province[k] = province[src];
      this.issuer[k] = issuer[src];
      this.placeholder[k] = placeholder[src];
    }
    this.idOffsets[count] = at;
    // While building, ids are checked against the JS strings (no decoding, no Map of a million strings).
    const index = (id: string): number => {
      const h = hashId(id);
      for (let slot = h & (size - 1); this.slots[slot] !== 0; slot = (slot + 1) & (size - 1)) {
        const k = this.slots[slot] - 1;
        if (this.idHash[k] === h && sortedIds[k] === id) return k;
      }
      return -1;
    };

    let src = new Int32Array(1024);
    let dst = new Int32Array(1024);
    let types = new Uint16Array(1024);
    let e = 0;
    let lastSrc = '';
    let s = -1;
    for (const [from, to, t] of edges) {
      if (!(t >= 0 && t < DERIVATION_TYPES.length)) continue;
      if (from !== lastSrc) {
        lastSrc = from;
        s = index(from);
      }
      const d = index(to);
      if (s < 0 || d < 0) continue;
      if (e === src.length) {
        src = grow(src, e + 1);
        dst = grow(dst, e + 1);
        types = grow(types, e + 1);
      }
      src[e] = s;
      dst[e] = d;
      types[e++] = t;
    }
    [this.outOff, this.outDst, this.outType] = csr(count, e, src, dst, types);
    [this.inOff, this.inSrc, this.inType, this.inImplEnd] = csr(count, e, dst, src, types);
    this.seen = new Int32Array(((count + 1024) >>> 5) + 1);
    this.scratch = new Int32Array(count + 1024);
  }

  get nodeCount(): number {
    return this.baseCount + this.extraIds.length;
  }

  get edgeCount(): number {
    return this.outDst.length;
  }

  /** Entries in the delta overlay (the store rebuilds when it grows large). */
  get overlaySize(): number {
    return this.outOver.size + this.inOver.size + this.extraIds.length;
  }

  /** Bytes held in typed arrays and the id buffer (the overlay and caches not counted). */
  get bytes(): number {
    const arrays = [
      this.idOffsets, this.slots, this.idHash, this.year, this.level, this.province, this.issuer, this.placeholder,
      this.outOff, this.outDst, this.outType, this.inOff, this.inSrc, this.inType, this.inImplEnd, this.seen, this.scratch,
    ];
    return this.idBytes.length + arrays.reduce((s, a) => s + a.byteLength, 0);
  }

  // ---- nodes ----

  private baseIndex(id: string): { at: number; found: boolean } {
    const q = Buffer.from(id, 'utf8');
    let lo = 0;
    let hi = this.baseCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.idBytes.compare(q, 0, q.length, this.idOffsets[mid], this.idOffsets[mid + 1]);
      if (c === 0) return { at: mid, found: true };
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return { at: lo, found: false };
  }

  /** Node number of a document id, or -1. */
  node(id: string): number {
    const h = hashId(id);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const n = this.slots[slot] - 1;
      if (this.idHash[n] === h && this.idOf(n) === id) return n;
    }
    return this.extraIndex.get(id) ?? -1;
  }

  idOf(n: number): string {
    return n < this.baseCount ? this.idBytes.toString('utf8', this.idOffsets[n], this.idOffsets[n + 1]) : this.extraIds[n - this.baseCount];
  }

  /** Order of two nodes by id. */
  compareNodes(a: number, b: number): number {
    if (a === b) return 0;
    const base = this.baseCount;
    if (a < base && b < base) return a - b;
    const ka = a < base ? 2 * a + 1 : this.extraKey[a - base];
    const kb = b < base ? 2 * b + 1 : this.extraKey[b - base];
    return ka !== kb ? ka - kb : compareIds(this.idOf(a), this.idOf(b));
  }

  /** Sort node numbers by id, in place. `extra`: some may be nodes added after the build. */
  private sortNodes(nodes: Int32Array, extra: boolean): void {
    if (!extra) {
      nodes.sort(); // base nodes are numbered in id order
      return;
    }
    // Sort by (key, node) packed in one float, then order nodes sharing a key (added nodes between the same two base ids) by id.
    const SHIFT = 2 ** 28;
    const base = this.baseCount;
    const keys = new Float64Array(nodes.length);
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      keys[k] = (n < base ? 2 * n + 1 : this.extraKey[n - base]) * SHIFT + n;
    }
    keys.sort();
    for (let k = 0; k < nodes.length; k++) nodes[k] = keys[k] % SHIFT;
    for (let k = 0; k < nodes.length; ) {
      let e = k + 1;
      while (e < nodes.length && Math.floor(keys[e] / SHIFT) === Math.floor(keys[k] / SHIFT)) e++;
      if (e - k > 1) nodes.subarray(k, e).sort((a, b) => this.compareNodes(a, b));
      k = e;
    }
  }

  /** Order of a node against any id string. */
  private compareNodeToId(n: number, id: string): number {
    return compareIds(this.idOf(n), id);
  }

  /** The node of `id`, created (without edges) if new. */
  ensure(id: string): number {
    const known = this.node(id);
    if (known >= 0) return known;
    const n = this.nodeCount;
    this.extraIds.push(id);
    this.extraIndex.set(id, n);
    this.extraKey.push(2 * this.baseIndex(id).at);
    const size = n + 1;
    this.year = grow(this.year, size);
    this.level = grow(this.level, size);
    this.province = grow(this.province, size);
    this.issuer = grow(this.issuer, size);
    this.placeholder = grow(this.placeholder, size);
    this.seen = grow(this.seen, (size >>> 5) + 1);
    this.scratch = grow(this.scratch, size);
    this.year[n] = 0;
    this.level[n] = 0;
    this.province[n] = 0;
    this.issuer[n] = 0;
    this.placeholder[n] = isPlaceholder(id, false) ? 1 : 0;
    // A new node has no edges yet: no cached reach changes until setOutgoing gives it some.
    return n;
  }

  setMeta(n: number, r: NodeRow): void {
    const y = r.year ?? 0;
    const l = this.levels.get(r.level);
    const p = this.provinces.get(r.province);
    const iss = this.issuers.get(r.issuer ?? null);
    const ph = isPlaceholder(r.id, Boolean(r.ingested)) ? 1 : 0;
    if (ph !== this.placeholder[n]) {
      // the walks change shape: no cached reach holds
      this.placeholder[n] = ph;
      this.cache.clear();
      this.cachedInts = 0;
    }
    if (this.year[n] === y && this.level[n] === l && this.province[n] === p && this.issuer[n] === iss) return;
    this.year[n] = y;
    this.level[n] = l;
    this.province[n] = p;
    this.issuer[n] = iss;
    for (const reach of this.cache.values()) {
      reach.counts.clear();
      reach.provinceCounts?.clear();
    }
  }

  // ---- edges ----

  /** Edges leaving `n`, packed (node * 8 + type), sorted. */
  private outPacked(n: number): number[] {
    const over = this.outOver.get(n);
    if (over) return over;
    const out: number[] = [];
    if (n < this.baseCount) for (let j = this.outOff[n]; j < this.outOff[n + 1]; j++) out.push(this.outDst[j] * 8 + this.outType[j]);
    return out.sort((a, b) => a - b);
  }

  /** The overlay list of edges entering `n`, copied from the rows on first change (then changed in place). */
  private inOverlay(n: number): number[] {
    let list = this.inOver.get(n);
    if (!list) {
      list = [];
      if (n < this.baseCount) for (let j = this.inOff[n]; j < this.inOff[n + 1]; j++) list.push(this.inSrc[j] * 8 + this.inType[j]);
      this.inOver.set(n, list);
    }
    return list;
  }

  /** Replace the derivation edges leaving `n` (the store read them after a change). */
  setOutgoing(n: number, edges: readonly { dst: number; type: string }[]): void {
    const next: number[] = [];
    for (const e of edges) {
      const t = TYPE_CODE.get(e.type);
      if (t !== undefined) next.push(e.dst * 8 + t);
    }
    next.sort((a, b) => a - b);
    let w = 0;
    for (let k = 0; k < next.length; k++) if (k === 0 || next[k] !== next[k - 1]) next[w++] = next[k];
    next.length = w;
    const prev = this.outPacked(n);
    if (prev.length === next.length && prev.every((p, k) => p === next[k])) return;
    const after = new Set(next);
    const before = new Set(prev);
    for (const p of prev) {
      if (after.has(p)) continue;
      const list = this.inOverlay(Math.floor(p / 8));
      const k = list.indexOf(n * 8 + (p % 8));
      if (k >= 0) list.splice(k, 1);
    }
    for (const p of next) if (!before.has(p)) this.inOverlay(Math.floor(p / 8)).push(n * 8 + (p % 8));
    this.outOver.set(n, next);
    this.cache.clear();
    this.cachedInts = 0;
  }

  /** Derivation edges leaving `n`, as [node, type code] pairs in a flat list. */
  private neighbours(n: number, dir: 'out' | 'in', mask: number, into: number[]): void {
    const over = (dir === 'out' ? this.outOver : this.inOver).get(n);
    if (over) {
      for (const p of over) if (mask & (1 << (p % 8))) into.push(Math.floor(p / 8), p % 8);
      return;
    }
    if (n >= this.baseCount) return;
    const off = dir === 'out' ? this.outOff : this.inOff;
    const to = dir === 'out' ? this.outDst : this.inSrc;
    const ty = dir === 'out' ? this.outType : this.inType;
    for (let j = off[n]; j < off[n + 1]; j++) if (mask & (1 << ty[j])) into.push(to[j], ty[j]);
  }

  // ---- walks ----

  /**
   * Breadth-first walk from `root` along `dir` edges of the `mask` types, at most
   * `maxDepth` steps: every node at its shortest distance, each level sorted by id.
   * A placeholder is reached but not walked through (unless it is the root).
   */
  reach(root: number, dir: 'out' | 'in', mask: number, maxDepth: number): Reach {
    const key = `${root}:${dir}:${mask}:${maxDepth}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    // Reached nodes: a bitset (1M nodes in 128 KB, cache-resident), cleared after the walk.
    const seen = this.seen;
    seen[root >>> 5] |= 1 << (root & 31);
    const order = this.scratch;
    order[0] = root;
    let size = 1;
    const levelStart = new Int32Array(maxDepth + 2);
    levelStart[1] = 1;
    const base = this.baseCount;
    const placeholder = this.placeholder;
    const overMap = dir === 'out' ? this.outOver : this.inOver;
    const overlay = overMap.size > 0;
    const off = dir === 'out' ? this.outOff : this.inOff;
    const to = dir === 'out' ? this.outDst : this.inSrc;
    const ty = dir === 'out' ? this.outType : this.inType;
    // Walking incoming IMPLEMENTS edges only (implementers): read the head of each row.
    const implOnly = dir === 'in' && mask === IMPLEMENTS_MASK;
    const ends = implOnly ? this.inImplEnd : null;
    let extra = false;
    for (let depth = 1; depth <= maxDepth; depth++) {
      const from = levelStart[depth - 1];
      const until = levelStart[depth];
      for (let i = from; i < until; i++) {
        const n = order[i];
        if (placeholder[n] && depth > 1) continue;
        const over = overlay ? overMap.get(n) : undefined;
        if (over !== undefined) {
          for (const p of over) {
            if (!(mask & (1 << (p & 7)))) continue;
            const m = (p - (p & 7)) / 8;
            if (seen[m >>> 5] & (1 << (m & 31))) continue;
            seen[m >>> 5] |= 1 << (m & 31);
            order[size++] = m;
            if (m >= base) extra = true;
          }
        } else if (n < base) {
          if (ends) {
            for (let j = off[n], end = ends[n]; j < end; j++) {
              const m = to[j];
              if (seen[m >>> 5] & (1 << (m & 31))) continue;
              seen[m >>> 5] |= 1 << (m & 31);
              order[size++] = m;
            }
          } else {
            for (let j = off[n]; j < off[n + 1]; j++) {
              if (!(mask & (1 << ty[j]))) continue;
              const m = to[j];
              if (seen[m >>> 5] & (1 << (m & 31))) continue;
              seen[m >>> 5] |= 1 << (m & 31);
              order[size++] = m;
            }
          }
        }
      }
      levelStart[depth + 1] = size;
      if (size === until) {
        for (let d = depth + 1; d <= maxDepth; d++) levelStart[d + 1] = size;
        break;
      }
    }
    for (let i = 0; i < size; i++) seen[order[i] >>> 5] = 0;
    const result: Reach = { root, order: order.slice(0, size), levelStart, sorted: new Uint8Array(maxDepth + 1), extra, counts: new Map() };
    result.sorted[0] = 1;
    if (size > this.cacheInts) return result;
    this.cache.set(key, result);
    this.cachedInts += size;
    for (const [k, v] of this.cache) {
      if (this.cachedInts <= this.cacheInts || v === result) break;
      this.cache.delete(k);
      this.cachedInts -= v.order.length;
    }
    return result;
  }

  /** Nodes of order[1..] passing `matches` (a loop over the whole reach). */
  private countMatching(order: Int32Array, matches: (n: number) => boolean): number {
    let count = 0;
    for (let k = 1; k < order.length; k++) if (matches(order[k])) count++;
    return count;
  }

  /**
   * How many nodes of a reach (root excluded) passing `filter` each province has; nodes with no
   * province are not counted. Kept with the reach, per filter (a plain loop over the whole reach).
   */
  provinceCounts(reach: Reach, filter: AdjacencyFilter | undefined): Map<string, number> {
    const key = `provinces ${filterKey(filter)}`;
    const cached = reach.provinceCounts?.get(key);
    if (cached) return cached;
    const matches = this.matcher(filter);
    const byCode = new Map<number, number>();
    const { province } = this;
    for (let k = 1; k < reach.order.length; k++) {
      const n = reach.order[k];
      const p = province[n];
      if (p !== 0 && (!matches || matches(n))) byCode.set(p, (byCode.get(p) ?? 0) + 1);
    }
    const counts = new Map<string, number>();
    for (const [code, count] of byCode) counts.set(this.provinces.value(code)!, count);
    (reach.provinceCounts ??= new Map()).set(key, counts);
    return counts;
  }

  private matcher(f: AdjacencyFilter | undefined): ((n: number) => boolean) | null {
    if (!hasFilter(f)) return null;
    const p = f.province == null ? 0 : this.provinces.find(f.province);
    const l = f.level == null ? 0 : this.levels.find(f.level);
    const y = f.year ?? null;
    if (p < 0 || l < 0) return () => false;
    const issuerOk = f.issuer == null ? null : this.issuerCodesPassing(f.issuer);
    return (n) =>
      (p === 0 || this.province[n] === p) && (l === 0 || this.level[n] === l) && (y === null || this.year[n] === y) && (issuerOk === null || issuerOk[this.issuer[n]] === 1);
  }

  /** Which issuer codes pass an issuer filter (1), each distinct issuer tested once; cached per filter. */
  private issuerCodesPassing(query: string): Uint8Array {
    const known = this.issuers.size;
    const cached = this.issuerPasses.get(query);
    if (cached && cached.length === known + 1) return cached;
    const q = foldIssuer(query);
    const ok = new Uint8Array(known + 1);
    if (!q) ok.fill(1); // no words: every issuer passes, and so does none
    else {
      for (let c = this.issuerFolded.length + 1; c <= known; c++) this.issuerFolded.push(foldIssuer(this.issuers.value(c)!));
      for (let c = 1; c <= known; c++) ok[c] = holdsIssuerWords(this.issuerFolded[c - 1], q) ? 1 : 0;
    }
    if (this.issuerPasses.size >= 64) this.issuerPasses.clear();
    this.issuerPasses.set(query, ok);
    return ok;
  }

  /**
   * One page of a reach (root excluded), in (depth, id) order, of the nodes passing
   * `filter`, after the position (depth, id) of a previous page's last item.
   */
  page(reach: Reach, filter: AdjacencyFilter | undefined, first: number, after: { depth: number; id: string } | null): PageOfReach {
    const { order, levelStart } = reach;
    const maxDepth = levelStart.length - 2;
    const matches = this.matcher(filter);
    const depthAt = (i: number) => {
      let d = 1;
      while (levelStart[d + 1] <= i) d++;
      return d;
    };
    let from = levelStart[1];
    if (after) {
      if (after.depth > maxDepth) from = order.length;
      else if (after.depth >= 1) {
        this.sortLevel(reach, after.depth);
        let lo = levelStart[after.depth];
        let hi = levelStart[after.depth + 1];
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.compareNodeToId(order[mid], after.id) <= 0) lo = mid + 1;
          else hi = mid;
        }
        from = lo;
      }
    }
    // Levels are sorted as the page reaches them (the first page of a large reach sorts only its first level).
    const items: { node: number; depth: number }[] = [];
    let i = from;
    for (let d = depthAt(Math.min(from, order.length - 1)); d <= maxDepth && items.length < first; d++) {
      this.sortLevel(reach, d);
      for (i = Math.max(i, levelStart[d]); i < levelStart[d + 1] && items.length < first; i++) {
        if (!matches || matches(order[i])) items.push({ node: order[i], depth: d });
      }
    }
    let hasNextPage = false;
    for (; i < order.length && !hasNextPage; i++) hasNextPage = !matches || matches(order[i]);

    const key = matches ? filterKey(filter) : '';
    let totalCount = reach.counts.get(key);
    if (totalCount === undefined) {
      totalCount = matches ? this.countMatching(order, matches) : order.length - 1;
      reach.counts.set(key, totalCount);
    }
    return { items, totalCount, hasNextPage };
  }

  private sortLevel(reach: Reach, d: number): void {
    if (reach.sorted[d]) return;
    this.sortNodes(reach.order.subarray(reach.levelStart[d], reach.levelStart[d + 1]), reach.extra);
    reach.sorted[d] = 1;
  }

  /** Whether `n` lies in level `depth` of `reach` (binary search). */
  private inLevel(reach: Reach, n: number, depth: number): boolean {
    this.sortLevel(reach, depth);
    let lo = reach.levelStart[depth];
    let hi = reach.levelStart[depth + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareNodes(reach.order[mid], n);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /**
   * The path of `n` (at `depth` in an inward reach) back to the root: at every step
   * the edge of the walk's types to the smallest-id node one level closer that the
   * walk went through (not a placeholder).
   */
  pathOf(reach: Reach, n: number, depth: number, mask: number): { from: number; to: number; type: EdgeType }[] {
    const path: { from: number; to: number; type: EdgeType }[] = [];
    const pairs: number[] = [];
    let at = n;
    for (let d = depth; d >= 1; d--) {
      pairs.length = 0;
      this.neighbours(at, 'out', mask, pairs);
      let best = -1;
      let bestType = 0;
      for (let k = 0; k < pairs.length; k += 2) {
        const m = pairs[k];
        if ((d > 1 && this.placeholder[m]) || !this.inLevel(reach, m, d - 1)) continue;
        if (best < 0 || this.compareNodes(m, best) < 0 || (m === best && pairs[k + 1] < bestType)) {
          best = m;
          bestType = pairs[k + 1];
        }
      }
      if (best < 0) throw new Error(`implementers: no path from ${this.idOf(n)} to ${this.idOf(reach.root)}`);
      path.push({ from: at, to: best, type: DERIVATION_TYPES[bestType] });
      at = best;
    }
    return path;
  }

  /**
   * The legal-basis trace of `root`: every edge of the `mask` types leaving a node
   * reached upward at depth < maxDepth (the root, or a node that is not a placeholder),
   * at depth(from) + 1. Order: depth, from, type, to.
   */
  trace(root: number, mask: number, maxDepth: number): Step[] {
    const reach = this.reach(root, 'out', mask, maxDepth);
    const steps: Step[] = [];
    const pairs: number[] = [];
    for (let d = 0; d < maxDepth; d++) {
      for (let i = reach.levelStart[d]; i < reach.levelStart[d + 1]; i++) {
        const from = reach.order[i];
        if (d > 0 && this.placeholder[from]) continue;
        pairs.length = 0;
        this.neighbours(from, 'out', mask, pairs);
        for (let k = 0; k < pairs.length; k += 2) steps.push({ depth: d + 1, from, type: DERIVATION_TYPES[pairs[k + 1]], to: pairs[k] });
      }
    }
    return steps.sort((a, b) => a.depth - b.depth || this.compareNodes(a.from, b.from) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || this.compareNodes(a.to, b.to));
  }
}

/** FNV-1a over UTF-16 code units. */
function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Compressed sparse rows of `count` nodes from `e` edges a → b. */
/**
 * Compressed sparse rows of `count` nodes from `e` edges a → b; each node's IMPLEMENTS
 * edges come first, up to implEnd[node] (the implementers walk reads only those).
 */
function csr(count: number, e: number, a: Int32Array, b: Int32Array, types: Uint16Array): [Int32Array, Int32Array, Uint8Array, Int32Array] {
  const implements_ = TYPE_CODE.get('IMPLEMENTS')!;
  const off = new Int32Array(count + 1);
  const implEnd = new Int32Array(count);
  for (let i = 0; i < e; i++) {
    off[a[i] + 1]++;
    if (types[i] === implements_) implEnd[a[i]]++;
  }
  for (let i = 0; i < count; i++) off[i + 1] += off[i];
  const fillImpl = off.slice(0, count);
  const fillOther = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    implEnd[i] += off[i];
    fillOther[i] = implEnd[i];
  }
  const to = new Int32Array(e);
  const ty = new Uint8Array(e);
  for (let i = 0; i < e; i++) {
    const k = types[i] === implements_ ? fillImpl[a[i]]++ : fillOther[a[i]]++;
    to[k] = b[i];
    ty[k] = types[i];
  }
  return [off, to, ty, implEnd];
}
