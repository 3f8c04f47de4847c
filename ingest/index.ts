/**
 * The public API of the extractor: extract({file, text}) → Extraction.
 * Stages, each in its own module: clean → analyse (structure) → find → resolve → annotate.
 * Pure: no I/O beyond loading the bundled gazetteers once.
 */
import { type Cleaned, clean, toOriginal } from './clean.ts';
import { findBackRefs, type DocRef } from './backrefs.ts';
import { type Found, findNamedLaws, findSymbols, shareJoined } from './find.ts';
import { extractHeader } from './header.ts';
import { unitOfIssuer } from './localities.ts';
import { type Citation, type Diagnostic, type Extraction, type Header, type Mention, RELATION_RANK } from './model.ts';
import { type NamedLawMatch, resolveNamedLaw } from './named-laws.ts';
import { foldPhrase } from './normalize.ts';
import { findStated } from './relations.ts';
import { contextOf, type KeyResult, keyOfSymbol } from './resolve.ts';
import { analyse } from './structure.ts';
import { formatSymbol, parseSymbol } from './symbol.ts';

export type { Extraction } from './model.ts';

export interface SourceText {
  /** File name or path as given by the caller; echoed in Extraction.file. */
  file: string;
  /** Decoded original text (see ingest/read). Offsets in the result index into it. */
  text: string;
}

/**
 * Most numbered or named mentions read from one text. A real plan has hundreds and a long
 * gazette text a few thousand; past this the input is junk (a million citations in one
 * file) and memory, not completeness, is what matters: the rest is reported, not read.
 */
export const MAX_MENTIONS = 100_000;

function canonical(symbol: string): string {
  const p = parseSymbol(symbol);
  return p ? formatSymbol(p, false) : symbol;
}

/**
 * Drop mentions of the document itself: its "Số:" line, and later ones with no other date and no
 * other issuer (a district's 12/KH-UBND citing "Kế hoạch số 12/KH-UBND của Ủy ban nhân dân thành
 * phố" cites the city's plan).
 */
function withoutSelf(found: Found[], header: Header, headEnd: number): Found[] {
  if (!header.symbol) return found;
  const own = canonical(header.symbol);
  // another body: one of another administrative level, or of the same level and another name
  const ownUnit = header.issuer ? unitOfIssuer(header.issuer) : null;
  const otherIssuer = (f: Found) => {
    const theirs = f.issuer && ownUnit ? unitOfIssuer(f.issuer) : null;
    return theirs !== null && (theirs.level !== ownUnit!.level || (theirs.name !== null && ownUnit!.name !== null && foldPhrase(theirs.name) !== foldPhrase(ownUnit!.name)));
  };
  return found.filter((f) => !(f.symbol && canonical(f.symbol) === own && (f.coreStart < headEnd || ((!f.date || f.date === header.date) && !otherIssuer(f)))));
}

/**
 * A joined citation shares the last document's date ("Chỉ thị số 05-CT/TW và Chỉ thị số
 * 27-CT/TW ngày 10/01/2019"), which may not be the others'. Where the text dates the same
 * symbol on its own, with one date, that date wins, unless the shared issuer names another
 * body (a local number such as 27/KH-UBND is the province's and the district's too).
 */
function preferOwnDates(found: Found[]): void {
  const own = new Map<string, { dates: Set<string>; issuers: Set<string> }>();
  for (const f of found) {
    if (!f.symbol || !f.date || f.dateShared) continue;
    const s = canonical(f.symbol);
    if (!own.has(s)) own.set(s, { dates: new Set(), issuers: new Set() });
    own.get(s)!.dates.add(f.date);
    if (f.issuer) own.get(s)!.issuers.add(foldPhrase(f.issuer));
  }
  for (const f of found) {
    const o = f.dateShared && f.symbol ? own.get(canonical(f.symbol)) : undefined;
    if (!o || o.dates.size !== 1 || o.dates.has(f.date!)) continue;
    if (f.issuer && !o.issuers.has(foldPhrase(f.issuer))) continue;
    f.date = [...o.dates][0];
  }
}

