/**
 * Ingest progress on stderr: a one-line bar redrawn in place on a TTY, plain
 * lines otherwise (logs, CI). Failures are always printed on their own line.
 */
import type { IngestOutcome, IngestSummary, ProgressListener } from './ingest.ts';

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  let total = 0;
  let seen = 0;
  const tty = stream.isTTY === true;
  const bar = (file: string) => {
    const width = 30;
    const filled = total ? Math.round((seen / total) * width) : width;
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${seen}/${total} ${name}`);
  };
  return {
    start(n) {
      total = n;
    },
    file(outcome: IngestOutcome) {
      seen++;
      const line =
        outcome.status === 'failed'
          ? `FAILED ${outcome.file}: ${outcome.reason}`
          : `${outcome.status} ${outcome.file} → ${outcome.document.id}${outcome.status === 'ingested' ? ` (${outcome.citations} citations, ${outcome.unresolved} unresolved)` : ''}`;
      if (!tty) stream.write(`[${seen}/${total}] ${line}\n`);
      else if (outcome.status === 'failed') stream.write(`\r\x1b[2K${line}\n`);
      if (tty) bar(outcome.file);
    },
    done(_summary: IngestSummary) {
      if (tty) stream.write('\n');
    },
  };
}

export function formatSummary(s: IngestSummary): string {
  const lines = [`${s.ingested} ingested, ${s.unchanged} unchanged, ${s.failed.length} failed`];
  for (const f of s.failed) lines.push(`  ${f.file}: ${f.reason}`);
  return lines.join('\n');
}
