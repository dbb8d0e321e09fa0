import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { DEMO_PASSWORD, type DemoUser } from './demo';
import { openApp, type AppSession, type OpenOptions } from './browser';

// Helpers the journey specs (portal, whistleblower, console) each carried a copy of.

// ---------- a real, decodable PNG made here (no fixtures, no image library) ----------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** An RGB PNG with a diagonal gradient, `width` × `height`; `blue` is the constant blue channel. */
export function png(width: number, height: number, blue = 120): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      raw[o] = (x * 255) / width;
      raw[o + 1] = (y * 255) / height;
      raw[o + 2] = blue;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** No axe violations and no request to another origin. */
export async function expectClean(s: AppSession): Promise<void> {
  expect(await s.axe()).toEqual([]);
  expect(s.offsite).toEqual([]);
}

/** Console errors, less the browser's own line for a refused lookup (404 wrong receipt, 409 refused claim, 429 throttled). */
export function realProblems(s: AppSession): string[] {
  return s.problems.filter((p) => !/Failed to load resource: the server responded with a status of (404|409|429)/.test(p));
}

/** Every receipt the browser sent went in a POST body, never a URL: the leaks found (watch from now on). */
export function watchReceiptRequests(s: AppSession, receipt: () => string): string[] {
  const leaks: string[] = [];
  s.page.on('request', (r) => {
    const rc = receipt();
    if (rc && r.url().includes(rc)) leaks.push(`${r.method()} ${r.url()}`);
    if (rc && r.method() !== 'POST' && (r.postData() ?? '').includes(rc)) leaks.push(`${r.method()} body`);
  });
  return leaks;
}

/** Opens the console and signs in through its own sign-in form (sets the session cookie). */
export async function consoleAs(user: DemoUser, path = '/console/', viewport: OpenOptions['viewport'] = 'desktop'): Promise<AppSession> {
  const s = await openApp({ path, viewport });
  await s.page.getByLabel('用户名').fill(user);
  await s.page.getByLabel('密码').fill(DEMO_PASSWORD);
  await s.page.getByRole('button', { name: '登录', exact: true }).click();
  await s.page.getByTestId('signed-in-user').waitFor();
  return s;
}

/**
 * Waits until no table or page spinner is spinning and no modal or toast is fading in or out, so screenshots show data and axe does not meet a half-closed dialog.
 */
export async function settled(s: AppSession): Promise<void> {
  await s.page.waitForFunction(
    () =>
      document.querySelectorAll('.ant-spin-spinning, .ant-modal[class*="-leave"], .ant-modal[class*="-enter"], .ant-modal[class*="-appear"], [class*="ant-message-move-up"]').length === 0,
  );
}

/** The console page, settled, has no axe violations. */
export async function axeClean(s: AppSession): Promise<void> {
  await settled(s);
  expect(await s.axe()).toEqual([]);
}
