import type { Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit `css\`…\`` templates of our own sources at build time (the JS
 * minifier leaves template text alone): comments go, whitespace runs collapse. Templates with
 * `${…}` interpolations are left as they are.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/css`([^`$]*)`/g, (_m, body: string) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
      return { code: out, map: null };
    },
  };
}
