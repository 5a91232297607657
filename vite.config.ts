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

const source = (re: string) => new RegExp(`[\\\\/]src[\\\\/](${re})\\.ts$`);
/** What `<at-evidence-map>` needs up front, and so every element. */
const ELEMENTS = source('components/(evidence-map|kits)|controllers/(lazy|emitter)|localization|events|generated/locale-codes');
/** `<at-claim-marker>`: up front for its subpath, else with the annotation module. */
const CLAIM_MARKER = source('components/(claim-marker|labels|claim-tokens\\.styles)');
/** Viewer modules the lazy parts import too (the annotation module draws the evidence map with them): not in the viewer's chunk, so that a map alone never loads the viewer. */
const COMMON = source('components/(line-row|time-label)|model/time|model/annotations/types');
/** Subpath entries keep their own code (the React wrappers import react: never the viewer's chunk). */
const SUBPATHS = source('index|editor|ssr|components/server-rows|entries/[\\w-]+|react(/[\\w/-]+)?');

function elementGroups(groups: ReturnType<typeof chunkGroups>) {
  return [
    // (one chunk, not two: every chunk a bundler makes of them costs the viewer ~0.4 kB gzip)
    { name: 'elements', test: (id: string) => ELEMENTS.test(id) || COMMON.test(id), priority: 20 },
    { name: 'claim-marker', test: CLAIM_MARKER, priority: 20 },
    ...groups.map((g) => (g.tags ? { ...g, test: (id: string) => ![ELEMENTS, CLAIM_MARKER, COMMON, SUBPATHS].some((re) => re.test(id)) } : g)),
  ];
}

// npm build: dist/index.js (+ chunks loaded on demand, + tools.js), lit and @lit/* external,
// unminified so that consumers keep lit's dev/prod export conditions.
export default defineConfig({
  plugins: [minifyLitCss(), separateTools()],
  build: {
    // The root entry, and one subpath per element (package.json "exports"): importing one element
    // loads only what it needs, the modules entries share are chunks of their own.
    lib: {
      entry: {
        index: 'src/index.ts',
        'entries/annotated-transcript': 'src/entries/annotated-transcript.ts',
        'entries/evidence-map': 'src/entries/evidence-map.ts',
        'entries/claim-marker': 'src/entries/claim-marker.ts',
        react: 'src/react.ts',
        'react/editor': 'src/react/editor.ts',
        // Server rendering only (annotated-transcript/ssr): never imported in a browser.
        ssr: 'src/ssr.ts',
        // The annotation editor (annotated-transcript/editor): one dynamic import, never in the viewer's chunks.
        editor: 'src/editor.ts',
      },
      formats: ['es'],
    },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^@lit-labs\//, /^approx-string-match(\/|$)/, /^react(-dom)?(\/|$)/],
      output: {
        // Everything the entry needs at once is one chunk (`viewer-<hash>.js`, beside the entry's
        // own exports in index.js); each part loaded on demand is a chunk of its own.
        // The subpaths of single elements take only their own chunk: `elements-<hash>.js` (what
        // every element needs) and `claim-marker-<hash>.js` (shared with the annotation module)
        // are apart from the viewer's.
        codeSplitting: { groups: elementGroups(chunkGroups('viewer')) },
      },
    },
  },
});
