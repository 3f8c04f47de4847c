/** Cutting a document's text into plain runs and marked mentions (evidence offsets). Pure. */

export interface Span<T> {
  start: number;
  end: number;
  data: T;
}

export interface Segment<T> {
  text: string;
  span?: Span<T>;
}

/**
 * Plain and marked segments in text order. Where spans overlap, the one starting first
 * (then the longest) wins and the others are dropped; spans outside the text are dropped.
 */
export function segments<T>(text: string, spans: readonly Span<T>[]): Segment<T>[] {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment<T>[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
