/**
 * Back-references: later mentions of an already-cited document that carry no
 * number of their own. Only unambiguous forms are taken:
 * - an alias the text defines: "(sau đây gọi tắt là Kế hoạch 49)", then "Kế hoạch 49";
 * - "<Kind> nêu trên / nói trên / này" with exactly one cited document of that kind
 *   earlier in the same sentence (or, for "nêu trên", the nearest one in the paragraph);
 * - "<Kind> <number>" ("Chỉ thị 18") when exactly one cited document has that kind and number;
 * - a description equal to a cited document's kind + issuer ("Chương trình phối hợp
 *   giữa Ban Dân vận Tỉnh ủy và …") or kind + subject ("Nghị quyết … về <subject>").
 * They become extra mentions of that document, never new documents.
 */
import type { Cleaned } from './clean.ts';
import { KIND_ALTERNATION, kindOfFolded } from './kinds.ts';
import type { MentionForm } from './model.ts';
import { foldPhrase } from './normalize.ts';

export interface DocRef {
  key: string;
  kind: string;
  kindAsWritten: string | null;
  issuer: string | null;
  subject: string | null;
  /** norm spans of its numbered/named mentions */
  spans: { start: number; end: number }[];
}

export interface BackRef {
  key: string;
  start: number;
  end: number;
  form: MentionForm;
  alias?: string;
}

const ALIAS_RE = /\((?:sau đây )?(?:gọi tắt là|viết tắt là|gọi là)[ \n]+([^)\n]{2,60})\)/giu;
// The pointer word comes first so the scan only stops at "nay"/"tren"; the kind before it is checked behind.
const POINTER_RE = new RegExp(String.raw`(?<![a-z])(neu tren|noi tren|tren|nay)(?![a-z])(?<=(?<![a-z])(${KIND_ALTERNATION})[ \n]+(?:neu tren|noi tren|tren|nay))`, 'dg');
/** After a number, a span of time: "Kế hoạch 5 năm" is a five-year plan, not "Kế hoạch 5". */
const TIME_AFTER = String.raw`[ \n]+(?:nam|thang|ngay|tuan|lan|gio)(?![a-z])`;
// "Chỉ thị 18", "Nghị quyết số 25": a kind and a bare number (no symbol after it, not a span of time);
// the number comes first, as above
const SHORT_RE = new RegExp(
  String.raw`(?<![\d/.,-])(\d{1,5})(?![\d%a-z]|[.,]\d|[ \n]?[/-]|${TIME_AFTER})(?<=(?<![a-z])(${KIND_ALTERNATION})[ \n]+(?:so[ \n]+)?\d{1,5})`,
  'dg',
);

/** The last kind word in a stretch before "về", with no symbol after it (the kind opening a description). */
const KIND_BEFORE_VE = new RegExp(`(?<![a-z])(${KIND_ALTERNATION})(?![a-z])(?!.*(?:${KIND_ALTERNATION}))[^/]*$`);

/** Whether a document key starts with this number ("18" → "18-CT/TW@XIII", "018/…"). */
function keyHasNumber(key: string, number: string): boolean {
  return new RegExp(`^0*${number}[-/.]`).test(key);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function flexibleSource(foldedPhrase: string): string {
  return foldedPhrase.split(' ').map(escapeRe).join('[ \\n,]+');
}
function flexible(foldedPhrase: string): RegExp {
  const time = /\d$/.test(foldedPhrase) ? `(?!${TIME_AFTER})` : '';
  return new RegExp(`(?<![a-z0-9])${flexibleSource(foldedPhrase)}(?![a-z0-9])${time}`, 'g');
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSeparator = (c: number) => c === 32 || c === 10 || c === 44; // " ", "\n", ","

/** Where `words` end when they are written at `at`, each after a run of separators; -1 when they are not. */
function wordsAt(text: string, at: number, words: readonly string[]): number {
  let i = at;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const from = i;
      while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
      if (i === from) return -1;
    }
    if (!text.startsWith(words[w], i)) return -1;
    i += words[w].length;
  }
  return i;
}

/**
 * Every occurrence of any of the folded phrases (words of [a-z0-9], written with runs of
 * " ", "\n" or "," between them), as whole words, left to right without overlap; where
 * several start at one place, the first phrase listed. The occurrences of each first word
 * are found with indexOf and the rest compared in place: one alternation regex of all the
 * phrases, built per document, cost more to compile than to run.
 */
