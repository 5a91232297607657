// Fails when custom-elements.json is not what the analyzer makes from the source today.
import { readFileSync } from 'node:fs';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
const want = `${JSON.stringify(fresh, null, 2)}\n`;
let have = '';
try {
  have = readFileSync('custom-elements.json', 'utf8');
} catch {}
if (have !== want) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
