import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { attachments } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, multipartBody, nextAddress, type HttpWorld } from '../../test/http-world';
import { createEvidenceStore } from './evidence-store';
import type { UploadCreated } from './upload-routes';

let h: HttpWorld;
let cookies: { inspectorA1: string; inspectorB1: string; rewardOfficer: string; supervisorCity: string };

beforeAll(async () => {
  h = await createHttpWorld();
  cookies = {
    inspectorA1: await h.login('inspectorA1'),
    inspectorB1: await h.login('inspectorB1'),
    rewardOfficer: await h.login('rewardOfficer'),
    supervisorCity: await h.login('supervisorCity'),
  };
}, 120_000);
afterAll(async () => h?.close());

/** A phone photo: EXIF with the maker, the model and where it was taken. */
async function phoneJpeg(width = 64, height = 48, orientation?: number): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: '#c33' } }).jpeg();
  const exif = base.withExif({
    IFD0: { Make: 'FirebreakPhone', Model: 'X1' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 9/1 0/1' },
  });
  const withExif = await exif.toBuffer();
  return orientation ? sharp(withExif).keepExif().withMetadata({ orientation }).jpeg().toBuffer() : withExif;
}

function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

async function upload(data: Buffer | string, opts: { cookie?: string; filename?: string; contentType?: string } = {}) {
  const body = multipartBody([{ name: 'file', filename: opts.filename ?? 'photo.jpg', contentType: opts.contentType ?? 'image/jpeg', data }]);
  return h.app.inject({
    method: 'POST',
    url: '/uploads',
    remoteAddress: nextAddress(),
    payload: body.payload,
    headers: { ...body.headers, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
  });
}

const count = () => h.world.db.db.$count(attachments);

async function rowOf(id: string) {
  const rows = await h.world.db.db.select().from(attachments);
  return rows.find((r) => r.id === id)!;
}

/** Files a report through Open311 with these uploads attached, near venue A (甲区) or B (乙区). */
async function reportWith(ids: readonly string[], near: 'A' | 'B'): Promise<string> {
  const at = near === 'A' ? { lat: '30.0001', long: '120.0001' } : { lat: '30.1001', long: '120.1001' };
  const res = await h.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    remoteAddress: nextAddress(),
    payload: new URLSearchParams({
      api_key: h.apiKey,
      service_code: 'evacuation_blocked',
      ...at,
      address_string: near === 'A' ? '甲区人民路1号' : '乙区解放路2号',
      description: '安全出口被货物堵住',
      'attribute[attachment_ids]': ids.join(','),
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ service_request_id: string }[]>()[0]!.service_request_id;
}

describe('POST /uploads', () => {
  it('keeps the original sealed and serves a display copy without EXIF', async () => {
    const original = await phoneJpeg();
    expect(hasGpsPointer((await sharp(original).metadata()).exif)).toBe(true);
    const before = await count();

    const res = await upload(original, { cookie: cookies.inspectorA1 });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json<UploadCreated>();
    expect(created).toMatchObject({ width: 64, height: 48 });
    expect(await count()).toBe(before + 1);

    const row = await rowOf(created.id);
    expect(row).toMatchObject({
      sha256: createHash('sha256').update(original).digest('hex'),
      mime: 'image/jpeg',
      sizeBytes: original.length,
      width: 64,
      height: 48,
      entity: null,
      uploadedByUserId: h.world.users.inspectorA1.id,
    });
    expect(row.sealedOriginalKey).toMatch(/^[0-9a-f]{32}$/);
    expect(row.displayKey).toMatch(/^[0-9a-f]{32}\.jpg$/);

    // On disk the original is ciphertext: no JPEG marker, no maker name.
    const onDisk = await readFile(join(h.uploadsDir, row.sealedOriginalKey));
    expect(onDisk.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(onDisk.toString('latin1')).not.toContain('FirebreakPhone');
    const store = createEvidenceStore(h.uploadsDir, h.world.services.sealer);
    expect((await store.openOriginal(created.id, row.sealedOriginalKey)).equals(original)).toBe(true);
    // Bound to its attachment: moved to another row, it does not open.
    await expect(store.openOriginal('00000000-0000-4000-8000-000000000000', row.sealedOriginalKey)).rejects.toMatchObject({ code: 'SEAL.TAMPERED' });

    const shown = await h.app.inject({ method: 'GET', url: `/uploads/${created.id}`, headers: { cookie: cookies.inspectorA1 } });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(shown.headers['content-disposition']).toBe(`inline; filename="${created.id}.jpg"`);
    expect(shown.headers['cache-control']).toBe('private, no-store');
    const meta = await sharp(shown.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(hasGpsPointer(meta.exif)).toBe(false);
    expect(shown.rawPayload.toString('latin1')).not.toContain('FirebreakPhone');
  });

  it('turns the display copy upright by the EXIF orientation', async () => {
    const res = await upload(await phoneJpeg(40, 20, 6));
    expect(res.statusCode).toBe(201);
    const created = res.json<UploadCreated>();
    expect(created).toMatchObject({ width: 20, height: 40 });
    expect(await rowOf(created.id)).toMatchObject({ width: 20, height: 40, uploadedByUserId: null });
  });

  it('scales the display copy to 2048 px on the long edge and accepts PNG and WebP by their bytes', async () => {
    const png = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#369' } }).png().toBuffer();
    const res = await upload(png, { filename: 'scan.jpg', contentType: 'image/jpeg' });
    expect(res.statusCode).toBe(201);
    expect(res.json<UploadCreated>()).toMatchObject({ width: 2048, height: 683 });
    expect((await rowOf(res.json<UploadCreated>().id)).mime).toBe('image/png');

    const webp = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#0a0' } }).webp().toBuffer();
    const w = await upload(webp, { filename: 'x.bin', contentType: 'application/octet-stream' });
    expect(w.statusCode).toBe(201);
    expect((await rowOf(w.json<UploadCreated>().id)).mime).toBe('image/webp');
  });

  it.each([
    ['a script named photo.jpg', Buffer.from('<script>alert(1)</script>'), 415, 'UPLOAD.UNSUPPORTED_TYPE'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 415, 'UPLOAD.UNSUPPORTED_TYPE'],
    ['a truncated JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]), 422, 'UPLOAD.UNREADABLE'],
    // An iPhone's default format; this build of libvips reads AVIF but not HEVC-coded HEIC.
    ['a HEIC photo', Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(256, 3)]), 415, 'UPLOAD.HEIC_UNSUPPORTED'],
  ])('refuses %s with a coded error and stores nothing', async (_label, data, status, code) => {
    const before = await count();
    const filesBefore = (await h.files()).length;
    const res = await upload(data);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code, messageZh: expect.any(String), message: expect.any(String) } });
    expect(await count()).toBe(before);
    expect((await h.files()).length).toBe(filesBefore);
  });

  it('refuses more than 10 MB', async () => {
    const before = await count();
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024, 1)]);
    const res = await upload(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'UPLOAD.TOO_LARGE' } });
    expect(await count()).toBe(before);
  });

  it('refuses more than 40 megapixels before decoding them', async () => {
    const before = await count();
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload(bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'UPLOAD.TOO_MANY_PIXELS' } });
    expect(await count()).toBe(before);
  }, 30_000);

  it('asks for a file when there is none', async () => {
    const fieldsOnly = multipartBody([{ name: 'note', data: 'hello' }]);
    const res = await h.app.inject({ method: 'POST', url: '/uploads', remoteAddress: nextAddress(), payload: fieldsOnly.payload, headers: fieldsOnly.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'UPLOAD.NO_FILE' } });
    const json = await h.app.inject({ method: 'POST', url: '/uploads', remoteAddress: nextAddress(), payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: { code: 'UPLOAD.NO_FILE' } });
  });
});

