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

/** Start of the line holding text[pos - 1], looking back at most MAX_REACH characters (-1 past that): lines can be megabytes long. */
function lineStartNear(text: string, pos: number): number {
  const floor = Math.max(0, pos - MAX_REACH);
  for (let i = pos; i > floor; i--) if (text.charCodeAt(i - 1) === 10) return i;
  return floor === 0 ? 0 : -1;
}

function isHeadingLine(text: string, lineStart: number): boolean {
  return lineStart >= 0 && HEADING.test(text.slice(lineStart, lineStart + 8));
}

function isItemStart(text: string, lineStart: number): boolean {
  return ITEM_START.test(text.slice(lineStart, lineStart + 12));
}

/** [start, end) of the sentence containing text[spanStart, spanEnd). */
export function sentenceBounds(text: string, spanStart: number, spanEnd: number): { start: number; end: number } {
  const lineStart = lineStartNear(text, spanStart);
  if (isHeadingLine(text, lineStart)) {
    const lineEnd = text.indexOf('\n', spanEnd);
    return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd };
  }
  let start = spanStart;
  const floor = Math.max(0, spanStart - MAX_REACH);
  while (start > floor) {
    const prev = text[start - 1];
    if (/\s/.test(text[start] ?? '') && TERMINATOR.test(prev)) break;
    if (prev === '\n' && isItemStart(text, start)) break;
    if (prev === '\n' && isHeadingLine(text, lineStartNear(text, start - 1))) break; // the line above is a heading
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
