/**
 * The web UI's files as the server sends them (src/api/static-files.ts): the build's compressed
 * copies by Accept-Encoding, cache headers, revalidation, client routes and the root's bounds.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../src/api/static-files.ts';

let root: string;
let server: http.Server;
let base: string;
const APP = `console.log(${JSON.stringify('căn cứ '.repeat(500))});\n`;
const INDEX = '<!doctype html><title>Căn cứ</title>';

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (fetch would decode the body and hide content-encoding). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'cancu-static-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), INDEX);
  const app = path.join(root, 'assets', 'index-abc123.js');
  writeFileSync(app, APP);
  writeFileSync(`${app}.br`, brotliCompressSync(APP));
  writeFileSync(`${app}.gz`, gzipSync(APP));
  // a stale copy (older than its file) must not be sent
  const data = path.join(root, 'data.json');
  writeFileSync(`${data}.gz`, gzipSync('{"old":true}'));
  utimesSync(`${data}.gz`, new Date(2000, 0, 1), new Date(2000, 0, 1));
  writeFileSync(data, '{"new":true}');
  writeFileSync(path.join(tmpdir(), 'cancu-static-secret.txt'), 'secret');
  server = http.createServer((req, res) => {
    void serveStatic(root, new URL(req.url!, 'http://x').pathname, req, res).then((served) => {
      if (!served) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
  rmSync(path.join(tmpdir(), 'cancu-static-secret.txt'), { force: true });
});

describe('static files', () => {
  it('sends the brotli copy, else the gzip one, else the file, as the request accepts', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect([br.status, br.headers['content-encoding'], br.headers.vary, br.headers['content-type']]).toEqual([200, 'br', 'accept-encoding', 'text/javascript; charset=utf-8']);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(APP) / 10);

    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP);

    const plain = await get('/assets/index-abc123.js');
    expect([plain.headers['content-encoding'], plain.headers.vary, plain.body.toString()]).toEqual([undefined, 'accept-encoding', APP]);
  });

  it('never sends a compressed copy older than its file', async () => {
    const r = await get('/data.json', { 'accept-encoding': 'gzip' });
    expect([r.headers['content-encoding'], r.body.toString()]).toEqual([undefined, '{"new":true}']);
  });

  it('caches hashed assets for good, revalidates the rest, and answers 304 to a matching ETag', async () => {
    const asset = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get('/');
    expect([index.headers['cache-control'], index.headers['content-type'], index.body.toString()]).toEqual(['no-cache', 'text/html; charset=utf-8', INDEX]);
    const again = await get('/', { 'if-none-match': index.headers.etag! });
    expect([again.status, again.body.length, again.headers.etag]).toEqual([304, 0, index.headers.etag]);
    // each representation has its own tag: the brotli one does not validate the plain one
    expect(asset.headers.etag).not.toBe(plain(asset.headers.etag!));
    expect((await get('/assets/index-abc123.js', { 'if-none-match': asset.headers.etag! })).status).toBe(200);
    expect((await get('/assets/index-abc123.js', { 'if-none-match': asset.headers.etag!, 'accept-encoding': 'br' })).status).toBe(304);
  });

  it('serves index.html for client routes and never leaves the root', async () => {
    expect((await get('/some/route')).body.toString()).toBe(INDEX);
    expect((await get('/../cancu-static-secret.txt')).body.toString()).toBe(INDEX);
    expect((await get('/%2e%2e/cancu-static-secret.txt')).body.toString()).toBe(INDEX);
    const head = await get('/assets/index-abc123.js', {}, 'HEAD');
    expect([head.status, head.body.length, Number(head.headers['content-length'])]).toEqual([200, 0, Buffer.byteLength(APP)]);
  });
});

/** The tag of the uncompressed representation, from a compressed one's. */
function plain(etag: string): string {
  return etag.replace(/-(br|gzip)"$/, '"');
}
