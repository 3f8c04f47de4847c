/**
 * Pin references the text leaves open to the one document the graph knows.
 *
 * The extractor keys "Chỉ thị số 33/CT-TTg" with no date as `33/CT-TTg@?` (a number
 * that restarts every year), "Quyết định 217-QĐ/TW" with no date or term as
 * `217-QĐ/TW@?`, and "Kế hoạch số 18/KH-UBND ngày 3/2/2022" with no issuing body as
 * `18/KH-UBND@2022@?` (every province has one): the text alone cannot say which one.
 * The graph often can, from other plans that cite the same document in full:
 * - a missing date or term: the one known document of that symbol (and place) issued
 *   on or before the citing plan's date;
 * - a missing place ("?", or "Trà Vinh/?" for an unnamed district): the one known
 *   document whose place fills the gaps and lies in the citing plan's province; when
 *   several do, the one on the citing plan's own chain (its province, its district,
 *   itself), if exactly one is.
 * The citation is then keyed to it, and stays in the unresolved ledger with reason
 * "inferred" and the document as its one candidate, so that an auditor can see the
 * link was inferred and check it.
 *
 * Known documents are the store's and those of files prepared earlier in the same
 * write chunk, so the result depends on what was ingested before, not on chunking.
 */
import { type Citation, type Extraction, type Header, RELATION_RANK } from '../../ingest/model.ts';
import { foldSymbol } from '../../ingest/normalize.ts';
import { contextOf } from '../../ingest/resolve.ts';
import type { DocumentRef } from '../../graph/model.ts';

/** Documents whose folded symbol is `folded` (of that year and province, when given). */
export type KnownLookup = (folded: string, year: number | null, province: string | null) => Promise<readonly DocumentRef[]>;

const PINNABLE = new Set(['no-year', 'no-term', 'unnamed-locality']);

/** "2021-11-26", or the year alone, for comparing issue dates. */
function when(d: { date: string | null; year: number | null }): string | null {
  return d.date ?? (d.year ? `${d.year}` : null);
}

/** Issued on or before the citing date (by year when either side has only a year). */
function notAfter(issued: string, citing: string): boolean {
  return issued.length === citing.length ? issued <= citing : issued.slice(0, 4) <= citing.slice(0, 4);
}

/** A key split at "@": the symbol, then its year or term, then (local documents) its place. */
interface KeyShape {
  parts: string[];
  /** Index of the place part, or -1 (a central document). */
  place: number;
}

function shapeOf(c: Citation): KeyShape {
  const parts = c.key.split('@');
  // local: "sym@year@place", or "sym@place" when the symbol holds the year ("15/2022/KH-UBND@?")
  const place = parts.length === 3 ? 2 : c.ambiguous?.reason === 'unnamed-locality' ? 1 : -1;
  return { parts, place };
}

/** A place with gaps ("Trà Vinh/?", "?/Cầu Ngang") filled by a known one, part by part. */
function placeFits(pattern: string, place: string): boolean {
  const p = pattern.split('/');
  const x = place.split('/');
  return p.length === x.length && p.every((v, i) => v === '?' || v === x[i]);
}

/** The citing plan's place and the places above it: "Trà Vinh", "Trà Vinh/Cầu Ngang". */
function chainOf(header: Header): string[] {
  const own = header.key?.split('@');
  const place = own && own.length === 3 && !own[2].includes('?') ? own[2].split('/') : [];
  return place.map((_, i) => place.slice(0, i + 1).join('/')).filter((p) => !p.endsWith('/-'));
}

