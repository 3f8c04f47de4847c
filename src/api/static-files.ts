/**
 * The web UI's built files (web/dist) served at "/": a file when the path names
 * one inside the root, else index.html (client-side routes). Never escapes the root.
 *
 * Compressed copies made by the build (FILE.br, FILE.gz: web/vite.config.ts) are sent to
 * browsers that accept them (Cytoscape's 435 KB chunk is 115 KB as brotli); nothing is
 * compressed per request. Files under assets/ carry a content hash in their names and are
 * cached for good; the others are revalidated, and an unchanged one answers 304.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Encodings the build may have made, best first, with their files' suffix. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

async function fileStat(p: string): Promise<Stats | null> {
  return stat(p).then((s) => (s.isFile() ? s : null), () => null);
}

/** Content codings the request accepts (a q of 0 refuses one). */
function accepted(req: IncomingMessage): Set<string> {
  const out = new Set<string>();
  for (const part of String(req.headers['accept-encoding'] ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (coding && !(q && Number(q[1]) === 0)) out.add(coding);
  }
  return out;
}

/** Serve GET/HEAD `pathname` from `root`; false when nothing can be served (no UI built). */
export async function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const inside = candidate === root || candidate.startsWith(root + path.sep);
  let file = inside ? candidate : path.join(root, 'index.html');
  let st = inside ? await fileStat(candidate) : null;
  if (!st) {
    file = path.join(root, 'index.html');
    st = await fileStat(file);
  }
  if (!st) return false;

  // A compressed copy older than its file is stale (not from the same build): not used.
  const codings = accepted(req);
  const copies = await Promise.all(ENCODINGS.map(([, suffix]) => fileStat(file + suffix)));
  let encoding: { name: string; file: string; st: Stats } | null = null;
  for (const [i, [name, suffix]] of ENCODINGS.entries()) {
    const cst = copies[i];
    if (codings.has(name) && cst && cst.mtimeMs >= st.mtimeMs) {
      encoding = { name, file: file + suffix, st: cst };
      break;
    }
  }
  const sent = encoding?.st ?? st;
  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${encoding ? `-${encoding.name}` : ''}"`;
  const headers: Record<string, string> = {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Vite puts content hashes in the names of files under assets/: cache those for good, revalidate the rest.
    'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
  };
  if (encoding) headers['content-encoding'] = encoding.name;
  // A file with compressed copies is sent differently by Accept-Encoding: caches must keep them apart.
  if (copies.some(Boolean)) headers.vary = 'accept-encoding';

  const match = String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (match.includes(etag)) {
    res.writeHead(304, { etag, 'cache-control': headers['cache-control'], ...(headers.vary ? { vary: headers.vary } : {}) });
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': String(sent.size) });
  if (req.method === 'HEAD') res.end();
  else createReadStream(encoding?.file ?? file).pipe(res);
  return true;
}
