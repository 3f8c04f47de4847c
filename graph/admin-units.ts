/**
 * Vietnamese administrative units (graph/data/admin-units, MIT: see LICENSE
 * there) as Locality nodes, and a loose province-name lookup.
 *
 * Ids: "pre:<province>", "pre:<province>/<district>", "pre:<province>/<district>/<commune>"
 * for the units before the 2025 reform; "post:<province>", "post:<province>/<commune>"
 * after it (no district level).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalVi, foldPhrase } from '../ingest/normalize.ts';
import type { Locality } from './model.ts';

export type Snapshot = Locality['snapshot'];

export const ADMIN_UNITS_DIR = fileURLToPath(new URL('./data/admin-units/', import.meta.url));
const FILES: Record<Snapshot, string> = { 'pre-2025': 'vn-units-pre-2025-07-01.json', 'post-2025': 'vn-units-2026-07-25.json' };

interface Unit { Code: string; FullName: string }
interface PreProvince extends Unit { District: (Unit & { Ward: Unit[] })[] }
interface PostProvince extends Unit { Wards: Unit[] }

function readJson<T>(dir: string, snapshot: Snapshot): T[] {
  const file = `${dir}/${FILES[snapshot]}`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read admin-unit data (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of provinces`);
  return data as T[];
}

/** Every province, district and commune of both snapshots, parents before children. */
export function loadAdminUnits(dir = ADMIN_UNITS_DIR): Locality[] {
  const out: Locality[] = [];
  const add = (id: string, name: string, level: Locality['level'], parent: string | null, snapshot: Snapshot) =>
    out.push({ id, name: canonicalVi(name), level, parent, snapshot });
  for (const p of readJson<PreProvince>(dir, 'pre-2025')) {
    const pid = `pre:${p.Code}`;
    add(pid, p.FullName, 'tỉnh', null, 'pre-2025');
    for (const d of p.District ?? []) {
      const did = `${pid}/${d.Code}`;
      add(did, d.FullName, 'huyện', pid, 'pre-2025');
      for (const w of d.Ward ?? []) add(`${did}/${w.Code}`, w.FullName, 'xã', did, 'pre-2025');
    }
  }
  for (const p of readJson<PostProvince>(dir, 'post-2025')) {
    const pid = `post:${p.Code}`;
    add(pid, p.FullName, 'tỉnh', null, 'post-2025');
    for (const w of p.Wards ?? []) add(`${pid}/${w.Code}`, w.FullName, 'xã', pid, 'post-2025');
  }
  return out;
}

const PROVINCE_PREFIX = /^(?:tinh|thanh pho|tp)\s+/;

/** Folded province name without "Tỉnh" / "Thành phố" / "TP." (accents and tone placement do not matter). */
export function provinceKey(name: string): string {
  return foldPhrase(canonicalVi(name)).replace(PROVINCE_PREFIX, '');
}

let provinces: Locality[] | null = null;

/**
 * The province named `name` ("Tây Ninh", "tỉnh Tây Ninh", "TP. Hồ Chí Minh", "Hoà Bình"),
 * in `snapshot` if given, else after the reform when it still exists there, else before it.
 */
export function findProvince(name: string, snapshot?: Snapshot): Locality | null {
  provinces ??= loadAdminUnits().filter((l) => l.level === 'tỉnh');
  const key = provinceKey(name);
  if (!key) return null;
  const order: Snapshot[] = snapshot ? [snapshot] : ['post-2025', 'pre-2025'];
  for (const s of order) {
    const hit = provinces.find((p) => p.snapshot === s && provinceKey(p.name) === key);
    if (hit) return hit;
  }
  return null;
}
