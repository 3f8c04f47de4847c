/**
 * A legal-basis trace as audit files: one row per piece of evidence, CSV (Excel-ready) or JSON. Pure.
 * The rows are the evidence the API returned for each step (its first 50); `evidence_count` is how
 * many pieces the edge has in all.
 */
import { docLabel, formatDate, RELATION_LABEL } from './format.ts';
import type { DocSummary, TraceStep } from './queries.ts';

const COLUMNS = [
  'depth',
  'from_id',
  'from',
  'relation',
  'relation_label',
  'to_id',
  'to',
  'to_date',
  'evidence_count',
  'evidence_source',
  'section',
  'start',
  'end',
  'quote',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number>;

function rows(steps: readonly TraceStep[]): Row[] {
  return steps.flatMap((s): Row[] => {
    const base = {
      depth: s.depth,
      from_id: s.from.id,
      from: docLabel(s.from),
      relation: s.relation,
      relation_label: RELATION_LABEL[s.relation],
      to_id: s.to.id,
      to: docLabel(s.to),
      to_date: formatDate(s.to.date),
      evidence_count: s.evidenceCount,
    };
    const none = { evidence_source: '', section: '', start: '', end: '', quote: '' };
    if (s.evidence.length === 0) return [{ ...base, ...none }];
    return s.evidence.map((e) => ({ ...base, evidence_source: e.source, section: e.section, start: e.start, end: e.end, quote: e.quote }));
  });
}

/** A CSV cell: quoted when needed; a leading formula character is neutralised for spreadsheets. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^([=+@\t\r]|-(?!\s))/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 BOM + CRLF rows so that Excel opens Vietnamese text correctly. */
export function traceCsv(steps: readonly TraceStep[]): string {
  const lines = [COLUMNS.join(','), ...rows(steps).map((r) => COLUMNS.map((c) => cell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function traceJson(root: DocSummary, steps: readonly TraceStep[], exportedAt: Date): string {
  return `${JSON.stringify({ document: root, exportedAt: exportedAt.toISOString(), steps }, null, 2)}\n`;
}
