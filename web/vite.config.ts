/** Builds the web UI (web/) into web/dist/, which the API server serves at "/". */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/graphql': process.env.CANCU_API ?? 'http://localhost:4000' } },
});
