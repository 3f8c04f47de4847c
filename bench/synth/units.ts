/**
 * The administrative units plans are issued by, from the admin-unit data
 * (graph/data/admin-units when present, else ../shared/data/admin-units):
 * 63 provinces → ~700 districts → ~10,000 communes before the 2025 reform,
 * 34 provinces → 3,321 communes after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Unit {
  /** "pre:84", "pre:84/845", "pre:84/845/29299", "post:80/25960". */
  code: string;
  /** FullName as in the data: "Tỉnh Trà Vinh", "Huyện Cầu Ngang", "Xã Hòa Phong". */
  name: string;
  /** FullName with the type word lower-cased, as written after "Ủy ban nhân dân": "huyện Cầu Ngang". */
  inline: string;
  /** The proper name alone: "Cầu Ngang". */
  bare: string;
}

export interface District extends Unit {
  communes: Unit[];
}

export interface Province extends Unit {
  /** Empty after the reform (two-tier government). */
  districts: District[];
  /** Every commune of the province (through districts before the reform). */
  communes: Unit[];
}

export interface AdminUnits {
  pre: Province[];
  post: Province[];
}

const TYPE_WORDS = ['Thành phố', 'Thị xã', 'Thị trấn', 'Đặc khu', 'Huyện', 'Quận', 'Phường', 'Tỉnh', 'Xã'];

function unit(code: string, name: string): Unit {
  const type = TYPE_WORDS.find((t) => name.startsWith(`${t} `));
  if (!type) return { code, name, inline: name, bare: name };
  const bare = name.slice(type.length + 1);
  return { code, name, inline: `${type.toLowerCase()} ${bare}`, bare };
}

function dataDir(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const candidates = [path.join(root, 'graph/data/admin-units'), path.resolve(root, '../shared/data/admin-units')];
  const dir = candidates.find((d) => existsSync(path.join(d, 'vn-units-pre-2025-07-01.json')));
  if (!dir) throw new Error(`admin-unit data not found in ${candidates.join(' or ')}`);
  return dir;
}

interface RawPre {
  Code: string;
  FullName: string;
  District: { Code: string; FullName: string; Ward: { Code: string; FullName: string }[] | null }[];
}
interface RawPost {
  Code: string;
  FullName: string;
  Wards: { Code: string; FullName: string }[];
}

let cached: AdminUnits | null = null;

export function loadUnits(): AdminUnits {
  if (cached) return cached;
  const dir = dataDir();
  const rawPre = JSON.parse(readFileSync(path.join(dir, 'vn-units-pre-2025-07-01.json'), 'utf8')) as RawPre[];
  const rawPost = JSON.parse(readFileSync(path.join(dir, 'vn-units-2026-07-25.json'), 'utf8')) as RawPost[];
  const pre = rawPre.map((p): Province => {
    const pcode = `pre:${p.Code}`;
    const districts = p.District.filter((d) => d.Ward && d.Ward.length > 0).map((d): District => {
      const dcode = `${pcode}/${d.Code}`;
      return { ...unit(dcode, d.FullName), communes: d.Ward!.map((w) => unit(`${dcode}/${w.Code}`, w.FullName)) };
    });
    return { ...unit(pcode, p.FullName), districts, communes: districts.flatMap((d) => d.communes) };
  });
  const post = rawPost.map((p): Province => {
    const pcode = `post:${p.Code}`;
    return { ...unit(pcode, p.FullName), districts: [], communes: p.Wards.map((w) => unit(`${pcode}/${w.Code}`, w.FullName)) };
  });
  cached = { pre, post };
  return cached;
}
