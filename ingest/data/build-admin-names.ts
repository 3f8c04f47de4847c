/**
 * Build ingest/data/admin-names.json (the extractor's gazetteer of unit names) from the
 * admin-units snapshots in graph/data/admin-units (MIT, see admin-units.LICENSE):
 *
 *   node bin/run-ts.js ingest/data/build-admin-names.ts
 *
 * provinces: both snapshots; districts: before the 2025 reform, [name, type, province];
 * communes: [name, type, district, province] before the reform and [name, type, null,
 * province] after it (communes then sit directly under the province).
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Unit {
  FullName: string;
  District?: Unit[];
  Ward?: Unit[];
  Wards?: Unit[];
}
const TYPES = ['thành phố', 'tỉnh', 'quận', 'huyện', 'thị xã', 'phường', 'xã', 'thị trấn', 'đặc khu'];

/** "Thành phố Hà Nội" → ["Hà Nội", "thành phố"] */
function split(full: string): [string, string] {
  const n = full.normalize('NFC');
  const t = TYPES.find((t) => n.toLowerCase().startsWith(`${t} `));
  return t ? [n.slice(t.length + 1), t] : [n, ''];
}

const dir = new URL('../../graph/data/admin-units/', import.meta.url);
const pre = JSON.parse(readFileSync(new URL('vn-units-pre-2025-07-01.json', dir), 'utf8')) as Unit[];
const post = JSON.parse(readFileSync(new URL('vn-units-2026-07-25.json', dir), 'utf8')) as Unit[];

const provinces = new Map<string, { name: string; type: string; pre: boolean; post: boolean }>();
for (const [list, when] of [[pre, 'pre'], [post, 'post']] as const) {
  for (const p of list) {
    const [name, type] = split(p.FullName);
    const e = provinces.get(name) ?? { name, type, pre: false, post: false };
    e[when] = true;
    provinces.set(name, e);
  }
}
const districts: [string, string, string][] = [];
const communes: [string, string, string | null, string][] = [];
for (const p of pre) {
  const [pn] = split(p.FullName);
  for (const d of p.District ?? []) {
    const [dn, dt] = split(d.FullName);
    districts.push([dn, dt, pn]);
    for (const w of d.Ward ?? []) communes.push([...split(w.FullName), dn, pn]);
  }
}
for (const p of post) {
  const [pn] = split(p.FullName);
  for (const w of p.Wards ?? []) communes.push([...split(w.FullName), null, pn]);
}
const out = {
  about:
    'Unit names derived from ../../graph/data/admin-units (thanglequoc/vietnamese-provinces-database, MIT; see admin-units.LICENSE) by build-admin-names.ts. Provinces from both snapshots (pre = before 1 July 2025, post = after); districts from the pre-reform snapshot as [name, type, province]; communes as [name, type, district, province], district null after the reform.',
  provinces: [...provinces.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  districts,
  communes,
};
writeFileSync(new URL('admin-names.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`${out.provinces.length} provinces, ${districts.length} districts, ${communes.length} communes`);
