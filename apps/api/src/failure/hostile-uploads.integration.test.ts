import { attachments } from '@firebreak/db';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasGpsTag, hostileFiles, type HostileFile } from '../../test/hostile-files';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';
import { nextClientAddress } from '../../test/server-process';

/**
 * The hostile set over real HTTP (a listening server, multipart from fetch's
 * FormData, as a browser sends it): each file is refused with a coded message
 * in both languages, or re-encoded into a clean JPEG, and the server answers
 * /healthz and a normal upload after every one of them.
 */
let h: HttpWorld;
let base: string;
let cookie: string;
let files: HostileFile[];

beforeAll(async () => {
  h = await createHttpWorld({ trustProxy: ['127.0.0.1'] });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  cookie = await h.login('inspectorA1');
  files = await hostileFiles();
}, 120_000);
afterAll(async () => h?.close());

async function post(f: { bytes: Buffer; filename: string; contentType: string }) {
  const form = new FormData();
  form.append('file', new Blob([f.bytes], { type: f.contentType }), f.filename);
  const res = await fetch(`${base}/uploads`, { method: 'POST', body: form, headers: { cookie, 'x-forwarded-for': nextClientAddress() } });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string; messageZh: string } } };
}

async function serverStaysUp(): Promise<void> {
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  const ok = await post({ bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } }).jpeg().toBuffer(), filename: 'ok.jpg', contentType: 'image/jpeg' });
  expect(ok.status).toBe(201);
}

describe('hostile uploads', () => {
  it('refuses or cleans every file of the set, stores nothing for a refusal, and stays up', async () => {
    const outcomes: string[] = [];
    for (const f of files) {
      const rowsBefore = await h.world.db.db.$count(attachments);
      const filesBefore = (await h.files()).length;
      const started = performance.now();
      const res = await post(f);
      const ms = Math.round(performance.now() - started);
      if (f.expect.kind === 'refused') {
        expect(res.status, f.label).toBe(f.expect.status);
        expect(res.body.error, f.label).toMatchObject({ code: f.expect.code, message: expect.stringMatching(/\S/), messageZh: expect.stringMatching(/\S/) });
        expect(await h.world.db.db.$count(attachments), f.label).toBe(rowsBefore);
        expect((await h.files()).length, f.label).toBe(filesBefore);
        outcomes.push(`${f.label} (${f.bytes.length} B): ${res.status} ${res.body.error!.code} in ${ms} ms`);
      } else {
        expect(res.status, `${f.label}: ${JSON.stringify(res.body)}`).toBe(201);
        const shown = await fetch(`${base}/uploads/${res.body.id}`, { headers: { cookie } });
        expect(shown.status).toBe(200);
        expect(shown.headers.get('content-type')).toBe('image/jpeg');
        expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
        const served = Buffer.from(await shown.arrayBuffer());
        const meta = await sharp(served).metadata();
        expect(meta.format).toBe('jpeg');
        expect(meta.exif, f.label).toBeUndefined();
        expect(hasGpsTag(meta.exif)).toBe(false);
        expect(meta.comments ?? [], f.label).toEqual([]);
        const text = served.toString('latin1');
        expect(text).not.toContain('FirebreakPhone');
        expect(text).not.toMatch(/<script|<html/i);
        outcomes.push(`${f.label} (${f.bytes.length} B): 201, served ${served.length} B JPEG, no EXIF/GPS/comment, in ${ms} ms`);
      }
      await serverStaysUp();
    }
    // The generator's GPS photo really carried a GPS tag: the check above could fail.
    expect(hasGpsTag((await sharp(files[0]!.bytes).metadata()).exif)).toBe(true);
    const polyglot = files.find((f) => f.label === 'JPEG/HTML polyglot')!;
    expect(polyglot.bytes.toString('latin1')).toContain('<script>');
    expect((await sharp(polyglot.bytes).metadata()).format).toBe('jpeg');
    console.log(`[hostile uploads] ${files.length} files; server up after each:\n  ${outcomes.join('\n  ')}`);
  }, 90_000);
});
