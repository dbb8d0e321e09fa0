import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { attachments, createDb } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps } from '../../test/hostile-files';
import { createHttpWorld, multipartBody, nextAddress, type HttpWorld } from '../../test/http-world';
import { createFrontEndFixture, type FrontEndFixture } from '../../test/front-end-fixture';
import { nextClientAddress, prepareBareCity, spawnServer } from '../../test/server-process';
import { buildApp } from '../app';
import { serverDatabase } from '../database';
import { loadEnv } from '../env';
import { BlobNotFoundError, BlobStoreError } from './blob-store';
import { createEvidenceStore, openBlobStore } from './evidence-store';
import { createS3BlobStore } from './s3-blob-store';
import type { S3StorageConfig } from './storage-url';
import type { UploadCreated } from './upload-routes';

/**
 * The S3 adapter against an S3-protocol server in this process (s3rver: the
 * real protocol over HTTP, SigV4 signatures checked, objects on disk), and two
 * app instances sharing one bucket as two servers of a deployment would.
 */
const BUCKET = 'firebreak-evidence';
let s3: S3rver;
let s3Dir: string;
let config: S3StorageConfig;
let storageUrl: string;
let h: HttpWorld;
let second: FastifyInstance;
let fixture: FrontEndFixture;

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), 'fb-s3rver-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await s3.run();
  // s3rver's built-in account; the URL is what an operator would put in FIREBREAK_STORAGE_URL.
  const url = `s3+http://S3RVER:S3RVER@127.0.0.1:${port}/${BUCKET}/evidence`;
  storageUrl = url;
  config = loadEnv({ FIREBREAK_STORAGE_URL: url }, tmpdir()).FIREBREAK_STORAGE_URL!;
  h = await createHttpWorld({ uploadsStore: openBlobStore(config) });
  // A second server of the same deployment: same database, same keys, its own S3 client.
  fixture = await createFrontEndFixture();
  second = await buildApp({
    logger: false,
    frontEndsDir: fixture.dir,
    db: serverDatabase(h.world.db),
    services: h.world.services,
    clock: () => h.world.now,
    uploadsStore: createS3BlobStore(config),
    deployment: 'test',
  });
}, 120_000);

afterAll(async () => {
  await second?.close();
  await fixture?.cleanup();
  await h?.close();
  await s3?.close();
  if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
});

const phoneJpeg = () => jpegWithGps(64, 48);

