import { defineConfig, type Plugin } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { minifyLitCss } from './scripts/vite-minify-css.js';
import { chunkGroups } from './scripts/vite-chunks.js';

const TOOLS = fileURLToPath(new URL('./src/tools.ts', import.meta.url));

/**
 * `src/tools.ts` (the synchronous data tools the npm entry re-exports) becomes `dist/tools.js`,
 * bundled on its own, and `dist/index.js` imports it as an external file. The viewer's chunks
 * loaded on demand hold their own copy of what they need of the model, so no file is shared
 * between those chunks and the entry: a bundler drops `tools.js` whole from a page that uses
 * none of the tools, and loads nothing of the annotation subsystem up front.
 */
function separateTools(): Plugin {
  return {
    name: 'separate-tools',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './tools.js' && importer && fileURLToPath(new URL('./tools.ts', `file://${importer}`)) === TOOLS) {
        return { id: './tools.js', external: true };
      }
      return null;
    },
    async generateBundle() {
      const result = await esbuild({
        entryPoints: [TOOLS], bundle: true, format: 'esm', target: 'es2022', write: false, outfile: 'tools.js',
        sourcemap: 'external', external: ['approx-string-match'], logLevel: 'error', legalComments: 'none',
      });
      for (const file of result.outputFiles) {
        this.emitFile({ type: 'asset', fileName: file.path.endsWith('.map') ? 'tools.js.map' : 'tools.js', source: file.text });
      }
    },
  };
}

// npm build: dist/index.js (+ chunks loaded on demand, + tools.js), lit and @lit/* external,
// unminified so that consumers keep lit's dev/prod export conditions.
export default defineConfig({
  plugins: [minifyLitCss(), separateTools()],
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^approx-string-match(\/|$)/],
      output: {
        // Everything the entry needs at once is one chunk (`viewer-<hash>.js`, beside the entry's
        // own exports in index.js); each part loaded on demand is a chunk of its own.
        codeSplitting: { groups: chunkGroups('viewer') },
      },
    },
  },
});
