/** Vietnamese labels and formats shown to users. Pure functions. */
import type { DocSummary, Level, Relation } from './queries.ts';

/** "2024-03-07" → "07/03/2024"; a bare year stays as it is; null → "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export const RELATION_LABEL: Record<Relation, string> = {
  BASED_ON: 'Căn cứ',
  IMPLEMENTS: 'Triển khai thực hiện',
  CITES: 'Dẫn chiếu',
  GUIDES: 'Hướng dẫn',
  ISSUES: 'Ban hành kèm theo',
  CONTINUES: 'Tiếp tục thực hiện',
  AMENDS: 'Sửa đổi, bổ sung',
};

/** Order in which relation groups are listed. */
export const RELATION_ORDER: Relation[] = ['BASED_ON', 'IMPLEMENTS', 'GUIDES', 'ISSUES', 'CONTINUES', 'AMENDS', 'CITES'];

export const LEVELS: Level[] = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'];
const LEVEL_LABEL: Record<Level, string> = { CENTRAL: 'Trung ương', PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã' };
const LEVEL_OF_ADMIN: Record<string, Level> = { 'trung ương': 'CENTRAL', tỉnh: 'PROVINCE', huyện: 'DISTRICT', xã: 'COMMUNE' };

/** The Level enum of a facet or filter value, which may be the enum name or the Vietnamese word. */
export function toLevel(value: string | null | undefined): Level | null {
  if (!value) return null;
  if ((LEVELS as string[]).includes(value)) return value as Level;
  return LEVEL_OF_ADMIN[value.normalize('NFC').toLowerCase()] ?? null;
}

export function levelLabel(value: string | null | undefined): string {
  const level = toLevel(value);
  return level ? LEVEL_LABEL[level] : (value ?? '');
}

/** How a document is named in lists: "Chỉ thị 33/CT-TTg", a law's name, or its id. */
export function docLabel(d: Pick<DocSummary, 'id' | 'kind' | 'symbol' | 'name'>): string {
  if (d.symbol) return d.kind ? `${d.kind} ${d.symbol}` : d.symbol;
  return d.name ?? (d.kind ? `${d.kind} (${d.id})` : d.id);
}

/** One line under a document's label: date, issuer, province. */
export function docMeta(d: Pick<DocSummary, 'date' | 'year' | 'issuer' | 'province'>): string {
  const date = d.date ? `ngày ${formatDate(d.date)}` : d.year ? `năm ${d.year}` : '';
  return [date, d.issuer, d.province].filter(Boolean).join(' · ');
}

/** Party symbols are "number-TYPE/ORGAN" ("217-QĐ/TW", "05-CT/TU"); State ones "number/TYPE-ORGAN" ("33/CT-TTg"). */
export function isPartyDocument(d: Pick<DocSummary, 'symbol'>): boolean {
  return !!d.symbol && /^\d+-\p{L}/u.test(d.symbol);
}

/**
 * Accent-free, lower-case, with every run of other characters as one space: ingest's foldPhrase
 * for the names the UI compares (test/web checks they agree). Not imported from ingest/normalize.ts,
 * whose 64 Ki-entry fold table was built on every page load, before the first request.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Comparable form of a province name: "Tỉnh Sơn La", "tinh son la", "Sơn La" → "son la". */
export function provinceKey(name: string): string {
  return foldName(name).replace(/^(tinh|thanh pho|tp)\s+/, '');
}
