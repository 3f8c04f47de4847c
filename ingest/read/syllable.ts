/**
 * How Vietnamese a decoded text looks: the yardstick used to choose between candidate
 * decodings of legacy 8-bit bytes (ingest/read/legacy.ts). A right decoding yields words
 * that are Vietnamese syllables; a wrong one yields symbols (©, ¸, µ …) and impossible
 * vowel clusters ("aự", "ieo").
 */

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The 134 non-ASCII Vietnamese letters (67 lower-case, 67 upper-case), NFC. */
export const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const lower: string[] = [];
  for (const vowel of 'aăâeêioôơuưy') {
    for (const tone of ['', ...TONE_MARKS]) {
      const c = (vowel + tone).normalize('NFC');
      if (c.charCodeAt(0) >= 0x80) lower.push(c);
    }
  }
  lower.push('đ');
  return [...lower, ...lower.map((c) => c.toUpperCase())];
})();

const NUCLEI = [
  'uyê', 'uya', 'uyu', 'ươi', 'ươu', 'uôi', 'oai', 'oay', 'oao', 'oeo', 'iêu', 'yêu', 'uây',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo',
  'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
/** onset? nucleus coda? on a lower-case, toneless syllable. */
const SYLLABLE_RE = new RegExp(
  `^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(?:${NUCLEI.join('|')})(?:ch|ng|nh|[cmnpt])?$`,
);

/** True when `word` (letters only, any case, NFC or NFD) is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_RE);
  if (tones && tones.length > 1) return false;
  return SYLLABLE_RE.test(nfd.replace(TONE_RE, '').normalize('NFC'));
}

export interface VietnameseScore {
  /** Words with a non-ASCII letter that are Vietnamese syllables. */
  good: number;
  /** Words with a non-ASCII letter that are not, plus stray non-ASCII symbols. */
  bad: number;
}

/** Punctuation and spaces that occur in genuine Vietnamese text and prove nothing. */
const NEUTRAL = /[\u00a0\u00b0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022]/;

/** Score a decoded sample: ASCII-only words are neutral. */
export function scoreVietnamese(text: string): VietnameseScore {
  let good = 0;
  let bad = 0;
  for (const m of text.normalize('NFC').matchAll(/[\p{L}\p{M}]+|[^\p{L}\p{M}\x00-\x7f]/gu)) {
    const token = m[0];
    if (/^[\x00-\x7f]*$/.test(token)) continue;
    if (!/[\p{L}\p{M}]/u.test(token)) {
      if (!NEUTRAL.test(token) && !/\s/.test(token)) bad++;
    } else if (isVietnameseSyllable(token)) good++;
    else bad++;
  }
  return { good, bad };
}
