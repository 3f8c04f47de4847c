/**
 * Pin undated references to the one document the graph knows.
 *
 * The extractor keys "Chỉ thị số 33/CT-TTg" with no date as `33/CT-TTg@?` (a number
 * that restarts every year) and "Quyết định 217-QĐ/TW" with no date or term as
 * `217-QĐ/TW@?`: the text alone cannot say which one. The graph often can: when it
 * knows exactly one dated document of that symbol issued on or before the citing
 * plan's date (from other plans that cite it with its date), the reference is that
 * document. The citation is then keyed to it, and stays in the unresolved ledger
 * with reason "inferred" and the document as its one candidate, so that an
 * auditor can see the link was inferred and check it.
 *
 * Known documents are the store's and those of files prepared earlier in the same
 * write chunk, so the result depends on what was ingested before, not on chunking.
 */
import { type Citation, type Extraction, RELATION_RANK } from '../../ingest/model.ts';
import { foldSymbol } from '../../ingest/normalize.ts';
import type { DocumentNode } from '../../graph/model.ts';

/** Documents whose folded symbol is `folded`. */
export type KnownLookup = (folded: string) => Promise<readonly DocumentNode[]>;

const PINNABLE = new Set(['no-year', 'no-term']);

/** "2021-11-26", or the year alone, for comparing issue dates. */
function when(d: { date: string | null; year: number | null }): string | null {
  return d.date ?? (d.year ? `${d.year}` : null);
}

/** Issued on or before the citing date (by year when either side has only a year). */
function notAfter(issued: string, citing: string): boolean {
  return issued.length === citing.length ? issued <= citing : issued.slice(0, 4) <= citing.slice(0, 4);
}

async function pinOne(c: Citation, citing: string | null, lookup: KnownLookup): Promise<Citation> {
  if (!c.ambiguous || !PINNABLE.has(c.ambiguous.reason) || !c.symbol || !c.key.endsWith('@?')) return c;
  const series = c.key.slice(0, -1); // "33/CT-TTg@"
  const candidates = (await lookup(foldSymbol(c.symbol))).filter((n) => {
    if (!n.id.startsWith(series) || n.id.includes('?')) return false;
    const issued = when(n);
    return issued !== null && (citing === null || notAfter(issued, citing));
  });
  const ids = [...new Set(candidates.map((n) => n.id))];
  if (ids.length !== 1) return c;
  const doc = candidates[0];
  return {
    ...c,
    key: doc.id,
    ambiguous: {
      reason: 'inferred',
      detail: `${c.symbol} has no date in the text; ${doc.id} (${when(doc)}) is the only ${c.symbol} the graph knows issued ${citing ? `by ${citing}` : 'at all'}`,
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
  const citing = when(extraction.header);
  const pinned = await Promise.all(extraction.citations.map((c) => pinOne(c, citing, lookup)));
  const renamed = new Map(extraction.citations.map((c, i) => [c.key, pinned[i].key]));
  if (pinned.every((c, i) => c.key === extraction.citations[i].key)) return extraction;
  return {
    ...extraction,
    citations: mergeByKey(pinned),
    statedRelations: extraction.statedRelations.map((r) => ({ ...r, fromKey: renamed.get(r.fromKey) ?? r.fromKey, toKey: renamed.get(r.toKey) ?? r.toKey })),
  };
}
