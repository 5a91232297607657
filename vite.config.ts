import { defineConfig } from 'vite';

// npm build: dist/index.js (+ chunks), lit and @lit/* external, unminified so that
// consumers keep lit's dev/prod export conditions.
export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rolldownOptions: { external: [/^lit(\/|$)/, /^@lit\//, /^approx-string-match(\/|$)/] },
  },
});
