// The last step of `npm run build`: Subresource Integrity hashes (sha384) of the one-file module
// dist/annotated-transcript.js and of every chunk it loads on demand, for pages that load it
// from a CDN. Writes dist/integrity.json ({ version, files: { name: "sha384-…" } }) and prints
// the snippet to paste: the <script> with `integrity`, and an import map whose `integrity` map
// covers the chunks the module imports later (browsers that support import-map integrity check
// them; the others load them as usual).
//   node scripts/integrity.mjs [--cdn https://cdn.jsdelivr.net/npm] [--quiet]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = join(ROOT, 'dist');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const flag = (f) => process.argv.indexOf(f);
const cdn = (flag('--cdn') > 0 ? process.argv[flag('--cdn') + 1] : 'https://cdn.jsdelivr.net/npm').replace(/\/$/, '');
const quiet = process.argv.includes('--quiet');

export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

if (!existsSync(join(dist, 'annotated-transcript.js'))) {
  console.error('integrity: dist/annotated-transcript.js is missing: run `npm run build` first.');
  process.exit(1);
}
const names = readdirSync(dist).filter((f) => f === 'annotated-transcript.js' || /^annotated-transcript\.[\w-]+\.js$/.test(f)).sort();
const files = Object.fromEntries(names.map((f) => [f, sri(readFileSync(join(dist, f)))]));
writeFileSync(join(dist, 'integrity.json'), `${JSON.stringify({ name, version, algorithm: 'sha384', files }, null, 2)}\n`);

if (!quiet) {
  const base = `${cdn}/${name}@${version}/dist`;
  const chunks = Object.fromEntries(names.filter((f) => f !== 'annotated-transcript.js').map((f) => [`${base}/${f}`, files[f]]));
  console.log(`integrity: dist/integrity.json (sha384 of ${names.length} files). For a CDN page:\n`);
  console.log(`<script type="importmap">\n${JSON.stringify({ integrity: chunks }, null, 2)}\n</script>`);
  console.log(`<script type="module" src="${base}/annotated-transcript.js"\n        integrity="${files['annotated-transcript.js']}" crossorigin="anonymous"></script>`);
}
