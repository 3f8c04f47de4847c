/** Builds the web UI (web/) into web/dist/, which the API server serves at "/". */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Inlines src/boot.ts (bundled on its own, as a classic script) in index.html's head, right
 * after the charset (which must stay in the first 1,024 bytes) and before the stylesheet (a
 * script after a stylesheet waits for it): it sends the page's
 * first request while the browser fetches and evaluates the app's bundle. Build only; the dev
 * server loads the app without it (the app sends its own requests).
 */
function inlineBoot(): Plugin {
  return {
    name: 'cancu-inline-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const cytoscape = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && /cytoscape/.test(c.fileName));
        const out = await build({
          configFile: false,
          root,
          logLevel: 'warn',
          define: { __CANCU_CYTOSCAPE__: JSON.stringify(cytoscape ? `./${cytoscape.fileName}` : '') },
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            lib: { entry: 'src/boot.ts', formats: ['iife'], name: 'cancuBoot' },
          },
        });
        const output = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
        const code = output.output.find((o) => o.type === 'chunk')?.code;
        if (!code) throw new Error('cancu-inline-boot: boot.ts produced no code');
        const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('cancu-inline-boot: index.html has no <meta charset="utf-8">');
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    <script>${code.trim().replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--')}</script>${html.slice(at)}`;
      },
    },
  };
}

/**
 * Writes FILE.br and FILE.gz beside every text file of 1 KB or more in the output, for the server
 * to send to browsers that accept them (src/api/static-files.ts): compressed once, at build time.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'cancu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(html|js|mjs|css|json|svg|txt|map)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [inlineBoot(), precompress()],
  server: { proxy: { '/graphql': process.env.CANCU_API ?? 'http://localhost:4000' } },
});
