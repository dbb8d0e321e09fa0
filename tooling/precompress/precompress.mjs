#!/usr/bin/env node
// Writes `<file>.br` and `<file>.gz` next to every compressible file of a built front end,
// so the server sends compressed bytes without compressing on each request
// (@fastify/static `preCompressed`). Run after `vite build`: `node precompress.mjs dist`.
import { readdir, readFile, stat, writeFile, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats a browser receives; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|wasm|ico)$/i;
/** Below this the headers cost more than compression saves. */
export const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Compresses every eligible file under `dir`. A variant is kept only when it is smaller
 * than the original; a stale variant from an earlier build is removed.
 * Returns one row per original file considered.
 */
export async function precompress(dir) {
  const rows = [];
  for await (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const original = await readFile(path);
    const row = { file: relative(dir, path), bytes: original.length, br: null, gz: null };
    if (original.length >= MIN_BYTES) {
      const br = brotliCompressSync(original, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      });
      const gz = gzipSync(original, { level: constants.Z_BEST_COMPRESSION });
      if (br.length < original.length) {
        await writeFile(`${path}.br`, br);
        row.br = br.length;
      }
      if (gz.length < original.length) {
        await writeFile(`${path}.gz`, gz);
        row.gz = gz.length;
      }
    }
    for (const [ext, kept] of [['.br', row.br], ['.gz', row.gz]]) {
      if (kept === null) await unlink(`${path}${ext}`).catch(() => undefined);
    }
    rows.push(row);
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir || !(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error('usage: precompress.mjs <built dir>');
    process.exit(2);
  }
  const rows = await precompress(dir);
  const sum = (key) => rows.reduce((total, r) => total + (r[key] ?? r.bytes), 0);
  console.log(`precompress ${dir}: ${rows.length} files, ${kb(sum('bytes'))} → br ${kb(sum('br'))}, gzip ${kb(sum('gz'))}`);
}
