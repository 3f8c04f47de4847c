/**
 * `npm start` runs this first: builds the web UI into web/dist/ when it is missing or
 * older than any of its sources; otherwise does nothing.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const web = path.resolve(import.meta.dirname, '..');
const SOURCES = ['index.html', 'vite.config.ts', 'src', 'public'];

function newest(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

let built = 0;
try {
  built = statSync(path.join(web, 'dist', 'index.html')).mtimeMs;
} catch {
  // missing: build
}
if (built < Math.max(...SOURCES.map((s) => newest(path.join(web, s))))) {
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  console.log('web UI built into web/dist/');
}
