/**
 * Laws and other documents cited by name only ("Luật Thực hiện dân chủ ở cơ sở"),
 * matched against the gazetteer in data/named-laws.json and resolved to one
 * instance by the date or year in the text, or by the citing document's date.
 */
import { readFileSync } from 'node:fs';
import type { Ambiguity } from './model.ts';
import type { Cleaned } from './clean.ts';
import { canonicalVi, collapseSpace, foldPhrase } from './normalize.ts';

interface Instance {
  number: string | null;
  date: string;
  note?: string;
}
interface LawEntry {
  kind: string;
  name: string;
  aliases: string[];
  instances: Instance[];
}

export interface NamedLawMatch {
  kind: string;
  /** As written, single-spaced, NFC. */
  name: string;
  /** The gazetteer entry, or null for a name the gazetteer does not know. */
  entry: LawEntry | null;
  end: number;
  /** For an amending law ("Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"): the laws it names, with their fold offsets. */
  amended?: { at: number; law: NamedLawMatch }[];
}

const KIND_WORDS: [string, string][] = [
  ['bo luat', 'Bộ luật'],
  ['luat', 'Luật'],
  ['phap lenh', 'Pháp lệnh'],
  ['hien phap', 'Hiến pháp'],
  ['dieu le', 'Điều lệ'],
];

interface Gazetteer {
  /** kind fold → sticky regex over the rest of the name; group i+1 ↔ entries[i] */
  byKind: Map<string, { re: RegExp; entries: LawEntry[] }>;
  /** folded name or alias → entry (amending laws are looked up whole, once their name is read) */
  byName: Map<string, LawEntry>;
}

let gazetteer: Gazetteer | null = null;

function restPattern(restFold: string): string {
  return restFold
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[ \\n]*,?[ \\n]+');
}

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const url = new URL('./data/named-laws.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as { laws: LawEntry[] };
  const forms = new Map<string, { rest: string; entry: LawEntry }[]>();
  const byName = new Map<string, LawEntry>();
  for (const entry of data.laws) {
    for (const written of [entry.name, ...entry.aliases]) {
      const f = foldPhrase(written);
      byName.set(f, entry);
      if (readAsAmending(f)) continue;
      const kw = KIND_WORDS.find(([k]) => f === k || f.startsWith(k + ' '));
      if (!kw) continue;
      const rest = f.slice(kw[0].length).trim();
      if (!forms.has(kw[0])) forms.set(kw[0], []);
      forms.get(kw[0])!.push({ rest, entry });
    }
  }
  const byKind = new Map<string, { re: RegExp; entries: LawEntry[] }>();
  for (const [kw, list] of forms) {
    list.sort((a, b) => b.rest.length - a.rest.length);
    const alts = list.map((x) => (x.rest ? `[ \\n]+(${restPattern(x.rest)})` : '()'));
    // a digit may follow: a footnote mark glued to the name ("Luật Bảo hiểm y tế1")
    byKind.set(kw, { re: new RegExp(`(?:${alts.join('|')})(?![a-z])`, 'y'), entries: list.map((x) => x.entry) });
  }
  gazetteer = { byKind, byName };
  return gazetteer;
}

/**
 * Words that end an unknown law's name, compared accented ("vệ" in "Bảo vệ" is not "về");
 * "quy" ends one before "quy định", and "định" alone does not ("Luật Giám định tư pháp").
 */
const UNKNOWN_STOP = new Set(
  [
    'năm', 'số', 'ngày', 'của', 'và', 'để', 'nhằm', 'trong', 'tại', 'theo', 'về', 'được', 'đã', 'thì', 'này', 'trên', 'đến',
    'cho', 'với', 'ban', 'hiện', 'hành', 'quy', 'sửa', 'đổi', 'bổ', 'sung', 'có', 'hiệu', 'lực', 'là', 'mà', 'khi',
    'các', 'những', 'một', 'từ', 'gắn', 'hướng', 'dẫn', 'thực', 'triển', 'khai', 'đối', 'phải', 'gọi',
    'điều', 'khoản', 'chương', 'mục', 'nêu', 'sau', 'hoặc', 'nhưng', 'tới', 'vào', 'do', 'bởi', 'căn', 'kể',
  ].map((w) => canonicalVi(w)),
);

/**
 * An unknown name closed by its number: "Luật Bảo vệ và kiểm dịch thực vật số 41/2013/QH13"
 * (up to 12 words, none of them the start of another document: "Căn cứ", "Luật", "Nghị quyết" …).
 */