async function pinOne(c: Citation, header: Header, lookup: KnownLookup): Promise<Citation> {
  if (!c.ambiguous || !PINNABLE.has(c.ambiguous.reason) || !c.symbol) return c;
  const { parts, place } = shapeOf(c);
  const citing = when(header);
  const citingProvince = contextOf(header).province;
  // a place left wholly open ("18/KH-UBND@2022@?") is only looked for in the citing plan's province
  const openPlace = place >= 0 && parts[place] === '?';
  if (openPlace && !citingProvince) return c;
  const province = place < 0 ? null : openPlace ? citingProvince : parts[place].split('/')[0];
  const year = place !== 1 && /^\d{4}$/.test(parts[1]) ? Number(parts[1]) : null;
  const fits = (n: DocumentRef) => {
    const xs = n.id.split('@');
    if (xs.length !== parts.length || /[?#]/.test(n.id) || xs[0] !== parts[0]) return false;
    for (let i = 1; i < parts.length; i++) {
      if (parts[i] === '?') continue;
      if (i === place ? !placeFits(parts[i], xs[i]) : parts[i] !== xs[i]) return false;
    }
    if (openPlace && xs[place].split('/')[0] !== province) return false;
    const issued = when(n);
    return issued !== null && (citing === null || notAfter(issued, citing));
  };
  const found = (await lookup(foldSymbol(c.symbol), year, province === '?' ? null : province)).filter(fits);
  let candidates = [...new Map(found.map((n) => [n.id, n])).values()];
  let scope = openPlace ? ` in ${province}` : '';
  if (candidates.length > 1 && place >= 0) {
    const chain = new Set(chainOf(header));
    candidates = candidates.filter((n) => chain.has(n.id.split('@')[place]));
    scope = ` on the chain of ${header.key}`;
  }
  if (candidates.length !== 1) return c;
  const doc = candidates[0];
  const open = c.ambiguous.reason === 'unnamed-locality' ? 'names no issuing place' : 'has no date';
  return {
    ...c,
    key: doc.id,
    ambiguous: {
      reason: 'inferred',
      detail: `${c.symbol} ${open} in the text; ${doc.id} (${when(doc)}) is the only ${c.symbol} the graph knows${scope} issued ${citing ? `by ${citing}` : 'at all'}`,
      candidates: [doc.id],
    },
  };
}

/** Merge citations that now share a key (one document cited dated in one place and undated in another). */
function mergeByKey(citations: Citation[]): Citation[] {
  const byKey = new Map<string, Citation>();
  for (const c of citations) {
    const prev = byKey.get(c.key);
    if (!prev) {
      byKey.set(c.key, c);
      continue;
    }
    const signals = [...new Set([...prev.signals, ...c.signals])].sort((a, b) => RELATION_RANK[a] - RELATION_RANK[b]);
    const { ambiguous: _a, ...rest } = prev;
    byKey.set(c.key, {
      ...rest,
      date: prev.date ?? c.date,
      issuer: prev.issuer ?? c.issuer,
      subject: prev.subject ?? c.subject,
      signals,
      relation: signals[0] ?? prev.relation,
      mentions: [...prev.mentions, ...c.mentions].sort((a, b) => a.start - b.start),
      // inferred only when every citation of it was
      ...(prev.ambiguous && c.ambiguous ? { ambiguous: prev.ambiguous } : {}),
    });
  }
  return [...byKey.values()];
}

export async function pinToKnown(extraction: Extraction, lookup: KnownLookup): Promise<Extraction> {
  if (!extraction.citations.some((c) => c.ambiguous && PINNABLE.has(c.ambiguous.reason))) return extraction;
  const pinned = await Promise.all(extraction.citations.map((c) => pinOne(c, extraction.header, lookup)));
  const renamed = new Map(extraction.citations.map((c, i) => [c.key, pinned[i].key]));
  if (pinned.every((c, i) => c.key === extraction.citations[i].key)) return extraction;
  return {
    ...extraction,
    citations: mergeByKey(pinned),
    statedRelations: extraction.statedRelations.map((r) => ({ ...r, fromKey: renamed.get(r.fromKey) ?? r.fromKey, toKey: renamed.get(r.toKey) ?? r.toKey })),
  };
}
