import { defineConfig } from 'vite';

// The static demo site: relative paths, so it works under any sub-path of any static server.
export default defineConfig({
  root: 'demo',
  base: './',
  publicDir: '../data/demo',
  build: { outDir: '../dist-demo', emptyOutDir: true, target: 'es2022' },
  server: { fs: { allow: ['..'] } },
});
