import { defineConfig } from 'vite';
import { minifyLitCss } from './scripts/vite-minify-css.js';

// npm build: dist/index.js (+ chunks), lit and @lit/* external, unminified so that
// consumers keep lit's dev/prod export conditions.
export default defineConfig({
  plugins: [minifyLitCss()],
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