const NAME_BEFORE_LAW_NUMBER =
  /((?:[ \n]+(?!(?:Căn|Luật|Bộ luật|Pháp lệnh|Nghị|Quyết|Hiến|Điều|Khoản|Chương)(?![\p{L}]))[\p{L}\p{N}]+,?){1,12}?)[ \n]+(?:số[ \n]*:?[ \n]*)?\d{1,4}[ \n]?\/[ \n]?\d{4}[ \n]?\/[ \n]?QH\d*/uy;

/** An amending law's name (folded): "luat sua doi, bo sung mot so dieu cua luat …". */
const AMENDING_NAME_RE = /^luat sua doi\b/;
/** After "Luật": "sửa đổi, bổ sung một số điều của" (or shorter), up to the first law it amends. */
const AMENDING_RE = /[ \n]+sua[ \n]+doi(?:[ \n]*,?[ \n]*bo[ \n]+sung)?(?:[ \n]+mot[ \n]+so[ \n]+dieu)?(?:[ \n]+cua)?[ \n]+(?=(?:bo[ \n]+luat|luat|phap[ \n]+lenh)[ \n])/y;
/** An amended law's number, written after its name: "Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 …" (also "số:", or no "số"). */
const AMENDED_NUMBER_RE = /[ \n]*,?[ \n]*(?:so[ \n]*:?[ \n]*)?\d{1,4}[ \n]*\/[ \n]*\d{4}[ \n]*\/[ \n]*qh\d*/y;
/** Between two amended laws: ", ", " và ", ", và ". */
const AMENDED_SEPARATOR_RE = /(?:[ \n]*,[ \n]*(?:va[ \n]+)?|[ \n]+va[ \n]+)(?=(?:bo[ \n]+luat|luat|phap[ \n]+lenh)[ \n])/y;

/**
 * Whether matchAmendingLaw reads this (folded) name from the laws it lists, so that the name is
 * looked up whole once read. Amending laws named otherwise ("… của 37 luật có liên quan đến quy
 * hoạch", "… một số điều và Phụ lục … của Luật Thống kê") are matched by their name as written.
 */
function readAsAmending(f: string): boolean {
  if (!AMENDING_NAME_RE.test(f)) return false;
  AMENDING_RE.lastIndex = 'luat'.length;
  return AMENDING_RE.test(f);
}

/**
 * "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền
 * địa phương": one law, named by the laws it amends; they are read too (`amended`). Without
 * a capitalised law after it ("… của các luật có liên quan") it is not read.
 */
