import { defineConfig } from 'vite';
import { minifyLitCss } from './scripts/vite-minify-css.js';

// One self-contained, minified module for <script type="module" src="annotated-transcript.js">.
// Everything (lit included) is inlined; dynamic imports (locales) are inlined too, so the file stands alone.
export default defineConfig({
  plugins: [minifyLitCss()],
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: { conditions: ['production', 'module', 'browser', 'default'] },
  build: {
    lib: { entry: { 'annotated-transcript': 'src/index.ts' }, formats: ['es'] },
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