function resolveKeys(found: Found[], header: Header): KeyResult[] {
  const ctx = contextOf(header);
  // a consolidated text quotes the texts it consolidates: its own date does not say which law was in force
  const citing = header.kind === 'Văn bản hợp nhất' ? { date: null, year: null } : { date: header.date, year: header.year };
  const keys = found.map((f): KeyResult => {
    if (f.parts) return keyOfSymbol(f.parts, f.date, f.issuer, ctx);
    const r = resolveNamedLaw(f.law!, { date: f.date, year: f.year, amendedIn: f.amendedIn ?? null }, citing);
    return { key: r.key, ambiguous: r.ambiguous };
  });
  // Within one file, mentions of one symbol whose dates do not conflict are one document:
  // take the key of a mention that resolved, else of the first one that gives a date.
  const bySymbol = new Map<string, number[]>();
  found.forEach((f, i) => {
    if (!f.symbol) return;
    const s = canonical(f.symbol);
    if (!bySymbol.has(s)) bySymbol.set(s, []);
    bySymbol.get(s)!.push(i);
  });
  for (const idx of bySymbol.values()) {
    if (idx.length < 2 || new Set(idx.map((i) => found[i].date).filter(Boolean)).size > 1) continue;
    const resolved = new Set(idx.filter((i) => !keys[i].ambiguous).map((i) => keys[i].key));
    if (resolved.size > 1) continue;
    const pick = idx.find((i) => !keys[i].ambiguous) ?? idx.find((i) => found[i].date) ?? idx[0];
    for (const i of idx) keys[i] = keys[pick];
  }
  return keys;
}

/**
 * A law named with no date ("Luật Chứng khoán", two laws by that name) is the one law of that
 * name the same text pins down elsewhere by a date or year ("Luật Chứng khoán ngày 26/11/2019");
 * when the text pins down none, or two, the mention stays ambiguous.
 */
function shareResolvedLaw(found: Found[], keys: KeyResult[]): void {
  // a law the gazetteer lacks is known by its name ("Luật sửa đổi, bổ sung … Luật Bảo hiểm y tế"), and is
  // pinned down only by a date or year written with it: undated, it is the one such law the text dates
  const lawOf = (f: Found) => f.law && (f.law.entry ?? foldPhrase(f.law.name));
  const undated = (f: Found) => !f.date && !f.year;
  const open = (f: Found, i: number) => keys[i].ambiguous !== undefined || (f.law?.entry === null && undated(f));
  const resolved = new Map<NonNullable<NamedLawMatch['entry']> | string, Set<string>>();
  found.forEach((f, i) => {
    const law = lawOf(f);
    if (!law || open(f, i)) return;
    if (!resolved.has(law)) resolved.set(law, new Set());
    resolved.get(law)!.add(keys[i].key);
  });
  // a mention with a year of its own that picks no one law ("… năm 2025", two laws that year) stays open
  found.forEach((f, i) => {
    const law = lawOf(f);
    const one = law && open(f, i) && undated(f) ? resolved.get(law) : undefined;
    if (one?.size === 1) keys[i] = { key: [...one][0] };
  });
}

/** A law's name immediately followed by its number: one document, the name an alias. */
function mergeNameBeforeNumber(c: Cleaned, found: Found[], keys: KeyResult[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const f = found[i];
    const g = found[i + 1];
    if (f.form !== 'name' || g.form !== 'symbol') continue;
    // a number with a kind word of its own is another document ("… Luật Phòng, chống mua bán người\nThông tư số 35/2013/TT-BLĐTBXH")
    if (g.start !== g.coreStart && g.kind !== f.kind) continue;
    if (/^[ \n]*,?[ \n]*(?:so)?[ \n]*:?[ \n]*$/.test(c.fold.slice(f.trailerEnd, g.start))) keys[i] = keys[i + 1];
  }
}

function buildHeaderKey(header: Header): string | null {
  const p = header.symbol ? parseSymbol(header.symbol) : null;
  if (!p) return null;
  const when = header.date ?? (header.year ? String(header.year) : null);
  const r = keyOfSymbol(p, when, header.issuer, contextOf(header));
  return r.ambiguous ? null : r.key;
}

export interface ExtractOptions {
  /** Most mentions read (default MAX_MENTIONS). */
  maxMentions?: number;
}

