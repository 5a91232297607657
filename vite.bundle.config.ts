import { defineConfig, type Plugin } from 'vite';
import { build as esbuild } from 'esbuild';
import { minifyLitCss } from './scripts/vite-minify-css.js';
import { chunkGroups } from './scripts/vite-chunks.js';

// The one-file module for <script type="module" src="annotated-transcript.js">: the viewer with
// Lit included, minified. What a page may not need (annotations, search, downloads, the other
// formats, translations, the uk/ru locales) is split into chunks beside it,
// `annotated-transcript.<name>-<hash>.js`, loaded on demand with import() relative to the module
// (so the folder works from any path). See README.md, "Design".
/**
 * `dist/annotation-editor.js`: the annotation editor (src/editor.ts) as one module beside the
 * viewer's, Lit included, minified. Built apart (esbuild, after the viewer's bundle): a second
 * entry in this build would turn annotated-transcript.js into a facade over a shared chunk.
 */
function editorBeside(): Plugin {
  return {
    name: 'annotation-editor-beside',
    apply: 'build',
    async generateBundle() {
      const result = await esbuild({
        entryPoints: ['src/editor.ts'], bundle: true, format: 'esm', target: 'es2022', write: false, outfile: 'annotation-editor.js',
        minify: true, sourcemap: 'external', legalComments: 'none', logLevel: 'error', conditions: ['production', 'module', 'browser', 'default'],
        define: { 'process.env.NODE_ENV': '"production"' }, tsconfig: 'tsconfig.json',
      });
      for (const file of result.outputFiles) {
        this.emitFile({ type: 'asset', fileName: file.path.endsWith('.map') ? 'annotation-editor.js.map' : 'annotation-editor.js', source: file.text });
      }
    },
  };
}

export default defineConfig({
  plugins: [minifyLitCss(), editorBeside()],
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
