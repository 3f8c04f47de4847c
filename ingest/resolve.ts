/**
 * Stage 3, resolve: one canonical key per document.
 *
 * A symbol alone is not an identity: numbers of most series restart every year,
 * Party numbers restart every committee term, and local bodies everywhere share
 * the same symbols. So a key is the canonical symbol plus what its series needs:
 *
 *   04/2015/NĐ-CP                         year and central issuer in the symbol
 *   33/CT-TTg@2021                         central body, numbered per year
 *   217-QĐ/TW@XI                           central Party body, numbered per term (khóa XI)
 *   16/KH-UBND@2022@Trà Vinh/Cầu Ngang     local body: year and locality
 *   10/2022/QH15, Hiến pháp@2013           laws cited by name resolve through the gazetteer
 *
 * When a part cannot be decided from the text, the key holds "?" there and the
 * citation carries an Ambiguity with the reason. Nothing is guessed.
 */
import type { AdminLevel, Ambiguity, Header } from './model.ts';
import { canonicalVi } from './normalize.ts';
import { districtOfCommune, isCentralIssuer, isProvinceCity, provinceNamed, provinceOfCommune, provincesOfDistrict, unitOfIssuer } from './localities.ts';
import { type SymbolParts, formatSymbol, levelOfCodes, seriesScope } from './symbol.ts';

/** Central Party committee terms: [khóa, first day]. A term runs to the day before the next. */
const PARTY_TERMS: [string, string][] = [
  ['VI', '1986-12-18'],
  ['VII', '1991-06-27'],
  ['VIII', '1996-07-01'],
  ['IX', '2001-04-22'],
  ['X', '2006-04-25'],
  ['XI', '2011-01-19'],
  ['XII', '2016-01-28'],
  ['XIII', '2021-02-01'],
  ['XIV', '2026-01-23'],
];

export function partyTermOf(date: string): string | null {
  let term: string | null = null;
  for (const [k, from] of PARTY_TERMS) if (date >= from) term = k;
  return term;
}

/** "(khóa XI)", "khoá XII" written in an issuer phrase. */
export function partyTermWritten(issuer: string | null): string | null {
  const m = issuer ? /kh[oó][áa]?\s*([IVX]{1,5})\b/iu.exec(issuer.normalize('NFC')) : null;
  return m ? m[1].toUpperCase() : null;
}

/** The day the district level ended (the 2025 reform of administrative units). */
const DISTRICTS_ABOLISHED = '2025-07-01';

/** Whether a document of this date (or year) was issued while districts existed. */
export function beforeDistrictsAbolished(date: string | null, year: number | null): boolean {
  return date ? date < DISTRICTS_ABOLISHED : year !== null && year < 2025;
}

/** Where the citing document sits: the locality implied by "UBND tỉnh", "UBND huyện". */
export interface CitingContext {
  province: string | null;
  district: string | null;
  commune: string | null;
  date: string | null;
  year: number | null;
}

/**
 * The citing document's place. When the text does not name its province, the district
 * or commune it names places it, if only one province has a unit of that name and type
 * ("quận Bình Tân" is in Hồ Chí Minh; "huyện Bình Tân" is in Vĩnh Long). A commune plan
 * that names no district is placed in the one district of its province that has a
 * commune of that name and type, so that its "UBND huyện" / "UBND thị xã" is that district.
 */
export function contextOf(h: Header): CitingContext {
  let province = h.province;
  let district = h.district;
  const type = h.issuer ? unitOfIssuer(h.issuer)?.type : null;
  if (!province) {
    if (h.commune) province = provinceOfCommune(h.commune, type, h.district);
    if (!province && h.district) {
      const ps = provincesOfDistrict(h.district, h.commune ? null : type);
      if (ps.length === 1) province = ps[0];
    }
  }
  // districts were abolished on 1 July 2025: a later plan has none to find
  const beforeReform = beforeDistrictsAbolished(h.date, h.year);
  if (!district && h.commune && province && beforeReform) district = districtOfCommune(h.commune, province, type);
  return { province, district, commune: h.commune, date: h.date, year: h.year };
}

export interface KeyResult {
  key: string;
  ambiguous?: Ambiguity;
}

