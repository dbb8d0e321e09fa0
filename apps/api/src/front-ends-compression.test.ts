import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontEndFixture, type FrontEndFixture } from '../test/front-end-fixture';
import { buildApp } from './app';

const PRECOMPRESS = fileURLToPath(new URL('../../../tooling/precompress/precompress.mjs', import.meta.url));

// Text that compresses like real bundles (repetitive), plus a short file not worth compressing.
const JS = Array.from({ length: 2000 }, (_, i) => `export function f${i}(a){return a+${i};}\n`).join('');
const HTML = `<!doctype html><html><head><title>portal</title></head><body data-app="portal">${'<p>消防隐患举报</p>'.repeat(200)}</body></html>`;
const MAP = JSON.stringify({ version: 3, sources: ['src/secret.ts'], sourcesContent: ['const x = 1;'.repeat(500)] });

let fixture: FrontEndFixture;
let app: FastifyInstance;
let dist: string;

beforeAll(async () => {
  fixture = await createFrontEndFixture();
  dist = join(fixture.dir, 'portal', 'dist');
  await writeFile(join(dist, 'index.html'), HTML);
  await writeFile(join(dist, 'assets', 'index-abc123.js'), JS);
  await writeFile(join(dist, 'assets', 'index-abc123.js.map'), MAP);
  await writeFile(join(dist, 'assets', 'tiny-abc123.js'), 'export{}');
  await mkdir(join(dist, 'img'), { recursive: true });
  await writeFile(join(dist, 'img', 'photo.png'), randomBytes(4096));
  // The same command each front end's `build` script runs after `vite build`.
  execFileSync(process.execPath, [PRECOMPRESS, dist]);
  app = await buildApp({ logger: false, frontEndsDir: fixture.dir });
});

afterAll(async () => {
  await app?.close();
  await fixture?.cleanup();
});

describe('tooling/precompress', () => {
  it('writes smaller .br and .gz beside text files, and skips tiny files and images', () => {
    for (const f of ['index.html', 'assets/index-abc123.js']) {
      expect(existsSync(join(dist, `${f}.br`)), f).toBe(true);
      expect(existsSync(join(dist, `${f}.gz`)), f).toBe(true);
    }
    expect(existsSync(join(dist, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    expect(existsSync(join(dist, 'img', 'photo.png.br'))).toBe(false);
  });
});

describe('compressed static assets', () => {
  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends brotli to a browser that accepts it, with immutable caching and Vary', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(JS.length / 3);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
  });

  it('sends gzip when br is not accepted', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString()).toBe(JS);
  });

  it('sends the plain file (still varying on Accept-Encoding) when nothing is accepted', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.body).toBe(JS);
  });

  it.each(['/', '/index.html', '/reports/track'])('keeps %s no-cache when sent compressed', async (url) => {
    const res = await get(url, 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(HTML);
  });
});

describe('source maps', () => {
  it.each([
    ['/assets/index-abc123.js.map', undefined],
    ['/assets/index-abc123.js.map', 'br, gzip'],
    ['/assets/index-abc123.js.map?x=1', undefined],
  ])('%s (accept-encoding %s) is never served', async (url, acceptEncoding) => {
    const res = await app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('sourcesContent');
  });
});
