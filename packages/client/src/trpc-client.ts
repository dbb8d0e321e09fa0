import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '@firebreak/api';

export type FirebreakClient = TRPCClient<AppRouter>;

/**
 * `baseUrl` is the server origin ('' for the same origin, which is how the front
 * ends are served in production and proxied by Vite in development). Plain JSON:
 * dates travel as ISO strings.
 */
export function createFirebreakClient(baseUrl = ''): FirebreakClient {
  const url = `${baseUrl.replace(/\/+$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        // Session cookies must ride along when the API sits on another origin in development.
        fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}
