import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Puts data/demo/article.html (the generated, trusted demo article) into the page at build time. */
function injectArticle(): Plugin {
  return {
    name: 'inject-demo-article',
    transformIndexHtml(html) {
      const article = readFileSync(new URL('./data/demo/article.html', import.meta.url), 'utf8')
        .replace('<article>', '<article id="article" class="article" tabindex="-1">');
      return html.replace('<!-- demo-article -->', article);
    },
  };
}

// The static demo site: relative paths, so it works under any sub-path of any static server.
export default defineConfig({
  root: 'demo',
  base: './',
  publicDir: '../data/demo',
  plugins: [injectArticle()],
  build: {
    outDir: '../dist-demo', emptyOutDir: true, target: 'es2022',
    // The pages of the site: the demo, the iframe embed for CMSs (README.md, "Embed in a CMS"), the annotation editor.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./demo/embed.html', import.meta.url)),
        // The player pages (issue 10): one per kind of media.
        ...Object.fromEntries(['index', 'video', 'audio', 'youtube', 'vimeo', 'hls', 'media-chrome'].map((p) => [`players-${p}`, fileURLToPath(new URL(`./demo/players/${p}.html`, import.meta.url))])),
        editor: fileURLToPath(new URL('./demo/editor.html', import.meta.url)),
      },
    },
  },
  server: { fs: { allow: ['..'] } },
});
