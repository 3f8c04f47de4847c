/**
 * Highlighted snippets computed from the original text: matching is done on the
 * folded text (foldText keeps NFC text's length), so every mark maps back to
 * the same offsets in the accented original. Output is safe HTML: the text is
 * escaped, whitespace collapsed, and matches wrapped in <mark>…</mark>.
 */
import { foldText } from '../../ingest/normalize.ts';
import type { HighlightTerms } from './query.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escape and collapse whitespace of a plain piece of text. */
function plain(s: string): string {
  return escapeHtml(s).replace(/\s+/g, ' ');
}

/**
 * [start, end) of every token of `folded` that is a query word or starts with a
 * query prefix, and of every run of tokens equal to a query phrase (one range).
 */
function matchRanges(folded: string, terms: HighlightTerms): [number, number][] {
  const toks = [...folded.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  const out: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i][0];
    const phrase = terms.phrases.find((p) => p.every((w, k) => toks[i + k]?.[0] === w));
    if (phrase) {
      const last = toks[i + phrase.length - 1];
      out.push([toks[i].index, last.index + last[0].length]);
      i += phrase.length - 1;
    } else if (terms.words.has(t) || terms.prefixes.some((p) => t.startsWith(p))) {
      out.push([toks[i].index, toks[i].index + t.length]);
    }
  }
  return out;
}

/**
 * A snippet of `text` with the query's matches marked, or null when nothing matches.
 * Text longer than `maxLength` is cut to a window starting a little before the
 * first match, with "…" where it was cut.
 */
export function highlight(text: string, terms: HighlightTerms, maxLength = 240): string | null {
  const display = text.normalize('NFC');
  const ranges = matchRanges(foldText(display), terms);
  if (ranges.length === 0) return null;

  let from = 0;
  let to = display.length;
  if (display.length > maxLength) {
    from = Math.max(0, ranges[0][0] - Math.floor(maxLength / 4));
    const space = display.lastIndexOf(' ', from);
    if (from > 0 && space > from - 20) from = space + 1;
    to = Math.min(display.length, from + maxLength);
    const end = display.indexOf(' ', to);
    if (to < display.length && end !== -1 && end < to + 20) to = end;
  }

  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const ms = Math.max(s, from);
    const me = Math.min(e, to);
    out += `${plain(display.slice(pos, ms))}<mark>${escapeHtml(display.slice(ms, me))}</mark>`;
    pos = me;
  }
  out += plain(display.slice(pos, to));
  if (to < display.length) out += '…';
  return out.trim();
}
