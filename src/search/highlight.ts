/**
 * Highlighted snippets computed on the original (NFC) text. The text is folded
 * (foldText: same length, code unit by code unit), the query's folded terms are
 * found in the folded copy with a plain regular expression, and the same offsets
 * are marked in the accented original. Only the text up to the first match and
 * its window is read (highlightParts: texts stored in parts), which keeps long
 * texts cheap. Output is safe HTML: the text is escaped, whitespace collapsed,
 * matches wrapped in <mark>…</mark>.
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

const WORD = '[\\p{L}\\p{N}\\p{M}]';
const NOT_WORD = '[^\\p{L}\\p{N}\\p{M}]';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function literal(folded: string): string {
  return folded.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A query's terms compiled once, to mark many fields and texts. */
export class Highlighter {
  /** Any phrase (tokens with separators between) or whole word, in folded text; no start check (see next()). */
  private readonly re: RegExp | null;

  constructor(terms: HighlightTerms) {
    const alts = [
      ...terms.phrases.map((p) => `${p.map(literal).join(`${NOT_WORD}+`)}(?!${WORD})`),
      ...[...terms.words].map((w) => `${literal(w)}(?!${WORD})`),
    ];
    // no `i` flag (twice as slow): foldText lower-cases ASCII and Vietnamese letters; other
    // scripts' capitals are found by the index but not marked
    this.re = alts.length ? new RegExp(alts.join('|'), 'gu') : null;
  }

  /** The first match in `folded` at or after `from` that starts a word, or null. */
  private next(folded: string, from: number): RegExpExecArray | null {
    const re = this.re!;
    re.lastIndex = from;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m.index === 0 || !WORD_CHAR.test(folded[m.index - 1])) return m;
      re.lastIndex = m.index + 1;
    }
    return null;
  }

  /**
   * A snippet of `text` (NFC) with the query's matches marked, or null when nothing
   * matches. Text longer than `maxLength` is cut to a window starting a little
   * before the first match, with "…" where it was cut.
   */
  snippet(text: string, maxLength = 240): string | null {
    if (!this.re) return null;
    const folded = foldText(text);
    const first = this.next(folded, 0);
    return first ? this.window(text, folded, first, maxLength, false) : null;
  }

  /** snippet() of a text given in consecutive parts, reading only the parts up to the first match and its window. */
  snippetParts(parts: Iterable<string>, maxLength = 240): string | null {
    if (!this.re) return null;
    let text = '';
    let folded = '';
    let first: RegExpExecArray | null = null;
    for (const part of parts) {
      text += part;
      folded += foldText(part);
      // a match touching the end may go on in the next part: look again
      if (!first || first.index + first[0].length >= folded.length - part.length) first = this.next(folded, 0);
      if (first && first.index + first[0].length < folded.length && folded.length >= first.index + maxLength + 20) {
        return this.window(text, folded, first, maxLength, true);
      }
    }
    return first ? this.window(text, folded, first, maxLength, false) : null;
  }

  /** The window around `first` with every match in it marked; `more`: the text goes on past its end. */
  private window(text: string, folded: string, first: RegExpExecArray, maxLength: number, more: boolean): string {
    let from = 0;
    let to = text.length;
    if (text.length > maxLength || more) {
      from = Math.max(0, first.index - Math.floor(maxLength / 4));
      const space = text.lastIndexOf(' ', from);
      if (from > 0 && space > from - 20) from = space + 1;
      to = Math.min(text.length, from + maxLength);
      const end = text.indexOf(' ', to);
      if (to < text.length && end !== -1 && end < to + 20) to = end;
    }
    let out = from > 0 ? '…' : '';
    let pos = from;
    for (let m: RegExpExecArray | null = first; m && m.index < to; m = this.next(folded, m.index + Math.max(1, m[0].length))) {
      const end = Math.min(m.index + m[0].length, to);
      out += `${plain(text.slice(pos, m.index))}<mark>${escapeHtml(text.slice(m.index, end))}</mark>`;
      pos = end;
    }
    out += plain(text.slice(pos, to));
    if (to < text.length || more) out += '…';
    return out.trim();
  }
}

/** One snippet with the terms compiled for it (see Highlighter.snippet). */
export function highlight(text: string, terms: HighlightTerms, maxLength = 240): string | null {
  return new Highlighter(terms).snippet(text, maxLength);
}