/** "Trà Vinh/Cầu Ngang" for a district body, from the issuer phrase and the citing document's place. */
export function localityPath(
  issuer: string | null,
  parts: SymbolParts | null,
  ctx: CitingContext,
): { path: string; level: AdminLevel | null; missing: string | null } {
  let unit = issuer ? unitOfIssuer(issuer) : null;
  // "UBND thành phố" with no name, cited from a province that is not itself a city: the district-level city
  if (unit && unit.type === 'thành phố' && !unit.name && ctx.province && !isProvinceCity(ctx.province)) unit = { ...unit, level: 'huyện' };
  const level = unit?.level ?? (parts ? levelOfCodes(parts) : null);
  if (!level) return { path: '?', level: null, missing: 'the issuing body and its locality are not named' };
  if (level === 'tỉnh') {
    const p = unit?.name ? (provinceNamed(unit.name) ?? unit.name) : ctx.province;
    return p ? { path: p, level, missing: null } : { path: '?', level, missing: 'the province is not named' };
  }
  if (level === 'huyện') {
    const d = unit?.name ?? ctx.district;
    if (!d) return { path: `${ctx.province ?? '?'}/?`, level, missing: 'the district is not named' };
    const ps = provincesOfDistrict(d, unit?.name ? unit.type : null);
    const p = ctx.province && (ps.length === 0 || ps.includes(ctx.province)) ? ctx.province : ps.length === 1 ? ps[0] : null;
    return p ? { path: `${p}/${d}`, level, missing: null } : { path: `?/${d}`, level, missing: `the province of "${d}" is not named` };
  }
  const x = unit?.name ?? ctx.commune;
  if (!x) return { path: `${ctx.province ?? '?'}/${ctx.district ?? '?'}/?`, level, missing: 'the commune is not named' };
  const sameAsCiting = !unit?.name || (ctx.commune !== null && canonicalVi(ctx.commune) === x);
  const d = sameAsCiting ? ctx.district : null;
  // another commune: the admin units place it when one province has a commune of that name and type
  const p = sameAsCiting ? ctx.province : provinceOfCommune(x, unit?.type, ctx.district);
  if (!p) return { path: `?/${d ?? '?'}/${x}`, level, missing: `the province of "${x}" is not named` };
  return { path: `${p}/${d ?? '-'}/${x}`, level, missing: null };
}

/** The canonical key of a numbered document. */
export function keyOfSymbol(parts: SymbolParts, date: string | null, issuer: string | null, ctx: CitingContext): KeyResult {
  const sym = formatSymbol(parts, false);
  const year = date ? date.slice(0, 4) : null;
  let scope = seriesScope(parts);
  // a body the symbol does not place (e.g. "…/QĐ-BCĐ") issued by a central body per the text
  if (scope === 'local' && issuer && isCentralIssuer(issuer)) scope = parts.year ? 'national' : parts.party ? 'party-central' : 'national-yearly';
  switch (scope) {
    case 'national':
      return { key: sym };
    case 'national-yearly':
      return year
        ? { key: `${sym}@${year}` }
        : { key: `${sym}@?`, ambiguous: { reason: 'no-year', detail: `${sym} is numbered per year and the text gives no date`, candidates: [] } };
    case 'party-central': {
      const term = (date ? partyTermOf(date) : null) ?? partyTermWritten(issuer);
      return term
        ? { key: `${sym}@${term}` }
        : { key: `${sym}@?`, ambiguous: { reason: 'no-term', detail: `${sym} is numbered per Party term (khóa) and the text gives neither a date nor the term`, candidates: [] } };
    }
    case 'local': {
      const loc = localityPath(issuer, parts, ctx);
      const y = parts.year ? '' : `@${year ?? '?'}`;
      const key = `${sym}${y}@${loc.path}`;
      const missing = [!parts.year && !year ? 'the text gives no date' : null, loc.missing].filter(Boolean);
      return missing.length
        ? { key, ambiguous: { reason: loc.missing ? 'unnamed-locality' : 'no-year', detail: `${sym} is a local document: ${missing.join('; ')}`, candidates: [] } }
        : { key };
    }
  }
}