function matchAmendingLaw(c: Cleaned, at: number, afterKind: number): NamedLawMatch | null {
  AMENDING_RE.lastIndex = afterKind;
  if (!AMENDING_RE.exec(c.fold)) return null;
  const amended: { at: number; law: NamedLawMatch }[] = [];
  for (let pos = AMENDING_RE.lastIndex; ; ) {
    const first = c.norm.charCodeAt(pos);
    if (!((first >= 65 && first <= 90) || first === 0x110)) break; // "Luật", "Bộ luật", "Pháp lệnh": a name
    const law = matchNamedLaw(c, pos);
    // another amending law after a comma starts the next document of a list ("…của Luật A, Luật sửa đổi, bổ sung … của Luật B")
    if (!law || law.amended) break;
    amended.push({ at: pos, law });
    AMENDED_NUMBER_RE.lastIndex = law.end;
    AMENDED_SEPARATOR_RE.lastIndex = AMENDED_NUMBER_RE.exec(c.fold) ? AMENDED_NUMBER_RE.lastIndex : law.end;
    if (!AMENDED_SEPARATOR_RE.exec(c.fold)) break;
    pos = AMENDED_SEPARATOR_RE.lastIndex;
  }
  if (!amended.length) return null;
  // the name lists the amended laws as a title does ("…, Luật B và Luật C"), without their numbers
  const names = amended.map((a) => a.law.name);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}` : names[0];
  const name = collapseSpace(c.norm.slice(at, amended[0].at)) + ' ' + listed;
  return { kind: 'Luật', name, entry: load().byName.get(foldPhrase(name)) ?? null, end: amended[amended.length - 1].law.end, amended };
}

/** Match a name starting at the kind word at fold offset `at`. */
export function matchNamedLaw(c: Cleaned, at: number): NamedLawMatch | null {
  const g = load();
  // the kind's words may be apart on two lines ("Bộ\nluật"): one code unit apart, as clean leaves them
  const kw = KIND_WORDS.find(([k]) => c.fold.slice(at, at + k.length).replace('\n', ' ') === k);
  if (!kw) return null;
  const afterKind = at + kw[0].length;
  if (kw[0] === 'luat') {
    const amending = matchAmendingLaw(c, at, afterKind);
    if (amending) return amending;
  }
  const known = g.byKind.get(kw[0]);
  if (known) {
    known.re.lastIndex = afterKind;
    const m = known.re.exec(c.fold);
    if (m) {
      const idx = m.slice(1).findIndex((x) => x !== undefined);
      const entry = known.entries[idx];
      const end = known.re.lastIndex;
      return { kind: entry.kind, name: collapseSpace(c.norm.slice(at, end)), entry, end };
    }
  }
  if (kw[0] !== 'luat' && kw[0] !== 'bo luat') return null;
  return matchUnknownLaw(c, at, afterKind, kw[1]);
}

/**
 * Word pairs of law titles that the reader of unknown names would otherwise cut: across a
 * comma ("Phòng, chống", "Quản lý, sử dụng", "Khám bệnh, chữa bệnh") or at a word that
 * ends a name elsewhere ("Thi hành án", "Tần số vô tuyến điện").
 */
const WORD_PAIRS = new Set(['phòng chống', 'lý sử', 'bệnh chữa', 'thi hành', 'tần số'].map((p) => canonicalVi(p)));
const NEXT_WORD = /[ \n]*(\p{Ll}+)/uy;

/** Whether the comma before norm offset `at` sits inside a title: "Phòng, chống". */
function joinsAcrossComma(norm: string, at: number, word: string): boolean {
  NEXT_WORD.lastIndex = at;
  const next = NEXT_WORD.exec(norm);
  return next !== null && WORD_PAIRS.has(`${word} ${canonicalVi(next[1])}`);
}

/** "Luật <Capitalised words>" not in the gazetteer: up to 8 words, ending before a function word or punctuation. */
function matchUnknownLaw(c: Cleaned, at: number, afterKind: number, kind: string): NamedLawMatch | null {
  NAME_BEFORE_LAW_NUMBER.lastIndex = afterKind;
  const numbered = NAME_BEFORE_LAW_NUMBER.exec(c.norm);
  if (numbered && /^[ \n]+\p{Lu}/u.test(numbered[1])) {
    const end = afterKind + numbered[1].replace(/,$/, '').length;
    return { kind, name: collapseSpace(c.norm.slice(at, end)), entry: null, end };
  }
  const word = /[ \n]+([\p{L}\p{N}]+)([,;.:()“”"]?)/uy;
  let pos = afterKind;
  let end = -1;
  let previous = '';
  // a page number opening the line that goes on the name ("Luật Bảo\n14 hiểm xã hội"): left out of the name
  const pageNumbers: [number, number][] = [];
  for (let n = 0; n < 8; n++) {
    word.lastIndex = pos;
    const m = word.exec(c.norm);
    if (!m) break;
    if (n > 0 && !m[2] && m[0].includes('\n') && /^\d{1,3}$/.test(m[1]) && /^[ ]\p{Ll}/u.test(c.norm.slice(word.lastIndex, word.lastIndex + 2))) {
      pageNumbers.push([m.index, word.lastIndex]);
      pos = word.lastIndex;
      continue;
    }
    // a footnote mark glued to the last word ("Luật Bảo hiểm y tế1") ends the name before it
    const marked = /^(\p{L}+)\d+$/u.exec(m[1]);
    const w = marked ? marked[1] : m[1];
    if (n === 0 && !/^\p{Lu}\p{Ll}/u.test(w)) return null;
    const lw = canonicalVi(w.toLowerCase());
    const joined = WORD_PAIRS.has(`${previous} ${lw}`);
    if (n > 0 && !joined && (UNKNOWN_STOP.has(lw) || /\d/.test(w))) break;
    end = m.index + m[0].length - m[1].length - m[2].length + w.length;
    pos = word.lastIndex;
    previous = lw;
    if (marked || (m[2] && !(m[2] === ',' && joinsAcrossComma(c.norm, pos, lw)))) break;
  }
  if (end < 0) return null;
  const kept = pageNumbers.filter(([s]) => s < end);
  if (!kept.length) return { kind, name: collapseSpace(c.norm.slice(at, end)), entry: null, end };
  let name = '';
  let from = at;
  for (const [s, e] of kept) {
    name += c.norm.slice(from, s);
    from = e;
  }
  name = collapseSpace(name + c.norm.slice(from, end));
  return { kind, name, entry: load().byName.get(foldPhrase(name)) ?? null, end };
}

export interface LawResolution {
  key: string;
  /** The official number when the gazetteer knows it. */
  number: string | null;
  /** The date written in the text (never the gazetteer's). */
  date: string | null;
  ambiguous?: Ambiguity;
}

function instanceKey(entry: LawEntry, inst: Instance): string {
  if (inst.number) return inst.number;
  return entry.instances.length === 1 ? canonicalVi(entry.name) : `${canonicalVi(entry.name)}@${inst.date.slice(0, 4)}`;
}

/**
 * Pick the instance: the one with the written date (or its day and month a year off); else
 * the one of the written year (two that year: the one in force at the citing date, else
 * ambiguous); else the one in force in the written year or the year of an amendment written
 * ("sửa đổi, bổ sung năm 2019"), and none in force: a law the gazetteer lacks, by name and
 * year; with no year written, the latest in force at the citing document's date (year only:
 * the latest of an earlier year, unless that year also saw a new one, which is ambiguous).
 */
export function resolveNamedLaw(
  law: NamedLawMatch,
  written: { date: string | null; year: number | null; amendedIn?: number | null },
  citing: { date: string | null; year: number | null },
): LawResolution {
  const entry = law.entry;
  if (!entry || entry.instances.length === 0) {
    const base = canonicalVi(entry?.name ?? law.name);
    const y = written.date?.slice(0, 4) ?? (written.year ? String(written.year) : null);
    if (y) return { key: `${base}@${y}`, number: null, date: written.date };
    // one law amends another many times under the same name: an undated amending law is not one document
    if (law.amended && !entry) {
      return {
        key: `${base}@?`,
        number: null,
        date: null,
        ambiguous: { reason: 'no-year', detail: `"${law.name}" is the name of every law amending those laws, and the text gives no date`, candidates: [] },
      };
    }
    return { key: base, number: null, date: written.date };
  }
  const insts = entry.instances;
  const pick = (i: Instance): LawResolution => ({ key: instanceKey(entry, i), number: i.number, date: written.date });
  const several = (among: Instance[], why: string): LawResolution => {
    const candidates = among.map((i) => instanceKey(entry, i));
    return {
      key: `${canonicalVi(entry.name)}@?`,
      number: null,
      date: written.date,
      ambiguous: { reason: 'several-laws', detail: `"${law.name}" names ${among.length} laws (${candidates.join(', ')}) and ${why}`, candidates },
    };
  };
  const exact = written.date ? insts.find((i) => i.date === written.date) : undefined;
  if (exact) return pick(exact);
  // the day and month of one law, a year off: a typing slip ("Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2014" is of 2015)
  const slip = written.date ? insts.filter((i) => i.date.slice(5) === written.date!.slice(5) && Math.abs(Number(i.date.slice(0, 4)) - Number(written.date!.slice(0, 4))) === 1) : [];
  if (slip.length === 1) return pick(slip[0]);
  // the year written (or the year of the date written): two laws of one name may be passed in one year
  // (Luật Tổ chức chính quyền địa phương 65/2025/QH15 in February, 72/2025/QH15 in June)
  const year = written.date ? Number(written.date.slice(0, 4)) : written.year;
  const ofYear = year ? insts.filter((i) => Number(i.date.slice(0, 4)) === year) : [];
  if (ofYear.length === 1) return pick(ofYear[0]);
  if (ofYear.length > 1) {
    const inForce = citing.date ? ofYear.filter((i) => i.date <= citing.date!) : [];
    return inForce.length ? pick(inForce[inForce.length - 1]) : several(ofYear, `the text gives only the year ${year}`);
  }
  // a year no law of the name was passed in ("Luật Đất đai năm 2014"), or the year of an amendment
  // ("(sửa đổi, bổ sung năm 2019)"): the law in force then; none in force, a law the gazetteer lacks
  const then = year ?? written.amendedIn;
  if (then) {
    const before = insts.filter((i) => Number(i.date.slice(0, 4)) <= then);
    if (before.length) return pick(before[before.length - 1]);
    if (year) return { key: `${canonicalVi(entry.name)}@${year}`, number: null, date: written.date };
  }
  if (insts.length === 1) return pick(insts[0]);
  if (citing.date) {
    const inForce = insts.filter((i) => i.date <= citing.date!);
    if (inForce.length) return pick(inForce[inForce.length - 1]);
  } else if (citing.year) {
    const before = insts.filter((i) => Number(i.date.slice(0, 4)) < citing.year!);
    const sameYear = insts.filter((i) => Number(i.date.slice(0, 4)) === citing.year);
    if (before.length && !sameYear.length) return pick(before[before.length - 1]);
    if (!before.length && sameYear.length === 1) return pick(sameYear[0]);
  }
  return several(insts, 'the text gives no date that picks one');
}
