// Prints the gzip/brotli sizes of the built bundles.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const files = ['dist/annotated-transcript.js', 'dist/index.js'];
for (const f of files) {
  const buf = readFileSync(f);
  console.log(
    `${f}: ${(buf.length / 1024).toFixed(1)} kB, gzip ${(gzipSync(buf, { level: 9 }).length / 1024).toFixed(1)} kB, brotli ${(brotliCompressSync(buf).length / 1024).toFixed(1)} kB`,
  );
}
const chunks = readdirSync('dist').filter((f) => f.endsWith('.js') && !files.includes(`dist/${f}`));
if (chunks.length) console.log(`other chunks in dist/: ${chunks.join(', ')}`);
