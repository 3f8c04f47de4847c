/**
 * Expand command-line paths into the list of files to ingest: folders are
 * walked recursively (sorted, hidden entries skipped, each real folder visited
 * once so symlink loops end), keeping files whose extension a reader handles.
 * A path named explicitly is always kept; a missing one is reported, not thrown.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const INGESTIBLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'];

export interface CollectedFiles {
  files: string[];
  /** Paths that could not be listed, with the reason. */
  errors: { file: string; reason: string }[];
}

export async function collectFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const errors: CollectedFiles['errors'] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = async (file: string) => {
    const real = await realpath(file);
    if (!seenFiles.has(real)) {
      seenFiles.add(real);
      files.push(file);
    }
  };

  const walk = async (dir: string) => {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
    for (const name of entries) {
      const full = path.join(dir, name);
      try {
        const info = await stat(full); // follows symlinks
        if (info.isDirectory()) await walk(full);
        else if (info.isFile() && INGESTIBLE_EXTENSIONS.includes(path.extname(name).toLowerCase())) await addFile(full);
      } catch (err) {
        errors.push({ file: full, reason: (err as Error).message });
      }
    }
  };

  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) await walk(p);
      else await addFile(p);
    } catch (err) {
      errors.push({ file: p, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message });
    }
  }
  return { files, errors };
}
