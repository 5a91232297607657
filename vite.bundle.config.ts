import { defineConfig } from 'vite';
import { minifyLitCss } from './scripts/vite-minify-css.js';
import { chunkGroups } from './scripts/vite-chunks.js';

// The one-file module for <script type="module" src="annotated-transcript.js">: the viewer with
// Lit included, minified. What a page may not need (annotations, search, downloads, the other
// formats, translations, the uk/ru locales) is split into chunks beside it,
// `annotated-transcript.<name>-<hash>.js`, loaded on demand with import() relative to the module
// (so the folder works from any path). See README.md, "Design".
export default defineConfig({
  plugins: [minifyLitCss()],
  define: { 'process.env.NODE_ENV': '"production"' },
  resolve: { conditions: ['production', 'module', 'browser', 'default'] },
  build: {
    lib: { entry: { 'annotated-transcript': 'src/viewer.ts' }, formats: ['es'] },
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    rolldownOptions: {
      // The modules the entry and the lazy chunks share live in the entry (the lazy chunks import
      // them from it), so that what a page loads up front is this one file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        codeSplitting: { groups: chunkGroups('annotated-transcript') },
        // Vite leaves whitespace in ES library builds (for consumers' minifiers); this file is final.
        minify: true,
        chunkFileNames: 'annotated-transcript.[name]-[hash].js',
      },
    },
  },
});
