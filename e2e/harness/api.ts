import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@firebreak/api';
import { DEMO_PASSWORD, type DemoUser } from './demo';
import { baseUrl, clientAddress } from './browser';

export type Api = TRPCClient<AppRouter>;

/**
 * A typed API client outside the browser, for the other side of a journey (the inspector who
 * answers a portal reporter, the reward officers who pay a claim). `apiAs` signs in first.
 */
export function publicApi(headers: Record<string, string> = {}): Api {
  return clientWithCookies(new Map(), { 'x-forwarded-for': clientAddress(), ...headers });
}

export async function apiAs(user: DemoUser): Promise<Api> {
  const jar = new Map<string, string>();
  const api = clientWithCookies(jar, { 'x-forwarded-for': clientAddress() });
  await api.auth.login.mutate({ username: user, password: DEMO_PASSWORD });
  return api;
}

function clientWithCookies(jar: Map<string, string>, headers: Record<string, string>): Api {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl()}/trpc`,
        headers: () => ({
          ...headers,
          ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        }),
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          for (const line of res.headers.getSetCookie()) {
            const [pair] = line.split(';');
            const eq = pair?.indexOf('=') ?? -1;
            if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          return res;
        },
      }),
    ],
  });
}
