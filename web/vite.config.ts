/** Builds the web UI (web/) into web/dist/, which the API server serves at "/". */
import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  root,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [inlineBoot()],
  server: { proxy: { '/graphql': process.env.CANCU_API ?? 'http://localhost:4000' } },
});
