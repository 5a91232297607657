/**
 * `annotated-transcript/ssr`: import it on the server, beside the element, to render the lines of
 * a viewer's `transcript` into the HTML with @lit-labs/ssr (see README.md, "Server rendering").
 * It registers `<at-server-lines>`, which the browser never defines (never import this there).
 */
export { ServerLines } from './components/server-rows.js';
