/**
 * Sentence bounds around a span of plan text, for evidence quotes.
 *
 * Plan texts come from PDFs and Word files: lines break in the middle of
 * sentences (even with blank lines), so line breaks alone do not end a
 * sentence. A sentence ends at . ! ? ; followed by white space, or where a
 * new line opens a list item or heading ("- ", "+ ", "1. ", "a) ", "II. ", "## ").
 * A Markdown heading is its own sentence: the quote is that line.
 * A quote never reaches further than MAX_REACH characters from the span.
 */
import { collapseSpace } from '../ingest/normalize.ts';

const MAX_REACH = 300;
const TERMINATOR = /[.!?;]/;
/** Matched right after a line break: the start of a list item or heading. */
const ITEM_START = /^[ \t]*(?:[-+•*–][ \t]|\d+(?:\.\d+)*[.)][ \t]|[a-zđ]\)[ \t]|[IVX]+\.[ \t]|#{1,6}[ \t])/u;
const HEADING = /^[ \t]*#{1,6}[ \t]/;

function isItemStart(text: string, lineStart: number): boolean {
  return ITEM_START.test(text.slice(lineStart, lineStart + 12));
}

/** [start, end) of the sentence containing text[spanStart, spanEnd). */
export function sentenceBounds(text: string, spanStart: number, spanEnd: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', spanStart - 1) + 1;
  if (HEADING.test(text.slice(lineStart, lineStart + 8))) {
    const lineEnd = text.indexOf('\n', spanEnd);
    return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd };
  }
  let start = spanStart;
  const floor = Math.max(0, spanStart - MAX_REACH);
  while (start > floor) {
    const prev = text[start - 1];
    if (/\s/.test(text[start] ?? '') && TERMINATOR.test(prev)) break;
    if (prev === '\n' && isItemStart(text, start)) break;
    if (prev === '\n' && HEADING.test(text.slice(text.lastIndexOf('\n', start - 2) + 1, start))) break; // the line above is a heading
    start--;
  }
  let end = spanEnd;
  const ceil = Math.min(text.length, spanEnd + MAX_REACH);
  while (end < ceil) {
    const c = text[end];
    if (TERMINATOR.test(c) && (end + 1 >= text.length || /\s/.test(text[end + 1]))) {
      end++;
      break;
    }
    if (c === '\n' && isItemStart(text, end + 1)) break;
    end++;
  }
  return { start, end };
}

/** The sentence around a span, cut from the original text, white space collapsed. */
export function quoteAround(text: string, spanStart: number, spanEnd: number): string {
  const { start, end } = sentenceBounds(text, spanStart, spanEnd);
  return collapseSpace(text.slice(start, end));
}
