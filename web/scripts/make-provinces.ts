/**
 * Writes web/public/provinces.json (the 63 pre-2025 and 34 post-2025 province names, and
 * which post-2025 province each pre-2025 one became) from the admin-unit data, and copies
 * its MIT LICENSE beside it.
 * Usage: node bin/run-ts.js web/scripts/make-provinces.ts [ADMIN_UNITS_DIR]
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '/work/shared/data/admin-units';
const out = path.resolve(import.meta.dirname, '../public');

function provinces(file: string): { code: string; name: string }[] {
  const units = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { Code: string; FullName: string }[];
  return units.map((u) => ({ code: u.Code, name: u.FullName }));
}

interface PreUnit {
  FullName: string;
  /** Island districts with no communes (Bạch Long Vĩ, Hoàng Sa …) have `Ward: null`. */
  District: { Ward: { Code: string }[] | null }[];
}
interface PostUnit {
  FullName: string;
  Wards: { Code: string }[];
}

/**
 * The post-2025 province each pre-2025 one became. The data does not map them, but a commune
 * kept its code through the reform (the merged communes took one of their codes) and the 2025
 * reform merged whole provinces: an old province is the new one holding most of its codes.
 */
function mergedInto(): Record<string, string> {
  const pre = JSON.parse(readFileSync(path.join(dir, 'vn-units-pre-2025-07-01.json'), 'utf8')) as PreUnit[];
  const post = JSON.parse(readFileSync(path.join(dir, 'vn-units-2026-07-25.json'), 'utf8')) as PostUnit[];
  const newOf = new Map(post.flatMap((p) => p.Wards.map((w) => [w.Code, p.FullName] as const)));
  const out: Record<string, string> = {};
  for (const old of pre) {
    const votes = new Map<string, number>();
    for (const d of old.District) for (const w of d.Ward ?? []) {
      const p = newOf.get(w.Code);
      if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (!best) throw new Error(`no commune code of ${old.FullName} is found after the reform`);
    out[old.FullName] = best[0];
  }
  return out;
}

writeFileSync(
  path.join(out, 'provinces.json'),
  JSON.stringify({
    'pre-2025': provinces('vn-units-pre-2025-07-01.json'),
    'post-2025': provinces('vn-units-2026-07-25.json'),
    'merged-into': mergedInto(),
  }) + '\n',
);
copyFileSync(path.join(dir, 'LICENSE'), path.join(out, 'provinces.LICENSE.txt'));
