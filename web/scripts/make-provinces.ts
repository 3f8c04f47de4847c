/**
 * Writes web/public/provinces.json (the 63 pre-2025 and 34 post-2025 province names)
 * from the admin-unit data, and copies its MIT LICENSE beside it.
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

writeFileSync(
  path.join(out, 'provinces.json'),
  JSON.stringify({
    'pre-2025': provinces('vn-units-pre-2025-07-01.json'),
    'post-2025': provinces('vn-units-2026-07-25.json'),
  }) + '\n',
);
copyFileSync(path.join(dir, 'LICENSE'), path.join(out, 'provinces.LICENSE.txt'));
