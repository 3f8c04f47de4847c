/**
 * Character-level normalisation shared by the extractor, the graph and search.
 *
 * - foldChar / foldText: lower-case, tone marks and diacritics removed, đ → d.
 *   One output code unit per NFC input code unit, so a folded string has the
 *   same length as its source and offsets carry over unchanged.
 * - foldSymbol: the loose form of a document symbol used for matching:
 *   "217-QĐ/TW", "217/QĐ-TW", "217 - QD/TW" all fold to "217 QD TW".
 * - canonicalVi: NFC, one fixed tone placement (old style: hòa, ủy, khỏe), Ð → Đ.
 */

const FOLD = new Map<number, number>();
(() => {
  const groups: Record<string, string> = {
    a: 'aàáảãạăằắẳẵặâầấẩẫậ',
    e: 'eèéẻẽẹêềếểễệ',
    i: 'iìíỉĩị',
    o: 'oòóỏõọôồốổỗộơờớởỡợ',
    u: 'uùúủũụưừứửữự',
    y: 'yỳýỷỹỵ',
    d: 'dđ',
  };
  for (const [base, chars] of Object.entries(groups)) {
    for (const ch of chars) {
      FOLD.set(ch.charCodeAt(0), base.charCodeAt(0));
      FOLD.set(ch.toUpperCase().charCodeAt(0), base.charCodeAt(0));
    }
  }
  FOLD.set(0xd0, 0x64); // Ð (Icelandic eth, look-alike of Đ)
  FOLD.set(0xf0, 0x64); // ð
})();

/** Fold one UTF-16 code unit: lower-case ASCII, Vietnamese letters to their base letter. */
export function foldChar(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  const f = FOLD.get(c);
  if (f !== undefined) return f;
  if (c >= 0x300 && c <= 0x36f) return c; // combining marks stay (callers NFC first)
  return c;
}

/** foldChar of every UTF-16 code unit (128 KB): the hot loop of foldText reads it directly. */
const FOLD_TABLE = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD_TABLE[c] = foldChar(c);
const UTF16 = new TextDecoder('utf-16le');

/** Fold a string code unit by code unit (same length). Callers pass NFC text. */
export function foldText(s: string): string {
  const n = s.length;
  if (n < 64) {
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(FOLD_TABLE[s.charCodeAt(i)]);
    return out;
  }
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = FOLD_TABLE[s.charCodeAt(i)];
  return UTF16.decode(out);
}

/**
 * A pure string function remembered for the short strings it was last called with: names,
 * issuers and kinds recur in every plan, and `normalize` costs far more than a look-up.
 * Bounded: strings over `longest` code units are not remembered (a search index folds each
 * document's header once), and the memory is dropped when it holds `size` strings (at most
 * a few MB).
 */
function remembered(f: (s: string) => string, size = 10_000, longest = 300): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    if (s.length > longest) return f(s);
    let r = memo.get(s);
    if (r === undefined) {
      if (memo.size >= size) memo.clear();
      memo.set(s, (r = f(s)));
    }
    return r;
  };
}

/** Accent-free, lower-case, whitespace-collapsed form for comparing names and phrases. */
export const foldPhrase = remembered((s) =>
  foldText(s.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

/** Loose symbol form: upper-case, accent-free, every run of separators/space → one space. */
export function foldSymbol(s: string): string {
  return foldText(s.normalize('NFC'))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

const TONES = '\u0300\u0301\u0303\u0309\u0323';
const TONE_RE = new RegExp(`[${TONES}]`);

/**
 * One tone placement for "oa", "oe", "uy" with no final consonant ("uy" after q is left
 * alone: quý): the mark goes on the first vowel (hòa, khỏe, thủy, Ủy). With a final letter
 * it goes on the second in every style (toàn, hoạch, ngoài), where old typing tools put
 * it on the first ("tòan", "họach"). Operates on NFD.
 */
function canonicalTonePlacement(nfd: string): string {
  return nfd.replace(
    /([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])(?=\p{L})/gu,
    (_m, v1: string, tone: string, v2: string) => `${v1}${v2}${tone}`,
  ).replace(
    // vowel pair where the tone sits on the second vowel, not followed by a letter
    /([oO])([aAeE])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu,
    (_m, v1: string, v2: string, tone: string) => `${v1}${tone}${v2}`,
  ).replace(
    /(^|[^qQ])([uU])([yY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu,
    (_m, pre: string, v1: string, v2: string, tone: string) => `${pre}${v1}${tone}${v2}`,
  );
}

/** NFC text with one fixed tone placement and Ð → Đ: the form stored in keys and compared. */
export const canonicalVi = remembered((s) => {
  let t = s.replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111');
  const nfd = t.normalize('NFD');
  t = TONE_RE.test(nfd) ? canonicalTonePlacement(nfd) : nfd;
  return t.normalize('NFC');
});

/** Collapse runs of whitespace to one space and trim. */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
