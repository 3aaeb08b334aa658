// Fails when the JavaScript the built app loads before its first render exceeds the budget.
// "Initial" = the entry script and every module it preloads, as listed in dist/index.html.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 162;
const dist = process.env.SIZE_DIST ?? join(import.meta.dirname, '../../dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
if (files.length === 0) throw new Error('no scripts found in dist/index.html');
let total = 0;
for (const file of files) {
  const kb = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
  total += kb;
  console.log(`${file.padEnd(40)} ${kb.toFixed(1)} KB gzip`);
}
console.log(`initial JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB) {
  console.error(`Initial JavaScript is over budget by ${(total - BUDGET_KB).toFixed(1)} KB: load rarely used parts lazily.`);
  process.exit(1);
}