describe('GET /uploads/:id', () => {
  let inA: string;
  let inB: string;
  let loose: string;

  beforeAll(async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(await phoneJpeg())).json<UploadCreated>().id);
    [inA, inB, loose] = ids as [string, string, string];
    await reportWith([inA], 'A');
    await reportWith([inB], 'B');
  });

  it('is attached to the report it was filed with', async () => {
    expect(await rowOf(inA)).toMatchObject({ entity: 'report' });
  });

  it('serves staff who may read the report, in their jurisdiction', async () => {
    for (const cookie of [cookies.inspectorA1, cookies.supervisorCity]) {
      const res = await h.app.inject({ method: 'GET', url: `/uploads/${inA}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('refuses a report outside the jurisdiction', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/uploads/${inB}`, headers: { cookie: cookies.inspectorA1 } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'ACCESS.OUT_OF_SCOPE' } });
    expect(res.headers['content-type']).toMatch(/json/);
    const inScope = await h.app.inject({ method: 'GET', url: `/uploads/${inB}`, headers: { cookie: cookies.inspectorB1 } });
    expect(inScope.statusCode).toBe(200);
  });

  it('refuses a role that may not read reports', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/uploads/${inA}`, headers: { cookie: cookies.rewardOfficer } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'ACCESS.ROLE_NOT_ALLOWED' } });
  });

  it('refuses anyone signed out, and staff for an upload attached to nothing', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: `/uploads/${inA}` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } });
    const unattached = await h.app.inject({ method: 'GET', url: `/uploads/${loose}`, headers: { cookie: cookies.inspectorA1 } });
    expect(unattached.statusCode).toBe(403);
    expect(unattached.json()).toMatchObject({ error: { code: 'ACCESS.FORBIDDEN' } });
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-an-id', '..%2F..%2Fetc%2Fpasswd'])('answers 404 for %s', async (id) => {
    const res = await h.app.inject({ method: 'GET', url: `/uploads/${id}`, headers: { cookie: cookies.inspectorA1 } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