export function matchAny<T>(text: string, phrases: { phrase: string; tag: T }[]): { tag: T; start: number; end: number }[] {
  const words = phrases.map((p) => p.phrase.split(' '));
  const byFirst = new Map<string, number[]>();
  words.forEach((ws, k) => {
    const list = byFirst.get(ws[0]);
    if (list) list.push(k);
    else byFirst.set(ws[0], [k]);
  });
  const hits: { start: number; end: number; order: number }[] = [];
  for (const [first, order] of byFirst) {
    for (let s = text.indexOf(first); s >= 0; s = text.indexOf(first, s + 1)) {
      if (s > 0 && isWordChar(text.charCodeAt(s - 1))) continue;
      for (const k of order) {
        const e = wordsAt(text, s, words[k]);
        if (e >= 0 && !(e < text.length && isWordChar(text.charCodeAt(e)))) {
          hits.push({ start: s, end: e, order: k });
          break;
        }
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: { tag: T; start: number; end: number }[] = [];
  let from = 0;
  for (const h of hits) {
    if (h.start < from) continue;
    out.push({ tag: phrases[h.order].tag, start: h.start, end: h.end });
    from = h.end;
  }
  return out;
}

export function findBackRefs(c: Cleaned, docs: DocRef[], own: { kind: string | null; title: string | null; number: string | null }): BackRef[] {
  const ownKind = own.kind;
  const ownTitle = own.title ? foldPhrase(own.title) : '';
  const out: BackRef[] = [];
  const taken = docs.flatMap((d) => d.spans);
  // an alias's definition "(sau đây gọi tắt là Kế hoạch 49)" is not a mention of its own
  const definitions: { start: number; end: number }[] = [];
  const overlaps = (s: number, e: number) => [taken, out, definitions].some((spans) => spans.some((t) => s < t.end && e > t.start));
  // every numbered/named span, sorted by end, for "the nearest document before pos"
  const spans = docs.flatMap((d) => d.spans.map((sp) => ({ d, sp }))).sort((a, b) => a.sp.end - b.sp.end);
  const lastEndingBefore = (pos: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].sp.end <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  /** Spans ending before `pos` and starting at or after `reach`, nearest first. */
  const docBefore = (pos: number, reach = 0) => {
    const out: (typeof spans)[number][] = [];
    for (let i = lastEndingBefore(pos); i >= 0 && spans[i].sp.end > reach; i--) if (spans[i].sp.start >= reach) out.push(spans[i]);
    return out;
  };

  // 1. defined aliases
  for (const m of c.norm.matchAll(ALIAS_RE)) {
    const alias = m[1].replace(/\s+/g, ' ').trim();
    // an alias names a document only when it starts with that document's kind ("Kế hoạch 49"):
    // the nearest one of that kind before it in the sentence, of that number when the alias gives one
    // ("Kế hoạch số 65-KH/HU … về triển khai Chỉ thị số 18-CT/TW … (sau đây gọi tắt là Kế hoạch 65)")
    const aliasKind = new RegExp(`^(${KIND_ALTERNATION})(?![a-z])`).exec(foldPhrase(alias));
    const kind = aliasKind ? kindOfFolded(aliasKind[1])?.kind : undefined;
    if (!kind) continue;
    const number = /(\d+)\s*$/.exec(alias)?.[1]?.replace(/^0+(?=\d)/, '');
    const prev = docBefore(m.index! + 1, m.index! - 250).find(
      (x) => x.d.kind === kind && (!number || keyHasNumber(x.d.key, number)),
    );
    if (!prev) continue;
    definitions.push({ start: m.index!, end: m.index! + m[0].length });
    const re = flexible(foldPhrase(alias));
    for (const a of c.fold.matchAll(re)) {
      const s = a.index!;
      const e = s + a[0].length;
      if (s >= m.index! + m[0].length && !overlaps(s, e)) out.push({ key: prev.d.key, start: s, end: e, form: 'back-reference', alias });
    }
  }

  // 2. "Chỉ thị nêu trên", "Quyết định này"
  for (const m of c.fold.matchAll(POINTER_RE)) {
    const s = m.indices![2][0];
    const end = m.index! + m[1].length;
    const k = kindOfFolded(m[2]);
    if (!k || overlaps(s, end)) continue;
    // look back at most 600 chars (an unbounded lastIndexOf is quadratic on long texts without sentence ends)
    const from = Math.max(0, s - 600);
    const back = c.norm.slice(from, s);
    const sentenceStart = from + Math.max(back.lastIndexOf('. '), back.lastIndexOf('.\n'), back.lastIndexOf(';'), 0);
    const reach = m[1] === 'nay' ? sentenceStart : from;
    const cands = docBefore(s, reach).filter((x) => x.d.kind === k.kind);
    const keys = new Set(cands.map((x) => x.d.key));
    if (keys.size !== 1) continue; // none, or several of that kind: not unambiguous
    if (m[1] === 'nay' && k.kind === ownKind && cands[0].sp.start < sentenceStart) continue;
    out.push({ key: cands[0].d.key, start: s, end, form: 'back-reference' });
  }

  // 3. "Chỉ thị 18": the one cited document of that kind and number (not this plan's own "Kế hoạch 15")
  for (const m of c.fold.matchAll(SHORT_RE)) {
    const s = m.indices![2][0];
    const end = m.index! + m[1].length;
    const k = kindOfFolded(m[2]);
    const number = m[1].replace(/^0+(?=\d)/, '');
    if (!k || overlaps(s, end) || (k.kind === ownKind && number === own.number)) continue;
    // not a heading ("LUẬT" over a table) nor a number opening a line (a list item: "Nghị định\n15. …")
    if (c.norm.slice(s, s + m[2].length) === c.norm.slice(s, s + m[2].length).toUpperCase() || /\n[ ]*$/.test(c.norm.slice(s, m.index))) continue;
    const keys = new Set(docs.filter((d) => d.kind === k.kind && keyHasNumber(d.key, number)).map((d) => d.key));
    if (keys.size === 1) out.push({ key: [...keys][0], start: s, end, form: 'back-reference' });
  }

  // 4. descriptions: kind + issuer, kind + subject — only when no other cited document shares them
  const count = new Map<string, number>();
  const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  for (const d of docs) {
    if (d.issuer) bump(`i|${d.kind}|${foldPhrase(d.issuer)}`);
    if (d.subject) bump(`s|${d.kind}|${foldPhrase(d.subject).slice(0, 60)}`);
  }
  const byIssuer: { phrase: string; tag: DocRef }[] = [];
  const bySubject: { phrase: string; tag: DocRef }[] = [];
  for (const d of docs) {
    const kindFold = foldPhrase(d.kindAsWritten ?? d.kind);
    const issuer = d.issuer ? foldPhrase(d.issuer) : '';
    // only a specific issuer identifies a document ("Kế hoạch của UBND huyện" does not)
    if (issuer.length >= 25 && count.get(`i|${d.kind}|${issuer}`) === 1) byIssuer.push({ phrase: `${kindFold} giua ${issuer}`, tag: d }, { phrase: `${kindFold} cua ${issuer}`, tag: d });
    const subj = d.subject ? foldPhrase(d.subject) : '';
    // a subject that is this plan's own title describes the plan itself ("Trên đây là Kế hoạch … về <title>")
    if (subj.length >= 30 && count.get(`s|${d.kind}|${subj.slice(0, 60)}`) === 1 && !(d.kind === ownKind && ownTitle && (ownTitle.startsWith(subj.slice(0, 40)) || subj.startsWith(ownTitle.slice(0, 40))))) {
      bySubject.push({ phrase: `ve ${subj.split(' ').slice(0, 8).join(' ')}`, tag: d });
    }
  }
  for (const a of matchAny(c.fold, byIssuer)) if (!overlaps(a.start, a.end)) out.push({ key: a.tag.key, start: a.start, end: a.end, form: 'descriptive' });
  for (const a of matchAny(c.fold, bySubject)) {
    const d = a.tag;
    const ve = a.start;
    // the kind word must open the description, within 50 chars before "về", with no number between
    const back = c.fold.slice(Math.max(0, ve - 50), ve);
    const km = KIND_BEFORE_VE.exec(back);
    if (!km || kindOfFolded(km[1])?.kind !== d.kind) continue;
    // "… của <issuer> về …" must name this document's issuer ("Kế hoạch của UBND huyện" is another one)
    const by = /[ \n]cua[ \n]+(.*)$/.exec(back.slice(km.index));
    if (by && (!d.issuer || foldPhrase(by[1]) !== foldPhrase(d.issuer))) continue;
    const s = ve - back.length + km.index;
    let e = ve;
    while (e > s && /[ \n]/.test(c.norm[e - 1])) e--;
    if (!overlaps(s, e)) out.push({ key: d.key, start: s, end: e, form: 'descriptive' });
  }
  return out.sort((a, b) => a.start - b.start);
}
