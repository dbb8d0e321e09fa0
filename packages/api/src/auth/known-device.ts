import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed "known device" cookie, set on each successful sign-in: it proves the
 * browser signed in as this user before, so the per-username failure backoff
 * (which anyone can run up from any address) does not lock the officer out of
 * their own machine. It carries no session and grants nothing but that pass.
 */
export const KNOWN_DEVICE_COOKIE = 'fb_device';
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 3600;
/** A shared workstation remembers this many accounts. */
const MAX_ENTRIES = 5;

export interface KnownDevices {
  /** Does the cookie vouch for this user, at this time? */
  vouchesFor(cookie: string | undefined, userId: string, now: Date): boolean;
  /** The cookie after a successful sign-in of `userId` (newest first, expired entries dropped). */
  remember(cookie: string | undefined, userId: string, now: Date): string;
}

/** `secret` is a server secret; the key is derived from it for this one purpose. */
export function createKnownDevices(secret: string): KnownDevices {
  const key = createHmac('sha256', secret).update('firebreak known-device cookie v1').digest();
  const sign = (userId: string, issued: number) => createHmac('sha256', key).update(`${userId}.${issued}`).digest('base64url');
  const entries = (cookie: string | undefined, now: Date): { userId: string; issued: number }[] => {
    if (!cookie || cookie.length > 2_000) return [];
    const out: { userId: string; issued: number }[] = [];
    for (const part of cookie.split('~').slice(0, MAX_ENTRIES)) {
      const [userId, issuedText, sig] = part.split('.');
      if (!userId || !issuedText || !sig || !/^\d{1,15}$/.test(issuedText)) continue;
      const issued = Number(issuedText);
      const age = now.getTime() / 1000 - issued;
      if (age < 0 || age > KNOWN_DEVICE_MAX_AGE_SECONDS) continue;
      const want = Buffer.from(sign(userId, issued));
      const got = Buffer.from(sig);
      if (want.length === got.length && timingSafeEqual(want, got)) out.push({ userId, issued });
    }
    return out;
  };
  return {
    vouchesFor: (cookie, userId, now) => entries(cookie, now).some((e) => e.userId === userId),
    remember(cookie, userId, now) {
      const issued = Math.floor(now.getTime() / 1000);
      const kept = entries(cookie, now).filter((e) => e.userId !== userId);
      return [{ userId, issued }, ...kept]
        .slice(0, MAX_ENTRIES)
        .map((e) => `${e.userId}.${e.issued}.${sign(e.userId, e.issued)}`)
        .join('~');
    },
  };
}