export function extract(src: SourceText, opts: ExtractOptions = {}): Extraction {
  const max = opts.maxMentions ?? MAX_MENTIONS;
  const diagnostics: Diagnostic[] = [];
  const c = clean(src.text);
  const s = analyse(c);
  let found = findSymbols(c, max);
  found = found.concat(findNamedLaws(c, found, max - found.length)).sort((a, b) => a.start - b.start);
  if (found.length >= max) {
    const last = toOriginal(c, found[found.length - 1].start, found[found.length - 1].end);
    diagnostics.push({ severity: 'warning', code: 'too-many-mentions', message: `more than ${max.toLocaleString('en')} citation mentions: only those up to offset ${last.end} were read` });
  }
  shareJoined(c, found);
  const header = extractHeader(c, s, found);
  const headEnd = s.kindLine ? s.kindLine.start : 0;
  found = withoutSelf(found, header, headEnd);
  header.key = buildHeaderKey(header);

  preferOwnDates(found);
  const keys = resolveKeys(found, header);
  shareResolvedLaw(found, keys);
  mergeNameBeforeNumber(c, found, keys);

  // group mentions by key, in reading order
  const groups = new Map<string, { found: Found[]; keyResults: KeyResult[] }>();
  found.forEach((f, i) => {
    const k = keys[i].key;
    if (!groups.has(k)) groups.set(k, { found: [], keyResults: [] });
    groups.get(k)!.found.push(f);
    groups.get(k)!.keyResults.push(keys[i]);
  });

  const citations: Citation[] = [];
  const docRefs: DocRef[] = [];
  for (const [key, g] of groups) {
    const first = <T>(pick: (f: Found) => T | null): T | null => {
      for (const f of g.found) {
        const v = pick(f);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    };
    const bySymbol = g.found.find((f) => f.form === 'symbol');
    const primary = bySymbol ?? g.found[0];
    const names = [...new Set(g.found.filter((f) => f.form === 'name').map((f) => f.name!))];
    const symbols = [...new Set(g.found.filter((f) => f.symbol).map((f) => f.symbol!))];
    const mentions: Mention[] = g.found.map((f) => {
      const o = toOriginal(c, f.start, f.end);
      return { start: o.start, end: o.end, section: s.sectionAt(f.coreStart), form: f.form, cue: s.cueAt(f.coreStart) };
    });
    const signals = [...new Set(mentions.map((m) => m.cue))].sort((a, b) => RELATION_RANK[a] - RELATION_RANK[b]);
    const withKindWord = g.found.find((f) => f.form === 'symbol' && f.kindAsWritten !== undefined && f.start < f.coreStart);
    const kindSource = withKindWord ?? primary;
    citations.push({
      key,
      kind: kindSource.kind,
      ...(kindSource.kindAsWritten ? { kindAsWritten: kindSource.kindAsWritten } : {}),
      symbol: bySymbol?.symbol ?? null,
      name: names[0] ?? null,
      aliases: [...names.slice(bySymbol ? 0 : 1), ...symbols.slice(1)].filter((a) => a !== names[0] || bySymbol),
      date: first((f) => f.date),
      issuer: first((f) => f.issuer),
      subject: first((f) => f.subject),
      relation: signals[0] ?? 'cites',
      signals,
      mentions,
      ...(g.keyResults.every((k) => k.ambiguous) ? { ambiguous: g.keyResults[0].ambiguous } : {}),
    });
    docRefs.push({
      key,
      kind: kindSource.kind,
      kindAsWritten: kindSource.kindAsWritten,
      issuer: first((f) => f.issuer),
      subject: first((f) => f.subject),
      spans: g.found.map((f) => ({ start: f.start, end: f.end })),
    });
  }

  // back-references become extra mentions (they never change the relation)
  const byKey = new Map(citations.map((ci) => [ci.key, ci]));
  const ownNumber = header.symbol ? (parseSymbol(header.symbol)?.number.replace(/^0+(?=\d)/, '') ?? null) : null;
  for (const b of findBackRefs(c, docRefs, { kind: header.kind, title: header.title, number: ownNumber })) {
    const ci = byKey.get(b.key);
    if (!ci) continue;
    const o = toOriginal(c, b.start, b.end);
    ci.mentions.push({ start: o.start, end: o.end, section: s.sectionAt(b.start), form: b.form, cue: s.cueAt(b.start) });
    if (b.alias && !ci.aliases.includes(b.alias)) ci.aliases.push(b.alias);
  }
  for (const ci of citations) ci.mentions.sort((a, b) => a.start - b.start);

  const keyOf = new Map(found.map((f, i) => [f, keys[i].key]));
  const statedRelations = findStated(c, found, (a, b) => s.sectionAt(a) === s.sectionAt(b))
    .filter((r) => keyOf.get(r.from) !== keyOf.get(r.to))
    .map((r) => {
      const o = toOriginal(c, r.start, r.end);
      return {
        from: r.from.symbol ?? r.from.name!,
        to: r.to.symbol ?? r.to.name!,
        fromKey: keyOf.get(r.from)!,
        toKey: keyOf.get(r.to)!,
        relation: r.relation,
        start: o.start,
        end: o.end,
        section: s.sectionAt(r.start),
      };
    });

  if (c.composed) diagnostics.push({ severity: 'info', code: 'nfd-text', message: 'the text has decomposed (NFD) characters; matched after composing them' });
  if (src.text.trim() === '') diagnostics.push({ severity: 'warning', code: 'empty-text', message: 'the text is empty' });
  const ambiguous = citations.filter((ci) => ci.ambiguous).length;
  if (ambiguous) diagnostics.push({ severity: 'info', code: 'ambiguous-references', message: `${ambiguous} cited document(s) could not be pinned to one canonical document; see citations[].ambiguous` });

  return { file: src.file, header, citations, statedRelations, diagnostics };
}
