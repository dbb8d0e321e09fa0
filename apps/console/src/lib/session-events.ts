import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '@firebreak/client';
import { isUnauthorized } from './text';

type Listener = () => void;
const listeners = new Set<Listener>();
let expired = false;

/** The session ended under the user (cookie expired or revoked): the shell asks them to sign in again. */
export const sessionExpiry = {
  get: () => expired,
  set(value: boolean) {
    if (expired === value) return;
    expired = value;
    for (const l of listeners) l();
  },
  subscribe(l: Listener) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** The shared query client, with one place that notices a 401 from any query or mutation. */
export function createConsoleQueryClient(): QueryClient {
  const defaults = createQueryClient().getDefaultOptions();
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) sessionExpiry.set(true);
  };
  return new QueryClient({ defaultOptions: defaults, queryCache: new QueryCache({ onError }), mutationCache: new MutationCache({ onError }) });
}

/**
 * Whether this browser signed in here before. The session cookie is httpOnly, so the
 * console cannot see it; without this hint a first visit would ask auth.me and draw a
 * 401 into the browser console before the sign-in page.
 */
const HINT = 'fb.console.signedIn';
export const sessionHint = {
  get: () => {
    try {
      return localStorage.getItem(HINT) === '1';
    } catch {
      return false;
    }
  },
  set(on: boolean) {
    try {
      if (on) localStorage.setItem(HINT, '1');
      else localStorage.removeItem(HINT);
    } catch {
      /* private mode: ask the server every time */
    }
  },
};
