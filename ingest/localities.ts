/**
 * Administrative units named in an issuer phrase ("UBND huyện Cầu Ngang",
 * "Ủy ban nhân dân tỉnh Trà Vinh", "Tỉnh ủy"), looked up in the bundled
 * province/district names (data/admin-names.json).
 */
import { readFileSync } from 'node:fs';
import type { AdminLevel } from './model.ts';
import { canonicalVi, foldPhrase } from './normalize.ts';

interface AdminNames {
  provinces: { name: string; type: 'tỉnh' | 'thành phố' }[];
  districts: [string, string, string][];
  communes: [string, string, string | null, string][];
}

/** Where a unit of some name sits: its type, and its district (communes before the reform) and province. */
export interface Place {
  /** The unit's name as the admin units spell it (canonical tone placement). */
  name: string;
  type: string;
  district: string | null;
  province: string;
}

let names: { province: Map<string, string>; cities: Set<string>; district: Map<string, Place[]>; commune: Map<string, Place[]> } | null = null;

function load() {
  if (names) return names;
  const data = JSON.parse(readFileSync(new URL('./data/admin-names.json', import.meta.url), 'utf8')) as AdminNames;
  const province = new Map(data.provinces.map((p) => [foldPhrase(p.name), canonicalVi(p.name)]));
  const cities = new Set(data.provinces.filter((p) => p.type === 'thành phố').map((p) => canonicalVi(p.name)));
  const index = (rows: [string, Place][]) => {
    const m = new Map<string, Place[]>();
    for (const [name, place] of rows) {
      const k = foldPhrase(name);
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(place);
    }
    return m;
  };
  const district = index(data.districts.map(([d, type, p]) => [d, { name: canonicalVi(d), type, district: null, province: canonicalVi(p) }]));
  const commune = index(data.communes.map(([x, type, d, p]) => [x, { name: canonicalVi(x), type, district: d ? canonicalVi(d) : null, province: canonicalVi(p) }]));
  names = { province, cities, district, commune };
  return names;
}

export function provinceNamed(name: string): string | null {
  return load().province.get(foldPhrase(name)) ?? null;
}

/** A province-level city (Hà Nội, Huế …), where "Ủy ban nhân dân thành phố" is the province's own. */
export function isProvinceCity(province: string): boolean {
  return load().cities.has(canonicalVi(province));
}

/** The distinct provinces of a list of places. */
function provincesOf(places: Place[]): string[] {
  return [...new Set(places.map((p) => p.province))];
}

/**
 * The places whose name is written as `name` is, tones included, when there are any: "Phú Ninh"
 * is not "Phù Ninh". A name written without tones ("Phu Ninh") keeps every place it folds to.
 */
function asWritten(places: Place[], name: string): Place[] {
  const exact = places.filter((p) => loose(p.name) === loose(name));
  return exact.length ? exact : places;
}

/** Provinces that have a district of this name (before the 2025 reform), of this type when given ("quận"). */
export function provincesOfDistrict(name: string, type?: string | null): string[] {
  const all = asWritten(load().district.get(foldPhrase(name)) ?? [], name);
  const typed = type ? all.filter((p) => p.type === type) : all;
  return provincesOf(typed.length ? typed : all);
}

/**
 * Places of a commune (xã, phường, thị trấn) of this name, before and after the reform,
 * narrowed by its type and its district when the text gives them.
 */
export function placesOfCommune(name: string, type?: string | null, district?: string | null): Place[] {
  let all = asWritten(load().commune.get(foldPhrase(name)) ?? [], name);
  if (type) all = all.filter((p) => p.type === type);
  if (district) {
    all = all.filter((p) => p.district === null || foldPhrase(p.district) === foldPhrase(district));
    const exact = all.filter((p) => p.district === null || loose(p.district) === loose(district));
    if (exact.length) all = exact;
  }
  return all;
}

/** The one district a commune of this name lies in within `province` (units before the reform), or null. */
export function districtOfCommune(name: string, province: string, type?: string | null): string | null {
  const ds = new Set(placesOfCommune(name, type).filter((p) => p.province === province && p.district !== null).map((p) => p.district));
  return ds.size === 1 ? [...ds][0] : null;
}

/** The one province a commune of this name lies in, or null when none or several. */
export function provinceOfCommune(name: string, type?: string | null, district?: string | null): string | null {
  const ps = provincesOf(placesOfCommune(name, type, district));
  return ps.length === 1 ? ps[0] : null;
}

export interface UnitMention {
  level: Exclude<AdminLevel, 'trung ương'>;
  /** The unit's name when the phrase gives it ("Cầu Ngang"), canonical tone placement. */
  name: string | null;
  /** The unit word as written, lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn. */
  type: string | null;
}

