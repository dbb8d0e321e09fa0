import { createThrottle } from './throttle';

const MINUTES = 60_000;

/**
 * Sign-in throttling that an attacker cannot turn against a named officer:
 *  - per address and username together: the brute force of one account from one place;
 *  - per address: spraying many usernames from one place;
 *  - per username, failures only, a slower budget from any address: a password
 *    guessed from a botnet. Running it up locks nobody out of a browser that
 *    signed in as that user before (the known-device cookie), so the worst an
 *    attacker achieves is that the officer must use a machine they used before
 *    or wait for the window to pass.
 */
export interface LoginThrottles {
  /** null when the attempt may go ahead; otherwise which limit stopped it. */
  refuse(k: { client: string; username: string; knownDevice: boolean }, now: number): 'pair' | 'client' | 'username' | null;
  /** Counts a wrong password (or unknown user) against the username's budget. */
  failed(username: string, now: number): void;
}

export interface LoginThrottleLimits {
  readonly pair: number;
  readonly client: number;
  readonly usernameFailures: number;
  readonly windowMs: number;
  readonly usernameWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  pair: 10,
  client: 50,
  usernameFailures: 20,
  windowMs: 15 * MINUTES,
  usernameWindowMs: 60 * MINUTES,
};

export function createLoginThrottles(limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS): LoginThrottles {
  const pair = createThrottle({ limit: limits.pair, windowMs: limits.windowMs });
  const client = createThrottle({ limit: limits.client, windowMs: limits.windowMs });
  const username = createThrottle({ limit: limits.usernameFailures, windowMs: limits.usernameWindowMs });
  const norm = (u: string) => u.trim().toLowerCase();
  return {
    refuse(k, now) {
      const user = norm(k.username);
      if (!pair.take(`${k.client}\u0001${user}`, now)) return 'pair';
      // A known device is this user's own browser: neither a busy shared address nor a
      // run-up username budget may keep it out. The pair limit still bounds its guesses.
      if (k.knownDevice) return null;
      if (!client.take(k.client, now)) return 'client';
      if (username.exhausted(user, now)) return 'username';
      return null;
    },
    failed(u, now) {
      username.take(norm(u), now);
    },
  };
}
