/**
 * Files read ahead of the one being extracted. A read (stat, read, decode) waits on
 * the disk, and one file at a time the ingest sat idle through each of them; here up
 * to `ahead` reads are in flight while the current file is extracted and written.
 *
 * Memory stays bounded: the reads in flight hold at most `budgetBytes` of files
 * between them (by their size on disk), so a run of large files is read one at a
 * time, as before; a file over the budget is read alone.
 */
import { statSync } from 'node:fs';

export type ReadResult<T> = { file: string } & ({ ok: true; value: T } | { ok: false; error: unknown });

export interface ReadAheadOptions {
  /** Most reads in flight (default 8). */
  ahead?: number;
  /** Most bytes of files in flight together (default 32 MiB). */
  budgetBytes?: number;
}

/** `read(file)` for every file, in order, each started up to `ahead` files before it is yielded. */
export async function* readAhead<T>(files: readonly string[], read: (file: string) => Promise<T>, opts: ReadAheadOptions = {}): AsyncGenerator<ReadResult<T>> {
  const ahead = Math.max(1, opts.ahead ?? 8);
  const budget = opts.budgetBytes ?? 32 << 20;
  const inFlight: { bytes: number; done: Promise<ReadResult<T>> }[] = [];
  let held = 0;
  let next = 0;
  let nextBytes: number | null = null; // the size of files[next], once known
  const start = () => {
    while (next < files.length && inFlight.length < ahead) {
      // an unreadable file counts as empty here: read() fails it with its own message. A sync stat
      // (~4 µs) rather than a promise (~30 µs of this thread's time, more on a busy thread pool).
      nextBytes ??= sizeOf(files[next]);
      if (inFlight.length > 0 && held + nextBytes > budget) return;
      const file = files[next++];
      const done = read(file).then(
        (value): ReadResult<T> => ({ file, ok: true, value }),
        (error: unknown): ReadResult<T> => ({ file, ok: false, error }),
      );
      inFlight.push({ bytes: nextBytes, done });
      held += nextBytes;
      nextBytes = null;
    }
  };
  while (next < files.length || inFlight.length) {
    start();
    const head = inFlight.shift()!;
    const result = await head.done;
    held -= head.bytes;
    yield result;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}