// a name word: capitalised, or a number ("Phường 1"); Central Highlands names carry an apostrophe ("Ea H'leo", "M'Đrắk", "Ia H' Drai")
const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{M}]*(?:['’][\p{L}\p{M}]*)*|\d+)`;
const UNIT_RE = new RegExp(
  // "Huyện ủy Phú Ninh", "Thành ủy Cần Thơ", "Tỉnh đoàn Bến Tre": the unit's Party committee or Youth Union, then its name
  String.raw`(?<![\p{L}])(tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|TP\.?|(?:thành|Thành|THÀNH)(?=[ \n]+(?:ủy|uỷ|Ủy|Uỷ|ỦY|UỶ|đoàn|Đoàn|ĐOÀN)(?![\p{L}]))|huyện|Huyện|HUYỆN|quận|Quận|thị xã|Thị xã|xã|Xã|XÃ|phường|Phường|thị trấn|Thị trấn)(?:[ \n]+(?:ủy|uỷ|Ủy|Uỷ|ỦY|UỶ|(?<=(?:tỉnh|Tỉnh|TỈNH|thành|Thành|THÀNH|huyện|Huyện|HUYỆN|quận|Quận)[ \n]+)(?:đoàn|Đoàn|ĐOÀN))(?![\p{L}]))?(?:[ \n]+(${NAME_WORD}(?:[ \n]+${NAME_WORD})*))?`,
  'gu',
);

/** A unit's name as the admin units spell it ("Ea H’leo", "M'đrắk" → "Ea H'leo", "M'Đrắk"), else as written. */
function spelling(written: string): string {
  const f = foldPhrase(written);
  const n = load();
  // the same letters and tones, up to case and the apostrophe's form: "Phú Ninh" is not "Phù Ninh"
  const same = (name: string) => loose(name) === loose(written);
  const province = n.province.get(f);
  if (province && same(province)) return province;
  return [...(n.district.get(f) ?? []), ...(n.commune.get(f) ?? [])].find((p) => same(p.name))?.name ?? canonicalVi(written);
}

function loose(name: string): string {
  return canonicalVi(name).toLowerCase().replace(/[’‘`]/g, "'");
}

/** The most specific administrative unit an issuer phrase names or implies. */
export function unitOfIssuer(issuer: string): UnitMention | null {
  if (isCentralIssuer(issuer)) return null; // "Bộ Lao động - Thương binh và Xã hội" names no commune
  let best: UnitMention | null = null;
  const rank = { xã: 3, huyện: 2, tỉnh: 1 } as const;
  for (const m of issuer.matchAll(UNIT_RE)) {
    const word = m[1].toLowerCase().replace(/^(?:tp\.?|thành)$/, 'thành phố');
    const name = m[2] ? spelling(m[2].replace(/\s+/g, ' ')) : null;
    let level: UnitMention['level'];
    if (word === 'tỉnh') level = 'tỉnh';
    // "thành phố Hà Nội" is a province; "thành phố Vĩnh Long" is the district-level city of tỉnh Vĩnh Long
    else if (word === 'thành phố') level = name && !isProvinceCity(provinceNamed(name) ?? '') ? 'huyện' : 'tỉnh';
    else if (word === 'xã' || word === 'phường' || word === 'thị trấn') level = 'xã';
    else level = 'huyện';
    if (!best || rank[level] > rank[best.level]) best = { level, name, type: word };
  }
  if (best) return best;
  const f = foldPhrase(issuer);
  if (/\btinh uy\b/.test(f)) return { level: 'tỉnh', name: null, type: null };
  if (/\bhuyen uy\b|\bquan uy\b|\bthi uy\b/.test(f)) return { level: 'huyện', name: null, type: null };
  if (/\bdang uy xa\b/.test(f)) return { level: 'xã', name: null, type: null };
  // a province's department ("Sở Nội vụ") and a district's office ("Phòng Giáo dục và Đào tạo")
  if (/^so /.test(f)) return { level: 'tỉnh', name: null, type: null };
  if (/^phong /.test(f)) return { level: 'huyện', name: null, type: null };
  return null;
}

/** District-level units the text names ("huyện Sóc Sơn", "thị xã Hòa Thành", "quận 3"), in order. */
export function districtsNamed(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(UNIT_RE)) {
    if (!m[2]) continue;
    const word = m[1].toLowerCase();
    if (word === 'huyện' || word === 'quận' || word === 'thị xã' || (word === 'thành phố' && !isProvinceCity(provinceNamed(m[2]) ?? ''))) out.push(spelling(m[2].replace(/\s+/g, ' ')));
  }
  return out;
}

/** Central bodies: the State's and the Party's. */
export function isCentralIssuer(issuer: string): boolean {
  const f = foldPhrase(issuer);
  return /^(?:chinh phu|thu tuong|van phong chinh phu|quoc hoi|uy ban thuong vu quoc hoi|chu tich nuoc|bo |bo chinh tri|ban bi thu|ban chap hanh trung uong|trung uong|ban [a-z ]*trung uong|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao|kiem toan nha nuoc|ngan hang nha nuoc|thanh tra chinh phu|uy ban dan toc)/.test(f);
}
