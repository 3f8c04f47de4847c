/**
 * Highlighted snippets computed on the original (NFC) text. The query's folded
 * terms become one regular expression in which every letter is the class of all
 * letters that fold to it ("d" → [dDđĐ…]), so matches are found, and marked, in
 * the accented original directly; only the snippet window is scanned past the
 * first match, which keeps megabyte-long texts cheap. Output is safe HTML: the
 * text is escaped, whitespace collapsed, matches wrapped in <mark>…</mark>.
 */
import { foldChar } from '../../ingest/normalize.ts';
import type { HighlightTerms } from './query.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escape and collapse whitespace of a plain piece of text. */
function plain(s: string): string {
  return escapeHtml(s).replace(/\s+/g, ' ');
}

/** Folded character → every BMP code unit that folds to it, as a regex class body. */
const VARIANTS = (() => {
  const m = new Map<string, string>();
  for (let c = 0; c < 0x2000; c++) {
    const f = String.fromCharCode(foldChar(c));
    if (f !== String.fromCharCode(c) || /[a-z]/.test(f)) m.set(f, (m.get(f) ?? '') + String.fromCharCode(c));
  }
  return m;
})();

function termPattern(folded: string): string {
  return [...folded].map((ch) => (VARIANTS.has(ch) ? `[${VARIANTS.get(ch)}]` : ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))).join('');
}

const WORD = '[\\p{L}\\p{N}\\p{M}]';

/** One regex matching any query phrase (separated tokens), whole word, or word prefix. */
function termsRegex(terms: HighlightTerms): RegExp | null {
  const alts = [
    ...terms.phrases.map((p) => p.map(termPattern).join(`(?:(?!${WORD}).)+`)),
    ...[...terms.words].map(termPattern),
  ].map((a) => `${a}(?!${WORD})`);
  alts.push(...terms.prefixes.map((p) => `${termPattern(p)}${WORD}*`));
  return alts.length ? new RegExp(`(?<!${WORD})(?:${alts.join('|')})`, 'giu') : null;
}

/**
 * A snippet of `text` (NFC) with the query's matches marked, or null when nothing
 * matches. Text longer than `maxLength` is cut to a window starting a little
 * before the first match, with "…" where it was cut.
 */
export function highlight(text: string, terms: HighlightTerms, maxLength = 240): string | null {
  const re = termsRegex(terms);
  const first = re?.exec(text);
  if (!re || !first) return null;

  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    from = Math.max(0, first.index - Math.floor(maxLength / 4));
    const space = text.lastIndexOf(' ', from);
    if (from > 0 && space > from - 20) from = space + 1;
    to = Math.min(text.length, from + maxLength);
    const end = text.indexOf(' ', to);
    if (to < text.length && end !== -1 && end < to + 20) to = end;
  }

  let out = from > 0 ? '…' : '';
  let pos = from;
  re.lastIndex = first.index;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    out += `${plain(text.slice(pos, m.index))}<mark>${escapeHtml(text.slice(m.index, end))}</mark>`;
    pos = end;
  }
  out += plain(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out.trim();
}
