// Writes a Brotli (.br) and a gzip (.gz) copy beside each text asset of the build, once, so that the server hands
// compressed bytes to browsers that accept them without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../dist/assets/', import.meta.url).pathname;
const compressible = new Set(['.js', '.css', '.svg', '.json']);
// Below this many bytes, compressing saves less than the request's own overhead.
const smallest = 1024;

let before = 0;
let after = 0;
for (const name of readdirSync(root)) {
  const path = join(root, name);
  if (!compressible.has(extname(name)) || statSync(path).size < smallest) continue;
  const content = readFileSync(path);
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += brotli.length;
}
console.log(`compressed assets: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB with Brotli`);
