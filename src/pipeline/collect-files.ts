/**
 * Expand command-line paths into the list of files to ingest: folders are
 * walked recursively (sorted, hidden entries skipped, each real folder visited
 * once so symlink loops end), keeping files whose extension a reader handles.
 * A path named explicitly is always kept; a missing one is reported, not thrown.
 */
import type { Dirent } from 'node:fs';
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

  const keep = (file: string, real: string) => {
    if (!seenFiles.has(real)) {
      seenFiles.add(real);
      files.push(file);
    }
  };
  const addFile = async (file: string) => keep(file, await realpath(file));
  const ingestible = (name: string) => INGESTIBLE_EXTENSIONS.includes(path.extname(name).toLowerCase());

  const walk = async (dir: string) => {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    // entry types come with the listing: a plain file or folder costs no stat (a million-file corpus is listed in seconds)
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e: Dirent) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      try {
        if (entry.isFile()) {
          // not a link, in a folder whose real path is known: that is its real path too
          if (ingestible(entry.name)) keep(full, path.join(real, entry.name));
          continue;
        }
        const info = entry.isDirectory() ? entry : await stat(full); // a link is followed
        if (info.isDirectory()) await walk(full);
        else if (info.isFile() && ingestible(entry.name)) await addFile(full);
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
