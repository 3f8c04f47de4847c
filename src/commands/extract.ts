/**
 * cancu extract [--json] FILE...
 * Prints one Extraction per file. With --json: one JSON array (the machine contract);
 * without: a readable summary for people. A file that cannot be read is reported
 * (in --json as an entry with an error diagnostic) and the others go on.
 */
import { extract } from '../../ingest/index.ts';
import type { Extraction } from '../../ingest/model.ts';
import { ReadError, readDocument } from '../../ingest/read/index.ts';

const USAGE = 'usage: cancu extract [--json] FILE...';

function emptyExtraction(file: string, code: string, message: string): Extraction {
  return {
    file,
    header: { key: null, symbol: null, kind: null, date: null, year: null, place: null, issuer: null, title: null, signer: null, province: null, district: null, commune: null, level: null },
    citations: [],
    statedRelations: [],
    diagnostics: [{ severity: 'error', code, message }],
  };
}

function human(x: Extraction): string {
  const h = x.header;
  const lines = [`${x.file}`, `  ${[h.kind, h.symbol, h.date ?? h.year, h.issuer].filter(Boolean).join(' · ')}`];
  if (h.title) lines.push(`  “${h.title}”`);
  for (const c of x.citations) {
    // a law cited by name: its name (which holds its kind), and the number it resolved to
    const id = c.symbol ? `${c.kind} ${c.symbol}` : `${c.name ?? c.kind}${/^\d/.test(c.key) ? ` [${c.key}]` : ''}`;
    const extra = [c.date, c.issuer].filter(Boolean).join(', ');
    lines.push(`  ${c.relation.padEnd(10)} ${id}${extra ? ` (${extra})` : ''} ×${c.mentions.length}${c.ambiguous ? `  [ambiguous: ${c.ambiguous.reason}]` : ''}`);
  }
  for (const r of x.statedRelations) lines.push(`  stated     ${r.from} ${r.relation} ${r.to}`);
  for (const d of x.diagnostics) lines.push(`  ${d.severity}: ${d.code}: ${d.message}`);
  return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const results: Extraction[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const doc = await readDocument(file);
      const x = extract({ file, text: doc.text });
      x.diagnostics.unshift(...doc.diagnostics);
      results.push(x);
      if (!json) console.log(human(x) + '\n');
    } catch (err) {
      failed++;
      const code = err instanceof ReadError ? err.code : 'extract-failed';
      const message = err instanceof Error ? err.message : String(err);
      console.error(`cancu extract: ${file}: ${message}`);
      if (json) results.push(emptyExtraction(file, code, message));
    }
  }
  if (json) process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  return failed ? 1 : 0;
}
