/** The plans implementing a directive, as a tree by chain (tỉnh → huyện → xã) and as province coverage. Pure. */
import { LEVELS, provinceKey } from './format.ts';
import type { DocSummary, FacetValue, ImplementerEdge } from './queries.ts';

export interface TreeNode {
  doc: DocSummary;
  depth: number;
  children: TreeNode[];
}

function levelRank(d: DocSummary): number {
  return d.level ? LEVELS.indexOf(d.level) : LEVELS.length;
}

/** One collator for every comparison (localeCompare with a locale may build one per call). */
let vi: Intl.Collator | null = null;

function byLevelProvinceDate(a: TreeNode, b: TreeNode): number {
  vi ??= new Intl.Collator('vi');
  return (
    levelRank(a.doc) - levelRank(b.doc) ||
    vi.compare(a.doc.province ?? '', b.doc.province ?? '') ||
    (a.doc.date ?? '').localeCompare(b.doc.date ?? '')
  );
}

/**
 * Each implementer hangs under the nearest document of its path that is itself in the list
 * (its path runs implementer → … → queried document); otherwise directly under the root.
 * Returns the root's children, each level sorted by administrative level, province, date.
 */
export function implementerTree(edges: readonly ImplementerEdge[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const e of edges) if (!nodes.has(e.node.id)) nodes.set(e.node.id, { doc: e.node, depth: e.depth, children: [] });
  const roots: TreeNode[] = [];
  for (const e of edges) {
    const node = nodes.get(e.node.id)!;
    if (node.doc !== e.node) continue; // a second path to the same plan
    const parent = e.path
      .slice(0, -1)
      .map((step) => nodes.get(step.to.id))
      .find((n) => n && n !== node);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode[]): TreeNode[] => {
    list.sort(byLevelProvinceDate);
    for (const n of list) sort(n.children);
    return list;
  };
  return sort(roots);
}

export interface Coverage {
  /** Every province of the list, in list order, with how many implementing plans it has. */
  rows: { province: string; count: number }[];
  /** Provinces with no implementing plan. */
  missing: string[];
  /** Plans whose province is unknown or not in the list. */
  unplaced: number;
}

/**
 * The list's provinces against the server's per-province counts over all the implementers
 * (`byProvince`; `total` of them in all): names as documents spell them ("Tỉnh Sơn La", "Sơn La")
 * meet the list's names by provinceKey. With `mergedInto` (old province → the one it became in
 * 2025), a plan of an old province counts for the new one: "Tỉnh Trà Vinh" for "Tỉnh Vĩnh Long".
 */
export function coverage(
  provinces: readonly string[],
  byProvince: readonly FacetValue[],
  total: number,
  mergedInto: Readonly<Record<string, string>> = {},
): Coverage {
  const rows = provinces.map((province) => ({ province, count: 0 }));
  const byKey = new Map(rows.map((r) => [provinceKey(r.province), r]));
  for (const [old, now] of Object.entries(mergedInto)) {
    const row = byKey.get(provinceKey(now));
    if (row && !byKey.has(provinceKey(old))) byKey.set(provinceKey(old), row);
  }
  let placed = 0;
  for (const { value, count } of byProvince) {
    const row = byKey.get(provinceKey(value));
    if (!row) continue;
    row.count += count;
    placed += count;
  }
  return { rows, missing: rows.filter((r) => r.count === 0).map((r) => r.province), unplaced: total - placed };
}