describe('S3 blob store', () => {
  it('reads FIREBREAK_STORAGE_URL into an endpoint, bucket, prefix and keys', () => {
    expect(config).toMatchObject({ kind: 's3', bucket: BUCKET, prefix: 'evidence/', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(config.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(createS3BlobStore(config).location).not.toContain('S3RVER');
  });

  it('puts, gets and removes an object, byte for byte, under the prefix', async () => {
    const store = createS3BlobStore(config);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
    await store.put('0123456789abcdef0123456789abcdef', bytes);
    expect((await store.get('0123456789abcdef0123456789abcdef')).equals(bytes)).toBe(true);
    await store.remove('0123456789abcdef0123456789abcdef');
    await expect(store.get('0123456789abcdef0123456789abcdef')).rejects.toBeInstanceOf(BlobNotFoundError);
    await store.remove('0123456789abcdef0123456789abcdef'); // twice is fine
  });

  // s3rver checks the access key of every SigV4 request but does not recompute
  // the signature itself (its own source says so), so a wrong secret would pass here.
  it('is refused by the bucket server with an unknown access key, with a message that carries no secret', async () => {
    const wrong = createS3BlobStore({ ...config, accessKeyId: 'NOT-A-KEY', secretAccessKey: 'not-the-secret' }, { retries: 0 });
    const error = await wrong.put('ffffffffffffffffffffffffffffffff', Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStoreError);
    expect((error as BlobStoreError).status).toBe(403);
    expect((error as Error).message).toContain('InvalidAccessKeyId');
    expect((error as Error).message).not.toContain('not-the-secret');
    await expect(createS3BlobStore(config).get('ffffffffffffffffffffffffffffffff')).rejects.toBeInstanceOf(BlobNotFoundError);
  });
});

describe('uploads on S3, two servers, one bucket', () => {
  it('seals the original before it leaves the process and serves the display copy from either server', async () => {
    const cookie = await h.login('inspectorA1');
    const original = await phoneJpeg();
    const body = multipartBody([{ name: 'file', filename: 'IMG_0001.jpg', contentType: 'image/jpeg', data: original }]);
    const res = await h.app.inject({ method: 'POST', url: '/uploads', remoteAddress: nextAddress(), payload: body.payload, headers: { ...body.headers, cookie } });
    expect(res.statusCode).toBe(201);
    const created = res.json<UploadCreated>();
    const row = (await h.world.db.db.select().from(attachments)).find((r) => r.id === created.id)!;

    // Nothing on local disk: the bucket holds both files.
    expect(await h.files()).toEqual([]);
    const raw = createS3BlobStore(config);
    const sealed = await raw.get(row.sealedOriginalKey);
    expect(sealed.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(sealed.toString('latin1')).not.toContain('FirebreakPhone');
    expect(sealed.equals(original)).toBe(false);
    const evidence = createEvidenceStore(raw, h.world.services.sealer);
    expect((await evidence.openOriginal(created.id, row.sealedOriginalKey)).equals(original)).toBe(true);
    // And the bucket server's own files (what its operator could read) hold no plaintext either.
    const onDisk = await collect(s3Dir);
    expect(onDisk.some((f) => f.includes(row.sealedOriginalKey))).toBe(true);

    for (const app of [h.app, second]) {
      const shown = await app.inject({ method: 'GET', url: `/uploads/${created.id}`, headers: { cookie } });
      expect(shown.statusCode).toBe(200);
      const meta = await sharp(shown.rawPayload).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
    }
  });

  it('removes objects, and refuses a key it did not make', async () => {
    const before = (await collect(s3Dir)).filter((f) => /[0-9a-f]{32}/.test(f)).length;
    const store = createEvidenceStore(createS3BlobStore(config), h.world.services.sealer);
    const key = await store.saveOriginal('00000000-0000-4000-8000-000000000000', Buffer.from('evidence'));
    const display = await store.saveDisplay(Buffer.from('display'));
    await store.remove(key);
    await store.remove(display);
    await expect(store.readDisplay(display)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect((await collect(s3Dir)).filter((f) => /[0-9a-f]{32}/.test(f)).length).toBe(before);
    expect(() => store.remove('../../etc/passwd')).toThrow(/not a storage key/);
  });
});

describe('a bucket server that is down', () => {
  it('answers uploads with 503 STORAGE.UNAVAILABLE in both languages, records nothing, and keeps serving', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const down = await buildApp({
      logger: false,
      frontEndsDir: fixture.dir,
      db: serverDatabase(h.world.db),
      services: h.world.services,
      clock: () => h.world.now,
      uploadsStore: createS3BlobStore({ ...config, endpoint: `http://127.0.0.1:${port}` }, { timeoutMs: 2_000 }),
      deployment: 'test',
    });
    try {
      const rows = await h.world.db.db.$count(attachments);
      const body = multipartBody([{ name: 'file', filename: 'IMG_0003.jpg', contentType: 'image/jpeg', data: await phoneJpeg() }]);
      const res = await down.inject({ method: 'POST', url: '/uploads', remoteAddress: nextAddress(), payload: body.payload, headers: body.headers });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ error: { code: 'STORAGE.UNAVAILABLE', message: expect.stringMatching(/file store/), messageZh: expect.stringMatching(/文件存储/) } });
      expect(await h.world.db.db.$count(attachments)).toBe(rows);
      expect((await down.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe('the server process with FIREBREAK_STORAGE_URL', () => {
  it('stores uploads in the bucket and nothing in the data dir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fb-s3-server-'));
    try {
      const pre = await createDb({ dataDir: join(dataDir, 'pglite') });
      await prepareBareCity(pre);
      await pre.close();
      const server = await spawnServer({ dataDir, env: { FIREBREAK_STORAGE_URL: storageUrl } });
      try {
        expect(server.output()).toContain('"storage":"s3+http://127.0.0.1:');
        expect(server.output()).not.toContain('S3RVER:S3RVER');
        const before = (await collect(s3Dir)).length;
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(await phoneJpeg())], { type: 'image/jpeg' }), 'IMG_0002.jpg');
        const res = await fetch(`${server.baseUrl}/uploads`, { method: 'POST', body: form, headers: { 'x-forwarded-for': nextClientAddress() } });
        expect(res.status).toBe(201);
        expect((await collect(s3Dir)).length).toBeGreaterThanOrEqual(before + 2);
        expect(existsSync(join(dataDir, 'uploads')) ? await readdir(join(dataDir, 'uploads')) : []).toEqual([]);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

async function collect(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}
